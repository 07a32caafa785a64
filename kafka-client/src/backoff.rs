//! Exponential backoff with jitter, and the one retry loop built on it.
//!
//! [`Backoff`] computes delays as the Java client does for `reconnect.backoff.ms` /
//! `reconnect.backoff.max.ms` and `retry.backoff.ms` / `retry.backoff.max.ms`: the delay doubles
//! per attempt from the initial value up to the maximum, and each delay is spread by ±20 % so
//! that many clients do not retry in lockstep.
//!
//! [`Retry`] is every deadline-bound retry of the client and the admin client: one deadline
//! (an `Instant`, never restarted by a retry), a backoff schedule, optionally a count of
//! retries, and the caller's rule for which errors retry ([`Decision`]). Each attempt is
//! abandoned at the deadline, each backoff sleep is cut at it, and when the operation gives up
//! it says why ([`GaveUp`]) with the last error, so the caller's error names what failed:
//!
//! ```
//! # async fn demo() {
//! use std::time::{Duration, Instant};
//! use kfk_client::backoff::{Backoff, Decision, GaveUp, Retry};
//!
//! let backoff = Backoff::new(Duration::from_millis(1), Duration::from_millis(4));
//! let mut tries = 0;
//! let outcome: Result<u32, GaveUp<&str>> = Retry::new(backoff, Instant::now() + Duration::from_secs(1))
//!     .run(
//!         || {
//!             tries += 1;
//!             let n = tries;
//!             async move { if n < 3 { Err("not yet") } else { Ok(n) } }
//!         },
//!         |_| Decision::Retry,
//!     )
//!     .await;
//! assert_eq!(outcome.ok(), Some(3));
//! # }
//! ```

use std::future::Future;
use std::time::{Duration, Instant};

/// A backoff schedule. Cheap to copy; the attempt count lives with the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
}

/// The spread applied to each delay (Java's `CommonClientConfigs` uses 0.2).
const JITTER: f64 = 0.2;

impl Backoff {
    /// A schedule starting at `initial` and capped at `max` (a `max` below `initial` is raised
    /// to it).
    pub fn new(initial: Duration, max: Duration) -> Self {
        Backoff { initial, max: max.max(initial) }
    }

    /// The longest delay.
    pub fn max(&self) -> Duration {
        self.max
    }

    /// The delay before retry number `attempt` (0 = the first retry), with jitter.
    pub fn delay(&self, attempt: u32) -> Duration {
        self.delay_with(attempt, fastrand::f64())
    }

    /// The delay for `attempt` given a uniform random number in `[0, 1)`: deterministic, for
    /// tests.
    pub fn delay_with(&self, attempt: u32, random: f64) -> Duration {
        if self.initial.is_zero() {
            return Duration::ZERO;
        }
        let base = self.initial.as_secs_f64() * 2f64.powi(attempt.min(62) as i32);
        let capped = base.min(self.max.as_secs_f64());
        let factor = 1.0 - JITTER + 2.0 * JITTER * random.clamp(0.0, 1.0);
        // Jitter never pushes past the configured maximum.
        Duration::from_secs_f64((capped * factor).min(self.max.as_secs_f64()))
    }
}

/// What to do after a failed attempt (the caller's rule for which errors retry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Give up: the error goes to the caller.
    Stop,
    /// Try again after the next backoff delay.
    Retry,
    /// Try again after this delay (a condition known to clear quickly, such as
    /// CONCURRENT_TRANSACTIONS); it counts as a retry but does not grow the backoff.
    RetryAfter(Duration),
}

/// Why a retried operation ended without a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GaveUp<E> {
    /// The error is not retriable, the retries allowed are used up, or (with
    /// [`Retry::give_up_before_deadline`]) the next wait would end past the deadline.
    Failed(E),
    /// The deadline passed while an attempt ran (it was abandoned); `last` is the error of
    /// the attempt before, if one failed.
    NoAnswer {
        /// The previous attempt's error.
        last: Option<E>,
    },
    /// The deadline passed while waiting to try again after `last`.
    OutOfTime {
        /// The error of the last attempt.
        last: E,
    },
}

impl<E> GaveUp<E> {
    /// The last error seen, if any attempt ended with one.
    pub fn last(self) -> Option<E> {
        match self {
            GaveUp::Failed(e) | GaveUp::OutOfTime { last: e } => Some(e),
            GaveUp::NoAnswer { last } => last,
        }
    }
}

/// A retry budget: one deadline, a backoff schedule and the retries made so far. Either
/// [`Retry::run`] drives a whole operation, or a loop that must handle its items itself (a
/// batch retrying only what failed) uses [`Retry::attempt`], [`Retry::may_retry`] and
/// [`Retry::wait`], so that the deadline and backoff rules stay in this one place.
#[derive(Debug, Clone)]
pub struct Retry {
    backoff: Backoff,
    deadline: Instant,
    retries: u32,
    max_retries: Option<u32>,
    bound_attempts: bool,
    early: bool,
}

impl Retry {
    /// Retries with `backoff` until `deadline`; each attempt is abandoned at the deadline.
    pub fn new(backoff: Backoff, deadline: Instant) -> Self {
        Retry { backoff, deadline, retries: 0, max_retries: None, bound_attempts: true, early: false }
    }

    /// Allows at most `n` retries (the `retries` setting); past them the last error is returned.
    pub fn max_retries(mut self, n: u32) -> Self {
        self.max_retries = Some(n);
        self
    }

    /// Lets attempts run past the deadline (each is bounded by its own request timeout); the
    /// deadline then only ends the waits between them.
    pub fn unbounded_attempts(mut self) -> Self {
        self.bound_attempts = false;
        self
    }

    /// Gives up with the last error, instead of sleeping up to the deadline, when the next
    /// backoff delay would end at or past it.
    pub fn give_up_before_deadline(mut self) -> Self {
        self.early = true;
        self
    }

    /// The deadline.
    pub fn deadline(&self) -> Instant {
        self.deadline
    }

    /// The retries made so far.
    pub fn retries(&self) -> u32 {
        self.retries
    }

    /// Whether the retry count allows another attempt.
    pub fn may_retry(&self) -> bool {
        self.max_retries.is_none_or(|max| self.retries < max)
    }

    /// Runs one attempt; `None` when the deadline came first (the attempt is dropped).
    pub async fn attempt<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        if !self.bound_attempts {
            return Some(work.await);
        }
        tokio::time::timeout_at(self.deadline.into(), work).await.ok()
    }

    /// Counts a retry and sleeps before it as `decision` says (the next backoff delay, or the
    /// delay it names), never past the deadline. Whether time is left for the retry; with
    /// [`Retry::give_up_before_deadline`], `false` at once (no sleep) when the delay would
    /// reach the deadline.
    pub async fn wait(&mut self, decision: Decision) -> bool {
        let delay = match decision {
            Decision::RetryAfter(delay) => delay,
            _ => self.backoff.delay(self.retries),
        };
        self.retries += 1;
        let wake = Instant::now() + delay;
        if self.early && wake >= self.deadline {
            return false;
        }
        tokio::time::sleep_until(wake.min(self.deadline).into()).await;
        Instant::now() < self.deadline
    }

    /// Runs `attempt` until it succeeds, `decide` says stop, the retries run out or the
    /// deadline passes.
    pub async fn run<T, E, F, Fut>(self, attempt: F, decide: impl FnMut(&E) -> Decision) -> Result<T, GaveUp<E>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.run_with(attempt, decide, |e| async move { e }).await
    }

    /// As [`Retry::run`], calling `before_retry` with the error before each retry's backoff
    /// (to refresh metadata, say); it hands the error back.
    pub async fn run_with<T, E, F, Fut, H, HFut>(
        mut self,
        mut attempt: F,
        mut decide: impl FnMut(&E) -> Decision,
        mut before_retry: H,
    ) -> Result<T, GaveUp<E>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, E>>,
        H: FnMut(E) -> HFut,
        HFut: Future<Output = E>,
    {
        let mut last = None;
        loop {
            let error = match self.attempt(attempt()).await {
                None => return Err(GaveUp::NoAnswer { last }),
                Some(Ok(value)) => return Ok(value),
                Some(Err(e)) => e,
            };
            let decision = decide(&error);
            if decision == Decision::Stop || !self.may_retry() {
                return Err(GaveUp::Failed(error));
            }
            let error = before_retry(error).await;
            if !self.wait(decision).await {
                return Err(if self.early && Instant::now() < self.deadline {
                    GaveUp::Failed(error)
                } else {
                    GaveUp::OutOfTime { last: error }
                });
            }
            last = Some(error);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_maximum_with_bounded_jitter() {
        let b = Backoff::new(Duration::from_millis(50), Duration::from_millis(1000));
        assert_eq!(b.delay_with(0, 0.5), Duration::from_millis(50));
        assert_eq!(b.delay_with(1, 0.5), Duration::from_millis(100));
        assert_eq!(b.delay_with(3, 0.5), Duration::from_millis(400));
        assert_eq!(b.delay_with(10, 0.5), Duration::from_millis(1000));
        assert_eq!(b.delay_with(0, 0.0), Duration::from_millis(40));
        assert_eq!(b.delay_with(0, 1.0), Duration::from_millis(60));
        assert!(b.delay_with(40, 1.0) <= Duration::from_millis(1000));
        for attempt in 0..100 {
            let d = b.delay(attempt);
            assert!(d >= Duration::from_millis(40) && d <= Duration::from_millis(1000), "{d:?}");
        }
    }

    #[test]
    fn zero_initial_means_no_wait() {
        assert_eq!(Backoff::new(Duration::ZERO, Duration::from_secs(1)).delay(5), Duration::ZERO);
    }

    fn quick() -> Backoff {
        Backoff::new(Duration::from_millis(1), Duration::from_millis(2))
    }

    #[tokio::test]
    async fn retries_until_an_attempt_succeeds() {
        let mut n = 0;
        let out: Result<u32, GaveUp<u32>> = Retry::new(quick(), Instant::now() + Duration::from_secs(5))
            .run(
                || {
                    n += 1;
                    let k = n;
                    async move {
                        if k < 4 {
                            Err(k)
                        } else {
                            Ok(k)
                        }
                    }
                },
                |_| Decision::Retry,
            )
            .await;
        assert_eq!(out, Ok(4));
    }

    #[tokio::test]
    async fn an_error_the_rule_stops_on_is_returned_at_once() {
        let mut n = 0;
        let out: Result<(), GaveUp<&str>> = Retry::new(quick(), Instant::now() + Duration::from_secs(5))
            .run(
                || {
                    n += 1;
                    async { Err("fatal") }
                },
                |_| Decision::Stop,
            )
            .await;
        assert_eq!((out, n), (Err(GaveUp::Failed("fatal")), 1));
    }

    #[tokio::test]
    async fn the_retry_count_bounds_the_attempts() {
        let mut n = 0;
        let out: Result<(), GaveUp<u32>> = Retry::new(quick(), Instant::now() + Duration::from_secs(5))
            .max_retries(2)
            .run(
                || {
                    n += 1;
                    let k = n;
                    async move { Err(k) }
                },
                |_| Decision::Retry,
            )
            .await;
        assert_eq!(out, Err(GaveUp::Failed(3)), "one attempt and two retries");
    }

    #[tokio::test]
    async fn a_hung_attempt_is_abandoned_at_the_deadline_keeping_the_error_before() {
        let start = Instant::now();
        let mut n = 0;
        let out: Result<(), GaveUp<&str>> = Retry::new(quick(), start + Duration::from_millis(300))
            .run(
                || {
                    n += 1;
                    let first = n == 1;
                    async move {
                        if first {
                            return Err("refused");
                        }
                        std::future::pending().await
                    }
                },
                |_| Decision::Retry,
            )
            .await;
        assert_eq!(out, Err(GaveUp::NoAnswer { last: Some("refused") }));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(300) && waited < Duration::from_secs(2), "{waited:?}");
    }

    #[tokio::test]
    async fn a_backoff_sleep_is_cut_at_the_deadline() {
        let start = Instant::now();
        let slow = Backoff::new(Duration::from_secs(10), Duration::from_secs(10));
        let out: Result<(), GaveUp<&str>> = Retry::new(slow, start + Duration::from_millis(300))
            .run(|| async { Err("busy") }, |_| Decision::Retry)
            .await;
        assert_eq!(out, Err(GaveUp::OutOfTime { last: "busy" }));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(300) && waited < Duration::from_secs(2), "{waited:?}");
    }

    #[tokio::test]
    async fn giving_up_before_the_deadline_returns_the_error_without_sleeping_into_it() {
        let start = Instant::now();
        let slow = Backoff::new(Duration::from_secs(10), Duration::from_secs(10));
        let out: Result<(), GaveUp<&str>> = Retry::new(slow, start + Duration::from_secs(5))
            .give_up_before_deadline()
            .run(|| async { Err("busy") }, |_| Decision::Retry)
            .await;
        assert_eq!(out, Err(GaveUp::Failed("busy")));
        assert!(start.elapsed() < Duration::from_secs(1));
    }

    #[tokio::test]
    async fn a_named_delay_replaces_the_backoff_and_the_hook_runs_before_each_retry() {
        let start = Instant::now();
        let slow = Backoff::new(Duration::from_secs(10), Duration::from_secs(10));
        let mut n = 0;
        let mut hooked = 0;
        let out: Result<u32, GaveUp<u32>> = Retry::new(slow, start + Duration::from_secs(5))
            .run_with(
                || {
                    n += 1;
                    let k = n;
                    async move {
                        if k < 3 {
                            Err(k)
                        } else {
                            Ok(k)
                        }
                    }
                },
                |_| Decision::RetryAfter(Duration::from_millis(20)),
                |e| {
                    hooked += 1;
                    async move { e }
                },
            )
            .await;
        assert_eq!((out, hooked), (Ok(3), 2));
        assert!(start.elapsed() < Duration::from_secs(1));
    }
}
