//! The one way the suite waits for a condition: [`wait_until`] (or [`Wait`] for another poll
//! interval, or a typed error instead of a panic).
//!
//! A check is an async closure that looks once and returns [`Ready`] with what it waited for,
//! or [`NotYet`] with what it saw instead; on timeout the panic (or [`TimedOut`]) names what was
//! awaited and the last thing seen, so a failure says how far it got.

use std::fmt;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

pub use std::ops::ControlFlow::{Break as Ready, Continue as NotYet};

/// The poll interval of [`wait_until`].
pub const INTERVAL: Duration = Duration::from_millis(100);

/// A check's verdict on what it saw: [`Ready`] with it when `done(&seen)`, else [`NotYet`].
pub fn ready_when<S>(seen: S, done: impl FnOnce(&S) -> bool) -> ControlFlow<S, S> {
    if done(&seen) {
        Ready(seen)
    } else {
        NotYet(seen)
    }
}

/// A wait that ran out: what was awaited, for how long, and the last thing seen.
#[derive(Debug)]
pub struct TimedOut<S> {
    /// What was awaited.
    pub what: String,
    /// How long.
    pub timeout: Duration,
    /// What the last look saw.
    pub last: S,
}

impl<S: fmt::Debug> fmt::Display for TimedOut<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} not reached after {:?}; last seen: {:?}", self.what, self.timeout, self.last)
    }
}

impl<S: fmt::Debug> std::error::Error for TimedOut<S> {}

/// A wait for `what`, at most `timeout`, looking every `interval`.
#[derive(Debug, Clone)]
pub struct Wait {
    what: String,
    timeout: Duration,
    interval: Duration,
}

impl Wait {
    /// A wait for `what`, looking every [`INTERVAL`].
    pub fn new(what: impl Into<String>, timeout: Duration) -> Self {
        Wait { what: what.into(), timeout, interval: INTERVAL }
    }

    /// Looks every `interval` instead (zero: at once again, for checks that block themselves,
    /// such as a consumer's poll).
    pub fn every(self, interval: Duration) -> Self {
        Wait { interval, ..self }
    }

    /// Looks until `check` is [`Ready`], or fails with the last thing it saw. It looks at least
    /// once, however short the timeout.
    pub async fn try_until<T, S>(self, mut check: impl AsyncFnMut() -> ControlFlow<T, S>) -> Result<T, TimedOut<S>> {
        let deadline = Instant::now() + self.timeout;
        loop {
            match check().await {
                Ready(done) => return Ok(done),
                NotYet(last) if Instant::now() >= deadline => {
                    return Err(TimedOut { what: self.what, timeout: self.timeout, last })
                }
                NotYet(_) => tokio::time::sleep(self.interval).await,
            }
        }
    }

    /// Looks until `check` is [`Ready`]; panics with what was awaited and the last thing seen.
    pub async fn until<T, S: fmt::Debug>(self, check: impl AsyncFnMut() -> ControlFlow<T, S>) -> T {
        self.try_until(check).await.unwrap_or_else(|e| panic!("{e}"))
    }
}

/// Looks every [`INTERVAL`] until `check` is [`Ready`] and returns what it found; panics after
/// `timeout` with `what` and the last thing seen.
pub async fn wait_until<T, S: fmt::Debug>(
    what: impl Into<String>,
    timeout: Duration,
    check: impl AsyncFnMut() -> ControlFlow<T, S>,
) -> T {
    Wait::new(what, timeout).until(check).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn returns_what_the_check_found() {
        let mut looks = 0;
        let found = Wait::new("three looks", Duration::from_secs(5))
            .every(Duration::ZERO)
            .until(async || {
                looks += 1;
                if looks == 3 {
                    Ready(looks * 10)
                } else {
                    NotYet(looks)
                }
            })
            .await;
        assert_eq!(found, 30);
    }

    #[tokio::test]
    async fn a_timeout_names_what_and_the_last_thing_seen() {
        let e = Wait::new("the impossible", Duration::from_millis(30))
            .every(Duration::from_millis(10))
            .try_until(async || NotYet::<(), _>("still nothing"))
            .await
            .expect_err("times out");
        assert_eq!(e.last, "still nothing");
        assert!(
            e.to_string().starts_with("the impossible not reached after 30ms; last seen: \"still nothing\""),
            "{e}"
        );
    }
}
