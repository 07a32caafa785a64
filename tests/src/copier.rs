//! A transactional copier for exactly-once tests, modelled on Kafka's own transactions system
//! test: copiers in one group move an input topic to an output topic with
//! [`ExactlyOnce`], each output value tagged with the transaction attempt that wrote it, while
//! the test kills copiers (each a [`CopierProcess`], SIGKILLed) and brokers; a concurrent
//! read_committed reader watches the output.
//! [`check`] then compares the input, the final committed output and what the reader saw.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kafka_client::config::{ConsumerConfig, IsolationLevel, OffsetReset, ProducerConfig};
use kafka_client::consumer::Consumer;
use kafka_client::exactly_once::ExactlyOnce;
use kafka_client::producer::ProducerRecord;
use kafka_client::Error;

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
    seen: Arc<Mutex<Vec<Vec<u8>>>>,
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
                seen.extend(records.into_iter().map(|r| r.value.map(|v| v.to_vec()).unwrap_or_default()));
            }
            Err(e) => {
                eprintln!("watcher: {e}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    consumer.close().await;
}

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Verdict {
    /// Input records.
    pub input: usize,
    /// Committed output records.
    pub output: usize,
    /// Input values missing from the committed output.
    pub missing: usize,
    /// Input values in the committed output more than once.
    pub duplicated: usize,
    /// Output values that are no input value.
    pub phantom: usize,
    /// (input partition, output partition) pairs whose records are not in input order.
    pub reordered_partitions: usize,
    /// Values the concurrent read_committed reader saw that are not in the committed output
    /// (records of aborted transactions).
    pub aborted_reads: usize,
    /// Examples of the anomalies.
    pub examples: Vec<String>,
}

impl Verdict {
    /// No anomaly.
    pub fn is_clean(&self) -> bool {
        self.missing + self.duplicated + self.phantom + self.reordered_partitions + self.aborted_reads == 0
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "input {} / output {} / missing: {} / duplicated: {} / phantom: {} / reordered partitions: {} / aborted reads: {}",
            self.input,
            self.output,
            self.missing,
            self.duplicated,
            self.phantom,
            self.reordered_partitions,
            self.aborted_reads
        )?;
        if !self.examples.is_empty() {
            write!(f, " / e.g. {:?}", &self.examples[..self.examples.len().min(5)])?;
        }
        Ok(())
    }
}

/// One record of the input or the output: its partition, key and value.
pub type Copied = (i32, Vec<u8>, Vec<u8>);

/// Compares the input records (in input order), the final committed output (tagged values, in
/// read order) and what the concurrent reader saw. Order is checked per pair of input and
/// output partition: records of one input partition that land in one output partition must
/// keep their input order (with the same partitioner and partition count on both topics, that
/// is each partition's order, and so each key's).
pub fn check(input: &[Copied], output: &[Copied], watched: &[Vec<u8>]) -> Verdict {
    let mut v = Verdict { input: input.len(), output: output.len(), ..Verdict::default() };
    let position: HashMap<&[u8], (usize, i32)> =
        input.iter().enumerate().map(|(i, (partition, _, value))| (value.as_slice(), (i, *partition))).collect();
    let untag = |tagged: &[u8]| -> Vec<u8> {
        match tagged.iter().rposition(|&b| b == b'|') {
            Some(i) => tagged[..i].to_vec(),
            None => tagged.to_vec(),
        }
    };
    let mut count: HashMap<Vec<u8>, usize> = HashMap::new();
    let mut last: HashMap<(i32, i32), usize> = HashMap::new();
    let mut reordered: HashSet<(i32, i32)> = HashSet::new();
    for (out_partition, _, tagged) in output {
        let value = untag(tagged);
        match position.get(value.as_slice()) {
            None => {
                v.phantom += 1;
                v.examples.push(format!("phantom {}", String::from_utf8_lossy(tagged)));
            }
            Some(&(i, in_partition)) => {
                let pair = (in_partition, *out_partition);
                if last.insert(pair, i).is_some_and(|prev| prev > i) && reordered.insert(pair) {
                    v.examples.push(format!(
                        "input partition {in_partition} reordered in output partition {out_partition} at {}",
                        String::from_utf8_lossy(tagged)
                    ));
                }
            }
        }
        *count.entry(value).or_default() += 1;
    }
    v.reordered_partitions = reordered.len();
    for (_, _, value) in input {
        match count.get(value).copied().unwrap_or(0) {
            0 => {
                v.missing += 1;
                if v.examples.len() < 10 {
                    v.examples.push(format!("missing {}", String::from_utf8_lossy(value)));
                }
            }
            1 => {}
            _ => {
                v.duplicated += 1;
                if v.examples.len() < 10 {
                    v.examples.push(format!("duplicated {}", String::from_utf8_lossy(value)));
                }
            }
        }
    }
    let committed: HashSet<&[u8]> = output.iter().map(|(_, _, tagged)| tagged.as_slice()).collect();
    for w in watched {
        if !committed.contains(w.as_slice()) {
            v.aborted_reads += 1;
            if v.examples.len() < 10 {
                v.examples.push(format!("aborted read {}", String::from_utf8_lossy(w)));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(items: &[(i32, &str, &str)]) -> Vec<Copied> {
        items.iter().map(|(p, k, v)| (*p, k.as_bytes().to_vec(), v.as_bytes().to_vec())).collect()
    }

    #[test]
    fn a_faithful_copy_is_clean() {
        let input = records(&[(0, "a", "1"), (1, "b", "2"), (0, "a", "3")]);
        let output = records(&[(1, "b", "2|0.0.1"), (0, "a", "1|0.0.1"), (0, "a", "3|1.1.1")]);
        let v = check(&input, &output, &[b"1|0.0.1".to_vec()]);
        assert!(v.is_clean(), "{v}");
    }

    #[test]
    fn each_anomaly_is_named() {
        let input = records(&[(0, "a", "1"), (0, "x", "2"), (1, "b", "3"), (2, "c", "4")]);
        let output = records(&[
            (0, "x", "2|0.0.1"),
            (0, "a", "1|0.0.2"),
            (1, "b", "3|0.0.1"),
            (1, "b", "3|0.0.3"),
            (1, "z", "9|0.0.1"),
        ]);
        let v = check(&input, &output, &[b"4|0.0.9".to_vec()]);
        assert_eq!(
            (v.missing, v.duplicated, v.phantom, v.reordered_partitions, v.aborted_reads),
            (1, 1, 1, 1, 1),
            "{v}"
        );
    }
}
