//! Strings: int16 length (classic) or unsigned varint `length + 1` (compact); -1 / 0 is null.

use bytes::{Buf, BufMut, Bytes};

use super::{ensure, read_i16, read_unsigned_varint, unsigned_varint_len};
use crate::{DecodeErrorKind, EncodeErrorKind};

const MAX_STRING: usize = i16::MAX as usize;

fn read_len(buf: &mut Bytes, compact: bool) -> Result<Option<usize>, DecodeErrorKind> {
    let len = if compact { read_unsigned_varint(buf)? as i64 - 1 } else { read_i16(buf)? as i64 };
    match len {
        -1 => Ok(None),
        n if n < 0 || n as usize > MAX_STRING => Err(DecodeErrorKind::InvalidLength(n)),
        n => Ok(Some(n as usize)),
    }
}

fn read_utf8(buf: &mut Bytes, len: usize) -> Result<String, DecodeErrorKind> {
    ensure(buf.remaining(), len)?;
    let s = std::str::from_utf8(&buf.chunk()[..len]).map_err(|_| DecodeErrorKind::InvalidUtf8)?.to_owned();
    buf.advance(len);
    Ok(s)
}

/// Reads a non-nullable string; null is an error.
pub fn read_string(buf: &mut Bytes, compact: bool) -> Result<String, DecodeErrorKind> {
    match read_len(buf, compact)? {
        Some(len) => read_utf8(buf, len),
        None => Err(DecodeErrorKind::UnexpectedNull),
    }
}

/// Reads a nullable string.
pub fn read_nullable_string(buf: &mut Bytes, compact: bool) -> Result<Option<String>, DecodeErrorKind> {
    match read_len(buf, compact)? {
        Some(len) => read_utf8(buf, len).map(Some),
        None => Ok(None),
    }
}

/// Encoded size of a string.
#[inline]
pub fn string_len(s: &str, compact: bool) -> usize {
    if compact {
        unsigned_varint_len(s.len() as u32 + 1) + s.len()
    } else {
        2 + s.len()
    }
}

/// Encoded size of a nullable string.
#[inline]
pub fn nullable_string_len(s: Option<&str>, compact: bool) -> usize {
    match s {
        Some(s) => string_len(s, compact),
        None if compact => 1,
        None => 2,
    }
}

/// Writes a string; more than 32767 bytes is an error in either form, as in the Java client.
pub fn write_string(buf: &mut impl BufMut, s: &str, compact: bool) -> Result<(), EncodeErrorKind> {
    if s.len() > MAX_STRING {
        return Err(EncodeErrorKind::StringTooLong(s.len()));
    }
    if compact {
        super::write_unsigned_varint(buf, s.len() as u32 + 1);
    } else {
        buf.put_i16(s.len() as i16);
    }
    buf.put_slice(s.as_bytes());
    Ok(())
}

/// Writes a nullable string.
pub fn write_nullable_string(buf: &mut impl BufMut, s: Option<&str>, compact: bool) -> Result<(), EncodeErrorKind> {
    match s {
        Some(s) => write_string(buf, s, compact),
        None if compact => {
            buf.put_u8(0);
            Ok(())
        }
        None => {
            buf.put_i16(-1);
            Ok(())
        }
    }
}
