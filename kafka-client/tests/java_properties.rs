//! Every key the Java client 4.x documents for the producer, consumer and admin client (the
//! security keys aside: the security tests cover them) is honoured, mapped to its equivalent,
//! accepted as meaningless here (`IGNORED_KEYS`), or refused with a reason that says what to do.
//! None is unknown, and none is dropped silently.

use kfk_client::config::{ConfigError, ConsumerConfig, ProducerConfig, IGNORED_KEYS};

/// How this client treats a Java key at the value given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Treatment {
    /// Read and acted on (or mapped to this client's equivalent).
    Honoured,
    /// Accepted and ignored, because it means nothing here (JVM classes, JMX, socket buffers).
    Ignored,
    /// Refused at this value, with a reason naming the key.
    Refused,
}
use Treatment::*;

/// Keys every client shares, with a production-style value.
const COMMON: &[(&str, &str, Treatment)] = &[
    ("client.id", "billing-7", Honoured),
    ("client.dns.lookup", "use_all_dns_ips", Honoured),
    ("client.dns.lookup", "resolve_canonical_bootstrap_servers_only", Refused),
    ("connections.max.idle.ms", "540000", Honoured),
    ("request.timeout.ms", "30000", Honoured),
    ("socket.connection.setup.timeout.ms", "10000", Honoured),
    ("socket.connection.setup.timeout.max.ms", "30000", Honoured),
    ("metadata.max.age.ms", "300000", Honoured),
    ("metadata.recovery.strategy", "rebootstrap", Honoured),
    ("metadata.recovery.strategy", "none", Honoured),
    ("metadata.recovery.rebootstrap.trigger.ms", "300000", Honoured),
    ("reconnect.backoff.ms", "50", Honoured),
    ("reconnect.backoff.max.ms", "1000", Honoured),
    ("retry.backoff.ms", "100", Honoured),
    ("retry.backoff.max.ms", "1000", Honoured),
    ("receive.buffer.bytes", "65536", Honoured),
    ("send.buffer.bytes", "131072", Honoured),
    ("metric.reporters", "", Ignored),
    ("metrics.num.samples", "2", Honoured),
    ("metrics.recording.level", "INFO", Ignored),
    ("metrics.sample.window.ms", "30000", Honoured),
    ("auto.include.jmx.reporter", "true", Ignored),
    ("enable.metrics.push", "true", Honoured),
    ("interceptor.classes", "", Honoured),
    ("interceptor.classes", "com.example.AuditInterceptor", Refused),
];

const PRODUCER: &[(&str, &str, Treatment)] = &[
    ("key.serializer", "org.apache.kafka.common.serialization.StringSerializer", Ignored),
    ("value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer", Ignored),
    ("acks", "all", Honoured),
    ("batch.size", "65536", Honoured),
    ("buffer.memory", "67108864", Honoured),
    ("compression.type", "lz4", Honoured),
    ("compression.gzip.level", "6", Honoured),
    ("compression.lz4.level", "9", Honoured),
    ("compression.zstd.level", "3", Honoured),
    ("delivery.timeout.ms", "120000", Honoured),
    ("enable.idempotence", "true", Honoured),
    ("linger.ms", "10", Honoured),
    ("max.block.ms", "60000", Honoured),
    ("max.in.flight.requests.per.connection", "5", Honoured),
    ("max.request.size", "1048576", Honoured),
    ("metadata.max.idle.ms", "300000", Honoured),
    ("partitioner.class", "org.apache.kafka.clients.producer.RoundRobinPartitioner", Honoured),
    ("partitioner.class", "com.example.RegionPartitioner", Refused),
    ("partitioner.ignore.keys", "false", Honoured),
    ("partitioner.adaptive.partitioning.enable", "false", Honoured),
    ("partitioner.adaptive.partitioning.enable", "true", Refused),
    ("partitioner.availability.timeout.ms", "0", Honoured),
    ("retries", "2147483647", Honoured),
    ("transactional.id", "billing-tx", Honoured),
    ("transaction.timeout.ms", "60000", Honoured),
    ("transaction.two.phase.commit.enable", "false", Honoured),
    ("transaction.two.phase.commit.enable", "true", Refused),
];

const CONSUMER: &[(&str, &str, Treatment)] = &[
    ("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer", Ignored),
    ("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer", Ignored),
    ("allow.auto.create.topics", "false", Honoured),
    ("auto.commit.interval.ms", "5000", Honoured),
    ("auto.offset.reset", "earliest", Honoured),
    ("check.crcs", "true", Honoured),
    ("client.rack", "eu-west-1a", Honoured),
    ("default.api.timeout.ms", "60000", Honoured),
    ("enable.auto.commit", "false", Honoured),
    ("exclude.internal.topics", "true", Honoured),
    ("fetch.max.bytes", "52428800", Honoured),
    ("fetch.max.wait.ms", "500", Honoured),
    ("fetch.min.bytes", "1", Honoured),
    ("group.id", "billing", Honoured),
    ("group.instance.id", "billing-7", Honoured),
    ("group.protocol", "classic", Honoured),
    ("heartbeat.interval.ms", "3000", Honoured),
    ("isolation.level", "read_committed", Honoured),
    ("max.partition.fetch.bytes", "1048576", Honoured),
    ("max.poll.interval.ms", "300000", Honoured),
    ("max.poll.records", "500", Honoured),
    ("partition.assignment.strategy", "org.apache.kafka.clients.consumer.CooperativeStickyAssignor", Honoured),
    ("session.timeout.ms", "45000", Honoured),
];

/// What `parse` made of `(key, value)`, checked against `expected`.
fn check(client: &str, key: &str, value: &str, expected: Treatment, result: Result<(), ConfigError>) {
    match (expected, result) {
        (Honoured, Ok(())) => assert!(!IGNORED_KEYS.contains(&key), "{client}: {key} is both honoured and ignored"),
        (Ignored, Ok(())) => assert!(IGNORED_KEYS.contains(&key), "{client}: {key} accepted but not listed as ignored"),
        (Refused, Err(ConfigError::InvalidValue { key: named, expected: reason, .. })) => {
            assert_eq!(named, key, "{client}: the refusal names another key");
            assert!(reason.len() > 20, "{client}: {key}={value} refused without a reason: {reason}");
        }
        (expected, got) => panic!("{client}: {key}={value}: expected {expected:?}, got {got:?}"),
    }
}

#[test]
fn every_java_producer_key_is_honoured_ignored_or_refused_with_a_reason() {
    for &(key, value, expected) in COMMON.iter().chain(PRODUCER) {
        let pairs = [("bootstrap.servers", "k1:9092"), (key, value)];
        check("producer", key, value, expected, ProducerConfig::from_properties(pairs).map(|_| ()));
    }
}

#[test]
fn every_java_consumer_key_is_honoured_ignored_or_refused_with_a_reason() {
    for &(key, value, expected) in COMMON.iter().chain(CONSUMER) {
        let pairs = [("bootstrap.servers", "k1:9092"), (key, value)];
        check("consumer", key, value, expected, ConsumerConfig::from_properties(pairs).map(|_| ()));
    }
}

/// A production file as it is, every key at once: it loads, and what it says is what the
/// configuration holds.
#[test]
fn a_production_consumer_file_loads_as_it_is() {
    let path = std::env::temp_dir().join(format!("consumer-prod-{}.properties", std::process::id()));
    let mut text = String::from("# billing consumer, production\nbootstrap.servers=k1:9092,k2:9092,k3:9092\n");
    for &(key, value, expected) in COMMON.iter().chain(CONSUMER) {
        if expected != Refused && !(key == "metadata.recovery.strategy" && value == "none") {
            text.push_str(&format!("{key}={value}\n"));
        }
    }
    std::fs::write(&path, text).expect("write");
    let config = ConsumerConfig::from_properties_file(&path);
    std::fs::remove_file(&path).expect("remove");
    let config = config.expect("a production file loads");
    assert_eq!(config.common.bootstrap_servers.len(), 3);
    assert_eq!(config.group_id.as_deref(), Some("billing"));
    assert_eq!(config.client_rack, "eu-west-1a");
    assert_eq!(config.group.assignment_strategies, ["org.apache.kafka.clients.consumer.CooperativeStickyAssignor"]);
}
