//! The record a caller hands to the producer. It borrows the caller's bytes: `send` encodes them
//! into a batch right away and keeps no reference.

pub use kfk_protocol::records::{Headers, HeadersRef};

/// A record to produce.
///
/// Headers come either as a slice of `(name, value)` pairs the caller already holds (no
/// copy at all), or as a [`Headers`] list built with [`Headers::add`], the type a consumed
/// record carries:
///
/// ```
/// use kfk_client::producer::{Headers, ProducerRecord};
///
/// let pairs = [("trace-id", Some(b"abc".as_slice()))];
/// let record = ProducerRecord::new("orders").key(b"customer-42").value(b"{\"total\": 12}").headers(&pairs);
/// assert_eq!(record.headers.get_str("trace-id"), Some("abc"));
///
/// let built = Headers::new().add("trace-id", "abc").add("source", "web");
/// let record = ProducerRecord::new("orders").value("v").with_headers(&built);
/// assert_eq!(record.headers.len(), 2);
/// assert_eq!(record.headers.get_str("source"), Some("web"));
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct ProducerRecord<'a> {
    /// The topic.
    pub topic: &'a str,
    /// An explicit partition; otherwise the partitioner chooses.
    pub partition: Option<i32>,
    /// The key (`None` is a null key).
    pub key: Option<&'a [u8]>,
    /// The value (`None` is a null value, a tombstone on compacted topics).
    pub value: Option<&'a [u8]>,
    /// Headers: name and optional value, in order.
    pub headers: RecordHeaders<'a>,
    /// The create timestamp in milliseconds since the epoch; now when `None`.
    pub timestamp: Option<i64>,
}

/// The headers of a [`ProducerRecord`], borrowed in either form it takes. Read them as a
/// consumed record's [`Headers`]: [`RecordHeaders::get`] (the last of a name),
/// [`RecordHeaders::iter`] (all, in order).
#[derive(Debug, Clone, Copy)]
pub enum RecordHeaders<'a> {
    /// `(name, value)` pairs the caller holds.
    Pairs(&'a [(&'a str, Option<&'a [u8]>)]),
    /// A list built with [`Headers::add`] (or taken from a consumed record).
    Built(&'a Headers),
}

impl Default for RecordHeaders<'_> {
    fn default() -> Self {
        RecordHeaders::Pairs(&[])
    }
}

impl<'a> RecordHeaders<'a> {
    /// The number of headers.
    pub fn len(&self) -> usize {
        match self {
            RecordHeaders::Pairs(p) => p.len(),
            RecordHeaders::Built(h) => h.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every header in order: name bytes (UTF-8 when set through this API) and value.
    pub fn iter(&self) -> RecordHeadersIter<'a> {
        match *self {
            RecordHeaders::Pairs(p) => RecordHeadersIter::Pairs(p.iter()),
            RecordHeaders::Built(h) => RecordHeadersIter::Built(h.borrowed().iter()),
        }
    }

    /// The value of the last header named `key` (Kafka's `lastHeader`): `Some(None)` for a null
    /// value, `None` when there is no such header.
    pub fn last(&self, key: impl AsRef<[u8]>) -> Option<Option<&'a [u8]>> {
        let key = key.as_ref();
        self.iter().filter(|(k, _)| *k == key).last().map(|(_, v)| v)
    }

    /// The value of the last header named `key`; `None` when there is none or it is null.
    pub fn get(&self, key: impl AsRef<[u8]>) -> Option<&'a [u8]> {
        self.last(key).flatten()
    }

    /// As [`RecordHeaders::get`], as UTF-8 text (`None` also when it is not UTF-8).
    pub fn get_str(&self, key: impl AsRef<[u8]>) -> Option<&'a str> {
        self.get(key).and_then(|v| std::str::from_utf8(v).ok())
    }
}

/// Iterator over [`RecordHeaders`]: `(name, value)` pairs.
#[derive(Debug, Clone)]
pub enum RecordHeadersIter<'a> {
    /// Over caller-held pairs.
    Pairs(std::slice::Iter<'a, (&'a str, Option<&'a [u8]>)>),
    /// Over a built list.
    Built(kfk_protocol::records::HeaderRefIter<'a>),
}

impl<'a> Iterator for RecordHeadersIter<'a> {
    type Item = (&'a [u8], Option<&'a [u8]>);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RecordHeadersIter::Pairs(p) => p.next().map(|(k, v)| (k.as_bytes(), *v)),
            RecordHeadersIter::Built(b) => b.next(),
        }
    }
}

impl<'a> ProducerRecord<'a> {
    /// A record for `topic` with null key and value.
    pub fn new(topic: &'a str) -> Self {
        ProducerRecord {
            topic,
            partition: None,
            key: None,
            value: None,
            headers: RecordHeaders::Pairs(&[]),
            timestamp: None,
        }
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

    /// Sets the headers from `(name, value)` pairs the caller holds (nothing is copied until
    /// the record is encoded into its batch).
    pub fn headers(mut self, headers: &'a [(&'a str, Option<&'a [u8]>)]) -> Self {
        self.headers = RecordHeaders::Pairs(headers);
        self
    }

    /// Sets the headers from a list built with [`Headers::add`] (or a consumed record's).
    pub fn with_headers(mut self, headers: &'a Headers) -> Self {
        self.headers = RecordHeaders::Built(headers);
        self
    }

    /// Sets the timestamp (ms since the epoch).
    pub fn timestamp(mut self, timestamp: i64) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// An upper bound of its encoded size in a batch.
    pub(crate) fn max_encoded_size(&self) -> usize {
        use kfk_protocol::records::RecordBatchBuilder;
        // One monomorphic call per form, so the pairs path stays what it always was.
        match self.headers {
            RecordHeaders::Pairs(p) => {
                RecordBatchBuilder::max_record_size(self.key, self.value, p.iter().map(|(k, v)| (*k, *v)))
            }
            RecordHeaders::Built(h) => RecordBatchBuilder::max_record_size(self.key, self.value, h.borrowed()),
        }
    }
}
