//! The cluster: features, API versions, log dirs, the raw escape hatch and the client's properties.

use super::*;

#[tokio::test]
async fn cluster_features_versions_and_log_dirs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let metadata = admin.cluster().fresh_metadata().await.expect("metadata");
    let node = *metadata.brokers.keys().min().expect("a broker");

    if serves(&admin, ApiKey::DescribeCluster, "describe cluster").await {
        let cluster = admin
            .describe_cluster(DescribeClusterOptions::default().include_authorized_operations(true))
            .await
            .expect("describe cluster");
        assert!(!cluster.cluster_id.is_empty());
        assert_eq!(Some(cluster.cluster_id.clone()), metadata.cluster_id);
        let ids: Vec<i32> = cluster.nodes.iter().map(|n| n.id).collect();
        let mut known: Vec<i32> = metadata.brokers.keys().copied().collect();
        known.sort();
        assert_eq!(ids, known);
        let controller = cluster.controller.expect("a controller");
        assert!(ids.contains(&controller));
        let first = backend.first_address();
        assert!(cluster.nodes.iter().any(|n| format!("{}:{}", n.host, n.port) == first), "{cluster:?}");
    }

    let versions = admin.api_versions(ClusterOptions::default()).await.expect("api versions");
    assert_eq!(versions.len(), metadata.brokers.len());
    let ranges = versions[&node].as_ref().expect("this broker's versions");
    let api_versions = ranges.iter().find(|r| r.api_key == ApiKey::ApiVersions.key()).expect("ApiVersions listed");
    assert!(api_versions.min == 0 && api_versions.max >= 3 && api_versions.usable.is_some(), "{api_versions:?}");
    assert_eq!(api_versions.name(), Some("ApiVersions"));
    assert!(ranges.iter().any(|r| r.api_key == ApiKey::Produce.key() && r.usable.is_some()));

    if backend.kind == BackendKind::Kafka {
        let features = admin.describe_features(ClusterOptions::default()).await.expect("features");
        let level = features.finalized.get("metadata.version").expect("KRaft finalizes metadata.version");
        assert!(level.max > 0);
        assert!(features.supported.contains_key("metadata.version"));
        assert!(features.finalized_epoch.is_some());
    }

    if serves(&admin, ApiKey::DescribeLogDirs, "log dirs").await {
        let topic = unique_topic("admin-logdirs");
        create(&admin, &topic, 1).await;
        let leader = wait_for_leaders(&admin, &topic, 1).await.partitions[0].leader.expect("leader");
        produce(&backend, &topic, 0, 10, 1).await;
        let dirs = admin.describe_log_dirs([leader], ClusterOptions::default()).await;
        let dirs = dirs[&leader].as_ref().expect("log dirs");
        let replica = dirs.values().find_map(|d| d.replicas.get(&tp(&topic, 0))).expect("the replica is in a log dir");
        assert!(replica.size > 0 && !replica.is_future, "{replica:?}");
        assert!(dirs.values().all(|d| d.error.is_none()));
    }
}

#[tokio::test]
async fn the_raw_escape_hatch_routes_any_request() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let metadata =
        admin.send(&MetadataRequest { topics: Some(Vec::new()), ..Default::default() }).await.expect("metadata");
    assert!(!metadata.brokers.is_empty());
    let node = metadata.brokers[0].node_id;
    let to_node = admin
        .send_to(Target::Broker(node), &MetadataRequest { topics: Some(Vec::new()), ..Default::default() })
        .await
        .expect("metadata from one broker");
    assert_eq!(to_node.cluster_id, metadata.cluster_id);
    if serves(&admin, ApiKey::DescribeCluster, "raw DescribeCluster").await {
        let response = admin.send(&DescribeClusterRequest::default()).await.expect("describe cluster");
        assert_eq!(Some(response.cluster_id), metadata.cluster_id);
    }
    assert_eq!(Target::for_api(ApiKey::CreateTopics), Target::Controller);

    // A partition API to the partition's leader, a group API to the group's coordinator.
    let topic = unique_topic("admin-raw");
    create(&admin, &topic, 1).await;
    produce(&backend, &topic, 0, 3, 1).await;
    let request = ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: topic.clone(),
            partitions: vec![ListOffsetsPartition { partition_index: 0, timestamp: -1, ..Default::default() }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let response = admin.send_to(Target::PartitionLeader(topic.clone(), 0), &request).await.expect("list offsets");
    let p = &response.topics[0].partitions[0];
    assert_eq!((ErrorCode(p.error_code), p.offset), (ErrorCode::NONE, 3));
    let group = unique_topic("admin-raw-group");
    let request = ListGroupsRequest::default();
    let at_coordinator = admin.send_to(Target::GroupCoordinator(group), &request).await.expect("list groups");
    assert_eq!(ErrorCode(at_coordinator.error_code), ErrorCode::NONE);
}

#[tokio::test]
async fn properties_configure_the_client() {
    let backend = Backend::from_env().await;
    let admin = Admin::from_properties([
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("client.id", "admin-test"),
        ("default.api.timeout.ms", "20000"),
        ("request.timeout.ms", "10000"),
    ])
    .expect("admin");
    assert_eq!(admin.config().default_api_timeout, Duration::from_secs(20));
    assert!(admin.list_topics(ListTopicsOptions::default()).await.is_ok());
    let e = Admin::from_properties([("bootstrap.servers", "127.0.0.1:1"), ("no.such.key", "1")])
        .expect_err("an unknown key is refused");
    assert!(
        matches!(&e, AdminError::Client(c) if matches!(&**c, kfk_client::Error::Config(kfk_client::config::ConfigError::UnknownKey { key, .. }) if key == "no.such.key")),
        "{e}"
    );

    // An unreachable cluster fails within the operation's timeout, with the last error.
    let mut config = AdminConfig::new("127.0.0.1:1");
    config.default_api_timeout = Duration::from_millis(500);
    let unreachable = Admin::new(config).expect("admin");
    match unreachable.list_topics(ListTopicsOptions::default()).await {
        Err(AdminError::Timeout { last, .. }) => assert!(last.is_some()),
        other => panic!("expected a timeout, got {other:?}"),
    }
}
