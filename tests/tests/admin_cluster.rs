//! The admin operations that need several brokers or an authorizer, on a real 3-node cluster
//! started here (ports 9410-9412, `StandardAuthorizer` with the anonymous user as super user):
//! partition reassignments (started, listed while throttled, cancelled, completed), preferred
//! and unclean leader elections, and ACLs (create, describe with filters, delete, a partial
//! batch).
//!
//! Runs with the real-broker backend (`TEST_BACKEND=kafka`) when java and mvn are present, on
//! the Kafka release in `KAFKA_TEST_VERSION` (default: the pinned 4.x); skipped otherwise (the
//! stub has none of these APIs).

use std::time::Duration;

use tests::{ready_when, wait_until, NotYet, Ready};

use kfk_admin::*;
use kfk_client::config::ProducerConfig;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_protocol::ErrorCode;

/// Stops the cluster however the test ends.
fn tp(topic: &str, partition: i32) -> TopicPartition {
    TopicPartition::new(topic, partition)
}

/// Writes `mb` MiB to `topic`-`partition` in 10 KiB records.
async fn produce_megabytes(bootstrap: &str, topic: &str, partition: i32, mb: usize) {
    let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(bootstrap).build().expect("config"))
        .expect("producer");
    let value = vec![b'x'; 10 * 1024];
    let mut deliveries = Vec::new();
    for _ in 0..mb * 100 {
        let record = ProducerRecord::new(topic).partition(partition).value(&value);
        deliveries.push(producer.enqueue(record).await.expect("enqueue"));
    }
    for d in deliveries {
        d.await.expect("produced");
    }
    producer.close(Duration::from_secs(5)).await.expect("close");
}

/// Partition `p` of `topic`, waiting (at most 30 s) for every broker to know a new topic.
async fn partition(admin: &Admin, topic: &str, p: i32) -> PartitionInfo {
    wait_until(format!("{topic} known"), Duration::from_secs(30), async || {
        let described = admin.describe_topics([topic], DescribeTopicsOptions::default()).await;
        match &described[topic] {
            Ok(d) => Ready(d.partitions[p as usize].clone()),
            Err(e) if e.is_not_found() => NotYet(e.clone()),
            Err(e) => panic!("describe {topic}: {e}"),
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reassignments_elections_and_acls_on_three_brokers() {
    const AUTHORIZER: &[(&str, &str)] = &[
        ("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
        ("super.users", "User:ANONYMOUS"),
    ];
    let Some(mut running) = tests::cluster::start(
        "admin_cluster",
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("admin-cluster"),
        3,
        9410,
        AUTHORIZER,
    )
    .await
    else {
        return;
    };
    let bootstrap = running.bootstrap();
    let mut config = AdminConfig::new(&bootstrap);
    config.default_api_timeout = Duration::from_secs(30);
    let admin = Admin::new(config).expect("admin");

    let cluster = admin.describe_cluster(DescribeClusterOptions::default()).await.expect("describe cluster");
    assert_eq!(cluster.nodes.iter().map(|n| n.id).collect::<Vec<_>>(), vec![0, 1, 2]);

    reassignments(&admin, &bootstrap).await;
    elections(&admin).await;
    acls(&admin).await;
    // Last: it leaves broker 0 stopped.
    unclean_election(&admin, &bootstrap, &mut running).await;
}

/// A partition whose only in-sync replica is down, with a live replica that is behind: only
/// an unclean election gives it a leader again (and the records that replica lacks are lost).
async fn unclean_election(admin: &Admin, bootstrap: &str, running: &mut tests::cluster::Running) {
    let topic = tests::unique_topic("admin-unclean");
    let new_topic = NewTopic::with_assignment(&topic, vec![vec![0, 1]])
        .config("min.insync.replicas", "1")
        .config("leader.replication.throttled.replicas", "*")
        .config("follower.replication.throttled.replicas", "*");
    let created = admin.create_topics([new_topic], CreateTopicsOptions::default()).await;
    assert!(created[&topic].is_ok(), "{created:?}");
    wait_until("leader 0 with both replicas in sync", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.leader == Some(0) && p.isr.len() == 2)
    })
    .await;

    // Broker 1 leaves the ISR, and cannot catch up when it returns: replication is throttled
    // to 1 byte/s and broker 0 takes 5 MiB meanwhile (a follower's first fetch is not held
    // back by the throttle, but it carries at most `replica.fetch.max.bytes`, 1 MiB).
    running.with("stop broker 1", |c| c.stop_node(1)).await;
    wait_until("the ISR shrinks to broker 0", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.isr == vec![0])
    })
    .await;
    let throttle = vec![
        AlterConfigOp::set("leader.replication.throttled.rate", "1"),
        AlterConfigOp::set("follower.replication.throttled.rate", "1"),
    ];
    let throttled = admin
        .incremental_alter_configs([(ConfigResource::broker_defaults(), throttle)], AlterConfigsOptions::default())
        .await;
    assert!(throttled.values().all(Result::is_ok), "{throttled:?}");
    produce_megabytes(bootstrap, &topic, 0, 5).await;
    running.with("restart broker 1", |c| c.restart_node(1)).await;
    running.with("stop broker 0", |c| c.stop_node(0)).await;
    let offline = wait_until("the partition has no leader", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.leader.is_none())
    })
    .await;
    assert!(!offline.isr.contains(&1), "broker 1 is not in sync: {offline:?}");

    // A preferred election cannot help; an unclean one makes broker 1 the leader.
    let preferred = admin
        .elect_leaders(ElectionType::Preferred, Some(vec![tp(&topic, 0)]), ClusterOptions::default())
        .await
        .expect("elect");
    let e = preferred[&tp(&topic, 0)].as_ref().expect_err("the preferred replica is down");
    assert_eq!(e.code(), Some(ErrorCode::PREFERRED_LEADER_NOT_AVAILABLE), "{e}");
    let unclean = admin
        .elect_leaders(ElectionType::Unclean, Some(vec![tp(&topic, 0)]), ClusterOptions::default())
        .await
        .expect("elect");
    assert!(unclean[&tp(&topic, 0)].is_ok(), "{unclean:?}");
    wait_until("broker 1 leads", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.leader == Some(1))
    })
    .await;
}

/// A throttled reassignment is listed while it runs and can be cancelled; an unthrottled one
/// completes.
async fn reassignments(admin: &Admin, bootstrap: &str) {
    let topic = tests::unique_topic("admin-reassign");
    let created = admin
        .create_topics(
            [NewTopic::with_assignment(&topic, vec![vec![0, 1], vec![1, 2]])],
            CreateTopicsOptions::default(),
        )
        .await;
    assert!(created[&topic].is_ok(), "{created:?}");
    wait_until("leaders", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 1).await, |p| p.leader.is_some())
    })
    .await;

    // Throttle replication to 1 byte/s on every broker, with 5 MiB to copy (more than an
    // unthrottled first fetch carries): moving partition 1's replica from broker 2 to broker 0
    // cannot finish while we look.
    produce_megabytes(bootstrap, &topic, 1, 5).await;
    let mut throttles: Vec<(ConfigResource, Vec<AlterConfigOp>)> = (0..3)
        .map(|b| {
            (
                ConfigResource::broker(b),
                vec![
                    AlterConfigOp::set("leader.replication.throttled.rate", "1"),
                    AlterConfigOp::set("follower.replication.throttled.rate", "1"),
                ],
            )
        })
        .collect();
    throttles.push((
        ConfigResource::topic(&topic),
        vec![
            AlterConfigOp::set("leader.replication.throttled.replicas", "*"),
            AlterConfigOp::set("follower.replication.throttled.replicas", "*"),
        ],
    ));
    let throttled = admin.incremental_alter_configs(throttles, AlterConfigsOptions::default()).await;
    assert!(throttled.values().all(Result::is_ok), "{throttled:?}");
    // Give the brokers the throttle before the reassignment starts.
    tokio::time::sleep(Duration::from_secs(2)).await;

    let started =
        admin.alter_partition_reassignments([(tp(&topic, 1), Some(vec![1, 0]))], ClusterOptions::default()).await;
    assert!(started[&tp(&topic, 1)].is_ok(), "{started:?}");
    let ongoing = admin.list_partition_reassignments(None, ClusterOptions::default()).await.expect("list");
    let r = ongoing.get(&tp(&topic, 1)).unwrap_or_else(|| panic!("in progress: {ongoing:?}"));
    assert_eq!(r.adding, vec![0], "{r:?}");
    assert_eq!(r.removing, vec![2], "{r:?}");
    let only = admin
        .list_partition_reassignments(Some(vec![tp(&topic, 0), tp(&topic, 1)]), ClusterOptions::default())
        .await
        .expect("list");
    assert_eq!(only.keys().cloned().collect::<Vec<_>>(), vec![tp(&topic, 1)]);

    // Cancelling one and cancelling a partition with none in progress, in one batch.
    let cancelled = admin
        .alter_partition_reassignments([(tp(&topic, 1), None), (tp(&topic, 0), None)], ClusterOptions::default())
        .await;
    assert!(cancelled[&tp(&topic, 1)].is_ok(), "{cancelled:?}");
    assert_eq!(
        cancelled[&tp(&topic, 0)].as_ref().expect_err("nothing to cancel").code(),
        Some(ErrorCode::NO_REASSIGNMENT_IN_PROGRESS)
    );
    wait_until("the cancelled reassignment is gone", Duration::from_secs(30), async || {
        let list = admin.list_partition_reassignments(None, ClusterOptions::default()).await.expect("list");
        ready_when(list, |list| !list.contains_key(&tp(&topic, 1)))
    })
    .await;
    wait_until("the original replicas are back", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 1).await, |p| p.replicas == vec![1, 2])
    })
    .await;

    // Without the throttle, a reassignment (and an invalid one next to it) completes.
    let unthrottle: Vec<(ConfigResource, Vec<AlterConfigOp>)> = (0..3)
        .map(|b| {
            (
                ConfigResource::broker(b),
                vec![
                    AlterConfigOp::delete("leader.replication.throttled.rate"),
                    AlterConfigOp::delete("follower.replication.throttled.rate"),
                ],
            )
        })
        .collect();
    let unthrottled = admin.incremental_alter_configs(unthrottle, AlterConfigsOptions::default()).await;
    assert!(unthrottled.values().all(Result::is_ok), "{unthrottled:?}");
    let moved = admin
        .alter_partition_reassignments(
            [(tp(&topic, 1), Some(vec![1, 0])), (tp(&topic, 0), Some(vec![0, 7]))],
            ClusterOptions::default(),
        )
        .await;
    assert!(moved[&tp(&topic, 1)].is_ok(), "{moved:?}");
    let e = moved[&tp(&topic, 0)].as_ref().expect_err("broker 7 does not exist");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_REPLICA_ASSIGNMENT), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains('7')), "names the broker: {e}");
    wait_until("the reassignment completes", Duration::from_secs(60), async || {
        ready_when(partition(admin, &topic, 1).await, |p| p.replicas == vec![1, 0])
    })
    .await;
}

/// Swapping a partition's replica order makes the leader non-preferred; a preferred election
/// moves leadership to the new first replica.
async fn elections(admin: &Admin) {
    let topic = tests::unique_topic("admin-elect");
    let created = admin
        .create_topics(
            [NewTopic::with_assignment(&topic, vec![vec![0, 1, 2], vec![1, 2, 0]])],
            CreateTopicsOptions::default(),
        )
        .await;
    assert!(created[&topic].is_ok(), "{created:?}");
    wait_until("preferred leaders and full ISRs", Duration::from_secs(30), async || {
        let seen = (partition(admin, &topic, 0).await, partition(admin, &topic, 1).await);
        ready_when(seen, |(p0, p1)| {
            p0.leader == Some(0) && p1.leader == Some(1) && p0.isr.len() == 3 && p1.isr.len() == 3
        })
    })
    .await;

    // Nothing to elect yet: the preferred replicas lead.
    let elected = admin
        .elect_leaders(ElectionType::Preferred, Some(vec![tp(&topic, 0), tp(&topic, 1)]), ClusterOptions::default())
        .await
        .expect("elect");
    for p in [0, 1] {
        assert_eq!(
            elected[&tp(&topic, p)].as_ref().expect_err("already preferred").code(),
            Some(ErrorCode::ELECTION_NOT_NEEDED)
        );
    }

    let reordered =
        admin.alter_partition_reassignments([(tp(&topic, 0), Some(vec![2, 0, 1]))], ClusterOptions::default()).await;
    assert!(reordered[&tp(&topic, 0)].is_ok(), "{reordered:?}");
    wait_until("the new replica order", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.replicas == vec![2, 0, 1])
    })
    .await;
    let before = partition(admin, &topic, 0).await;
    let elected = admin
        .elect_leaders(ElectionType::Preferred, Some(vec![tp(&topic, 0)]), ClusterOptions::default())
        .await
        .expect("elect");
    match &elected[&tp(&topic, 0)] {
        Ok(()) => assert_eq!(before.leader, Some(0), "an election happened, so 0 still led"),
        Err(e) => {
            // The controller may have moved leadership itself (auto leader rebalance).
            assert_eq!(e.code(), Some(ErrorCode::ELECTION_NOT_NEEDED), "{e}");
        }
    }
    wait_until("the preferred replica leads", Duration::from_secs(30), async || {
        ready_when(partition(admin, &topic, 0).await, |p| p.leader == Some(2))
    })
    .await;

    // An unclean election on a healthy partition is not needed either; an unknown partition
    // fails alone; every partition may be named with `None` for preferred elections.
    let unclean = admin
        .elect_leaders(
            ElectionType::Unclean,
            Some(vec![tp(&topic, 1), tp(&tests::unique_topic("admin-no-topic"), 0)]),
            ClusterOptions::default(),
        )
        .await
        .expect("elect");
    assert_eq!(unclean[&tp(&topic, 1)].as_ref().expect_err("healthy").code(), Some(ErrorCode::ELECTION_NOT_NEEDED));
    assert!(
        unclean.iter().any(|(k, r)| k.topic.as_ref() != topic && r.as_ref().is_err_and(AdminError::is_not_found)),
        "{unclean:?}"
    );
    let all = admin.elect_leaders(ElectionType::Preferred, None, ClusterOptions::default()).await.expect("elect all");
    assert!(all
        .values()
        .all(|r| r.as_ref().err().and_then(AdminError::code) != Some(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)));
    assert!(admin.elect_leaders(ElectionType::Unclean, None, ClusterOptions::default()).await.is_err());
}

async fn acls(admin: &Admin) {
    let topic = tests::unique_topic("admin-acl");
    let alice = format!("User:{topic}-alice");
    let bob = format!("User:{topic}-bob");
    let read = AclBinding::allow_topic(&topic, &alice, AclOperation::Read);
    let group = AclBinding::new(
        AclResourceType::Group,
        format!("{topic}-"),
        bob.clone(),
        AclOperation::All,
        AclPermissionType::Deny,
    )
    .pattern_type(PatternType::Prefixed)
    .host("*");
    // A principal without a type is invalid: it fails alone.
    let mut invalid = read.clone();
    invalid.principal = "nobody".into();
    let created = admin.create_acls(vec![read.clone(), invalid.clone(), group.clone()], AclOptions::default()).await;
    assert_eq!(created.len(), 3);
    assert!(created[0].1.is_ok() && created[2].1.is_ok(), "{created:?}");
    let e = created[1].1.as_ref().expect_err("invalid principal");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_REQUEST), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("nobody")), "names the principal: {e}");

    let of_alice = AclBindingFilter::principal(&alice);
    let found = wait_until("alice's ACL is visible", Duration::from_secs(15), async || {
        let acls = admin.describe_acls(of_alice.clone(), AclOptions::default()).await.expect("describe");
        ready_when(acls, |acls| !acls.is_empty())
    })
    .await;
    assert_eq!(found, vec![read.clone()]);
    let matching = AclBindingFilter::ANY
        .resource_type(AclResourceType::Group)
        .resource_name(format!("{topic}-consumers"))
        .pattern_type(PatternType::Match);
    let applying = wait_until("bob's prefixed ACL applies to a group name", Duration::from_secs(15), async || {
        let acls = admin.describe_acls(matching.clone(), AclOptions::default()).await.expect("describe");
        ready_when(acls, |acls| !acls.is_empty())
    })
    .await;
    assert_eq!(applying, vec![group.clone()]);

    let deleted =
        admin.delete_acls(vec![of_alice.clone(), AclBindingFilter::principal(&bob)], AclOptions::default()).await;
    assert_eq!(deleted[0].1.as_ref().expect("deleted"), &vec![read.clone()]);
    assert_eq!(deleted[1].1.as_ref().expect("deleted"), &vec![group.clone()]);
    wait_until("no ACLs left", Duration::from_secs(15), async || {
        let left = admin.describe_acls(of_alice.clone(), AclOptions::default()).await.expect("describe");
        ready_when(left, Vec::is_empty)
    })
    .await;

    // With an authorizer, brokers report what the caller may do (the super user: everything).
    let created = admin.create_topics([NewTopic::new(&topic, 1, 3)], CreateTopicsOptions::default()).await;
    assert!(created[&topic].is_ok(), "{created:?}");
    partition(admin, &topic, 0).await;
    // Every broker learns of the new topic through the metadata log: ask until the one answering knows it.
    let ops =
        wait_until("the new topic described with its authorized operations", Duration::from_secs(15), async || {
            let options = DescribeTopicsOptions::default().include_authorized_operations(true);
            let described = admin.describe_topics([&topic], options).await;
            match described[&topic].as_ref().ok().and_then(|d| d.authorized_operations.clone()) {
                Some(ops) => Ready(ops),
                None => NotYet(described),
            }
        })
        .await;
    for op in [AclOperation::Read, AclOperation::Write, AclOperation::Describe, AclOperation::Delete] {
        assert!(ops.contains(&op), "{op:?} in {ops:?}");
    }
    let cluster = admin
        .describe_cluster(DescribeClusterOptions::default().include_authorized_operations(true))
        .await
        .expect("cluster");
    assert!(cluster.authorized_operations.expect("reported").contains(&AclOperation::Alter));
}
