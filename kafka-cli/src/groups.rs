//! `kfk consumer-groups`: what `kafka-consumer-groups.sh` does, with its columns (GROUP, TOPIC,
//! PARTITION, CURRENT-OFFSET, LOG-END-OFFSET, LAG, CONSUMER-ID, HOST, CLIENT-ID) and words.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use kfk_admin::{
    Admin, DescribeClusterOptions, DescribeGroupsOptions, DescribeTopicsOptions, GroupDescription, GroupOptions,
    ListGroupOffsetsOptions, ListGroupsOptions, ListOffsetsOptions, OffsetAndMetadata, OffsetSpec, TopicPartition,
};
use serde_json::json;

use crate::cli::{Global, GroupsArgs, Output};
use crate::errors;
use crate::props;
use crate::table::{columns, columns_padded, or_dash, print_json};

pub async fn run(global: &Global, args: GroupsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let result = if args.list {
        list(&admin, &bootstrap, &args, global.output).await
    } else if args.describe {
        describe(&admin, &bootstrap, &args, global.output).await
    } else if args.reset_offsets {
        reset(&admin, &bootstrap, &args, global.output).await
    } else if args.delete_offsets {
        delete_offsets(&admin, &bootstrap, &args).await
    } else {
        delete(&admin, &bootstrap, &args).await
    };
    admin.close(Duration::from_millis(100)).await;
    result
}

async fn list(admin: &Admin, bootstrap: &str, args: &GroupsArgs, output: Output) -> Result<ExitCode> {
    let states: Vec<String> = match &args.state {
        Some(s) => s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect(),
        None => Vec::new(),
    };
    // The broker's filter is case-sensitive (`Stable`); accept any case as Java does.
    let mut groups = admin.list_groups(ListGroupsOptions::default()).await.map_err(|e| errors::admin(e, bootstrap))?;
    if !states.is_empty() {
        groups.retain(|g| g.state.as_deref().is_some_and(|s| states.iter().any(|w| w.eq_ignore_ascii_case(s))));
    }
    groups.sort_by(|a, b| a.group_id.cmp(&b.group_id));
    if output == Output::Json {
        print_json(&json!(groups
            .iter()
            .map(|g| json!({"group": g.group_id, "state": g.state, "type": g.group_type, "protocol_type": g.protocol_type}))
            .collect::<Vec<_>>()));
    } else if args.state.is_some() {
        let rows: Vec<Vec<String>> = groups
            .iter()
            .map(|g| vec![g.group_id.clone(), g.state.clone().unwrap_or_else(|| "Unknown".into())])
            .collect();
        // Java: the group column 10 wider than the longest id, the state column 20.
        let longest = groups.iter().map(|g| g.group_id.chars().count()).max().unwrap_or(15);
        print!("{}", columns_padded(&["GROUP", "STATE"], &rows, &[longest + 10, 20]));
    } else {
        for g in &groups {
            println!("{}", g.group_id);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every group's id, sorted.
pub(crate) async fn group_ids(admin: &Admin, bootstrap: &str) -> Result<Vec<String>> {
    let mut all: Vec<String> = admin
        .list_groups(ListGroupsOptions::default())
        .await
        .map_err(|e| errors::admin(e, bootstrap))?
        .into_iter()
        .map(|g| g.group_id)
        .collect();
    all.sort();
    Ok(all)
}

/// The groups named by `--group` or `--all-groups`.
async fn selected_groups(admin: &Admin, bootstrap: &str, args: &GroupsArgs) -> Result<Vec<String>> {
    if args.all_groups {
        return group_ids(admin, bootstrap).await;
    }
    if args.group.is_empty() {
        bail!("give --group GROUP (repeatable) or --all-groups");
    }
    Ok(args.group.clone())
}

async fn describe_one(admin: &Admin, bootstrap: &str, group: &str) -> Result<GroupDescription> {
    match admin.describe_groups([group], DescribeGroupsOptions::default()).await.remove(group) {
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) if e.is_not_found() => {
            bail!("Consumer group '{group}' does not exist; list groups with `kfk consumer-groups --list`")
        }
        Some(Err(e)) => Err(errors::admin(e, bootstrap)).with_context(|| format!("cannot describe group `{group}`")),
        None => bail!("the coordinator did not describe group `{group}`"),
    }
}

/// Java's notes on a group's state, on standard error; false when there is nothing to print.
fn note_state(group: &str, state: &str) -> bool {
    match state {
        "Dead" => {
            eprintln!("Consumer group '{group}' does not exist.");
            false
        }
        "Empty" => {
            eprintln!("\nConsumer group '{group}' has no active members.");
            true
        }
        "PreparingRebalance" | "CompletingRebalance" | "Assigning" | "Reconciling" => {
            eprintln!("\nWarning: Consumer group '{group}' is rebalancing.");
            true
        }
        _ => true,
    }
}

async fn describe(admin: &Admin, bootstrap: &str, args: &GroupsArgs, output: Output) -> Result<ExitCode> {
    let groups = selected_groups(admin, bootstrap, args).await?;
    let mut json_out = Vec::new();
    for group in &groups {
        let d = describe_one(admin, bootstrap, group).await?;
        if args.state.is_some() {
            let nodes = admin.describe_cluster(DescribeClusterOptions::default()).await.ok();
            let coordinator = nodes
                .and_then(|c| c.nodes.into_iter().find(|n| n.id == d.coordinator))
                .map(|n| format!("{}:{}  ({})", n.host, n.port, n.id))
                .unwrap_or_else(|| format!("({})", d.coordinator));
            if output == Output::Json {
                json_out.push(json!({"group": group, "coordinator": d.coordinator, "assignment_strategy": d.assignor,
                    "state": d.state, "members": d.members.len()}));
                continue;
            }
            if note_state(group, &d.state) {
                let rows = vec![vec![
                    group.clone(),
                    coordinator,
                    if d.assignor.is_empty() { "-".to_string() } else { d.assignor.clone() },
                    d.state.clone(),
                    d.members.len().to_string(),
                ]];
                println!();
                print!(
                    "{}",
                    columns(
                        &["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"],
                        &rows,
                        &[15, 25, 20, 20]
                    )
                );
            }
            continue;
        }
        if args.members {
            if output == Output::Json {
                json_out.push(json!({"group": group, "members": d.members.iter().map(|m| json!({
                    "consumer_id": m.member_id, "group_instance_id": m.instance_id, "host": m.host,
                    "client_id": m.client_id,
                    "assignment": m.assignment.iter().map(|tp| tp.to_string()).collect::<Vec<_>>(),
                })).collect::<Vec<_>>()}));
                continue;
            }
            if note_state(group, &d.state) {
                let mut header = vec!["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS"];
                if args.verbose {
                    header.insert(2, "GROUP-INSTANCE-ID");
                    header.push("ASSIGNMENT");
                }
                let rows: Vec<Vec<String>> = d
                    .members
                    .iter()
                    .map(|m| {
                        let mut row = vec![
                            group.clone(),
                            m.member_id.clone(),
                            m.host.clone(),
                            m.client_id.clone(),
                            m.assignment.len().to_string(),
                        ];
                        if args.verbose {
                            row.insert(2, or_dash(m.instance_id.clone()));
                            row.push(assignment_text(&m.assignment));
                        }
                        row
                    })
                    .collect();
                println!();
                // Java pads every column, the last one too, unless --verbose adds ASSIGNMENT.
                if args.verbose {
                    print!("{}", columns(&header, &rows, &[15, 15, 17, 15, 15, 15]));
                } else {
                    // Java's format ends with "%-15s " (a space after the padding).
                    for line in columns_padded(&header, &rows, &[15, 15, 15, 15, 15]).lines() {
                        println!("{line} ");
                    }
                }
            }
            continue;
        }
        // The offsets view (the default).
        let mut lag = admin
            .group_lag(group, GroupOptions::default())
            .await
            .map_err(|e| errors::admin(e, bootstrap))
            .with_context(|| format!("cannot read the offsets of group `{group}`"))?;
        lag.sort_by(|a, b| a.partition.cmp(&b.partition));
        let mut rows: Vec<Vec<String>> = lag
            .iter()
            .map(|l| {
                vec![
                    group.clone(),
                    l.partition.topic.to_string(),
                    l.partition.partition.to_string(),
                    or_dash(l.committed),
                    l.log_end.to_string(),
                    or_dash(l.lag),
                    or_dash(l.member_id.clone()),
                    or_dash(l.host.clone()),
                    or_dash(l.client_id.clone()),
                ]
            })
            .collect();
        // Members without partitions get a row of their own, as in Java.
        for m in d.members.iter().filter(|m| m.assignment.is_empty()) {
            rows.push(vec![
                group.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                m.member_id.clone(),
                m.host.clone(),
                m.client_id.clone(),
            ]);
        }
        if output == Output::Json {
            json_out.push(json!({"group": group, "state": d.state, "partitions": lag.iter().map(|l| json!({
                "topic": &*l.partition.topic, "partition": l.partition.partition, "current_offset": l.committed,
                "log_end_offset": l.log_end, "lag": l.lag, "consumer_id": l.member_id, "host": l.host,
                "client_id": l.client_id,
            })).collect::<Vec<_>>()}));
            continue;
        }
        if d.state == "Dead" && rows.is_empty() {
            note_state(group, &d.state);
            continue;
        }
        if note_state(group, &d.state) {
            println!();
            print!(
                "{}",
                columns(
                    &[
                        "GROUP",
                        "TOPIC",
                        "PARTITION",
                        "CURRENT-OFFSET",
                        "LOG-END-OFFSET",
                        "LAG",
                        "CONSUMER-ID",
                        "HOST",
                        "CLIENT-ID"
                    ],
                    &rows,
                    &[15, 15, 10, 15, 15, 15, 15, 15]
                )
            );
        }
    }
    if output == Output::Json {
        print_json(&json!(json_out));
    }
    Ok(ExitCode::SUCCESS)
}

fn assignment_text(tps: &[TopicPartition]) -> String {
    if tps.is_empty() {
        return "-".into();
    }
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for tp in tps {
        by_topic.entry(&tp.topic).or_default().push(tp.partition);
    }
    by_topic
        .into_iter()
        .map(|(t, mut ps)| {
            ps.sort();
            format!("{t}({})", ps.iter().map(i32::to_string).collect::<Vec<_>>().join(","))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How `--reset-offsets` picks each new offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResetTo {
    Earliest,
    Latest,
    Current,
    Offset(i64),
    ShiftBy(i64),
    Timestamp(i64),
    /// Per partition, from `--from-file` ([`ResetFile`]).
    FromFile,
}

/// `--from-file`: the offsets for every group (three-column lines) and per group (four).
#[derive(Debug, Default)]
struct ResetFile {
    any_group: BTreeMap<TopicPartition, i64>,
    by_group: BTreeMap<String, BTreeMap<TopicPartition, i64>>,
}

impl ResetFile {
    fn read(path: &std::path::Path) -> Result<ResetFile> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("cannot read --from-file {}", path.display()))?;
        ResetFile::parse(&text).with_context(|| format!("--from-file {}", path.display()))
    }

    fn parse(text: &str) -> Result<ResetFile> {
        let mut file = ResetFile::default();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
        for (i, record) in reader.records().enumerate() {
            let n = i + 1;
            let record = record.with_context(|| format!("line {n} is not CSV"))?;
            let fields: Vec<&str> = record.iter().map(str::trim).collect();
            let (group, topic, partition, offset) = match fields.as_slice() {
                [""] => continue,
                [t, p, o] => (None, *t, *p, *o),
                [g, t, p, o] => (Some(*g), *t, *p, *o),
                _ => bail!(
                    "line {n} (`{}`): expected topic,partition,offset or group,topic,partition,offset",
                    fields.join(",")
                ),
            };
            let partition: i32 =
                partition.parse().with_context(|| format!("line {n}: `{partition}` is not a partition number"))?;
            let offset: i64 = offset.parse().with_context(|| format!("line {n}: `{offset}` is not an offset"))?;
            let tp = TopicPartition::new(topic, partition);
            match group {
                None => file.any_group.insert(tp, offset),
                Some(g) => file.by_group.entry(g.to_string()).or_default().insert(tp, offset),
            };
        }
        Ok(file)
    }

    /// The offsets the file sets for `group`.
    fn for_group(&self, group: &str) -> BTreeMap<TopicPartition, i64> {
        let mut out = self.any_group.clone();
        if let Some(own) = self.by_group.get(group) {
            out.extend(own.iter().map(|(tp, o)| (tp.clone(), *o)));
        }
        out
    }
}

fn reset_spec(args: &GroupsArgs) -> Result<ResetTo> {
    let mut specs = Vec::new();
    if args.to_earliest {
        specs.push(ResetTo::Earliest);
    }
    if args.to_latest {
        specs.push(ResetTo::Latest);
    }
    if args.to_current {
        specs.push(ResetTo::Current);
    }
    if let Some(o) = args.to_offset {
        specs.push(ResetTo::Offset(o));
    }
    if let Some(n) = args.shift_by {
        specs.push(ResetTo::ShiftBy(n));
    }
    if let Some(dt) = &args.to_datetime {
        specs.push(ResetTo::Timestamp(crate::offsets::parse_datetime(dt)?));
    }
    if let Some(d) = &args.by_duration {
        let back = crate::offsets::parse_iso_duration(d)?;
        specs.push(ResetTo::Timestamp(chrono::Utc::now().timestamp_millis() - back));
    }
    if args.from_file.is_some() {
        specs.push(ResetTo::FromFile);
    }
    match specs.as_slice() {
        [one] => Ok(*one),
        [] => bail!(
            "--reset-offsets needs one of --to-earliest, --to-latest, --to-current, --to-offset N, --shift-by N, \
             --to-datetime T, --by-duration D, --from-file FILE"
        ),
        _ => bail!("--reset-offsets takes only one of the --to-*, --shift-by, --by-duration and --from-file options"),
    }
}

/// The partitions `--topic t` / `--topic t:0,1` / `--all-topics` name.
async fn reset_partitions(
    admin: &Admin,
    bootstrap: &str,
    group: &str,
    args: &GroupsArgs,
    committed: &BTreeMap<TopicPartition, OffsetAndMetadata>,
) -> Result<Vec<TopicPartition>> {
    if args.all_topics {
        return Ok(committed.keys().cloned().collect());
    }
    if args.topic.is_empty() {
        bail!("--reset-offsets needs --topic TOPIC[:PARTITIONS] or --all-topics (group `{group}`)");
    }
    let mut out = Vec::new();
    for spec in &args.topic {
        match spec.split_once(':') {
            Some((topic, parts)) => {
                for p in parts.split(',').filter(|p| !p.trim().is_empty()) {
                    let p: i32 =
                        p.trim().parse().with_context(|| format!("--topic `{spec}`: `{p}` is not a partition"))?;
                    out.push(TopicPartition::new(topic, p));
                }
            }
            None => {
                let described = admin.describe_topics([spec.as_str()], DescribeTopicsOptions::default()).await;
                match described.get(spec.as_str()) {
                    Some(Ok(d)) => out.extend(d.partitions.iter().map(|p| TopicPartition::new(spec, p.partition))),
                    Some(Err(e)) => return Err(errors::admin(e.clone(), bootstrap)),
                    None => bail!("the broker did not describe topic `{spec}`"),
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

async fn offsets_of(
    admin: &Admin,
    bootstrap: &str,
    tps: &[TopicPartition],
    spec: OffsetSpec,
) -> Result<BTreeMap<TopicPartition, i64>> {
    let listed = admin.list_offsets(tps.iter().map(|tp| (tp.clone(), spec)), ListOffsetsOptions::default()).await;
    let mut out = BTreeMap::new();
    for (tp, r) in listed {
        out.insert(tp, r.map_err(|e| errors::admin(e, bootstrap))?.offset);
    }
    Ok(out)
}

async fn reset(admin: &Admin, bootstrap: &str, args: &GroupsArgs, output: Output) -> Result<ExitCode> {
    let to = reset_spec(args)?;
    if args.dry_run && args.execute {
        bail!("--dry-run and --execute are exclusive");
    }
    if !args.dry_run && !args.execute {
        eprintln!(
            "WARN: No action will be performed as the --execute option is missing. In a future major release, \
             the default behavior of this command will be to prompt the user before executing the reset rather \
             than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command \
             and want to keep the current default behavior without prompting."
        );
    }
    let file = match &args.from_file {
        Some(path) => Some(ResetFile::read(path)?),
        None => None,
    };
    let groups = selected_groups(admin, bootstrap, args).await?;
    let mut rows = Vec::new();
    let mut json_out = Vec::new();
    for group in &groups {
        let d = describe_one(admin, bootstrap, group).await?;
        if args.execute && !matches!(d.state.as_str(), "Empty" | "Dead") {
            bail!(
                "Assignments can only be reset if the group '{group}' is inactive, but the current state is {}; \
                 stop its consumers first",
                d.state
            );
        }
        let committed = admin
            .list_group_offsets(group, ListGroupOffsetsOptions::default())
            .await
            .map_err(|e| errors::admin(e, bootstrap))?;
        let from_file = file.as_ref().map(|f| f.for_group(group));
        let tps = match &from_file {
            Some(planned) if planned.is_empty() => bail!("--from-file names no partition for group `{group}`"),
            Some(planned) => planned.keys().cloned().collect(),
            None => reset_partitions(admin, bootstrap, group, args, &committed).await?,
        };
        let earliest = offsets_of(admin, bootstrap, &tps, OffsetSpec::Earliest).await?;
        let latest = offsets_of(admin, bootstrap, &tps, OffsetSpec::Latest).await?;
        let by_time = match to {
            ResetTo::Timestamp(ts) => Some(
                admin
                    .list_offsets(
                        tps.iter().map(|tp| (tp.clone(), OffsetSpec::Timestamp(ts))),
                        ListOffsetsOptions::default(),
                    )
                    .await,
            ),
            _ => None,
        };
        let mut new = BTreeMap::new();
        for tp in &tps {
            let (lo, hi) = (earliest[tp], latest[tp]);
            let current = committed.get(tp).map(|o| o.offset);
            let wanted = match to {
                ResetTo::Earliest => lo,
                ResetTo::Latest => hi,
                ResetTo::Current => current.unwrap_or(hi),
                ResetTo::Offset(o) => o,
                ResetTo::ShiftBy(n) => match current {
                    Some(c) => c + n,
                    None => bail!(
                        "Cannot shift offset for partition {tp} since there is no current committed offset; \
                         use --to-earliest, --to-latest or --to-offset for it"
                    ),
                },
                ResetTo::Timestamp(_) => match by_time.as_ref().and_then(|m| m.get(tp)) {
                    Some(Ok(found)) if found.offset >= 0 => found.offset,
                    _ => hi,
                },
                ResetTo::FromFile => from_file.as_ref().and_then(|f| f.get(tp)).copied().unwrap_or(hi),
            };
            let clamped = wanted.clamp(lo, hi.max(lo));
            if clamped != wanted {
                eprintln!(
                    "New offset ({wanted}) is {} than the {} offset for the topic partition {tp}. Value will be set to {clamped}",
                    if wanted < lo { "lower" } else { "higher" },
                    if wanted < lo { "earliest" } else { "latest" },
                );
            }
            new.insert(tp.clone(), clamped);
        }
        if args.execute {
            let results = admin
                .alter_group_offsets(
                    group,
                    new.iter().map(|(tp, o)| (tp.clone(), OffsetAndMetadata::new(*o))),
                    GroupOptions::default(),
                )
                .await;
            for (tp, r) in results {
                r.map_err(|e| errors::admin(e, bootstrap))
                    .with_context(|| format!("cannot reset {tp} of `{group}`"))?;
            }
        }
        for (tp, o) in &new {
            rows.push(vec![group.clone(), tp.topic.to_string(), tp.partition.to_string(), o.to_string()]);
            json_out.push(json!({"group": group, "topic": &*tp.topic, "partition": tp.partition, "new_offset": o}));
        }
    }
    if args.export {
        // Java's CSV: without the group column when one group was asked for.
        let one_group = groups.len() == 1;
        for row in &rows {
            let fields = if one_group { &row[1..] } else { &row[..] };
            println!("{}", fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        }
    } else if output == Output::Json {
        print_json(&json!(json_out));
    } else {
        println!();
        print!("{}", columns(&["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"], &rows, &[30, 30, 10, 15]));
    }
    Ok(ExitCode::SUCCESS)
}

async fn delete(admin: &Admin, bootstrap: &str, args: &GroupsArgs) -> Result<ExitCode> {
    let groups = selected_groups(admin, bootstrap, args).await?;
    let results = admin.delete_groups(groups.iter().cloned(), GroupOptions::default()).await;
    let mut ok = Vec::new();
    let mut failed = Vec::new();
    for (group, r) in results {
        match r {
            Ok(()) => ok.push(format!("'{group}'")),
            Err(e) => failed.push((group, e)),
        }
    }
    if !ok.is_empty() {
        println!("Deletion of requested consumer groups ({}) was successful.", ok.join(", "));
    }
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("Deletion of some consumer groups failed:");
    for (group, e) in &failed {
        let hint =
            if e.code() == Some(kfk_protocol::ErrorCode::NON_EMPTY_GROUP) { " (stop its consumers first)" } else { "" };
        eprintln!(
            "* Group '{group}' could not be deleted due to: {}{hint}",
            errors::render(&errors::admin(e.clone(), bootstrap))
        );
    }
    Ok(ExitCode::FAILURE)
}

async fn delete_offsets(admin: &Admin, bootstrap: &str, args: &GroupsArgs) -> Result<ExitCode> {
    let [group] = args.group.as_slice() else { bail!("--delete-offsets needs exactly one --group") };
    let committed = admin
        .list_group_offsets(group, ListGroupOffsetsOptions::default())
        .await
        .map_err(|e| errors::admin(e, bootstrap))?;
    let tps = reset_partitions(admin, bootstrap, group, args, &committed).await?;
    let results = admin.delete_group_offsets(group, tps.iter().cloned(), GroupOptions::default()).await;
    let mut failed = 0;
    let rows: Vec<Vec<String>> = results
        .into_iter()
        .map(|(tp, r)| {
            let status = match r {
                Ok(()) => "Successful".to_string(),
                Err(e) => {
                    failed += 1;
                    format!("Error: {e}")
                }
            };
            vec![tp.topic.to_string(), tp.partition.to_string(), status]
        })
        .collect();
    if failed == 0 {
        println!("Request succeeded for deleting offsets from group {group}.");
    } else {
        println!("Request failed for deleting offsets from group {group}.");
    }
    println!();
    print!("{}", columns(&["TOPIC", "PARTITION", "STATUS"], &rows, &[15, 10]));
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// A CSV field as Java's tool writes it (Jackson's default quoting): quoted when longer than
/// 24 characters or holding a character before `-` (space, punctuation, the comma, the quote),
/// quotes doubled inside.
fn csv_field(field: &str) -> std::borrow::Cow<'_, str> {
    if field.chars().count() > 24 || field.chars().any(|c| c < '-') {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reset_files_take_javas_two_csv_forms() {
        let file = ResetFile::parse("t,0,5\nt,1,7\n\ng2,t,0,9\n").expect("valid");
        let g1 = file.for_group("g1");
        assert_eq!(g1.get(&TopicPartition::new("t", 0)), Some(&5));
        assert_eq!(g1.get(&TopicPartition::new("t", 1)), Some(&7));
        let g2 = file.for_group("g2");
        assert_eq!(g2.get(&TopicPartition::new("t", 0)), Some(&9), "a group's own line wins");
        assert!(ResetFile::parse("t,0").is_err());
        // What --export writes reads back, quotes and all.
        let long = "a-topic-name-longer-than-24";
        let line = format!("{},{},3,{}\n", csv_field("g \"x\""), csv_field(long), csv_field("11"));
        assert_eq!(line, format!("\"g \"\"x\"\"\",\"{long}\",3,11\n"));
        let file = ResetFile::parse(&line).expect("valid");
        assert_eq!(file.for_group("g \"x\"").get(&TopicPartition::new(long, 3)), Some(&11));
        assert_eq!(csv_field("orders"), "orders");
        assert!(ResetFile::parse("t,x,5").unwrap_err().to_string().contains("not a partition"));
    }
}
