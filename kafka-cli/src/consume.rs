//! `kfk console-consumer`: prints records as Java's console consumer does.
//!
//! With `--group` it joins that consumer group (subscribing to the topic); without one it
//! reads every partition of the topic (or `--partition`) on its own, as no group member, so no
//! throwaway group is left behind. Offsets are committed once, on the way out (after
//! `--max-messages`, `--timeout-ms`, end of input or Ctrl-C): exactly the records printed,
//! not what the last poll fetched beyond them. Then the consumer leaves its group.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use kfk_admin::DescribeTopicsOptions;
use kfk_client::consumer::Consumer;

use crate::cli::{ConsumerArgs, Format, Global, Output};
use crate::errors;
use crate::format::{write_json, write_kcat, DefaultFormatter};
use crate::props::{self, parse_pairs, Pairs};

/// The topic's partition count; fails saying what to do when it does not exist or no broker
/// answers. A topic created a moment ago may not be in every broker's metadata yet, so "not
/// found" is asked again for up to 3 s before it counts.
pub async fn check_topic(global: &Global, topic: &str) -> Result<usize> {
    let (admin, bootstrap) = props::admin(global)?;
    let deadline = Instant::now() + Duration::from_secs(3);
    let result = loop {
        let mut described = admin.describe_topics([topic], DescribeTopicsOptions::default()).await;
        match described.remove(topic) {
            Some(Ok(d)) => break Ok(d.partitions.len()),
            Some(Err(e)) if e.is_not_found() && Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Some(Err(e)) => break Err(errors::admin(e, &bootstrap)),
            None => break Err(anyhow::anyhow!("the broker did not describe topic `{topic}`")),
        }
    };
    admin.close(Duration::from_millis(100)).await;
    result
}

/// Where to start reading `--partition`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    Earliest,
    Latest,
    At(i64),
}

fn parse_start(args: &ConsumerArgs) -> Result<Option<Start>> {
    let Some(offset) = &args.offset else { return Ok(None) };
    if args.partition.is_none() {
        bail!("--offset needs --partition (which partition to start reading at that offset)");
    }
    if args.group.is_some() {
        bail!("--offset cannot be used with --group: the group's committed offsets say where to start");
    }
    Ok(Some(match offset.to_ascii_lowercase().as_str() {
        "earliest" => Start::Earliest,
        "latest" => Start::Latest,
        n => match n.parse::<i64>() {
            Ok(n) if n >= 0 => Start::At(n),
            _ => bail!("--offset `{offset}` is not earliest, latest or a non-negative offset"),
        },
    }))
}

enum Printer {
    Java(DefaultFormatter),
    Json,
    Kcat(String),
}

impl Printer {
    /// Appends the record; only Java's formatter can refuse one (a deserializer refusing it).
    fn write(&self, r: &kfk_client::consumer::ConsumerRecord, out: &mut Vec<u8>) -> Result<()> {
        match self {
            Printer::Java(f) => return f.write(r, out),
            Printer::Json => write_json(r, out),
            Printer::Kcat(fmt) => write_kcat(fmt, r, out),
        }
        Ok(())
    }
}

/// Every partition of the topics `include` matches (Java's include list), for reading without
/// a group.
async fn matching_partitions(global: &Global, include: &str) -> Result<Vec<(String, i32)>> {
    let (admin, bootstrap) = props::admin(global)?;
    let re = crate::topics::topic_regex(include).context("--include")?;
    let listed = admin
        .list_topics(kfk_admin::ListTopicsOptions::default())
        .await
        .map_err(|e| crate::errors::admin(e, &bootstrap))?;
    let names: Vec<String> = listed.into_iter().map(|t| t.name).filter(|n| re.is_match(n)).collect();
    let described = admin.describe_topics(names.iter().cloned(), DescribeTopicsOptions::default()).await;
    admin.close(Duration::from_millis(100)).await;
    let mut out = Vec::new();
    for (name, d) in described {
        let d = d.map_err(|e| crate::errors::admin(e, &bootstrap))?;
        out.extend(d.partitions.iter().map(|p| (name.clone(), p.partition)));
    }
    out.sort();
    Ok(out)
}

pub async fn run(global: &Global, args: ConsumerArgs) -> Result<ExitCode> {
    let mut properties = parse_pairs(&args.property, "--property")?;
    // Java's --key-deserializer and --value-deserializer are formatter properties too.
    for (key, class) in [("key.deserializer", &args.key_deserializer), ("value.deserializer", &args.value_deserializer)]
    {
        if let Some(class) = class {
            properties.push((key.into(), class.clone()));
        }
    }
    let formatter = DefaultFormatter::from_properties(&properties)?;
    let printer = match (&args.format_string, args.format, global.output) {
        (Some(fmt), _, _) => Printer::Kcat(fmt.clone()),
        (None, Format::Json, _) | (None, _, Output::Json) => Printer::Json,
        _ => Printer::Java(formatter),
    };
    if !matches!(printer, Printer::Java(_)) {
        if let Some((key, _)) = properties.iter().find(|(k, _)| k.ends_with(".deserializer")) {
            bail!("{key} applies to Java's formatter only, not to --format json or --format-string");
        }
    }
    let start = parse_start(&args)?;
    let mut settings = Pairs::new();
    let user = parse_pairs(&args.consumer_property, "--consumer-property")?;
    if args.from_beginning {
        settings.push(("auto.offset.reset".into(), "earliest".into()));
    }
    if let Some(level) = &args.isolation_level {
        settings.push(("isolation.level".into(), level.clone()));
    }
    // We commit what was printed ourselves, on the way out.
    settings.push(("enable.auto.commit".into(), "false".into()));
    settings.extend(user);
    if let Some(group) = &args.group {
        settings.push(("group.id".into(), group.clone()));
    }
    let config = props::consumer_config(global, &settings)?;
    let grouped = config.group_id.is_some();
    let consumer = Consumer::new(config).context("cannot create the consumer")?;
    match (&args.topic, &args.include) {
        (_, Some(include)) => {
            // Java's include list: commas are alternatives; the whole name must match.
            let pattern = include.trim().replace(',', "|");
            if grouped {
                consumer.subscribe_pattern(&pattern).context("cannot subscribe to --include")?;
            } else {
                let partitions = matching_partitions(global, include).await?;
                if partitions.is_empty() {
                    bail!("no topic matches --include `{include}`; list topics with `kfk topics --list`");
                }
                consumer.assign(partitions.iter().map(|(t, p)| (t.as_str(), *p)));
            }
        }
        (Some(topic), None) => {
            let partitions = check_topic(global, topic).await?;
            if let Some(p) = args.partition {
                if p < 0 || p as usize >= partitions {
                    bail!("topic `{topic}` has no partition {p} (it has {partitions})");
                }
            }
            if grouped && args.partition.is_none() {
                consumer.subscribe([topic]).context("cannot subscribe")?;
            } else {
                let wanted: Vec<i32> = match args.partition {
                    Some(p) => vec![p],
                    None => (0..partitions as i32).collect(),
                };
                consumer.assign(wanted.iter().map(|p| (topic.as_str(), *p)));
                if let (Some(start), Some(p)) = (start, args.partition) {
                    match start {
                        Start::Earliest => consumer.seek_to_beginning([(topic.as_str(), p)])?,
                        Start::Latest => consumer.seek_to_end([(topic.as_str(), p)])?,
                        Start::At(offset) => consumer.seek(topic, p, offset)?,
                    }
                }
            }
        }
        (None, None) => bail!("--topic or --include says what to read"),
    }

    let outcome = consume(&consumer, &printer, &args).await;
    let (count, printed, failure) = outcome;
    if grouped && !printed.is_empty() {
        let offsets: Vec<(&str, i32, i64)> = printed.iter().map(|((t, p), o)| (t.as_ref(), *p, *o + 1)).collect();
        if let Err(e) = consumer.commit_offsets(&offsets).await {
            eprintln!("error: committing the offsets of the records printed failed: {e}");
        }
    }
    // Leaves the group (LeaveGroup, or the KIP-848 leave heartbeat).
    consumer.close().await;
    eprintln!("Processed a total of {count} messages");
    match failure {
        Some(e) => Err(e),
        None => Ok(ExitCode::SUCCESS),
    }
}

/// Polls and prints until a limit, Ctrl-C or an error; returns how many records were printed,
/// the last offset printed per partition, and the error if one ended it.
async fn consume(
    consumer: &Consumer,
    printer: &Printer,
    args: &ConsumerArgs,
) -> (u64, BTreeMap<(std::sync::Arc<str>, i32), i64>, Option<anyhow::Error>) {
    let mut count = 0u64;
    let mut printed: BTreeMap<(std::sync::Arc<str>, i32), i64> = BTreeMap::new();
    let idle = args.timeout_ms.map(Duration::from_millis);
    let mut last_record = Instant::now();
    let mut buf = Vec::new();
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    loop {
        if args.max_messages.is_some_and(|max| count >= max) {
            return (count, printed, None);
        }
        let wait = match idle {
            Some(idle) => match idle.checked_sub(last_record.elapsed()) {
                Some(left) => left.min(Duration::from_secs(1)),
                None => return (count, printed, None),
            },
            None => Duration::from_secs(1),
        };
        let records = tokio::select! {
            _ = &mut ctrl_c => return (count, printed, None),
            r = consumer.poll(wait) => r,
        };
        let records = match records {
            Ok(r) => r,
            Err(e) => return (count, printed, Some(anyhow::Error::new(e).context("consuming failed"))),
        };
        if records.is_empty() {
            continue;
        }
        last_record = Instant::now();
        buf.clear();
        for r in &records {
            if args.max_messages.is_some_and(|max| count >= max) {
                break;
            }
            // As Java's, a record counts towards --max-messages whether printed or skipped.
            count += 1;
            if let Err(e) = printer.write(r, &mut buf) {
                let at = format!("{}-{} at offset {}", r.topic, r.partition, r.offset);
                if !args.skip_message_on_error {
                    // What was printed before it still goes out (and is committed).
                    let _ = std::io::stdout().lock().write_all(&buf);
                    let e = e.context(format!(
                        "cannot print the record of {at} (--skip-message-on-error skips such records)"
                    ));
                    return (count - 1, printed, Some(e));
                }
                eprintln!("Error processing message, skipping this message: {at}: {e:#}");
            }
            printed.insert((r.topic.clone(), r.partition), r.offset);
        }
        let mut stdout = std::io::stdout().lock();
        if stdout.write_all(&buf).and_then(|()| stdout.flush()).is_err() {
            // The reader went away (`| head`): stop as if done.
            return (count, printed, None);
        }
    }
}
