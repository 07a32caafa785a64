//! Configuration: typed builders, and `from_properties` accepting the Java client's keys.

mod common;
mod consumer;
mod group;
mod producer;
pub mod properties;
mod security;

pub use crate::error::ConfigError;
pub use common::{CommonConfig, COMMON_KEYS, IGNORED_KEYS};
pub use consumer::{ConsumerConfig, IsolationLevel, OffsetReset, CONSUMER_KEYS};
pub(crate) use group::assignor_name;
pub use group::{GroupConfig, GroupProtocol};
pub use producer::{Acks, ProducerConfig, ProducerConfigBuilder, PRODUCER_KEYS};
#[cfg(all(feature = "oauth-oidc", feature = "tls"))]
pub(crate) use security::take_tls;
pub use security::{
    KeyStore, SecurityConfig, SecurityProtocol, StoreType, TlsConfig, TlsVersion, TrustStore, SSL_KEYS,
};
