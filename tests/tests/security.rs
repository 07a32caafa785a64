//! Secured clusters: the producer, the consumer (in a group) and the admin client over TLS and
//! SASL, configured the way Java users already are (a properties file's keys), against the
//! stub's secured listeners and a secured Apache Kafka (`cargo xtask test` starts one and names
//! it in `KAFKA_SECURITY_FILE`).
//!
//! Both run every mechanism and the authorizer (the stub as `TestCluster::secured_stub` sets
//! it up, with the JVM launcher's users): the restricted user is refused with typed
//! authorization errors.

use std::time::{Duration, Instant};

use kfk_admin::{
    AclBinding, AclBindingFilter, AclOperation, AclOptions, AclPermissionType, AclResourceType, Admin,
    CreateTopicsOptions, ListTopicsOptions, NewTopic, PatternType,
};
use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_client::Error;
use kfk_stub::testing::jvm::{SecurityOptions, SecurityProtocol};
use kfk_stub::testing::TestCluster;
use tests::read::poll_records;
use tests::{ready_when, unique_topic, Wait};

const ADMIN: (&str, &str) = ("admin", "admin-secret");
const ALICE: (&str, &str) = ("alice", "alice-secret");

/// A secured cluster to test against: the secured stub, or a secured Kafka; both as
/// [`TestCluster::secured`] describes them (same users, listeners and files).
struct Secured(TestCluster);

impl Secured {
    async fn from_env() -> Option<Secured> {
        Secured::with_options(SecurityOptions::default()).await
    }

    async fn with_options(options: SecurityOptions) -> Option<Secured> {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("kafka") {
            if std::env::var("KAFKA_SECURITY_FILE").is_err() {
                kfk_stub::skip_test!("no secured Kafka (KAFKA_SECURITY_FILE is not set)");
                return None;
            }
            return Some(Secured(TestCluster::secured().await.expect("the secured Kafka")));
        }
        Some(Secured(TestCluster::secured_stub(&options).await.expect("secured stub")))
    }

    fn is_kafka(&self) -> bool {
        self.0.kind().is_real_kafka()
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
        let security = self.0.security().expect("secured");
        let which = SecurityProtocol::parse(protocol).expect("protocol");
        set("bootstrap.servers", security.bootstrap(which));
        set("security.protocol", protocol.to_string());
        if protocol.ends_with("SSL") {
            set("ssl.truststore.type", "PEM".into());
            set("ssl.truststore.certificates", std::fs::read_to_string(security.ca_cert()).expect("CA file"));
        }
        if protocol == "SSL" {
            set("ssl.keystore.type", "PEM".into());
            set(
                "ssl.keystore.certificate.chain",
                std::fs::read_to_string(security.client_cert(user)).expect("client cert"),
            );
            set("ssl.keystore.key", std::fs::read_to_string(security.client_key(user)).expect("client key"));
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
    let mut read = 0;
    Wait::new(format!("{what}: 50 records read"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            read +=
                consumer.poll(Duration::from_millis(500)).await.unwrap_or_else(|e| panic!("{what}: poll: {e}")).len();
            ready_when(read, |&read| read >= 50)
        })
        .await;
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
    let mut values: Vec<String> = poll_records(&consumer, 20, Duration::from_secs(30))
        .await
        .iter()
        .map(|r| String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned())
        .collect();
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
    let (secured, lifetime) = match secured.0.security().and_then(|s| s.reauth()) {
        Some(lifetime) => (secured, lifetime),
        None if secured.is_kafka() => {
            kfk_stub::skip_test!("this secured Kafka does not set connections.max.reauth.ms");
            return;
        }
        None => {
            let lifetime = Duration::from_secs(2);
            let options = SecurityOptions { reauth: Some(lifetime) };
            (Secured::with_options(options).await.expect("stub"), lifetime)
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

#[tokio::test]
async fn acls_the_admin_grants_let_the_restricted_user_in_and_a_deny_wins() {
    let Some(secured) = Secured::from_env().await else { return };
    let admin = Admin::from_properties(secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ADMIN)).expect("admin");
    let alice = secured.properties("SASL_SSL", Some("SCRAM-SHA-512"), ALICE);
    let topic = unique_topic("secured-granted");
    assert!(matches!(
        admin.create_topics([NewTopic::new(&topic, 1, 1)], CreateTopicsOptions::default()).await.get(&topic),
        Some(Ok(_))
    ));
    let group = unique_topic("secured-granted-group");
    let txn_id = unique_topic("secured-granted-txn");

    // Alice may not look at the ACLs: that needs DESCRIBE on the cluster.
    let alice_admin = Admin::from_properties(alice.clone()).expect("admin as alice");
    let error =
        alice_admin.describe_acls(AclBindingFilter::ANY, AclOptions::default()).await.expect_err("alice read ACLs");
    assert!(error.to_string().contains("CLUSTER_AUTHORIZATION_FAILED"), "describe ACLs: {error}");

    let principal = "User:alice";
    let acl = |resource_type, name: &str, operation, permission| {
        AclBinding::new(resource_type, name, principal, operation, permission)
            .pattern_type(PatternType::Literal)
            .host("*")
    };
    let grants = vec![
        acl(AclResourceType::Topic, &topic, AclOperation::Write, AclPermissionType::Allow),
        acl(AclResourceType::Topic, &topic, AclOperation::Read, AclPermissionType::Allow),
        acl(AclResourceType::Group, &group, AclOperation::Read, AclPermissionType::Allow),
        acl(AclResourceType::TransactionalId, &txn_id, AclOperation::Write, AclPermissionType::Allow),
    ];
    for (binding, result) in admin.create_acls(grants.clone(), AclOptions::default()).await {
        result.unwrap_or_else(|e| panic!("create {binding:?}: {e}"));
    }
    let mine = AclBindingFilter::principal(principal);
    assert_eq!(mine.resource_name, None, "every resource of the principal's");
    let described = admin.describe_acls(mine.clone(), AclOptions::default()).await.expect("describe ACLs");
    for grant in &grants {
        assert!(described.contains(grant), "{grant:?} not in {described:?}");
    }
    if secured.is_kafka() {
        // Kafka's brokers learn new ACLs from the metadata log, a moment later.
        tokio::time::sleep(Duration::from_secs(2)).await;
    }

    // Now alice produces in a transaction and reads in her group.
    let producer = Producer::new(
        ProducerConfig::from_properties(with(
            alice.clone(),
            &[("transactional.id", &txn_id), ("max.block.ms", "20000")],
        ))
        .expect("config"),
    )
    .expect("producer");
    producer.init_transactions().await.expect("init_transactions with WRITE on the transactional id");
    producer.begin_transaction().expect("begin");
    for i in 0..3 {
        producer.enqueue(ProducerRecord::new(&topic).value(format!("granted-{i}").as_bytes())).await.expect("send");
    }
    producer.commit_transaction().await.expect("commit");
    producer.close(Duration::from_secs(10)).await.ok();
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            alice.clone(),
            &[
                ("group.id", &group),
                ("auto.offset.reset", "earliest"),
                ("enable.auto.commit", "false"),
                ("isolation.level", "read_committed"),
            ],
        ))
        .expect("config"),
    )
    .expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    let mut read = 0;
    Wait::new("alice reads 3 records", Duration::from_secs(30))
        .every(Duration::ZERO)
        .until(async || {
            read += consumer.poll(Duration::from_millis(300)).await.expect("poll with READ on topic and group").len();
            ready_when(read, |&read| read >= 3)
        })
        .await;
    consumer.commit().await.expect("commit offsets");
    consumer.close().await;

    // A DENY wins over the ALLOW: reading the topic is refused again, naming it.
    let deny = acl(AclResourceType::Topic, &topic, AclOperation::Read, AclPermissionType::Deny);
    for (_, result) in admin.create_acls(vec![deny], AclOptions::default()).await {
        result.expect("create the DENY");
    }
    if secured.is_kafka() {
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(alice, &[("auto.offset.reset", "earliest")])).expect("config"),
    )
    .expect("consumer");
    consumer.assign([(&topic, 0)]);
    let started = Instant::now();
    let error = loop {
        match consumer.poll(Duration::from_millis(300)).await {
            Err(e) => break e,
            Ok(records) => {
                assert!(records.is_empty(), "read {} records despite the DENY", records.len());
                assert!(started.elapsed() < Duration::from_secs(20), "no error in 20 s");
            }
        }
    };
    let text = error.to_string();
    assert!(text.contains("TOPIC_AUTHORIZATION_FAILED") && text.contains(&topic), "denied fetch: {text}");
    consumer.close().await;

    let deleted = admin.delete_acls(vec![mine], AclOptions::default()).await;
    let deleted = deleted.into_iter().next().expect("one filter").1.expect("delete ACLs");
    assert_eq!(deleted.len(), 5, "{deleted:?}");
}
