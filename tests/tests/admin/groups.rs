//! Consumer groups and their offsets: members removed, lag, offsets reset and deleted, KIP-848 groups.

use super::*;

/// A consumer in `group` subscribed to `topic` that has read `n` records and committed them.
async fn member_that_read(backend: &Backend, group: &str, topic: &str, n: usize) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.into());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.max_poll_records = n;
    config.group.heartbeat_interval = Duration::from_millis(300);
    config.group.session_timeout = Duration::from_secs(10);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([topic]).expect("subscribe");
    poll_records(&consumer, n, Duration::from_secs(60)).await;
    consumer.commit().await.expect("commit");
    consumer
}

#[tokio::test]
async fn static_members_are_removed_by_instance_id() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-static");
    create(&admin, &topic, 1).await;
    produce(&backend, &topic, 0, 10, 1).await;
    let group = unique_topic("admin-static-group");
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.clone());
    config.group.instance_id = Some("static-1".into());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = Duration::from_millis(100);
    config.group.heartbeat_interval = Duration::from_millis(300);
    config.group.session_timeout = Duration::from_secs(30);
    let consumer = Consumer::new(config).expect("consumer");
    consumer.subscribe([&topic]).expect("subscribe");
    poll_records(&consumer, 10, Duration::from_secs(60)).await;
    let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let members = &d[&group].as_ref().expect("described").members;
    assert_eq!(members.iter().map(|m| m.instance_id.as_deref()).collect::<Vec<_>>(), vec![Some("static-1")]);
    let member_id = members[0].member_id.clone();

    // The known instance is removed; an unknown one fails alone.
    let wanted = MembersToRemove::Static(vec!["static-1".into(), "ghost".into()]);
    let removed = admin.remove_members(&group, wanted, GroupOptions::default()).await.expect("answered");
    assert!(removed["static-1"].is_ok(), "{removed:?}");
    assert_eq!(removed["ghost"].as_ref().expect_err("unknown").code(), Some(ErrorCode::UNKNOWN_MEMBER_ID));
    // The member is gone at once, though its session had 30 s to run (the consumer may rejoin
    // under the same instance id, but as a new member).
    let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let described = d[&group].as_ref().expect("described");
    assert!(described.members.iter().all(|m| m.member_id != member_id), "removed member still listed: {described:?}");
    drop(consumer);
}

#[tokio::test]
async fn groups_offsets_lag_and_deletion() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-groups");
    create(&admin, &topic, 2).await;
    produce(&backend, &topic, 0, 30, 1).await;
    produce(&backend, &topic, 1, 20, 1).await;

    // An active member: described with its assignment, lag 0 after committing what it read.
    let group = unique_topic("admin-group");
    let consumer = member_that_read(&backend, &group, &topic, 50).await;
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let d = described[&group].as_ref().expect("described");
    assert_eq!(d.state, "Stable");
    assert_eq!(d.members.len(), 1);
    let mut assigned = d.members[0].assignment.clone();
    assigned.sort();
    assert_eq!(assigned, vec![tp(&topic, 0), tp(&topic, 1)]);
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    assert_eq!(lag.len(), 2);
    for l in &lag {
        assert_eq!(l.lag, Some(0), "{l:?}");
        assert_eq!(l.member_id.as_deref(), Some(d.members[0].member_id.as_str()));
    }
    let listed = admin.list_groups(ListGroupsOptions::default()).await.expect("list groups");
    assert!(listed.iter().any(|g| g.group_id == group && g.protocol_type == "consumer"), "{listed:?}");
    {
        let stable = ListGroupsOptions::default().states(["Stable"]);
        assert!(admin.list_groups(stable).await.expect("list").iter().any(|g| g.group_id == group));
        let empty = ListGroupsOptions::default().states(["Empty"]);
        assert!(!admin.list_groups(empty).await.expect("list").iter().any(|g| g.group_id == group));
        let classic = ListGroupsOptions::default().types(["classic"]);
        let classic = admin.list_groups(classic).await.expect("list");
        assert!(classic.iter().any(|g| g.group_id == group && g.group_type.as_deref() == Some("classic")));
    }

    // The group cannot be deleted or have its offsets reset while it has members; removing
    // them (KIP-345's admin removal) empties it.
    let deleted = admin.delete_groups([&group], GroupOptions::default()).await;
    assert_eq!(deleted[&group].as_ref().expect_err("non-empty").code(), Some(ErrorCode::NON_EMPTY_GROUP));
    let removed = admin.remove_members(&group, MembersToRemove::All, GroupOptions::default()).await.expect("removed");
    assert_eq!(removed.len(), 1);
    assert!(removed.values().all(Result::is_ok), "{removed:?}");
    // The removed consumer would rejoin at its next heartbeat: close it (a clean leave if it
    // did), so that the group stays empty for what follows. A rejoin already under way when it
    // closed leaves a member until its session ends: wait for the group to be empty.
    consumer.close().await;
    Wait::new("the group empty after its member closed", Duration::from_secs(60))
        .every(Duration::from_millis(200))
        .until(async || {
            let d = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
            let state = d[&group].as_ref().expect("described").state.clone();
            if state == "Empty" {
                Ready(())
            } else {
                NotYet(state)
            }
        })
        .await;

    // Move the committed offsets back: lag is what was produced after them.
    let reset =
        admin.alter_group_offsets(&group, [(tp(&topic, 0), OffsetAndMetadata::new(10))], GroupOptions::default()).await;
    assert!(reset[&tp(&topic, 0)].is_ok(), "{reset:?}");
    let offsets = admin.list_group_offsets(&group, ListGroupOffsetsOptions::default()).await.expect("offsets");
    assert_eq!(offsets[&tp(&topic, 0)].offset, 10);
    assert_eq!(offsets[&tp(&topic, 1)].offset, 20);
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    let lag0 = lag.iter().find(|l| l.partition == tp(&topic, 0)).expect("partition 0");
    assert_eq!((lag0.committed, lag0.log_end, lag0.lag, lag0.member_id.as_ref()), (Some(10), 30, Some(20), None));

    // Delete one partition's offset, then the group.
    let deleted = admin.delete_group_offsets(&group, [tp(&topic, 1)], GroupOptions::default()).await;
    assert!(deleted[&tp(&topic, 1)].is_ok(), "{deleted:?}");
    let only = ListGroupOffsetsOptions::default().partitions(vec![tp(&topic, 0), tp(&topic, 1)]);
    let offsets = admin.list_group_offsets(&group, only).await.expect("offsets");
    assert_eq!(offsets.keys().cloned().collect::<Vec<_>>(), vec![tp(&topic, 0)]);
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    assert_eq!(described[&group].as_ref().expect("described").state, "Empty");
    let deleted = admin.delete_groups([&group], GroupOptions::default()).await;
    assert!(deleted[&group].is_ok(), "{deleted:?}");

    // Unknown groups: typed not-found when described or deleted.
    let missing = unique_topic("admin-no-group");
    let described = admin.describe_groups([&group, &missing], DescribeGroupsOptions::default()).await;
    for g in [&group, &missing] {
        match &described[g] {
            Err(AdminError::NotFound { kind: ResourceKind::Group, .. }) => {}
            other => panic!("{g}: expected a not-found group, got {other:?}"),
        }
    }
    let deleted = admin.delete_groups([&missing], GroupOptions::default()).await;
    assert!(deleted[&missing].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
}

/// A consumer group of the KIP-848 protocol (a Java consumer with `group.protocol=consumer`):
/// described through ConsumerGroupDescribe, listed by type, its lag computed.
#[tokio::test]
async fn a_consumer_protocol_group_is_described() {
    let backend = Backend::from_env().await;
    if Command::new("javac").arg("-version").output().is_err() {
        kfk_stub::skip_test!("needs a JDK");
        return;
    }
    let admin = admin(&backend);
    if !has_consumer_protocol(&admin, "KIP-848 group").await {
        return;
    }
    let topic = unique_topic("admin-848");
    create(&admin, &topic, 2).await;
    produce(&backend, &topic, 0, 5, 1).await;
    let group = unique_topic("admin-848-group");

    let classpath = tokio::task::spawn_blocking(java_classpath).await.expect("join");
    let mut member = tokio::process::Command::new("java")
        .arg("-cp")
        .arg(classpath)
        .args(["AdminTool", "member", &backend.bootstrap, &topic, &group])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("java member");
    let stdout = member.stdout.take().expect("stdout");
    let mut lines = tokio::io::AsyncBufReadExt::lines(tokio::io::BufReader::new(stdout));
    let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line()).await.expect("assigned within 60 s");
    assert_eq!(line.expect("read").as_deref(), Some("assigned"));

    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    let d = described[&group].as_ref().expect("described");
    assert_eq!(d.group_type, GroupType::Consumer);
    assert_eq!(d.state, "Stable");
    assert!(!d.assignor.is_empty());
    assert_eq!(d.members.len(), 1);
    let m = &d.members[0];
    assert_eq!(m.client_id, "admin-tool-member");
    let mut assigned = m.assignment.clone();
    assigned.sort();
    assert_eq!(assigned, vec![tp(&topic, 0), tp(&topic, 1)]);
    assert!(m.target_assignment.is_some());
    let consumer_groups = ListGroupsOptions::default().types(["consumer"]);
    let listed = admin.list_groups(consumer_groups).await.expect("list");
    assert!(listed.iter().any(|g| g.group_id == group && g.group_type.as_deref() == Some("consumer")), "{listed:?}");
    let lag = admin.group_lag(&group, GroupOptions::default()).await.expect("lag");
    assert_eq!(lag.len(), 2, "{lag:?}");
    assert!(lag.iter().all(|l| l.member_id.as_deref() == Some(m.member_id.as_str())), "{lag:?}");

    // Closing stdin makes it leave; the group is then empty.
    drop(member.stdin.take());
    let status =
        tokio::time::timeout(Duration::from_secs(30), member.wait()).await.expect("exits within 30 s").expect("wait");
    assert!(status.success());
    let d = Wait::new("the group without members", Duration::from_secs(15))
        .every(Duration::from_millis(200))
        .until(async || {
            let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
            let d = described[&group].as_ref().expect("described").clone();
            if d.members.is_empty() {
                Ready(d)
            } else {
                NotYet(d)
            }
        })
        .await;
    assert_eq!(d.state, "Empty");
}
