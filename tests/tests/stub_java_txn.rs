//! Foreign-client check of the stub's transactions: the Java client (kafka-clients, the
//! reference implementation) runs `java/StubTxn.java` against an in-process 3-broker stub,
//! whatever `TEST_BACKEND` says. The program commits one transaction, aborts another, is fenced
//! by a second producer with the same transactional id, and sends offsets to a consumer group
//! in both transactions; then it reads the output back in both isolation levels and looks up
//! the group's offset. The same program prints the same facts against Kafka 4.4.0.
//!
//! It runs twice: against the stub as it is (transaction version 2, as Kafka 4 finalizes it:
//! no AddPartitionsToTxn/AddOffsetsToTxn, an epoch bump per transaction) and against a stub
//! capped at EndTxn v4, which finalizes transaction version 1 (the client adds partitions and
//! offsets explicitly and the broker verifies its writes against them).
//!
//! Skipped (with a message) when there is no JDK.

use std::process::Command;

use kafka_protocol::messages::ApiKey;
use server_stub::testing::maven;
use server_stub::StubCluster;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_java_transactional_client_sees_kafkas_semantics_on_the_stub() {
    if Command::new("javac").arg("-version").output().is_err() {
        eprintln!("skipped: needs a JDK (javac)");
        return;
    }
    let work = std::env::temp_dir().join(format!("kafka-rs-stubtxn-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("work dir");
    let classpath = tokio::task::spawn_blocking({
        let work = work.clone();
        move || maven::classpath(&work, &[&format!("org.apache.kafka:kafka-clients:{}", maven::KAFKA_VERSION)])
    })
    .await
    .expect("join")
    .expect("kafka-clients classpath");
    let source = concat!(env!("CARGO_MANIFEST_DIR"), "/java/StubTxn.java");
    let javac = Command::new("javac")
        .args(["-nowarn", "-d"])
        .arg(&work)
        .args(["-cp", &classpath, source])
        .output()
        .expect("javac");
    assert!(javac.status.success(), "javac: {}", String::from_utf8_lossy(&javac.stderr));

    for (label, cluster) in [
        ("transaction version 2", StubCluster::builder().brokers(3)),
        ("transaction version 1", StubCluster::builder().brokers(3).max_version(ApiKey::EndTxn, 4)),
    ] {
        let cluster = cluster.start().await.expect("stub cluster");
        let java = tokio::task::spawn_blocking({
            let (work, classpath, bootstrap) = (work.clone(), classpath.clone(), cluster.bootstrap());
            move || {
                Command::new("java")
                    .arg("-cp")
                    .arg(format!("{}:{classpath}", work.display()))
                    .args(["StubTxn", &bootstrap, "stubtxn"])
                    .output()
            }
        })
        .await
        .expect("join")
        .expect("java");
        let stdout = String::from_utf8_lossy(&java.stdout);
        assert!(
            java.status.success(),
            "{label}: java failed.\nstdout:\n{stdout}\nstderr:\n{}",
            String::from_utf8_lossy(&java.stderr)
        );
        let fact = |name: &str| -> String {
            stdout
                .lines()
                .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
                .unwrap_or_else(|| panic!("{label}: no {name} line in:\n{stdout}"))
                .to_owned()
        };
        assert_eq!(
            fact("FENCED"),
            "org.apache.kafka.common.errors.ProducerFencedException",
            "{label}: the fenced producer's commit must fail with ProducerFencedException"
        );
        assert_eq!(fact("COMMITTED"), "c1,c2,p2", "{label}: read_committed reads exactly the committed records");
        assert_eq!(fact("UNCOMMITTED"), "a1,a2,c1,c2,p2,z1", "{label}: read_uncommitted reads aborted records too");
        assert_eq!(fact("GROUP_OFFSET"), "2", "{label}: the group's offset is the committed transaction's");
        // The client took the path the feature level asked for.
        let explicit_adds =
            cluster.request_count(ApiKey::AddPartitionsToTxn) + cluster.request_count(ApiKey::AddOffsetsToTxn);
        if label.ends_with('2') {
            assert_eq!(explicit_adds, 0, "{label}: partitions and offsets are added implicitly");
        } else {
            assert!(explicit_adds > 0, "{label}: partitions and offsets are added explicitly");
        }
        cluster.shutdown().await;
    }
    let _ = std::fs::remove_dir_all(&work);
}
