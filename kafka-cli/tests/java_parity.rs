//! The same command through Kafka's Java tool and through `kfk`, on the same cluster, gives the
//! same result: topic descriptions, console-consumer lines, group offsets and lag, offsets,
//! API versions and configs. Skipped (and reported as skipped) without a JDK or Maven.

mod common;

use common::java::{classpath_or_skip, java, java_fed, CORE_3_9, TOOLS};
use common::{unique, Broker};

/// The rows of a column table, split on white space, without empty lines.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.split_whitespace().map(String::from).collect()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topics_describe_and_list_print_what_java_prints() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let t = unique("parity-topics");
    b.kfk(
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
            "--config",
            "cleanup.policy=compact",
            "--config",
            "max.message.bytes=200000",
        ],
        "",
    )
    .await
    .ok();
    let ours = b.kfk(&["topics", "--describe", "--topic", &t], "").await.ok();
    let theirs = java(
        &cp,
        "org.apache.kafka.tools.TopicCommand",
        &["--bootstrap-server", &b.bootstrap, "--describe", "--topic", &t],
    )
    .await
    .ok();
    assert_eq!(ours.stdout, theirs.stdout, "kfk (left) and kafka-topics (right) differ");

    let ours = b.kfk(&["topics", "--list", "--topic", &t], "").await.ok();
    let theirs = java(
        &cp,
        "org.apache.kafka.tools.TopicCommand",
        &["--bootstrap-server", &b.bootstrap, "--list", "--topic", &t],
    )
    .await
    .ok();
    assert_eq!(ours.stdout, theirs.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_consumer_lines_are_javas_for_the_same_formatter_properties() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let t = unique("parity-console");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    b.kfk(
        &[
            "console-producer",
            "--topic",
            &t,
            "--property",
            "parse.key=true",
            "--property",
            "parse.headers=true",
            "--property",
            "null.marker=NULL",
        ],
        "h1:a,h2:b\tk1\tv1\nNULL\tk2\tv2\nh:NULL\tNULL\tv3\nh:x\tk4\tNULL\n",
    )
    .await
    .ok();
    let property_sets: &[&[&str]] = &[
        &[],
        &["print.key=true", "key.separator=:"],
        &["print.timestamp=true", "print.partition=true", "print.offset=true", "print.headers=true", "print.key=true"],
        &["print.key=true", "print.value=false", "print.offset=true", "line.separator=;", "null.literal=<none>"],
        &["print.headers=true", "headers.separator=|", "key.separator= - "],
    ];
    for props in property_sets {
        let mut args: Vec<&str> =
            vec!["--topic", &t, "--from-beginning", "--max-messages", "4", "--timeout-ms", "30000"];
        for p in props.iter() {
            // Java 4 calls --property --formatter-property (and warns on stdout about the old name).
            args.extend(["--formatter-property", p]);
        }
        let mut our_args = vec!["console-consumer"];
        our_args.extend(args.iter().copied());
        let ours = b.kfk(&our_args, "").await.ok();
        let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str()];
        java_args.extend(args.iter().copied());
        let theirs = java(&cp, "org.apache.kafka.tools.consumer.ConsoleConsumer", &java_args).await;
        assert_eq!(
            ours.stdout, theirs.stdout,
            "properties {props:?}: kfk (left) and kafka-console-consumer (right) differ\n{}",
            theirs.stderr
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn group_offsets_lag_and_resets_agree_with_java() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let t = unique("parity-groups");
    let g = unique("parity-group");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "2", "--replication-factor", "1"], "").await.ok();
    let lines: String = (0..10).map(|i| format!("{}:v{i}\n", i % 3)).collect();
    b.kfk(
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
        &lines,
    )
    .await
    .ok();
    // Every partition gets a committed offset, then some lag.
    b.kfk(
        &[
            "console-consumer",
            "--topic",
            &t,
            "--group",
            &g,
            "--from-beginning",
            "--max-messages",
            "10",
            "--timeout-ms",
            "30000",
        ],
        "",
    )
    .await
    .ok();
    let more: String = (0..5).map(|i| format!("{}:w{i}\n", i % 3)).collect();
    b.kfk(&["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"], &more)
        .await
        .ok();
    let group = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";
    let ours = b.kfk(&["consumer-groups", "--describe", "--group", &g], "").await.ok();
    let theirs = java(&cp, group, &["--bootstrap-server", &b.bootstrap, "--describe", "--group", &g]).await.ok();
    let (mut ours_rows, mut their_rows) = (rows(&ours.stdout), rows(&theirs.stdout));
    ours_rows.sort();
    their_rows.sort();
    assert_eq!(ours_rows, their_rows, "kfk:\n{}\njava:\n{}", ours.stdout, theirs.stdout);

    for reset in [
        &["--to-earliest"][..],
        &["--to-latest"],
        &["--shift-by", "-2"],
        &["--to-offset", "1"],
        &["--to-offset", "1", "--export"],
    ] {
        let mut args = vec!["--reset-offsets", "--group", g.as_str(), "--topic", t.as_str(), "--dry-run"];
        args.extend(reset.iter().copied());
        let mut our_args = vec!["consumer-groups"];
        our_args.extend(args.iter().copied());
        let ours = b.kfk(&our_args, "").await.ok();
        let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str()];
        java_args.extend(args.iter().copied());
        let theirs = java(&cp, group, &java_args).await.ok();
        let (mut o, mut j) = (rows(&ours.stdout), rows(&theirs.stdout));
        o.sort();
        j.sort();
        assert_eq!(o, j, "{reset:?}: kfk:\n{}\njava:\n{}", ours.stdout, theirs.stdout);
    }

    // The state and members views, and the group's line of --list --state, byte for byte
    // (lines sorted: Java lists in hash order).
    let sorted = |s: &str| {
        let mut lines: Vec<String> = s.lines().map(String::from).collect();
        lines.sort();
        lines
    };
    for view in
        [&["--describe", "--group", g.as_str(), "--state"][..], &["--describe", "--group", g.as_str(), "--members"]]
    {
        let mut our_args = vec!["consumer-groups"];
        our_args.extend(view.iter().copied());
        let ours = b.kfk(&our_args, "").await.ok();
        let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str()];
        java_args.extend(view.iter().copied());
        let theirs = java(&cp, group, &java_args).await.ok();
        assert_eq!(sorted(&ours.stdout), sorted(&theirs.stdout), "{view:?}");
    }
    let ours = b.kfk(&["consumer-groups", "--list", "--state"], "").await.ok();
    let theirs = java(&cp, group, &["--bootstrap-server", &b.bootstrap, "--list", "--state"]).await.ok();
    let line_of = |s: &str| {
        s.lines()
            .find(|l| l.split_whitespace().next() == Some(g.as_str()))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    assert_eq!(line_of(&ours.stdout), line_of(&theirs.stdout));

    let ours = b.kfk(&["consumer-groups", "--list"], "").await.ok();
    let theirs = java(&cp, group, &["--bootstrap-server", &b.bootstrap, "--list"]).await.ok();
    assert!(ours.lines().contains(&g.as_str()) && theirs.lines().contains(&g.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_offsets_and_api_versions_agree_with_java() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let t = unique("parity-offsets");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "3", "--replication-factor", "1"], "").await.ok();
    let lines: String = (0..20).map(|i| format!("{}:v{i}\n", i % 7)).collect();
    b.kfk(
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
        &lines,
    )
    .await
    .ok();
    for time in ["-1", "-2"] {
        let ours = b.kfk(&["get-offsets", "--topic", &t, "--time", time], "").await.ok();
        let theirs = java(
            &cp,
            "org.apache.kafka.tools.GetOffsetShell",
            &["--bootstrap-server", &b.bootstrap, "--topic", &t, "--time", time],
        )
        .await
        .ok();
        assert_eq!(ours.stdout, theirs.stdout, "--time {time}");
    }

    let ours = b.kfk(&["broker-api-versions"], "").await.ok();
    let theirs =
        java(&cp, "org.apache.kafka.tools.BrokerApiVersionsCommand", &["--bootstrap-server", &b.bootstrap]).await.ok();
    // Java also lists the client APIs the broker does not offer (`UNSUPPORTED`), and "usable"
    // depends on the client's own versions (Java's tools are an older release than our
    // protocol): compare what the broker offers, API by API.
    let apis = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with('\t') && !l.contains("UNSUPPORTED"))
            .filter_map(|l| {
                let l = l.trim().trim_end_matches(',');
                let id = l.split_once('(')?.1.split_once(')')?.0;
                let range = l.split_once(": ")?.1.split(" [").next()?;
                Some(format!("{id}: {range}"))
            })
            .collect()
    };
    assert_eq!(apis(&ours.stdout), apis(&theirs.stdout), "kfk:\n{}\njava:\n{}", ours.stdout, theirs.stdout);
    let header = |s: &str| s.lines().filter(|l| l.ends_with(" -> (")).map(String::from).collect::<Vec<_>>();
    assert_eq!(header(&ours.stdout), header(&theirs.stdout));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn topic_configs_describe_as_kafka_configs_does() {
    let cp = classpath_or_skip!(CORE_3_9);
    let b = Broker::from_env().await;
    let t = unique("parity-configs");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    b.kfk(
        &[
            "configs",
            "--alter",
            "--topic",
            &t,
            "--add-config",
            "retention.ms=5000,cleanup.policy=[compact,delete],max.message.bytes=300000",
        ],
        "",
    )
    .await
    .ok();
    let ours = b.kfk(&["configs", "--describe", "--entity-type", "topics", "--entity-name", &t], "").await.ok();
    let theirs = java(
        &cp,
        "kafka.admin.ConfigCommand",
        &["--bootstrap-server", &b.bootstrap, "--describe", "--entity-type", "topics", "--entity-name", &t],
    )
    .await
    .ok();
    assert_eq!(ours.stdout, theirs.stdout, "kfk (left) and kafka-configs (right) differ");

    // Client quotas: set with kfk, described by both.
    let user = unique("quota-user");
    let set = b
        .kfk(
            &[
                "configs",
                "--alter",
                "--entity-type",
                "users",
                "--entity-name",
                &user,
                "--add-config",
                "producer_byte_rate=1024,consumer_byte_rate=2048",
            ],
            "",
        )
        .await;
    if set.code == Some(0) {
        assert_eq!(set.stdout.trim(), format!("Completed updating config for user {user}."));
        let view = ["--describe", "--entity-type", "users", "--entity-name", user.as_str()];
        let mut our_args = vec!["configs"];
        our_args.extend(view);
        // A KRaft broker answers DescribeClientQuotas from its metadata cache, which the
        // alteration reaches a moment later: wait (at most 10 s) until it shows there.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let ours = loop {
            let ours = b.kfk(&our_args, "").await.ok();
            if !ours.stdout.trim().is_empty() || std::time::Instant::now() > deadline {
                break ours;
            }
            tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        };
        let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str()];
        java_args.extend(view);
        let theirs = java(&cp, "kafka.admin.ConfigCommand", &java_args).await.ok();
        assert_eq!(ours.stdout, theirs.stdout, "quotas: kfk (left) and kafka-configs (right) differ");
    } else {
        kfk_stub::skip_test!("client quotas part: the broker refused them: {}", set.stderr.trim());
    }

    // A broker's configs (every one, with synonyms), the cluster default, the broker loggers.
    let meta = b.kfk(&["metadata", "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&meta.stdout).expect("JSON");
    let id = v["brokers"][0]["id"].as_i64().expect("a broker id").to_string();
    let views: [&[&str]; 3] = [
        &["--describe", "--entity-type", "brokers", "--entity-name", &id, "--all"],
        &["--describe", "--entity-type", "brokers", "--entity-default"],
        &["--describe", "--entity-type", "broker-loggers", "--entity-name", &id],
    ];
    for view in views {
        let mut our_args = vec!["configs"];
        our_args.extend(view.iter().copied());
        let ours = b.kfk(&our_args, "").await;
        let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str()];
        java_args.extend(view.iter().copied());
        let theirs = java(&cp, "kafka.admin.ConfigCommand", &java_args).await;
        // The stub has no broker loggers: then both fail.
        assert_eq!(
            ours.code == Some(0),
            theirs.code == Some(0),
            "{view:?}\nkfk: {}\njava: {}",
            ours.stderr,
            theirs.stderr
        );
        if ours.code != Some(0) {
            continue;
        }
        if view.get(2) == Some(&"broker-loggers") && ours.stdout != theirs.stdout {
            // A broker creates loggers as its classes load, so one may appear between the two
            // calls: ours (before Java's) must be a subset of Java's, and Java's of ours asked
            // again after it.
            let again = b.kfk(&our_args, "").await.ok();
            let lines = |s: &str| s.lines().map(String::from).collect::<std::collections::BTreeSet<_>>();
            let (before, java_lines, after) = (lines(&ours.stdout), lines(&theirs.stdout), lines(&again.stdout));
            assert!(
                before.is_subset(&java_lines) && java_lines.is_subset(&after),
                "{view:?}: kfk before {before:?}, java {java_lines:?}, kfk after {after:?}"
            );
            assert_eq!(ours.stdout.lines().next(), theirs.stdout.lines().next(), "{view:?}: the heading");
            continue;
        }
        assert_eq!(ours.stdout, theirs.stdout, "{view:?}: kfk (left) and kafka-configs (right) differ");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_producer_writes_what_javas_writes_for_the_same_lines() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let (ours, theirs) = (unique("parity-produce-kfk"), unique("parity-produce-java"));
    for t in [&ours, &theirs] {
        b.kfk(&["topics", "--create", "--topic", t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    }
    let input = "h1:a,h2:b|k1|v1\nh:x|k2|\nh3:|k3|v3 with spaces\n";
    let reader = ["parse.key=true", "key.separator=|", "parse.headers=true", "headers.delimiter=|"];
    let mut args = vec!["console-producer", "--topic", ours.as_str()];
    for p in reader {
        args.extend(["--property", p]);
    }
    b.kfk(&args, input).await.ok();
    let mut java_args = vec!["--bootstrap-server", b.bootstrap.as_str(), "--topic", theirs.as_str()];
    for p in reader {
        java_args.extend(["--reader-property", p]);
    }
    java_fed(&cp, "org.apache.kafka.tools.ConsoleProducer", &java_args, input).await.ok();
    let print = ["--property", "print.key=true", "--property", "print.headers=true", "--property", "print.offset=true"];
    let mut ours_args = vec![
        "console-consumer",
        "--topic",
        ours.as_str(),
        "--from-beginning",
        "--max-messages",
        "3",
        "--timeout-ms",
        "20000",
    ];
    ours_args.extend(print);
    let mut theirs_args = vec![
        "console-consumer",
        "--topic",
        theirs.as_str(),
        "--from-beginning",
        "--max-messages",
        "3",
        "--timeout-ms",
        "20000",
    ];
    theirs_args.extend(print);
    let from_ours = b.kfk(&ours_args, "").await.ok();
    let from_java = b.kfk(&theirs_args, "").await.ok();
    assert_eq!(
        from_ours.stdout, from_java.stdout,
        "records written by kfk (left) and kafka-console-producer (right) differ"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_records_prints_what_java_prints() {
    let cp = classpath_or_skip!(TOOLS);
    let b = Broker::from_env().await;
    let (ours, theirs) = (unique("parity-delete-kfk"), unique("parity-delete-java"));
    for t in [&ours, &theirs] {
        b.kfk(&["topics", "--create", "--topic", t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
        b.kfk(&["console-producer", "--topic", t], "a\nb\nc\nd\n").await.ok();
    }
    let file = |t: &str| {
        common::temp_file(
            "offsets.json",
            &format!("{{\"partitions\": [{{\"topic\": \"{t}\", \"partition\": 0, \"offset\": 3}}], \"version\": 1}}"),
        )
    };
    let (f1, f2) = (file(&ours), file(&theirs));
    let from_ours = b.kfk(&["delete-records", "--offset-json-file", &f1.display().to_string()], "").await.ok();
    let from_java = java(
        &cp,
        "org.apache.kafka.tools.DeleteRecordsCommand",
        &["--bootstrap-server", &b.bootstrap, "--offset-json-file", &f2.display().to_string()],
    )
    .await
    .ok();
    assert_eq!(from_ours.stdout.replace(&ours, "T"), from_java.stdout.replace(&theirs, "T"));
}
