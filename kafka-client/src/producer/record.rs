//! The record a caller hands to the producer. It borrows the caller's bytes: `send` encodes them
//! into a batch right away and keeps no reference.

/// A record to produce.
///
/// ```
/// use kafka_client::producer::ProducerRecord;
///
/// let headers = [("trace-id", Some(b"abc".as_slice()))];
/// let record = ProducerRecord::new("orders")
///     .key(b"customer-42")
///     .value(b"{\"total\": 12}")
///     .headers(&headers);
/// assert_eq!(record.topic, "orders");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct ProducerRecord<'a> {
    /// The topic.
    pub topic: &'a str,
    /// An explicit partition; otherwise the partitioner chooses.
    pub partition: Option<i32>,
    /// The key (`None` is a null key).
    pub key: Option<&'a [u8]>,
    /// The value (`None` is a null value, a tombstone on compacted topics).
    pub value: Option<&'a [u8]>,
    /// Headers: name and optional value.
    pub headers: &'a [(&'a str, Option<&'a [u8]>)],
    /// The create timestamp in milliseconds since the epoch; now when `None`.
    pub timestamp: Option<i64>,
}

impl<'a> ProducerRecord<'a> {
    /// A record for `topic` with null key and value.
    pub fn new(topic: &'a str) -> Self {
        ProducerRecord { topic, partition: None, key: None, value: None, headers: &[], timestamp: None }
    }

    /// Sets the key.
    pub fn key(mut self, key: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.key = Some(key.as_ref());
        self
    }

    /// Sets the value.
    pub fn value(mut self, value: &'a (impl AsRef<[u8]> + ?Sized)) -> Self {
        self.value = Some(value.as_ref());
        self
    }

    /// Sends to this partition.
    pub fn partition(mut self, partition: i32) -> Self {
        self.partition = Some(partition);
        self
    }

    /// Sets the headers.
    pub fn headers(mut self, headers: &'a [(&'a str, Option<&'a [u8]>)]) -> Self {
        self.headers = headers;
        self
    }

    /// Sets the timestamp (ms since the epoch).
    pub fn timestamp(mut self, timestamp: i64) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// An upper bound of its encoded size in a batch.
    pub(crate) fn max_encoded_size(&self) -> usize {
        kafka_protocol::records::RecordBatchBuilder::max_record_size(
            self.key,
            self.value,
            self.headers.iter().map(|(k, v)| (*k, *v)),
        )
    }
}
