//! ApiVersions: exactly the APIs and versions the stub serves, after the builder's caps.

use kafka_protocol::messages::api_versions::response::ApiVersion;
use kafka_protocol::messages::{ApiKey, ApiVersionsRequest, ApiVersionsResponse};
use kafka_protocol::VersionRange;

use crate::dispatch::Ctx;
use crate::state::{Config, Shared};
use kafka_protocol::ErrorCode;

/// The APIs the stub implements.
pub(crate) const IMPLEMENTED: &[ApiKey] = &[
    ApiKey::Produce,
    ApiKey::Fetch,
    ApiKey::ListOffsets,
    ApiKey::Metadata,
    ApiKey::ApiVersions,
    ApiKey::CreateTopics,
    ApiKey::DeleteTopics,
    ApiKey::InitProducerId,
    ApiKey::OffsetForLeaderEpoch,
    ApiKey::CreatePartitions,
    ApiKey::OffsetCommit,
    ApiKey::OffsetFetch,
    ApiKey::FindCoordinator,
    ApiKey::JoinGroup,
    ApiKey::Heartbeat,
    ApiKey::LeaveGroup,
    ApiKey::SyncGroup,
    ApiKey::DescribeGroups,
    ApiKey::ListGroups,
    ApiKey::DeleteGroups,
    ApiKey::OffsetDelete,
    ApiKey::DescribeConfigs,
    ApiKey::IncrementalAlterConfigs,
    ApiKey::DescribeCluster,
];

/// The versions of `api` the stub serves: what `kafka-protocol` implements, without a version
/// Kafka marks unstable, capped by the builder. `None` if the API is not served.
pub(crate) fn supported(config: &Config, api: ApiKey) -> Option<VersionRange> {
    if !IMPLEMENTED.contains(&api) {
        return None;
    }
    let range = api.versions();
    let mut max = if api.latest_version_unstable() { range.max - 1 } else { range.max };
    if let Some(&cap) = config.max_versions.get(&api) {
        max = max.min(cap);
    }
    if let Some(cap) = config.global_max_version {
        max = max.min(cap);
    }
    if api == ApiKey::ApiVersions {
        max = max.max(0);
    }
    (max >= range.min).then_some(VersionRange { min: range.min, max })
}

/// The ranges ApiVersions advertises, in key order.
pub(crate) fn advertised(config: &Config) -> Vec<ApiVersion> {
    IMPLEMENTED
        .iter()
        .filter_map(|&api| supported(config, api).map(|r| (api, r)))
        .map(|(api, r)| {
            let v = ApiVersion { api_key: api.key(), min_version: r.min, max_version: r.max, ..Default::default() };
            (api.key(), v)
        })
        .collect::<std::collections::BTreeMap<i16, ApiVersion>>()
        .into_values()
        .collect()
}

/// Kafka's rule for client software names and versions (v3+):
/// `[a-zA-Z0-9](?:[a-zA-Z0-9\-.]*[a-zA-Z0-9])?`.
fn valid_software_field(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    first.is_ascii_alphanumeric()
        && last.is_ascii_alphanumeric()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'.')
}

pub(crate) fn handle(shared: &Shared, ctx: &Ctx, request: ApiVersionsRequest) -> ApiVersionsResponse {
    if ctx.version >= 3
        && !(valid_software_field(&request.client_software_name)
            && valid_software_field(&request.client_software_version))
    {
        return ApiVersionsResponse { error_code: ErrorCode::INVALID_REQUEST.0, ..Default::default() };
    }
    ApiVersionsResponse { api_keys: advertised(&shared.config), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_names_follow_kafkas_pattern() {
        assert!(valid_software_field("apache-kafka-java"));
        assert!(valid_software_field("4.1.0"));
        assert!(valid_software_field("a"));
        assert!(!valid_software_field(""));
        assert!(!valid_software_field("-x"));
        assert!(!valid_software_field("x y"));
    }
}
