//! `--command-config` carries TLS and SASL settings as a Java client properties file, for every
//! client `kfk` makes (admin, producer, consumer): against the stub's SASL_SSL listener, and
//! against a secured Kafka when `KAFKA_CLIENT_PROPERTIES` names its file (as
//! `cargo xtask kafka start --security sasl_ssl` prints it).

mod common;

use common::{kfk, temp_file, unique, Run};
use server_stub::{SaslMechanism, SecurityProtocol, StubCluster};

async fn run(bootstrap: &str, config: &str, args: &[&str], stdin: &str) -> Run {
    let mut all: Vec<String> =
        vec!["--bootstrap-server".into(), bootstrap.into(), "--command-config".into(), config.into()];
    all.extend(args.iter().map(|a| a.to_string()));
    kfk(all, stdin.into()).await
}

async fn workflows(bootstrap: &str, config: &str) {
    let t = unique("secured");
    run(
        bootstrap,
        config,
        &["topics", "--create", "--topic", &t, "--partitions", "1", "--replication-factor", "1"],
        "",
    )
    .await
    .ok();
    run(
        bootstrap,
        config,
        &["console-producer", "--topic", &t, "--property", "parse.key=true", "--property", "key.separator=:"],
        "k:v\n",
    )
    .await
    .ok();
    let read = run(
        bootstrap,
        config,
        &[
            "console-consumer",
            "--topic",
            &t,
            "--from-beginning",
            "--max-messages",
            "1",
            "--timeout-ms",
            "20000",
            "--property",
            "print.key=true",
        ],
        "",
    )
    .await
    .ok();
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
    let good = temp_file("client.properties", &properties("alice-secret"));
    workflows(&bootstrap, &good.display().to_string()).await;

    let bad = temp_file("wrong.properties", &properties("not-her-secret"));
    let refused = run(&bootstrap, &bad.display().to_string(), &["topics", "--list"], "").await.failed();
    assert!(refused.stderr.to_lowercase().contains("authentication"), "{}", refused.stderr);

    // Without the security settings the SASL_SSL port does not answer a plaintext client.
    let plain = temp_file("plain.properties", "default.api.timeout.ms=2000\n");
    run(&bootstrap, &plain.display().to_string(), &["topics", "--list"], "").await.failed();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_secured_kafka_is_reached_with_its_properties_file() {
    let (Ok(bootstrap), Ok(config)) =
        (std::env::var("KAFKA_BOOTSTRAP_SERVERS"), std::env::var("KAFKA_CLIENT_PROPERTIES"))
    else {
        server_stub::skip_test!("no secured Kafka (KAFKA_CLIENT_PROPERTIES is not set)");
        return;
    };
    workflows(&bootstrap, &config).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_are_added_listed_and_removed_on_a_secured_kafka() {
    let (Ok(bootstrap), Ok(config)) =
        (std::env::var("KAFKA_BOOTSTRAP_SERVERS"), std::env::var("KAFKA_CLIENT_PROPERTIES"))
    else {
        server_stub::skip_test!("no secured Kafka with an authorizer (KAFKA_CLIENT_PROPERTIES is not set)");
        return;
    };
    let t = unique("acl-topic");
    let added = run(
        &bootstrap,
        &config,
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
    let listed = run(&bootstrap, &config, &["acls", "--list", "--topic", &t], "").await.ok();
    assert!(
        listed.stdout.contains("(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)"),
        "{}",
        listed.stdout
    );
    assert!(listed.stdout.contains("operation=DESCRIBE"), "{}", listed.stdout);
    let removed = run(
        &bootstrap,
        &config,
        &["acls", "--remove", "--allow-principal", "User:alice", "--operation", "Read", "--topic", &t, "--force"],
        "",
    )
    .await
    .ok();
    assert!(removed.stdout.starts_with("Removed 1 ACL(s):"), "{}", removed.stdout);
    let listed = run(&bootstrap, &config, &["acls", "--list", "--topic", &t, "--output", "json"], "").await.ok();
    let v: serde_json::Value = serde_json::from_str(&listed.stdout).expect("JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(1), "{}", listed.stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn acls_list_prints_what_javas_acl_command_prints() {
    let (Ok(bootstrap), Ok(config)) =
        (std::env::var("KAFKA_BOOTSTRAP_SERVERS"), std::env::var("KAFKA_CLIENT_PROPERTIES"))
    else {
        server_stub::skip_test!("no secured Kafka with an authorizer (KAFKA_CLIENT_PROPERTIES is not set)");
        return;
    };
    if std::process::Command::new("java").arg("-version").output().is_err() {
        server_stub::skip_test!("needs a JDK (`java` on PATH)");
        return;
    }
    let work = std::env::temp_dir().join("kfk-java-acls");
    let classpath = tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&work).expect("work dir");
        server_stub::testing::maven::classpath(&work, &["org.apache.kafka:kafka-tools:4.3.1"])
    })
    .await
    .expect("join");
    let classpath = match classpath {
        Ok(cp) => cp,
        Err(e) => {
            server_stub::skip_test!("cannot resolve kafka-tools: {e}");
            return;
        }
    };
    let t = unique("acl-parity");
    run(
        &bootstrap,
        &config,
        &["acls", "--add", "--allow-principal", "User:bob", "--operation", "Write", "--topic", &t],
        "",
    )
    .await
    .ok();
    let ours = run(&bootstrap, &config, &["acls", "--list", "--topic", &t], "").await.ok();
    let (b, c, topic) = (bootstrap.clone(), config.clone(), t.clone());
    let theirs = tokio::task::spawn_blocking(move || {
        std::process::Command::new("java")
            .args([
                "-cp",
                &classpath,
                "org.apache.kafka.tools.AclCommand",
                "--bootstrap-server",
                &b,
                "--command-config",
                &c,
            ])
            .args(["--list", "--topic", &topic])
            .output()
            .expect("java runs")
    })
    .await
    .expect("join");
    assert_eq!(ours.stdout, String::from_utf8_lossy(&theirs.stdout), "kfk (left) and kafka-acls (right) differ");
}
