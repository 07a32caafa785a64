//! Consumer group settings (`group.*`, the session and poll intervals, auto-commit, assignors).

use std::time::Duration;

/// Which group protocol a consumer speaks (`group.protocol`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum GroupProtocol {
    /// The classic protocol: JoinGroup/SyncGroup, the leader member assigns.
    #[default]
    Classic,
    /// KIP-848: ConsumerGroupHeartbeat, the coordinator assigns and members reconcile.
    Consumer,
}

/// Group settings of a consumer.
#[derive(Debug, Clone)]
pub struct GroupConfig {
    /// `group.protocol` (default classic).
    pub protocol: GroupProtocol,
    /// `group.remote.assignor`: the coordinator's assignor under the consumer protocol
    /// (`uniform`, `range`; default: the broker's choice).
    pub remote_assignor: Option<String>,
    /// `group.instance.id`: a static member id (KIP-345).
    pub instance_id: Option<String>,
    /// `session.timeout.ms` (default 45 s).
    pub session_timeout: Duration,
    /// `heartbeat.interval.ms` (default 3 s).
    pub heartbeat_interval: Duration,
    /// `max.poll.interval.ms` (default 5 min), also the rebalance timeout sent in JoinGroup.
    pub max_poll_interval: Duration,
    /// The rebalance timeout sent in JoinGroup (= `max.poll.interval.ms`, as in Java).
    pub rebalance_timeout: Duration,
    /// `enable.auto.commit` (default true).
    pub enable_auto_commit: bool,
    /// `auto.commit.interval.ms` (default 5 s).
    pub auto_commit_interval: Duration,
    /// `partition.assignment.strategy`, in preference order (default `range`, then
    /// `cooperative-sticky`, as in Java: the eager protocol, with an upgrade path to
    /// cooperative rebalancing). The coordinator picks the first one every member offers; the
    /// rebalance protocol is the most advanced one all of them support.
    pub assignment_strategies: Vec<String>,
}

impl Default for GroupConfig {
    fn default() -> Self {
        GroupConfig {
            protocol: GroupProtocol::Classic,
            remote_assignor: None,
            instance_id: None,
            session_timeout: Duration::from_secs(45),
            heartbeat_interval: Duration::from_secs(3),
            max_poll_interval: Duration::from_secs(300),
            rebalance_timeout: Duration::from_secs(300),
            enable_auto_commit: true,
            auto_commit_interval: Duration::from_secs(5),
            assignment_strategies: vec!["range".into(), "cooperative-sticky".into()],
        }
    }
}

/// The short name of a built-in assignor given its short or Java class name
/// (`partition.assignment.strategy` accepts both), or `None` for an unknown one.
pub(crate) fn assignor_name(name: &str) -> Option<&'static str> {
    match name.trim().to_ascii_lowercase().as_str() {
        "range" | "org.apache.kafka.clients.consumer.rangeassignor" => Some("range"),
        "roundrobin" | "org.apache.kafka.clients.consumer.roundrobinassignor" => Some("roundrobin"),
        "sticky" | "org.apache.kafka.clients.consumer.stickyassignor" => Some("sticky"),
        "cooperative-sticky" | "org.apache.kafka.clients.consumer.cooperativestickyassignor" => {
            Some("cooperative-sticky")
        }
        _ => None,
    }
}
