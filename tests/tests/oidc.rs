//! The OIDC login of KIP-768 end to end: a token endpoint on loopback (this test's, over
//! https) hands out tokens for the client-credentials grant, signed with a key whose JWKS the
//! secured Kafka's `OIDC` listener validates with (`OAuthBearerValidatorCallbackHandler`, the
//! expected issuer and audience). The client is configured as Java users configure theirs:
//! `sasl.oauthbearer.token.endpoint.url`, an `OAuthBearerLoginModule` with `clientId`,
//! `clientSecret`, `scope` and the endpoint's trust store as JAAS `ssl.*` options.
//!
//! On the stub the same: its SASL_PLAINTEXT listener validates against the issuer's JWKS
//! (`oauthbearer_jwks`), with 3 s re-authentication as the secured Kafka of `cargo xtask test`.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kfk_admin::{Admin, CreateTopicsOptions, NewTopic};
use kfk_client::config::{ConsumerConfig, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::testing::jvm::{OIDC_AUDIENCE, OIDC_ISSUER, OIDC_KEY_ID};
use kfk_stub::testing::oidc::{Client, Issuer, TokenEndpoint};
use kfk_stub::testing::TestCluster;
use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};
use tests::read::poll_records;
use tests::{unique_topic, NotYet, Ready, Wait};

const CLIENT_ID: &str = "kafka-rs-app";
const CLIENT_SECRET: &str = "app-secret-8d1f";
/// The token's subject: the secured broker's super user, so the authorizer lets it do anything.
const SUBJECT: &str = "admin";

/// A listener validating OAUTHBEARER tokens against the JWKS of an issuer whose key we hold.
struct Oidc {
    bootstrap: String,
    key_pem: String,
    _keep: Keep,
}

enum Keep {
    Stub(#[allow(dead_code)] StubCluster),
    Kafka(#[allow(dead_code)] TestCluster),
}

impl Oidc {
    /// The secured Kafka's `OIDC` listener, or a stub's SASL_PLAINTEXT listener given the JWKS.
    async fn from_env() -> Option<Oidc> {
        if std::env::var("TEST_BACKEND").as_deref() == Ok("kafka") {
            if std::env::var("KAFKA_SECURITY_FILE").is_err() {
                kfk_stub::skip_test!("no secured Kafka (KAFKA_SECURITY_FILE is not set)");
                return None;
            }
            let cluster = TestCluster::secured().await.expect("the secured Kafka");
            let security = cluster.security().expect("secured");
            let key_pem = std::fs::read_to_string(security.oidc_key()).expect("the OIDC signing key");
            return Some(Oidc { bootstrap: security.oidc_bootstrap(), key_pem, _keep: Keep::Kafka(cluster) });
        }
        let issuer = Issuer::generate(OIDC_KEY_ID, OIDC_ISSUER, OIDC_AUDIENCE).expect("issuer");
        let stub = StubCluster::builder()
            .listener(SecurityProtocol::SaslPlaintext)
            .sasl_mechanisms([SaslMechanism::OAuthBearer])
            .oauthbearer_jwks(&issuer.jwks(), OIDC_ISSUER, OIDC_AUDIENCE)
            .connections_max_reauth(Duration::from_secs(3))
            .start()
            .await
            .expect("stub");
        Some(Oidc {
            bootstrap: stub.bootstrap_for(SecurityProtocol::SaslPlaintext).expect("listener"),
            key_pem: issuer.key_pem().to_string(),
            _keep: Keep::Stub(stub),
        })
    }

    /// The issuer the listener trusts.
    fn issuer(&self) -> Issuer {
        self.issuer_as(OIDC_ISSUER, OIDC_AUDIENCE)
    }

    /// The trusted key, claiming another issuer or audience.
    fn issuer_as(&self, issuer: &str, audience: &str) -> Issuer {
        Issuer::from_pem(&self.key_pem, OIDC_KEY_ID, issuer, audience).expect("issuer")
    }
}

/// An https token endpoint issuing tokens from `issuer` for the one client, and the file of
/// its CA certificate (removed with the returned guard).
async fn endpoint(issuer: Issuer, lifetime: Duration) -> (TokenEndpoint, CaFile) {
    let endpoint = TokenEndpoint::start_https(issuer, [Client::new(CLIENT_ID, CLIENT_SECRET, SUBJECT)], lifetime)
        .await
        .expect("token endpoint");
    let path = std::env::temp_dir().join(format!("{}.pem", unique_topic("oidc-ca")));
    std::fs::write(&path, endpoint.ca_pem().expect("an https endpoint has a CA")).expect("CA file");
    (endpoint, CaFile(path))
}

struct CaFile(PathBuf);

impl Drop for CaFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Java client properties for the `OIDC` listener, logging in at `endpoint` with `secret`.
fn properties(oidc: &Oidc, endpoint: &TokenEndpoint, ca: &CaFile, secret: &str) -> Vec<(String, String)> {
    let jaas = format!(
        "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\"{CLIENT_ID}\" \
         clientSecret=\"{secret}\" scope=\"kafka.read kafka.write\" ssl.truststore.type=\"PEM\" \
         ssl.truststore.location=\"{}\";",
        ca.0.display()
    );
    [
        ("bootstrap.servers", oidc.bootstrap.clone()),
        ("security.protocol", "SASL_PLAINTEXT".to_string()),
        ("sasl.mechanism", "OAUTHBEARER".to_string()),
        (
            "sasl.login.callback.handler.class",
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler".to_string(),
        ),
        ("sasl.oauthbearer.token.endpoint.url", endpoint.url().to_string()),
        ("sasl.jaas.config", jaas),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

fn with(mut props: Vec<(String, String)>, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    props.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    props
}

#[tokio::test]
async fn a_client_credentials_login_produces_consumes_in_a_group_and_administers() {
    let Some(oidc) = Oidc::from_env().await else { return };
    let (endpoint, ca) = endpoint(oidc.issuer(), Duration::from_secs(3600)).await;
    let props = properties(&oidc, &endpoint, &ca, CLIENT_SECRET);

    let topic = unique_topic("oidc");
    let admin = Admin::from_properties(props.clone()).expect("admin");
    let created = admin.create_topics([NewTopic::new(&topic, 2, 1)], CreateTopicsOptions::default()).await;
    assert!(matches!(created.get(&topic), Some(Ok(_))), "create topic: {created:?}");

    let producer = Producer::new(
        ProducerConfig::from_properties(with(props.clone(), &[("enable.idempotence", "true"), ("acks", "all")]))
            .expect("producer config"),
    )
    .expect("producer");
    for i in 0..40 {
        let value = format!("oidc-{i}");
        producer.send(ProducerRecord::new(&topic).key(value.as_bytes()).value(value.as_bytes())).await.expect("send");
    }
    producer.close(Duration::from_secs(10)).await.expect("close");

    let group = unique_topic("oidc-group");
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            props.clone(),
            &[("group.id", &group), ("auto.offset.reset", "earliest"), ("enable.auto.commit", "false")],
        ))
        .expect("consumer config"),
    )
    .expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    let mut values: Vec<String> = poll_records(&consumer, 40, Duration::from_secs(60))
        .await
        .iter()
        .map(|r| String::from_utf8_lossy(r.value.as_deref().unwrap_or_default()).into_owned())
        .collect();
    values.sort();
    let mut expected: Vec<String> = (0..40).map(|i| format!("oidc-{i}")).collect();
    expected.sort();
    assert_eq!(values, expected);
    consumer.commit().await.expect("commit");
    consumer.close().await;

    assert!(endpoint.issued() >= 1, "no token was fetched from the endpoint");
    assert_eq!(endpoint.refused(), 0, "the endpoint refused a request");
}

#[tokio::test]
async fn a_wrong_client_secret_fails_at_once_naming_the_token_endpoint() {
    let Some(oidc) = Oidc::from_env().await else { return };
    let (endpoint, ca) = endpoint(oidc.issuer(), Duration::from_secs(3600)).await;
    let wrong = "not-the-secret-0451";
    let props = properties(&oidc, &endpoint, &ca, wrong);
    let started = Instant::now();
    let producer = Producer::new(ProducerConfig::from_properties(props.clone()).expect("config")).expect("producer");
    let failed = producer.send(ProducerRecord::new(&unique_topic("oidc-refused")).value(b"v")).await.expect_err("sent");
    let error = failed.error;
    assert!(error.is_authentication(), "not an authentication error: {error}");
    let text = error.to_string();
    assert!(text.contains("token endpoint") && text.contains("401"), "{text}");
    assert!(!text.contains(wrong) && !format!("{error:?}").contains(wrong), "the secret leaked: {text}");
    assert!(started.elapsed() < Duration::from_secs(15), "took {:?} to report {text}", started.elapsed());
    assert!(endpoint.refused() >= 1 && endpoint.issued() == 0);

    let admin = Admin::from_properties(props).expect("admin");
    let error = admin.list_topics(Default::default()).await.expect_err("listed");
    assert!(error.to_string().contains("token endpoint"), "admin: {error}");
}

#[tokio::test]
async fn the_broker_refuses_tokens_it_cannot_validate() {
    let Some(oidc) = Oidc::from_env().await else { return };
    // A key the broker's JWKS does not hold (same key id), an issuer and an audience it does
    // not expect: each token is well formed, and each is refused by the broker.
    let rogues = [
        ("an unknown signing key", Issuer::generate(OIDC_KEY_ID, OIDC_ISSUER, OIDC_AUDIENCE).expect("issuer")),
        ("another issuer", oidc.issuer_as("https://rogue.example", OIDC_AUDIENCE)),
        ("another audience", oidc.issuer_as(OIDC_ISSUER, "not-kafka")),
    ];
    for (what, issuer) in rogues {
        let (endpoint, ca) = endpoint(issuer, Duration::from_secs(3600)).await;
        let props = properties(&oidc, &endpoint, &ca, CLIENT_SECRET);
        let admin = Admin::from_properties(props).expect("admin");
        let started = Instant::now();
        let error = admin.list_topics(Default::default()).await.expect_err("a refused token listed topics");
        let text = error.to_string();
        assert!(text.contains("SASL authentication with OAUTHBEARER failed"), "{what}: {text}");
        assert!(started.elapsed() < Duration::from_secs(15), "{what}: took {:?}", started.elapsed());
        assert!(endpoint.issued() >= 1, "{what}: the token endpoint was not asked");
    }
}

#[tokio::test]
async fn short_lived_tokens_are_refreshed_while_a_consumer_reads() {
    let Some(oidc) = Oidc::from_env().await else { return };
    // Tokens live 6 s; the broker re-authenticates connections within a token's life (and
    // within connections.max.reauth.ms), so reading for 20 s needs fresh tokens.
    let (endpoint, ca) = endpoint(oidc.issuer(), Duration::from_secs(6)).await;
    let props = with(
        properties(&oidc, &endpoint, &ca, CLIENT_SECRET),
        &[("sasl.login.refresh.min.period.seconds", "1"), ("sasl.login.refresh.buffer.seconds", "1")],
    );
    let topic = unique_topic("oidc-refresh");
    let admin = Admin::from_properties(props.clone()).expect("admin");
    let created = admin.create_topics([NewTopic::new(&topic, 1, 1)], CreateTopicsOptions::default()).await;
    assert!(matches!(created.get(&topic), Some(Ok(_))), "create topic: {created:?}");
    let producer = Producer::new(ProducerConfig::from_properties(props.clone()).expect("config")).expect("producer");
    let consumer = Consumer::new(
        ConsumerConfig::from_properties(with(
            props.clone(),
            &[("group.id", &unique_topic("oidc-refresh-group")), ("auto.offset.reset", "earliest")],
        ))
        .expect("config"),
    )
    .expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");

    let started = Instant::now();
    let (mut sent, mut read) = (0u32, Vec::new());
    while started.elapsed() < Duration::from_secs(20) {
        producer.send(ProducerRecord::new(&topic).value(sent.to_string().as_bytes())).await.expect("send");
        sent += 1;
        for record in consumer.poll(Duration::from_millis(250)).await.expect("poll") {
            read.push(String::from_utf8_lossy(record.value.as_deref().unwrap_or_default()).parse::<u32>().unwrap());
        }
    }
    // Running out of time is no failure of its own: the comparison below names what is missing.
    let _ = Wait::new(format!("{sent} records read"), Duration::from_secs(30))
        .every(Duration::ZERO)
        .try_until(async || {
            if read.len() >= sent as usize {
                return Ready(());
            }
            for record in consumer.poll(Duration::from_millis(250)).await.expect("poll") {
                read.push(String::from_utf8_lossy(record.value.as_deref().unwrap_or_default()).parse::<u32>().unwrap());
            }
            NotYet(read.len())
        })
        .await;
    assert_eq!(read, (0..sent).collect::<Vec<_>>(), "records lost, duplicated or reordered");
    // Three clients, each fetching again before its 6 s token runs out, over 20 s.
    assert!(endpoint.issued() >= 6, "only {} tokens issued in {:?}", endpoint.issued(), started.elapsed());
    consumer.close().await;
    producer.close(Duration::from_secs(10)).await.expect("close");
}
