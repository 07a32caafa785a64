//! Consumer configuration, with the Java client's keys and defaults (Kafka 4.x).

use std::sync::Arc;
use std::time::Duration;

use super::common::CommonConfig;
#[cfg(doc)]
use super::common::COMMON_KEYS;
use super::group::{assignor_name, GroupConfig, GroupProtocol, ASSIGNORS_EXPECTED};
use super::properties::{parse_bool, parse_int, parse_ms, Properties};
use super::security::SecurityConfig;
use crate::error::ConfigError;

/// What to do when a partition has no valid position (no committed offset, or the offset is
/// out of range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OffsetReset {
    /// Start from the log start offset.
    Earliest,
    /// Start from the log end offset (only new records).
    Latest,
    /// Fail: the application decides (via `seek`).
    None,
}

/// Which records a fetch may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsolationLevel {
    /// Everything written, including records of open and aborted transactions.
    ReadUncommitted,
    /// Only committed records: up to the last stable offset, aborted transactions filtered out.
    ReadCommitted,
}

impl IsolationLevel {
    /// The value sent in Fetch and ListOffsets requests.
    pub fn wire(self) -> i8 {
        match self {
            IsolationLevel::ReadUncommitted => 0,
            IsolationLevel::ReadCommitted => 1,
        }
    }
}

/// Everything a consumer can be configured with.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ConsumerConfig {
    /// Bootstrap servers, client id, timeouts and backoffs.
    pub common: CommonConfig,
    /// `group.id`: the consumer group to join with `subscribe`, or to store offsets in with `assign`.
    pub group_id: Option<String>,
    /// `auto.offset.reset` (default latest).
    pub auto_offset_reset: OffsetReset,
    /// `fetch.min.bytes` (default 1).
    pub fetch_min_bytes: i32,
    /// `fetch.max.wait.ms` (default 500 ms).
    pub fetch_max_wait: Duration,
    /// `fetch.max.bytes` (default 50 MiB).
    pub fetch_max_bytes: i32,
    /// `max.partition.fetch.bytes` (default 1 MiB).
    pub max_partition_fetch_bytes: i32,
    /// `max.poll.records` (default 500).
    pub max_poll_records: usize,
    /// `default.api.timeout.ms` (default 60 s): how long calls such as `committed` retry.
    pub default_api_timeout: Duration,
    /// `isolation.level` (default read_uncommitted).
    pub isolation_level: IsolationLevel,
    /// `check.crcs` (default true).
    pub check_crcs: bool,
    /// `client.rack` (default empty): the consumer's rack. Brokers with a rack-aware
    /// `replica.selector.class` then send its fetches to a replica in that rack (KIP-392);
    /// see [`crate::consumer::FetchStats::follower_fetches`].
    pub client_rack: String,
    /// Consumer group settings (used with `subscribe`).
    pub group: GroupConfig,
    /// The hooks run on what `poll` returns and on every commit, in order (Java's
    /// `interceptor.classes`); added with [`ConsumerConfigBuilder::interceptor`].
    pub interceptors: crate::interceptor::ConsumerInterceptors,
}

impl Default for ConsumerConfig {
    fn default() -> Self {
        ConsumerConfig {
            common: CommonConfig::with_client_id("kafka-rs-consumer"),
            group_id: None,
            auto_offset_reset: OffsetReset::Latest,
            fetch_min_bytes: 1,
            fetch_max_wait: Duration::from_millis(500),
            fetch_max_bytes: 50 * 1024 * 1024,
            max_partition_fetch_bytes: 1024 * 1024,
            max_poll_records: 500,
            default_api_timeout: Duration::from_secs(60),
            isolation_level: IsolationLevel::ReadUncommitted,
            check_crcs: true,
            client_rack: String::new(),
            group: GroupConfig::default(),
            interceptors: Default::default(),
        }
    }
}

/// What a Fetch answer may need beyond `fetch.max.bytes` (librdkafka's margin).
const FETCH_OVERHEAD: usize = 512;

/// The consumer-specific keys [`ConsumerConfig::from_properties`] accepts (besides
/// [`COMMON_KEYS`]).
pub const CONSUMER_KEYS: &[&str] = &[
    "group.id",
    "auto.offset.reset",
    "fetch.min.bytes",
    "fetch.max.wait.ms",
    "fetch.max.bytes",
    "max.partition.fetch.bytes",
    "max.poll.records",
    "default.api.timeout.ms",
    "isolation.level",
    "check.crcs",
    "client.rack",
    "group.instance.id",
    "group.protocol",
    "session.timeout.ms",
    "heartbeat.interval.ms",
    "max.poll.interval.ms",
    "enable.auto.commit",
    "auto.commit.interval.ms",
    "partition.assignment.strategy",
    "group.remote.assignor",
    "exclude.internal.topics",
];

impl ConsumerConfig {
    /// A configuration from Java-style properties; unknown keys and invalid values are errors
    /// naming the key.
    ///
    /// ```
    /// use kfk_client::config::{ConsumerConfig, OffsetReset};
    ///
    /// let config = ConsumerConfig::from_properties([
    ///     ("bootstrap.servers", "localhost:9092"),
    ///     ("auto.offset.reset", "earliest"),
    ///     ("max.poll.records", "100"),
    /// ])
    /// .unwrap();
    /// assert_eq!(config.auto_offset_reset, OffsetReset::Earliest);
    /// assert_eq!(config.max_poll_records, 100);
    /// ```
    pub fn from_properties<K: AsRef<str>, V: AsRef<str>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Result<ConsumerConfig, ConfigError> {
        let mut props = Properties::new(pairs);
        let mut c = ConsumerConfig::default();
        c.common.take(&mut props)?;
        c.group_id = props.take("group.id").filter(|g| !g.is_empty());
        if let Some(v) = props.take("auto.offset.reset") {
            c.auto_offset_reset = match v.to_ascii_lowercase().as_str() {
                "earliest" => OffsetReset::Earliest,
                "latest" => OffsetReset::Latest,
                "none" => OffsetReset::None,
                _ => return Err(invalid("auto.offset.reset", &v, "earliest, latest or none")),
            };
        }
        let int = |props: &mut Properties, key: &str, min: i64, max: i64| -> Result<Option<i64>, ConfigError> {
            props.take(key).map(|v| parse_int(key, &v, min, max)).transpose()
        };
        let max = i32::MAX as i64;
        if let Some(n) = int(&mut props, "fetch.min.bytes", 0, max)? {
            c.fetch_min_bytes = n as i32;
        }
        if let Some(v) = props.take("fetch.max.wait.ms") {
            c.fetch_max_wait = parse_ms("fetch.max.wait.ms", &v, max)?;
        }
        if let Some(n) = int(&mut props, "fetch.max.bytes", 0, max)? {
            c.fetch_max_bytes = n as i32;
        }
        if let Some(n) = int(&mut props, "max.partition.fetch.bytes", 0, max)? {
            c.max_partition_fetch_bytes = n as i32;
        }
        if let Some(n) = int(&mut props, "max.poll.records", 1, max)? {
            c.max_poll_records = n as usize;
        }
        if let Some(v) = props.take("default.api.timeout.ms") {
            c.default_api_timeout = parse_ms("default.api.timeout.ms", &v, max)?;
        }
        if let Some(v) = props.take("isolation.level") {
            c.isolation_level = match v.to_ascii_lowercase().as_str() {
                "read_uncommitted" => IsolationLevel::ReadUncommitted,
                "read_committed" => IsolationLevel::ReadCommitted,
                _ => return Err(invalid("isolation.level", &v, "read_uncommitted or read_committed")),
            };
        }
        if let Some(v) = props.take("check.crcs") {
            c.check_crcs = parse_bool("check.crcs", &v)?;
        }
        if let Some(v) = props.take("client.rack") {
            c.client_rack = v;
        }
        c.group.instance_id = props.take("group.instance.id").filter(|g| !g.is_empty());
        if let Some(v) = props.take("group.protocol") {
            c.group.protocol = match v.to_ascii_lowercase().as_str() {
                "classic" => GroupProtocol::Classic,
                "consumer" => GroupProtocol::Consumer,
                _ => return Err(invalid("group.protocol", &v, "classic or consumer")),
            };
        }
        c.group.remote_assignor = props.take("group.remote.assignor").filter(|a| !a.is_empty());
        // As in Java: under the consumer protocol the coordinator owns assignment and session
        // timing, so the classic-only keys are refused rather than silently ignored (and the
        // remote assignor means nothing to the classic protocol).
        let classic_only = ["partition.assignment.strategy", "session.timeout.ms", "heartbeat.interval.ms"];
        match c.group.protocol {
            GroupProtocol::Consumer => {
                for key in classic_only {
                    if let Some(value) = props.take(key) {
                        return Err(invalid(
                            key,
                            &value,
                            "nothing with group.protocol=consumer (the group coordinator decides; remove the setting)",
                        ));
                    }
                }
            }
            GroupProtocol::Classic => {
                if let Some(a) = &c.group.remote_assignor {
                    return Err(invalid("group.remote.assignor", a, "nothing with group.protocol=classic"));
                }
            }
        }
        for (key, field) in [
            ("session.timeout.ms", &mut c.group.session_timeout),
            ("heartbeat.interval.ms", &mut c.group.heartbeat_interval),
            ("max.poll.interval.ms", &mut c.group.max_poll_interval),
            ("auto.commit.interval.ms", &mut c.group.auto_commit_interval),
        ] {
            if let Some(v) = props.take(key) {
                *field = parse_ms(key, &v, max)?;
            }
        }
        c.group.rebalance_timeout = c.group.max_poll_interval;
        if let Some(v) = props.take("enable.auto.commit") {
            c.group.enable_auto_commit = parse_bool("enable.auto.commit", &v)?;
        }
        if let Some(v) = props.take("partition.assignment.strategy") {
            let names: Vec<String> = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
            if names.is_empty() || names.iter().any(|n| assignor_name(n).is_none()) {
                return Err(invalid("partition.assignment.strategy", &v, ASSIGNORS_EXPECTED));
            }
            c.group.assignment_strategies = names;
        }
        if let Some(v) = props.take("exclude.internal.topics") {
            // Pattern subscriptions never match internal topics; `false` would ask for them.
            if !parse_bool("exclude.internal.topics", &v)? {
                return Err(invalid(
                    "exclude.internal.topics",
                    &v,
                    "true (pattern subscriptions to internal topics are not supported)",
                ));
            }
        }
        props.finish(&[&CommonConfig::keys()[..], CONSUMER_KEYS].concat())?;
        c.validate()?;
        Ok(c)
    }

    /// The application's assignors must each be offered, under a name no other offered
    /// assignor has, and only where the member runs assignors (the classic protocol).
    fn validate_custom_assignors(&self) -> Result<(), ConfigError> {
        let group = &self.group;
        let offered = |name: &str| group.assignment_strategies.iter().any(|n| n.trim() == name);
        for (i, custom) in group.custom_assignors.iter().enumerate() {
            let name = custom.name();
            if group.protocol == GroupProtocol::Consumer {
                return Err(invalid(
                    "partition.assignment.strategy",
                    name,
                    "no client-side assignor with group.protocol=consumer (the coordinator assigns; \
                     choose its assignor with group.remote.assignor)",
                ));
            }
            if group.custom_assignors[..i].iter().any(|a| a.name() == name) {
                return Err(invalid(
                    "partition.assignment.strategy",
                    name,
                    "one assignor per name (two assignors passed to ConsumerConfigBuilder::assignors share it)",
                ));
            }
            if !offered(name) {
                return Err(invalid(
                    "partition.assignment.strategy",
                    &group.assignment_strategies.join(","),
                    &format!("a list naming the assignor {name} given to ConsumerConfigBuilder::assignors, or it is never offered"),
                ));
            }
        }
        Ok(())
    }

    /// Checks settings that depend on each other ([`crate::consumer::Consumer::new`] calls it
    /// too, for configurations built field by field).
    pub fn validate(&self) -> Result<(), ConfigError> {
        let group = &self.group;
        if let Some(bad) = group.assignment_strategies.iter().find(|n| group.assignor(n).is_none()) {
            return Err(invalid("partition.assignment.strategy", bad, ASSIGNORS_EXPECTED));
        }
        self.validate_custom_assignors()?;
        if let (GroupProtocol::Classic, Some(a)) = (group.protocol, &group.remote_assignor) {
            return Err(invalid("group.remote.assignor", a, "nothing with group.protocol=classic"));
        }
        // A Fetch answer holds up to fetch.max.bytes of records plus its own headers; a frame
        // limit below that would refuse answers the consumer asked for (librdkafka checks the
        // same, with the same margin).
        let needed = self.fetch_max_bytes.max(0) as usize + FETCH_OVERHEAD;
        if self.common.receive_message_max_bytes < needed {
            return Err(invalid(
                "receive.message.max.bytes",
                &self.common.receive_message_max_bytes.to_string(),
                &format!("at least fetch.max.bytes + {FETCH_OVERHEAD} = {needed}: a Fetch answer must fit"),
            ));
        }
        Ok(())
    }

    /// A builder starting from the defaults, with the same shape as the producer's and the
    /// admin client's.
    ///
    /// ```
    /// use std::time::Duration;
    /// use kfk_client::config::{ConsumerConfig, IsolationLevel, OffsetReset};
    ///
    /// let config = ConsumerConfig::builder()
    ///     .bootstrap_servers("localhost:9092")
    ///     .group_id("billing")
    ///     .auto_offset_reset(OffsetReset::Earliest)
    ///     .isolation_level(IsolationLevel::ReadCommitted)
    ///     .max_poll_records(200)
    ///     .session_timeout(Duration::from_secs(30))
    ///     .build()?;
    /// assert_eq!(config.group_id.as_deref(), Some("billing"));
    /// # Ok::<(), kfk_client::config::ConfigError>(())
    /// ```
    pub fn builder() -> ConsumerConfigBuilder {
        ConsumerConfigBuilder { config: ConsumerConfig::default().without_bootstrap() }
    }

    /// As [`ConsumerConfig::from_properties`], from a Java `.properties` file (see
    /// [`properties::read_file`](super::properties::read_file)).
    pub fn from_properties_file(path: impl AsRef<std::path::Path>) -> Result<ConsumerConfig, ConfigError> {
        ConsumerConfig::from_properties(super::properties::read_file(path)?)
    }

    fn without_bootstrap(mut self) -> Self {
        self.common.bootstrap_servers.clear();
        self
    }

    /// Defaults with `bootstrap_servers`, for code that sets fields directly.
    pub fn new(bootstrap_servers: impl AsRef<str>) -> ConsumerConfig {
        let mut c = ConsumerConfig::default();
        c.common.bootstrap_servers =
            bootstrap_servers.as_ref().split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        c
    }

    /// Secures connections with `security` (TLS, SASL); see [`SecurityConfig`].
    pub fn with_security(mut self, security: SecurityConfig) -> ConsumerConfig {
        self.common.security = security;
        self
    }
}

/// Builds a [`ConsumerConfig`] with typed setters; [`ConsumerConfigBuilder::build`] checks the
/// settings as [`ConsumerConfig::from_properties`] does.
#[derive(Debug, Clone)]
pub struct ConsumerConfigBuilder {
    config: ConsumerConfig,
}

impl ConsumerConfigBuilder {
    crate::__common_config_setters!(config.common);

    /// `group.id`: the consumer group whose offsets are committed and, with `subscribe`, whose
    /// members share the partitions.
    pub fn group_id(mut self, group: impl Into<String>) -> Self {
        self.config.group_id = Some(group.into());
        self
    }
    /// `auto.offset.reset`: where a partition without a committed offset starts.
    pub fn auto_offset_reset(mut self, reset: OffsetReset) -> Self {
        self.config.auto_offset_reset = reset;
        self
    }
    /// `fetch.min.bytes`.
    pub fn fetch_min_bytes(mut self, bytes: i32) -> Self {
        self.config.fetch_min_bytes = bytes;
        self
    }
    /// `fetch.max.wait.ms`.
    pub fn fetch_max_wait(mut self, wait: Duration) -> Self {
        self.config.fetch_max_wait = wait;
        self
    }
    /// `fetch.max.bytes`.
    pub fn fetch_max_bytes(mut self, bytes: i32) -> Self {
        self.config.fetch_max_bytes = bytes;
        self
    }
    /// `max.partition.fetch.bytes`.
    pub fn max_partition_fetch_bytes(mut self, bytes: i32) -> Self {
        self.config.max_partition_fetch_bytes = bytes;
        self
    }
    /// `max.poll.records`.
    pub fn max_poll_records(mut self, n: usize) -> Self {
        self.config.max_poll_records = n;
        self
    }
    /// `default.api.timeout.ms`.
    pub fn default_api_timeout(mut self, timeout: Duration) -> Self {
        self.config.default_api_timeout = timeout;
        self
    }
    /// `isolation.level`.
    pub fn isolation_level(mut self, level: IsolationLevel) -> Self {
        self.config.isolation_level = level;
        self
    }
    /// `check.crcs`.
    pub fn check_crcs(mut self, check: bool) -> Self {
        self.config.check_crcs = check;
        self
    }
    /// `client.rack`: fetch from a replica in this rack when the leader names one (KIP-392).
    pub fn client_rack(mut self, rack: impl Into<String>) -> Self {
        self.config.client_rack = rack.into();
        self
    }
    /// `group.protocol`: the classic protocol or KIP-848's consumer protocol.
    pub fn group_protocol(mut self, protocol: GroupProtocol) -> Self {
        self.config.group.protocol = protocol;
        self
    }
    /// `group.remote.assignor` (consumer protocol only).
    pub fn group_remote_assignor(mut self, assignor: impl Into<String>) -> Self {
        self.config.group.remote_assignor = Some(assignor.into());
        self
    }
    /// `group.instance.id`: a static member (KIP-345).
    pub fn group_instance_id(mut self, id: impl Into<String>) -> Self {
        self.config.group.instance_id = Some(id.into());
        self
    }
    /// `session.timeout.ms` (classic protocol).
    pub fn session_timeout(mut self, timeout: Duration) -> Self {
        self.config.group.session_timeout = timeout;
        self
    }
    /// `heartbeat.interval.ms` (classic protocol).
    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.config.group.heartbeat_interval = interval;
        self
    }
    /// `max.poll.interval.ms` (also the rebalance timeout, as in Java).
    pub fn max_poll_interval(mut self, interval: Duration) -> Self {
        self.config.group.max_poll_interval = interval;
        self.config.group.rebalance_timeout = interval;
        self
    }
    /// `enable.auto.commit`.
    pub fn enable_auto_commit(mut self, on: bool) -> Self {
        self.config.group.enable_auto_commit = on;
        self
    }
    /// `auto.commit.interval.ms`.
    pub fn auto_commit_interval(mut self, interval: Duration) -> Self {
        self.config.group.auto_commit_interval = interval;
        self
    }
    /// `partition.assignment.strategy` (classic protocol): assignor names in order of
    /// preference (`range`, `roundrobin`, `sticky`, `cooperative-sticky`, or Java's class names).
    pub fn partition_assignment_strategy<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.config.group.assignment_strategies = names.into_iter().map(Into::into).collect();
        self
    }

    /// The assignors this member offers in JoinGroup (classic protocol), in order of
    /// preference, replacing `partition.assignment.strategy`: the application's own
    /// implementations of [`Assignor`](crate::group::Assignor), built-in ones
    /// (`Arc::new(RangeAssignor)`) or both. The coordinator picks the first one every member
    /// offers, and the leader runs it. A group whose members have no assignor in common
    /// refuses the join: `poll` returns `INCONSISTENT_GROUP_PROTOCOL`.
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use std::sync::Arc;
    /// use kfk_client::config::ConsumerConfig;
    /// use kfk_client::group::{Assignment, Assignor, MemberInfo, RangeAssignor};
    ///
    /// /// Every partition to the member whose id sorts first (a hot standby for the others).
    /// struct FirstTakesAll;
    ///
    /// impl Assignor for FirstTakesAll {
    ///     fn name(&self) -> &'static str {
    ///         "first-takes-all"
    ///     }
    ///
    ///     fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
    ///         let mut out: Assignment = members.iter().map(|m| (m.member_id.clone(), Vec::new())).collect();
    ///         if let Some(first) = members.iter().map(|m| &m.member_id).min() {
    ///             let all = partitions.iter().flat_map(|(t, &n)| (0..n).map(move |p| (t.clone(), p)));
    ///             out.insert(first.clone(), all.collect());
    ///         }
    ///         out
    ///     }
    /// }
    ///
    /// let config = ConsumerConfig::builder()
    ///     .bootstrap_servers("localhost:9092")
    ///     .group_id("standby")
    ///     // Preferred, and range while some members do not offer it yet (a rolling upgrade).
    ///     .assignors([Arc::new(FirstTakesAll) as Arc<dyn Assignor>, Arc::new(RangeAssignor)])
    ///     .build()?;
    /// assert_eq!(config.group.assignment_strategies, ["first-takes-all", "range"]);
    /// # Ok::<(), kfk_client::config::ConfigError>(())
    /// ```
    pub fn assignors(mut self, assignors: impl IntoIterator<Item = Arc<dyn crate::group::Assignor>>) -> Self {
        let assignors: Vec<Arc<dyn crate::group::Assignor>> = assignors.into_iter().collect();
        self.config.group.assignment_strategies = assignors.iter().map(|a| a.name().to_string()).collect();
        self.config.group.custom_assignors = assignors;
        self
    }

    /// Adds an interceptor (Java's `interceptor.classes`): it runs after those added before
    /// it. See [`crate::interceptor`].
    ///
    /// ```
    /// use kfk_client::config::ConsumerConfig;
    /// use kfk_client::consumer::ConsumerRecord;
    /// use kfk_client::interceptor::{ConsumerInterceptor, HookResult};
    ///
    /// /// Hides tombstones from the application.
    /// struct NoTombstones;
    /// impl ConsumerInterceptor for NoTombstones {
    ///     fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
    ///         records.retain(|r| r.value.is_some());
    ///         Ok(())
    ///     }
    /// }
    ///
    /// let config = ConsumerConfig::builder().bootstrap_servers("localhost:9092").interceptor(NoTombstones).build().unwrap();
    /// assert_eq!(config.interceptors.len(), 1);
    /// ```
    pub fn interceptor(mut self, interceptor: impl crate::interceptor::ConsumerInterceptor) -> Self {
        self.config.interceptors = self.config.interceptors.with(std::sync::Arc::new(interceptor));
        self
    }

    /// Checks the settings and returns the configuration.
    pub fn build(self) -> Result<ConsumerConfig, ConfigError> {
        self.config.common.require_bootstrap()?;
        self.config.validate()?;
        Ok(self.config)
    }
}

fn invalid(key: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builder_and_the_properties_give_the_same_configuration() {
        let built = ConsumerConfig::builder()
            .bootstrap_servers("a:1, b:2")
            .client_id("billing-1")
            .group_id("billing")
            .auto_offset_reset(OffsetReset::Earliest)
            .isolation_level(IsolationLevel::ReadCommitted)
            .max_poll_records(42)
            .fetch_max_wait(Duration::from_millis(250))
            .session_timeout(Duration::from_secs(12))
            .max_poll_interval(Duration::from_secs(90))
            .enable_auto_commit(false)
            .partition_assignment_strategy(["cooperative-sticky"])
            .request_timeout(Duration::from_secs(20))
            .build()
            .unwrap();
        let parsed = ConsumerConfig::from_properties([
            ("bootstrap.servers", "a:1,b:2"),
            ("client.id", "billing-1"),
            ("group.id", "billing"),
            ("auto.offset.reset", "earliest"),
            ("isolation.level", "read_committed"),
            ("max.poll.records", "42"),
            ("fetch.max.wait.ms", "250"),
            ("session.timeout.ms", "12000"),
            ("max.poll.interval.ms", "90000"),
            ("enable.auto.commit", "false"),
            ("partition.assignment.strategy", "cooperative-sticky"),
            ("request.timeout.ms", "20000"),
        ])
        .unwrap();
        assert_eq!(format!("{built:?}"), format!("{parsed:?}"));
    }

    #[test]
    fn the_builder_checks_what_properties_check() {
        let missing = ConsumerConfig::builder().group_id("g").build().unwrap_err();
        assert_eq!(missing, ConfigError::Missing { key: "bootstrap.servers".into() });
        let unknown = ConsumerConfig::builder().bootstrap_servers("a:1").partition_assignment_strategy(["fastest"]);
        let err = unknown.build().unwrap_err();
        assert!(err.to_string().contains("partition.assignment.strategy"), "{err}");
        let classic = ConsumerConfig::builder().bootstrap_servers("a:1").group_remote_assignor("uniform");
        assert!(classic.build().unwrap_err().to_string().contains("group.remote.assignor"));
    }

    #[test]
    fn a_properties_file_configures_the_consumer() {
        let path = std::env::temp_dir().join(format!("consumer-{}.properties", std::process::id()));
        std::fs::write(&path, "bootstrap.servers=k1:9092\ngroup.id=billing\nmax.poll.records=7\n").unwrap();
        let config = ConsumerConfig::from_properties_file(&path).unwrap();
        std::fs::write(&path, "bootstrap.servers=k1:9092\nmax.pol.records=7\n").unwrap();
        let typo = ConsumerConfig::from_properties_file(&path).unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert_eq!((config.group_id.as_deref(), config.max_poll_records), (Some("billing"), 7));
        assert!(typo.to_string().contains("did you mean `max.poll.records`"), "{typo}");
    }

    #[test]
    fn the_frame_limit_must_hold_a_fetch() {
        let c =
            ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("receive.message.max.bytes", "2000000")])
                .unwrap_err();
        assert!(c.to_string().contains("fetch.max.bytes + 512 = 52429312"), "{c}");
        let c = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            ("fetch.max.bytes", "1000000"),
            ("receive.message.max.bytes", "1000512"),
        ])
        .unwrap();
        assert_eq!(c.common.receive_message_max_bytes, 1_000_512);
        let connection = c.common.cluster_config().unwrap().connection;
        assert_eq!(connection.response_cap(kfk_protocol::messages::ApiKey::Fetch).0, 1_000_512);
        assert_eq!(connection.response_cap(kfk_protocol::messages::ApiKey::Metadata).0, 1_000_512 / 8);
    }

    #[test]
    fn defaults_and_errors() {
        let c = ConsumerConfig::from_properties([("bootstrap.servers", "h:1")]).unwrap();
        assert_eq!(c.auto_offset_reset, OffsetReset::Latest);
        assert_eq!(c.max_poll_records, 500);
        assert_eq!(c.fetch_max_wait, Duration::from_millis(500));
        let err = ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("auto.offset.reset", "smallest")])
            .unwrap_err();
        assert!(err.to_string().contains("auto.offset.reset"), "{err}");
        let err =
            ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("max.poll.record", "5")]).unwrap_err();
        assert!(err.to_string().contains("did you mean `max.poll.records`"), "{err}");
    }

    #[test]
    fn a_java_consumer_properties_file_is_accepted_as_it_is() {
        let c = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1,h:2"),
            ("client.id", "reader"),
            ("group.id", "g"),
            ("group.instance.id", "i-1"),
            ("group.protocol", "classic"),
            ("auto.offset.reset", "earliest"),
            ("enable.auto.commit", "false"),
            ("auto.commit.interval.ms", "1000"),
            ("fetch.min.bytes", "1024"),
            ("fetch.max.wait.ms", "100"),
            ("fetch.max.bytes", "1048576"),
            ("max.partition.fetch.bytes", "65536"),
            ("max.poll.records", "50"),
            ("max.poll.interval.ms", "60000"),
            ("session.timeout.ms", "10000"),
            ("heartbeat.interval.ms", "1000"),
            ("partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
            ("isolation.level", "read_committed"),
            ("check.crcs", "true"),
            ("client.rack", "r1"),
            ("exclude.internal.topics", "true"),
            ("security.protocol", "PLAINTEXT"),
            ("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            ("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            ("receive.buffer.bytes", "65536"),
            ("connections.max.idle.ms", "540000"),
        ])
        .unwrap();
        assert_eq!(c.group_id.as_deref(), Some("g"));
        assert_eq!(c.max_poll_records, 50);
        assert_eq!(c.fetch_max_wait, Duration::from_millis(100));
        assert_eq!(c.isolation_level, IsolationLevel::ReadCommitted);
        assert_eq!(c.client_rack, "r1");
        assert!(!c.group.enable_auto_commit);
        let err = ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("security.protocol", "SASL_SSL")])
            .unwrap_err();
        assert!(err.to_string().contains("sasl.mechanism"), "{err}");
        let err = ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("exclude.internal.topics", "false")])
            .unwrap_err();
        assert!(err.to_string().contains("exclude.internal.topics"), "{err}");
    }

    #[test]
    fn the_consumer_group_protocol_refuses_classic_only_keys() {
        let c = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            ("group.protocol", "consumer"),
            ("group.remote.assignor", "uniform"),
        ])
        .unwrap();
        assert_eq!(c.group.protocol, GroupProtocol::Consumer);
        assert_eq!(c.group.remote_assignor.as_deref(), Some("uniform"));
        let err = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            ("group.protocol", "consumer"),
            ("session.timeout.ms", "6000"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("session.timeout.ms"), "{err}");
        let err = ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("group.remote.assignor", "range")])
            .unwrap_err();
        assert!(err.to_string().contains("group.protocol=classic"), "{err}");
    }

    #[test]
    fn assignment_strategies_by_short_or_java_class_name() {
        let c = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            (
                "partition.assignment.strategy",
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor, range, sticky,roundrobin",
            ),
        ])
        .unwrap();
        assert_eq!(c.group.assignment_strategies.len(), 4);
        let names: Vec<&str> =
            c.group.assignment_strategies.iter().map(|n| crate::group::assignor::by_name(n).unwrap().name()).collect();
        assert_eq!(names, ["cooperative-sticky", "range", "sticky", "roundrobin"]);
        let err =
            ConsumerConfig::from_properties([("bootstrap.servers", "h:1"), ("partition.assignment.strategy", "fair")])
                .unwrap_err();
        assert!(err.to_string().contains("cooperative-sticky"), "{err}");
    }

    struct Mine(&'static str);

    impl crate::group::Assignor for Mine {
        fn name(&self) -> &'static str {
            self.0
        }

        fn assign(
            &self,
            members: &[crate::group::MemberInfo],
            _: &std::collections::BTreeMap<String, i32>,
        ) -> crate::group::Assignment {
            crate::group::assignor::empty(members)
        }
    }

    #[test]
    fn custom_assignors_are_offered_by_name_and_never_silently_unused() {
        let builder = || ConsumerConfig::builder().bootstrap_servers("h:1");
        let mine: Arc<dyn crate::group::Assignor> = Arc::new(Mine("mine"));
        let c = builder().assignors([mine.clone(), Arc::new(crate::group::RangeAssignor)]).build().unwrap();
        assert_eq!(c.group.assignment_strategies, ["mine", "range"]);
        assert_eq!(c.group.assignor("mine").map(|a| a.name()), Some("mine"));
        assert_eq!(c.group.assignor("range").map(|a| a.name()), Some("range"));

        // Given but left out of the list: refused rather than never offered.
        let err = builder().assignors([mine.clone()]).partition_assignment_strategy(["range"]).build().unwrap_err();
        assert!(err.to_string().contains("mine"), "{err}");
        let twice = builder().assignors([mine.clone(), Arc::new(Mine("mine"))]).build().unwrap_err();
        assert!(twice.to_string().contains("one assignor per name"), "{twice}");
        let kip848 = builder().group_protocol(GroupProtocol::Consumer).assignors([mine]).build().unwrap_err();
        assert!(kip848.to_string().contains("group.remote.assignor"), "{kip848}");

        // A Java class of the application's own cannot be loaded: the error says what to do.
        let err = ConsumerConfig::from_properties([
            ("bootstrap.servers", "h:1"),
            ("partition.assignment.strategy", "com.example.MyAssignor"),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("ConsumerConfigBuilder::assignors"), "{err}");
    }
}
