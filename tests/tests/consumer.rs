//! The consumer with assigned partitions against a broker: everything produced is read once and
//! in order; seek, seek to the end, pause and resume, offset reset policies, the stream API.

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::{Consumer, ConsumerRecord, OffsetAndMetadata};
use kfk_client::producer::{Producer, ProducerRecord};
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::{as_reads, poll_records};
use tests::topics::backend_with_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, NotYet, Ready, Wait};

fn consumer(backend: &Backend, reset: OffsetReset) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = reset;
    config.max_poll_records = 300;
    config.fetch_max_wait = Duration::from_millis(100);
    Consumer::new(config).expect("consumer")
}

#[tokio::test]
async fn reads_everything_once_and_in_order() {
    let (backend, topic) = backend_with_topic("consumer", 3).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 2000, &mut ledger).await;
    let consumer = consumer(&backend, OffsetReset::Earliest);
    consumer.assign([(&topic, 0), (&topic, 1), (&topic, 2)]);
    let records = poll_records(&consumer, 2000, Duration::from_secs(30)).await;
    let report = ledger.check(&as_reads(&records));
    assert!(report.is_clean() && report.read == 2000, "{report}");
    // Nothing more arrives.
    assert!(consumer.poll(Duration::from_millis(300)).await.expect("poll").is_empty());
    for p in 0..3 {
        let end = records.iter().filter(|r| r.partition == p).map(|r| r.offset + 1).max().unwrap_or(0);
        assert_eq!(consumer.position(&topic, p, Duration::from_secs(5)).await.expect("position"), end);
    }
    consumer.close().await;
}

#[tokio::test]
async fn seek_pause_resume_and_seek_to_end() {
    let (backend, topic) = backend_with_topic("consumer", 2).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 400, &mut ledger).await;
    let consumer = consumer(&backend, OffsetReset::Earliest);
    consumer.assign([(&topic, 0), (&topic, 1)]);

    // Pause partition 1: only partition 0 comes back.
    consumer.pause([(&topic, 1)]).expect("pause");
    let p0_len = ledger_count(&ledger, 0);
    let first = poll_records(&consumer, p0_len, Duration::from_secs(30)).await;
    assert!(first.iter().all(|r| r.partition == 0), "a paused partition returned records");
    assert_eq!(consumer.paused().len(), 1);
    consumer.resume([(&topic, 1)]).expect("resume");
    let second = poll_records(&consumer, 400 - p0_len, Duration::from_secs(30)).await;
    assert!(second.iter().all(|r| r.partition == 1));

    // Seek back on partition 0.
    consumer.seek(&topic, 0, 5).expect("seek");
    let again = poll_records(&consumer, p0_len - 5, Duration::from_secs(30)).await;
    assert_eq!(again.first().map(|r| (r.partition, r.offset)), Some((0, 5)));

    // Seek to the end: only records produced afterwards arrive.
    consumer.seek_to_end([(&topic, 0), (&topic, 1)]).expect("seek to end");
    for p in 0..2 {
        consumer.position(&topic, p, Duration::from_secs(10)).await.expect("position at the end");
    }
    let mut later = Ledger::default();
    produce(&backend.bootstrap, &topic, 50, &mut later).await;
    let tail = poll_records(&consumer, 50, Duration::from_secs(30)).await;
    assert!(later.check(&as_reads(&tail)).is_clean());
    // Seeking an unassigned partition is an error naming it.
    let e = consumer.seek(&topic, 7, 0).expect_err("partition 7 is not assigned");
    assert!(
        matches!(&e, kfk_client::Error::Kafka { code: kfk_protocol::ErrorCode::UNKNOWN_TOPIC_OR_PARTITION, context, .. }
            if context.topic() == Some(topic.as_str()) && context.partition() == Some(7)),
        "{e}"
    );
}

fn ledger_count(ledger: &Ledger, partition: i32) -> usize {
    ledger.acked_in(partition)
}

#[tokio::test]
async fn latest_starts_at_the_end_and_none_requires_a_seek() {
    let (backend, topic) = backend_with_topic("consumer", 1).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 20, &mut ledger).await;

    let latest = consumer(&backend, OffsetReset::Latest);
    latest.assign([(&topic, 0)]);
    assert_eq!(latest.position(&topic, 0, Duration::from_secs(10)).await.expect("position"), 20);

    let none = consumer(&backend, OffsetReset::None);
    none.assign([(&topic, 0)]);
    let e = none.poll(Duration::from_millis(200)).await.expect_err("no position without a seek");
    assert!(
        matches!(&e, kfk_client::Error::Kafka { code: kfk_protocol::ErrorCode::OFFSET_OUT_OF_RANGE, context, message }
            if context.topic() == Some(topic.as_str()) && context.partition() == Some(0) && message.as_deref().is_some_and(|m| m.contains("seek first"))),
        "{e}"
    );
    none.seek(&topic, 0, 15).expect("seek");
    let records = poll_records(&none, 5, Duration::from_secs(30)).await;
    assert_eq!(records.iter().map(|r| r.offset).collect::<Vec<_>>(), vec![15, 16, 17, 18, 19]);
    // Out of range under `none` is an error, not a silent jump.
    none.seek(&topic, 0, 1000).expect("seek");
    let e = Wait::new("an out-of-range error", Duration::from_secs(10))
        .every(Duration::ZERO)
        .until(async || match none.poll(Duration::from_millis(200)).await {
            Err(e) => Ready(e),
            Ok(r) => {
                assert!(r.is_empty(), "records past the log end: {r:?}");
                NotYet("no records, no error")
            }
        })
        .await;
    assert_eq!(e.code(), Some(kfk_protocol::ErrorCode::OFFSET_OUT_OF_RANGE), "{e}");
}

#[tokio::test]
async fn the_stream_yields_every_record() {
    use futures_util::StreamExt;
    let (backend, topic) = backend_with_topic("consumer", 1).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 100, &mut ledger).await;
    let consumer = consumer(&backend, OffsetReset::Earliest);
    consumer.assign([(&topic, 0)]);
    let records: Vec<ConsumerRecord> = tokio::time::timeout(
        Duration::from_secs(30),
        consumer.stream().take(100).map(|r| r.expect("record")).collect(),
    )
    .await
    .expect("100 records within 30 s");
    assert!(ledger.check(&as_reads(&records)).is_clean());
}

#[tokio::test]
async fn offsets_for_times_finds_the_first_record_at_or_after_a_timestamp() {
    let (backend, topic) = backend_with_topic("consumer", 1).await;
    let producer =
        Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
            .expect("producer");
    let base = 1_700_000_000_000i64;
    for i in 0..10 {
        producer.send(ProducerRecord::new(&topic).value("v").timestamp(base + i * 1000)).await.expect("send");
    }
    let consumer = consumer(&backend, OffsetReset::Earliest);
    let found = consumer.offsets_for_times(&[(&topic, 0)], base + 3500).await.expect("offsets for times");
    assert_eq!(found, vec![Some((4, base + 4000))]);
    let none = consumer.offsets_for_times(&[(&topic, 0)], base + 60_000).await.expect("offsets for times");
    assert_eq!(none, vec![None]);
}

#[tokio::test]
async fn assigned_partitions_auto_commit_with_leader_epoch_and_metadata_round_trips() {
    let (backend, topic) = backend_with_topic("consumer", 2).await;
    let mut ledger = Ledger::default();
    produce(&backend.bootstrap, &topic, 400, &mut ledger).await;
    let group = unique_topic("assign-group");
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.group_id = Some(group.clone());
    config.group.enable_auto_commit = true;
    config.group.auto_commit_interval = Duration::from_millis(200);
    config.fetch_max_wait = Duration::from_millis(100);
    let consumer = Consumer::new(config.clone()).expect("consumer");
    consumer.assign([(&topic, 0), (&topic, 1)]);
    let records = poll_records(&consumer, 400, Duration::from_secs(30)).await;
    let ends: Vec<(i64, i32)> = (0..2)
        .map(|p| {
            let last = records.iter().filter(|r| r.partition == p).max_by_key(|r| r.offset).expect("records of p");
            (last.offset + 1, last.leader_epoch.expect("Fetch v9+ carries the leader epoch"))
        })
        .collect();

    // The background auto-commit stores the positions without any group member joining.
    let want: Vec<Option<(i64, Option<i32>)>> = ends.iter().map(|&(o, e)| Some((o, Some(e)))).collect();
    wait_until(format!("auto-commit stores {want:?}"), Duration::from_secs(10), async || {
        let committed = consumer.committed_with_metadata(&[(&topic, 0), (&topic, 1)]).await.expect("committed");
        let got: Vec<Option<(i64, Option<i32>)>> =
            committed.iter().map(|c| c.as_ref().map(|c| (c.offset, c.leader_epoch))).collect();
        ready_when(got, |got| *got == want)
    })
    .await;

    // Close commits the final positions.
    consumer.seek(&topic, 1, 100).expect("seek");
    consumer.close().await;
    config.group.enable_auto_commit = false;
    let reader = Consumer::new(config).expect("consumer");
    let committed = reader.committed(&[(&topic, 0), (&topic, 1)]).await.expect("committed");
    assert_eq!(committed, vec![Some(ends[0].0), Some(100)], "close committed the positions");

    // Metadata is stored and read back.
    let checkpoint = OffsetAndMetadata::new(7).with_metadata("checkpoint 7").with_leader_epoch(ends[1].1);
    reader.commit_with_metadata(&[(&topic, 1, checkpoint.clone())]).await.expect("commit");
    let committed = reader.committed_with_metadata(&[(&topic, 1)]).await.expect("committed");
    assert_eq!(committed[0], Some(checkpoint));
    reader.close().await;
}
