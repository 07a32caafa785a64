//! The order in which a Java `HashMap<String, _>` iterates its keys.
//!
//! `kafka-topics --describe` prints a topic's configs by iterating the admin client's `Config`,
//! which keeps its entries in a `HashMap`: the order is that of the hash buckets, not the
//! broker's. To print the same line as Java, we sort the same way: by bucket index
//! (`(h ^ h >>> 16) & (capacity - 1)` of `String.hashCode`), then by insertion order within a
//! bucket (resizing keeps that order), with the capacity a default `HashMap` reaches after
//! `n` insertions (16, doubling whenever the size passes 3/4 of it).

/// `java.lang.String.hashCode` (over UTF-16 code units).
pub fn string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(unit as i32))
}

/// The table size of a default `HashMap` holding `n` entries.
pub fn capacity(n: usize) -> usize {
    let mut cap = 16;
    while n > cap * 3 / 4 {
        cap *= 2;
    }
    cap
}

/// The indices of `keys` (in insertion order, all distinct) in the order a `HashMap` holding
/// all of them iterates.
pub fn hash_map_order(keys: &[&str]) -> Vec<usize> {
    let mask = capacity(keys.len()) - 1;
    let mut order: Vec<(usize, usize)> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let h = string_hash(k) as u32;
            (((h ^ (h >> 16)) as usize) & mask, i)
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_is_javas() {
        // Values from `"...".hashCode()` in Java.
        assert_eq!(string_hash(""), 0);
        assert_eq!(string_hash("a"), 97);
        assert_eq!(string_hash("retention.ms"), -1_339_220_362);
        assert_eq!(string_hash("hello world"), 1_794_106_052);
    }

    #[test]
    fn capacity_grows_past_three_quarters() {
        assert_eq!(capacity(0), 16);
        assert_eq!(capacity(12), 16);
        assert_eq!(capacity(13), 32);
        assert_eq!(capacity(25), 64);
    }

    #[test]
    fn keys_in_one_bucket_keep_insertion_order() {
        // "Aa" and "BB" have the same hashCode (2112).
        assert_eq!(hash_map_order(&["BB", "Aa"]), vec![0, 1]);
        assert_eq!(hash_map_order(&["Aa", "BB"]), vec![0, 1]);
    }
}
