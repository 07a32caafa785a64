//! The server-side assignors of consumer groups (KIP-848): `uniform` and `range`.
//!
//! Both see each member's subscription and the subscribed topics' partition counts, and
//! produce a target assignment in which every partition of a subscribed topic goes to exactly
//! one member subscribed to it.

use std::collections::{BTreeMap, BTreeSet};

use kfk_protocol::Uuid;

use super::consumer::{Member, Partitions, TopicsView};

/// The target assignment by `assignor` (one of [`super::consumer::ASSIGNORS`]).
pub(crate) fn assign(
    assignor: &str,
    members: &BTreeMap<String, Member>,
    previous: &BTreeMap<String, Partitions>,
    topics: &TopicsView,
) -> BTreeMap<String, Partitions> {
    match assignor {
        "range" => range(members, topics),
        _ => uniform(members, previous, topics),
    }
}

/// Per topic, its subscribers in member id order get contiguous ranges; the first
/// `partitions % subscribers` get one more.
fn range(members: &BTreeMap<String, Member>, topics: &TopicsView) -> BTreeMap<String, Partitions> {
    let mut out: BTreeMap<String, Partitions> = members.keys().map(|id| (id.clone(), Partitions::new())).collect();
    for (name, &(id, count)) in topics {
        let subscribers: Vec<&String> =
            members.values().filter(|m| m.subscribed.contains(name)).map(|m| &m.id).collect();
        if subscribers.is_empty() || count <= 0 {
            continue;
        }
        let n = subscribers.len() as i32;
        let (each, extra) = (count / n, count % n);
        let mut next = 0;
        for (i, member) in subscribers.into_iter().enumerate() {
            let take = each + i32::from((i as i32) < extra);
            if take > 0 {
                if let Some(a) = out.get_mut(member) {
                    a.entry(id).or_default().extend(next..next + take);
                }
            }
            next += take;
        }
    }
    out
}

/// Spreads partitions evenly, keeping each where it was as far as balance allows: previous
/// owners keep theirs up to the balanced share, the rest go to the least loaded subscriber,
/// then single moves from the most to the least loaded even out what subscriptions allow.
fn uniform(
    members: &BTreeMap<String, Member>,
    previous: &BTreeMap<String, Partitions>,
    topics: &TopicsView,
) -> BTreeMap<String, Partitions> {
    let mut out: BTreeMap<String, Partitions> = members.keys().map(|id| (id.clone(), Partitions::new())).collect();
    let subscribers = |name: &str| -> Vec<&String> {
        members.values().filter(|m| m.subscribed.iter().any(|t| t == name)).map(|m| &m.id).collect()
    };
    let all: Vec<(String, Uuid, i32)> = topics
        .iter()
        .filter(|(name, _)| !subscribers(name).is_empty())
        .flat_map(|(name, &(id, count))| (0..count).map(move |p| (name.clone(), id, p)))
        .collect();
    if members.is_empty() || all.is_empty() {
        return out;
    }
    let share = all.len().div_ceil(members.len());
    let load = |out: &BTreeMap<String, Partitions>, m: &str| {
        out.get(m).map_or(0, |a| a.values().map(BTreeSet::len).sum::<usize>())
    };
    let mut unassigned = Vec::new();
    for (name, id, p) in &all {
        let keeper = previous.iter().find(|(m, a)| {
            a.get(id).is_some_and(|s| s.contains(p))
                && members.get(*m).is_some_and(|mm| mm.subscribed.iter().any(|t| t == name))
        });
        match keeper {
            Some((m, _)) if load(&out, m) < share => {
                out.entry(m.clone()).or_default().entry(*id).or_default().insert(*p);
            }
            _ => unassigned.push((name.clone(), *id, *p)),
        }
    }
    for (name, id, p) in unassigned {
        let Some(m) = subscribers(&name).into_iter().min_by_key(|m| (load(&out, m), (*m).clone())) else { continue };
        out.entry(m.clone()).or_default().entry(id).or_default().insert(p);
    }
    // Even out: move one partition at a time from a member above the lightest subscriber by
    // two or more. Each move lowers the spread of loads, so this ends.
    for _ in 0..all.len() * members.len() {
        let mut moved = false;
        'search: for (name, id, p) in &all {
            let Some(owner) =
                out.iter().find(|(_, a)| a.get(id).is_some_and(|s| s.contains(p))).map(|(m, _)| m.clone())
            else {
                continue;
            };
            let owner_load = load(&out, &owner);
            for m in subscribers(name) {
                if load(&out, m) + 1 < owner_load {
                    if let Some(s) = out.get_mut(&owner).and_then(|a| a.get_mut(id)) {
                        s.remove(p);
                    }
                    out.entry(m.clone()).or_default().entry(*id).or_default().insert(*p);
                    moved = true;
                    break 'search;
                }
            }
        }
        if !moved {
            break;
        }
    }
    for a in out.values_mut() {
        a.retain(|_, s| !s.is_empty());
    }
    out
}
