//! Coordinator lookup (FindCoordinator) for consumer groups and transactional ids, and the
//! one cache of what it found.
//!
//! A group's coordinator (for joins, heartbeats, commits) and a transactional id's coordinator
//! (for InitProducerId, AddPartitionsToTxn, EndTxn) are brokers that FindCoordinator names.
//! [`Cluster::coordinator`] remembers the answer per (kind, key), with a connection on the
//! coordinator lane, for everyone using the cluster: the consumer's commits, its group task
//! and the transactional producer share it.
//!
//! **One invalidation rule** ([`Cluster::coordinator_failed`], [`moved`]): after a request to
//! a coordinator fails, the cached answer is forgotten when the broker said it is not (or not
//! yet) the coordinator (NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE) or when no answer came
//! at all (the connection failed, closed or timed out); any other error (the coordinator
//! answered) keeps it. A cached coordinator whose connection has closed is looked up again.

use std::collections::HashMap;
use std::sync::Mutex;

use kfk_protocol::messages::{ApiKey, FindCoordinatorRequest};
use kfk_protocol::ErrorCode;

use super::{Cluster, Lane};
use crate::error::{Error, Result};
use crate::net::Connection;

/// What a coordinator coordinates (FindCoordinator `key_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CoordinatorType {
    /// A consumer group (key: the group id).
    Group,
    /// A transactional producer (key: the `transactional.id`).
    Transaction,
}

impl CoordinatorType {
    fn wire(self) -> i8 {
        match self {
            CoordinatorType::Group => 0,
            CoordinatorType::Transaction => 1,
        }
    }

    fn name(self) -> &'static str {
        match self {
            CoordinatorType::Group => "group",
            CoordinatorType::Transaction => "transactional id",
        }
    }
}

/// The coordinators found so far, by kind and key (owned by [`Cluster`]).
#[derive(Default)]
pub(super) struct Coordinators {
    known: Mutex<HashMap<(CoordinatorType, String), (i32, Connection)>>,
}

impl Coordinators {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(CoordinatorType, String), (i32, Connection)>> {
        self.known.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The invalidation rule: whether `error`, from a request to a coordinator (or from finding
/// or reaching it), means it must be looked up again.
pub fn moved(error: &Error) -> bool {
    match error.code() {
        Some(code) => matches!(code, ErrorCode::NOT_COORDINATOR | ErrorCode::COORDINATOR_NOT_AVAILABLE),
        // No answer from the coordinator: a connection failure, a timeout, a closed client.
        None => true,
    }
}

impl Cluster {
    /// Asks any broker which node coordinates `key`, once (callers retry retriable errors such
    /// as COORDINATOR_NOT_AVAILABLE within their own deadline).
    pub async fn find_coordinator(&self, kind: CoordinatorType, key: &str) -> Result<i32> {
        let conn = self.any_connection().await?;
        let version = conn.version_for(ApiKey::FindCoordinator)?;
        if kind == CoordinatorType::Transaction && version < 1 {
            return Err(Error::kafka(
                ErrorCode::UNSUPPORTED_VERSION,
                Some("the broker predates transactions".into()),
                "FindCoordinator",
            ));
        }
        let request = if version >= 4 {
            FindCoordinatorRequest { key_type: kind.wire(), coordinator_keys: vec![key.into()], ..Default::default() }
        } else {
            FindCoordinatorRequest { key: key.into(), key_type: kind.wire(), ..Default::default() }
        };
        let response = conn.send(&request).await?;
        let (code, message, node) = match response.coordinators.first() {
            Some(c) if version >= 4 => (c.error_code, c.error_message.clone(), c.node_id),
            _ => (response.error_code, response.error_message.clone(), response.node_id),
        };
        match ErrorCode(code).err() {
            Some(code) => Err(Error::kafka(code, message, format!("FindCoordinator for {} {key}", kind.name()))),
            None => Ok(node),
        }
    }

    /// The coordinator of `key` and a connection to it on the coordinator lane (so no Fetch
    /// the broker holds delays a commit, a heartbeat or a transaction call): the cached one
    /// while its connection is open, else found with FindCoordinator and cached.
    pub async fn coordinator(&self, kind: CoordinatorType, key: &str) -> Result<(i32, Connection)> {
        let cache_key = (kind, key.to_owned());
        if let Some(hit) = self.inner.coordinators.lock().get(&cache_key).filter(|(_, c)| !c.is_closed()) {
            return Ok(hit.clone());
        }
        let node = self.find_coordinator(kind, key).await?;
        let conn = self.connection_on(node, Lane::Coordinator).await?;
        tracing::debug!(?kind, key, node, "coordinator found");
        self.inner.coordinators.lock().insert(cache_key, (node, conn.clone()));
        Ok((node, conn))
    }

    /// The node cached as the coordinator of `key`, without looking it up.
    pub fn cached_coordinator(&self, kind: CoordinatorType, key: &str) -> Option<i32> {
        self.inner.coordinators.lock().get(&(kind, key.to_owned())).map(|(node, _)| *node)
    }

    /// Applies the invalidation rule ([`moved`]) to `error` from a request to the coordinator
    /// of `key`: forgets it if the error says so. Whether it was forgotten.
    pub fn coordinator_failed(&self, kind: CoordinatorType, key: &str, error: &Error) -> bool {
        let moved = moved(error);
        if moved {
            self.forget_coordinator(kind, key);
        }
        moved
    }

    /// Forgets the coordinator of `key`: the next [`Cluster::coordinator`] looks it up.
    pub fn forget_coordinator(&self, kind: CoordinatorType, key: &str) {
        self.inner.coordinators.lock().remove(&(kind, key.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coordinator_is_forgotten_when_it_moved_or_did_not_answer() {
        let kafka = |code| Error::kafka(code, None, "OffsetCommit");
        assert!(moved(&kafka(ErrorCode::NOT_COORDINATOR)));
        assert!(moved(&kafka(ErrorCode::COORDINATOR_NOT_AVAILABLE)));
        assert!(moved(&Error::Closed));
        assert!(moved(&Error::UnknownBroker { node: 3 }));
        assert!(!moved(&kafka(ErrorCode::COORDINATOR_LOAD_IN_PROGRESS)), "it answered: it is the coordinator");
        assert!(!moved(&kafka(ErrorCode::ILLEGAL_GENERATION)));
        assert!(!moved(&kafka(ErrorCode::CONCURRENT_TRANSACTIONS)));
    }
}
