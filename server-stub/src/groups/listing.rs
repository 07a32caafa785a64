//! ListGroups and DescribeGroups over the groups of both types.

use std::collections::BTreeSet;

use kfk_protocol::messages::describe_groups::response::{DescribedGroup, DescribedGroupMember};
use kfk_protocol::messages::list_groups::response::ListedGroup;
use kfk_protocol::ErrorCode;

use super::classic::GroupState;
use super::GroupCoordinator;

impl GroupCoordinator {
    /// ListGroups over the groups `mine` accepts, filtered by state and type names (any case).
    pub(crate) fn list(&self, mine: impl Fn(&str) -> bool, states: &[String], types: &[String]) -> Vec<ListedGroup> {
        let states: BTreeSet<String> = states.iter().map(|s| s.trim().to_lowercase()).collect();
        let types: BTreeSet<String> = types.iter().map(|t| t.trim().to_lowercase()).collect();
        self.groups
            .values()
            .filter(|g| mine(&g.id) && !g.is(GroupState::Dead))
            .filter(|g| states.is_empty() || states.contains(&g.state().name().to_lowercase()))
            .filter(|_| types.is_empty() || types.contains("classic"))
            .map(|g| ListedGroup {
                group_id: g.id.clone(),
                protocol_type: g.protocol_type.clone().unwrap_or_default(),
                group_state: g.state().name().to_owned(),
                group_type: "classic".to_owned(),
                ..Default::default()
            })
            .chain(
                self.consumer
                    .values()
                    .filter(|g| mine(&g.id))
                    .filter(|g| states.is_empty() || states.contains(&g.state().name().to_lowercase()))
                    .filter(|_| types.is_empty() || types.contains("consumer"))
                    .map(|g| ListedGroup {
                        group_id: g.id.clone(),
                        protocol_type: "consumer".to_owned(),
                        group_state: g.state().name().to_owned(),
                        group_type: "consumer".to_owned(),
                        ..Default::default()
                    }),
            )
            .collect()
    }

    /// DescribeGroups for one group; `None` if there is no such group.
    pub(crate) fn describe(&self, id: &str) -> Option<DescribedGroup> {
        if self.consumer.contains_key(id) {
            // Kafka answers DescribeGroups for a consumer group as for an unknown one, with a
            // message pointing at ConsumerGroupDescribe.
            return Some(DescribedGroup {
                group_id: id.to_owned(),
                error_code: ErrorCode::GROUP_ID_NOT_FOUND.0,
                error_message: Some(format!("Group {id} is not a classic group.")),
                group_state: "Dead".to_owned(),
                ..Default::default()
            });
        }
        let g = self.groups.get(id).filter(|g| !g.is(GroupState::Dead))?;
        let stable_protocol = g.protocol_name.as_deref().filter(|_| g.is(GroupState::Stable));
        Some(DescribedGroup {
            group_id: id.to_owned(),
            group_state: g.state().name().to_owned(),
            protocol_type: g.protocol_type.clone().unwrap_or_default(),
            protocol_data: stable_protocol.unwrap_or_default().to_owned(),
            members: g
                .members()
                .map(|m| DescribedGroupMember {
                    member_id: m.id.clone(),
                    group_instance_id: m.instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    member_metadata: stable_protocol.map(|p| m.metadata(p)).unwrap_or_default(),
                    member_assignment: m.assignment.clone(),
                    ..Default::default()
                })
                .collect(),
            error_message: None,
            ..Default::default()
        })
    }
}
