//! The cluster handle and its builder.
//!
//! [`StubCluster::builder`] configures brokers, topic defaults, retention and the API versions
//! to advertise; [`StubClusterBuilder::start`] binds every broker's port and spawns its
//! listener. The handle is a cheap `Arc` clone; when the last clone is dropped every listener
//! and connection task is aborted (use [`StubCluster::shutdown`] to also wait until the ports
//! are free).

use std::collections::{BTreeMap, HashMap};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use kfk_protocol::messages::ApiKey;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::broker::BrokerSlot;
use crate::faults::Faults;
use crate::groups::{timers, GroupConfig};
use crate::limits::Limits;
use crate::security::{scram, ListenerPorts, SaslMechanism, SecurityConfig, SecurityProtocol};
use crate::state::{now_ms, validate_topic_name, Config, CoordinatorKind, Shared};
use crate::{Error, Result};

/// Configures a [`StubCluster`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), kfk_stub::Error> {
/// use std::time::Duration;
/// use kfk_protocol::messages::ApiKey;
/// use kfk_stub::StubCluster;
///
/// let cluster = StubCluster::builder()
///     .brokers(3)                            // broker ids 0, 1, 2
///     .auto_create_topics(false)             // Metadata for unknown topics: UNKNOWN_TOPIC_OR_PARTITION
///     .default_partitions(4)                 // CreateTopics with num_partitions = -1
///     .retention_bytes_per_partition(1 << 20)
///     .max_version(ApiKey::Fetch, 12)        // behave like a broker without topic ids in Fetch
///     .group_session_timeout_range(          // accept 500 ms sessions (Kafka's minimum is 6 s)
///         Duration::from_millis(100),
///         Duration::from_secs(300),
///     )
///     .port_base(0)                          // ephemeral ports
///     .start()
///     .await?;
/// assert_eq!(cluster.bootstrap().split(',').count(), 3);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct StubClusterBuilder {
    config: Config,
    replication_factor_set: bool,
}

impl Default for StubClusterBuilder {
    fn default() -> Self {
        StubClusterBuilder {
            config: Config {
                brokers: 1,
                auto_create_topics: true,
                default_partitions: 1,
                default_replication_factor: 1,
                retention_bytes: 64 * 1024 * 1024,
                port_base: 0,
                max_versions: HashMap::new(),
                global_max_version: None,
                cluster_id: "stub-cluster-0000000000".to_owned(),
                groups: GroupConfig::default(),
                racks: Vec::new(),
                rack_aware_replica_selector: false,
                limits: Limits::default(),
                security: SecurityConfig::default(),
                telemetry: None,
            },
            replication_factor_set: false,
        }
    }
}

impl StubClusterBuilder {
    /// Serves client telemetry (KIP-714) with `subscription`, as a Kafka broker with a
    /// telemetry receiver plugin and a client-metrics subscription matching every client does.
    /// Client-metrics subscriptions set with IncrementalAlterConfigs (`kfk configs --alter
    /// --entity-type client-metrics`) add their metrics for the clients they match, and lower
    /// the interval, as on Kafka; `TelemetrySubscription::default()` asks for nothing of its
    /// own, as Kafka with no subscription. Without it the stub does not advertise
    /// GetTelemetrySubscriptions and PushTelemetry, as Kafka without a receiver.
    /// [`StubCluster::telemetry_pushes`] returns what clients pushed.
    pub fn client_telemetry(mut self, subscription: crate::TelemetrySubscription) -> Self {
        self.config.telemetry = Some(subscription);
        self
    }

    /// Number of brokers, ids `0..n` (default 1).
    pub fn brokers(mut self, n: usize) -> Self {
        self.config.brokers = n;
        self
    }

    /// Whether Metadata requests create unknown topics when they allow it (default true, as
    /// Kafka's `auto.create.topics.enable`).
    pub fn auto_create_topics(mut self, enabled: bool) -> Self {
        self.config.auto_create_topics = enabled;
        self
    }

    /// Partitions of auto-created topics and of CreateTopics with -1 (default 1, Kafka's
    /// `num.partitions`).
    pub fn default_partitions(mut self, n: i32) -> Self {
        self.config.default_partitions = n;
        self
    }

    /// Replication factor of auto-created topics and of CreateTopics with -1. Default:
    /// `min(3, brokers)` so that stopping a broker fails its partitions over (Kafka's
    /// `default.replication.factor` is 1).
    pub fn default_replication_factor(mut self, n: i16) -> Self {
        self.config.default_replication_factor = n;
        self.replication_factor_set = true;
        self
    }

    /// Bytes kept per partition (default 64 MiB); past it the oldest batches are dropped and
    /// the log start offset advances. A topic's `retention.bytes` config overrides it.
    pub fn retention_bytes_per_partition(mut self, bytes: usize) -> Self {
        self.config.retention_bytes = bytes;
        self
    }

    /// Advertises and accepts `api` only up to `version`, to emulate an older broker.
    /// A cap below the API's lowest version removes the API.
    pub fn max_version(mut self, api: ApiKey, version: i16) -> Self {
        self.config.max_versions.insert(api, version);
        self
    }

    /// Caps every API at `version` (ApiVersions keeps at least version 0).
    pub fn max_version_all(mut self, version: i16) -> Self {
        self.config.global_max_version = Some(version);
        self
    }

    /// First port: broker i listens on `port + i` (default 0: ephemeral ports).
    pub fn port_base(mut self, port: u16) -> Self {
        self.config.port_base = port;
        self
    }

    /// Racks of brokers `0..racks.len()` (Kafka's `broker.rack`), reported by Metadata. Brokers
    /// past the list have no rack.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), kfk_stub::Error> {
    /// let cluster = kfk_stub::StubCluster::builder()
    ///     .brokers(3)
    ///     .racks(["a", "b", "c"])
    ///     .rack_aware_replica_selector(true) // leaders send consumers to a replica in their rack
    ///     .start()
    ///     .await?;
    /// # drop(cluster);
    /// # Ok(())
    /// # }
    /// ```
    pub fn racks<I, S>(mut self, racks: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config.racks = racks.into_iter().map(|r| Some(r.into())).collect();
        self
    }

    /// The rack of one broker (Kafka's `broker.rack`).
    pub fn broker_rack(mut self, broker: i32, rack: impl Into<String>) -> Self {
        if let Ok(i) = usize::try_from(broker) {
            if self.config.racks.len() <= i {
                self.config.racks.resize(i + 1, None);
            }
            self.config.racks[i] = Some(rack.into());
        }
        self
    }

    /// Whether leaders pick a preferred read replica for consumers that send a `rack_id`
    /// (Fetch v11+, KIP-392): a live replica in the consumer's rack, as Kafka does with
    /// `replica.selector.class=org.apache.kafka.common.replica.RackAwareReplicaSelector`.
    /// Default false (Kafka's default selector always reads from the leader). Followers serve
    /// consumer fetches (v11+) either way.
    pub fn rack_aware_replica_selector(mut self, enabled: bool) -> Self {
        self.config.rack_aware_replica_selector = enabled;
        self
    }

    /// The cluster id Metadata reports.
    pub fn cluster_id(mut self, id: impl Into<String>) -> Self {
        self.config.cluster_id = id.into();
        self
    }

    /// How long the first rebalance of an empty group waits for more members
    /// (`group.initial.rebalance.delay.ms`). Default 0, as test set-ups configure Kafka
    /// (Kafka's own default is 3 s).
    pub fn group_initial_rebalance_delay(mut self, delay: Duration) -> Self {
        self.config.groups.initial_rebalance_delay_ms = duration_ms(delay);
        self
    }

    /// The session timeouts JoinGroup accepts (`group.min.session.timeout.ms` and
    /// `group.max.session.timeout.ms`; Kafka's defaults 6 s and 30 min). Others get
    /// INVALID_SESSION_TIMEOUT. Tests of session expiry lower the minimum.
    pub fn group_session_timeout_range(mut self, min: Duration, max: Duration) -> Self {
        self.config.groups.min_session_timeout_ms = duration_ms(min).min(i64::from(i32::MAX)) as i32;
        self.config.groups.max_session_timeout_ms = duration_ms(max).min(i64::from(i32::MAX)) as i32;
        self
    }

    /// How long a KIP-848 consumer group member may go without a ConsumerGroupHeartbeat before
    /// it is removed and its partitions reassigned (`group.consumer.session.timeout.ms`,
    /// default 45 s). Tests of crashed members set a few seconds.
    pub fn consumer_group_session_timeout(mut self, timeout: Duration) -> Self {
        self.config.groups.consumer_session_timeout_ms = duration_ms(timeout).clamp(1, i64::from(i32::MAX)) as i32;
        self
    }

    /// The heartbeat interval ConsumerGroupHeartbeat tells members
    /// (`group.consumer.heartbeat.interval.ms`, default 5 s). Members learn about partitions
    /// to take or give up at their next heartbeat, so a shorter interval settles groups faster.
    /// Members are told at most half the session timeout, so that one late heartbeat does not
    /// expire them.
    pub fn consumer_group_heartbeat_interval(mut self, interval: Duration) -> Self {
        self.config.groups.consumer_heartbeat_interval_ms = duration_ms(interval).clamp(1, i64::from(i32::MAX)) as i32;
        self
    }

    /// How long committed offsets of an empty (or simple) group are kept
    /// (`offsets.retention.minutes`, default 7 days), and how often expired ones are removed
    /// (`offsets.retention.check.interval.ms`, default 10 min).
    pub fn offsets_retention(mut self, retention: Duration, check_interval: Duration) -> Self {
        self.config.groups.offsets_retention_ms = duration_ms(retention);
        self.config.groups.offsets_retention_check_interval_ms = duration_ms(check_interval).max(1);
        self
    }

    /// Partitions of `__consumer_offsets` (`offsets.topic.num.partitions`, default 50), which
    /// spread groups over coordinators.
    pub fn offsets_topic_partitions(mut self, n: i32) -> Self {
        self.config.groups.offsets_partitions = n;
        self
    }

    /// Partitions one CreateTopics or CreatePartitions may create over all its topics
    /// (default 10,000, the bound of Kafka's controller). Past it every topic of the request is
    /// refused with POLICY_VIOLATION.
    pub fn max_partitions_per_request(mut self, n: i32) -> Self {
        self.config.limits.max_partitions_per_request = n;
        self
    }

    /// Partitions the cluster may hold over all topics (default 100,000; Kafka's limit is
    /// the operator's policy). A topic that would take the cluster past it is refused with
    /// POLICY_VIOLATION; so is an auto-creation.
    pub fn max_partitions(mut self, n: i32) -> Self {
        self.config.limits.max_partitions = n;
        self
    }

    /// How long a connection may go without a request before the broker closes it (Kafka's
    /// `connections.max.idle.ms`, default 10 minutes). A connection whose request the broker
    /// is holding (a long-polling Fetch, a JoinGroup) is not idle.
    pub fn connections_max_idle(mut self, idle: Duration) -> Self {
        self.config.limits.connections_max_idle = idle;
        self
    }

    /// How long the bytes of one request may take to arrive after its first byte (default
    /// 30 s, the clients' default `request.timeout.ms`); a slower sender's connection is
    /// closed.
    pub fn request_read_timeout(mut self, timeout: Duration) -> Self {
        self.config.limits.request_read_timeout = timeout;
        self
    }

    /// Record batches decompressed at the same time, cluster-wide, to check a Produce or
    /// answer a ListOffsets timestamp lookup (default: one fewer than the cores, at least
    /// one). The work runs on blocking threads, outside the cluster lock; requests beyond this
    /// many wait their turn.
    pub fn decompression_threads(mut self, n: usize) -> Self {
        self.config.limits.decompression_threads = n;
        self
    }

    /// Opens a listener of `protocol` on every broker, beside the PLAINTEXT one
    /// [`StubCluster::bootstrap`] names (adding PLAINTEXT again changes nothing). Its ports are
    /// ephemeral, or with [`port_base`](Self::port_base) the next block of `brokers` ports per
    /// listener, in the order added. [`StubCluster::bootstrap_for`] gives its bootstrap list;
    /// answers on it (Metadata, FindCoordinator, ...) name the brokers' ports of the same
    /// listener, as Kafka does. SSL and SASL_SSL need the `tls` feature.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), kfk_stub::Error> {
    /// use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};
    ///
    /// let cluster = StubCluster::builder()
    ///     .listener(SecurityProtocol::SaslPlaintext)
    ///     .plain_user("alice", "alice-secret")
    ///     .scram_user(SaslMechanism::ScramSha512, "bob", "bob-secret")
    ///     .start()
    ///     .await?;
    /// let sasl_bootstrap = cluster.bootstrap_for(SecurityProtocol::SaslPlaintext).expect("opened");
    /// # drop(sasl_bootstrap);
    /// # Ok(())
    /// # }
    /// ```
    pub fn listener(mut self, protocol: SecurityProtocol) -> Self {
        let listeners = &mut self.config.security.listeners;
        if protocol != SecurityProtocol::Plaintext && !listeners.contains(&protocol) {
            listeners.push(protocol);
        }
        self
    }

    /// Places `protocol`'s listener (adding it if needed): broker i listens on `first_port + i`,
    /// whatever [`port_base`](Self::port_base) says. For a layout that tests or tools expect,
    /// as the secured JVM harness's (SSL on the plaintext port + 1000, SASL_PLAINTEXT + 2000,
    /// SASL_SSL + 3000).
    pub fn listener_port(mut self, protocol: SecurityProtocol, first_port: u16) -> Self {
        self = self.listener(protocol);
        let ports = &mut self.config.security.listener_ports;
        ports.retain(|(p, _)| *p != protocol);
        ports.push((protocol, first_port));
        self
    }

    /// The SASL mechanisms SASL listeners accept, in the order SaslHandshake lists them
    /// (Kafka's `sasl.enabled.mechanisms`). Default: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512,
    /// OAUTHBEARER.
    pub fn sasl_mechanisms<I: IntoIterator<Item = SaslMechanism>>(mut self, mechanisms: I) -> Self {
        self.config.security.mechanisms = mechanisms.into_iter().collect();
        self
    }

    /// A SASL/PLAIN user (Kafka's JAAS `user_<name>="<password>"`).
    pub fn plain_user(mut self, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.config.security.plain_users.insert(user.into(), password.into());
        self
    }

    /// A SCRAM user of `mechanism` (SCRAM-SHA-256 or SCRAM-SHA-512), as
    /// `kafka-configs --alter --add-config 'SCRAM-SHA-512=[password=...]'` makes one: 4096
    /// iterations, a random salt. Only the salted credential is kept once the cluster starts.
    pub fn scram_user(self, mechanism: SaslMechanism, user: impl Into<String>, password: impl Into<String>) -> Self {
        self.scram_user_with_iterations(mechanism, user, password, scram::MIN_ITERATIONS)
    }

    /// A SCRAM user with its iteration count (Kafka's range: 4096..=16384).
    pub fn scram_user_with_iterations(
        mut self,
        mechanism: SaslMechanism,
        user: impl Into<String>,
        password: impl Into<String>,
        iterations: u32,
    ) -> Self {
        self.config.security.scram_passwords.push((mechanism, user.into(), password.into(), iterations));
        self
    }

    /// KIP-368's `connections.max.reauth.ms`: SASL sessions last this long (SaslAuthenticate
    /// v1+ says so), clients re-authenticate on the same connection before it runs out, and a
    /// connection that did not is closed at its next request. Default: none (Kafka's 0), so
    /// sessions last as long as their credential (an OAUTHBEARER token's `exp`), else forever.
    pub fn connections_max_reauth(mut self, lifetime: Duration) -> Self {
        self.config.security.max_reauth = (!lifetime.is_zero()).then_some(lifetime);
        self
    }

    /// Kafka's `connection.failed.authentication.delay.ms` (default 100 ms, Kafka's): a failed
    /// SASL authentication is answered, and its connection closed, only after this delay.
    pub fn connection_failed_authentication_delay(mut self, delay: Duration) -> Self {
        self.config.security.failed_authentication_delay = delay;
        self
    }

    /// Turns on the authorizer (Kafka's `StandardAuthorizer`): from then on every request is
    /// checked against the ACLs ([`crate::acl`]), which the builder's [`acl`](Self::acl) and
    /// the admin API (CreateAcls, DeleteAcls) set, and answered with Kafka's
    /// TOPIC_/GROUP_/TRANSACTIONAL_ID_/CLUSTER_AUTHORIZATION_FAILED where they do not allow
    /// it. Without an authorizer (the default) everything is allowed. Add super users with
    /// [`super_user`](Self::super_user): a secured Kafka usually makes `User:ANONYMOUS` (the
    /// PLAINTEXT listener) one, so that tests can set up over it.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), kfk_stub::Error> {
    /// use kfk_stub::acl::{Acl, AclOperation, ResourceType};
    /// use kfk_stub::{SecurityProtocol, StubCluster};
    ///
    /// let cluster = StubCluster::builder()
    ///     .listener(SecurityProtocol::SaslPlaintext)
    ///     .plain_user("admin", "admin-secret")
    ///     .plain_user("alice", "alice-secret")
    ///     .authorizer()
    ///     .super_user("User:ANONYMOUS")
    ///     .super_user("User:admin")
    ///     .acl(Acl::allow(ResourceType::Topic, "orders", "User:alice", AclOperation::Read))
    ///     .start()
    ///     .await?;
    /// # drop(cluster);
    /// # Ok(())
    /// # }
    /// ```
    pub fn authorizer(mut self) -> Self {
        self.config.security.authorizer.get_or_insert_with(Default::default);
        self
    }

    /// A super user of the authorizer (Kafka's `super.users`), e.g. `User:admin`; turns the
    /// authorizer on.
    pub fn super_user(mut self, principal: impl Into<String>) -> Self {
        self.config.security.authorizer.get_or_insert_with(Default::default).super_users.insert(principal.into());
        self
    }

    /// An ACL the cluster starts with; turns the authorizer on.
    pub fn acl(mut self, acl: crate::acl::Acl) -> Self {
        self.config.security.authorizer.get_or_insert_with(Default::default).acls.push(acl);
        self
    }

    /// Kafka's `allow.everyone.if.no.acl.found` (default false): whether a resource no ACL
    /// covers is open to everyone. Turns the authorizer on.
    pub fn allow_everyone_if_no_acl_found(mut self, allow: bool) -> Self {
        self.config.security.authorizer.get_or_insert_with(Default::default).allow_if_no_acl = allow;
        self
    }

    /// Maps an SSL client certificate whose subject is `CN=<name>` to the principal
    /// `User:<name>` instead of `User:CN=<name>`, as Kafka's
    /// `ssl.principal.mapping.rules=RULE:^CN=([a-zA-Z0-9._-]+)$/$1/,DEFAULT` does (the secured
    /// JVM harness sets that rule). Other subjects keep Kafka's default.
    pub fn ssl_principal_from_cn(mut self, enabled: bool) -> Self {
        self.config.security.ssl_principal_from_cn = enabled;
        self
    }

    /// The brokers' TLS certificate chain and private key (PEM) for SSL and SASL_SSL listeners.
    /// Without it the stub issues one for 127.0.0.1 and localhost from its own CA
    /// ([`StubCluster::tls_ca_pem`]).
    #[cfg(feature = "tls")]
    pub fn tls_identity(mut self, cert_chain_pem: impl Into<String>, private_key_pem: impl Into<String>) -> Self {
        self.config.security.tls.identity = Some((cert_chain_pem.into(), private_key_pem.into()));
        self
    }

    /// Kafka's `ssl.client.auth` on TLS listeners. Client certificates must be signed by the
    /// stub's CA ([`StubCluster::tls_client_identity`] issues them) or one added with
    /// [`tls_client_ca`](Self::tls_client_ca); on SSL listeners the principal is then the
    /// certificate's subject (`User:CN=alice`).
    #[cfg(feature = "tls")]
    pub fn ssl_client_auth(mut self, auth: crate::SslClientAuth) -> Self {
        self.config.security.tls.client_auth = auth;
        self
    }

    /// OAUTHBEARER as Kafka's `OAuthBearerValidatorCallbackHandler` (KIP-768) validates: tokens
    /// must be signed (ES256 or RS256) by a key of `jwks` (a JSON Web Key Set, as an identity
    /// provider publishes it; [`crate::testing::oidc::Issuer::jwks`] makes one), carry `exp`,
    /// `iat` and `sub`, and name `issuer` (`iss`) and `audience` (`aud`). Without it the stub
    /// accepts Kafka's unsecured tokens. A set without a usable key fails [`start`](Self::start).
    #[cfg(feature = "tls")]
    pub fn oauthbearer_jwks(
        mut self,
        jwks: &serde_json::Value,
        issuer: impl Into<String>,
        audience: impl Into<String>,
    ) -> Self {
        self.config.security.jwks =
            Some(crate::security::jwks::JwksValidator::new(jwks, Some(issuer.into()), Some(audience.into())));
        self
    }

    /// `ssl.client.auth` for the listener of `protocol` only (SSL or SASL_SSL), as Kafka's
    /// `listener.name.<listener>.ssl.client.auth` sets it: the secured JVM harness requires
    /// client certificates on SSL alone.
    #[cfg(feature = "tls")]
    pub fn listener_ssl_client_auth(mut self, protocol: SecurityProtocol, auth: crate::SslClientAuth) -> Self {
        let per_listener = &mut self.config.security.tls.listener_client_auth;
        per_listener.retain(|(p, _)| *p != protocol);
        per_listener.push((protocol, auth));
        self
    }

    /// A CA (PEM) trusted for client certificates, besides the stub's own.
    #[cfg(feature = "tls")]
    pub fn tls_client_ca(mut self, ca_pem: impl Into<String>) -> Self {
        self.config.security.tls.client_cas.push(ca_pem.into());
        self
    }

    /// Binds every broker's port and starts serving.
    pub async fn start(mut self) -> Result<StubCluster> {
        let c = &mut self.config;
        if c.brokers == 0 || c.brokers > 1000 {
            return Err(Error::Config(format!("brokers must be 1..=1000, not {}", c.brokers)));
        }
        if c.default_partitions < 1 {
            return Err(Error::Config(format!("default_partitions must be >= 1, not {}", c.default_partitions)));
        }
        let limits = &c.limits;
        if limits.max_partitions_per_request < 1 || limits.max_partitions < 1 {
            return Err(Error::Config(format!(
                "max_partitions_per_request ({}) and max_partitions ({}) must be >= 1",
                limits.max_partitions_per_request, limits.max_partitions
            )));
        }
        if c.default_partitions > limits.max_partitions_per_request.min(limits.max_partitions) {
            return Err(Error::Config(format!(
                "default_partitions ({}) exceeds the partition limits",
                c.default_partitions
            )));
        }
        if limits.connections_max_idle.is_zero() || limits.request_read_timeout.is_zero() {
            return Err(Error::Config("connections_max_idle and request_read_timeout must be > 0".to_owned()));
        }
        if limits.decompression_threads == 0 {
            return Err(Error::Config("decompression_threads must be >= 1".to_owned()));
        }
        if !self.replication_factor_set {
            c.default_replication_factor = c.brokers.min(3) as i16;
        }
        if c.default_replication_factor < 1 || c.default_replication_factor as usize > c.brokers {
            return Err(Error::Config(format!(
                "default_replication_factor must be 1..={}, not {}",
                c.brokers, c.default_replication_factor
            )));
        }
        if c.groups.offsets_partitions < 1 {
            return Err(Error::Config(format!(
                "offsets_topic_partitions must be >= 1, not {}",
                c.groups.offsets_partitions
            )));
        }
        if c.groups.min_session_timeout_ms > c.groups.max_session_timeout_ms {
            return Err(Error::Config("the minimum session timeout exceeds the maximum".to_owned()));
        }
        if c.racks.len() > c.brokers {
            return Err(Error::Config(format!("{} racks for {} brokers", c.racks.len(), c.brokers)));
        }
        let protocols: Vec<SecurityProtocol> =
            std::iter::once(SecurityProtocol::Plaintext).chain(c.security.listeners.iter().copied()).collect();
        if c.port_base != 0 && c.port_base as usize + c.brokers * protocols.len() > 65536 {
            return Err(Error::Config(format!("ports {}.. do not fit {} brokers", c.port_base, c.brokers)));
        }
        if let Some((p, port)) = c.security.listener_ports.iter().find(|(_, port)| *port as usize + c.brokers > 65536) {
            return Err(Error::Config(format!("{p} ports {port}.. do not fit {} brokers", c.brokers)));
        }
        if protocols.iter().any(|p| p.is_tls()) && !cfg!(feature = "tls") {
            return Err(Error::Config("SSL and SASL_SSL listeners need server-stub's `tls` feature".to_owned()));
        }
        c.security.salt_scram_passwords().map_err(Error::Config)?;
        #[cfg(feature = "tls")]
        if let Some(Err(e)) = &c.security.jwks {
            return Err(Error::Config(format!("oauthbearer_jwks: {e}")));
        }
        if let Some(invalid) =
            c.security.authorizer.iter().flat_map(|a| &a.acls).find_map(|acl| acl.invalid().map(|why| (acl, why)))
        {
            return Err(Error::Config(format!("ACL {}: {}", invalid.0, invalid.1)));
        }
        if let Some((mechanism, _)) = c.security.scram.keys().find(|(m, _)| !c.security.enabled().contains(m)) {
            tracing::debug!(%mechanism, "SCRAM users of a mechanism that is not enabled");
        }
        #[cfg(feature = "tls")]
        let tls = if protocols.iter().any(|p| p.is_tls()) {
            Some(crate::security::tls::Tls::new(&c.security.tls).map_err(Error::Config)?)
        } else {
            None
        };
        // bound[broker][listener]
        let mut bound: Vec<Vec<TcpListener>> = (0..c.brokers).map(|_| Vec::new()).collect();
        for (l, protocol) in protocols.iter().enumerate() {
            for (i, listeners) in bound.iter_mut().enumerate() {
                let placed = c.security.listener_ports.iter().find(|(p, _)| p == protocol);
                let port = match placed {
                    Some((_, first)) => first + i as u16,
                    None if c.port_base == 0 => 0,
                    None => c.port_base + (l * c.brokers + i) as u16,
                };
                listeners.push(bind(i as i32, port).await?);
            }
        }
        let port_of = |l: &TcpListener| l.local_addr().map_or(0, |a| a.port());
        let listener_ports: Vec<ListenerPorts> = protocols
            .iter()
            .enumerate()
            .map(|(l, &protocol)| ListenerPorts { protocol, ports: bound.iter().map(|b| port_of(&b[l])).collect() })
            .collect();
        let mut shared = Shared::new(self.config, listener_ports[0].ports.clone());
        for listener in listener_ports.iter().skip(1) {
            shared = shared.with_listener(listener.clone());
        }
        #[cfg(feature = "tls")]
        let shared = shared.with_tls(tls);
        let shared = Arc::new(shared);
        let mut brokers = Vec::with_capacity(bound.len());
        for (i, listeners) in bound.into_iter().enumerate() {
            let slot = BrokerSlot::new(i as i32, listeners.iter().map(port_of).collect());
            slot.start(shared.clone(), listeners);
            brokers.push(slot);
        }
        let timer_task = tokio::spawn(timers::run(Arc::downgrade(&shared), shared.groups_wake.clone()));
        for listener in &shared.listeners {
            tracing::info!(protocol = %listener.protocol, bootstrap = %bootstrap_of(&listener.ports), "stub cluster started");
        }
        Ok(StubCluster { inner: Arc::new(Inner { shared, brokers, timer_task }) })
    }
}

fn duration_ms(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

async fn bind(broker: i32, port: u16) -> Result<TcpListener> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await.map_err(|source| Error::Bind { broker, port, source })
}

fn bootstrap_of(ports: &[u16]) -> String {
    ports.iter().map(|p| format!("127.0.0.1:{p}")).collect::<Vec<_>>().join(",")
}

/// A running in-memory Kafka cluster. Cheap to clone (`Arc`); `Send + Sync`. Dropping the
/// last clone stops every broker.
#[derive(Debug, Clone)]
pub struct StubCluster {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    shared: Arc<Shared>,
    brokers: Vec<BrokerSlot>,
    /// The group coordinator's timer task.
    timer_task: JoinHandle<()>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        for slot in &self.brokers {
            slot.abort();
        }
        self.timer_task.abort();
    }
}

impl StubCluster {
    /// A builder with Kafka's defaults (1 broker, auto-create on, 1 partition per topic).
    pub fn builder() -> StubClusterBuilder {
        StubClusterBuilder::default()
    }

    pub(crate) fn shared(&self) -> &Arc<Shared> {
        &self.inner.shared
    }

    fn slot(&self, broker: i32) -> Result<&BrokerSlot> {
        usize::try_from(broker).ok().and_then(|i| self.inner.brokers.get(i)).ok_or(Error::UnknownBroker(broker))
    }

    /// `127.0.0.1:p0,127.0.0.1:p1,...`, every broker's PLAINTEXT port, stopped ones included.
    pub fn bootstrap(&self) -> String {
        bootstrap_of(&self.inner.shared.listeners[0].ports)
    }

    /// The bootstrap list of the listener of `protocol`, if the cluster opened one
    /// ([`StubClusterBuilder::listener`]; PLAINTEXT always).
    pub fn bootstrap_for(&self, protocol: SecurityProtocol) -> Option<String> {
        self.inner.shared.listeners.iter().find(|l| l.protocol == protocol).map(|l| bootstrap_of(&l.ports))
    }

    /// The address of broker `id` (its PLAINTEXT listener).
    pub fn broker_addr(&self, id: i32) -> Result<SocketAddr> {
        self.broker_addr_for(id, SecurityProtocol::Plaintext)
    }

    /// The address of broker `id` on the listener of `protocol`.
    pub fn broker_addr_for(&self, id: i32, protocol: SecurityProtocol) -> Result<SocketAddr> {
        let slot = self.slot(id)?;
        let index =
            self.inner.shared.listeners.iter().position(|l| l.protocol == protocol).ok_or_else(|| {
                Error::Config(format!("no {protocol} listener (StubClusterBuilder::listener opens one)"))
            })?;
        Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, slot.ports[index])))
    }

    /// The stub's CA certificate (PEM), which signed the brokers' certificate (unless the test
    /// brought its own) and the client certificates of [`tls_client_identity`]: what clients
    /// trust (`ssl.ca.location`). `None` without a TLS listener.
    ///
    /// [`tls_client_identity`]: StubCluster::tls_client_identity
    #[cfg(feature = "tls")]
    pub fn tls_ca_pem(&self) -> Option<String> {
        self.inner.shared.tls.as_ref().map(|t| t.ca_pem.clone())
    }

    /// A client certificate and private key (PEM) for `common_name`, signed by the stub's CA:
    /// with [`StubClusterBuilder::ssl_client_auth`], the client's principal on SSL listeners is
    /// `User:CN=<common_name>`.
    #[cfg(feature = "tls")]
    pub fn tls_client_identity(&self, common_name: &str) -> Result<(String, String)> {
        let tls = self.inner.shared.tls.as_ref().ok_or_else(|| Error::Config("no TLS listener".to_owned()))?;
        tls.client_identity(common_name).map_err(Error::Config)
    }

    /// Number of brokers (running or stopped).
    pub fn broker_count(&self) -> usize {
        self.inner.brokers.len()
    }

    /// The cluster id Metadata reports.
    pub fn cluster_id(&self) -> &str {
        &self.inner.shared.config.cluster_id
    }

    /// The fault-injection handle.
    pub fn faults(&self) -> Faults {
        Faults::new(self.clone())
    }

    /// Serves client telemetry (KIP-714) with `subscription` from now on, or stops serving it
    /// (`None`). Connections opened after the change see the APIs advertised (or not); a
    /// client asked something new gets a new subscription id, so its next push is answered
    /// UNKNOWN_SUBSCRIPTION_ID and it asks for the new one.
    pub fn set_client_telemetry(&self, subscription: Option<crate::TelemetrySubscription>) {
        self.inner.shared.telemetry().set(subscription);
    }

    /// Every telemetry push accepted so far, in arrival order, payloads decompressed.
    pub fn telemetry_pushes(&self) -> Vec<crate::TelemetryPush> {
        self.inner.shared.telemetry().pushes.clone()
    }

    /// Requests of `api` received by all brokers so far (faulted and dropped ones included).
    pub fn request_count(&self, api: ApiKey) -> u64 {
        self.inner.shared.faults().count(None, api)
    }

    /// Requests of `api` received by `broker` so far.
    pub fn broker_request_count(&self, broker: i32, api: ApiKey) -> u64 {
        self.inner.shared.faults().count(Some(broker), api)
    }

    /// Creates a topic directly (no request), with the default replication factor.
    pub fn create_topic(&self, name: &str, partitions: i32) -> Result<()> {
        validate_topic_name(name).map_err(Error::Config)?;
        if partitions < 1 {
            return Err(Error::Config(format!("partitions must be >= 1, not {partitions}")));
        }
        let shared = &self.inner.shared;
        let limits = &shared.config.limits;
        let requested = partitions as u64;
        limits.check_request(requested).map_err(|(_, message)| Error::Config(message))?;
        let mut state = shared.state();
        if state.topic(name).is_some() {
            return Err(Error::Config(format!("topic {name} already exists")));
        }
        limits.check_cluster(state.partition_count(), requested).map_err(|(_, message)| Error::Config(message))?;
        let assignment = state.default_assignment(0, partitions, shared.config.default_replication_factor);
        state.create_topic(name, assignment, BTreeMap::new(), shared.config.retention_bytes);
        Ok(())
    }

    /// The leader of a partition (-1: offline), with its leader epoch.
    pub fn leader(&self, topic: &str, partition: i32) -> Result<(i32, i32)> {
        let state = self.inner.shared.state();
        state
            .topic(topic)
            .and_then(|t| usize::try_from(partition).ok().and_then(|i| t.partitions.get(i)))
            .map(|p| (p.leader, p.leader_epoch))
            .ok_or_else(|| Error::UnknownPartition { topic: topic.to_owned(), partition })
    }

    /// The broker coordinating `group` (the leader of its `__consumer_offsets` partition), or
    /// `None` when no replica of that partition is live.
    pub fn group_coordinator(&self, group: &str) -> Option<i32> {
        let leader = self.inner.shared.state().coordinator(CoordinatorKind::Group, group);
        (leader >= 0).then_some(leader)
    }

    pub(crate) fn drop_connections(&self, broker: i32) -> Result<()> {
        self.slot(broker)?.drop_connections();
        Ok(())
    }

    pub(crate) async fn stop_broker(&self, broker: i32) -> Result<()> {
        let slot = self.slot(broker)?;
        slot.stop().await;
        let moved = self.inner.shared.state().broker_down(broker);
        self.coordinators_moved(&moved);
        Ok(())
    }

    /// Groups whose coordinator changed are reloaded by the new one (never under the state lock).
    fn coordinators_moved(&self, moved: &[(i32, i32)]) {
        if !moved.is_empty() {
            self.inner.shared.groups().coordinators_moved(moved, tokio::time::Instant::now(), now_ms());
        }
    }

    pub(crate) async fn restart_broker(&self, broker: i32) -> Result<()> {
        let slot = self.slot(broker)?;
        if slot.is_running() {
            return Ok(());
        }
        // The old sockets are closed; a few retries cover a slow release by the OS.
        let mut listeners = Vec::with_capacity(slot.ports.len());
        for &port in &slot.ports {
            let mut attempt = 0;
            let listener = loop {
                match bind(broker, port).await {
                    Ok(l) => break l,
                    Err(e) if attempt >= 50 => return Err(e),
                    Err(_) => {
                        attempt += 1;
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
            };
            listeners.push(listener);
        }
        slot.start(self.inner.shared.clone(), listeners);
        let moved = self.inner.shared.state().broker_up(broker);
        self.coordinators_moved(&moved);
        Ok(())
    }

    /// Stops every broker and waits until their ports are closed. Other clones of the handle
    /// see a cluster whose brokers are all stopped.
    pub async fn shutdown(&self) {
        for slot in &self.inner.brokers {
            slot.stop().await;
        }
    }
}
