//! Request and response headers.
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

pub mod request_header;
pub mod response_header;

pub use request_header::RequestHeader;
pub use response_header::ResponseHeader;
