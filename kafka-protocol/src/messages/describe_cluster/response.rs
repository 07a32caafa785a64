//! `DescribeClusterResponse` (response, API key 60; versions 0-2; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeClusterResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeClusterResponse`: response, API key 60; versions 0-2; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// `EndpointType`: int8; versions 1+; default 1.
    pub endpoint_type: i8,
    /// `ClusterId`: string; versions 0+.
    pub cluster_id: String,
    /// `ControllerId`: int32; versions 0+; default -1; entity type brokerId.
    pub controller_id: i32,
    /// `Brokers`: []DescribeClusterBroker; versions 0+.
    pub brokers: Vec<DescribeClusterBroker>,
    /// `ClusterAuthorizedOperations`: int32; versions 0+; default -2147483648.
    pub cluster_authorized_operations: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClusterResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: None,
            endpoint_type: 1,
            cluster_id: String::new(),
            controller_id: -1,
            brokers: Vec::new(),
            cluster_authorized_operations: i32::MIN,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeClusterResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
        }
        if version >= 1 {
            p::write_i8(buf, self.endpoint_type);
        } else if self.endpoint_type != 1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("endpoint_type"));
        }
        p::write_string(buf, &self.cluster_id, true).ctx("cluster_id")?;
        p::write_i32(buf, self.controller_id);
        p::write_array_len(buf, Some(self.brokers.len()), true).ctx("brokers")?;
        for e in &self.brokers {
            (*e).encode_fields(buf, version).ctx("brokers")?;
        }
        p::write_i32(buf, self.cluster_authorized_operations);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        if version >= 1 {
            len += 1;
        }
        len += p::string_len(&self.cluster_id, true);
        len += 4;
        len += p::array_len_len(Some(self.brokers.len()), true) + self.brokers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        if version >= 1 {
            this.endpoint_type = p::read_i8(buf).ctx("endpoint_type")?;
        }
        this.cluster_id = p::read_string(buf, true).ctx("cluster_id")?;
        this.controller_id = p::read_i32(buf).ctx("controller_id")?;
        this.brokers = p::read_array(buf, true, |buf| DescribeClusterBroker::decode_fields(buf, version)).ctx("brokers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("brokers")?;
        this.cluster_authorized_operations = p::read_i32(buf).ctx("cluster_authorized_operations")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeClusterResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClusterResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeClusterResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeClusterResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeClusterResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeClusterResponse", version))
    }
}

impl crate::Message for DescribeClusterResponse {
    const NAME: &'static str = "DescribeClusterResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeClusterResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("endpointType".into(), serde_json::Value::from(self.endpoint_type));
        }
        map.insert("clusterId".into(), serde_json::Value::from(self.cluster_id.as_str()));
        map.insert("controllerId".into(), serde_json::Value::from(self.controller_id));
        map.insert("brokers".into(), serde_json::Value::Array(self.brokers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("clusterAuthorizedOperations".into(), serde_json::Value::from(self.cluster_authorized_operations));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeClusterResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        if version >= 1 {
            this.endpoint_type = rng.next_u64() as i8;
        }
        this.cluster_id = rng.string();
        this.controller_id = rng.next_u64() as i32;
        this.brokers = rng.vec(|rng| <DescribeClusterBroker as crate::random::Random>::random(rng, version));
        this.cluster_authorized_operations = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeClusterBroker`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterBroker {
    /// `BrokerId`: int32; versions 0+; entity type brokerId; map key.
    pub broker_id: i32,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: int32; versions 0+.
    pub port: i32,
    /// `Rack`: string; versions 0+; nullable 0+; default null.
    pub rack: Option<String>,
    /// `IsFenced`: bool; versions 2+.
    pub is_fenced: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeClusterBroker {
    fn default() -> Self {
        Self {
            broker_id: 0,
            host: String::new(),
            port: 0,
            rack: None,
            is_fenced: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeClusterBroker {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.broker_id);
        p::write_string(buf, &self.host, true).ctx("host")?;
        p::write_i32(buf, self.port);
        match &self.rack {
            Some(v) => {
                p::write_string(buf, v, true).ctx("rack")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("rack")?;
            }
        }
        if version >= 2 {
            p::write_bool(buf, self.is_fenced);
        } else if self.is_fenced != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("is_fenced"));
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
        len += 4;
        len += p::string_len(&self.host, true);
        len += 4;
        len += match &self.rack { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
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
        this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        this.host = p::read_string(buf, true).ctx("host")?;
        this.port = p::read_i32(buf).ctx("port")?;
        this.rack = p::read_nullable_string(buf, true).ctx("rack")?;
        if version >= 2 {
            this.is_fenced = p::read_bool(buf).ctx("is_fenced")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeClusterBroker {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeClusterBroker {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeClusterBroker {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        map.insert("rack".into(), match &self.rack { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 2 {
            map.insert("isFenced".into(), serde_json::Value::from(self.is_fenced));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeClusterBroker {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.host = rng.string();
        this.port = rng.next_u64() as i32;
        this.rack = rng.option(|rng| rng.string());
        if version >= 2 {
            this.is_fenced = rng.bool();
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

