//! The one delivery checker every reliability test shares.
//!
//! The producer side records each record handed to the producer, each acknowledgement
//! (partition, offset, value) and each failed send in a [`Ledger`]; the consumer side records
//! what it read, in order. [`Ledger::check`] compares them and names every anomaly in a
//! [`Report`], as Kafka's system tests and Jepsen's checker do:
//! - **lost**: acknowledged but never read;
//! - **duplicate**: the same record read at two offsets;
//! - **reordered**: records of one acknowledged partition read in another order than sent;
//! - **phantom**: read but never sent;
//! - **offset mismatch**: read at another offset than the acknowledgement said;
//! - **aborted read**: read by a read_committed reader, yet sent in a transaction that aborted
//!   ([`Ledger::aborted`]), or seen by a concurrent read_committed reader yet not in the final
//!   committed log ([`Ledger::check_read_committed`]).
//!
//! Records are identified by their value, which tests make unique. A test whose records are
//! rewritten on the way (the exactly-once copier tags each value with the transaction that
//! wrote it) gives the ledger the [`Ledger::identified_by`] function that recovers the value
//! sent.

use std::collections::{HashMap, HashSet};
use std::fmt;

use bytes::Bytes;

use crate::read::ReadRecord;

/// Recovers the value handed to the producer from a value read.
pub type Identity = fn(&[u8]) -> &[u8];

/// What the producer side saw.
#[derive(Debug)]
pub struct Ledger {
    acked: Vec<(i32, i64, Bytes)>,
    failed: HashSet<Bytes>,
    /// Sent in a transaction that aborted: never to be read committed.
    aborted: HashSet<Bytes>,
    /// Each record's send index.
    sent: HashMap<Bytes, usize>,
    identity: Identity,
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger {
            acked: Vec::new(),
            failed: HashSet::new(),
            aborted: HashSet::new(),
            sent: HashMap::new(),
            identity: |v| v,
        }
    }
}

/// The anomalies found, with examples naming partition, offset and value.
#[derive(Debug, Default)]
pub struct Report {
    /// Acknowledged, never read.
    pub lost: Vec<String>,
    /// Read more than once.
    pub duplicate: Vec<String>,
    /// Read out of send order within an acknowledged partition.
    pub reordered: Vec<String>,
    /// Read, never sent.
    pub phantom: Vec<String>,
    /// Read at another offset than acknowledged.
    pub offset_mismatch: Vec<String>,
    /// Records of aborted transactions read committed (sent in one, or seen by a concurrent
    /// read_committed reader yet absent from the committed log).
    pub aborted: Vec<String>,
    /// Records read in all.
    pub read: usize,
    /// Records acknowledged in all.
    pub acked: usize,
    /// Sends that failed.
    pub failed: usize,
}

impl Report {
    /// Whether no anomaly was found.
    pub fn is_clean(&self) -> bool {
        self.lost.is_empty()
            && self.duplicate.is_empty()
            && self.reordered.is_empty()
            && self.phantom.is_empty()
            && self.offset_mismatch.is_empty()
            && self.aborted.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "acked {}, failed {}, read {}", self.acked, self.failed, self.read)?;
        for (name, list) in [
            ("lost", &self.lost),
            ("duplicate", &self.duplicate),
            ("reordered", &self.reordered),
            ("phantom", &self.phantom),
            ("offset mismatch", &self.offset_mismatch),
            ("aborted read", &self.aborted),
        ] {
            write!(f, "{name}: {}", list.len())?;
            if !list.is_empty() {
                write!(f, " e.g. {}", list.iter().take(5).cloned().collect::<Vec<_>>().join("; "))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

fn show(v: &[u8]) -> String {
    String::from_utf8_lossy(v).into_owned()
}

impl Ledger {
    /// A ledger whose records are read back rewritten: `identity` recovers the value sent
    /// from the value read.
    pub fn identified_by(identity: Identity) -> Self {
        Ledger { identity, ..Ledger::default() }
    }

    /// Notes a record handed to the producer.
    pub fn sent(&mut self, value: &[u8]) {
        let index = self.sent.len();
        self.sent.insert(Bytes::copy_from_slice(value), index);
    }

    /// How many records were handed to the producer so far (a handy unique suffix).
    pub fn sent_count(&self) -> usize {
        self.sent.len()
    }

    /// How many acknowledged records went to `partition`.
    pub fn acked_in(&self, partition: i32) -> usize {
        self.acked.iter().filter(|(p, _, _)| *p == partition).count()
    }

    /// Notes an acknowledgement; `offset` is -1 when the acknowledgement did not say.
    pub fn acked(&mut self, partition: i32, offset: i64, value: &[u8]) {
        self.acked.push((partition, offset, Bytes::copy_from_slice(value)));
    }

    /// Notes a send that failed.
    pub fn failed(&mut self, value: &[u8]) {
        self.failed.insert(Bytes::copy_from_slice(value));
    }

    /// Notes a record sent in a transaction that then aborted: a read_committed reader must
    /// never see it, and it is not expected (even if its send was acknowledged).
    pub fn aborted(&mut self, value: &[u8]) {
        self.aborted.insert(Bytes::copy_from_slice(value));
    }

    /// Compares with what was read (in read order).
    pub fn check(&self, reads: &[ReadRecord]) -> Report {
        let identity = self.identity;
        let mut report =
            Report { read: reads.len(), acked: self.acked.len(), failed: self.failed.len(), ..Default::default() };
        let mut seen: HashMap<&[u8], (i32, i64)> = HashMap::new();
        for r in reads {
            let Some(read) = &r.value else { continue };
            let value = identity(read);
            if let Some((p, o)) = seen.insert(value, (r.partition, r.offset)) {
                report.duplicate.push(format!("{} at {p}-{o} and {}-{}", show(read), r.partition, r.offset));
            }
            if !self.sent.is_empty() && !self.sent.contains_key(value) {
                report.phantom.push(format!("{} at {}-{}", show(read), r.partition, r.offset));
            }
            if self.aborted.contains(value) {
                report.aborted.push(format!("{} at {}-{}", show(read), r.partition, r.offset));
            }
        }
        let read_at: HashMap<&[u8], (i32, i64)> =
            reads.iter().filter_map(|r| Some((identity(r.value.as_ref()?), (r.partition, r.offset)))).collect();
        // Records sent earlier to one partition must be read at lower offsets of the partition
        // they were read from (the same one, unless something copied them elsewhere).
        let mut by_send: Vec<&(i32, i64, Bytes)> =
            self.acked.iter().filter(|(_, _, v)| !self.aborted.contains(v)).collect();
        by_send.sort_by_key(|(p, _, v)| (*p, self.sent.get(v).copied().unwrap_or(usize::MAX)));
        let mut last: HashMap<(i32, i32), i64> = HashMap::new();
        for (partition, offset, value) in by_send {
            match read_at.get(value.as_ref()) {
                None => report.lost.push(format!("{} acked at {partition}-{offset}", show(value))),
                Some(&(p, o)) => {
                    if (p, o) != (*partition, *offset) && *offset >= 0 {
                        report
                            .offset_mismatch
                            .push(format!("{} acked at {partition}-{offset}, read at {p}-{o}", show(value)));
                    }
                    if let Some(prev) = last.insert((*partition, p), o) {
                        if o < prev {
                            report.reordered.push(format!(
                                "{} (sent to {partition}) read at {p}-{o} after {p}-{prev}",
                                show(value)
                            ));
                        }
                    }
                }
            }
        }
        report
    }

    /// [`Ledger::check`] of the final committed log `committed`, counting as aborted reads
    /// the records a concurrent read_committed reader saw (`watched`) that the committed log
    /// does not hold, value for value.
    pub fn check_read_committed(&self, committed: &[ReadRecord], watched: &[ReadRecord]) -> Report {
        let mut report = self.check(committed);
        let kept: HashSet<(i32, Option<&Bytes>)> = committed.iter().map(|r| (r.partition, r.value.as_ref())).collect();
        for w in watched {
            if !kept.contains(&(w.partition, w.value.as_ref())) {
                let value = w.value.as_deref().map(show).unwrap_or_default();
                report.aborted.push(format!("{value} at {}-{}", w.partition, w.offset));
            }
        }
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(partition: i32, offset: i64, value: &str) -> ReadRecord {
        ReadRecord { partition, offset, key: None, value: Some(Bytes::copy_from_slice(value.as_bytes())) }
    }

    fn untag(tagged: &[u8]) -> &[u8] {
        tagged.iter().rposition(|&b| b == b'|').map_or(tagged, |i| &tagged[..i])
    }

    #[test]
    fn a_faithful_copy_is_clean() {
        let mut ledger = Ledger::identified_by(untag);
        for (p, v) in [(0, "1"), (1, "2"), (0, "3")] {
            ledger.sent(v.as_bytes());
            ledger.acked(p, -1, v.as_bytes());
        }
        let output = [read(1, 0, "2|0.0.1"), read(0, 0, "1|0.0.1"), read(0, 1, "3|1.1.1")];
        let report = ledger.check_read_committed(&output, &[read(0, 0, "1|0.0.1")]);
        assert!(report.is_clean(), "{report}");
    }

    #[test]
    fn each_anomaly_is_named() {
        let mut ledger = Ledger::identified_by(untag);
        for (p, v) in [(0, "1"), (0, "2"), (1, "3"), (2, "4")] {
            ledger.sent(v.as_bytes());
            ledger.acked(p, -1, v.as_bytes());
        }
        let output = [
            read(0, 0, "2|0.0.1"),
            read(0, 1, "1|0.0.2"),
            read(1, 0, "3|0.0.1"),
            read(1, 1, "3|0.0.3"),
            read(1, 2, "9|0.0.1"),
        ];
        let report = ledger.check_read_committed(&output, &[read(2, 0, "4|0.0.9")]);
        let counts =
            |r: &Report| (r.lost.len(), r.duplicate.len(), r.phantom.len(), r.reordered.len(), r.aborted.len());
        assert_eq!(counts(&report), (1, 1, 1, 1, 1), "{report}");
        assert!(report.lost[0].contains("4 acked at 2"), "{report}");
        assert!(report.aborted[0].contains("4|0.0.9 at 2-0"), "{report}");
    }

    #[test]
    fn records_of_aborted_transactions_are_not_expected_and_not_to_be_read() {
        let mut ledger = Ledger::default();
        for (offset, v) in [(0, "kept"), (1, "aborted-1"), (2, "aborted-2")] {
            ledger.sent(v.as_bytes());
            ledger.acked(0, offset, v.as_bytes());
        }
        ledger.aborted(b"aborted-1");
        ledger.aborted(b"aborted-2");
        assert!(ledger.check(&[read(0, 0, "kept")]).is_clean());
        let report = ledger.check(&[read(0, 0, "kept"), read(0, 2, "aborted-2")]);
        assert_eq!(report.aborted, ["aborted-2 at 0-2"], "{report}");
    }

    #[test]
    fn offsets_other_than_acknowledged_are_named() {
        let mut ledger = Ledger::default();
        ledger.sent(b"a");
        ledger.acked(0, 5, b"a");
        let report = ledger.check(&[read(0, 6, "a")]);
        assert_eq!(report.offset_mismatch, ["a acked at 0-5, read at 0-6"], "{report}");
    }
}
