//! Workloads shared by the benchmarks in `benches/`.
//!
//! Run with `cargo bench -p kafka-bench` (this crate is a workspace member but not a default
//! one, so `cargo build`/`cargo test` at the root skip it and its C dependencies).
//!
//! - `benches/records.rs`: build and parse a RecordBatch of 1,000 records (10-byte keys,
//!   100-byte values), uncompressed and lz4, with this crate and with the `kafka-protocol` crate
//!   from crates.io (0.18) in the same binary.
//! - A Fetch-response decoding bench (1 MiB response) belongs next to it once the generated
//!   messages exist; see the placeholder at the end of `benches/records.rs`.
//!
//! The binaries in `src/bin/` are the load generators of `cargo xtask bench produce` and
//! `cargo xtask bench consume` (our client, and librdkafka through the `rdkafka` crate with
//! feature `rdkafka`) and the topic tool they use; [`produce`] and [`consume`] are what they
//! share.

/// Records per batch in the record benchmarks.
pub const RECORDS: usize = 1000;
/// Key size in bytes.
pub const KEY_LEN: usize = 10;
/// Value size in bytes.
pub const VALUE_LEN: usize = 100;
/// Timestamp of the first record.
pub const T0: i64 = 1_700_000_000_000;

/// The benchmark's records: `(timestamp, key, value)`, with keys and values that vary from
/// record to record (so compression has realistic, not degenerate, input).
pub fn workload() -> Vec<(i64, Vec<u8>, Vec<u8>)> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..RECORDS)
        .map(|i| {
            let key = format!("key-{i:06}").into_bytes();
            debug_assert_eq!(key.len(), KEY_LEN);
            // Half text-like (compressible), half random.
            let value =
                (0..VALUE_LEN).map(|j| if j % 2 == 0 { b"abcdefgh"[j / 2 % 8] } else { next() as u8 }).collect();
            (T0 + i as i64, key, value)
        })
        .collect()
}

pub mod consume;
pub mod produce;
