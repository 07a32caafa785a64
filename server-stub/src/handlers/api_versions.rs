//! ApiVersions: exactly the APIs and versions the stub serves, after the builder's caps.
//!
//! Transactions: the stub implements both transaction protocol versions (KIP-890) and
//! finalizes the feature `transaction.version` at 2, as Kafka 4 does, unless the builder's caps
//! leave out a version 2 request (Produce v12, EndTxn v5, TxnOffsetCommit v5): then at 1, so
//! that clients run transactions the version 1 way. AddPartitionsToTxn is served up to v3, the
//! clients' form (v4+ is the brokers' batched form).
//!
//! SaslHandshake is served from v0 (raw SASL tokens after it, before KIP-152). CreateAcls,
//! DescribeAcls and DeleteAcls are served always, as by Kafka: without an authorizer they
//! answer SECURITY_DISABLED.
//!
//! Consumer groups: `group.version` is finalized at 1 (KIP-848's protocol) while
//! ConsumerGroupHeartbeat is served, as on Kafka 4.

use kfk_protocol::messages::api_versions::response::{ApiVersion, FinalizedFeatureKey, SupportedFeatureKey};
use kfk_protocol::messages::{ApiKey, ApiVersionsRequest, ApiVersionsResponse};
use kfk_protocol::VersionRange;

use crate::handlers::Ctx;
use crate::state::{Config, Shared};
use kfk_protocol::ErrorCode;

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
    ApiKey::DescribeConfigs,
    ApiKey::IncrementalAlterConfigs,
    ApiKey::ListConfigResources,
    ApiKey::DescribeCluster,
    ApiKey::DeleteRecords,
    ApiKey::DescribeProducers,
    ApiKey::DescribeTransactions,
    ApiKey::ListTransactions,
    ApiKey::WriteTxnMarkers,
    ApiKey::ConsumerGroupHeartbeat,
    ApiKey::ConsumerGroupDescribe,
    ApiKey::SaslHandshake,
    ApiKey::SaslAuthenticate,
    ApiKey::DescribeUserScramCredentials,
    ApiKey::AlterUserScramCredentials,
    ApiKey::CreateAcls,
    ApiKey::DescribeAcls,
    ApiKey::DeleteAcls,
    ApiKey::GetTelemetrySubscriptions,
    ApiKey::PushTelemetry,
];

/// The highest transaction protocol version the stub implements (`transaction.version`).
pub(crate) const TRANSACTION_VERSION: i16 = 2;

/// The first version of each request that transaction version 2 needs.
const TRANSACTION_V2_REQUESTS: &[(ApiKey, i16)] =
    &[(ApiKey::Produce, 12), (ApiKey::EndTxn, 5), (ApiKey::TxnOffsetCommit, 5)];

/// The last AddPartitionsToTxn version clients send.
const ADD_PARTITIONS_CLIENT_MAX: i16 = 3;

/// The transaction version the stub finalizes: 2 if every request it needs is served.
pub(crate) fn transaction_version(config: &Config) -> i16 {
    let v2 = TRANSACTION_V2_REQUESTS.iter().all(|&(api, v)| supported(config, api).is_some_and(|r| r.max >= v));
    if v2 {
        TRANSACTION_VERSION
    } else {
        1
    }
}

/// The highest consumer group protocol version the stub implements (`group.version`; 1 is
/// KIP-848's protocol).
pub(crate) const GROUP_VERSION: i16 = 1;

/// The group version the stub finalizes: 1 while ConsumerGroupHeartbeat is served.
pub(crate) fn group_version(config: &Config) -> i16 {
    if supported(config, ApiKey::ConsumerGroupHeartbeat).is_some() {
        GROUP_VERSION
    } else {
        0
    }
}

/// The versions of `api` the stub serves: what `kfk-protocol` implements, without a version
/// Kafka marks unstable, capped by the builder. `None` if the API is not served.
pub(crate) fn supported(config: &Config, api: ApiKey) -> Option<VersionRange> {
    if !IMPLEMENTED.contains(&api) {
        return None;
    }
    let range = api.versions();
    let mut max = if api.latest_version_unstable() { range.max - 1 } else { range.max };
    if api == ApiKey::AddPartitionsToTxn {
        max = max.min(ADD_PARTITIONS_CLIENT_MAX);
    }
    if api == ApiKey::ListTransactions {
        max = max.min(super::txn_admin::LIST_TRANSACTIONS_MAX);
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
pub(crate) fn valid_software_field(s: &str) -> bool {
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
    let mut api_keys = advertised(&shared.config);
    // The telemetry APIs only with a receiver, as Kafka (`ClientMetricsManager`).
    if shared.telemetry().subscription.is_none() {
        let telemetry = [ApiKey::GetTelemetrySubscriptions.key(), ApiKey::PushTelemetry.key()];
        api_keys.retain(|v| !telemetry.contains(&v.api_key));
    }
    let mut response = ApiVersionsResponse { api_keys, ..Default::default() };
    if ctx.version >= 3 {
        let features = [
            ("transaction.version", TRANSACTION_VERSION, transaction_version(&shared.config)),
            ("group.version", GROUP_VERSION, group_version(&shared.config)),
        ];
        response.supported_features = features
            .iter()
            .map(|&(name, max, _)| SupportedFeatureKey {
                name: name.to_owned(),
                min_version: 0,
                max_version: max,
                ..Default::default()
            })
            .collect();
        response.finalized_features_epoch = 1;
        // As Kafka, a feature finalized at level 0 is not listed.
        response.finalized_features = features
            .iter()
            .filter(|&&(_, _, level)| level > 0)
            .map(|&(name, _, level)| FinalizedFeatureKey {
                name: name.to_owned(),
                min_version_level: level,
                max_version_level: level,
                ..Default::default()
            })
            .collect();
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
