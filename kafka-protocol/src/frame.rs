//! Frames: a 4-byte big-endian size followed by a header and a body.
//!
//! A request header carries the API key and version, so a broker decodes the header first and
//! then the body by key ([`decode_request`]). A response header carries only the correlation id:
//! a client decodes it knowing which request it answers ([`decode_response`]). Header versions
//! follow the body's version ([`ApiKey::request_header_version`],
//! [`ApiKey::response_header_version`]).
//!
//! ```
//! use bytes::BytesMut;
//! use kfk_protocol::frame::{self, FrameDecoder};
//! use kfk_protocol::messages::{ApiVersionsRequest, ApiVersionsResponse, RequestBody, ResponseBody};
//!
//! // Client side: frame a request.
//! let mut wire = BytesMut::new();
//! let request = ApiVersionsRequest { client_software_name: "doc".into(), ..Default::default() };
//! frame::encode_request(&mut wire, 7, Some("my-client"), &request, 3).unwrap();
//!
//! // Broker side: cut the frame, decode header and body by API key.
//! let frame = FrameDecoder::new(1 << 20).next_frame(&mut wire).unwrap().unwrap();
//! let (header, body) = frame::decode_request(frame).unwrap();
//! assert_eq!(header.correlation_id, 7);
//! assert!(matches!(body, RequestBody::ApiVersions(r) if r.client_software_name == "doc"));
//!
//! // Broker answers; client decodes knowing what it asked.
//! let mut wire = BytesMut::new();
//! let response = ResponseBody::from(ApiVersionsResponse::default());
//! frame::encode_response(&mut wire, 7, &response, 3).unwrap();
//! let frame = FrameDecoder::new(1 << 20).next_frame(&mut wire).unwrap().unwrap();
//! let (correlation_id, response) = frame::decode_response::<ApiVersionsRequest>(frame, 3).unwrap();
//! assert_eq!(correlation_id, 7);
//! assert_eq!(response.error_code, 0);
//! ```

use bytes::{Buf, BufMut, Bytes, BytesMut};

use crate::messages::{ApiKey, RequestBody, RequestHeader, ResponseBody, ResponseHeader};
use crate::{Decode, DecodeError, DecodeErrorKind, Encode, EncodeError, Request};

/// A frame larger than the receiver accepts, or with a negative size.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("frame size {size} is outside 0..={max} bytes")]
pub struct FrameSizeError {
    /// The size the frame announced.
    pub size: i64,
    /// The largest size accepted.
    pub max: usize,
}

/// Cuts size-prefixed frames off the front of a receive buffer.
#[derive(Debug, Clone, Copy)]
pub struct FrameDecoder {
    max_size: usize,
}

impl FrameDecoder {
    /// A decoder that rejects frames larger than `max_size` bytes (Kafka's brokers default to
    /// 100 MiB, `socket.request.max.bytes`).
    pub fn new(max_size: usize) -> Self {
        FrameDecoder { max_size }
    }

    /// The next complete frame (without its size prefix), or `None` if more bytes are needed.
    /// When a frame is incomplete, enough room for it is reserved in `buf`.
    pub fn next_frame(&self, buf: &mut BytesMut) -> Result<Option<Bytes>, FrameSizeError> {
        if buf.len() < 4 {
            return Ok(None);
        }
        let size = i32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]);
        if size < 0 || size as usize > self.max_size {
            return Err(FrameSizeError { size: size as i64, max: self.max_size });
        }
        let size = size as usize;
        if buf.len() < 4 + size {
            buf.reserve(4 + size - buf.len());
            return Ok(None);
        }
        buf.advance(4);
        Ok(Some(buf.split_to(size).freeze()))
    }
}

/// Appends a request frame: size, header (at the API's header version for `version`), body.
pub fn encode_request<R: Request>(
    buf: &mut BytesMut,
    correlation_id: i32,
    client_id: Option<&str>,
    body: &R,
    version: i16,
) -> Result<(), EncodeError> {
    let header = RequestHeader {
        request_api_key: R::API_KEY.key(),
        request_api_version: version,
        correlation_id,
        client_id: client_id.map(str::to_owned),
        ..Default::default()
    };
    let header_version = R::API_KEY.request_header_version(version);
    write_frame(buf, |buf| {
        header.encode(buf, header_version)?;
        body.encode(buf, version)
    })
}

/// Appends a response frame for a request of `body`'s API at `version`.
pub fn encode_response(
    buf: &mut BytesMut,
    correlation_id: i32,
    body: &ResponseBody,
    version: i16,
) -> Result<(), EncodeError> {
    let header = ResponseHeader { correlation_id, ..Default::default() };
    let header_version = body.api_key().response_header_version(version);
    write_frame(buf, |buf| {
        header.encode(buf, header_version)?;
        body.encode(buf, version)
    })
}

/// Writes a size placeholder, the content, then patches the size in.
fn write_frame(
    buf: &mut BytesMut,
    content: impl FnOnce(&mut BytesMut) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    let start = buf.len();
    buf.put_i32(0);
    if let Err(e) = content(buf) {
        buf.truncate(start);
        return Err(e);
    }
    let size = buf.len() - start - 4;
    let Ok(size) = i32::try_from(size) else {
        buf.truncate(start);
        return Err(crate::EncodeErrorKind::TooLong(size).into());
    };
    buf[start..start + 4].copy_from_slice(&size.to_be_bytes());
    Ok(())
}

/// Reads a request header from the front of a frame, choosing its version from the API key and
/// version it starts with. Fails on an API key this crate does not know.
pub fn decode_request_header(frame: &mut Bytes) -> Result<(ApiKey, RequestHeader), DecodeError> {
    if frame.len() < 4 {
        return Err(DecodeError::from(DecodeErrorKind::UnexpectedEof { needed: 4, remaining: frame.len() })
            .in_message("RequestHeader", -1));
    }
    let key = i16::from_be_bytes([frame[0], frame[1]]);
    let version = i16::from_be_bytes([frame[2], frame[3]]);
    let api_key = ApiKey::try_from(key).map_err(|k| DecodeError::from(k).in_message("RequestHeader", -1))?;
    let header = RequestHeader::decode(frame, api_key.request_header_version(version))?;
    Ok((api_key, header))
}

/// Decodes a whole request frame (without its size prefix): header, then body by API key.
pub fn decode_request(mut frame: Bytes) -> Result<(RequestHeader, RequestBody), DecodeError> {
    let (api_key, header) = decode_request_header(&mut frame)?;
    let body = RequestBody::decode(api_key, &mut frame, header.request_api_version)?;
    Ok((header, body))
}

/// Decodes a response frame (without its size prefix) answering a request of type `R` sent at
/// `version`; returns the correlation id and the body.
pub fn decode_response<R: Request>(mut frame: Bytes, version: i16) -> Result<(i32, R::Response), DecodeError> {
    let header = ResponseHeader::decode(&mut frame, R::API_KEY.response_header_version(version))?;
    let body = R::Response::decode(&mut frame, version)?;
    Ok((header.correlation_id, body))
}

/// Decodes a response frame answering a request of `api_key` at `version`, for callers that
/// pick the API at run time.
pub fn decode_response_body(
    mut frame: Bytes,
    api_key: ApiKey,
    version: i16,
) -> Result<(i32, ResponseBody), DecodeError> {
    let header = ResponseHeader::decode(&mut frame, api_key.response_header_version(version))?;
    let body = ResponseBody::decode(api_key, &mut frame, version)?;
    Ok((header.correlation_id, body))
}

/// The correlation id at the front of a response frame, without decoding the rest, so a
/// connection can route a response to the request waiting for it.
pub fn peek_correlation_id(frame: &[u8]) -> Option<i32> {
    frame.get(..4).map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{MetadataRequest, MetadataResponse};

    #[test]
    fn header_versions_follow_flexibility() {
        assert_eq!(ApiKey::Metadata.request_header_version(8), 1);
        assert_eq!(ApiKey::Metadata.request_header_version(9), 2);
        assert_eq!(ApiKey::Metadata.response_header_version(9), 1);
        // ApiVersions responses always use header v0.
        assert_eq!(ApiKey::ApiVersions.response_header_version(4), 0);
        assert_eq!(ApiKey::ApiVersions.request_header_version(4), 2);
    }

    #[test]
    fn oversized_and_negative_frames_are_rejected() {
        let decoder = FrameDecoder::new(16);
        let mut buf = BytesMut::from(&[0, 0, 0, 17][..]);
        assert!(decoder.next_frame(&mut buf).is_err());
        let mut buf = BytesMut::from(&[0xff, 0xff, 0xff, 0xff][..]);
        assert!(decoder.next_frame(&mut buf).is_err());
        let mut buf = BytesMut::from(&[0, 0, 0, 2, 1][..]);
        assert_eq!(decoder.next_frame(&mut buf), Ok(None));
    }

    #[test]
    fn unknown_api_key_is_a_typed_error() {
        let frame = Bytes::from_static(&[0x7f, 0x00, 0, 0, 0, 0, 0, 1, 0xff, 0xff]);
        let err = decode_request(frame).unwrap_err();
        assert_eq!(err.kind, DecodeErrorKind::UnknownApiKey(0x7f00));
    }

    #[test]
    fn request_and_response_round_trip() {
        let mut buf = BytesMut::new();
        let request = MetadataRequest { topics: None, allow_auto_topic_creation: true, ..Default::default() };
        encode_request(&mut buf, 42, Some("c"), &request, 12).unwrap();
        let frame = FrameDecoder::new(1024).next_frame(&mut buf).unwrap().unwrap();
        let (header, body) = decode_request(frame).unwrap();
        assert_eq!(header.client_id.as_deref(), Some("c"));
        assert_eq!(body, RequestBody::Metadata(request));

        let response = MetadataResponse { cluster_id: Some("x".into()), ..Default::default() };
        let mut buf = BytesMut::new();
        encode_response(&mut buf, 42, &response.clone().into(), 12).unwrap();
        let frame = FrameDecoder::new(1024).next_frame(&mut buf).unwrap().unwrap();
        assert_eq!(peek_correlation_id(&frame), Some(42));
        let (id, decoded) = decode_response::<MetadataRequest>(frame, 12).unwrap();
        assert_eq!((id, decoded), (42, response));
    }
}
