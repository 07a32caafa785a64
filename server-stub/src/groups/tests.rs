//! The coordinator as a state machine: requests and timer firings at instants the tests choose,
//! no network, no sleeping.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::messages::join_group::request::JoinGroupRequestProtocol;
use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::sync_group::request::SyncGroupRequestAssignment;
use kfk_protocol::messages::{HeartbeatRequest, JoinGroupRequest, JoinGroupResponse, SyncGroupRequest};
use kfk_protocol::ErrorCode;
use tokio::sync::{oneshot, Notify};
use tokio::time::Instant;

use super::classic::{subscription_topics, GroupState};
use super::rebalance::{JoinCtx, Reply};
use super::timers::TimerKey;
use super::*;

const SESSION: i32 = 10_000;
const REBALANCE: i32 = 30_000;

/// A coordinator and a clock.
struct Fixture {
    c: GroupCoordinator,
    t0: Instant,
    ms: i64,
}

impl Fixture {
    fn new() -> Self {
        Self::with(GroupConfig { min_session_timeout_ms: 1, ..Default::default() })
    }

    fn with(config: GroupConfig) -> Self {
        Fixture { c: GroupCoordinator::new(config, Arc::new(Notify::new())), t0: Instant::now(), ms: 0 }
    }

    fn now(&self) -> Instant {
        self.t0 + Duration::from_millis(self.ms as u64)
    }

    /// Moves the clock and fires what is due.
    fn advance(&mut self, ms: i64) {
        self.ms += ms;
        let now = self.now();
        self.c.fire_expired(now, 1_000_000 + self.ms);
    }

    fn join(&mut self, req: &JoinGroupRequest, version: i16) -> Reply<JoinGroupResponse> {
        let ctx = JoinCtx { client_id: "client", client_host: "/127.0.0.1", version };
        let now = self.now();
        self.c.join(req, ctx, now, 1_000_000 + self.ms)
    }

    fn sync(&mut self, member: &str, generation: i32, assignments: &[(&str, &str)]) -> Reply<SyncGroupResponse> {
        let req = SyncGroupRequest {
            group_id: "g".into(),
            generation_id: generation,
            member_id: member.into(),
            assignments: assignments
                .iter()
                .map(|(m, a)| SyncGroupRequestAssignment {
                    member_id: (*m).into(),
                    assignment: Bytes::copy_from_slice(a.as_bytes()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let now = self.now();
        self.c.sync(&req, now, 1_000_000 + self.ms)
    }

    fn heartbeat(&mut self, member: &str, generation: i32, instance: Option<&str>) -> ErrorCode {
        let req = HeartbeatRequest {
            group_id: "g".into(),
            generation_id: generation,
            member_id: member.into(),
            group_instance_id: instance.map(str::to_owned),
            ..Default::default()
        };
        let now = self.now();
        self.c.heartbeat(&req, now, 1_000_000 + self.ms)
    }

    fn leave(&mut self, member: &str) -> i16 {
        let members = [MemberIdentity { member_id: member.into(), ..Default::default() }];
        let now = self.now();
        let (error, responses) = self.c.leave("g", &members, now, 1_000_000 + self.ms);
        assert_eq!(error, ErrorCode::NONE);
        responses[0].error_code
    }

    fn state(&self) -> GroupState {
        self.c.group("g").expect("group exists").state()
    }

    fn generation(&self) -> i32 {
        self.c.group("g").expect("group exists").generation
    }

    /// A dynamic member joins at v3 (no MEMBER_ID_REQUIRED round trip) and its join is parked.
    fn join_new(&mut self, protocols: &[&str]) -> oneshot::Receiver<JoinGroupResponse> {
        pending(self.join(&join_request("", None, protocols), 3))
    }

    /// Two members `a` and `b` in a Stable generation 1, `a` leading with assignment "A"/"B".
    fn stable_pair(&mut self) -> (String, String) {
        let mut ra = self.join_new(&["range"]);
        let mut rb = self.join_new(&["range"]);
        self.advance(0);
        let (ja, jb) = (answered(&mut ra), answered(&mut rb));
        let (a, b) = (ja.member_id.clone(), jb.member_id.clone());
        assert_eq!(ja.leader, a);
        let mut sb = pending(self.sync(&b, 1, &[]));
        let sa = ready(self.sync(&a, 1, &[(&a, "A"), (&b, "B")]));
        assert_eq!(sa.assignment, Bytes::from_static(b"A"));
        assert_eq!(answered(&mut sb).assignment, Bytes::from_static(b"B"));
        assert_eq!((self.state(), self.generation()), (GroupState::Stable, 1));
        (a, b)
    }
}

fn join_request(member: &str, instance: Option<&str>, protocols: &[&str]) -> JoinGroupRequest {
    JoinGroupRequest {
        group_id: "g".into(),
        session_timeout_ms: SESSION,
        rebalance_timeout_ms: REBALANCE,
        member_id: member.into(),
        group_instance_id: instance.map(str::to_owned),
        protocol_type: "consumer".into(),
        protocols: protocols
            .iter()
            .map(|p| JoinGroupRequestProtocol {
                name: (*p).into(),
                metadata: Bytes::copy_from_slice(format!("meta-{p}").as_bytes()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// The answer of a request that was not parked, or was answered at once.
fn ready<T>(reply: Reply<T>) -> T {
    match reply {
        Reply::Now(r) => r,
        Reply::Wait(mut rx) => rx.try_recv().expect("answered at once"),
    }
}

/// The receiver of a request that must still be parked.
fn pending<T: std::fmt::Debug>(reply: Reply<T>) -> oneshot::Receiver<T> {
    match reply {
        Reply::Now(r) => panic!("expected a parked request, got {r:?}"),
        Reply::Wait(mut rx) => {
            assert!(matches!(rx.try_recv(), Err(oneshot::error::TryRecvError::Empty)), "still parked");
            rx
        }
    }
}

fn answered<T>(rx: &mut oneshot::Receiver<T>) -> T {
    rx.try_recv().expect("the parked request was answered")
}

#[test]
fn states_allow_only_kafkas_transitions() {
    use GroupState::*;
    let all = [Empty, PreparingRebalance, CompletingRebalance, Stable, Dead];
    let allowed: Vec<(GroupState, GroupState)> = all
        .iter()
        .flat_map(|&from| all.iter().map(move |&to| (from, to)))
        .filter(|&(from, to)| to.valid_after(from) && to != Dead)
        .collect();
    assert_eq!(
        allowed,
        vec![
            (Empty, PreparingRebalance),
            (PreparingRebalance, Empty),
            (PreparingRebalance, CompletingRebalance),
            (CompletingRebalance, PreparingRebalance),
            (CompletingRebalance, Stable),
            (Stable, PreparingRebalance),
        ]
    );
    assert!(all.iter().all(|&s| Dead.valid_after(s)));
}

#[test]
fn member_id_required_then_the_join_completes_when_the_initial_delay_elapses() {
    let mut f = Fixture::new();
    let first = ready(f.join(&join_request("", None, &["range"]), 4));
    assert_eq!(first.error_code, ErrorCode::MEMBER_ID_REQUIRED.0);
    assert!(first.member_id.starts_with("client-") && first.member_id.len() == "client-".len() + 36);
    assert_eq!(f.state(), GroupState::Empty, "the group exists, empty, until the member rejoins");
    let mut rx = pending(f.join(&join_request(&first.member_id, None, &["range"]), 4));
    assert_eq!(f.state(), GroupState::PreparingRebalance);
    f.advance(0);
    let joined = answered(&mut rx);
    assert_eq!(joined.error_code, 0);
    assert_eq!((joined.generation_id, joined.leader.as_str()), (1, first.member_id.as_str()));
    assert_eq!(joined.protocol_name.as_deref(), Some("range"));
    assert_eq!(joined.members.len(), 1);
    assert_eq!(joined.members[0].metadata, Bytes::from_static(b"meta-range"));
    assert_eq!(f.state(), GroupState::CompletingRebalance);
}

#[test]
fn a_pending_member_that_never_rejoins_is_forgotten_after_its_session_timeout() {
    let mut f = Fixture::new();
    let first = ready(f.join(&join_request("", None, &["range"]), 4));
    f.advance(i64::from(SESSION));
    let late = ready(f.join(&join_request(&first.member_id, None, &["range"]), 4));
    assert_eq!(late.error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
}

#[test]
fn initial_delay_gathers_members_and_the_leader_gets_everyones_metadata() {
    let mut f =
        Fixture::with(GroupConfig { initial_rebalance_delay_ms: 100, min_session_timeout_ms: 1, ..Default::default() });
    let mut ra = f.join_new(&["range", "roundrobin"]);
    f.advance(50);
    let mut rb = f.join_new(&["roundrobin", "range"]);
    f.advance(60);
    assert!(ra.try_recv().is_err(), "the delay was extended by the second member");
    f.advance(100);
    let (ja, jb) = (answered(&mut ra), answered(&mut rb));
    assert_eq!(ja.generation_id, 1);
    assert_eq!(jb.generation_id, 1);
    assert_eq!(ja.leader, ja.member_id);
    assert_eq!(jb.leader, ja.member_id);
    // One vote each: the tie goes to the leader's preference.
    assert_eq!(ja.protocol_name.as_deref(), Some("range"));
    let ids: Vec<&str> = ja.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(ids, vec![ja.member_id.as_str(), jb.member_id.as_str()]);
    assert!(jb.members.is_empty(), "followers get no member list");
}

#[test]
fn the_protocol_is_the_one_most_members_prefer_among_those_all_support() {
    let mut f = Fixture::new();
    let mut rx: Vec<_> = [&["x", "y"][..], &["y", "x"], &["y", "x", "z"]].iter().map(|p| f.join_new(p)).collect();
    f.advance(0);
    assert!(rx.iter_mut().all(|r| answered(r).protocol_name.as_deref() == Some("y")));
    // A member supporting none of the group's protocols cannot join.
    let refused = ready(f.join(&join_request("", None, &["z"]), 3));
    assert_eq!(refused.error_code, ErrorCode::INCONSISTENT_GROUP_PROTOCOL.0);
    let mut other_type = join_request("", None, &["x"]);
    other_type.protocol_type = "connect".into();
    assert_eq!(ready(f.join(&other_type, 3)).error_code, ErrorCode::INCONSISTENT_GROUP_PROTOCOL.0);
}

#[test]
fn sync_distributes_the_leaders_assignment_and_validates_the_member() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    assert_eq!(ready(f.sync(&b, 1, &[])).assignment, Bytes::from_static(b"B"), "Stable: the current assignment");
    assert_eq!(ready(f.sync(&b, 0, &[])).error_code, ErrorCode::ILLEGAL_GENERATION.0);
    assert_eq!(ready(f.sync("nobody", 1, &[])).error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
    assert_eq!(f.heartbeat(&a, 1, None), ErrorCode::NONE);
    assert_eq!(f.heartbeat(&a, 2, None), ErrorCode::ILLEGAL_GENERATION);
}

#[test]
fn a_new_member_rebalances_the_group_and_heartbeats_say_so() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    let mut rc = f.join_new(&["range"]);
    assert_eq!(f.state(), GroupState::PreparingRebalance);
    assert_eq!(f.heartbeat(&b, 1, None), ErrorCode::REBALANCE_IN_PROGRESS);
    assert_eq!(ready(f.sync(&b, 1, &[])).error_code, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let mut ra = pending(f.join(&join_request(&a, None, &["range"]), 3));
    // All three joined: the phase completes at once, without waiting for the timeout.
    let jb = ready(f.join(&join_request(&b, None, &["range"]), 3));
    let (ja, jc) = (answered(&mut ra), answered(&mut rc));
    assert_eq!((ja.generation_id, jb.generation_id, jc.generation_id), (2, 2, 2));
    assert_eq!(ja.members.len(), 3);
    assert_eq!(jc.leader, a);
}

#[test]
fn members_that_do_not_rejoin_within_the_rebalance_timeout_are_removed() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    // The leader rejoining forces a rebalance; b never rejoins (its session is kept alive).
    let mut ra = pending(f.join(&join_request(&a, None, &["range"]), 3));
    for _ in 0..3 {
        f.advance(i64::from(SESSION) - 1);
        assert_eq!(f.heartbeat(&b, 1, None), ErrorCode::REBALANCE_IN_PROGRESS);
    }
    assert!(ra.try_recv().is_err());
    f.advance(i64::from(REBALANCE));
    let ja = answered(&mut ra);
    assert_eq!((ja.generation_id, ja.members.len()), (2, 1));
    assert_eq!(f.heartbeat(&b, 1, None), ErrorCode::UNKNOWN_MEMBER_ID);
}

#[test]
fn a_silent_member_is_expired_after_its_session_timeout() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    f.advance(i64::from(SESSION) / 2);
    assert_eq!(f.heartbeat(&a, 1, None), ErrorCode::NONE);
    f.advance(i64::from(SESSION) / 2);
    assert_eq!(f.state(), GroupState::PreparingRebalance, "b was expired");
    assert!(f.c.group("g").expect("exists").member(&b).is_none());
    assert_eq!(f.heartbeat(&a, 1, None), ErrorCode::REBALANCE_IN_PROGRESS);
    let ja = ready(f.join(&join_request(&a, None, &["range"]), 3));
    assert_eq!((ja.generation_id, ja.members.len()), (2, 1));
}

#[test]
fn a_leader_that_never_syncs_is_removed_and_the_waiting_followers_told_to_rejoin() {
    let mut f = Fixture::new();
    let mut ra = f.join_new(&["range"]);
    let mut rb = f.join_new(&["range"]);
    f.advance(0);
    let (a, b) = (answered(&mut ra).member_id, answered(&mut rb).member_id);
    let mut sb = pending(f.sync(&b, 1, &[]));
    let sync_deadline = f.c.timers.deadline(&TimerKey::Sync { group: "g".into() }).expect("sync phase bounded");
    assert_eq!(sync_deadline, f.now() + Duration::from_millis(REBALANCE as u64));
    // The leader heartbeats (its session is fine) but never sends SyncGroup; the follower's
    // parked SyncGroup spares its session.
    for _ in 0..3 {
        f.advance(i64::from(REBALANCE) / 3 - 1);
        assert_eq!(f.heartbeat(&a, 1, None), ErrorCode::NONE);
    }
    assert!(sb.try_recv().is_err());
    f.advance(3);
    assert_eq!(answered(&mut sb).error_code, ErrorCode::REBALANCE_IN_PROGRESS.0);
    assert!(f.c.group("g").expect("exists").member(&a).is_none());
    assert_eq!(f.state(), GroupState::PreparingRebalance);
}

#[test]
fn static_member_restart_keeps_the_generation_and_fences_the_old_id() {
    let mut f = Fixture::new();
    let mut ra = pending(f.join(&join_request("", Some("ia"), &["range"]), 5));
    let mut rb = pending(f.join(&join_request("", Some("ib"), &["range"]), 5));
    f.advance(0);
    let (ja, jb) = (answered(&mut ra), answered(&mut rb));
    assert!(ja.member_id.starts_with("ia-"));
    let (a, b) = (ja.member_id, jb.member_id);
    let _parked_b = pending(f.sync(&b, 1, &[]));
    ready(f.sync(&a, 1, &[(&a, "A"), (&b, "B")]));
    // b restarts: no member id, same instance id and protocols.
    let rejoined = ready(f.join(&join_request("", Some("ib"), &["range"]), 5));
    assert_eq!(rejoined.error_code, 0);
    assert_ne!(rejoined.member_id, b);
    assert_eq!((rejoined.generation_id, f.state()), (1, GroupState::Stable), "no rebalance");
    assert_eq!(f.heartbeat(&b, 1, Some("ib")), ErrorCode::FENCED_INSTANCE_ID);
    assert_eq!(f.heartbeat(&b, 1, None), ErrorCode::UNKNOWN_MEMBER_ID);
    assert_eq!(f.heartbeat(&rejoined.member_id, 1, Some("ib")), ErrorCode::NONE);
    assert_eq!(ready(f.sync(&rejoined.member_id, 1, &[])).assignment, Bytes::from_static(b"B"), "assignment kept");
    // The static leader restarting at v9 learns it leads but may skip the assignment.
    let leader = ready(f.join(&join_request("", Some("ia"), &["range"]), 9));
    assert!(leader.skip_assignment);
    assert_eq!(leader.leader, leader.member_id);
    assert_eq!(leader.members.len(), 2);
    assert_eq!(f.generation(), 1);
}

#[test]
fn a_static_member_changing_the_selected_protocol_rebalances() {
    let mut f = Fixture::new();
    let mut ra = pending(f.join(&join_request("", Some("ia"), &["range", "sticky"]), 5));
    f.advance(0);
    let a = answered(&mut ra).member_id;
    ready(f.sync(&a, 1, &[(&a, "A")]));
    // Its only member rejoined: the rebalance completes at once, with the new protocol.
    let j = ready(f.join(&join_request("", Some("ia"), &["sticky", "range"]), 5));
    assert_eq!((j.generation_id, j.protocol_name.as_deref()), (2, Some("sticky")));
    assert_eq!(f.state(), GroupState::CompletingRebalance);
}

#[test]
fn leaving_rebalances_and_the_last_member_leaving_empties_the_group() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    assert_eq!(f.leave(&b), 0);
    assert_eq!(f.state(), GroupState::PreparingRebalance);
    let ja = ready(f.join(&join_request(&a, None, &["range"]), 3));
    assert_eq!((ja.generation_id, ja.members.len()), (2, 1));
    assert_eq!(f.leave(&b), ErrorCode::UNKNOWN_MEMBER_ID.0);
    assert_eq!(f.leave(&a), 0);
    assert_eq!((f.state(), f.generation()), (GroupState::Empty, 3));
}

#[test]
fn offset_commits_check_the_group_and_generation() {
    let mut f = Fixture::new();
    let offset = |o: i64, metadata: Option<&str>| OffsetToCommit {
        topic: "t".into(),
        partition: 0,
        offset: o,
        leader_epoch: 3,
        metadata: metadata.map(str::to_owned),
    };
    let from = |group, generation, member, version| CommitFrom {
        group_id: group,
        generation,
        member_id: member,
        instance_id: None,
        retention_ms: -1,
        version,
    };
    let now = f.now();
    // Unknown group with a generation: v8 says ILLEGAL_GENERATION, v9+ GROUP_ID_NOT_FOUND.
    assert_eq!(f.c.commit(from("g", 1, "m", 8), &[offset(1, None)], now, 0), vec![ErrorCode::ILLEGAL_GENERATION]);
    assert_eq!(f.c.commit(from("g", 1, "m", 9), &[offset(1, None)], now, 0), vec![ErrorCode::GROUP_ID_NOT_FOUND]);
    // A simple commit (generation -1) creates an empty group.
    assert_eq!(f.c.commit(from("s", -1, "", 9), &[offset(5, Some("x"))], now, 0), vec![ErrorCode::NONE]);
    assert_eq!(f.c.group("s").expect("simple group").state(), GroupState::Empty);
    let committed = f.c.committed("s", "t", 0).expect("committed");
    assert_eq!((committed.offset, committed.leader_epoch, committed.metadata.as_str()), (5, 3, "x"));
    let big = "m".repeat(4097);
    assert_eq!(
        f.c.commit(from("s", -1, "", 9), &[offset(6, Some(&big))], now, 0),
        vec![ErrorCode::OFFSET_METADATA_TOO_LARGE]
    );

    let (a, b) = f.stable_pair();
    assert_eq!(f.c.commit(from("g", 1, &a, 9), &[offset(7, None)], now, 0), vec![ErrorCode::NONE]);
    assert_eq!(f.c.commit(from("g", 0, &a, 9), &[offset(8, None)], now, 0), vec![ErrorCode::ILLEGAL_GENERATION]);
    assert_eq!(f.c.commit(from("g", 1, "x", 9), &[offset(8, None)], now, 0), vec![ErrorCode::UNKNOWN_MEMBER_ID]);
    assert_eq!(f.c.commit(from("g", -1, "", 9), &[offset(8, None)], now, 0), vec![ErrorCode::UNKNOWN_MEMBER_ID]);
    assert_eq!(f.c.committed("g", "t", 0).map(|o| o.offset), Some(7));
    // During CompletingRebalance a member of the new generation is told to wait.
    let mut ra = pending(f.join(&join_request(&a, None, &["range"]), 3));
    let jb = ready(f.join(&join_request(&b, None, &["range"]), 3));
    assert_eq!(answered(&mut ra).generation_id, 2);
    assert_eq!((jb.generation_id, f.state()), (2, GroupState::CompletingRebalance));
    assert_eq!(f.c.commit(from("g", 2, &a, 9), &[offset(9, None)], now, 0), vec![ErrorCode::REBALANCE_IN_PROGRESS]);
    assert_eq!(f.c.commit(from("g", 1, &a, 9), &[offset(9, None)], now, 0), vec![ErrorCode::ILLEGAL_GENERATION]);
}

#[test]
fn only_empty_groups_can_be_deleted_and_their_offsets_go_with_them() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    let now = f.now();
    let from =
        CommitFrom { group_id: "g", generation: 1, member_id: &a, instance_id: None, retention_ms: -1, version: 9 };
    let o = OffsetToCommit { topic: "t".into(), partition: 0, offset: 1, leader_epoch: -1, metadata: None };
    f.c.commit(from, &[o], now, 0);
    assert_eq!(f.c.delete_group("g", 0), Err(ErrorCode::NON_EMPTY_GROUP));
    assert_eq!(f.c.delete_group("nope", 0), Err(ErrorCode::GROUP_ID_NOT_FOUND));
    f.leave(&a);
    f.leave(&b);
    assert_eq!(f.state(), GroupState::Empty);
    assert_eq!(f.c.delete_group("g", 0), Ok(()));
    assert!(f.c.group("g").is_none());
    assert!(f.c.committed("g", "t", 0).is_none());
}

#[test]
fn a_moved_coordinator_reloads_the_last_stable_generation() {
    let mut f = Fixture::new();
    let (a, b) = f.stable_pair();
    let mut rc = f.join_new(&["range"]);
    assert_eq!(f.state(), GroupState::PreparingRebalance);
    let p = partition_for("g", f.c.config().offsets_partitions);
    let now = f.now();
    f.c.coordinators_moved(&[(p, 1)], now, 0);
    assert_eq!(answered(&mut rc).error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!((f.state(), f.generation()), (GroupState::Stable, 1));
    let g = f.c.group("g").expect("reloaded");
    assert_eq!(g.member_ids(), vec![a.clone(), b]);
    assert_eq!(g.leader(), Some(a.as_str()));
    // Sessions restart on the new coordinator.
    assert!(f.c.timers.deadline(&TimerKey::Heartbeat { group: "g".into(), member: a }).is_some());
    // No leader at all: the group waits, Dead, until one loads it.
    f.c.coordinators_moved(&[(p, -1)], now, 0);
    assert_eq!(f.state(), GroupState::Dead);
    f.c.coordinators_moved(&[(p, 2)], now, 0);
    assert_eq!(f.state(), GroupState::Stable);
}

#[test]
fn offsets_of_empty_groups_expire_after_the_retention() {
    let mut f = Fixture::with(GroupConfig {
        offsets_retention_ms: 1_000,
        offsets_retention_check_interval_ms: 100,
        min_session_timeout_ms: 1,
        ..Default::default()
    });
    let now = f.now();
    let from =
        CommitFrom { group_id: "s", generation: -1, member_id: "", instance_id: None, retention_ms: -1, version: 9 };
    let o = OffsetToCommit { topic: "t".into(), partition: 0, offset: 1, leader_epoch: -1, metadata: None };
    f.c.commit(from, std::slice::from_ref(&o), now, 1_000_000);
    f.advance(900);
    assert!(f.c.committed("s", "t", 0).is_some());
    f.advance(200);
    assert!(f.c.committed("s", "t", 0).is_none());
    assert!(f.c.group("s").is_none(), "an empty group without offsets is removed");
    // An explicit retention (OffsetCommit v2-4) wins.
    let now = f.now();
    f.c.commit(CommitFrom { retention_ms: 50_000, ..from }, &[o], now, 1_000_000 + f.ms);
    f.advance(2_000);
    assert!(f.c.committed("s", "t", 0).is_some());
}

#[test]
fn consumer_subscriptions_parse_from_the_v0_prefix() {
    let mut m = vec![0u8, 3, 0, 0, 0, 2];
    for t in ["a", "bc"] {
        m.extend_from_slice(&(t.len() as i16).to_be_bytes());
        m.extend_from_slice(t.as_bytes());
    }
    m.extend_from_slice(&[0xff, 0xff, 0xff, 0xff]); // user data and later fields
    assert_eq!(subscription_topics(&m), Some(vec!["a".to_owned(), "bc".to_owned()]));
    assert_eq!(subscription_topics(&m[..7]), None);
}
