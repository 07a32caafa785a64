//! Consumer groups: list, describe, delete, and removing members (what
//! `kafka-consumer-groups --list / --describe --members / --delete` does); their offsets and lag
//! are in `group_offsets`.
//!
//! Every request about one group goes to its coordinator; `NOT_COORDINATOR` and
//! `COORDINATOR_LOAD_IN_PROGRESS` look the coordinator up again and retry.

use std::collections::BTreeMap;
use std::time::Duration;

use bytes::{Buf, Bytes};
use futures_util::future::join_all;
use kfk_client::consumer::TopicPartition;
use kfk_protocol::messages::data::ConsumerProtocolAssignment;
use kfk_protocol::messages::leave_group::request::MemberIdentity;
use kfk_protocol::messages::{
    ApiKey, ConsumerGroupDescribeRequest, DeleteGroupsRequest, DescribeGroupsRequest, LeaveGroupRequest,
    ListGroupsRequest,
};
use kfk_protocol::{Decode, ErrorCode, Message};

use crate::acls::AclOperation;
use crate::client::Admin;
use crate::error::{AdminError, ResourceKind, Result, check};
use crate::routing::CoordinatorKind;
use crate::topics::authorized_operations;

/// Options of [`Admin::list_groups`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ListGroupsOptions {
    /// Only groups in these states (`Stable`, `Empty`, `PreparingRebalance`, ...; Kafka 2.6+).
    pub states: Vec<String>,
    /// Only groups of these types (`classic`, `consumer`, `share`, `streams`; Kafka 3.8+).
    pub types: Vec<String>,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// A group in a listing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GroupListing {
    /// The group id.
    pub group_id: String,
    /// The protocol type (`consumer` for consumer groups, "" for groups used only to commit).
    pub protocol_type: String,
    /// The state, when the broker reports it.
    pub state: Option<String>,
    /// The type (`classic`, `consumer`, ...), when the broker reports it.
    pub group_type: Option<String>,
    /// The coordinator that listed it.
    pub coordinator: i32,
}

/// Options of the operations on groups without specific settings.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct GroupOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// Options of [`Admin::describe_groups`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct DescribeGroupsOptions {
    /// Ask for the operations the caller may perform on each group.
    pub include_authorized_operations: bool,
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// Which rebalance protocol a group uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum GroupType {
    /// The classic protocol (JoinGroup / SyncGroup).
    Classic,
    /// The consumer protocol of KIP-848 (ConsumerGroupHeartbeat).
    Consumer,
}

/// A group as `kafka-consumer-groups --describe --members` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct GroupDescription {
    /// The group id.
    pub group_id: String,
    /// Classic or consumer protocol.
    pub group_type: GroupType,
    /// `Stable`, `Empty`, `PreparingRebalance`, `CompletingRebalance`, `Reconciling`, `Assigning`...
    pub state: String,
    /// The protocol type (`consumer`) of a classic group; "consumer" for consumer groups.
    pub protocol_type: String,
    /// The partition assignor (`range`, `uniform`, `cooperative-sticky`...).
    pub assignor: String,
    /// The members.
    pub members: Vec<MemberDescription>,
    /// The coordinator's broker id.
    pub coordinator: i32,
    /// What the caller may do with the group, when asked for.
    pub authorized_operations: Option<Vec<AclOperation>>,
}

/// A member of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MemberDescription {
    /// The member id.
    pub member_id: String,
    /// `group.instance.id` of a static member.
    pub instance_id: Option<String>,
    /// Its `client.id`.
    pub client_id: String,
    /// Its address as the broker saw it.
    pub host: String,
    /// The partitions assigned to it (for classic groups: as the consumer protocol encodes
    /// them; empty for other protocols).
    pub assignment: Vec<TopicPartition>,
    /// The partitions it is moving to (consumer groups only).
    pub target_assignment: Option<Vec<TopicPartition>>,
}

/// Which members [`Admin::remove_members`] removes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MembersToRemove {
    /// Static members by `group.instance.id`.
    Static(Vec<String>),
    /// Every member (dynamic ones by member id, static ones by instance id).
    All,
}

options!(ListGroupsOptions);

impl ListGroupsOptions {
    /// Lists only groups in these states (`Stable`, `Empty`, ...; Kafka 2.6+).
    pub fn states<S: Into<String>>(mut self, states: impl IntoIterator<Item = S>) -> Self {
        self.states = states.into_iter().map(Into::into).collect();
        self
    }

    /// Lists only groups of these types (`classic`, `consumer`, ...; Kafka 3.8+).
    pub fn types<S: Into<String>>(mut self, types: impl IntoIterator<Item = S>) -> Self {
        self.types = types.into_iter().map(Into::into).collect();
        self
    }
}

options!(GroupOptions);
options!(
    DescribeGroupsOptions,
    /// Asks for the operations the caller may perform on each group.
    include_authorized_operations,
);

impl Admin {
    /// Lists the groups of every broker (ListGroups to each), filtered by state and type.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("billing")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// # consumer.subscribe(["orders"])?;
    /// # // The first record comes once the consumer has joined the group and got its partition.
    /// # assert_eq!(consumer.poll(std::time::Duration::from_secs(30)).await?.len(), 1);
    /// use kfk_admin::ListGroupsOptions;
    /// let stable = ListGroupsOptions::default().states(["Stable"]);
    /// for group in admin.list_groups(stable).await? {
    ///     println!("{} ({:?})", group.group_id, group.group_type);
    /// }
    /// # assert_eq!(admin.list_groups(ListGroupsOptions::default().states(["Stable"])).await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn list_groups(&self, options: ListGroupsOptions) -> Result<Vec<GroupListing>> {
        let deadline = self.deadline(options.timeout);
        let metadata = self.fresh_metadata_by("ListGroups", deadline).await?;
        let mut nodes: Vec<i32> = metadata.brokers.keys().copied().collect();
        nodes.sort();
        let options = &options;
        let per_broker = self
            .retry_batch_by("ListGroups", deadline, nodes, |pending| async move {
                let sends = pending.into_iter().map(|node| async move {
                    let result = async {
                        let conn = self.inner.cluster.connection(node).await?;
                        let version = conn.version_for(ApiKey::ListGroups)?;
                        if !options.types.is_empty() && version < 5 {
                            return Err(AdminError::InvalidRequest(format!(
                                "filtering groups by type needs ListGroups v5 (Kafka 3.8+); broker {node} offers v{version}"
                            )));
                        }
                        if !options.states.is_empty() && version < 4 {
                            return Err(AdminError::InvalidRequest(format!(
                                "filtering groups by state needs ListGroups v4 (Kafka 2.6+); broker {node} offers v{version}"
                            )));
                        }
                        let request = ListGroupsRequest {
                            states_filter: options.states.clone(),
                            types_filter: options.types.clone(),
                            ..Default::default()
                        };
                        let response = conn.send_at(&request, version).await?;
                        if let Some(code) = ErrorCode(response.error_code).err() {
                            return Err(AdminError::request(code, None, &format!("ListGroups on broker {node}")));
                        }
                        Ok(response
                            .groups
                            .into_iter()
                            .map(|g| GroupListing {
                                group_id: g.group_id,
                                protocol_type: g.protocol_type,
                                state: (version >= 4).then_some(g.group_state),
                                group_type: (version >= 5).then_some(g.group_type),
                                coordinator: node,
                            })
                            .collect::<Vec<_>>())
                    }
                    .await;
                    (node, result)
                });
                Ok(join_all(sends).await)
            })
            .await;
        let mut groups = Vec::new();
        for (_, result) in per_broker {
            groups.extend(result?);
        }
        groups.sort_by(|a, b| a.group_id.cmp(&b.group_id));
        Ok(groups)
    }

    /// Describes groups: state, protocol, members and their assignments. Consumer groups
    /// (KIP-848) are described with ConsumerGroupDescribe, classic ones with DescribeGroups; an
    /// unknown (or dead) group gives [`AdminError::NotFound`].
    ///
    /// ```
    /// # use kfk_admin::BatchResults;
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("my-group")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// # consumer.subscribe(["orders"])?;
    /// # // The first record comes once the consumer has joined the group and got its partition.
    /// # assert_eq!(consumer.poll(std::time::Duration::from_secs(30)).await?.len(), 1);
    /// let described = admin.describe_groups(["my-group"], kfk_admin::DescribeGroupsOptions::default()).await;
    /// let group = described.into_one("my-group")?;
    /// for m in &group.members {
    ///     println!("{} on {}: {:?}", m.member_id, m.host, m.assignment);
    /// }
    /// # assert_eq!(group.members.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn describe_groups(
        &self,
        groups: impl IntoIterator<Item = impl Into<String>>,
        options: DescribeGroupsOptions,
    ) -> BTreeMap<String, Result<GroupDescription>> {
        let ids: Vec<String> = groups.into_iter().map(Into::into).collect();
        let options = &options;
        self.retry_batch("DescribeGroups", options.timeout, ids, |pending| async move {
            let sends = pending.into_iter().map(|group| async move {
                let result = self.describe_group(&group, options.include_authorized_operations).await;
                (group, result)
            });
            Ok(join_all(sends).await)
        })
        .await
    }

    async fn describe_group(&self, group: &str, include_operations: bool) -> Result<GroupDescription> {
        let conn = self.coordinator(CoordinatorKind::Group, group).await?;
        let coordinator = conn.broker().node_id;
        if conn.versions().range(ApiKey::ConsumerGroupDescribe).is_some() {
            let request = ConsumerGroupDescribeRequest {
                group_ids: vec![group.into()],
                include_authorized_operations: include_operations,
                ..Default::default()
            };
            let response = conn.send(&request).await?;
            let described =
                response.groups.into_iter().find(|g| g.group_id == group).ok_or_else(|| AdminError::MissingResult {
                    context: format!("ConsumerGroupDescribe for {group}"),
                })?;
            match ErrorCode(described.error_code) {
                // Not a consumer group: it may be a classic one. Brokers that advertise the API
                // without the KIP-848 protocol enabled (3.7 to 3.9 by default) answer
                // UNSUPPORTED_VERSION: every group there is classic.
                ErrorCode::GROUP_ID_NOT_FOUND | ErrorCode::UNSUPPORTED_VERSION => {}
                code if !code.is_ok() => {
                    return Err(AdminError::from_code(
                        code,
                        described.error_message,
                        ResourceKind::Group,
                        group,
                        "ConsumerGroupDescribe",
                    ));
                }
                _ => {
                    let names = |a: kfk_protocol::messages::consumer_group_describe::response::Assignment| {
                        a.topic_partitions
                            .into_iter()
                            .flat_map(|t| t.partitions.into_iter().map(move |p| TopicPartition::new(&t.topic_name, p)))
                            .collect::<Vec<_>>()
                    };
                    return Ok(GroupDescription {
                        group_id: described.group_id,
                        group_type: GroupType::Consumer,
                        state: described.group_state,
                        protocol_type: "consumer".into(),
                        assignor: described.assignor_name,
                        members: described
                            .members
                            .into_iter()
                            .map(|m| MemberDescription {
                                member_id: m.member_id,
                                instance_id: m.instance_id,
                                client_id: m.client_id,
                                host: m.client_host,
                                assignment: names(m.assignment),
                                target_assignment: Some(names(m.target_assignment)),
                            })
                            .collect(),
                        coordinator,
                        authorized_operations: if include_operations {
                            authorized_operations(described.authorized_operations)
                        } else {
                            None
                        },
                    });
                }
            }
        }
        let request = DescribeGroupsRequest {
            groups: vec![group.into()],
            include_authorized_operations: include_operations,
            ..Default::default()
        };
        let response = conn.send(&request).await?;
        let described = response
            .groups
            .into_iter()
            .find(|g| g.group_id == group)
            .ok_or_else(|| AdminError::MissingResult { context: format!("DescribeGroups for {group}") })?;
        check(described.error_code, described.error_message.as_ref(), ResourceKind::Group, group, "DescribeGroups")?;
        // Brokers before KIP-1043 describe a group they do not know as "Dead".
        if described.group_state == "Dead" {
            return Err(AdminError::NotFound {
                kind: ResourceKind::Group,
                name: group.into(),
                code: ErrorCode::GROUP_ID_NOT_FOUND,
                message: Some(format!("group {group} is Dead (unknown to its coordinator)")),
            });
        }
        let consumer = described.protocol_type == "consumer" || described.protocol_type.is_empty();
        Ok(GroupDescription {
            group_id: described.group_id,
            group_type: GroupType::Classic,
            state: described.group_state,
            protocol_type: described.protocol_type,
            assignor: described.protocol_data,
            members: described
                .members
                .into_iter()
                .map(|m| MemberDescription {
                    assignment: if consumer { decode_assignment(m.member_assignment) } else { Vec::new() },
                    member_id: m.member_id,
                    instance_id: m.group_instance_id,
                    client_id: m.client_id,
                    host: m.client_host,
                    target_assignment: None,
                })
                .collect(),
            coordinator,
            authorized_operations: if include_operations {
                authorized_operations(described.authorized_operations)
            } else {
                None
            },
        })
    }

    /// Deletes groups (they must have no members). An unknown group gives
    /// [`AdminError::NotFound`], one with members `NON_EMPTY_GROUP`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let offsets = [(kfk_admin::TopicPartition::new("orders", 0), kfk_admin::OffsetAndMetadata::new(1))];
    /// # let committed = admin.alter_group_offsets("old-group", offsets, kfk_admin::GroupOptions::default()).await;
    /// # assert!(committed.values().all(Result::is_ok), "{committed:?}");
    /// for (group, result) in admin.delete_groups(["old-group"], kfk_admin::GroupOptions::default()).await {
    ///     println!("{group}: {result:?}");
    /// }
    /// # assert!(admin.list_groups(Default::default()).await?.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn delete_groups(
        &self,
        groups: impl IntoIterator<Item = impl Into<String>>,
        options: GroupOptions,
    ) -> BTreeMap<String, Result<()>> {
        let ids: Vec<String> = groups.into_iter().map(Into::into).collect();
        self.retry_batch("DeleteGroups", options.timeout, ids, |pending| async move {
            let sends = pending.into_iter().map(|group| async move {
                let result = async {
                    let conn = self.coordinator(CoordinatorKind::Group, &group).await?;
                    let response = conn
                        .send(&DeleteGroupsRequest { groups_names: vec![group.clone()], ..Default::default() })
                        .await?;
                    let r =
                        response.results.into_iter().find(|r| r.group_id == group).ok_or_else(|| {
                            AdminError::MissingResult { context: format!("DeleteGroups for {group}") }
                        })?;
                    check(r.error_code, r.error_message.as_ref(), ResourceKind::Group, &group, "DeleteGroups")
                }
                .await;
                (group, result)
            });
            Ok(join_all(sends).await)
        })
        .await
    }

    /// Removes members from a classic group (LeaveGroup on their behalf, Kafka 2.4+), by
    /// instance id or all of them. The result is keyed by instance id (static members) or
    /// member id.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// # stub.create_topic("orders", 1)?;
    /// # let producer = kfk_client::producer::Producer::new(kfk_client::config::ProducerConfig::builder().bootstrap_servers(stub.bootstrap()).build()?)?;
    /// # producer.send(kfk_client::producer::ProducerRecord::new("orders").value("v")).await?;
    /// # let consumer = kfk_client::consumer::Consumer::new(
    /// #     kfk_client::config::ConsumerConfig::builder()
    /// #         .bootstrap_servers(stub.bootstrap())
    /// #         .group_id("my-group")
    /// #         .group_instance_id("host-1")
    /// #         .auto_offset_reset(kfk_client::config::OffsetReset::Earliest)
    /// #         .build()?,
    /// # )?;
    /// # consumer.subscribe(["orders"])?;
    /// # // The first record comes once the consumer has joined the group and got its partition.
    /// # assert_eq!(consumer.poll(std::time::Duration::from_secs(30)).await?.len(), 1);
    /// use kfk_admin::{GroupOptions, MembersToRemove};
    /// let removed = admin.remove_members("my-group", MembersToRemove::Static(vec!["host-1".into()]), GroupOptions::default()).await?;
    /// println!("{removed:?}");
    /// # assert!(removed["host-1"].is_ok(), "{removed:?}");
    /// # Ok(()) }
    /// ```
    pub async fn remove_members(
        &self,
        group: &str,
        members: MembersToRemove,
        options: GroupOptions,
    ) -> Result<BTreeMap<String, Result<()>>> {
        let identities: Vec<MemberIdentity> = match members {
            MembersToRemove::Static(ids) => ids
                .into_iter()
                .map(|id| MemberIdentity {
                    group_instance_id: Some(id),
                    reason: Some("removed by an admin".into()),
                    ..Default::default()
                })
                .collect(),
            MembersToRemove::All => {
                let description = self
                    .describe_groups([group], DescribeGroupsOptions { timeout: options.timeout, ..Default::default() })
                    .await
                    .remove(group)
                    .unwrap_or_else(|| {
                        Err(AdminError::MissingResult { context: format!("DescribeGroups for {group}") })
                    })?;
                description
                    .members
                    .into_iter()
                    .map(|m| MemberIdentity {
                        member_id: if m.instance_id.is_some() { String::new() } else { m.member_id },
                        group_instance_id: m.instance_id,
                        reason: Some("removed by an admin".into()),
                        ..Default::default()
                    })
                    .collect()
            }
        };
        if identities.is_empty() {
            return Ok(BTreeMap::new());
        }
        let identities = &identities;
        self.retry("LeaveGroup", options.timeout, || async move {
            let conn = self.coordinator(CoordinatorKind::Group, group).await?;
            let version = conn.version_for(ApiKey::LeaveGroup)?;
            if version < 3 {
                return Err(AdminError::InvalidRequest(format!(
                    "removing members needs LeaveGroup v3 (Kafka 2.4+); {} offers v{version}",
                    conn.broker()
                )));
            }
            let request =
                LeaveGroupRequest { group_id: group.into(), members: identities.clone(), ..Default::default() };
            let response = conn.send_at(&request, version).await?;
            check(response.error_code, None, ResourceKind::Group, group, "LeaveGroup")?;
            Ok(response
                .members
                .into_iter()
                .map(|m| {
                    let key = m.group_instance_id.clone().unwrap_or_else(|| m.member_id.clone());
                    let result = ErrorCode(m.error_code).err().map_or(Ok(()), |code| {
                        Err(AdminError::request(code, None, &format!("LeaveGroup for member {key} of {group}")))
                    });
                    (key, result)
                })
                .collect())
        })
        .await
    }
}

/// The partitions in a classic consumer group member's assignment bytes (version-prefixed
/// `ConsumerProtocolAssignment`); undecodable bytes give no partitions, as a member of another
/// protocol would.
fn decode_assignment(bytes: Bytes) -> Vec<TopicPartition> {
    let mut buf = bytes;
    if buf.remaining() < 2 {
        return Vec::new();
    }
    let version = buf.get_i16();
    let version = version.clamp(ConsumerProtocolAssignment::VERSIONS.min, ConsumerProtocolAssignment::VERSIONS.max);
    match ConsumerProtocolAssignment::decode(&mut buf, version) {
        Ok(a) => a
            .assigned_partitions
            .into_iter()
            .flat_map(|t| t.partitions.into_iter().map(move |p| TopicPartition::new(&t.topic, p)))
            .collect(),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::BytesMut;
    use kfk_protocol::Encode;

    #[test]
    fn assignments_decode_with_their_version_prefix() {
        let a = ConsumerProtocolAssignment {
            assigned_partitions: vec![kfk_protocol::messages::data::consumer_protocol_assignment::TopicPartition {
                topic: "t".into(),
                partitions: vec![0, 2],
                ..Default::default()
            }],
            ..Default::default()
        };
        let mut buf = BytesMut::new();
        buf.extend_from_slice(&3i16.to_be_bytes());
        a.encode(&mut buf, 3).unwrap();
        assert_eq!(decode_assignment(buf.freeze()), vec![TopicPartition::new("t", 0), TopicPartition::new("t", 2)]);
        assert!(decode_assignment(Bytes::from_static(&[0])).is_empty());
        assert!(decode_assignment(Bytes::from_static(&[0, 3, 0xff])).is_empty());
    }
}
