//! KIP-848 consumer groups: the coordinator assigns, members reconcile towards their target.
//!
//! A group has a group epoch, bumped whenever what the assignment depends on changes (a member
//! joins or leaves, a subscription changes, a subscribed topic gains partitions), and a target
//! assignment computed by a server-side assignor at that epoch. Each member has its own member
//! epoch and a current assignment, and moves towards its target the way Kafka's
//! `CurrentAssignmentBuilder` moves it:
//!
//! - partitions leaving the member are revoked first: the member keeps its epoch and is told to
//!   own only what it keeps, until a heartbeat reports it no longer owns the revoked ones;
//! - then it takes the target epoch, with the new partitions that nobody else still owns (its
//!   current assignment or pending revocation); the others come at a later heartbeat, once
//!   their previous owner released them.
//!
//! So no partition is ever owned by two members at once. Everything is driven by heartbeats:
//! a member learns about new work at its next one.
//!
//! A member subscribes by topic names, by a regular expression (`SubscribedTopicRegex`, RE2
//! syntax as Kafka's RE2J, matching whole topic names), or both: its subscription is the union
//! of its names and the existing topics its regex matches (never an internal topic). Every
//! heartbeat resolves the group's regexes against the cluster's topics as they are then, so a
//! topic created or deleted since changes the subscriptions, and the group epoch, at the next
//! heartbeat of any member. Kafka resolves them asynchronously, at most every 10 s
//! (`REGEX_BATCH_REFRESH_INTERVAL_MS`); the stub resolves them at once.

use std::collections::{BTreeMap, BTreeSet};

use kfk_protocol::messages::consumer_group_heartbeat::response::{Assignment, TopicPartitions as ResponsePartitions};
use kfk_protocol::messages::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kfk_protocol::{ErrorCode, Uuid};
use regex::Regex;

/// Partitions by topic id.
pub(crate) type Partitions = BTreeMap<Uuid, BTreeSet<i32>>;

/// What the coordinator knows of the cluster's topics: name → (id, partition count).
pub(crate) type TopicsView = BTreeMap<String, (Uuid, i32)>;

/// The epoch of a member joining.
pub(crate) const JOIN_EPOCH: i32 = 0;
/// The epoch of a member leaving for good.
pub(crate) const LEAVE_EPOCH: i32 = -1;
/// The epoch of a static member leaving temporarily (it keeps its partitions for a session).
pub(crate) const STATIC_LEAVE_EPOCH: i32 = -2;

/// Kafka's internal topics (`Topic.isInternal`): a regex never subscribes to them.
const INTERNAL_TOPICS: &[&str] = &["__consumer_offsets", "__transaction_state", "__share_group_state"];

/// A member's `SubscribedTopicRegex`, compiled to match whole topic names (RE2J's
/// `Matcher.matches`).
#[derive(Debug, Clone)]
pub(crate) struct TopicRegex {
    /// As the member sent it.
    pub pattern: String,
    whole: Regex,
}

impl TopicRegex {
    /// Compiles `pattern`, or says why it is not a valid regular expression.
    fn new(pattern: &str) -> Result<Self, String> {
        // The pattern alone first: wrapping an invalid one could make it valid (`)(`).
        let describe = |e: regex::Error| {
            let text = e.to_string();
            // A syntax error spans several lines (the pattern, a caret); keep its last one.
            let line = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
            line.trim().trim_start_matches("error: ").to_owned()
        };
        Regex::new(pattern).map_err(describe)?;
        let whole = Regex::new(&format!("^(?:{pattern})$")).map_err(describe)?;
        Ok(TopicRegex { pattern: pattern.to_owned(), whole })
    }

    /// Whether the regex subscribes to `topic`: it matches the whole name, and the topic is
    /// not internal.
    pub(crate) fn matches(&self, topic: &str) -> bool {
        !INTERNAL_TOPICS.contains(&topic) && self.whole.is_match(topic)
    }
}

/// The server-side assignors the stub offers (Kafka's `group.consumer.assignors`); the first is
/// the default.
pub(crate) const ASSIGNORS: &[&str] = &["uniform", "range"];

/// Where a member stands in its reconciliation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberState {
    /// At its target.
    Stable,
    /// Waiting for the member to confirm it gave up `revoking`.
    UnrevokedPartitions,
    /// At the target epoch, waiting for partitions other members still own.
    UnreleasedPartitions,
}

/// One member of a consumer group.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub id: String,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub epoch: i32,
    pub previous_epoch: i32,
    pub state: MemberState,
    /// The topic names the member subscribed to (sorted, deduplicated).
    pub subscribed_names: Vec<String>,
    /// The regex the member subscribed with.
    pub subscribed_regex: Option<TopicRegex>,
    /// Its whole subscription, what the assignors see: its names and the existing topics its
    /// regex matches (sorted, deduplicated), as of the group's last heartbeat.
    pub subscribed: Vec<String>,
    pub server_assignor: Option<String>,
    pub rebalance_timeout_ms: i32,
    /// What the member may own now.
    pub assigned: Partitions,
    /// What it must give up before its epoch moves on.
    pub revoking: Partitions,
}

impl Member {
    fn new(id: &str) -> Self {
        Member {
            id: id.to_owned(),
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            client_host: String::new(),
            epoch: JOIN_EPOCH,
            previous_epoch: JOIN_EPOCH,
            state: MemberState::Stable,
            subscribed_names: Vec::new(),
            subscribed_regex: None,
            subscribed: Vec::new(),
            server_assignor: None,
            rebalance_timeout_ms: -1,
            assigned: Partitions::new(),
            revoking: Partitions::new(),
        }
    }

    /// Its names and its regex's matches among `topics`.
    fn resolve(&self, topics: &TopicsView) -> Vec<String> {
        let mut all: BTreeSet<&String> = self.subscribed_names.iter().collect();
        if let Some(r) = &self.subscribed_regex {
            all.extend(topics.keys().filter(|t| r.matches(t)));
        }
        all.into_iter().cloned().collect()
    }

    fn holds(&self, topic: &Uuid, partition: i32) -> bool {
        let has = |p: &Partitions| p.get(topic).is_some_and(|s| s.contains(&partition));
        has(&self.assigned) || has(&self.revoking)
    }
}

/// A KIP-848 consumer group.
#[derive(Debug, Clone)]
pub(crate) struct ConsumerGroup {
    pub id: String,
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    pub members: BTreeMap<String, Member>,
    /// The target assignment at `assignment_epoch`, by member id.
    pub target: BTreeMap<String, Partitions>,
    /// The subscribed topics' metadata the target was computed from.
    topics: TopicsView,
}

/// What a heartbeat carried, beyond the request.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HeartbeatCtx<'a> {
    pub client_id: &'a str,
    pub client_host: &'a str,
    pub heartbeat_interval_ms: i32,
    /// An id for a member joining at v0 (the server names it).
    pub fresh_member_id: &'a str,
}

/// A heartbeat's effect on the session timers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Session {
    /// The member's session (re)starts.
    Renew(String),
    /// The member is gone: forget its session (and a replaced static member's).
    End(String),
    /// A static member replaced another: end the old one's session, start the new one's.
    Replace { old: String, new: String },
}

/// A refused heartbeat.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub code: ErrorCode,
    pub message: String,
}

fn refuse(code: ErrorCode, message: impl Into<String>) -> Refusal {
    Refusal { code, message: message.into() }
}

/// Checks a heartbeat the way Kafka's `throwIfConsumerGroupHeartbeatRequestIsInvalid` does.
pub(crate) fn validate(req: &ConsumerGroupHeartbeatRequest, version: i16) -> Result<(), Refusal> {
    let invalid = |m: &str| Err(refuse(ErrorCode::INVALID_REQUEST, m));
    if req.group_id.is_empty() {
        return invalid("GroupId can't be empty.");
    }
    if version >= 1 && req.member_id.is_empty() {
        return invalid("MemberId can't be empty.");
    }
    if req.instance_id.as_deref() == Some("") {
        return invalid("InstanceId can't be empty.");
    }
    match req.member_epoch {
        JOIN_EPOCH => {
            if req.rebalance_timeout_ms == -1 {
                return invalid("RebalanceTimeoutMs must be provided in first request.");
            }
            if req.topic_partitions.as_ref().is_none_or(|t| !t.is_empty()) {
                return invalid("TopicPartitions must be empty when (re-)joining.");
            }
            if req.subscribed_topic_names.is_none() && req.subscribed_topic_regex.is_none() {
                return invalid(
                    "Either SubscribedTopicNames or SubscribedTopicRegex must be non-null when (re-)joining.",
                );
            }
        }
        STATIC_LEAVE_EPOCH if req.instance_id.is_none() => {
            return invalid("InstanceId can't be null.");
        }
        e if e < STATIC_LEAVE_EPOCH => return invalid(&format!("MemberEpoch is invalid: {e}.")),
        _ => {}
    }
    if let Some(a) = req.server_assignor.as_deref() {
        if !ASSIGNORS.contains(&a) {
            return Err(refuse(
                ErrorCode::UNSUPPORTED_ASSIGNOR,
                format!("ServerAssignor {a} is not supported. Supported assignors: {}.", ASSIGNORS.join(", ")),
            ));
        }
    }
    Ok(())
}

fn to_partitions(owned: &[kfk_protocol::messages::consumer_group_heartbeat::request::TopicPartitions]) -> Partitions {
    let mut out = Partitions::new();
    for t in owned {
        out.entry(t.topic_id).or_default().extend(t.partitions.iter().copied());
    }
    out.retain(|_, s| !s.is_empty());
    out
}

fn intersects(a: &Partitions, b: &Partitions) -> bool {
    a.iter().any(|(t, ps)| b.get(t).is_some_and(|qs| !ps.is_disjoint(qs)))
}

fn is_subset(a: &Partitions, b: &Partitions) -> bool {
    a.iter().all(|(t, ps)| ps.is_empty() || b.get(t).is_some_and(|qs| ps.is_subset(qs)))
}

fn minus(a: &Partitions, b: &Partitions) -> Partitions {
    let mut out = Partitions::new();
    for (t, ps) in a {
        let rest: BTreeSet<i32> = ps.iter().filter(|p| !b.get(t).is_some_and(|q| q.contains(p))).copied().collect();
        if !rest.is_empty() {
            out.insert(*t, rest);
        }
    }
    out
}

fn intersect(a: &Partitions, b: &Partitions) -> Partitions {
    let mut out = Partitions::new();
    for (t, ps) in a {
        if let Some(qs) = b.get(t) {
            let both: BTreeSet<i32> = ps.intersection(qs).copied().collect();
            if !both.is_empty() {
                out.insert(*t, both);
            }
        }
    }
    out
}

/// The group's state name as Kafka reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConsumerGroupState {
    Empty,
    Assigning,
    Reconciling,
    Stable,
}

impl ConsumerGroupState {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ConsumerGroupState::Empty => "Empty",
            ConsumerGroupState::Assigning => "Assigning",
            ConsumerGroupState::Reconciling => "Reconciling",
            ConsumerGroupState::Stable => "Stable",
        }
    }
}

impl ConsumerGroup {
    pub(crate) fn new(id: &str) -> Self {
        ConsumerGroup {
            id: id.to_owned(),
            group_epoch: 0,
            assignment_epoch: 0,
            members: BTreeMap::new(),
            target: BTreeMap::new(),
            topics: TopicsView::new(),
        }
    }

    pub(crate) fn state(&self) -> ConsumerGroupState {
        if self.members.is_empty() {
            ConsumerGroupState::Empty
        } else if self.group_epoch > self.assignment_epoch {
            ConsumerGroupState::Assigning
        } else if self.members.values().any(|m| m.epoch != self.assignment_epoch || m.state != MemberState::Stable) {
            ConsumerGroupState::Reconciling
        } else {
            ConsumerGroupState::Stable
        }
    }

    /// Whether a member subscribes to `topic`.
    pub(crate) fn is_subscribed_to(&self, topic: &str) -> bool {
        self.members.values().any(|m| m.subscribed.iter().any(|t| t == topic))
    }

    /// The assignor the group uses: the one most members ask for (ties: the first offered),
    /// else the default.
    pub(crate) fn assignor(&self) -> &'static str {
        let mut best = (0usize, ASSIGNORS[0]);
        for &a in ASSIGNORS {
            let n = self.members.values().filter(|m| m.server_assignor.as_deref() == Some(a)).count();
            if n > best.0 {
                best = (n, a);
            }
        }
        best.1
    }

    fn bump(&mut self) {
        self.group_epoch += 1;
    }

    /// Resolves every member's subscription against `topics` (names and regex matches);
    /// whether one changed.
    fn resolve_subscriptions(&mut self, topics: &TopicsView) -> bool {
        let mut changed = false;
        for m in self.members.values_mut() {
            let resolved = m.resolve(topics);
            if resolved != m.subscribed {
                tracing::debug!(group = %self.id, member = %m.id, topics = ?resolved, "member subscription resolved");
                m.subscribed = resolved;
                changed = true;
            }
        }
        changed
    }

    /// The regex a heartbeat asks for: `None` to keep the member's, `Some(None)` to clear it
    /// (an empty string, as Kafka reads it), else the compiled regex. A regex no member uses
    /// yet is compiled here, and one that does not compile is refused as Kafka refuses it
    /// (`throwIfRegularExpressionIsInvalid`).
    fn requested_regex(&self, req: &ConsumerGroupHeartbeatRequest) -> Result<Option<Option<TopicRegex>>, Refusal> {
        let Some(pattern) = req.subscribed_topic_regex.as_deref() else { return Ok(None) };
        if pattern.is_empty() {
            return Ok(Some(None));
        }
        let known = self.members.values().filter_map(|m| m.subscribed_regex.as_ref()).find(|r| r.pattern == pattern);
        if let Some(r) = known {
            return Ok(Some(Some(r.clone())));
        }
        TopicRegex::new(pattern).map(|r| Some(Some(r))).map_err(|why| {
            refuse(
                ErrorCode::INVALID_REGULAR_EXPRESSION,
                format!("SubscribedTopicRegex `{pattern}` is not a valid regular expression: {why}."),
            )
        })
    }

    /// The subscribed topics that exist, as `topics` shows them.
    fn subscribed_view(&self, topics: &TopicsView) -> TopicsView {
        let names: BTreeSet<&String> = self.members.values().flat_map(|m| m.subscribed.iter()).collect();
        names.into_iter().filter_map(|n| topics.get(n).map(|v| (n.clone(), *v))).collect()
    }

    /// Removes a member (left, fenced or expired); the group epoch moves on.
    pub(crate) fn remove_member(&mut self, member: &str) -> bool {
        if self.members.remove(member).is_none() {
            return false;
        }
        self.target.remove(member);
        self.bump();
        true
    }

    /// Recomputes the target assignment if the group epoch moved past it.
    fn refresh_target(&mut self) {
        if self.group_epoch <= self.assignment_epoch {
            return;
        }
        let assignor = self.assignor();
        self.target = super::consumer_assignors::assign(assignor, &self.members, &self.target, &self.topics);
        self.assignment_epoch = self.group_epoch;
        tracing::debug!(group = %self.id, epoch = self.group_epoch, assignor, "target assignment computed");
    }

    /// Moves `member` towards its target, given what it reports owning (`None`: not reported).
    fn reconcile(&mut self, member_id: &str, owned: Option<&Partitions>) {
        let target_epoch = self.assignment_epoch;
        let target = self.target.get(member_id).cloned().unwrap_or_default();
        let Some(member) = self.members.get(member_id) else { return };
        let mut m = member.clone();
        match m.state {
            MemberState::UnrevokedPartitions => {
                // Still owning a revoked partition (or not saying): nothing moves.
                if owned.is_none_or(|o| intersects(&m.revoking, o)) {
                    return;
                }
                m.revoking.clear();
            }
            MemberState::Stable if m.epoch == target_epoch => return,
            MemberState::Stable | MemberState::UnreleasedPartitions => {}
        }
        let keep = intersect(&m.assigned, &target);
        let revoke = minus(&m.assigned, &target);
        if !revoke.is_empty() && owned.is_none_or(|o| intersects(&revoke, o)) {
            m.assigned = keep;
            m.revoking = revoke;
            m.state = MemberState::UnrevokedPartitions;
        } else {
            let others_hold = |t: &Uuid, p: i32| self.members.values().any(|o| o.id != m.id && o.holds(t, p));
            let mut assigned = keep;
            let mut unreleased = false;
            for (t, ps) in minus(&target, &m.assigned) {
                for p in ps {
                    if others_hold(&t, p) {
                        unreleased = true;
                    } else {
                        assigned.entry(t).or_default().insert(p);
                    }
                }
            }
            m.assigned = assigned;
            m.revoking.clear();
            if m.epoch != target_epoch {
                m.previous_epoch = m.epoch;
                m.epoch = target_epoch;
            }
            m.state = if unreleased { MemberState::UnreleasedPartitions } else { MemberState::Stable };
        }
        self.members.insert(member_id.to_owned(), m);
    }

    /// One ConsumerGroupHeartbeat (validated by [`validate`]): the response and what it means
    /// for the member's session.
    pub(crate) fn heartbeat(
        &mut self,
        req: &ConsumerGroupHeartbeatRequest,
        ctx: HeartbeatCtx<'_>,
        topics: &TopicsView,
    ) -> Result<(ConsumerGroupHeartbeatResponse, Session), Refusal> {
        let answer = |member_id: &str, epoch: i32| ConsumerGroupHeartbeatResponse {
            member_id: Some(member_id.to_owned()),
            member_epoch: epoch,
            heartbeat_interval_ms: ctx.heartbeat_interval_ms,
            ..Default::default()
        };
        match req.member_epoch {
            LEAVE_EPOCH | STATIC_LEAVE_EPOCH => return self.leave(req).map(|(e, s)| (answer(&req.member_id, e), s)),
            _ => {}
        }
        let mut member_id = req.member_id.clone();
        let mut session = Session::Renew(member_id.clone());
        let before = self.members.get(&member_id).map(|m| (m.epoch, m.assigned.clone()));
        // One heartbeat moves the group epoch at most once, whatever it changed.
        let mut joined = false;
        // What is refused is refused before anything changes, in Kafka's order: the member's
        // identity and epoch, then its regex.
        let mut predecessor = None;
        if req.member_epoch == JOIN_EPOCH {
            if member_id.is_empty() {
                member_id = ctx.fresh_member_id.to_owned();
                session = Session::Renew(member_id.clone());
            }
            predecessor = self.static_predecessor(req, &member_id)?;
        } else {
            let Some(m) = self.members.get(&member_id) else {
                return Err(refuse(
                    ErrorCode::UNKNOWN_MEMBER_ID,
                    format!("Member {member_id} is not a member of group {}.", self.id),
                ));
            };
            let owned = req.topic_partitions.as_deref().map(to_partitions);
            let stale_ok = req.member_epoch == m.previous_epoch
                && req.member_epoch < m.epoch
                && owned.as_ref().is_some_and(|o| is_subset(o, &m.assigned));
            if req.member_epoch != m.epoch && !stale_ok {
                return Err(refuse(
                    ErrorCode::FENCED_MEMBER_EPOCH,
                    format!("The member epoch {} does not match the expected {}.", req.member_epoch, m.epoch),
                ));
            }
        }
        let regex = self.requested_regex(req)?;
        if req.member_epoch == JOIN_EPOCH {
            if let Some(old) = predecessor {
                // The replacement takes over the departed member's place: its assignment and
                // epoch, without a new group epoch.
                let mut m = self.members.remove(&old).unwrap_or_else(|| Member::new(&old));
                m.id = member_id.clone();
                if let Some(t) = self.target.remove(&old) {
                    self.target.insert(member_id.clone(), t);
                }
                self.members.insert(member_id.clone(), m);
                session = Session::Replace { old, new: member_id.clone() };
            } else if let Some(m) = self.members.get_mut(&member_id) {
                // A member rejoining (after being fenced, or its join answer was lost) owns
                // nothing, as the request says: it starts over from its target.
                m.assigned.clear();
                m.revoking.clear();
                m.state = MemberState::Stable;
                m.previous_epoch = JOIN_EPOCH;
                m.epoch = JOIN_EPOCH;
            } else {
                self.members.insert(member_id.clone(), Member::new(&member_id));
                joined = true;
            }
        }
        let changed = {
            let Some(m) = self.members.get_mut(&member_id) else {
                return Err(refuse(ErrorCode::UNKNOWN_SERVER_ERROR, "member vanished"));
            };
            m.client_id = ctx.client_id.to_owned();
            m.client_host = ctx.client_host.to_owned();
            if req.instance_id.is_some() {
                m.instance_id = req.instance_id.clone();
            }
            if req.rack_id.is_some() {
                m.rack_id = req.rack_id.clone();
            }
            if req.rebalance_timeout_ms > 0 {
                m.rebalance_timeout_ms = req.rebalance_timeout_ms;
            }
            let mut changed = false;
            if let Some(names) = &req.subscribed_topic_names {
                let mut names = names.clone();
                names.sort();
                names.dedup();
                if names != m.subscribed_names {
                    m.subscribed_names = names;
                    changed = true;
                }
            }
            if let Some(regex) = regex {
                let pattern = |r: &Option<TopicRegex>| r.as_ref().map(|r| r.pattern.clone());
                if pattern(&regex) != pattern(&m.subscribed_regex) {
                    m.subscribed_regex = regex;
                    changed = true;
                }
            }
            if req.server_assignor.is_some() && req.server_assignor != m.server_assignor {
                m.server_assignor = req.server_assignor.clone();
                changed = true;
            }
            changed
        };
        // Here the group sees the topics as they are now: a subscribed topic created, deleted
        // or grown since the last heartbeat, or a regex matching other topics, moves the group
        // epoch on.
        let resolved = self.resolve_subscriptions(topics);
        let view = self.subscribed_view(topics);
        if joined || changed || resolved || view != self.topics {
            self.topics = view;
            self.bump();
        }
        self.refresh_target();
        let owned = if req.member_epoch == JOIN_EPOCH {
            Some(Partitions::new())
        } else {
            req.topic_partitions.as_deref().map(to_partitions)
        };
        self.reconcile(&member_id, owned.as_ref());
        let m = &self.members[&member_id];
        let mut response = answer(&member_id, m.epoch);
        let moved = before.as_ref().is_none_or(|(e, a)| *e != m.epoch || *a != m.assigned);
        let out_of_sync = owned.as_ref().is_some_and(|o| *o != m.assigned);
        if req.member_epoch == JOIN_EPOCH || moved || out_of_sync {
            response.assignment = Some(Assignment {
                topic_partitions: m
                    .assigned
                    .iter()
                    .map(|(t, ps)| ResponsePartitions {
                        topic_id: *t,
                        partitions: ps.iter().copied().collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            });
        }
        Ok((response, session))
    }

    /// For a static member joining: the member id of the departed member it replaces, if any.
    fn static_predecessor(
        &self,
        req: &ConsumerGroupHeartbeatRequest,
        member_id: &str,
    ) -> Result<Option<String>, Refusal> {
        let Some(instance) = req.instance_id.as_deref() else { return Ok(None) };
        let Some(old) = self.members.values().find(|m| m.instance_id.as_deref() == Some(instance)) else {
            return Ok(None);
        };
        if old.id == member_id {
            return Ok(None);
        }
        if old.epoch != STATIC_LEAVE_EPOCH {
            return Err(refuse(
                ErrorCode::UNRELEASED_INSTANCE_ID,
                format!("Static member {} with instance id {instance} is not released.", old.id),
            ));
        }
        Ok(Some(old.id.clone()))
    }

    fn leave(&mut self, req: &ConsumerGroupHeartbeatRequest) -> Result<(i32, Session), Refusal> {
        let unknown = || {
            refuse(
                ErrorCode::UNKNOWN_MEMBER_ID,
                format!("Member {} is not a member of group {}.", req.member_id, self.id),
            )
        };
        let Some(m) = self.members.get_mut(&req.member_id) else { return Err(unknown()) };
        if req.member_epoch == STATIC_LEAVE_EPOCH && m.instance_id.is_some() {
            // It keeps its place, and its partitions, until its session expires or its
            // replacement joins.
            m.epoch = STATIC_LEAVE_EPOCH;
            return Ok((STATIC_LEAVE_EPOCH, Session::Renew(req.member_id.clone())));
        }
        self.remove_member(&req.member_id);
        Ok((LEAVE_EPOCH, Session::End(req.member_id.clone())))
    }

    /// OffsetCommit/OffsetFetch from a member: it must exist and be at its current epoch.
    pub(crate) fn validate_offsets(&self, member_id: &str, epoch: i32) -> Result<(), ErrorCode> {
        if epoch < 0 && member_id.is_empty() {
            // An admin client's commit or fetch, outside the group.
            return Ok(());
        }
        let m = self.members.get(member_id).ok_or(ErrorCode::UNKNOWN_MEMBER_ID)?;
        if m.epoch != epoch {
            return Err(ErrorCode::STALE_MEMBER_EPOCH);
        }
        Ok(())
    }
}
