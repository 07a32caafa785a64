//! The Java deserializers the console consumer's formatter takes (`key.deserializer`,
//! `value.deserializer`, `headers.deserializer`, or `--key-deserializer` and
//! `--value-deserializer`), rendered as Java's `DefaultMessageFormatter` renders them: the
//! deserialized object's `toString()` in UTF-8, and `null.literal` for a null.
//!
//! Bytes a deserializer refuses (four bytes wanted, three given) are an error naming the
//! deserializer, with Kafka's message: the console consumer stops on it, or with
//! `--skip-message-on-error` reports it and goes on, as Java's does.

use std::fmt::Write as _;

use anyhow::{bail, Result};

const PACKAGE: &str = "org.apache.kafka.common.serialization.";

/// One of Kafka's own deserializers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JavaDeserializer {
    /// `StringDeserializer`: UTF-8, malformed sequences replaced (as Java's decoder does).
    String,
    /// `ByteArrayDeserializer`: the bytes as they are (Java would print the array's identity,
    /// `[B@1b6d3586`, which no one wants; the bytes are what its users mean).
    ByteArray,
    /// `BytesDeserializer`: Kafka's `Bytes.toString()`, printable ASCII as it is and every
    /// other byte (and `\`) as `\xHH`.
    Bytes,
    /// `IntegerDeserializer`: 4 bytes, big-endian.
    Integer,
    /// `LongDeserializer`: 8 bytes, big-endian.
    Long,
    /// `ShortDeserializer`: 2 bytes, big-endian.
    Short,
    /// `FloatDeserializer`: 4 bytes, IEEE 754, printed as Java's `Float.toString`.
    Float,
    /// `DoubleDeserializer`: 8 bytes, IEEE 754, printed as Java's `Double.toString`.
    Double,
    /// `BooleanDeserializer`: one byte, 0 or 1.
    Boolean,
    /// `UUIDDeserializer`: the UUID's text form, printed in lower case.
    Uuid,
    /// `VoidDeserializer`: only null is valid.
    Void,
}

impl JavaDeserializer {
    /// The deserializer a Java class name names (`org.apache.kafka.common.serialization.`
    /// and the class, as Java's tools take it).
    pub fn from_class(class: &str) -> Result<JavaDeserializer> {
        let simple = class.strip_prefix(PACKAGE);
        Ok(match simple {
            Some("StringDeserializer") => JavaDeserializer::String,
            Some("ByteArrayDeserializer") => JavaDeserializer::ByteArray,
            Some("BytesDeserializer") => JavaDeserializer::Bytes,
            Some("IntegerDeserializer") => JavaDeserializer::Integer,
            Some("LongDeserializer") => JavaDeserializer::Long,
            Some("ShortDeserializer") => JavaDeserializer::Short,
            Some("FloatDeserializer") => JavaDeserializer::Float,
            Some("DoubleDeserializer") => JavaDeserializer::Double,
            Some("BooleanDeserializer") => JavaDeserializer::Boolean,
            Some("UUIDDeserializer") => JavaDeserializer::Uuid,
            Some("VoidDeserializer") => JavaDeserializer::Void,
            _ => bail!(
                "deserializer `{class}` is not one kfk has; it has Kafka's own: {PACKAGE}{{String,ByteArray,Bytes,\
                 Integer,Long,Short,Float,Double,Boolean,UUID,Void}}Deserializer"
            ),
        })
    }

    /// Appends what Java's formatter prints for `data` (`null` for a null).
    pub fn render(self, data: Option<&[u8]>, null: &[u8], out: &mut Vec<u8>) -> Result<()> {
        let Some(data) = data else {
            out.extend_from_slice(null);
            return Ok(());
        };
        match self {
            JavaDeserializer::String => out.extend_from_slice(String::from_utf8_lossy(data).as_bytes()),
            JavaDeserializer::ByteArray => out.extend_from_slice(data),
            JavaDeserializer::Bytes => {
                for &b in data {
                    if (b' '..=b'~').contains(&b) && b != b'\\' {
                        out.push(b);
                    } else {
                        out.extend_from_slice(format!("\\x{b:02X}").as_bytes());
                    }
                }
            }
            JavaDeserializer::Integer => push(out, i32::from_be_bytes(sized(data, "IntegerDeserializer")?)),
            JavaDeserializer::Long => push(out, i64::from_be_bytes(sized(data, "LongDeserializer")?)),
            JavaDeserializer::Short => push(out, i16::from_be_bytes(sized(data, "ShortDeserializer")?)),
            // Kafka's float and double deserializers name themselves just "Deserializer".
            JavaDeserializer::Float => {
                out.extend_from_slice(java_float(f32::from_be_bytes(sized(data, "Deserializer")?)).as_bytes())
            }
            JavaDeserializer::Double => {
                out.extend_from_slice(java_double(f64::from_be_bytes(sized(data, "Deserializer")?)).as_bytes())
            }
            JavaDeserializer::Boolean => match data {
                [0] => out.extend_from_slice(b"false"),
                [1] => out.extend_from_slice(b"true"),
                [b] => bail!("Unexpected byte received by BooleanDeserializer: {b}"),
                _ => bail!("Size of data received by BooleanDeserializer is not 1"),
            },
            JavaDeserializer::Uuid => match std::str::from_utf8(data).ok().and_then(uuid_text) {
                Some(text) => out.extend_from_slice(text.as_bytes()),
                None => bail!("Error parsing data into UUID"),
            },
            JavaDeserializer::Void => bail!("Data should be null for a VoidDeserializer."),
        }
        Ok(())
    }
}

fn push(out: &mut Vec<u8>, n: impl std::fmt::Display) {
    out.extend_from_slice(n.to_string().as_bytes());
}

/// The bytes as an array of `N`, or Kafka's "Size of data received by ... is not N".
fn sized<const N: usize>(data: &[u8], name: &str) -> Result<[u8; N]> {
    match <[u8; N]>::try_from(data) {
        Ok(array) => Ok(array),
        Err(_) => bail!("Size of data received by {name} is not {N}"),
    }
}

/// A UUID's canonical text (8-4-4-4-12 hex digits) in lower case, as Java's `UUID.toString`.
fn uuid_text(s: &str) -> Option<String> {
    let groups: Vec<&str> = s.split('-').collect();
    let lengths = [8, 4, 4, 4, 12];
    let valid = groups.len() == 5
        && groups.iter().zip(lengths).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    valid.then(|| s.to_ascii_lowercase())
}

/// Java's `Double.toString`: the shortest digits that read back to the same value, in plain
/// notation from 10^-3 up to 10^7 (always with a fractional part) and as `d.dddE±n` outside.
fn java_double(v: f64) -> String {
    java_decimal(v.is_nan(), v.is_infinite(), v.is_sign_negative(), v == 0.0, v.abs(), format!("{v}"), format!("{v:e}"))
}

/// Java's `Float.toString`, by the same rules over the float's own shortest digits.
fn java_float(v: f32) -> String {
    java_decimal(
        v.is_nan(),
        v.is_infinite(),
        v.is_sign_negative(),
        v == 0.0,
        f64::from(v.abs()),
        format!("{v}"),
        format!("{v:e}"),
    )
}

fn java_decimal(
    nan: bool,
    infinite: bool,
    negative: bool,
    zero: bool,
    magnitude: f64,
    plain: String,
    scientific: String,
) -> String {
    let sign = if negative { "-" } else { "" };
    if nan {
        return "NaN".into();
    }
    if infinite {
        return format!("{sign}Infinity");
    }
    if zero {
        return format!("{sign}0.0");
    }
    if (1e-3..1e7).contains(&magnitude) {
        return if plain.contains('.') { plain } else { plain + ".0" };
    }
    // Rust writes `1.5e-7` / `1e10`; Java `1.5E-7` / `1.0E10`.
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let mut text = String::with_capacity(scientific.len() + 3);
    text.push_str(mantissa);
    if !mantissa.contains('.') {
        text.push_str(".0");
    }
    let _ = write!(text, "E{exponent}");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(d: JavaDeserializer, data: Option<&[u8]>) -> Result<String> {
        let mut out = Vec::new();
        d.render(data, b"null", &mut out)?;
        Ok(String::from_utf8(out).expect("utf-8"))
    }

    #[test]
    fn class_names_are_javas_full_names() {
        let d = JavaDeserializer::from_class("org.apache.kafka.common.serialization.IntegerDeserializer").unwrap();
        assert_eq!(d, JavaDeserializer::Integer);
        let e = JavaDeserializer::from_class("IntegerDeserializer").unwrap_err().to_string();
        assert!(e.contains("is not one kfk has"), "{e}");
        assert!(JavaDeserializer::from_class("com.example.AvroDeserializer").is_err());
    }

    #[test]
    fn numbers_print_as_java_prints_them() {
        assert_eq!(render(JavaDeserializer::Integer, Some(&(-42i32).to_be_bytes())).unwrap(), "-42");
        assert_eq!(render(JavaDeserializer::Long, Some(&(1i64 << 40).to_be_bytes())).unwrap(), "1099511627776");
        assert_eq!(render(JavaDeserializer::Short, Some(&7i16.to_be_bytes())).unwrap(), "7");
        assert_eq!(render(JavaDeserializer::Integer, None).unwrap(), "null");
        for (v, java) in [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (123.456, "123.456"),
            (1e7, "1.0E7"),
            (1.5e-7, "1.5E-7"),
            (0.001, "0.001"),
            (-2.5e300, "-2.5E300"),
            (-0.0, "-0.0"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(render(JavaDeserializer::Double, Some(&f64::to_be_bytes(v))).unwrap(), java, "{v}");
        }
        assert_eq!(render(JavaDeserializer::Float, Some(&0.1f32.to_be_bytes())).unwrap(), "0.1");
        assert_eq!(render(JavaDeserializer::Float, Some(&3e10f32.to_be_bytes())).unwrap(), "3.0E10");
    }

    #[test]
    fn refused_bytes_give_kafkas_messages() {
        let e = render(JavaDeserializer::Integer, Some(b"abc")).unwrap_err().to_string();
        assert_eq!(e, "Size of data received by IntegerDeserializer is not 4");
        let e = render(JavaDeserializer::Double, Some(b"abc")).unwrap_err().to_string();
        assert_eq!(e, "Size of data received by Deserializer is not 8");
        let e = render(JavaDeserializer::Boolean, Some(&[2])).unwrap_err().to_string();
        assert_eq!(e, "Unexpected byte received by BooleanDeserializer: 2");
        assert!(render(JavaDeserializer::Void, Some(b"")).is_err());
        assert_eq!(render(JavaDeserializer::Void, None).unwrap(), "null");
        assert!(render(JavaDeserializer::Uuid, Some(b"not-a-uuid")).is_err());
    }

    #[test]
    fn text_and_bytes_render_as_their_java_objects_do() {
        assert_eq!(render(JavaDeserializer::String, Some(b"caf\xc3\xa9 \xff")).unwrap(), "café \u{fffd}");
        assert_eq!(render(JavaDeserializer::Bytes, Some(b"a\\b\x00\x7f~")).unwrap(), "a\\x5Cb\\x00\\x7F~");
        assert_eq!(render(JavaDeserializer::Boolean, Some(&[1])).unwrap(), "true");
        let uuid = b"0F8FAD5B-D9CB-469F-A165-70867728950E";
        assert_eq!(render(JavaDeserializer::Uuid, Some(uuid)).unwrap(), "0f8fad5b-d9cb-469f-a165-70867728950e");
    }
}
