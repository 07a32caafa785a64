//! `kfk transactions`: what `kafka-transactions.sh` does — list and describe transactions,
//! describe a partition's producers, find hanging transactions and abort one.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use kfk_admin::{
    AbortTransactionSpec, Admin, AdminError, DescribeClusterOptions, DescribeProducersOptions, ListTopicsOptions,
    ListTransactionsOptions, ProducerState, ResourceKind, TopicPartition, TransactionOptions,
};
use serde_json::json;

use crate::cli::{Global, Output, TransactionsArgs, TransactionsCommand};
use crate::errors;
use crate::props;
use crate::table::{columns, or_dash, print_json};

pub async fn run(global: &Global, args: TransactionsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let result = match args.command {
        TransactionsCommand::List => list(&admin, &bootstrap, global.output).await,
        TransactionsCommand::Describe { transactional_id } => {
            describe(&admin, &bootstrap, &transactional_id, global.output).await
        }
        TransactionsCommand::DescribeProducers { topic, partition, broker_id } => {
            describe_producers(&admin, &bootstrap, TopicPartition::new(&topic, partition), broker_id, global.output)
                .await
        }
        TransactionsCommand::FindHanging { broker_id, topic, max_transaction_timeout } => {
            find_hanging(&admin, &bootstrap, broker_id, topic, max_transaction_timeout, global.output).await
        }
        TransactionsCommand::Abort { topic, partition, start_offset } => {
            abort(&admin, &bootstrap, TopicPartition::new(&topic, partition), start_offset).await
        }
    };
    admin.close(Duration::from_millis(100)).await;
    result.map(|()| ExitCode::SUCCESS)
}

async fn list(admin: &Admin, bootstrap: &str, output: Output) -> Result<()> {
    let mut listed =
        admin.list_transactions(ListTransactionsOptions::default()).await.map_err(|e| errors::admin(e, bootstrap))?;
    listed.sort_by(|a, b| a.transactional_id.cmp(&b.transactional_id));
    if output == Output::Json {
        print_json(&json!(listed
            .iter()
            .map(|t| json!({"transactional_id": t.transactional_id, "coordinator": t.coordinator,
                "producer_id": t.producer_id, "state": t.state}))
            .collect::<Vec<_>>()));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|t| {
            vec![t.transactional_id.clone(), t.coordinator.to_string(), t.producer_id.to_string(), t.state.clone()]
        })
        .collect();
    print!("{}", columns(&["TransactionalId", "Coordinator", "ProducerId", "TransactionState"], &rows, &[]));
    Ok(())
}

async fn describe(admin: &Admin, bootstrap: &str, id: &str, output: Output) -> Result<()> {
    let d = match admin.describe_transactions([id], TransactionOptions::default()).await.remove(id) {
        Some(Ok(d)) => d,
        Some(Err(e)) => return Err(errors::admin(e, bootstrap)).with_context(|| format!("cannot describe `{id}`")),
        None => bail!("the coordinator did not describe `{id}`"),
    };
    let now = chrono::Utc::now().timestamp_millis();
    let partitions = d.partitions.iter().map(|tp| tp.to_string()).collect::<Vec<_>>().join(",");
    if output == Output::Json {
        print_json(&json!({"coordinator": d.coordinator, "transactional_id": id, "producer_id": d.producer_id,
            "producer_epoch": d.producer_epoch, "state": d.state, "timeout_ms": d.timeout_ms,
            "start_time_ms": d.start_time_ms, "partitions": d.partitions.iter().map(|tp| tp.to_string()).collect::<Vec<_>>()}));
        return Ok(());
    }
    let row = vec![
        d.coordinator.to_string(),
        id.to_string(),
        d.producer_id.to_string(),
        d.producer_epoch.to_string(),
        d.state.clone(),
        d.timeout_ms.to_string(),
        or_dash(d.start_time_ms),
        or_dash(d.start_time_ms.map(|s| now - s)),
        partitions,
    ];
    print!(
        "{}",
        columns(
            &[
                "CoordinatorId",
                "TransactionalId",
                "ProducerId",
                "ProducerEpoch",
                "TransactionState",
                "TransactionTimeoutMs",
                "CurrentTransactionStartTimeMs",
                "TransactionDurationMs",
                "TopicPartitions"
            ],
            &[row],
            &[]
        )
    );
    Ok(())
}

async fn producers_of(
    admin: &Admin,
    bootstrap: &str,
    tp: &TopicPartition,
    broker: Option<i32>,
) -> Result<Vec<kfk_admin::ProducerState>> {
    match admin.describe_producers([tp.clone()], producers_options(broker)).await.remove(tp) {
        Some(Ok(p)) => Ok(p),
        Some(Err(e)) => {
            Err(errors::admin(e, bootstrap)).with_context(|| format!("cannot describe the producers of {tp}"))
        }
        None => bail!("the leader did not describe the producers of {tp}"),
    }
}

async fn describe_producers(
    admin: &Admin,
    bootstrap: &str,
    tp: TopicPartition,
    broker: Option<i32>,
    output: Output,
) -> Result<()> {
    let producers = producers_of(admin, bootstrap, &tp, broker).await?;
    if output == Output::Json {
        print_json(&json!(producers
            .iter()
            .map(|p| json!({"producer_id": p.producer_id, "producer_epoch": p.producer_epoch,
                "coordinator_epoch": p.coordinator_epoch, "last_sequence": p.last_sequence,
                "last_timestamp": p.last_timestamp, "current_transaction_start_offset": p.current_transaction_start_offset}))
            .collect::<Vec<_>>()));
        return Ok(());
    }
    let rows: Vec<Vec<String>> = producers
        .iter()
        .map(|p| {
            vec![
                p.producer_id.to_string(),
                p.producer_epoch.to_string(),
                or_dash(p.coordinator_epoch),
                p.last_sequence.to_string(),
                p.last_timestamp.to_string(),
                or_dash(p.current_transaction_start_offset),
            ]
        })
        .collect();
    print!(
        "{}",
        columns(
            &[
                "ProducerId",
                "ProducerEpoch",
                "LatestCoordinatorEpoch",
                "LastSequence",
                "LastTimestamp",
                "CurrentTransactionStartOffset"
            ],
            &rows,
            &[]
        )
    );
    Ok(())
}

/// Hanging transactions, as Java's tool finds them: on the partitions of `topic`, or of every
/// partition `broker` holds a replica of, the transactions open for longer than
/// `max_timeout_ms` whose coordinator no longer has them there: no transactional id holds the
/// producer id any more, the coordinator does not know that id, or its transaction does not
/// include the partition. A transaction its coordinator still runs is only slow, not hanging.
async fn find_hanging(
    admin: &Admin,
    bootstrap: &str,
    broker: Option<i32>,
    topic: Option<String>,
    max_timeout_ms: i64,
    output: Output,
) -> Result<()> {
    let topics: Vec<String> = match &topic {
        Some(t) => vec![t.clone()],
        None => {
            if broker.is_none() {
                bail!("find-hanging needs --broker-id or --topic");
            }
            admin
                .list_topics(ListTopicsOptions::default().include_internal(false))
                .await
                .map_err(|e| errors::admin(e, bootstrap))?
                .into_iter()
                .map(|t| t.name)
                .collect()
        }
    };
    if let Some(b) = broker {
        let cluster =
            admin.describe_cluster(DescribeClusterOptions::default()).await.map_err(|e| errors::admin(e, bootstrap))?;
        if !cluster.nodes.iter().any(|n| n.id == b) {
            bail!("broker {b} is not in the cluster");
        }
    }
    let described = admin.describe_topics(topics.iter().cloned(), kfk_admin::DescribeTopicsOptions::default()).await;
    let mut tps = Vec::new();
    for (name, d) in described {
        let d = d.map_err(|e| errors::admin(e, bootstrap))?;
        for p in d.partitions {
            if broker.is_none_or(|b| p.replicas.contains(&b)) {
                tps.push(TopicPartition::new(&name, p.partition));
            }
        }
    }
    let now = chrono::Utc::now().timestamp_millis();
    let described = admin.describe_producers(tps, producers_options(broker)).await;
    let mut candidates = Vec::new();
    for (tp, producers) in described {
        for p in producers.map_err(|e| errors::admin(e, bootstrap))? {
            let Some(start) = p.current_transaction_start_offset else { continue };
            let age = now - p.last_timestamp;
            if age > max_timeout_ms {
                candidates.push((tp.clone(), p, start, age));
            }
        }
    }
    let rows = still_open_at_coordinators(admin, bootstrap, candidates).await?;
    if output == Output::Json {
        print_json(&json!(rows
            .iter()
            .map(|(tp, p, start, age)| json!({"topic": &*tp.topic, "partition": tp.partition,
                "producer_id": p.producer_id, "producer_epoch": p.producer_epoch, "coordinator_epoch": p.coordinator_epoch,
                "start_offset": start, "last_timestamp": p.last_timestamp, "duration_min": age / 60_000}))
            .collect::<Vec<_>>()));
        return Ok(());
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|(tp, p, start, age)| {
            vec![
                tp.topic.to_string(),
                tp.partition.to_string(),
                p.producer_id.to_string(),
                p.producer_epoch.to_string(),
                or_dash(p.coordinator_epoch),
                start.to_string(),
                p.last_timestamp.to_string(),
                (age / 60_000).to_string(),
            ]
        })
        .collect();
    print!(
        "{}",
        columns(
            &[
                "Topic",
                "Partition",
                "ProducerId",
                "ProducerEpoch",
                "CoordinatorEpoch",
                "StartOffset",
                "LastTimestamp",
                "Duration(min)"
            ],
            &table,
            &[]
        )
    );
    Ok(())
}

/// The candidates whose transaction their coordinator does not run on their partition: the
/// producer id is held by no transactional id (ListTransactions filtered by producer id), the
/// coordinator does not know the id (TRANSACTIONAL_ID_NOT_FOUND), or the transaction it
/// describes does not include the partition.
/// A transaction open on a partition: the partition, its producer, the offset it started at,
/// and how long ago its producer last wrote (ms).
type OpenTransaction = (TopicPartition, ProducerState, i64, i64);

async fn still_open_at_coordinators(
    admin: &Admin,
    bootstrap: &str,
    candidates: Vec<OpenTransaction>,
) -> Result<Vec<OpenTransaction>> {
    if candidates.is_empty() {
        return Ok(candidates);
    }
    let mut producer_ids: Vec<i64> = candidates.iter().map(|(_, p, _, _)| p.producer_id).collect();
    producer_ids.sort();
    producer_ids.dedup();
    let listed = admin
        .list_transactions(ListTransactionsOptions::default().producer_ids(producer_ids))
        .await
        .map_err(|e| errors::admin(e, bootstrap))?;
    let transactional_ids: BTreeMap<i64, String> =
        listed.into_iter().map(|t| (t.producer_id, t.transactional_id)).collect();
    let ids: Vec<String> = transactional_ids.values().cloned().collect();
    let mut descriptions = BTreeMap::new();
    for (id, described) in admin.describe_transactions(ids, TransactionOptions::default()).await {
        match described {
            Ok(d) => {
                descriptions.insert(id, d);
            }
            Err(AdminError::NotFound { kind: ResourceKind::TransactionalId, .. }) => {}
            Err(e) => return Err(errors::admin(e, bootstrap)),
        }
    }
    Ok(candidates
        .into_iter()
        .filter(|(tp, p, _, _)| {
            let running = transactional_ids
                .get(&p.producer_id)
                .and_then(|id| descriptions.get(id))
                .is_some_and(|d| d.partitions.contains(tp));
            !running
        })
        .collect())
}

async fn abort(admin: &Admin, bootstrap: &str, tp: TopicPartition, start_offset: i64) -> Result<()> {
    let producers = producers_of(admin, bootstrap, &tp, None).await?;
    let Some(p) = producers.iter().find(|p| p.current_transaction_start_offset == Some(start_offset)) else {
        bail!(
            "no open transaction starts at offset {start_offset} of {tp}; see `kfk transactions describe-producers \
             --topic {} --partition {}`",
            tp.topic,
            tp.partition
        );
    };
    admin
        .abort_transaction(AbortTransactionSpec::for_producer(tp.clone(), p), TransactionOptions::default())
        .await
        .map_err(|e| errors::admin(e, bootstrap))
        .with_context(|| format!("cannot abort the transaction of producer {} on {tp}", p.producer_id))?;
    println!(
        "Aborted the transaction of producer {} (epoch {}) on {tp} starting at offset {start_offset}.",
        p.producer_id, p.producer_epoch
    );
    Ok(())
}

/// Asks `broker` when one is given, else each partition's leader.
fn producers_options(broker: Option<i32>) -> DescribeProducersOptions {
    let options = DescribeProducersOptions::default();
    match broker {
        Some(b) => options.broker(b),
        None => options,
    }
}
