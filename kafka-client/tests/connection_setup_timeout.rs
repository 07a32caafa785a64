//! `socket.connection.setup.timeout.ms` and `.max.ms`: each consecutive failure to set up a
//! connection to a broker doubles the next attempt's setup timeout (±20% jitter), up to the
//! maximum, as the Java client does.

use std::time::Duration;

use kfk_client::cluster::{Cluster, ClusterConfig};
use kfk_client::net::ConnectionConfig;
use kfk_client::Error;
use kfk_protocol::messages::ApiKey;
use kfk_stub::StubCluster;

#[tokio::test]
async fn the_setup_timeout_doubles_with_each_failure_up_to_the_maximum() {
    let stub = StubCluster::builder().start().await.expect("stub");
    let initial = Duration::from_millis(100);
    let max = Duration::from_millis(250);
    let mut connection = ConnectionConfig::default();
    connection.connect_timeout = initial;
    let mut config = ClusterConfig::default();
    config.bootstrap = vec![stub.bootstrap()];
    config.connection = connection;
    config.connect_timeout_max = max;
    let cluster = Cluster::new(config);
    let metadata = cluster.refresh().await.expect("metadata");
    let node = *metadata.brokers.keys().next().expect("a broker");

    // The broker accepts connections but holds ApiVersions: every setup times out.
    stub.faults().delay(ApiKey::ApiVersions, Duration::from_secs(5));
    stub.faults().drop_connections(node).expect("drop connections");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut timeouts = Vec::new();
    for _ in 0..4 {
        match cluster.connection(node).await {
            Err(Error::ConnectTimeout { after, .. }) => timeouts.push(after),
            other => panic!("expected a setup timeout, got {other:?}"),
        }
    }
    let ms: Vec<u128> = timeouts.iter().map(Duration::as_millis).collect();
    // 100 ms ±20%, 200 ms ±20%, then 400 ms ±20% capped at 250 ms, twice.
    assert!((80..=120).contains(&ms[0]), "{ms:?}");
    assert!((160..=240).contains(&ms[1]), "{ms:?}");
    assert!((200..=250).contains(&ms[2]) && (200..=250).contains(&ms[3]), "{ms:?}");

    // A success starts the schedule again.
    stub.faults().delay(ApiKey::ApiVersions, Duration::ZERO);
    cluster.connection(node).await.expect("connects once the broker answers");
    stub.faults().delay(ApiKey::ApiVersions, Duration::from_secs(5));
    stub.faults().drop_connections(node).expect("drop connections");
    tokio::time::sleep(Duration::from_millis(100)).await;
    match cluster.connection(node).await {
        Err(Error::ConnectTimeout { after, .. }) => assert!((80..=120).contains(&after.as_millis()), "{after:?}"),
        other => panic!("expected a setup timeout, got {other:?}"),
    }
}
