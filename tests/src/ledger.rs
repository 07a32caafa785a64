//! The delivery ledger every reliability test shares.
//!
//! The producer side records each acknowledged record (partition, offset, key, value) and each
//! failed send; the consumer side records what it read, in order. [`Ledger::check`] compares
//! them and names every anomaly, as Kafka's system tests and Jepsen's checker do:
//! - **lost**: acknowledged but never read;
//! - **duplicate**: the same record read at two offsets;
//! - **reordered**: a partition's records read in another order than acknowledged;
//! - **phantom**: read but never sent;
//! - **offset mismatch**: read at another offset than the acknowledgement said.
//!
//! Records are identified by their value, which tests make unique.

use std::collections::{HashMap, HashSet};

use std::fmt;

use bytes::Bytes;

use crate::read::ReadRecord;

/// What the producer side saw.
#[derive(Debug, Default)]
pub struct Ledger {
    acked: Vec<(i32, i64, Bytes)>,
    failed: HashSet<Bytes>,
    /// Each record's send index.
    sent: HashMap<Bytes, usize>,
}

/// The anomalies found, with examples.
#[derive(Debug, Default)]
pub struct Report {
    /// Acknowledged, never read.
    pub lost: Vec<String>,
    /// Read more than once.
    pub duplicate: Vec<String>,
    /// Read out of acknowledgement order within a partition.
    pub reordered: Vec<String>,
    /// Read, never sent.
    pub phantom: Vec<String>,
    /// Read at another offset than acknowledged.
    pub offset_mismatch: Vec<String>,
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

impl Ledger {
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

    /// Notes an acknowledgement.
    pub fn acked(&mut self, partition: i32, offset: i64, value: &[u8]) {
        self.acked.push((partition, offset, Bytes::copy_from_slice(value)));
    }

    /// Notes a send that failed.
    pub fn failed(&mut self, value: &[u8]) {
        self.failed.insert(Bytes::copy_from_slice(value));
    }

    /// Compares with what was read (in read order).
    pub fn check(&self, reads: &[ReadRecord]) -> Report {
        let show = |v: &Bytes| String::from_utf8_lossy(v).into_owned();
        let mut report =
            Report { read: reads.len(), acked: self.acked.len(), failed: self.failed.len(), ..Default::default() };
        let mut seen: HashMap<&Bytes, i64> = HashMap::new();
        for r in reads {
            let Some(value) = &r.value else { continue };
            if let Some(first) = seen.insert(value, r.offset) {
                report.duplicate.push(format!("{} at offsets {first} and {}", show(value), r.offset));
            }
            if !self.sent.is_empty() && !self.sent.contains_key(value) {
                report.phantom.push(format!("{} at {}-{}", show(value), r.partition, r.offset));
            }
        }
        let read_at: HashMap<&Bytes, (i32, i64)> =
            reads.iter().filter_map(|r| Some((r.value.as_ref()?, (r.partition, r.offset)))).collect();
        // Within a partition, records sent earlier must be read at lower offsets.
        let mut by_send: Vec<&(i32, i64, Bytes)> = self.acked.iter().collect();
        by_send.sort_by_key(|(p, _, v)| (*p, self.sent.get(v).copied().unwrap_or(usize::MAX)));
        let mut last_per_partition: HashMap<i32, i64> = HashMap::new();
        for (partition, offset, value) in by_send {
            match read_at.get(value) {
                None => report.lost.push(format!("{} acked at {partition}-{offset}", show(value))),
                Some(&(p, o)) => {
                    if (p, o) != (*partition, *offset) && *offset >= 0 {
                        report
                            .offset_mismatch
                            .push(format!("{} acked at {partition}-{offset}, read at {p}-{o}", show(value)));
                    }
                    if let Some(prev) = last_per_partition.insert(p, o) {
                        if o < prev {
                            report.reordered.push(format!("{} read at {p}-{o} after {prev}", show(value)));
                        }
                    }
                }
            }
        }
        report
    }
}
