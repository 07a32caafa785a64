//! Snappy in the xerial framing the Java client writes (`org.xerial.snappy.SnappyOutputStream`):
//!
//! ```text
//! header: 0x82 'S' 'N' 'A' 'P' 'P' 'Y' 0x00 | version i32 BE (1) | compatible version i32 BE (1)
//! blocks: (length i32 BE, raw snappy block of at most 32 KiB uncompressed)*
//! ```
//!
//! Like `SnappyInputStream`, the reader also accepts input without the header (one raw snappy
//! block, as some non-Java clients write) and streams concatenated after one another (a block
//! length equal to the first four header bytes starts a new header).

use super::{Compression, CompressionError};

/// The xerial stream magic.
const MAGIC: [u8; 8] = [0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0];
/// Header length: magic, version, compatible version.
const HEADER_LEN: usize = 16;
/// Uncompressed bytes per block, `SnappyOutputStream`'s default.
const BLOCK_SIZE: usize = 32 * 1024;

fn corrupt(reason: impl std::fmt::Display) -> CompressionError {
    CompressionError::corrupt(Compression::Snappy, reason)
}

/// Compresses `input` in the xerial framing.
pub(super) fn compress(input: &[u8], out: &mut Vec<u8>) -> Result<(), CompressionError> {
    out.reserve(HEADER_LEN + snap::raw::max_compress_len(input.len().min(BLOCK_SIZE)));
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&1i32.to_be_bytes());
    out.extend_from_slice(&1i32.to_be_bytes());
    let mut encoder = snap::raw::Encoder::new();
    for block in input.chunks(BLOCK_SIZE) {
        let at = out.len();
        let max = snap::raw::max_compress_len(block.len());
        out.resize(at + 4 + max, 0);
        let n = encoder
            .compress(block, &mut out[at + 4..])
            .map_err(|e| CompressionError::CompressFailed { codec: Compression::Snappy, reason: e.to_string() })?;
        out[at..at + 4].copy_from_slice(&(n as u32).to_be_bytes());
        out.truncate(at + 4 + n);
    }
    Ok(())
}

/// Decompresses xerial-framed or raw snappy data, producing at most `max_output` bytes.
pub(super) fn decompress(input: &[u8], max_output: usize) -> Result<Vec<u8>, CompressionError> {
    let mut out = Vec::new();
    let mut decoder = snap::raw::Decoder::new();
    if !input.starts_with(&MAGIC) {
        decompress_block(&mut decoder, input, &mut out, max_output)?;
        return Ok(out);
    }
    let mut rest = read_header(input)?;
    while !rest.is_empty() {
        let Some((len, tail)) = rest.split_first_chunk::<4>() else {
            return Err(corrupt("truncated block length"));
        };
        if len[..] == MAGIC[..4] {
            // Another stream concatenated to this one.
            rest = read_header(rest)?;
            continue;
        }
        let len = i32::from_be_bytes(*len);
        let len = usize::try_from(len).map_err(|_| corrupt(format!("negative block length {len}")))?;
        if len > tail.len() {
            return Err(corrupt(format!("block of {len} bytes, {} left", tail.len())));
        }
        let (block, tail) = tail.split_at(len);
        decompress_block(&mut decoder, block, &mut out, max_output)?;
        rest = tail;
    }
    Ok(out)
}

/// Checks a xerial header at the start of `input`; returns what follows it.
fn read_header(input: &[u8]) -> Result<&[u8], CompressionError> {
    if input.len() < HEADER_LEN || input[..8] != MAGIC {
        return Err(corrupt("invalid xerial header"));
    }
    let compatible = i32::from_be_bytes([input[12], input[13], input[14], input[15]]);
    if compatible > 1 {
        return Err(corrupt(format!("unsupported xerial stream version {compatible}")));
    }
    Ok(&input[HEADER_LEN..])
}

/// Appends one raw snappy block to `out`, checking its declared length against the limit
/// before allocating.
fn decompress_block(
    decoder: &mut snap::raw::Decoder,
    block: &[u8],
    out: &mut Vec<u8>,
    max_output: usize,
) -> Result<(), CompressionError> {
    let len = snap::raw::decompress_len(block).map_err(corrupt)?;
    let at = out.len();
    if len > max_output - at {
        return Err(CompressionError::TooLarge { codec: Compression::Snappy, limit: max_output });
    }
    out.resize(at + len, 0);
    let n = decoder.decompress(block, &mut out[at..]).map_err(corrupt)?;
    out.truncate(at + n);
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn raw_block_is_accepted() {
        let raw = snap::raw::Encoder::new().compress_vec(b"raw snappy, no framing").unwrap();
        assert_eq!(decompress(&raw, 100).unwrap(), b"raw snappy, no framing");
    }

    #[test]
    fn concatenated_streams() {
        let mut data = Vec::new();
        compress(b"first ", &mut data).unwrap();
        compress(b"second", &mut data).unwrap();
        assert_eq!(decompress(&data, 100).unwrap(), b"first second");
    }

    #[test]
    fn header_layout() {
        let mut data = Vec::new();
        compress(b"", &mut data).unwrap();
        assert_eq!(data, [0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1]);
    }
}
