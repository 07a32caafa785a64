//! Consumer group settings (`group.*`, the session and poll intervals, auto-commit, assignors).

use std::sync::Arc;
use std::time::Duration;

// The one import from `group/`: the public trait an application implements to plug its own
// assignor in; settings hold them as they hold any other value (see DESIGN.md, import cycles).
use crate::group::assignor::Assignor;

/// Which group protocol a consumer speaks (`group.protocol`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum GroupProtocol {
    /// The classic protocol: JoinGroup/SyncGroup, the leader member assigns.
    #[default]
    Classic,
    /// KIP-848: ConsumerGroupHeartbeat, the coordinator assigns and members reconcile.
    Consumer,
}

/// Group settings of a consumer.
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    /// The application's own assignors (classic protocol), offered under their
    /// [`Assignor::name`] wherever `assignment_strategies` names them; a name here shadows a
    /// built-in one. Set through
    /// [`ConsumerConfigBuilder::assignors`](crate::config::ConsumerConfigBuilder::assignors),
    /// which lists them in `assignment_strategies` too. Each must be named there (one left out
    /// would be silently unused, so `validate` refuses it).
    pub custom_assignors: Vec<Arc<dyn Assignor>>,
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
            custom_assignors: Vec::new(),
        }
    }
}

impl GroupConfig {
    /// The assignor offered as `name`: the application's own by that name, else the
    /// built-in one; `None` when neither exists.
    pub(crate) fn assignor(&self, name: &str) -> Option<Arc<dyn Assignor>> {
        match self.custom_assignors.iter().find(|a| a.name() == name.trim()) {
            Some(custom) => Some(custom.clone()),
            None => crate::group::assignor::by_name(name).map(Arc::from),
        }
    }
}

/// What `partition.assignment.strategy` accepts, for error messages.
pub(crate) const ASSIGNORS_EXPECTED: &str = "a list of range, roundrobin, sticky, cooperative-sticky (or their Java \
     class names); a Java class of your own cannot be loaded here: implement \
     kfk_client::group::Assignor and pass it to ConsumerConfigBuilder::assignors";

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
