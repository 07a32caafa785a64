//! `metadata.recovery.strategy` (KIP-899): when every broker the client knows is replaced, a
//! client that may rebootstrap finds the new cluster through `bootstrap.servers` once none of
//! the old brokers has answered for the trigger time; with `none` it keeps to the old ones and
//! says so.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;
use tokio::net::{TcpListener, TcpStream};

/// A TCP relay with a fixed address whose target can be switched: the stable bootstrap name
/// in front of a cluster whose brokers all change.
struct Relay {
    addr: String,
    target: Arc<Mutex<String>>,
}

impl Relay {
    async fn start(target: String) -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr").to_string();
        let target = Arc::new(Mutex::new(target));
        let to = target.clone();
        tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let target = to.lock().expect("target").clone();
                tokio::spawn(async move {
                    if let Ok(mut outbound) = TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
            }
        });
        Relay { addr, target }
    }

    fn point_at(&self, target: String) {
        *self.target.lock().expect("target") = target;
    }
}

async fn cluster_with_topic(id: &str) -> StubCluster {
    let stub = StubCluster::builder().brokers(2).cluster_id(id).start().await.expect("stub");
    stub.create_topic("t", 2).expect("topic");
    stub
}

/// One broker's address: what the relay forwards to.
fn first(stub: &StubCluster) -> String {
    stub.bootstrap().split(',').next().expect("an address").to_string()
}

fn producer(bootstrap: &str, strategy: &str) -> Producer {
    let config = ProducerConfig::from_properties([
        ("bootstrap.servers", bootstrap),
        ("metadata.recovery.strategy", strategy),
        ("metadata.recovery.rebootstrap.trigger.ms", "300"),
        ("metadata.max.age.ms", "200"),
        ("reconnect.backoff.ms", "20"),
        ("reconnect.backoff.max.ms", "100"),
        ("retry.backoff.max.ms", "100"),
        ("delivery.timeout.ms", "4000"),
        ("request.timeout.ms", "1000"),
        ("linger.ms", "0"),
    ])
    .expect("config");
    Producer::new(config).expect("producer")
}

#[tokio::test]
async fn a_rebootstrapping_client_finds_a_cluster_whose_brokers_were_all_replaced() {
    let old = cluster_with_topic("old").await;
    let relay = Relay::start(first(&old)).await;
    let producer = producer(&relay.addr, "rebootstrap");
    producer.send(ProducerRecord::new("t").partition(0).value(b"to the old cluster")).await.expect("first send");

    // Every known broker goes; the new cluster is only reachable through bootstrap.servers.
    old.shutdown().await;
    let new = cluster_with_topic("new").await;
    relay.point_at(first(&new));
    let sent = producer
        .send(ProducerRecord::new("t").partition(1).value(b"to the new cluster"))
        .await
        .expect("a send after every broker was replaced");
    assert_eq!(sent.offset, 0, "written to the new cluster's empty log");
    let metadata = producer.cluster().metadata();
    assert_eq!(metadata.cluster_id.as_deref(), Some("new"), "the metadata is the new cluster's");
    producer.close(Duration::from_secs(5)).await.expect("close");
}

#[tokio::test]
async fn with_strategy_none_the_client_keeps_to_the_old_brokers_and_says_so() {
    let old = cluster_with_topic("old").await;
    let relay = Relay::start(first(&old)).await;
    let producer = producer(&relay.addr, "none");
    producer.send(ProducerRecord::new("t").partition(0).value(b"to the old cluster")).await.expect("first send");

    old.shutdown().await;
    let new = cluster_with_topic("new").await;
    relay.point_at(first(&new));
    producer.send(ProducerRecord::new("t").partition(1).value(b"lost")).await.expect_err("no rebootstrap");
    assert_eq!(producer.cluster().metadata().cluster_id.as_deref(), Some("old"));
    let err = producer.cluster().refresh().await.expect_err("no known broker answers");
    let message = err.to_string();
    assert!(message.contains("metadata.recovery.strategy=none"), "{message}");
    let _ = producer.close(Duration::from_secs(1)).await;
}
