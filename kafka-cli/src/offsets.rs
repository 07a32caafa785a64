//! Offsets and records: `kfk get-offsets` (`kafka-get-offsets.sh`: `topic:partition:offset`
//! lines) and `kfk delete-records` (`kafka-delete-records.sh` with its JSON file), plus the
//! date and duration syntax `consumer-groups --reset-offsets` takes.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use chrono::{DateTime, Local, NaiveDateTime, TimeZone};
use kfk_admin::{
    DeleteRecordsOptions, DescribeTopicsOptions, ListOffsetsOptions, ListTopicsOptions, OffsetSpec, RecordsToDelete,
    TopicPartition,
};
use serde_json::json;

use crate::cli::{DeleteRecordsArgs, GetOffsetsArgs, Global, Output};
use crate::errors;
use crate::props;
use crate::table::print_json;

/// `YYYY-MM-DDTHH:mm:SS[.sss][zone]` as ms since the epoch; without a zone, local time (as
/// Java's tool reads it).
pub fn parse_datetime(s: &str) -> Result<i64> {
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M:%S%.f%z"] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Ok(dt.timestamp_millis());
        }
    }
    if let Some(utc) = s.strip_suffix('Z') {
        if let Ok(naive) = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S%.f") {
            return Ok(naive.and_utc().timestamp_millis());
        }
    }
    if let Ok(naive) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        if let Some(local) = Local.from_local_datetime(&naive).earliest() {
            return Ok(local.timestamp_millis());
        }
    }
    bail!("`{s}` is not a date-time of the form YYYY-MM-DDTHH:mm:SS.sss (optionally with Z or +HH:MM)")
}

/// An ISO-8601 duration (`PT1H30M`, `P1DT2H`, `PT0.5S`; `-` in front for negative) in ms.
pub fn parse_iso_duration(s: &str) -> Result<i64> {
    let bad = || anyhow!("`{s}` is not an ISO-8601 duration such as PT1H, PT30M or P1DT2H");
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let rest = rest.strip_prefix(['P', 'p']).ok_or_else(bad)?;
    let (days, time) = match rest.split_once(['T', 't']) {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut ms = 0.0;
    let mut number = String::new();
    for (part, units) in
        [(days, &[('D', 86_400_000.0)][..]), (time, &[('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)][..])]
    {
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let unit = units.iter().find(|(u, _)| u.eq_ignore_ascii_case(&c)).ok_or_else(bad)?.1;
            ms += number.parse::<f64>().map_err(|_| bad())? * unit;
            number.clear();
        }
        if !number.is_empty() {
            return Err(bad());
        }
    }
    if days.is_empty() && time.is_empty() {
        return Err(bad());
    }
    Ok((sign * ms) as i64)
}

#[derive(serde::Deserialize)]
struct OffsetFile {
    partitions: Vec<OffsetEntry>,
    #[allow(dead_code)]
    version: Option<i64>,
}

#[derive(serde::Deserialize)]
struct OffsetEntry {
    topic: String,
    partition: i32,
    offset: i64,
}

/// Reads Kafka's delete-records JSON; errors name the file, line and column.
pub fn read_offset_json(path: &std::path::Path) -> Result<BTreeMap<TopicPartition, i64>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let file: OffsetFile = serde_json::from_str(&text).map_err(|e| {
        anyhow!(
            "{} is not a valid offset JSON file: {e} (expected {{\"partitions\": [{{\"topic\": \"t\", \"partition\": 0, \"offset\": 10}}], \"version\": 1}})",
            path.display()
        )
    })?;
    let mut out = BTreeMap::new();
    for e in file.partitions {
        let tp = TopicPartition::new(&e.topic, e.partition);
        if out.insert(tp.clone(), e.offset).is_some() {
            bail!("{}: offset json file contains duplicate topic partitions: {tp}", path.display());
        }
    }
    if out.is_empty() {
        bail!("{}: the offset JSON file names no partitions", path.display());
    }
    Ok(out)
}

pub async fn delete_records(global: &Global, args: DeleteRecordsArgs) -> Result<ExitCode> {
    let wanted = read_offset_json(&args.offset_json_file)?;
    let (admin, bootstrap) = props::admin(global)?;
    println!("Executing records delete operation");
    let results = admin
        .delete_records(
            wanted.iter().map(|(tp, o)| {
                (tp.clone(), if *o < 0 { RecordsToDelete::HIGH_WATERMARK } else { RecordsToDelete::before(*o) })
            }),
            DeleteRecordsOptions::default(),
        )
        .await;
    admin.close(Duration::from_millis(100)).await;
    println!("Records delete operation completed:");
    let mut failed = 0;
    let mut json_out = Vec::new();
    for (tp, r) in results {
        match r {
            Ok(low) => {
                if global.output == Output::Json {
                    json_out.push(json!({"topic": &*tp.topic, "partition": tp.partition, "low_watermark": low}));
                } else {
                    println!("partition: {tp}\tlow_watermark: {low}");
                }
            }
            Err(e) => {
                failed += 1;
                let e = errors::admin(e, &bootstrap);
                if global.output == Output::Json {
                    json_out.push(json!({"topic": &*tp.topic, "partition": tp.partition, "error": e.to_string()}));
                } else {
                    println!("partition: {tp}\terror: {e}");
                }
            }
        }
    }
    if global.output == Output::Json {
        print_json(&json!(json_out));
    }
    if failed > 0 {
        eprintln!("error: records of {failed} partition(s) were not deleted");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn parse_time(s: Option<&str>) -> Result<OffsetSpec> {
    Ok(match s.map(str::to_ascii_lowercase).as_deref() {
        None | Some("-1") | Some("latest") => OffsetSpec::Latest,
        Some("-2") | Some("earliest") => OffsetSpec::Earliest,
        Some("-3") | Some("max-timestamp") => OffsetSpec::MaxTimestamp,
        Some(other) => match other.parse::<i64>() {
            Ok(ts) if ts >= 0 => OffsetSpec::Timestamp(ts),
            _ => bail!("--time `{other}` is not -1/latest, -2/earliest, -3/max-timestamp or a timestamp in ms"),
        },
    })
}

/// `0,2,5-7` as partition numbers.
fn parse_partitions(s: &str) -> Result<Vec<i32>> {
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || anyhow!("--partitions `{s}`: `{part}` is not a partition or a range a-b");
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b): (i32, i32) = (a.parse().map_err(|_| bad())?, b.parse().map_err(|_| bad())?);
                out.extend(a..=b);
            }
            None => out.push(part.parse().map_err(|_| bad())?),
        }
    }
    Ok(out)
}

pub async fn get_offsets(global: &Global, args: GetOffsetsArgs) -> Result<ExitCode> {
    let spec = parse_time(args.time.as_deref())?;
    let only: Option<Vec<i32>> = args.partitions.as_deref().map(parse_partitions).transpose()?;
    let (admin, bootstrap) = props::admin(global)?;
    let mut topics: Vec<String> = admin
        .list_topics(ListTopicsOptions::default().include_internal(!args.exclude_internal_topics))
        .await
        .map_err(|e| errors::admin(e, &bootstrap))?
        .into_iter()
        .map(|t| t.name)
        .collect();
    if let Some(pattern) = &args.topic {
        let re = crate::topics::topic_regex(pattern)?;
        topics.retain(|t| re.is_match(t));
        if topics.is_empty() {
            bail!("no topic matches `{pattern}`; list topics with `kfk topics --list`");
        }
    }
    let described = admin.describe_topics(topics.iter().cloned(), DescribeTopicsOptions::default()).await;
    let mut tps = Vec::new();
    for (name, d) in described {
        let d = d.map_err(|e| errors::admin(e, &bootstrap))?;
        for p in d.partitions {
            if only.as_ref().is_none_or(|o| o.contains(&p.partition)) {
                tps.push(TopicPartition::new(&name, p.partition));
            }
        }
    }
    let listed = admin.list_offsets(tps.into_iter().map(|tp| (tp, spec)), ListOffsetsOptions::default()).await;
    admin.close(Duration::from_millis(100)).await;
    let mut json_out = Vec::new();
    for (tp, r) in listed {
        let offset = r.map_err(|e| errors::admin(e, &bootstrap))?.offset;
        if global.output == Output::Json {
            json_out.push(json!({"topic": &*tp.topic, "partition": tp.partition, "offset": offset}));
        } else {
            println!("{}:{}:{offset}", tp.topic, tp.partition);
        }
    }
    if global.output == Output::Json {
        print_json(&json!(json_out));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations_are_read() {
        assert_eq!(parse_iso_duration("PT1H").unwrap(), 3_600_000);
        assert_eq!(parse_iso_duration("P1DT2H30M").unwrap(), 86_400_000 + 9_000_000);
        assert_eq!(parse_iso_duration("PT0.5S").unwrap(), 500);
        assert_eq!(parse_iso_duration("-PT1M").unwrap(), -60_000);
        assert!(parse_iso_duration("1H").is_err());
        assert!(parse_iso_duration("PT").is_err());
    }

    #[test]
    fn datetimes_with_a_zone_are_exact() {
        assert_eq!(parse_datetime("2024-01-02T03:04:05.006Z").unwrap(), 1_704_164_645_006);
        assert_eq!(parse_datetime("2024-01-02T04:04:05.006+01:00").unwrap(), 1_704_164_645_006);
        assert!(parse_datetime("yesterday").is_err());
    }

    #[test]
    fn partitions_and_ranges() {
        assert_eq!(parse_partitions("0,2-4").unwrap(), vec![0, 2, 3, 4]);
        assert!(parse_partitions("x").is_err());
    }

    #[test]
    fn offset_json_errors_name_the_line() {
        let dir = std::env::temp_dir().join(format!("kfk-json-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("bad.json");
        std::fs::write(&path, "{\"partitions\": [\n {\"topic\": \"t\", \"partition\": 0,, \"offset\": 1}]}").unwrap();
        let e = read_offset_json(&path).unwrap_err().to_string();
        assert!(e.contains("line 2"), "{e}");
        std::fs::write(
            &path,
            "{\"partitions\": [{\"topic\": \"t\", \"partition\": 0, \"offset\": 1}], \"version\": 1}",
        )
        .unwrap();
        assert_eq!(read_offset_json(&path).unwrap()[&TopicPartition::new("t", 0)], 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
