//! How a record's outcome reaches its sender: every record of a batch shares the batch's
//! [`Completion`]; a [`Delivery`] is that shared cell plus the record's position in the batch, so
//! handing one out costs no allocation.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock};
use std::task::{Context, Poll};

use tokio::sync::Notify;

use crate::error::Error;
use crate::interceptor::ProducerInterceptors;

/// Where a record was written.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RecordMetadata {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition.
    pub partition: i32,
    /// The record's offset (-1 with `acks=0`, where the broker does not say).
    pub offset: i64,
    /// The record's timestamp: its create time, or the broker's log-append time when the topic
    /// uses `LogAppendTime`.
    pub timestamp: i64,
}

/// Whether a failed record may nonetheless be in the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The broker rejected it, or it was never sent: it is not in the log.
    NotWritten,
    /// It was sent and the outcome is unknown (a timeout or a lost connection): it may be in the
    /// log. With idempotence on, a retry could not have duplicated it.
    MaybeWritten,
}

/// A record that could not be delivered.
#[derive(Debug, Clone, thiserror::Error)]
#[error("record for {} not delivered ({persistence:?}): {error}", Destination(topic, *partition))]
#[non_exhaustive]
pub struct ProduceError {
    /// The topic.
    pub topic: Arc<str>,
    /// The partition (-1 if none was chosen).
    pub partition: i32,
    /// Whether it may be in the log anyway.
    pub persistence: Persistence,
    /// Why.
    pub error: Arc<Error>,
}

/// `topic-partition`, or the topic alone while no partition is chosen (`-1`: the record failed
/// before partitioning, e.g. waiting for the topic's metadata).
struct Destination<'a>(&'a str, i32);

impl std::fmt::Display for Destination<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            p if p >= 0 => write!(f, "{}-{p}", self.0),
            _ => f.write_str(self.0),
        }
    }
}

/// The outcome of a batch, shared by its records.
#[derive(Debug)]
pub(crate) struct Completion {
    pub(crate) topic: Arc<str>,
    pub(crate) partition: i32,
    result: OnceLock<Result<Delivered, ProduceError>>,
    notify: Arc<Notify>,
    /// Set when the producer has interceptors: they hear of every record's outcome.
    reporting: Option<Reporting>,
}

/// What a batch keeps to tell interceptors each record's outcome: the interceptors and the
/// records' timestamps (the only per-record part of a [`RecordMetadata`] a batch does not know).
#[derive(Debug)]
struct Reporting {
    interceptors: ProducerInterceptors,
    timestamps: Mutex<Vec<i64>>,
}

/// A successful batch: its base offset and, for `LogAppendTime` topics, the broker's time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Delivered {
    pub(crate) base_offset: i64,
    pub(crate) log_append_time: i64,
}

impl Delivered {
    /// The metadata of the record at `offset_delta` in the batch, created at `timestamp`.
    fn metadata(&self, completion: &Completion, offset_delta: u32, timestamp: i64) -> RecordMetadata {
        RecordMetadata {
            topic: completion.topic.clone(),
            partition: completion.partition,
            offset: if self.base_offset < 0 { -1 } else { self.base_offset + offset_delta as i64 },
            timestamp: if self.log_append_time >= 0 { self.log_append_time } else { timestamp },
        }
    }
}

impl Completion {
    pub(crate) fn new(topic: Arc<str>, partition: i32) -> Arc<Completion> {
        Arc::new(Completion {
            topic,
            partition,
            result: OnceLock::new(),
            notify: Arc::new(Notify::new()),
            reporting: None,
        })
    }

    /// A completion that reports each of its records' outcome to `interceptors`.
    pub(crate) fn reporting(topic: Arc<str>, partition: i32, interceptors: ProducerInterceptors) -> Arc<Completion> {
        Arc::new(Completion {
            topic,
            partition,
            result: OnceLock::new(),
            notify: Arc::new(Notify::new()),
            reporting: Some(Reporting { interceptors, timestamps: Mutex::new(Vec::new()) }),
        })
    }

    /// Notes the timestamp of the record just appended (kept only for interceptors).
    pub(crate) fn note_timestamp(&self, timestamp: i64) {
        if let Some(r) = &self.reporting {
            r.timestamps.lock().unwrap_or_else(|p| p.into_inner()).push(timestamp);
        }
    }

    /// Records the outcome (the first call wins), tells the interceptors of every record's,
    /// and wakes every waiter. The interceptors hear first, as in Java (the interceptor before
    /// the record's callback), so a caller woken by its delivery finds them up to date.
    pub(crate) fn complete(&self, result: Result<Delivered, ProduceError>) {
        let first = self.result.set(result).is_ok();
        if let (true, Some(reporting), Some(outcome)) = (first, &self.reporting, self.result.get()) {
            let timestamps = std::mem::take(&mut *reporting.timestamps.lock().unwrap_or_else(|p| p.into_inner()));
            for (delta, timestamp) in timestamps.into_iter().enumerate() {
                match outcome {
                    Ok(delivered) => {
                        let metadata = delivered.metadata(self, delta as u32, timestamp);
                        reporting.interceptors.on_acknowledgement(&metadata, None);
                    }
                    Err(failure) => {
                        // As Java: a failed record's metadata holds its topic and partition only.
                        let metadata = RecordMetadata {
                            topic: self.topic.clone(),
                            partition: self.partition,
                            offset: -1,
                            timestamp: -1,
                        };
                        reporting.interceptors.on_acknowledgement(&metadata, Some(&failure.error));
                    }
                }
            }
        }
        self.notify.notify_waiters();
    }

    pub(crate) fn failure(&self, persistence: Persistence, error: Arc<Error>) -> ProduceError {
        ProduceError { topic: self.topic.clone(), partition: self.partition, persistence, error }
    }
}

/// The pending outcome of one record. Await it for the [`RecordMetadata`], or drop it: a
/// failure still surfaces from [`Producer::flush`](super::Producer::flush). The one exception
/// is a record that joined a transaction while it was ending
/// ([`TransactionError::Ended`](super::TransactionError::Ended)): it is reported here only, since it
/// belongs to no transaction whose commit it could fail.
#[derive(Debug)]
pub struct Delivery {
    completion: Arc<Completion>,
    offset_delta: u32,
    timestamp: i64,
    waiting: Option<Pin<Box<tokio::sync::futures::OwnedNotified>>>,
}

impl Delivery {
    pub(crate) fn new(completion: Arc<Completion>, offset_delta: u32, timestamp: i64) -> Self {
        Delivery { completion, offset_delta, timestamp, waiting: None }
    }

    /// The outcome, if known yet.
    pub fn try_result(&self) -> Option<Result<RecordMetadata, ProduceError>> {
        self.completion.result.get().map(|r| self.resolve(r))
    }

    fn resolve(&self, result: &Result<Delivered, ProduceError>) -> Result<RecordMetadata, ProduceError> {
        match result {
            Ok(d) => Ok(d.metadata(&self.completion, self.offset_delta, self.timestamp)),
            Err(e) => Err(e.clone()),
        }
    }
}

impl Future for Delivery {
    type Output = Result<RecordMetadata, ProduceError>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        loop {
            if let Some(result) = self.completion.result.get() {
                return Poll::Ready(self.resolve(result));
            }
            if self.waiting.is_none() {
                let mut notified = Box::pin(self.completion.notify.clone().notified_owned());
                notified.as_mut().enable();
                self.waiting = Some(notified);
                // Re-check: the result may have landed before `enable`.
                continue;
            }
            let waiting = self.waiting.as_mut().expect("set just above");
            match waiting.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    self.waiting = None;
                }
                Poll::Pending => return Poll::Pending,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_without_a_partition_names_its_topic_alone() {
        let failure = |partition| ProduceError {
            topic: Arc::from("orders"),
            partition,
            persistence: Persistence::NotWritten,
            error: Arc::new(Error::Closed),
        };
        assert_eq!(failure(-1).to_string(), "record for orders not delivered (NotWritten): the client is closed");
        assert_eq!(failure(3).to_string(), "record for orders-3 not delivered (NotWritten): the client is closed");
    }
}
