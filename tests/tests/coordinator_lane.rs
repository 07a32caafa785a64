//! Coordinator traffic never queues behind a Fetch the broker holds.
//!
//! A broker answers the requests of one connection in order, and holds a Fetch on idle
//! partitions for up to `fetch.max.wait.ms`. Here the group coordinator also leads the partitions
//! the consumer fetches, the partitions are idle, and `fetch.max.wait.ms` is 2 s: a commit must
//! still take about one round trip, and heartbeats must keep their interval. Sharing one
//! connection per broker made each commit wait for the Fetch in front of it (commit-after-poll
//! loops ran 20-40 times slower).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use kfk_client::config::{ConsumerConfig, OffsetReset};
use kfk_client::consumer::Consumer;
use kfk_client::group::GroupProtocol;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn, NotYet, Ready, Wait};
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::Layer;

const FETCH_MAX_WAIT: Duration = Duration::from_secs(2);
const HEARTBEAT_INTERVAL: Duration = Duration::from_millis(250);

/// Requests the client logged: (API, when the event was seen).
#[derive(Clone, Default)]
struct Requests(Arc<Mutex<Vec<(String, Instant)>>>);

impl Requests {
    fn since(&self, api: &str, from: Instant) -> Vec<Instant> {
        let seen = self.0.lock().unwrap_or_else(|p| p.into_inner());
        seen.iter().filter(|(a, at)| a == api && *at >= from).map(|(_, at)| *at).collect()
    }
}

/// Records the connection layer's per-request events (`api = Heartbeat`, message `request`).
impl<S: tracing::Subscriber> Layer<S> for Requests {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if !event.metadata().target().starts_with("kfk_client::net") {
            return;
        }
        #[derive(Default)]
        struct Fields {
            api: Option<String>,
            message: Option<String>,
        }
        impl Visit for Fields {
            fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
                match field.name() {
                    "api" => self.api = Some(format!("{value:?}")),
                    "message" => self.message = Some(format!("{value:?}")),
                    _ => {}
                }
            }
        }
        let mut fields = Fields::default();
        event.record(&mut fields);
        if let (Some(api), Some("request")) = (fields.api, fields.message.as_deref()) {
            self.0.lock().unwrap_or_else(|p| p.into_inner()).push((api, Instant::now()));
        }
    }
}

fn consumer(backend: &Backend, group: &str, protocol: GroupProtocol) -> Consumer {
    let mut config = ConsumerConfig::new(&backend.bootstrap);
    config.group_id = Some(group.to_string());
    config.auto_offset_reset = OffsetReset::Earliest;
    config.fetch_max_wait = FETCH_MAX_WAIT;
    config.group.protocol = protocol;
    config.group.enable_auto_commit = false;
    config.group.heartbeat_interval = HEARTBEAT_INTERVAL;
    config.group.session_timeout = Duration::from_secs(10);
    Consumer::new(config).expect("consumer")
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// Runs with the request recorder as this thread's subscriber: `#[tokio::test]` runs every task
/// of the test, the connection tasks included, on this thread.
async fn commits_and_heartbeats_do_not_wait_for_fetches(protocol: GroupProtocol) {
    let requests = Requests::default();
    let subscriber =
        tracing_subscriber::registry().with(requests.clone().with_filter(
            tracing_subscriber::filter::Targets::new().with_target("kfk_client::net", tracing::Level::DEBUG),
        ));
    let _guard = tracing::subscriber::set_default(subscriber);

    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    if protocol == GroupProtocol::Consumer && !conn.offers_group_protocol("consumer") {
        kfk_stub::skip_test!("this broker does not offer the consumer group protocol");
        return;
    }
    let topic = unique_topic("coordinator-lane");
    // Leaders go round the brokers, so on a cluster of up to six the coordinator leads some of
    // the partitions fetched; on one broker it leads them all.
    create_topic(&mut conn, &topic, 6).await;
    let group = unique_topic("coordinator-lane-group");

    // One round trip to the coordinator, measured while nothing else is in flight: committed
    // offsets asked by a consumer that fetches nothing.
    let idle = consumer(&backend, &group, protocol);
    idle.committed(&[(&topic, 0)]).await.expect("warm up: find the coordinator and connect");
    let mut samples = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        idle.committed(&[(&topic, 0)]).await.expect("committed");
        samples.push(started.elapsed());
    }
    idle.close().await;
    let round_trip = median(samples);
    // A small multiple of the round trip (with a floor for scheduling noise), and never near
    // the Fetch wait: waiting behind one Fetch costs up to 2 s.
    let bound = (round_trip * 10).max(Duration::from_millis(150)).min(FETCH_MAX_WAIT / 4);

    let member = consumer(&backend, &group, protocol);
    member.subscribe([&topic]).expect("subscribe");
    Wait::new("all 6 partitions assigned to the member", Duration::from_secs(60))
        .every(Duration::ZERO)
        .until(async || {
            if member.assignment().len() >= 6 {
                return Ready(());
            }
            let records = member.poll(Duration::from_millis(200)).await.expect("poll");
            assert!(records.is_empty(), "the topic is empty");
            NotYet(member.assignment())
        })
        .await;
    // The partitions are idle: from now on a Fetch is held by the broker nearly all the time.
    let first = member.poll(FETCH_MAX_WAIT).await.expect("poll");
    assert!(first.is_empty());

    let window = Instant::now();
    let mut commits = Vec::new();
    for round in 0..8 {
        let offsets: Vec<(&str, i32, i64)> = (0..6).map(|p| (topic.as_str(), p, 0)).collect();
        let started = Instant::now();
        member.commit_offsets(&offsets).await.unwrap_or_else(|e| panic!("commit {round}: {e}"));
        commits.push(started.elapsed());
        // Let the fetcher put a fresh Fetch in front of the next commit.
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let slowest = commits.iter().max().copied().unwrap_or_default();
    let typical = median(commits.clone());
    assert!(
        typical <= bound,
        "commits took {typical:?} (median; slowest {slowest:?}) with a Fetch held for up to {FETCH_MAX_WAIT:?}; \
         one round trip to the coordinator is {round_trip:?}, so a commit should take at most {bound:?}: \
         {commits:?}"
    );

    if protocol == GroupProtocol::Classic {
        // Heartbeats go out every 250 ms; had they queued behind 2 s Fetches, about one would
        // have gone out per Fetch.
        let observed = window.elapsed();
        let beats = requests.since("Heartbeat", window);
        let expected = (observed.as_millis() / HEARTBEAT_INTERVAL.as_millis()) as usize;
        assert!(
            beats.len() * 2 >= expected,
            "{} heartbeats in {observed:?} at an interval of {HEARTBEAT_INTERVAL:?} (about {expected} expected)",
            beats.len()
        );
        let longest_gap = beats.windows(2).map(|w| w[1] - w[0]).max().unwrap_or_default();
        assert!(
            longest_gap < FETCH_MAX_WAIT / 2,
            "heartbeats stalled for {longest_gap:?} (interval {HEARTBEAT_INTERVAL:?}) behind Fetches"
        );
    }
    member.close().await;
}

#[tokio::test]
async fn classic_commits_and_heartbeats_do_not_wait_for_fetches() {
    commits_and_heartbeats_do_not_wait_for_fetches(GroupProtocol::Classic).await;
}

#[tokio::test]
async fn consumer_protocol_commits_do_not_wait_for_fetches() {
    commits_and_heartbeats_do_not_wait_for_fetches(GroupProtocol::Consumer).await;
}
