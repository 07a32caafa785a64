//! Talking to brokers: framing, correlation, pipelining, timeouts and version negotiation.
//!
//! Setting a connection up is one pipeline ([`Connection::connect`]), bounded as a whole by
//! `socket.connection.setup.timeout.ms`:
//!
//! 1. TCP;
//! 2. TLS when `security.protocol` is `SSL` or `SASL_SSL` (rustls, feature `tls`; the server
//!    name is the broker's advertised host, an IP address included);
//! 3. ApiVersions;
//! 4. SASL when `security.protocol` is `SASL_PLAINTEXT` or `SASL_SSL`: SaslHandshake, then
//!    SaslAuthenticate until the mechanism is done, and re-authentication before the session
//!    expires (KIP-368).
//!
//! Each step fails with its own typed error naming the broker: [`crate::Error::Io`],
//! [`crate::Error::Tls`], [`crate::Error::SaslMechanismUnsupported`],
//! [`crate::Error::SaslAuthenticationFailed`], [`crate::Error::ConnectTimeout`].

mod authenticate;
mod connection;
#[cfg(feature = "tls")]
pub mod tls;
mod versions;

pub use connection::{
    Connection, ConnectionConfig, ConnectionSecurity, DEFAULT_MAX_RESPONSE_SIZE, NON_RECORD_FRACTION,
};
pub use versions::ApiVersions;
