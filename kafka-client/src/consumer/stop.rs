//! A one-way signal that stops a consumer's group task without closing the consumer, so that
//! `unsubscribe` can end one subscription and `subscribe` start the next.

use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

/// Set once; every waiter wakes, and later waiters return at once.
#[derive(Debug, Default)]
pub(crate) struct Stop {
    set: AtomicBool,
    notify: Notify,
}

impl Stop {
    pub(crate) fn set(&self) {
        self.set.store(true, Ordering::SeqCst);
        self.notify.notify_waiters();
    }

    pub(crate) fn is_set(&self) -> bool {
        self.set.load(Ordering::SeqCst)
    }

    /// Completes once the signal is set.
    pub(crate) async fn signal(&self) {
        let notified = self.notify.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if !self.is_set() {
            notified.await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn waiters_before_and_after_the_signal_complete() {
        let stop = std::sync::Arc::new(Stop::default());
        let waiter = tokio::spawn({
            let stop = stop.clone();
            async move { stop.signal().await }
        });
        tokio::task::yield_now().await;
        stop.set();
        tokio::time::timeout(std::time::Duration::from_secs(1), waiter).await.unwrap().unwrap();
        tokio::time::timeout(std::time::Duration::from_secs(1), stop.signal()).await.unwrap();
    }
}
