//! The PushTelemetry API (key 72).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

pub mod request;
pub mod response;

pub use request::PushTelemetryRequest;
pub use response::PushTelemetryResponse;
