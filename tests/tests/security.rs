//! Secured clusters: the producer, the consumer (in a group) and the admin client over TLS and
//! SASL, configured the way Java users already are (a properties file's keys), against the
//! stub's secured listeners and a secured Apache Kafka (`cargo xtask test` starts one and names
//! it in `KAFKA_SECURITY_FILE`).
//!
//! On the stub every mechanism runs; on Kafka also the authorizer: the restricted user is
//! refused with typed authorization errors.

use std::time::{Duration, Instant};

use kafka_admin::{Admin, CreateTopicsOptions, ListTopicsOptions, NewTopic};
use kafka_client::config::{ConsumerConfig, ProducerConfig};
use kafka_client::consumer::Consumer;
use kafka_client::producer::{Producer, ProducerRecord};
use kafka_client::Error;
use server_stub::testing::TestCluster;
use server_stub::{SaslMechanism, SecurityProtocol, StubCluster};
use tests::unique_topic;

const ADMIN: (&str, &str) = ("admin", "admin-secret");
const ALICE: (&str, &str) = ("alice", "alice-secret");

/// A secured cluster to test against: the stub, or a secured Kafka.
enum Secured {
    Stub(StubCluster),
    Kafka(TestCluster),
}

impl Secured {
    async fn from_env() -> Option<Secured> {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("kafka") {
            if std::env::var("KAFKA_SECURITY_FILE").is_err() {
                server_stub::skip_test!("no secured Kafka (KAFKA_SECURITY_FILE is not set)");
                return None;
            }
            return Some(Secured::Kafka(TestCluster::secured().await.expect("the secured Kafka")));
        }
        let mut builder = StubCluster::builder()
            .listener(SecurityProtocol::Ssl)
            .listener(SecurityProtocol::SaslPlaintext)
            .listener(SecurityProtocol::SaslSsl);
        for (user, password) in [ADMIN, ALICE] {
            builder = builder
                .plain_user(user, password)
                .scram_user(SaslMechanism::ScramSha256, user, password)
                .scram_user(SaslMechanism::ScramSha512, user, password);
        }
        Some(Secured::Stub(builder.start().await.expect("secured stub")))
    }

    fn is_kafka(&self) -> bool {
        matches!(self, Secured::Kafka(_))
    }

    /// Java client properties for `protocol` ("SSL", "SASL_SSL", "SASL_PLAINTEXT") as `user`.
    fn properties(
        &self,
        protocol: &str,
        mechanism: Option<&str>,
        (user, password): (&str, &str),
    ) -> Vec<(String, String)> {
        let mut p: Vec<(String, String)> = Vec::new();
        let mut set = |k: &str, v: String| p.push((k.to_string(), v));
        let (bootstrap, tls) = match self {
            Secured::Stub(stub) => {
                let which = match protocol {
                    "SSL" => SecurityProtocol::Ssl,
                    "SASL_PLAINTEXT" => SecurityProtocol::SaslPlaintext,
                    _ => SecurityProtocol::SaslSsl,
                };
                (stub.bootstrap_for(which).expect("listener"), stub.tls_ca_pem().expect("stub CA"))
            }
            Secured::Kafka(cluster) => {
                let security = cluster.security().expect("secured");
                let which = server_stub::testing::jvm::SecurityProtocol::parse(protocol).expect("protocol");
                (security.bootstrap(which), std::fs::read_to_string(security.ca_cert()).expect("CA file"))
            }
        };
        set("bootstrap.servers", bootstrap);
        set("security.protocol", protocol.to_string());
        if protocol.ends_with("SSL") {
            set("ssl.truststore.type", "PEM".into());
            set("ssl.truststore.certificates", tls);
        }
        if protocol == "SSL" {
            let (chain, key) = match self {
                Secured::Stub(stub) => stub.tls_client_identity(user).expect("client certificate"),
                Secured::Kafka(cluster) => {
                    let security = cluster.security().expect("secured");
                    (
                        std::fs::read_to_string(security.client_cert(user)).expect("client cert"),
                        std::fs::read_to_string(security.client_key(user)).expect("client key"),
                    )
                }
            };
            set("ssl.keystore.type", "PEM".into());
            set("ssl.keystore.certificate.chain", chain);
            set("ssl.keystore.key", key);
        }
        if let Some(mechanism) = mechanism {
            set("sasl.mechanism", mechanism.to_string());
            let jaas = match mechanism {
                "PLAIN" => format!(
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"{user}\" password=\"{password}\";"
                ),
                "OAUTHBEARER" => format!(
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\"{user}\";"
                ),
                _ => format!(
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"{user}\" password=\"{password}\";"
                ),
            };
            set("sasl.jaas.config", jaas);
        }
        p
    }
}

fn with(mut props: Vec<(String, String)>, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    props.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    props
}

/// Creates a topic, produces `n` records idempotently and reads them back in a group, all with
/// `props`.
async fn round_trip(props: &[(String, String)], what: &str) {
    let topic = unique_topic("secured");
    let admin = Admin::from_properties(props.iter().cloned()).unwrap_or_else(|e| panic!("{what}: admin: {e}"));
    let created = admin.create_topics([NewTopic::new(&topic, 2, 1)], CreateTopicsOptions::default()).await;
    match created.get(&topic) {
        Some(Ok(_)) => {}
        other => panic!("{what}: create topic: {other:?}"),
    }
    let producer = Producer::new(
        ProducerConfig::from_properties(with(props.to_vec(), &[("enable.idempotence", "true"), ("acks", "all")]))
            .unwrap_or_else(|e| panic!("{what}: producer config: {e}")),
    )
    .unwrap_or_else(|e| panic!("{what}: producer: {e}"));
    for i in 0..50 {
        let value = format!("{what}-{i}");
        producer
            .send(ProducerRecord::new(&topic).key(value.as_bytes()).value(value.as_bytes()))
            .await
            .unwrap_or_else(|e| panic!("{what}: send: {e}"));
    }
    producer.close(Duration::from_secs(10)).await.unwrap_or_else(|e| panic!("{what}: close: {e}"));

    let group = unique_topic("secured-group");
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            props.to_vec(),
            &[("group.id", &group), ("auto.offset.reset", "earliest"), ("enable.auto.commit", "false")],
        ))
        .unwrap_or_else(|e| panic!("{what}: consumer config: {e}")),
    )
    .unwrap_or_else(|e| panic!("{what}: consumer: {e}"));
    consumer.subscribe([&topic]).unwrap_or_else(|e| panic!("{what}: subscribe: {e}"));
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut read = 0;
    while read < 50 {
        assert!(Instant::now() < deadline, "{what}: read {read} of 50 records in 60 s");
        read += consumer.poll(Duration::from_millis(500)).await.unwrap_or_else(|e| panic!("{what}: poll: {e}")).len();
    }
    assert_eq!(read, 50, "{what}");
    consumer.commit().await.unwrap_or_else(|e| panic!("{what}: commit: {e}"));
    consumer.close().await;
}

/// (protocol, mechanism) pairs every secured cluster here serves.
const COMBINATIONS: [(&str, Option<&str>); 7] = [
    ("SASL_SSL", Some("PLAIN")),
    ("SASL_SSL", Some("SCRAM-SHA-256")),
    ("SASL_SSL", Some("SCRAM-SHA-512")),
    ("SASL_SSL", Some("OAUTHBEARER")),
    ("SASL_PLAINTEXT", Some("SCRAM-SHA-512")),
    ("SASL_PLAINTEXT", Some("OAUTHBEARER")),
    ("SSL", None),
];

#[tokio::test]
async fn every_protocol_and_mechanism_produces_consumes_in_a_group_and_administers() {
    let Some(secured) = Secured::from_env().await else { return };
    for (protocol, mechanism) in COMBINATIONS {
        let what = format!("{protocol} {}", mechanism.unwrap_or("mTLS"));
        round_trip(&secured.properties(protocol, mechanism, ADMIN), &what).await;
    }
}

#[tokio::test]
async fn transactions_commit_and_abort_over_sasl_ssl() {
    let Some(secured) = Secured::from_env().await else { return };
    let props = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ADMIN);
    let topic = unique_topic("secured-txn");
    let admin = Admin::from_properties(props.iter().cloned()).expect("admin");
    assert!(matches!(
        admin.create_topics([NewTopic::new(&topic, 1, 1)], CreateTopicsOptions::default()).await.get(&topic),
        Some(Ok(_))
    ));
    let txn_id = unique_topic("secured-txn-id");
    let producer = Producer::new(
        ProducerConfig::from_properties(with(props.clone(), &[("transactional.id", &txn_id)])).expect("config"),
    )
    .expect("producer");
    producer.init_transactions().await.expect("init_transactions");
    for (count, commit) in [(20, true), (5, false)] {
        producer.begin_transaction().expect("begin");
        for i in 0..count {
            producer
                .enqueue(ProducerRecord::new(&topic).value(format!("{commit}-{i}").as_bytes()))
                .await
                .expect("send");
        }
        if commit {
            producer.commit_transaction().await.expect("commit");
        } else {
            producer.abort_transaction().await.expect("abort");
        }
    }
    producer.close(Duration::from_secs(10)).await.ok();
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            props,
            &[("auto.offset.reset", "earliest"), ("isolation.level", "read_committed")],
        ))
        .expect("config"),
    )
    .expect("consumer");
    consumer.assign([(&topic, 0)]);
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut values = Vec::new();
    while values.len() < 20 && Instant::now() < deadline {
        for r in consumer.poll(Duration::from_millis(300)).await.expect("poll") {
            values.push(String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned());
        }
    }
    // A little longer: an aborted record must not follow.
    for r in consumer.poll(Duration::from_millis(500)).await.expect("poll") {
        values.push(String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned());
    }
    assert_eq!(values.len(), 20, "read_committed read {values:?}");
    assert!(values.iter().all(|v| v.starts_with("true-")), "{values:?}");
    consumer.close().await;
}

#[tokio::test]
async fn a_wrong_password_fails_at_once_for_producer_consumer_and_admin() {
    let Some(secured) = Secured::from_env().await else { return };
    let wrong = "not-the-password-4711";
    let props = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), (ADMIN.0, wrong));
    let bound = Duration::from_secs(15); // far below max.block.ms and default.api.timeout.ms (60 s)
    let check = |what: &str, error: &Error, started: Instant| {
        assert!(error.is_authentication(), "{what}: not an authentication error: {error}");
        assert!(started.elapsed() < bound, "{what}: took {:?} to report {error}", started.elapsed());
        assert!(
            !error.to_string().contains(wrong) && !format!("{error:?}").contains(wrong),
            "{what}: the password leaked"
        );
    };

    let started = Instant::now();
    let producer = Producer::new(ProducerConfig::from_properties(props.clone()).expect("config")).expect("producer");
    let failed = producer.send(ProducerRecord::new("secured-wrong-password").value(b"v")).await.expect_err("sent");
    check("producer", &failed.error, started);

    let started = Instant::now();
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(props.clone(), &[("group.id", "wrong-password")])).expect("config"),
    )
    .expect("consumer");
    consumer.subscribe(["secured-wrong-password"]).expect("subscribe");
    let error = loop {
        match consumer.poll(Duration::from_millis(500)).await {
            Err(e) => break e,
            Ok(_) => assert!(started.elapsed() < bound, "consumer: no error after {:?}", started.elapsed()),
        }
    };
    check("consumer", &error, started);
    consumer.close().await;

    let started = Instant::now();
    let admin = Admin::from_properties(props).expect("admin");
    let error = admin.list_topics(ListTopicsOptions::default()).await.expect_err("listed");
    assert!(started.elapsed() < bound, "admin: took {:?} to report {error}", started.elapsed());
    assert!(error.to_string().to_lowercase().contains("authentication"), "admin: {error}");
}

#[tokio::test]
async fn the_restricted_user_gets_typed_authorization_errors() {
    let Some(secured) = Secured::from_env().await else { return };
    if !secured.is_kafka() {
        server_stub::skip_test!("the stub has no authorizer");
        return;
    }
    let admin_props = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ADMIN);
    let topic = unique_topic("secured-denied");
    let admin = Admin::from_properties(admin_props).expect("admin");
    assert!(matches!(
        admin.create_topics([NewTopic::new(&topic, 1, 1)], CreateTopicsOptions::default()).await.get(&topic),
        Some(Ok(_))
    ));
    let alice = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ALICE);

    let producer = Producer::new(
        ProducerConfig::from_properties(with(
            alice.clone(),
            &[("max.block.ms", "10000"), ("delivery.timeout.ms", "10000"), ("request.timeout.ms", "5000")],
        ))
        .expect("config"),
    )
    .expect("producer");
    let denied = producer.send(ProducerRecord::new(&topic).value(b"v")).await.expect_err("alice produced");
    let text = denied.to_string();
    assert!(text.contains("TOPIC_AUTHORIZATION_FAILED") && text.contains(&topic), "produce: {text}");
    assert!(!denied.error.is_retriable(), "produce: {text}");

    let group = unique_topic("secured-denied-group");
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            alice.clone(),
            &[("group.id", &group), ("auto.offset.reset", "earliest")],
        ))
        .expect("config"),
    )
    .expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    let started = Instant::now();
    let error = loop {
        match consumer.poll(Duration::from_millis(500)).await {
            Err(e) => break e,
            Ok(_) => assert!(started.elapsed() < Duration::from_secs(20), "consumer: no error in 20 s"),
        }
    };
    let text = error.to_string();
    assert!(
        (text.contains("GROUP_AUTHORIZATION_FAILED") && text.contains(&group))
            || (text.contains("TOPIC_AUTHORIZATION_FAILED") && text.contains(&topic)),
        "consumer: {text}"
    );
    consumer.close().await;

    let txn_id = unique_topic("secured-denied-txn");
    let transactional = Producer::new(
        ProducerConfig::from_properties(with(alice, &[("transactional.id", &txn_id), ("max.block.ms", "10000")]))
            .expect("config"),
    )
    .expect("producer");
    let error = transactional.init_transactions().await.expect_err("alice initialised transactions");
    let text = error.to_string();
    assert!(text.contains("TRANSACTIONAL_ID_AUTHORIZATION_FAILED") && text.contains(&txn_id), "transactions: {text}");
}

#[tokio::test]
async fn a_consumer_reads_on_through_re_authentications() {
    let Some(secured) = Secured::from_env().await else { return };
    let lifetime = match &secured {
        Secured::Kafka(cluster) => cluster.security().and_then(|s| s.reauth()),
        Secured::Stub(_) => None,
    };
    let (secured, lifetime) = match lifetime {
        Some(l) => (secured, l),
        None if secured.is_kafka() => {
            server_stub::skip_test!("this secured Kafka does not set connections.max.reauth.ms");
            return;
        }
        None => {
            let lifetime = Duration::from_secs(2);
            let mut builder =
                StubCluster::builder().listener(SecurityProtocol::SaslSsl).connections_max_reauth(lifetime);
            for (user, password) in [ADMIN, ALICE] {
                builder = builder.scram_user(SaslMechanism::ScramSha512, user, password).plain_user(user, password);
            }
            (Secured::Stub(builder.start().await.expect("stub")), lifetime)
        }
    };
    let props = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ADMIN);
    let topic = unique_topic("secured-reauth");
    let admin = Admin::from_properties(props.iter().cloned()).expect("admin");
    assert!(matches!(
        admin.create_topics([NewTopic::new(&topic, 1, 1)], CreateTopicsOptions::default()).await.get(&topic),
        Some(Ok(_))
    ));
    let producer = Producer::new(ProducerConfig::from_properties(props.clone()).expect("config")).expect("producer");
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            props,
            &[("group.id", &unique_topic("reauth-group")), ("auto.offset.reset", "earliest")],
        ))
        .expect("config"),
    )
    .expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    // Several session lifetimes of sending and reading.
    let span = lifetime * 4;
    let started = Instant::now();
    let (mut sent, mut read) = (0i64, Vec::new());
    while started.elapsed() < span || (read.len() as i64) < sent {
        assert!(started.elapsed() < span + Duration::from_secs(30), "read {} of {sent} records", read.len());
        if started.elapsed() < span {
            producer.send(ProducerRecord::new(&topic).value(sent.to_string().as_bytes())).await.expect("send");
            sent += 1;
        }
        for r in consumer.poll(Duration::from_millis(100)).await.expect("poll across re-authentication") {
            read.push(r.offset);
        }
    }
    let expected: Vec<i64> = (0..sent).collect();
    assert_eq!(read, expected, "records lost, repeated or reordered across re-authentications");
    producer.close(Duration::from_secs(5)).await.expect("close");
    consumer.close().await;
}
