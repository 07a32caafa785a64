//! Golden cross-check of record batches against the Java client.
//!
//! With `GOLDEN_DIR` set (see `xtask golden`): reads every `$GOLDEN_DIR/records/java/<name>.bin` the Java
//! client wrote (`GoldenRecords write`), compares what it reads with `<name>.json`, and prints
//! `GOLDEN records/java/<name> PASS|FAIL <reason>`; then writes Rust-built batches to
//! `$GOLDEN_DIR/records/rust/` with the JSON the Java client must read from them (`GoldenRecords
//! verify`). Without `GOLDEN_DIR` the test is skipped.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::path::Path;

use bytes::Bytes;
use kfk_protocol::compression::Compression;
use kfk_protocol::records::{Batch, Batches, EndTxnMarker, RecordBatchBuilder, TimestampType, TransactionResult};
use serde_json::{json, Value};

const T0: i64 = 1_700_000_000_000;

fn base64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

fn b64(data: Option<&[u8]>) -> Value {
    data.map_or(Value::Null, |d| Value::String(base64(d)))
}

/// The JSON tree for a record set, as this crate reads it.
fn describe(data: Bytes) -> Result<Value, String> {
    let mut batches = Vec::new();
    for batch in Batches::new(data) {
        let batch = batch.map_err(|e| format!("batch {}: {e}", batches.len()))?;
        let mut records = Vec::new();
        for record in batch.records().map_err(|e| format!("batch {}: {e}", batches.len()))? {
            let r = record.map_err(|e| format!("batch {} record {}: {e}", batches.len(), records.len()))?;
            let headers: Vec<Value> = r
                .headers
                .iter()
                .map(|h| json!({"key": String::from_utf8_lossy(&h.key), "value": b64(h.value.as_deref())}))
                .collect();
            records.push(json!({
                "offset": r.offset,
                "timestamp": r.timestamp,
                "key": b64(r.key.as_deref()),
                "value": b64(r.value.as_deref()),
                "headers": headers,
            }));
        }
        let base_offset = match &batch {
            Batch::V2(b) => b.header().base_offset,
            Batch::Legacy(_) => records.first().and_then(|r| r["offset"].as_i64()).unwrap_or(-1),
        };
        batches.push(json!({
            "magic": batch.magic(),
            "baseOffset": base_offset,
            "lastOffset": batch.last_offset(),
            "compression": batch.compression().name(),
            "timestampType": batch.timestamp_type().name(),
            "maxTimestamp": batch.max_timestamp(),
            "transactional": batch.is_transactional(),
            "control": batch.is_control(),
            "producerId": batch.producer_id(),
            "producerEpoch": batch.producer_epoch(),
            "baseSequence": batch.base_sequence(),
            "partitionLeaderEpoch": batch.partition_leader_epoch(),
            "records": records,
        }));
    }
    Ok(json!({ "batches": batches }))
}

/// The first difference between two JSON trees.
fn diff(path: &str, expected: &Value, actual: &Value) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let Some(av) = a.get(k) else {
                    return Some(format!("{path}.{k}: missing"));
                };
                if let Some(d) = diff(&format!("{path}.{k}"), ev, av) {
                    return Some(d);
                }
            }
            a.keys().find(|k| !e.contains_key(*k)).map(|k| format!("{path}.{k}: unexpected"))
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!("{path}: expected {} items, got {}", e.len(), a.len()));
            }
            e.iter().zip(a).enumerate().find_map(|(i, (ev, av))| diff(&format!("{path}[{i}]"), ev, av))
        }
        _ if expected == actual => None,
        _ => {
            let short = |v: &Value| v.to_string().chars().take(60).collect::<String>();
            Some(format!("{path}: expected {}, got {}", short(expected), short(actual)))
        }
    }
}

/// One record to write: timestamp, key, value, headers.
type Input = (i64, Option<Vec<u8>>, Option<Vec<u8>>, Vec<(String, Option<Vec<u8>>)>);

fn big(n: usize) -> Vec<u8> {
    (0..n).map(|i| b"golden record "[i % 14] + ((i / 1000) % 7) as u8).collect()
}

/// The same records the Java side writes.
fn sample(with_headers: bool) -> Vec<Input> {
    let s = |s: &str| Some(s.as_bytes().to_vec());
    let h = |k: &str, v: Option<Vec<u8>>| (k.to_string(), v);
    let mut v: Vec<Input> = vec![
        (
            T0,
            s("key-0"),
            s("value-0"),
            if with_headers { vec![h("trace", s("abc")), h("null-value", None)] } else { vec![] },
        ),
        (T0 + 5, None, s("null key"), vec![]),
        (T0 + 3, s("null value"), None, vec![]),
        (
            T0 + 9,
            s(""),
            s(""),
            if with_headers { vec![h("ключ", s("")), h("dup", s("1")), h("dup", s("2"))] } else { vec![] },
        ),
        (T0 + 1, None, None, vec![]),
        (T0 + 20, s("big"), Some(big(150_000)), vec![]),
    ];
    for i in 6..30 {
        v.push((T0 + i, s(&format!("k{i}")), s(&format!("value number {i}")), vec![]));
    }
    v
}

/// One batch to build, and what a reader must see in it.
struct Spec {
    codec: Compression,
    base_offset: i64,
    log_append_time: Option<i64>,
    producer: (i64, i16, i32),
    transactional: bool,
    leader_epoch: i32,
    records: Vec<Input>,
    marker: Option<EndTxnMarker>,
}

impl Spec {
    fn new(codec: Compression, records: Vec<Input>) -> Self {
        Spec {
            codec,
            base_offset: 0,
            log_append_time: None,
            producer: (-1, -1, -1),
            transactional: false,
            leader_epoch: -1,
            records,
            marker: None,
        }
    }

    fn build(&self) -> Bytes {
        if let Some(marker) = &self.marker {
            let (id, epoch, _) = self.producer;
            return marker
                .batch_builder(id, epoch, self.records[0].0)
                .unwrap()
                .with_base_offset(self.base_offset)
                .with_partition_leader_epoch(self.leader_epoch)
                .build()
                .unwrap();
        }
        let (id, epoch, seq) = self.producer;
        let mut b = RecordBatchBuilder::new(self.codec)
            .with_base_offset(self.base_offset)
            .with_partition_leader_epoch(self.leader_epoch)
            .with_producer(id, epoch, seq)
            .with_transactional(self.transactional);
        if let Some(t) = self.log_append_time {
            b = b.with_log_append_time(t);
        }
        for (ts, k, v, h) in &self.records {
            b.append_with_headers(*ts, k.as_deref(), v.as_deref(), h).unwrap();
        }
        b.build().unwrap()
    }

    fn expected(&self) -> Value {
        let records: Vec<Value> = if let Some(m) = &self.marker {
            vec![json!({"offset": self.base_offset, "timestamp": self.records[0].0,
                "key": b64(Some(&m.key())), "value": b64(Some(&m.value())), "headers": []})]
        } else {
            self.records
                .iter()
                .enumerate()
                .map(|(i, (ts, k, v, h))| {
                    let headers: Vec<Value> =
                        h.iter().map(|(k, v)| json!({"key": k, "value": b64(v.as_deref())})).collect();
                    json!({"offset": self.base_offset + i as i64,
                        "timestamp": self.log_append_time.unwrap_or(*ts),
                        "key": b64(k.as_deref()), "value": b64(v.as_deref()), "headers": headers})
                })
                .collect()
        };
        let max_ts = self.log_append_time.unwrap_or_else(|| self.records.iter().map(|r| r.0).max().unwrap_or(-1));
        json!({
            "magic": 2,
            "baseOffset": self.base_offset,
            "lastOffset": self.base_offset + records.len() as i64 - 1,
            "compression": self.codec.name(),
            "timestampType": if self.log_append_time.is_some() { TimestampType::LogAppendTime } else { TimestampType::CreateTime }.name(),
            "maxTimestamp": max_ts,
            "transactional": self.transactional || self.marker.is_some(),
            "control": self.marker.is_some(),
            "producerId": self.producer.0,
            "producerEpoch": self.producer.1,
            "baseSequence": self.producer.2,
            "partitionLeaderEpoch": self.leader_epoch,
            "records": records,
        })
    }
}

/// The Rust-built vectors: (name, batches, bytes to cut off the last batch).
fn rust_vectors() -> Vec<(String, Vec<Spec>, usize)> {
    let mut v: Vec<(String, Vec<Spec>, usize)> = Vec::new();
    for codec in Compression::ALL {
        v.push((format!("v2_{codec}"), vec![Spec::new(codec, sample(true))], 0));
    }
    let mut txn = Spec::new(Compression::Lz4, sample(true));
    (txn.base_offset, txn.producer, txn.transactional, txn.leader_epoch) = (500, (123_456, 7, 42), true, 3);
    v.push(("v2_transactional_lz4".into(), vec![txn], 0));
    let mut idem = Spec::new(Compression::Zstd, sample(false));
    (idem.base_offset, idem.producer, idem.leader_epoch) = (9_000_000_000, (77, 0, i32::MAX - 10), 11);
    v.push(("v2_idempotent_zstd".into(), vec![idem], 0));
    let mut lat = Spec::new(Compression::Gzip, sample(true));
    lat.log_append_time = Some(T0 + 999);
    v.push(("v2_log_append_time_gzip".into(), vec![lat], 0));
    for (name, result, epoch, offset) in
        [("control_commit", TransactionResult::Commit, 17, 1000), ("control_abort", TransactionResult::Abort, 0, 2000)]
    {
        let mut c = Spec::new(Compression::None, vec![(T0, None, None, vec![])]);
        (c.base_offset, c.producer, c.leader_epoch) = (offset, (123_456, 7, -1), 5);
        c.marker = Some(EndTxnMarker { result, coordinator_epoch: epoch });
        v.push((name.into(), vec![c], 0));
    }
    let multi = || {
        let s = sample(true);
        let mut a = Spec::new(Compression::None, s[0..5].to_vec());
        let mut b = Spec::new(Compression::Snappy, s[0..7].to_vec());
        let mut c = Spec::new(Compression::Lz4, s[6..9].to_vec());
        (a.base_offset, b.base_offset, c.base_offset) = (0, 5, 12);
        let _ = &mut a;
        vec![a, b, c]
    };
    v.push(("v2_multi_batch".into(), multi(), 0));
    let mut cut = multi();
    cut.push(Spec::new(Compression::None, sample(true)[0..4].to_vec()));
    v.push(("v2_truncated_tail".into(), cut, 10));
    v
}

#[test]
fn golden_records() {
    let Some(dir) = std::env::var_os("GOLDEN_DIR") else {
        println!("golden_records: skipped (GOLDEN_DIR is not set)");
        return;
    };
    let dir = Path::new(&dir).join("records");
    let dir = dir.as_path();
    let mut failures = 0;

    let java = dir.join("java");
    let mut names: Vec<_> = std::fs::read_dir(&java)
        .unwrap_or_else(|e| panic!("reading {}: {e}", java.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".bin").map(str::to_string))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no vectors in {}", java.display());
    for name in &names {
        let outcome = (|| -> Result<(), String> {
            let bin = std::fs::read(java.join(format!("{name}.bin"))).map_err(|e| e.to_string())?;
            let text = std::fs::read_to_string(java.join(format!("{name}.json"))).map_err(|e| e.to_string())?;
            let expected: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
            let actual = describe(Bytes::from(bin))?;
            diff("", &expected, &actual).map_or(Ok(()), Err)
        })();
        match outcome {
            Ok(()) => println!("GOLDEN records/java/{name} PASS"),
            Err(reason) => {
                failures += 1;
                println!("GOLDEN records/java/{name} FAIL {reason}");
            }
        }
    }

    let rust = dir.join("rust");
    std::fs::create_dir_all(&rust).unwrap();
    for (name, specs, cut) in rust_vectors() {
        let mut bytes = Vec::new();
        let mut expected = Vec::new();
        let last = specs.len() - 1;
        for (i, spec) in specs.iter().enumerate() {
            let built = spec.build();
            if i == last && cut > 0 {
                bytes.extend_from_slice(&built[..built.len() - cut]);
            } else {
                bytes.extend_from_slice(&built);
                expected.push(spec.expected());
            }
        }
        // Our own reader must agree with what we promise Java.
        let expected = json!({ "batches": expected });
        if let Some(reason) = describe(Bytes::from(bytes.clone())).map_or_else(Some, |a| diff("", &expected, &a)) {
            failures += 1;
            println!("GOLDEN records/rust/{name} FAIL (self-check) {reason}");
        }
        std::fs::write(rust.join(format!("{name}.bin")), &bytes).unwrap();
        std::fs::write(rust.join(format!("{name}.json")), serde_json::to_string_pretty(&expected).unwrap()).unwrap();
        println!("wrote records/rust/{name}");
    }
    assert_eq!(failures, 0, "{failures} golden vectors failed");
}
