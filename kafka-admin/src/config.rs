//! Admin client configuration, with the Java `AdminClient`'s keys and defaults.

use std::time::Duration;

use kfk_client::config::properties::{Properties, parse_int, parse_ms};
use kfk_client::config::{CommonConfig, ConfigError, SecurityConfig};

/// The keys [`AdminConfig::from_properties`] accepts besides the common ones.
pub const ADMIN_KEYS: &[&str] = &["default.api.timeout.ms", "retries", "bootstrap.controllers"];

/// Everything the admin client can be configured with.
///
/// ```
/// use kfk_admin::AdminConfig;
///
/// let config = AdminConfig::from_properties([
///     ("bootstrap.servers", "127.0.0.1:9092"),
///     ("default.api.timeout.ms", "30000"),
/// ])
/// .unwrap();
/// assert_eq!(config.default_api_timeout.as_secs(), 30);
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct AdminConfig {
    /// Bootstrap servers, client id, `request.timeout.ms`, backoffs.
    pub common: CommonConfig,
    /// `default.api.timeout.ms` (default 60 s): how long an operation may take, retries
    /// included, unless its options set a `timeout`.
    pub default_api_timeout: Duration,
    /// `retries` (default unbounded): how many times a retriable failure is retried within the
    /// timeout.
    pub retries: u32,
}

impl AdminConfig {
    /// Defaults with `bootstrap_servers` (comma-separated `host:port`).
    pub fn new(bootstrap_servers: &str) -> AdminConfig {
        let mut common = CommonConfig::with_client_id("kafka-rs-admin");
        common.bootstrap_servers =
            bootstrap_servers.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        // An admin client never creates topics as a side effect of looking at them.
        common.allow_auto_create_topics = false;
        AdminConfig { common, default_api_timeout: Duration::from_secs(60), retries: u32::MAX }
    }

    /// A builder starting from the defaults, with the same shape as the producer's and the
    /// consumer's.
    ///
    /// ```
    /// use std::time::Duration;
    /// use kfk_admin::AdminConfig;
    ///
    /// let config = AdminConfig::builder()
    ///     .bootstrap_servers("localhost:9092")
    ///     .client_id("ops")
    ///     .default_api_timeout(Duration::from_secs(30))
    ///     .build()?;
    /// assert_eq!(config.common.client_id, "ops");
    /// # Ok::<(), kfk_client::config::ConfigError>(())
    /// ```
    pub fn builder() -> AdminConfigBuilder {
        AdminConfigBuilder { config: AdminConfig::new("") }
    }

    /// As [`AdminConfig::from_properties`], from a Java `.properties` file (the format of the
    /// Java tools' `--command-config`).
    pub fn from_properties_file(path: impl AsRef<std::path::Path>) -> Result<AdminConfig, ConfigError> {
        AdminConfig::from_properties(kfk_client::config::properties::read_file(path)?)
    }

    /// Secures connections with `security` (TLS, SASL); see [`SecurityConfig`].
    pub fn with_security(mut self, security: SecurityConfig) -> AdminConfig {
        self.common.security = security;
        self
    }

    /// From Java-style properties (`bootstrap.servers` is required); unknown keys are an error.
    pub fn from_properties<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<AdminConfig, ConfigError> {
        let mut props = Properties::new(pairs);
        let mut config = AdminConfig::new("");
        config.common.take(&mut props)?;
        config.common.allow_auto_create_topics = false;
        if let Some(v) = props.take("default.api.timeout.ms") {
            config.default_api_timeout = parse_ms("default.api.timeout.ms", &v, i32::MAX as i64)?;
        }
        if let Some(v) = props.take("bootstrap.controllers") {
            // KIP-919 lets Java's admin client talk to the KRaft controllers directly.
            if !v.trim().is_empty() {
                return Err(ConfigError::InvalidValue {
                    key: "bootstrap.controllers".into(),
                    value: v,
                    expected: "nothing: this admin client talks to brokers (bootstrap.servers); talking to KRaft \
                               controllers directly (KIP-919) is not built"
                        .into(),
                });
            }
        }
        if let Some(v) = props.take("retries") {
            config.retries = parse_int("retries", &v, 0, i32::MAX as i64)? as u32;
        }
        let known: Vec<&str> = CommonConfig::keys().into_iter().chain(ADMIN_KEYS.iter().copied()).collect();
        props.finish(&known)?;
        Ok(config)
    }
}

/// Builds an [`AdminConfig`] with typed setters.
#[derive(Debug, Clone)]
pub struct AdminConfigBuilder {
    config: AdminConfig,
}

impl AdminConfigBuilder {
    kfk_client::__common_config_setters!(config.common);

    /// `default.api.timeout.ms`: how long an operation may take, retries included, unless its
    /// options set a `timeout`.
    pub fn default_api_timeout(mut self, timeout: Duration) -> Self {
        self.config.default_api_timeout = timeout;
        self
    }

    /// `retries`: how many times a retriable failure is retried within the timeout.
    pub fn retries(mut self, retries: u32) -> Self {
        self.config.retries = retries;
        self
    }

    /// Checks the settings and returns the configuration.
    pub fn build(self) -> Result<AdminConfig, ConfigError> {
        self.config.common.require_bootstrap()?;
        Ok(self.config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_java_admin_key_is_honoured_ignored_or_refused_with_a_reason() {
        let accepted = [
            ("client.id", "ops"),
            ("client.dns.lookup", "use_all_dns_ips"),
            ("connections.max.idle.ms", "300000"),
            ("default.api.timeout.ms", "60000"),
            ("request.timeout.ms", "30000"),
            ("retries", "2147483647"),
            ("retry.backoff.ms", "100"),
            ("retry.backoff.max.ms", "1000"),
            ("reconnect.backoff.ms", "50"),
            ("reconnect.backoff.max.ms", "1000"),
            ("socket.connection.setup.timeout.ms", "10000"),
            ("socket.connection.setup.timeout.max.ms", "30000"),
            ("metadata.max.age.ms", "300000"),
            ("metadata.recovery.strategy", "rebootstrap"),
            ("metadata.recovery.rebootstrap.trigger.ms", "300000"),
            ("receive.buffer.bytes", "65536"),
            ("send.buffer.bytes", "131072"),
            ("metric.reporters", ""),
            ("metrics.num.samples", "2"),
            ("metrics.recording.level", "INFO"),
            ("metrics.sample.window.ms", "30000"),
            ("enable.metrics.push", "true"),
            ("bootstrap.controllers", ""),
        ];
        for (key, value) in accepted {
            let result = AdminConfig::from_properties([("bootstrap.servers", "k1:9092"), (key, value)]);
            assert!(result.is_ok(), "{key}={value}: {result:?}");
        }
        let refused =
            AdminConfig::from_properties([("bootstrap.servers", "k1:9092"), ("bootstrap.controllers", "c1:9093")]);
        let message = refused.expect_err("controllers are not spoken to").to_string();
        assert!(message.contains("bootstrap.controllers") && message.contains("KIP-919"), "{message}");
    }

    #[test]
    fn java_keys_are_read_and_unknown_ones_rejected() {
        let c = AdminConfig::from_properties([
            ("bootstrap.servers", "a:1,b:2"),
            ("client.id", "ops"),
            ("request.timeout.ms", "5000"),
            ("retries", "3"),
        ])
        .unwrap();
        assert_eq!(c.common.bootstrap_servers, vec!["a:1", "b:2"]);
        assert_eq!(c.common.client_id, "ops");
        assert_eq!(c.common.request_timeout, Duration::from_millis(5000));
        assert_eq!(c.retries, 3);
        assert!(!c.common.allow_auto_create_topics);
        let e = AdminConfig::from_properties([("bootstrap.servers", "a:1"), ("default.api.timeout.msx", "1")]);
        assert!(matches!(e, Err(ConfigError::UnknownKey { .. })));
        assert!(matches!(AdminConfig::from_properties([("client.id", "x")]), Err(ConfigError::Missing { .. })));
    }
}
