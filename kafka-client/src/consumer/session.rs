//! The client side of one broker's fetch session (KIP-227).
//!
//! A fetch session lets the broker remember which partitions a consumer fetches and from where,
//! so that later requests name only what changed ("incremental" fetches) and responses carry
//! only partitions with something new. One [`FetchSession`] per broker, owned by the fetcher:
//!
//! - **Full** request (epoch 0): every wanted partition, the session id 0 (or the id of a session
//!   to close and replace). A response with a non-zero session id opens the session at epoch 1;
//!   a zero id means the broker keeps none (its cache is full), so the next request is full too.
//! - **Incremental** request (the session's id, its next epoch): partitions added to the wanted
//!   set or whose fetch parameters changed, and `forgotten_topics_data` for partitions no longer
//!   wanted (unassigned, paused, moved to another leader, waiting for a position).
//! - Any failure (a transport error, `FETCH_SESSION_ID_NOT_FOUND`, `INVALID_FETCH_SESSION_EPOCH`,
//!   an unexpected session id) makes the next request full again: the broker's view is then
//!   unknown. `INVALID_FETCH_SESSION_EPOCH` and transport errors close the old session with it
//!   (full request naming its id), as the Java client does.
//!
//! What was sent is recorded when a request is built: a request either reaches the broker in
//! that state or fails, and a failure resets the session. Brokers older than Fetch v7 have no
//! sessions; every request is then full and sessionless (epoch -1).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic, ForgottenTopic};
use kfk_protocol::{ErrorCode, Uuid};

use crate::types::TopicPartition;

/// The epoch of a full request that opens a session.
const INITIAL_EPOCH: i32 = 0;
/// The epoch of a sessionless request (or one that closes its session).
const FINAL_EPOCH: i32 = -1;
/// The first Fetch version with sessions.
const SESSIONS_SINCE: i16 = 7;
/// The first Fetch version that names topics by id.
pub(crate) const TOPIC_IDS_SINCE: i16 = 13;

/// How the consumer's Fetch requests went, over all brokers: a diagnostic (and what tests use
/// to see that sessions are in use).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FetchStats {
    /// Fetch requests sent.
    pub requests: u64,
    /// Of those, incremental ones (within a fetch session).
    pub incremental: u64,
    /// Sessions dropped after an error (the next request to that broker was full again).
    pub session_resets: u64,
    /// Partition fetches sent to a preferred read replica (a follower in `client.rack`,
    /// KIP-392) instead of the leader.
    pub follower_fetches: u64,
}

/// The counters behind [`FetchStats`], updated by the fetcher.
#[derive(Debug, Default)]
pub(crate) struct FetchCounters {
    pub(crate) requests: AtomicU64,
    pub(crate) incremental: AtomicU64,
    pub(crate) session_resets: AtomicU64,
    pub(crate) follower_fetches: AtomicU64,
}

impl FetchCounters {
    pub(crate) fn snapshot(&self) -> FetchStats {
        FetchStats {
            requests: self.requests.load(Ordering::Relaxed),
            incremental: self.incremental.load(Ordering::Relaxed),
            session_resets: self.session_resets.load(Ordering::Relaxed),
            follower_fetches: self.follower_fetches.load(Ordering::Relaxed),
        }
    }
}

/// What the fetcher wants from one partition in the next request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wanted {
    pub(crate) tp: TopicPartition,
    pub(crate) topic_id: Uuid,
    pub(crate) fetch_offset: i64,
    pub(crate) current_leader_epoch: i32,
    pub(crate) last_fetched_epoch: i32,
    pub(crate) partition_max_bytes: i32,
}

impl Wanted {
    fn to_partition(&self) -> FetchPartition {
        FetchPartition {
            partition: self.tp.partition,
            fetch_offset: self.fetch_offset,
            current_leader_epoch: self.current_leader_epoch,
            last_fetched_epoch: self.last_fetched_epoch,
            log_start_offset: -1,
            partition_max_bytes: self.partition_max_bytes,
            ..Default::default()
        }
    }
}

/// The session fields and partitions of one request, as [`FetchSession::build`] decided them.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    pub(crate) session_id: i32,
    pub(crate) session_epoch: i32,
    /// Whether the request is full (every wanted partition named).
    pub(crate) full: bool,
    pub(crate) topics: Vec<FetchTopic>,
    pub(crate) forgotten: Vec<ForgottenTopic>,
    /// Topic ids to names, for a response that names topics by id.
    pub(crate) names: HashMap<Uuid, std::sync::Arc<str>>,
}

/// What the next request must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// Full, opening a new session (closing `close`, when non-zero).
    Full { close: i32 },
    /// Incremental within the open session.
    Incremental { id: i32, epoch: i32 },
}

/// One broker's fetch session, as the client knows it.
#[derive(Debug)]
pub(crate) struct FetchSession {
    next: Next,
    /// The partitions the broker's session holds, with what it was last told about each.
    partitions: HashMap<TopicPartition, Wanted>,
    /// Incremental requests sent so far (for tests and tracing).
    incremental_requests: u64,
}

impl Default for FetchSession {
    fn default() -> Self {
        FetchSession { next: Next::Full { close: 0 }, partitions: HashMap::new(), incremental_requests: 0 }
    }
}

impl FetchSession {
    /// The session id the broker gave, or 0.
    pub(crate) fn id(&self) -> i32 {
        match self.next {
            Next::Incremental { id, .. } => id,
            Next::Full { .. } => 0,
        }
    }

    /// Incremental requests built so far.
    #[cfg(test)]
    pub(crate) fn incremental_requests(&self) -> u64 {
        self.incremental_requests
    }

    /// The request for `wanted` at Fetch `version`, recording it as the broker's new view.
    /// `use_ids`: topics go by id (v13+; every wanted topic has one).
    pub(crate) fn build(&mut self, wanted: Vec<Wanted>, version: i16) -> Plan {
        let use_ids = version >= TOPIC_IDS_SINCE;
        let mut plan = Plan::default();
        let mut send: Vec<&Wanted> = Vec::new();
        let mut forgotten: Vec<TopicPartition> = Vec::new();
        match self.next {
            Next::Full { close } if version >= SESSIONS_SINCE => {
                plan.full = true;
                plan.session_id = close;
                plan.session_epoch = INITIAL_EPOCH;
            }
            Next::Full { .. } => {
                plan.full = true;
                plan.session_epoch = FINAL_EPOCH;
            }
            Next::Incremental { id, epoch } => {
                plan.session_id = id;
                plan.session_epoch = epoch;
                self.incremental_requests += 1;
            }
        }
        if plan.full {
            send.extend(wanted.iter());
        } else {
            for w in &wanted {
                match self.partitions.get(&w.tp) {
                    Some(known) if known == w => {}
                    // A topic recreated under the same name: the broker's session still holds
                    // the old id, which must go (or it keeps answering for it).
                    Some(known) if use_ids && known.topic_id != w.topic_id => {
                        forgotten.push(w.tp.clone());
                        send.push(w);
                    }
                    _ => send.push(w),
                }
            }
            for tp in self.partitions.keys() {
                if !wanted.iter().any(|w| &w.tp == tp) {
                    forgotten.push(tp.clone());
                }
            }
            forgotten.sort();
        }
        for w in &send {
            let topic = match plan.topics.iter_mut().find(|t| {
                if use_ids {
                    t.topic_id == w.topic_id
                } else {
                    t.topic.as_str() == &*w.tp.topic
                }
            }) {
                Some(t) => t,
                None => {
                    plan.topics.push(FetchTopic {
                        topic: if use_ids { String::new() } else { w.tp.topic.to_string() },
                        topic_id: if use_ids { w.topic_id } else { Uuid::ZERO },
                        ..Default::default()
                    });
                    plan.topics.last_mut().expect("a topic was just pushed")
                }
            };
            topic.partitions.push(w.to_partition());
        }
        for tp in &forgotten {
            let id = self.partitions.get(tp).map(|w| w.topic_id).unwrap_or_default();
            let entry = match plan.forgotten.iter_mut().find(|f| {
                if use_ids {
                    f.topic_id == id
                } else {
                    f.topic.as_str() == &*tp.topic
                }
            }) {
                Some(f) => f,
                None => {
                    plan.forgotten.push(ForgottenTopic {
                        topic: if use_ids { String::new() } else { tp.topic.to_string() },
                        topic_id: if use_ids { id } else { Uuid::ZERO },
                        ..Default::default()
                    });
                    plan.forgotten.last_mut().expect("a topic was just pushed")
                }
            };
            entry.partitions.push(tp.partition);
        }
        for w in self.partitions.values().chain(wanted.iter()) {
            plan.names.insert(w.topic_id, w.tp.topic.clone());
        }
        self.partitions = wanted.into_iter().map(|w| (w.tp.clone(), w)).collect();
        plan
    }

    /// Takes the response's top-level error code and session id. Returns whether the response's
    /// partitions can be used (false: the session is reset and the request's partitions must be
    /// fetched again).
    pub(crate) fn on_response(&mut self, plan: &Plan, error: ErrorCode, session_id: i32) -> bool {
        match error {
            ErrorCode::NONE => {}
            ErrorCode::FETCH_SESSION_ID_NOT_FOUND => {
                self.reset(0);
                return false;
            }
            _ => {
                // INVALID_FETCH_SESSION_EPOCH and anything else: close it and start over.
                self.reset(plan.session_id);
                return false;
            }
        }
        if plan.session_epoch == FINAL_EPOCH {
            return true; // sessionless: stays that way
        }
        if plan.full {
            self.next = if session_id == 0 {
                Next::Full { close: 0 }
            } else {
                Next::Incremental { id: session_id, epoch: next_epoch(INITIAL_EPOCH) }
            };
            return true;
        }
        if session_id != plan.session_id {
            self.reset(0);
            return false;
        }
        self.next = Next::Incremental { id: plan.session_id, epoch: next_epoch(plan.session_epoch) };
        true
    }

    /// The request failed without an answer (or the answer was unusable): start over with a
    /// full request, closing the session the broker may still hold.
    pub(crate) fn on_error(&mut self) {
        let id = self.id();
        self.reset(id);
    }

    fn reset(&mut self, close: i32) {
        self.next = Next::Full { close };
        self.partitions.clear();
    }
}

/// The epoch after `epoch`: 1 follows `i32::MAX` (0 is the initial epoch, -1 the final one).
fn next_epoch(epoch: i32) -> i32 {
    if epoch == i32::MAX {
        1
    } else {
        epoch + 1
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    fn want(topic: &str, partition: i32, offset: i64) -> Wanted {
        Wanted {
            tp: TopicPartition::new(topic, partition),
            topic_id: Uuid::from_u128(topic.len() as u128 + 1),
            fetch_offset: offset,
            current_leader_epoch: -1,
            last_fetched_epoch: -1,
            partition_max_bytes: 1024,
        }
    }

    fn sent(plan: &Plan) -> Vec<(String, i32, i64)> {
        let mut v: Vec<(String, i32, i64)> = plan
            .topics
            .iter()
            .flat_map(|t| {
                let name = if t.topic.is_empty() { plan.names[&t.topic_id].to_string() } else { t.topic.clone() };
                t.partitions.iter().map(move |p| (name.clone(), p.partition, p.fetch_offset))
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn full_then_incremental_with_only_what_changed() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5), want("a", 1, 7), want("bb", 0, 1)], 12);
        assert!(plan.full);
        assert_eq!((plan.session_id, plan.session_epoch), (0, 0));
        assert_eq!(sent(&plan).len(), 3);
        assert!(session.on_response(&plan, ErrorCode::NONE, 42));

        // a-0 moved on, a-1 unchanged, bb-0 no longer wanted, bb-1 new.
        let plan = session.build(vec![want("a", 0, 9), want("a", 1, 7), want("bb", 1, 0)], 12);
        assert!(!plan.full);
        assert_eq!((plan.session_id, plan.session_epoch), (42, 1));
        assert_eq!(sent(&plan), vec![("a".into(), 0, 9), ("bb".into(), 1, 0)]);
        assert_eq!(plan.forgotten.len(), 1);
        assert_eq!((plan.forgotten[0].topic.as_str(), plan.forgotten[0].partitions.clone()), ("bb", vec![0]));
        assert!(session.on_response(&plan, ErrorCode::NONE, 42));

        // Nothing changed: an empty incremental request, next epoch.
        let plan = session.build(vec![want("a", 0, 9), want("a", 1, 7), want("bb", 1, 0)], 12);
        assert_eq!((plan.session_epoch, plan.topics.len(), plan.forgotten.len()), (2, 0, 0));
        assert_eq!(session.incremental_requests(), 2);
    }

    #[test]
    fn topic_ids_from_v13() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5)], 13);
        assert_eq!(plan.topics[0].topic, "");
        assert_eq!(plan.topics[0].topic_id, Uuid::from_u128(2));
        assert!(session.on_response(&plan, ErrorCode::NONE, 3));
        let plan = session.build(vec![], 13);
        assert_eq!(plan.forgotten[0].topic_id, Uuid::from_u128(2));
        assert_eq!(&*plan.names[&Uuid::from_u128(2)], "a");
    }

    #[test]
    fn errors_reset_to_a_full_request() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5)], 12);
        session.on_response(&plan, ErrorCode::NONE, 7);
        let plan = session.build(vec![want("a", 0, 6)], 12);
        assert!(!session.on_response(&plan, ErrorCode::FETCH_SESSION_ID_NOT_FOUND, 0));
        let plan = session.build(vec![want("a", 0, 6)], 12);
        assert!(plan.full);
        assert_eq!((plan.session_id, plan.session_epoch), (0, 0));
        assert_eq!(sent(&plan).len(), 1);

        session.on_response(&plan, ErrorCode::NONE, 8);
        let plan = session.build(vec![want("a", 0, 6)], 12);
        assert!(!session.on_response(&plan, ErrorCode::INVALID_FETCH_SESSION_EPOCH, 0));
        let plan = session.build(vec![want("a", 0, 6)], 12);
        assert_eq!((plan.full, plan.session_id, plan.session_epoch), (true, 8, 0), "closes session 8");

        session.on_response(&plan, ErrorCode::NONE, 9);
        session.build(vec![want("a", 0, 6)], 12);
        session.on_error();
        let plan = session.build(vec![want("a", 0, 6)], 12);
        assert_eq!((plan.full, plan.session_id, plan.session_epoch), (true, 9, 0));
    }

    #[test]
    fn a_broker_without_a_session_gets_full_requests() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5)], 12);
        assert!(session.on_response(&plan, ErrorCode::NONE, 0));
        let plan = session.build(vec![want("a", 0, 5)], 12);
        assert_eq!((plan.full, plan.session_id, plan.session_epoch), (true, 0, 0));
        // Before v7: sessionless.
        let mut old = FetchSession::default();
        let plan = old.build(vec![want("a", 0, 5)], 6);
        assert_eq!((plan.full, plan.session_epoch), (true, -1));
        assert!(old.on_response(&plan, ErrorCode::NONE, 0));
        assert!(old.build(vec![want("a", 0, 5)], 6).full);
    }

    #[test]
    fn a_new_topic_id_forgets_the_old_one() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5)], 13);
        session.on_response(&plan, ErrorCode::NONE, 3);
        let mut recreated = want("a", 0, 0);
        recreated.topic_id = Uuid::from_u128(99);
        let plan = session.build(vec![recreated], 13);
        assert_eq!(plan.topics[0].topic_id, Uuid::from_u128(99));
        assert_eq!(plan.forgotten.len(), 1);
        assert_eq!((plan.forgotten[0].topic_id, plan.forgotten[0].partitions.clone()), (Uuid::from_u128(2), vec![0]));
    }

    #[test]
    fn epochs_wrap_to_one() {
        assert_eq!(next_epoch(0), 1);
        assert_eq!(next_epoch(i32::MAX), 1);
    }

    #[test]
    fn an_unexpected_session_id_resets() {
        let mut session = FetchSession::default();
        let plan = session.build(vec![want("a", 0, 5)], 12);
        session.on_response(&plan, ErrorCode::NONE, 7);
        let plan = session.build(vec![want("a", 0, 5)], 12);
        assert!(!session.on_response(&plan, ErrorCode::NONE, 99));
        assert!(session.build(vec![want("a", 0, 5)], 12).full);
    }
}
