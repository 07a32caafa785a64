//! LZ4 in the frame format Kafka's `Lz4BlockOutputStream` writes and `Lz4BlockInputStream`
//! reads: a subset of LZ4 frame format v1.5.1.
//!
//! ```text
//! magic 0x184D2204 (LE) | FLG | BD | [content size u64] | HC
//! (block size u32 LE, high bit = stored uncompressed | block | [block checksum u32])*
//! end mark u32 0 | [content checksum u32]
//! ```
//!
//! Kafka's constraints, which this reader enforces too: version 1; independent blocks only
//! (no cross-block dictionary); block maximum size 64 KiB, 256 KiB, 1 MiB or 4 MiB; reserved
//! bits zero; the header checksum (second byte of XXH32 over FLG..content size) verified,
//! except for magic-0 messages whose writers hashed the magic too (Kafka ignores it there);
//! block checksums verified when flagged; the content checksum skipped unverified.
//!
//! The writer does what Kafka's does at its default level: 64 KiB independent blocks, no
//! content size, no checksums, a block stored raw when compression would not shrink it.

use super::{Compression, CompressionError};

/// XXH32 with seed 0: the LZ4 frame format's checksum (the header byte, optional block and
/// content checksums).
fn xxh32(data: &[u8]) -> u32 {
    twox_hash::XxHash32::oneshot(0, data)
}

const MAGIC: u32 = 0x184D_2204;
const INCOMPRESSIBLE: u32 = 0x8000_0000;
/// FLG: version 01, independent blocks, no checksums, no content size.
const FLG: u8 = 0b0110_0000;
/// BD: 64 KiB maximum block size.
const BD_64KB: u8 = 4 << 4;
const BLOCK_64KB: usize = 64 * 1024;

fn corrupt(reason: impl std::fmt::Display) -> CompressionError {
    CompressionError::corrupt(Compression::Lz4, reason)
}

/// Compresses `input` as one Kafka LZ4 frame appended to `out`.
pub(super) fn compress(input: &[u8], out: &mut Vec<u8>) {
    let blocks = input.len().div_ceil(BLOCK_64KB);
    out.reserve(7 + blocks * 4 + lz4_flex::block::get_maximum_output_size(input.len()) + 4);
    out.extend_from_slice(&MAGIC.to_le_bytes());
    out.push(FLG);
    out.push(BD_64KB);
    out.push((xxh32(&[FLG, BD_64KB]) >> 8) as u8);
    for block in input.chunks(BLOCK_64KB) {
        let at = out.len();
        let max = lz4_flex::block::get_maximum_output_size(block.len());
        out.resize(at + 4 + max, 0);
        let header = match lz4_flex::block::compress_into(block, &mut out[at + 4..]) {
            Ok(n) if n < block.len() => {
                out.truncate(at + 4 + n);
                n as u32
            }
            // Incompressible (or the encoder gave up): store the block as is.
            _ => {
                out.truncate(at + 4);
                out.extend_from_slice(block);
                block.len() as u32 | INCOMPRESSIBLE
            }
        };
        out[at..at + 4].copy_from_slice(&header.to_le_bytes());
    }
    out.extend_from_slice(&0u32.to_le_bytes());
}

/// A little-endian cursor over the frame.
struct Cursor<'a> {
    rest: &'a [u8],
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CompressionError> {
        if self.rest.len() < n {
            return Err(corrupt("frame ended prematurely"));
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }

    fn u32(&mut self) -> Result<u32, CompressionError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Decompresses one Kafka LZ4 frame, producing at most `max_output` bytes. `legacy_v0` skips the
/// header checksum, which magic-0 writers computed over the wrong bytes.
pub(super) fn decompress(input: &[u8], max_output: usize, legacy_v0: bool) -> Result<Vec<u8>, CompressionError> {
    let mut cur = Cursor { rest: input };
    if input.len() < 7 {
        return Err(corrupt("frame ended prematurely"));
    }
    if cur.u32()? != MAGIC {
        return Err(corrupt("invalid magic"));
    }
    let descriptor_start = cur.rest;
    let flg = cur.take(1)?[0];
    let bd = cur.take(1)?[0];
    if flg & 0b11 != 0 {
        return Err(corrupt("reserved FLG bits set"));
    }
    if flg >> 6 != 1 {
        return Err(corrupt(format!("unsupported frame version {}", flg >> 6)));
    }
    if flg & 0b0010_0000 == 0 {
        return Err(corrupt("dependent blocks are not supported"));
    }
    let block_checksums = flg & 0b0001_0000 != 0;
    let content_size = flg & 0b0000_1000 != 0;
    let content_checksum = flg & 0b0000_0100 != 0;
    if bd & 0b1000_1111 != 0 {
        return Err(corrupt("reserved BD bits set"));
    }
    let size_code = (bd >> 4) & 0b111;
    if !(4..=7).contains(&size_code) {
        return Err(corrupt(format!("invalid block size code {size_code}")));
    }
    let max_block = 1usize << (2 * size_code + 8);
    if content_size {
        cur.take(8)?;
    }
    let descriptor = &descriptor_start[..descriptor_start.len() - cur.rest.len()];
    let hc = cur.take(1)?[0];
    if !legacy_v0 && hc != (xxh32(descriptor) >> 8) as u8 {
        return Err(corrupt("frame descriptor checksum mismatch"));
    }

    // First pass: check the block framing and bound the output (a compressed block decodes to
    // at most `max_block` bytes), so the output is sized once instead of grown block by block.
    let blocks = cur.rest;
    let mut bound = 0usize;
    loop {
        let header = cur.u32()?;
        let len = (header & !INCOMPRESSIBLE) as usize;
        if len == 0 {
            if content_checksum {
                cur.u32()?;
            }
            break;
        }
        if len > max_block {
            return Err(corrupt(format!("block of {len} bytes exceeds the {max_block}-byte maximum")));
        }
        cur.take(len)?;
        if block_checksums {
            cur.u32()?;
        }
        bound = bound.saturating_add(if header & INCOMPRESSIBLE != 0 { len } else { max_block });
    }

    let mut out = vec![0u8; bound.min(max_output)];
    let mut at = 0;
    let mut cur = Cursor { rest: blocks };
    loop {
        let header = cur.u32()?;
        let len = (header & !INCOMPRESSIBLE) as usize;
        if len == 0 {
            break;
        }
        let block = cur.take(len)?;
        if block_checksums && cur.u32()? != xxh32(block) {
            return Err(corrupt("block checksum mismatch"));
        }
        let room = out.len() - at;
        if header & INCOMPRESSIBLE != 0 {
            if len > room {
                return Err(CompressionError::TooLarge { codec: Compression::Lz4, limit: max_output });
            }
            out[at..at + len].copy_from_slice(block);
            at += len;
            continue;
        }
        // Room is short of a whole block only when the caller's limit is the tighter bound; a
        // block that then does not fit is the limit being hit rather than corruption.
        let room = room.min(max_block);
        match lz4_flex::block::decompress_into(block, &mut out[at..at + room]) {
            Ok(n) => at += n,
            Err(_) if room < max_block && fits_in(block, max_block) => {
                return Err(CompressionError::TooLarge { codec: Compression::Lz4, limit: max_output });
            }
            Err(e) => return Err(corrupt(e)),
        }
    }
    out.truncate(at);
    // Blocks that decoded far below their maximum leave the buffer mostly unused; give it back
    // rather than pin it for as long as the records live.
    if out.capacity() - out.len() > BLOCK_64KB {
        out.shrink_to_fit();
    }
    Ok(out)
}

/// Whether `block` is a valid block decoding to at most `max_block` bytes (used only on the
/// error path, to tell "over the caller's limit" from "corrupt").
#[cold]
fn fits_in(block: &[u8], max_block: usize) -> bool {
    let mut scratch = vec![0u8; max_block];
    lz4_flex::block::decompress_into(block, &mut scratch).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn header_matches_kafka() {
        let mut out = Vec::new();
        compress(b"", &mut out);
        // Magic, FLG 0x60, BD 0x40, HC 0x82 (as Kafka writes it), end mark.
        assert_eq!(out, [0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0x82, 0, 0, 0, 0]);
    }

    #[test]
    fn legacy_header_checksum_is_ignored_only_for_v0() {
        let mut out = Vec::new();
        compress(b"data data data data", &mut out);
        out[6] ^= 0xff;
        assert!(decompress(&out, 100, false).is_err());
        assert_eq!(decompress(&out, 100, true).unwrap(), b"data data data data");
    }

    #[test]
    fn block_checksums_are_verified() {
        // Hand-built frame: FLG with block checksums, one stored block.
        let flg = FLG | 0b0001_0000;
        let mut frame = MAGIC.to_le_bytes().to_vec();
        frame.extend_from_slice(&[flg, BD_64KB, (xxh32(&[flg, BD_64KB]) >> 8) as u8]);
        frame.extend_from_slice(&(3 | INCOMPRESSIBLE).to_le_bytes());
        frame.extend_from_slice(b"abc");
        frame.extend_from_slice(&xxh32(b"abc").to_le_bytes());
        frame.extend_from_slice(&0u32.to_le_bytes());
        assert_eq!(decompress(&frame, 10, false).unwrap(), b"abc");
        frame[14] ^= 1;
        assert!(decompress(&frame, 10, false).is_err());
    }
}
