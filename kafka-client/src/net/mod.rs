//! Talking to brokers: framing, correlation, pipelining, timeouts and version negotiation.
//!
//! TLS and SASL slot in between connecting and the ApiVersions handshake (see
//! [`Connection::connect`]); they are not built yet.

mod connection;
mod versions;

pub use connection::{Connection, ConnectionConfig, DEFAULT_MAX_RESPONSE_SIZE, NON_RECORD_FRACTION};
pub use versions::ApiVersions;
