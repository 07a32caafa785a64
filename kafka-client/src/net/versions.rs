//! The API versions a broker advertises, and the choice of version per request.

use std::collections::HashMap;

use kfk_protocol::messages::{ApiKey, ApiVersionsResponse};

use crate::error::{BrokerId, Error, Result};

/// A broker's advertised version range per API.
#[derive(Debug, Clone, Default)]
pub struct ApiVersions {
    ranges: HashMap<i16, (i16, i16)>,
    /// Finalized feature levels (`metadata.version`, `transaction.version`, ...), max level by name.
    features: HashMap<String, i16>,
}

impl ApiVersions {
    /// The ranges in an ApiVersions response.
    pub fn from_response(response: &ApiVersionsResponse) -> Self {
        ApiVersions {
            ranges: response.api_keys.iter().map(|k| (k.api_key, (k.min_version, k.max_version))).collect(),
            features: response.finalized_features.iter().map(|f| (f.name.clone(), f.max_version_level)).collect(),
        }
    }

    /// The finalized level of a cluster feature (KIP-584), if the broker reports it.
    pub fn feature_level(&self, name: &str) -> Option<i16> {
        self.features.get(name).copied()
    }

    /// The broker's range for `api`, if it supports it.
    pub fn range(&self, api: ApiKey) -> Option<(i16, i16)> {
        self.ranges.get(&api.key()).copied()
    }

    /// The highest version both the broker and this client support; on failure, the broker's
    /// range as text for the error message.
    pub fn negotiate(&self, api: ApiKey) -> std::result::Result<i16, String> {
        let Some((min, max)) = self.range(api) else {
            return Err("none".into());
        };
        let ours = api.versions();
        let version = max.min(ours.max);
        if version >= min.max(ours.min) {
            Ok(version)
        } else {
            Err(format!("{min}..={max}"))
        }
    }

    /// Fails if the broker is older than Kafka 2.1, the oldest release this client supports
    /// (2.1 introduced Produce v7 and Fetch v10).
    pub fn check_baseline(&self, broker: &BrokerId) -> Result<()> {
        let produce = self.range(ApiKey::Produce).map(|r| r.1);
        let fetch = self.range(ApiKey::Fetch).map(|r| r.1);
        match (produce, fetch) {
            (Some(p), Some(f)) if p < 7 || f < 10 => Err(Error::BrokerTooOld {
                broker: broker.clone(),
                detail: format!("it offers Produce up to v{p} and Fetch up to v{f}; 2.1 has v7 and v10"),
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kfk_protocol::messages::api_versions::response::ApiVersion;

    fn broker(ranges: &[(ApiKey, i16, i16)]) -> ApiVersions {
        let response = ApiVersionsResponse {
            api_keys: ranges
                .iter()
                .map(|&(k, min, max)| ApiVersion {
                    api_key: k.key(),
                    min_version: min,
                    max_version: max,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        ApiVersions::from_response(&response)
    }

    #[test]
    fn picks_the_highest_common_version() {
        let v = broker(&[(ApiKey::Metadata, 0, 9), (ApiKey::Fetch, 4, 99)]);
        assert_eq!(v.negotiate(ApiKey::Metadata), Ok(9));
        assert_eq!(v.negotiate(ApiKey::Fetch), Ok(ApiKey::Fetch.versions().max));
        assert_eq!(v.negotiate(ApiKey::Produce), Err("none".into()));
    }

    #[test]
    fn no_overlap_is_an_error() {
        let v = broker(&[(ApiKey::Produce, 0, 2)]);
        assert_eq!(v.negotiate(ApiKey::Produce), Err("0..=2".into()));
    }

    #[test]
    fn brokers_before_2_1_are_refused_with_the_reason() {
        let id = BrokerId { node_id: 1, addr: "h:9092".into() };
        let old = broker(&[(ApiKey::Produce, 0, 6), (ApiKey::Fetch, 0, 8)]);
        let err = old.check_baseline(&id).unwrap_err();
        assert!(err.to_string().contains("older than Kafka 2.1"), "{err}");
        let new = broker(&[(ApiKey::Produce, 3, 12), (ApiKey::Fetch, 4, 17)]);
        assert!(new.check_baseline(&id).is_ok());
    }
}
