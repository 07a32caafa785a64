//! KIP-714 client metrics push: a client under a subscription pushes the metrics it asks for,
//! in OTLP, named as the KIP says; nothing without a subscription, a receiver, or with
//! `enable.metrics.push=false`; one terminating push on close; a changed subscription is
//! fetched again. On the stub, whose receiver keeps every push. Against real Kafka the broker
//! needs a receiver plugin: `real_broker_receives_the_pushes` starts its own broker with one
//! (`tests/java/TelemetryReceiver.java`).

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_client::telemetry::otlp::{metric, string_attribute, AggregationTemporality, MetricsData};
use kfk_client::telemetry::otlp_metric_name;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::ApiKey;
use kfk_stub::{StubCluster, TelemetryPush, TelemetrySubscription};
use tests::{ready_when, unique_topic, wait_until, Backend, NotYet, Ready};

const PATIENCE: Duration = Duration::from_secs(20);
const PRODUCER_PREFIX: &str = "org.apache.kafka.producer.";

/// A stub serving `subscription`, with a one-partition topic.
async fn stub_with(subscription: Option<TelemetrySubscription>) -> (Backend, String) {
    let backend = Backend::stub(1).await;
    let stub = backend.stub_handle().expect("a stub backend");
    stub.set_client_telemetry(subscription);
    let topic = unique_topic("telemetry");
    stub.create_topic(&topic, 1).expect("topic");
    (backend, topic)
}

fn stub(backend: &Backend) -> &StubCluster {
    backend.stub_handle().expect("a stub backend")
}

fn producer(backend: &Backend, client_id: &str, push: bool) -> Producer {
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .client_id(client_id)
        .linger(Duration::ZERO)
        .enable_metrics_push(push)
        .build()
        .expect("producer config");
    Producer::new(config).expect("producer")
}

async fn send(producer: &Producer, topic: &str, n: usize) {
    for i in 0..n {
        let value = format!("v{i}");
        producer.send(ProducerRecord::new(topic).partition(0).value(value.as_bytes())).await.expect("sent");
    }
}

fn decode(push: &TelemetryPush) -> MetricsData {
    MetricsData::from_bytes(&push.metrics).expect("the payload is an OTLP MetricsData")
}

/// The value of the client-wide `name` (no attributes but the client's own) in `data`.
fn value(data: &MetricsData, name: &str) -> Option<f64> {
    let metric = data.metrics().find(|m| m.name == name)?;
    metric.data_points().iter().find(|p| p.attributes.is_empty()).and_then(|p| p.as_f64())
}

fn subscription(prefixes: &[&str], interval_ms: u64, delta: bool) -> TelemetrySubscription {
    TelemetrySubscription {
        delta_temporality: delta,
        ..TelemetrySubscription::metrics(prefixes.iter().copied(), Duration::from_millis(interval_ms))
    }
}

#[tokio::test]
async fn a_subscribed_producer_pushes_its_send_total() {
    let (backend, topic) = stub_with(Some(subscription(&[PRODUCER_PREFIX], 300, false))).await;
    let producer = producer(&backend, "telemetry-app", true);
    send(&producer, &topic, 10).await;
    let sent_total = otlp_metric_name("producer-metrics", "record-send-total");
    assert_eq!(sent_total, "org.apache.kafka.producer.record.send.total");
    let push = wait_until("a push carrying the 10 records sent", PATIENCE, async || {
        let pushes = stub(&backend).telemetry_pushes();
        match pushes.iter().rev().find(|p| value(&decode(p), &sent_total) == Some(10.0)) {
            Some(p) => Ready(p.clone()),
            None => NotYet(pushes.len()),
        }
    })
    .await;
    let data = decode(&push);
    assert_eq!(push.client_id, "telemetry-app");
    assert_eq!(push.compression, Compression::Zstd, "the first accepted codec");
    assert!(!push.terminating);
    let id = producer.client_instance_id(Duration::from_secs(5)).await.expect("an instance id");
    assert_eq!(push.client_instance_id, id);
    // A cumulative monotonic sum, as asked.
    let metric = data.metrics().find(|m| m.name == sent_total).expect("record.send.total");
    match &metric.data {
        Some(metric::Data::Sum(sum)) => {
            assert!(sum.is_monotonic);
            assert_eq!(sum.aggregation_temporality, AggregationTemporality::Cumulative as i32);
            assert!(sum.data_points[0].start_time_unix_nano > 0);
            assert!(sum.data_points[0].time_unix_nano >= sum.data_points[0].start_time_unix_nano);
        }
        other => panic!("record.send.total is a sum, not {other:?}"),
    }
    // Per-topic metrics keep their tag as an attribute; the broker adds client_id itself.
    let per_topic = data
        .metrics()
        .find(|m| m.name == "org.apache.kafka.producer.topic.record.send.total")
        .expect("the per-topic send total");
    let point = &per_topic.data_points()[0];
    assert_eq!(point.attribute("topic"), Some(topic.as_str()));
    assert_eq!(point.as_f64(), Some(10.0));
    assert!(data.metrics().flat_map(|m| m.data_points()).all(|p| p.attribute("client_id").is_none()));
    // Per-node metrics: `node-id` as `node_id`.
    let latency = otlp_metric_name("producer-node-metrics", "request-latency-avg");
    let node = data.metrics().find(|m| m.name == latency).expect("per-node latency");
    assert!(node.data_points().iter().all(|p| p.attribute("node_id").is_some()));
    assert!(matches!(node.data, Some(metric::Data::Gauge(_))));
    producer.close(Duration::from_secs(5)).await.expect("closed");
}

#[tokio::test]
async fn delta_sums_add_up_to_what_was_sent() {
    let (backend, topic) = stub_with(Some(subscription(&[PRODUCER_PREFIX], 200, true))).await;
    let producer = producer(&backend, "telemetry-delta", true);
    send(&producer, &topic, 7).await;
    let sent_total = otlp_metric_name("producer-metrics", "record-send-total");
    wait_until("deltas adding up to 7", PATIENCE, async || {
        let pushes = stub(&backend).telemetry_pushes();
        let deltas: Vec<f64> = pushes.iter().filter_map(|p| value(&decode(p), &sent_total)).collect();
        ready_when(deltas, |d| d.iter().sum::<f64>() == 7.0 && d.len() >= 2)
    })
    .await;
    let last = stub(&backend).telemetry_pushes().pop().expect("pushes");
    let data = decode(&last);
    let metric = data.metrics().find(|m| m.name == sent_total).expect("record.send.total");
    match &metric.data {
        Some(metric::Data::Sum(sum)) => {
            assert_eq!(sum.aggregation_temporality, AggregationTemporality::Delta as i32)
        }
        other => panic!("record.send.total is a sum, not {other:?}"),
    }
}

#[tokio::test]
async fn unsubscribed_prefixes_are_not_pushed() {
    let prefix = "org.apache.kafka.producer.record.";
    let (backend, topic) = stub_with(Some(subscription(&[prefix], 200, false))).await;
    let producer = producer(&backend, "telemetry-some", true);
    send(&producer, &topic, 3).await;
    let pushes =
        wait_until("two pushes", PATIENCE, async || ready_when(stub(&backend).telemetry_pushes(), |p| p.len() >= 2))
            .await;
    for push in &pushes {
        let data = decode(push);
        let names: Vec<&str> = data.metrics().map(|m| m.name.as_str()).collect();
        assert!(!names.is_empty(), "the subscribed metrics are pushed");
        assert!(names.iter().all(|n| n.starts_with(prefix)), "only {prefix}*: {names:?}");
    }
}

#[tokio::test]
async fn enable_metrics_push_false_pushes_nothing() {
    let (backend, topic) = stub_with(Some(subscription(&["*"], 100, false))).await;
    let producer = producer(&backend, "telemetry-off", false);
    send(&producer, &topic, 3).await;
    assert_eq!(producer.client_instance_id(Duration::from_millis(500)).await, None);
    tokio::time::sleep(Duration::from_millis(500)).await;
    let stub = stub(&backend);
    assert_eq!(stub.request_count(ApiKey::GetTelemetrySubscriptions), 0);
    assert_eq!(stub.request_count(ApiKey::PushTelemetry), 0);
    assert!(stub.telemetry_pushes().is_empty());
}

#[tokio::test]
async fn a_broker_without_a_receiver_is_not_asked() {
    let (backend, topic) = stub_with(None).await;
    let producer = producer(&backend, "telemetry-no-receiver", true);
    send(&producer, &topic, 3).await;
    assert_eq!(producer.client_instance_id(Duration::from_secs(2)).await, None);
    assert_eq!(stub(&backend).request_count(ApiKey::GetTelemetrySubscriptions), 0);
    producer.close(Duration::from_secs(5)).await.expect("closed");
}

#[tokio::test]
async fn no_requested_metrics_means_no_push_and_no_terminating_push() {
    let (backend, topic) = stub_with(Some(TelemetrySubscription::default())).await;
    let producer = producer(&backend, "telemetry-empty", true);
    send(&producer, &topic, 3).await;
    assert!(producer.client_instance_id(Duration::from_secs(5)).await.is_some(), "an id all the same");
    producer.close(Duration::from_secs(5)).await.expect("closed");
    assert!(stub(&backend).telemetry_pushes().is_empty());
}

#[tokio::test]
async fn the_terminating_push_arrives_on_close() {
    // An interval far beyond the test: only the terminating push can arrive.
    let (backend, topic) = stub_with(Some(subscription(&["*"], 600_000, false))).await;
    let producer = producer(&backend, "telemetry-close", true);
    send(&producer, &topic, 4).await;
    let id = producer.client_instance_id(Duration::from_secs(5)).await.expect("an instance id");
    producer.close(Duration::from_secs(5)).await.expect("closed");
    let pushes = stub(&backend).telemetry_pushes();
    assert_eq!(pushes.len(), 1, "{pushes:?}");
    assert!(pushes[0].terminating);
    assert_eq!(pushes[0].client_instance_id, id);
    let sent_total = otlp_metric_name("producer-metrics", "record-send-total");
    assert_eq!(value(&decode(&pushes[0]), &sent_total), Some(4.0));
}

#[tokio::test]
async fn a_changed_subscription_is_fetched_again() {
    let first = subscription(&["org.apache.kafka.producer.record."], 200, false);
    let (backend, topic) = stub_with(Some(first)).await;
    let producer = producer(&backend, "telemetry-change", true);
    send(&producer, &topic, 2).await;
    let before =
        wait_until("a first push", PATIENCE, async || ready_when(stub(&backend).telemetry_pushes(), |p| !p.is_empty()))
            .await[0]
            .subscription_id;
    let connection = "org.apache.kafka.producer.connection.";
    stub(&backend).set_client_telemetry(Some(subscription(&[connection], 200, false)));
    let after = wait_until("a push under the new subscription", PATIENCE, async || {
        let pushes = stub(&backend).telemetry_pushes();
        match pushes.iter().find(|p| p.subscription_id != before) {
            Some(p) => Ready(p.clone()),
            None => NotYet(pushes.len()),
        }
    })
    .await;
    let data = decode(&after);
    assert!(data.metrics().all(|m| m.name.starts_with(connection)));
    assert!(data.metrics().next().is_some());
}

#[tokio::test]
async fn a_consumer_pushes_with_its_group_as_a_resource_label() {
    let (backend, _topic) = stub_with(Some(subscription(&["org.apache.kafka.consumer."], 200, false))).await;
    let group = unique_topic("telemetry-group");
    let config = ConsumerConfig::builder()
        .bootstrap_servers(&backend.bootstrap)
        .client_id("telemetry-consumer")
        .group_id(&group)
        .build()
        .expect("consumer config");
    let consumer = Consumer::new(config).expect("consumer");
    // Telemetry starts over the client's own first connection.
    consumer.cluster().refresh().await.expect("metadata");
    let id = consumer.client_instance_id(Duration::from_secs(5)).await.expect("an instance id");
    let push = wait_until("a consumer push", PATIENCE, async || {
        let pushes = stub(&backend).telemetry_pushes();
        match pushes.into_iter().next() {
            Some(p) => Ready(p),
            None => NotYet(()),
        }
    })
    .await;
    assert_eq!(push.client_instance_id, id);
    let data = decode(&push);
    let resource = data.resource_metrics[0].resource.as_ref().expect("a resource");
    assert_eq!(string_attribute(&resource.attributes, "group_id"), Some(group.as_str()));
    assert!(data.metrics().all(|m| m.name.starts_with("org.apache.kafka.consumer.")));
    consumer.close_with_timeout(Duration::from_secs(5)).await;
}

#[tokio::test]
async fn the_admin_client_has_an_instance_id() {
    let (backend, _topic) = stub_with(Some(TelemetrySubscription::default())).await;
    let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", backend.bootstrap.as_str())]).expect("admin");
    // Telemetry starts over the client's own first connection.
    admin.cluster().refresh().await.expect("metadata");
    assert!(admin.client_instance_id(Duration::from_secs(5)).await.is_some());
    let off = kfk_admin::Admin::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("enable.metrics.push", "false"),
    ])
    .expect("admin");
    assert_eq!(off.client_instance_id(Duration::from_millis(300)).await, None);
    admin.close(Duration::from_secs(1)).await;
}

/// Sets the client-metrics subscription `name` on the stub, as `kafka-configs.sh` would.
async fn subscribe_clients(backend: &Backend, name: &str, configs: &[(&str, &str)]) {
    use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};
    use kfk_protocol::messages::IncrementalAlterConfigsRequest;
    let admin = kfk_admin::Admin::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("enable.metrics.push", "false"),
    ])
    .expect("admin");
    let request = IncrementalAlterConfigsRequest {
        resources: vec![AlterConfigsResource {
            resource_type: 16, // CLIENT_METRICS
            resource_name: name.into(),
            configs: configs
                .iter()
                .map(|(k, v)| AlterableConfig {
                    name: (*k).into(),
                    config_operation: 0,
                    value: Some((*v).into()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    };
    let response = admin.send(&request).await.expect("IncrementalAlterConfigs");
    assert_eq!(response.responses[0].error_code, 0, "{:?}", response.responses[0].error_message);
    admin.close(Duration::from_secs(1)).await;
}

#[tokio::test]
async fn a_client_metrics_match_selects_one_client_and_not_another() {
    // The receiver alone asks for nothing; the subscription selects clients by client id.
    let (backend, topic) = stub_with(Some(TelemetrySubscription::default())).await;
    subscribe_clients(
        &backend,
        "selected-producers",
        &[("metrics", PRODUCER_PREFIX), ("interval.ms", "200"), ("match", "client_id=telemetry-sel.*")],
    )
    .await;
    let selected = producer(&backend, "telemetry-selected", true);
    let other = producer(&backend, "telemetry-other", true);
    send(&selected, &topic, 3).await;
    send(&other, &topic, 3).await;
    let pushes = wait_until("two pushes of the selected producer", PATIENCE, async || {
        let pushes = stub(&backend).telemetry_pushes();
        ready_when(pushes, |p| p.iter().filter(|p| p.client_id == "telemetry-selected").count() >= 2)
    })
    .await;
    assert!(pushes.iter().all(|p| p.client_id == "telemetry-selected"), "only the selected one: {pushes:?}");
    assert!(decode(&pushes[0]).metrics().all(|m| m.name.starts_with(PRODUCER_PREFIX)));
    // The other asked too (it has an instance id), and was asked for nothing.
    assert!(other.client_instance_id(Duration::from_secs(5)).await.is_some());
    other.close(Duration::from_secs(5)).await.expect("closed");
    selected.close(Duration::from_secs(5)).await.expect("closed");
    let pushes = stub(&backend).telemetry_pushes();
    assert!(pushes.iter().all(|p| p.client_id == "telemetry-selected"), "no terminating push either: {pushes:?}");
}

#[tokio::test]
async fn a_push_before_the_interval_is_throttled_but_the_terminating_one_is_not() {
    use kfk_protocol::messages::{GetTelemetrySubscriptionsRequest, PushTelemetryRequest};
    use kfk_protocol::ErrorCode;
    let (backend, _topic) = stub_with(Some(TelemetrySubscription::default())).await;
    subscribe_clients(&backend, "everything", &[("metrics", "*"), ("interval.ms", "60000")]).await;
    // A client of its own, speaking the protocol directly.
    let admin = kfk_admin::Admin::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("enable.metrics.push", "false"),
    ])
    .expect("admin");
    let subscription = admin.send(&GetTelemetrySubscriptionsRequest::default()).await.expect("subscription");
    assert_eq!(subscription.error_code, 0);
    assert_eq!(
        (subscription.requested_metrics.as_slice(), subscription.push_interval_ms),
        (&["*".to_string()][..], 60_000)
    );
    let push = |terminating: bool| PushTelemetryRequest {
        client_instance_id: subscription.client_instance_id,
        subscription_id: subscription.subscription_id,
        terminating,
        compression_type: 0,
        metrics: bytes::Bytes::from(MetricsData::default().to_bytes()),
        ..Default::default()
    };
    let first = admin.send(&push(false)).await.expect("push");
    assert_eq!(first.error_code, 0, "the first push after a subscription");
    let early = admin.send(&push(false)).await.expect("push");
    assert_eq!(ErrorCode(early.error_code), ErrorCode::THROTTLING_QUOTA_EXCEEDED);
    let last = admin.send(&push(true)).await.expect("push");
    assert_eq!(last.error_code, 0, "the terminating push is never throttled");
    let pushes = stub(&backend).telemetry_pushes();
    assert_eq!(pushes.iter().map(|p| p.terminating).collect::<Vec<_>>(), [false, true]);
    admin.close(Duration::from_secs(1)).await;
}

/// Against a real broker: its own single-node cluster (of `KAFKA_TEST_VERSION`, default the
/// pinned 4.x; 3.7+ have KIP-714) with `tests/java/TelemetryReceiver.java` as its receiver
/// plugin, a client-metrics subscription made with IncrementalAlterConfigs on a
/// `CLIENT_METRICS` resource, and the pushes checked as Kafka's own OTLP classes decode them.
#[tokio::test]
async fn real_broker_receives_the_pushes() {
    if std::env::var("TEST_BACKEND").map_or(true, |b| b != "kafka") {
        kfk_stub::skip_test!("needs TEST_BACKEND=kafka: starts its own broker with a telemetry receiver plugin");
        return;
    }
    let tools = ["java", "javac", "mvn"].iter().all(|t| std::process::Command::new(t).arg("-version").output().is_ok());
    if !tools {
        kfk_stub::skip_test!("needs java, javac and mvn to build the receiver plugin and start a broker");
        return;
    }
    let version =
        std::env::var("KAFKA_TEST_VERSION").unwrap_or_else(|_| kfk_stub::testing::maven::KAFKA_VERSION.into());
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("telemetry-kafka");
    let _ = kfk_stub::testing::jvm::stop(&dir);
    let received = dir.with_file_name("telemetry-kafka-received.txt");
    let _ = std::fs::remove_file(&received);
    // Compiled against the broker's own kafka-clients; kept until the broker stops.
    let plugin = tests::java::JavaProgram::compile_against("TelemetryReceiver", &version).await;
    let cluster = tokio::task::spawn_blocking({
        let (classes, received, version) = (plugin.classes().to_path_buf(), received.clone(), version.clone());
        move || {
            let options = kfk_stub::testing::jvm::Options {
                base_port: 33092,
                version,
                extra_classpath: vec![classes],
                ..kfk_stub::testing::jvm::Options::in_dir(&dir)
            };
            let file = received.display().to_string();
            kfk_stub::testing::jvm::Cluster::start_with_properties(
                &options,
                &[("metric.reporters", "TelemetryReceiver"), ("telemetry.receiver.file", file.as_str())],
            )
            .unwrap_or_else(|e| panic!("starting a broker with the telemetry receiver: {e}"))
        }
    })
    .await
    .expect("join");
    let cluster = Stopped(Some(cluster));
    let bootstrap = cluster.0.as_ref().expect("running").bootstrap();

    // The operator's side: a subscription to the producer's metrics, every second.
    let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", bootstrap.as_str())]).expect("admin");
    use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};
    use kfk_protocol::messages::IncrementalAlterConfigsRequest;
    let set = |name: &str, value: &str| AlterableConfig {
        name: name.into(),
        config_operation: 0,
        value: Some(value.into()),
        ..Default::default()
    };
    let request = IncrementalAlterConfigsRequest {
        resources: vec![AlterConfigsResource {
            resource_type: 16, // CLIENT_METRICS
            resource_name: "kafka-rs-telemetry-test".into(),
            configs: vec![set("metrics", PRODUCER_PREFIX), set("interval.ms", "1000")],
            ..Default::default()
        }],
        ..Default::default()
    };
    let response = admin.send(&request).await.expect("IncrementalAlterConfigs");
    assert_eq!(response.responses[0].error_code, 0, "{:?}", response.responses[0].error_message);
    admin.close(Duration::from_secs(1)).await;

    let topic = unique_topic("telemetry-kafka");
    let backend_bootstrap = bootstrap.clone();
    let config = ProducerConfig::builder()
        .bootstrap_servers(&backend_bootstrap)
        .client_id("telemetry-kafka")
        .linger(Duration::ZERO)
        .build()
        .expect("producer config");
    let producer = Producer::new(config).expect("producer");
    // The topic is auto-created on first send.
    for i in 0..5 {
        let value = format!("v{i}");
        producer.send(ProducerRecord::new(&topic).value(value.as_bytes())).await.expect("sent");
    }
    let id = producer.client_instance_id(Duration::from_secs(10)).await.expect("the broker assigned an instance id");
    let sent_total = otlp_metric_name("producer-metrics", "record-send-total");
    let lines = wait_until("the receiver's record.send.total adding up to 5", Duration::from_secs(30), async || {
        let text = std::fs::read_to_string(&received).unwrap_or_default();
        let total: f64 = text
            .lines()
            .filter_map(|l| {
                let parts: Vec<&str> = l.split(' ').collect();
                // id, terminating, name, kind, value, attributes (none for the client-wide one)
                (parts.len() >= 5 && parts[2] == sent_total && parts.get(5).is_none_or(|a| a.is_empty()))
                    .then(|| parts[4].parse::<f64>().ok())
                    .flatten()
            })
            .sum();
        ready_when((total, text), |(t, _)| *t == 5.0)
    })
    .await
    .1;
    assert!(!lines.contains("UNDECODABLE"), "{lines}");
    assert!(lines.lines().all(|l| l.starts_with(&id.to_string())), "one client instance: {lines}");
    assert!(lines.lines().all(|l| l.split(' ').nth(2).is_some_and(|n| n.starts_with(PRODUCER_PREFIX))), "{lines}");
    producer.close(Duration::from_secs(10)).await.expect("closed");
    let text = std::fs::read_to_string(&received).unwrap_or_default();
    assert!(text.lines().any(|l| l.split(' ').nth(1) == Some("true")), "a terminating push: {text}");
}

/// Stops the test's own broker however the test ends.
struct Stopped(Option<kfk_stub::testing::jvm::Cluster>);

impl Drop for Stopped {
    fn drop(&mut self) {
        if let Some(cluster) = self.0.take() {
            let _ = cluster.stop();
        }
    }
}
