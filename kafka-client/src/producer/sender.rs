//! The sender task: the one background task of a producer. It drains ready batches, groups them
//! by partition leader into Produce requests, keeps up to `max.in.flight.requests.per.connection`
//! requests in flight per broker, and settles every batch: delivered, retried, or failed.
//!
//! It drives the idempotence state (`idempotence.rs`: producer id, epoch, sequences): a batch
//! gets its sequence when first drained, so sequences follow send order per partition. When a batch must be
//! retried, its partition falls back to one batch in flight until the retried ones are through,
//! which keeps records in order. An epoch bump (KIP-360, after UNKNOWN_PRODUCER_ID or an
//! unrecoverable sequence gap) waits for all requests in flight, then resets every partition's
//! sequence; batches already built are rewritten with the new producer state before resending.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{FuturesUnordered, StreamExt};
use kfk_protocol::messages::produce::request::{PartitionProduceData, TopicProduceData};
use kfk_protocol::messages::{
    AddPartitionsToTxnResponse, ApiKey, InitProducerIdRequest, ProduceRequest, ProduceResponse,
};
use kfk_protocol::records::with_producer_state;
use kfk_protocol::ErrorCode;
use tracing::{debug, warn};

use super::accumulator::{PartitionQueue, Payload, ProducerBatch, TopicQueues};
use super::delivery::{Delivered, Persistence};
use super::idempotence::ProducerIdentity;
use super::transaction::{add_partitions_error, AddPartitions, ADD_PARTITIONS_MAX_V1};
use super::Shared;
use crate::cluster::CoordinatorType;
use crate::config::Acks;
use crate::error::TransactionError;
use crate::error::{Error, ErrorContext};

/// A batch in a request, with where it goes back on failure.
struct InFlight {
    topic: Arc<TopicQueues>,
    partition: i32,
    batch: ProducerBatch,
}

enum Event {
    Produced {
        node: i32,
        batches: Vec<InFlight>,
        result: Result<Option<ProduceResponse>, Error>,
    },
    Refreshed,
    ProducerId(Result<(i64, i16), Error>),
    /// The answer to AddPartitionsToTxn, from the coordinator that gave it.
    PartitionsAdded {
        number: u64,
        partitions: Vec<(Arc<str>, i32)>,
        result: Result<AddPartitionsToTxnResponse, Error>,
    },
}

type EventFuture = Pin<Box<dyn Future<Output = Event> + Send>>;

pub(crate) struct Sender {
    shared: Arc<Shared>,
    in_flight: FuturesUnordered<EventFuture>,
    node_in_flight: HashMap<i32, usize>,
    requests_in_flight: usize,
    refreshing: bool,
    /// Metadata refreshes are spaced by `retry.backoff.ms`, like the Java client's.
    next_refresh: Option<Instant>,
    idempotence: ProducerIdentity,
}

impl Sender {
    pub(crate) fn new(shared: Arc<Shared>) -> Self {
        Sender {
            shared,
            in_flight: FuturesUnordered::new(),
            node_in_flight: HashMap::new(),
            requests_in_flight: 0,
            refreshing: false,
            next_refresh: None,
            idempotence: ProducerIdentity::default(),
        }
    }

    fn idempotent(&self) -> bool {
        self.shared.config.enable_idempotence
    }

    /// Runs until the producer is closed and every batch is settled (or aborted).
    pub(crate) async fn run(mut self) {
        loop {
            let now = Instant::now();
            self.maybe_init_producer_id(now);
            let next_wake = self.drain(now);
            let acc = &self.shared.accumulator;
            if self.shared.aborted() {
                self.abort_all();
                if self.in_flight.is_empty() {
                    return;
                }
            } else if acc.closing.load(std::sync::atomic::Ordering::SeqCst)
                && acc.incomplete() == 0
                && self.in_flight.is_empty()
            {
                return;
            }
            // A failed InitProducerId is retried after its backoff even if nothing else wakes us.
            let future = |t: Option<Instant>| t.filter(|&t| t > now);
            let add_retry = self.shared.txn.as_ref().and_then(|t| t.next_add_at());
            let next_wake =
                [next_wake, future(self.idempotence.retry_at()), future(self.next_refresh), future(add_retry)]
                    .into_iter()
                    .flatten()
                    .min();
            let sleep_until = next_wake.unwrap_or(now + Duration::from_secs(3600));
            tokio::select! {
                _ = acc.wake.notified() => {}
                _ = tokio::time::sleep_until(sleep_until.into()) => {}
                Some(event) = self.in_flight.next(), if !self.in_flight.is_empty() => self.handle(event),
            }
        }
    }

    fn maybe_init_producer_id(&mut self, now: Instant) {
        // A transactional producer gets its id from init_transactions.
        if !self.shared.config.enable_idempotence || self.shared.txn.is_some() {
            return;
        }
        let records_waiting = self.shared.accumulator.incomplete() > 0;
        let Some((producer_id, producer_epoch)) =
            self.idempotence.request_due(now, self.requests_in_flight, records_waiting)
        else {
            return;
        };
        let cluster = self.shared.cluster.clone();
        let request = InitProducerIdRequest {
            transactional_id: None,
            transaction_timeout_ms: i32::MAX,
            producer_id,
            producer_epoch,
            ..Default::default()
        };
        self.in_flight.push(Box::pin(async move {
            let result = cluster.send_any(&request).await.and_then(|r| match ErrorCode(r.error_code).err() {
                None => Ok((r.producer_id, r.producer_epoch)),
                Some(code) => Err(Error::kafka(code, None, "InitProducerId")),
            });
            Event::ProducerId(result)
        }));
    }

    /// Moves due batches into Produce requests. Returns when it next has something to do.
    fn drain(&mut self, now: Instant) -> Option<Instant> {
        let shared = self.shared.clone();
        let config = &shared.config;
        let acc = &shared.accumulator;
        let metadata = shared.cluster.metadata();
        let flushing = acc.flushing.load(std::sync::atomic::Ordering::SeqCst) > 0
            || acc.closing.load(std::sync::atomic::Ordering::SeqCst);
        let txn = shared.txn.as_ref();
        if let Some(failure) = txn.and_then(|t| t.undrained_failure()) {
            // The transaction is being aborted or failed: nothing more of it may be sent.
            self.fail_queued(failure);
            return None;
        }
        let producer = if let Some(txn) = txn {
            txn.producer_for_send()
        } else if self.idempotent() {
            self.idempotence.for_send()
        } else {
            Some((-1, -1))
        };
        let mut next_wake: Option<Instant> = None;
        let mut wake_at = |t: Instant| next_wake = Some(next_wake.map_or(t, |w: Instant| w.min(t)));
        let mut requests: HashMap<i32, (Vec<InFlight>, usize)> = HashMap::new();
        let mut need_refresh = false;

        for topic in acc.topics() {
            let partitions: Vec<_> = topic.partitions.read().unwrap_or_else(|p| p.into_inner()).clone();
            for (index, queue) in partitions.iter().enumerate() {
                let partition = index as i32;
                let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(open) = &q.open {
                    if flushing || open.created + config.linger <= now {
                        if let Some(batch) = q.open.take() {
                            q.ready.push_back(batch);
                        }
                    } else {
                        wake_at(open.created + config.linger);
                    }
                }
                if let Some(t) = txn {
                    self.fail_stale(&mut q, t.sending());
                }
                self.expire(&mut q, now);
                if q.retrying && q.in_flight == 0 && !q.ready.iter().any(|b| b.attempts > 0) {
                    q.retrying = false;
                }
                let Some(front) = q.ready.front() else { continue };
                // Expiry is checked again when the batch's delivery timeout passes, even if its
                // retry backoff ends later.
                wake_at(front.created + config.delivery_timeout);
                if let Some(at) = front.retry_at.filter(|&t| t > now) {
                    wake_at(at);
                    continue;
                }
                let Some((producer_id, producer_epoch)) = producer else { continue };
                if txn.is_some_and(|t| !t.ready_to_send(&topic.name, partition)) {
                    continue;
                }
                let leader = match metadata.partition(&topic.name, partition) {
                    // A leader the metadata names but does not list (its broker restarting):
                    // nothing to connect to until a refresh lists it or moves the partition.
                    Some(p) if p.leader >= 0 && metadata.brokers.contains_key(&p.leader) => p.leader,
                    found => {
                        need_refresh = true;
                        if let Some(front) = q.ready.front_mut().filter(|b| b.last_error.is_none()) {
                            let reason = match found {
                                Some(p) if p.leader >= 0 => Error::UnknownBroker { node: p.leader },
                                Some(p) => Error::kafka(
                                    if p.error.is_ok() { ErrorCode::LEADER_NOT_AVAILABLE } else { p.error },
                                    None,
                                    ErrorContext::default().with_partition(&*topic.name, partition),
                                ),
                                None => Error::kafka(
                                    ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                                    None,
                                    format!("{}-{partition}", topic.name),
                                ),
                            };
                            front.last_error = Some(Arc::new(reason));
                        }
                        continue;
                    }
                };
                if q.in_flight >= in_flight_limit(&q, self.idempotent(), config.max_in_flight) {
                    continue;
                }
                let node_busy = self.node_in_flight.get(&leader).copied().unwrap_or(0) >= config.max_in_flight;
                if node_busy {
                    continue;
                }
                let (batches, bytes) = requests.entry(leader).or_default();
                let size = front.size();
                if !batches.is_empty() && *bytes + size > config.max_request_size {
                    continue;
                }
                let Some(mut batch) = q.ready.pop_front() else { continue };
                if let Err(error) = self.seal(&mut q, &mut batch, producer_id, producer_epoch) {
                    let failure = batch.completion.failure(Persistence::NotWritten, Arc::new(error));
                    self.shared.fail(&batch, failure);
                    continue;
                }
                *bytes += batch.size();
                q.in_flight += 1;
                batches.push(InFlight { topic: topic.clone(), partition, batch });
            }
        }
        if need_refresh {
            self.refresh();
        }
        if let Some(add) = txn.and_then(|t| t.take_add_request(now)) {
            self.add_partitions(add);
        }
        for (node, (batches, _)) in requests {
            if !batches.is_empty() {
                self.send(node, batches, &metadata);
            }
        }
        next_wake
    }

    /// Fails queued batches whose delivery timeout has passed (front first, keeping order).
    fn expire(&self, q: &mut PartitionQueue, now: Instant) {
        let timeout = self.shared.config.delivery_timeout;
        while q.ready.front().is_some_and(|b| b.created + timeout <= now) {
            let Some(batch) = q.ready.pop_front() else { break };
            let persistence = if batch.sent { Persistence::MaybeWritten } else { Persistence::NotWritten };
            let error = delivery_timeout(&batch, timeout, now, batch.last_error.as_deref());
            let failure = batch.completion.failure(persistence, Arc::new(error));
            self.shared.fail(&batch, failure);
        }
    }

    /// Assigns the sequence (first send) and produces the batch's final bytes.
    fn seal(
        &self,
        q: &mut PartitionQueue,
        batch: &mut ProducerBatch,
        producer_id: i64,
        epoch: i16,
    ) -> Result<(), Error> {
        let idempotent = self.idempotent();
        let needs_sequence = idempotent && batch.sequence.get().is_none();
        let sequence = if idempotent { q.sequences.assign(&mut batch.sequence, batch.records) } else { -1 };
        let payload = std::mem::replace(&mut batch.payload, Payload::Built(bytes::Bytes::new()));
        batch.payload = match payload {
            Payload::Open(mut builder) => {
                if idempotent {
                    builder.set_producer_state(producer_id, epoch, sequence);
                }
                batch.uncompressed = builder.uncompressed_size();
                Payload::Built(
                    builder.build().map_err(|e| {
                        Error::kafka(ErrorCode::INVALID_RECORD, Some(e.to_string()), batch_context(batch))
                    })?,
                )
            }
            Payload::Built(bytes) if needs_sequence => Payload::Built(
                with_producer_state(&bytes, producer_id, epoch, sequence)
                    .map_err(|e| Error::kafka(ErrorCode::INVALID_RECORD, Some(e.to_string()), batch_context(batch)))?,
            ),
            built => built,
        };
        Ok(())
    }

    /// Registers partitions with the transaction coordinator (finding it first if needed).
    fn add_partitions(&mut self, add: AddPartitions) {
        let cluster = self.shared.cluster.clone();
        let Some(txn_id) = self.shared.txn.as_ref().map(|t| t.id.clone()) else { return };
        let AddPartitions { request, partitions, number } = add;
        debug!(transactional_id = %txn_id, partitions = partitions.len(), "adding partitions to the transaction");
        self.in_flight.push(Box::pin(async move {
            let code_error;
            let result = async {
                let (_, conn) = cluster.coordinator(CoordinatorType::Transaction, &txn_id).await?;
                let version = conn.version_for(ApiKey::AddPartitionsToTxn)?.min(ADD_PARTITIONS_MAX_V1);
                conn.send_at(&request, version).await
            }
            .await;
            let failed = match &result {
                Err(e) => Some(e),
                Ok(response) => {
                    code_error = add_partitions_error(response).map(|(code, _)| {
                        Error::kafka(
                            code,
                            None,
                            ErrorContext::request(ApiKey::AddPartitionsToTxn).with_transactional_id(&*txn_id),
                        )
                    });
                    code_error.as_ref()
                }
            };
            if let Some(e) = failed {
                cluster.coordinator_failed(CoordinatorType::Transaction, &txn_id, e);
            }
            Event::PartitionsAdded { number, partitions, result }
        }));
    }

    fn refresh(&mut self) {
        if self.refreshing || self.next_refresh.is_some_and(|t| t > Instant::now()) {
            return;
        }
        self.refreshing = true;
        let cluster = self.shared.cluster.clone();
        self.in_flight.push(Box::pin(async move {
            if let Err(e) = cluster.refresh().await {
                debug!(error = %e, "metadata refresh failed");
            }
            Event::Refreshed
        }));
    }

    fn send(&mut self, node: i32, batches: Vec<InFlight>, metadata: &crate::cluster::Metadata) {
        let config = &self.shared.config;
        let mut topics: Vec<TopicProduceData> = Vec::new();
        for item in &batches {
            let Payload::Built(bytes) = &item.batch.payload else { continue };
            let data =
                PartitionProduceData { index: item.partition, records: Some(bytes.clone()), ..Default::default() };
            match topics.iter_mut().find(|t| t.name == *item.topic.name) {
                Some(t) => t.partition_data.push(data),
                None => topics.push(TopicProduceData {
                    name: item.topic.name.to_string(),
                    topic_id: metadata.topic(&item.topic.name).map(|t| t.id).unwrap_or_default(),
                    partition_data: vec![data],
                    ..Default::default()
                }),
            }
        }
        let transactional_id = self.shared.txn.as_ref().map(|t| t.id.clone());
        let version_cap = self.shared.txn.as_ref().map_or(i16::MAX, |t| t.produce_version_cap());
        let request = ProduceRequest {
            transactional_id,
            acks: config.acks.wire(),
            timeout_ms: config.common.request_timeout.as_millis().min(i32::MAX as u128) as i32,
            topic_data: topics,
            ..Default::default()
        };
        let mut batches = batches;
        for b in &mut batches {
            b.batch.sent = true;
        }
        self.shared.sensors.request_sent(batches.iter().map(|b| &b.batch));
        *self.node_in_flight.entry(node).or_default() += 1;
        self.requests_in_flight += 1;
        let cluster = self.shared.cluster.clone();
        let acks = config.acks;
        let request_timeout = config.common.request_timeout;
        // The request's batches must be settled by the first of their delivery deadlines: the
        // connection is awaited only until then, and the request's own timeout is the shorter
        // of request.timeout.ms and the time left, so a batch whose deadline passes in flight
        // is reported at that deadline.
        let deadline = batches.iter().map(|b| b.batch.created + config.delivery_timeout).min();
        self.in_flight.push(Box::pin(async move {
            let result = async {
                let deadline = deadline.unwrap_or_else(|| Instant::now() + request_timeout);
                let started = Instant::now();
                let conn = match tokio::time::timeout_at(deadline.into(), cluster.connection(node)).await {
                    Ok(conn) => conn?,
                    Err(_) => {
                        return Err(Error::Timeout {
                            what: format!("a connection to broker {node} for Produce (delivery.timeout.ms)"),
                            after: started.elapsed(),
                        })
                    }
                };
                let version = conn.version_for(ApiKey::Produce)?.min(version_cap);
                if acks == Acks::None {
                    conn.send_without_response(&request, version)?;
                    Ok(None)
                } else {
                    let timeout = request_timeout.min(deadline.saturating_duration_since(Instant::now()));
                    conn.send_at_with_timeout(&request, version, timeout).await.map(Some)
                }
            }
            .await;
            Event::Produced { node, batches, result }
        }));
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::PartitionsAdded { number, partitions, result } => {
                if let Some(txn) = &self.shared.txn {
                    txn.on_added(number, partitions, result, &self.shared.config.common.retry_backoff);
                }
            }
            Event::Refreshed => {
                self.refreshing = false;
                self.next_refresh = Some(Instant::now() + self.shared.config.common.retry_backoff.delay(0));
            }
            Event::ProducerId(result) => {
                match result {
                    Ok((id, epoch)) => {
                        debug!(producer_id = id, epoch, bumped = self.idempotence.bump_pending(), "producer id");
                        if self.idempotence.granted((id, epoch)) {
                            self.shared.accumulator.restart_sequences();
                        }
                    }
                    Err(e) => {
                        let delay = self.idempotence.refused(Instant::now(), &self.shared.config.common.retry_backoff);
                        warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "InitProducerId failed");
                        if !e.is_retriable() {
                            // Nothing can be sent without a producer id: fail what waits.
                            self.fail_queued(Arc::new(e));
                        }
                    }
                }
            }
            Event::Produced { node, batches, result } => {
                if let Some(n) = self.node_in_flight.get_mut(&node) {
                    *n = n.saturating_sub(1);
                }
                self.requests_in_flight -= 1;
                match result {
                    Ok(Some(response)) => {
                        self.shared.sensors.throttled(response.throttle_time_ms);
                        self.settle(batches, &response)
                    }
                    Ok(None) => {
                        for item in batches {
                            self.complete(item, Delivered { base_offset: -1, log_append_time: -1 });
                        }
                    }
                    Err(e) => {
                        debug!(node, error = %e, "produce request failed");
                        let e = Arc::new(e);
                        self.refresh();
                        for item in batches {
                            self.retry_or_fail(item, e.clone(), Persistence::MaybeWritten, false);
                        }
                    }
                }
            }
        }
    }

    fn settle(&mut self, batches: Vec<InFlight>, response: &ProduceResponse) {
        for item in batches {
            let topic_id = self.topic_id(&item.topic.name);
            let found = response
                .responses
                .iter()
                .filter(|t| t.name == *item.topic.name || (t.name.is_empty() && Some(t.topic_id) == topic_id))
                .find_map(|t| t.partition_responses.iter().find(|p| p.index == item.partition));
            let Some(p) = found else {
                let e = Error::kafka(
                    ErrorCode::NETWORK_EXCEPTION,
                    Some("partition missing from the response".into()),
                    ErrorContext::request(ApiKey::Produce).with_partition(&*item.topic.name, item.partition),
                );
                self.retry_or_fail(item, Arc::new(e), Persistence::MaybeWritten, false);
                continue;
            };
            let code = ErrorCode(p.error_code);
            if code.is_ok() || code == ErrorCode::DUPLICATE_SEQUENCE_NUMBER {
                self.complete(item, Delivered { base_offset: p.base_offset, log_append_time: p.log_append_time_ms });
                continue;
            }
            let context = ErrorContext::request(ApiKey::Produce).with_partition(&*item.topic.name, item.partition);
            let error = Arc::new(Error::kafka(code, p.error_message.clone(), context));
            match code {
                ErrorCode::NOT_LEADER_OR_FOLLOWER
                | ErrorCode::LEADER_NOT_AVAILABLE
                | ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
                | ErrorCode::FENCED_LEADER_EPOCH
                | ErrorCode::UNKNOWN_LEADER_EPOCH
                | ErrorCode::KAFKA_STORAGE_ERROR
                | ErrorCode::UNKNOWN_TOPIC_ID => {
                    self.refresh();
                    self.retry_or_fail(item, error, Persistence::NotWritten, false);
                }
                ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER if self.idempotent() => {
                    let transactional = self.shared.txn.is_some();
                    // Responses of different requests may be handled in any order: what matters
                    // is whether an earlier batch of the partition is still unacknowledged (it
                    // failed, or its answer is not handled yet). Then this batch follows it again.
                    let earlier_unacknowledged = {
                        let queue = item.topic.partition(item.partition);
                        let q = queue.lock().unwrap_or_else(|p| p.into_inner());
                        q.sequences.earlier_unacknowledged(item.batch.sequence)
                    };
                    match earlier_unacknowledged {
                        // An earlier batch is unacknowledged (failed, or its answer not handled
                        // yet): this one goes again after it.
                        true => self.retry_or_fail(item, error, Persistence::NotWritten, true),
                        false => {
                            // The broker is past this batch (or lost track): it can never be
                            // written in order any more. Fail it and start a new epoch (a
                            // transactional producer does so when the transaction is aborted).
                            warn!(topic = %item.topic.name, partition = item.partition, "sequence gap; bumping the producer epoch");
                            if !transactional {
                                self.idempotence.bump();
                            }
                            self.fail_batch(item, error, Persistence::NotWritten);
                        }
                    }
                }
                ErrorCode::UNKNOWN_PRODUCER_ID if self.idempotent() && self.shared.txn.is_none() => {
                    // The broker lost this producer's state (e.g. retention removed it): a new
                    // epoch restarts sequences, and the batch is sent again under it.
                    self.idempotence.bump();
                    let mut item = item;
                    item.batch.sequence.forget();
                    self.retry_or_fail(
                        item,
                        Arc::new(Error::kafka(code, p.error_message.clone(), "Produce")),
                        Persistence::NotWritten,
                        true,
                    );
                }
                _ => self.retry_or_fail(item, error, Persistence::NotWritten, false),
            }
        }
    }

    fn topic_id(&self, topic: &str) -> Option<kfk_protocol::Uuid> {
        self.shared.cluster.metadata().topic(topic).map(|t| t.id)
    }

    fn complete(&self, item: InFlight, delivered: Delivered) {
        {
            let queue = item.topic.partition(item.partition);
            let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
            q.in_flight = q.in_flight.saturating_sub(1);
            q.sequences.acknowledged(item.batch.sequence, item.batch.records);
        }
        item.batch.completion.complete(Ok(delivered));
        self.shared.accumulator.finish(&item.batch);
    }

    fn fail_batch(&self, item: InFlight, error: Arc<Error>, persistence: Persistence) {
        {
            let queue = item.topic.partition(item.partition);
            let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
            q.in_flight = q.in_flight.saturating_sub(1);
        }
        let failure = item.batch.completion.failure(persistence, error);
        self.shared.fail(&item.batch, failure);
    }

    /// Queues the batch again (in sequence order) if its error is retriable and it has time and
    /// attempts left; fails it otherwise. `persistence` says what a failure now would mean.
    /// `always_retriable` marks errors that are retriable in this situation although their
    /// code is not in general.
    fn retry_or_fail(&self, item: InFlight, error: Arc<Error>, persistence: Persistence, always_retriable: bool) {
        let config = &self.shared.config;
        let now = Instant::now();
        let InFlight { topic, partition, mut batch } = item;
        let queue = topic.partition(partition);
        let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
        q.in_flight = q.in_flight.saturating_sub(1);
        let retriable = always_retriable || error.is_retriable();
        let in_time = batch.created + config.delivery_timeout > now;
        // A retriable failure past the deadline is a delivery timeout, with the failure as cause.
        let error = if retriable && !in_time {
            Arc::new(delivery_timeout(&batch, config.delivery_timeout, now, Some(&error)))
        } else {
            error
        };
        if retriable && in_time && batch.attempts < config.retries && !self.shared.aborted() {
            batch.last_error = Some(error.clone());
            batch.retry_at = Some(now + config.common.retry_backoff.delay(batch.attempts));
            batch.attempts += 1;
            self.shared.sensors.retried(&batch.completion.topic, batch.records);
            // Keep sequence order: a retried batch goes before every later one of its partition.
            let position = retry_position(&q.ready, batch.sequence.get());
            q.ready.insert(position, batch);
            q.retrying = true;
            drop(q);
            debug!(topic = %topic.name, partition, error = %error, "batch will be retried");
            self.shared.accumulator.wake.notify_one();
        } else {
            drop(q);
            // A batch that was sent and then lost may be in the log even if the last answer
            // was a clean rejection of a retry.
            let persistence = final_persistence(&batch, persistence);
            let failure = batch.completion.failure(persistence, error);
            self.shared.fail(&batch, failure);
        }
    }

    /// Fails the queued batches of transactions other than `sending`: records that joined a
    /// transaction as it was ending. Their deliveries say so; they are no failure of the
    /// current transaction, so they neither make it abortable nor count for its flush.
    fn fail_stale(&self, q: &mut PartitionQueue, sending: u64) {
        while q.ready.front().is_some_and(|b| b.txn != sending) {
            let Some(batch) = q.ready.pop_front() else { break };
            let persistence = if batch.sent { Persistence::MaybeWritten } else { Persistence::NotWritten };
            debug!(topic = %batch.completion.topic, partition = batch.completion.partition, records = batch.records, "records of an ended transaction not sent");
            let error = Arc::new(Error::Transaction(TransactionError::Ended));
            batch.completion.complete(Err(batch.completion.failure(persistence, error)));
            self.shared.accumulator.finish(&batch);
        }
    }

    fn fail_queued(&self, error: Arc<Error>) {
        for topic in self.shared.accumulator.topics() {
            for queue in topic.partitions.read().unwrap_or_else(|p| p.into_inner()).iter() {
                let drained: Vec<ProducerBatch> = {
                    let mut q = queue.lock().unwrap_or_else(|p| p.into_inner());
                    let mut all: Vec<ProducerBatch> = q.ready.drain(..).collect();
                    all.extend(q.open.take());
                    all
                };
                for batch in drained {
                    let persistence = if batch.sent { Persistence::MaybeWritten } else { Persistence::NotWritten };
                    let failure = batch.completion.failure(persistence, error.clone());
                    self.shared.fail(&batch, failure);
                }
            }
        }
    }

    fn abort_all(&self) {
        self.fail_queued(Arc::new(Error::Closed));
    }
}

/// How many batches of a partition may be in flight: one while a retried batch is not through
/// (order), or, with idempotence, until a batch of the current epoch is acknowledged (a broker
/// accepts any first sequence from a producer it does not know, so a later batch arriving first
/// would leave a gap); else `max.in.flight.requests.per.connection`.
fn in_flight_limit(q: &PartitionQueue, idempotent: bool, max_in_flight: usize) -> usize {
    if q.retrying || (idempotent && !q.sequences.confirmed()) {
        1
    } else {
        max_in_flight
    }
}

/// Where a retried batch goes back in its partition's queue: before every batch with a later
/// sequence (or none yet), so sequences leave in order; a batch without a sequence goes first.
fn retry_position(ready: &VecDeque<ProducerBatch>, sequence: Option<i32>) -> usize {
    match sequence {
        Some(seq) => ready.iter().position(|b| b.sequence.get().is_none_or(|s| s > seq)).unwrap_or(ready.len()),
        None => 0,
    }
}

/// What a batch's failure means for its records: a batch that was sent and then lost may be in
/// the log even if the last answer was a clean rejection of a retry.
fn final_persistence(batch: &ProducerBatch, persistence: Persistence) -> Persistence {
    if batch.sent && (persistence == Persistence::MaybeWritten || batch.attempts > 0) {
        Persistence::MaybeWritten
    } else {
        persistence
    }
}

/// The error of a batch whose `delivery.timeout.ms` passed at `now`: it says how long the batch
/// actually waited, and the last failure if there was one.
fn delivery_timeout(batch: &ProducerBatch, timeout: Duration, now: Instant, last: Option<&Error>) -> Error {
    Error::Timeout {
        what: format!(
            "delivering {} record(s) to {}-{} (delivery.timeout.ms = {timeout:?}){}",
            batch.records,
            batch.completion.topic,
            batch.completion.partition,
            last.map(|e| format!("; last error: {e}")).unwrap_or_default()
        ),
        after: now.saturating_duration_since(batch.created),
    }
}

/// The context of an error about `batch`'s records.
fn batch_context(batch: &ProducerBatch) -> ErrorContext {
    ErrorContext::request(ApiKey::Produce).with_partition(&*batch.completion.topic, batch.completion.partition)
}

#[cfg(test)]
mod tests {
    use kfk_protocol::records::RecordBatchBuilder;

    use super::*;
    use crate::producer::delivery::Completion;

    fn batch(sequence: Option<i32>) -> ProducerBatch {
        let mut batch = ProducerBatch {
            payload: Payload::Open(RecordBatchBuilder::new(kfk_protocol::compression::Compression::None)),
            completion: Completion::new(Arc::from("t"), 0),
            created: Instant::now(),
            reserved: 0,
            records: 2,
            max_record: 0,
            uncompressed: 0,
            attempts: 0,
            retry_at: None,
            sent: false,
            sequence: Default::default(),
            txn: 0,
            last_error: None,
        };
        if let Some(s) = sequence {
            crate::producer::idempotence::PartitionSequences::starting_at(s).assign(&mut batch.sequence, 2);
        }
        batch
    }

    #[test]
    fn a_partition_sends_one_batch_at_a_time_while_retrying_or_unconfirmed() {
        let mut q = PartitionQueue::default();
        assert_eq!(in_flight_limit(&q, false, 5), 5);
        assert_eq!(in_flight_limit(&q, true, 5), 1, "idempotent and no batch of the epoch acknowledged");
        let mut first = Default::default();
        q.sequences.assign(&mut first, 1);
        q.sequences.acknowledged(first, 1);
        assert_eq!(in_flight_limit(&q, true, 5), 5);
        q.retrying = true;
        assert_eq!(in_flight_limit(&q, true, 5), 1, "a retried batch goes through alone");
        assert_eq!(in_flight_limit(&q, false, 5), 1);
    }

    #[test]
    fn a_retried_batch_goes_back_before_every_later_sequence() {
        let ready: VecDeque<ProducerBatch> = [Some(4), Some(8), None].into_iter().map(batch).collect();
        assert_eq!(ready.iter().map(|b| b.sequence.get()).collect::<Vec<_>>(), vec![Some(4), Some(8), None]);
        assert_eq!(retry_position(&ready, Some(2)), 0);
        assert_eq!(retry_position(&ready, Some(6)), 1);
        assert_eq!(retry_position(&ready, Some(10)), 2, "before the batches without a sequence yet");
        assert_eq!(retry_position(&ready, None), 0, "without a sequence: first");
        let sequenced: VecDeque<ProducerBatch> = [Some(0), Some(2)].into_iter().map(batch).collect();
        assert_eq!(retry_position(&sequenced, Some(4)), 2, "after all earlier ones");
    }

    #[test]
    fn a_failed_batch_that_was_sent_may_be_written() {
        let mut b = batch(None);
        assert_eq!(final_persistence(&b, Persistence::NotWritten), Persistence::NotWritten);
        assert_eq!(final_persistence(&b, Persistence::MaybeWritten), Persistence::MaybeWritten);
        b.sent = true;
        assert_eq!(final_persistence(&b, Persistence::NotWritten), Persistence::NotWritten, "a clean first rejection");
        assert_eq!(final_persistence(&b, Persistence::MaybeWritten), Persistence::MaybeWritten);
        b.attempts = 1;
        assert_eq!(
            final_persistence(&b, Persistence::NotWritten),
            Persistence::MaybeWritten,
            "an earlier attempt may have been written before this rejection"
        );
    }

    #[test]
    fn a_delivery_timeout_names_the_partition_the_wait_and_the_last_error() {
        let b = batch(None);
        let now = b.created + Duration::from_secs(3);
        let last = Error::kafka(ErrorCode::NOT_ENOUGH_REPLICAS, None, "Produce to t-0");
        let error = delivery_timeout(&b, Duration::from_secs(2), now, Some(&last));
        let Error::Timeout { what, after } = &error else { panic!("{error}") };
        assert_eq!(*after, Duration::from_secs(3), "the time actually waited");
        assert!(what.contains("2 record(s) to t-0") && what.contains("NOT_ENOUGH_REPLICAS"), "{what}");
    }
}
