//! Client quotas: describe and alter (what `kafka-configs --entity-type users|clients|ips`
//! does for `producer_byte_rate`, `consumer_byte_rate`, `request_percentage`, ...).

use std::collections::BTreeMap;
use std::time::Duration;

use kfk_protocol::ErrorCode;
use kfk_protocol::messages::alter_client_quotas::request::{
    EntityData as AlterEntity, EntryData as AlterEntry, OpData,
};
use kfk_protocol::messages::describe_client_quotas::request::ComponentData;
use kfk_protocol::messages::{AlterClientQuotasRequest, DescribeClientQuotasRequest};

use crate::client::Admin;
use crate::error::{AdminError, Result};
use crate::routing::Round;

/// A quota entity: entity type (`user`, `client-id`, `ip`) to name (`None`: the default).
pub type QuotaEntity = BTreeMap<String, Option<String>>;

/// How a [`QuotaFilterComponent`] matches names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuotaMatch {
    /// This exact name.
    Exact(String),
    /// The default entity of the type.
    Default,
    /// Any name, default included.
    Any,
}

/// One entity type's part of a quota filter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuotaFilterComponent {
    /// `user`, `client-id` or `ip`.
    pub entity_type: String,
    /// Which names.
    pub matching: QuotaMatch,
}

/// Options of [`Admin::describe_client_quotas`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeClientQuotasOptions {
    /// Only entities with exactly the filter's entity types (otherwise entities with more
    /// types match too).
    pub strict: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A change to one quota of an entity.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct QuotaAlteration {
    /// The quota key (`producer_byte_rate`, ...).
    pub key: String,
    /// The new value, or `None` to remove it.
    pub value: Option<f64>,
}

/// Options of [`Admin::alter_client_quotas`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AlterClientQuotasOptions {
    /// Only check that the changes are valid.
    pub validate_only: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A quota entity as text, for results and errors: `user=alice,client-id=<default>`.
fn entity_label(entity: &QuotaEntity) -> String {
    entity.iter().map(|(t, n)| format!("{t}={}", n.as_deref().unwrap_or("<default>"))).collect::<Vec<_>>().join(",")
}

impl QuotaFilterComponent {
    /// Entities of `entity_type` whose name `matching` accepts.
    pub fn new(entity_type: impl Into<String>, matching: QuotaMatch) -> Self {
        QuotaFilterComponent { entity_type: entity_type.into(), matching }
    }

    /// The entity of `entity_type` named `name` (Java's `ofEntity`).
    pub fn of_entity(entity_type: impl Into<String>, name: impl Into<String>) -> Self {
        Self::new(entity_type, QuotaMatch::Exact(name.into()))
    }

    /// The default entity of `entity_type` (Java's `ofDefaultEntity`).
    pub fn of_default_entity(entity_type: impl Into<String>) -> Self {
        Self::new(entity_type, QuotaMatch::Default)
    }

    /// Every entity of `entity_type`, the default included (Java's `ofEntityType`).
    pub fn of_entity_type(entity_type: impl Into<String>) -> Self {
        Self::new(entity_type, QuotaMatch::Any)
    }
}

impl QuotaAlteration {
    /// Sets quota `key` to `value`, or removes it with `None` (Java's
    /// `new ClientQuotaAlteration.Op(key, value)`).
    pub fn new(key: impl Into<String>, value: Option<f64>) -> Self {
        QuotaAlteration { key: key.into(), value }
    }

    /// Sets quota `key` to `value`.
    pub fn set(key: impl Into<String>, value: f64) -> Self {
        Self::new(key, Some(value))
    }

    /// Removes quota `key` (back to the next default that applies).
    pub fn remove(key: impl Into<String>) -> Self {
        Self::new(key, None)
    }
}

options!(
    DescribeClientQuotasOptions,
    /// Matches only entities with exactly the filter's entity types.
    strict,
);
options!(
    AlterClientQuotasOptions,
    /// Only checks that the changes are valid.
    validate_only,
);

impl Admin {
    /// The quotas of the entities matching `filter`: entity to quota key to value.
    ///
    // no_run: kfk-stub does not serve DescribeClientQuotas, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) -> Result<(), kfk_admin::AdminError> {
    /// use kfk_admin::{DescribeClientQuotasOptions, QuotaFilterComponent};
    /// let users = vec![QuotaFilterComponent::of_entity_type("user")];
    /// for (entity, quotas) in admin.describe_client_quotas(users, DescribeClientQuotasOptions::default()).await? {
    ///     println!("{entity:?}: {quotas:?}");
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn describe_client_quotas(
        &self,
        filter: Vec<QuotaFilterComponent>,
        options: DescribeClientQuotasOptions,
    ) -> Result<BTreeMap<QuotaEntity, BTreeMap<String, f64>>> {
        let request = DescribeClientQuotasRequest {
            components: filter
                .iter()
                .map(|c| {
                    let (match_type, name) = match &c.matching {
                        QuotaMatch::Exact(n) => (0, Some(n.clone())),
                        QuotaMatch::Default => (1, None),
                        QuotaMatch::Any => (2, None),
                    };
                    ComponentData {
                        entity_type: c.entity_type.clone(),
                        match_type,
                        r#match: name,
                        ..Default::default()
                    }
                })
                .collect(),
            strict: options.strict,
            ..Default::default()
        };
        self.retry("DescribeClientQuotas", options.timeout, || async {
            let response = self.inner.cluster.any_connection().await?.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "DescribeClientQuotas"));
            }
            Ok(response
                .entries
                .unwrap_or_default()
                .into_iter()
                .map(|e| {
                    let entity = e.entity.into_iter().map(|d| (d.entity_type, d.entity_name)).collect();
                    let values = e.values.into_iter().map(|v| (v.key, v.value)).collect();
                    (entity, values)
                })
                .collect())
        })
        .await
    }

    /// Sets or removes quotas of entities (routed to the controller); one result per entity.
    ///
    // no_run: kfk-stub does not serve AlterClientQuotas, so this example cannot run against it.
    /// ```no_run
    /// # async fn run(admin: kfk_admin::Admin) {
    /// use kfk_admin::{AlterClientQuotasOptions, QuotaAlteration, QuotaEntity};
    /// let alice: QuotaEntity = [("user".to_string(), Some("alice".to_string()))].into();
    /// let change = QuotaAlteration::set("producer_byte_rate", 1048576.0);
    /// let results = admin.alter_client_quotas([(alice, vec![change])], AlterClientQuotasOptions::default()).await;
    /// # }
    /// ```
    pub async fn alter_client_quotas(
        &self,
        changes: impl IntoIterator<Item = (QuotaEntity, Vec<QuotaAlteration>)>,
        options: AlterClientQuotasOptions,
    ) -> BTreeMap<String, Result<()>> {
        let changes: BTreeMap<String, (QuotaEntity, Vec<QuotaAlteration>)> =
            changes.into_iter().map(|(e, ops)| (entity_label(&e), (e, ops))).collect();
        let changes = &changes;
        let keys: Vec<String> = changes.keys().cloned().collect();
        self.retry_batch("AlterClientQuotas", options.timeout, keys, |pending| async move {
            let request = AlterClientQuotasRequest {
                entries: pending
                    .iter()
                    .map(|label| {
                        let (entity, ops) = &changes[label];
                        AlterEntry {
                            entity: entity
                                .iter()
                                .map(|(t, n)| AlterEntity {
                                    entity_type: t.clone(),
                                    entity_name: n.clone(),
                                    ..Default::default()
                                })
                                .collect(),
                            ops: ops
                                .iter()
                                .map(|op| OpData {
                                    key: op.key.clone(),
                                    value: op.value.unwrap_or(0.0),
                                    remove: op.value.is_none(),
                                    ..Default::default()
                                })
                                .collect(),
                            ..Default::default()
                        }
                    })
                    .collect(),
                validate_only: options.validate_only,
                ..Default::default()
            };
            let response = self.controller().await?.send(&request).await?;
            let round: Round<String, ()> = response
                .entries
                .into_iter()
                .map(|e| {
                    let entity: QuotaEntity = e.entity.into_iter().map(|d| (d.entity_type, d.entity_name)).collect();
                    let label = entity_label(&entity);
                    let result = match ErrorCode(e.error_code).err() {
                        None => Ok(()),
                        Some(code) => {
                            Err(AdminError::request(code, e.error_message, &format!("AlterClientQuotas for {label}")))
                        }
                    };
                    (label, result)
                })
                .collect();
            Ok(round)
        })
        .await
    }
}
