//! The BrokerRegistration API (key 62).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

pub mod request;
pub mod response;

pub use request::BrokerRegistrationRequest;
pub use response::BrokerRegistrationResponse;
