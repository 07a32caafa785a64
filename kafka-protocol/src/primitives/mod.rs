//! The wire encodings Kafka messages are built from.
//!
//! Fixed-width integers are big-endian. Flexible message versions use "compact" forms: lengths as
//! unsigned varints holding `length + 1`, where 0 means null. Every reader takes the input as
//! [`bytes::Bytes`] and checks each length against what remains before slicing or allocating.

mod array;
mod bytes_field;
mod context;
mod fixed;
mod string;
mod tagged;
mod uuid;
mod varint;

pub use array::{array_len_len, read_array, read_array_len, write_array_len};
pub use bytes_field::{
    bytes_len, nullable_bytes_len, read_bytes, read_nullable_bytes, write_bytes, write_nullable_bytes,
};
pub use context::Ctx;
pub use fixed::*;
pub use string::{
    nullable_string_len, read_nullable_string, read_string, string_len, write_nullable_string, write_string,
};
pub use tagged::{raw_tagged_fields_len, read_tagged_fields, tagged_field_len, write_raw_tagged_until, RawTaggedField};
pub use uuid::{read_uuid, write_uuid, Uuid};
pub use varint::*;

use crate::DecodeErrorKind;

/// Fails unless `buf` holds at least `needed` more bytes.
#[inline]
pub(crate) fn ensure(remaining: usize, needed: usize) -> Result<(), DecodeErrorKind> {
    if remaining < needed {
        Err(DecodeErrorKind::UnexpectedEof { needed, remaining })
    } else {
        Ok(())
    }
}
