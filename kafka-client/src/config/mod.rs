//! Configuration: typed builders, and `from_properties` accepting the Java client's keys.
//!
//! Every client is configured the same three ways: a builder with typed setters
//! ([`ProducerConfig::builder`], [`ConsumerConfig::builder`], and kafka-admin's
//! `AdminConfig::builder`), Java property pairs (`from_properties`), or a Java `.properties`
//! file (`from_properties_file`). Each checks its settings the same way: an unknown key, an
//! invalid value or a contradiction is a [`ConfigError`] that names the key, with the nearest
//! known key suggested for a typo.

mod common;
mod consumer;
mod group;
mod producer;
pub mod properties;
mod security;

pub use crate::error::ConfigError;
#[doc(hidden)]
pub use common::split_hosts;
pub use common::{CommonConfig, SocketBuffers, COMMON_KEYS, IGNORED_KEYS};
pub use consumer::{ConsumerConfig, ConsumerConfigBuilder, IsolationLevel, OffsetReset, CONSUMER_KEYS};
pub(crate) use group::assignor_name;
pub use group::{GroupConfig, GroupProtocol};
pub use producer::{Acks, BuiltinPartitioner, ProducerConfig, ProducerConfigBuilder, PRODUCER_KEYS};
#[cfg(all(feature = "oauth-oidc", feature = "tls"))]
pub(crate) use security::take_tls;
pub use security::{
    KeyStore, SecurityConfig, SecurityProtocol, StoreType, TlsConfig, TlsVersion, TrustStore, SSL_KEYS,
};
