//! `ApiVersionsRequest` (request, API key 18; versions 0-5; flexible 3+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ApiVersionsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ApiVersionsRequest`: request, API key 18; versions 0-5; flexible 3+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersionsRequest {
    /// `ClientSoftwareName`: string; versions 3+; ignorable.
    pub client_software_name: String,
    /// `ClientSoftwareVersion`: string; versions 3+; ignorable.
    pub client_software_version: String,
    /// `ClusterId`: string; versions 5+; nullable 5+; default null; ignorable.
    pub cluster_id: Option<String>,
    /// `NodeId`: int32; versions 5+; default -1; ignorable.
    pub node_id: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ApiVersionsRequest {
    fn default() -> Self {
        Self {
            client_software_name: String::new(),
            client_software_version: String::new(),
            cluster_id: None,
            node_id: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ApiVersionsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_string(buf, &self.client_software_name, version >= 3).ctx("client_software_name")?;
        }
        if version >= 3 {
            p::write_string(buf, &self.client_software_version, version >= 3).ctx("client_software_version")?;
        }
        if version >= 5 {
            match &self.cluster_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 3).ctx("cluster_id")?;
                }
                None if version >= 5 => {
                    p::write_nullable_string(buf, None, version >= 3).ctx("cluster_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("cluster_id")),
            }
        }
        if version >= 5 {
            p::write_i32(buf, self.node_id);
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        if version >= 3 {
            len += p::string_len(&self.client_software_name, version >= 3);
        }
        if version >= 3 {
            len += p::string_len(&self.client_software_version, version >= 3);
        }
        if version >= 5 {
            len += match &self.cluster_id { Some(v) => p::string_len(v, version >= 3), None => if version >= 3 { 1 } else { 2 } };
        }
        if version >= 5 {
            len += 4;
        }
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.client_software_name = p::read_string(buf, version >= 3).ctx("client_software_name")?;
        }
        if version >= 3 {
            this.client_software_version = p::read_string(buf, version >= 3).ctx("client_software_version")?;
        }
        if version >= 5 {
            this.cluster_id = if version >= 5 { p::read_nullable_string(buf, version >= 3).ctx("cluster_id")? } else { Some(p::read_string(buf, version >= 3).ctx("cluster_id")?) };
        }
        if version >= 5 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ApiVersionsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ApiVersionsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ApiVersionsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ApiVersionsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ApiVersionsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ApiVersionsRequest", version))
    }
}

impl crate::Message for ApiVersionsRequest {
    const NAME: &'static str = "ApiVersionsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for ApiVersionsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ApiVersions;
    type Response = super::ApiVersionsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ApiVersionsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("clientSoftwareName".into(), serde_json::Value::from(self.client_software_name.as_str()));
        }
        if version >= 3 {
            map.insert("clientSoftwareVersion".into(), serde_json::Value::from(self.client_software_version.as_str()));
        }
        if version >= 5 {
            map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 5 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ApiVersionsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.client_software_name = rng.string();
        }
        if version >= 3 {
            this.client_software_version = rng.string();
        }
        if version >= 5 {
            this.cluster_id = if version >= 5 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 5 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

