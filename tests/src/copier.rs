//! A transactional copier for exactly-once tests, modelled on Kafka's own transactions system
//! test: copiers in one group move an input topic to an output topic with
//! [`ExactlyOnce`], each output value tagged with the transaction attempt that wrote it, while
//! the test kills copiers (each a [`CopierProcess`], SIGKILLed) and brokers; a concurrent
//! read_committed reader watches the output.
//! The test then checks the final committed output and what the reader saw against the input
//! with [`crate::delivery::Ledger::check_read_committed`], identifying records by [`untag`].

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kfk_client::config::{ConsumerConfig, IsolationLevel, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::exactly_once::ExactlyOnce;
use kfk_client::producer::ProducerRecord;
use kfk_client::Error;

use crate::read::ReadRecord;

/// Where a copier reads and writes, and how fast.
#[derive(Debug, Clone)]
pub struct Topics {
    /// The bootstrap servers.
    pub bootstrap: String,
    /// The input topic.
    pub input: String,
    /// The output topic.
    pub output: String,
    /// A pause after each committed transaction, so that a test's failures land while the
    /// copy is under way (zero: as fast as it goes).
    pub pause: Duration,
}

/// Counters shared by all copiers of a test.
#[derive(Debug, Default)]
pub struct Stats {
    /// Transactions committed.
    pub committed: AtomicU64,
    /// Transactions aborted (by the copier, a rebalance or a failure).
    pub aborted: AtomicU64,
    /// Copier instances created (including restarts).
    pub instances: AtomicU64,
}

/// Runs copier `slot` until `stop`: an instance polls, copies, commits; on a fatal error or a
/// failure it cannot get past, it is replaced by a new instance with the same transactional
/// id (which fences the old one). Killing the task that runs this is a copier crash.
pub async fn run(slot: usize, topics: Topics, stop: Arc<AtomicBool>, stats: Arc<Stats>) {
    while !stop.load(Ordering::SeqCst) {
        let instance = stats.instances.fetch_add(1, Ordering::SeqCst);
        match instance_loop(slot, instance, &topics, &stop, &stats).await {
            Ok(()) => return,
            Err(e) => {
                eprintln!("copier {slot} instance {instance}: {e}; starting a new instance");
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        }
    }
}

async fn instance_loop(
    slot: usize,
    instance: u64,
    topics: &Topics,
    stop: &AtomicBool,
    stats: &Stats,
) -> Result<(), Error> {
    let mut consumer = ConsumerConfig::new(&topics.bootstrap);
    consumer.group_id = Some(format!("{}-copiers", topics.input));
    consumer.auto_offset_reset = OffsetReset::Earliest;
    consumer.max_poll_records = 200;
    consumer.group.session_timeout = Duration::from_secs(6);
    consumer.group.heartbeat_interval = Duration::from_millis(500);
    let producer = ProducerConfig::builder()
        .bootstrap_servers(&topics.bootstrap)
        .transactional_id(format!("{}-copier-{slot}", topics.input))
        .request_timeout(Duration::from_secs(10))
        .max_block(Duration::from_secs(30))
        .build()?;
    let eos = ExactlyOnce::new(consumer, producer).await?;
    eos.subscribe([topics.input.as_str()])?;
    let mut txn = 0u64;
    let result = async {
        while !stop.load(Ordering::SeqCst) {
            let records = eos.poll(Duration::from_millis(100)).await?;
            if records.is_empty() {
                continue;
            }
            txn += 1;
            let tag = format!("|{slot}.{instance}.{txn}");
            let mut failed = None;
            for r in &records {
                let mut value = r.value.as_deref().unwrap_or_default().to_vec();
                value.extend_from_slice(tag.as_bytes());
                let record =
                    ProducerRecord::new(&topics.output).key(r.key.as_deref().unwrap_or_default()).value(&value);
                if let Err(e) = eos.producer().enqueue(record).await {
                    failed = Some(e);
                    break;
                }
            }
            if let Some(e) = failed {
                stats.aborted.fetch_add(1, Ordering::SeqCst);
                eos.abort().await?;
                check_fatal(e)?;
                continue;
            }
            let mut outcome = eos.commit().await;
            // A timed-out commit has an unknown outcome: ask again until it is known.
            for _ in 0..5 {
                match &outcome {
                    Err(Error::Timeout { .. }) => outcome = eos.commit().await,
                    _ => break,
                }
            }
            match outcome {
                Ok(()) => {
                    stats.committed.fetch_add(1, Ordering::SeqCst);
                    tokio::time::sleep(topics.pause).await;
                }
                Err(e) => {
                    stats.aborted.fetch_add(1, Ordering::SeqCst);
                    check_fatal(e)?;
                }
            }
        }
        Ok(())
    }
    .await;
    let _ = eos.close(Duration::from_secs(5)).await;
    result
}

/// A copier running in a process of its own (the `copier` binary of this crate), so that a
/// crash is a real one: SIGKILL flushes nothing and cuts its connections mid-request.
#[derive(Debug)]
pub struct CopierProcess {
    child: std::process::Child,
}

impl CopierProcess {
    /// Starts copier `slot` from the binary at `exe`, its log in `log`.
    pub fn spawn(exe: &std::path::Path, slot: usize, topics: &Topics, log: &std::path::Path) -> std::io::Result<Self> {
        let log = std::fs::OpenOptions::new().create(true).append(true).open(log)?;
        let child = std::process::Command::new(exe)
            .args([
                slot.to_string(),
                topics.bootstrap.clone(),
                topics.input.clone(),
                topics.output.clone(),
                topics.pause.as_millis().to_string(),
            ])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .spawn()?;
        Ok(CopierProcess { child })
    }

    /// SIGKILL, and reap it.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for CopierProcess {
    fn drop(&mut self) {
        // A copier outliving a failed test would keep writing to the cluster.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Fatal and timeout errors end the instance; the rest only aborted a transaction.
fn check_fatal(e: Error) -> Result<(), Error> {
    match &e {
        Error::Transaction(t) if t.is_fatal() => Err(e),
        Error::Timeout { .. } => Err(e),
        _ => Ok(()),
    }
}

/// Reads `topic` with read_committed until `stop`, recording every value.
pub async fn watch(
    bootstrap: String,
    topic: String,
    partitions: i32,
    stop: Arc<AtomicBool>,
    seen: Arc<Mutex<Vec<ReadRecord>>>,
) {
    let mut config = ConsumerConfig::new(&bootstrap);
    config.auto_offset_reset = OffsetReset::Earliest;
    config.isolation_level = IsolationLevel::ReadCommitted;
    let Ok(consumer) = Consumer::new(config) else { return };
    consumer.assign((0..partitions).map(|p| (topic.as_str(), p)));
    while !stop.load(Ordering::SeqCst) {
        match consumer.poll(Duration::from_millis(200)).await {
            Ok(records) => {
                let mut seen = seen.lock().unwrap_or_else(|p| p.into_inner());
                seen.extend(records.iter().map(ReadRecord::from));
            }
            Err(e) => {
                eprintln!("watcher: {e}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    consumer.close().await;
}

/// Recovers the input value from an output value: the copier appends `|<transaction tag>`.
pub fn untag(tagged: &[u8]) -> &[u8] {
    tagged.iter().rposition(|&b| b == b'|').map_or(tagged, |i| &tagged[..i])
}
