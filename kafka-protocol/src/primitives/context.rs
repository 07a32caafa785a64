//! Attaching field names to errors as they unwind out of nested decoders and encoders.

use crate::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind};

/// Adds a field name to a failure, turning low-level error kinds into located errors.
pub trait Ctx {
    /// The located result.
    type Located;
    /// Maps an error to one located at `field`.
    fn ctx(self, field: &'static str) -> Self::Located;
}

macro_rules! ctx_impl {
    ($($from:ty => $to:ty;)*) => {$(
        impl<T> Ctx for Result<T, $from> {
            type Located = Result<T, $to>;

            #[inline]
            fn ctx(self, field: &'static str) -> Result<T, $to> {
                match self {
                    Ok(v) => Ok(v),
                    Err(e) => Err(<$to>::from(e).at(field)),
                }
            }
        }
    )*};
}

ctx_impl! {
    DecodeErrorKind => DecodeError;
    DecodeError => DecodeError;
    EncodeErrorKind => EncodeError;
    EncodeError => EncodeError;
}
