//! `connections.max.idle.ms`: connections with nothing sent or awaited for that long are
//! closed by the client (as Java's selector does), a request in flight keeps its connection,
//! the next request opens a new one, and -1 keeps connections open.

use std::time::Duration;

use kfk_client::cluster::{Cluster, ClusterConfig};
use kfk_client::net::Connection;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::{ApiKey, FetchRequest, MetadataRequest};
use kfk_stub::StubCluster;

const IDLE: Duration = Duration::from_millis(300);

async fn cluster(stub: &StubCluster, idle: Option<Duration>) -> (Cluster, Connection) {
    let mut config = ClusterConfig::default();
    config.bootstrap = vec![stub.bootstrap()];
    config.connections_max_idle = idle;
    let cluster = Cluster::new(config);
    let metadata = cluster.refresh().await.expect("metadata");
    let node = *metadata.brokers.keys().next().expect("a broker");
    let conn = cluster.connection(node).await.expect("connection");
    (cluster, conn)
}

async fn metadata(conn: &Connection) -> kfk_client::Result<()> {
    conn.send(&MetadataRequest { topics: Some(vec![]), ..Default::default() }).await.map(|_| ())
}

#[tokio::test]
async fn an_idle_connection_is_closed_and_the_next_request_opens_another() {
    let stub = StubCluster::builder().start().await.expect("stub");
    let (cluster, conn) = cluster(&stub, Some(IDLE)).await;
    metadata(&conn).await.expect("first request");
    let opened = stub.request_count(ApiKey::ApiVersions);

    tokio::time::sleep(IDLE * 3).await;
    assert!(conn.is_closed(), "a connection idle for {:?} is still open", IDLE * 3);
    let node = *cluster.metadata().brokers.keys().next().expect("a broker");
    let again = cluster.connection(node).await.expect("a new connection");
    metadata(&again).await.expect("a request on the new connection");
    assert!(stub.request_count(ApiKey::ApiVersions) > opened, "no new connection was opened");
}

#[tokio::test]
async fn a_connection_in_use_stays_open() {
    let stub = StubCluster::builder().start().await.expect("stub");
    let (_cluster, conn) = cluster(&stub, Some(IDLE)).await;
    // Requests more often than the idle time.
    for _ in 0..10 {
        metadata(&conn).await.expect("request");
        tokio::time::sleep(IDLE / 3).await;
    }
    assert!(!conn.is_closed(), "a busy connection was closed");

    // A long poll outlasting the idle time: the request in flight keeps the connection.
    let topic = "idle-long-poll";
    stub.create_topic(topic, 1).expect("topic");
    let fetch = FetchRequest {
        replica_id: -1,
        max_wait_ms: (IDLE * 4).as_millis() as i32,
        min_bytes: 1,
        max_bytes: 1024 * 1024,
        topics: vec![FetchTopic {
            topic: topic.to_string(),
            partitions: vec![FetchPartition {
                partition: 0,
                fetch_offset: 0,
                partition_max_bytes: 1024 * 1024,
                current_leader_epoch: -1,
                last_fetched_epoch: -1,
                log_start_offset: -1,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let started = std::time::Instant::now();
    conn.send_at(&fetch, 12).await.expect("a long poll on an otherwise idle connection");
    // The broker held it (an empty partition), so it really outlasted the idle time.
    assert!(started.elapsed() >= IDLE * 2, "the fetch returned after {:?}", started.elapsed());
    assert!(!conn.is_closed(), "the connection was closed under a request in flight");
}

#[tokio::test]
async fn minus_one_keeps_connections_open() {
    let stub = StubCluster::builder().start().await.expect("stub");
    let (_cluster, conn) = cluster(&stub, None).await;
    metadata(&conn).await.expect("request");
    tokio::time::sleep(IDLE * 3).await;
    assert!(!conn.is_closed());
    metadata(&conn).await.expect("the same connection still serves");
}
