//! Pattern subscriptions: a group member subscribed to a regular expression consumes the
//! matching topics, picks up a matching topic created later (on its next metadata check),
//! leaves non-matching topics alone, and gives up a matching topic that is deleted.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use kfk_client::config::ConsumerConfig;
use kfk_client::consumer::{Consumer, ConsumerRecord};
use tests::delivery::Ledger;
use tests::produce::produce;
use tests::read::{poll_records, ReadRecord};
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn, NotYet, Ready, Wait};

/// Polls until `want` records arrived (at most 60 s).
async fn read(consumer: &Consumer, want: usize, seen: &mut Vec<ConsumerRecord>) {
    let more = want.saturating_sub(seen.len());
    seen.extend(poll_records(consumer, more, Duration::from_secs(60)).await);
}

#[tokio::test]
async fn a_pattern_subscription_picks_up_new_matching_topics() {
    pattern_subscription("classic").await;
}

#[tokio::test]
async fn a_pattern_subscription_under_the_consumer_protocol_picks_up_new_matching_topics() {
    pattern_subscription("consumer").await;
}

async fn pattern_subscription(protocol: &str) {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if !conn.offers_group_protocol(protocol) {
        kfk_stub::skip_test!("this broker does not offer the {protocol} group protocol");
        return;
    }
    // Topic names from unique_topic hold only [a-z0-9-]: no regex escaping needed.
    let prefix = unique_topic("pattern");
    let first = format!("{prefix}-first");
    let later = format!("{prefix}-later");
    let other = format!("other-{prefix}-first");
    create_topic(&mut conn, &first, 2).await;
    create_topic(&mut conn, &other, 1).await;
    let mut ledgers: BTreeMap<String, Ledger> = BTreeMap::new();
    produce(&backend.bootstrap, &first, 200, ledgers.entry(first.clone()).or_default()).await;
    produce(&backend.bootstrap, &other, 50, ledgers.entry(other.clone()).or_default()).await;

    let group = unique_topic("pattern-g");
    let mut properties = vec![
        ("bootstrap.servers", backend.bootstrap.as_str()),
        ("group.id", group.as_str()),
        ("group.protocol", protocol),
        ("auto.offset.reset", "earliest"),
        ("metadata.max.age.ms", "1000"),
        ("fetch.max.wait.ms", "100"),
    ];
    if protocol == "classic" {
        properties.push(("heartbeat.interval.ms", "500"));
    }
    let consumer = Consumer::new(ConsumerConfig::from_properties(properties).expect("config")).expect("consumer");
    consumer.subscribe_pattern(&format!("{prefix}-.*")).expect("subscribe");
    let mut seen = Vec::new();
    read(&consumer, 200, &mut seen).await;

    // A new matching topic: the member notices it within a metadata refresh and rejoins.
    create_topic(&mut conn, &later, 3).await;
    produce(&backend.bootstrap, &later, 300, ledgers.entry(later.clone()).or_default()).await;
    read(&consumer, 500, &mut seen).await;
    // Anything unexpected (the non-matching topic, a duplicate) would arrive meanwhile.
    for _ in 0..5 {
        seen.extend(consumer.poll(Duration::from_millis(200)).await.expect("poll"));
    }

    let topics: BTreeSet<&str> = seen.iter().map(|r| &*r.topic).collect();
    assert_eq!(topics, BTreeSet::from([first.as_str(), later.as_str()]), "only the matching topics are read");
    let assigned: BTreeSet<String> = consumer.assignment().iter().map(|tp| tp.to_string()).collect();
    assert_eq!(assigned.len(), 5, "both matching topics' partitions are assigned: {assigned:?}");
    for topic in [&first, &later] {
        let reads: Vec<ReadRecord> =
            seen.iter().filter(|r| &*r.topic == topic.as_str()).map(ReadRecord::from).collect();
        let report = ledgers[topic].check(&reads);
        assert!(report.is_clean(), "{topic}: {report}");
    }

    // A deleted matching topic leaves the subscription: its partitions are given up on the
    // next metadata check, polling goes on without an error, and the rest is still read.
    let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", backend.bootstrap.as_str())]).expect("admin");
    let deleted = admin.delete_topics([first.as_str()], kfk_admin::DeleteTopicsOptions::default()).await;
    assert!(deleted.values().all(Result::is_ok), "{deleted:?}");
    Wait::new(format!("{first} unassigned after its deletion"), Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            let assigned = consumer.assignment();
            if !assigned.iter().any(|tp| *tp.topic == *first) {
                return Ready(());
            }
            seen.extend(consumer.poll(Duration::from_millis(200)).await.expect("poll goes on after a deletion"));
            NotYet(assigned)
        })
        .await;
    produce(&backend.bootstrap, &later, 100, ledgers.entry(later.clone()).or_default()).await;
    read(&consumer, 600, &mut seen).await;
    let assigned: BTreeSet<String> = consumer.assignment().iter().map(|tp| tp.to_string()).collect();
    assert_eq!(assigned.len(), 3, "only the remaining topic's partitions: {assigned:?}");
    consumer.close().await;
}

#[tokio::test]
async fn an_invalid_pattern_is_a_config_error() {
    let backend = Backend::from_env().await;
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some("g".into());
    let consumer = Consumer::new(config).expect("consumer");
    let err = consumer.subscribe_pattern("orders-(").unwrap_err();
    assert!(err.to_string().contains("regular expression"), "{err}");
}
