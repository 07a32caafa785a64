//! The sticky assignors: `sticky` (KIP-54, eager) and `cooperative-sticky` (KIP-429).
//!
//! Both aim for the same thing: an assignment as balanced as the subscriptions allow (no
//! partition could move to a member holding two fewer), that moves as few partitions as
//! possible away from their previous owners. They differ in how members tell the leader what
//! they owned, which is what makes them interoperable with Java's assignors of the same name:
//!
//! - `sticky` runs under the eager protocol, so members own nothing when they join; each one
//!   sends its previous assignment and that assignment's generation as user data, in Java's
//!   `StickyAssignorUserData` v1 layout (no version prefix; v0 lacks the generation):
//!   `[topic: string, partitions: [int32]] generation: int32`, classic (non-compact) encoding.
//! - `cooperative-sticky` reads the subscription's own `owned_partitions` and `generation_id`
//!   (v2+), falling back to a 4-byte generation in the user data for older subscriptions, which
//!   it also sends. A partition whose owner changes is left out of the new assignment: its
//!   owner revokes it and rejoins, and the next rebalance hands it over. No partition ever has
//!   two owners.
//!
//! When several members claim a partition, the claim of the highest generation wins; two claims
//! at that generation cancel each other.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use bytes::{Buf, BufMut, Bytes, BytesMut};

use super::assignor::{sorted, Assignment, Assignor, MemberInfo, RebalanceProtocol};

/// A partition as assignors see it.
type Partition = (String, i32);

/// `sticky`: eager rebalancing, balanced and sticky across rebalances through the previous
/// assignment each member sends as user data.
#[derive(Debug, Default, Clone, Copy)]
pub struct StickyAssignor;

impl Assignor for StickyAssignor {
    fn name(&self) -> &'static str {
        "sticky"
    }

    fn subscription_user_data(&self, last_assignment: &[(String, i32)], generation: i32) -> Option<Bytes> {
        Some(encode_user_data(last_assignment, generation))
    }

    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
        let ordered = sorted(members);
        let claims: Vec<(Vec<Partition>, i32)> = ordered
            .iter()
            .map(|m| match m.user_data.as_deref().and_then(decode_user_data) {
                Some((owned, generation)) => (owned, generation.unwrap_or(-1)),
                None => (Vec::new(), -1),
            })
            .collect();
        let owners = resolve_claims(&ordered, &claims, partitions);
        into_assignment(&ordered, balance(&ordered, partitions, &owners))
    }
}

/// `cooperative-sticky`: the sticky assignment under incremental cooperative rebalancing
/// (KIP-429). Also runs under the eager protocol when a consumer's other assignors need it.
#[derive(Debug, Default, Clone, Copy)]
pub struct CooperativeStickyAssignor;

impl Assignor for CooperativeStickyAssignor {
    fn name(&self) -> &'static str {
        "cooperative-sticky"
    }

    fn supported_protocols(&self) -> &'static [RebalanceProtocol] {
        &[RebalanceProtocol::Eager, RebalanceProtocol::Cooperative]
    }

    fn subscription_user_data(&self, _last_assignment: &[(String, i32)], generation: i32) -> Option<Bytes> {
        // Only read by leaders whose subscription format predates the generation field.
        Some(Bytes::copy_from_slice(&generation.to_be_bytes()))
    }

    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
        let ordered = sorted(members);
        let claims: Vec<(Vec<Partition>, i32)> = ordered
            .iter()
            .map(|m| {
                let generation = m.generation.or_else(|| {
                    let data = m.user_data.as_deref()?;
                    (data.len() >= 4).then(|| i32::from_be_bytes([data[0], data[1], data[2], data[3]]))
                });
                (m.owned_partitions.clone(), generation.unwrap_or(-1))
            })
            .collect();
        let owners = resolve_claims(&ordered, &claims, partitions);
        let mut lists = balance(&ordered, partitions, &owners);
        // A partition that changes hands goes to nobody this round: every other member claiming
        // it still holds it until it has revoked it.
        let mut claimants: HashMap<&Partition, Vec<usize>> = HashMap::new();
        for (i, (owned, _)) in claims.iter().enumerate() {
            for p in owned {
                claimants.entry(p).or_default().push(i);
            }
        }
        for (i, list) in lists.iter_mut().enumerate() {
            list.retain(|p| claimants.get(p).is_none_or(|c| c.contains(&i)));
        }
        into_assignment(&ordered, lists)
    }
}

/// Each partition's valid previous owner (an index into `members`): the member claiming it at
/// the highest generation, if it still subscribes to the topic and the partition still exists.
fn resolve_claims(
    members: &[&MemberInfo],
    claims: &[(Vec<Partition>, i32)],
    partitions: &BTreeMap<String, i32>,
) -> HashMap<Partition, usize> {
    // Partition -> (generation, claimants at that generation).
    let mut best: HashMap<&Partition, (i32, Vec<usize>)> = HashMap::new();
    for (i, (owned, generation)) in claims.iter().enumerate() {
        for p in owned {
            let exists = partitions.get(&p.0).is_some_and(|&count| p.1 >= 0 && p.1 < count);
            if !exists || !members[i].topics.contains(&p.0) {
                continue;
            }
            let entry = best.entry(p).or_insert((*generation, Vec::new()));
            if *generation > entry.0 {
                *entry = (*generation, Vec::new());
            }
            if *generation == entry.0 && !entry.1.contains(&i) {
                entry.1.push(i);
            }
        }
    }
    best.into_iter()
        .filter(|(_, (_, owners))| owners.len() == 1)
        .map(|(p, (_, owners))| (p.clone(), owners[0]))
        .collect()
}

/// The sticky, balanced assignment: previous owners keep their partitions, the others go to
/// the least loaded eligible member, then partitions move from the most loaded members to
/// members holding at least two fewer until none can (new partitions move first).
fn balance(
    members: &[&MemberInfo],
    partitions: &BTreeMap<String, i32>,
    owners: &HashMap<Partition, usize>,
) -> Vec<Vec<Partition>> {
    let mut lists: Vec<Vec<Partition>> = vec![Vec::new(); members.len()];
    let eligible: BTreeMap<&str, Vec<usize>> = partitions
        .keys()
        .map(|topic| (topic.as_str(), (0..members.len()).filter(|&i| members[i].topics.contains(topic)).collect()))
        .collect();
    let mut unassigned: Vec<Partition> = Vec::new();
    for (topic, &count) in partitions {
        if eligible[topic.as_str()].is_empty() {
            continue;
        }
        for p in 0..count {
            let partition = (topic.clone(), p);
            match owners.get(&partition) {
                Some(&i) => lists[i].push(partition),
                None => unassigned.push(partition),
            }
        }
    }
    // The most constrained partitions first, so members with narrow subscriptions fill up.
    unassigned.sort_by_key(|(topic, p)| (eligible[topic.as_str()].len(), topic.clone(), *p));
    for partition in unassigned {
        let candidates = &eligible[partition.0.as_str()];
        if let Some(&i) = candidates.iter().min_by_key(|&&i| (lists[i].len(), i)) {
            lists[i].push(partition);
        }
    }
    // Each move lowers the sum of squared loads, so this ends.
    loop {
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by_key(|&i| (Reverse(lists[i].len()), i));
        let mut moved = false;
        'members: for &from in &order {
            let mut candidates: Vec<usize> = (0..lists[from].len()).rev().collect();
            // Stable sort: partitions `from` did not own before go first, newest first.
            candidates.sort_by_key(|&k| owners.get(&lists[from][k]) == Some(&from));
            for k in candidates {
                let load = lists[from].len();
                let target = eligible[lists[from][k].0.as_str()]
                    .iter()
                    .copied()
                    .filter(|&to| lists[to].len() + 1 < load)
                    .min_by_key(|&to| (lists[to].len(), to));
                if let Some(to) = target {
                    let partition = lists[from].remove(k);
                    lists[to].push(partition);
                    moved = true;
                    break 'members;
                }
            }
        }
        if !moved {
            break;
        }
    }
    for list in &mut lists {
        list.sort();
    }
    lists
}

fn into_assignment(members: &[&MemberInfo], lists: Vec<Vec<Partition>>) -> Assignment {
    members.iter().zip(lists).map(|(m, list)| (m.member_id.clone(), list)).collect()
}

/// Java's `StickyAssignorUserData` v1: the previous assignment by topic, then its generation.
pub(crate) fn encode_user_data(assignment: &[(String, i32)], generation: i32) -> Bytes {
    let mut by_topic: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
    for (topic, p) in assignment {
        by_topic.entry(topic).or_default().push(*p);
    }
    let mut buf = BytesMut::new();
    buf.put_i32(by_topic.len() as i32);
    for (topic, partitions) in by_topic {
        let name = &topic.as_bytes()[..topic.len().min(i16::MAX as usize)];
        buf.put_i16(name.len() as i16);
        buf.put_slice(name);
        buf.put_i32(partitions.len() as i32);
        for p in partitions {
            buf.put_i32(p);
        }
    }
    buf.put_i32(generation);
    buf.freeze()
}

/// Reads `StickyAssignorUserData` v1, or v0 (no generation). `None` if it is malformed: the
/// member then counts as owning nothing, as in Java.
pub(crate) fn decode_user_data(mut data: &[u8]) -> Option<(Vec<Partition>, Option<i32>)> {
    fn count(data: &mut &[u8], item_size: usize) -> Option<usize> {
        if data.remaining() < 4 {
            return None;
        }
        let n = data.get_i32();
        // A length is trusted only as far as the bytes that remain can hold it.
        let n = usize::try_from(n).ok()?;
        (n.checked_mul(item_size)? <= data.remaining()).then_some(n)
    }
    let topics = count(&mut data, 6)?;
    let mut out = Vec::new();
    for _ in 0..topics {
        if data.remaining() < 2 {
            return None;
        }
        let len = usize::try_from(data.get_i16()).ok()?;
        if data.remaining() < len {
            return None;
        }
        let topic = std::str::from_utf8(&data[..len]).ok()?.to_string();
        data.advance(len);
        for _ in 0..count(&mut data, 4)? {
            out.push((topic.clone(), data.get_i32()));
        }
    }
    let generation = (data.remaining() >= 4).then(|| data.get_i32());
    Some((out, generation))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn member(id: &str, topics: &[&str]) -> MemberInfo {
        MemberInfo {
            member_id: id.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        }
    }

    fn owning(id: &str, topics: &[&str], owned: &[(&str, i32)], generation: i32) -> MemberInfo {
        MemberInfo {
            owned_partitions: owned.iter().map(|(t, p)| (t.to_string(), *p)).collect(),
            generation: Some(generation),
            ..member(id, topics)
        }
    }

    fn with_user_data(id: &str, topics: &[&str], owned: &[(&str, i32)], generation: i32) -> MemberInfo {
        let owned: Vec<Partition> = owned.iter().map(|(t, p)| (t.to_string(), *p)).collect();
        MemberInfo { user_data: Some(encode_user_data(&owned, generation)), ..member(id, topics) }
    }

    /// Every partition at most once; loads within one of each other for equal subscriptions.
    fn check_valid(a: &Assignment, partitions: &BTreeMap<String, i32>, complete: bool) {
        let mut seen = BTreeSet::new();
        for list in a.values() {
            for p in list {
                assert!(seen.insert(p.clone()), "{p:?} assigned twice in {a:?}");
            }
        }
        if complete {
            let total: i32 = partitions.values().sum();
            assert_eq!(seen.len(), total as usize, "not every partition assigned: {a:?}");
            let loads: Vec<usize> = a.values().map(Vec::len).collect();
            assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "unbalanced: {a:?}");
        }
    }

    #[test]
    fn user_data_round_trips_in_javas_layout() {
        let owned = vec![("b".to_string(), 2), ("a".to_string(), 0), ("a".to_string(), 1)];
        let bytes = encode_user_data(&owned, 7);
        // 1 topic count + ("a": 2+1 bytes, count 4, 2 partitions 8) + ("b": 3 + 4 + 4) + gen 4.
        assert_eq!(bytes.len(), 4 + (3 + 4 + 8) + (3 + 4 + 4) + 4);
        assert_eq!(&bytes[..9], &[0, 0, 0, 2, 0, 1, b'a', 0, 0]);
        let (back, generation) = decode_user_data(&bytes).unwrap();
        assert_eq!(back, vec![("a".to_string(), 0), ("a".into(), 1), ("b".into(), 2)]);
        assert_eq!(generation, Some(7));
        // v0: no generation.
        let v0 = &bytes[..bytes.len() - 4];
        assert_eq!(decode_user_data(v0).unwrap().1, None);
        // Lies about lengths are refused, not trusted.
        assert!(decode_user_data(&[0x7f, 0xff, 0xff, 0xff]).is_none());
        assert!(decode_user_data(&[0, 0, 0, 1, 0, 9, b'x']).is_none());
    }

    #[test]
    fn fresh_group_is_balanced() {
        let partitions = BTreeMap::from([("t".to_string(), 12), ("u".to_string(), 5)]);
        let members = [member("c", &["t", "u"]), member("a", &["t", "u"]), member("b", &["t", "u"])];
        for assignor in [&StickyAssignor as &dyn Assignor, &CooperativeStickyAssignor] {
            let a = assignor.assign(&members, &partitions);
            check_valid(&a, &partitions, true);
        }
    }

    #[test]
    fn sticky_keeps_previous_owners_when_a_member_joins() {
        let partitions = BTreeMap::from([("t".to_string(), 6)]);
        let before = [("t", 0), ("t", 1), ("t", 2)];
        let after = [("t", 3), ("t", 4), ("t", 5)];
        let members =
            [with_user_data("a", &["t"], &before, 3), with_user_data("b", &["t"], &after, 3), member("c", &["t"])];
        let a = StickyAssignor.assign(&members, &partitions);
        check_valid(&a, &partitions, true);
        // Each old member gives up exactly one partition to the newcomer.
        assert_eq!(a["a"].iter().filter(|p| before.contains(&(p.0.as_str(), p.1))).count(), 2);
        assert_eq!(a["b"].iter().filter(|p| after.contains(&(p.0.as_str(), p.1))).count(), 2);
        assert_eq!(a["c"].len(), 2);
    }

    #[test]
    fn the_highest_generation_claim_wins_and_ties_cancel() {
        let partitions = BTreeMap::from([("t".to_string(), 2)]);
        let members = [with_user_data("a", &["t"], &[("t", 0)], 5), with_user_data("b", &["t"], &[("t", 0)], 4)];
        let a = StickyAssignor.assign(&members, &partitions);
        assert_eq!(a["a"], vec![("t".to_string(), 0)]);
        assert_eq!(a["b"], vec![("t".to_string(), 1)]);
        let members = [owning("a", &["t"], &[("t", 0)], 5), owning("b", &["t"], &[("t", 0)], 5)];
        let claims = [(vec![("t".to_string(), 0)], 5), (vec![("t".to_string(), 0)], 5)];
        let ordered = sorted(&members);
        assert!(resolve_claims(&ordered, &claims, &partitions).is_empty());
    }

    #[test]
    fn cooperative_withholds_partitions_that_change_hands() {
        let partitions = BTreeMap::from([("t".to_string(), 6)]);
        let members = [
            owning("a", &["t"], &[("t", 0), ("t", 1), ("t", 2)], 3),
            owning("b", &["t"], &[("t", 3), ("t", 4), ("t", 5)], 3),
            owning("c", &["t"], &[], -1),
        ];
        let first = CooperativeStickyAssignor.assign(&members, &partitions);
        check_valid(&first, &partitions, false);
        // The old owners keep two each; the two partitions that move are assigned to nobody.
        assert_eq!(first["a"].len(), 2);
        assert_eq!(first["b"].len(), 2);
        assert!(first["c"].is_empty(), "{first:?}");
        // Second round: a and b revoked; c gets the two released partitions.
        let owned = |id: &str| -> Vec<(&str, i32)> { first[id].iter().map(|(t, p)| (t.as_str(), *p)).collect() };
        let members =
            [owning("a", &["t"], &owned("a"), 4), owning("b", &["t"], &owned("b"), 4), owning("c", &["t"], &[], 4)];
        let second = CooperativeStickyAssignor.assign(&members, &partitions);
        check_valid(&second, &partitions, true);
        assert_eq!(second["a"], first["a"]);
        assert_eq!(second["b"], first["b"]);
        assert_eq!(second["c"].len(), 2);
    }

    #[test]
    fn cooperative_reads_the_generation_from_user_data_of_old_subscriptions() {
        let partitions = BTreeMap::from([("t".to_string(), 2)]);
        let old = |id: &str, p: i32, generation: i32| MemberInfo {
            owned_partitions: vec![("t".into(), p)],
            user_data: Some(Bytes::copy_from_slice(&generation.to_be_bytes())),
            ..member(id, &["t"])
        };
        let a = CooperativeStickyAssignor.assign(&[old("a", 1, 2), old("b", 1, 1)], &partitions);
        assert_eq!(a["a"], vec![("t".to_string(), 1)]);
        // b's stale claim keeps t-1 away from it, and t-0 is free for it.
        assert_eq!(a["b"], vec![("t".to_string(), 0)]);
    }

    #[test]
    fn unequal_subscriptions_balance_where_they_can() {
        let partitions = BTreeMap::from([("x".to_string(), 4), ("y".to_string(), 4)]);
        let members = [member("a", &["x"]), member("b", &["x", "y"]), member("c", &["x", "y"])];
        let a = StickyAssignor.assign(&members, &partitions);
        check_valid(&a, &partitions, false);
        let total: usize = a.values().map(Vec::len).sum();
        assert_eq!(total, 8);
        assert!(a["a"].iter().all(|(t, _)| t == "x"));
        let loads: Vec<usize> = a.values().map(Vec::len).collect();
        assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{a:?}");
    }

    #[test]
    fn claims_on_vanished_topics_or_partitions_are_ignored() {
        let partitions = BTreeMap::from([("t".to_string(), 2)]);
        let members = [with_user_data("a", &["t"], &[("gone", 0), ("t", 5)], 1), member("b", &["t"])];
        let a = StickyAssignor.assign(&members, &partitions);
        check_valid(&a, &partitions, true);
    }
}
