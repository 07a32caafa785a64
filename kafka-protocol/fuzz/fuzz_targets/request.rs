//! Arbitrary bytes as a request frame, the way a broker reads it: header first (its version
//! chosen from the API key and version it starts with), then the body by API key. Nothing may
//! panic, hang or allocate beyond what the input justifies; whatever decodes must re-encode.

#![no_main]

use bytes::{Bytes, BytesMut};
use kfk_protocol::frame;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok((header, body)) = frame::decode_request(Bytes::copy_from_slice(data)) else { return };
    let version = header.request_api_version;
    let mut out = BytesMut::new();
    // A decoded body always fits its own version again.
    body.encode(&mut out, version).expect("a decoded request re-encodes");
    assert_eq!(out.len(), body.encoded_len(version));
});
