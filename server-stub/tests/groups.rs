//! The group coordinator over the wire: FindCoordinator routing, the classic rebalance protocol
//! (JoinGroup, SyncGroup, Heartbeat, LeaveGroup) with real timers, and committed offsets.
//!
//! Each member has its own connection, as real consumers do: a parked JoinGroup or SyncGroup
//! holds back the requests behind it on its connection.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::*;
use kfk_protocol::messages::join_group::request::JoinGroupRequestProtocol;
use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::offset_commit::request::{OffsetCommitRequestPartition, OffsetCommitRequestTopic};
use kfk_protocol::messages::offset_delete::request::{OffsetDeleteRequestPartition, OffsetDeleteRequestTopic};
use kfk_protocol::messages::offset_fetch::request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics,
};
use kfk_protocol::messages::sync_group::request::SyncGroupRequestAssignment;
use kfk_protocol::messages::*;
use kfk_protocol::{ErrorCode, Uuid};
use kfk_stub::{ErrorFault, StubCluster};

const FIND_V: i16 = 4;
const JOIN_V: i16 = 9;
const SYNC_V: i16 = 5;
const HEARTBEAT_V: i16 = 4;
const LEAVE_V: i16 = 5;
const COMMIT_V: i16 = 9;
const FETCH_V: i16 = 9;
const DESCRIBE_V: i16 = 6;

/// A cluster whose coordinator accepts short session timeouts (Kafka's minimum is 6 s).
async fn cluster(brokers: usize, initial_delay: Duration) -> StubCluster {
    StubCluster::builder()
        .brokers(brokers)
        .group_session_timeout_range(Duration::from_millis(100), Duration::from_secs(300))
        .group_initial_rebalance_delay(initial_delay)
        .start()
        .await
        .expect("stub starts")
}

async fn connect(cluster: &StubCluster, broker: i32) -> Conn {
    Conn::connect(cluster.broker_addr(broker).expect("broker exists")).await.expect("connect")
}

async fn find_coordinator(c: &mut Conn, group: &str) -> i32 {
    let r =
        c.send(&FindCoordinatorRequest { coordinator_keys: vec![group.into()], ..Default::default() }, FIND_V).await;
    assert_eq!(r.coordinators[0].error_code, 0, "{r:?}");
    r.coordinators[0].node_id
}

/// A connection to the coordinator of `group`, found with FindCoordinator as a client does.
async fn coordinator(cluster: &StubCluster, group: &str) -> Conn {
    let mut any = connect(cluster, 0).await;
    let node = find_coordinator(&mut any, group).await;
    connect(cluster, node).await
}

fn join_request(group: &str, member: &str, instance: Option<&str>, session_ms: i32) -> JoinGroupRequest {
    JoinGroupRequest {
        group_id: group.into(),
        session_timeout_ms: session_ms,
        rebalance_timeout_ms: 5_000,
        member_id: member.into(),
        group_instance_id: instance.map(str::to_owned),
        protocol_type: "consumer".into(),
        protocols: vec![JoinGroupRequestProtocol {
            name: "range".into(),
            metadata: Bytes::from(format!("subscription-of-{}", instance.unwrap_or("dynamic"))),
            ..Default::default()
        }],
        reason: None,
        ..Default::default()
    }
}

/// The KIP-394 round trip: JoinGroup without a member id is refused with MEMBER_ID_REQUIRED
/// and a member id. Returns that id.
async fn member_id_for(c: &mut Conn, group: &str, session_ms: i32) -> String {
    let r = c.send(&join_request(group, "", None, session_ms), JOIN_V).await;
    assert_eq!(r.error_code, ErrorCode::MEMBER_ID_REQUIRED.0);
    assert_eq!(r.generation_id, -1);
    assert!(!r.member_id.is_empty());
    r.member_id
}

/// Sends a JoinGroup with a known member id without waiting for the (parked) answer.
async fn write_join(c: &mut Conn, group: &str, member: &str, session_ms: i32) -> i32 {
    c.write(&join_request(group, member, None, session_ms), JOIN_V).await
}

fn sync_request(group: &str, member: &str, generation: i32, assignments: &[(&str, &str)]) -> SyncGroupRequest {
    SyncGroupRequest {
        group_id: group.into(),
        generation_id: generation,
        member_id: member.into(),
        protocol_type: Some("consumer".into()),
        protocol_name: Some("range".into()),
        assignments: assignments
            .iter()
            .map(|(m, a)| SyncGroupRequestAssignment {
                member_id: (*m).into(),
                assignment: Bytes::copy_from_slice(a.as_bytes()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

async fn heartbeat(c: &mut Conn, group: &str, member: &str, generation: i32, instance: Option<&str>) -> i16 {
    let request = HeartbeatRequest {
        group_id: group.into(),
        generation_id: generation,
        member_id: member.into(),
        group_instance_id: instance.map(str::to_owned),
        ..Default::default()
    };
    c.send(&request, HEARTBEAT_V).await.error_code
}

async fn describe(c: &mut Conn, group: &str) -> describe_groups::response::DescribedGroup {
    let r = c.send(&DescribeGroupsRequest { groups: vec![group.into()], ..Default::default() }, DESCRIBE_V).await;
    r.groups.into_iter().next().expect("one group described")
}

/// One member alone in a Stable group: joined, leader, synced with assignment "A".
async fn lone_stable_member(c: &mut Conn, group: &str, session_ms: i32) -> (String, i32) {
    let id = member_id_for(c, group, session_ms).await;
    let j = c.send(&join_request(group, &id, None, session_ms), JOIN_V).await;
    assert_eq!((j.error_code, j.leader.as_str()), (0, id.as_str()));
    let s = c.send(&sync_request(group, &id, j.generation_id, &[(&id, "A")]), SYNC_V).await;
    assert_eq!(s.error_code, 0);
    (id, j.generation_id)
}

/// Syncs a generation of two: the follower's SyncGroup first (parked), then the leader's with
/// assignments "A" for `a` and "B" for `b`. Whichever joined first leads.
async fn sync_pair(a: &mut Conn, b: &mut Conn, group: &str, ids: (&str, &str), leader: &str, generation: i32) {
    let (id_a, id_b) = ids;
    let assignments = [(id_a, "A"), (id_b, "B")];
    let ((lead, lead_id), (follow, follow_id)) =
        if leader == id_a { ((a, id_a), (b, id_b)) } else { ((b, id_b), (a, id_a)) };
    let cf = follow.write(&sync_request(group, follow_id, generation, &[]), SYNC_V).await;
    let sl = lead.send(&sync_request(group, lead_id, generation, &assignments), SYNC_V).await;
    let sf = follow.read::<SyncGroupRequest>(cf, SYNC_V).await;
    let expected = |id: &str| if id == id_a { &b"A"[..] } else { &b"B"[..] };
    assert_eq!((sl.assignment.as_ref(), sf.assignment.as_ref()), (expected(lead_id), expected(follow_id)));
}

/// Two dynamic members joining within the initial rebalance delay: one generation, then synced
/// with assignments "A" and "B". Returns (a, b, generation).
async fn stable_pair(a: &mut Conn, b: &mut Conn, group: &str, session_ms: i32) -> (String, String, i32) {
    let id_a = member_id_for(a, group, session_ms).await;
    let id_b = member_id_for(b, group, session_ms).await;
    let ca = write_join(a, group, &id_a, session_ms).await;
    let cb = write_join(b, group, &id_b, session_ms).await;
    let ja = a.read::<JoinGroupRequest>(ca, JOIN_V).await;
    let jb = b.read::<JoinGroupRequest>(cb, JOIN_V).await;
    assert_eq!((ja.error_code, jb.error_code), (0, 0));
    assert_eq!(ja.generation_id, jb.generation_id, "one generation for both");
    sync_pair(a, b, group, (&id_a, &id_b), &ja.leader, ja.generation_id).await;
    (id_a, id_b, ja.generation_id)
}

#[tokio::test]
async fn two_members_join_and_sync_into_one_generation() {
    let cluster = cluster(1, Duration::from_millis(300)).await;
    let (mut a, mut b) = (coordinator(&cluster, "pair").await, coordinator(&cluster, "pair").await);
    let id_a = member_id_for(&mut a, "pair", 10_000).await;
    let id_b = member_id_for(&mut b, "pair", 10_000).await;
    let ca = write_join(&mut a, "pair", &id_a, 10_000).await;
    let cb = write_join(&mut b, "pair", &id_b, 10_000).await;
    let ja = a.read::<JoinGroupRequest>(ca, JOIN_V).await;
    let jb = b.read::<JoinGroupRequest>(cb, JOIN_V).await;
    assert_eq!((ja.error_code, jb.error_code), (0, 0));
    assert_eq!((ja.generation_id, jb.generation_id), (1, 1));
    assert_eq!(ja.leader, jb.leader, "one leader");
    // Whichever JoinGroup the coordinator took first leads.
    let (mut a, mut b, id_a, id_b, ja, jb) =
        if ja.leader == id_a { (a, b, id_a, id_b, ja, jb) } else { (b, a, id_b, id_a, jb, ja) };
    assert_eq!(ja.leader, id_a);
    assert_eq!(ja.protocol_type.as_deref(), Some("consumer"));
    assert_eq!(ja.protocol_name.as_deref(), Some("range"));
    let members: Vec<&str> = ja.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(members, vec![id_a.as_str(), id_b.as_str()], "the leader gets every member");
    assert_eq!(ja.members[1].metadata, Bytes::from_static(b"subscription-of-dynamic"));
    assert!(jb.members.is_empty(), "followers get no member list");
    assert!(!ja.skip_assignment);

    // The follower's SyncGroup waits for the leader's assignment.
    let cb = b.write(&sync_request("pair", &id_b, 1, &[]), SYNC_V).await;
    assert!(!b.has_response_within(Duration::from_millis(200)).await, "follower parked until the leader syncs");
    let sa = a.send(&sync_request("pair", &id_a, 1, &[(&id_a, "for-a"), (&id_b, "for-b")]), SYNC_V).await;
    let sb = b.read::<SyncGroupRequest>(cb, SYNC_V).await;
    assert_eq!((sa.error_code, sb.error_code), (0, 0));
    assert_eq!((sa.assignment.as_ref(), sb.assignment.as_ref()), (&b"for-a"[..], &b"for-b"[..]));
    assert_eq!((sb.protocol_type.as_deref(), sb.protocol_name.as_deref()), (Some("consumer"), Some("range")));
    assert_eq!(heartbeat(&mut a, "pair", &id_a, 1, None).await, 0);
    assert_eq!(heartbeat(&mut b, "pair", &id_b, 1, None).await, 0);

    let d = describe(&mut a, "pair").await;
    assert_eq!((d.error_code, d.group_state.as_str(), d.protocol_data.as_str()), (0, "Stable", "range"));
    assert_eq!(d.members.len(), 2);
    assert_eq!((d.members[0].client_id.as_str(), d.members[0].client_host.as_str()), ("stub-test", "/127.0.0.1"));
    assert_eq!(d.members[1].member_assignment, Bytes::from_static(b"for-b"));
    let listed = a.send(&ListGroupsRequest::default(), 5).await;
    let g = listed.groups.iter().find(|g| g.group_id == "pair").expect("listed");
    assert_eq!(
        (g.group_state.as_str(), g.group_type.as_str(), g.protocol_type.as_str()),
        ("Stable", "classic", "consumer")
    );
    let filtered = a.send(&ListGroupsRequest { states_filter: vec!["empty".into()], ..Default::default() }, 5).await;
    assert!(filtered.groups.iter().all(|g| g.group_id != "pair"));
}

#[tokio::test]
async fn member_id_required_round_trip() {
    let cluster = cluster(1, Duration::ZERO).await;
    let mut c = coordinator(&cluster, "kip394").await;
    let id = member_id_for(&mut c, "kip394", 10_000).await;
    assert!(id.starts_with("stub-test-"), "client id prefix: {id}");
    // An id the coordinator never handed out is unknown.
    let r = c.send(&join_request("kip394", "made-up", None, 10_000), JOIN_V).await;
    assert_eq!(r.error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
    let r = c.send(&join_request("kip394", &id, None, 10_000), JOIN_V).await;
    assert_eq!((r.error_code, r.member_id.as_str(), r.generation_id), (0, id.as_str(), 1));
    // Before v4 a member joins at once, with a generated id.
    let mut old = coordinator(&cluster, "v3-group").await;
    let r = old.send(&join_request("v3-group", "", None, 10_000), 3).await;
    assert_eq!((r.error_code, r.generation_id), (0, 1));
    assert_eq!(r.protocol_name.as_deref(), Some("range"));
    assert!(r.member_id.starts_with("stub-test-"));
    // Kafka's default minimum session timeout is 6 s.
    let strict = StubCluster::builder().start().await.expect("starts");
    let mut c = connect(&strict, 0).await;
    let r = c.send(&join_request("g", "", None, 500), JOIN_V).await;
    assert_eq!(r.error_code, ErrorCode::INVALID_SESSION_TIMEOUT.0);
    let r = c.send(&join_request("", "", None, 10_000), JOIN_V).await;
    assert_eq!(r.error_code, ErrorCode::INVALID_GROUP_ID.0);
}

#[tokio::test]
async fn a_third_member_triggers_a_rebalance_the_others_see_in_their_heartbeats() {
    let cluster = cluster(1, Duration::ZERO).await;
    let group = "grow";
    let mut a = coordinator(&cluster, group).await;
    let (id_a, gen1) = lone_stable_member(&mut a, group, 10_000).await;
    assert_eq!(gen1, 1);

    // b joins: a's generation is being replaced; b's JoinGroup waits for a to rejoin.
    let mut b = coordinator(&cluster, group).await;
    let id_b = member_id_for(&mut b, group, 10_000).await;
    let cb = write_join(&mut b, group, &id_b, 10_000).await;
    assert!(
        !b.has_response_within(Duration::from_millis(200)).await,
        "JoinGroup is held until the rebalance completes"
    );
    assert_eq!(heartbeat(&mut a, group, &id_a, 1, None).await, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let ja = a.send(&join_request(group, &id_a, None, 10_000), JOIN_V).await;
    let jb = b.read::<JoinGroupRequest>(cb, JOIN_V).await;
    assert_eq!((ja.generation_id, jb.generation_id), (2, 2));
    assert_eq!(ja.members.len(), 2);
    let cb = b.write(&sync_request(group, &id_b, 2, &[]), SYNC_V).await;
    a.send(&sync_request(group, &id_a, 2, &[(&id_a, "A"), (&id_b, "B")]), SYNC_V).await;
    assert_eq!(b.read::<SyncGroupRequest>(cb, SYNC_V).await.assignment, Bytes::from_static(b"B"));

    // A third member: both learn of the rebalance through Heartbeat, rejoin, and all three
    // land in generation 3.
    let mut c = coordinator(&cluster, group).await;
    let id_c = member_id_for(&mut c, group, 10_000).await;
    let cc = write_join(&mut c, group, &id_c, 10_000).await;
    assert_eq!(heartbeat(&mut a, group, &id_a, 2, None).await, ErrorCode::REBALANCE_IN_PROGRESS.0);
    assert_eq!(heartbeat(&mut b, group, &id_b, 2, None).await, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let sync_now = b.send(&sync_request(group, &id_b, 2, &[]), SYNC_V).await;
    assert_eq!(sync_now.error_code, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let ca = write_join(&mut a, group, &id_a, 10_000).await;
    let cb = write_join(&mut b, group, &id_b, 10_000).await;
    let (ja, jb, jc) = (
        a.read::<JoinGroupRequest>(ca, JOIN_V).await,
        b.read::<JoinGroupRequest>(cb, JOIN_V).await,
        c.read::<JoinGroupRequest>(cc, JOIN_V).await,
    );
    assert_eq!((ja.generation_id, jb.generation_id, jc.generation_id), (3, 3, 3));
    assert_eq!(ja.leader, id_a);
    let ids: BTreeSet<&str> = ja.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(ids, [id_a.as_str(), id_b.as_str(), id_c.as_str()].into_iter().collect());
    // The old generation is gone.
    assert_eq!(heartbeat(&mut b, group, &id_b, 2, None).await, ErrorCode::ILLEGAL_GENERATION.0);
}

#[tokio::test]
async fn a_member_that_stops_heartbeating_is_expelled_after_its_session_timeout() {
    let cluster = cluster(1, Duration::from_millis(200)).await;
    let group = "expiry";
    let (mut a, mut b) = (coordinator(&cluster, group).await, coordinator(&cluster, group).await);
    let (id_a, id_b, generation) = stable_pair(&mut a, &mut b, group, 500).await;
    // a heartbeats every 100 ms; b is silent from now on.
    let silent_since = Instant::now();
    let deadline = silent_since + Duration::from_secs(5);
    loop {
        let code = heartbeat(&mut a, group, &id_a, generation, None).await;
        if code == ErrorCode::REBALANCE_IN_PROGRESS.0 {
            break;
        }
        assert_eq!(code, 0);
        assert!(Instant::now() < deadline, "b was never expelled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let waited = silent_since.elapsed();
    assert!(waited >= Duration::from_millis(400), "expelled after its session timeout, not before ({waited:?})");
    let j = a.send(&join_request(group, &id_a, None, 500), JOIN_V).await;
    assert_eq!((j.generation_id, j.members.len()), (generation + 1, 1));
    assert_eq!(heartbeat(&mut b, group, &id_b, generation, None).await, ErrorCode::UNKNOWN_MEMBER_ID.0);
}

#[tokio::test]
async fn a_static_member_restarting_within_its_session_timeout_causes_no_rebalance() {
    let cluster = cluster(1, Duration::from_millis(200)).await;
    let group = "static";
    let (mut a, mut b) = (coordinator(&cluster, group).await, coordinator(&cluster, group).await);
    // Static members skip MEMBER_ID_REQUIRED.
    let ca = a.write(&join_request(group, "", Some("instance-a"), 10_000), JOIN_V).await;
    let cb = b.write(&join_request(group, "", Some("instance-b"), 10_000), JOIN_V).await;
    let (ja, jb) = (a.read::<JoinGroupRequest>(ca, JOIN_V).await, b.read::<JoinGroupRequest>(cb, JOIN_V).await);
    assert_eq!((ja.error_code, jb.error_code, ja.generation_id), (0, 0, 1));
    assert!(jb.member_id.starts_with("instance-b-"));
    let leader_view = if ja.leader == ja.member_id { &ja.members } else { &jb.members };
    let instances: BTreeSet<Option<&str>> = leader_view.iter().map(|m| m.group_instance_id.as_deref()).collect();
    assert_eq!(instances, [Some("instance-a"), Some("instance-b")].into_iter().collect());
    let (id_a, old_b) = (ja.member_id, jb.member_id);
    sync_pair(&mut a, &mut b, group, (&id_a, &old_b), &ja.leader, 1).await;

    // b's process restarts: a new connection, no member id, the same instance id.
    drop(b);
    let mut b = coordinator(&cluster, group).await;
    let r = b.send(&join_request(group, "", Some("instance-b"), 10_000), JOIN_V).await;
    assert_eq!(r.error_code, 0);
    assert_ne!(r.member_id, old_b, "a new member id replaces the old one");
    assert_eq!(r.generation_id, 1, "no rebalance");
    let new_b = r.member_id;
    let s = b.send(&sync_request(group, &new_b, 1, &[]), SYNC_V).await;
    assert_eq!((s.error_code, s.assignment.as_ref()), (0, &b"B"[..]), "the assignment is kept");
    assert_eq!(heartbeat(&mut a, group, &id_a, 1, Some("instance-a")).await, 0);
    assert_eq!(heartbeat(&mut b, group, &new_b, 1, Some("instance-b")).await, 0);
    assert_eq!(
        heartbeat(&mut a, group, &old_b, 1, Some("instance-b")).await,
        ErrorCode::FENCED_INSTANCE_ID.0,
        "the old member id is fenced"
    );
    assert_eq!(describe(&mut a, group).await.group_state, "Stable");
    // An administrator removes the static member by its instance id (no member id): rebalance.
    let remove = LeaveGroupRequest {
        group_id: group.into(),
        members: vec![MemberIdentity { group_instance_id: Some("instance-b".into()), ..Default::default() }],
        ..Default::default()
    };
    let r = a.send(&remove, LEAVE_V).await;
    assert_eq!((r.error_code, r.members[0].error_code), (0, 0));
    assert_eq!(heartbeat(&mut a, group, &id_a, 1, Some("instance-a")).await, ErrorCode::REBALANCE_IN_PROGRESS.0);
    assert_eq!(heartbeat(&mut b, group, &new_b, 1, Some("instance-b")).await, ErrorCode::UNKNOWN_MEMBER_ID.0);
}

#[tokio::test]
async fn leave_group_triggers_a_rebalance_and_the_last_leave_empties_the_group() {
    let cluster = cluster(1, Duration::from_millis(200)).await;
    let group = "leavers";
    let (mut a, mut b) = (coordinator(&cluster, group).await, coordinator(&cluster, group).await);
    let (id_a, id_b, generation) = stable_pair(&mut a, &mut b, group, 10_000).await;
    let leave = |member: &str| LeaveGroupRequest {
        group_id: group.into(),
        members: vec![MemberIdentity { member_id: member.into(), reason: Some("test".into()), ..Default::default() }],
        ..Default::default()
    };
    let r = b.send(&leave(&id_b), LEAVE_V).await;
    assert_eq!((r.error_code, r.members.len(), r.members[0].error_code), (0, 1, 0));
    assert_eq!(heartbeat(&mut a, group, &id_a, generation, None).await, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let j = a.send(&join_request(group, &id_a, None, 10_000), JOIN_V).await;
    assert_eq!((j.generation_id, j.members.len()), (generation + 1, 1));
    // Leaving twice: the member is unknown. v0-2 answer at the top level.
    let again =
        b.send(&LeaveGroupRequest { group_id: group.into(), member_id: id_b.clone(), ..Default::default() }, 2).await;
    assert_eq!(again.error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
    let r = a.send(&leave(&id_a), LEAVE_V).await;
    assert_eq!(r.members[0].error_code, 0);
    let d = describe(&mut a, group).await;
    assert_eq!((d.group_state.as_str(), d.members.len()), ("Empty", 0));
}

fn commit(group: &str, generation: i32, member: &str, topic: &str, offsets: &[(i32, i64)]) -> OffsetCommitRequest {
    OffsetCommitRequest {
        group_id: group.into(),
        generation_id_or_member_epoch: generation,
        member_id: member.into(),
        topics: vec![OffsetCommitRequestTopic {
            name: topic.into(),
            partitions: offsets
                .iter()
                .map(|&(p, o)| OffsetCommitRequestPartition {
                    partition_index: p,
                    committed_offset: o,
                    committed_leader_epoch: 0,
                    committed_metadata: Some(format!("meta-{o}")),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn commit_codes(r: &OffsetCommitResponse) -> Vec<i16> {
    r.topics.iter().flat_map(|t| t.partitions.iter().map(|p| p.error_code)).collect()
}

fn fetch_one(group: &str, topic: &str, partitions: Vec<i32>) -> OffsetFetchRequest {
    OffsetFetchRequest {
        group_id: group.into(),
        topics: Some(vec![OffsetFetchRequestTopic {
            name: topic.into(),
            partition_indexes: partitions,
            ..Default::default()
        }]),
        ..Default::default()
    }
}

#[tokio::test]
async fn commit_then_fetch_offsets() {
    let cluster = cluster(1, Duration::ZERO).await;
    cluster.create_topic("t", 2).expect("created");
    let group = "committer";
    let mut c = coordinator(&cluster, group).await;
    let (id, generation) = lone_stable_member(&mut c, group, 10_000).await;
    let r = c.send(&commit(group, generation, &id, "t", &[(0, 42), (1, 7)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0, 0]);
    let r = c.send(&commit(group, generation, &id, "missing", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0]);
    let r = c.send(&commit(group, generation, &id, "t", &[(9, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0]);

    // v7: one group; a partition without a commit is -1.
    let f = c.send(&fetch_one(group, "t", vec![0, 1]), 7).await;
    assert_eq!(f.error_code, 0);
    let p: Vec<(i64, i32, Option<&str>)> = f.topics[0]
        .partitions
        .iter()
        .map(|p| (p.committed_offset, p.committed_leader_epoch, p.metadata.as_deref()))
        .collect();
    assert_eq!(p, vec![(42, 0, Some("meta-42")), (7, 0, Some("meta-7"))]);
    let f = c.send(&fetch_one("nobody", "t", vec![0]), 7).await;
    assert_eq!((f.error_code, f.topics[0].partitions[0].committed_offset), (0, -1));

    // v8+: several groups at once, null topics for everything committed.
    let request = OffsetFetchRequest {
        groups: vec![
            OffsetFetchRequestGroup { group_id: group.into(), topics: None, ..Default::default() },
            OffsetFetchRequestGroup {
                group_id: "nobody".into(),
                topics: Some(vec![OffsetFetchRequestTopics {
                    name: "t".into(),
                    partition_indexes: vec![1],
                    ..Default::default()
                }]),
                ..Default::default()
            },
        ],
        require_stable: true,
        ..Default::default()
    };
    let f = c.send(&request, FETCH_V).await;
    assert_eq!(f.groups.len(), 2);
    let all: Vec<(String, i32, i64)> = f.groups[0]
        .topics
        .iter()
        .flat_map(|t| t.partitions.iter().map(move |p| (t.name.clone(), p.partition_index, p.committed_offset)))
        .collect();
    assert_eq!(all, vec![("t".into(), 0, 42), ("t".into(), 1, 7)]);
    assert_eq!(f.groups[1].topics[0].partitions[0].committed_offset, -1);

    // v10 names topics by id.
    let topic_id = {
        let m = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
        m.topics.iter().find(|t| t.name.as_deref() == Some("t")).expect("t").topic_id
    };
    let mut by_id = commit(group, generation, &id, "", &[(1, 99)]);
    by_id.topics[0].topic_id = topic_id;
    by_id.topics.push(OffsetCommitRequestTopic {
        topic_id: Uuid::from_u128(7),
        partitions: vec![OffsetCommitRequestPartition { partition_index: 0, ..Default::default() }],
        ..Default::default()
    });
    let r = c.send(&by_id, 10).await;
    assert_eq!(r.topics[0].topic_id, topic_id);
    assert_eq!(commit_codes(&r), vec![0, ErrorCode::UNKNOWN_TOPIC_ID.0]);
    let request = OffsetFetchRequest {
        groups: vec![OffsetFetchRequestGroup {
            group_id: group.into(),
            topics: Some(vec![OffsetFetchRequestTopics { topic_id, partition_indexes: vec![1], ..Default::default() }]),
            ..Default::default()
        }],
        ..Default::default()
    };
    let f = c.send(&request, 10).await;
    assert_eq!(f.groups[0].topics[0].topic_id, topic_id);
    assert_eq!(f.groups[0].topics[0].partitions[0].committed_offset, 99);

    // A consumer without group management commits with generation -1 to a group of its own.
    let r = c.send(&commit("manual", -1, "", "t", &[(0, 5)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0]);
    assert_eq!(describe(&mut c, "manual").await.group_state, "Empty");
    let f = c.send(&fetch_one("manual", "t", vec![0]), 7).await;
    assert_eq!(f.topics[0].partitions[0].committed_offset, 5);
}

#[tokio::test]
async fn a_commit_with_a_stale_generation_is_illegal_generation() {
    let cluster = cluster(1, Duration::ZERO).await;
    cluster.create_topic("t", 1).expect("created");
    let group = "stale";
    let mut c = coordinator(&cluster, group).await;
    let (id, generation) = lone_stable_member(&mut c, group, 10_000).await;
    // The leader rejoining starts generation 2.
    let j = c.send(&join_request(group, &id, None, 10_000), JOIN_V).await;
    assert_eq!(j.generation_id, generation + 1);
    let r = c.send(&commit(group, generation, &id, "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::ILLEGAL_GENERATION.0]);
    let r = c.send(&commit(group, j.generation_id, &id, "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::REBALANCE_IN_PROGRESS.0], "not synced yet");
    c.send(&sync_request(group, &id, j.generation_id, &[(&id, "A")]), SYNC_V).await;
    let r = c.send(&commit(group, j.generation_id, &id, "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0]);
    let r = c.send(&commit(group, j.generation_id, "someone-else", "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::UNKNOWN_MEMBER_ID.0]);
    // An unknown group with a generation: GROUP_ID_NOT_FOUND from v9, ILLEGAL_GENERATION before.
    let r = c.send(&commit("ghost", 3, "m", "t", &[(0, 1)]), 9).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::GROUP_ID_NOT_FOUND.0]);
    let r = c.send(&commit("ghost", 3, "m", "t", &[(0, 1)]), 8).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::ILLEGAL_GENERATION.0]);
}

#[tokio::test]
async fn delete_groups_removes_empty_groups_and_refuses_active_ones() {
    let cluster = cluster(1, Duration::ZERO).await;
    cluster.create_topic("t", 1).expect("created");
    let mut c = coordinator(&cluster, "active").await;
    lone_stable_member(&mut c, "active", 10_000).await;
    let r = c.send(&commit("idle", -1, "", "t", &[(0, 3)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0]);
    let mut idle = coordinator(&cluster, "idle").await;

    // OffsetDelete on the empty group.
    let delete_offsets = OffsetDeleteRequest {
        group_id: "idle".into(),
        topics: vec![OffsetDeleteRequestTopic {
            name: "t".into(),
            partitions: vec![OffsetDeleteRequestPartition { partition_index: 0, ..Default::default() }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = idle.send(&delete_offsets, 0).await;
    assert_eq!((r.error_code, r.topics[0].partitions[0].error_code), (0, 0));
    assert_eq!(idle.send(&fetch_one("idle", "t", vec![0]), 7).await.topics[0].partitions[0].committed_offset, -1);
    let r = idle.send(&OffsetDeleteRequest { group_id: "ghost".into(), ..delete_offsets.clone() }, 0).await;
    assert_eq!(r.error_code, ErrorCode::GROUP_ID_NOT_FOUND.0);

    let request = DeleteGroupsRequest { groups_names: vec!["active".into()], ..Default::default() };
    let r = c.send(&request, 3).await;
    assert_eq!(r.results[0].error_code, ErrorCode::NON_EMPTY_GROUP.0);
    let request = DeleteGroupsRequest { groups_names: vec!["idle".into()], ..Default::default() };
    let r = idle.send(&request, 3).await;
    assert_eq!((r.results[0].group_id.as_str(), r.results[0].error_code), ("idle", 0));
    let r = idle.send(&request, 3).await;
    assert_eq!(r.results[0].error_code, ErrorCode::GROUP_ID_NOT_FOUND.0);
    let d = describe(&mut idle, "idle").await;
    assert_eq!((d.error_code, d.group_state.as_str()), (ErrorCode::GROUP_ID_NOT_FOUND.0, "Dead"));
    let d5 = idle.send(&DescribeGroupsRequest { groups: vec!["idle".into()], ..Default::default() }, 5).await;
    assert_eq!((d5.groups[0].error_code, d5.groups[0].group_state.as_str()), (0, "Dead"));
}

#[tokio::test]
async fn find_coordinator_routes_consistently_and_other_brokers_say_not_coordinator() {
    let cluster = cluster(3, Duration::ZERO).await;
    cluster.create_topic("t", 1).expect("created");
    let groups: Vec<String> = (0..12).map(|i| format!("group-{i}")).collect();
    let mut conns = Vec::new();
    for b in 0..3 {
        conns.push(connect(&cluster, b).await);
    }
    let mut coordinators = BTreeSet::new();
    for g in &groups {
        let expected = cluster.group_coordinator(g).expect("coordinated");
        coordinators.insert(expected);
        for c in &mut conns {
            assert_eq!(find_coordinator(c, g).await, expected, "{g}: every broker agrees");
            let old = c.send(&FindCoordinatorRequest { key: g.clone(), ..Default::default() }, 3).await;
            assert_eq!((old.error_code, old.node_id), (0, expected));
            assert_eq!(old.port, i32::from(cluster.broker_addr(expected).expect("exists").port()));
        }
    }
    assert!(coordinators.len() > 1, "groups spread over brokers: {coordinators:?}");
    // A batch (v4+), transactional ids, and the key types the stub has no coordinator for.
    let r = conns[0]
        .send(&FindCoordinatorRequest { coordinator_keys: groups[..3].to_vec(), ..Default::default() }, FIND_V)
        .await;
    assert_eq!(
        r.coordinators.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
        vec!["group-0", "group-1", "group-2"]
    );
    let txn = FindCoordinatorRequest { key_type: 1, coordinator_keys: vec!["txn-1".into()], ..Default::default() };
    assert_eq!(conns[0].send(&txn, FIND_V).await.coordinators[0].error_code, 0);
    let share = FindCoordinatorRequest { key_type: 2, coordinator_keys: vec!["s".into()], ..Default::default() };
    assert_eq!(conns[0].send(&share, FIND_V).await.coordinators[0].error_code, ErrorCode::INVALID_REQUEST.0);

    // Every group API on a broker that is not the coordinator.
    let g = groups[0].as_str();
    let home = cluster.group_coordinator(g).expect("coordinated");
    let wrong = &mut conns[((home + 1) % 3) as usize];
    let r = wrong.send(&join_request(g, "", None, 10_000), JOIN_V).await;
    assert_eq!(r.error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(heartbeat(wrong, g, "m", 1, None).await, ErrorCode::NOT_COORDINATOR.0);
    let r = wrong.send(&sync_request(g, "m", 1, &[]), SYNC_V).await;
    assert_eq!(r.error_code, ErrorCode::NOT_COORDINATOR.0);
    let r = wrong.send(&commit(g, -1, "", "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::NOT_COORDINATOR.0]);
    let r = wrong.send(&fetch_one(g, "t", vec![0]), 7).await;
    assert_eq!(r.error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(describe(wrong, g).await.error_code, ErrorCode::NOT_COORDINATOR.0);
    let r = wrong.send(&DeleteGroupsRequest { groups_names: vec![g.into()], ..Default::default() }, 3).await;
    assert_eq!(r.results[0].error_code, ErrorCode::NOT_COORDINATOR.0);
    // And the coordinator itself serves it.
    let mut right = connect(&cluster, home).await;
    let r = right.send(&commit(g, -1, "", "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0]);
    // ListGroups on each broker lists only the groups it coordinates.
    for (b, c) in conns.iter_mut().enumerate() {
        let listed = c.send(&ListGroupsRequest::default(), 5).await;
        let has = listed.groups.iter().any(|l| l.group_id == g);
        assert_eq!(has, b as i32 == home, "broker {b}");
    }
}

#[tokio::test]
async fn a_stopped_coordinator_hands_its_groups_to_another_broker() {
    let cluster = cluster(3, Duration::ZERO).await;
    cluster.create_topic("t", 1).expect("created");
    let group = "failover";
    let first = cluster.group_coordinator(group).expect("coordinated");
    let mut c = connect(&cluster, first).await;
    let (id, generation) = lone_stable_member(&mut c, group, 10_000).await;
    let r = c.send(&commit(group, generation, &id, "t", &[(0, 11)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![0]);
    cluster.faults().stop_broker(first).await.expect("stopped");
    let survivor = (first + 1) % 3;
    let mut any = connect(&cluster, survivor).await;
    let second = find_coordinator(&mut any, group).await;
    assert_ne!(second, first);
    let mut c = connect(&cluster, second).await;
    // The new coordinator loaded the Stable generation and the committed offsets.
    assert_eq!(heartbeat(&mut c, group, &id, generation, None).await, 0);
    assert_eq!(describe(&mut c, group).await.group_state, "Stable");
    assert_eq!(c.send(&fetch_one(group, "t", vec![0]), 7).await.topics[0].partitions[0].committed_offset, 11);
    cluster.faults().restart_broker(first).await.expect("restarted");
    assert_eq!(cluster.group_coordinator(group), Some(second), "leadership does not move back by itself");
}

#[tokio::test]
async fn faults_apply_to_the_group_apis() {
    let cluster = cluster(1, Duration::ZERO).await;
    cluster.create_topic("t", 1).expect("created");
    let faults = cluster.faults();
    let mut c = connect(&cluster, 0).await;
    faults.fail_next(ApiKey::FindCoordinator, 2, ErrorCode::COORDINATOR_NOT_AVAILABLE.0);
    let r = c.send(&FindCoordinatorRequest { coordinator_keys: vec!["g".into()], ..Default::default() }, FIND_V).await;
    assert_eq!((r.coordinators[0].error_code, r.coordinators[0].node_id), (ErrorCode::COORDINATOR_NOT_AVAILABLE.0, -1));
    let r = c.send(&FindCoordinatorRequest { key: "g".into(), ..Default::default() }, 2).await;
    assert_eq!((r.error_code, r.node_id), (ErrorCode::COORDINATOR_NOT_AVAILABLE.0, -1));
    assert_eq!(find_coordinator(&mut c, "g").await, 0);

    faults.inject(ErrorFault::new(ApiKey::JoinGroup, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0));
    let r = c.send(&join_request("g", "", None, 10_000), JOIN_V).await;
    assert_eq!((r.error_code, r.generation_id), (ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0, -1));
    assert_eq!(r.protocol_name, None);
    let (id, generation) = lone_stable_member(&mut c, "g", 10_000).await;
    faults.fail_next(ApiKey::Heartbeat, 1, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(heartbeat(&mut c, "g", &id, generation, None).await, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(heartbeat(&mut c, "g", &id, generation, None).await, 0);
    faults.fail_next(ApiKey::OffsetCommit, 1, ErrorCode::REQUEST_TIMED_OUT.0);
    let r = c.send(&commit("g", generation, &id, "t", &[(0, 1)]), COMMIT_V).await;
    assert_eq!(commit_codes(&r), vec![ErrorCode::REQUEST_TIMED_OUT.0]);
    faults.fail_next(ApiKey::OffsetFetch, 1, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    let f = c.send(&fetch_one("g", "t", vec![0]), 7).await;
    assert_eq!(f.error_code, ErrorCode::COORDINATOR_LOAD_IN_PROGRESS.0);
    faults.fail_next(ApiKey::SyncGroup, 1, ErrorCode::REBALANCE_IN_PROGRESS.0);
    let s = c.send(&sync_request("g", &id, generation, &[]), SYNC_V).await;
    assert_eq!(s.error_code, ErrorCode::REBALANCE_IN_PROGRESS.0);
    for api in
        [ApiKey::LeaveGroup, ApiKey::DescribeGroups, ApiKey::ListGroups, ApiKey::DeleteGroups, ApiKey::OffsetDelete]
    {
        faults.fail_next(api, 1, ErrorCode::NOT_COORDINATOR.0);
    }
    let leave = LeaveGroupRequest { group_id: "g".into(), members: vec![], ..Default::default() };
    assert_eq!(c.send(&leave, LEAVE_V).await.error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(describe(&mut c, "g").await.error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(c.send(&ListGroupsRequest::default(), 5).await.error_code, ErrorCode::NOT_COORDINATOR.0);
    let r = c.send(&DeleteGroupsRequest { groups_names: vec!["g".into()], ..Default::default() }, 3).await;
    assert_eq!(r.results[0].error_code, ErrorCode::NOT_COORDINATOR.0);
    let r = c.send(&OffsetDeleteRequest { group_id: "g".into(), ..Default::default() }, 0).await;
    assert_eq!(r.error_code, ErrorCode::NOT_COORDINATOR.0);
    assert_eq!(cluster.request_count(ApiKey::JoinGroup), 3);
    // The group went on unharmed.
    assert_eq!(heartbeat(&mut c, "g", &id, generation, None).await, 0);
}
