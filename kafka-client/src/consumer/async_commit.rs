//! Commits that do not block the consume loop (Java's `commitAsync`): each is queued with the
//! offsets of the moment it was asked for and sent by one task, in the order asked, so a later
//! commit never lands before an earlier one and positions never move back.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::sync::{mpsc, oneshot};

use super::Consumer;
use crate::error::{Error, Result};
use crate::types::{OffsetAndMetadata, TopicPartition};

/// One queued commit.
pub(super) struct Queued {
    pub(super) offsets: Vec<(TopicPartition, OffsetAndMetadata)>,
    pub(super) done: oneshot::Sender<Result<()>>,
}

/// The sending end of a consumer's commit queue.
pub(super) type Queue = mpsc::UnboundedSender<Queued>;

/// Starts the task that sends `consumer`'s queued commits one after the other.
pub(super) fn start(consumer: Consumer) -> Queue {
    let (tx, mut rx) = mpsc::unbounded_channel::<Queued>();
    tokio::spawn(async move {
        loop {
            // The queue's sender lives in the consumer this task keeps a view of, so the channel
            // never closes by itself: the task ends when the consumer closes (or its last handle
            // goes), failing what is still queued.
            let queued = tokio::select! {
                biased;
                queued = rx.recv() => queued,
                _ = consumer.shared.closed_signal() => None,
            };
            let Some(Queued { offsets, done }) = queued else { break };
            let result = consumer.commit_positions(&offsets).await;
            // Nobody waiting (the handle was dropped): the outcome was fire-and-forget.
            let _ = done.send(result);
        }
        rx.close();
        while let Ok(Queued { done, .. }) = rx.try_recv() {
            let _ = done.send(Err(Error::Closed));
        }
    });
    tx
}

/// The outcome of a [`Consumer::commit_async`]: await it for the result, or drop it (the commit
/// is still sent). Commits complete in the order they were asked for.
#[derive(Debug)]
pub struct CommitHandle {
    pub(super) done: oneshot::Receiver<Result<()>>,
}

impl Future for CommitHandle {
    type Output = Result<()>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<()>> {
        Pin::new(&mut self.done).poll(cx).map(|outcome| outcome.unwrap_or(Err(Error::Closed)))
    }
}
