//! Variable-length integers: unsigned varints (7 bits per byte, low groups first) and the
//! zig-zag signed forms used by record batches.

use bytes::{Buf, BufMut};

use crate::DecodeErrorKind;

/// Reads an unsigned varint of at most 5 bytes into a `u32`.
#[inline]
pub fn read_unsigned_varint(buf: &mut impl Buf) -> Result<u32, DecodeErrorKind> {
    let chunk = buf.chunk();
    // Fast path: the whole varint lies in the current chunk (always so for `Bytes`).
    if let Some(&first) = chunk.first() {
        if first < 0x80 {
            buf.advance(1);
            return Ok(first as u32);
        }
    }
    let mut value: u32 = 0;
    for i in 0..5 {
        if !buf.has_remaining() {
            return Err(DecodeErrorKind::UnexpectedEof { needed: 1, remaining: 0 });
        }
        let byte = buf.get_u8();
        value |= ((byte & 0x7f) as u32) << (7 * i);
        if byte < 0x80 {
            return Ok(value);
        }
    }
    Err(DecodeErrorKind::VarintTooLong)
}

/// Reads an unsigned varint of at most 10 bytes into a `u64`.
#[inline]
pub fn read_unsigned_varlong(buf: &mut impl Buf) -> Result<u64, DecodeErrorKind> {
    if let Some(&first) = buf.chunk().first() {
        if first < 0x80 {
            buf.advance(1);
            return Ok(first as u64);
        }
    }
    let mut value: u64 = 0;
    for i in 0..10 {
        if !buf.has_remaining() {
            return Err(DecodeErrorKind::UnexpectedEof { needed: 1, remaining: 0 });
        }
        let byte = buf.get_u8();
        value |= ((byte & 0x7f) as u64) << (7 * i);
        if byte < 0x80 {
            return Ok(value);
        }
    }
    Err(DecodeErrorKind::VarintTooLong)
}

/// Reads a zig-zag encoded signed varint (`i32`).
#[inline]
pub fn read_varint(buf: &mut impl Buf) -> Result<i32, DecodeErrorKind> {
    let raw = read_unsigned_varint(buf)?;
    Ok(((raw >> 1) as i32) ^ -((raw & 1) as i32))
}

/// Reads a zig-zag encoded signed varlong (`i64`).
#[inline]
pub fn read_varlong(buf: &mut impl Buf) -> Result<i64, DecodeErrorKind> {
    let raw = read_unsigned_varlong(buf)?;
    Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64))
}

/// Writes an unsigned varint.
#[inline]
pub fn write_unsigned_varint(buf: &mut impl BufMut, mut value: u32) {
    while value >= 0x80 {
        buf.put_u8((value as u8) | 0x80);
        value >>= 7;
    }
    buf.put_u8(value as u8);
}

/// Writes an unsigned varlong.
#[inline]
pub fn write_unsigned_varlong(buf: &mut impl BufMut, mut value: u64) {
    while value >= 0x80 {
        buf.put_u8((value as u8) | 0x80);
        value >>= 7;
    }
    buf.put_u8(value as u8);
}

/// Writes a zig-zag encoded signed varint.
#[inline]
pub fn write_varint(buf: &mut impl BufMut, value: i32) {
    write_unsigned_varint(buf, ((value << 1) ^ (value >> 31)) as u32)
}

/// Writes a zig-zag encoded signed varlong.
#[inline]
pub fn write_varlong(buf: &mut impl BufMut, value: i64) {
    write_unsigned_varlong(buf, ((value << 1) ^ (value >> 63)) as u64)
}

/// Encoded size of an unsigned varint.
#[inline]
pub const fn unsigned_varint_len(value: u32) -> usize {
    // Bits needed, rounded up to groups of 7; zero still takes one byte.
    let bits = 32 - (value | 1).leading_zeros() as usize;
    bits.div_ceil(7)
}

/// Encoded size of an unsigned varlong.
#[inline]
pub const fn unsigned_varlong_len(value: u64) -> usize {
    let bits = 64 - (value | 1).leading_zeros() as usize;
    bits.div_ceil(7)
}

/// Encoded size of a zig-zag signed varint.
#[inline]
pub const fn varint_len(value: i32) -> usize {
    unsigned_varint_len(((value << 1) ^ (value >> 31)) as u32)
}

/// Encoded size of a zig-zag signed varlong.
#[inline]
pub const fn varlong_len(value: i64) -> usize {
    unsigned_varlong_len(((value << 1) ^ (value >> 63)) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::{Bytes, BytesMut};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn varint_round_trip(v: i32) {
            let mut buf = BytesMut::new();
            write_varint(&mut buf, v);
            prop_assert_eq!(buf.len(), varint_len(v));
            prop_assert_eq!(read_varint(&mut buf.freeze()).unwrap(), v);
        }

        #[test]
        fn varlong_round_trip(v: i64) {
            let mut buf = BytesMut::new();
            write_varlong(&mut buf, v);
            prop_assert_eq!(buf.len(), varlong_len(v));
            prop_assert_eq!(read_varlong(&mut buf.freeze()).unwrap(), v);
        }

        #[test]
        fn unsigned_varint_round_trip(v: u32) {
            let mut buf = BytesMut::new();
            write_unsigned_varint(&mut buf, v);
            prop_assert_eq!(buf.len(), unsigned_varint_len(v));
            prop_assert_eq!(read_unsigned_varint(&mut buf.freeze()).unwrap(), v);
        }
    }

    #[test]
    fn known_encodings() {
        let mut buf = BytesMut::new();
        write_varint(&mut buf, -1);
        write_varint(&mut buf, 300);
        assert_eq!(&buf[..], &[0x01, 0xd8, 0x04]);
    }

    #[test]
    fn overlong_and_truncated_are_errors() {
        let mut long = Bytes::from_static(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
        assert_eq!(read_unsigned_varint(&mut long), Err(DecodeErrorKind::VarintTooLong));
        let mut short = Bytes::from_static(&[0xff]);
        assert!(matches!(read_unsigned_varint(&mut short), Err(DecodeErrorKind::UnexpectedEof { .. })));
    }
}
