//! `kfk verifiable-producer` and `kfk verifiable-consumer`: the JSON event lines Kafka's system
//! tests read from `VerifiableProducer` and `VerifiableConsumer`, one object per line on
//! standard output, each with `timestamp` (ms) and `name`.
//!
//! Producer: `startup_complete`, `producer_send_success` / `producer_send_error` per record,
//! `shutdown_complete`, then `tool_data` (sent, acked, throughput). Consumer:
//! `startup_complete`, `partitions_assigned` / `partitions_revoked`, `records_consumed` per
//! poll, `offsets_committed` after each commit, `shutdown_complete`.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use kfk_client::consumer::{Consumer, TopicPartition};
use kfk_client::group::{BoxFuture, RebalanceListener};
use kfk_client::producer::{Producer, ProducerRecord};
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::cli::{Global, VerifiableConsumerArgs, VerifiableProducerArgs};
use crate::props::{self, parse_pairs, Pairs};

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Prints one event line.
fn event(name: &str, fields: Value) {
    let mut v = json!({"timestamp": now_ms(), "name": name});
    if let (Some(obj), Value::Object(more)) = (v.as_object_mut(), fields) {
        obj.extend(more);
    }
    println!("{v}");
}

pub async fn producer(global: &Global, args: VerifiableProducerArgs) -> Result<ExitCode> {
    let mut settings = Pairs::new();
    settings.push(("acks".into(), args.acks.clone()));
    settings.extend(parse_pairs(&args.producer_property, "--producer-property")?);
    let config = props::producer_config(global, &settings)?;
    crate::consume::check_topic(global, &args.topic).await?;
    let producer = Producer::new(config).context("cannot create the producer")?;
    event("startup_complete", json!({}));
    let started = Instant::now();
    let (tx, mut rx) = mpsc::unbounded_channel();
    let topic = args.topic.clone();
    let acks = tokio::spawn(async move {
        let mut acked = 0u64;
        while let Some((key, value, delivery)) = rx.recv().await {
            let delivery: kfk_client::producer::Delivery = delivery;
            let (key, value): (Option<String>, String) = (key, value);
            match delivery.await {
                Ok(m) => {
                    acked += 1;
                    event(
                        "producer_send_success",
                        json!({"key": key, "value": value, "topic": &*m.topic, "partition": m.partition, "offset": m.offset}),
                    );
                }
                Err(e) => event(
                    "producer_send_error",
                    json!({"key": key, "value": value, "topic": topic, "exception": "ProduceError", "message": e.to_string()}),
                ),
            }
        }
        acked
    });
    let mut sent = 0u64;
    let interval = (args.throughput > 0).then(|| Duration::from_secs_f64(1.0 / args.throughput as f64));
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    while args.max_messages < 0 || (sent as i64) < args.max_messages {
        if let Some(interval) = interval {
            let due = started + interval * sent as u32;
            tokio::select! {
                _ = &mut ctrl_c => break,
                _ = tokio::time::sleep_until(due.into()) => {}
            }
        }
        let value = match &args.value_prefix {
            Some(p) => format!("{p}.{sent}"),
            None => sent.to_string(),
        };
        let key = args.repeating_keys.map(|n| (sent % n.max(1)).to_string());
        let mut record = ProducerRecord::new(&args.topic).value(value.as_bytes());
        if let Some(k) = &key {
            record = record.key(k.as_bytes());
        }
        if args.message_create_time.is_some() {
            record = record.timestamp(args.message_create_time.unwrap_or_default() + sent as i64);
        }
        let enqueued = tokio::select! {
            _ = &mut ctrl_c => break,
            r = producer.enqueue(record) => r,
        };
        sent += 1;
        match enqueued {
            Ok(d) => {
                let _ = tx.send((key, value, d));
            }
            Err(e) => event(
                "producer_send_error",
                json!({"key": key, "value": value, "topic": args.topic, "exception": "EnqueueError", "message": e.to_string()}),
            ),
        }
    }
    drop(tx);
    let _ = producer.close(Duration::from_secs(30)).await;
    let acked = acks.await.unwrap_or(0);
    event("shutdown_complete", json!({}));
    let secs = started.elapsed().as_secs_f64().max(1e-3);
    event(
        "tool_data",
        json!({"sent": sent, "acked": acked, "target_throughput": args.throughput, "avg_throughput": sent as f64 / secs}),
    );
    Ok(if acked == sent { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn partitions_json(tps: &[TopicPartition]) -> Value {
    json!(tps.iter().map(|tp| json!({"topic": &*tp.topic, "partition": tp.partition})).collect::<Vec<_>>())
}

/// Prints the rebalance events.
struct Events;

impl RebalanceListener for Events {
    fn on_partitions_assigned<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        event("partitions_assigned", json!({"partitions": partitions_json(partitions)}));
        Box::pin(async {})
    }

    fn on_partitions_revoked<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        event("partitions_revoked", json!({"partitions": partitions_json(partitions)}));
        Box::pin(async {})
    }

    fn on_partitions_lost<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        event("partitions_revoked", json!({"partitions": partitions_json(partitions)}));
        Box::pin(async {})
    }
}

pub async fn consumer(global: &Global, args: VerifiableConsumerArgs) -> Result<ExitCode> {
    let mut settings: Pairs = vec![
        ("group.id".into(), args.group_id.clone()),
        ("auto.offset.reset".into(), args.reset_policy.clone()),
        ("enable.auto.commit".into(), args.enable_autocommit.to_string()),
        ("session.timeout.ms".into(), args.session_timeout.to_string()),
    ];
    if let Some(s) = &args.assignment_strategy {
        settings.push(("partition.assignment.strategy".into(), s.clone()));
    }
    if let Some(i) = &args.group_instance_id {
        settings.push(("group.instance.id".into(), i.clone()));
    }
    settings.extend(parse_pairs(&args.consumer_property, "--consumer-property")?);
    let config = props::consumer_config(global, &settings)?;
    crate::consume::check_topic(global, &args.topic).await?;
    let consumer = Arc::new(Consumer::new(config).context("cannot create the consumer")?);
    consumer.subscribe_with_listener([args.topic.as_str()], Events).context("cannot subscribe")?;
    event("startup_complete", json!({}));
    let mut consumed = 0u64;
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    while args.max_messages < 0 || (consumed as i64) < args.max_messages {
        let records = tokio::select! {
            _ = &mut ctrl_c => break,
            r = consumer.poll(Duration::from_secs(1)) => r,
        };
        let records = match records {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        if records.is_empty() {
            continue;
        }
        let mut summary: BTreeMap<(String, i32), (u64, i64, i64)> = BTreeMap::new();
        let mut taken = Vec::new();
        for r in &records {
            if args.max_messages >= 0 && consumed as i64 >= args.max_messages {
                break;
            }
            consumed += 1;
            let e = summary.entry((r.topic.to_string(), r.partition)).or_insert((0, r.offset, r.offset));
            e.0 += 1;
            e.1 = e.1.min(r.offset);
            e.2 = e.2.max(r.offset);
            taken.push(r);
            if args.verbose {
                event(
                    "record_data",
                    json!({"topic": &*r.topic, "partition": r.partition, "offset": r.offset,
                        "key": r.key.as_deref().map(String::from_utf8_lossy), "value": r.value.as_deref().map(String::from_utf8_lossy)}),
                );
            }
        }
        event(
            "records_consumed",
            json!({"count": taken.len(), "partitions": summary.iter().map(|((t, p), (n, lo, hi))| json!({
                "topic": t, "partition": p, "count": n, "minOffset": lo, "maxOffset": hi})).collect::<Vec<_>>()}),
        );
        if !args.enable_autocommit {
            let offsets: Vec<(&str, i32, i64)> =
                summary.iter().map(|((t, p), (_, _, hi))| (t.as_str(), *p, hi + 1)).collect();
            let result = consumer.commit_offsets(&offsets).await;
            let mut fields = json!({
                "offsets": offsets.iter().map(|(t, p, o)| json!({"topic": t, "partition": p, "offset": o})).collect::<Vec<_>>(),
                "success": result.is_ok(),
            });
            if let (Err(e), Some(obj)) = (&result, fields.as_object_mut()) {
                obj.insert("error".into(), json!(e.to_string()));
            }
            event("offsets_committed", fields);
        }
    }
    consumer.close().await;
    event("shutdown_complete", json!({}));
    Ok(ExitCode::SUCCESS)
}
