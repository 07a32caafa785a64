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
    let mut items = Vec::with_capacity(len);
    for _ in 0..len {
        items.push(read(buf)?);
    }
    Ok(Some(items))
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
