//! Runnable examples live in `examples/examples/`; this library holds what several of them
//! share: finding a broker and creating or deleting their topics.

use kfk_admin::{Admin, AdminError, BatchResults, CreateTopicsOptions, DeleteTopicsOptions, NewTopic};
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

/// Creates `topic` with `partitions` partitions and the broker's default replication factor
/// (an existing topic is fine: a shared cluster may have it from an earlier run).
pub async fn create_topic(admin: &Admin, topic: &str, partitions: i32) -> Result<(), BoxError> {
    let created = admin.create_topics([NewTopic::new(topic, partitions, -1)], CreateTopicsOptions::default()).await;
    match created.into_one(topic) {
        Ok(_) | Err(AdminError::TopicAlreadyExists { .. }) => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// Deletes `topics`, leaving a shared cluster as the example found it.
pub async fn delete_topics(admin: &Admin, topics: &[&str]) -> Result<(), BoxError> {
    admin.delete_topics(topics.iter().copied(), DeleteTopicsOptions::default()).await.all()?;
    Ok(())
}

/// The repository README's programs, compiled with the doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
