//! An immutable snapshot of cluster metadata: brokers, topics, partitions and their leaders.
//!
//! Snapshots are replaced whole on every refresh (readers hold an `Arc` and never lock), and a
//! refresh never moves a partition's leader epoch backwards: a broker that lags behind may
//! answer Metadata with older leadership, which must not undo what a newer answer said.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use kfk_protocol::messages::MetadataResponse;
use kfk_protocol::{ErrorCode, Uuid};

/// A broker as metadata describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BrokerMeta {
    /// `node.id`.
    pub node_id: i32,
    /// Advertised host.
    pub host: String,
    /// Advertised port.
    pub port: i32,
    /// `broker.rack`, if set.
    pub rack: Option<String>,
}

impl BrokerMeta {
    /// `host:port`.
    pub fn addr(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

/// One partition's leadership.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PartitionMeta {
    /// Partition index.
    pub partition: i32,
    /// The leader's node id, or -1 when there is none.
    pub leader: i32,
    /// The leader epoch (-1 if the broker does not report one).
    pub leader_epoch: i32,
    /// Replica node ids.
    pub replicas: Vec<i32>,
    /// In-sync replica node ids.
    pub isr: Vec<i32>,
    /// Offline replica node ids.
    pub offline: Vec<i32>,
    /// The partition-level error (e.g. LEADER_NOT_AVAILABLE).
    pub error: ErrorCode,
}

/// One topic.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TopicMeta {
    /// Topic name.
    pub name: String,
    /// Topic id (zero when the broker does not report ids).
    pub id: Uuid,
    /// Whether it is an internal topic.
    pub internal: bool,
    /// The topic-level error (e.g. UNKNOWN_TOPIC_OR_PARTITION).
    pub error: ErrorCode,
    /// Partitions by index.
    pub partitions: Vec<PartitionMeta>,
}

/// The cluster as the last Metadata response described it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Metadata {
    /// Cluster id.
    pub cluster_id: Option<String>,
    /// The active controller's node id (-1 if unknown).
    pub controller_id: i32,
    /// Brokers by node id.
    pub brokers: HashMap<i32, BrokerMeta>,
    /// Topics by name.
    pub topics: HashMap<String, TopicMeta>,
    /// When this snapshot was taken.
    pub fetched_at: Instant,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            cluster_id: None,
            controller_id: -1,
            brokers: HashMap::new(),
            topics: HashMap::new(),
            fetched_at: Instant::now(),
        }
    }
}

impl Metadata {
    /// The snapshot after applying `response` to `self`. With `full`, topics absent from the
    /// response are dropped (the request asked for them and the broker no longer knows them);
    /// otherwise they are kept.
    pub fn merged(&self, response: &MetadataResponse, full: bool) -> Metadata {
        let brokers = response
            .brokers
            .iter()
            .map(|b| {
                (b.node_id, BrokerMeta { node_id: b.node_id, host: b.host.clone(), port: b.port, rack: b.rack.clone() })
            })
            .collect();
        let mut topics = if full { HashMap::new() } else { self.topics.clone() };
        for t in &response.topics {
            let Some(name) = t.name.clone() else { continue };
            let mut partitions: Vec<PartitionMeta> = t
                .partitions
                .iter()
                .map(|p| PartitionMeta {
                    partition: p.partition_index,
                    leader: p.leader_id,
                    leader_epoch: p.leader_epoch,
                    replicas: p.replica_nodes.clone(),
                    isr: p.isr_nodes.clone(),
                    offline: p.offline_replicas.clone(),
                    error: ErrorCode(p.error_code),
                })
                .collect();
            partitions.sort_by_key(|p| p.partition);
            // Keep newer leadership we already know over a stale answer.
            if let Some(old) = self.topics.get(&name) {
                for p in &mut partitions {
                    if let Some(known) = old.partitions.iter().find(|o| o.partition == p.partition) {
                        if known.leader_epoch > p.leader_epoch && p.leader_epoch >= 0 {
                            *p = known.clone();
                        }
                    }
                }
            }
            topics.insert(
                name.clone(),
                TopicMeta { name, id: t.topic_id, internal: t.is_internal, error: ErrorCode(t.error_code), partitions },
            );
        }
        Metadata {
            cluster_id: response.cluster_id.clone(),
            controller_id: response.controller_id,
            brokers,
            topics,
            fetched_at: Instant::now(),
        }
    }

    /// A topic's metadata.
    pub fn topic(&self, name: &str) -> Option<&TopicMeta> {
        self.topics.get(name)
    }

    /// A partition's metadata.
    pub fn partition(&self, topic: &str, partition: i32) -> Option<&PartitionMeta> {
        self.topics.get(topic)?.partitions.iter().find(|p| p.partition == partition)
    }

    /// Whether `other` describes the same brokers, controller and topics (only when it was taken).
    pub fn same_view(&self, other: &Metadata) -> bool {
        self.cluster_id == other.cluster_id
            && self.controller_id == other.controller_id
            && self.brokers == other.brokers
            && self.topics == other.topics
    }

    /// Partitions (topic, partition, leader) whose leader is named but not among the brokers.
    pub fn missing_leaders(&self) -> impl Iterator<Item = (String, i32, i32)> + '_ {
        self.topics.values().flat_map(move |t| {
            t.partitions
                .iter()
                .filter(|p| p.leader >= 0 && !self.brokers.contains_key(&p.leader))
                .map(move |p| (t.name.clone(), p.partition, p.leader))
        })
    }

    /// The broker leading `topic`-`partition`, if known and listed.
    pub fn leader(&self, topic: &str, partition: i32) -> Option<&BrokerMeta> {
        let p = self.partition(topic, partition)?;
        self.brokers.get(&p.leader)
    }
}

/// A shared snapshot.
pub type MetadataRef = Arc<Metadata>;

#[cfg(test)]
mod tests {
    use super::*;
    use kfk_protocol::messages::metadata::response::{
        MetadataResponseBroker, MetadataResponsePartition, MetadataResponseTopic,
    };

    fn response(leader: i32, epoch: i32) -> MetadataResponse {
        MetadataResponse {
            brokers: vec![
                MetadataResponseBroker { node_id: 1, host: "a".into(), port: 9092, ..Default::default() },
                MetadataResponseBroker { node_id: 2, host: "b".into(), port: 9092, ..Default::default() },
            ],
            topics: vec![MetadataResponseTopic {
                name: Some("t".into()),
                partitions: vec![MetadataResponsePartition {
                    partition_index: 0,
                    leader_id: leader,
                    leader_epoch: epoch,
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn newer_epochs_replace_and_older_ones_do_not() {
        let m = Metadata::default().merged(&response(1, 5), false);
        assert_eq!(m.leader("t", 0).map(|b| b.node_id), Some(1));
        let m = m.merged(&response(2, 6), false);
        assert_eq!(m.leader("t", 0).map(|b| b.node_id), Some(2));
        // A lagging broker still thinks node 1 leads at epoch 5.
        let m = m.merged(&response(1, 5), false);
        assert_eq!(m.leader("t", 0).map(|b| b.node_id), Some(2));
        assert_eq!(m.partition("t", 0).map(|p| p.leader_epoch), Some(6));
    }

    #[test]
    fn a_leader_named_but_not_listed_is_missing_and_changes_the_view() {
        let listed = Metadata::default().merged(&response(2, 1), false);
        assert_eq!(listed.missing_leaders().count(), 0);
        let mut unlisted = response(2, 1);
        unlisted.brokers.retain(|b| b.node_id != 2);
        let unlisted = listed.merged(&unlisted, false);
        assert_eq!(unlisted.missing_leaders().collect::<Vec<_>>(), vec![("t".to_string(), 0, 2)]);
        assert!(!unlisted.same_view(&listed));
        assert!(listed.merged(&response(2, 1), false).same_view(&listed), "the same answer again changes nothing");
    }

    #[test]
    fn full_refresh_forgets_deleted_topics() {
        let m = Metadata::default().merged(&response(1, 1), false);
        let empty = MetadataResponse::default();
        assert!(m.merged(&empty, false).topic("t").is_some());
        assert!(m.merged(&empty, true).topic("t").is_none());
    }
}
