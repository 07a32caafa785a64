//! The consumer's records as a `Stream`.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::future::BoxFuture;
use futures_util::{FutureExt, Stream};

use super::{Consumer, ConsumerRecord};
use crate::error::{Error, Result};

/// The records of a [`Consumer`], one at a time, from [`Consumer::stream`]. `Unpin` and `Send`:
/// `stream.next().await` (with `futures::StreamExt`) needs no pinning, and the stream can be
/// moved into a spawned task with its consumer.
pub struct RecordStream<'a> {
    consumer: &'a Consumer,
    /// The `recv` in progress; kept across polls so no wake-up is lost.
    next: Option<BoxFuture<'a, Result<ConsumerRecord>>>,
    ended: bool,
}

impl<'a> RecordStream<'a> {
    pub(super) fn new(consumer: &'a Consumer) -> Self {
        RecordStream { consumer, next: None, ended: false }
    }
}

impl std::fmt::Debug for RecordStream<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordStream").field("consumer", self.consumer).field("ended", &self.ended).finish()
    }
}

impl Stream for RecordStream<'_> {
    type Item = Result<ConsumerRecord>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.ended {
            return Poll::Ready(None);
        }
        let consumer = self.consumer;
        let next = self.next.get_or_insert_with(|| consumer.recv().boxed());
        let result = std::task::ready!(next.poll_unpin(cx));
        self.next = None;
        match result {
            Err(Error::Closed) => {
                self.ended = true;
                Poll::Ready(None)
            }
            item => Poll::Ready(Some(item)),
        }
    }
}
