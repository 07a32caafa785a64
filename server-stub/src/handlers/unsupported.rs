//! The answer to a request the stub does not serve: an API it does not implement, or a version
//! of a served API it does not advertise.
//!
//! Kafka closes the connection on such a request. The stub answers it instead, at the request's
//! own version, with UNSUPPORTED_VERSION in every error field its response has
//! ([`super::error_answer`]): a client talking to the stub then fails that one call with an
//! error naming the cause, rather than seeing a dropped connection it would retry or report as
//! a network fault. Only a response with no error field at that version (DescribeLogDirs v0-2)
//! leaves nothing to answer with, and the connection is closed as Kafka would.

use kfk_protocol::messages::{MetadataResponse, RequestBody, ResponseBody};
use kfk_protocol::ErrorCode;

/// The UNSUPPORTED_VERSION answer to `request` at `version`, or `None` if its response cannot
/// carry the error (the caller closes the connection).
pub(crate) fn response(request: &RequestBody, version: i16, brokers: MetadataResponse) -> Option<ResponseBody> {
    super::error_answer::answer(request, version, ErrorCode::UNSUPPORTED_VERSION.0, brokers)
}
