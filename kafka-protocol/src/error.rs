//! Typed errors for encoding and decoding.

use std::fmt;

/// What went wrong while reading bytes, without the location (see [`DecodeError`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeErrorKind {
    /// The input ended before a value was complete.
    #[error("input ended early: needed {needed} more bytes, {remaining} left")]
    UnexpectedEof {
        /// Bytes the value needed.
        needed: usize,
        /// Bytes that were left.
        remaining: usize,
    },
    /// An unsigned varint ran past 5 bytes (or a varlong past 10).
    #[error("varint longer than its type allows")]
    VarintTooLong,
    /// A length prefix was negative where null is not a valid reading.
    #[error("invalid length {0}")]
    InvalidLength(i64),
    /// A length prefix claims more bytes (or elements) than the input holds.
    #[error("length {len} exceeds the {remaining} bytes left")]
    LengthExceedsInput {
        /// The length read.
        len: usize,
        /// Bytes left in the input.
        remaining: usize,
    },
    /// A string was not valid UTF-8.
    #[error("string is not valid UTF-8")]
    InvalidUtf8,
    /// A null was read where this version does not allow one.
    #[error("null where the version does not allow null")]
    UnexpectedNull,
    /// The version is outside what the schema defines.
    #[error("unsupported version {0}")]
    UnsupportedVersion(i16),
    /// The API key is not one this crate knows.
    #[error("unknown api key {0}")]
    UnknownApiKey(i16),
    /// A value was out of the range its field allows.
    #[error("invalid value: {0}")]
    InvalidValue(&'static str),
}

/// A failure to decode, with the message, version and field path where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// The schema being decoded (`ProduceRequest`), or `""` below the message level.
    pub message: &'static str,
    /// The version being decoded.
    pub version: i16,
    /// Field names from the message down to the failing field (outermost first).
    pub path: Vec<&'static str>,
    /// What went wrong.
    pub kind: DecodeErrorKind,
}

impl DecodeError {
    /// An error with no location yet.
    pub fn new(kind: DecodeErrorKind) -> Self {
        DecodeError { message: "", version: -1, path: Vec::new(), kind }
    }

    /// Adds the enclosing field to the path (called while unwinding, innermost first).
    #[cold]
    pub fn at(mut self, field: &'static str) -> Self {
        self.path.insert(0, field);
        self
    }

    /// Names the schema and version being decoded.
    #[cold]
    pub fn in_message(mut self, message: &'static str, version: i16) -> Self {
        self.message = message;
        self.version = version;
        self
    }
}

impl From<DecodeErrorKind> for DecodeError {
    #[cold]
    fn from(kind: DecodeErrorKind) -> Self {
        DecodeError::new(kind)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = if self.message.is_empty() { "message" } else { self.message };
        write!(f, "cannot decode {message} v{}", self.version)?;
        if !self.path.is_empty() {
            write!(f, " field {}", self.path.join("."))?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}

/// What went wrong while writing a value, without the location (see [`EncodeError`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncodeErrorKind {
    /// The field holds a non-default value but the version does not carry the field.
    #[error("non-default value in a field this version does not carry")]
    FieldNotInVersion,
    /// The field is null but the version does not allow null.
    #[error("null in a field this version requires to be non-null")]
    NullNotAllowed,
    /// A string longer than 32767 bytes (the int16 length limit).
    #[error("string of {0} bytes exceeds the 32767-byte limit")]
    StringTooLong(usize),
    /// A byte field or array longer than an int32 length can say.
    #[error("length {0} exceeds the protocol's limit")]
    TooLong(usize),
    /// Unknown tagged fields are set but the version is not flexible.
    #[error("tagged fields set but this version is not flexible")]
    TaggedFieldsNotSupported,
    /// The version is outside what the schema defines.
    #[error("unsupported version {0}")]
    UnsupportedVersion(i16),
}

/// A failure to encode, with the message, version and field path where it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    /// The schema being encoded.
    pub message: &'static str,
    /// The version being encoded.
    pub version: i16,
    /// Field names from the message down to the failing field (outermost first).
    pub path: Vec<&'static str>,
    /// What went wrong.
    pub kind: EncodeErrorKind,
}

impl EncodeError {
    /// An error with no location yet.
    pub fn new(kind: EncodeErrorKind) -> Self {
        EncodeError { message: "", version: -1, path: Vec::new(), kind }
    }

    /// Adds the enclosing field to the path (called while unwinding, innermost first).
    #[cold]
    pub fn at(mut self, field: &'static str) -> Self {
        self.path.insert(0, field);
        self
    }

    /// Names the schema and version being encoded.
    #[cold]
    pub fn in_message(mut self, message: &'static str, version: i16) -> Self {
        self.message = message;
        self.version = version;
        self
    }
}

impl From<EncodeErrorKind> for EncodeError {
    #[cold]
    fn from(kind: EncodeErrorKind) -> Self {
        EncodeError::new(kind)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = if self.message.is_empty() { "message" } else { self.message };
        write!(f, "cannot encode {message} v{}", self.version)?;
        if !self.path.is_empty() {
            write!(f, " field {}", self.path.join("."))?;
        }
        write!(f, ": {}", self.kind)
    }
}

impl std::error::Error for EncodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.kind)
    }
}
