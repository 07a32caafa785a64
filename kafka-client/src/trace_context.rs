//! Carrying a trace through Kafka: the W3C Trace Context `traceparent` header.
//!
//! OpenTelemetry's Kafka instrumentations (Java's, librdkafka users', franz-go's `kotel`) put
//! the producing span's context into each record as a `traceparent` header and continue the
//! trace from it when the record is consumed. [`TraceParent`] writes and reads that header, so a
//! Rust service joins the same traces without depending on an OpenTelemetry SDK: take the ids
//! from whatever tracer you run, and hand the parsed ids back to it.
//!
//! ```
//! use kfk_client::consumer::Headers;
//! use kfk_client::producer::ProducerRecord;
//! use kfk_client::trace_context::TraceParent;
//!
//! // Producing: the ids of the span that sends the record.
//! let parent = TraceParent::new(0x4bf92f3577b34da6a3ce929d0e0e4736, 0x00f067aa0ba902b7, true);
//! let value = parent.header_value(); // 55 bytes on the stack: nothing allocated per record
//! let headers = [(TraceParent::HEADER, Some(&value[..]))];
//! let record = ProducerRecord::new("orders").value("v").headers(&headers);
//! # let _ = record;
//! assert_eq!(parent.to_string(), "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
//!
//! // Consuming: the context the producer left, if any.
//! let read = Headers::new().add(TraceParent::HEADER, value);
//! assert_eq!(TraceParent::from_headers(&read)?, Some(parent));
//! assert_eq!(TraceParent::from_headers(&Headers::default())?, None);
//! # Ok::<(), kfk_client::trace_context::TraceContextError>(())
//! ```

use std::fmt;

use kfk_protocol::records::Headers;

/// A `traceparent` header's content (W3C Trace Context, version `00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TraceParent {
    /// The trace all spans share (16 bytes, never zero).
    pub trace_id: u128,
    /// The span that produced the record: the consumer's span's parent (8 bytes, never zero).
    pub parent_id: u64,
    /// The trace flags; bit 0 is `sampled`.
    pub flags: u8,
}

/// Why a `traceparent` header could not be read. The header came from another process: a
/// consumer should log this and start a new trace rather than fail the record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TraceContextError {
    /// The header is not `version-traceid-parentid-flags` in lowercase hex.
    #[error("the traceparent header is malformed ({reason}); expected 00-<32 hex>-<16 hex>-<2 hex>")]
    Malformed {
        /// What did not fit.
        reason: &'static str,
    },
    /// Version `ff` is forbidden by the specification.
    #[error("the traceparent header has the forbidden version ff")]
    ForbiddenVersion,
    /// An all-zero trace or parent id marks an invalid context.
    #[error("the traceparent header has an all-zero {which}, which marks an invalid context")]
    ZeroId {
        /// `trace-id` or `parent-id`.
        which: &'static str,
    },
}

/// The length of a version-00 `traceparent` value.
const LEN: usize = 55;

impl TraceParent {
    /// The header's name, as OpenTelemetry's propagators write it.
    pub const HEADER: &'static str = "traceparent";

    /// A context for the span `parent_id` of trace `trace_id`.
    pub fn new(trace_id: u128, parent_id: u64, sampled: bool) -> TraceParent {
        TraceParent { trace_id, parent_id, flags: u8::from(sampled) }
    }

    /// Whether the producer's tracer sampled the trace (flag bit 0).
    pub fn sampled(&self) -> bool {
        self.flags & 1 == 1
    }

    /// The header value, `00-<trace-id>-<parent-id>-<flags>`, without allocating.
    pub fn header_value(&self) -> [u8; LEN] {
        let mut out = [0u8; LEN];
        out[..3].copy_from_slice(b"00-");
        hex_into(&mut out[3..35], &self.trace_id.to_be_bytes());
        out[35] = b'-';
        hex_into(&mut out[36..52], &self.parent_id.to_be_bytes());
        out[52] = b'-';
        hex_into(&mut out[53..55], &[self.flags]);
        out
    }

    /// Reads a header value. Versions after `00` are read as the specification asks: their
    /// first four fields as version 00's, anything after a further `-` ignored.
    pub fn parse(value: &[u8]) -> Result<TraceParent, TraceContextError> {
        let malformed = |reason| TraceContextError::Malformed { reason };
        if value.len() < LEN {
            return Err(malformed("shorter than 55 bytes"));
        }
        let version = hex_byte(&value[0..2]).ok_or(malformed("version is not two lowercase hex digits"))?;
        if version == 0xff {
            return Err(TraceContextError::ForbiddenVersion);
        }
        if (version == 0 && value.len() != LEN) || (version > 0 && value.len() > LEN && value[LEN] != b'-') {
            return Err(malformed("unexpected bytes after the flags"));
        }
        if value[2] != b'-' || value[35] != b'-' || value[52] != b'-' {
            return Err(malformed("fields are not separated by '-'"));
        }
        let trace_id = hex_u128(&value[3..35]).ok_or(malformed("trace-id is not 32 lowercase hex digits"))?;
        let parent_id = hex_u128(&value[36..52]).ok_or(malformed("parent-id is not 16 lowercase hex digits"))?;
        let flags = hex_byte(&value[53..55]).ok_or(malformed("flags are not two lowercase hex digits"))?;
        if trace_id == 0 {
            return Err(TraceContextError::ZeroId { which: "trace-id" });
        }
        if parent_id == 0 {
            return Err(TraceContextError::ZeroId { which: "parent-id" });
        }
        Ok(TraceParent { trace_id, parent_id: parent_id as u64, flags })
    }

    /// The context in a record's headers (the last `traceparent`, as Kafka's `lastHeader`), or
    /// `None` when there is none.
    pub fn from_headers(headers: &Headers) -> Result<Option<TraceParent>, TraceContextError> {
        headers.get(Self::HEADER).map(|value| Self::parse(&value)).transpose()
    }
}

impl fmt::Display for TraceParent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "00-{:032x}-{:016x}-{:02x}", self.trace_id, self.parent_id, self.flags)
    }
}

impl std::str::FromStr for TraceParent {
    type Err = TraceContextError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TraceParent::parse(s.as_bytes())
    }
}

fn hex_into(out: &mut [u8], bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for (pair, byte) in out.chunks_exact_mut(2).zip(bytes) {
        pair[0] = DIGITS[usize::from(byte >> 4)];
        pair[1] = DIGITS[usize::from(byte & 0xf)];
    }
}

/// Lowercase hex only: the specification forbids uppercase.
fn hex_digit(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        _ => None,
    }
}

fn hex_byte(digits: &[u8]) -> Option<u8> {
    Some(hex_digit(digits[0])? << 4 | hex_digit(digits[1])?)
}

fn hex_u128(digits: &[u8]) -> Option<u128> {
    digits.iter().try_fold(0u128, |acc, &d| Some(acc << 4 | u128::from(hex_digit(d)?)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    #[test]
    fn the_specification_example_round_trips() {
        let parsed: TraceParent = EXAMPLE.parse().expect("valid");
        assert_eq!(parsed, TraceParent::new(0x4bf92f3577b34da6a3ce929d0e0e4736, 0x00f067aa0ba902b7, true));
        assert!(parsed.sampled());
        assert_eq!(parsed.to_string(), EXAMPLE);
        assert_eq!(&parsed.header_value()[..], EXAMPLE.as_bytes());
        let unsampled = TraceParent { flags: 0, ..parsed };
        assert!(!unsampled.sampled());
        assert!(unsampled.to_string().ends_with("-00"));
    }

    #[test]
    fn later_versions_are_read_by_their_first_fields() {
        let later = format!("01{}-whatever-comes-next", &EXAMPLE[2..]);
        assert_eq!(TraceParent::parse(later.as_bytes()).expect("read").parent_id, 0x00f067aa0ba902b7);
        let glued = format!("01{}x", &EXAMPLE[2..]);
        assert!(matches!(TraceParent::parse(glued.as_bytes()), Err(TraceContextError::Malformed { .. })));
    }

    #[test]
    fn what_the_specification_rejects_is_a_typed_error() {
        type Expect = fn(&TraceContextError) -> bool;
        let cases: [(String, Expect); 8] = [
            (String::new(), |e| matches!(e, TraceContextError::Malformed { .. })),
            (EXAMPLE[..54].to_string(), |e| matches!(e, TraceContextError::Malformed { .. })),
            (format!("{EXAMPLE}-"), |e| matches!(e, TraceContextError::Malformed { .. })),
            (EXAMPLE.to_uppercase(), |e| matches!(e, TraceContextError::Malformed { .. })),
            (EXAMPLE.replacen('-', "_", 1), |e| matches!(e, TraceContextError::Malformed { .. })),
            (format!("ff{}", &EXAMPLE[2..]), |e| *e == TraceContextError::ForbiddenVersion),
            ("00-00000000000000000000000000000000-00f067aa0ba902b7-01".into(), |e| {
                *e == TraceContextError::ZeroId { which: "trace-id" }
            }),
            ("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01".into(), |e| {
                *e == TraceContextError::ZeroId { which: "parent-id" }
            }),
        ];
        for (value, expected) in cases {
            let error = TraceParent::parse(value.as_bytes()).expect_err(&value);
            assert!(expected(&error), "{value}: {error}");
        }
        // Bytes that are not even text are refused the same way.
        assert!(TraceParent::parse(&[0xff; 60]).is_err());
    }

    #[test]
    fn the_last_header_wins_and_a_missing_one_is_none() {
        let first = TraceParent::new(1, 2, false).header_value();
        let second = TraceParent::new(3, 4, true).header_value();
        let headers = Headers::new().add(TraceParent::HEADER, first).add_null("other").add(TraceParent::HEADER, second);
        assert_eq!(TraceParent::from_headers(&headers), Ok(Some(TraceParent::new(3, 4, true))));
        assert_eq!(TraceParent::from_headers(&Headers::new().add_null("other")), Ok(None));
    }
}
