//! One partition's records as a stream of their own, for processing partitions in parallel
//! (rust-rdkafka's `split_partition_queue`; in Java, a worker per partition fed from `poll`).
//!
//! Splitting a partition ([`Consumer::partition_stream`]) marks it in the consumer's state with
//! a token; from then on `poll`, `recv` and [`Consumer::stream`] leave its buffered fetches
//! alone and only its [`PartitionStream`] drains them, in offset order, moving the partition's
//! position as `recv` does, so commits work as before. The stream ends (`None`) when the
//! partition is no longer assigned to this consumer (revoked, lost, unassigned) or the consumer
//! closes: a partition assigned again is not split until it is split again, so a stream never
//! sees records of a later assignment. Dropping the stream gives the partition back to `poll`.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

use futures_util::Stream;
use kfk_protocol::records::ParseOptions;

use super::state::SplitDrain;
use super::{Consumer, ConsumerRecord};
use crate::error::Result;
use crate::types::TopicPartition;

/// The records of one split partition, in offset order; from [`Consumer::partition_stream`].
///
/// `Unpin`, `Send` and `'static`: move it into a spawned task. Items are `Err` when the
/// partition's data could not be read (corrupt data; the stream goes on from the same
/// position); the stream ends when the partition is revoked, lost or unassigned, or the
/// consumer closes. It does not keep the consumer open. Records a stream holds buffered when
/// the partition is revoked are dropped as `poll` drops them: the next owner reads them from
/// the committed offset. Records of a partition whose stream is not read wait in the buffer
/// (and count toward `fetch.max.bytes`), as they would for a paused `poll`. Errors that are not
/// about this partition's data (a missing position under `auto.offset.reset=none`, an
/// authorization failure, the group's errors) still come from `poll`/`recv`, so an application
/// reading only partition streams should keep polling the consumer too (or watch its errors).
pub struct PartitionStream {
    /// The group task's kind of handle: it does not keep the consumer open.
    consumer: Consumer,
    partition: TopicPartition,
    token: u64,
    options: ParseOptions,
    /// The wait for new data, when the last look found none (one allocation per wait, none
    /// per record).
    wait: Option<Pin<Box<dyn Future<Output = ()> + Send>>>,
    ended: bool,
}

impl std::fmt::Debug for PartitionStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartitionStream")
            .field("partition", &self.partition)
            .field("ended", &self.ended)
            .finish_non_exhaustive()
    }
}

impl PartitionStream {
    pub(super) fn new(consumer: Consumer, partition: TopicPartition, token: u64, options: ParseOptions) -> Self {
        PartitionStream { consumer, partition, token, options, wait: None, ended: false }
    }

    /// The partition this stream reads.
    pub fn partition(&self) -> &TopicPartition {
        &self.partition
    }

    /// Looks once: `Some(item)` when there is something to yield (or the end), `None` when
    /// nothing is buffered yet.
    fn look(&mut self) -> Option<Option<Result<ConsumerRecord>>> {
        let shared = &self.consumer.shared;
        if shared.is_closed() {
            self.ended = true;
            return Some(None);
        }
        *shared.last_poll.lock().unwrap_or_else(|p| p.into_inner()) = Instant::now();
        let drained = shared.lock().drain_split(&self.partition, self.token, &self.options);
        // The fetcher waits for buffer room or a drained partition to fetch more.
        shared.wake.notify_one();
        match drained {
            SplitDrain::Record(record) => Some(Some(Ok(record))),
            SplitDrain::Failed(e) => Some(Some(Err(e))),
            SplitDrain::Empty => None,
            SplitDrain::Ended => {
                self.ended = true;
                Some(None)
            }
        }
    }
}

impl Stream for PartitionStream {
    type Item = Result<ConsumerRecord>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if self.ended {
                return Poll::Ready(None);
            }
            if let Some(item) = self.look() {
                self.wait = None;
                return Poll::Ready(item);
            }
            let shared = self.consumer.shared.clone();
            let wait = self.wait.get_or_insert_with(|| Box::pin(async move { shared.data.notified().await }));
            match wait.as_mut().poll(cx) {
                Poll::Ready(()) => self.wait = None,
                // Registered now: look again, for data that came between the look and the
                // registration (its signal went to nobody).
                Poll::Pending => {
                    return match self.look() {
                        Some(item) => {
                            self.wait = None;
                            Poll::Ready(item)
                        }
                        None => Poll::Pending,
                    }
                }
            }
        }
    }
}

impl Drop for PartitionStream {
    /// Gives the partition back to `poll`, if it is still this stream's.
    fn drop(&mut self) {
        let shared = &self.consumer.shared;
        let mut state = shared.lock();
        if let Some(p) = state.partitions.get_mut(&self.partition).filter(|p| p.split == Some(self.token)) {
            p.split = None;
            drop(state);
            shared.data.notify_waiters();
        }
    }
}
