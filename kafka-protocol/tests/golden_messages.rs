//! Golden cross-check against the Java client (run by `cargo xtask golden`, which sets
//! `GOLDEN_DIR`; without it this test does nothing).
//!
//! 1. Every vector the Java client encoded (`$GOLDEN_DIR/messages/java/<Spec>-v<N>-<variant>.bin`)
//!    must decode here to the values in the Java JSON rendering next to it, consume every byte,
//!    and re-encode to identical bytes with `encoded_len` equal to the size.
//! 2. Random messages of every spec and version are written to `$GOLDEN_DIR/messages/rust/` with
//!    their JSON rendering, for the Java side to decode and compare.
//!
//! Each vector prints `GOLDEN messages/java/<name> PASS` or `... FAIL <reason>`.

use std::path::Path;

use bytes::{Bytes, BytesMut};
use kfk_protocol::json::ToJson;
use kfk_protocol::messages::data::*;
use kfk_protocol::messages::{ApiKey, RequestBody, RequestHeader, ResponseBody, ResponseHeader};
use kfk_protocol::random::{Random, Rng};
use kfk_protocol::{Message, VersionRange};
use serde_json::Value;

/// What decoding a vector gave.
struct Decoded {
    json: Value,
    reencoded: Bytes,
    encoded_len: usize,
    leftover: usize,
}

fn decode_typed<M: Message + ToJson>(bytes: &Bytes, version: i16) -> Result<Decoded, String> {
    let mut buf = bytes.clone();
    let message = M::decode(&mut buf, version).map_err(|e| e.to_string())?;
    let mut out = BytesMut::new();
    message.encode(&mut out, version).map_err(|e| e.to_string())?;
    Ok(Decoded {
        json: message.to_json(version),
        reencoded: out.freeze(),
        encoded_len: message.encoded_len(version),
        leftover: buf.len(),
    })
}

fn random_typed<M: Message + ToJson + Random>(version: i16, seed: u64) -> Result<(Bytes, Value), String> {
    let message = M::random(&mut Rng::new(seed), version);
    let mut out = BytesMut::new();
    message.encode(&mut out, version).map_err(|e| e.to_string())?;
    Ok((out.freeze(), message.to_json(version)))
}

/// Applies `$action::<Type>` to the spec named `$spec`, for headers and data schemas.
macro_rules! other_specs {
    ($spec:expr, $call:ident ( $($arg:expr),* )) => {
        match $spec {
            "RequestHeader" => Some($call::<RequestHeader>($($arg),*)),
            "ResponseHeader" => Some($call::<ResponseHeader>($($arg),*)),
            "AbortedTxn" => Some($call::<AbortedTxn>($($arg),*)),
            "ConsumerProtocolAssignment" => Some($call::<ConsumerProtocolAssignment>($($arg),*)),
            "ConsumerProtocolSubscription" => Some($call::<ConsumerProtocolSubscription>($($arg),*)),
            "ControlRecordTypeSchema" => Some($call::<ControlRecordTypeSchema>($($arg),*)),
            "DefaultPrincipalData" => Some($call::<DefaultPrincipalData>($($arg),*)),
            "EndTxnMarker" => Some($call::<EndTxnMarker>($($arg),*)),
            "KRaftVersionRecord" => Some($call::<KRaftVersionRecord>($($arg),*)),
            "LeaderChangeMessage" => Some($call::<LeaderChangeMessage>($($arg),*)),
            "SnapshotFooterRecord" => Some($call::<SnapshotFooterRecord>($($arg),*)),
            "SnapshotHeaderRecord" => Some($call::<SnapshotHeaderRecord>($($arg),*)),
            "VotersRecord" => Some($call::<VotersRecord>($($arg),*)),
            _ => None,
        }
    };
}

fn versions_of<M: Message>() -> VersionRange {
    M::VERSIONS
}

fn api_key_of(spec: &str) -> Option<(ApiKey, bool)> {
    let (base, is_request) = match (spec.strip_suffix("Request"), spec.strip_suffix("Response")) {
        (Some(b), _) => (b, true),
        (_, Some(b)) => (b, false),
        _ => return None,
    };
    ApiKey::ALL.iter().find(|k| k.name() == base).map(|k| (*k, is_request))
}

fn decode_any(spec: &str, version: i16, bytes: &Bytes) -> Result<Decoded, String> {
    if let Some(result) = other_specs!(spec, decode_typed(bytes, version)) {
        return result;
    }
    let (key, is_request) = api_key_of(spec).ok_or_else(|| format!("unknown spec {spec}"))?;
    let mut buf = bytes.clone();
    let (json, encoded_len, reencoded) = if is_request {
        let m = RequestBody::decode(key, &mut buf, version).map_err(|e| e.to_string())?;
        let mut out = BytesMut::new();
        m.encode(&mut out, version).map_err(|e| e.to_string())?;
        (m.to_json(version), m.encoded_len(version), out.freeze())
    } else {
        let m = ResponseBody::decode(key, &mut buf, version).map_err(|e| e.to_string())?;
        let mut out = BytesMut::new();
        m.encode(&mut out, version).map_err(|e| e.to_string())?;
        (m.to_json(version), m.encoded_len(version), out.freeze())
    };
    Ok(Decoded { json, reencoded, encoded_len, leftover: buf.len() })
}

fn random_any(spec: &str, version: i16, seed: u64) -> Result<(Bytes, Value), String> {
    if let Some(result) = other_specs!(spec, random_typed(version, seed)) {
        return result;
    }
    let (key, is_request) = api_key_of(spec).ok_or_else(|| format!("unknown spec {spec}"))?;
    let mut out = BytesMut::new();
    let json = if is_request {
        let m = RequestBody::random(key, &mut Rng::new(seed), version);
        m.encode(&mut out, version).map_err(|e| e.to_string())?;
        m.to_json(version)
    } else {
        let m = ResponseBody::random(key, &mut Rng::new(seed), version);
        m.encode(&mut out, version).map_err(|e| e.to_string())?;
        m.to_json(version)
    };
    Ok((out.freeze(), json))
}

/// Every spec with its versions.
fn all_specs() -> Vec<(String, VersionRange)> {
    let mut out = Vec::new();
    for key in ApiKey::ALL {
        out.push((format!("{}Request", key.name()), key.versions()));
        out.push((format!("{}Response", key.name()), key.versions()));
    }
    for name in [
        "RequestHeader",
        "ResponseHeader",
        "AbortedTxn",
        "ConsumerProtocolAssignment",
        "ConsumerProtocolSubscription",
        "ControlRecordTypeSchema",
        "DefaultPrincipalData",
        "EndTxnMarker",
        "KRaftVersionRecord",
        "LeaderChangeMessage",
        "SnapshotFooterRecord",
        "SnapshotHeaderRecord",
        "VotersRecord",
    ] {
        let range = other_specs!(name, versions_of()).expect("listed specs are dispatched");
        out.push((name.to_string(), range));
    }
    out
}

/// Parses `<Spec>-v<N>-<variant>`.
fn parse_stem(stem: &str) -> Option<(&str, i16)> {
    let mut parts = stem.split('-');
    let spec = parts.next()?;
    let version = parts.next()?.strip_prefix('v')?.parse().ok()?;
    Some((spec, version))
}

fn check_java_vector(dir: &Path, stem: &str) -> Result<(), String> {
    let (spec, version) = parse_stem(stem).ok_or("bad vector name")?;
    let bytes = Bytes::from(std::fs::read(dir.join(format!("{stem}.bin"))).map_err(|e| e.to_string())?);
    let expected: Value =
        serde_json::from_slice(&std::fs::read(dir.join(format!("{stem}.json"))).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    let decoded = decode_any(spec, version, &bytes)?;
    if decoded.leftover != 0 {
        return Err(format!("{} bytes left after decoding", decoded.leftover));
    }
    if decoded.json != expected {
        return Err(format!("values differ: rust={} java={}", decoded.json, expected));
    }
    if decoded.reencoded != bytes {
        return Err(format!("re-encoding differs ({} vs {} bytes)", decoded.reencoded.len(), bytes.len()));
    }
    if decoded.encoded_len != bytes.len() {
        return Err(format!("encoded_len {} but {} bytes", decoded.encoded_len, bytes.len()));
    }
    Ok(())
}

#[test]
fn golden_messages() {
    let Some(root) = std::env::var_os("GOLDEN_DIR") else {
        eprintln!("GOLDEN_DIR is not set: skipped (run `cargo xtask golden`)");
        return;
    };
    let root = Path::new(&root).join("messages");
    let java = root.join("java");
    let mut stems: Vec<String> = std::fs::read_dir(&java)
        .expect("the Java side wrote its vectors")
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".bin").map(String::from))
        .collect();
    stems.sort();
    let mut failed = 0;
    for stem in &stems {
        match check_java_vector(&java, stem) {
            Ok(()) => println!("GOLDEN messages/java/{stem} PASS"),
            Err(reason) => {
                failed += 1;
                println!("GOLDEN messages/java/{stem} FAIL {reason}");
            }
        }
    }

    // Rust-encoded vectors for the Java side.
    let rust = root.join("rust");
    std::fs::create_dir_all(&rust).expect("create the rust vector directory");
    for (spec, range) in all_specs() {
        for version in range.min..=range.max {
            for seed in [1u64, 2] {
                let stem = format!("{spec}-v{version}-r{seed}");
                match random_any(&spec, version, seed * 7919 + version as u64) {
                    Ok((bytes, json)) => {
                        std::fs::write(rust.join(format!("{stem}.bin")), &bytes).expect("write vector");
                        std::fs::write(rust.join(format!("{stem}.json")), json.to_string()).expect("write vector json");
                    }
                    Err(reason) => {
                        failed += 1;
                        println!("GOLDEN messages/rust/{stem} FAIL {reason}");
                    }
                }
            }
        }
    }
    assert!(!stems.is_empty(), "no Java vectors found in {}", java.display());
    assert_eq!(failed, 0, "{failed} golden vectors failed");
}
