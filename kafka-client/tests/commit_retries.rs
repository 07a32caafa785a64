//! A commit meets a coordinator that is not ready (a new cluster still creating
//! `__consumer_offsets`, a coordinator loading or moving): it is sent again until
//! `default.api.timeout.ms`, as Java's `commitSync` does, instead of failing at once.

use std::time::Duration;

use kfk_client::config::ConsumerConfig;
use kfk_client::consumer::Consumer;
use kfk_protocol::messages::ApiKey;
use kfk_protocol::ErrorCode;
use kfk_stub::StubCluster;

#[tokio::test]
async fn a_commit_waits_out_a_coordinator_that_is_not_ready() {
    let stub = StubCluster::builder().start().await.expect("stub");
    stub.create_topic("t", 1).expect("topic");
    let mut config = ConsumerConfig::new(stub.bootstrap());
    config.group_id = Some("g".into());
    config.common.retry_backoff =
        kfk_client::backoff::Backoff::new(Duration::from_millis(10), Duration::from_millis(50));
    let consumer = Consumer::new(config).expect("consumer");

    stub.faults().fail_next(ApiKey::FindCoordinator, 2, ErrorCode::COORDINATOR_NOT_AVAILABLE.0);
    stub.faults().fail_next(ApiKey::OffsetCommit, 1, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    consumer.commit_offsets(&[("t", 0, 7)]).await.expect("commit after the coordinator is ready");
    assert_eq!(consumer.committed([("t", 0)]).await.expect("committed"), vec![Some(7)]);

    // A refusal that retrying cannot fix still fails at once, naming the group.
    stub.faults().fail_next(ApiKey::OffsetCommit, 1, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
    let err = consumer.commit_offsets(&[("t", 0, 9)]).await.expect_err("not authorized");
    assert_eq!(err.code(), Some(ErrorCode::GROUP_AUTHORIZATION_FAILED), "{err}");
    consumer.close().await;
}
