//! A record as the consumer hands it out: key, value and headers are slices of the fetched
//! buffer, not copies.

use std::sync::Arc;

use bytes::Bytes;
use kafka_protocol::records::{Headers, TimestampType};

/// A consumed record.
#[derive(Debug, Clone)]
pub struct ConsumerRecord {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
    /// The offset.
    pub offset: i64,
    /// The timestamp (ms since the epoch).
    pub timestamp: i64,
    /// Whether the timestamp is the producer's create time or the broker's append time.
    pub timestamp_type: TimestampType,
    /// The key.
    pub key: Option<Bytes>,
    /// The value.
    pub value: Option<Bytes>,
    /// The headers (decoded lazily when iterated).
    pub headers: Headers,
    /// The leader epoch of the batch, when the broker records one.
    pub leader_epoch: Option<i32>,
}
