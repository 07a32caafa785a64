//! Every `kfk` workflow end to end, through the binary spawned as a process, against the stub
//! (or the real broker with `TEST_BACKEND=kafka`).

mod common;

use common::{kfk, temp_file, unique, Broker};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_are_created_listed_described_altered_and_deleted() {
    let b = Broker::from_env().await;
    let t = unique("topics");
    let created = b
        .kfk(
            &[
                "topics",
                "--create",
                "--topic",
                &t,
                "--partitions",
                "3",
                "--replication-factor",
                "1",
                "--config",
                "retention.ms=86400000",
            ],
            "",
        )
        .await
        .ok();
    assert_eq!(created.stdout.trim(), format!("Created topic {t}."));
    // Creating it again fails, unless --if-not-exists.
    let again = b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "3"], "").await.failed();
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "3", "--if-not-exists"], "").await.ok();

    let listed = b.kfk(&["topics", "--list"], "").await.ok();
    assert!(listed.lines().contains(&t.as_str()), "{}", listed.stdout);

    let described = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    let lines = described.lines();
    assert_eq!(lines.len(), 4, "{}", described.stdout);
    assert!(lines[0].starts_with(&format!("Topic: {t}\tTopicId: ")), "{}", lines[0]);
    assert!(
        lines[0].ends_with("\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: retention.ms=86400000")
            || lines[0].contains("retention.ms=86400000"),
        "{}",
        lines[0]
    );
    for (i, line) in lines[1..].iter().enumerate() {
        assert!(line.starts_with(&format!("\tTopic: {t}\tPartition: {i}\tLeader: ")), "{line}");
        assert!(line.contains("\tReplicas: ") && line.contains("\tIsr: ") && line.contains("\tElr: "), "{line}");
    }

    b.kfk(&["topics", "--alter", "--topic", &t, "--partitions", "5"], "").await.ok();
    let described = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    assert!(described.lines()[0].contains("\tPartitionCount: 5\t"), "{}", described.stdout);

    let json = b.kfk(&["topics", "--describe", "--topic", &t, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v[0]["partition_count"], 5);
    assert_eq!(v[0]["configs"]["retention.ms"], "86400000");

    b.kfk(&["topics", "--delete", "--topic", &t], "").await.ok();
    // Deletion is asynchronous on a real broker: wait until it is gone.
    let mut gone = false;
    for _ in 0..50 {
        let listed = b.kfk(&["topics", "--list"], "").await.ok();
        if !listed.lines().contains(&t.as_str()) {
            gone = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(gone, "{t} still listed after --delete");
    let missing = b.kfk(&["topics", "--describe", "--topic", &t], "").await.failed();
    assert!(missing.stderr.contains(&format!("Topic '{t}' does not exist")), "{}", missing.stderr);
    b.kfk(&["topics", "--describe", "--topic", &t, "--if-exists"], "").await.ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_take_an_assignment_an_id_and_javas_partition_filters() {
    let b = Broker::from_env().await;
    let base = unique("assign");
    // The broker a one-replica topic lands on: the id the assignments below name.
    b.kfk(&["topics", "--create", "--topic", &base, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    let described = b.kfk(&["topics", "--describe", "--topic", &base], "").await.ok();
    let leader = described.lines()[1].split("\tLeader: ").nth(1).and_then(|r| r.split('\t').next()).expect("a leader");
    let leader = leader.to_string();

    let t = unique("assigned");
    let three = [leader.as_str(); 3].join(",");
    let created = b.kfk(&["topics", "--create", "--topic", &t, "--replica-assignment", &three], "").await.ok();
    assert_eq!(created.stdout.trim(), format!("Created topic {t}."));
    let described = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    assert!(described.lines()[0].contains("\tPartitionCount: 3\tReplicationFactor: 1\t"), "{}", described.stdout);
    assert!(
        described.lines()[1..].iter().all(|l| l.contains(&format!("\tReplicas: {leader}\t"))),
        "{}",
        described.stdout
    );
    // Java's rules: not with --partitions, no broker twice in a partition, one replication factor.
    let both = b
        .kfk(&["topics", "--create", "--topic", &unique("x"), "--replica-assignment", &three, "--partitions", "3"], "")
        .await
        .failed();
    assert!(both.stderr.contains("leave out --partitions"), "{}", both.stderr);
    let twice = format!("{leader}:{leader}");
    let dup =
        b.kfk(&["topics", "--create", "--topic", &unique("x"), "--replica-assignment", &twice], "").await.failed();
    assert!(dup.stderr.contains("names a broker twice"), "{}", dup.stderr);

    // Growing with an assignment: the whole list, of which the fourth partition is new.
    let four = [leader.as_str(); 4].join(",");
    b.kfk(&["topics", "--alter", "--topic", &t, "--partitions", "4", "--replica-assignment", &four], "").await.ok();
    let described = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    assert!(described.lines()[0].contains("\tPartitionCount: 4\t"), "{}", described.stdout);

    // By id.
    let id = described.lines()[0].split("\tTopicId: ").nth(1).and_then(|r| r.split('\t').next()).expect("an id");
    let by_id = b.kfk(&["topics", "--describe", "--topic-id", id], "").await.ok();
    assert!(by_id.lines()[0].starts_with(&format!("Topic: {t}\tTopicId: {id}\t")), "{}", by_id.stdout);
    let unknown = b.kfk(&["topics", "--describe", "--topic-id", "AAAAAAAAAAAAAAAAAAAAAA"], "").await.failed();
    assert!(unknown.stderr.contains("no topic has the id"), "{}", unknown.stderr);

    // min.insync.replicas 1 with one replica in sync: every partition is at the minimum, none under it.
    let m = unique("minisr");
    b.kfk(
        &[
            "topics",
            "--create",
            "--topic",
            &m,
            "--partitions",
            "2",
            "--replication-factor",
            "1",
            "--config",
            "min.insync.replicas=1",
        ],
        "",
    )
    .await
    .ok();
    let at = b.kfk(&["topics", "--describe", "--topic", &m, "--at-min-isr-partitions"], "").await.ok();
    assert_eq!(at.lines().len(), 2, "partition lines only: {}", at.stdout);
    assert!(at.lines().iter().all(|l| l.starts_with(&format!("\tTopic: {m}\tPartition: "))), "{}", at.stdout);
    let under = b.kfk(&["topics", "--describe", "--topic", &m, "--under-min-isr-partitions"], "").await.ok();
    assert!(under.stdout.trim().is_empty(), "{}", under.stdout);

    // Only topics with configs not at their default (a broker's static configs count, as in
    // Java), topic lines only.
    let pattern = format!("{t}|{m}");
    let overridden = b.kfk(&["topics", "--describe", "--topic", &pattern, "--topics-with-overrides"], "").await.ok();
    let plain = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    let t_has_overrides = !plain.lines()[0].ends_with("\tConfigs: ");
    assert_eq!(overridden.lines().len(), 1 + usize::from(t_has_overrides), "{}", overridden.stdout);
    assert!(overridden.lines().iter().all(|l| l.starts_with("Topic: ")), "{}", overridden.stdout);
    assert!(
        overridden
            .lines()
            .iter()
            .any(|l| l.starts_with(&format!("Topic: {m}\t")) && l.contains("min.insync.replicas=1")),
        "{}",
        overridden.stdout
    );

    for topic in [&base, &t, &m] {
        b.kfk(&["topics", "--delete", "--topic", topic], "").await.ok();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyed_lines_are_produced_and_read_back_with_keys_in_a_group() {
    let b = Broker::from_env().await;
    let t = unique("console");
    let g = unique("group");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    let input = "k1:v1\nk2:v2\nk3:v3\n";
    b.kfk(&["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"], input)
        .await
        .ok();
    let read = b
        .kfk(
            &[
                "console-consumer",
                "--topic",
                &t,
                "--from-beginning",
                "--group",
                &g,
                "--max-messages",
                "2",
                "--property",
                "print.key=true",
                "--property",
                "key.separator=:",
                "--property",
                "print.offset=true",
                "--timeout-ms",
                "30000",
            ],
            "",
        )
        .await
        .ok();
    assert_eq!(read.stdout, "Offset:0:k1:v1\nOffset:1:k2:v2\n");
    assert!(read.stderr.contains("Processed a total of 2 messages"), "{}", read.stderr);

    // The group committed exactly what was printed: lag 1.
    let described = b.kfk(&["consumer-groups", "--describe", "--group", &g], "").await.ok();
    let row = described.lines().into_iter().find(|l| l.starts_with(&g)).expect("a row for the group").to_string();
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(&cols[..6], &[g.as_str(), t.as_str(), "0", "2", "3", "1"], "{row}");
    assert!(described.stderr.contains("has no active members"), "{}", described.stderr);

    // The next run in the group continues where the first stopped.
    let rest = b
        .kfk(&["console-consumer", "--topic", &t, "--group", &g, "--max-messages", "1", "--timeout-ms", "30000"], "")
        .await
        .ok();
    assert_eq!(rest.stdout, "v3\n");

    // Reset to the earliest: a dry run changes nothing, --execute does.
    let dry = b
        .kfk(&["consumer-groups", "--reset-offsets", "--group", &g, "--topic", &t, "--to-earliest", "--dry-run"], "")
        .await
        .ok();
    assert!(
        dry.stdout.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == [g.as_str(), t.as_str(), "0", "0"]),
        "{}",
        dry.stdout
    );
    b.kfk(&["consumer-groups", "--reset-offsets", "--group", &g, "--topic", &t, "--to-earliest", "--execute"], "")
        .await
        .ok();
    let json = b.kfk(&["consumer-groups", "--describe", "--group", &g, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v[0]["partitions"][0]["current_offset"], 0);
    assert_eq!(v[0]["partitions"][0]["lag"], 3);

    b.kfk(&["consumer-groups", "--reset-offsets", "--group", &g, "--topic", &t, "--shift-by", "2", "--execute"], "")
        .await
        .ok();
    let json = b.kfk(&["consumer-groups", "--describe", "--group", &g, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v[0]["partitions"][0]["current_offset"], 2);

    // A plan exported as CSV, then applied from the file.
    let plan = b
        .kfk(&["consumer-groups", "--reset-offsets", "--group", &g, "--topic", &t, "--to-offset", "1", "--export"], "")
        .await
        .ok();
    // One line, Java's CSV (long names quoted).
    let quoted = if t.len() > 24 { format!("\"{t}\"") } else { t.clone() };
    assert_eq!(plan.stdout, format!("{quoted},0,1\n"));
    let file = temp_file("reset-plan.csv", &plan.stdout);
    let path = file.to_str().expect("utf-8 path");
    b.kfk(&["consumer-groups", "--reset-offsets", "--group", &g, "--from-file", path, "--execute"], "").await.ok();
    let json = b.kfk(&["consumer-groups", "--describe", "--group", &g, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v[0]["partitions"][0]["current_offset"], 1);

    let listed = b.kfk(&["consumer-groups", "--list"], "").await.ok();
    assert!(listed.lines().contains(&g.as_str()), "{}", listed.stdout);
    let deleted = b.kfk(&["consumer-groups", "--delete", "--group", &g], "").await.ok();
    assert_eq!(deleted.stdout.trim(), format!("Deletion of requested consumer groups ('{g}') was successful."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consumer_reads_the_topics_include_matches_alone_and_in_a_group() {
    let b = Broker::from_env().await;
    let (one, two, other) = (unique("inc-one"), unique("inc-two"), unique("inc-other"));
    for (t, v) in [(&one, "v-one\n"), (&two, "v-two\n"), (&other, "v-other\n")] {
        b.kfk(&["topics", "--create", "--topic", t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
        b.kfk(&["console-producer", "--topic", t], v).await.ok();
    }
    let include = format!("{one},{two}");
    let read = |group: Option<String>| {
        let include = include.clone();
        let b = &b;
        async move {
            let mut args = vec!["console-consumer", "--include", include.as_str(), "--from-beginning"];
            args.extend(["--max-messages", "2", "--timeout-ms", "30000", "--property", "print.key=false"]);
            if let Some(g) = &group {
                args.extend(["--group", g.as_str()]);
            }
            let out = b.kfk(&args, "").await.ok();
            let mut lines: Vec<String> = out.lines().iter().map(|l| l.to_string()).collect();
            lines.sort();
            lines
        }
    };
    assert_eq!(read(None).await, ["v-one", "v-two"]);
    assert_eq!(read(Some(unique("inc-g"))).await, ["v-one", "v-two"]);
    let both = b.kfk(&["console-consumer", "--include", &include, "--topic", &one], "").await.failed();
    assert!(both.stderr.contains("cannot be used with"), "{}", both.stderr);
    let none = b.kfk(&["console-consumer", "--include", "no-such-topic-.*", "--max-messages", "1"], "").await.failed();
    assert!(none.stderr.contains("no topic matches --include"), "{}", none.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consumer_prints_javas_formatter_fields_and_json() {
    let b = Broker::from_env().await;
    let t = unique("format");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
    b.kfk(
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "parse.headers=true"],
        "h1:x,h2:y\tkey\tvalue\n",
    )
    .await
    .ok();
    let read = b
        .read_from_beginning(
            &t,
            1,
            &[
                "--property",
                "print.timestamp=true",
                "--property",
                "print.partition=true",
                "--property",
                "print.headers=true",
                "--property",
                "print.key=true",
                "--property",
                "key.separator=|",
            ],
        )
        .await
        .ok();
    let fields: Vec<&str> = read.stdout.trim_end().split('|').collect();
    assert_eq!(fields.len(), 5, "{}", read.stdout);
    assert!(fields[0].starts_with("CreateTime:"), "{}", read.stdout);
    assert!(fields[1].starts_with("Partition:"), "{}", read.stdout);
    assert_eq!(&fields[2..], &["h1:x,h2:y", "key", "value"]);

    let json = b.read_from_beginning(&t, 1, &["--format", "json"]).await.ok();
    let v: serde_json::Value = serde_json::from_str(json.stdout.trim()).expect("one JSON line");
    assert_eq!((v["key"].as_str(), v["value"].as_str()), (Some("key"), Some("value")));
    assert_eq!(v["headers"][1]["value"], "y");

    // A partition and an offset, kcat-style output.
    let p: i64 = fields[1].trim_start_matches("Partition:").parse().expect("partition");
    let kcat = b
        .kfk(
            &[
                "console-consumer",
                "--topic",
                &t,
                "--partition",
                &p.to_string(),
                "--offset",
                "0",
                "--max-messages",
                "1",
                "--timeout-ms",
                "20000",
                "--format-string",
                "%t/%p@%o %k=%s\\n",
            ],
            "",
        )
        .await
        .ok();
    assert_eq!(kcat.stdout, format!("{t}/{p}@0 key=value\n"));

    // --timeout-ms ends an idle consumer without an error.
    let idle = b.kfk(&["console-consumer", "--topic", &t, "--timeout-ms", "1500"], "").await.ok();
    assert!(idle.stderr.contains("Processed a total of 0 messages"), "{}", idle.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_value_its_deserializer_refuses_stops_the_consumer_or_is_skipped() {
    let b = Broker::from_env().await;
    let t = unique("deser");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    // Values 7, "abc" (three bytes: not an int) and 42, as 4-byte big-endian ints.
    b.kfk(&["console-producer", "--topic", &t], "\0\0\0\x07\nabc\n\0\0\0*\n").await.ok();
    let ints = ["--value-deserializer", "org.apache.kafka.common.serialization.IntegerDeserializer"];

    let stopped = b.read_from_beginning(&t, 3, &ints).await.failed();
    assert_eq!(stopped.stdout, "7\n", "what came before the refused record is printed");
    assert!(stopped.stderr.contains(&format!("{t}-0 at offset 1")), "{}", stopped.stderr);
    assert!(stopped.stderr.contains("Size of data received by IntegerDeserializer is not 4"), "{}", stopped.stderr);

    let mut skipping = ints.to_vec();
    skipping.push("--skip-message-on-error");
    let skipped = b.read_from_beginning(&t, 3, &skipping).await.ok();
    assert_eq!(skipped.stdout, "7\n42\n");
    assert!(skipped.stderr.contains("Error processing message, skipping this message"), "{}", skipped.stderr);
    assert!(skipped.stderr.contains("Processed a total of 3 messages"), "{}", skipped.stderr);

    let unknown =
        b.read_from_beginning(&t, 1, &["--value-deserializer", "com.example.AvroDeserializer"]).await.failed();
    assert!(unknown.stderr.contains("is not one kfk has"), "{}", unknown.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn producer_errors_name_the_line_and_the_count() {
    let b = Broker::from_env().await;
    let t = unique("producer-errors");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    let bad = b
        .kfk(
            &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
            "a:1\nno-separator\n",
        )
        .await
        .failed();
    assert!(bad.stderr.contains("line number 2"), "{}", bad.stderr);

    // A record larger than max.request.size fails on its own; the count says so.
    let big = "x".repeat(3000);
    let failed = b
        .kfk(
            &["console-producer", "--topic", &t, "--producer-property", "max.request.size=2000"],
            &format!("small\n{big}\nsmall\n"),
        )
        .await
        .failed();
    assert!(failed.stderr.contains("1 of 3 records failed"), "{}", failed.stderr);

    let unknown = b.kfk(&["console-producer", "--topic", &unique("missing")], "x\n").await.failed();
    assert!(
        unknown.stderr.contains("does not exist") && unknown.stderr.contains("kfk topics --create"),
        "{}",
        unknown.stderr
    );
    let unknown =
        b.kfk(&["console-consumer", "--topic", &unique("missing"), "--timeout-ms", "1000"], "").await.failed();
    assert!(unknown.stderr.contains("does not exist"), "{}", unknown.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_brokers_and_bad_input_fail_saying_what_to_do() {
    let config = temp_file(
        "client.properties",
        "# short, for the test\ndefault.api.timeout.ms=1500\nrequest.timeout.ms=1000\nlinger.ms=5\n",
    );
    let run = kfk(
        vec![
            "topics".into(),
            "--list".into(),
            "--bootstrap-server".into(),
            "127.0.0.1:1".into(),
            "--command-config".into(),
            config.display().to_string(),
        ],
        String::new(),
    )
    .await
    .failed();
    assert!(run.stderr.contains("no broker reachable at 127.0.0.1:1"), "{}", run.stderr);

    let none = kfk(vec!["topics".into(), "--list".into()], String::new()).await.failed();
    assert!(none.stderr.contains("--bootstrap-server"), "{}", none.stderr);

    let b = Broker::from_env().await;
    let malformed =
        b.kfk(&["topics", "--create", "--topic", &unique("bad"), "--config", "retention.ms"], "").await.failed();
    assert!(malformed.stderr.contains("--config `retention.ms` is not of the form name=value"), "{}", malformed.stderr);
    let json = temp_file("offsets.json", "{\"partitions\": [\n  {\"topic\": \"t\" \"partition\": 0}\n]}");
    let bad_json = b.kfk(&["delete-records", "--offset-json-file", &json.display().to_string()], "").await.failed();
    assert!(bad_json.stderr.contains("line 2"), "{}", bad_json.stderr);
    let bad_props = temp_file("bad.properties", "ok=1\nbroken=\\uZZZZ\n");
    let run = b.kfk(&["topics", "--list", "--command-config", &bad_props.display().to_string()], "").await.failed();
    assert!(run.stderr.contains("line 2"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_configs_are_altered_and_described() {
    let b = Broker::from_env().await;
    let t = unique("configs");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    let altered = b
        .kfk(
            &[
                "configs",
                "--alter",
                "--entity-type",
                "topics",
                "--entity-name",
                &t,
                "--add-config",
                "retention.ms=1000,cleanup.policy=[compact,delete]",
            ],
            "",
        )
        .await
        .ok();
    assert_eq!(altered.stdout.trim(), format!("Completed updating config for topic {t}."));
    let described = b.kfk(&["configs", "--describe", "--topic", &t], "").await.ok();
    let lines = described.lines();
    assert_eq!(lines[0], format!("Dynamic configs for topic {t} are:"));
    assert!(lines.iter().any(|l| l.starts_with("  cleanup.policy=compact,delete sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete")), "{}", described.stdout);
    assert!(
        lines
            .iter()
            .any(|l| l
                .starts_with("  retention.ms=1000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=1000")),
        "{}",
        described.stdout
    );
    b.kfk(&["configs", "--alter", "--topic", &t, "--delete-config", "retention.ms"], "").await.ok();
    let described = b.kfk(&["configs", "--describe", "--topic", &t], "").await.ok();
    assert!(!described.stdout.contains("retention.ms="), "{}", described.stdout);
    let all = b.kfk(&["configs", "--describe", "--topic", &t, "--all"], "").await.ok();
    assert!(all.lines()[0].starts_with("All configs for topic"), "{}", all.stdout);
    assert!(all.stdout.contains("  retention.ms="), "{}", all.stdout);

    // Broker ids differ between set-ups; the first broker of the metadata is the one to ask.
    let meta = b.kfk(&["metadata", "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&meta.stdout).expect("JSON");
    let id = v["brokers"][0]["id"].as_i64().expect("a broker id").to_string();
    let broker =
        b.kfk(&["configs", "--describe", "--entity-type", "brokers", "--entity-name", &id, "--all"], "").await.ok();
    assert_eq!(broker.lines()[0], format!("All configs for broker {id} are:"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_metrics_and_group_configs_are_altered_and_described() {
    let b = Broker::from_env().await;
    // A client-metrics subscription (KIP-714).
    let sub = unique("metrics-sub");
    let cm = ["--entity-type", "client-metrics", "--entity-name", sub.as_str()];
    let missing = b.kfk(&[&["configs", "--describe"][..], &cm].concat(), "").await.ok();
    assert_eq!(
        missing.stdout.trim(),
        format!("The client-metric '{sub}' doesn't exist and doesn't have dynamic config.")
    );
    let add = "metrics=[org.apache.kafka.producer.,org.apache.kafka.consumer.],interval.ms=1000";
    let altered = b.kfk(&[&["configs", "--alter"][..], &cm, &["--add-config", add]].concat(), "").await.ok();
    assert_eq!(altered.stdout.trim(), format!("Completed updating config for client-metric {sub}."));
    // A real broker learns it through its metadata log: wait (at most 10 s).
    let described = wait_for(&b, &[&["configs", "--describe"][..], &cm].concat(), "interval.ms=").await;
    // Kafka 4.x (and the stub) name each value's source as its synonym; Kafka 3.9 sends none.
    let metrics = "org.apache.kafka.producer.,org.apache.kafka.consumer.";
    let expected = |synonyms: bool| {
        let synonym = |key: &str, value: &str| {
            if synonyms {
                format!("{{DYNAMIC_CLIENT_METRICS_CONFIG:{key}={value}}}")
            } else {
                "{}".to_string()
            }
        };
        vec![
            format!("Dynamic configs for client-metric {sub} are:"),
            format!("  interval.ms=1000 sensitive=false synonyms={}", synonym("interval.ms", "1000")),
            format!("  metrics={metrics} sensitive=false synonyms={}", synonym("metrics", metrics)),
        ]
    };
    let lines: Vec<String> = described.lines().into_iter().map(String::from).collect();
    assert!(lines == expected(true) || lines == expected(false), "{}", described.stdout);
    let all = b.kfk(&[&["configs", "--describe", "--all"][..], &cm].concat(), "").await.ok();
    if lines == expected(true) {
        assert!(all.lines().contains(&"  match= sensitive=false synonyms={}"), "{}", all.stdout);
    } else {
        // Kafka 3.9 lists the keys set, not the defaults, even with --all.
        assert_eq!(all.lines()[1..], lines[1..].iter().map(String::as_str).collect::<Vec<_>>(), "{}", all.stdout);
    }
    b.kfk(&[&["configs", "--alter"][..], &cm, &["--delete-config", "interval.ms"]].concat(), "").await.ok();
    let refused =
        b.kfk(&[&["configs", "--alter"][..], &cm, &["--add-config", "interval.ms=5"]].concat(), "").await.failed();
    assert!(refused.stderr.contains("interval.ms"), "{}", refused.stderr);

    // A group's configs (KIP-848), set before the group exists.
    let group = unique("group-configs");
    let g = ["--entity-type", "groups", "--entity-name", group.as_str()];
    let missing = b.kfk(&[&["configs", "--describe"][..], &g].concat(), "").await.ok();
    assert_eq!(missing.stdout.trim(), format!("The group '{group}' doesn't exist and doesn't have dynamic config."));
    let altered = b
        .kfk(&[&["configs", "--alter"][..], &g, &["--add-config", "consumer.session.timeout.ms=50000"]].concat(), "")
        .await;
    if altered.code != Some(0) && altered.stderr.contains("Unknown resource type 32") {
        kfk_stub::skip_test!("(group configs): the broker has no GROUP config resources (Kafka 4.0 and later)");
        return;
    }
    let altered = altered.ok();
    assert_eq!(altered.stdout.trim(), format!("Completed updating config for group {group}."));
    let described = wait_for(&b, &[&["configs", "--describe"][..], &g].concat(), "consumer.session.timeout.ms=").await;
    let lines = described.lines();
    assert_eq!(lines[0], format!("Dynamic configs for group {group} are:"));
    assert_eq!(lines.len(), 2, "{}", described.stdout);
    assert!(
        lines[1].starts_with(
            "  consumer.session.timeout.ms=50000 sensitive=false synonyms={DYNAMIC_GROUP_CONFIG:consumer.session.timeout.ms=50000"
        ),
        "{}",
        described.stdout
    );
    let refused = b
        .kfk(&[&["configs", "--alter"][..], &g, &["--add-config", "consumer.session.timeout.ms=3600000"]].concat(), "")
        .await
        .failed();
    assert!(refused.stderr.contains("consumer.session.timeout.ms"), "{}", refused.stderr);
    b.kfk(&[&["configs", "--alter"][..], &g, &["--delete-config", "consumer.session.timeout.ms"]].concat(), "")
        .await
        .ok();
}

/// Runs `args` until the output contains `wanted` (at most 10 s): a real broker applies
/// configs through its metadata log, a moment after the alteration.
async fn wait_for(b: &Broker, args: &[&str], wanted: &str) -> common::Run {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let run = b.kfk(args, "").await.ok();
        if run.stdout.contains(wanted) || std::time::Instant::now() > deadline {
            return run;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_users_quotas_on_one_client_are_altered_and_described() {
    let b = Broker::from_env().await;
    let user = unique("quota-user");
    let client = unique("quota-client");
    let entity = [
        "--entity-type",
        "users",
        "--entity-name",
        user.as_str(),
        "--entity-type",
        "clients",
        "--entity-name",
        client.as_str(),
    ];
    let set =
        b.kfk(&[&["configs", "--alter"][..], &entity, &["--add-config", "producer_byte_rate=1024"]].concat(), "").await;
    if set.code != Some(0) {
        // The stub does not serve client quotas.
        kfk_stub::skip_test!("the broker refused client quotas: {}", set.stderr.trim());
        return;
    }
    assert_eq!(set.stdout.trim(), format!("Completed updating config for user {user}."));
    let described = wait_for(&b, &[&["configs", "--describe"][..], &entity].concat(), "producer_byte_rate").await;
    assert_eq!(
        described.stdout.trim(),
        format!("Quota configs for user-principal '{user}', client-id '{client}' are producer_byte_rate=1024.0")
    );
    // The user alone has no quotas of its own.
    let alone = b.kfk(&["configs", "--describe", "--entity-type", "users", "--entity-name", &user], "").await.ok();
    assert!(!alone.stdout.contains("Quota configs"), "{}", alone.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn records_are_deleted_and_offsets_listed() {
    let b = Broker::from_env().await;
    let t = unique("records");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
    let lines: String = (0..10).map(|i| format!("{}:v{i}\n", i % 2)).collect();
    b.kfk(
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
        &lines,
    )
    .await
    .ok();
    let latest = b.kfk(&["get-offsets", "--topic", &t], "").await.ok();
    let total: i64 =
        latest.lines().iter().map(|l| l.rsplit(':').next().unwrap_or("0").parse::<i64>().unwrap_or(0)).sum();
    assert_eq!(total, 10, "{}", latest.stdout);
    assert!(latest.lines().iter().all(|l| l.starts_with(&format!("{t}:"))), "{}", latest.stdout);
    let end0: i64 = latest.lines()[0].rsplit(':').next().unwrap_or("0").parse().expect("offset");

    let json = temp_file(
        "delete.json",
        &format!("{{\"partitions\": [{{\"topic\": \"{t}\", \"partition\": 0, \"offset\": 2}}], \"version\": 1}}"),
    );
    let deleted = b.kfk(&["delete-records", "--offset-json-file", &json.display().to_string()], "").await.ok();
    assert_eq!(
        deleted.lines(),
        vec![
            "Executing records delete operation",
            "Records delete operation completed:",
            &format!("partition: {t}-0\tlow_watermark: 2")
        ]
    );
    let earliest = b.kfk(&["get-offsets", "--topic", &t, "--partitions", "0", "--time", "-2"], "").await.ok();
    assert_eq!(earliest.stdout.trim(), format!("{t}:0:2"));
    assert!(end0 >= 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_and_api_versions_name_every_broker() {
    let b = Broker::from_env().await;
    let meta = b.kfk(&["metadata"], "").await.ok();
    assert!(meta.stdout.contains(" brokers:\n  broker "), "{}", meta.stdout);
    let versions = b.kfk(&["broker-api-versions"], "").await.ok();
    let first = versions.lines()[0].to_string();
    assert!(first.contains(" (id: ") && first.ends_with(" -> ("), "{first}");
    assert!(
        versions.stdout.lines().any(|l| l.starts_with("\tProduce(0): ") && l.contains("[usable: ")),
        "{}",
        versions.stdout
    );
    assert!(versions.stdout.lines().any(|l| l.starts_with("\tFetch(1): ")), "{}", versions.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_commits_what_was_printed_and_leaves_the_group() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    use common::kfk_command;

    let b = Broker::from_env().await;
    let t = unique("ctrl-c");
    let g = unique("ctrl-c-group");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    b.kfk(&["console-producer", "--topic", &t], "a\nb\nc\n").await.ok();
    let bootstrap = b.bootstrap.clone();
    let (topic, group) = (t.clone(), g.clone());
    let (code, stderr) = tokio::task::spawn_blocking(move || {
        let mut child = kfk_command([
            "console-consumer",
            "--bootstrap-server",
            &bootstrap,
            "--topic",
            &topic,
            "--group",
            &group,
            "--from-beginning",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kfk starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
        for want in ["a", "b", "c"] {
            assert_eq!(lines.next().expect("a line").expect("readable"), want);
        }
        let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("kill runs");
        assert!(killed.success());
        let out = child.wait_with_output().expect("kfk ends");
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    })
    .await
    .expect("join");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("Processed a total of 3 messages"), "{stderr}");
    let json = b.kfk(&["consumer-groups", "--describe", "--group", &g, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v[0]["partitions"][0]["current_offset"], 3, "{}", json.stdout);
    assert_eq!(v[0]["partitions"][0]["lag"], 0);
    assert_eq!(v[0]["state"], "Empty", "the consumer left the group: {}", json.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn verifiable_producer_and_consumer_print_the_system_test_events() {
    let b = Broker::from_env().await;
    let t = unique("verifiable");
    let g = unique("verifiable-group");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
    let produced =
        b.kfk(&["verifiable-producer", "--topic", &t, "--max-messages", "6", "--repeating-keys", "3"], "").await.ok();
    let events: Vec<serde_json::Value> =
        produced.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON event per line")).collect();
    let names: Vec<&str> = events.iter().filter_map(|e| e["name"].as_str()).collect();
    assert_eq!(names.first(), Some(&"startup_complete"));
    assert_eq!(names.iter().filter(|n| **n == "producer_send_success").count(), 6, "{}", produced.stdout);
    assert_eq!(&names[names.len() - 2..], &["shutdown_complete", "tool_data"]);
    assert_eq!(
        (events.last().map(|e| e["sent"].clone()), events.last().map(|e| e["acked"].clone())),
        (Some(6.into()), Some(6.into()))
    );

    let consumed =
        b.kfk(&["verifiable-consumer", "--topic", &t, "--group-id", &g, "--max-messages", "6"], "").await.ok();
    let events: Vec<serde_json::Value> =
        consumed.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON event per line")).collect();
    let count: u64 =
        events.iter().filter(|e| e["name"] == "records_consumed").map(|e| e["count"].as_u64().unwrap_or(0)).sum();
    assert_eq!(count, 6, "{}", consumed.stdout);
    assert!(events.iter().any(|e| e["name"] == "partitions_assigned"), "{}", consumed.stdout);
    assert!(events.iter().any(|e| e["name"] == "offsets_committed" && e["success"] == true), "{}", consumed.stdout);
    assert_eq!(events.last().map(|e| e["name"].clone()), Some("shutdown_complete".into()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn perf_tests_print_javas_summary_lines() {
    let b = Broker::from_env().await;
    let t = unique("perf");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
    let produced = b
        .kfk(
            &[
                "producer-perf-test",
                "--topic",
                &t,
                "--num-records",
                "2000",
                "--record-size",
                "50",
                "--throughput",
                "-1",
                "--producer-props",
                "acks=1",
                "linger.ms=2",
            ],
            "",
        )
        .await
        .ok();
    let last = produced.stdout.lines().last().unwrap_or_default().to_string();
    assert!(last.starts_with("2000 records sent, ") && last.contains(" ms 99.9th."), "{}", produced.stdout);
    let consumed =
        b.kfk(&["consumer-perf-test", "--topic", &t, "--messages", "2000", "--timeout", "20000"], "").await.ok();
    let lines = consumed.lines();
    assert!(lines[0].starts_with("start.time, end.time, data.consumed.in.MB"), "{}", consumed.stdout);
    let fields: Vec<&str> = lines[1].split(", ").collect();
    assert_eq!(fields.len(), 10, "{}", lines[1]);
    assert_eq!(fields[4], "2000");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_groups_offsets_of_a_topic_are_deleted() {
    let b = Broker::from_env().await;
    let t = unique("delete-offsets");
    let g = unique("delete-offsets-group");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    b.kfk(&["console-producer", "--topic", &t], "a\n").await.ok();
    b.kfk(
        &[
            "console-consumer",
            "--topic",
            &t,
            "--group",
            &g,
            "--from-beginning",
            "--max-messages",
            "1",
            "--timeout-ms",
            "20000",
        ],
        "",
    )
    .await
    .ok();
    let deleted = b.kfk(&["consumer-groups", "--delete-offsets", "--group", &g, "--topic", &t], "").await.ok();
    assert_eq!(deleted.lines()[0], format!("Request succeeded for deleting offsets from group {g}."));
    assert!(
        deleted.lines().iter().any(|l| l.split_whitespace().collect::<Vec<_>>() == [t.as_str(), "0", "Successful"]),
        "{}",
        deleted.stdout
    );
    // Without offsets and members the group is gone (Kafka 3.9) or empty (4.x, the stub).
    let json = b.kfk(&["consumer-groups", "--describe", "--group", &g, "--output", "json"], "").await;
    if json.code == Some(0) {
        let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
        assert_eq!(v[0]["partitions"], serde_json::json!([]), "{}", json.stdout);
    } else {
        assert!(json.stderr.contains(&format!("Consumer group '{g}' does not exist")), "{}", json.stderr);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_transaction_is_listed_described_found_and_aborted() {
    use kfk_client::config::ProducerConfig;
    use kfk_client::producer::{Producer, ProducerRecord};

    let b = Broker::from_env().await;
    let t = unique("txn");
    let id = unique("txn-id");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    let config =
        ProducerConfig::builder().bootstrap_servers(&b.bootstrap).transactional_id(&id).build().expect("config");
    let producer = Producer::new(config).expect("producer");
    producer.init_transactions().await.expect("init_transactions");
    producer.begin_transaction().expect("begin");
    producer.send(ProducerRecord::new(&t).value(b"open")).await.expect("sent");

    let listed = b.kfk(&["transactions", "list"], "").await.ok();
    let row = listed.lines().into_iter().find(|l| l.starts_with(&id)).map(String::from).unwrap_or_default();
    assert!(row.ends_with("Ongoing"), "{}", listed.stdout);
    let described = b.kfk(&["transactions", "describe", "--transactional-id", &id], "").await.ok();
    assert!(described.lines()[1].contains(&format!("{t}-0")), "{}", described.stdout);
    let producers = b
        .kfk(&["transactions", "describe-producers", "--topic", &t, "--partition", "0", "--output", "json"], "")
        .await
        .ok();
    let v: serde_json::Value = serde_json::from_str(&producers.stdout).expect("JSON");
    assert_eq!(v[0]["current_transaction_start_offset"], 0, "{}", producers.stdout);
    // Open for longer than the timeout (0) but run by its coordinator: slow, not hanging.
    let find_hanging =
        ["transactions", "find-hanging", "--topic", &t, "--max-transaction-timeout", "0", "--output", "json"];
    let running = b.kfk(&find_hanging, "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&running.stdout).expect("JSON");
    assert_eq!(v, serde_json::json!([]), "{}", running.stdout);
    // A coordinator that no longer knows the transactional id (the stub's DescribeTransactions
    // made to answer TRANSACTIONAL_ID_NOT_FOUND) leaves the partition's transaction hanging.
    if let Some(stub) = b.stub_cluster() {
        let not_found = kfk_protocol::ErrorCode::TRANSACTIONAL_ID_NOT_FOUND.0;
        stub.faults()
            .inject(kfk_stub::ErrorFault::new(kfk_protocol::messages::ApiKey::DescribeTransactions, not_found));
        let hanging = b.kfk(&find_hanging, "").await.ok();
        let v: serde_json::Value = serde_json::from_str(&hanging.stdout).expect("JSON");
        assert_eq!(v[0]["start_offset"], 0, "{}", hanging.stdout);
        assert_eq!(v.as_array().map(Vec::len), Some(1), "{}", hanging.stdout);
    }
    let aborted =
        b.kfk(&["transactions", "abort", "--topic", &t, "--partition", "0", "--start-offset", "0"], "").await.ok();
    assert!(aborted.stdout.starts_with("Aborted the transaction of producer "), "{}", aborted.stdout);
    let producers = b
        .kfk(&["transactions", "describe-producers", "--topic", &t, "--partition", "0", "--output", "json"], "")
        .await
        .ok();
    let v: serde_json::Value = serde_json::from_str(&producers.stdout).expect("JSON");
    assert_eq!(v[0]["current_transaction_start_offset"], serde_json::Value::Null, "{}", producers.stdout);
    drop(producer);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_on_a_cluster_without_an_authorizer_fail_saying_so() {
    if std::env::var("KAFKA_SECURITY_FILE").is_ok() {
        kfk_stub::skip_test!("this Kafka runs an authorizer (its secured listeners share it)");
        return;
    }
    let b = Broker::from_env().await;
    let listed = b.kfk(&["acls", "--list"], "").await.failed();
    assert!(listed.stderr.starts_with("error: "), "{}", listed.stderr);
    let missing = b.kfk(&["acls", "--add", "--topic", "t"], "").await.failed();
    assert!(missing.stderr.contains("--allow-principal"), "{}", missing.stderr);
}
