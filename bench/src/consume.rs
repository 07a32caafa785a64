//! What the consume load generators (`src/bin/consume_*.rs`) share: their command line and the
//! check every one of them makes on what it read.
//!
//! `cargo xtask bench consume` fills a topic once, then runs each generator as its own process
//! against it and measures the process from outside (CPU time, peak RSS). A generator reads the
//! whole topic from the beginning (partitions assigned, no group; or, with `--variant commit`,
//! as the only member of a fresh consumer group, committing synchronously after every poll:
//! see [`commit_group`]) and reports:
//!
//! ```text
//! consume_<client> --bootstrap HOST:PORT --topic T --partitions N --records R [--variant V]
//! ```
//!
//! printing, on stdout, one `RESULT` line ([`crate::produce::Outcome`]): `records` and `bytes`
//! (value bytes) it received, `elapsed_s` from the consumer's creation to the last record, and
//! `errors`, the records that broke the per-partition offset sequence (a duplicate or a gap;
//! must be 0). A generator that has not received `R` records after [`IDLE_TIMEOUT`] without any
//! new record gives up and exits with a failure.

use std::time::Duration;

pub use crate::produce::Outcome;

/// How long a generator waits for the next record before it declares the topic drained short.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// `max.poll.records` of every client (the Java client's default, and ours): the most records
/// one poll hands out, so the most records one commit of the `commit` variants covers.
pub const MAX_POLL_RECORDS: usize = 500;

/// The consumer group of a `commit`-variant run of `client` on `topic`: a fresh one per run
/// (`cargo xtask bench consume` creates a fresh topic per case and run; the process id keeps
/// two runs on one topic apart), so the group has no committed offsets and reading starts at
/// `auto.offset.reset=earliest`.
pub fn commit_group(topic: &str, client: &str) -> String {
    format!("{topic}-{client}-commit-{}", std::process::id())
}

/// The usage line of the consume generators.
pub const USAGE: &str =
    "usage: consume_<client> --bootstrap HOST:PORT --topic T --partitions N --records R [--variant V]";

/// A consume generator's command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    /// `--bootstrap`.
    pub bootstrap: String,
    /// `--topic`.
    pub topic: String,
    /// `--partitions`: the topic's partition count (all are assigned).
    pub partitions: i32,
    /// `--records`: how many records the topic holds.
    pub records: u64,
    /// `--variant`, for generators that have several (`consume_ours`: `poll` or `commit`;
    /// `consume_rdkafka`: `base`, `stream` or `commit`).
    pub variant: Option<String>,
}

impl Args {
    /// Parses `std::env::args()`.
    pub fn from_env() -> Result<Args, String> {
        Args::parse(std::env::args().skip(1))
    }

    /// Parses a generator's arguments (without the program name).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let (mut bootstrap, mut topic, mut partitions, mut records, mut variant) = (None, None, None, None, None);
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            let number = |what: &str| value.parse::<u64>().map_err(|e| format!("{what} {value}: {e}"));
            match flag.as_str() {
                "--bootstrap" => bootstrap = Some(value),
                "--topic" => topic = Some(value),
                "--partitions" => partitions = Some(i32::try_from(number("--partitions")?).map_err(|e| e.to_string())?),
                "--records" => records = Some(number("--records")?),
                "--variant" => variant = Some(value),
                other => return Err(format!("unknown option {other}\n{USAGE}")),
            }
        }
        let missing = |what: &str| format!("{what} is required\n{USAGE}");
        Ok(Args {
            bootstrap: bootstrap.ok_or_else(|| missing("--bootstrap"))?,
            topic: topic.ok_or_else(|| missing("--topic"))?,
            partitions: partitions.filter(|p| *p > 0).ok_or_else(|| missing("--partitions (> 0)"))?,
            records: records.ok_or_else(|| missing("--records"))?,
            variant,
        })
    }
}

/// Counts what a generator received and checks that each partition's offsets come one after
/// the other from 0 (a freshly filled topic has no gaps): anything else is a duplicate, a
/// skipped record or a misrouted one, counted as an error.
#[derive(Debug, Clone)]
pub struct Tally {
    next: Vec<i64>,
    /// Records received.
    pub records: u64,
    /// Value bytes received.
    pub bytes: u64,
    /// Records out of sequence.
    pub errors: u64,
}

impl Tally {
    /// A tally for a topic of `partitions` partitions.
    pub fn new(partitions: i32) -> Tally {
        Tally { next: vec![0; partitions.max(0) as usize], records: 0, bytes: 0, errors: 0 }
    }

    /// Counts one record.
    #[inline]
    pub fn record(&mut self, partition: i32, offset: i64, value_len: usize) {
        self.records += 1;
        self.bytes += value_len as u64;
        match self.next.get_mut(partition as usize) {
            Some(next) if *next == offset => *next += 1,
            _ => {
                if self.errors == 0 {
                    eprintln!("consume: first out-of-sequence record: partition {partition} offset {offset}");
                }
                self.errors += 1;
            }
        }
    }

    /// Per partition, the offset after the last record received in sequence: what a consumer
    /// that has committed its positions after the last poll must have committed.
    pub fn next_offsets(&self) -> &[i64] {
        &self.next
    }

    /// Checks a `commit` variant's committed offsets (`committed[p]` for partition `p`, read
    /// back from the group after the run) against what was received. A partition nothing was
    /// read from may have no committed offset or 0.
    pub fn check_committed(&self, committed: &[Option<i64>]) -> Result<(), String> {
        let matches =
            committed.len() == self.next.len() && committed.iter().zip(&self.next).all(|(c, &n)| c.unwrap_or(0) == n);
        if matches {
            Ok(())
        } else {
            Err(format!(
                "committed offsets {committed:?}, expected {:?} (per partition, after the last poll)",
                self.next
            ))
        }
    }

    /// The result line's content, `elapsed` from creation to the last record.
    pub fn outcome(&self, elapsed: Duration) -> Outcome {
        Outcome { records: self.records, bytes: self.bytes, elapsed, errors: self.errors }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn arguments_parse() {
        let args = Args::parse(
            ["--bootstrap", "h:1", "--topic", "t", "--partitions", "6", "--records", "10", "--variant", "base"]
                .map(String::from),
        )
        .unwrap();
        assert_eq!((args.partitions, args.records, args.variant.as_deref()), (6, 10, Some("base")));
        assert!(Args::parse(["--topic", "t"].map(String::from)).is_err());
        assert!(Args::parse(
            ["--bootstrap", "h:1", "--topic", "t", "--partitions", "0", "--records", "1"].map(String::from)
        )
        .is_err());
    }

    #[test]
    fn the_tally_counts_duplicates_and_gaps() {
        let mut tally = Tally::new(2);
        tally.record(0, 0, 100);
        tally.record(0, 1, 100);
        tally.record(1, 0, 100);
        assert_eq!((tally.records, tally.bytes, tally.errors), (3, 300, 0));
        tally.record(0, 1, 100); // duplicate
        tally.record(1, 2, 100); // gap
        tally.record(7, 0, 100); // no such partition
        assert_eq!((tally.records, tally.errors), (6, 3));
    }

    #[test]
    fn committed_offsets_must_match_what_was_read() {
        let mut tally = Tally::new(3);
        tally.record(0, 0, 1);
        tally.record(0, 1, 1);
        tally.record(2, 0, 1);
        assert_eq!(tally.next_offsets(), &[2, 0, 1]);
        assert!(tally.check_committed(&[Some(2), None, Some(1)]).is_ok());
        assert!(tally.check_committed(&[Some(2), Some(0), Some(1)]).is_ok());
        assert!(tally.check_committed(&[Some(1), None, Some(1)]).is_err());
        assert!(tally.check_committed(&[Some(2), None]).is_err());
        assert!(commit_group("t", "ours").starts_with("t-ours-commit-"));
    }
}
