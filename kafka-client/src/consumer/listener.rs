//! The rebalance callbacks a subscribing application may pass (re-exported as
//! [`crate::group::RebalanceListener`]). They take the [`Consumer`], so they live with it; the
//! group tasks reach them only through [`crate::group::host::GroupHost`].
//!
//! Two ways to write one: implement [`RebalanceListener`] (a type with state, futures that
//! borrow it), or build a [`RebalanceCallbacks`] from async closures.

use std::future::Future;

use super::Consumer;
use crate::types::{BoxFuture, TopicPartition};

/// Told about partitions coming and going. The callbacks run on the group task, before the
/// group moves on: committing in `on_partitions_revoked` makes the next owner start exactly
/// where this consumer stopped.
pub trait RebalanceListener: Send + Sync + 'static {
    /// Partitions now assigned to this consumer (positions already set from committed offsets).
    fn on_partitions_assigned<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }

    /// Partitions this consumer gives up in a rebalance; they are still owned during the call.
    fn on_partitions_revoked<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }

    /// Partitions taken away without a clean handover (the group dropped this member): they
    /// may already belong to another member, so committing them is pointless.
    fn on_partitions_lost<'a>(&'a self, consumer: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        let _ = (consumer, partitions);
        Box::pin(async {})
    }
}

/// A shared listener (for callers that keep a handle to inspect it).
impl<T: RebalanceListener> RebalanceListener for std::sync::Arc<T> {
    fn on_partitions_assigned<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        (**self).on_partitions_assigned(consumer, partitions)
    }

    fn on_partitions_revoked<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        (**self).on_partitions_revoked(consumer, partitions)
    }

    fn on_partitions_lost<'a>(&'a self, consumer: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        (**self).on_partitions_lost(consumer, partitions)
    }
}

/// One callback: an owned consumer handle and owned partitions in, a `Send` future out.
type Callback = Box<dyn Fn(Consumer, Vec<TopicPartition>) -> BoxFuture<'static, ()> + Send + Sync>;

/// A [`RebalanceListener`] written as async closures, for the common case of a listener with
/// no state of its own (or state it shares through an `Arc`).
///
/// Each closure gets an owned [`Consumer`] handle and owned partitions, so its future borrows
/// nothing and can be written `|consumer, partitions| async move { ... }` on stable Rust
/// (a future borrowing a `&Consumer` argument cannot be named `Send` through an async
/// closure bound today). The handle is the group task's own view of the consumer: it works
/// like the application's (`commit`, `seek`, `position`, ...) but does not keep the consumer
/// open, so holding on to it past the callback does not stop `close` or the last drop from
/// ending the consumer (calls on it then fail with [`crate::Error::Closed`]).
///
/// A callback not given does nothing, as the trait's default methods; as with the trait,
/// `on_lost` is not replaced by `on_revoked` (Java's default `onPartitionsLost` calls
/// `onPartitionsRevoked`; give both closures the same body to have that).
///
/// ```
/// use std::sync::{Arc, Mutex};
/// use kfk_client::consumer::Consumer;
/// use kfk_client::group::RebalanceCallbacks;
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let stub = kfk_stub::StubCluster::builder().start().await?;
/// # stub.create_topic("orders", 1)?;
/// # let bootstrap = stub.bootstrap();
/// # let config = kfk_client::config::ConsumerConfig::builder().bootstrap_servers(&bootstrap).group_id("billing");
/// # let consumer = Consumer::new(config.build()?)?;
/// let owned = Arc::new(Mutex::new(Vec::new()));
/// let seen = owned.clone();
/// let listener = RebalanceCallbacks::new()
///     .on_assigned(move |_consumer, partitions| {
///         let seen = seen.clone();
///         async move { seen.lock().unwrap().extend(partitions) }
///     })
///     .on_revoked(|consumer, _partitions| async move {
///         // Commit what was handed out, so the next owner starts right after it.
///         if let Err(e) = consumer.commit().await {
///             eprintln!("commit on revoke failed: {e}");
///         }
///     });
/// consumer.subscribe_with_listener(["orders"], listener)?;
/// # tokio::time::timeout(std::time::Duration::from_secs(30), async {
/// #     while owned.lock().unwrap().is_empty() { let _ = consumer.poll(std::time::Duration::from_millis(100)).await; }
/// # }).await?;
/// assert_eq!(owned.lock().unwrap().len(), 1); // "orders" has one partition
/// # Ok(()) }
/// ```
#[derive(Default)]
pub struct RebalanceCallbacks {
    assigned: Option<Callback>,
    revoked: Option<Callback>,
    lost: Option<Callback>,
}

impl std::fmt::Debug for RebalanceCallbacks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RebalanceCallbacks")
            .field("on_assigned", &self.assigned.is_some())
            .field("on_revoked", &self.revoked.is_some())
            .field("on_lost", &self.lost.is_some())
            .finish()
    }
}

fn callback<F, Fut>(f: F) -> Callback
where
    F: Fn(Consumer, Vec<TopicPartition>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Box::new(move |consumer, partitions| Box::pin(f(consumer, partitions)))
}

impl RebalanceCallbacks {
    /// A listener that does nothing until callbacks are added.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `f` with the partitions just assigned ([`RebalanceListener::on_partitions_assigned`]).
    pub fn on_assigned<F, Fut>(mut self, f: F) -> Self
    where
        F: Fn(Consumer, Vec<TopicPartition>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.assigned = Some(callback(f));
        self
    }

    /// Runs `f` with the partitions being revoked, still owned while it runs
    /// ([`RebalanceListener::on_partitions_revoked`]): the place to commit.
    pub fn on_revoked<F, Fut>(mut self, f: F) -> Self
    where
        F: Fn(Consumer, Vec<TopicPartition>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.revoked = Some(callback(f));
        self
    }

    /// Runs `f` with the partitions lost without a handover
    /// ([`RebalanceListener::on_partitions_lost`]).
    pub fn on_lost<F, Fut>(mut self, f: F) -> Self
    where
        F: Fn(Consumer, Vec<TopicPartition>) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        self.lost = Some(callback(f));
        self
    }
}

/// Calls `f`, if given, with owned copies: one `Vec` and one handle per rebalance, not per record.
fn run<'a>(f: &Option<Callback>, consumer: &Consumer, partitions: &[TopicPartition]) -> BoxFuture<'a, ()> {
    match f {
        Some(f) => f(consumer.clone(), partitions.to_vec()),
        None => Box::pin(async {}),
    }
}

impl RebalanceListener for RebalanceCallbacks {
    fn on_partitions_assigned<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        run(&self.assigned, consumer, partitions)
    }

    fn on_partitions_revoked<'a>(
        &'a self,
        consumer: &'a Consumer,
        partitions: &'a [TopicPartition],
    ) -> BoxFuture<'a, ()> {
        run(&self.revoked, consumer, partitions)
    }

    fn on_partitions_lost<'a>(&'a self, consumer: &'a Consumer, partitions: &'a [TopicPartition]) -> BoxFuture<'a, ()> {
        run(&self.lost, consumer, partitions)
    }
}
