//! Arrays: int32 count (classic) or unsigned varint `count + 1` (compact); -1 / 0 is null.

use bytes::{Buf, BufMut, Bytes};

use super::{read_i32, read_unsigned_varint, unsigned_varint_len};
use crate::{DecodeError, DecodeErrorKind, EncodeErrorKind};

/// Reads an array's element count; `None` is null. Every element takes at least one byte, so a
/// count above the bytes left is rejected before anything is allocated.
pub fn read_array_len(buf: &mut Bytes, compact: bool) -> Result<Option<usize>, DecodeErrorKind> {
    let len = if compact { read_unsigned_varint(buf)? as i64 - 1 } else { read_i32(buf)? as i64 };
    match len {
        -1 => Ok(None),
        n if n < 0 => Err(DecodeErrorKind::InvalidLength(n)),
        n if n as usize > buf.remaining() => {
            Err(DecodeErrorKind::LengthExceedsInput { len: n as usize, remaining: buf.remaining() })
        }
        n => Ok(Some(n as usize)),
    }
}

/// Reads an array whose elements `read` decodes; `None` is null.
#[inline]
pub fn read_array<T>(
    buf: &mut Bytes,
    compact: bool,
    mut read: impl FnMut(&mut Bytes) -> Result<T, DecodeError>,
) -> Result<Option<Vec<T>>, DecodeError> {
    let Some(len) = read_array_len(buf, compact)? else {
        return Ok(None);
    };
    // The count is the broker's word, and a decoded element can be far larger than its wire
    // form (a 4-byte int32 in a struct of 100 bytes): reserve no more memory than the bytes left
    // could fill one byte per byte, and let the vector grow as elements actually decode.
    let mut items = Vec::with_capacity(prealloc_len::<T>(len, buf.remaining()));
    for _ in 0..len {
        items.push(read(buf)?);
    }
    Ok(Some(items))
}

/// How many elements of `T` to reserve for an array of `len` elements with `remaining` bytes
/// of input left: at most `remaining` bytes' worth.
#[inline]
pub fn prealloc_len<T>(len: usize, remaining: usize) -> usize {
    len.min(remaining / std::mem::size_of::<T>().max(1))
}

/// Writes an array's element count; `None` is null.
pub fn write_array_len(buf: &mut impl BufMut, len: Option<usize>, compact: bool) -> Result<(), EncodeErrorKind> {
    match len {
        Some(n) if n >= i32::MAX as usize => Err(EncodeErrorKind::TooLong(n)),
        Some(n) if compact => {
            super::write_unsigned_varint(buf, n as u32 + 1);
            Ok(())
        }
        Some(n) => {
            buf.put_i32(n as i32);
            Ok(())
        }
        None if compact => {
            buf.put_u8(0);
            Ok(())
        }
        None => {
            buf.put_i32(-1);
            Ok(())
        }
    }
}

/// Encoded size of an array's element count.
#[inline]
pub fn array_len_len(len: Option<usize>, compact: bool) -> usize {
    match len {
        Some(n) if compact => unsigned_varint_len(n as u32 + 1),
        None if compact => 1,
        _ => 4,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A count the input could hold (one byte per element) must not reserve 100 bytes per
    /// element up front.
    #[test]
    fn a_large_count_reserves_no_more_than_the_input() {
        #[allow(dead_code)]
        struct Big([u8; 100]);
        assert_eq!(prealloc_len::<Big>(1_000_000, 1_000_000), 10_000);
        assert_eq!(prealloc_len::<u8>(10, 1_000), 10);
        assert_eq!(prealloc_len::<()>(10, 3), 3);

        // 10,000 elements announced, each one byte on the wire, decoded as 100-byte structs.
        let mut wire = bytes::BytesMut::new();
        write_array_len(&mut wire, Some(10_000), false).unwrap();
        wire.extend_from_slice(&[7u8; 10_000]);
        let mut buf = wire.freeze();
        let items = read_array(&mut buf, false, |b| Ok(Big([b.get_u8(); 100]))).unwrap().unwrap();
        assert_eq!(items.len(), 10_000);

        // The same count with the input cut short: fails without reserving 1 MB.
        let mut wire = bytes::BytesMut::new();
        write_array_len(&mut wire, Some(10_000), false).unwrap();
        wire.extend_from_slice(&[7u8; 10_000]);
        let mut buf = wire.freeze().slice(..5_000);
        let err = read_array(&mut buf, false, |b| Ok(Big([b.get_u8(); 100])));
        assert!(err.is_err());
    }
}
