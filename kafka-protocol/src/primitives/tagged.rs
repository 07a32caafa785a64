//! Tagged fields (flexible versions): a varint count, then per field its tag, its size and its
//! bytes. Tags a schema does not know are kept raw so a message re-encodes byte for byte.

use bytes::{Buf, BufMut, Bytes};

use super::{read_unsigned_varint, unsigned_varint_len, write_unsigned_varint};
use crate::{DecodeError, DecodeErrorKind};

/// A tagged field this crate's schema does not define, kept as read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawTaggedField {
    /// The field's tag.
    pub tag: u32,
    /// The field's encoded value.
    pub data: Bytes,
}

/// Reads a tagged-field section. `known` is offered each field's tag and bytes and returns
/// whether it consumed the field; fields it declines are returned in input order.
pub fn read_tagged_fields(
    buf: &mut Bytes,
    mut known: impl FnMut(u32, &mut Bytes) -> Result<bool, DecodeError>,
) -> Result<Vec<RawTaggedField>, DecodeError> {
    let count = read_unsigned_varint(buf)? as usize;
    // Each field needs at least two bytes (tag and size), so the count is bounded by the input.
    if count > buf.remaining() {
        return Err(DecodeErrorKind::LengthExceedsInput { len: count, remaining: buf.remaining() }.into());
    }
    let mut unknown = Vec::new();
    for _ in 0..count {
        let tag = read_unsigned_varint(buf)?;
        let size = read_unsigned_varint(buf)? as usize;
        if size > buf.remaining() {
            return Err(DecodeErrorKind::LengthExceedsInput { len: size, remaining: buf.remaining() }.into());
        }
        let mut data = buf.split_to(size);
        if !known(tag, &mut data)? {
            unknown.push(RawTaggedField { tag, data });
        }
    }
    Ok(unknown)
}

/// Writes the raw fields from `*next` on whose tag is below `limit`, advancing `*next`, so that
/// known and unknown fields come out in one ascending tag order.
pub fn write_raw_tagged_until(buf: &mut impl BufMut, raw: &[RawTaggedField], next: &mut usize, limit: u64) {
    while let Some(field) = raw.get(*next) {
        if field.tag as u64 >= limit {
            break;
        }
        write_unsigned_varint(buf, field.tag);
        write_unsigned_varint(buf, field.data.len() as u32);
        buf.put_slice(&field.data);
        *next += 1;
    }
}

/// Encoded size of raw tagged fields (without the count).
pub fn raw_tagged_fields_len(raw: &[RawTaggedField]) -> usize {
    raw.iter().map(|f| tagged_field_len(f.tag, f.data.len())).sum()
}

/// Encoded size of one tagged field whose value takes `size` bytes.
#[inline]
pub fn tagged_field_len(tag: u32, size: usize) -> usize {
    unsigned_varint_len(tag) + unsigned_varint_len(size as u32) + size
}
