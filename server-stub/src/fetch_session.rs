//! The broker side of fetch sessions (KIP-227), as Kafka's `FetchSessionCache` keeps them.
//!
//! Each broker has its own sessions (ids are per broker, and a client talks to each broker
//! separately). A request's `session_id`/`session_epoch` decide what it is:
//!
//! - epoch -1 (final): sessionless; a named session is closed.
//! - epoch 0 (initial): full; a named session is closed, and a new one is opened from the
//!   request's partitions when the response is sent (session id 0 when the cache is full and
//!   no session can be evicted).
//! - epoch > 0: incremental within session `session_id`: FETCH_SESSION_ID_NOT_FOUND if there is
//!   no such session, INVALID_FETCH_SESSION_EPOCH if the epoch is not the one expected,
//!   FETCH_SESSION_TOPIC_ID_ERROR if the request names topics differently (ids vs names) than
//!   the one that opened it. Otherwise the request's partitions are added or updated, the
//!   forgotten ones removed, the epoch moves on, and every partition of the session is read;
//!   the response carries only partitions with records, an error, a diverging epoch, or a changed high watermark,
//!   last stable offset or log start offset.
//!
//! Partitions that returned records move to the back of their session, so that a response
//! filled up to `max_bytes` by the first partitions does not starve the later ones.
//!
//! The cache holds at most [`MAX_SESSIONS`] sessions per broker; opening one more evicts the
//! least recently used. A broker that stops loses its sessions (they live in memory).

use std::collections::HashMap;

use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::fetch::response::FetchableTopicResponse;
use kfk_protocol::messages::FetchRequest;
use kfk_protocol::{ErrorCode, Uuid};

/// Sessions per broker (Kafka's `max.incremental.fetch.session.cache.slots` default).
pub(crate) const MAX_SESSIONS: usize = 1000;
/// The first Fetch version with sessions.
const SESSIONS_SINCE: i16 = 7;
/// The first Fetch version that names topics by id.
const TOPIC_IDS_SINCE: i16 = 13;

/// How a topic is named in a session: by id (v13+) or by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct TopicKey {
    id: Uuid,
    name: String,
}

impl TopicKey {
    fn of(topic: &FetchTopic) -> TopicKey {
        TopicKey { id: topic.topic_id, name: topic.topic.clone() }
    }
}

/// One partition of a session: what the client asked last, and what it was last told.
#[derive(Debug, Clone)]
struct CachedPartition {
    topic: TopicKey,
    request: FetchPartition,
    high_watermark: i64,
    last_stable_offset: i64,
    log_start_offset: i64,
}

#[derive(Debug)]
struct Session {
    /// The epoch the next request must carry.
    epoch: i32,
    uses_topic_ids: bool,
    /// In the order the client added them.
    partitions: Vec<CachedPartition>,
    last_used: u64,
}

/// What the handler does with one request.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum SessionContext {
    /// Read the request's partitions; answer with session id 0.
    Sessionless,
    /// Read the request's partitions; open a session for them with the response.
    Full,
    /// Read every partition of session `id` (the topics returned by [`FetchSessions::begin`]),
    /// answer with the changed ones only.
    Incremental { id: i32 },
}

/// Every broker's sessions.
#[derive(Debug)]
pub(crate) struct FetchSessions {
    sessions: HashMap<(i32, i32), Session>,
    capacity: usize,
    next_id: i32,
    clock: u64,
}

impl Default for FetchSessions {
    fn default() -> Self {
        FetchSessions::with_capacity(MAX_SESSIONS)
    }
}

impl FetchSessions {
    /// A cache of at most `capacity` sessions per broker.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        // Ids start somewhere arbitrary so that two runs do not hand out the same ones.
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos() as i32 & 0x3fff_ffff)
            .unwrap_or(0);
        FetchSessions { sessions: HashMap::new(), capacity, next_id: seed.max(1), clock: 0 }
    }

    /// Decides what `request` (Fetch `version`, at `broker`) is, applying an incremental
    /// request's changes to its session. Returns the context and the topics to read, or the
    /// top-level error to answer with.
    pub(crate) fn begin(
        &mut self,
        broker: i32,
        request: &FetchRequest,
        version: i16,
    ) -> Result<(SessionContext, Vec<FetchTopic>), ErrorCode> {
        if version < SESSIONS_SINCE {
            return Ok((SessionContext::Sessionless, request.topics.clone()));
        }
        let (id, epoch) = (request.session_id, request.session_epoch);
        if epoch == -1 || epoch == 0 {
            if id != 0 {
                self.sessions.remove(&(broker, id));
            }
            let context = if epoch == 0 { SessionContext::Full } else { SessionContext::Sessionless };
            return Ok((context, request.topics.clone()));
        }
        self.clock += 1;
        let clock = self.clock;
        let Some(session) = self.sessions.get_mut(&(broker, id)) else {
            return Err(ErrorCode::FETCH_SESSION_ID_NOT_FOUND);
        };
        if session.epoch != epoch {
            return Err(ErrorCode::INVALID_FETCH_SESSION_EPOCH);
        }
        if session.uses_topic_ids != (version >= TOPIC_IDS_SINCE) {
            return Err(ErrorCode::FETCH_SESSION_TOPIC_ID_ERROR);
        }
        session.epoch = if epoch == i32::MAX { 1 } else { epoch + 1 };
        session.last_used = clock;
        for topic in &request.topics {
            let key = TopicKey::of(topic);
            for p in &topic.partitions {
                match session.partitions.iter_mut().find(|c| c.topic == key && c.request.partition == p.partition) {
                    Some(cached) => cached.request = p.clone(),
                    None => session.partitions.push(CachedPartition {
                        topic: key.clone(),
                        request: p.clone(),
                        high_watermark: -1,
                        last_stable_offset: -1,
                        log_start_offset: -1,
                    }),
                }
            }
        }
        for forgotten in &request.forgotten_topics_data {
            let key = TopicKey { id: forgotten.topic_id, name: forgotten.topic.clone() };
            session.partitions.retain(|c| !(c.topic == key && forgotten.partitions.contains(&c.request.partition)));
        }
        let mut topics: Vec<FetchTopic> = Vec::new();
        for cached in &session.partitions {
            match topics.last_mut().filter(|t| TopicKey::of(t) == cached.topic) {
                Some(t) => t.partitions.push(cached.request.clone()),
                None => topics.push(FetchTopic {
                    topic: cached.topic.name.clone(),
                    topic_id: cached.topic.id,
                    partitions: vec![cached.request.clone()],
                    ..Default::default()
                }),
            }
        }
        Ok((SessionContext::Incremental { id }, topics))
    }

    /// Completes a response: opens the session of a full request (returns its id, 0 when none
    /// could be opened) or trims an incremental response to the partitions with news.
    pub(crate) fn finish(
        &mut self,
        broker: i32,
        context: &SessionContext,
        version: i16,
        topics: &[FetchTopic],
        responses: &mut Vec<FetchableTopicResponse>,
    ) -> i32 {
        match context {
            SessionContext::Sessionless => 0,
            SessionContext::Full => {
                let Some(id) = self.open(broker, version) else { return 0 };
                let mut partitions = Vec::new();
                for (topic, response) in topics.iter().zip(responses.iter()) {
                    for (p, data) in topic.partitions.iter().zip(&response.partitions) {
                        partitions.push(CachedPartition {
                            topic: TopicKey::of(topic),
                            request: p.clone(),
                            high_watermark: data.high_watermark,
                            last_stable_offset: data.last_stable_offset,
                            log_start_offset: data.log_start_offset,
                        });
                    }
                }
                if let Some(session) = self.sessions.get_mut(&(broker, id)) {
                    session.partitions = partitions;
                }
                id
            }
            SessionContext::Incremental { id } => {
                let Some(session) = self.sessions.get_mut(&(broker, *id)) else { return *id };
                for (topic, response) in topics.iter().zip(responses.iter_mut()) {
                    let key = TopicKey::of(topic);
                    response.partitions.retain(|data| {
                        let Some(cached) = session
                            .partitions
                            .iter_mut()
                            .find(|c| c.topic == key && c.request.partition == data.partition_index)
                        else {
                            return true;
                        };
                        let changed = data.error_code != 0
                            || data.diverging_epoch.epoch >= 0
                            || data.records.as_ref().is_some_and(|r| !r.is_empty())
                            || data.high_watermark != cached.high_watermark
                            || data.last_stable_offset != cached.last_stable_offset
                            || data.log_start_offset != cached.log_start_offset;
                        cached.high_watermark = data.high_watermark;
                        cached.last_stable_offset = data.last_stable_offset;
                        cached.log_start_offset = data.log_start_offset;
                        changed
                    });
                }
                // Partitions that returned records go to the back of the session, so that the
                // next reads start with the others (Kafka rotates its sessions the same way).
                let served: Vec<(TopicKey, i32)> = topics
                    .iter()
                    .zip(responses.iter())
                    .flat_map(|(t, r)| {
                        r.partitions
                            .iter()
                            .filter(|d| d.records.as_ref().is_some_and(|b| !b.is_empty()))
                            .map(move |d| (TopicKey::of(t), d.partition_index))
                    })
                    .collect();
                let (back, mut front): (Vec<CachedPartition>, Vec<CachedPartition>) =
                    std::mem::take(&mut session.partitions)
                        .into_iter()
                        .partition(|c| served.iter().any(|(t, p)| *t == c.topic && *p == c.request.partition));
                front.extend(back);
                session.partitions = front;
                responses.retain(|t| !t.partitions.is_empty());
                *id
            }
        }
    }

    /// A new session at `broker` (evicting its least recently used one when full).
    fn open(&mut self, broker: i32, version: i16) -> Option<i32> {
        if self.capacity == 0 {
            return None;
        }
        let count = self.sessions.keys().filter(|(b, _)| *b == broker).count();
        if count >= self.capacity {
            let oldest = self
                .sessions
                .iter()
                .filter(|((b, _), _)| *b == broker)
                .min_by_key(|(_, s)| s.last_used)
                .map(|(key, _)| *key)?;
            self.sessions.remove(&oldest);
        }
        let id = loop {
            let id = self.next_id;
            self.next_id = if self.next_id == i32::MAX { 1 } else { self.next_id + 1 };
            if !self.sessions.contains_key(&(broker, id)) {
                break id;
            }
        };
        self.clock += 1;
        self.sessions.insert(
            (broker, id),
            Session {
                epoch: 1,
                uses_topic_ids: version >= TOPIC_IDS_SINCE,
                partitions: Vec::new(),
                last_used: self.clock,
            },
        );
        Some(id)
    }

    /// Forgets every session of `broker` (it stopped).
    pub(crate) fn clear_broker(&mut self, broker: i32) {
        self.sessions.retain(|(b, _), _| *b != broker);
    }

    /// Sessions open at `broker`.
    #[cfg(test)]
    fn count(&self, broker: i32) -> usize {
        self.sessions.keys().filter(|(b, _)| *b == broker).count()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use bytes::Bytes;
    use kfk_protocol::messages::fetch::request::ForgottenTopic;
    use kfk_protocol::messages::fetch::response::PartitionData;

    use super::*;

    fn partition(index: i32, offset: i64) -> FetchPartition {
        FetchPartition { partition: index, fetch_offset: offset, partition_max_bytes: 1024, ..Default::default() }
    }

    fn request(id: i32, epoch: i32, partitions: &[(i32, i64)], forgotten: &[i32]) -> FetchRequest {
        FetchRequest {
            session_id: id,
            session_epoch: epoch,
            topics: if partitions.is_empty() {
                vec![]
            } else {
                vec![FetchTopic {
                    topic: "t".into(),
                    partitions: partitions.iter().map(|(p, o)| partition(*p, *o)).collect(),
                    ..Default::default()
                }]
            },
            forgotten_topics_data: if forgotten.is_empty() {
                vec![]
            } else {
                vec![ForgottenTopic { topic: "t".into(), partitions: forgotten.to_vec(), ..Default::default() }]
            },
            ..Default::default()
        }
    }

    /// A response to `topics` where partition `with_data` has records; high watermark 10.
    fn respond(topics: &[FetchTopic], with_data: &[i32]) -> Vec<FetchableTopicResponse> {
        topics
            .iter()
            .map(|t| FetchableTopicResponse {
                topic: t.topic.clone(),
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| PartitionData {
                        partition_index: p.partition,
                        high_watermark: 10,
                        last_stable_offset: 10,
                        log_start_offset: 0,
                        records: Some(if with_data.contains(&p.partition) {
                            Bytes::from_static(b"x")
                        } else {
                            Bytes::new()
                        }),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
            .collect()
    }

    fn indexes(responses: &[FetchableTopicResponse]) -> Vec<i32> {
        responses.iter().flat_map(|t| t.partitions.iter().map(|p| p.partition_index)).collect()
    }

    #[test]
    fn a_full_fetch_opens_a_session_and_incremental_ones_carry_only_news() {
        let mut cache = FetchSessions::default();
        let (context, topics) = cache.begin(0, &request(0, 0, &[(0, 0), (1, 0), (2, 0)], &[]), 12).unwrap();
        assert_eq!(context, SessionContext::Full);
        let mut responses = respond(&topics, &[0]);
        let id = cache.finish(0, &context, 12, &topics, &mut responses);
        assert!(id > 0);
        assert_eq!(indexes(&responses), vec![0, 1, 2], "a full response has every partition");

        // Incremental: partition 0 moved on, 2 forgotten; 1 is read at its cached offset.
        let (context, topics) = cache.begin(0, &request(id, 1, &[(0, 5)], &[2]), 12).unwrap();
        assert_eq!(context, SessionContext::Incremental { id });
        let read: Vec<(i32, i64)> = topics[0].partitions.iter().map(|p| (p.partition, p.fetch_offset)).collect();
        assert_eq!(read, vec![(0, 5), (1, 0)]);
        let mut responses = respond(&topics, &[1]);
        assert_eq!(cache.finish(0, &context, 12, &topics, &mut responses), id);
        assert_eq!(indexes(&responses), vec![1], "only the partition with records (0 is unchanged)");

        // Partition 1 returned records: it is read last from now on.
        let (_, topics) = cache.begin(0, &request(id, 2, &[], &[]), 12).unwrap();
        let order: Vec<i32> = topics[0].partitions.iter().map(|p| p.partition).collect();
        assert_eq!(order, vec![0, 1]);
        let mut responses = respond(&topics, &[0]);
        cache.finish(0, &SessionContext::Incremental { id }, 12, &topics, &mut responses);
        let (_, topics) = cache.begin(0, &request(id, 3, &[], &[]), 12).unwrap();
        let order: Vec<i32> = topics[0].partitions.iter().map(|p| p.partition).collect();
        assert_eq!(order, vec![1, 0], "the partition just served goes to the back");
        let mut responses = respond(&topics, &[]);
        cache.finish(0, &SessionContext::Incremental { id }, 12, &topics, &mut responses);

        // Nothing new at all: an empty response.
        let (context, topics) = cache.begin(0, &request(id, 4, &[], &[]), 12).unwrap();
        let mut responses = respond(&topics, &[]);
        cache.finish(0, &context, 12, &topics, &mut responses);
        assert!(responses.is_empty());
    }

    #[test]
    fn epochs_and_ids_are_checked() {
        let mut cache = FetchSessions::default();
        let (context, topics) = cache.begin(0, &request(0, 0, &[(0, 0)], &[]), 12).unwrap();
        let id = cache.finish(0, &context, 12, &topics, &mut respond(&topics, &[]));
        assert_eq!(cache.begin(0, &request(id, 2, &[], &[]), 12).unwrap_err(), ErrorCode::INVALID_FETCH_SESSION_EPOCH);
        assert_eq!(
            cache.begin(0, &request(id + 1, 1, &[], &[]), 12).unwrap_err(),
            ErrorCode::FETCH_SESSION_ID_NOT_FOUND
        );
        assert_eq!(cache.begin(1, &request(id, 1, &[], &[]), 12).unwrap_err(), ErrorCode::FETCH_SESSION_ID_NOT_FOUND);
        assert_eq!(cache.begin(0, &request(id, 1, &[], &[]), 13).unwrap_err(), ErrorCode::FETCH_SESSION_TOPIC_ID_ERROR);
        assert!(cache.begin(0, &request(id, 1, &[], &[]), 12).is_ok());
        // The same epoch again is a replay.
        assert_eq!(cache.begin(0, &request(id, 1, &[], &[]), 12).unwrap_err(), ErrorCode::INVALID_FETCH_SESSION_EPOCH);
        // A full request naming the session closes it.
        let (context, _) = cache.begin(0, &request(id, 0, &[(0, 0)], &[]), 12).unwrap();
        assert_eq!(context, SessionContext::Full);
        assert_eq!(cache.begin(0, &request(id, 2, &[], &[]), 12).unwrap_err(), ErrorCode::FETCH_SESSION_ID_NOT_FOUND);
        // Sessionless requests and old versions open nothing.
        let (context, _) = cache.begin(0, &request(0, -1, &[(0, 0)], &[]), 12).unwrap();
        assert_eq!(context, SessionContext::Sessionless);
        let (context, _) = cache.begin(0, &request(0, 0, &[(0, 0)], &[]), 6).unwrap();
        assert_eq!(context, SessionContext::Sessionless);
    }

    fn open_full(cache: &mut FetchSessions) -> i32 {
        let (context, topics) = cache.begin(0, &request(0, 0, &[(0, 0)], &[]), 12).unwrap();
        cache.finish(0, &context, 12, &topics, &mut respond(&topics, &[]))
    }

    #[test]
    fn the_cache_is_bounded_and_evicts_the_least_recently_used() {
        let mut cache = FetchSessions::with_capacity(2);
        let a = open_full(&mut cache);
        let b = open_full(&mut cache);
        assert!(cache.begin(0, &request(a, 1, &[], &[]), 12).is_ok()); // a is now the most recent
        let c = open_full(&mut cache);
        assert_eq!(cache.count(0), 2);
        assert_eq!(cache.begin(0, &request(b, 1, &[], &[]), 12).unwrap_err(), ErrorCode::FETCH_SESSION_ID_NOT_FOUND);
        assert!(cache.begin(0, &request(a, 2, &[], &[]), 12).is_ok());
        assert!(cache.begin(0, &request(c, 1, &[], &[]), 12).is_ok());
        cache.clear_broker(0);
        assert_eq!(cache.count(0), 0);
        assert_eq!(FetchSessions::with_capacity(0).open(0, 12), None);
    }
}
