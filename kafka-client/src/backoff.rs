//! Exponential backoff with jitter, as the Java client computes it for `reconnect.backoff.ms` /
//! `reconnect.backoff.max.ms` and `retry.backoff.ms` / `retry.backoff.max.ms`: the delay doubles
//! per attempt from the initial value up to the maximum, and each delay is spread by ±20 % so
//! that many clients do not retry in lockstep.

use std::time::Duration;

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
}
