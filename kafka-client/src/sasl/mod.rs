//! SASL authentication (KIP-43, KIP-152): what a mechanism is, and how a connection runs one.
//!
//! After TCP (and TLS) a connection sends `SaslHandshake` naming the mechanism, then one
//! `SaslAuthenticate` per message the mechanism produces, handing each answer back to it, until
//! the mechanism says the exchange is complete. A mechanism is a [`Mechanism`]; one run of it,
//! on one connection, is an [`Exchange`]. The exchange is a pure state machine (no I/O), so each
//! mechanism is tested without a broker, and a mechanism this crate lacks (GSSAPI, AWS MSK IAM)
//! can live in its own crate: implement [`Mechanism`] and hand it to the client's config.
//!
//! When the broker answers the last `SaslAuthenticate` with a session lifetime (KIP-368), the
//! connection runs a new exchange before the session expires.

/// `sasl.mechanism` and `sasl.jaas.config` from Java-style properties.
pub mod config;
pub mod plain;

use std::fmt;

use futures_util::future::BoxFuture;

use crate::error::BrokerId;

/// A SASL mechanism: creates one [`Exchange`] per authentication.
pub trait Mechanism: Send + Sync + fmt::Debug {
    /// The name `SaslHandshake` carries (`PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512`,
    /// `OAUTHBEARER`).
    fn name(&self) -> &str;

    /// Begins one exchange with `broker`: a connection's first authentication, or a
    /// re-authentication. Asynchronous so that a mechanism may fetch a token first.
    fn begin<'a>(&'a self, broker: &'a BrokerId) -> BoxFuture<'a, Result<Box<dyn Exchange>, SaslError>>;
}

/// One authentication exchange on one connection.
pub trait Exchange: Send {
    /// The next step given the broker's last message: `None` before the first, then the
    /// `auth_bytes` of each successful `SaslAuthenticate` answer. [`Step::Done`] once the
    /// exchange is complete and, where the mechanism allows it, the broker proved who it is
    /// (SCRAM's server signature).
    fn step(&mut self, challenge: Option<&[u8]>) -> Result<Step, SaslError>;
}

/// What an [`Exchange`] wants next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Send these bytes in a `SaslAuthenticate`.
    Respond(Vec<u8>),
    /// Authenticated.
    Done,
}

/// Why a mechanism could not authenticate. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SaslError {
    /// The broker's message does not follow the mechanism (malformed, out of order).
    #[error("{mechanism}: the broker's message is malformed: {detail}")]
    Malformed {
        /// The mechanism.
        mechanism: String,
        /// What was wrong (no secret).
        detail: String,
    },
    /// The broker failed to prove it knows the credentials (SCRAM's server signature): it may
    /// not be the broker it claims to be.
    #[error("{mechanism}: the broker's final message does not prove it knows the password; refusing it")]
    ServerNotVerified {
        /// The mechanism.
        mechanism: String,
    },
    /// The broker reported an error inside the exchange (SCRAM's `e=...`).
    #[error("{mechanism}: the broker refused the exchange: {message}")]
    Refused {
        /// The mechanism.
        mechanism: String,
        /// The broker's words.
        message: String,
    },
    /// The mechanism could not get what it sends (a token provider failed).
    #[error("{mechanism}: {detail}")]
    Credentials {
        /// The mechanism.
        mechanism: String,
        /// What failed (no secret).
        detail: String,
    },
}
