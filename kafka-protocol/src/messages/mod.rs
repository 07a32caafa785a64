//! Generated message types (placeholder until `cargo xtask codegen` runs).
/// API keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiKey {}
