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
//!
//! # Supported mechanisms
//!
//! | `sasl.mechanism` | type | JAAS login module |
//! | --- | --- | --- |
//! | `PLAIN` | [`Plain`] | `PlainLoginModule` (`username`, `password`) |
//! | `SCRAM-SHA-256`, `SCRAM-SHA-512` | [`Scram`] | `ScramLoginModule` (`username`, `password`, `tokenauth`) |
//! | `OAUTHBEARER` | [`OAuthBearer`] with a [`TokenProvider`] | `OAuthBearerLoginModule` (`unsecuredLogin*`: [`UnsecuredTokenProvider`]) |
//!
//! OAUTHBEARER tokens come from any [`TokenProvider`]: [`UnsecuredTokenProvider`] (Kafka's
//! unsigned development tokens), [`FileTokenProvider`] (a JWT in a file,
//! `sasl.oauthbearer.token.endpoint.url=file:///...`), or, with the cargo feature
//! `oauth-oidc`, `oidc::ClientCredentialsProvider` (an OAuth 2 token endpoint, KIP-768).
//!
//! [`config::from_properties`] builds one from the Java client's keys (`sasl.mechanism`,
//! `sasl.jaas.config`, `sasl.login.refresh.*`); [`jaas`] parses `sasl.jaas.config`. Secrets
//! (passwords, tokens) are held as [`Secret`](crate::secret::Secret)s and never appear in
//! `Debug`, `Display` or errors.
//!
//! # Another mechanism
//!
//! GSSAPI (Kerberos), AWS MSK IAM or a vendor's mechanism: implement [`Mechanism`] (its name
//! and a fresh [`Exchange`] per authentication) and [`Exchange::step`] (the client's messages,
//! given the broker's). A toy mechanism that sends a fixed greeting and expects `ok` back:
//!
//! ```
//! use futures_util::future::BoxFuture;
//! use kfk_client::sasl::{Exchange, Mechanism, SaslError, Step};
//! use kfk_client::BrokerId;
//!
//! #[derive(Debug)]
//! struct Hello;
//!
//! struct HelloExchange {
//!     sent: bool,
//! }
//!
//! impl Mechanism for Hello {
//!     fn name(&self) -> &str {
//!         "X-HELLO"
//!     }
//!
//!     fn begin<'a>(&'a self, _broker: &'a BrokerId) -> BoxFuture<'a, Result<Box<dyn Exchange>, SaslError>> {
//!         // A real mechanism may await here: fetch a token, sign a request.
//!         Box::pin(async { Ok(Box::new(HelloExchange { sent: false }) as Box<dyn Exchange>) })
//!     }
//! }
//!
//! impl Exchange for HelloExchange {
//!     fn step(&mut self, challenge: Option<&[u8]>) -> Result<Step, SaslError> {
//!         match (self.sent, challenge) {
//!             (false, None) => {
//!                 self.sent = true;
//!                 Ok(Step::Respond(b"hello".to_vec()))
//!             }
//!             (true, Some(b"ok")) => Ok(Step::Done),
//!             _ => Err(SaslError::Malformed { mechanism: "X-HELLO".into(), detail: "expected `ok`".into() }),
//!         }
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let broker = BrokerId { node_id: 1, addr: "localhost:9092".into() };
//! let mut exchange = Hello.begin(&broker).await.unwrap();
//! assert_eq!(exchange.step(None).unwrap(), Step::Respond(b"hello".to_vec()));
//! assert_eq!(exchange.step(Some(b"ok")).unwrap(), Step::Done);
//! # });
//! ```

pub mod config;
pub mod jaas;
pub mod oauthbearer;
#[cfg(feature = "oauth-oidc")]
pub mod oidc;
pub mod plain;
pub mod scram;

pub use config::{from_properties, SASL_KEYS};
pub use oauthbearer::{
    FileTokenProvider, OAuthBearer, OAuthToken, RefreshConfig, TokenProvider, UnsecuredTokenProvider,
};
pub use plain::Plain;
pub use scram::{Scram, ScramHash};

use std::fmt;

use futures_util::future::BoxFuture;

use crate::error::BrokerId;
pub use crate::error::SaslError;

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

    /// Why the exchange failed, when the mechanism knows better than the broker's error code:
    /// OAUTHBEARER answers the broker's error status with `\x01` (RFC 7628), after which the
    /// broker fails the `SaslAuthenticate` itself; this is the status the broker had sent.
    /// `None` by default.
    fn failure(&self) -> Option<SaslError> {
        None
    }
}

/// What an [`Exchange`] wants next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Send these bytes in a `SaslAuthenticate`.
    Respond(Vec<u8>),
    /// Authenticated.
    Done,
}
