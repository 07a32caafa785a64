//! The admin client against a broker: topics, records, offsets, configs, the cluster, groups,
//! quotas, SCRAM credentials, transactions and the raw escape hatch, with their error paths
//! (typed already-exists and not-found, the broker's message for an invalid config, partial
//! batches). An altered config is read back through the Java AdminClient too, so that we do not
//! only read our own writes.
//!
//! Every test runs against the selected backend; an operation the stub does not serve runs on
//! the real broker only, and the test says so on stderr when it skips it.

use std::process::Command;
use std::time::{Duration, Instant};

use kafka_admin::*;
use kafka_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kafka_client::consumer::Consumer;
use kafka_client::producer::{Producer, ProducerRecord};
use kafka_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kafka_protocol::messages::{
    ApiKey, DescribeClusterRequest, ListGroupsRequest, ListOffsetsRequest, MetadataRequest,
};
use kafka_protocol::{ErrorCode, Uuid};
use server_stub::testing::maven;
use tests::{unique_topic, Backend, BackendKind};

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
        server_stub::skip_test!("on this backend ({what}): it does not serve {api:?}");
    }
    served
}

/// Whether the broker runs the KIP-848 consumer group protocol (`group.version` >= 1, the
/// default from Kafka 4.0); if not, says which test skips what.
async fn has_consumer_protocol(admin: &Admin, what: &str) -> bool {
    let features = admin.describe_features(ClusterOptions::default()).await.expect("features");
    let enabled = features.finalized.get("group.version").is_some_and(|v| v.max >= 1);
    if !enabled {
        server_stub::skip_test!("({what}): the broker does not run the KIP-848 group protocol (group.version < 1)");
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
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let described = admin.describe_topics([name], DescribeTopicsOptions::default()).await;
        if let Ok(d) = &described[name] {
            if d.partitions.len() == partitions as usize && d.partitions.iter().all(|p| p.leader.is_some()) {
                return d.clone();
            }
        }
        assert!(Instant::now() < deadline, "{name}: no leaders after 30 s: {described:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
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

#[tokio::test]
async fn topics_create_list_describe_grow_and_delete() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-topic");

    // Validate-only creates nothing.
    let validated = admin
        .create_topics(
            [NewTopic::new(&topic, 3, -1)],
            CreateTopicsOptions { validate_only: true, ..Default::default() },
        )
        .await;
    assert!(validated[&topic].is_ok(), "{validated:?}");
    assert!(admin.describe_topics([&topic], DescribeTopicsOptions::default()).await[&topic]
        .as_ref()
        .is_err_and(AdminError::is_not_found));

    let id = create(&admin, &topic, 3).await;
    assert_ne!(id, Uuid::ZERO, "CreateTopics reports the topic id");

    // Creating it again is a typed TopicAlreadyExists with the broker's message.
    let again = admin.create_topics([NewTopic::new(&topic, 3, -1)], CreateTopicsOptions::default()).await;
    match &again[&topic] {
        Err(AdminError::TopicAlreadyExists { topic: t, .. }) => assert_eq!(t, &topic),
        other => panic!("expected TopicAlreadyExists, got {other:?}"),
    }

    let listed = admin.list_topics(ListTopicsOptions::default()).await.expect("list");
    let ours = listed.iter().find(|t| t.name == topic).expect("listed");
    assert_eq!(ours.topic_id, id);
    assert!(listed.iter().all(|t| !t.internal), "internal topics only when asked for");
    let with_internal =
        admin.list_topics(ListTopicsOptions { include_internal: true, ..Default::default() }).await.expect("list");
    assert!(listed.iter().all(|t| with_internal.contains(t)), "asking for internal topics only adds some");

    let described = wait_for_leaders(&admin, &topic, 3).await;
    assert_eq!(described.topic_id, id);
    assert!(!described.internal);
    let brokers: Vec<i32> = admin.describe_cluster(DescribeClusterOptions::default()).await.map_or_else(
        |_| admin.cluster().metadata().brokers.keys().copied().collect(),
        |c| c.nodes.iter().map(|n| n.id).collect(),
    );
    for p in &described.partitions {
        let leader = p.leader.expect("a leader");
        assert!(brokers.contains(&leader), "leader {leader} is a broker");
        assert!(p.replicas.contains(&leader) && p.isr.contains(&leader), "{p:?}");
        assert!(p.offline_replicas.is_empty());
    }

    // Unknown topics are a typed not-found, next to a known one in the same call.
    let missing = unique_topic("admin-missing");
    let both = admin.describe_topics([&topic, &missing], DescribeTopicsOptions::default()).await;
    assert!(both[&topic].is_ok());
    match &both[&missing] {
        Err(AdminError::NotFound { kind: ResourceKind::Topic, code, .. }) => {
            assert_eq!(*code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)
        }
        other => panic!("expected NotFound, got {other:?}"),
    }

    // More partitions (validate-only first: nothing changes); fewer is refused with the
    // broker's reason.
    let validate = CreatePartitionsOptions { validate_only: true, ..Default::default() };
    let checked = admin.create_partitions([(&topic, NewPartitions::increase_to(5))], validate).await;
    assert!(checked[&topic].is_ok(), "{checked:?}");
    let described = admin.describe_topics([&topic], DescribeTopicsOptions::default()).await;
    assert_eq!(described[&topic].as_ref().expect("described").partitions.len(), 3, "validate-only added nothing");
    let grown =
        admin.create_partitions([(&topic, NewPartitions::increase_to(4))], CreatePartitionsOptions::default()).await;
    assert!(grown[&topic].is_ok(), "{grown:?}");
    // An explicit placement for the fifth partition, on the last broker.
    let last = *brokers.iter().max().expect("a broker");
    let placed = NewPartitions::with_assignment(5, vec![vec![last]]);
    let grown = admin.create_partitions([(&topic, placed)], CreatePartitionsOptions::default()).await;
    assert!(grown[&topic].is_ok(), "{grown:?}");
    let described = wait_for_leaders(&admin, &topic, 5).await;
    let fifth = described.partitions.iter().find(|p| p.partition == 4).expect("partition 4");
    assert_eq!(fifth.replicas, vec![last], "replicas as assigned");
    let shrunk =
        admin.create_partitions([(&topic, NewPartitions::increase_to(2))], CreatePartitionsOptions::default()).await;
    let e = shrunk[&topic].as_ref().expect_err("cannot shrink");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_PARTITIONS), "{e}");
    assert!(e.broker_message().is_some_and(|m| !m.is_empty()), "the broker says why: {e}");

    // Delete by id, then deleting again is a not-found.
    let deleted = admin.delete_topics([TopicRef::Id(id)], DeleteTopicsOptions::default()).await;
    assert!(deleted[&TopicRef::Id(id)].is_ok(), "{deleted:?}");
    let again = admin.delete_topics([topic.as_str()], DeleteTopicsOptions::default()).await;
    assert!(again[&TopicRef::from(topic.as_str())].as_ref().is_err_and(AdminError::is_not_found), "{again:?}");
}

#[tokio::test]
async fn a_partial_batch_reports_each_item() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let good = unique_topic("admin-good");
    let bad = unique_topic("admin-bad");
    let existing = unique_topic("admin-existing");
    create(&admin, &existing, 1).await;
    let results = admin
        .create_topics(
            [NewTopic::new(&good, 1, -1), NewTopic::new(&bad, 0, -1), NewTopic::new(&existing, 1, -1)],
            CreateTopicsOptions::default(),
        )
        .await;
    assert_eq!(results.len(), 3);
    assert!(results[&good].is_ok(), "{results:?}");
    let e = results[&bad].as_ref().expect_err("zero partitions is invalid");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_PARTITIONS), "{e}");
    assert!(matches!(results[&existing], Err(AdminError::TopicAlreadyExists { .. })), "{results:?}");
    wait_for_leaders(&admin, &good, 1).await;

    let deleted = admin.delete_topics([good.as_str(), bad.as_str()], DeleteTopicsOptions::default()).await;
    assert!(deleted[&TopicRef::from(good.as_str())].is_ok(), "{deleted:?}");
    assert!(deleted[&TopicRef::from(bad.as_str())].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
}

#[tokio::test]
async fn an_explicit_replica_assignment_is_kept() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let node = *admin.cluster().fresh_metadata().await.expect("metadata").brokers.keys().min().expect("a broker");
    let topic = unique_topic("admin-assigned");
    let created = admin
        .create_topics(
            [NewTopic::with_assignment(&topic, vec![vec![node], vec![node]]).config("cleanup.policy", "compact")],
            CreateTopicsOptions::default(),
        )
        .await;
    assert!(created[&topic].is_ok(), "{created:?}");
    let described = wait_for_leaders(&admin, &topic, 2).await;
    for p in &described.partitions {
        assert_eq!(p.replicas, vec![node]);
        assert_eq!(p.leader, Some(node));
    }
}

#[tokio::test]
async fn records_are_deleted_and_offsets_listed() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-records");
    create(&admin, &topic, 2).await;
    let base_ts = 1_700_000_000_000;
    produce(&backend, &topic, 0, 100, base_ts).await;

    let specs = [(tp(&topic, 0), OffsetSpec::Earliest), (tp(&topic, 1), OffsetSpec::Latest)];
    let listed = admin.list_offsets(specs, ListOffsetsOptions::default()).await;
    assert_eq!(listed[&tp(&topic, 0)].as_ref().expect("earliest").offset, 0);
    assert_eq!(listed[&tp(&topic, 1)].as_ref().expect("latest of the empty partition").offset, 0);
    let latest = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], ListOffsetsOptions::default()).await;
    assert_eq!(latest[&tp(&topic, 0)].as_ref().expect("latest").offset, 100);
    let at =
        admin.list_offsets([(tp(&topic, 0), OffsetSpec::Timestamp(base_ts + 42))], ListOffsetsOptions::default()).await;
    let at = at[&tp(&topic, 0)].as_ref().expect("by timestamp");
    assert_eq!((at.offset, at.timestamp), (42, base_ts + 42));

    if serves(&admin, ApiKey::ListOffsets, "max-timestamp").await
        && admin.cluster().any_connection().await.expect("conn").version_for(ApiKey::ListOffsets).expect("v") >= 7
    {
        let max = admin.list_offsets([(tp(&topic, 0), OffsetSpec::MaxTimestamp)], ListOffsetsOptions::default()).await;
        let max = max[&tp(&topic, 0)].as_ref().expect("max timestamp");
        assert_eq!((max.offset, max.timestamp), (99, base_ts + 99));
    }

    // Unknown partitions fail alone.
    let missing = admin
        .list_offsets(
            [(tp(&topic, 0), OffsetSpec::Latest), (tp(&topic, 7), OffsetSpec::Latest)],
            ListOffsetsOptions::default(),
        )
        .await;
    assert!(missing[&tp(&topic, 0)].is_ok());
    assert!(missing[&tp(&topic, 7)].as_ref().is_err_and(AdminError::is_not_found), "{missing:?}");

    if !serves(&admin, ApiKey::DeleteRecords, "delete records").await {
        return;
    }
    let deleted = admin
        .delete_records(
            [(tp(&topic, 0), RecordsToDelete::before(40)), (tp(&topic, 9), RecordsToDelete::before(1))],
            DeleteRecordsOptions::default(),
        )
        .await;
    assert_eq!(*deleted[&tp(&topic, 0)].as_ref().expect("deleted"), 40);
    assert!(deleted[&tp(&topic, 9)].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
    let earliest = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Earliest)], ListOffsetsOptions::default()).await;
    assert_eq!(earliest[&tp(&topic, 0)].as_ref().expect("earliest").offset, 40);
    // Beyond the high watermark is refused.
    let beyond =
        admin.delete_records([(tp(&topic, 0), RecordsToDelete::before(1000))], DeleteRecordsOptions::default()).await;
    assert_eq!(beyond[&tp(&topic, 0)].as_ref().expect_err("out of range").code(), Some(ErrorCode::OFFSET_OUT_OF_RANGE));
    let all =
        admin.delete_records([(tp(&topic, 0), RecordsToDelete::HIGH_WATERMARK)], DeleteRecordsOptions::default()).await;
    assert_eq!(*all[&tp(&topic, 0)].as_ref().expect("deleted all"), 100);
}

#[tokio::test]
async fn topic_configs_are_described_and_altered() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::IncrementalAlterConfigs, "configs").await {
        return;
    }
    let topic = unique_topic("admin-configs");
    create(&admin, &topic, 1).await;
    let resource = ConfigResource::topic(&topic);
    let describe = |synonyms: bool| {
        let admin = admin.clone();
        let resource = resource.clone();
        async move {
            let options = DescribeConfigsOptions { include_synonyms: synonyms, ..Default::default() };
            admin
                .describe_configs([resource.clone()], options)
                .await
                .remove(&resource)
                .expect("a result")
                .expect("described")
        }
    };

    let only = DescribeConfigsOptions { keys: Some(vec!["retention.ms".into()]), ..Default::default() };
    let only =
        admin.describe_configs([resource.clone()], only).await.remove(&resource).expect("a result").expect("described");
    assert_eq!(only.entries.keys().collect::<Vec<_>>(), vec!["retention.ms"]);
    let before = describe(true).await;
    let retention = before.get("retention.ms").expect("retention.ms");
    assert_eq!(retention.source, ConfigSource::Default);
    assert!(!retention.sensitive && !retention.read_only);

    let changes =
        vec![AlterConfigOp::set("retention.ms", "3600000"), AlterConfigOp::append("cleanup.policy", "compact")];
    let altered = admin.incremental_alter_configs([(resource.clone(), changes)], AlterConfigsOptions::default()).await;
    assert!(altered[&resource].is_ok(), "{altered:?}");
    // Config changes reach the broker's cache through the metadata log.
    wait_for_config(&admin, &resource, "retention.ms", "3600000", ConfigSource::DynamicTopic).await;
    let after = describe(true).await;
    let retention = after.get("retention.ms").expect("retention.ms");
    assert_eq!(retention.value.as_deref(), Some("3600000"));
    assert_eq!(retention.source, ConfigSource::DynamicTopic);
    assert_eq!(retention.synonyms.first().map(|s| s.source), Some(ConfigSource::DynamicTopic), "{retention:?}");
    assert_eq!(after.value("cleanup.policy"), Some("delete,compact"));

    // Validate-only checks without changing; subtract and delete undo.
    let validated = admin
        .incremental_alter_configs(
            [(resource.clone(), vec![AlterConfigOp::set("retention.ms", "1000")])],
            AlterConfigsOptions { validate_only: true, ..Default::default() },
        )
        .await;
    assert!(validated[&resource].is_ok(), "{validated:?}");
    assert_eq!(describe(false).await.value("retention.ms"), Some("3600000"));
    let undo = vec![AlterConfigOp::delete("retention.ms"), AlterConfigOp::subtract("cleanup.policy", "compact")];
    let undone = admin.incremental_alter_configs([(resource.clone(), undo)], AlterConfigsOptions::default()).await;
    assert!(undone[&resource].is_ok(), "{undone:?}");
    wait_for_config(&admin, &resource, "retention.ms", "604800000", ConfigSource::Default).await;
    wait_for_config(&admin, &resource, "cleanup.policy", "delete", ConfigSource::DynamicTopic).await;

    // An invalid value fails with the broker's reason; the valid resource in the same batch
    // is still altered.
    let other = unique_topic("admin-configs-other");
    create(&admin, &other, 1).await;
    let batch = admin
        .incremental_alter_configs(
            [
                (resource.clone(), vec![AlterConfigOp::set("retention.ms", "not-a-number")]),
                (ConfigResource::topic(&other), vec![AlterConfigOp::set("retention.ms", "7200000")]),
            ],
            AlterConfigsOptions::default(),
        )
        .await;
    let e = batch[&resource].as_ref().expect_err("invalid value");
    match e {
        AdminError::InvalidConfig { kind: ResourceKind::Topic, name, .. } => assert_eq!(name, &topic),
        other => panic!("expected InvalidConfig, got {other:?}"),
    }
    assert_eq!(e.code(), Some(ErrorCode::INVALID_CONFIG), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("retention.ms")), "the broker's message names the key: {e}");
    assert!(batch[&ConfigResource::topic(&other)].is_ok(), "{batch:?}");

    // A missing topic is a typed not-found.
    let missing = ConfigResource::topic(unique_topic("admin-configs-missing"));
    let result = admin.describe_configs([missing.clone()], DescribeConfigsOptions::default()).await;
    assert!(result[&missing].as_ref().is_err_and(AdminError::is_not_found), "{result:?}");
}

/// The Java AdminClient reads back a config we altered: a second, independent path.
#[tokio::test]
async fn java_admin_client_sees_our_config_change() {
    let backend = Backend::from_env().await;
    if backend.kind != BackendKind::Kafka || Command::new("javac").arg("-version").output().is_err() {
        server_stub::skip_test!("needs a real broker and a JDK");
        return;
    }
    let admin = admin(&backend);
    let topic = unique_topic("admin-java");
    create(&admin, &topic, 1).await;
    let resource = ConfigResource::topic(&topic);
    let altered = admin
        .incremental_alter_configs(
            [(resource.clone(), vec![AlterConfigOp::set("max.message.bytes", "424242")])],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(altered[&resource].is_ok(), "{altered:?}");
    // The change reaches the broker's cache through the metadata log: a few tries.
    let mut out = String::new();
    for _ in 0..5 {
        out = java_tool(&["config", &backend.bootstrap, &topic, "max.message.bytes"]).await;
        if out.trim() == "424242 DYNAMIC_TOPIC_CONFIG" {
            break;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    assert_eq!(out.trim(), "424242 DYNAMIC_TOPIC_CONFIG");
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

#[tokio::test]
async fn broker_and_logger_configs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let node = *admin.cluster().fresh_metadata().await.expect("metadata").brokers.keys().min().expect("a broker");
    let broker = ConfigResource::broker(node);
    let logger = ConfigResource::broker_logger(node);
    let described = admin
        .describe_configs(
            [broker.clone(), logger.clone()],
            DescribeConfigsOptions { include_synonyms: true, include_documentation: true, ..Default::default() },
        )
        .await;
    let config = described[&broker].as_ref().expect("broker configs");
    let num_partitions = config.get("num.partitions").expect("num.partitions");
    assert_eq!(num_partitions.source, ConfigSource::StaticBroker, "set in server.properties: {num_partitions:?}");
    assert_eq!(num_partitions.config_type, Some(ConfigType::Int));
    assert!(num_partitions.read_only, "{num_partitions:?}");
    assert!(num_partitions.documentation.as_deref().is_some_and(|d| !d.is_empty()));
    assert!(num_partitions.synonyms.iter().any(|s| s.source == ConfigSource::Default));
    let loggers = described[&logger].as_ref().expect("logger configs");
    assert!(loggers.get("root").is_some(), "the root logger is listed");
    // A listed logger's level, changed and changed back; an unknown logger is refused.
    let name = loggers.entries.keys().find(|n| *n != "root").cloned().expect("a logger besides root");
    let original = loggers.get(&name).and_then(|e| e.value.clone()).expect("a level");
    for level in ["WARN", original.as_str()] {
        alter_one(&admin, &logger, vec![AlterConfigOp::set(&name, level)]).await.expect("level set");
        let described = admin.describe_configs([logger.clone()], DescribeConfigsOptions::default()).await;
        let entry = described[&logger].as_ref().expect("loggers").get(&name).cloned();
        assert_eq!(entry.and_then(|e| e.value).as_deref(), Some(level), "{name}");
    }
    let unknown = alter_one(&admin, &logger, vec![AlterConfigOp::set("no.such.logger.here", "DEBUG")]).await;
    assert!(unknown.is_err(), "{unknown:?}");

    // A dynamic broker config, set and removed on that broker.
    alter_one(&admin, &broker, vec![AlterConfigOp::set("log.cleaner.threads", "2")]).await.expect("set");
    wait_for_config(&admin, &broker, "log.cleaner.threads", "2", ConfigSource::DynamicBroker).await;
    alter_one(&admin, &broker, vec![AlterConfigOp::delete("log.cleaner.threads")]).await.expect("removed");
    // A static one cannot change while the broker runs.
    let refused = alter_one(&admin, &broker, vec![AlterConfigOp::set("num.partitions", "3")]).await;
    assert!(refused.is_err(), "{refused:?}");
}

/// Applies `ops` to one resource; its outcome.
async fn alter_one(admin: &Admin, resource: &ConfigResource, ops: Vec<AlterConfigOp>) -> Result<(), AdminError> {
    let mut outcome = admin.incremental_alter_configs([(resource.clone(), ops)], AlterConfigsOptions::default()).await;
    outcome.remove(resource).expect("an outcome for the resource")
}

#[tokio::test]
async fn group_and_client_metrics_configs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if backend.kind != BackendKind::Kafka {
        server_stub::skip_test!("the stub models topic and broker configs only (not group or client-metrics ones)");
        return;
    }
    // Group configs (KIP-848) and client-metrics subscriptions (KIP-714), where the broker has
    // them.
    if has_consumer_protocol(&admin, "group configs").await {
        group_configs(&admin).await;
    }
    let metrics = ConfigResource::client_metrics(unique_topic("admin-metrics"));
    let set = admin
        .incremental_alter_configs(
            [(
                metrics.clone(),
                vec![
                    AlterConfigOp::set("interval.ms", "60000"),
                    AlterConfigOp::set("metrics", "org.apache.kafka.producer"),
                ],
            )],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(set[&metrics].is_ok(), "{set:?}");
    wait_for_config(&admin, &metrics, "interval.ms", "60000", ConfigSource::ClientMetrics).await;
}

/// A group's configs (KIP-848), set and read back.
async fn group_configs(admin: &Admin) {
    let group = ConfigResource::group(unique_topic("admin-group-config"));
    let set = admin
        .incremental_alter_configs(
            [(group.clone(), vec![AlterConfigOp::set("consumer.session.timeout.ms", "50000")])],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(set[&group].is_ok(), "{set:?}");
    wait_for_config(admin, &group, "consumer.session.timeout.ms", "50000", ConfigSource::Group).await;
}

/// Configs of brokers, groups and client-metrics reach the brokers through the metadata log:
/// waits (at most 15 s) until `key` of `resource` has `value` from `source`.
async fn wait_for_config(admin: &Admin, resource: &ConfigResource, key: &str, value: &str, source: ConfigSource) {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let described = admin.describe_configs([resource.clone()], DescribeConfigsOptions::default()).await;
        let entry = described[resource].as_ref().expect("described").get(key).cloned();
        if entry.as_ref().is_some_and(|e| e.value.as_deref() == Some(value) && e.source == source) {
            return;
        }
        assert!(Instant::now() < deadline, "{resource} {key} after 15 s: {entry:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn cluster_features_versions_and_log_dirs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let metadata = admin.cluster().fresh_metadata().await.expect("metadata");
    let node = *metadata.brokers.keys().min().expect("a broker");

    if serves(&admin, ApiKey::DescribeCluster, "describe cluster").await {
        let cluster = admin
            .describe_cluster(DescribeClusterOptions { include_authorized_operations: true, ..Default::default() })
            .await
            .expect("describe cluster");
        assert!(!cluster.cluster_id.is_empty());
        assert_eq!(Some(cluster.cluster_id.clone()), metadata.cluster_id);
        let ids: Vec<i32> = cluster.nodes.iter().map(|n| n.id).collect();
        let mut known: Vec<i32> = metadata.brokers.keys().copied().collect();
        known.sort();
        assert_eq!(ids, known);
        let controller = cluster.controller.expect("a controller");
        assert!(ids.contains(&controller));
        let first = backend.first_address();
        assert!(cluster.nodes.iter().any(|n| format!("{}:{}", n.host, n.port) == first), "{cluster:?}");
    }

    let versions = admin.api_versions(ClusterOptions::default()).await.expect("api versions");
    assert_eq!(versions.len(), metadata.brokers.len());
    let ranges = versions[&node].as_ref().expect("this broker's versions");
    let api_versions = ranges.iter().find(|r| r.api_key == ApiKey::ApiVersions.key()).expect("ApiVersions listed");
    assert!(api_versions.min == 0 && api_versions.max >= 3 && api_versions.usable.is_some(), "{api_versions:?}");
    assert_eq!(api_versions.name(), Some("ApiVersions"));
    assert!(ranges.iter().any(|r| r.api_key == ApiKey::Produce.key() && r.usable.is_some()));

    if backend.kind == BackendKind::Kafka {
        let features = admin.describe_features(ClusterOptions::default()).await.expect("features");
        let level = features.finalized.get("metadata.version").expect("KRaft finalizes metadata.version");
        assert!(level.max > 0);
        assert!(features.supported.contains_key("metadata.version"));
        assert!(features.finalized_epoch.is_some());
    }

    if serves(&admin, ApiKey::DescribeLogDirs, "log dirs").await {
        let topic = unique_topic("admin-logdirs");
        create(&admin, &topic, 1).await;
        let leader = wait_for_leaders(&admin, &topic, 1).await.partitions[0].leader.expect("leader");
        produce(&backend, &topic, 0, 10, 1).await;
        let dirs = admin.describe_log_dirs([leader], ClusterOptions::default()).await;
        let dirs = dirs[&leader].as_ref().expect("log dirs");
        let replica = dirs.values().find_map(|d| d.replicas.get(&tp(&topic, 0))).expect("the replica is in a log dir");
        assert!(replica.size > 0 && !replica.is_future, "{replica:?}");
        assert!(dirs.values().all(|d| d.error.is_none()));
    }
}

#[tokio::test]
async fn the_raw_escape_hatch_routes_any_request() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let metadata =
        admin.send(&MetadataRequest { topics: Some(Vec::new()), ..Default::default() }).await.expect("metadata");
    assert!(!metadata.brokers.is_empty());
    let node = metadata.brokers[0].node_id;
    let to_node = admin
        .send_to(Target::Broker(node), &MetadataRequest { topics: Some(Vec::new()), ..Default::default() })
        .await
        .expect("metadata from one broker");
    assert_eq!(to_node.cluster_id, metadata.cluster_id);
    if serves(&admin, ApiKey::DescribeCluster, "raw DescribeCluster").await {
        let response = admin.send(&DescribeClusterRequest::default()).await.expect("describe cluster");
        assert_eq!(Some(response.cluster_id), metadata.cluster_id);
    }
    assert_eq!(Target::for_api(ApiKey::CreateTopics), Target::Controller);

    // A partition API to the partition's leader, a group API to the group's coordinator.
    let topic = unique_topic("admin-raw");
    create(&admin, &topic, 1).await;
    produce(&backend, &topic, 0, 3, 1).await;
    let request = ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: topic.clone(),
            partitions: vec![ListOffsetsPartition { partition_index: 0, timestamp: -1, ..Default::default() }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let response = admin.send_to(Target::PartitionLeader(topic.clone(), 0), &request).await.expect("list offsets");
    let p = &response.topics[0].partitions[0];
    assert_eq!((ErrorCode(p.error_code), p.offset), (ErrorCode::NONE, 3));
    let group = unique_topic("admin-raw-group");
    let request = ListGroupsRequest::default();
    let at_coordinator = admin.send_to(Target::GroupCoordinator(group), &request).await.expect("list groups");
    assert_eq!(ErrorCode(at_coordinator.error_code), ErrorCode::NONE);
}

/// A consumer in `group` subscribed to `topic` that has read `n` records and committed them.
async fn member_that_read(backend: &Backend, group: &str, topic: &str, n: usize) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.into());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.max_poll_records = n;
    config.group.heartbeat_interval = Duration::from_millis(300);
    config.group.session_timeout = Duration::from_secs(10);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([topic]).expect("subscribe");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut read = 0;
    while read < n {
        assert!(Instant::now() < deadline, "read {read} of {n} records in 60 s");
        read += consumer.poll(Duration::from_millis(300)).await.expect("poll").len();
    }
    consumer.commit().await.expect("commit");
    consumer
}

#[tokio::test]
async fn static_members_are_removed_by_instance_id() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-static");
    create(&admin, &topic, 1).await;
    produce(&backend, &topic, 0, 10, 1).await;
    let group = unique_topic("admin-static-group");
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.clone());
    config.group.instance_id = Some("static-1".into());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.group.heartbeat_interval = Duration::from_millis(300);
    config.group.session_timeout = Duration::from_secs(30);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut read = 0;
    while read < 10 {
        assert!(Instant::now() < deadline, "read {read} of 10 records in 60 s");
        read += consumer.poll(Duration::from_millis(300)).await.expect("poll").len();
    }
    let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let members = &d[&group].as_ref().expect("described").members;
    assert_eq!(members.iter().map(|m| m.instance_id.as_deref()).collect::<Vec<_>>(), vec![Some("static-1")]);
    let member_id = members[0].member_id.clone();

    // The known instance is removed; an unknown one fails alone.
    let wanted = MembersToRemove::Static(vec!["static-1".into(), "ghost".into()]);
    let removed = admin.remove_members(&group, wanted, GroupOptions::default()).await.expect("answered");
    assert!(removed["static-1"].is_ok(), "{removed:?}");
    assert_eq!(removed["ghost"].as_ref().expect_err("unknown").code(), Some(ErrorCode::UNKNOWN_MEMBER_ID));
    // The member is gone at once, though its session had 30 s to run (the consumer may rejoin
    // under the same instance id, but as a new member).
    let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let described = d[&group].as_ref().expect("described");
    assert!(described.members.iter().all(|m| m.member_id != member_id), "removed member still listed: {described:?}");
    drop(consumer);
}

#[tokio::test]
async fn groups_offsets_lag_and_deletion() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-groups");
    create(&admin, &topic, 2).await;
    produce(&backend, &topic, 0, 30, 1).await;
    produce(&backend, &topic, 1, 20, 1).await;

    // An active member: described with its assignment, lag 0 after committing what it read.
    let group = unique_topic("admin-group");
    let consumer = member_that_read(&backend, &group, &topic, 50).await;
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let d = described[&group].as_ref().expect("described");
    assert_eq!(d.state, "Stable");
    assert_eq!(d.members.len(), 1);
    let mut assigned = d.members[0].assignment.clone();
    assigned.sort();
    assert_eq!(assigned, vec![tp(&topic, 0), tp(&topic, 1)]);
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    assert_eq!(lag.len(), 2);
    for l in &lag {
        assert_eq!(l.lag, Some(0), "{l:?}");
        assert_eq!(l.member_id.as_deref(), Some(d.members[0].member_id.as_str()));
    }
    let listed = admin.list_groups(ListGroupsOptions::default()).await.expect("list groups");
    assert!(listed.iter().any(|g| g.group_id == group && g.protocol_type == "consumer"), "{listed:?}");
    {
        let stable = ListGroupsOptions { states: vec!["Stable".into()], ..Default::default() };
        assert!(admin.list_groups(stable).await.expect("list").iter().any(|g| g.group_id == group));
        let empty = ListGroupsOptions { states: vec!["Empty".into()], ..Default::default() };
        assert!(!admin.list_groups(empty).await.expect("list").iter().any(|g| g.group_id == group));
        let classic = ListGroupsOptions { types: vec!["classic".into()], ..Default::default() };
        let classic = admin.list_groups(classic).await.expect("list");
        assert!(classic.iter().any(|g| g.group_id == group && g.group_type.as_deref() == Some("classic")));
    }

    // The group cannot be deleted or have its offsets reset while it has members; removing
    // them (KIP-345's admin removal) empties it.
    let deleted = admin.delete_groups([&group], GroupOptions::default()).await;
    assert_eq!(deleted[&group].as_ref().expect_err("non-empty").code(), Some(ErrorCode::NON_EMPTY_GROUP));
    let removed = admin.remove_members(&group, MembersToRemove::All, GroupOptions::default()).await.expect("removed");
    assert_eq!(removed.len(), 1);
    assert!(removed.values().all(Result::is_ok), "{removed:?}");
    // The removed consumer would rejoin at its next heartbeat: close it (a clean leave if it
    // did), so that the group stays empty for what follows. A rejoin already under way when it
    // closed leaves a member until its session ends: wait for the group to be empty.
    consumer.close().await;
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
        let state = d[&group].as_ref().expect("described").state.clone();
        if state == "Empty" {
            break;
        }
        assert!(Instant::now() < deadline, "the group is {state} 60 s after its member closed");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // Move the committed offsets back: lag is what was produced after them.
    let reset =
        admin.alter_group_offsets(&group, [(tp(&topic, 0), OffsetAndMetadata::new(10))], GroupOptions::default()).await;
    assert!(reset[&tp(&topic, 0)].is_ok(), "{reset:?}");
    let offsets = admin.list_group_offsets(&group, ListGroupOffsetsOptions::default()).await.expect("offsets");
    assert_eq!(offsets[&tp(&topic, 0)].offset, 10);
    assert_eq!(offsets[&tp(&topic, 1)].offset, 20);
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    let lag0 = lag.iter().find(|l| l.partition == tp(&topic, 0)).expect("partition 0");
    assert_eq!((lag0.committed, lag0.log_end, lag0.lag, lag0.member_id.as_ref()), (Some(10), 30, Some(20), None));

    // Delete one partition's offset, then the group.
    let deleted = admin.delete_group_offsets(&group, [tp(&topic, 1)], GroupOptions::default()).await;
    assert!(deleted[&tp(&topic, 1)].is_ok(), "{deleted:?}");
    let only = ListGroupOffsetsOptions { partitions: Some(vec![tp(&topic, 0), tp(&topic, 1)]), ..Default::default() };
    let offsets = admin.list_group_offsets(&group, only).await.expect("offsets");
    assert_eq!(offsets.keys().cloned().collect::<Vec<_>>(), vec![tp(&topic, 0)]);
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    assert_eq!(described[&group].as_ref().expect("described").state, "Empty");
    let deleted = admin.delete_groups([&group], GroupOptions::default()).await;
    assert!(deleted[&group].is_ok(), "{deleted:?}");

    // Unknown groups: typed not-found when described or deleted.
    let missing = unique_topic("admin-no-group");
    let described = admin.describe_groups([&group, &missing], DescribeGroupsOptions::default()).await;
    for g in [&group, &missing] {
        match &described[g] {
            Err(AdminError::NotFound { kind: ResourceKind::Group, .. }) => {}
            other => panic!("{g}: expected a not-found group, got {other:?}"),
        }
    }
    let deleted = admin.delete_groups([&missing], GroupOptions::default()).await;
    assert!(deleted[&missing].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
}

#[tokio::test]
async fn acls_need_an_authorizer() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::DescribeAcls, "ACLs").await {
        return;
    }
    // The single-node test broker runs without an authorizer (the 3-node test in
    // admin_cluster.rs runs one and exercises create/describe/delete).
    let described = admin.describe_acls(AclBindingFilter::ANY, AclOptions::default()).await;
    match described {
        Err(e) if e.code() == Some(ErrorCode::SECURITY_DISABLED) => {
            let acl = AclBinding::allow_topic("t", "User:alice", AclOperation::Read);
            let created = admin.create_acls(vec![acl], AclOptions::default()).await;
            assert_eq!(created[0].1.as_ref().expect_err("no authorizer").code(), Some(ErrorCode::SECURITY_DISABLED));
        }
        other => eprintln!("this broker has an authorizer: {other:?}"),
    }
}

#[tokio::test]
async fn client_quotas_are_altered_and_described() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::AlterClientQuotas, "quotas").await {
        return;
    }
    let user = unique_topic("admin-quota-user");
    let entity: QuotaEntity = [("user".to_string(), Some(user.clone()))].into();
    let filter = vec![QuotaFilterComponent { entity_type: "user".into(), matching: QuotaMatch::Exact(user.clone()) }];
    let set = vec![
        QuotaAlteration { key: "producer_byte_rate".into(), value: Some(1_048_576.0) },
        QuotaAlteration { key: "consumer_byte_rate".into(), value: Some(2_097_152.0) },
    ];
    let altered = admin.alter_client_quotas([(entity.clone(), set)], AlterClientQuotasOptions::default()).await;
    assert!(altered.values().all(Result::is_ok), "{altered:?}");
    let described = wait_for_quotas(&admin, &filter, |q| q.get(&entity).is_some_and(|v| v.len() == 2)).await;
    assert_eq!(described[&entity]["producer_byte_rate"], 1_048_576.0);
    assert_eq!(described[&entity]["consumer_byte_rate"], 2_097_152.0);

    // An unknown quota key is refused with the broker's reason.
    let bad = vec![QuotaAlteration { key: "no_such_quota".into(), value: Some(1.0) }];
    let refused = admin.alter_client_quotas([(entity.clone(), bad)], AlterClientQuotasOptions::default()).await;
    let e = refused.values().next().expect("a result").as_ref().expect_err("unknown key");
    assert!(e.broker_message().is_some(), "{e}");

    let remove = vec![
        QuotaAlteration { key: "producer_byte_rate".into(), value: None },
        QuotaAlteration { key: "consumer_byte_rate".into(), value: None },
    ];
    let removed = admin.alter_client_quotas([(entity.clone(), remove)], AlterClientQuotasOptions::default()).await;
    assert!(removed.values().all(Result::is_ok), "{removed:?}");
    wait_for_quotas(&admin, &filter, |q| !q.contains_key(&entity)).await;
}

/// Quotas propagate through the metadata log: wait (at most 15 s) until they look as expected.
async fn wait_for_quotas(
    admin: &Admin,
    filter: &[QuotaFilterComponent],
    done: impl Fn(&std::collections::BTreeMap<QuotaEntity, std::collections::BTreeMap<String, f64>>) -> bool,
) -> std::collections::BTreeMap<QuotaEntity, std::collections::BTreeMap<String, f64>> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let quotas = admin
            .describe_client_quotas(filter.to_vec(), DescribeClientQuotasOptions::default())
            .await
            .expect("describe");
        if done(&quotas) {
            return quotas;
        }
        assert!(Instant::now() < deadline, "quotas not as expected after 15 s: {quotas:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn scram_credentials_are_upserted_described_and_deleted() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::AlterUserScramCredentials, "SCRAM").await {
        return;
    }
    // Kafka alters a user at most once per request: two users in one call, then the second
    // mechanism of the first user.
    let user = unique_topic("admin-scram");
    let other = unique_topic("admin-scram-other");
    let upsert = |user: &str, mechanism, iterations| ScramAlteration::Upsert {
        user: user.into(),
        mechanism,
        iterations,
        password: "secret".into(),
    };
    let altered = admin
        .alter_user_scram_credentials(
            vec![upsert(&user, ScramMechanism::Sha256, 8192), upsert(&other, ScramMechanism::Sha512, 4096)],
            ScramOptions::default(),
        )
        .await;
    assert!(altered[&user].is_ok() && altered[&other].is_ok(), "{altered:?}");
    let altered = admin
        .alter_user_scram_credentials(vec![upsert(&user, ScramMechanism::Sha512, 4096)], ScramOptions::default())
        .await;
    assert!(altered[&user].is_ok(), "{altered:?}");
    let deadline = Instant::now() + Duration::from_secs(15);
    let infos = loop {
        let described = admin
            .describe_user_scram_credentials(Some(vec![user.clone(), other.clone()]), ScramOptions::default())
            .await
            .expect("describe");
        if let (Ok(infos), Ok(others)) = (&described[&user], &described[&other]) {
            if infos.len() == 2 {
                assert_eq!(others, &vec![ScramCredentialInfo { mechanism: ScramMechanism::Sha512, iterations: 4096 }]);
                break infos.clone();
            }
        }
        assert!(Instant::now() < deadline, "credentials not visible after 15 s: {described:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let mut infos = infos;
    infos.sort_by_key(|i| i.mechanism);
    assert_eq!(
        infos,
        vec![
            ScramCredentialInfo { mechanism: ScramMechanism::Sha256, iterations: 8192 },
            ScramCredentialInfo { mechanism: ScramMechanism::Sha512, iterations: 4096 },
        ]
    );

    // Too few iterations is refused with the broker's reason.
    let weak = vec![ScramAlteration::Upsert {
        user: user.clone(),
        mechanism: ScramMechanism::Sha256,
        iterations: 10,
        password: "x".into(),
    }];
    let refused = admin.alter_user_scram_credentials(weak, ScramOptions::default()).await;
    assert!(refused[&user].as_ref().is_err_and(|e| e.broker_message().is_some()), "{refused:?}");

    for (u, mechanism) in
        [(&user, ScramMechanism::Sha256), (&user, ScramMechanism::Sha512), (&other, ScramMechanism::Sha512)]
    {
        let deletion = vec![ScramAlteration::Delete { user: u.clone(), mechanism }];
        let deleted = admin.alter_user_scram_credentials(deletion, ScramOptions::default()).await;
        assert!(deleted[u].is_ok(), "{deleted:?}");
    }
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let described = admin
            .describe_user_scram_credentials(Some(vec![user.clone()]), ScramOptions::default())
            .await
            .expect("describe");
        match &described[&user] {
            Err(AdminError::NotFound { code, .. }) => {
                assert_eq!(*code, ErrorCode::RESOURCE_NOT_FOUND);
                break;
            }
            other => assert!(Instant::now() < deadline, "still described after 15 s: {other:?}"),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// A Java producer leaves a transaction open; we list and describe it, find it among the
/// partition's producers, abort it with a marker, and see the last stable offset move.
#[tokio::test]
async fn a_hanging_transaction_is_found_and_aborted() {
    let backend = Backend::from_env().await;
    if Command::new("javac").arg("-version").output().is_err() {
        server_stub::skip_test!("needs a JDK");
        return;
    }
    let admin = admin(&backend);
    let topic = unique_topic("admin-txn");
    create(&admin, &topic, 1).await;
    let txn = unique_topic("admin-txn-id");
    let out = java_tool(&["hang", &backend.bootstrap, &topic, &txn]).await;
    assert_eq!(out.trim(), "open");

    let listed = admin.list_transactions(ListTransactionsOptions::default()).await.expect("list");
    let listing = listed.iter().find(|t| t.transactional_id == txn).expect("listed");
    assert_eq!(listing.state, "Ongoing");
    let ongoing = ListTransactionsOptions { states: vec!["Ongoing".into()], ..Default::default() };
    assert!(admin.list_transactions(ongoing).await.expect("list").iter().any(|t| t.transactional_id == txn));

    let described = admin.describe_transactions([&txn], TransactionOptions::default()).await;
    let d = described[&txn].as_ref().expect("described");
    assert_eq!(d.state, "Ongoing");
    assert_eq!(d.producer_id, listing.producer_id);
    assert_eq!(d.partitions, vec![tp(&topic, 0)]);
    assert!(d.start_time_ms.is_some());
    let missing = unique_topic("admin-no-txn");
    let described = admin.describe_transactions([&missing], TransactionOptions::default()).await;
    assert!(described[&missing].as_ref().is_err_and(AdminError::is_not_found), "{described:?}");

    let producers = admin.describe_producers([tp(&topic, 0)], DescribeProducersOptions::default()).await;
    let producers = producers[&tp(&topic, 0)].as_ref().expect("producers");
    let open = producers.iter().find(|p| p.producer_id == d.producer_id).expect("the producer is active");
    assert_eq!(open.current_transaction_start_offset, Some(0));

    // The open transaction holds the last stable offset at its start.
    let committed = ListOffsetsOptions { isolation_level: IsolationLevel::ReadCommitted, ..Default::default() };
    let lso = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], committed.clone()).await;
    assert_eq!(lso[&tp(&topic, 0)].as_ref().expect("lso").offset, 0);

    // Aborting writes the marker with WriteTxnMarkers at the partition's leader.
    let spec = AbortTransactionSpec::for_producer(tp(&topic, 0), open);
    admin.abort_transaction(spec, TransactionOptions::default()).await.expect("aborted");
    let producers = admin.describe_producers([tp(&topic, 0)], DescribeProducersOptions::default()).await;
    let after = producers[&tp(&topic, 0)].as_ref().expect("producers");
    assert!(after.iter().all(|p| p.current_transaction_start_offset.is_none()), "{after:?}");
    // The record and the abort marker: the stable offset is past both.
    let lso = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], committed).await;
    assert_eq!(lso[&tp(&topic, 0)].as_ref().expect("lso").offset, 2);
}

#[tokio::test]
async fn properties_configure_the_client() {
    let backend = Backend::from_env().await;
    let admin = Admin::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("client.id", "admin-test"),
        ("default.api.timeout.ms", "20000"),
        ("request.timeout.ms", "10000"),
    ])
    .expect("admin");
    assert_eq!(admin.config().default_api_timeout, Duration::from_secs(20));
    assert!(admin.list_topics(ListTopicsOptions::default()).await.is_ok());
    assert!(Admin::from_properties([("bootstrap.servers", "127.0.0.1:1"), ("no.such.key", "1")]).is_err());

    // An unreachable cluster fails within the operation's timeout, with the last error.
    let mut config = AdminConfig::new("127.0.0.1:1");
    config.default_api_timeout = Duration::from_millis(500);
    let unreachable = Admin::new(config).expect("admin");
    match unreachable.list_topics(ListTopicsOptions::default()).await {
        Err(AdminError::Timeout { last, .. }) => assert!(last.is_some()),
        other => panic!("expected a timeout, got {other:?}"),
    }
}

/// A consumer group of the KIP-848 protocol (a Java consumer with `group.protocol=consumer`):
/// described through ConsumerGroupDescribe, listed by type, its lag computed.
#[tokio::test]
async fn a_consumer_protocol_group_is_described() {
    let backend = Backend::from_env().await;
    if Command::new("javac").arg("-version").output().is_err() {
        server_stub::skip_test!("needs a JDK");
        return;
    }
    let admin = admin(&backend);
    if !has_consumer_protocol(&admin, "KIP-848 group").await {
        return;
    }
    let topic = unique_topic("admin-848");
    create(&admin, &topic, 2).await;
    produce(&backend, &topic, 0, 5, 1).await;
    let group = unique_topic("admin-848-group");

    let classpath = tokio::task::spawn_blocking(java_classpath).await.expect("join");
    let mut member = tokio::process::Command::new("java")
        .arg("-cp")
        .arg(classpath)
        .args(["AdminTool", "member", &backend.bootstrap, &topic, &group])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("java member");
    let stdout = member.stdout.take().expect("stdout");
    let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
    let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line()).await.expect("assigned within 60 s");
    assert_eq!(line.expect("read").as_deref(), Some("assigned"));

    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let d = described[&group].as_ref().expect("described");
    assert_eq!(d.group_type, GroupType::Consumer);
    assert_eq!(d.state, "Stable");
    assert!(!d.assignor.is_empty());
    assert_eq!(d.members.len(), 1);
    let m = &d.members[0];
    assert_eq!(m.client_id, "admin-tool-member");
    let mut assigned = m.assignment.clone();
    assigned.sort();
    assert_eq!(assigned, vec![tp(&topic, 0), tp(&topic, 1)]);
    assert!(m.target_assignment.is_some());
    let consumer_groups = ListGroupsOptions { types: vec!["consumer".into()], ..Default::default() };
    let listed = admin.list_groups(consumer_groups).await.expect("list");
    assert!(listed.iter().any(|g| g.group_id == group && g.group_type.as_deref() == Some("consumer")), "{listed:?}");
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    assert_eq!(lag.len(), 2, "{lag:?}");
    assert!(lag.iter().all(|l| l.member_id.as_deref() == Some(m.member_id.as_str())), "{lag:?}");

    // Closing stdin makes it leave; the group is then empty.
    drop(member.stdin.take());
    let status =
        tokio::time::timeout(Duration::from_secs(30), member.wait()).await.expect("exits within 30 s").expect("wait");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
        let d = described[&group].as_ref().expect("described");
        if d.members.is_empty() {
            assert_eq!(d.state, "Empty");
            break;
        }
        assert!(Instant::now() < deadline, "still has members after 15 s: {d:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
