//! Runnable examples live in `examples/examples/`; this library holds what several of them
//! share: finding a broker and creating or deleting their topics.

use kfk_client::cluster::Cluster;
use kfk_protocol::messages::create_topics::request::CreatableTopic;
use kfk_protocol::messages::delete_topics::request::DeleteTopicState;
use kfk_protocol::messages::{CreateTopicsRequest, DeleteTopicsRequest};
use kfk_protocol::ErrorCode;
use kfk_stub::StubCluster;

/// The error type of the examples.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The broker to use: `KAFKA_BOOTSTRAP_SERVERS` when set, else an in-process stub (kept
/// running while the returned handle lives).
pub async fn broker() -> Result<(String, Option<StubCluster>), BoxError> {
    match std::env::var("KAFKA_BOOTSTRAP_SERVERS") {
        Ok(servers) if !servers.is_empty() => Ok((servers, None)),
        _ => {
            let stub = StubCluster::builder().brokers(1).start().await?;
            Ok((stub.bootstrap(), Some(stub)))
        }
    }
}

/// Creates `topic` with `partitions` partitions (an existing topic is fine).
pub async fn create_topic(cluster: &Cluster, topic: &str, partitions: i32) -> Result<(), BoxError> {
    let created = cluster
        .send_any(&CreateTopicsRequest {
            topics: vec![CreatableTopic {
                name: topic.into(),
                num_partitions: partitions,
                replication_factor: -1,
                ..Default::default()
            }],
            timeout_ms: 30_000,
            ..Default::default()
        })
        .await?;
    let code = created.topics.first().map(|t| ErrorCode(t.error_code)).unwrap_or(ErrorCode::UNKNOWN_SERVER_ERROR);
    if !code.is_ok() && code != ErrorCode::TOPIC_ALREADY_EXISTS {
        return Err(format!("creating {topic}: {code}").into());
    }
    Ok(())
}

/// Deletes `topics`, leaving a shared cluster as the example found it.
pub async fn delete_topics(cluster: &Cluster, topics: &[&str]) -> Result<(), BoxError> {
    cluster
        .send_any(&DeleteTopicsRequest {
            topic_names: topics.iter().map(|t| t.to_string()).collect(),
            topics: topics
                .iter()
                .map(|t| DeleteTopicState { name: Some(t.to_string()), ..Default::default() })
                .collect(),
            timeout_ms: 30_000,
            ..Default::default()
        })
        .await?;
    Ok(())
}

/// The repository README's programs, compiled with the doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
