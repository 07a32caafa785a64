//! Where one assigned partition stands with the fetcher, and what the fetcher does next for it.
//!
//! [`FetchState`] replaces the flags a partition used to carry (busy, paused, failures, retry
//! time, validated epoch): which request for it is in flight, whether the application paused
//! it, its backoff after failed fetches, and the leader epoch its position is known to be
//! valid under. [`FetchState::next_step`] is the fetcher's whole decision for a partition
//! whose leader is known, as a value the fetcher carries out:
//!
//! ```text
//!   request in flight, or paused ............................ (not asked: `blocked`)
//!   backing off until t ..................................... (not asked: `blocked`)
//!   new leader epoch, position with an epoch ................ Validate (OffsetForLeaderEpoch)
//!   no position, auto.offset.reset earliest/latest .......... Reset (ListOffsets)
//!   a position .............................................. Fetch
//!   no position, auto.offset.reset=none ..................... AwaitSeek (poll reports it)
//! ```
//!
//! A request starts with [`FetchState::start`] and ends with [`FetchState::finish`]; its answer
//! moves the position (in `fetcher.rs`), and says whether the fetch made progress
//! ([`FetchState::progressed`]) or not ([`FetchState::failed`], which backs the partition off
//! by `retry.backoff.ms`, doubling).

use std::time::Instant;

use crate::backoff::Backoff;
use crate::config::OffsetReset;

/// The request in flight for a partition, if any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum InFlight {
    /// None: the partition may be scheduled.
    #[default]
    Idle,
    /// A Fetch.
    Fetch,
    /// A ListOffsets finding its position per `auto.offset.reset`.
    ListOffsets,
    /// An OffsetForLeaderEpoch checking its position after a leader change (KIP-320).
    Validation,
}

/// Why a partition is not scheduled now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blocked {
    /// A request for it is in flight, or the application paused it.
    Busy,
    /// Backing off after failed fetches, until then.
    Until(Instant),
}

/// What the fetcher does next for a partition whose leader (and its epoch) is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Check the position against the leader's log under its new epoch.
    Validate {
        /// The position.
        position: i64,
        /// The leader epoch of the record before it.
        offset_epoch: i32,
    },
    /// Find a position.
    Reset(OffsetReset),
    /// Fetch from the position (or past the data already buffered).
    Fetch {
        /// The position.
        position: i64,
    },
    /// No position and `auto.offset.reset=none`: nothing until the application seeks.
    AwaitSeek,
}

/// A partition's standing with the fetcher.
#[derive(Debug, Clone, Default)]
pub(crate) struct FetchState {
    in_flight: InFlight,
    paused: bool,
    /// Fetches that failed or made no progress in a row.
    failures: u32,
    /// When the next fetch may start after them.
    retry_at: Option<Instant>,
    /// The leader epoch the position is known to be valid under (`None`: not checked yet).
    validated_epoch: Option<i32>,
}

impl FetchState {
    /// Why the partition is not to be scheduled at `now`, if it is not.
    pub(crate) fn blocked(&self, now: Instant) -> Option<Blocked> {
        if self.in_flight != InFlight::Idle || self.paused {
            return Some(Blocked::Busy);
        }
        self.retry_at.filter(|&t| t > now).map(Blocked::Until)
    }

    /// A request for the partition is sent.
    pub(crate) fn start(&mut self, request: InFlight) {
        self.in_flight = request;
    }

    /// Its answer (or failure) was handled: the partition may be scheduled again.
    pub(crate) fn finish(&mut self) {
        self.in_flight = InFlight::Idle;
    }

    /// The request in flight.
    #[cfg(test)]
    pub(crate) fn in_flight(&self) -> InFlight {
        self.in_flight
    }

    /// The application paused (or resumed) the partition.
    pub(crate) fn set_paused(&mut self, paused: bool) {
        self.paused = paused;
    }

    /// Whether the application paused the partition.
    pub(crate) fn is_paused(&self) -> bool {
        self.paused
    }

    /// A fetch failed or made no progress: back off (`retry.backoff.ms`, doubling).
    pub(crate) fn failed(&mut self, backoff: &Backoff, now: Instant) {
        self.retry_at = Some(now + backoff.delay(self.failures));
        self.failures = self.failures.saturating_add(1);
    }

    /// A fetch made progress, or the application moved the position: no backoff.
    pub(crate) fn progressed(&mut self) {
        self.failures = 0;
        self.retry_at = None;
    }

    /// Fetches that failed or made no progress in a row.
    pub(crate) fn failures(&self) -> u32 {
        self.failures
    }

    /// The position is valid under leader epoch `epoch`.
    pub(crate) fn validated(&mut self, epoch: i32) {
        self.validated_epoch = Some(epoch);
    }

    /// Whether the leader's epoch is newer than the one the position was checked under.
    fn unchecked_under(&self, leader_epoch: i32) -> bool {
        leader_epoch >= 0 && self.validated_epoch.is_none_or(|v| v < leader_epoch)
    }
}

impl FetchState {
    /// What the fetcher does next for a partition at `position` (the leader epoch of the
    /// record before it: `offset_epoch`; without one: `reset`), under a leader at
    /// `leader_epoch` (once [`FetchState::blocked`] said it may be scheduled). A new epoch with
    /// nothing to check the position with (not consumed from yet, or set by a seek) counts as
    /// checked.
    pub(crate) fn next_step(
        &mut self,
        position: Option<i64>,
        offset_epoch: Option<i32>,
        reset: Option<OffsetReset>,
        leader_epoch: i32,
    ) -> Step {
        if self.unchecked_under(leader_epoch) {
            match (position, offset_epoch) {
                (Some(position), Some(offset_epoch)) => return Step::Validate { position, offset_epoch },
                _ => self.validated(leader_epoch),
            }
        }
        match (position, reset) {
            (Some(position), _) => Step::Fetch { position },
            (None, Some(reset)) if reset != OffsetReset::None => Step::Reset(reset),
            (None, _) => Step::AwaitSeek,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    /// A partition at `position`, with the epoch of the record before it and its reset rule.
    struct At {
        fetch: FetchState,
        position: Option<i64>,
        offset_epoch: Option<i32>,
        reset: Option<OffsetReset>,
    }

    fn at(position: Option<i64>, offset_epoch: Option<i32>, reset: Option<OffsetReset>) -> At {
        At { fetch: FetchState::default(), position, offset_epoch, reset }
    }

    impl At {
        fn next_step(&mut self, leader_epoch: i32) -> Step {
            self.fetch.next_step(self.position, self.offset_epoch, self.reset, leader_epoch)
        }
    }

    #[test]
    fn a_partition_with_a_request_in_flight_or_paused_is_not_scheduled() {
        let now = Instant::now();
        let mut f = FetchState::default();
        assert_eq!(f.blocked(now), None);
        f.start(InFlight::Fetch);
        assert_eq!((f.blocked(now), f.in_flight()), (Some(Blocked::Busy), InFlight::Fetch));
        f.finish();
        f.set_paused(true);
        assert_eq!(f.blocked(now), Some(Blocked::Busy));
        f.set_paused(false);
        assert_eq!(f.blocked(now), None);
    }

    #[test]
    fn failed_fetches_back_off_doubling_until_one_makes_progress() {
        let now = Instant::now();
        let backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(10));
        let mut f = FetchState::default();
        f.failed(&backoff, now);
        let Some(Blocked::Until(first)) = f.blocked(now) else { panic!("backing off") };
        f.failed(&backoff, now);
        let Some(Blocked::Until(second)) = f.blocked(now) else { panic!("backing off") };
        assert!(second - now > (first - now).mul_f64(1.2), "{:?} then {:?}", first - now, second - now);
        assert_eq!(f.failures(), 2);
        assert_eq!(f.blocked(second), None, "due once the backoff passed");
        f.progressed();
        assert_eq!((f.blocked(now), f.failures()), (None, 0));
    }

    #[test]
    fn a_new_leader_epoch_validates_a_position_that_has_an_epoch() {
        let mut p = at(Some(40), Some(3), None);
        assert_eq!(p.next_step(5), Step::Validate { position: 40, offset_epoch: 3 });
        assert_eq!(p.next_step(5), Step::Validate { position: 40, offset_epoch: 3 }, "until checked");
        p.fetch.validated(5);
        assert_eq!(p.next_step(5), Step::Fetch { position: 40 });
        assert_eq!(p.next_step(6), Step::Validate { position: 40, offset_epoch: 3 }, "a newer epoch again");
    }

    #[test]
    fn a_position_without_an_epoch_is_taken_as_valid() {
        let mut p = at(Some(40), None, None);
        assert_eq!(p.next_step(5), Step::Fetch { position: 40 });
        p.offset_epoch = Some(4);
        assert_eq!(p.next_step(5), Step::Fetch { position: 40 }, "epoch 5 counts as checked");
    }

    #[test]
    fn an_unknown_leader_epoch_checks_nothing() {
        let mut p = at(Some(40), Some(3), None);
        assert_eq!(p.next_step(-1), Step::Fetch { position: 40 });
    }

    #[test]
    fn without_a_position_it_resets_or_waits_for_a_seek() {
        assert_eq!(at(None, None, Some(OffsetReset::Earliest)).next_step(0), Step::Reset(OffsetReset::Earliest));
        assert_eq!(at(None, None, Some(OffsetReset::Latest)).next_step(0), Step::Reset(OffsetReset::Latest));
        assert_eq!(at(None, None, Some(OffsetReset::None)).next_step(0), Step::AwaitSeek);
        assert_eq!(at(None, None, None).next_step(0), Step::AwaitSeek);
    }
}
