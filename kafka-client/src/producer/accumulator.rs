//! The record accumulator: per-partition batches between `send` and the sender task.
//!
//! `send` encodes each record straight into its partition's open batch. A batch closes when the
//! next record would not fit in `batch.size`, when it has lingered `linger.ms`, or on flush; the
//! sender task then drains closed batches, has `idempotence.rs` assign their sequence numbers,
//! compresses each batch once, and sends it.
//!
//! Locks: the topic map (`RwLock`, written only when a topic or partition first appears), then
//! one `Mutex` per partition, held for one append or one drain step. Never held across `.await`.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

use bytes::Bytes;
use kfk_protocol::compression::Codec;
use kfk_protocol::records::RecordBatchBuilder;
use tokio::sync::Notify;

use super::delivery::{Completion, Delivery};
use super::idempotence::{BatchSequence, PartitionSequences};
use super::memory::MemoryPool;
use super::partitioner::Sticky;
use super::record::{ProducerRecord, RecordHeaders};
use crate::error::{Error, ErrorContext};
use crate::interceptor::ProducerInterceptors;

/// What a batch carries: the builder until the batch is first sent, then its final bytes.
#[derive(Debug)]
pub(crate) enum Payload {
    Open(RecordBatchBuilder),
    Built(Bytes),
}

/// A batch on its way to the broker.
#[derive(Debug)]
pub(crate) struct ProducerBatch {
    pub(crate) payload: Payload,
    pub(crate) completion: Arc<Completion>,
    pub(crate) created: Instant,
    pub(crate) reserved: usize,
    pub(crate) records: u32,
    /// The size bound of its largest record (`record-size-avg`/`-max` average and maximise
    /// this over batches, as Java's sender does).
    pub(crate) max_record: usize,
    /// Its records' size before compression, header included, once sealed (0 until then):
    /// `compression-rate-avg` is the sealed size over this.
    pub(crate) uncompressed: usize,
    pub(crate) attempts: u32,
    pub(crate) retry_at: Option<Instant>,
    /// Handed to a connection at least once: a failure may then leave it written.
    pub(crate) sent: bool,
    /// The base sequence, once assigned (idempotence; written only by `idempotence.rs`).
    pub(crate) sequence: BatchSequence,
    /// The number of the transaction its records joined (0 without transactions).
    pub(crate) txn: u64,
    /// Why it could not be delivered yet (a failed attempt, or a partition without a usable
    /// leader): the cause a delivery timeout reports.
    pub(crate) last_error: Option<Arc<crate::error::Error>>,
}

impl ProducerBatch {
    /// The size of the records it holds, uncompressed.
    pub(crate) fn size(&self) -> usize {
        match &self.payload {
            Payload::Open(b) => b.uncompressed_size(),
            Payload::Built(b) => b.len(),
        }
    }
}

/// One partition's queue.
#[derive(Debug, Default)]
pub(crate) struct PartitionQueue {
    pub(crate) open: Option<ProducerBatch>,
    pub(crate) ready: VecDeque<ProducerBatch>,
    /// Batches of this partition sent and not yet answered.
    pub(crate) in_flight: usize,
    /// Sequence numbers (idempotence; written only by `idempotence.rs`).
    pub(crate) sequences: PartitionSequences,
    /// A batch failed and was queued again: until the queue is past it, send one at a time so
    /// order is kept.
    pub(crate) retrying: bool,
}

/// One topic's partitions.
#[derive(Debug)]
pub(crate) struct TopicQueues {
    pub(crate) name: Arc<str>,
    pub(crate) partitions: RwLock<Vec<Arc<Mutex<PartitionQueue>>>>,
    pub(crate) sticky: Sticky,
    /// When a record was last sent to it (ms since the epoch, the record's own timestamp
    /// clock): `metadata.max.idle.ms` counts from it.
    pub(crate) last_send_ms: std::sync::atomic::AtomicI64,
    /// The partition count as of a metadata generation (generation in the high 32 bits, count
    /// in the low; 0: none), so that a send looks the topic up in metadata only after metadata
    /// changed rather than once per record.
    partition_count: AtomicU64,
}

impl TopicQueues {
    /// The partition count cached for metadata `generation`, if that is the one cached.
    pub(crate) fn partition_count(&self, generation: u64) -> Option<i32> {
        let cached = self.partition_count.load(Ordering::Acquire);
        (cached >> 32 == generation & 0xffff_ffff && cached != 0).then_some(cached as u32 as i32)
    }

    /// Caches `count` as the partition count of metadata `generation` (read before the
    /// snapshot the count came from, so a change in between only makes the cache miss).
    pub(crate) fn cache_partition_count(&self, generation: u64, count: i32) {
        self.partition_count.store(((generation & 0xffff_ffff) << 32) | u64::from(count as u32), Ordering::Release);
    }

    /// Whether no record of it waits to be sent or answered.
    pub(crate) fn is_idle(&self) -> bool {
        self.partitions.read().unwrap_or_else(|p| p.into_inner()).iter().all(|q| {
            let q = q.lock().unwrap_or_else(|p| p.into_inner());
            q.open.is_none() && q.ready.is_empty() && q.in_flight == 0
        })
    }

    /// The queue of `partition`, growing the list if the topic gained partitions.
    pub(crate) fn partition(&self, partition: i32) -> Arc<Mutex<PartitionQueue>> {
        let index = partition.max(0) as usize;
        if let Some(q) = self.partitions.read().unwrap_or_else(|p| p.into_inner()).get(index) {
            return q.clone();
        }
        let mut partitions = self.partitions.write().unwrap_or_else(|p| p.into_inner());
        while partitions.len() <= index {
            partitions.push(Arc::default());
        }
        partitions[index].clone()
    }
}

/// All partitions' queues, and the counters flush and close wait on.
#[derive(Debug)]
pub(crate) struct Accumulator {
    topics: RwLock<HashMap<Arc<str>, Arc<TopicQueues>, foldhash::fast::RandomState>>,
    pub(crate) batch_size: usize,
    pub(crate) codec: Codec,
    /// Batches are marked transactional (the producer has a `transactional.id`).
    transactional: bool,
    pub(crate) memory: MemoryPool,
    /// Wakes the sender (a batch became ready, a flush began, the producer closes).
    pub(crate) wake: Notify,
    /// Flushes in progress: while non-zero every open batch is ready at once.
    pub(crate) flushing: AtomicUsize,
    pub(crate) closing: AtomicBool,
    /// Batches created and not yet completed, and a signal each time one completes.
    incomplete: AtomicUsize,
    pub(crate) completed: Notify,
    /// The producer's interceptors, when it has any: each batch then reports every record's
    /// outcome to them.
    acknowledgements: Option<ProducerInterceptors>,
}

impl Accumulator {
    pub(crate) fn new(batch_size: usize, codec: Codec, buffer_memory: usize, transactional: bool) -> Self {
        Accumulator {
            topics: RwLock::new(HashMap::default()),
            batch_size,
            codec,
            transactional,
            memory: MemoryPool::new(buffer_memory),
            wake: Notify::new(),
            flushing: AtomicUsize::new(0),
            closing: AtomicBool::new(false),
            incomplete: AtomicUsize::new(0),
            completed: Notify::new(),
            acknowledgements: None,
        }
    }

    /// Reports every record's outcome to `interceptors` (none installed: nothing is reported,
    /// and batches keep no per-record state).
    pub(crate) fn with_interceptors(mut self, interceptors: &ProducerInterceptors) -> Self {
        self.acknowledgements = (!interceptors.is_empty()).then(|| interceptors.clone());
        self
    }

    /// The queues of `topic`, created on first use.
    pub(crate) fn topic(&self, topic: &str) -> Arc<TopicQueues> {
        if let Some(t) = self.topics.read().unwrap_or_else(|p| p.into_inner()).get(topic) {
            return t.clone();
        }
        let mut topics = self.topics.write().unwrap_or_else(|p| p.into_inner());
        topics
            .entry(Arc::from(topic))
            .or_insert_with_key(|name| {
                Arc::new(TopicQueues {
                    name: name.clone(),
                    partitions: RwLock::new(Vec::new()),
                    sticky: Sticky::default(),
                    last_send_ms: std::sync::atomic::AtomicI64::new(i64::MAX),
                    partition_count: AtomicU64::new(0),
                })
            })
            .clone()
    }

    /// Every topic's queues.
    pub(crate) fn topics(&self) -> Vec<Arc<TopicQueues>> {
        self.topics.read().unwrap_or_else(|p| p.into_inner()).values().cloned().collect()
    }

    /// Encodes `record` into the open batch of `partition`, opening a new batch when it does not
    /// fit or belongs to another transaction than `txn`. `reserved` bytes of buffer memory
    /// travel with the record to its batch.
    pub(crate) fn append(
        &self,
        topic: &TopicQueues,
        partition: i32,
        record: &ProducerRecord<'_>,
        timestamp: i64,
        reserved: usize,
        txn: u64,
    ) -> Result<Delivery, Error> {
        let queue = topic.partition(partition);
        let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
        let fits = match &q.open {
            Some(open) => open.txn == txn && (open.size() + reserved <= self.batch_size || open.records == 0),
            None => false,
        };
        // The sender must learn of a new batch to schedule its linger deadline, and of a closed
        // one to send it.
        let mut wake = false;
        if !fits {
            wake = true;
            if let Some(full) = q.open.take() {
                q.ready.push_back(full);
            }
            let completion = match &self.acknowledgements {
                None => Completion::new(topic.name.clone(), partition),
                Some(hooks) => Completion::reporting(topic.name.clone(), partition, hooks.clone()),
            };
            self.incomplete.fetch_add(1, Ordering::AcqRel);
            q.open = Some(ProducerBatch {
                payload: Payload::Open(
                    RecordBatchBuilder::with_capacity(self.codec, self.batch_size.max(reserved))
                        .with_transactional(self.transactional),
                ),
                completion,
                created: Instant::now(),
                reserved: 0,
                records: 0,
                max_record: 0,
                uncompressed: 0,
                attempts: 0,
                retry_at: None,
                sent: false,
                last_error: None,
                sequence: BatchSequence::default(),
                txn,
            });
        }
        let open = q.open.as_mut().expect("an open batch exists: created just above if missing");
        let Payload::Open(builder) = &mut open.payload else { unreachable!("open batches hold a builder") };
        // One monomorphic call per header form, so the pairs path stays what it always was.
        let appended = match record.headers {
            RecordHeaders::Pairs(p) => {
                builder.append_with_headers(timestamp, record.key, record.value, p.iter().map(|(k, v)| (*k, *v)))
            }
            RecordHeaders::Built(h) => builder.append_with_headers(timestamp, record.key, record.value, h.borrowed()),
        };
        appended.map_err(|e| {
            Error::kafka(
                kfk_protocol::ErrorCode::INVALID_RECORD,
                Some(e.to_string()),
                ErrorContext::default().with_partition(&*topic.name, partition),
            )
        })?;
        let offset_delta = open.records;
        open.completion.note_timestamp(timestamp);
        open.records += 1;
        open.reserved += reserved;
        open.max_record = open.max_record.max(reserved);
        let delivery = Delivery::new(open.completion.clone(), offset_delta, timestamp);
        let full = open.size() >= self.batch_size;
        if full {
            if let Some(full) = q.open.take() {
                q.ready.push_back(full);
                wake = true;
            }
        }
        drop(q);
        if wake {
            self.wake.notify_one();
        }
        Ok(delivery)
    }

    /// Marks a batch completed: returns its memory and wakes flush waiters.
    pub(crate) fn finish(&self, batch: &ProducerBatch) {
        self.memory.release(batch.reserved);
        self.incomplete.fetch_sub(1, Ordering::AcqRel);
        self.completed.notify_waiters();
    }

    /// After a new producer id or epoch: every partition's sequences start again at 0, and
    /// queued batches get new sequences when next sent (`idempotence.rs` does the writing).
    pub(crate) fn restart_sequences(&self) {
        for topic in self.topics() {
            for queue in topic.partitions.read().unwrap_or_else(|p| p.into_inner()).iter() {
                let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
                q.sequences.restart();
                for batch in q.ready.iter_mut() {
                    batch.sequence.forget();
                }
            }
        }
    }

    /// Batches created and not yet completed.
    pub(crate) fn incomplete(&self) -> usize {
        self.incomplete.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use kfk_protocol::compression::Compression;

    use super::*;

    fn accumulator(batch_size: usize) -> Accumulator {
        Accumulator::new(batch_size, Codec::new(Compression::None), 1 << 20, false)
    }

    #[test]
    fn a_cached_partition_count_holds_for_its_metadata_generation_only() {
        let acc = accumulator(1024);
        let topic = acc.topic("t");
        assert_eq!(topic.partition_count(1), None, "nothing cached yet");
        topic.cache_partition_count(7, 6);
        assert_eq!(topic.partition_count(7), Some(6));
        assert_eq!(topic.partition_count(8), None, "metadata changed since");
        topic.cache_partition_count(8, 12);
        assert_eq!(topic.partition_count(8), Some(12));
        assert_eq!(topic.partition_count(7), None);
    }

    fn append(acc: &Accumulator, topic: &TopicQueues, value: &[u8], txn: u64) {
        let record = ProducerRecord::new("t").value(value);
        acc.append(topic, 0, &record, 0, value.len(), txn).expect("appended");
    }

    fn queue(topic: &TopicQueues) -> Arc<Mutex<PartitionQueue>> {
        topic.partition(0)
    }

    #[test]
    fn records_share_a_batch_until_it_is_full() {
        let acc = accumulator(200);
        let topic = acc.topic("t");
        append(&acc, &topic, &[1; 40], 0);
        append(&acc, &topic, &[2; 40], 0);
        {
            let q = queue(&topic);
            let q = q.lock().unwrap();
            assert_eq!(q.open.as_ref().map(|b| b.records), Some(2));
            assert!(q.ready.is_empty(), "not full yet: it lingers");
        }
        for _ in 0..4 {
            append(&acc, &topic, &[3; 40], 0);
        }
        let q = queue(&topic);
        let q = q.lock().unwrap();
        assert!(!q.ready.is_empty(), "a full batch is ready for the sender");
        let records: u32 = q.ready.iter().chain(q.open.as_ref()).map(|b| b.records).sum();
        assert_eq!(records, 6, "every record is in exactly one batch");
        assert_eq!(acc.incomplete(), q.ready.len() + usize::from(q.open.is_some()));
    }

    #[test]
    fn a_record_larger_than_a_batch_gets_a_batch_of_its_own() {
        let acc = accumulator(100);
        let topic = acc.topic("t");
        append(&acc, &topic, &[1; 10], 0);
        append(&acc, &topic, &[2; 500], 0);
        let q = queue(&topic);
        let q = q.lock().unwrap();
        let records: Vec<u32> = q.ready.iter().chain(q.open.as_ref()).map(|b| b.records).collect();
        assert_eq!(records, vec![1, 1], "{records:?}");
    }

    #[test]
    fn a_record_of_another_transaction_opens_a_new_batch() {
        let acc = accumulator(1 << 16);
        let topic = acc.topic("t");
        append(&acc, &topic, b"a", 1);
        append(&acc, &topic, b"b", 1);
        append(&acc, &topic, b"c", 2);
        let q = queue(&topic);
        let q = q.lock().unwrap();
        assert_eq!(q.ready.iter().map(|b| (b.txn, b.records)).collect::<Vec<_>>(), vec![(1, 2)]);
        assert_eq!(q.open.as_ref().map(|b| (b.txn, b.records)), Some((2, 1)));
    }

    #[test]
    fn a_finished_batch_returns_its_memory_and_is_no_longer_incomplete() {
        let acc = accumulator(1 << 16);
        assert!(acc.memory.try_reserve(10));
        let topic = acc.topic("t");
        append(&acc, &topic, &[0; 10], 0);
        assert_eq!((acc.incomplete(), acc.memory.used()), (1, 10));
        let batch = queue(&topic).lock().unwrap().open.take().expect("the open batch");
        acc.finish(&batch);
        assert_eq!((acc.incomplete(), acc.memory.used()), (0, 0));
    }

    #[test]
    fn a_topic_gaining_partitions_gets_their_queues() {
        let acc = accumulator(1 << 16);
        let topic = acc.topic("t");
        let _ = topic.partition(3);
        assert_eq!(topic.partitions.read().unwrap().len(), 4);
        assert!(Arc::ptr_eq(&acc.topic("t"), &topic), "one queue set per topic");
    }
}
