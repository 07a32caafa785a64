//! Settings every client has (bootstrap, client id, timeouts, backoffs), parsed once for the
//! producer, the consumer and the admin client.

use std::time::Duration;

use super::properties::{invalid, parse_bool, parse_hosts, parse_int, parse_ms, Properties};
use super::security::{SecurityConfig, SSL_KEYS};
use crate::backoff::Backoff;
use crate::cluster::{ClusterConfig, MetadataRecovery};
use crate::error::ConfigError;
use crate::metrics::SampleWindow;
use crate::net::{ConnectionConfig, DEFAULT_MAX_RESPONSE_SIZE};

/// The keys [`CommonConfig::take`] reads (with [`SSL_KEYS`] and the `sasl.*` keys).
pub const COMMON_KEYS: &[&str] = &[
    "bootstrap.servers",
    "client.id",
    "request.timeout.ms",
    "retry.backoff.ms",
    "retry.backoff.max.ms",
    "metadata.max.age.ms",
    "reconnect.backoff.ms",
    "reconnect.backoff.max.ms",
    "socket.connection.setup.timeout.ms",
    "socket.connection.setup.timeout.max.ms",
    "allow.auto.create.topics",
    "security.protocol",
    "receive.message.max.bytes",
    "client.dns.lookup",
    "interceptor.classes",
    "connections.max.idle.ms",
    "metadata.recovery.strategy",
    "metadata.recovery.rebootstrap.trigger.ms",
    "metrics.num.samples",
    "metrics.sample.window.ms",
    "enable.metrics.push",
    "send.buffer.bytes",
    "receive.buffer.bytes",
];

/// Java client keys that have no meaning for this client (JVM classes, JMX metrics, socket
/// tuning left to the OS): accepted so that an existing Java properties file works as it is,
/// and ignored. Keys that change behaviour, such as `partitioner.class`, are not in this list:
/// they are refused rather than silently dropped.
pub const IGNORED_KEYS: &[&str] = &[
    "key.serializer",
    "value.serializer",
    "key.deserializer",
    "value.deserializer",
    "metric.reporters",
    "metrics.recording.level",
    "auto.include.jmx.reporter",
];

const MAX_MS: i64 = i32::MAX as i64;

/// Settings shared by every client.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CommonConfig {
    /// `bootstrap.servers`.
    pub bootstrap_servers: Vec<String>,
    /// `client.id`.
    pub client_id: String,
    /// `request.timeout.ms` (default 30 s).
    pub request_timeout: Duration,
    /// `retry.backoff.ms` .. `retry.backoff.max.ms` (default 100 ms .. 1 s).
    pub retry_backoff: Backoff,
    /// `metadata.max.age.ms` (default 5 min).
    pub metadata_max_age: Duration,
    /// `reconnect.backoff.ms` .. `reconnect.backoff.max.ms` (default 50 ms .. 1 s).
    pub reconnect_backoff: Backoff,
    /// `socket.connection.setup.timeout.ms` (default 10 s): the first attempt's setup timeout.
    pub connection_setup_timeout: Duration,
    /// `socket.connection.setup.timeout.max.ms` (default 30 s): consecutive failures to
    /// connect to a broker double its setup timeout up to this.
    pub connection_setup_timeout_max: Duration,
    /// `allow.auto.create.topics` (default true).
    pub allow_auto_create_topics: bool,
    /// `receive.message.max.bytes` (librdkafka's name; default 256 MiB): the largest response
    /// frame accepted. Fetch answers may use all of it (so it must exceed `fetch.max.bytes`);
    /// answers without records (Metadata, group and admin APIs) 1/8 of it
    /// ([`crate::net::NON_RECORD_FRACTION`]). A larger answer fails its request with
    /// [`crate::Error::ResponseTooLarge`] and closes the connection without being decoded.
    pub receive_message_max_bytes: usize,
    /// `connections.max.idle.ms` (default 9 minutes, as Java): connections with nothing sent
    /// or awaited for this long are closed; `None` (-1) keeps them open.
    pub connections_max_idle: Option<Duration>,
    /// `security.protocol`, `ssl.*`, `sasl.*`: how connections are secured (default
    /// PLAINTEXT).
    pub security: SecurityConfig,
    /// `metadata.recovery.strategy` and `metadata.recovery.rebootstrap.trigger.ms` (default:
    /// rebootstrap after 5 minutes without an answer from a known broker).
    pub metadata_recovery: MetadataRecovery,
    /// `metrics.num.samples` and `metrics.sample.window.ms` (default 2 samples of 30 s): the
    /// window of every rate, average, minimum and maximum in [`crate::metrics`].
    pub metrics_window: SampleWindow,
    /// `enable.metrics.push` (default true, as Java): push the client's metrics to the cluster
    /// when a client-metrics subscription asks for them (KIP-714, [`crate::telemetry`]).
    pub enable_metrics_push: bool,
    /// `send.buffer.bytes` and `receive.buffer.bytes`: the sockets' SO_SNDBUF and SO_RCVBUF.
    /// Unset (or -1) leaves them to the operating system, whose autotuning grows them with the
    /// link (Java instead fixes 128 KiB and 32 or 64 KiB by default, which caps throughput on
    /// links with a long round trip); set, they are fixed as in Java.
    pub socket_buffers: SocketBuffers,
}

/// The socket buffer sizes to set on every connection (`None`: the operating system's).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct SocketBuffers {
    /// `send.buffer.bytes`: SO_SNDBUF.
    pub send: Option<u32>,
    /// `receive.buffer.bytes`: SO_RCVBUF.
    pub receive: Option<u32>,
}

impl SocketBuffers {
    /// Sizes to set; `None` leaves one to the operating system.
    pub fn new(send: Option<u32>, receive: Option<u32>) -> Self {
        SocketBuffers { send, receive }
    }
}

impl CommonConfig {
    /// Defaults with `client_id`.
    pub fn with_client_id(client_id: &str) -> Self {
        CommonConfig {
            bootstrap_servers: vec!["127.0.0.1:9092".into()],
            client_id: client_id.into(),
            request_timeout: Duration::from_secs(30),
            retry_backoff: Backoff::new(Duration::from_millis(100), Duration::from_millis(1000)),
            metadata_max_age: Duration::from_secs(300),
            reconnect_backoff: Backoff::new(Duration::from_millis(50), Duration::from_millis(1000)),
            connection_setup_timeout: Duration::from_secs(10),
            connection_setup_timeout_max: Duration::from_secs(30),
            connections_max_idle: Some(Duration::from_secs(540)),
            allow_auto_create_topics: true,
            receive_message_max_bytes: DEFAULT_MAX_RESPONSE_SIZE,
            security: SecurityConfig::default(),
            metadata_recovery: MetadataRecovery::default(),
            metrics_window: SampleWindow::default(),
            enable_metrics_push: true,
            socket_buffers: SocketBuffers::default(),
        }
    }

    /// Reads the common keys out of `props` into `self`; `bootstrap.servers` is required.
    pub fn take(&mut self, props: &mut Properties) -> Result<(), ConfigError> {
        let servers =
            props.take("bootstrap.servers").ok_or(ConfigError::Missing { key: "bootstrap.servers".into() })?;
        self.bootstrap_servers = parse_hosts("bootstrap.servers", &servers)?;
        if let Some(v) = props.take("client.id") {
            self.client_id = v;
        }
        let ms = |props: &mut Properties, key: &str| -> Result<Option<Duration>, ConfigError> {
            props.take(key).map(|v| parse_ms(key, &v, MAX_MS)).transpose()
        };
        if let Some(d) = ms(props, "request.timeout.ms")? {
            self.request_timeout = d;
        }
        let retry_initial = ms(props, "retry.backoff.ms")?.unwrap_or(Duration::from_millis(100));
        let retry_max = ms(props, "retry.backoff.max.ms")?.unwrap_or(Duration::from_millis(1000));
        self.retry_backoff = Backoff::new(retry_initial, retry_max);
        if let Some(d) = ms(props, "metadata.max.age.ms")? {
            self.metadata_max_age = d;
        }
        let reconnect_initial = ms(props, "reconnect.backoff.ms")?.unwrap_or(Duration::from_millis(50));
        let reconnect_max = ms(props, "reconnect.backoff.max.ms")?.unwrap_or(Duration::from_millis(1000));
        self.reconnect_backoff = Backoff::new(reconnect_initial, reconnect_max);
        if let Some(d) = ms(props, "socket.connection.setup.timeout.ms")? {
            self.connection_setup_timeout = d;
        }
        if let Some(d) = ms(props, "socket.connection.setup.timeout.max.ms")? {
            self.connection_setup_timeout_max = d;
        }
        if let Some(v) = props.take("allow.auto.create.topics") {
            self.allow_auto_create_topics = parse_bool("allow.auto.create.topics", &v)?;
        }
        if let Some(v) = props.take("enable.metrics.push") {
            self.enable_metrics_push = parse_bool("enable.metrics.push", &v)?;
        }
        let buffer = |props: &mut Properties, key: &str| -> Result<Option<u32>, ConfigError> {
            match props.take(key) {
                None => Ok(None),
                Some(v) => match parse_int(key, &v, -1, i32::MAX as i64)? {
                    -1 => Ok(None),
                    n => Ok(Some(n as u32)),
                },
            }
        };
        self.socket_buffers = SocketBuffers {
            send: buffer(props, "send.buffer.bytes")?,
            receive: buffer(props, "receive.buffer.bytes")?,
        };
        if let Some(v) = props.take("receive.message.max.bytes") {
            // librdkafka's range.
            self.receive_message_max_bytes =
                parse_int("receive.message.max.bytes", &v, 1000, i32::MAX as i64)? as usize;
        }
        if let Some(v) = props.take("connections.max.idle.ms") {
            self.connections_max_idle = match parse_int("connections.max.idle.ms", &v, -1, i64::MAX)? {
                -1 => None,
                0 => return Err(invalid("connections.max.idle.ms", &v, "-1 (never close) or a positive number of ms")),
                ms => Some(Duration::from_millis(ms as u64)),
            };
        }
        if let Some(v) = props.take("client.dns.lookup") {
            // Connecting tries every address a name resolves to, in order, until one answers:
            // Java's default. The canonical-name form exists for Kerberos, which is not here.
            if !v.is_empty() && v != "use_all_dns_ips" {
                return Err(invalid(
                    "client.dns.lookup",
                    &v,
                    "use_all_dns_ips (what this client does: every address of a name is tried in turn); \
                     resolve_canonical_bootstrap_servers_only serves Kerberos (GSSAPI), which this client does not \
                     speak",
                ));
            }
        }
        if let Some(v) = props.take("interceptor.classes") {
            // Interceptors change what is sent and seen; a JVM class cannot run here, and dropping
            // one silently would change the application's behaviour. The same hooks exist as
            // Rust traits, installed in code.
            if !v.trim().is_empty() {
                return Err(invalid(
                    "interceptor.classes",
                    &v,
                    "empty: Java interceptor classes cannot run in this client; remove the key and install the \
                     interceptor in code, as a kfk_client::interceptor::ProducerInterceptor through \
                     ProducerConfigBuilder::interceptor or a ConsumerInterceptor through \
                     ConsumerConfigBuilder::interceptor",
                ));
            }
        }
        let strategy = props.take("metadata.recovery.strategy");
        let trigger = ms(props, "metadata.recovery.rebootstrap.trigger.ms")?;
        self.metadata_recovery = match strategy.as_deref().map(str::to_ascii_lowercase).as_deref() {
            None | Some("rebootstrap") => {
                MetadataRecovery::Rebootstrap { trigger: trigger.unwrap_or(Duration::from_secs(300)) }
            }
            Some("none") => MetadataRecovery::None,
            Some(_) => {
                let value = strategy.unwrap_or_default();
                return Err(invalid("metadata.recovery.strategy", &value, "rebootstrap or none"));
            }
        };
        let samples =
            props.take("metrics.num.samples").map(|v| parse_int("metrics.num.samples", &v, 1, 1024)).transpose()?;
        let span = props
            .take("metrics.sample.window.ms")
            .map(|v| parse_int("metrics.sample.window.ms", &v, 1, MAX_MS))
            .transpose()?;
        self.metrics_window = SampleWindow::new(
            samples.map_or(self.metrics_window.samples(), |n| n as usize),
            span.map_or(self.metrics_window.span(), |ms| Duration::from_millis(ms as u64)),
        );
        self.security = SecurityConfig::take(props)?;
        // Load the files and keys now, so that a bad path or password fails here.
        self.security.resolve()?;
        for key in IGNORED_KEYS {
            if props.take(key).is_some() {
                tracing::debug!(key, "configuration key has no meaning for this client; ignored");
            }
        }
        Ok(())
    }

    /// Fails when no bootstrap server is set (a builder's `build` checks it).
    pub fn require_bootstrap(&self) -> Result<(), ConfigError> {
        if self.bootstrap_servers.is_empty() {
            return Err(ConfigError::Missing { key: "bootstrap.servers".into() });
        }
        Ok(())
    }

    /// Every key [`CommonConfig::take`] reads.
    pub fn keys() -> Vec<&'static str> {
        [COMMON_KEYS, SSL_KEYS, crate::sasl::config::SASL_KEYS].concat()
    }

    /// The cluster-layer settings these imply. Fails when the security settings do (a TLS
    /// file that cannot be read, SASL without a mechanism...).
    pub fn cluster_config(&self) -> Result<ClusterConfig, ConfigError> {
        Ok(ClusterConfig {
            bootstrap: self.bootstrap_servers.clone(),
            connection: ConnectionConfig {
                client_id: Some(self.client_id.clone()),
                request_timeout: self.request_timeout,
                connect_timeout: self.connection_setup_timeout,
                max_response_size: self.receive_message_max_bytes,
                security: self.security.resolve()?,
                socket_buffers: self.socket_buffers,
            },
            metadata_max_age: self.metadata_max_age,
            reconnect_backoff: self.reconnect_backoff,
            connect_timeout_max: self.connection_setup_timeout_max,
            refresh_backoff: self.retry_backoff,
            allow_auto_topic_creation: self.allow_auto_create_topics,
            connections_max_idle: self.connections_max_idle,
            metadata_recovery: self.metadata_recovery,
            metrics_window: self.metrics_window,
        })
    }
}

/// `bootstrap.servers` as the builders take it: comma-separated, blanks dropped (checked when
/// the client connects, as Java does).
pub fn split_hosts(servers: &str) -> Vec<String> {
    servers.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

/// The setters every client's configuration builder shares, written once: each builder
/// (producer, consumer, and the admin client's in kafka-admin) expands it with the path to
/// its [`CommonConfig`], so the three builders read alike.
#[doc(hidden)]
#[macro_export]
macro_rules! __common_config_setters {
    ($($common:ident).+) => {
        /// `bootstrap.servers`: comma-separated `host:port`.
        pub fn bootstrap_servers(mut self, servers: impl AsRef<str>) -> Self {
            self.$($common).+.bootstrap_servers = $crate::config::split_hosts(servers.as_ref());
            self
        }

        /// `client.id`.
        pub fn client_id(mut self, id: impl Into<String>) -> Self {
            self.$($common).+.client_id = id.into();
            self
        }

        /// How connections are secured: `security.protocol`, TLS and SASL together.
        pub fn security(mut self, security: $crate::config::SecurityConfig) -> Self {
            self.$($common).+.security = security;
            self
        }

        /// TLS with `tls` (`security.protocol` SSL, or SASL_SSL when a SASL mechanism is set).
        pub fn tls(mut self, tls: $crate::config::TlsConfig) -> Self {
            let security = &mut self.$($common).+.security;
            security.tls = tls;
            security.protocol = if security.protocol.uses_sasl() {
                $crate::config::SecurityProtocol::SaslSsl
            } else {
                $crate::config::SecurityProtocol::Ssl
            };
            self
        }

        /// SASL with `mechanism` (`security.protocol` SASL_PLAINTEXT, or SASL_SSL when TLS is
        /// set): any [`Mechanism`]($crate::sasl::Mechanism), the crate's
        /// ([`Plain`]($crate::sasl::plain::Plain)...) or your own.
        pub fn sasl(mut self, mechanism: impl $crate::sasl::Mechanism + 'static) -> Self {
            let security = &mut self.$($common).+.security;
            security.sasl = Some(::std::sync::Arc::new(mechanism));
            security.protocol = if security.protocol.uses_tls() {
                $crate::config::SecurityProtocol::SaslSsl
            } else {
                $crate::config::SecurityProtocol::SaslPlaintext
            };
            self
        }

        /// `request.timeout.ms`: how long one request may wait for its answer.
        pub fn request_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$($common).+.request_timeout = timeout;
            self
        }

        /// `retry.backoff.ms` / `retry.backoff.max.ms`.
        pub fn retry_backoff(mut self, initial: ::std::time::Duration, max: ::std::time::Duration) -> Self {
            self.$($common).+.retry_backoff = $crate::backoff::Backoff::new(initial, max);
            self
        }

        /// `reconnect.backoff.ms` / `reconnect.backoff.max.ms`.
        pub fn reconnect_backoff(mut self, initial: ::std::time::Duration, max: ::std::time::Duration) -> Self {
            self.$($common).+.reconnect_backoff = $crate::backoff::Backoff::new(initial, max);
            self
        }

        /// `metadata.max.age.ms`.
        pub fn metadata_max_age(mut self, age: ::std::time::Duration) -> Self {
            self.$($common).+.metadata_max_age = age;
            self
        }

        /// `metrics.num.samples` / `metrics.sample.window.ms`: the window of every rate,
        /// average, minimum and maximum in the client's metrics (default 2 samples of 30 s).
        pub fn metrics_window(mut self, samples: usize, span: ::std::time::Duration) -> Self {
            self.$($common).+.metrics_window = $crate::metrics::SampleWindow::new(samples, span);
            self
        }

        /// `socket.connection.setup.timeout.ms`.
        pub fn connection_setup_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$($common).+.connection_setup_timeout = timeout;
            self
        }

        /// `socket.connection.setup.timeout.max.ms`: consecutive failures to connect to a
        /// broker double its setup timeout up to this.
        pub fn connection_setup_timeout_max(mut self, timeout: ::std::time::Duration) -> Self {
            self.$($common).+.connection_setup_timeout_max = timeout;
            self
        }

        /// `metadata.recovery.strategy` with its rebootstrap trigger (KIP-899).
        pub fn metadata_recovery(mut self, recovery: $crate::cluster::MetadataRecovery) -> Self {
            self.$($common).+.metadata_recovery = recovery;
            self
        }

        /// `send.buffer.bytes` and `receive.buffer.bytes`: fixed socket buffer sizes (the
        /// default leaves them to the operating system's autotuning).
        pub fn socket_buffers(mut self, buffers: $crate::config::SocketBuffers) -> Self {
            self.$($common).+.socket_buffers = buffers;
            self
        }

        /// `connections.max.idle.ms`; `None` keeps idle connections open.
        pub fn connections_max_idle(mut self, idle: Option<::std::time::Duration>) -> Self {
            self.$($common).+.connections_max_idle = idle;
            self
        }

        /// `allow.auto.create.topics`.
        pub fn allow_auto_create_topics(mut self, allow: bool) -> Self {
            self.$($common).+.allow_auto_create_topics = allow;
            self
        }

        /// `enable.metrics.push` (default true): push the client's metrics to the cluster when
        /// an operator's client-metrics subscription asks for them (KIP-714, see
        /// [`telemetry`]($crate::telemetry)); `false` never asks.
        pub fn enable_metrics_push(mut self, enable: bool) -> Self {
            self.$($common).+.enable_metrics_push = enable;
            self
        }

        /// `receive.message.max.bytes`: the largest response frame accepted (see
        /// [`CommonConfig::receive_message_max_bytes`]($crate::config::CommonConfig::receive_message_max_bytes)).
        pub fn receive_message_max_bytes(mut self, bytes: usize) -> Self {
            self.$($common).+.receive_message_max_bytes = bytes;
            self
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(pairs: &[(&str, &str)]) -> Result<CommonConfig, ConfigError> {
        let mut config = CommonConfig::with_client_id("test");
        let mut props = Properties::new(pairs.iter().copied().chain([("bootstrap.servers", "b:9092")]));
        config.take(&mut props)?;
        props.finish(&[])?;
        Ok(config)
    }

    #[test]
    fn socket_buffers_are_fixed_only_when_set() {
        assert_eq!(take(&[]).unwrap().socket_buffers, SocketBuffers::default());
        let set = take(&[("send.buffer.bytes", "131072"), ("receive.buffer.bytes", "-1")]).unwrap();
        assert_eq!(set.socket_buffers, SocketBuffers::new(Some(131072), None));
        assert!(take(&[("receive.buffer.bytes", "-2")]).is_err());
    }

    #[test]
    fn behaviour_keys_are_honoured_or_refused_never_dropped() {
        assert_eq!(take(&[]).unwrap().connections_max_idle, Some(Duration::from_secs(540)));
        assert_eq!(
            take(&[("connections.max.idle.ms", "1500")]).unwrap().connections_max_idle,
            Some(Duration::from_millis(1500))
        );
        assert_eq!(take(&[("connections.max.idle.ms", "-1")]).unwrap().connections_max_idle, None);
        assert!(take(&[("connections.max.idle.ms", "0")]).is_err());

        assert!(take(&[("client.dns.lookup", "use_all_dns_ips")]).is_ok());
        let err = take(&[("client.dns.lookup", "resolve_canonical_bootstrap_servers_only")]).unwrap_err();
        assert!(err.to_string().contains("Kerberos"), "{err}");

        assert!(take(&[]).unwrap().enable_metrics_push);
        assert!(!take(&[("enable.metrics.push", "false")]).unwrap().enable_metrics_push);
        assert!(take(&[("enable.metrics.push", "maybe")]).is_err());

        assert!(take(&[("interceptor.classes", "")]).is_ok());
        let err = take(&[("interceptor.classes", "com.example.AuditInterceptor")]).unwrap_err();
        assert!(err.to_string().contains("ConfigBuilder::interceptor"), "{err}");
    }
}
