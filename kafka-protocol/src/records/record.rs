//! Reading the records of a v2 batch: [`Records`] yields [`Record`]s whose key, value and
//! headers are zero-copy slices of the batch (or of its one decompressed buffer).

use std::fmt;

use bytes::{Bytes, BytesMut};

use super::record_ref::HeadersRef;
use super::RecordsError;
use crate::primitives::{read_i8, read_varint, read_varlong, write_varint};
use crate::DecodeErrorKind;

/// One record, with its absolute offset and timestamp.
///
/// Key, value and headers share the batch's buffer: holding a record keeps that buffer alive,
/// and cloning one only bumps reference counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The record's offset in the partition (base offset + offset delta).
    pub offset: i64,
    /// The record's timestamp: base timestamp + delta, or the batch's max timestamp when the
    /// batch uses [`LogAppendTime`](super::TimestampType::LogAppendTime), as in the Java client.
    pub timestamp: i64,
    /// The key; `None` is a null key (not the same as an empty one).
    pub key: Option<Bytes>,
    /// The value; `None` is a null value (a tombstone on compacted topics).
    pub value: Option<Bytes>,
    /// The headers, read lazily (see [`Headers`]).
    pub headers: Headers,
}

/// One record header. Keys are strings in Kafka's API but bytes on the wire; see
/// [`Header::key_str`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Header {
    /// The key bytes (UTF-8 when written by a conforming client).
    pub key: Bytes,
    /// The value; `None` is a null value.
    pub value: Option<Bytes>,
}

impl Header {
    /// The key as a string, if it is valid UTF-8.
    pub fn key_str(&self) -> Result<&str, std::str::Utf8Error> {
        std::str::from_utf8(&self.key)
    }
}

/// A record's headers, kept as the encoded bytes and decoded on iteration, so reading a record
/// allocates no collection for them. Their framing was checked when the record was read, so
/// iterating cannot fail.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Headers {
    /// The encoded headers; `None` when there are none (the common case, kept free of any
    /// `Bytes` handle to create or drop).
    raw: Option<Bytes>,
    count: u32,
}

impl Headers {
    /// No headers: the start of a list built with [`Headers::add`] for a record to produce.
    ///
    /// The same type is what a consumed record carries, so a list built here reads back with
    /// the same [`Headers::get`], [`Headers::last`] and [`Headers::iter`]:
    ///
    /// ```
    /// use kfk_protocol::records::Headers;
    ///
    /// let headers = Headers::new().add("trace-id", "abc").add_null("tombstone-reason").add("trace-id", "def");
    /// assert_eq!(headers.len(), 3);
    /// assert_eq!(headers.get_str("trace-id").as_deref(), Some("def")); // the last one, as Java's lastHeader
    /// assert_eq!(headers.last(b"tombstone-reason"), Some(None));
    /// let keys: Vec<_> = headers.iter().map(|h| h.key).collect();
    /// assert_eq!(keys, ["trace-id", "tombstone-reason", "trace-id"]);
    /// ```
    pub fn new() -> Headers {
        Headers::default()
    }

    /// These headers and one more (a key may repeat; readers take the last).
    pub fn add(mut self, key: impl AsRef<str>, value: impl AsRef<[u8]>) -> Headers {
        self.push(key, Some(value.as_ref()));
        self
    }

    /// These headers and one with a null value.
    pub fn add_null(mut self, key: impl AsRef<str>) -> Headers {
        self.push(key, None);
        self
    }

    /// Appends a header (`None`: a null value), in place.
    pub fn push(&mut self, key: impl AsRef<str>, value: Option<&[u8]>) {
        // Kept in the wire encoding, so producing copies the block as it is and reading a
        // built list needs no second representation. The buffer is reused when this list is
        // its only owner (the usual case while building).
        let mut buf = match self.raw.take() {
            Some(raw) => raw.try_into_mut().unwrap_or_else(|shared| BytesMut::from(&shared[..])),
            None => BytesMut::new(),
        };
        let key = key.as_ref().as_bytes();
        write_varint(&mut buf, key.len() as i32);
        buf.extend_from_slice(key);
        match value {
            Some(v) => {
                write_varint(&mut buf, v.len() as i32);
                buf.extend_from_slice(v);
            }
            None => write_varint(&mut buf, -1),
        }
        self.raw = Some(buf.freeze());
        self.count += 1;
    }

    /// The headers borrowed, for iterating without touching reference counts (what the
    /// producer does when it encodes them).
    pub fn borrowed(&self) -> HeadersRef<'_> {
        HeadersRef::from_encoded(self.raw.as_deref().unwrap_or(&[]), self.count)
    }

    /// Headers from their encoding (after the count), already validated.
    pub(crate) fn from_encoded(raw: Bytes, count: u32) -> Self {
        if count == 0 {
            return Headers::default();
        }
        Headers { raw: Some(raw), count }
    }

    /// The number of headers.
    pub fn len(&self) -> usize {
        self.count as usize
    }

    /// Whether there are no headers.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// Iterates the headers in order.
    pub fn iter(&self) -> HeaderIter<'_> {
        HeaderIter { raw: self.raw.as_ref(), pos: 0, left: self.count }
    }

    /// The value of the last header named `key` (Kafka's `lastHeader`), if any.
    pub fn last(&self, key: &[u8]) -> Option<Option<Bytes>> {
        self.iter().filter(|h| h.key == key).last().map(|h| h.value)
    }

    /// The value of the last header named `key`; `None` when there is no such header or its
    /// value is null (use [`Headers::last`] to tell the two apart).
    pub fn get(&self, key: impl AsRef<[u8]>) -> Option<Bytes> {
        self.last(key.as_ref()).flatten()
    }

    /// As [`Headers::get`], as UTF-8 text (`None` also when the value is not UTF-8).
    pub fn get_str(&self, key: impl AsRef<[u8]>) -> Option<String> {
        self.get(key).and_then(|v| String::from_utf8(v.to_vec()).ok())
    }
}

impl fmt::Debug for Headers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a Headers {
    type Item = Header;
    type IntoIter = HeaderIter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over [`Headers`].
#[derive(Debug, Clone)]
pub struct HeaderIter<'a> {
    raw: Option<&'a Bytes>,
    pos: usize,
    left: u32,
}

impl Iterator for HeaderIter<'_> {
    type Item = Header;

    fn next(&mut self) -> Option<Header> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let raw = self.raw?;
        let total = raw.len();
        let mut cur = raw.get(self.pos..)?;
        // The framing was validated by `skip_headers`; a failure here cannot happen, and would
        // end the iteration rather than panic.
        let key = read_field(&mut cur, "header key").ok()??;
        let key_end = total - cur.len();
        let key = raw.slice(key_end - key.len()..key_end);
        let value = read_field(&mut cur, "header value").ok()?;
        let value_end = total - cur.len();
        let value = value.map(|v| raw.slice(value_end - v.len()..value_end));
        self.pos = value_end;
        Some(Header { key, value })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.left as usize))
    }
}

/// Reads a varint-length-prefixed byte field (-1 is null) from the front of `cur`.
#[inline(always)]
pub(crate) fn read_field<'a>(cur: &mut &'a [u8], field: &'static str) -> Result<Option<&'a [u8]>, RecordsError> {
    let len = read_varint(cur).map_err(|k| RecordsError::decode(field, k))?;
    if len < 0 {
        if len == -1 {
            return Ok(None);
        }
        return Err(RecordsError::InvalidLength { field, len: len as i64 });
    }
    let len = len as usize;
    if len > cur.len() {
        return Err(RecordsError::decode(field, DecodeErrorKind::LengthExceedsInput { len, remaining: cur.len() }));
    }
    let (head, tail) = cur.split_at(len);
    *cur = tail;
    Ok(Some(head))
}

/// What every record of a batch shares.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchContext {
    pub base_offset: i64,
    pub base_timestamp: i64,
    /// The batch's max timestamp when it uses log-append time.
    pub log_append_time: Option<i64>,
}

impl BatchContext {
    #[inline]
    pub(crate) fn offset(&self, raw: &Raw) -> i64 {
        self.base_offset.wrapping_add(raw.offset_delta as i64)
    }

    #[inline]
    pub(crate) fn timestamp(&self, raw: &Raw) -> i64 {
        match self.log_append_time {
            Some(t) => t,
            None => self.base_timestamp.wrapping_add(raw.timestamp_delta),
        }
    }
}

/// A record as positions in the records buffer: what both the owned ([`Record`]) and the
/// borrowed ([`RecordRef`](super::RecordRef)) views are made from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub timestamp_delta: i64,
    pub offset_delta: i32,
    pub key: Option<(usize, usize)>,
    pub value: Option<(usize, usize)>,
    /// Start and end of the encoded headers (after the count).
    pub headers: (usize, usize),
    pub header_count: u32,
    /// Where the next record starts.
    pub end: usize,
}

/// Reads the record starting at `pos` in `data`, checking its whole framing (headers
/// included) and that its fields fill its declared length exactly.
#[inline(always)]
pub(crate) fn parse_raw(data: &[u8], pos: usize) -> Result<Raw, RecordsError> {
    let total = data.len();
    let mut cur = data.get(pos..).unwrap_or_default();
    let len = read_varint(&mut cur).map_err(|k| RecordsError::decode("record length", k))?;
    if len < 0 {
        return Err(RecordsError::InvalidLength { field: "record", len: len as i64 });
    }
    let len = len as usize;
    if len > cur.len() {
        return Err(RecordsError::decode("record", DecodeErrorKind::LengthExceedsInput { len, remaining: cur.len() }));
    }
    let end = total - cur.len() + len;
    let mut body = &cur[..len];
    read_i8(&mut body).map_err(|k| RecordsError::decode("record attributes", k))?;
    let timestamp_delta = read_varlong(&mut body).map_err(|k| RecordsError::decode("timestamp delta", k))?;
    let offset_delta = read_varint(&mut body).map_err(|k| RecordsError::decode("offset delta", k))?;
    // Positions in `data` follow from how much of the body is left.
    let at = |rest: &[u8]| end - rest.len();
    let key = read_field(&mut body, "key")?.map(|k| (at(body) - k.len(), at(body)));
    let value = read_field(&mut body, "value")?.map(|v| (at(body) - v.len(), at(body)));
    let count = read_varint(&mut body).map_err(|k| RecordsError::decode("header count", k))?;
    if count < 0 {
        return Err(RecordsError::InvalidLength { field: "headers", len: count as i64 });
    }
    let headers_start = at(body);
    if count > 0 {
        skip_headers(&mut body, count as u32)?;
    }
    let headers = (headers_start, at(body));
    if !body.is_empty() {
        return Err(RecordsError::RecordSizeMismatch { declared: len, read: len - body.len() });
    }
    Ok(Raw { timestamp_delta, offset_delta, key, value, headers, header_count: count as u32, end })
}

/// Checks the framing of `count` headers, advancing past them.
fn skip_headers(body: &mut &[u8], count: u32) -> Result<(), RecordsError> {
    for _ in 0..count {
        if read_field(body, "header key")?.is_none() {
            return Err(RecordsError::InvalidLength { field: "header key", len: -1 });
        }
        read_field(body, "header value")?;
    }
    Ok(())
}

/// Iterator over the records of one v2 batch, as owned [`Record`]s. Yields exactly the
/// batch's record count (or stops at the first error); bytes left after the last record are
/// reported as [`RecordsError::TrailingBytes`], as the Java client does.
///
/// Each record's key and value are [`Bytes`] handles on the batch buffer, which costs a
/// reference-count update per handle; [`Records::iter_ref`] reads the same records as borrowed
/// slices, with none.
#[derive(Debug, Clone)]
pub struct Records {
    data: Bytes,
    pos: usize,
    count: u32,
    left: u32,
    ctx: BatchContext,
    done: bool,
}

impl Records {
    pub(crate) fn new(data: Bytes, count: u32, ctx: BatchContext) -> Self {
        Records { data, pos: 0, count, left: count, ctx, done: false }
    }

    /// The records not yet yielded.
    pub fn remaining(&self) -> usize {
        self.left as usize
    }

    /// The records section these records are read from (decompressed, for a compressed
    /// batch).
    pub fn buffer(&self) -> &Bytes {
        &self.data
    }

    /// Iterates all the batch's records (from the first, whatever this iterator has yielded)
    /// as views borrowing the records buffer: no reference counting, no allocation.
    ///
    /// ```
    /// use kfk_protocol::compression::Compression;
    /// use kfk_protocol::records::{RecordBatch, RecordBatchBuilder};
    ///
    /// let mut builder = RecordBatchBuilder::new(Compression::Snappy);
    /// builder.append_with_headers(1, Some(b"k"), Some(b"v"), [("h", Some(b"x"))]).unwrap();
    /// let records = RecordBatch::parse(builder.build().unwrap()).unwrap().records().unwrap();
    /// for record in records.iter_ref() {
    ///     let record = record.unwrap();
    ///     assert_eq!(record.key, Some(&b"k"[..]));
    ///     assert_eq!(record.headers.iter().next(), Some((&b"h"[..], Some(&b"x"[..]))));
    /// }
    /// ```
    pub fn iter_ref(&self) -> super::RecordRefs<'_> {
        super::RecordRefs::new(&self.data, self.count, self.ctx)
    }

    #[inline]
    fn read_record(&mut self) -> Result<Record, RecordsError> {
        let raw = parse_raw(&self.data, self.pos)?;
        self.pos = raw.end;
        let data = &self.data;
        Ok(Record {
            offset: self.ctx.offset(&raw),
            timestamp: self.ctx.timestamp(&raw),
            key: raw.key.map(|(s, e)| data.slice(s..e)),
            value: raw.value.map(|(s, e)| data.slice(s..e)),
            headers: Headers {
                raw: (raw.header_count > 0).then(|| data.slice(raw.headers.0..raw.headers.1)),
                count: raw.header_count,
            },
        })
    }
}

impl Iterator for Records {
    type Item = Result<Record, RecordsError>;

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

impl std::iter::FusedIterator for Records {}
