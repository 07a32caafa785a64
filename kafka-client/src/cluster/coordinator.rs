//! Coordinator lookup (FindCoordinator) for consumer groups and transactional ids.

use kafka_protocol::messages::{ApiKey, FindCoordinatorRequest};
use kafka_protocol::ErrorCode;

use super::{Cluster, Lane};
use crate::error::{Error, Result};
use crate::net::Connection;

/// What a coordinator coordinates (FindCoordinator `key_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// the broker holds delays a commit, a heartbeat or a transaction call).
    pub async fn coordinator(&self, kind: CoordinatorType, key: &str) -> Result<(i32, Connection)> {
        let node = self.find_coordinator(kind, key).await?;
        let conn = self.connection_on(node, Lane::Coordinator).await?;
        Ok((node, conn))
    }
}
