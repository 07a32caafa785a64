//! Reading a partition back with bare Fetch requests, independent of the client's consumer.

use std::time::Duration;

use bytes::Bytes;
use kfk_client::consumer::{Consumer, ConsumerRecord};
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::FetchRequest;
use kfk_protocol::records::Batches;
use kfk_protocol::Uuid;

use crate::wait::{NotYet, Ready, Wait};
use crate::Conn;

/// A record as read from the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadRecord {
    /// Partition.
    pub partition: i32,
    /// Offset.
    pub offset: i64,
    /// Key.
    pub key: Option<Bytes>,
    /// Value.
    pub value: Option<Bytes>,
}

impl From<&ConsumerRecord> for ReadRecord {
    fn from(r: &ConsumerRecord) -> Self {
        ReadRecord { partition: r.partition, offset: r.offset, key: r.key.clone(), value: r.value.clone() }
    }
}

/// Polls `consumer` until `n` records arrived in all (at most `timeout`); a poll error fails
/// the test.
pub async fn poll_records(consumer: &Consumer, n: usize, timeout: Duration) -> Vec<ConsumerRecord> {
    let mut out = Vec::new();
    Wait::new(format!("{n} records read"), timeout)
        .every(Duration::ZERO)
        .until(async || {
            if out.len() < n {
                out.extend(consumer.poll(Duration::from_millis(300)).await.expect("poll"));
            }
            if out.len() >= n {
                Ready(())
            } else {
                NotYet(out.len())
            }
        })
        .await;
    out
}

/// [`poll_records`] (at most 30 s), then checks that nothing more comes.
pub async fn poll_exactly(consumer: &Consumer, n: usize) -> Vec<ConsumerRecord> {
    let out = poll_records(consumer, n, Duration::from_secs(30)).await;
    assert_eq!(out.len(), n, "more records than produced");
    assert!(consumer.poll(Duration::from_millis(300)).await.expect("poll").is_empty(), "a record came twice");
    out
}

/// Polls `consumer` until `expected` records arrived and then nothing more for `quiet` (a
/// record read twice would come meanwhile), or `timeout` passes: what arrived by then. Running
/// out of time fails nothing here: callers compare what arrived with what they expected, and
/// the delivery check names what is missing. A poll error fails the test.
pub async fn poll_until_quiet(
    consumer: &Consumer,
    expected: usize,
    quiet: Duration,
    timeout: Duration,
) -> Vec<ConsumerRecord> {
    let mut out = Vec::with_capacity(expected);
    let mut quiet_since = std::time::Instant::now();
    let _ = Wait::new(format!("{expected} records read, then quiet for {quiet:?}"), timeout)
        .every(Duration::ZERO)
        .try_until(async || {
            let batch = consumer.poll(Duration::from_millis(300)).await.expect("poll");
            if !batch.is_empty() {
                quiet_since = std::time::Instant::now();
                out.extend(batch);
            } else if out.len() >= expected && quiet_since.elapsed() > quiet {
                return Ready(());
            }
            NotYet(out.len())
        })
        .await;
    out
}

/// Consumer records as the delivery checker reads them.
pub fn as_reads(records: &[ConsumerRecord]) -> Vec<ReadRecord> {
    records.iter().map(ReadRecord::from).collect()
}

/// Every record of `topic`-`partition` from offset 0 up to the high watermark, read until no
/// more arrive for a while (at most 60 s in all). Control batches are skipped.
pub async fn read_partition(conn: &mut Conn, topic: &str, topic_id: Uuid, partition: i32) -> Vec<ReadRecord> {
    let mut out = Vec::new();
    let mut offset = 0i64;
    Wait::new(format!("{topic}-{partition} read to its high watermark"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            let request = FetchRequest {
                replica_id: -1,
                max_wait_ms: 200,
                min_bytes: 1,
                max_bytes: 16 * 1024 * 1024,
                topics: vec![FetchTopic {
                    topic: topic.into(),
                    topic_id,
                    partitions: vec![FetchPartition {
                        partition,
                        fetch_offset: offset,
                        partition_max_bytes: 4 * 1024 * 1024,
                        current_leader_epoch: -1,
                        last_fetched_epoch: -1,
                        log_start_offset: -1,
                        ..Default::default()
                    }],
                    ..Default::default()
                }],
                ..Default::default()
            };
            let response = conn.send(&request).await.expect("fetch");
            let p = &response.responses[0].partitions[0];
            let code = kfk_protocol::ErrorCode(p.error_code);
            if code.is_retriable() {
                // A partition just created may not be served yet (e.g. NOT_LEADER_OR_FOLLOWER).
                tokio::time::sleep(Duration::from_millis(100)).await;
                return NotYet(format!("{code:?} at offset {offset}"));
            }
            assert_eq!(code, kfk_protocol::ErrorCode::NONE, "fetch {topic}-{partition} at {offset}");
            let before = offset;
            if let Some(records) = p.records.clone() {
                for batch in Batches::new(records) {
                    let Ok(batch) = batch else { break };
                    if batch.is_control() {
                        offset = offset.max(batch.next_offset());
                        continue;
                    }
                    for record in batch.records().expect("records") {
                        let record = record.expect("record");
                        if record.offset < offset {
                            continue;
                        }
                        offset = record.offset + 1;
                        out.push(ReadRecord { partition, offset: record.offset, key: record.key, value: record.value });
                    }
                }
            }
            if offset >= p.high_watermark && offset == before {
                Ready(())
            } else {
                NotYet(format!("offset {offset} of high watermark {}", p.high_watermark))
            }
        })
        .await;
    out
}
