//! Creates or deletes the topic of one `cargo xtask bench produce` run, or sets a cluster-wide
//! dynamic broker setting, with our client's cluster layer (so the benchmark needs no admin tool
//! of a peer).
//!
//! ```text
//! bench_topic create --bootstrap HOST:PORT --topic T --partitions N [--config KEY=VALUE]...
//! bench_topic delete --bootstrap HOST:PORT --topic T
//! bench_topic broker-config --bootstrap HOST:PORT --config KEY=VALUE...
//! ```
//!
//! `create` returns once a Metadata response lists every partition with a leader (at most 60 s).

use std::process::ExitCode;
use std::time::{Duration, Instant};

use kfk_client::config::ProducerConfig;
use kfk_client::producer::Producer;
use kfk_protocol::messages::create_topics::request::{CreatableTopic, CreatableTopicConfig};
use kfk_protocol::messages::delete_topics::request::DeleteTopicState;
use kfk_protocol::messages::incremental_alter_configs::request::{AlterConfigsResource, AlterableConfig};
use kfk_protocol::messages::{CreateTopicsRequest, DeleteTopicsRequest, IncrementalAlterConfigsRequest};
use kfk_protocol::ErrorCode;

const USAGE: &str =
    "usage: bench_topic create|delete|broker-config --bootstrap HOST:PORT [--topic T] [--partitions N] \
     [--config KEY=VALUE]...";
const READY_TIMEOUT: Duration = Duration::from_secs(60);

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_topic: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    let (mut bootstrap, mut topic, mut partitions, mut configs) = (None, None, 6i32, Vec::new());
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--bootstrap" => bootstrap = Some(value),
            "--topic" => topic = Some(value),
            "--partitions" => partitions = value.parse()?,
            "--config" => {
                let (name, value) = value.split_once('=').ok_or_else(|| format!("--config {value}: KEY=VALUE"))?;
                configs.push(CreatableTopicConfig {
                    name: name.into(),
                    value: Some(value.into()),
                    ..Default::default()
                });
            }
            other => return Err(format!("unknown option {other}\n{USAGE}").into()),
        }
    }
    let bootstrap = bootstrap.ok_or(USAGE)?;
    let topic = match (command.as_str(), topic) {
        ("broker-config", _) => String::new(),
        (_, topic) => topic.ok_or(USAGE)?,
    };
    let config = ProducerConfig::from_properties([("bootstrap.servers", bootstrap.as_str())])?;
    let producer = Producer::new(config)?;
    let cluster = producer.cluster();
    match command.as_str() {
        "create" => {
            let response = cluster
                .send_any(&CreateTopicsRequest {
                    topics: vec![CreatableTopic {
                        name: topic.clone(),
                        num_partitions: partitions,
                        replication_factor: -1,
                        configs: configs.clone(),
                        ..Default::default()
                    }],
                    timeout_ms: 30_000,
                    ..Default::default()
                })
                .await?;
            for result in &response.topics {
                if let Some(code) = ErrorCode(result.error_code).err() {
                    return Err(format!(
                        "creating {topic}: {code} {}",
                        result.error_message.clone().unwrap_or_default()
                    )
                    .into());
                }
            }
            cluster.track_topics([topic.as_str()]);
            let deadline = Instant::now() + READY_TIMEOUT;
            loop {
                let metadata = cluster.refresh().await?;
                let ready = metadata.topic(&topic).is_some_and(|t| {
                    t.error.is_ok()
                        && t.partitions.len() == partitions as usize
                        && t.partitions.iter().all(|p| p.leader >= 0)
                });
                if ready {
                    break;
                }
                if Instant::now() >= deadline {
                    return Err(format!("{topic} has no leader for every partition after {READY_TIMEOUT:?}").into());
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        "delete" => {
            let response = cluster
                .send_any(&DeleteTopicsRequest {
                    topics: vec![DeleteTopicState { name: Some(topic.clone()), ..Default::default() }],
                    timeout_ms: 30_000,
                    ..Default::default()
                })
                .await?;
            for result in &response.responses {
                if let Some(code) = ErrorCode(result.error_code).err() {
                    return Err(format!("deleting {topic}: {code}").into());
                }
            }
        }
        "broker-config" => {
            // The cluster-wide default of every broker (resource type BROKER, empty name), set
            // through IncrementalAlterConfigs (operation SET).
            let response = cluster
                .send_any(&IncrementalAlterConfigsRequest {
                    resources: vec![AlterConfigsResource {
                        resource_type: 4,
                        resource_name: String::new(),
                        configs: configs
                            .iter()
                            .map(|c| AlterableConfig {
                                name: c.name.clone(),
                                config_operation: 0,
                                value: c.value.clone(),
                                ..Default::default()
                            })
                            .collect(),
                        ..Default::default()
                    }],
                    ..Default::default()
                })
                .await?;
            for result in &response.responses {
                if let Some(code) = ErrorCode(result.error_code).err() {
                    return Err(format!(
                        "setting broker configs: {code} {}",
                        result.error_message.clone().unwrap_or_default()
                    )
                    .into());
                }
            }
        }
        other => return Err(format!("unknown command {other}\n{USAGE}").into()),
    }
    producer.close(Duration::from_secs(5)).await?;
    Ok(())
}
