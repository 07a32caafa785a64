//! The Java client's command-line tools (kafka-tools) against the stub: `kafka-topics` creates
//! a topic, the console producer writes with idempotence in every codec, two console consumers
//! in one group read everything, and `kafka-consumer-groups --describe` shows no lag.

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use foreign_clients::{check_once_in_order, Read};
use kfk_stub::testing::maven;
use kfk_stub::StubCluster;

/// kafka-tools 4.4.0 is not on Maven Central; 4.3.1 is the newest there.
const TOOLS: &str = "org.apache.kafka:kafka-tools:4.3.1";
const PARTITIONS: usize = 4;
const PER_CODEC: usize = 300;
const CODECS: [&str; 5] = ["none", "gzip", "snappy", "lz4", "zstd"];

struct Tools {
    classpath: String,
}

impl Tools {
    /// Runs a tool's main class; returns its standard output. `input` is written to stdin.
    fn run(&self, main: &str, args: &[&str], input: Option<String>) -> String {
        let mut child = Command::new("java")
            .args(["-Xmx256m", "-cp", &self.classpath, main])
            .args(args)
            .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("java starts");
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            stdin.write_all(text.as_bytes()).expect("stdin");
        }
        let output = child.wait_with_output().expect("java runs");
        assert!(
            output.status.success(),
            "{main} {args:?}: {}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn console_tools_produce_and_consume_in_a_group() {
    let tools = ["java", "mvn"].iter().all(|t| Command::new(t).arg("-version").output().is_ok());
    if !tools {
        kfk_stub::skip_test!("needs java and mvn");
        return;
    }
    let work = std::env::temp_dir().join(format!("kafka-rs-foreign-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work dir");
    let classpath = tokio::task::spawn_blocking({
        let work = work.clone();
        move || maven::classpath(&work, &[TOOLS])
    })
    .await
    .expect("join")
    .expect("kafka-tools classpath");
    let tools = std::sync::Arc::new(Tools { classpath });

    let stub = StubCluster::builder().brokers(1).start().await.expect("stub");
    let bootstrap = stub.bootstrap();
    let topic = "console-roundtrip";
    let group = "console-group";

    let run = |main: &'static str, args: Vec<String>, input: Option<String>| {
        let tools = tools.clone();
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            tools.run(main, &args, input)
        })
    };
    let strings = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    run(
        "org.apache.kafka.tools.TopicCommand",
        strings(&[
            "--bootstrap-server",
            &bootstrap,
            "--create",
            "--topic",
            topic,
            "--partitions",
            &PARTITIONS.to_string(),
            "--replication-factor",
            "1",
        ]),
        None,
    )
    .await
    .expect("join");

    // Two console consumers in one group, running while the producers write; each stops after
    // 20 s without records.
    let consumer = || {
        run(
            "org.apache.kafka.tools.consumer.ConsoleConsumer",
            strings(&[
                "--bootstrap-server",
                &bootstrap,
                "--topic",
                topic,
                "--group",
                group,
                "--from-beginning",
                "--timeout-ms",
                "20000",
                "--consumer-property",
                "session.timeout.ms=6000",
                "--property",
                "print.partition=true",
                "--property",
                "print.offset=true",
            ]),
            None,
        )
    };
    let consumers = (consumer(), consumer());
    // Let both join before the records come, so that each gets partitions to read.
    tokio::time::sleep(std::time::Duration::from_secs(5)).await;

    let mut sent: HashMap<String, usize> = HashMap::new();
    for (c, codec) in CODECS.iter().enumerate() {
        let mut lines = String::new();
        for i in 0..PER_CODEC {
            let n = c * PER_CODEC + i;
            let value = format!("{codec}-{n}");
            lines.push_str(&format!("key-{}:{value}\n", n % 13));
            sent.insert(value, n);
        }
        run(
            "org.apache.kafka.tools.ConsoleProducer",
            strings(&[
                "--bootstrap-server",
                &bootstrap,
                "--topic",
                topic,
                "--producer-property",
                "enable.idempotence=true",
                "--producer-property",
                "acks=all",
                "--producer-property",
                &format!("compression.type={codec}"),
                "--property",
                "parse.key=true",
                "--property",
                "key.separator=:",
            ]),
            Some(lines),
        )
        .await
        .expect("join");
    }

    let (a, b) = tokio::join!(consumers.0, consumers.1);
    let outputs = [a.expect("join"), b.expect("join")];
    let mut reads = Vec::new();
    for output in &outputs {
        reads.extend(output.lines().filter_map(parse_line));
    }
    let problems = check_once_in_order(&sent, &reads);
    assert!(problems.is_empty(), "{problems:?} (read {} of {})", reads.len(), sent.len());
    let per_consumer: Vec<usize> = outputs.iter().map(|o| o.lines().filter_map(parse_line).count()).collect();
    eprintln!("console consumers read {per_consumer:?}");
    assert!(per_consumer.iter().all(|&n| n > 0), "both group members read records: {per_consumer:?}");

    // Both committed on the way out: no lag anywhere.
    let describe = run(
        "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
        strings(&["--bootstrap-server", &bootstrap, "--describe", "--group", group]),
        None,
    )
    .await
    .expect("join");
    let lags: Vec<&str> =
        describe.lines().filter(|l| l.contains(topic)).filter_map(|l| l.split_whitespace().nth(5)).collect();
    assert_eq!(lags.len(), PARTITIONS, "{describe}");
    assert!(lags.iter().all(|lag| *lag == "0"), "{describe}");
    let _ = std::fs::remove_dir_all(&work);
}

/// `Partition:1\tOffset:42\tvalue` (the console consumer's format with partition and offset).
fn parse_line(line: &str) -> Option<Read> {
    let mut partition = None;
    let mut offset = None;
    let mut value = None;
    for field in line.split('\t') {
        if let Some(p) = field.strip_prefix("Partition:") {
            partition = p.trim().parse().ok();
        } else if let Some(o) = field.strip_prefix("Offset:") {
            offset = o.trim().parse().ok();
        } else {
            value = Some(field.to_string());
        }
    }
    Some(Read { partition: partition?, offset: offset?, value: value? })
}

#[test]
fn console_lines_parse() {
    let r = parse_line("Partition:2\tOffset:7\tgzip-12").expect("parsed");
    assert_eq!((r.partition, r.offset, r.value.as_str()), (2, 7, "gzip-12"));
    assert!(parse_line("Processed a total of 5 messages").is_none());
}
