//! Partition assignors for the classic group protocol: the group leader runs one to split the
//! subscribed topics' partitions among the members. `range` and `roundrobin` produce the same
//! assignment as the Java assignor of the same name for the same input; `sticky` and
//! `cooperative-sticky` read and write the same subscription data as Java's, so mixed groups of
//! Rust and Java consumers agree whichever member leads.

use std::collections::BTreeMap;

use bytes::Bytes;

pub use super::sticky::{CooperativeStickyAssignor, StickyAssignor};

/// How members give up partitions in a rebalance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RebalanceProtocol {
    /// Every member revokes all its partitions before rejoining.
    Eager,
    /// KIP-429: members keep their partitions through the rebalance and revoke only those the
    /// new assignment moves elsewhere; a moved partition reaches its new owner one rebalance
    /// later.
    Cooperative,
}

/// A member as the leader sees it in JoinGroup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct MemberInfo {
    /// The member id the coordinator gave it.
    pub member_id: String,
    /// Its `group.instance.id`, if it is a static member.
    pub group_instance_id: Option<String>,
    /// Topics it subscribes to.
    pub topics: Vec<String>,
    /// Partitions it owns as it joins (subscription v1+; empty under the eager protocol).
    pub owned_partitions: Vec<(String, i32)>,
    /// The generation in which it got them (subscription v2+), if it says.
    pub generation: Option<i32>,
    /// The assignor's own data from its subscription.
    pub user_data: Option<Bytes>,
}

impl MemberInfo {
    /// A dynamic member subscribed to `topics`, owning nothing yet: what a test of an
    /// assignor of one's own feeds [`Assignor::assign`] (the coordinator's answer fills the
    /// rest in a real group).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use kfk_client::group::{Assignor, MemberInfo, RangeAssignor};
    ///
    /// let members = [MemberInfo::new("a", ["orders"]), MemberInfo::new("b", ["orders"])];
    /// let assignment = RangeAssignor.assign(&members, &BTreeMap::from([("orders".to_string(), 4)]));
    /// assert_eq!(assignment["a"], vec![("orders".to_string(), 0), ("orders".to_string(), 1)]);
    /// ```
    pub fn new<T: Into<String>>(member_id: impl Into<String>, topics: impl IntoIterator<Item = T>) -> Self {
        MemberInfo {
            member_id: member_id.into(),
            topics: topics.into_iter().map(Into::into).collect(),
            ..MemberInfo::default()
        }
    }

    /// Makes it a static member with this `group.instance.id`.
    pub fn group_instance_id(mut self, id: impl Into<String>) -> Self {
        self.group_instance_id = Some(id.into());
        self
    }

    /// The partitions it owns as it joins, and the generation it got them in.
    pub fn owned_partitions(mut self, partitions: Vec<(String, i32)>, generation: i32) -> Self {
        self.owned_partitions = partitions;
        self.generation = Some(generation);
        self
    }

    /// The assignor's own data in its subscription.
    pub fn user_data(mut self, data: impl Into<Bytes>) -> Self {
        self.user_data = Some(data.into());
        self
    }

    /// Java's member order: static members first, by instance id; then by member id.
    pub(crate) fn order_key(&self) -> (bool, &str) {
        match &self.group_instance_id {
            Some(id) => (false, id.as_str()),
            None => (true, self.member_id.as_str()),
        }
    }
}

/// An assignment: member id to (topic, partition) pairs.
pub type Assignment = BTreeMap<String, Vec<(String, i32)>>;

/// A partition assignment strategy. Implement it to plug in an assignor of your own
/// (`ConsumerConfigBuilder::assignors`): the leader calls [`Assignor::assign`] on the group
/// task, so it should compute, not wait; a partition left out of the returned assignment is
/// consumed by no one until the next rebalance.
pub trait Assignor: Send + Sync + 'static {
    /// The protocol name sent in JoinGroup (`range`, `roundrobin`, `sticky`, `cooperative-sticky`,
    /// or the application's own). Members agree on an assignor by this name alone, so two
    /// different assignors must not share one.
    fn name(&self) -> &'static str;

    /// The rebalance protocols it supports. A consumer uses the most advanced one that all its
    /// configured assignors support, as the Java client does.
    fn supported_protocols(&self) -> &'static [RebalanceProtocol] {
        &[RebalanceProtocol::Eager]
    }

    /// The user data this member puts in its subscription, given the partitions of its last
    /// assignment and that assignment's generation (-1 before the first).
    fn subscription_user_data(&self, last_assignment: &[(String, i32)], generation: i32) -> Option<Bytes> {
        let _ = (last_assignment, generation);
        None
    }

    /// Splits `partitions` (topic to partition count) among `members`.
    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment;
}

/// Names the assignor (a configuration's `Debug` shows which assignors it offers).
impl std::fmt::Debug for dyn Assignor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Assignor({})", self.name())
    }
}

pub(crate) fn sorted(members: &[MemberInfo]) -> Vec<&MemberInfo> {
    let mut v: Vec<&MemberInfo> = members.iter().collect();
    v.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    v
}

pub(crate) fn empty(members: &[MemberInfo]) -> Assignment {
    members.iter().map(|m| (m.member_id.clone(), Vec::new())).collect()
}

/// `range`: per topic, consecutive partition ranges to the members subscribed to it, the first
/// ones getting one more when the count does not divide evenly.
#[derive(Debug, Default, Clone, Copy)]
pub struct RangeAssignor;

impl Assignor for RangeAssignor {
    fn name(&self) -> &'static str {
        "range"
    }

    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
        let mut out = empty(members);
        let ordered = sorted(members);
        for (topic, &count) in partitions {
            let subscribed: Vec<&&MemberInfo> = ordered.iter().filter(|m| m.topics.contains(topic)).collect();
            if subscribed.is_empty() {
                continue;
            }
            let per = count as usize / subscribed.len();
            let extra = count as usize % subscribed.len();
            let mut next = 0i32;
            for (i, m) in subscribed.iter().enumerate() {
                let n = per + usize::from(i < extra);
                let list = out.entry(m.member_id.clone()).or_default();
                for _ in 0..n {
                    list.push((topic.clone(), next));
                    next += 1;
                }
            }
        }
        out
    }
}

/// `roundrobin`: every partition of every subscribed topic, in topic then partition order, dealt
/// in turn to the members (skipping members not subscribed to the partition's topic).
#[derive(Debug, Default, Clone, Copy)]
pub struct RoundRobinAssignor;

impl Assignor for RoundRobinAssignor {
    fn name(&self) -> &'static str {
        "roundrobin"
    }

    fn assign(&self, members: &[MemberInfo], partitions: &BTreeMap<String, i32>) -> Assignment {
        let mut out = empty(members);
        let ordered = sorted(members);
        if ordered.is_empty() {
            return out;
        }
        let mut cursor = 0usize;
        for (topic, &count) in partitions {
            if !ordered.iter().any(|m| m.topics.contains(topic)) {
                continue;
            }
            for partition in 0..count {
                while !ordered[cursor % ordered.len()].topics.contains(topic) {
                    cursor += 1;
                }
                let member = ordered[cursor % ordered.len()];
                out.entry(member.member_id.clone()).or_default().push((topic.clone(), partition));
                cursor += 1;
            }
        }
        out
    }
}

/// The assignor named `name`, if this client has it.
pub fn by_name(name: &str) -> Option<Box<dyn Assignor>> {
    Some(match crate::config::assignor_name(name)? {
        "range" => Box::new(RangeAssignor),
        "roundrobin" => Box::new(RoundRobinAssignor),
        "sticky" => Box::new(StickyAssignor),
        _ => Box::new(CooperativeStickyAssignor),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, topics: &[&str]) -> MemberInfo {
        MemberInfo {
            member_id: id.into(),
            topics: topics.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn range_gives_the_first_members_the_remainder() {
        let members = [member("b", &["t"]), member("a", &["t"]), member("c", &["t"])];
        let a = RangeAssignor.assign(&members, &BTreeMap::from([("t".into(), 8)]));
        assert_eq!(a["a"], vec![("t".to_string(), 0), ("t".into(), 1), ("t".into(), 2)]);
        assert_eq!(a["b"], vec![("t".to_string(), 3), ("t".into(), 4), ("t".into(), 5)]);
        assert_eq!(a["c"], vec![("t".to_string(), 6), ("t".into(), 7)]);
    }

    #[test]
    fn roundrobin_deals_partitions_in_turn_across_topics() {
        let members = [member("m1", &["x", "y"]), member("m2", &["x", "y"])];
        let a = RoundRobinAssignor.assign(&members, &BTreeMap::from([("x".into(), 3), ("y".into(), 2)]));
        assert_eq!(a["m1"], vec![("x".to_string(), 0), ("x".into(), 2), ("y".into(), 1)]);
        assert_eq!(a["m2"], vec![("x".to_string(), 1), ("y".into(), 0)]);
    }

    #[test]
    fn static_members_sort_first_by_instance_id() {
        let mut s = member("zzz", &["t"]);
        s.group_instance_id = Some("instance-1".into());
        let members = [member("aaa", &["t"]), s];
        let a = RangeAssignor.assign(&members, &BTreeMap::from([("t".into(), 2)]));
        assert_eq!(a["zzz"], vec![("t".to_string(), 0)]);
        assert_eq!(a["aaa"], vec![("t".to_string(), 1)]);
    }

    #[test]
    fn unsubscribed_members_get_nothing() {
        let members = [member("a", &["t"]), member("b", &["u"])];
        let a = RoundRobinAssignor.assign(&members, &BTreeMap::from([("t".into(), 2), ("u".into(), 1)]));
        assert_eq!(a["a"].len(), 2);
        assert_eq!(a["b"], vec![("u".to_string(), 0)]);
    }
}
