//! The client's shared vocabulary: the small value types that producer, consumer, groups and
//! transactions all speak of. No logic beyond construction and display lives here, and this
//! module imports nothing from the rest of the crate, so every module may use it.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A boxed future, for async callbacks behind trait objects (rebalance listeners).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A topic and a partition.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicPartition {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
}

impl TopicPartition {
    /// `topic`-`partition`.
    pub fn new(topic: impl AsRef<str>, partition: i32) -> Self {
        TopicPartition { topic: Arc::from(topic.as_ref()), partition }
    }
}

/// Tuples and references convert, so calls that take partitions accept
/// `[("orders", 0)]`, `&[("orders", 0)]` and `&[TopicPartition]` alike.
impl<T: AsRef<str>> From<(T, i32)> for TopicPartition {
    fn from((topic, partition): (T, i32)) -> Self {
        TopicPartition::new(topic, partition)
    }
}

impl<T: AsRef<str>> From<&(T, i32)> for TopicPartition {
    fn from((topic, partition): &(T, i32)) -> Self {
        TopicPartition::new(topic, *partition)
    }
}

impl From<&TopicPartition> for TopicPartition {
    fn from(tp: &TopicPartition) -> Self {
        tp.clone()
    }
}

impl std::fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

/// A committed position: the next offset to read, the leader epoch of the record before it,
/// and free-form metadata (at most the broker's `offset.metadata.max.bytes`, 4 KiB by default).
///
/// The leader epoch lets the next owner of the partition check, before it reads on, that the
/// log was not truncated under the committed offset (KIP-320). [`Consumer::commit`] fills it
/// in from the last record handed out.
///
/// It is the SDK's one offset type: kafka-admin re-exports it under the same name for the
/// group offsets it lists and alters.
///
/// ```
/// use kfk_client::consumer::OffsetAndMetadata;
///
/// let committed = OffsetAndMetadata::new(42).with_metadata("batch 7 done");
/// assert_eq!((committed.offset, committed.leader_epoch), (42, None));
/// ```
///
/// [`Consumer::commit`]: crate::consumer::Consumer::commit
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct OffsetAndMetadata {
    /// The next offset to read.
    pub offset: i64,
    /// The leader epoch of the record at `offset - 1`, when known.
    pub leader_epoch: Option<i32>,
    /// Application metadata stored with the offset.
    pub metadata: String,
}

impl OffsetAndMetadata {
    /// `offset` with no leader epoch and empty metadata.
    pub fn new(offset: i64) -> Self {
        OffsetAndMetadata { offset, leader_epoch: None, metadata: String::new() }
    }

    /// Stores `metadata` with the offset.
    pub fn with_metadata(mut self, metadata: impl Into<String>) -> Self {
        self.metadata = metadata.into();
        self
    }

    /// Sets the leader epoch of the record before the offset.
    pub fn with_leader_epoch(mut self, epoch: i32) -> Self {
        self.leader_epoch = (epoch >= 0).then_some(epoch);
        self
    }

    /// The wire form of the epoch: -1 when unknown.
    pub(crate) fn wire_epoch(&self) -> i32 {
        self.leader_epoch.unwrap_or(-1)
    }

    /// From an OffsetFetch answer: `None` when nothing is committed (offset -1).
    pub(crate) fn from_wire(offset: i64, epoch: i32, metadata: Option<&str>) -> Option<Self> {
        (offset >= 0).then(|| OffsetAndMetadata {
            offset,
            leader_epoch: (epoch >= 0).then_some(epoch),
            metadata: metadata.unwrap_or_default().to_owned(),
        })
    }
}

/// Who we are in the group, for requests that must carry it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Membership {
    /// The group.
    pub group_id: String,
    /// The generation (-1 when not in one).
    pub generation: i32,
    /// The member id ("" before the first join).
    pub member_id: String,
    /// `group.instance.id` for static members.
    pub instance_id: Option<String>,
    /// The assignor the classic protocol's coordinator chose for this generation (the first
    /// of every member's `partition.assignment.strategy` most members prefer).
    pub protocol: Option<String>,
}

impl Membership {
    /// A member of `group_id` outside any generation (-1) and without a member id, as
    /// Java's `new ConsumerGroupMetadata(groupId)`: the coordinator then checks the group
    /// alone, not the member, when offsets are committed with it.
    pub fn new(group_id: impl Into<String>) -> Self {
        Membership { group_id: group_id.into(), generation: -1, ..Membership::default() }
    }

    /// The generation and member id the group gave this member.
    pub fn with_generation(mut self, generation: i32, member_id: impl Into<String>) -> Self {
        self.generation = generation;
        self.member_id = member_id.into();
        self
    }

    /// The `group.instance.id` of a static member.
    pub fn with_instance_id(mut self, instance_id: impl Into<String>) -> Self {
        self.instance_id = Some(instance_id.into());
        self
    }
}

/// Where a transactional producer is in its life (the states of the Java client's
/// `TransactionManager`). Which state may follow which is decided in
/// `producer/transaction/state.rs` ([`TransactionState::can_become`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransactionState {
    /// Created; `init_transactions` has not completed.
    Uninitialized,
    /// `init_transactions` is running (or timed out and may be called again).
    Initializing,
    /// Between transactions.
    Ready,
    /// Between `begin_transaction` and `commit_transaction` / `abort_transaction`.
    InTransaction,
    /// `commit_transaction` is running (or timed out and must be called again).
    Committing,
    /// `abort_transaction` is running (or timed out and must be called again).
    Aborting,
    /// Something in the transaction failed: it cannot commit; abort it.
    AbortableError,
    /// The producer was fenced or failed for good: recreate it.
    FatalError,
}
