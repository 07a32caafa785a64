//! One classic-protocol group: its [`GroupState`], members, generation, leader and protocol, and
//! the bookkeeping the rebalance needs (members still expected to join or to sync).
//!
//! This module is data and its invariants; the protocol's decisions (when a rebalance starts or
//! completes, what each request is answered) live in [`super::rebalance`]. Both mirror Kafka's
//! `ClassicGroup` and `GroupMetadataManager`.
//!
//! # States
//!
//! ```text
//!            join                all joined / timeout          leader's SyncGroup
//!   Empty ───────────▶ PreparingRebalance ───────────▶ CompletingRebalance ───────────▶ Stable
//!     ▲                  │   ▲      ▲                          │                        │
//!     └── no member left ┘   │      └── join, leave, expiry ───┘                        │
//!                            └───────────── leader join, new metadata, leave, expiry ───┘
//!   any state ──▶ Dead (deleted, or its coordinator moved away)
//! ```

use std::collections::{BTreeSet, HashMap};

use bytes::Bytes;
use kfk_protocol::messages::join_group::request::JoinGroupRequestProtocol;
use kfk_protocol::messages::join_group::response::JoinGroupResponseMember;
use kfk_protocol::messages::{JoinGroupResponse, SyncGroupResponse};
use kfk_protocol::ErrorCode;
use tokio::sync::oneshot;

/// The protocol type of Java consumers (the only one whose metadata the coordinator reads).
pub(crate) const CONSUMER_PROTOCOL_TYPE: &str = "consumer";

/// A classic group's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum GroupState {
    /// No members (maybe committed offsets). Joins start a rebalance.
    Empty,
    /// Waiting for every known member to (re)join, up to the rebalance timeout.
    PreparingRebalance,
    /// Joined; waiting for the leader's assignment.
    CompletingRebalance,
    /// Assignment distributed; members heartbeat.
    Stable,
    /// Deleted, or unloaded because another broker coordinates it now.
    Dead,
}

impl GroupState {
    /// The name Kafka reports (DescribeGroups, ListGroups).
    pub(crate) fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
        }
    }

    /// Whether a group may move from `from` to `self`.
    pub(crate) fn valid_after(self, from: GroupState) -> bool {
        use GroupState::*;
        match self {
            Empty => from == PreparingRebalance,
            PreparingRebalance => matches!(from, Empty | CompletingRebalance | Stable),
            CompletingRebalance => from == PreparingRebalance,
            Stable => from == CompletingRebalance,
            Dead => true,
        }
    }
}

/// One protocol a member supports, with its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Protocol {
    pub name: String,
    pub metadata: Bytes,
}

impl Protocol {
    pub(crate) fn from_request(protocols: &[JoinGroupRequestProtocol]) -> Vec<Protocol> {
        protocols.iter().map(|p| Protocol { name: p.name.clone(), metadata: p.metadata.clone() }).collect()
    }
}

/// Where a parked JoinGroup or SyncGroup gets its answer.
pub(crate) type JoinWaiter = oneshot::Sender<JoinGroupResponse>;
pub(crate) type SyncWaiter = oneshot::Sender<SyncGroupResponse>;

/// A member of a classic group.
#[derive(Debug)]
pub(crate) struct Member {
    pub id: String,
    pub instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub rebalance_timeout_ms: i32,
    pub session_timeout_ms: i32,
    pub protocol_type: String,
    /// In the member's order of preference.
    pub protocols: Vec<Protocol>,
    pub assignment: Bytes,
    /// Set while the member's JoinGroup is parked.
    pub join_waiter: Option<JoinWaiter>,
    /// Set while the member's SyncGroup is parked.
    pub sync_waiter: Option<SyncWaiter>,
    /// Joined during the current rebalance; its session timer is the new-member join timeout.
    pub is_new: bool,
}

impl Member {
    pub(crate) fn is_awaiting_join(&self) -> bool {
        self.join_waiter.is_some()
    }

    pub(crate) fn is_awaiting_sync(&self) -> bool {
        self.sync_waiter.is_some()
    }

    /// Whether an expired session timer spares the member: new members never are; others are
    /// while their JoinGroup or SyncGroup is parked (they are waiting on the coordinator).
    pub(crate) fn has_satisfied_heartbeat(&self) -> bool {
        !self.is_new && (self.is_awaiting_join() || self.is_awaiting_sync())
    }

    pub(crate) fn metadata(&self, protocol: &str) -> Bytes {
        self.protocols.iter().find(|p| p.name == protocol).map(|p| p.metadata.clone()).unwrap_or_default()
    }

    /// The member's most preferred protocol among `candidates`.
    fn vote<'a>(&'a self, candidates: &BTreeSet<&str>) -> Option<&'a str> {
        self.protocols.iter().map(|p| p.name.as_str()).find(|n| candidates.contains(n))
    }

    /// A copy without the parked requests (what Kafka persists of a member).
    fn image(&self) -> Member {
        Member {
            id: self.id.clone(),
            instance_id: self.instance_id.clone(),
            client_id: self.client_id.clone(),
            client_host: self.client_host.clone(),
            rebalance_timeout_ms: self.rebalance_timeout_ms,
            session_timeout_ms: self.session_timeout_ms,
            protocol_type: self.protocol_type.clone(),
            protocols: self.protocols.clone(),
            assignment: self.assignment.clone(),
            join_waiter: None,
            sync_waiter: None,
            is_new: false,
        }
    }
}

/// Why a request naming a member was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MemberError {
    UnknownMember,
    FencedInstance,
}

impl MemberError {
    pub(crate) fn code(self) -> i16 {
        match self {
            MemberError::UnknownMember => ErrorCode::UNKNOWN_MEMBER_ID.0,
            MemberError::FencedInstance => ErrorCode::FENCED_INSTANCE_ID.0,
        }
    }
}

/// A group using the classic protocol.
#[derive(Debug)]
pub(crate) struct ClassicGroup {
    pub id: String,
    state: GroupState,
    previous_state: GroupState,
    /// Wall-clock time of the last transition (offset expiration of empty groups counts from it).
    pub state_since_ms: i64,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub generation: i32,
    leader: Option<String>,
    /// In join order (the first member becomes leader; the next one if it leaves).
    members: Vec<Member>,
    /// Member ids handed out with MEMBER_ID_REQUIRED, not yet rejoined.
    pending_join: BTreeSet<String>,
    /// Members of the current generation that have not sent SyncGroup yet.
    pending_sync: BTreeSet<String>,
    /// Group instance id -> member id.
    static_members: HashMap<String, String>,
    /// A member joined during the initial rebalance delay (which is then extended).
    pub new_member_added: bool,
    /// Topics the members subscribe to, when known (consumer protocol only).
    subscribed_topics: Option<BTreeSet<String>>,
    /// What Kafka last wrote to `__consumer_offsets` for this group: the state a new
    /// coordinator loads when this one moves.
    persisted: Option<Box<ClassicGroup>>,
}

impl ClassicGroup {
    pub(crate) fn new(id: &str, now_ms: i64) -> Self {
        ClassicGroup {
            id: id.to_owned(),
            state: GroupState::Empty,
            previous_state: GroupState::Empty,
            state_since_ms: now_ms,
            protocol_type: None,
            protocol_name: None,
            generation: 0,
            leader: None,
            members: Vec::new(),
            pending_join: BTreeSet::new(),
            pending_sync: BTreeSet::new(),
            static_members: HashMap::new(),
            new_member_added: false,
            subscribed_topics: None,
            persisted: None,
        }
    }

    pub(crate) fn state(&self) -> GroupState {
        self.state
    }

    pub(crate) fn previous_state(&self) -> GroupState {
        self.previous_state
    }

    pub(crate) fn is(&self, state: GroupState) -> bool {
        self.state == state
    }

    /// Moves to `to`. An invalid transition is a coordinator bug: it is logged (and fails debug
    /// builds) but applied, so the stub keeps serving.
    pub(crate) fn transition(&mut self, to: GroupState, now_ms: i64) {
        if !to.valid_after(self.state) {
            tracing::error!(group = %self.id, from = self.state.name(), to = to.name(), "invalid group transition");
            debug_assert!(false, "invalid group transition {:?} -> {:?}", self.state, to);
        }
        self.previous_state = self.state;
        self.state = to;
        self.state_since_ms = now_ms;
    }

    /// Whether a rebalance may start now (Kafka: PreparingRebalance's valid previous states).
    pub(crate) fn can_rebalance(&self) -> bool {
        GroupState::PreparingRebalance.valid_after(self.state)
    }

    pub(crate) fn leader(&self) -> Option<&str> {
        self.leader.as_deref()
    }

    pub(crate) fn is_leader(&self, member: &str) -> bool {
        self.leader.as_deref() == Some(member)
    }

    pub(crate) fn members(&self) -> impl Iterator<Item = &Member> {
        self.members.iter()
    }

    pub(crate) fn members_mut(&mut self) -> impl Iterator<Item = &mut Member> {
        self.members.iter_mut()
    }

    pub(crate) fn member_ids(&self) -> Vec<String> {
        self.members.iter().map(|m| m.id.clone()).collect()
    }

    pub(crate) fn len(&self) -> usize {
        self.members.len()
    }

    pub(crate) fn has_member(&self, id: &str) -> bool {
        self.members.iter().any(|m| m.id == id)
    }

    pub(crate) fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    pub(crate) fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    pub(crate) fn static_member_id(&self, instance_id: &str) -> Option<&str> {
        self.static_members.get(instance_id).map(String::as_str)
    }

    /// The largest rebalance timeout of the members (Kafka's group rebalance timeout).
    pub(crate) fn rebalance_timeout_ms(&self) -> i64 {
        self.members.iter().map(|m| i64::from(m.rebalance_timeout_ms)).max().unwrap_or(0)
    }

    /// Adds a member (that passed [`ClassicGroup::supports_protocols`]), parking its JoinGroup
    /// on `waiter`. The first member sets the protocol type and becomes leader.
    pub(crate) fn add(&mut self, mut member: Member, waiter: Option<JoinWaiter>) {
        if let Some(instance) = &member.instance_id {
            self.static_members.insert(instance.clone(), member.id.clone());
        }
        if self.members.is_empty() {
            self.protocol_type = Some(member.protocol_type.clone());
        }
        if self.leader.is_none() {
            self.leader = Some(member.id.clone());
        }
        self.pending_join.remove(&member.id);
        member.join_waiter = waiter;
        self.members.push(member);
    }

    /// Removes a member; a leaving leader hands over to the next member in join order. Its
    /// parked requests, if any, are dropped (see [`super::rebalance`] for who answers them first).
    pub(crate) fn remove(&mut self, id: &str) -> Option<Member> {
        let removed = self.members.iter().position(|m| m.id == id).map(|i| self.members.remove(i));
        if let Some(instance) = removed.as_ref().and_then(|m| m.instance_id.as_ref()) {
            self.static_members.remove(instance);
        }
        if self.is_leader(id) {
            self.leader = self.members.first().map(|m| m.id.clone());
        }
        self.pending_join.remove(id);
        self.pending_sync.remove(id);
        removed
    }

    /// Keeps the current leader if it rejoined, else elects the first member that did.
    /// `false` when nobody rejoined (or there is no leader at all).
    pub(crate) fn elect_joined_leader(&mut self) -> bool {
        let Some(leader) = self.leader.as_deref() else {
            return false;
        };
        if self.member(leader).is_some_and(Member::is_awaiting_join) {
            return true;
        }
        match self.members.iter().find(|m| m.is_awaiting_join()) {
            Some(m) => {
                self.leader = Some(m.id.clone());
                true
            }
            None => false,
        }
    }

    /// A static member rejoining without its member id: the old id is replaced by `new_id`
    /// (assignment and settings kept) and its parked requests are answered FENCED_INSTANCE_ID.
    pub(crate) fn replace_static_member(&mut self, instance_id: &str, old_id: &str, new_id: &str) -> Option<()> {
        let i = self.members.iter().position(|m| m.id == old_id)?;
        let mut old = self.members.remove(i);
        if let Some(waiter) = old.join_waiter.take() {
            let _ = waiter.send(JoinGroupResponse {
                error_code: ErrorCode::FENCED_INSTANCE_ID.0,
                member_id: old_id.to_owned(),
                protocol_name: None,
                protocol_type: None,
                ..Default::default()
            });
        }
        if let Some(waiter) = old.sync_waiter.take() {
            let _ =
                waiter.send(SyncGroupResponse { error_code: ErrorCode::FENCED_INSTANCE_ID.0, ..Default::default() });
        }
        let mut member = old.image();
        member.id = new_id.to_owned();
        self.members.push(member);
        if self.is_leader(old_id) {
            self.leader = Some(new_id.to_owned());
        }
        self.static_members.insert(instance_id.to_owned(), new_id.to_owned());
        Some(())
    }

    pub(crate) fn is_pending_member(&self, id: &str) -> bool {
        self.pending_join.contains(id)
    }

    pub(crate) fn add_pending_member(&mut self, id: &str) {
        self.pending_join.insert(id.to_owned());
    }

    pub(crate) fn add_pending_sync(&mut self, id: &str) {
        self.pending_sync.insert(id.to_owned());
    }

    pub(crate) fn remove_pending_sync(&mut self, id: &str) {
        self.pending_sync.remove(id);
    }

    pub(crate) fn pending_sync(&self) -> Vec<String> {
        self.pending_sync.iter().cloned().collect()
    }

    pub(crate) fn clear_pending_sync(&mut self) {
        self.pending_sync.clear();
    }

    pub(crate) fn has_received_all_syncs(&self) -> bool {
        self.pending_sync.is_empty()
    }

    /// Every member is waiting in JoinGroup and no MEMBER_ID_REQUIRED id is outstanding.
    pub(crate) fn all_joined(&self) -> bool {
        self.members.iter().all(Member::is_awaiting_join) && self.pending_join.is_empty()
    }

    /// Members that have not rejoined during this join phase.
    pub(crate) fn not_yet_rejoined(&self) -> Vec<(String, bool)> {
        self.members.iter().filter(|m| !m.is_awaiting_join()).map(|m| (m.id.clone(), m.instance_id.is_some())).collect()
    }

    /// Identifies a member for requests after JoinGroup: a group instance id must be mapped to
    /// this member id (else FENCED_INSTANCE_ID, or UNKNOWN_MEMBER_ID if unknown), and the member
    /// id must exist.
    pub(crate) fn validate_member(&self, id: &str, instance_id: Option<&str>) -> Result<(), MemberError> {
        if let Some(instance) = instance_id {
            match self.static_member_id(instance) {
                None => return Err(MemberError::UnknownMember),
                Some(existing) if existing != id => return Err(MemberError::FencedInstance),
                Some(_) => {}
            }
        }
        if self.has_member(id) {
            Ok(())
        } else {
            Err(MemberError::UnknownMember)
        }
    }

    /// Whether a member with these protocols could join: an empty group takes any non-empty
    /// type and list; otherwise the type must match and one protocol be supported by all.
    pub(crate) fn supports_protocols(&self, protocol_type: &str, protocols: &[Protocol]) -> bool {
        if self.is(GroupState::Empty) {
            return !protocol_type.is_empty() && !protocols.is_empty();
        }
        self.protocol_type.as_deref() == Some(protocol_type)
            && protocols.iter().any(|p| self.members.iter().all(|m| m.protocols.iter().any(|q| q.name == p.name)))
    }

    /// The group's protocol, as Kafka chooses it: among the protocols every member supports,
    /// each member votes for its most preferred one and the most votes win. Kafka breaks ties
    /// by hash order; the stub breaks them by the leader's preference, to be deterministic.
    pub(crate) fn select_protocol(&self) -> Option<String> {
        let first = self.members.first()?;
        let candidates: BTreeSet<&str> = first
            .protocols
            .iter()
            .map(|p| p.name.as_str())
            .filter(|name| self.members.iter().all(|m| m.protocols.iter().any(|q| q.name == *name)))
            .collect();
        let mut votes: HashMap<&str, usize> = HashMap::new();
        for m in &self.members {
            if let Some(choice) = m.vote(&candidates) {
                *votes.entry(choice).or_default() += 1;
            }
        }
        let most = votes.values().copied().max()?;
        let preference = self
            .leader
            .as_deref()
            .and_then(|l| self.member(l))
            .unwrap_or(first)
            .protocols
            .iter()
            .map(|p| p.name.as_str());
        let mut tied = preference.filter(|name| votes.get(name) == Some(&most));
        tied.next().map(str::to_owned)
    }

    /// Replaces a member's protocols and timeouts, and parks (or un-parks) its JoinGroup.
    pub(crate) fn update_member(
        &mut self,
        id: &str,
        protocols: Vec<Protocol>,
        rebalance_timeout_ms: i32,
        session_timeout_ms: i32,
        waiter: Option<JoinWaiter>,
    ) {
        if let Some(m) = self.member_mut(id) {
            m.protocols = protocols;
            m.rebalance_timeout_ms = rebalance_timeout_ms;
            m.session_timeout_ms = session_timeout_ms;
            m.join_waiter = waiter;
        }
    }

    /// Answers a parked JoinGroup. `false` if the member was not waiting.
    pub(crate) fn complete_join(&mut self, id: &str, response: JoinGroupResponse) -> bool {
        match self.member_mut(id).and_then(|m| m.join_waiter.take()) {
            Some(waiter) => {
                let _ = waiter.send(response);
                true
            }
            None => false,
        }
    }

    /// Answers a parked SyncGroup. `false` if the member was not waiting.
    pub(crate) fn complete_sync(&mut self, id: &str, response: SyncGroupResponse) -> bool {
        match self.member_mut(id).and_then(|m| m.sync_waiter.take()) {
            Some(waiter) => {
                let _ = waiter.send(response);
                true
            }
            None => false,
        }
    }

    /// Answers every parked request with `code` (the group is unloaded or deleted).
    pub(crate) fn fail_all_waiters(&mut self, code: i16) {
        for m in &mut self.members {
            if let Some(waiter) = m.join_waiter.take() {
                let _ = waiter.send(JoinGroupResponse {
                    error_code: code,
                    member_id: m.id.clone(),
                    protocol_name: None,
                    ..Default::default()
                });
            }
            if let Some(waiter) = m.sync_waiter.take() {
                let _ = waiter.send(SyncGroupResponse { error_code: code, ..Default::default() });
            }
        }
    }

    /// Starts the next generation: CompletingRebalance with a selected protocol, or Empty.
    pub(crate) fn init_next_generation(&mut self, now_ms: i64) {
        self.generation += 1;
        if self.members.is_empty() {
            self.protocol_name = None;
            self.transition(GroupState::Empty, now_ms);
        } else {
            self.protocol_name = self.select_protocol();
            self.transition(GroupState::CompletingRebalance, now_ms);
        }
        self.subscribed_topics = self.compute_subscribed_topics();
        self.pending_sync.clear();
    }

    /// The members as the leader's JoinGroup response lists them.
    pub(crate) fn join_members(&self) -> Vec<JoinGroupResponseMember> {
        let protocol = self.protocol_name.as_deref().unwrap_or_default();
        self.members
            .iter()
            .map(|m| JoinGroupResponseMember {
                member_id: m.id.clone(),
                group_instance_id: m.instance_id.clone(),
                metadata: m.metadata(protocol),
                ..Default::default()
            })
            .collect()
    }

    /// Whether the group uses the Java consumer's protocol type.
    pub(crate) fn uses_consumer_protocol(&self) -> bool {
        self.protocol_type.as_deref() == Some(CONSUMER_PROTOCOL_TYPE)
    }

    /// Whether offsets of `topic` are in use (OffsetDelete refuses them). Unknown means
    /// subscribed for consumer groups, as in Kafka.
    pub(crate) fn is_subscribed_to(&self, topic: &str) -> bool {
        match &self.subscribed_topics {
            Some(topics) => topics.contains(topic),
            None => self.uses_consumer_protocol(),
        }
    }

    /// The topics of the members' consumer-protocol subscriptions, when the group uses it and
    /// every subscription parses.
    fn compute_subscribed_topics(&self) -> Option<BTreeSet<String>> {
        if !self.uses_consumer_protocol() {
            return None;
        }
        if self.members.is_empty() {
            return Some(BTreeSet::new());
        }
        let protocol = self.protocol_name.as_deref()?;
        let mut topics = BTreeSet::new();
        for m in &self.members {
            topics.extend(subscription_topics(&m.metadata(protocol))?);
        }
        Some(topics)
    }

    /// Records the group as Kafka would write it to `__consumer_offsets` now.
    pub(crate) fn persist(&mut self) {
        self.persisted = Some(Box::new(self.image()));
    }

    /// The group as a new coordinator loads it: the last persisted image (Empty or Stable,
    /// members with their assignments), or `None` if nothing was ever persisted.
    pub(crate) fn loaded(&self) -> Option<ClassicGroup> {
        let image = self.persisted.as_deref()?;
        let mut group = image.image();
        group.persisted = Some(Box::new(image.image()));
        Some(group)
    }

    /// A copy as persisted: no parked requests, no pending members, Empty or Stable.
    fn image(&self) -> ClassicGroup {
        let state = if self.members.is_empty() { GroupState::Empty } else { GroupState::Stable };
        ClassicGroup {
            id: self.id.clone(),
            state,
            previous_state: state,
            state_since_ms: self.state_since_ms,
            protocol_type: self.protocol_type.clone(),
            protocol_name: self.protocol_name.clone(),
            generation: self.generation,
            leader: self.leader.clone().filter(|_| !self.members.is_empty()),
            members: self.members.iter().map(Member::image).collect(),
            pending_join: BTreeSet::new(),
            pending_sync: BTreeSet::new(),
            static_members: self.static_members.clone(),
            new_member_added: false,
            subscribed_topics: self.subscribed_topics.clone(),
            persisted: None,
        }
    }
}

/// The topics of a consumer-protocol subscription (the version 0 prefix every version keeps:
/// `version: i16, topics: [string]`), or `None` if it does not parse.
pub(crate) fn subscription_topics(metadata: &[u8]) -> Option<Vec<String>> {
    let mut buf = metadata;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, tail) = (buf.get(..n)?, buf.get(n..)?);
        buf = tail;
        Some(head)
    };
    let _version = i16::from_be_bytes(take(2)?.try_into().ok()?);
    let count = i32::from_be_bytes(take(4)?.try_into().ok()?);
    let count = usize::try_from(count).ok()?;
    let mut topics = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        let len = i16::from_be_bytes(take(2)?.try_into().ok()?);
        let len = usize::try_from(len).ok()?;
        topics.push(String::from_utf8(take(len)?.to_vec()).ok()?);
    }
    Some(topics)
}
