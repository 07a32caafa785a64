//! Zstandard through the pure-Rust `ruzstd` crate (no C compiler needed).
//!
//! Writing: `ruzstd` implements only its "fastest" strategy (about zstd level 1), so every
//! Kafka level compresses with it; the output is a standard frame (window size declared,
//! content checksum present) that zstd-jni and libzstd read.
//!
//! Reading: concatenated and skippable frames, as libzstd's streaming decoder accepts. Memory
//! is bounded twice: the window a frame may declare is capped (see [`window_limit`]) and the
//! output is drained block by block, failing as soon as it would pass the caller's limit.

use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};
use ruzstd::decoding::{BlockDecodingStrategy, FrameDecoder};
use ruzstd::encoding::CompressionLevel;

use super::{Compression, CompressionError};

fn corrupt(reason: impl std::fmt::Display) -> CompressionError {
    CompressionError::corrupt(Compression::Zstd, reason)
}

/// Compresses `input` as one zstd frame appended to `out`.
pub(super) fn compress(input: &[u8], out: &mut Vec<u8>) {
    ruzstd::encoding::compress(input, out, CompressionLevel::Fastest);
}

/// The largest window a frame may declare: the decoder reserves the whole window up front, so
/// it is bounded by the output limit, but never below 8 MiB (what zstd levels up to 19 use
/// when, as in Kafka's streaming writer, the content size is not known in advance) nor above
/// 128 MiB (level 22's window).
fn window_limit(max_output: usize) -> u64 {
    (max_output as u64).clamp(8 << 20, 128 << 20)
}

/// Decompresses zstd frames, producing at most `max_output` bytes.
pub(super) fn decompress(input: &[u8], max_output: usize) -> Result<Vec<u8>, CompressionError> {
    let mut decoder = FrameDecoder::new();
    decoder.set_max_window_size(window_limit(max_output));
    let mut rest = input;
    let mut out = Vec::new();
    if rest.is_empty() {
        return Err(corrupt("no frame"));
    }
    while !rest.is_empty() {
        match decoder.reset(&mut rest) {
            Ok(()) => {}
            Err(FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::SkipFrame { length, .. })) => {
                rest = rest.get(length as usize..).ok_or_else(|| corrupt("truncated skippable frame"))?;
                continue;
            }
            Err(e) => return Err(corrupt(e)),
        }
        loop {
            decoder.decode_blocks(&mut rest, BlockDecodingStrategy::UptoBytes(128 * 1024)).map_err(corrupt)?;
            if decoder.can_collect() > max_output - out.len() {
                return Err(CompressionError::TooLarge { codec: Compression::Zstd, limit: max_output });
            }
            decoder.collect_to_writer(&mut out).map_err(corrupt)?;
            if decoder.is_finished() {
                break;
            }
        }
        if let (Some(stored), Some(computed)) = (decoder.get_checksum_from_data(), decoder.get_calculated_checksum()) {
            if stored != computed {
                return Err(corrupt("content checksum mismatch"));
            }
        }
    }
    Ok(out)
}
