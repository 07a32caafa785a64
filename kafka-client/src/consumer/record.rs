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

impl ConsumerRecord {
    /// The key as UTF-8 text: `None` for a null key, an error naming the record if the bytes
    /// are not UTF-8.
    ///
    /// ```
    /// # fn demo(record: kafka_client::consumer::ConsumerRecord) -> Result<(), kafka_client::consumer::NotUtf8> {
    /// if let Some(customer) = record.key_str()? {
    ///     println!("order of {customer}: {}", record.value_str()?.unwrap_or("(deleted)"));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn key_str(&self) -> Result<Option<&str>, NotUtf8> {
        self.text(self.key.as_ref(), "key")
    }

    /// The value as UTF-8 text: `None` for a null value (a tombstone), an error naming the
    /// record if the bytes are not UTF-8.
    pub fn value_str(&self) -> Result<Option<&str>, NotUtf8> {
        self.text(self.value.as_ref(), "value")
    }

    /// The record's topic and partition.
    pub fn topic_partition(&self) -> crate::types::TopicPartition {
        crate::types::TopicPartition { topic: self.topic.clone(), partition: self.partition }
    }

    fn text<'a>(&self, bytes: Option<&'a Bytes>, part: &'static str) -> Result<Option<&'a str>, NotUtf8> {
        bytes.map(|b| std::str::from_utf8(b)).transpose().map_err(|source| NotUtf8 {
            part,
            topic: self.topic.clone(),
            partition: self.partition,
            offset: self.offset,
            source,
        })
    }
}

/// A record's key or value is not UTF-8 text.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the {part} of {topic}-{partition}@{offset} is not UTF-8: {source}")]
pub struct NotUtf8 {
    /// `key` or `value`.
    pub part: &'static str,
    /// The record's topic.
    pub topic: Arc<str>,
    /// Its partition.
    pub partition: i32,
    /// Its offset.
    pub offset: i64,
    /// Where the bytes stop being UTF-8.
    pub source: std::str::Utf8Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(key: Option<&'static [u8]>, value: Option<&'static [u8]>) -> ConsumerRecord {
        ConsumerRecord {
            topic: Arc::from("orders"),
            partition: 2,
            offset: 41,
            timestamp: 0,
            timestamp_type: TimestampType::CreateTime,
            key: key.map(Bytes::from_static),
            value: value.map(Bytes::from_static),
            headers: Headers::default(),
            leader_epoch: None,
        }
    }

    #[test]
    fn text_helpers_read_utf8_and_name_the_record_otherwise() {
        let r = record(Some(b"customer-7"), None);
        assert_eq!((r.key_str().unwrap(), r.value_str().unwrap()), (Some("customer-7"), None));
        let err = record(None, Some(b"\xff\xfe")).value_str().unwrap_err();
        assert_eq!(err.to_string().split(':').next(), Some("the value of orders-2@41 is not UTF-8"));
    }
}
