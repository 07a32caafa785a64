//! Idempotence: the producer id and epoch a producer writes with, and each partition's
//! sequence numbers. This file is the only writer of them.
//!
//! A broker accepts a batch of an idempotent producer only if its base sequence is the one it
//! expects next for that partition and producer epoch; a duplicate (a retry of a batch that was
//! written) is acknowledged without being written again. So:
//! - a batch gets its sequence when it is first sent, and keeps it through retries
//!   ([`PartitionSequences::assign`]); sequences count records and wrap at `i32::MAX`;
//! - a partition's acknowledgements move the sequence the broker expects next
//!   ([`PartitionSequences::acknowledged`]), whatever order the answers are handled in;
//! - OUT_OF_ORDER_SEQUENCE_NUMBER for a batch while an earlier batch of its partition is
//!   unacknowledged means that one failed first: this batch goes again after it. With every
//!   earlier batch acknowledged it is a gap no retry can fill
//!   ([`PartitionSequences::earlier_unacknowledged`]);
//! - until one batch of the current epoch is acknowledged, a partition sends one batch at a time
//!   ([`PartitionSequences::confirmed`]): a broker accepts any first sequence from a producer it
//!   does not know yet, so a later batch arriving first would leave a gap;
//! - a new producer id or epoch (InitProducerId, KIP-360 bumps, transaction protocol 2's EndTxn)
//!   restarts every partition at 0 ([`PartitionSequences::restart`], applied to every queue by
//!   `Accumulator::restart_sequences`), and batches not yet acknowledged get new sequences
//!   when next sent ([`BatchSequence::forget`]).
//!
//! [`ProducerIdentity`] is the producer id and epoch of an idempotent producer without a
//! `transactional.id` (a transactional producer gets them from `init_transactions`), with
//! when to ask for them (again).
//!
//! Who calls: the sender task assigns, acknowledges and asks; the transaction code restarts
//! sequences after a new epoch, only once its flush has settled every batch (none in flight).

use std::time::{Duration, Instant};

use crate::backoff::Backoff;

/// The base sequence of a batch, once it was first sent (idempotence).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BatchSequence(Option<i32>);

impl BatchSequence {
    /// The base sequence, if assigned.
    pub(crate) fn get(self) -> Option<i32> {
        self.0
    }

    /// Forgets the sequence: the batch gets a new one when next sent (after a new epoch).
    pub(crate) fn forget(&mut self) {
        self.0 = None;
    }
}

/// One partition's sequence numbers.
#[derive(Debug, Default)]
pub(crate) struct PartitionSequences {
    /// The sequence the next new batch gets.
    next: i32,
    /// The sequence the broker expects next: every batch before it is acknowledged.
    acked: i32,
    /// A batch of the current epoch was acknowledged.
    confirmed: bool,
}

/// `sequence + records`, wrapping at `i32::MAX` as the broker does.
fn advance(sequence: i32, records: u32) -> i32 {
    sequence.wrapping_add(records as i32) & i32::MAX
}

impl PartitionSequences {
    /// Gives `batch` (of `records` records) its base sequence if it has none yet; the base
    /// sequence it is sent with.
    pub(crate) fn assign(&mut self, batch: &mut BatchSequence, records: u32) -> i32 {
        match batch.0 {
            Some(sequence) => sequence,
            None => {
                let sequence = self.next;
                batch.0 = Some(sequence);
                self.next = advance(sequence, records);
                sequence
            }
        }
    }

    /// A batch was acknowledged: the partition's epoch is confirmed, and the broker now expects
    /// the sequence after it (answers may be handled out of order: the furthest counts).
    pub(crate) fn acknowledged(&mut self, batch: BatchSequence, records: u32) {
        self.confirmed = true;
        if let Some(sequence) = batch.0 {
            let next = advance(sequence, records);
            if next.wrapping_sub(self.acked) > 0 {
                self.acked = next;
            }
        }
    }

    /// Whether a batch before `batch` is still unacknowledged (so an OUT_OF_ORDER answer for it
    /// is that batch's failure showing, and it can go again after it).
    pub(crate) fn earlier_unacknowledged(&self, batch: BatchSequence) -> bool {
        batch.0.is_some_and(|s| s.wrapping_sub(self.acked) > 0)
    }

    /// Whether a batch of the current epoch was acknowledged (until then: one batch in flight).
    pub(crate) fn confirmed(&self) -> bool {
        self.confirmed
    }

    /// A partition whose next batch gets `next` (tests).
    #[cfg(test)]
    pub(crate) fn starting_at(next: i32) -> Self {
        PartitionSequences { next, ..Default::default() }
    }

    /// Starts again at 0 (a new producer id or epoch; see `Accumulator::restart_sequences`,
    /// which also makes every queued batch [`BatchSequence::forget`] its sequence).
    pub(crate) fn restart(&mut self) {
        *self = PartitionSequences::default();
    }
}

/// The producer id and epoch of an idempotent, non-transactional producer, and when to ask
/// the cluster for them (InitProducerId): at the first batch, and again for a new epoch after
/// the broker lost the producer's state or a sequence gap (KIP-360).
#[derive(Debug, Default)]
pub(crate) struct ProducerIdentity {
    producer: Option<(i64, i16)>,
    requesting: bool,
    bump_pending: bool,
    failures: u32,
    retry_at: Option<Instant>,
}

impl ProducerIdentity {
    /// The id and epoch batches are written with now (`None` while a new epoch is awaited).
    pub(crate) fn for_send(&self) -> Option<(i64, i16)> {
        if self.bump_pending {
            None
        } else {
            self.producer
        }
    }

    /// Whether an InitProducerId request is due now; if so it counts as sent, and this is the
    /// (id, epoch) it carries: (-1, -1) for a new id, the current pair for a new epoch. A new
    /// epoch waits until no request is in flight; a first id waits until there is a record.
    pub(crate) fn request_due(
        &mut self,
        now: Instant,
        requests_in_flight: usize,
        records_waiting: bool,
    ) -> Option<(i64, i16)> {
        if self.requesting {
            return None;
        }
        let needed = self.producer.is_none() || (self.bump_pending && requests_in_flight == 0);
        if !needed || self.retry_at.is_some_and(|t| t > now) {
            return None;
        }
        if !records_waiting && self.producer.is_none() && !self.bump_pending {
            // Nothing to send yet: no need to bother the broker.
            return None;
        }
        self.requesting = true;
        Some(match (self.bump_pending, self.producer) {
            (true, Some(p)) => p,
            _ => (-1, -1),
        })
    }

    /// The cluster granted `producer`. Whether it is a new epoch replacing one in use (the
    /// caller then restarts every partition's sequences).
    pub(crate) fn granted(&mut self, producer: (i64, i16)) -> bool {
        let bumped = self.bump_pending;
        *self = ProducerIdentity { producer: Some(producer), ..ProducerIdentity::default() };
        bumped
    }

    /// The request failed; the delay before it is asked again (`retry.backoff.ms`, doubling).
    pub(crate) fn refused(&mut self, now: Instant, backoff: &Backoff) -> Duration {
        self.requesting = false;
        let delay = backoff.delay(self.failures);
        self.failures += 1;
        self.retry_at = Some(now + delay);
        delay
    }

    /// Asks for a new epoch, once the requests in flight are answered.
    pub(crate) fn bump(&mut self) {
        self.bump_pending = true;
    }

    /// Whether a new epoch is awaited.
    pub(crate) fn bump_pending(&self) -> bool {
        self.bump_pending
    }

    /// When a refused request may be asked again.
    pub(crate) fn retry_at(&self) -> Option<Instant> {
        self.retry_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(seqs: &mut PartitionSequences, records: u32) -> BatchSequence {
        let mut batch = BatchSequence::default();
        seqs.assign(&mut batch, records);
        batch
    }

    #[test]
    fn sequences_count_records_in_send_order() {
        let mut seqs = PartitionSequences::default();
        let (a, b) = (sent(&mut seqs, 3), sent(&mut seqs, 5));
        assert_eq!((a.get(), b.get()), (Some(0), Some(3)));
        assert_eq!(sent(&mut seqs, 1).get(), Some(8));
    }

    #[test]
    fn a_retried_batch_keeps_its_sequence() {
        let mut seqs = PartitionSequences::default();
        let mut a = sent(&mut seqs, 3);
        assert_eq!(seqs.assign(&mut a, 3), 0);
        assert_eq!(sent(&mut seqs, 1).get(), Some(3), "the retry took no new numbers");
    }

    #[test]
    fn sequences_wrap_at_i32_max() {
        let mut seqs = PartitionSequences { next: i32::MAX - 1, ..Default::default() };
        let a = sent(&mut seqs, 3);
        assert_eq!(a.get(), Some(i32::MAX - 1));
        assert_eq!(sent(&mut seqs, 1).get(), Some(1));
    }

    #[test]
    fn the_furthest_acknowledgement_counts_whatever_the_order() {
        let mut seqs = PartitionSequences::default();
        let (a, b) = (sent(&mut seqs, 2), sent(&mut seqs, 2));
        assert!(!seqs.confirmed(), "one batch at a time until the epoch is confirmed");
        seqs.acknowledged(b, 2);
        seqs.acknowledged(a, 2);
        assert!(seqs.confirmed());
        assert_eq!(seqs.acked, 4);
    }

    #[test]
    fn out_of_order_behind_an_unacknowledged_batch_is_retried_else_it_is_a_gap() {
        let mut seqs = PartitionSequences::default();
        let (a, b) = (sent(&mut seqs, 2), sent(&mut seqs, 2));
        assert!(seqs.earlier_unacknowledged(b), "a is not acknowledged: b follows it again");
        seqs.acknowledged(a, 2);
        assert!(!seqs.earlier_unacknowledged(b), "everything before b is acknowledged: a gap");
        assert!(!seqs.earlier_unacknowledged(BatchSequence::default()));
    }

    #[test]
    fn a_new_epoch_restarts_at_zero() {
        let mut seqs = PartitionSequences::default();
        let mut a = sent(&mut seqs, 4);
        seqs.acknowledged(a, 4);
        seqs.restart();
        assert!(!seqs.confirmed());
        a.forget();
        assert_eq!(seqs.assign(&mut a, 4), 0, "a forgotten sequence is assigned anew");
        assert_eq!(sent(&mut seqs, 1).get(), Some(4));
    }

    #[test]
    fn a_first_id_is_asked_for_once_there_is_a_record() {
        let now = Instant::now();
        let mut id = ProducerIdentity::default();
        assert_eq!(id.request_due(now, 0, false), None);
        assert_eq!(id.request_due(now, 0, true), Some((-1, -1)));
        assert_eq!(id.request_due(now, 0, true), None, "one request at a time");
        assert!(!id.granted((7, 0)));
        assert_eq!(id.for_send(), Some((7, 0)));
        assert_eq!(id.request_due(now, 0, true), None);
    }

    #[test]
    fn a_new_epoch_waits_for_requests_in_flight_and_blocks_sends() {
        let now = Instant::now();
        let mut id = ProducerIdentity::default();
        id.granted((7, 0));
        id.bump();
        assert_eq!(id.for_send(), None, "nothing is sent under the old epoch");
        assert_eq!(id.request_due(now, 2, true), None);
        assert_eq!(id.request_due(now, 0, true), Some((7, 0)));
        assert!(id.granted((7, 1)), "a bump: sequences restart");
        assert_eq!(id.for_send(), Some((7, 1)));
    }

    #[test]
    fn a_refused_request_is_asked_again_after_a_growing_backoff() {
        let now = Instant::now();
        let backoff = Backoff::new(Duration::from_millis(100), Duration::from_secs(1));
        let mut id = ProducerIdentity::default();
        id.request_due(now, 0, true);
        let first = id.refused(now, &backoff);
        assert_eq!(id.request_due(now, 0, true), None, "not before the backoff");
        assert_eq!(id.request_due(now + first, 0, true), Some((-1, -1)));
        let second = id.refused(now, &backoff);
        assert!(second > first.mul_f64(1.2), "{first:?} then {second:?}");
    }
}
