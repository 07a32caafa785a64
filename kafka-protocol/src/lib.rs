//! The Apache Kafka wire protocol, without I/O.
//!
//! Kafka clients and brokers exchange size-prefixed frames. Each request frame carries a
//! [`RequestHeader`](messages::RequestHeader) naming the API (its [`ApiKey`](messages::ApiKey)) and
//! the version the sender chose; the response echoes the request's correlation id and is encoded at
//! the same version. This crate knows how every API message looks at every version Apache Kafka
//! defines, and how record batches (the payload of Produce and Fetch) are laid out and compressed.
//!
//! - [`messages`]: one Rust type per request, response, header and data schema, generated from the
//!   message specs that ship with Apache Kafka (see the stamp in each generated file).
//! - [`frame`]: framing, header versions, and decoding a request or response body by API key.
//! - [`primitives`]: the wire encodings the messages are made of (varints, compact strings, ...).
//! - [`acl`]: the ACL resource types, pattern types, operations and permission types the ACL
//!   messages carry as bare codes (hand-written: codegen writes only `messages`).
//!
//! Decoding never trusts a length read from the input: it is checked against what remains
//! before anything is allocated, and every failure is a [`DecodeError`] naming the message,
//! version and field.
//!
//! ```
//! use bytes::BytesMut;
//! use kfk_protocol::messages::MetadataRequest;
//! use kfk_protocol::{Decode, Encode};
//!
//! let request = MetadataRequest { allow_auto_topic_creation: true, ..Default::default() };
//! let mut buf = BytesMut::new();
//! request.encode(&mut buf, 12).unwrap();
//! assert_eq!(buf.len(), request.encoded_len(12));
//! let decoded = MetadataRequest::decode(&mut buf.freeze(), 12).unwrap();
//! assert_eq!(decoded, request);
//! ```

pub mod acl;
pub mod compression;
pub mod error;
pub mod error_code;
pub mod frame;
#[cfg(feature = "json")]
pub mod json;
#[rustfmt::skip]
#[allow(clippy::all)]
pub mod messages;
pub mod primitives;
#[cfg(feature = "random")]
pub mod random;
pub mod records;

pub use error::{DecodeError, DecodeErrorKind, EncodeError, EncodeErrorKind};
pub use error_code::ErrorCode;
pub use primitives::{RawTaggedField, Uuid};

use bytes::{Bytes, BytesMut};

/// Writes a value in the wire format of one protocol version.
pub trait Encode {
    /// Appends the encoding of `self` at `version` to `buf`.
    ///
    /// Fails when `self` holds something `version` cannot carry (a non-default value in a field
    /// the version lacks, a null where the version forbids one, an oversized string), as the Java
    /// client does.
    fn encode(&self, buf: &mut BytesMut, version: i16) -> Result<(), EncodeError>;

    /// The number of bytes [`Encode::encode`] appends for `version`.
    fn encoded_len(&self, version: i16) -> usize;
}

/// Reads a value in the wire format of one protocol version.
pub trait Decode: Sized {
    /// Reads one value from the front of `buf`, advancing it past what was read. Byte fields are
    /// zero-copy slices of `buf`.
    fn decode(buf: &mut Bytes, version: i16) -> Result<Self, DecodeError>;
}

/// An inclusive range of protocol versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VersionRange {
    /// Lowest version.
    pub min: i16,
    /// Highest version.
    pub max: i16,
}

impl VersionRange {
    /// Whether `version` lies in the range.
    pub const fn contains(&self, version: i16) -> bool {
        version >= self.min && version <= self.max
    }
}

/// A top-level message schema: a request, a response, a header or a data schema.
pub trait Message: Encode + Decode + Default + Clone + std::fmt::Debug + PartialEq {
    /// The schema's name, as in Kafka's spec (`ProduceRequest`).
    const NAME: &'static str;
    /// Versions this schema defines.
    const VERSIONS: VersionRange;
    /// The first flexible version (compact encodings, tagged fields), if any.
    const FLEXIBLE_SINCE: Option<i16>;

    /// Whether `version` uses the flexible encoding.
    fn is_flexible(version: i16) -> bool {
        matches!(Self::FLEXIBLE_SINCE, Some(v) if version >= v)
    }

    /// The error of the whole call, for a response whose schema has a top-level `ErrorCode`
    /// (`NONE` when it succeeded); `None` for messages without one, whose errors are per item.
    fn top_level_error(&self) -> Option<ErrorCode> {
        None
    }
}

/// A request body: names its API key and the type of the response it gets.
pub trait Request: Message {
    /// The API this request belongs to.
    const API_KEY: messages::ApiKey;
    /// The body a broker answers with, at the same version.
    type Response: Message;
}
