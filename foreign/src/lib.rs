//! Checks that clients we did not write trust the stub: librdkafka (through the `rdkafka`
//! crate) and the Java client's console tools create topics, produce with idempotence in every
//! codec, consume in a group of two, commit, and read back — every record once and in order.
//! librdkafka also authenticates: SCRAM-SHA-512 over TLS against the stub's CA, and unsecured
//! OAUTHBEARER tokens with KIP-368 re-authentication (`tests/rdkafka_sasl.rs`).
//!
//! The tests live in `tests/`; this library holds what they share.

use std::collections::{BTreeMap, HashMap};

/// One record as a client read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The partition.
    pub partition: i32,
    /// The offset.
    pub offset: i64,
    /// The value, as text.
    pub value: String,
}

/// Checks that `reads` hold every value of `sent` exactly once and, per partition, in offset
/// order with values in send order (`sent`: value -> the index it was sent with). Returns the
/// problems found (empty: clean).
pub fn check_once_in_order(sent: &HashMap<String, usize>, reads: &[Read]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for r in reads {
        *seen.entry(r.value.as_str()).or_default() += 1;
    }
    let missing = sent.keys().filter(|v| !seen.contains_key(v.as_str())).count();
    let duplicated = seen.values().filter(|&&n| n > 1).count();
    let phantom = seen.keys().filter(|v| !sent.contains_key(**v)).count();
    if missing + duplicated + phantom > 0 {
        problems.push(format!("missing {missing}, duplicated {duplicated}, phantom {phantom}"));
    }
    let mut by_partition: BTreeMap<i32, Vec<&Read>> = BTreeMap::new();
    for r in reads {
        by_partition.entry(r.partition).or_default().push(r);
    }
    for (partition, mut list) in by_partition {
        list.sort_by_key(|r| r.offset);
        let order: Vec<usize> = list.iter().filter_map(|r| sent.get(&r.value).copied()).collect();
        if order.windows(2).any(|w| w[0] >= w[1]) {
            problems.push(format!("partition {partition}: values out of send order"));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anomalies_are_reported() {
        let sent: HashMap<String, usize> = (0..3).map(|i| (format!("v{i}"), i)).collect();
        let read = |p, o, v: &str| Read { partition: p, offset: o, value: v.into() };
        assert!(check_once_in_order(&sent, &[read(0, 0, "v0"), read(0, 1, "v1"), read(1, 0, "v2")]).is_empty());
        assert!(!check_once_in_order(&sent, &[read(0, 0, "v1"), read(0, 1, "v0"), read(1, 0, "v2")]).is_empty());
        assert!(!check_once_in_order(&sent, &[read(0, 0, "v0"), read(0, 1, "v0"), read(1, 0, "v2")]).is_empty());
    }
}
