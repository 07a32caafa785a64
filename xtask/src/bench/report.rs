//! The results table and the closing comparison line of `cargo xtask bench produce` and
//! `cargo xtask bench consume`.

use std::fmt::Write as _;
use std::time::Duration;

/// One client's run of one case.
#[derive(Debug, Clone)]
pub struct Row {
    /// `ours`, `rdkafka` or `java`.
    pub client: &'static str,
    /// `enqueue`, `future`, `base`, `ProducerPerformance`, `poll`, `stream`, `ConsumerPerformance`.
    pub variant: &'static str,
    /// Value size in bytes.
    pub value_size: usize,
    /// `none` or `lz4`.
    pub compression: &'static str,
    /// Records acknowledged (produce) or received (consume).
    pub records: u64,
    /// Records that failed (produce) or came out of sequence (consume).
    pub errors: u64,
    /// From the first send to the last acknowledgement, or from the consumer's creation to the
    /// last record received, as the client measured it.
    pub elapsed: Duration,
    /// CPU time (user + system) of the whole client process.
    pub cpu: Duration,
    /// Peak RSS of the client process, KiB.
    pub peak_rss_kib: u64,
    /// The client process's wall time, start-up and shutdown included.
    pub wall: Duration,
}

impl Row {
    /// Records per second.
    pub fn rate(&self) -> f64 {
        self.records as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Value megabytes (10^6 bytes) per second.
    pub fn mb_per_s(&self) -> f64 {
        self.rate() * self.value_size as f64 / 1e6
    }

    /// CPU seconds per million records.
    pub fn cpu_per_million(&self) -> f64 {
        self.cpu.as_secs_f64() * 1e6 / (self.records.max(1) as f64)
    }
}

/// The table, one line per row, columns aligned.
pub fn table(rows: &[Row]) -> String {
    let header = [
        "client",
        "variant",
        "value",
        "compression",
        "records",
        "errors",
        "records/s",
        "MB/s",
        "CPU s/M rec",
        "peak RSS MiB",
    ];
    let cells: Vec<[String; 10]> = rows
        .iter()
        .map(|r| {
            [
                r.client.to_string(),
                r.variant.to_string(),
                format!("{} B", r.value_size),
                r.compression.to_string(),
                r.records.to_string(),
                r.errors.to_string(),
                format!("{:.0}", r.rate()),
                format!("{:.1}", r.mb_per_s()),
                format!("{:.2}", r.cpu_per_million()),
                format!("{:.1}", r.peak_rss_kib as f64 / 1024.0),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, row: &[&str]| {
        let mut text = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            // Text columns left-aligned, numbers right-aligned.
            if i < 4 {
                let _ = write!(text, "| {cell:<w$} ");
            } else {
                let _ = write!(text, "| {cell:>w$} ");
            }
        }
        out.push_str(&text);
        out.push_str("|\n");
    };
    line(&mut out, &header);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(&mut out, &rule.iter().map(String::as_str).collect::<Vec<_>>());
    for row in &cells {
        line(&mut out, &row.iter().map(String::as_str).collect::<Vec<_>>());
    }
    out
}

/// `<what> ours/rdkafka: throughput x<R>, cpu per record x<C>` for the 100 B uncompressed case,
/// against the faster rdkafka variant; `None` if that case lacks either client.
pub fn closing_line(what: &str, rows: &[Row]) -> Option<String> {
    let case = |r: &&Row| r.value_size == 100 && r.compression == "none";
    let ours = rows.iter().filter(case).find(|r| r.client == "ours")?;
    let peer =
        rows.iter().filter(case).filter(|r| r.client == "rdkafka").max_by(|a, b| a.rate().total_cmp(&b.rate()))?;
    Some(ratio_line(what, "rdkafka", ours, peer))
}

/// `<what> ours/<peer>: throughput x<R>, cpu per record x<C>`.
pub fn ratio_line(what: &str, peer_name: &str, ours: &Row, peer: &Row) -> String {
    let throughput = ours.rate() / peer.rate();
    let cpu = ours.cpu_per_million() / peer.cpu_per_million();
    format!("{what} ours/{peer_name}: throughput x{throughput:.2}, cpu per record x{cpu:.2}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    fn row(client: &'static str, variant: &'static str, records: u64, secs: u64, cpu_secs: u64) -> Row {
        Row {
            client,
            variant,
            value_size: 100,
            compression: "none",
            records,
            errors: 0,
            elapsed: Duration::from_secs(secs),
            cpu: Duration::from_secs(cpu_secs),
            peak_rss_kib: 10 * 1024,
            wall: Duration::from_secs(secs + 1),
        }
    }

    #[test]
    fn the_closing_line_compares_with_the_faster_rdkafka() {
        let rows = [
            row("ours", "enqueue", 1_000_000, 2, 1),
            row("rdkafka", "future", 1_000_000, 4, 4),
            row("rdkafka", "base", 1_000_000, 3, 2),
        ];
        assert_eq!(
            closing_line("produce", &rows).unwrap(),
            "produce ours/rdkafka: throughput x1.50, cpu per record x0.50"
        );
        assert_eq!(closing_line("consume", &rows[..1]), None);
    }

    #[test]
    fn the_table_has_a_line_per_row() {
        let text = table(&[row("ours", "enqueue", 1_000_000, 2, 1)]);
        assert_eq!(text.lines().count(), 3);
        assert!(text.contains("500000"), "{text}");
        assert!(text.contains(" 1.00 |"), "{text}");
    }
}
