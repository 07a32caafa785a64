//! Bounds on what clients can make the stub hold: partitions per request and per cluster,
//! how long a connection may sit idle or take to send one request, and how many record
//! batches are decompressed at once (produce checks, timestamp lookups).
//!
//! The stub runs inside test processes, so one hostile or buggy request must not abort it
//! (an allocation failure is an abort, not an error) and one slow client must not hold its
//! resources forever. Every bound is set on the builder; the defaults are Kafka's where Kafka
//! has one and otherwise far above what a test suite asks for.

use std::sync::Arc;
use std::time::Duration;

use kfk_protocol::ErrorCode;
use tokio::sync::Semaphore;

/// Kafka's controller refuses a CreateTopics asking for more partitions than this in total
/// (`ReplicationControlManager.MAX_PARTITIONS_PER_BATCH`).
pub(crate) const DEFAULT_MAX_PARTITIONS_PER_REQUEST: i32 = 10_000;

/// Partitions the whole cluster may hold. Each costs a few hundred bytes before any record,
/// so this keeps a runaway test (or client) to tens of MiB.
pub(crate) const DEFAULT_MAX_PARTITIONS: i32 = 100_000;

/// Kafka's default `connections.max.idle.ms`.
pub(crate) const DEFAULT_CONNECTIONS_MAX_IDLE: Duration = Duration::from_millis(600_000);

/// How long the bytes of one request may take to arrive once its first byte has: the
/// clients' default `request.timeout.ms`, after which no client still waits for the answer.
pub(crate) const DEFAULT_REQUEST_READ_TIMEOUT: Duration = Duration::from_secs(30);

/// The settings of this module, part of the cluster's `Config`.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Partitions one CreateTopics or CreatePartitions may create, over all its topics.
    pub max_partitions_per_request: i32,
    /// Partitions the cluster may hold (internal topics not counted).
    pub max_partitions: i32,
    /// A connection with no request in progress for this long is closed.
    pub connections_max_idle: Duration,
    /// A request whose bytes do not all arrive this long after its first byte closes its
    /// connection.
    pub request_read_timeout: Duration,
    /// Record batches decompressed at the same time, cluster-wide, each on a blocking thread
    /// and outside the cluster lock (produce checks, ListOffsets timestamp lookups).
    pub decompression_threads: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_partitions_per_request: DEFAULT_MAX_PARTITIONS_PER_REQUEST,
            max_partitions: DEFAULT_MAX_PARTITIONS,
            connections_max_idle: DEFAULT_CONNECTIONS_MAX_IDLE,
            request_read_timeout: DEFAULT_REQUEST_READ_TIMEOUT,
            decompression_threads: default_decompression_threads(),
        }
    }
}

/// One fewer than the cores (at least one): decompressing a flood of batches never takes every
/// core from the tasks serving the other connections.
fn default_decompression_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
}

/// A refusal: error code and message.
type Refusal = (i16, String);

impl Limits {
    /// Checks the partitions a whole request asks for (`requested`, summed with saturating
    /// arithmetic by the caller) against the per-request bound. Kafka refuses every topic of
    /// the request with POLICY_VIOLATION then.
    pub(crate) fn check_request(&self, requested: u64) -> Result<(), Refusal> {
        if requested > self.max_partitions_per_request.max(0) as u64 {
            return Err((
                ErrorCode::POLICY_VIOLATION.0,
                format!(
                    "Excessively large number of partitions per request: {requested} requested, limit {}.",
                    self.max_partitions_per_request
                ),
            ));
        }
        Ok(())
    }

    /// Checks that `adding` more partitions fit next to the `existing` ones.
    pub(crate) fn check_cluster(&self, existing: u64, adding: u64) -> Result<(), Refusal> {
        let total = existing.saturating_add(adding);
        if total > self.max_partitions.max(0) as u64 {
            return Err((
                ErrorCode::POLICY_VIOLATION.0,
                format!(
                    "The cluster would hold {total} partitions, more than its limit of {} (it holds {existing}).",
                    self.max_partitions
                ),
            ));
        }
        Ok(())
    }
}

/// Runs `work` (decompressing record batches) on a blocking thread once one of the `pool`'s
/// permits is free. Waiting holds no lock; the permit travels with the work, so a connection
/// that goes away meanwhile frees it only when the thread is done. `None` if the work panicked
/// (a stub bug, logged): the caller closes the connection rather than answer without it.
pub(crate) async fn decompress<T, F>(pool: &Arc<Semaphore>, work: F) -> Option<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let permit = match pool.clone().acquire_owned().await {
        Ok(p) => p,
        Err(_) => {
            tracing::warn!("decompression pool closed");
            return None;
        }
    };
    let done = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work()
    });
    match done.await {
        Ok(t) => Some(t),
        Err(e) => {
            tracing::warn!(error = %e, "decompression work failed");
            None
        }
    }
}

/// The partitions a CreateTopics entry asks for, before anything is allocated: Kafka's count
/// (`num_partitions`, the default for -1, or the number of explicit assignments); invalid
/// counts count as 0 and are refused later with their own error.
pub(crate) fn requested_partitions(num_partitions: i32, assignments: usize, default_partitions: i32) -> u64 {
    if assignments > 0 {
        return assignments as u64;
    }
    let n = if num_partitions == -1 { default_partitions } else { num_partitions };
    u64::try_from(n).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_checked_without_overflow() {
        let limits = Limits { max_partitions_per_request: 10, max_partitions: 20, ..Limits::default() };
        assert!(limits.check_request(10).is_ok());
        assert_eq!(limits.check_request(11).map_err(|r| r.0), Err(ErrorCode::POLICY_VIOLATION.0));
        assert!(limits.check_request(u64::MAX).is_err());
        assert!(limits.check_cluster(15, 5).is_ok());
        assert!(limits.check_cluster(15, 6).is_err());
        assert!(limits.check_cluster(u64::MAX, u64::MAX).is_err(), "saturates");
        assert_eq!(requested_partitions(-1, 0, 3), 3);
        assert_eq!(requested_partitions(-5, 0, 3), 0);
        assert_eq!(requested_partitions(i32::MAX, 0, 3), i32::MAX as u64);
        assert_eq!(requested_partitions(-1, 7, 3), 7);
    }
}
