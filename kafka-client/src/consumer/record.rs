//! A record as the consumer hands it out: key, value and headers are slices of the fetched
//! buffer, not copies.

use std::sync::Arc;

use bytes::Bytes;
use kfk_protocol::records::{Headers, TimestampType};

/// A consumed record.
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    /// A record of `topic`-`partition` at `offset` with a null key and value, a create-time
    /// timestamp of 0, no headers and no leader epoch. Applications receive records from the
    /// consumer; this is for testing the code that handles them (its fields may grow, so a
    /// struct literal would not stay valid).
    ///
    /// ```
    /// use kfk_client::consumer::ConsumerRecord;
    ///
    /// let record = ConsumerRecord::new("orders", 0, 41).key("customer-7").value("paid").timestamp(1_700_000_000_000);
    /// assert_eq!(record.key_str().unwrap(), Some("customer-7"));
    /// ```
    pub fn new(topic: impl AsRef<str>, partition: i32, offset: i64) -> Self {
        ConsumerRecord {
            topic: Arc::from(topic.as_ref()),
            partition,
            offset,
            timestamp: 0,
            timestamp_type: TimestampType::CreateTime,
            key: None,
            value: None,
            headers: Headers::default(),
            leader_epoch: None,
        }
    }

    /// Sets the key.
    pub fn key(mut self, key: impl Into<Bytes>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the value.
    pub fn value(mut self, value: impl Into<Bytes>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Sets the timestamp (ms since the epoch), keeping its type.
    pub fn timestamp(mut self, timestamp: i64) -> Self {
        self.timestamp = timestamp;
        self
    }

    /// Sets whether the timestamp is the create time or the log-append time.
    pub fn timestamp_type(mut self, timestamp_type: TimestampType) -> Self {
        self.timestamp_type = timestamp_type;
        self
    }

    /// Sets the headers.
    pub fn headers(mut self, headers: Headers) -> Self {
        self.headers = headers;
        self
    }

    /// Sets the leader epoch of the record's batch.
    pub fn leader_epoch(mut self, epoch: i32) -> Self {
        self.leader_epoch = Some(epoch);
        self
    }

    /// The key as UTF-8 text: `None` for a null key, an error naming the record if the bytes
    /// are not UTF-8.
    ///
    /// ```
    /// # fn demo(record: kfk_client::consumer::ConsumerRecord) -> Result<(), kfk_client::consumer::NotUtf8> {
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
#[non_exhaustive]
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
