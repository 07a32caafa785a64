//! `DescribeClusterRequest` (request, API key 60; versions 0-2; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeClusterRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeClusterRequest`: request, API key 60; versions 0-2; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterRequest {
    /// `IncludeClusterAuthorizedOperations`: bool; versions 0+.
    pub include_cluster_authorized_operations: bool,
    /// `EndpointType`: int8; versions 1+; default 1.
    pub endpoint_type: i8,
    /// `IncludeFencedBrokers`: bool; versions 2+.
    pub include_fenced_brokers: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClusterRequest {
    fn default() -> Self {
        Self {
            include_cluster_authorized_operations: false,
            endpoint_type: 1,
            include_fenced_brokers: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeClusterRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_bool(buf, self.include_cluster_authorized_operations);
        if version >= 1 {
            p::write_i8(buf, self.endpoint_type);
        } else if self.endpoint_type != 1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("endpoint_type"));
        }
        if version >= 2 {
            p::write_bool(buf, self.include_fenced_brokers);
        } else if self.include_fenced_brokers != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("include_fenced_brokers"));
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 1;
        if version >= 1 {
            len += 1;
        }
        if version >= 2 {
            len += 1;
        }
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.include_cluster_authorized_operations = p::read_bool(buf).ctx("include_cluster_authorized_operations")?;
        if version >= 1 {
            this.endpoint_type = p::read_i8(buf).ctx("endpoint_type")?;
        }
        if version >= 2 {
            this.include_fenced_brokers = p::read_bool(buf).ctx("include_fenced_brokers")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeClusterRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClusterRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeClusterRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeClusterRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClusterRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeClusterRequest", version))
    }
}

impl crate::Message for DescribeClusterRequest {
    const NAME: &'static str = "DescribeClusterRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for DescribeClusterRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeCluster;
    type Response = super::DescribeClusterResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeClusterRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("includeClusterAuthorizedOperations".into(), serde_json::Value::from(self.include_cluster_authorized_operations));
        if version >= 1 {
            map.insert("endpointType".into(), serde_json::Value::from(self.endpoint_type));
        }
        if version >= 2 {
            map.insert("includeFencedBrokers".into(), serde_json::Value::from(self.include_fenced_brokers));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeClusterRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.include_cluster_authorized_operations = rng.bool();
        if version >= 1 {
            this.endpoint_type = rng.next_u64() as i8;
        }
        if version >= 2 {
            this.include_fenced_brokers = rng.bool();
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

