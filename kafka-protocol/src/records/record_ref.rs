//! Borrowed views of records: [`RecordRef`] and [`RecordRefs`].
//!
//! The owned [`Record`](super::Record) hands out [`Bytes`](bytes::Bytes) handles, each an atomic
//! reference-count update to create and to drop. Code that only looks at a record while the
//! batch is at hand (deserializing a key in place, filtering aborted transactions, validating on
//! a broker) can borrow instead: a `RecordRef` holds plain slices of the records buffer, so
//! reading a batch this way touches no reference count and allocates nothing.

use super::record::{parse_raw, read_field, BatchContext};
use super::{Record, RecordsError};

/// One record, borrowing the batch's records buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordRef<'a> {
    /// The record's offset in the partition.
    pub offset: i64,
    /// The record's timestamp (the batch's max timestamp under log-append time).
    pub timestamp: i64,
    /// The key; `None` is a null key.
    pub key: Option<&'a [u8]>,
    /// The value; `None` is a null value.
    pub value: Option<&'a [u8]>,
    /// The headers, decoded on iteration.
    pub headers: HeadersRef<'a>,
}

impl RecordRef<'_> {
    /// An owned copy of the record (copies key, value and headers into new buffers; to share the
    /// batch buffer instead, iterate [`Records`](super::Records) itself).
    pub fn to_record(&self) -> Record {
        Record {
            offset: self.offset,
            timestamp: self.timestamp,
            key: self.key.map(bytes::Bytes::copy_from_slice),
            value: self.value.map(bytes::Bytes::copy_from_slice),
            headers: super::record::Headers::from_encoded(
                bytes::Bytes::copy_from_slice(self.headers.raw),
                self.headers.count,
            ),
        }
    }
}

/// The headers of a [`RecordRef`]: their framing was checked when the record was read, so
/// iterating cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HeadersRef<'a> {
    raw: &'a [u8],
    count: u32,
}

impl<'a> HeadersRef<'a> {
    /// Headers from their encoding (after the count), already validated.
    pub(crate) fn from_encoded(raw: &'a [u8], count: u32) -> Self {
        HeadersRef { raw, count }
    }

    /// The value of the last header named `key` (Kafka's `lastHeader`), if any: as
    /// [`Headers::last`](super::Headers::last), borrowed.
    pub fn last(&self, key: &[u8]) -> Option<Option<&'a [u8]>> {
        self.iter().filter(|(k, _)| *k == key).last().map(|(_, v)| v)
    }

    /// The value of the last header named `key`; `None` when there is none or it is null.
    pub fn get(&self, key: impl AsRef<[u8]>) -> Option<&'a [u8]> {
        self.last(key.as_ref()).flatten()
    }

    /// As [`HeadersRef::get`], as UTF-8 text (`None` also when the value is not UTF-8).
    pub fn get_str(&self, key: impl AsRef<[u8]>) -> Option<&'a str> {
        self.get(key).and_then(|v| std::str::from_utf8(v).ok())
    }

    /// The number of headers.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether there are no headers.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Iterates `(key, value)` pairs in order.
    pub fn iter(&self) -> HeaderRefIter<'a> {
        HeaderRefIter { raw: self.raw, left: self.count }
    }
}

impl<'a> IntoIterator for HeadersRef<'a> {
    type Item = (&'a [u8], Option<&'a [u8]>);
    type IntoIter = HeaderRefIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over [`HeadersRef`]: `(key, value)` pairs.
#[derive(Debug, Clone)]
pub struct HeaderRefIter<'a> {
    raw: &'a [u8],
    left: u32,
}

impl<'a> Iterator for HeaderRefIter<'a> {
    type Item = (&'a [u8], Option<&'a [u8]>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        // Validated when the record was read; a failure would end the iteration, not panic.
        let key = read_field(&mut self.raw, "header key").ok()??;
        let value = read_field(&mut self.raw, "header value").ok()?;
        Some((key, value))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left as usize))
    }
}

/// Iterator over a batch's records as [`RecordRef`]s; see
/// [`Records::iter_ref`](super::Records::iter_ref). Same checks and errors as
/// [`Records`](super::Records).
#[derive(Debug, Clone)]
pub struct RecordRefs<'a> {
    data: &'a [u8],
    pos: usize,
    left: u32,
    ctx: BatchContext,
    done: bool,
}

impl<'a> RecordRefs<'a> {
    pub(crate) fn new(data: &'a [u8], count: u32, ctx: BatchContext) -> Self {
        RecordRefs { data, pos: 0, left: count, ctx, done: false }
    }

    #[inline]
    fn read_record(&mut self) -> Result<RecordRef<'a>, RecordsError> {
        let data = self.data;
        let raw = parse_raw(data, self.pos)?;
        self.pos = raw.end;
        Ok(RecordRef {
            offset: self.ctx.offset(&raw),
            timestamp: self.ctx.timestamp(&raw),
            key: raw.key.map(|(s, e)| &data[s..e]),
            value: raw.value.map(|(s, e)| &data[s..e]),
            headers: HeadersRef { raw: &data[raw.headers.0..raw.headers.1], count: raw.header_count },
        })
    }
}

impl<'a> Iterator for RecordRefs<'a> {
    type Item = Result<RecordRef<'a>, RecordsError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if self.left == 0 {
            self.done = true;
            let trailing = self.data.len() - self.pos;
            return (trailing > 0).then_some(Err(RecordsError::TrailingBytes(trailing)));
        }
        self.left -= 1;
        let result = self.read_record();
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        if self.done {
            (0, Some(0))
        } else {
            (0, Some(self.left as usize + 1))
        }
    }
}

impl std::iter::FusedIterator for RecordRefs<'_> {}
