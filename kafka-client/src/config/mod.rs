//! Configuration: typed builders, and `from_properties` accepting the Java client's keys.

mod common;
mod consumer;
mod producer;
pub mod properties;
mod security;

pub use common::{CommonConfig, COMMON_KEYS, IGNORED_KEYS};
pub use consumer::{ConsumerConfig, IsolationLevel, OffsetReset, CONSUMER_KEYS};
pub use producer::{Acks, ProducerConfig, ProducerConfigBuilder, PRODUCER_KEYS};
#[cfg(all(feature = "oauth-oidc", feature = "tls"))]
pub(crate) use security::take_tls;
pub use security::{
    KeyStore, SecurityConfig, SecurityProtocol, StoreType, TlsConfig, TlsVersion, TrustStore, SSL_KEYS,
};

/// A configuration key or value that is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// The key is not one this client knows.
    #[error("unknown configuration key `{key}`{}", suggestion.as_deref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownKey {
        /// The key.
        key: String,
        /// A known key close to it.
        suggestion: Option<String>,
    },
    /// The value is not valid for the key.
    #[error("invalid value `{value}` for `{key}`: expected {expected}")]
    InvalidValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// A required key is missing.
    #[error("missing required configuration `{key}`")]
    Missing {
        /// The key.
        key: String,
    },
}
