//! Allocation counts on the send path, with a counting global allocator: once the producer is
//! warm (metadata known, every partition's batch buffer reserved), appending N records with
//! `try_enqueue` allocates O(1) times in all, not once per record. What the caller hands in
//! (topic, key, value, headers) is borrowed; nothing else may be allocated per record.
//!
//! The producer runs on a single-threaded runtime against the in-process reference broker, with
//! an hour of `linger.ms`: while records are counted, `try_enqueue` (synchronous) is the only
//! code running, so every allocation counted is the send path's. One test function, so no other
//! test thread allocates while counting.
//!
//! Allocations that are per batch, not per record (a new batch's 1 MiB buffer and its shared
//! completion, when a batch fills or the sticky partitioner moves on), may occur a few times in
//! a run; the bound is N / 50.

#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use std::alloc::System;
use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const TOPIC: &str = "send-alloc";
const PARTITIONS: i32 = 6;
const N: u64 = 10_000;

/// Allocations and reallocations made while `f` runs (every thread: only this one runs).
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let region = Region::new(GLOBAL);
    let out = f();
    let change = region.change();
    (change.allocations + change.reallocations, out)
}

#[test]
fn appending_records_allocates_o1() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let stub = runtime.block_on(StubCluster::builder().brokers(1).start()).unwrap();
    stub.create_topic(TOPIC, PARTITIONS).unwrap();
    let _guard = runtime.enter();
    let config = ProducerConfig::builder()
        .bootstrap_servers(stub.bootstrap())
        .linger(Duration::from_secs(3600))
        .delivery_timeout(Duration::from_secs(7200))
        .batch_size(1 << 20)
        .buffer_memory(64 << 20)
        .build()
        .unwrap();
    let producer = Producer::new(config).unwrap();

    // Warm-up: metadata, the connection and the producer id; then one record in every
    // partition, so each has an open batch with its buffer reserved.
    runtime.block_on(async {
        producer.enqueue(ProducerRecord::new(TOPIC).value(b"warm-up")).await.unwrap();
        producer.flush().await.unwrap();
    });
    for partition in 0..PARTITIONS {
        runtime.block_on(producer.enqueue(ProducerRecord::new(TOPIC).partition(partition).value(b"warm-up"))).unwrap();
    }

    let value = [b'v'; 100];
    let header_value = *b"0123456789abcdef";
    let headers = [("trace-id", Some(&header_value[..]))];

    // Null keys: the sticky partitioner.
    let (keyless, ()) = allocations(|| {
        for _ in 0..N {
            producer.try_enqueue(ProducerRecord::new(TOPIC).value(&value)).unwrap();
        }
    });
    println!("try_enqueue, {N} records, 100 B values, null keys: {keyless} allocations");

    // Keys (murmur2 partitioning) and a header.
    let (keyed, ()) = allocations(|| {
        for i in 0..N {
            let key = i.to_be_bytes();
            producer.try_enqueue(ProducerRecord::new(TOPIC).key(&key).value(&value).headers(&headers)).unwrap();
        }
    });
    println!("try_enqueue, {N} records, 100 B values, 8 B keys, 1 header: {keyed} allocations");

    // Every record is delivered all the same.
    runtime.block_on(producer.flush()).unwrap();
    runtime.block_on(producer.close(Duration::from_secs(5))).unwrap();

    let bound = (N / 50) as usize;
    assert!(keyless < bound, "{keyless} allocations for {N} keyless records (bound {bound})");
    assert!(keyed < bound, "{keyed} allocations for {N} keyed records (bound {bound})");
}
