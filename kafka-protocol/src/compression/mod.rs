//! Record compression: the five codecs Kafka defines, one compress/decompress pair each.
//!
//! A RecordBatch (and a legacy wrapper message) names its codec in the low three bits of its
//! attributes: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd. Only the records section is compressed,
//! as one stream, so a batch decompresses into a single buffer whose records are then sliced
//! without further copies.
//!
//! The on-the-wire framing of each codec is the one the Java client writes and reads, not
//! necessarily the codec's "standard" container:
//!
//! | codec  | framing written                                   | framings read                        |
//! |--------|---------------------------------------------------|--------------------------------------|
//! | gzip   | one gzip member                                   | concatenated gzip members            |
//! | snappy | xerial `SnappyOutputStream` (32 KiB blocks)       | xerial framing, or one raw block     |
//! | lz4    | LZ4 frame, 64 KiB independent blocks, no checksums| LZ4 frames as Kafka's reader accepts |
//! | zstd   | one zstd frame                                    | concatenated / skippable frames      |
//!
//! Decompression always takes a maximum output size. Data that would expand beyond it (a
//! decompression bomb) is rejected with [`CompressionError::TooLarge`] before the output grows
//! past the limit, so hostile input never causes an unbounded allocation.
//!
//! ```
//! use kfk_protocol::compression::{Codec, Compression};
//!
//! let codec = Codec::with_level(Compression::Gzip, 9).unwrap();
//! let mut compressed = Vec::new();
//! codec.compress(b"hello hello hello hello", &mut compressed).unwrap();
//! let plain = Compression::Gzip.decompress(&compressed, 1024).unwrap();
//! assert_eq!(plain, b"hello hello hello hello");
//! ```

mod gzip;
mod lz4;
mod snappy;
mod zstd;

use std::fmt;
use std::str::FromStr;

/// The largest output [`Compression::decompress`] callers are advised to allow by default:
/// 64 MiB, well above Kafka's default `message.max.bytes` (1 MiB) times any realistic ratio of
/// text, but small enough that a hostile batch cannot exhaust memory.
pub const DEFAULT_MAX_DECOMPRESSED_SIZE: usize = 64 * 1024 * 1024;

/// A compression codec, as named by the low three bits of a batch's attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Compression {
    /// No compression (code 0).
    #[default]
    None,
    /// gzip / DEFLATE (code 1).
    Gzip,
    /// Snappy in the xerial framing the Java client writes (code 2).
    Snappy,
    /// LZ4 in Kafka's LZ4 frame format (code 3).
    Lz4,
    /// Zstandard (code 4).
    Zstd,
}

/// Mask of the compression bits in batch (and legacy message) attributes.
pub const COMPRESSION_CODEC_MASK: i16 = 0x07;

impl Compression {
    /// Every codec, in attribute-code order.
    pub const ALL: [Compression; 5] =
        [Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd];

    /// The attribute code of this codec (0..=4).
    pub const fn code(self) -> i16 {
        match self {
            Compression::None => 0,
            Compression::Gzip => 1,
            Compression::Snappy => 2,
            Compression::Lz4 => 3,
            Compression::Zstd => 4,
        }
    }

    /// The codec for an attribute code (0..=4).
    pub const fn from_code(code: i16) -> Result<Self, CompressionError> {
        Ok(match code {
            0 => Compression::None,
            1 => Compression::Gzip,
            2 => Compression::Snappy,
            3 => Compression::Lz4,
            4 => Compression::Zstd,
            other => return Err(CompressionError::UnknownCode(other)),
        })
    }

    /// The codec named by the low three bits of batch or message attributes; codes 5..=7 are
    /// errors, as in the Java client.
    pub const fn from_attributes(attributes: i16) -> Result<Self, CompressionError> {
        Self::from_code(attributes & COMPRESSION_CODEC_MASK)
    }

    /// The name Kafka configurations use (`compression.type`): none, gzip, snappy, lz4, zstd.
    pub const fn name(self) -> &'static str {
        match self {
            Compression::None => "none",
            Compression::Gzip => "gzip",
            Compression::Snappy => "snappy",
            Compression::Lz4 => "lz4",
            Compression::Zstd => "zstd",
        }
    }

    /// The levels Kafka accepts for this codec (`compression.<codec>.level`), as an inclusive
    /// range, or `None` for codecs without levels (none, snappy).
    ///
    /// gzip: 1..=9 (and -1, the zlib default); lz4: 1..=17; zstd: -131072..=22.
    pub const fn level_range(self) -> Option<(i32, i32)> {
        match self {
            Compression::Gzip => Some((1, 9)),
            Compression::Lz4 => Some((1, 17)),
            Compression::Zstd => Some((-131_072, 22)),
            Compression::None | Compression::Snappy => None,
        }
    }

    /// The level Kafka uses when none is configured: gzip -1 (zlib's default, 6), lz4 9,
    /// zstd 3; 0 for codecs without levels.
    pub const fn default_level(self) -> i32 {
        match self {
            Compression::Gzip => -1,
            Compression::Lz4 => 9,
            Compression::Zstd => 3,
            Compression::None | Compression::Snappy => 0,
        }
    }

    /// Compresses `input` at the default level, appending to `out`.
    pub fn compress(self, input: &[u8], out: &mut Vec<u8>) -> Result<(), CompressionError> {
        Codec::new(self).compress(input, out)
    }

    /// Decompresses `input`, failing with [`CompressionError::TooLarge`] rather than producing
    /// more than `max_output` bytes.
    pub fn decompress(self, input: &[u8], max_output: usize) -> Result<Vec<u8>, CompressionError> {
        self.decompress_with(input, max_output, false)
    }

    /// As [`Compression::decompress`]; `legacy_v0` selects the quirks of magic-0 messages (LZ4
    /// frames whose header checksum was computed over the wrong bytes, which Kafka ignores).
    pub(crate) fn decompress_with(
        self,
        input: &[u8],
        max_output: usize,
        legacy_v0: bool,
    ) -> Result<Vec<u8>, CompressionError> {
        match self {
            Compression::None => {
                if input.len() > max_output {
                    return Err(CompressionError::TooLarge { codec: self, limit: max_output });
                }
                Ok(input.to_vec())
            }
            Compression::Gzip => gzip::decompress(input, max_output),
            Compression::Snappy => snappy::decompress(input, max_output),
            Compression::Lz4 => lz4::decompress(input, max_output, legacy_v0),
            Compression::Zstd => zstd::decompress(input, max_output),
        }
    }
}

impl fmt::Display for Compression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Compression {
    type Err = CompressionError;

    /// Parses a Kafka codec name, ignoring ASCII case (`compression.type=LZ4` works in Java too).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Compression::ALL
            .into_iter()
            .find(|c| c.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| CompressionError::UnknownName(s.to_string()))
    }
}

/// A codec with a validated compression level: what a producer compresses batches with.
///
/// Levels follow Kafka's configuration (`compression.gzip.level`, `compression.lz4.level`,
/// `compression.zstd.level`); how each maps onto the pure-Rust encoders:
///
/// - **gzip**: levels 1..=9 map directly onto DEFLATE levels; -1 means 6, as in zlib.
/// - **lz4**: the pure-Rust encoder has a single (fast) compressor, which is what the Java
///   client uses at its default level 9; other levels (Java switches to LZ4-HC) are accepted
///   and produce the same, valid, somewhat larger output.
/// - **zstd**: the pure-Rust encoder implements only its "fastest" strategy (about zstd level
///   1); every Kafka level produces that. Any zstd reader decodes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Codec {
    compression: Compression,
    level: i32,
}

impl Codec {
    /// The codec at Kafka's default level.
    pub const fn new(compression: Compression) -> Self {
        Codec { compression, level: compression.default_level() }
    }

    /// The codec at `level`, checked against what Kafka accepts for it.
    pub fn with_level(compression: Compression, level: i32) -> Result<Self, CompressionError> {
        let ok = match compression.level_range() {
            Some((min, max)) => (min..=max).contains(&level) || level == compression.default_level(),
            None => level == 0,
        };
        if !ok {
            return Err(CompressionError::InvalidLevel { codec: compression, level });
        }
        Ok(Codec { compression, level })
    }

    /// The codec.
    pub const fn compression(&self) -> Compression {
        self.compression
    }

    /// The configured level (Kafka's numbering).
    pub const fn level(&self) -> i32 {
        self.level
    }

    /// Compresses `input` as one stream, appending it to `out`.
    pub fn compress(&self, input: &[u8], out: &mut Vec<u8>) -> Result<(), CompressionError> {
        match self.compression {
            Compression::None => {
                out.extend_from_slice(input);
                Ok(())
            }
            Compression::Gzip => gzip::compress(input, self.level, out),
            Compression::Snappy => snappy::compress(input, out),
            Compression::Lz4 => {
                lz4::compress(input, out);
                Ok(())
            }
            Compression::Zstd => {
                zstd::compress(input, out);
                Ok(())
            }
        }
    }
}

impl From<Compression> for Codec {
    fn from(compression: Compression) -> Self {
        Codec::new(compression)
    }
}

/// A failure to compress or decompress.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompressionError {
    /// Attribute bits name a codec Kafka does not define (5..=7).
    #[error("unknown compression type code {0}")]
    UnknownCode(i16),
    /// A codec name that is not none, gzip, snappy, lz4 or zstd.
    #[error("unknown compression type `{0}`")]
    UnknownName(String),
    /// A level outside what Kafka accepts for the codec.
    #[error("{codec} does not support compression level {level}")]
    InvalidLevel {
        /// The codec.
        codec: Compression,
        /// The rejected level.
        level: i32,
    },
    /// Decompressed data would exceed the caller's limit (a decompression bomb, or a limit set
    /// too low).
    #[error("{codec} data decompresses to more than the {limit}-byte limit")]
    TooLarge {
        /// The codec.
        codec: Compression,
        /// The limit that was hit.
        limit: usize,
    },
    /// The compressed data is malformed.
    #[error("corrupt {codec} data: {reason}")]
    Corrupt {
        /// The codec.
        codec: Compression,
        /// What was wrong.
        reason: String,
    },
    /// The encoder failed (only for inputs larger than the codec can frame).
    #[error("{codec} compression failed: {reason}")]
    CompressFailed {
        /// The codec.
        codec: Compression,
        /// What the encoder reported.
        reason: String,
    },
}

impl CompressionError {
    #[cold]
    pub(crate) fn corrupt(codec: Compression, reason: impl fmt::Display) -> Self {
        CompressionError::Corrupt { codec, reason: reason.to_string() }
    }
}

/// Reads from `reader` into `out` until end of stream, failing once more than `max_output`
/// bytes have been produced. The output grows in bounded steps, never beyond `max_output + 1`
/// bytes of data.
pub(crate) fn read_bounded(
    codec: Compression,
    mut reader: impl std::io::Read,
    out: &mut Vec<u8>,
    max_output: usize,
) -> Result<(), CompressionError> {
    const STEP: usize = 32 * 1024;
    loop {
        let len = out.len();
        if len > max_output {
            return Err(CompressionError::TooLarge { codec, limit: max_output });
        }
        // Read at most one byte past the limit, so exceeding it is detectable.
        let room = (max_output + 1 - len).min(STEP);
        out.resize(len + room, 0);
        match reader.read(&mut out[len..]) {
            Ok(0) => {
                out.truncate(len);
                return Ok(());
            }
            Ok(n) => out.truncate(len + n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => out.truncate(len),
            Err(e) => {
                out.truncate(len);
                return Err(CompressionError::corrupt(codec, e));
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn sample(len: usize) -> Vec<u8> {
        // Compressible but not trivial: a repeating sentence with a counter mixed in.
        let mut v = Vec::with_capacity(len);
        let mut i = 0u32;
        while v.len() < len {
            v.extend_from_slice(b"the quick brown fox jumps over the lazy dog ");
            v.extend_from_slice(&i.to_be_bytes());
            i = i.wrapping_mul(2_654_435_761).wrapping_add(1);
        }
        v.truncate(len);
        v
    }

    #[test]
    fn codes_and_names() {
        for c in Compression::ALL {
            assert_eq!(Compression::from_code(c.code()), Ok(c));
            assert_eq!(c.to_string().parse::<Compression>(), Ok(c));
            assert_eq!(Compression::from_attributes(c.code() | 0x30), Ok(c));
        }
        assert_eq!("ZSTD".parse::<Compression>(), Ok(Compression::Zstd));
        assert!("brotli".parse::<Compression>().is_err());
        assert_eq!(Compression::from_attributes(5), Err(CompressionError::UnknownCode(5)));
    }

    #[test]
    fn levels() {
        assert!(Codec::with_level(Compression::Gzip, 0).is_err());
        assert!(Codec::with_level(Compression::Gzip, -1).is_ok());
        assert!(Codec::with_level(Compression::Gzip, 9).is_ok());
        assert!(Codec::with_level(Compression::Gzip, 10).is_err());
        assert!(Codec::with_level(Compression::Lz4, 17).is_ok());
        assert!(Codec::with_level(Compression::Lz4, 18).is_err());
        assert!(Codec::with_level(Compression::Zstd, -5).is_ok());
        assert!(Codec::with_level(Compression::Zstd, 23).is_err());
        assert!(Codec::with_level(Compression::Snappy, 1).is_err());
        assert_eq!(Codec::new(Compression::Zstd).level(), 3);
    }

    #[test]
    fn round_trip_every_codec_and_size() {
        for c in Compression::ALL {
            for len in [0, 1, 100, 65_535, 65_536, 65_537, 300_000] {
                let input = sample(len);
                let mut out = Vec::new();
                c.compress(&input, &mut out).unwrap();
                let back = c.decompress(&out, len).unwrap();
                assert_eq!(back, input, "{c} len {len}");
                if len > 0 {
                    let err = c.decompress(&out, len - 1).unwrap_err();
                    assert!(matches!(err, CompressionError::TooLarge { .. }), "{c} {len}: {err}");
                }
            }
        }
    }

    #[test]
    fn bombs_are_refused() {
        let zeros = vec![0u8; 8 << 20];
        for c in Compression::ALL {
            let mut out = Vec::new();
            c.compress(&zeros, &mut out).unwrap();
            let err = c.decompress(&out, 1 << 20).unwrap_err();
            assert!(matches!(err, CompressionError::TooLarge { .. }), "{c}: {err}");
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        let mut seed = 0x1234_5678u32;
        for len in 0..300 {
            let junk: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    seed as u8
                })
                .collect();
            for c in Compression::ALL {
                let _ = c.decompress(&junk, 1 << 16);
            }
        }
    }
}
