//! ApiVersions: exactly the APIs and versions the stub serves, after the builder's caps.
//!
//! The transaction coordinator implements transaction protocol version 1 (KIP-890 part 1, not
//! part 2): the stub finalizes the feature `transaction.version` at level 1, and serves the
//! transaction APIs only up to their last version before transaction version 2 (EndTxn 4,
//! TxnOffsetCommit 4; AddPartitionsToTxn 3, version 4+ being the brokers' batched form). Produce
//! stays at its latest version because v12+ changes nothing for other batches; clients at
//! transaction version 1 send transactional batches with v11 or lower, as the Java client does
//! (see [`super::produce`] for a transactional batch that comes with v12+ anyway).

use kafka_protocol::messages::api_versions::response::{ApiVersion, FinalizedFeatureKey, SupportedFeatureKey};
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
    ApiKey::AddPartitionsToTxn,
    ApiKey::AddOffsetsToTxn,
    ApiKey::EndTxn,
    ApiKey::TxnOffsetCommit,
];

/// The highest transaction protocol version the stub implements (`transaction.version`).
pub(crate) const TRANSACTION_VERSION: i16 = 1;

/// The last version of each API before transaction version 2 changed it.
const BEFORE_TRANSACTION_V2: &[(ApiKey, i16)] =
    &[(ApiKey::Produce, 11), (ApiKey::EndTxn, 4), (ApiKey::TxnOffsetCommit, 4), (ApiKey::AddPartitionsToTxn, 3)];

/// The versions of `api` the stub serves: what `kafka-protocol` implements, without a version
/// Kafka marks unstable, capped by the builder. `None` if the API is not served.
pub(crate) fn supported(config: &Config, api: ApiKey) -> Option<VersionRange> {
    if !IMPLEMENTED.contains(&api) {
        return None;
    }
    let range = api.versions();
    let mut max = if api.latest_version_unstable() { range.max - 1 } else { range.max };
    if let Some(&(_, cap)) = BEFORE_TRANSACTION_V2.iter().find(|(a, _)| *a == api) {
        max = max.min(cap);
    }
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
    let mut response = ApiVersionsResponse { api_keys: advertised(&shared.config), ..Default::default() };
    if ctx.version >= 3 {
        response.supported_features = vec![SupportedFeatureKey {
            name: "transaction.version".to_owned(),
            min_version: 0,
            max_version: TRANSACTION_VERSION,
            ..Default::default()
        }];
        response.finalized_features_epoch = 1;
        response.finalized_features = vec![FinalizedFeatureKey {
            name: "transaction.version".to_owned(),
            min_version_level: TRANSACTION_VERSION,
            max_version_level: TRANSACTION_VERSION,
            ..Default::default()
        }];
    }
    response
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
