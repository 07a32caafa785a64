//! How the console consumer prints a record: Java's `DefaultMessageFormatter` byte for byte,
//! one JSON object per line, or a kcat-style format string.
//!
//! Java's formatter writes the enabled fields in a fixed order (timestamp, partition, offset,
//! headers, key, value), each followed by `key.separator` when another field follows and by
//! `line.separator` when none does; the value, when printed, is always followed by
//! `line.separator`. A missing key, value or header value prints as `null.literal` (`null`).

use std::io::Write;

use anyhow::{bail, Context, Result};
use kfk_client::consumer::ConsumerRecord;
use kfk_protocol::records::TimestampType;
use serde_json::json;

use crate::deserialize::JavaDeserializer;
use crate::props::{self, Pairs};

/// Java's `DefaultMessageFormatter` settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultFormatter {
    pub print_timestamp: bool,
    pub print_key: bool,
    pub print_value: bool,
    pub print_partition: bool,
    pub print_offset: bool,
    pub print_headers: bool,
    pub key_separator: Vec<u8>,
    pub line_separator: Vec<u8>,
    pub headers_separator: Vec<u8>,
    pub null_literal: Vec<u8>,
    /// `key.deserializer`, `value.deserializer`, `headers.deserializer` (none: the bytes as
    /// they are, as Java's default `ByteArrayDeserializer`-less formatter prints them).
    pub key_deserializer: Option<JavaDeserializer>,
    pub value_deserializer: Option<JavaDeserializer>,
    pub headers_deserializer: Option<JavaDeserializer>,
}

/// The properties Java's formatter reads. `print.delivery` prints a share group's delivery
/// count, which records read by this (non-share) consumer do not have: Java prints nothing for
/// it either.
const FORMATTER_KEYS: &[&str] = &[
    "print.timestamp",
    "print.key",
    "print.value",
    "print.partition",
    "print.offset",
    "print.headers",
    "print.delivery",
    "key.separator",
    "line.separator",
    "headers.separator",
    "null.literal",
    "key.deserializer",
    "value.deserializer",
    "headers.deserializer",
];

impl DefaultFormatter {
    pub fn from_properties(p: &Pairs) -> Result<DefaultFormatter> {
        if let Some((k, _)) = p.iter().find(|(k, _)| !FORMATTER_KEYS.contains(&k.as_str())) {
            bail!("unknown --property `{k}`; the formatter reads {}", FORMATTER_KEYS.join(", "));
        }
        let bytes = |key: &str, default: &str| props::get(p, key).unwrap_or(default).as_bytes().to_vec();
        let deserializer = |key: &str| props::get(p, key).map(JavaDeserializer::from_class).transpose();
        Ok(DefaultFormatter {
            key_deserializer: deserializer("key.deserializer")?,
            value_deserializer: deserializer("value.deserializer")?,
            headers_deserializer: deserializer("headers.deserializer")?,
            print_timestamp: props::flag(p, "print.timestamp", false),
            print_key: props::flag(p, "print.key", false),
            print_value: props::flag(p, "print.value", true),
            print_partition: props::flag(p, "print.partition", false),
            print_offset: props::flag(p, "print.offset", false),
            print_headers: props::flag(p, "print.headers", false),
            key_separator: bytes("key.separator", "\t"),
            line_separator: bytes("line.separator", "\n"),
            headers_separator: bytes("headers.separator", ","),
            null_literal: bytes("null.literal", "null"),
        })
    }

    fn separator(&self, out: &mut Vec<u8>, more: bool) {
        out.extend_from_slice(if more { &self.key_separator } else { &self.line_separator });
    }

    /// Appends the record as Java prints it; a key, value or header value its deserializer
    /// refuses is an error, and then nothing of the record is appended.
    pub fn write(&self, r: &ConsumerRecord, out: &mut Vec<u8>) -> Result<()> {
        let start = out.len();
        let written = self.write_fields(r, out);
        if written.is_err() {
            out.truncate(start);
        }
        written
    }

    fn field(&self, d: Option<JavaDeserializer>, data: Option<&[u8]>, what: &str, out: &mut Vec<u8>) -> Result<()> {
        match d {
            Some(d) => d.render(data, &self.null_literal, out).with_context(|| format!("the record's {what}")),
            None => {
                out.extend_from_slice(data.unwrap_or(&self.null_literal));
                Ok(())
            }
        }
    }

    fn write_fields(&self, r: &ConsumerRecord, out: &mut Vec<u8>) -> Result<()> {
        if self.print_timestamp {
            if r.timestamp_type == TimestampType::NoTimestampType {
                out.extend_from_slice(b"NO_TIMESTAMP");
            } else {
                let _ = write!(out, "{}:{}", r.timestamp_type.name(), r.timestamp);
            }
            self.separator(
                out,
                self.print_partition || self.print_offset || self.print_headers || self.print_key || self.print_value,
            );
        }
        if self.print_partition {
            let _ = write!(out, "Partition:{}", r.partition);
            self.separator(out, self.print_offset || self.print_headers || self.print_key || self.print_value);
        }
        if self.print_offset {
            let _ = write!(out, "Offset:{}", r.offset);
            self.separator(out, self.print_headers || self.print_key || self.print_value);
        }
        if self.print_headers {
            if r.headers.is_empty() {
                out.extend_from_slice(b"NO_HEADERS");
            } else {
                for (i, h) in r.headers.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(&self.headers_separator);
                    }
                    out.extend_from_slice(&h.key);
                    out.push(b':');
                    self.field(self.headers_deserializer, h.value.as_deref(), "header value", out)?;
                }
            }
            self.separator(out, self.print_key || self.print_value);
        }
        if self.print_key {
            self.field(self.key_deserializer, r.key.as_deref(), "key", out)?;
            self.separator(out, self.print_value);
        }
        if self.print_value {
            self.field(self.value_deserializer, r.value.as_deref(), "value", out)?;
            out.extend_from_slice(&self.line_separator);
        }
        Ok(())
    }
}

/// Bytes as text: UTF-8 as it is, anything else lossily (JSON has no bytes).
fn text(b: Option<&[u8]>) -> serde_json::Value {
    match b {
        Some(b) => json!(String::from_utf8_lossy(b)),
        None => serde_json::Value::Null,
    }
}

/// One JSON object per record.
pub fn write_json(r: &ConsumerRecord, out: &mut Vec<u8>) {
    let headers: Vec<serde_json::Value> = r
        .headers
        .iter()
        .map(|h| json!({"key": String::from_utf8_lossy(&h.key), "value": text(h.value.as_deref())}))
        .collect();
    let v = json!({
        "topic": &*r.topic,
        "partition": r.partition,
        "offset": r.offset,
        "timestamp": r.timestamp,
        "timestamp_type": r.timestamp_type.name(),
        "key": text(r.key.as_deref()),
        "value": text(r.value.as_deref()),
        "headers": headers,
    });
    let _ = writeln!(out, "{v}");
}

/// kcat's `-f` format: `%t` topic, `%p` partition, `%o` offset, `%k` key, `%s` value, `%K` and
/// `%S` their lengths (-1 for null), `%T` timestamp, `%h` headers (`k=v,...`), `%%`, and the
/// escapes `\n`, `\t`, `\r`, `\\`.
pub fn write_kcat(fmt: &str, r: &ConsumerRecord, out: &mut Vec<u8>) {
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => match chars.next() {
                Some('t') => out.extend_from_slice(r.topic.as_bytes()),
                Some('p') => {
                    let _ = write!(out, "{}", r.partition);
                }
                Some('o') => {
                    let _ = write!(out, "{}", r.offset);
                }
                Some('k') => out.extend_from_slice(r.key.as_deref().unwrap_or_default()),
                Some('s') => out.extend_from_slice(r.value.as_deref().unwrap_or_default()),
                Some('K') => {
                    let _ = write!(out, "{}", r.key.as_ref().map(|k| k.len() as i64).unwrap_or(-1));
                }
                Some('S') => {
                    let _ = write!(out, "{}", r.value.as_ref().map(|v| v.len() as i64).unwrap_or(-1));
                }
                Some('T') => {
                    let _ = write!(out, "{}", r.timestamp);
                }
                Some('h') => {
                    for (i, h) in r.headers.iter().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        out.extend_from_slice(&h.key);
                        out.push(b'=');
                        out.extend_from_slice(h.value.as_deref().unwrap_or_default());
                    }
                }
                Some('%') => out.push(b'%'),
                Some(other) => {
                    out.push(b'%');
                    let mut b = [0; 4];
                    out.extend_from_slice(other.encode_utf8(&mut b).as_bytes());
                }
                None => out.push(b'%'),
            },
            '\\' => match chars.next() {
                Some('n') => out.push(b'\n'),
                Some('t') => out.push(b'\t'),
                Some('r') => out.push(b'\r'),
                Some('\\') => out.push(b'\\'),
                Some(other) => {
                    out.push(b'\\');
                    let mut b = [0; 4];
                    out.extend_from_slice(other.encode_utf8(&mut b).as_bytes());
                }
                None => out.push(b'\\'),
            },
            c => {
                let mut b = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn record(key: Option<&'static str>, value: Option<&'static str>) -> ConsumerRecord {
        let mut record = ConsumerRecord::new("t", 2, 7).timestamp(1000).timestamp_type(TimestampType::CreateTime);
        record.key = key.map(|k| Bytes::from_static(k.as_bytes()));
        record.value = value.map(|v| Bytes::from_static(v.as_bytes()));
        record
    }

    fn format(pairs: &[(&str, &str)], r: &ConsumerRecord) -> String {
        let f = DefaultFormatter::from_properties(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
            .unwrap();
        let mut out = Vec::new();
        f.write(r, &mut out).expect("printed");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn deserializers_render_fields_and_a_refused_record_prints_nothing() {
        let pairs = [
            ("print.key", "true"),
            ("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            ("value.deserializer", "org.apache.kafka.common.serialization.IntegerDeserializer"),
        ];
        let mut r = record(Some("k"), None);
        r.value = Some(Bytes::copy_from_slice(&7i32.to_be_bytes()));
        assert_eq!(format(&pairs, &r), "k\t7\n");
        let f = DefaultFormatter::from_properties(&pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
            .unwrap();
        let mut out = b"before\n".to_vec();
        let e = f.write(&record(Some("k"), Some("abc")), &mut out).unwrap_err();
        assert_eq!(format!("{e:#}"), "the record's value: Size of data received by IntegerDeserializer is not 4");
        assert_eq!(out, b"before\n", "nothing of the refused record");
    }

    #[test]
    fn by_default_only_the_value_is_printed() {
        assert_eq!(format(&[], &record(Some("k"), Some("v"))), "v\n");
    }

    #[test]
    fn fields_come_in_javas_order_separated_by_the_key_separator() {
        let all = [
            ("print.timestamp", "true"),
            ("print.partition", "true"),
            ("print.offset", "true"),
            ("print.headers", "true"),
            ("print.key", "true"),
            ("key.separator", "|"),
        ];
        assert_eq!(format(&all, &record(None, Some("v"))), "CreateTime:1000|Partition:2|Offset:7|NO_HEADERS|null|v\n");
    }

    #[test]
    fn without_the_value_the_last_field_ends_the_line() {
        assert_eq!(format(&[("print.key", "true"), ("print.value", "false")], &record(Some("k"), None)), "k\n");
    }

    #[test]
    fn null_literal_and_line_separator_are_used() {
        let p = [("null.literal", "<nil>"), ("line.separator", ";")];
        assert_eq!(format(&p, &record(None, None)), "<nil>;");
    }

    #[test]
    fn kcat_format_strings_expand() {
        let mut out = Vec::new();
        write_kcat("%t/%p@%o %k=%s (%K,%S)\\n", &record(Some("k"), None), &mut out);
        assert_eq!(String::from_utf8(out).unwrap(), "t/2@7 k= (1,-1)\n");
    }
}
