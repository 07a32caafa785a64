//! Topics: created, listed, described, grown and deleted; partial batches; replica assignments.

use super::*;

#[tokio::test]
async fn topics_create_list_describe_grow_and_delete() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-topic");

    // Validate-only creates nothing.
    let validated =
        admin.create_topics([NewTopic::new(&topic, 3, -1)], CreateTopicsOptions::default().validate_only(true)).await;
    assert!(validated[&topic].is_ok(), "{validated:?}");
    assert!(admin.describe_topics([&topic], DescribeTopicsOptions::default()).await[&topic]
        .as_ref()
        .is_err_and(AdminError::is_not_found));

    let id = create(&admin, &topic, 3).await;
    assert_ne!(id, Uuid::ZERO, "CreateTopics reports the topic id");

    // Creating it again is a typed TopicAlreadyExists with the broker's message.
    let again = admin.create_topics([NewTopic::new(&topic, 3, -1)], CreateTopicsOptions::default()).await;
    match &again[&topic] {
        Err(AdminError::TopicAlreadyExists { topic: t, .. }) => assert_eq!(t, &topic),
        other => panic!("expected TopicAlreadyExists, got {other:?}"),
    }

    let listed = admin.list_topics(ListTopicsOptions::default()).await.expect("list");
    let ours = listed.iter().find(|t| t.name == topic).expect("listed");
    assert_eq!(ours.topic_id, id);
    assert!(listed.iter().all(|t| !t.internal), "internal topics only when asked for");
    let with_internal = admin.list_topics(ListTopicsOptions::default().include_internal(true)).await.expect("list");
    assert!(listed.iter().all(|t| with_internal.contains(t)), "asking for internal topics only adds some");

    let described = wait_for_leaders(&admin, &topic, 3).await;
    assert_eq!(described.topic_id, id);
    assert!(!described.internal);
    let brokers: Vec<i32> = admin.describe_cluster(DescribeClusterOptions::default()).await.map_or_else(
        |_| admin.cluster().metadata().brokers.keys().copied().collect(),
        |c| c.nodes.iter().map(|n| n.id).collect(),
    );
    for p in &described.partitions {
        let leader = p.leader.expect("a leader");
        assert!(brokers.contains(&leader), "leader {leader} is a broker");
        assert!(p.replicas.contains(&leader) && p.isr.contains(&leader), "{p:?}");
        assert!(p.offline_replicas.is_empty());
    }

    // Unknown topics are a typed not-found, next to a known one in the same call.
    let missing = unique_topic("admin-missing");
    let both = admin.describe_topics([&topic, &missing], DescribeTopicsOptions::default()).await;
    assert!(both[&topic].is_ok());
    match &both[&missing] {
        Err(AdminError::NotFound { kind: ResourceKind::Topic, code, .. }) => {
            assert_eq!(*code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)
        }
        other => panic!("expected NotFound, got {other:?}"),
    }

    // More partitions (validate-only first: nothing changes); fewer is refused with the
    // broker's reason.
    let validate = CreatePartitionsOptions::default().validate_only(true);
    let checked = admin.create_partitions([(&topic, NewPartitions::increase_to(5))], validate).await;
    assert!(checked[&topic].is_ok(), "{checked:?}");
    let described = admin.describe_topics([&topic], DescribeTopicsOptions::default()).await;
    assert_eq!(described[&topic].as_ref().expect("described").partitions.len(), 3, "validate-only added nothing");
    let grown =
        admin.create_partitions([(&topic, NewPartitions::increase_to(4))], CreatePartitionsOptions::default()).await;
    assert!(grown[&topic].is_ok(), "{grown:?}");
    // An explicit placement for the fifth partition, on the last broker.
    let last = *brokers.iter().max().expect("a broker");
    let placed = NewPartitions::with_assignment(5, vec![vec![last]]);
    let grown = admin.create_partitions([(&topic, placed)], CreatePartitionsOptions::default()).await;
    assert!(grown[&topic].is_ok(), "{grown:?}");
    let described = wait_for_leaders(&admin, &topic, 5).await;
    let fifth = described.partitions.iter().find(|p| p.partition == 4).expect("partition 4");
    assert_eq!(fifth.replicas, vec![last], "replicas as assigned");
    let shrunk =
        admin.create_partitions([(&topic, NewPartitions::increase_to(2))], CreatePartitionsOptions::default()).await;
    let e = shrunk[&topic].as_ref().expect_err("cannot shrink");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_PARTITIONS), "{e}");
    assert!(e.broker_message().is_some_and(|m| !m.is_empty()), "the broker says why: {e}");

    // Delete by id, then deleting again is a not-found.
    let deleted = admin.delete_topics([TopicRef::Id(id)], DeleteTopicsOptions::default()).await;
    assert!(deleted[&TopicRef::Id(id)].is_ok(), "{deleted:?}");
    let again = admin.delete_topics([topic.as_str()], DeleteTopicsOptions::default()).await;
    assert!(again[&TopicRef::from(topic.as_str())].as_ref().is_err_and(AdminError::is_not_found), "{again:?}");
}

#[tokio::test]
async fn a_partial_batch_reports_each_item() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let good = unique_topic("admin-good");
    let bad = unique_topic("admin-bad");
    let existing = unique_topic("admin-existing");
    create(&admin, &existing, 1).await;
    let results = admin
        .create_topics(
            [NewTopic::new(&good, 1, -1), NewTopic::new(&bad, 0, -1), NewTopic::new(&existing, 1, -1)],
            CreateTopicsOptions::default(),
        )
        .await;
    assert_eq!(results.len(), 3);
    assert!(results[&good].is_ok(), "{results:?}");
    let e = results[&bad].as_ref().expect_err("zero partitions is invalid");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_PARTITIONS), "{e}");
    assert!(matches!(results[&existing], Err(AdminError::TopicAlreadyExists { .. })), "{results:?}");
    wait_for_leaders(&admin, &good, 1).await;

    let deleted = admin.delete_topics([good.as_str(), bad.as_str()], DeleteTopicsOptions::default()).await;
    assert!(deleted[&TopicRef::from(good.as_str())].is_ok(), "{deleted:?}");
    assert!(deleted[&TopicRef::from(bad.as_str())].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
}

#[tokio::test]
async fn an_explicit_replica_assignment_is_kept() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let node = *admin.cluster().fresh_metadata().await.expect("metadata").brokers.keys().min().expect("a broker");
    let topic = unique_topic("admin-assigned");
    let created = admin
        .create_topics(
            [NewTopic::with_assignment(&topic, vec![vec![node], vec![node]]).config("cleanup.policy", "compact")],
            CreateTopicsOptions::default(),
        )
        .await;
    assert!(created[&topic].is_ok(), "{created:?}");
    let described = wait_for_leaders(&admin, &topic, 2).await;
    for p in &described.partitions {
        assert_eq!(p.replicas, vec![node]);
        assert_eq!(p.leader, Some(node));
    }
}
