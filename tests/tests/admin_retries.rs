//! How the admin client retries, with faults injected into the stub: retriable errors are
//! retried (a batch retries only its failed items) until the operation's timeout, a new
//! coordinator is looked up after NOT_COORDINATOR, and other errors fail at once.
//!
//! The stub's fault injection drives these, so they run on the stub whatever `TEST_BACKEND`
//! says (a real broker cannot be told to fail on cue).

use std::time::Duration;

use kfk_admin::*;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use kfk_stub::ErrorFault;
use tests::{unique_topic, Backend};

async fn setup() -> (Backend, Admin) {
    let backend = Backend::stub(3).await;
    let mut config = AdminConfig::new(&backend.bootstrap);
    config.default_api_timeout = Duration::from_secs(20);
    config.common.retry_backoff =
        kfk_client::backoff::Backoff::new(Duration::from_millis(10), Duration::from_millis(50));
    let admin = Admin::new(config).expect("admin");
    (backend, admin)
}

#[tokio::test]
async fn retriable_errors_are_retried_and_others_are_not() {
    let (backend, admin) = setup().await;
    let stub = backend.stub_handle().expect("the stub");
    let topic = unique_topic("retry-create");
    stub.faults().fail_next(ApiKey::CreateTopics, 2, ErrorCode::NOT_CONTROLLER.0);
    let created = admin.create_topics([NewTopic::new(&topic, 2, 1)], CreateTopicsOptions::default()).await;
    assert!(created[&topic].is_ok(), "{created:?}");
    assert_eq!(stub.request_count(ApiKey::CreateTopics), 3, "two NOT_CONTROLLER answers, then success");

    // Not retriable: one request, the code reaches the caller.
    let other = unique_topic("retry-policy");
    stub.faults().fail_next(ApiKey::CreateTopics, 1, ErrorCode::POLICY_VIOLATION.0);
    let refused = admin.create_topics([NewTopic::new(&other, 1, 1)], CreateTopicsOptions::default()).await;
    assert_eq!(refused[&other].as_ref().expect_err("policy").code(), Some(ErrorCode::POLICY_VIOLATION));
    assert_eq!(stub.request_count(ApiKey::CreateTopics), 4);
}

#[tokio::test]
async fn a_batch_retries_only_its_failed_items() {
    let (backend, admin) = setup().await;
    let stub = backend.stub_handle().expect("the stub");
    let topic = unique_topic("retry-offsets");
    stub.create_topic(&topic, 3).expect("topic");
    let (leader, _) = stub.leader(&topic, 1).expect("leader");
    stub.faults().inject(
        ErrorFault::new(ApiKey::ListOffsets, ErrorCode::NOT_LEADER_OR_FOLLOWER.0).times(2).on_partition(&topic, 1),
    );
    let before = stub.request_count(ApiKey::ListOffsets);
    let specs = (0..3).map(|p| (TopicPartition::new(&topic, p), OffsetSpec::Latest));
    let listed = admin.list_offsets(specs, ListOffsetsOptions::default()).await;
    assert!(listed.values().all(Result::is_ok), "{listed:?}");
    // One request per leader, then two more to partition 1's leader alone.
    let leaders: std::collections::BTreeSet<i32> = (0..3).map(|p| stub.leader(&topic, p).expect("leader").0).collect();
    assert_eq!(stub.request_count(ApiKey::ListOffsets) - before, leaders.len() as u64 + 2);
    assert!(stub.broker_request_count(leader, ApiKey::ListOffsets) >= 3);
}

#[tokio::test]
async fn a_retriable_error_that_persists_ends_at_the_timeout() {
    let (backend, admin) = setup().await;
    let stub = backend.stub_handle().expect("the stub");
    let topic = unique_topic("retry-timeout");
    stub.faults().fail_next(ApiKey::CreatePartitions, u32::MAX, ErrorCode::REQUEST_TIMED_OUT.0);
    stub.create_topic(&topic, 1).expect("topic");
    let options = CreatePartitionsOptions::default().timeout(Duration::from_millis(500));
    let grown = admin.create_partitions([(&topic, NewPartitions::increase_to(2))], options).await;
    match &grown[&topic] {
        Err(AdminError::Timeout { after, last: Some(last), .. }) => {
            // The time it actually took: the timeout, give or take the timer.
            assert!(*after >= Duration::from_millis(500) && *after < Duration::from_millis(750), "{after:?}");
            assert_eq!(last.code(), Some(ErrorCode::REQUEST_TIMED_OUT));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert!(stub.request_count(ApiKey::CreatePartitions) > 1, "it was retried");
    stub.faults().clear();
}

#[tokio::test]
async fn not_coordinator_looks_the_coordinator_up_again() {
    let (backend, admin) = setup().await;
    let stub = backend.stub_handle().expect("the stub");
    let group = unique_topic("retry-group");
    let topic = unique_topic("retry-group-topic");
    stub.create_topic(&topic, 1).expect("topic");
    let committed = admin
        .alter_group_offsets(
            &group,
            [(TopicPartition::new(&topic, 0), OffsetAndMetadata::new(0))],
            GroupOptions::default(),
        )
        .await;
    assert!(committed.values().all(Result::is_ok), "{committed:?}");

    let lookups = stub.request_count(ApiKey::FindCoordinator);
    stub.faults().fail_next(ApiKey::DescribeGroups, 2, ErrorCode::NOT_COORDINATOR.0);
    let described = admin.describe_groups([&group], DescribeGroupsOptions::default()).await;
    assert_eq!(described[&group].as_ref().expect("described").state, "Empty");
    assert_eq!(stub.request_count(ApiKey::FindCoordinator) - lookups, 3, "one lookup per attempt");

    stub.faults().fail_next(ApiKey::OffsetFetch, 1, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    let offsets = admin.list_group_offsets(&group, ListGroupOffsetsOptions::default()).await.expect("offsets");
    assert_eq!(offsets[&TopicPartition::new(&topic, 0)].offset, 0);
}
