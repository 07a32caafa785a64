//! Fixed-width big-endian numbers and booleans.

use bytes::{Buf, BufMut};

use super::ensure;
use crate::DecodeErrorKind;

macro_rules! fixed {
    ($($read:ident, $write:ident, $ty:ty, $get:ident, $put:ident;)*) => {$(
        #[doc = concat!("Reads a big-endian `", stringify!($ty), "`.")]
        #[inline]
        pub fn $read(buf: &mut impl Buf) -> Result<$ty, DecodeErrorKind> {
            ensure(buf.remaining(), std::mem::size_of::<$ty>())?;
            Ok(buf.$get())
        }

        #[doc = concat!("Writes a big-endian `", stringify!($ty), "`.")]
        #[inline]
        pub fn $write(buf: &mut impl BufMut, value: $ty) {
            buf.$put(value)
        }
    )*};
}

fixed! {
    read_i8, write_i8, i8, get_i8, put_i8;
    read_i16, write_i16, i16, get_i16, put_i16;
    read_i32, write_i32, i32, get_i32, put_i32;
    read_i64, write_i64, i64, get_i64, put_i64;
    read_u16, write_u16, u16, get_u16, put_u16;
    read_u32, write_u32, u32, get_u32, put_u32;
    read_f64, write_f64, f64, get_f64, put_f64;
}

/// Reads a boolean: any non-zero byte is `true`, as the Java client reads it.
#[inline]
pub fn read_bool(buf: &mut impl Buf) -> Result<bool, DecodeErrorKind> {
    ensure(buf.remaining(), 1)?;
    Ok(buf.get_u8() != 0)
}

/// Writes a boolean as one byte, 0 or 1.
#[inline]
pub fn write_bool(buf: &mut impl BufMut, value: bool) {
    buf.put_u8(value as u8)
}
