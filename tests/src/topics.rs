//! Topic set-up for tests, over a bare protocol connection.

use std::time::Duration;

use kfk_protocol::messages::create_topics::request::CreatableTopic;
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::{CreateTopicsRequest, MetadataRequest, MetadataResponse};
use kfk_protocol::{ErrorCode, Uuid};

use crate::wait::{ready_when, wait_until};
use crate::{unique_topic, Backend, Conn};

/// The backend of this run and a new topic on it, named after `prefix`, with `partitions`
/// partitions that all have a leader.
pub async fn backend_with_topic(prefix: &str, partitions: i32) -> (Backend, String) {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic(prefix);
    create_topic(&mut conn, &topic, partitions).await;
    (backend, topic)
}

/// Metadata for one topic (without auto-creating it).
pub async fn metadata(conn: &mut Conn, topic: &str) -> MetadataResponse {
    let request = MetadataRequest {
        topics: Some(vec![MetadataRequestTopic { name: Some(topic.into()), ..Default::default() }]),
        allow_auto_topic_creation: false,
        ..Default::default()
    };
    conn.send(&request).await.expect("metadata")
}

/// Creates a topic and waits (bounded) until every partition has a leader; returns its id.
pub async fn create_topic(conn: &mut Conn, topic: &str, partitions: i32) -> Uuid {
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: topic.into(),
            num_partitions: partitions,
            replication_factor: -1,
            ..Default::default()
        }],
        timeout_ms: 30_000,
        ..Default::default()
    };
    let response = conn.send(&request).await.expect("create topics");
    assert_eq!(response.topics.len(), 1);
    assert_eq!(
        ErrorCode(response.topics[0].error_code),
        ErrorCode::NONE,
        "create {topic}: {:?}",
        response.topics[0].error_message
    );
    wait_for_leaders(conn, topic, partitions).await
}

/// Waits (at most 30 s) until `topic` has `partitions` partitions, each with a leader.
pub async fn wait_for_leaders(conn: &mut Conn, topic: &str, partitions: i32) -> Uuid {
    let md = wait_until(
        format!("{topic}: a leader for each of {partitions} partitions"),
        Duration::from_secs(30),
        async || {
            ready_when(metadata(conn, topic).await, |md| {
                let t = &md.topics[0];
                t.error_code == 0
                    && t.partitions.len() == partitions as usize
                    && t.partitions.iter().all(|p| p.error_code == 0 && p.leader_id >= 0)
            })
        },
    )
    .await;
    md.topics[0].topic_id
}
