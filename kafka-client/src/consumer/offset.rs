//! What a consumer group commits for a partition.

/// A committed position: the next offset to read, the leader epoch of the record before it,
/// and free-form metadata (at most the broker's `offset.metadata.max.bytes`, 4 KiB by default).
///
/// The leader epoch lets the next owner of the partition check, before it reads on, that the
/// log was not truncated under the committed offset (KIP-320). [`Consumer::commit`] fills it
/// in from the last record handed out.
///
/// ```
/// use kafka_client::consumer::OffsetAndMetadata;
///
/// let committed = OffsetAndMetadata::new(42).with_metadata("batch 7 done");
/// assert_eq!((committed.offset, committed.leader_epoch), (42, None));
/// ```
///
/// [`Consumer::commit`]: super::Consumer::commit
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
