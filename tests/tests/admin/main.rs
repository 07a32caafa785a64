//! The admin client against a broker: topics, records, offsets, configs, the cluster, groups,
//! quotas, SCRAM credentials, transactions and the raw escape hatch, with their error paths
//! (typed already-exists and not-found, the broker's message for an invalid config, partial
//! batches). An altered config is read back through the Java AdminClient too, so that we do not
//! only read our own writes.
//!
//! One test binary (one link, however many areas), a module per admin area. Every test runs
//! against the selected backend; an operation the stub does not serve runs on the real broker
//! only, and the test says so on stderr when it skips it.

mod access;
mod cluster;
mod configs;
mod groups;
mod records;
mod topics;
mod transactions;

use std::process::Command;
use std::time::Duration;

use kfk_admin::*;
use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::{ApiKey, DescribeClusterRequest, ListGroupsRequest, ListOffsetsRequest, MetadataRequest};
use kfk_protocol::{ErrorCode, Uuid};
use kfk_stub::testing::maven;
use tests::read::poll_records;
use tests::{ready_when, unique_topic, wait_until, Backend, BackendKind, NotYet, Ready, Wait};

fn admin(backend: &Backend) -> Admin {
    let mut config = AdminConfig::new(&backend.bootstrap);
    config.default_api_timeout = Duration::from_secs(30);
    Admin::new(config).expect("admin")
}

/// Whether the backend serves `api`; if not, says which test skips what.
async fn serves(admin: &Admin, api: ApiKey, what: &str) -> bool {
    let conn = admin.cluster().any_connection().await.expect("a broker");
    let served = conn.versions().range(api).is_some();
    if !served {
        kfk_stub::skip_test!("on this backend ({what}): it does not serve {api:?}");
    }
    served
}

/// Whether the broker runs the KIP-848 consumer group protocol (`group.version` >= 1, the
/// default from Kafka 4.0); if not, says which test skips what.
async fn has_consumer_protocol(admin: &Admin, what: &str) -> bool {
    let features = admin.describe_features(ClusterOptions::default()).await.expect("features");
    let enabled = features.finalized.get("group.version").is_some_and(|v| v.max >= 1);
    if !enabled {
        kfk_stub::skip_test!("({what}): the broker does not run the KIP-848 group protocol (group.version < 1)");
    }
    enabled
}

/// Creates a topic and waits (at most 30 s) until every partition has a leader.
async fn create(admin: &Admin, name: &str, partitions: i32) -> Uuid {
    let created = admin.create_topics([NewTopic::new(name, partitions, -1)], CreateTopicsOptions::default()).await;
    let created = created[name].as_ref().unwrap_or_else(|e| panic!("create {name}: {e}"));
    wait_for_leaders(admin, name, partitions).await;
    created.topic_id
}

async fn wait_for_leaders(admin: &Admin, name: &str, partitions: i32) -> TopicDescription {
    wait_until(format!("{name}: a leader for each of {partitions} partitions"), Duration::from_secs(30), async || {
        let described = admin.describe_topics([name], DescribeTopicsOptions::default()).await;
        match &described[name] {
            Ok(d) if d.partitions.len() == partitions as usize && d.partitions.iter().all(|p| p.leader.is_some()) => {
                Ready(d.clone())
            }
            _ => NotYet(described),
        }
    })
    .await
}

/// Produces `n` records to `topic`-`partition`, record `i` with timestamp `base_ts + i`.
async fn produce(backend: &Backend, topic: &str, partition: i32, n: usize, base_ts: i64) {
    let producer =
        Producer::new(ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config"))
            .expect("producer");
    let mut deliveries = Vec::new();
    for i in 0..n {
        let value = format!("v{i}");
        let record =
            ProducerRecord::new(topic).partition(partition).value(value.as_bytes()).timestamp(base_ts + i as i64);
        deliveries.push(producer.enqueue(record).await.expect("enqueue"));
    }
    for d in deliveries {
        d.await.expect("delivered");
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
}

fn tp(topic: &str, partition: i32) -> TopicPartition {
    TopicPartition::new(topic, partition)
}

/// Compiles `tests/java/AdminTool.java` against kafka-clients (once per process); returns
/// the classpath that runs it.
fn java_classpath() -> String {
    static CLASSPATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CLASSPATH
        .get_or_init(|| {
            let work = std::env::temp_dir().join(format!("kafka-rs-admin-java-{}", std::process::id()));
            std::fs::create_dir_all(&work).expect("work dir");
            let classpath =
                maven::classpath(&work, &[&format!("org.apache.kafka:kafka-clients:{}", maven::KAFKA_VERSION)])
                    .expect("kafka-clients classpath");
            let source = concat!(env!("CARGO_MANIFEST_DIR"), "/java/AdminTool.java");
            let javac = Command::new("javac")
                .args(["-nowarn", "-d"])
                .arg(&work)
                .args(["-cp", &classpath, source])
                .output()
                .expect("javac");
            assert!(javac.status.success(), "javac: {}", String::from_utf8_lossy(&javac.stderr));
            format!("{}:{classpath}", work.display())
        })
        .clone()
}

/// Runs `AdminTool` with `args` and returns what it printed.
async fn java_tool(args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let java =
            Command::new("java").arg("-cp").arg(java_classpath()).arg("AdminTool").args(&args).output().expect("java");
        assert!(java.status.success(), "java: {}", String::from_utf8_lossy(&java.stderr));
        String::from_utf8_lossy(&java.stdout).into_owned()
    })
    .await
    .expect("join")
}
