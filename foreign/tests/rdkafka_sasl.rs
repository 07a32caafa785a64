//! librdkafka authenticating to the stub: SASL/SCRAM-SHA-512 over TLS (`SASL_SSL`), trusting
//! the stub's CA, producing and consuming through the SASL_SSL listener (the stub's metadata
//! must send it to SASL_SSL ports, never to PLAINTEXT ones); a wrong password is refused.

use std::time::{Duration, Instant};

use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer, DefaultConsumerContext, StreamConsumer};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::Message;

const RECORDS: usize = 200;

fn sasl_ssl(bootstrap: &str, ca: &str, password: &str) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", bootstrap)
        .set("security.protocol", "SASL_SSL")
        .set("sasl.mechanisms", "SCRAM-SHA-512")
        .set("sasl.username", "alice")
        .set("sasl.password", password)
        .set("ssl.ca.location", ca)
        .set("ssl.endpoint.identification.algorithm", "https");
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rdkafka_scram_over_tls() {
    let stub = StubCluster::builder()
        .brokers(3)
        .listener(SecurityProtocol::SaslSsl)
        .sasl_mechanisms([SaslMechanism::ScramSha512])
        .scram_user(SaslMechanism::ScramSha512, "alice", "alice-secret")
        .start()
        .await
        .expect("stub");
    let bootstrap = stub.bootstrap_for(SecurityProtocol::SaslSsl).expect("SASL_SSL listener");
    let ca = std::env::temp_dir().join(format!("server-stub-ca-{}.pem", std::process::id()));
    std::fs::write(&ca, stub.tls_ca_pem().expect("the stub's CA")).expect("CA file");
    let ca = ca.to_string_lossy().into_owned();
    let topic = "rdkafka-sasl-ssl";
    stub.create_topic(topic, 3).expect("topic");

    let producer: FutureProducer = sasl_ssl(&bootstrap, &ca, "alice-secret")
        .set("enable.idempotence", "true")
        .set("linger.ms", "5")
        .create()
        .expect("producer");
    let mut deliveries = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let value = format!("value-{i}");
        let key = format!("key-{}", i % 7);
        deliveries.push(producer.send_result(FutureRecord::to(topic).key(&key).payload(&value)).expect("queued"));
    }
    for d in deliveries {
        d.await.expect("delivery future").unwrap_or_else(|(e, _)| panic!("delivery failed: {e}"));
    }

    let consumer: StreamConsumer = sasl_ssl(&bootstrap, &ca, "alice-secret")
        .set("group.id", "rdkafka-sasl-group")
        .set("auto.offset.reset", "earliest")
        .create()
        .expect("consumer");
    consumer.subscribe(&[topic]).expect("subscribe");
    let mut seen = std::collections::HashSet::new();
    let started = Instant::now();
    while seen.len() < RECORDS {
        assert!(started.elapsed() < Duration::from_secs(60), "read {} of {RECORDS} in 60 s", seen.len());
        if let Ok(Ok(m)) = tokio::time::timeout(Duration::from_millis(200), consumer.recv()).await {
            seen.insert(String::from_utf8_lossy(m.payload().unwrap_or_default()).into_owned());
        }
    }
    assert!((0..RECORDS).all(|i| seen.contains(&format!("value-{i}"))));

    // The wrong password: librdkafka reports an authentication failure and gets no metadata.
    let intruder: BaseConsumer<DefaultConsumerContext> =
        sasl_ssl(&bootstrap, &ca, "wrong").set("group.id", "intruder").create().expect("client");
    let refused = intruder.fetch_metadata(Some(topic), Duration::from_secs(5));
    assert!(refused.is_err(), "metadata with a wrong password: {refused:?}");
    let _ = std::fs::remove_file(&ca);
}

/// librdkafka's unsecured OAUTHBEARER tokens (`enable.sasl.oauthbearer.unsecure.jwt`) over
/// SASL_PLAINTEXT, with KIP-368 sessions of 1.5 s: producing for several session lifetimes
/// loses nothing, and the client re-authenticates on its connections (at least two
/// SaslHandshakes more than new connections, which each start with ApiVersions).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rdkafka_oauthbearer_and_reauthentication() {
    use rdkafka::producer::Producer;

    let stub = StubCluster::builder()
        .listener(SecurityProtocol::SaslPlaintext)
        .connections_max_reauth(Duration::from_millis(1500))
        .start()
        .await
        .expect("stub");
    let bootstrap = stub.bootstrap_for(SecurityProtocol::SaslPlaintext).expect("listener");
    let topic = "rdkafka-oauth";
    stub.create_topic(topic, 1).expect("topic");
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &bootstrap)
        .set("security.protocol", "SASL_PLAINTEXT")
        .set("sasl.mechanisms", "OAUTHBEARER")
        .set("enable.sasl.oauthbearer.unsecure.jwt", "true")
        .set("sasl.oauthbearer.config", "principal=carol lifeSeconds=3600")
        .set("linger.ms", "0")
        .create()
        .expect("producer");
    let started = Instant::now();
    let mut sent = 0;
    while started.elapsed() < Duration::from_secs(5) {
        let value = format!("v-{sent}");
        producer
            .send(FutureRecord::<(), _>::to(topic).payload(&value), Duration::from_secs(10))
            .await
            .unwrap_or_else(|(e, _)| panic!("delivery {sent} failed: {e}"));
        sent += 1;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    producer.flush(Duration::from_secs(5)).expect("flush");
    let (_, high) = producer.client().fetch_watermarks(topic, 0, Duration::from_secs(5)).expect("watermarks");
    assert_eq!(high, sent as i64, "every record written once");
    let handshakes = stub.request_count(kfk_protocol::messages::ApiKey::SaslHandshake);
    // A client cut off at expiry would reconnect, and each new connection starts with
    // ApiVersions; re-authenticating on the same connection needs none.
    let connections = stub.request_count(kfk_protocol::messages::ApiKey::ApiVersions);
    eprintln!("{handshakes} SaslHandshakes over {connections} connections");
    assert!(
        handshakes >= connections + 2,
        "{handshakes} SaslHandshakes over {connections} connections: re-authenticated"
    );
}
