//! Mixed consumer groups: two of our consumers and one Java consumer (kafka-clients, the
//! `tests/java/GroupMember.java` program) in one group, under `range` and under
//! `cooperative-sticky`, once with the Java member joining first (so it leads and runs Java's
//! assignor over our subscriptions) and once with ours first (ours lead and assign the Java
//! member), and under the KIP-848 consumer protocol (the coordinator assigns). Every partition
//! must have exactly one owner, Java and ours must both own some, and every record must be
//! read exactly once across the group. Needs a JDK; runs against the stub and real brokers.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::producer::Producer;
use tests::delivery::Ledger;
use tests::members::{MemberRead, Worker};
use tests::produce::send_all;
use tests::read::ReadRecord;
use tests::topics::create_topic;
use tests::{ready_when, unique_topic, wait_until, Backend, Conn, NotYet, Ready, Wait};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;

const PARTITIONS: i32 = 6;
const RECORDS: usize = 3_000;
/// The member index of the Java consumer in reads.
const JAVA: usize = 99;

/// What the Java member reported.
#[derive(Default)]
struct JavaView {
    owned: BTreeSet<i32>,
    closed: bool,
    violations: Vec<String>,
    /// The last lines the Java member wrote to stderr, for the failure message.
    stderr: VecDeque<String>,
}

/// Starts the Java member; its reads go to `reads`, its ownership to the returned view.
fn start_java(
    classpath: &str,
    args: [&str; 5],
    reads: mpsc::UnboundedSender<MemberRead>,
) -> (tokio::process::Child, Arc<Mutex<JavaView>>) {
    let mut child = tokio::process::Command::new("java")
        .arg("-cp")
        .arg(classpath)
        .arg("GroupMember")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("java");
    let view = Arc::new(Mutex::new(JavaView::default()));
    let stdout = child.stdout.take().expect("piped stdout");
    let stderr = child.stderr.take().expect("piped stderr");
    tokio::spawn({
        let view = view.clone();
        async move {
            let mut lines = BufReader::new(stderr).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let mut view = view.lock().expect("java view");
                if view.stderr.len() == 40 {
                    view.stderr.pop_front();
                }
                view.stderr.push_back(line);
            }
        }
    });
    tokio::spawn({
        let view = view.clone();
        async move {
            let mut lines = BufReader::new(stdout).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let mut words = line.split(' ');
                let kind = words.next().unwrap_or_default();
                let mut view = view.lock().expect("java view");
                match kind {
                    "R" => {
                        let (Some(p), Some(o), Some(v)) = (words.next(), words.next(), words.next()) else { continue };
                        let (Ok(partition), Ok(offset)) = (p.parse(), o.parse()) else { continue };
                        let value = Some(Bytes::copy_from_slice(v.as_bytes()));
                        let record = ReadRecord { partition, offset, key: None, value };
                        let _ = reads.send(MemberRead { member: JAVA, record });
                    }
                    "A" => {
                        for p in words.filter_map(|w| w.parse().ok()) {
                            if !view.owned.insert(p) {
                                view.violations.push(format!("Java assigned {p} it owns"));
                            }
                        }
                    }
                    "V" | "L" => {
                        for p in words.filter_map(|w| w.parse::<i32>().ok()) {
                            view.owned.remove(&p);
                        }
                    }
                    "CLOSED" => view.closed = true,
                    _ => {}
                }
            }
        }
    });
    (child, view)
}

/// Our member's configuration; `consumer` means the KIP-848 protocol.
fn our_config(backend: &Backend, group: &str, strategy: &str) -> ConsumerConfig {
    let mut properties = vec![
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("group.id", group),
        ("auto.offset.reset", "earliest"),
        ("auto.commit.interval.ms", "1000"),
        ("fetch.max.wait.ms", "100"),
    ];
    if strategy == "consumer" {
        properties.push(("group.protocol", "consumer"));
    } else {
        properties.extend([
            ("partition.assignment.strategy", strategy),
            ("session.timeout.ms", "6000"),
            ("heartbeat.interval.ms", "500"),
        ]);
    }
    ConsumerConfig::from_properties(properties).expect("consumer config")
}

async fn mixed_group(backend: &Backend, classpath: &str, strategy: &str, java_class: &str, java_first: bool) {
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("mixed");
    create_topic(&mut conn, &topic, PARTITIONS).await;
    let group = unique_topic("mixed-g");
    let stop: PathBuf = std::env::temp_dir().join(format!("{group}.stop"));
    let (tx, mut rx) = mpsc::unbounded_channel();
    let java_args =
        [backend.bootstrap.as_str(), topic.as_str(), group.as_str(), java_class, stop.to_str().expect("utf-8 path")];

    let mut ours: Vec<Worker> = Vec::new();
    let (mut child, java) = if java_first {
        let (child, java) = start_java(classpath, java_args, tx.clone());
        wait_until("the Java member's first assignment", Duration::from_secs(60), async || {
            ready_when(java.lock().expect("java view").owned.clone(), |owned| !owned.is_empty())
        })
        .await;
        for id in 0..2 {
            ours.push(Worker::start(id, our_config(backend, &group, strategy), &[&topic], tx.clone()));
        }
        (child, java)
    } else {
        for id in 0..2 {
            ours.push(Worker::start(id, our_config(backend, &group, strategy), &[&topic], tx.clone()));
        }
        wait_until("our first assignment", Duration::from_secs(30), async || {
            let owned: Vec<_> = ours.iter().map(|w| w.owned.get()).collect();
            ready_when(owned, |owned| owned.iter().any(|o| !o.is_empty()))
        })
        .await;
        start_java(classpath, java_args, tx.clone())
    };

    // Settled: every partition owned by exactly one member, Java and both of ours among them.
    let all: BTreeSet<i32> = (0..PARTITIONS).collect();
    let ownership = || -> (BTreeSet<i32>, Vec<BTreeSet<i32>>) {
        let java_owned = java.lock().expect("java view").owned.clone();
        let ours_owned = ours
            .iter()
            .map(|w| w.owned.get().iter().filter(|tp| *tp.topic == *topic).map(|tp| tp.partition).collect())
            .collect();
        (java_owned, ours_owned)
    };
    wait_until("a settled mixed assignment", Duration::from_secs(60), async || {
        ready_when(ownership(), |(java_owned, ours_owned)| {
            let mut union = java_owned.clone();
            let mut total = java_owned.len();
            for o in ours_owned {
                union.extend(o.iter().copied());
                total += o.len();
            }
            union == all && total == all.len() && !java_owned.is_empty() && ours_owned.iter().all(|o| !o.is_empty())
        })
    })
    .await;
    let (java_owned, ours_owned) = ownership();
    eprintln!("{strategy} (java first: {java_first}): Java owns {java_owned:?}, ours own {ours_owned:?}");

    let mut ledger = Ledger::default();
    let producer =
        Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
            .expect("producer");
    send_all(&producer, &topic, RECORDS, &mut ledger).await;
    producer.close(Duration::from_secs(5)).await.expect("producer close");

    let mut reads: Vec<MemberRead> = Vec::new();
    Wait::new(format!("{RECORDS} records read"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            if reads.len() >= RECORDS {
                return Ready(());
            }
            if let Ok(Some(r)) = tokio::time::timeout(Duration::from_millis(200), rx.recv()).await {
                reads.push(r);
            }
            NotYet(reads.len())
        })
        .await;
    // Anything read twice would arrive shortly after.
    while let Ok(Some(r)) = tokio::time::timeout(Duration::from_millis(1000), rx.recv()).await {
        reads.push(r);
    }

    let mut violations: Vec<String> = java.lock().expect("java view").violations.clone();
    for w in ours {
        violations.extend(w.owned.violations());
        w.leave().await;
    }
    std::fs::write(&stop, b"stop").expect("stop file");
    let exit = tokio::time::timeout(Duration::from_secs(30), child.wait()).await;
    let _ = std::fs::remove_file(&stop);
    assert!(
        matches!(exit, Ok(Ok(status)) if status.success()),
        "the Java member did not exit cleanly: {exit:?}; its stderr ended with:\n{}",
        java.lock().expect("java view").stderr.iter().cloned().collect::<Vec<_>>().join("\n")
    );

    let report = ledger.check(&reads.iter().map(|r| r.record.clone()).collect::<Vec<_>>());
    let mut per_member: HashMap<usize, usize> = HashMap::new();
    for r in &reads {
        *per_member.entry(r.member).or_default() += 1;
    }
    eprintln!("{strategy} (java first: {java_first}): reads per member {per_member:?}");
    assert!(report.is_clean() && report.read == RECORDS, "{strategy}: {report}");
    assert!(violations.is_empty(), "{violations:?}");
    assert!(per_member.get(&JAVA).copied().unwrap_or(0) > 0, "the Java member read nothing: {per_member:?}");
    assert!(per_member.keys().any(|m| *m != JAVA), "our members read nothing: {per_member:?}");
}

async fn run(strategy: &str, java_class: &str) {
    let backend = Backend::from_env().await;
    if std::process::Command::new("javac").arg("-version").output().is_err() {
        kfk_stub::skip_test!("needs a JDK");
        return;
    }
    let conn = Conn::connect(backend.first_address()).await.expect("connect");
    if !conn.offers_group_protocol(if strategy == "consumer" { "consumer" } else { "classic" }) {
        kfk_stub::skip_test!("this broker does not offer the {strategy} group protocol");
        return;
    }
    let member = tests::java::JavaProgram::compile("GroupMember").await;
    mixed_group(&backend, member.classpath(), strategy, java_class, true).await;
    mixed_group(&backend, member.classpath(), strategy, java_class, false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mixed_group_with_java_under_range() {
    run("range", "org.apache.kafka.clients.consumer.RangeAssignor").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mixed_group_with_java_under_cooperative_sticky() {
    run("cooperative-sticky", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor").await;
}

/// KIP-848: the coordinator assigns; Java's and our reconciliation must agree with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mixed_group_with_java_under_the_consumer_protocol() {
    run("consumer", "consumer").await;
}
