//! What the produce load generators (`src/bin/produce_*.rs`) share: their command line, the
//! workload's values, and the one result line each prints.
//!
//! `cargo xtask bench produce` runs each generator as its own process against the same broker
//! and topic layout, and measures the process from outside (CPU time, peak RSS). A generator
//! only produces and reports:
//!
//! ```text
//! produce_<client> --bootstrap HOST:PORT --topic T (--records N | --duration SECS)
//!                  --value-size BYTES --compression none|lz4 [--variant future|base]
//! ```
//!
//! and prints, on stdout, exactly one line of the form
//!
//! ```text
//! RESULT records=<acknowledged> bytes=<value bytes acknowledged> elapsed_s=<seconds> errors=<failed>
//! ```
//!
//! The clock starts just before the first record is handed to the producer (after the producer
//! object exists, before any metadata is known) and stops when the last record is settled.
//!
//! The workload is the one of Kafka's `ProducerPerformance`: null keys (so the sticky
//! partitioner spreads batches over the partitions), values of random upper-case letters, every
//! record's value different from its neighbours'. `ProducerPerformance` draws a new value per
//! record; the generators here cycle through [`Values`], a pool of pre-drawn values large
//! enough that a value never repeats within lz4's 64 KiB window, so compression sees the same
//! statistics without paying a random-number generator per byte in the measured loop.

use std::time::Duration;

/// The settings every producer in the comparison gets (the issue's workload).
pub const ACKS: &str = "all";
/// Idempotence on.
pub const IDEMPOTENCE: &str = "true";
/// `linger.ms`.
pub const LINGER_MS: &str = "5";
/// `batch.size`: 1 MiB.
pub const BATCH_SIZE: &str = "1048576";

/// How long a generator keeps producing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    /// Exactly this many records.
    Records(u64),
    /// As many records as fit in this long (for calibration).
    Duration(Duration),
}

impl Amount {
    /// Whether `sent` records after `elapsed` are enough. Cheap to call per record: the clock is
    /// read only every 1024 records.
    #[inline]
    pub fn done(&self, sent: u64, start: std::time::Instant) -> bool {
        match *self {
            Amount::Records(n) => sent >= n,
            Amount::Duration(d) => sent.is_multiple_of(1024) && start.elapsed() >= d,
        }
    }
}

/// A generator's command line.
#[derive(Debug, Clone)]
pub struct Args {
    /// `--bootstrap`.
    pub bootstrap: String,
    /// `--topic`.
    pub topic: String,
    /// `--records` or `--duration`.
    pub amount: Amount,
    /// `--value-size`.
    pub value_size: usize,
    /// `--compression`: `none` or `lz4` (passed through as `compression.type`).
    pub compression: String,
    /// `--variant`, for generators that have several (`produce_rdkafka`: `future` or `base`).
    pub variant: Option<String>,
    /// `--transaction-ms`: produce in transactions of this length (a transactional producer,
    /// as `ProducerPerformance --transaction-duration-ms` does); only committed records count.
    pub transaction_ms: Option<u64>,
}

/// The usage line of the generators.
pub const USAGE: &str = "usage: produce_<client> --bootstrap HOST:PORT --topic T (--records N | --duration SECS) \
                         --value-size BYTES --compression none|lz4 [--variant V] [--transaction-ms MS]";

impl Args {
    /// Parses `std::env::args()`.
    pub fn from_env() -> Result<Args, String> {
        Args::parse(std::env::args().skip(1))
    }

    /// Parses a generator's arguments (without the program name).
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
        let mut bootstrap = None;
        let mut topic = None;
        let mut amount = None;
        let mut value_size = None;
        let mut compression = "none".to_string();
        let mut variant = None;
        let mut transaction_ms = None;
        let mut args = args.into_iter();
        while let Some(flag) = args.next() {
            let value = args.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
            match flag.as_str() {
                "--bootstrap" => bootstrap = Some(value),
                "--topic" => topic = Some(value),
                "--records" => {
                    amount = Some(Amount::Records(value.parse().map_err(|e| format!("--records {value}: {e}"))?))
                }
                "--duration" => {
                    let secs: f64 = value.parse().map_err(|e| format!("--duration {value}: {e}"))?;
                    if !(secs > 0.0 && secs < 86_400.0) {
                        return Err(format!("--duration {value}: between 0 and 86400 seconds"));
                    }
                    amount = Some(Amount::Duration(Duration::from_secs_f64(secs)))
                }
                "--value-size" => value_size = Some(value.parse().map_err(|e| format!("--value-size {value}: {e}"))?),
                "--compression" => match value.as_str() {
                    "none" | "lz4" | "gzip" | "snappy" | "zstd" => compression = value,
                    _ => return Err(format!("--compression {value}: none, gzip, snappy, lz4 or zstd")),
                },
                "--variant" => variant = Some(value),
                "--transaction-ms" => {
                    let ms: u64 = value.parse().map_err(|e| format!("--transaction-ms {value}: {e}"))?;
                    if ms == 0 {
                        return Err("--transaction-ms must be at least 1".into());
                    }
                    transaction_ms = Some(ms);
                }
                other => return Err(format!("unknown option {other}\n{USAGE}")),
            }
        }
        Ok(Args {
            bootstrap: bootstrap.ok_or_else(|| format!("--bootstrap is required\n{USAGE}"))?,
            topic: topic.ok_or_else(|| format!("--topic is required\n{USAGE}"))?,
            amount: amount.ok_or_else(|| format!("--records or --duration is required\n{USAGE}"))?,
            value_size: value_size.ok_or_else(|| format!("--value-size is required\n{USAGE}"))?,
            compression,
            variant,
            transaction_ms,
        })
    }
}

/// Values of random upper-case letters (as `ProducerPerformance --record-size` draws them),
/// cycled through so that neighbouring records differ.
#[derive(Debug, Clone)]
pub struct Values {
    pool: Vec<u8>,
    size: usize,
    count: usize,
}

impl Values {
    /// Enough values of `size` bytes that one repeats only after at least 64 KiB (lz4's window)
    /// and at least 1,024 records.
    pub fn new(size: usize) -> Values {
        let count = (64 * 1024 / size.max(1) + 1).max(1024).next_power_of_two();
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let pool = (0..count * size)
            .map(|_| {
                // xorshift64*: deterministic, good enough for letters.
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
                b'A' + ((r >> 32) % 26) as u8
            })
            .collect();
        Values { pool, size, count }
    }

    /// The value of record `i`.
    #[inline]
    pub fn get(&self, i: u64) -> &[u8] {
        let index = (i as usize) & (self.count - 1);
        &self.pool[index * self.size..(index + 1) * self.size]
    }
}

/// The generators' result: printed as the one `RESULT` line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// Records acknowledged by the broker.
    pub records: u64,
    /// Value bytes of those records.
    pub bytes: u64,
    /// From the first send to the last acknowledgement.
    pub elapsed: Duration,
    /// Records that failed.
    pub errors: u64,
}

impl Outcome {
    /// The `RESULT ...` line.
    pub fn line(&self) -> String {
        format!(
            "RESULT records={} bytes={} elapsed_s={:.6} errors={}",
            self.records,
            self.bytes,
            self.elapsed.as_secs_f64(),
            self.errors
        )
    }

    /// Parses a `RESULT ...` line.
    pub fn parse(line: &str) -> Option<Outcome> {
        let rest = line.trim().strip_prefix("RESULT ")?;
        let (mut records, mut bytes, mut elapsed, mut errors) = (None, None, None, None);
        for field in rest.split_whitespace() {
            let (key, value) = field.split_once('=')?;
            match key {
                "records" => records = value.parse().ok(),
                "bytes" => bytes = value.parse().ok(),
                "elapsed_s" => elapsed = value.parse::<f64>().ok().map(Duration::from_secs_f64),
                "errors" => errors = value.parse().ok(),
                _ => {}
            }
        }
        Some(Outcome { records: records?, bytes: bytes?, elapsed: elapsed?, errors: errors? })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn result_lines_round_trip() {
        let outcome = Outcome { records: 10, bytes: 1000, elapsed: Duration::from_micros(1_500_000), errors: 1 };
        assert_eq!(Outcome::parse(&outcome.line()), Some(outcome));
        assert_eq!(Outcome::parse("RESULT records=1"), None);
    }

    #[test]
    fn values_differ_within_the_lz4_window() {
        let values = Values::new(100);
        assert!(values.get(0).iter().all(u8::is_ascii_uppercase));
        assert_ne!(values.get(0), values.get(1));
        assert!(values.count * 100 > 64 * 1024);
        assert_eq!(values.get(0), values.get(values.count as u64));
    }

    #[test]
    fn arguments_parse() {
        let args = Args::parse(
            ["--bootstrap", "h:1", "--topic", "t", "--records", "5", "--value-size", "100", "--compression", "lz4"]
                .map(String::from),
        )
        .unwrap();
        assert_eq!(args.amount, Amount::Records(5));
        assert_eq!(args.compression, "lz4");
        assert!(Args::parse(["--topic".to_string()]).is_err());
    }
}
