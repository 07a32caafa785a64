//! Property: every generated message, at every version, survives encode -> decode -> encode
//! unchanged, and `encoded_len` predicts the encoded size exactly. Truncated encodings fail with
//! a typed error instead of panicking.

use bytes::BytesMut;
use kfk_protocol::messages::{ApiKey, RequestBody, ResponseBody};
use kfk_protocol::random::Rng;
use proptest::prelude::*;

macro_rules! check_body {
    ($name:ident, $body:ident) => {
        fn $name(key: ApiKey, version: i16, seed: u64) -> Result<(), TestCaseError> {
            let fail = |e: &dyn std::fmt::Display| TestCaseError::fail(format!("{key:?} v{version}: {e}"));
            let message = $body::random(key, &mut Rng::new(seed), version);
            let mut buf = BytesMut::new();
            message.encode(&mut buf, version).map_err(|e| fail(&e))?;
            prop_assert_eq!(buf.len(), message.encoded_len(version), "{:?} v{} length", key, version);
            let bytes = buf.freeze();
            let decoded = $body::decode(key, &mut bytes.clone(), version).map_err(|e| fail(&e))?;
            prop_assert_eq!(&decoded, &message, "{:?} v{}", key, version);
            let mut again = BytesMut::new();
            decoded.encode(&mut again, version).map_err(|e| fail(&e))?;
            prop_assert_eq!(&again[..], &bytes[..]);
            // Every strict prefix is an error (or a shorter valid message), never a panic.
            for cut in 0..bytes.len() {
                let _ = $body::decode(key, &mut bytes.slice(..cut), version);
            }
            Ok(())
        }
    };
}

check_body!(check_request, RequestBody);
check_body!(check_response, ResponseBody);

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_request_round_trips(seed: u64) {
        for &key in ApiKey::ALL {
            let range = key.versions();
            for version in range.min..=range.max {
                check_request(key, version, seed)?;
            }
        }
    }

    #[test]
    fn every_response_round_trips(seed: u64) {
        for &key in ApiKey::ALL {
            let range = key.versions();
            for version in range.min..=range.max {
                check_response(key, version, seed)?;
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(data: Vec<u8>, key_index: usize, version: i16) {
        let key = ApiKey::ALL[key_index % ApiKey::ALL.len()];
        let bytes = bytes::Bytes::from(data);
        let _ = RequestBody::decode(key, &mut bytes.clone(), version);
        let _ = ResponseBody::decode(key, &mut bytes.clone(), version);
    }
}

#[test]
fn a_value_the_version_cannot_carry_is_an_encode_error() {
    use kfk_protocol::messages::MetadataRequest;
    use kfk_protocol::{Encode, EncodeErrorKind};
    // MetadataRequest has AllowAutoTopicCreation (default true, not ignorable) from v4 on:
    // turning auto-creation off cannot be expressed at v3, so encoding must refuse.
    let request = MetadataRequest { allow_auto_topic_creation: false, ..Default::default() };
    let err = request.encode(&mut BytesMut::new(), 3).unwrap_err();
    assert_eq!(err.kind, EncodeErrorKind::FieldNotInVersion);
    assert_eq!(err.path, vec!["allow_auto_topic_creation"]);
    assert_eq!((err.message, err.version), ("MetadataRequest", 3));
    assert!(request.encode(&mut BytesMut::new(), 4).is_ok());
    // The default value is fine at any version.
    assert!(MetadataRequest::default().encode(&mut BytesMut::new(), 3).is_ok());
}

#[test]
fn decode_errors_name_message_version_and_field() {
    use kfk_protocol::messages::MetadataRequest;
    use kfk_protocol::Decode;
    // v12: a compact array announcing 5 topics, but nothing follows.
    let err = MetadataRequest::decode(&mut bytes::Bytes::from_static(&[6]), 12).unwrap_err();
    assert_eq!(err.message, "MetadataRequest");
    assert_eq!(err.version, 12);
    assert_eq!(err.path, vec!["topics"]);
    assert!(err.to_string().contains("MetadataRequest v12 field topics"), "{err}");
}

/// With `FUZZ_SEEDS=<dir>` set, writes a seed corpus for the `request` and `response` fuzz
/// targets: one valid request frame and one response body per API and version.
#[test]
fn write_fuzz_seeds() {
    let Some(dir) = std::env::var_os("FUZZ_SEEDS") else { return };
    let dir = std::path::Path::new(&dir);
    std::fs::create_dir_all(dir.join("request")).unwrap();
    std::fs::create_dir_all(dir.join("response")).unwrap();
    for (index, &key) in ApiKey::ALL.iter().enumerate() {
        let range = key.versions();
        for version in range.min..=range.max {
            let mut rng = Rng::new(version as u64 * 31 + index as u64);
            let request = RequestBody::random(key, &mut rng, version);
            let header = kfk_protocol::messages::RequestHeader {
                request_api_key: key.key(),
                request_api_version: version,
                correlation_id: 1,
                client_id: Some("seed".into()),
                ..Default::default()
            };
            let mut frame = BytesMut::new();
            kfk_protocol::Encode::encode(&header, &mut frame, key.request_header_version(version)).unwrap();
            request.encode(&mut frame, version).unwrap();
            std::fs::write(dir.join("request").join(format!("{}-v{version}", key.name())), &frame).unwrap();

            let response = ResponseBody::random(key, &mut rng, version);
            let offset = (version - range.min) as u16;
            let mut body = BytesMut::from(&[index as u8][..]);
            body.extend_from_slice(&offset.to_be_bytes());
            response.encode(&mut body, version).unwrap();
            std::fs::write(dir.join("response").join(format!("{}-v{version}", key.name())), &body).unwrap();
        }
    }
}
