//! The consumer group state machine, heartbeat by heartbeat: revocation before assignment,
//! epochs, fencing, static membership and the assignors.

use kafka_protocol::messages::consumer_group_heartbeat::request::TopicPartitions;
use kafka_protocol::messages::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kafka_protocol::{ErrorCode, Uuid};

use super::consumer::*;

const T: Uuid = Uuid::from_u128(7);

fn topics(partitions: i32) -> TopicsView {
    [("t".to_owned(), (T, partitions))].into_iter().collect()
}

fn ctx() -> HeartbeatCtx<'static> {
    HeartbeatCtx { client_id: "c", client_host: "/127.0.0.1", heartbeat_interval_ms: 5000, fresh_member_id: "fresh" }
}

fn join(member: &str) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest {
        group_id: "g".into(),
        member_id: member.into(),
        member_epoch: 0,
        rebalance_timeout_ms: 30_000,
        subscribed_topic_names: Some(vec!["t".into()]),
        topic_partitions: Some(Vec::new()),
        ..Default::default()
    }
}

fn beat(member: &str, epoch: i32, owned: &[i32]) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest {
        group_id: "g".into(),
        member_id: member.into(),
        member_epoch: epoch,
        topic_partitions: Some(vec![TopicPartitions { topic_id: T, partitions: owned.to_vec(), ..Default::default() }]),
        ..Default::default()
    }
}

fn send(g: &mut ConsumerGroup, req: ConsumerGroupHeartbeatRequest, partitions: i32) -> ConsumerGroupHeartbeatResponse {
    validate(&req, 1).expect("valid");
    g.heartbeat(&req, ctx(), &topics(partitions)).expect("accepted").0
}

fn refused(g: &mut ConsumerGroup, req: ConsumerGroupHeartbeatRequest) -> ErrorCode {
    g.heartbeat(&req, ctx(), &topics(6)).expect_err("refused").code
}

/// The partitions of the response's assignment (`None`: no assignment sent).
fn assigned(r: &ConsumerGroupHeartbeatResponse) -> Option<Vec<i32>> {
    r.assignment.as_ref().map(|a| a.topic_partitions.iter().flat_map(|t| t.partitions.clone()).collect())
}

#[test]
fn a_joining_member_gets_partitions_only_after_their_owner_revoked_them() {
    let mut g = ConsumerGroup::new("g");
    let r = send(&mut g, join("a"), 6);
    assert_eq!((r.member_epoch, assigned(&r)), (1, Some(vec![0, 1, 2, 3, 4, 5])));

    // b joins: the target splits the partitions, but a still owns them all.
    let r = send(&mut g, join("b"), 6);
    assert_eq!(g.group_epoch, 2);
    assert_eq!(r.member_epoch, 2, "b is at the new epoch");
    assert_eq!(assigned(&r), Some(vec![]), "nothing is free yet");
    assert_eq!(g.state(), ConsumerGroupState::Reconciling);

    // a is told to keep only its half, at its old epoch.
    let r = send(&mut g, beat("a", 1, &[0, 1, 2, 3, 4, 5]), 6);
    assert_eq!(r.member_epoch, 1, "epoch unchanged until the revocation is done");
    let kept = assigned(&r).expect("a's reduced assignment");
    assert_eq!(kept.len(), 3);
    // Until a confirms, b still gets nothing.
    let r = send(&mut g, beat("b", 2, &[]), 6);
    assert_eq!(assigned(&r), None, "no change for b");
    // a confirms: it moves to epoch 2.
    let r = send(&mut g, beat("a", 1, &kept), 6);
    assert_eq!(r.member_epoch, 2);
    // Now b gets the rest.
    let r = send(&mut g, beat("b", 2, &[]), 6);
    let mut all: Vec<i32> = assigned(&r).expect("b's partitions");
    assert_eq!(all.len(), 3);
    all.extend(&kept);
    all.sort_unstable();
    assert_eq!(all, vec![0, 1, 2, 3, 4, 5]);
    assert_eq!(g.state(), ConsumerGroupState::Stable);
}

#[test]
fn stale_and_future_epochs_are_fenced_and_unknown_members_refused() {
    let mut g = ConsumerGroup::new("g");
    send(&mut g, join("a"), 2);
    assert_eq!(refused(&mut g, beat("a", 5, &[])), ErrorCode::FENCED_MEMBER_EPOCH);
    assert_eq!(refused(&mut g, beat("z", 1, &[])), ErrorCode::UNKNOWN_MEMBER_ID);
    // b joins and takes partitions; a moves to epoch 2 after revoking.
    send(&mut g, join("b"), 2);
    let r = send(&mut g, beat("a", 1, &[0, 1]), 2);
    let kept = assigned(&r).expect("a's half");
    let r = send(&mut g, beat("a", 1, &kept), 2);
    assert_eq!(r.member_epoch, 2);
    // A retried heartbeat at the previous epoch is accepted if it owns nothing it should not...
    let r = send(&mut g, beat("a", 1, &kept), 2);
    assert_eq!(r.member_epoch, 2);
    // ...but not if it claims partitions it no longer has.
    assert_eq!(refused(&mut g, beat("a", 1, &[0, 1])), ErrorCode::FENCED_MEMBER_EPOCH);
}

#[test]
fn leaving_frees_partitions_and_bumps_the_group_epoch() {
    let mut g = ConsumerGroup::new("g");
    send(&mut g, join("a"), 4);
    send(&mut g, join("b"), 4);
    let r = send(&mut g, beat("a", 1, &[0, 1, 2, 3]), 4);
    let kept = assigned(&r).expect("a's half");
    send(&mut g, beat("a", 1, &kept), 4);
    send(&mut g, beat("b", 2, &[]), 4);
    let epoch = g.group_epoch;
    let r = send(&mut g, beat("a", -1, &kept), 4);
    assert_eq!(r.member_epoch, -1);
    assert_eq!(g.group_epoch, epoch + 1);
    let r = send(&mut g, beat("b", 2, &[]), 4);
    assert_eq!(r.member_epoch, 3);
    assert_eq!(assigned(&r).map(|p| p.len()), Some(4), "b takes a's partitions at once: nobody owns them");
    assert_eq!(refused(&mut g, beat("a", 2, &[])), ErrorCode::UNKNOWN_MEMBER_ID);
}

#[test]
fn a_static_member_is_replaced_without_a_new_group_epoch() {
    let mut g = ConsumerGroup::new("g");
    let mut req = join("a1");
    req.instance_id = Some("i".into());
    let r = send(&mut g, req.clone(), 3);
    assert_eq!(assigned(&r), Some(vec![0, 1, 2]));
    // While a1 is active, its instance id is taken.
    let mut other = join("a2");
    other.instance_id = Some("i".into());
    assert_eq!(refused(&mut g, other.clone()), ErrorCode::UNRELEASED_INSTANCE_ID);
    // a1 leaves temporarily (-2): it keeps its place.
    let mut leave = beat("a1", -2, &[0, 1, 2]);
    leave.instance_id = Some("i".into());
    assert_eq!(send(&mut g, leave, 3).member_epoch, -2);
    let epoch = g.group_epoch;
    let r = send(&mut g, other, 3);
    assert_eq!(g.group_epoch, epoch, "no new group epoch");
    assert_eq!(assigned(&r), Some(vec![0, 1, 2]), "the replacement gets the same partitions");
    assert!(g.members.contains_key("a2") && !g.members.contains_key("a1"));
}

#[test]
fn new_partitions_of_a_subscribed_topic_are_assigned() {
    let mut g = ConsumerGroup::new("g");
    send(&mut g, join("a"), 2);
    let r = send(&mut g, beat("a", 1, &[0, 1]), 4);
    assert_eq!((r.member_epoch, assigned(&r)), (2, Some(vec![0, 1, 2, 3])));
}

#[test]
fn requests_are_validated_as_kafka_does() {
    let mut r = join("a");
    r.server_assignor = Some("sticky".into());
    assert_eq!(validate(&r, 1).unwrap_err().code, ErrorCode::UNSUPPORTED_ASSIGNOR);
    r.server_assignor = Some("range".into());
    assert!(validate(&r, 1).is_ok());
    assert_eq!(validate(&join(""), 1).unwrap_err().code, ErrorCode::INVALID_REQUEST);
    assert!(validate(&join(""), 0).is_ok(), "v0: the server names the member");
    let mut r = join("a");
    r.rebalance_timeout_ms = -1;
    assert_eq!(validate(&r, 1).unwrap_err().code, ErrorCode::INVALID_REQUEST);
    assert_eq!(
        validate(&beat("a", -2, &[]), 1).unwrap_err().code,
        ErrorCode::INVALID_REQUEST,
        "static leave without an instance id"
    );

    let mut g = ConsumerGroup::new("g");
    let r = g.heartbeat(&join(""), ctx(), &topics(1)).expect("v0 join").0;
    assert_eq!(r.member_id.as_deref(), Some("fresh"));
}

#[test]
fn the_range_assignor_gives_contiguous_ranges_in_member_order() {
    let mut g = ConsumerGroup::new("g");
    let mut a = join("a");
    a.server_assignor = Some("range".into());
    let mut b = join("b");
    b.server_assignor = Some("range".into());
    send(&mut g, a, 5);
    send(&mut g, b, 5);
    send(&mut g, beat("a", 1, &[0, 1, 2, 3, 4]), 5);
    assert_eq!(g.target["a"][&T].iter().copied().collect::<Vec<_>>(), vec![0, 1, 2]);
    assert_eq!(g.target["b"][&T].iter().copied().collect::<Vec<_>>(), vec![3, 4]);
}

#[test]
fn the_uniform_assignor_balances_and_keeps_partitions_where_they_are() {
    let mut g = ConsumerGroup::new("g");
    for m in ["a", "b", "c"] {
        send(&mut g, join(m), 7);
    }
    let before = g.target.clone();
    let sizes: Vec<usize> = before.values().map(|p| p[&T].len()).collect();
    assert_eq!(sizes.iter().sum::<usize>(), 7);
    assert!(sizes.iter().all(|&n| n == 2 || n == 3), "{sizes:?}");
    // A fourth member: everyone else keeps what it can.
    send(&mut g, join("d"), 7);
    for m in ["a", "b", "c"] {
        let now = &g.target[m][&T];
        assert!(now.is_subset(&before[m][&T]), "{m} only loses partitions: {now:?} vs {:?}", before[m][&T]);
    }
    assert!(g.target.values().all(|p| p.get(&T).is_some_and(|s| (1..=2).contains(&s.len()))));
}

/// Through the coordinator: sessions expire, and a member that does not revoke within its
/// rebalance timeout is fenced, so its partitions go to the others.
#[test]
fn the_coordinator_expires_sessions_and_fences_members_that_do_not_revoke() {
    use std::sync::Arc;
    use std::time::Duration;

    use tokio::sync::Notify;
    use tokio::time::Instant;

    use super::{GroupConfig, GroupCoordinator};

    let config = GroupConfig { consumer_session_timeout_ms: 6_000, ..GroupConfig::default() };
    let mut c = GroupCoordinator::new(config, Arc::new(Notify::new()));
    let t0 = Instant::now();
    let hb = |c: &mut GroupCoordinator, req: ConsumerGroupHeartbeatRequest, at: Instant| {
        c.consumer_heartbeat(&req, 1, ("c", "/127.0.0.1"), &topics(4), at)
    };
    let r = hb(&mut c, join("a"), t0);
    assert_eq!((r.error_code, r.heartbeat_interval_ms), (0, 3_000), "the interval is at most half the session");
    hb(&mut c, join("b"), t0);
    // a is asked to revoke two partitions and never confirms (it keeps heartbeating them).
    let r = hb(&mut c, beat("a", 1, &[0, 1, 2, 3]), t0);
    assert_eq!(assigned(&r).map(|p| p.len()), Some(2));
    let later = t0 + Duration::from_secs(5);
    hb(&mut c, beat("a", 1, &[0, 1, 2, 3]), later);
    hb(&mut c, beat("b", 2, &[]), later);
    // Past a's rebalance timeout (30 s) but with both sessions alive.
    let mut at = later;
    while at < t0 + Duration::from_secs(31) {
        at += Duration::from_secs(4);
        c.fire_expired(at, 0);
        hb(&mut c, beat("b", 2, &[]), at);
        if c.consumer_group("g").is_some_and(|g| !g.members.contains_key("a")) {
            break;
        }
        let r = hb(&mut c, beat("a", 1, &[0, 1, 2, 3]), at);
        assert_eq!(r.error_code, 0);
    }
    assert!(at >= t0 + Duration::from_secs(30), "a was fenced only after its rebalance timeout");
    let r = hb(&mut c, beat("a", 1, &[0, 1, 2, 3]), at);
    assert_eq!(ErrorCode(r.error_code), ErrorCode::UNKNOWN_MEMBER_ID, "a was fenced");
    let r = hb(&mut c, beat("b", 3, &[]), at);
    assert_eq!(assigned(&r).map(|p| p.len()), Some(4), "b gets everything");

    // b stops heartbeating: its session expires.
    c.fire_expired(at + Duration::from_secs(7), 0);
    assert!(c.consumer_group("g").is_some_and(|g| g.members.is_empty()));
}
