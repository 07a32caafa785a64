//! The secured JVM broker (`jvm::Options::security`) checked with the Java client: every
//! listener and SASL mechanism with the properties files the launcher writes, used as they are;
//! the restricted user refused on topics, groups, transactional ids and the cluster; a wrong
//! password and a missing client certificate refused at authentication.
//!
//! Needs `java` (a JDK: the probe runs through Java's source launcher), `mvn`, and ports
//! 9800, 10800, 11800, 12800 and 19800. Skipped (`kfk_stub::skip_test!`) without the tools.
//! Takes about a minute: one broker start, one JVM for every client check. Kafka
//! `KAFKA_TEST_VERSION` if set (`3.9.2`), else the pinned release.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kfk_stub::testing::jvm::{self, Cluster, Options, SaslMechanism, SecurityOptions, SecurityProtocol};
use kfk_stub::testing::TestCluster;

const BASE_PORT: u16 = 9800;

/// Stops the cluster when the test ends, however it ends.
struct StopOnDrop(PathBuf);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        if let Err(e) = jvm::stop(&self.0) {
            eprintln!("stopping the secured cluster in {}: {e}", self.0.display());
        }
    }
}

fn tools_present() -> bool {
    let java_with_compiler = Command::new("java")
        .arg("--list-modules")
        .output()
        .is_ok_and(|out| out.status.success() && String::from_utf8_lossy(&out.stdout).contains("jdk.compiler"));
    let mvn = Command::new("mvn").arg("-v").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    java_with_compiler && mvn
}

/// Runs `SecurityProbe.java` over `cases` (`mode:topic:properties`) in one JVM, at most 5 min.
fn probe(cluster: &Cluster, scratch: &Path, cases: &[String]) -> String {
    let log4j = scratch.join("probe-log4j2.xml");
    std::fs::write(
        &log4j,
        r#"<Configuration status="off"><Appenders><Console name="err" target="SYSTEM_ERR"><PatternLayout pattern="%p %c{1}: %m%n"/></Console></Appenders><Loggers><Root level="error"><AppenderRef ref="err"/></Root></Loggers></Configuration>"#,
    )
    .expect("writing the probe's log4j2.xml");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("java").join("SecurityProbe.java");
    let classpath = cluster.classpath().expect("the cluster's classpath");
    let out_path = scratch.join("probe.out");
    let out = std::fs::File::create(&out_path).expect("creating probe.out");
    let err = std::fs::File::create(scratch.join("probe.err")).expect("creating probe.err");
    let mut child = Command::new("java")
        .arg(format!("-Dlog4j2.configurationFile={}", log4j.display()))
        .args(["-cp", classpath])
        .arg(&source)
        .args(cases)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("running java");
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for java") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("SecurityProbe did not finish in 5 min; see {}", scratch.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let output = std::fs::read_to_string(&out_path).unwrap_or_default();
    let stderr = std::fs::read_to_string(scratch.join("probe.err")).unwrap_or_default();
    assert!(status.success(), "SecurityProbe: {status}\n{output}\n--- stderr ---\n{stderr}");
    println!("{output}");
    output
}

#[test]
fn the_secured_broker_serves_the_java_client_on_every_listener_and_mechanism() {
    if !tools_present() {
        kfk_stub::skip_test!("needs a JDK (java with jdk.compiler) and mvn");
        return;
    }
    let dir = jvm::default_dir().with_file_name("kafka-security-test");
    // A run killed before it could stop its cluster leaves it running: stop it first.
    let _ = jvm::stop(&dir);
    let reauth = Duration::from_secs(3);
    // `KAFKA_TEST_VERSION=3.9.2` checks the last 3.x line (as the integration suite does).
    let version = std::env::var("KAFKA_TEST_VERSION").unwrap_or_else(|_| kfk_stub::testing::KAFKA_VERSION.into());
    let options = Options {
        version,
        base_port: BASE_PORT,
        security: Some(SecurityOptions { reauth: Some(reauth) }),
        ..Options::in_dir(&dir)
    };
    let cluster = Cluster::start(&options).expect("the secured cluster starts");
    let _stop = StopOnDrop(dir.clone());
    let security = cluster.security().expect("a secured cluster");
    assert_eq!(cluster.bootstrap(), "127.0.0.1:9800");
    assert_eq!(cluster.bootstrap_for(SecurityProtocol::SaslSsl).as_deref(), Some("127.0.0.1:12800"));
    assert_eq!(security.reauth(), Some(reauth));
    // Found again from its files, security included; and as a test's external secured cluster.
    let found = Cluster::find(&dir).expect("readable").expect("running");
    assert_eq!(found.security(), Some(security));
    let properties = security.client_properties_file(SecurityProtocol::Ssl, None, "admin");
    let external = TestCluster::secured_external(security.file()).expect("security.json");
    assert_eq!(external.bootstrap(), "127.0.0.1:9800");
    assert_eq!(external.bootstrap_for(SecurityProtocol::Ssl).as_deref(), Some("127.0.0.1:10800"));
    assert_eq!(external.security(), Some(security));
    assert!(properties.is_file(), "{}", properties.display());

    let nonce = std::process::id();
    let file = |p, m, user| security.client_properties_file(p, m, user).display().to_string();
    let mut cases = Vec::new();
    let mut allowed = Vec::new();
    let mut add = |mode: &str, name: String, path: String| {
        let topic = format!("sec-{name}-{nonce}");
        cases.push(format!("{mode}:{topic}:{path}"));
        if mode == "allowed" {
            allowed.push(topic.clone());
        }
        topic
    };
    for mechanism in SaslMechanism::ALL {
        let name = format!("sasl-ssl-{}", mechanism.name().to_ascii_lowercase());
        add("allowed", name, file(SecurityProtocol::SaslSsl, Some(mechanism), "admin"));
    }
    add("allowed", "ssl".into(), file(SecurityProtocol::Ssl, None, "admin"));
    for mechanism in [SaslMechanism::Plain, SaslMechanism::OAuthBearer] {
        let name = format!("sasl-plaintext-{}", mechanism.name().to_ascii_lowercase());
        add("allowed", name, file(SecurityProtocol::SaslPlaintext, Some(mechanism), "admin"));
    }
    add("allowed", "plaintext".into(), file(SecurityProtocol::Plaintext, None, "admin"));
    let denied = [
        add("denied", "alice-scram".into(), file(SecurityProtocol::SaslSsl, Some(SaslMechanism::ScramSha512), "alice")),
        add("denied", "alice-mtls".into(), file(SecurityProtocol::Ssl, None, "alice")),
        add(
            "denied",
            "alice-oauth".into(),
            file(SecurityProtocol::SaslPlaintext, Some(SaslMechanism::OAuthBearer), "alice"),
        ),
    ];
    // Authentication failures: a wrong SCRAM password, and SSL without a client certificate.
    let scratch = dir.join("probe");
    std::fs::create_dir_all(&scratch).expect("creating the probe's directory");
    let wrong = scratch.join("wrong-password.properties");
    let text = security
        .client_properties(SecurityProtocol::SaslSsl, Some(SaslMechanism::ScramSha256), "admin")
        .expect("properties")
        .replace("password=\"admin-secret\"", "password=\"wrong\"");
    std::fs::write(&wrong, text).expect("writing");
    let wrong_topic = add("allowed", "wrong-password".into(), wrong.display().to_string());
    let no_cert = scratch.join("no-client-cert.properties");
    let text = security.client_properties(SecurityProtocol::Ssl, None, "admin").expect("properties");
    let text: String = text.lines().filter(|l| !l.starts_with("ssl.keystore.")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&no_cert, text).expect("writing");
    let no_cert_topic = add("allowed", "no-client-cert".into(), no_cert.display().to_string());

    let output = probe(&cluster, &scratch, &cases);
    let lines = |topic: &str| -> Vec<&str> {
        let prefix = format!("[{topic}] ");
        output.lines().filter_map(|l| l.strip_prefix(prefix.as_str())).collect()
    };
    for topic in allowed.iter().filter(|t| **t != wrong_topic && **t != no_cert_topic) {
        let got = lines(topic);
        assert_eq!(got.len(), 4, "{topic}: {got:?}");
        assert!(got.iter().all(|l| l.starts_with("OK ")), "{topic}: {got:?}");
    }
    for topic in &denied {
        let got = lines(topic);
        assert_eq!(
            got,
            [
                "DENIED produce: TopicAuthorizationException",
                "DENIED group: GroupAuthorizationException",
                "DENIED transaction: TransactionalIdAuthorizationException",
                "DENIED cluster: ClusterAuthorizationException",
            ],
            "{topic}"
        );
    }
    let got = lines(&wrong_topic);
    assert!(got.len() == 1 && got[0].contains("SaslAuthenticationException"), "wrong password: {got:?}");
    let got = lines(&no_cert_topic);
    assert!(got.len() == 1 && got[0].contains("SslAuthenticationException"), "no client certificate: {got:?}");
}
