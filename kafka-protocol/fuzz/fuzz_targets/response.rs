//! Arbitrary bytes as a response body, the way a client reads one: the first three bytes pick
//! the API key (modulo the known ones) and the version; the rest is the body. Nothing may
//! panic, hang or allocate beyond what the input justifies; whatever decodes must re-encode.

#![no_main]

use bytes::{Bytes, BytesMut};
use kfk_protocol::messages::{ApiKey, ResponseBody};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [key, hi, lo, body @ ..] = data else { return };
    let api = ApiKey::ALL[*key as usize % ApiKey::ALL.len()];
    let range = api.versions();
    let span = (range.max - range.min + 1) as u16;
    let version = range.min + (u16::from_be_bytes([*hi, *lo]) % span) as i16;
    let Ok(response) = ResponseBody::decode(api, &mut Bytes::copy_from_slice(body), version) else { return };
    let mut out = BytesMut::new();
    response.encode(&mut out, version).expect("a decoded response re-encodes");
    assert_eq!(out.len(), response.encoded_len(version));
});
