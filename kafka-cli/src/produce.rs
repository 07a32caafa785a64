//! `kfk console-producer`: lines from standard input (or a file) as records, read as Java's
//! `LineMessageReader` reads them (`parse.key`, `key.separator`, `parse.headers`,
//! `headers.delimiter`, `headers.separator`, `headers.key.separator`, `null.marker`,
//! `ignore.error`). Every line is handed to the producer at once; acknowledgements are
//! collected as they come, and the exit code is non-zero when any record failed, saying how
//! many.

use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use kfk_client::producer::{Delivery, Producer, ProducerRecord};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};
use tokio::sync::mpsc;

use crate::cli::{Global, ProducerArgs};
use crate::props::{self, parse_pairs, Pairs};

/// How a line becomes a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineReader {
    pub parse_key: bool,
    pub key_separator: String,
    pub parse_headers: bool,
    pub headers_delimiter: String,
    pub headers_separator: String,
    pub headers_key_separator: String,
    pub null_marker: Option<String>,
    pub ignore_error: bool,
}

/// One line read as a record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub key: Option<String>,
    pub value: Option<String>,
    pub headers: Vec<(String, Option<String>)>,
}

impl LineReader {
    pub fn from_properties(p: &Pairs) -> Result<LineReader> {
        let known = [
            "parse.key",
            "key.separator",
            "parse.headers",
            "headers.delimiter",
            "headers.separator",
            "headers.key.separator",
            "null.marker",
            "ignore.error",
        ];
        if let Some((k, _)) = p.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            bail!("unknown --property `{k}`; the console producer reads {}", known.join(", "));
        }
        let reader = LineReader {
            parse_key: props::flag(p, "parse.key", false),
            key_separator: props::get(p, "key.separator").unwrap_or("\t").to_string(),
            parse_headers: props::flag(p, "parse.headers", false),
            headers_delimiter: props::get(p, "headers.delimiter").unwrap_or("\t").to_string(),
            headers_separator: props::get(p, "headers.separator").unwrap_or(",").to_string(),
            headers_key_separator: props::get(p, "headers.key.separator").unwrap_or(":").to_string(),
            null_marker: props::get(p, "null.marker").filter(|m| !m.is_empty()).map(String::from),
            ignore_error: props::flag(p, "ignore.error", false),
        };
        for (name, sep) in [
            ("key.separator", &reader.key_separator),
            ("headers.delimiter", &reader.headers_delimiter),
            ("headers.separator", &reader.headers_separator),
            ("headers.key.separator", &reader.headers_key_separator),
        ] {
            if sep.is_empty() {
                bail!("--property {name} must not be empty");
            }
        }
        if let Some(marker) = &reader.null_marker {
            if reader.parse_key && *marker == reader.key_separator {
                bail!("null.marker and key.separator must differ");
            }
        }
        Ok(reader)
    }

    fn null(&self, s: &str) -> Option<String> {
        match &self.null_marker {
            Some(m) if m == s => None,
            _ => Some(s.to_string()),
        }
    }

    /// Splits one line (without its line end); `number` counts from 1, for errors.
    pub fn parse(&self, line: &str, number: u64) -> Result<Line, String> {
        let mut rest = line;
        let mut out = Line::default();
        if self.parse_headers {
            match rest.find(&self.headers_delimiter) {
                Some(i) => {
                    let headers = &rest[..i];
                    rest = &rest[i + self.headers_delimiter.len()..];
                    if self.null_marker.as_deref() != Some(headers) {
                        for h in headers.split(&self.headers_separator) {
                            let (k, v) = match h.split_once(&self.headers_key_separator) {
                                Some((k, v)) => (k, self.null(v)),
                                None if self.ignore_error => (h, None),
                                None => {
                                    return Err(format!(
                                    "no header key separator `{}` in header `{h}` on line number {number}: '{line}'",
                                    self.headers_key_separator
                                ))
                                }
                            };
                            if self.null_marker.as_deref() == Some(k) {
                                return Err(format!("header key cannot match null.marker on line number {number}"));
                            }
                            out.headers.push((k.to_string(), v));
                        }
                    }
                }
                None if self.ignore_error => {}
                None => {
                    return Err(format!(
                        "no headers delimiter `{}` on line number {number}: '{line}' (parse.headers=true)",
                        self.headers_delimiter.escape_debug()
                    ))
                }
            }
        }
        if self.parse_key {
            match rest.find(&self.key_separator) {
                Some(i) => {
                    out.key = self.null(&rest[..i]);
                    out.value = self.null(&rest[i + self.key_separator.len()..]);
                }
                None if self.ignore_error => out.value = self.null(rest),
                None => {
                    return Err(format!(
                        "no key separator `{}` on line number {number}: '{line}' (parse.key=true)",
                        self.key_separator.escape_debug()
                    ))
                }
            }
        } else {
            out.value = self.null(rest);
        }
        Ok(out)
    }
}

/// The producer settings the Java tool's flags stand for, then `--producer-property`.
fn producer_settings(args: &ProducerArgs) -> Result<Pairs> {
    let mut p = Pairs::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            p.push((k.to_string(), v));
        }
    };
    put("acks", args.acks.clone());
    put("compression.type", args.compression_codec.clone());
    put("linger.ms", args.linger_ms.map(|v| v.to_string()));
    put("batch.size", args.batch_size.map(|v| v.to_string()));
    put("retries", args.retries.map(|v| v.to_string()));
    put("retry.backoff.ms", args.retry_backoff_ms.map(|v| v.to_string()));
    put("request.timeout.ms", args.request_timeout_ms.map(|v| v.to_string()));
    put("max.block.ms", args.max_block_ms.map(|v| v.to_string()));
    put("buffer.memory", args.max_memory_bytes.map(|v| v.to_string()));
    p.extend(parse_pairs(&args.producer_property, "--producer-property")?);
    Ok(p)
}

pub async fn run(global: &Global, args: ProducerArgs) -> Result<ExitCode> {
    let reader = LineReader::from_properties(&parse_pairs(&args.property, "--property")?)?;
    let config = props::producer_config(global, &producer_settings(&args)?)?;
    // Fail early, and say so, when the topic does not exist or no broker answers.
    crate::consume::check_topic(global, &args.topic).await?;
    let producer = Producer::new(config).context("cannot create the producer")?;
    let (input, bar): (Box<dyn AsyncBufRead + Unpin + Send>, _) = match &args.input_file {
        Some(path) => {
            let file = tokio::fs::File::open(path).await.with_context(|| format!("cannot open {}", path.display()))?;
            let size = file.metadata().await.map(|m| m.len()).unwrap_or(0);
            (Box::new(BufReader::new(file)), crate::table::progress(size, "bytes"))
        }
        None => (Box::new(BufReader::new(tokio::io::stdin())), None),
    };
    let (sent, failed, read_error) =
        produce_lines(&producer, &args.topic, &reader, input, args.sync, bar.as_ref()).await;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // Every failure was counted from its delivery already; close only waits for the last ones.
    let _ = producer.close(std::time::Duration::from_secs(30)).await;
    if failed > 0 {
        eprintln!("error: {failed} of {sent} records failed to be produced to {}", args.topic);
    }
    if let Some(e) = read_error {
        eprintln!("error: {e}; the lines before it were produced ({} of {sent} records acknowledged)", sent - failed);
        return Ok(ExitCode::FAILURE);
    }
    if failed > 0 {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Produces every line; returns (records handed to the producer, records failed, the reading
/// or parsing error that stopped it).
async fn produce_lines(
    producer: &Producer,
    topic: &str,
    reader: &LineReader,
    mut input: Box<dyn AsyncBufRead + Unpin + Send>,
    sync: bool,
    bar: Option<&indicatif::ProgressBar>,
) -> (u64, u64, Option<String>) {
    // Acknowledgements are awaited in a task of their own, in order, so reading never waits for
    // the broker (except with --sync).
    let (tx, mut rx) = mpsc::unbounded_channel::<Delivery>();
    let acks = tokio::spawn(async move {
        let mut failed = 0u64;
        while let Some(d) = rx.recv().await {
            if let Err(e) = d.await {
                failed += 1;
                if failed <= 10 {
                    eprintln!("error: {e}");
                }
            }
        }
        failed
    });
    let mut sent = 0u64;
    let mut failed = 0u64;
    let mut number = 0u64;
    let mut buf = Vec::new();
    let mut stop = None;
    loop {
        buf.clear();
        match input.read_until(b'\n', &mut buf).await {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                stop = Some(format!("reading the input failed: {e}"));
                break;
            }
        }
        number += 1;
        if let Some(bar) = bar {
            bar.inc(buf.len() as u64);
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        let text = String::from_utf8_lossy(&buf);
        let line = match reader.parse(&text, number) {
            Ok(line) => line,
            Err(e) => {
                stop = Some(e);
                break;
            }
        };
        let headers: Vec<(&str, Option<&[u8]>)> =
            line.headers.iter().map(|(k, v)| (k.as_str(), v.as_deref().map(str::as_bytes))).collect();
        let mut record = ProducerRecord::new(topic);
        if let Some(k) = &line.key {
            record = record.key(k.as_bytes());
        }
        if let Some(v) = &line.value {
            record = record.value(v.as_bytes());
        }
        if !headers.is_empty() {
            record = record.headers(&headers);
        }
        sent += 1;
        match producer.enqueue(record).await {
            Ok(delivery) if sync => {
                if let Err(e) = delivery.await {
                    failed += 1;
                    eprintln!("error: {e}");
                }
            }
            Ok(delivery) => {
                let _ = tx.send(delivery);
            }
            Err(e) => {
                failed += 1;
                if failed <= 10 {
                    eprintln!("error: line {number} not produced: {e}");
                }
            }
        }
    }
    drop(tx);
    failed += acks.await.unwrap_or(0);
    (sent, failed, stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(pairs: &[(&str, &str)]) -> LineReader {
        LineReader::from_properties(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()).unwrap()
    }

    #[test]
    fn by_default_the_whole_line_is_the_value() {
        let l = reader(&[]).parse("a\tb", 1).unwrap();
        assert_eq!(l, Line { key: None, value: Some("a\tb".into()), headers: vec![] });
    }

    #[test]
    fn parse_key_splits_at_the_first_separator() {
        let l = reader(&[("parse.key", "true"), ("key.separator", ":")]).parse("k:v:w", 1).unwrap();
        assert_eq!((l.key.as_deref(), l.value.as_deref()), (Some("k"), Some("v:w")));
    }

    #[test]
    fn a_line_without_the_key_separator_is_an_error_naming_the_line_unless_ignored() {
        let e = reader(&[("parse.key", "true"), ("key.separator", ":")]).parse("novalue", 7).unwrap_err();
        assert!(e.contains("line number 7"), "{e}");
        let l = reader(&[("parse.key", "true"), ("key.separator", ":"), ("ignore.error", "true")])
            .parse("novalue", 7)
            .unwrap();
        assert_eq!((l.key, l.value.as_deref()), (None, Some("novalue")));
    }

    #[test]
    fn headers_come_first_then_key_then_value() {
        let r = reader(&[("parse.key", "true"), ("parse.headers", "true"), ("null.marker", "NULL")]);
        let l = r.parse("h1:v1,h2:NULL\tk\tNULL", 1).unwrap();
        assert_eq!(l.headers, vec![("h1".into(), Some("v1".into())), ("h2".into(), None)]);
        assert_eq!((l.key.as_deref(), l.value), (Some("k"), None));
    }

    #[test]
    fn unknown_properties_are_refused() {
        assert!(LineReader::from_properties(&vec![("parse.keys".into(), "true".into())]).is_err());
    }
}
