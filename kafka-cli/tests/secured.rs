//! `--command-config` carries TLS and SASL settings as a Java client properties file, for every
//! client `kfk` makes (admin, producer, consumer): against the stub's SASL_SSL listener, and
//! against the secured Kafka `KAFKA_SECURITY_FILE` or `KAFKA_CLIENT_PROPERTIES` names (see
//! `common::secured`); without one those tests report themselves skipped.

mod common;

use common::java::{classpath_or_skip, java, TOOLS};
use common::secured::secured_kafka_or_skip;
use common::{temp_file, unique, Broker};
use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};

async fn workflows(b: &Broker) {
    let t = unique("secured");
    b.kfk(&["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"], "").await.ok();
    b.kfk(
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
        "k:v\n",
    )
    .await
    .ok();
    let read = b.read_from_beginning(&t, 1, &["--property", "print.key=true"]).await.ok();
    assert_eq!(read.stdout, "k\tv\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sasl_ssl_settings_come_from_the_command_config_file() {
    let stub = StubCluster::builder()
        .listener(SecurityProtocol::SaslSsl)
        .scram_user(SaslMechanism::ScramSha512, "alice", "alice-secret")
        .start()
        .await
        .expect("a SASL_SSL stub");
    let bootstrap = stub.bootstrap_for(SecurityProtocol::SaslSsl).expect("the SASL_SSL listener");
    let ca = temp_file("ca.pem", &stub.tls_ca_pem().expect("the stub's CA"));
    let properties = |password: &str| {
        format!(
            "# as a Java client would have it\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n\
             sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\n  \
             username=\"alice\" password=\"{password}\";\nssl.truststore.type=PEM\nssl.truststore.location={}\n\
             # a producer key in a file shared by every tool\nlinger.ms=1\ndefault.api.timeout.ms=5000\n",
            ca.display()
        )
    };
    let with = |file: &std::path::Path| Broker::reached_with(&bootstrap, &file.display().to_string(), false);
    workflows(&with(&temp_file("client.properties", &properties("alice-secret")))).await;

    let bad = with(&temp_file("wrong.properties", &properties("not-her-secret")));
    let refused = bad.kfk(&["topics", "--list"], "").await.failed();
    assert!(refused.stderr.to_lowercase().contains("authentication"), "{}", refused.stderr);

    // Without the security settings the SASL_SSL port does not answer a plaintext client.
    let plain = with(&temp_file("plain.properties", "default.api.timeout.ms=2000\n"));
    let refused = plain.kfk(&["topics", "--list"], "").await.failed();
    assert!(refused.stderr.contains(&bootstrap), "names the broker it could not reach: {}", refused.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secured_kafka_is_reached_with_its_properties_file() {
    let b = secured_kafka_or_skip!();
    workflows(&b).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_are_added_listed_and_removed_on_a_secured_kafka() {
    let b = secured_kafka_or_skip!();
    let t = unique("acl-topic");
    let added = b
        .kfk(
            &[
                "acls",
                "--add",
                "--allow-principal",
                "User:alice",
                "--operation",
                "Read",
                "--operation",
                "Describe",
                "--topic",
                &t,
            ],
            "",
        )
        .await
        .ok();
    assert!(added.stdout.contains(&format!("resourceType=TOPIC, name={t}, patternType=LITERAL")), "{}", added.stdout);
    let listed = b.kfk(&["acls", "--list", "--topic", &t], "").await.ok();
    assert!(
        listed.stdout.contains("(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)"),
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains("operation=DESCRIBE"), "{}", listed.stdout);
    let removed = b
        .kfk(
            &["acls", "--remove", "--allow-principal", "User:alice", "--operation", "Read", "--topic", &t, "--force"],
            "",
        )
        .await
        .ok();
    assert!(removed.stdout.starts_with("Removed 1 ACL(s):"), "{}", removed.stdout);
    let listed = b.kfk(&["acls", "--list", "--topic", &t, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&listed.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{}", listed.stdout);
    // The broker is shared with the integration suite, whose ACL tests count alice's ACLs:
    // leave none behind.
    remove_last_acl(&b, "User:alice", "Describe", &t).await;
}

/// Removes the last ACL of `topic` (`principal` may do `operation`) and sees none left.
async fn remove_last_acl(b: &Broker, principal: &str, operation: &str, topic: &str) {
    let removed = b
        .kfk(
            &[
                "acls",
                "--remove",
                "--allow-principal",
                principal,
                "--operation",
                operation,
                "--topic",
                topic,
                "--force",
            ],
            "",
        )
        .await
        .ok();
    assert!(removed.stdout.starts_with("Removed 1 ACL(s):"), "{}", removed.stdout);
    let listed = b.kfk(&["acls", "--list", "--topic", topic, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&listed.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(0), "ACLs of {topic} left: {}", listed.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_list_prints_what_javas_acl_command_prints() {
    let b = secured_kafka_or_skip!();
    let classpath = classpath_or_skip!(TOOLS);
    let t = unique("acl-parity");
    b.kfk(&["acls", "--add", "--allow-principal", "User:bob", "--operation", "Write", "--topic", &t], "").await.ok();
    let ours = b.kfk(&["acls", "--list", "--topic", &t], "").await.ok();
    let config = b.command_config.as_deref().expect("a secured Kafka has a properties file");
    let theirs = java(
        &classpath,
        "org.apache.kafka.tools.AclCommand",
        &["--bootstrap-server", &b.bootstrap, "--command-config", config, "--list", "--topic", &t],
    )
    .await
    .ok();
    remove_last_acl(&b, "User:bob", "Write", &t).await;
    assert_eq!(ours.stdout, theirs.stdout, "kfk (left) and kafka-acls (right) differ");
}
