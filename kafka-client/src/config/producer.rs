//! Producer configuration, with the Java client's keys and defaults (Kafka 4.x).

use std::time::Duration;

use kfk_protocol::compression::{Codec, Compression};

use super::common::CommonConfig;
use super::properties::{parse_bool, parse_int, parse_ms, Properties};
use crate::cluster::ClusterConfig;
use crate::error::ConfigError;

/// Which acknowledgement a produce request waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acks {
    /// `acks=0`: no response; records are considered sent once written to the socket.
    None,
    /// `acks=1`: the leader wrote the records.
    Leader,
    /// `acks=all` (`-1`): every in-sync replica has them.
    All,
}

impl Acks {
    /// The value sent in the Produce request.
    pub fn wire(self) -> i16 {
        match self {
            Acks::None => 0,
            Acks::Leader => 1,
            Acks::All => -1,
        }
    }
}

/// Everything a producer can be configured with.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ProducerConfig {
    /// Bootstrap servers, client id, timeouts and backoffs.
    pub common: CommonConfig,
    /// `acks` (default `all`).
    pub acks: Acks,
    /// `linger.ms` (default 5 ms).
    pub linger: Duration,
    /// `batch.size` in bytes (default 16384).
    pub batch_size: usize,
    /// `buffer.memory` in bytes (default 32 MiB).
    pub buffer_memory: usize,
    /// `compression.type` with `compression.<codec>.level`.
    pub compression: Codec,
    /// `retries` (default `i32::MAX`: bounded by `delivery.timeout.ms`).
    pub retries: u32,
    /// `delivery.timeout.ms` (default 120 s): how long a record may take from `send` to its outcome.
    pub delivery_timeout: Duration,
    /// `max.in.flight.requests.per.connection` (default 5).
    pub max_in_flight: usize,
    /// `enable.idempotence` (default true).
    pub enable_idempotence: bool,
    /// `max.request.size` (default 1 MiB).
    pub max_request_size: usize,
    /// `max.block.ms` (default 60 s): how long `send` may wait for metadata or buffer space.
    pub max_block: Duration,
    /// `partitioner.ignore.keys` (default false).
    pub partitioner_ignore_keys: bool,
    /// `metadata.max.idle.ms` (default 5 minutes, at least 5 s as in Java): a topic no record
    /// was sent to for this long leaves the metadata the producer keeps.
    pub metadata_max_idle: Duration,
    /// `partitioner.class`: which of Java's built-in partitioners (default: the key hash, and
    /// sticky batches for keyless records). Your own goes to
    /// [`Producer::with_partitioner`](crate::producer::Producer::with_partitioner).
    pub partitioner: BuiltinPartitioner,
    /// `transactional.id` (default none): makes the producer transactional; requires idempotence.
    pub transactional_id: Option<String>,
    /// `transaction.timeout.ms` (default 60 s): how long the coordinator lets a transaction stay
    /// open before aborting it.
    pub transaction_timeout: Duration,
    /// The hooks run around every record sent, in order (Java's `interceptor.classes`); added
    /// with [`ProducerConfigBuilder::interceptor`].
    pub interceptors: crate::interceptor::ProducerInterceptors,
}

impl Default for ProducerConfig {
    fn default() -> Self {
        ProducerConfig {
            common: CommonConfig::with_client_id("kafka-rs-producer"),
            acks: Acks::All,
            linger: Duration::from_millis(5),
            batch_size: 16_384,
            buffer_memory: 32 * 1024 * 1024,
            compression: Codec::from(Compression::None),
            retries: i32::MAX as u32,
            delivery_timeout: Duration::from_secs(120),
            max_in_flight: 5,
            enable_idempotence: true,
            max_request_size: 1024 * 1024,
            max_block: Duration::from_secs(60),
            partitioner_ignore_keys: false,
            metadata_max_idle: Duration::from_secs(300),
            partitioner: BuiltinPartitioner::Default,
            transactional_id: None,
            transaction_timeout: Duration::from_secs(60),
            interceptors: Default::default(),
        }
    }
}

/// The partitioners `partitioner.class` can name: Java's built-in ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum BuiltinPartitioner {
    /// A record's key hashed with murmur2 (the partition Java picks), keyless records in
    /// sticky batches (KIP-794). Also what Java's former `DefaultPartitioner` names, and, with
    /// `partitioner.ignore.keys=true`, its former `UniformStickyPartitioner`.
    #[default]
    Default,
    /// [`RoundRobinPartitioner`](crate::producer::RoundRobinPartitioner): every record to the
    /// next partition in turn.
    RoundRobin,
}

/// Java's partitioner classes, and what each maps to here.
const JAVA_PARTITIONERS: &[(&str, BuiltinPartitioner, bool)] = &[
    ("org.apache.kafka.clients.producer.internals.DefaultPartitioner", BuiltinPartitioner::Default, false),
    ("org.apache.kafka.clients.producer.UniformStickyPartitioner", BuiltinPartitioner::Default, true),
    ("org.apache.kafka.clients.producer.RoundRobinPartitioner", BuiltinPartitioner::RoundRobin, false),
];

/// The keys [`ProducerConfig::from_properties`] accepts.
pub const PRODUCER_KEYS: &[&str] = &[
    "acks",
    "linger.ms",
    "batch.size",
    "buffer.memory",
    "compression.type",
    "compression.gzip.level",
    "compression.lz4.level",
    "compression.zstd.level",
    "retries",
    "delivery.timeout.ms",
    "max.in.flight.requests.per.connection",
    "enable.idempotence",
    "max.request.size",
    "max.block.ms",
    "partitioner.ignore.keys",
    "metadata.max.idle.ms",
    "transaction.two.phase.commit.enable",
    "partitioner.class",
    "partitioner.adaptive.partitioning.enable",
    "partitioner.availability.timeout.ms",
    "transactional.id",
    "transaction.timeout.ms",
];

const MAX_MS: i64 = i32::MAX as i64;

impl ProducerConfig {
    /// A builder starting from the defaults.
    pub fn builder() -> ProducerConfigBuilder {
        ProducerConfigBuilder { config: ProducerConfig::default(), idempotence_explicit: false, acks_explicit: false }
    }

    /// A configuration from Java-style properties (`bootstrap.servers`, `acks`, `linger.ms`, ...).
    /// An unknown key, an invalid value, or a contradiction (such as `enable.idempotence=true`
    /// with `acks=1`) is an error naming the key.
    ///
    /// ```
    /// use kfk_client::config::{Acks, ProducerConfig};
    ///
    /// let config = ProducerConfig::from_properties([
    ///     ("bootstrap.servers", "localhost:9092"),
    ///     ("acks", "1"),
    ///     ("linger.ms", "10"),
    /// ])
    /// .unwrap();
    /// assert_eq!(config.acks, Acks::Leader);
    /// // acks=1 is incompatible with idempotence, so it is turned off (it was not asked for).
    /// assert!(!config.enable_idempotence);
    ///
    /// let err = ProducerConfig::from_properties([("bootstrap.servers", "h:1"), ("lingr.ms", "1")]).unwrap_err();
    /// assert!(err.to_string().contains("did you mean `linger.ms`"));
    /// ```
    pub fn from_properties<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<ProducerConfig, ConfigError> {
        let mut props = Properties::new(pairs);
        let mut b = ProducerConfig::builder();
        b.config.common.take(&mut props)?;
        if let Some(v) = props.take("acks") {
            b = b.acks(match v.as_str() {
                "0" => Acks::None,
                "1" => Acks::Leader,
                "all" | "-1" => Acks::All,
                _ => return Err(invalid("acks", &v, "0, 1, all or -1")),
            });
        }
        let ms = |props: &mut Properties, key: &str| -> Result<Option<Duration>, ConfigError> {
            props.take(key).map(|v| parse_ms(key, &v, MAX_MS)).transpose()
        };
        let int = |props: &mut Properties, key: &str, min: i64, max: i64| -> Result<Option<i64>, ConfigError> {
            props.take(key).map(|v| parse_int(key, &v, min, max)).transpose()
        };
        if let Some(d) = ms(&mut props, "linger.ms")? {
            b.config.linger = d;
        }
        if let Some(n) = int(&mut props, "batch.size", 0, MAX_MS)? {
            b.config.batch_size = n as usize;
        }
        if let Some(n) = int(&mut props, "buffer.memory", 0, i64::MAX)? {
            b.config.buffer_memory = n as usize;
        }
        let codec = match props.take("compression.type") {
            Some(v) => v
                .parse::<Compression>()
                .map_err(|_| invalid("compression.type", &v, "none, gzip, snappy, lz4 or zstd"))?,
            None => Compression::None,
        };
        let mut level = None;
        for (key, c) in [
            ("compression.gzip.level", Compression::Gzip),
            ("compression.lz4.level", Compression::Lz4),
            ("compression.zstd.level", Compression::Zstd),
        ] {
            if let Some(n) = int(&mut props, key, -131_072, 22)? {
                if c == codec {
                    level = Some((key, n));
                }
            }
        }
        if let Some((key, n)) = level {
            // The pure-Rust encoders have one strategy each for these codecs: say so rather
            // than let a level pass as honoured (see kfk_protocol::compression::Codec).
            let honoured = match codec {
                Compression::Zstd => n == 1,
                Compression::Lz4 => n == 9,
                _ => true,
            };
            if !honoured {
                tracing::warn!(
                    key,
                    level = n,
                    "this level is accepted but not honoured: the pure-Rust {} encoder compresses at its one fast \
                     strategy (zstd about level 1; lz4 as Java's default level 9); the output is valid for every reader",
                    codec.name()
                );
            }
        }
        b.config.compression = match level {
            Some((key, n)) => {
                Codec::with_level(codec, n as i32).map_err(|e| invalid(key, &n.to_string(), &e.to_string()))?
            }
            None => Codec::from(codec),
        };
        if let Some(n) = int(&mut props, "retries", 0, MAX_MS)? {
            b.config.retries = n as u32;
        }
        if let Some(d) = ms(&mut props, "delivery.timeout.ms")? {
            b.config.delivery_timeout = d;
        }
        if let Some(n) = int(&mut props, "max.in.flight.requests.per.connection", 1, MAX_MS)? {
            b.config.max_in_flight = n as usize;
        }
        if let Some(v) = props.take("enable.idempotence") {
            b = b.enable_idempotence(parse_bool("enable.idempotence", &v)?);
        }
        if let Some(n) = int(&mut props, "max.request.size", 1, MAX_MS)? {
            b.config.max_request_size = n as usize;
        }
        if let Some(d) = ms(&mut props, "max.block.ms")? {
            b.config.max_block = d;
        }
        if let Some(v) = props.take("partitioner.class") {
            let class = v.trim();
            if !class.is_empty() {
                let Some(&(_, partitioner, ignore_keys)) = JAVA_PARTITIONERS.iter().find(|(name, ..)| *name == class)
                else {
                    return Err(invalid(
                        "partitioner.class",
                        &v,
                        "one of Java's built-in partitioners (org.apache.kafka.clients.producer.RoundRobinPartitioner, \
                         ...UniformStickyPartitioner, ...internals.DefaultPartitioner); a partitioner of your own \
                         implements kfk_client::producer::Partitioner and goes to Producer::with_partitioner",
                    ));
                };
                b.config.partitioner = partitioner;
                b.config.partitioner_ignore_keys |= ignore_keys;
            }
        }
        // Adaptive partitioning (KIP-794) weighs keyless records towards brokers with shorter
        // queues; this client spreads them uniformly, which is what `false` asks for.
        if let Some(v) = props.take("partitioner.adaptive.partitioning.enable") {
            if parse_bool("partitioner.adaptive.partitioning.enable", &v)? {
                return Err(invalid(
                    "partitioner.adaptive.partitioning.enable",
                    &v,
                    "false: keyless records are spread uniformly in sticky batches; adaptive weighting by broker \
                     queue size is not built (remove the key or set it to false)",
                ));
            }
        }
        if let Some(v) = props.take("partitioner.availability.timeout.ms") {
            if parse_int("partitioner.availability.timeout.ms", &v, 0, i64::MAX)? != 0 {
                return Err(invalid(
                    "partitioner.availability.timeout.ms",
                    &v,
                    "0: avoiding partitions of slow brokers belongs to adaptive partitioning, which is not built",
                ));
            }
        }
        // Two-phase commit with an external coordinator (KIP-939) keeps transactions open across
        // producer restarts; this producer always aborts what it left open, so only `false` holds.
        if let Some(v) = props.take("transaction.two.phase.commit.enable") {
            if parse_bool("transaction.two.phase.commit.enable", &v)? {
                return Err(invalid(
                    "transaction.two.phase.commit.enable",
                    &v,
                    "false: two-phase commit with an external transaction manager (KIP-939) is not built; \
                     transactions are committed or aborted by this producer",
                ));
            }
        }
        if let Some(v) = props.take("metadata.max.idle.ms") {
            b.config.metadata_max_idle = parse_ms("metadata.max.idle.ms", &v, MAX_MS)?;
        }
        if let Some(v) = props.take("partitioner.ignore.keys") {
            b.config.partitioner_ignore_keys = parse_bool("partitioner.ignore.keys", &v)?;
        }
        if let Some(id) = props.take("transactional.id") {
            b = b.transactional_id(id);
        }
        if let Some(d) = ms(&mut props, "transaction.timeout.ms")? {
            b.config.transaction_timeout = d;
        }
        props.finish(&[&CommonConfig::keys()[..], PRODUCER_KEYS].concat())?;
        b.build()
    }

    /// As [`ProducerConfig::from_properties`], from a Java `.properties` file (see
    /// [`properties::read_file`](super::properties::read_file)).
    pub fn from_properties_file(path: impl AsRef<std::path::Path>) -> Result<ProducerConfig, ConfigError> {
        ProducerConfig::from_properties(super::properties::read_file(path)?)
    }

    /// The cluster-layer settings these imply.
    pub fn cluster_config(&self) -> Result<ClusterConfig, ConfigError> {
        self.common.cluster_config()
    }
}

fn invalid(key: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}

/// Builds a [`ProducerConfig`] with typed setters; [`ProducerConfigBuilder::build`] checks that
/// the settings agree with each other as the Java client does.
#[derive(Debug, Clone)]
pub struct ProducerConfigBuilder {
    config: ProducerConfig,
    idempotence_explicit: bool,
    acks_explicit: bool,
}

impl ProducerConfigBuilder {
    crate::__common_config_setters!(config.common);

    /// `transactional.id`: makes the producer transactional (see
    /// [`Producer::init_transactions`](crate::producer::Producer::init_transactions)).
    pub fn transactional_id(mut self, id: impl Into<String>) -> Self {
        self.config.transactional_id = Some(id.into());
        self
    }
    /// `transaction.timeout.ms`.
    pub fn transaction_timeout(mut self, timeout: Duration) -> Self {
        self.config.transaction_timeout = timeout;
        self
    }
    /// `acks`.
    pub fn acks(mut self, acks: Acks) -> Self {
        self.config.acks = acks;
        self.acks_explicit = true;
        self
    }
    /// `linger.ms`.
    pub fn linger(mut self, linger: Duration) -> Self {
        self.config.linger = linger;
        self
    }
    /// `batch.size`.
    pub fn batch_size(mut self, bytes: usize) -> Self {
        self.config.batch_size = bytes;
        self
    }
    /// `buffer.memory`.
    pub fn buffer_memory(mut self, bytes: usize) -> Self {
        self.config.buffer_memory = bytes;
        self
    }
    /// `compression.type` (and level, through [`Codec::with_level`]).
    pub fn compression(mut self, codec: impl Into<Codec>) -> Self {
        self.config.compression = codec.into();
        self
    }
    /// `retries`.
    pub fn retries(mut self, retries: u32) -> Self {
        self.config.retries = retries;
        self
    }
    /// `delivery.timeout.ms`.
    pub fn delivery_timeout(mut self, d: Duration) -> Self {
        self.config.delivery_timeout = d;
        self
    }
    /// `max.in.flight.requests.per.connection`.
    pub fn max_in_flight(mut self, n: usize) -> Self {
        self.config.max_in_flight = n;
        self
    }
    /// `enable.idempotence`.
    pub fn enable_idempotence(mut self, on: bool) -> Self {
        self.config.enable_idempotence = on;
        self.idempotence_explicit = true;
        self
    }
    /// `max.request.size`.
    pub fn max_request_size(mut self, bytes: usize) -> Self {
        self.config.max_request_size = bytes;
        self
    }
    /// `max.block.ms`.
    pub fn max_block(mut self, d: Duration) -> Self {
        self.config.max_block = d;
        self
    }
    /// `partitioner.ignore.keys`.
    pub fn partitioner_ignore_keys(mut self, ignore: bool) -> Self {
        self.config.partitioner_ignore_keys = ignore;
        self
    }

    /// `metadata.max.idle.ms`: how long a topic nothing is sent to stays in the metadata kept.
    pub fn metadata_max_idle(mut self, idle: Duration) -> Self {
        self.config.metadata_max_idle = idle;
        self
    }

    /// `partitioner.class`: one of Java's built-in partitioners.
    pub fn partitioner(mut self, partitioner: BuiltinPartitioner) -> Self {
        self.config.partitioner = partitioner;
        self
    }

    /// Adds an interceptor (Java's `interceptor.classes`): it runs after those added before
    /// it. See [`crate::interceptor`].
    ///
    /// ```
    /// use kfk_client::config::ProducerConfig;
    /// use kfk_client::interceptor::{EditableRecord, HookResult, ProducerInterceptor};
    ///
    /// struct Source;
    /// impl ProducerInterceptor for Source {
    ///     fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
    ///         record.add_header("source", Some(b"billing".as_slice()));
    ///         Ok(())
    ///     }
    /// }
    ///
    /// let config = ProducerConfig::builder().bootstrap_servers("localhost:9092").interceptor(Source).build().unwrap();
    /// assert_eq!(config.interceptors.len(), 1);
    /// ```
    pub fn interceptor(mut self, interceptor: impl crate::interceptor::ProducerInterceptor) -> Self {
        self.config.interceptors = self.config.interceptors.with(std::sync::Arc::new(interceptor));
        self
    }

    /// Checks the settings and returns the configuration.
    pub fn build(self) -> Result<ProducerConfig, ConfigError> {
        let mut c = self.config;
        c.common.require_bootstrap()?;
        if c.metadata_max_idle < Duration::from_secs(5) {
            return Err(ConfigError::InvalidValue {
                key: "metadata.max.idle.ms".into(),
                value: c.metadata_max_idle.as_millis().to_string(),
                expected: "at least 5000 (as in Java)".into(),
            });
        }
        // Idempotence needs acks=all, retries and at most 5 requests in flight. Asked for
        // explicitly, a conflict is an error; on by default, it quietly turns off (Java 3.2+).
        let conflict = if c.acks != Acks::All {
            Some(("acks", "all"))
        } else if c.retries == 0 {
            Some(("retries", "greater than 0"))
        } else if c.max_in_flight > 5 {
            Some(("max.in.flight.requests.per.connection", "at most 5"))
        } else {
            None
        };
        let transactional = c.transactional_id.is_some();
        if transactional && !c.enable_idempotence {
            return Err(ConfigError::InvalidValue {
                key: "enable.idempotence".into(),
                value: "false".into(),
                expected: "true when transactional.id is set (transactions need idempotence)".into(),
            });
        }
        if c.enable_idempotence {
            if let Some((key, needed)) = conflict {
                if self.idempotence_explicit || transactional {
                    return Err(ConfigError::InvalidValue {
                        key: key.into(),
                        value: match key {
                            "acks" => format!("{:?}", c.acks),
                            "retries" => c.retries.to_string(),
                            _ => c.max_in_flight.to_string(),
                        },
                        expected: format!("{needed} when enable.idempotence=true or transactional.id is set"),
                    });
                }
                c.enable_idempotence = false;
            }
        }
        let _ = self.acks_explicit;
        let needed = c.linger + c.common.request_timeout;
        if c.delivery_timeout < needed {
            return Err(ConfigError::InvalidValue {
                key: "delivery.timeout.ms".into(),
                value: c.delivery_timeout.as_millis().to_string(),
                expected: format!("at least linger.ms + request.timeout.ms = {}", needed.as_millis()),
            });
        }
        if c.max_in_flight == 0 {
            return Err(ConfigError::InvalidValue {
                key: "max.in.flight.requests.per.connection".into(),
                value: "0".into(),
                expected: "at least 1".into(),
            });
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_java_client() {
        let c = ProducerConfig::from_properties([("bootstrap.servers", "h:9092")]).unwrap();
        assert_eq!(c.acks, Acks::All);
        assert!(c.enable_idempotence);
        assert_eq!(c.linger, Duration::from_millis(5));
        assert_eq!(c.batch_size, 16_384);
        assert_eq!(c.delivery_timeout, Duration::from_secs(120));
        assert_eq!(c.max_in_flight, 5);
    }

    #[test]
    fn explicit_idempotence_with_acks_1_is_an_error() {
        let err = ProducerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            ("acks", "1"),
            ("enable.idempotence", "true"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("`acks`"), "{err}");
    }

    #[test]
    fn java_partitioner_classes_map_to_the_built_in_ones_and_others_are_refused() {
        let with = |pairs: &[(&str, &str)]| {
            ProducerConfig::from_properties([("bootstrap.servers", "a:1")].iter().chain(pairs).copied())
        };
        let rr = with(&[("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner")]).unwrap();
        assert_eq!(rr.partitioner, BuiltinPartitioner::RoundRobin);
        let sticky =
            with(&[("partitioner.class", "org.apache.kafka.clients.producer.UniformStickyPartitioner")]).unwrap();
        assert_eq!((sticky.partitioner, sticky.partitioner_ignore_keys), (BuiltinPartitioner::Default, true));
        let default =
            with(&[("partitioner.class", "org.apache.kafka.clients.producer.internals.DefaultPartitioner")]).unwrap();
        assert_eq!((default.partitioner, default.partitioner_ignore_keys), (BuiltinPartitioner::Default, false));
        let custom = with(&[("partitioner.class", "com.example.RegionPartitioner")]).unwrap_err().to_string();
        assert!(custom.contains("Producer::with_partitioner") && custom.contains("com.example.RegionPartitioner"));
        assert!(with(&[("partitioner.adaptive.partitioning.enable", "false")]).is_ok());
        let adaptive = with(&[("partitioner.adaptive.partitioning.enable", "true")]).unwrap_err().to_string();
        assert!(adaptive.contains("not built"), "{adaptive}");
        assert!(with(&[("partitioner.availability.timeout.ms", "0")]).is_ok());
        assert!(with(&[("partitioner.availability.timeout.ms", "500")]).is_err());
    }

    #[test]
    fn every_documented_key_parses() {
        let c = ProducerConfig::from_properties([
            ("bootstrap.servers", "a:1,b:2"),
            ("client.id", "c"),
            ("acks", "all"),
            ("linger.ms", "20"),
            ("batch.size", "1048576"),
            ("buffer.memory", "67108864"),
            ("compression.type", "zstd"),
            ("compression.zstd.level", "3"),
            ("retries", "10"),
            ("delivery.timeout.ms", "60000"),
            ("request.timeout.ms", "20000"),
            ("retry.backoff.ms", "50"),
            ("retry.backoff.max.ms", "500"),
            ("max.in.flight.requests.per.connection", "5"),
            ("enable.idempotence", "true"),
            ("max.request.size", "2097152"),
            ("max.block.ms", "1000"),
            ("partitioner.ignore.keys", "true"),
            ("metadata.max.age.ms", "1000"),
            ("reconnect.backoff.ms", "10"),
            ("reconnect.backoff.max.ms", "100"),
            ("socket.connection.setup.timeout.ms", "5000"),
            ("allow.auto.create.topics", "false"),
        ])
        .unwrap();
        assert_eq!(c.common.bootstrap_servers, vec!["a:1", "b:2"]);
        assert_eq!(c.compression.compression(), Compression::Zstd);
        assert_eq!(c.batch_size, 1 << 20);
        assert!(c.partitioner_ignore_keys);
        assert!(!c.common.allow_auto_create_topics);
    }

    #[test]
    fn bad_values_name_the_key() {
        for (key, value) in
            [("acks", "2"), ("linger.ms", "-1"), ("compression.type", "brotli"), ("enable.idempotence", "maybe")]
        {
            let err = ProducerConfig::from_properties([("bootstrap.servers", "h:1"), (key, value)]).unwrap_err();
            assert!(err.to_string().contains(key), "{err}");
        }
        let err =
            ProducerConfig::from_properties([("bootstrap.servers", "h:1"), ("delivery.timeout.ms", "10")]).unwrap_err();
        assert!(err.to_string().contains("delivery.timeout.ms"), "{err}");
    }
}
