//! Group members for churn tests: each consumer runs on its own small runtime, polling in a
//! loop and reporting every record it was handed, so that a test can make it leave cleanly
//! (close: commit, revoke, LeaveGroup) or crash (its runtime is shut down: no commit, no
//! LeaveGroup, its connections just drop, as when a process is killed).

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kfk_client::config::ConsumerConfig;
use kfk_client::consumer::{Consumer, TopicPartition};
use kfk_client::group::{BoxFuture, RebalanceListener};
use tokio::sync::mpsc;

use crate::read::ReadRecord;

/// A record one member was handed.
#[derive(Debug, Clone)]
pub struct MemberRead {
    /// Which member read it.
    pub member: usize,
    /// What it read.
    pub record: ReadRecord,
}

/// How many partitions each callback handed a member, in all.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Callbacks {
    /// Partitions in `on_partitions_assigned`.
    pub assigned: usize,
    /// Partitions in `on_partitions_revoked`.
    pub revoked: usize,
    /// Partitions in `on_partitions_lost`.
    pub lost: usize,
}

/// The partitions a member owns, as its listener hears them. A partition assigned to a member
/// that already owns it is counted as a protocol violation.
#[derive(Debug, Default)]
pub struct Owned {
    owned: Mutex<BTreeSet<TopicPartition>>,
    violations: Mutex<Vec<String>>,
    callbacks: Mutex<Callbacks>,
}

impl Owned {
    /// The callback totals so far.
    pub fn callbacks(&self) -> Callbacks {
        *self.callbacks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The partitions owned now.
    pub fn get(&self) -> BTreeSet<TopicPartition> {
        self.owned.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Callbacks that contradicted the ownership so far.
    pub fn violations(&self) -> Vec<String> {
        self.violations.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn remove(&self, partitions: &[TopicPartition], what: &str) {
        {
            let mut callbacks = self.callbacks.lock().unwrap_or_else(|p| p.into_inner());
            match what {
                "lost" => callbacks.lost += partitions.len(),
                _ => callbacks.revoked += partitions.len(),
            }
        }
        let mut owned = self.owned.lock().unwrap_or_else(|p| p.into_inner());
        for p in partitions {
            if !owned.remove(p) {
                self.violations.lock().unwrap_or_else(|p| p.into_inner()).push(format!("{what} {p}, not owned"));
            }
        }
    }
}

impl RebalanceListener for Owned {
    fn on_partitions_assigned<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        self.callbacks.lock().unwrap_or_else(|p| p.into_inner()).assigned += partitions.len();
        let mut owned = self.owned.lock().unwrap_or_else(|p| p.into_inner());
        for p in partitions {
            if !owned.insert(p.clone()) {
                self.violations.lock().unwrap_or_else(|p| p.into_inner()).push(format!("assigned {p}, already owned"));
            }
        }
        Box::pin(async {})
    }

    fn on_partitions_revoked<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        self.remove(partitions, "revoked");
        Box::pin(async {})
    }

    fn on_partitions_lost<'a>(&'a self, _: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        self.remove(partitions, "lost");
        Box::pin(async {})
    }
}

/// One group member on its own runtime.
pub struct Worker {
    /// Its index in the test (as in [`MemberRead::member`]).
    pub id: usize,
    /// Its view of its partitions.
    pub owned: Arc<Owned>,
    consumer: Consumer,
    runtime: Option<tokio::runtime::Runtime>,
    stop: Arc<AtomicBool>,
    poller: Option<tokio::task::JoinHandle<()>>,
}

impl Worker {
    /// Starts a consumer with `config` subscribed to `topics`, polling every 100 ms at most and
    /// sending what it reads to `reads`.
    ///
    /// # Panics
    ///
    /// If the runtime or the consumer cannot be created, or the subscription is refused.
    pub fn start(
        id: usize,
        config: ConsumerConfig,
        topics: &[&str],
        reads: mpsc::UnboundedSender<MemberRead>,
    ) -> Worker {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name(format!("member-{id}"))
            .enable_all()
            .build()
            .expect("a runtime for the member");
        let owned = Arc::new(Owned::default());
        let stop = Arc::new(AtomicBool::new(false));
        let (consumer, poller) = {
            let _entered = runtime.enter();
            let consumer = Consumer::new(config).expect("consumer");
            consumer.subscribe_with_listener(topics.iter().copied(), owned.clone()).expect("subscribe");
            let poller = runtime.spawn(poll_loop(id, consumer.clone(), stop.clone(), reads));
            (consumer, poller)
        };
        Worker { id, owned, consumer, runtime: Some(runtime), stop, poller: Some(poller) }
    }

    /// The consumer (for its membership and assignment).
    pub fn consumer(&self) -> &Consumer {
        &self.consumer
    }

    /// Leaves cleanly: stops polling, then closes (commit, `on_partitions_revoked`, LeaveGroup).
    pub async fn leave(mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(poller) = self.poller.take() {
            let _ = poller.await;
        }
        self.consumer.close().await;
        self.stop_runtime().await;
    }

    /// Crashes: every task of the member stops where it is, nothing more is committed or sent.
    /// Returns once all its tasks are gone.
    pub async fn crash(mut self) {
        self.stop_runtime().await;
    }

    async fn stop_runtime(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            // Waiting for the tasks to go blocks: not on the test's own runtime.
            let _ = tokio::task::spawn_blocking(move || runtime.shutdown_timeout(Duration::from_secs(5))).await;
        }
    }
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worker").field("id", &self.id).field("owned", &self.owned.get()).finish()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

async fn poll_loop(id: usize, consumer: Consumer, stop: Arc<AtomicBool>, reads: mpsc::UnboundedSender<MemberRead>) {
    while !stop.load(Ordering::SeqCst) {
        match consumer.poll(Duration::from_millis(100)).await {
            // Handed over to the test in the same step as poll returns them: a crash cannot
            // fall between the two.
            Ok(records) => {
                for r in records {
                    let record = ReadRecord {
                        partition: r.partition,
                        offset: r.offset,
                        key: r.key.clone(),
                        value: r.value.clone(),
                    };
                    let _ = reads.send(MemberRead { member: id, record });
                }
            }
            Err(e) => {
                eprintln!("member {id}: poll failed: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}
