//! Choosing a partition, compatible with the Java client.
//!
//! - A record with a partition set goes there.
//! - A record with a key goes to `murmur2(key) & 0x7fffffff % partitions`, the same partition the
//!   Java producer picks for the same key and partition count (unless `partitioner.ignore.keys`).
//! - A record without a key follows KIP-794's uniform sticky partitioning: all keyless records of
//!   a topic go to one partition until `batch.size` bytes have gone there, then another partition
//!   is picked at random. Batches fill up, and load still spreads evenly over time.

use std::sync::Mutex;

/// Kafka's murmur2 hash (32-bit, seed `0x9747b28c`), as `org.apache.kafka.common.utils.Utils`.
pub fn murmur2(data: &[u8]) -> i32 {
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;
    let len = data.len();
    let mut h: u32 = 0x9747_b28c ^ len as u32;
    let mut chunks = data.chunks_exact(4);
    for chunk in &mut chunks {
        let mut k = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }
    let rest = chunks.remainder();
    if rest.len() >= 3 {
        h ^= (rest[2] as u32) << 16;
    }
    if rest.len() >= 2 {
        h ^= (rest[1] as u32) << 8;
    }
    if !rest.is_empty() {
        h ^= rest[0] as u32;
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h as i32
}

/// The partition the Java client's default partitioner picks for `key`.
pub fn partition_for_key(key: &[u8], partitions: i32) -> i32 {
    (murmur2(key) & 0x7fff_ffff) % partitions.max(1)
}

/// A custom partitioner. Return `None` to fall back to the default behaviour.
pub trait Partitioner: Send + Sync + 'static {
    /// The partition for a record of `topic` with `partitions` partitions.
    fn partition(&self, topic: &str, key: Option<&[u8]>, value: Option<&[u8]>, partitions: i32) -> Option<i32>;
}

/// Java's `RoundRobinPartitioner` (`partitioner.class=org.apache.kafka.clients.producer.RoundRobinPartitioner`):
/// every record, keyed or not, goes to the next partition of its topic in turn. Unlike Java's,
/// it cycles over all partitions, not only those with a leader at the moment: a record for a
/// leaderless partition waits for its leader (within `delivery.timeout.ms`) rather than moving.
#[derive(Debug, Default)]
pub struct RoundRobinPartitioner {
    next: Mutex<std::collections::HashMap<String, u32>>,
}

impl Partitioner for RoundRobinPartitioner {
    fn partition(&self, topic: &str, _key: Option<&[u8]>, _value: Option<&[u8]>, partitions: i32) -> Option<i32> {
        let mut next = self.next.lock().unwrap_or_else(|p| p.into_inner());
        let counter = match next.get_mut(topic) {
            Some(counter) => counter,
            None => next.entry(topic.to_owned()).or_insert_with(|| fastrand::u32(..)),
        };
        let partition = (*counter % partitions.max(1) as u32) as i32;
        *counter = counter.wrapping_add(1);
        Some(partition)
    }
}

/// Per-topic sticky state for keyless records.
#[derive(Debug, Default)]
pub(crate) struct Sticky {
    state: Mutex<Option<(i32, usize)>>,
}

impl Sticky {
    /// The partition for a keyless record of `size` bytes, switching after `batch_size` bytes.
    pub(crate) fn next(&self, partitions: i32, size: usize, batch_size: usize) -> i32 {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let pick = |avoid: Option<i32>| -> i32 {
            if partitions <= 1 {
                return 0;
            }
            loop {
                let p = fastrand::i32(0..partitions);
                if Some(p) != avoid {
                    return p;
                }
            }
        };
        let (partition, produced) = match *state {
            Some((p, produced)) if p < partitions && produced < batch_size.max(1) => (p, produced),
            Some((p, _)) => (pick(Some(p)), 0),
            None => (pick(None), 0),
        };
        *state = Some((partition, produced + size));
        partition
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn murmur2_matches_kafka() {
        // Values from Kafka's UtilsTest.testMurmur2 and partitioner tests.
        assert_eq!(murmur2(b"21"), -973932308);
        assert_eq!(murmur2(b"foobar"), -790332482);
        assert_eq!(murmur2(b"a-little-bit-long-string"), -985981536);
        assert_eq!(murmur2(b"a-little-bit-longer-string"), -1486304829);
        assert_eq!(murmur2(b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8"), -58897971);
        assert_eq!(murmur2(b"abc"), 479470107);
    }

    #[test]
    fn round_robin_takes_every_partition_in_turn_per_topic() {
        let rr = RoundRobinPartitioner::default();
        let a: Vec<i32> = (0..6).map(|_| rr.partition("a", Some(b"same key"), None, 3).unwrap()).collect();
        assert_eq!(a[0..3], a[3..6], "cycles: {a:?}");
        let mut seen = a[0..3].to_vec();
        seen.sort();
        assert_eq!(seen, vec![0, 1, 2], "keys are ignored: {a:?}");
        assert_eq!(rr.partition("b", None, None, 1), Some(0));
    }

    #[test]
    fn sticky_switches_after_batch_size() {
        let sticky = Sticky::default();
        let first = sticky.next(8, 100, 1000);
        for _ in 0..9 {
            assert_eq!(sticky.next(8, 100, 1000), first);
        }
        // 1000 bytes reached: the next record moves on.
        assert_ne!(sticky.next(8, 100, 1000), first);
        assert_eq!(Sticky::default().next(1, 10, 10), 0);
    }
}
