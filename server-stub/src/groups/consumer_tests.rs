//! The consumer group state machine, heartbeat by heartbeat: revocation before assignment,
//! epochs, fencing, static membership, the assignors and regex subscriptions.

use std::collections::BTreeMap;

use kfk_protocol::messages::consumer_group_heartbeat::request::TopicPartitions;
use kfk_protocol::messages::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kfk_protocol::{ErrorCode, Uuid};

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

// ---- Regex subscriptions (SubscribedTopicRegex, KIP-848) ------------------------------------

const ORDERS_EU: Uuid = Uuid::from_u128(21);
const ORDERS_US: Uuid = Uuid::from_u128(22);
const PAYMENTS: Uuid = Uuid::from_u128(23);
const OTHER: Uuid = Uuid::from_u128(24);

/// A cluster's topics: name, id, partition count.
fn view(topics: &[(&str, Uuid, i32)]) -> TopicsView {
    topics.iter().map(|&(name, id, n)| (name.to_owned(), (id, n))).collect()
}

/// A join subscribing by regex only.
fn join_regex(member: &str, regex: &str) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest {
        subscribed_topic_names: None,
        subscribed_topic_regex: Some(regex.into()),
        ..join(member)
    }
}

/// A heartbeat reporting what the member owns, per topic.
fn beat_owning(member: &str, epoch: i32, owned: &[(Uuid, &[i32])]) -> ConsumerGroupHeartbeatRequest {
    ConsumerGroupHeartbeatRequest {
        topic_partitions: Some(
            owned
                .iter()
                .map(|&(topic_id, ps)| TopicPartitions { topic_id, partitions: ps.to_vec(), ..Default::default() })
                .collect(),
        ),
        ..beat(member, epoch, &[])
    }
}

fn send_to(
    g: &mut ConsumerGroup,
    req: ConsumerGroupHeartbeatRequest,
    topics: &TopicsView,
) -> ConsumerGroupHeartbeatResponse {
    validate(&req, 1).expect("valid");
    g.heartbeat(&req, ctx(), topics).expect("accepted").0
}

/// The response's assignment by topic (`None`: no assignment sent).
fn assigned_by_topic(r: &ConsumerGroupHeartbeatResponse) -> Option<BTreeMap<Uuid, Vec<i32>>> {
    r.assignment.as_ref().map(|a| {
        a.topic_partitions
            .iter()
            .filter(|t| !t.partitions.is_empty())
            .map(|t| (t.topic_id, t.partitions.clone()))
            .collect()
    })
}

fn target_of(g: &ConsumerGroup, member: &str) -> BTreeMap<Uuid, Vec<i32>> {
    g.target[member].iter().map(|(t, ps)| (*t, ps.iter().copied().collect())).collect()
}

#[test]
fn a_regex_member_gets_the_partitions_of_the_topics_its_regex_matches_whole_and_no_others() {
    let topics = view(&[
        ("orders-eu", ORDERS_EU, 3),
        ("orders-us", ORDERS_US, 2),
        ("payments", PAYMENTS, 2),
        // Contains a match, but the regex must match the whole name.
        ("x-orders-eu", OTHER, 1),
    ]);
    let mut g = ConsumerGroup::new("g");
    let r = send_to(&mut g, join_regex("a", "orders-.*"), &topics);
    assert_eq!(r.member_epoch, 1);
    let expected: BTreeMap<Uuid, Vec<i32>> =
        [(ORDERS_EU, vec![0, 1, 2]), (ORDERS_US, vec![0, 1])].into_iter().collect();
    assert_eq!(assigned_by_topic(&r), Some(expected));
    assert_eq!(g.members["a"].subscribed, vec!["orders-eu".to_owned(), "orders-us".to_owned()]);
    assert!(g.is_subscribed_to("orders-us") && !g.is_subscribed_to("payments") && !g.is_subscribed_to("x-orders-eu"));

    // Internal topics never match, not even `.*`.
    let topics = view(&[("__consumer_offsets", OTHER, 50), ("payments", PAYMENTS, 2)]);
    let mut g = ConsumerGroup::new("g2");
    let r = send_to(&mut g, join_regex("a", ".*"), &topics);
    let expected: BTreeMap<Uuid, Vec<i32>> = [(PAYMENTS, vec![0, 1])].into_iter().collect();
    assert_eq!(assigned_by_topic(&r), Some(expected));
}

#[test]
fn a_topic_created_later_that_the_regex_matches_is_assigned_at_a_new_group_epoch() {
    let before = view(&[("orders-eu", ORDERS_EU, 2), ("payments", PAYMENTS, 1)]);
    let mut g = ConsumerGroup::new("g");
    let r = send_to(&mut g, join_regex("a", "orders-.*"), &before);
    assert_eq!((g.group_epoch, r.member_epoch), (1, 1));
    // Nothing changed: no new epoch, no new assignment.
    let r = send_to(&mut g, beat_owning("a", 1, &[(ORDERS_EU, &[0, 1])]), &before);
    assert_eq!((g.group_epoch, r.member_epoch, assigned_by_topic(&r)), (1, 1, None));

    // orders-us is created (and an unrelated topic): the next heartbeat sees it.
    let after = view(&[
        ("orders-eu", ORDERS_EU, 2),
        ("orders-us", ORDERS_US, 3),
        ("payments", PAYMENTS, 1),
        ("misc", OTHER, 1),
    ]);
    let r = send_to(&mut g, beat_owning("a", 1, &[(ORDERS_EU, &[0, 1])]), &after);
    assert_eq!(g.group_epoch, 2, "the resolved subscription changed");
    assert_eq!(r.member_epoch, 2);
    let expected: BTreeMap<Uuid, Vec<i32>> =
        [(ORDERS_EU, vec![0, 1]), (ORDERS_US, vec![0, 1, 2])].into_iter().collect();
    assert_eq!(assigned_by_topic(&r), Some(expected));

    // orders-eu is deleted: it leaves the subscription, at another epoch.
    let later = view(&[("orders-us", ORDERS_US, 3), ("payments", PAYMENTS, 1)]);
    let r = send_to(&mut g, beat_owning("a", 2, &[(ORDERS_EU, &[0, 1]), (ORDERS_US, &[0, 1, 2])]), &later);
    assert_eq!(g.group_epoch, 3);
    assert_eq!(g.members["a"].subscribed, vec!["orders-us".to_owned()]);
    assert_eq!(target_of(&g, "a"), [(ORDERS_US, vec![0, 1, 2])].into_iter().collect());
    assert_eq!(r.member_epoch, 2, "a must first give up orders-eu");
}

#[test]
fn an_invalid_regex_is_refused_with_invalid_regular_expression_and_changes_nothing() {
    let topics = view(&[("orders-eu", ORDERS_EU, 2)]);
    assert!(validate(&join_regex("a", "orders-.*"), 1).is_ok(), "a regex is a valid subscription");
    let mut g = ConsumerGroup::new("g");
    for bad in ["orders-(", ")(", "*"] {
        let e = g.heartbeat(&join_regex("a", bad), ctx(), &topics).expect_err("refused");
        assert_eq!(e.code, ErrorCode::INVALID_REGULAR_EXPRESSION, "{bad}");
        assert!(
            e.message.starts_with(&format!("SubscribedTopicRegex `{bad}` is not a valid regular expression: ")),
            "{}",
            e.message
        );
        assert!(g.members.is_empty() && g.group_epoch == 0, "a refused join leaves no member");
    }

    // A member changing to an invalid regex is refused and keeps its subscription.
    send_to(&mut g, join_regex("a", "orders-.*"), &topics);
    let mut change = beat_owning("a", 1, &[(ORDERS_EU, &[0, 1])]);
    change.subscribed_topic_regex = Some("orders-[".into());
    let e = g.heartbeat(&change, ctx(), &topics).expect_err("refused");
    assert_eq!(e.code, ErrorCode::INVALID_REGULAR_EXPRESSION);
    assert_eq!(g.members["a"].subscribed_regex.as_ref().map(|r| r.pattern.as_str()), Some("orders-.*"));
    assert_eq!(g.group_epoch, 1);

    // Through the coordinator: the response carries code 128 and the message.
    use std::sync::Arc;
    use tokio::sync::Notify;
    use tokio::time::Instant;
    let mut c = super::GroupCoordinator::new(super::GroupConfig::default(), Arc::new(Notify::new()));
    let r = c.consumer_heartbeat(&join_regex("a", "orders-("), 1, ("c", "/127.0.0.1"), &topics, Instant::now());
    assert_eq!(ErrorCode(r.error_code), ErrorCode::INVALID_REGULAR_EXPRESSION);
    assert!(r.error_message.is_some_and(|m| m.contains("orders-(")));
    assert!(c.consumer_group("g").is_none(), "no group left behind");
}

#[test]
fn members_by_names_and_by_regex_share_the_union_of_their_subscriptions() {
    let topics = view(&[
        ("orders-eu", ORDERS_EU, 2),
        ("orders-us", ORDERS_US, 2),
        ("payments", PAYMENTS, 2),
        ("misc", OTHER, 2),
    ]);
    let mut g = ConsumerGroup::new("g");
    let mut by_names = join("a");
    by_names.subscribed_topic_names = Some(vec!["payments".into(), "orders-eu".into()]);
    send_to(&mut g, by_names, &topics);
    send_to(&mut g, join_regex("b", "orders-.*"), &topics);

    let a = target_of(&g, "a");
    let b = target_of(&g, "b");
    assert_eq!(a.get(&PAYMENTS), Some(&vec![0, 1]), "only a subscribes to payments");
    assert_eq!(b.get(&ORDERS_US), Some(&vec![0, 1]), "only b's regex matches orders-us");
    assert!(!a.contains_key(&ORDERS_US) && !b.contains_key(&PAYMENTS));
    // orders-eu is in both subscriptions: each partition goes to one of them.
    let mut eu: Vec<i32> = a.get(&ORDERS_EU).into_iter().chain(b.get(&ORDERS_EU)).flatten().copied().collect();
    eu.sort_unstable();
    assert_eq!(eu, vec![0, 1]);
    // Nobody subscribes to misc.
    assert!(g.target.values().all(|p| !p.contains_key(&OTHER)));
    assert!(!g.is_subscribed_to("misc"));

    // A member with both names and a regex subscribes to their union.
    let mut both = join("c");
    both.subscribed_topic_names = Some(vec!["misc".into()]);
    both.subscribed_topic_regex = Some("orders-us".into());
    send_to(&mut g, both, &topics);
    assert_eq!(g.members["c"].subscribed, vec!["misc".to_owned(), "orders-us".to_owned()]);
    assert_eq!(target_of(&g, "c").get(&OTHER), Some(&vec![0, 1]), "c alone subscribes to misc");
}

#[test]
fn changing_or_clearing_the_regex_changes_the_subscription() {
    let topics = view(&[("orders-eu", ORDERS_EU, 2), ("payments", PAYMENTS, 1)]);
    let mut g = ConsumerGroup::new("g");
    send_to(&mut g, join_regex("a", "orders-.*"), &topics);
    assert_eq!(target_of(&g, "a"), [(ORDERS_EU, vec![0, 1])].into_iter().collect());

    // A new regex: orders-eu is revoked, then payments assigned.
    let mut change = beat_owning("a", 1, &[(ORDERS_EU, &[0, 1])]);
    change.subscribed_topic_regex = Some("pay.*".into());
    let r = send_to(&mut g, change, &topics);
    assert_eq!(g.group_epoch, 2);
    assert_eq!((r.member_epoch, assigned_by_topic(&r)), (1, Some(BTreeMap::new())), "revoke orders-eu first");
    let r = send_to(&mut g, beat_owning("a", 1, &[]), &topics);
    assert_eq!((r.member_epoch, assigned_by_topic(&r)), (2, Some([(PAYMENTS, vec![0])].into_iter().collect())));

    // The same regex again changes nothing.
    let mut same = beat_owning("a", 2, &[(PAYMENTS, &[0])]);
    same.subscribed_topic_regex = Some("pay.*".into());
    send_to(&mut g, same, &topics);
    assert_eq!(g.group_epoch, 2);

    // An empty regex clears it: a subscribes to nothing.
    let mut clear = beat_owning("a", 2, &[(PAYMENTS, &[0])]);
    clear.subscribed_topic_regex = Some(String::new());
    send_to(&mut g, clear, &topics);
    assert_eq!(g.group_epoch, 3);
    assert!(g.members["a"].subscribed_regex.is_none() && g.members["a"].subscribed.is_empty());
    assert!(target_of(&g, "a").is_empty());
}

/// Through the broker: a topic created in the cluster reaches a regex member at its next
/// heartbeat, and ConsumerGroupDescribe reports the member's regex.
#[tokio::test]
async fn through_the_broker_a_created_topic_reaches_a_regex_member_and_describe_shows_the_regex() {
    use std::collections::HashMap;

    use kfk_protocol::messages::ConsumerGroupDescribeRequest;

    use crate::handlers::consumer_group;
    use crate::handlers::Ctx;
    use crate::state::{Config, Shared};

    let config = Config::for_tests(1);
    let shared = Shared::new(config, vec![0]);
    let create = |name: &str, partitions: i32| {
        let mut state = shared.state();
        let assignment = state.default_assignment(0, partitions, 1);
        state.create_topic(name, assignment, Default::default(), 1 << 20)
    };
    let ctx = || Ctx {
        broker: 0,
        version: 1,
        client_id: "c".into(),
        client_host: "/127.0.0.1".into(),
        client_port: 0,
        client_software: None,
        listener: 0,
        principal: String::new(),
        acls: None,
        partition_faults: HashMap::new(),
    };
    let eu = create("orders-eu", 2);
    create("payments", 1);

    let r = consumer_group::heartbeat(&shared, &ctx(), join_regex("a", "orders-.*"));
    assert_eq!((r.error_code, r.member_epoch), (0, 1));
    assert_eq!(assigned_by_topic(&r), Some([(eu, vec![0, 1])].into_iter().collect()));

    let us = create("orders-us", 2);
    let r = consumer_group::heartbeat(&shared, &ctx(), beat_owning("a", 1, &[(eu, &[0, 1])]));
    assert_eq!((r.error_code, r.member_epoch), (0, 2), "the new topic moved the group epoch");
    assert_eq!(assigned_by_topic(&r), Some([(eu, vec![0, 1]), (us, vec![0, 1])].into_iter().collect()));

    let d = consumer_group::describe(
        &shared,
        &ctx(),
        ConsumerGroupDescribeRequest { group_ids: vec!["g".into()], ..Default::default() },
    );
    let group = &d.groups[0];
    assert_eq!((group.error_code, group.group_epoch), (0, 2));
    let member = &group.members[0];
    assert_eq!(member.subscribed_topic_regex.as_deref(), Some("orders-.*"));
    assert!(member.subscribed_topic_names.is_empty());
}
