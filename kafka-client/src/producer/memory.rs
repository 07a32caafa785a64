//! `buffer.memory`: a bound on the bytes of records waiting to be sent. `send` reserves a
//! record's size before encoding it and waits (up to `max.block.ms`) when the bound is reached;
//! the bytes return when the record's batch completes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use tokio::sync::Notify;

/// A byte budget shared by every `send`.
#[derive(Debug)]
pub(crate) struct MemoryPool {
    limit: usize,
    used: AtomicUsize,
    freed: Notify,
}

impl MemoryPool {
    pub(crate) fn new(limit: usize) -> Self {
        MemoryPool { limit, used: AtomicUsize::new(0), freed: Notify::new() }
    }

    /// Takes `n` bytes if available now.
    pub(crate) fn try_reserve(&self, n: usize) -> bool {
        let mut used = self.used.load(Ordering::Relaxed);
        loop {
            // A record larger than the whole budget is let through alone, so it can fail with
            // a precise error later instead of waiting forever.
            if used + n > self.limit && used != 0 {
                return false;
            }
            match self.used.compare_exchange_weak(used, used + n, Ordering::AcqRel, Ordering::Relaxed) {
                Ok(_) => return true,
                Err(actual) => used = actual,
            }
        }
    }

    /// Takes `n` bytes, waiting until `deadline` for others to free them.
    pub(crate) async fn reserve(&self, n: usize, deadline: Instant) -> bool {
        // Registering as a waiter costs a lock: only do it when the budget is exhausted.
        if self.try_reserve(n) {
            return true;
        }
        loop {
            let freed = self.freed.notified();
            tokio::pin!(freed);
            freed.as_mut().enable();
            if self.try_reserve(n) {
                return true;
            }
            if tokio::time::timeout_at(deadline.into(), freed).await.is_err() {
                return self.try_reserve(n);
            }
        }
    }

    /// Returns `n` bytes.
    pub(crate) fn release(&self, n: usize) {
        self.used.fetch_sub(n, Ordering::AcqRel);
        self.freed.notify_waiters();
    }

    /// `buffer.memory`.
    pub(crate) fn limit(&self) -> usize {
        self.limit
    }

    /// Bytes reserved now (the `buffer-available-bytes` metric is the rest).
    pub(crate) fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Duration;

    #[tokio::test]
    async fn waits_for_space_and_times_out() {
        let pool = Arc::new(MemoryPool::new(100));
        assert!(pool.try_reserve(80));
        assert!(!pool.try_reserve(30));
        let deadline = Instant::now() + Duration::from_millis(20);
        assert!(!pool.reserve(30, deadline).await, "nobody frees: times out");
        let waiter = {
            let pool = pool.clone();
            tokio::spawn(async move { pool.reserve(30, Instant::now() + Duration::from_secs(5)).await })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        pool.release(80);
        assert!(waiter.await.unwrap());
        assert_eq!(pool.used(), 30);
    }

    #[test]
    fn an_oversized_record_passes_alone() {
        let pool = MemoryPool::new(10);
        assert!(pool.try_reserve(50));
        assert!(!pool.try_reserve(1));
    }
}
