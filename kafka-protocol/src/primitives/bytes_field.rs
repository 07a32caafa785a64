//! Byte fields (and record sets): int32 length (classic) or unsigned varint `length + 1`
//! (compact); -1 / 0 is null. Reading returns a zero-copy slice of the input.

use bytes::{Buf, BufMut, Bytes};

use super::{read_i32, read_unsigned_varint, unsigned_varint_len};
use crate::{DecodeErrorKind, EncodeErrorKind};

fn read_len(buf: &mut Bytes, compact: bool) -> Result<Option<usize>, DecodeErrorKind> {
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

/// Reads a non-nullable byte field; null is an error.
pub fn read_bytes(buf: &mut Bytes, compact: bool) -> Result<Bytes, DecodeErrorKind> {
    match read_len(buf, compact)? {
        Some(len) => Ok(buf.split_to(len)),
        None => Err(DecodeErrorKind::UnexpectedNull),
    }
}

/// Reads a nullable byte field.
pub fn read_nullable_bytes(buf: &mut Bytes, compact: bool) -> Result<Option<Bytes>, DecodeErrorKind> {
    Ok(read_len(buf, compact)?.map(|len| buf.split_to(len)))
}

/// Encoded size of a byte field.
#[inline]
pub fn bytes_len(b: &[u8], compact: bool) -> usize {
    if compact {
        unsigned_varint_len(b.len() as u32 + 1) + b.len()
    } else {
        4 + b.len()
    }
}

/// Encoded size of a nullable byte field.
#[inline]
pub fn nullable_bytes_len(b: Option<&[u8]>, compact: bool) -> usize {
    match b {
        Some(b) => bytes_len(b, compact),
        None if compact => 1,
        None => 4,
    }
}

/// Writes a byte field.
pub fn write_bytes(buf: &mut impl BufMut, b: &[u8], compact: bool) -> Result<(), EncodeErrorKind> {
    if b.len() >= i32::MAX as usize {
        return Err(EncodeErrorKind::TooLong(b.len()));
    }
    if compact {
        super::write_unsigned_varint(buf, b.len() as u32 + 1);
    } else {
        buf.put_i32(b.len() as i32);
    }
    buf.put_slice(b);
    Ok(())
}

/// Writes a nullable byte field.
pub fn write_nullable_bytes(buf: &mut impl BufMut, b: Option<&[u8]>, compact: bool) -> Result<(), EncodeErrorKind> {
    match b {
        Some(b) => write_bytes(buf, b, compact),
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
