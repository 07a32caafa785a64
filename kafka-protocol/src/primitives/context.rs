//! Attaching field names to errors as they unwind out of nested decoders and encoders.

use crate::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind};

/// Adds a field name to a decode failure.
pub trait DecodeCtx<T> {
    /// Maps an error to a [`DecodeError`] located at `field`.
    fn ctx(self, field: &'static str) -> Result<T, DecodeError>;
}

impl<T> DecodeCtx<T> for Result<T, DecodeErrorKind> {
    #[inline]
    fn ctx(self, field: &'static str) -> Result<T, DecodeError> {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(DecodeError::from(e).at(field)),
        }
    }
}

impl<T> DecodeCtx<T> for Result<T, DecodeError> {
    #[inline]
    fn ctx(self, field: &'static str) -> Result<T, DecodeError> {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(e.at(field)),
        }
    }
}

/// Adds a field name to an encode failure.
pub trait EncodeCtx<T> {
    /// Maps an error to an [`EncodeError`] located at `field`.
    fn ctx(self, field: &'static str) -> Result<T, EncodeError>;
}

impl<T> EncodeCtx<T> for Result<T, EncodeErrorKind> {
    #[inline]
    fn ctx(self, field: &'static str) -> Result<T, EncodeError> {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(EncodeError::from(e).at(field)),
        }
    }
}

impl<T> EncodeCtx<T> for Result<T, EncodeError> {
    #[inline]
    fn ctx(self, field: &'static str) -> Result<T, EncodeError> {
        match self {
            Ok(v) => Ok(v),
            Err(e) => Err(e.at(field)),
        }
    }
}
