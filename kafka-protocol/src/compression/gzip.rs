//! gzip: one member written, concatenated members read (as `java.util.zip.GZIPInputStream`).

use std::io::Write;

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;

use super::{read_bounded, Compression, CompressionError};

/// Compresses `input` as one gzip member at Kafka `level` (-1 is zlib's default, 6).
pub(super) fn compress(input: &[u8], level: i32, out: &mut Vec<u8>) -> Result<(), CompressionError> {
    let level = if level < 0 { 6 } else { level.clamp(0, 9) as u32 };
    let mut encoder = GzEncoder::new(out, flate2::Compression::new(level));
    let failed =
        |e: std::io::Error| CompressionError::CompressFailed { codec: Compression::Gzip, reason: e.to_string() };
    encoder.write_all(input).map_err(failed)?;
    encoder.finish().map_err(failed)?;
    Ok(())
}

/// Decompresses one or more gzip members, producing at most `max_output` bytes.
pub(super) fn decompress(input: &[u8], max_output: usize) -> Result<Vec<u8>, CompressionError> {
    // DEFLATE rarely expands by more than ~4x on record data; start there, bounded by the limit.
    let mut out = Vec::with_capacity(input.len().saturating_mul(4).min(max_output));
    read_bounded(Compression::Gzip, MultiGzDecoder::new(input), &mut out, max_output)?;
    Ok(out)
}
