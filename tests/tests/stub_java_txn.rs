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

use kfk_protocol::messages::ApiKey;
use kfk_stub::StubCluster;
use tests::java::{self, JavaProgram};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_java_transactional_client_sees_kafkas_semantics_on_the_stub() {
    if !java::available() {
        kfk_stub::skip_test!("needs a JDK (javac)");
        return;
    }
    let program = JavaProgram::compile("StubTxn").await;

    for (label, cluster) in [
        ("transaction version 2", StubCluster::builder().brokers(3)),
        ("transaction version 1", StubCluster::builder().brokers(3).max_version(ApiKey::EndTxn, 4)),
    ] {
        let cluster = cluster.start().await.expect("stub cluster");
        let stdout = program.run("StubTxn", &[&cluster.bootstrap(), "stubtxn"]).await;
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
}
