//! The DescribeDelegationToken API (key 41).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

pub mod request;
pub mod response;

pub use request::DescribeDelegationTokenRequest;
pub use response::DescribeDelegationTokenResponse;
