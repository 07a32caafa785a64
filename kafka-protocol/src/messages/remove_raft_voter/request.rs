//! `RemoveRaftVoterRequest` (request, API key 81; versions 0; flexible 0+; listeners: controller, broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/RemoveRaftVoterRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `RemoveRaftVoterRequest`: request, API key 81; versions 0; flexible 0+; listeners: controller, broker.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoveRaftVoterRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+.
    pub cluster_id: Option<String>,
    /// `VoterId`: int32; versions 0+.
    pub voter_id: i32,
    /// `VoterDirectoryId`: uuid; versions 0+.
    pub voter_directory_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for RemoveRaftVoterRequest {
    fn default() -> Self {
        Self {
            cluster_id: Some(String::new()),
            voter_id: 0,
            voter_directory_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl RemoveRaftVoterRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        match &self.cluster_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("cluster_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
            }
        }
        p::write_i32(buf, self.voter_id);
        p::write_uuid(buf, &self.voter_directory_id);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += 16;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.cluster_id = p::read_nullable_string(buf, true).ctx("cluster_id")?;
        this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for RemoveRaftVoterRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("RemoveRaftVoterRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("RemoveRaftVoterRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for RemoveRaftVoterRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("RemoveRaftVoterRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("RemoveRaftVoterRequest", version))
    }
}

impl crate::Message for RemoveRaftVoterRequest {
    const NAME: &'static str = "RemoveRaftVoterRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for RemoveRaftVoterRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::RemoveRaftVoter;
    type Response = super::RemoveRaftVoterResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for RemoveRaftVoterRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("voterId".into(), serde_json::Value::from(self.voter_id));
        map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for RemoveRaftVoterRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

