//! `UpdateRaftVoterRequest` (request, API key 82; versions 0; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/UpdateRaftVoterRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `UpdateRaftVoterRequest`: request, API key 82; versions 0; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateRaftVoterRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+.
    pub cluster_id: Option<String>,
    /// `CurrentLeaderEpoch`: int32; versions 0+.
    pub current_leader_epoch: i32,
    /// `VoterId`: int32; versions 0+.
    pub voter_id: i32,
    /// `VoterDirectoryId`: uuid; versions 0+.
    pub voter_directory_id: crate::Uuid,
    /// `Listeners`: []Listener; versions 0+.
    pub listeners: Vec<Listener>,
    /// `KRaftVersionFeature`: KRaftVersionFeature; versions 0+.
    pub k_raft_version_feature: KRaftVersionFeature,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for UpdateRaftVoterRequest {
    fn default() -> Self {
        Self {
            cluster_id: Some(String::new()),
            current_leader_epoch: 0,
            voter_id: 0,
            voter_directory_id: crate::Uuid::ZERO,
            listeners: Vec::new(),
            k_raft_version_feature: KRaftVersionFeature::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl UpdateRaftVoterRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.cluster_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("cluster_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
            }
        }
        p::write_i32(buf, self.current_leader_epoch);
        p::write_i32(buf, self.voter_id);
        p::write_uuid(buf, &self.voter_directory_id);
        p::write_array_len(buf, Some(self.listeners.len()), true).ctx("listeners")?;
        for e in &self.listeners {
            (*e).encode_fields(buf, version).ctx("listeners")?;
        }
        self.k_raft_version_feature.encode_fields(buf, version).ctx("k_raft_version_feature")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += 4;
        len += 16;
        len += p::array_len_len(Some(self.listeners.len()), true) + self.listeners.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += self.k_raft_version_feature.fields_len(version);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.cluster_id = p::read_nullable_string(buf, true).ctx("cluster_id")?;
        this.current_leader_epoch = p::read_i32(buf).ctx("current_leader_epoch")?;
        this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        this.listeners = p::read_array(buf, true, |buf| Listener::decode_fields(buf, version)).ctx("listeners")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("listeners")?;
        this.k_raft_version_feature = KRaftVersionFeature::decode_fields(buf, version).ctx("k_raft_version_feature")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for UpdateRaftVoterRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("UpdateRaftVoterRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("UpdateRaftVoterRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for UpdateRaftVoterRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("UpdateRaftVoterRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("UpdateRaftVoterRequest", version))
    }
}

impl crate::Message for UpdateRaftVoterRequest {
    const NAME: &'static str = "UpdateRaftVoterRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for UpdateRaftVoterRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::UpdateRaftVoter;
    type Response = super::UpdateRaftVoterResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for UpdateRaftVoterRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("currentLeaderEpoch".into(), serde_json::Value::from(self.current_leader_epoch));
        map.insert("voterId".into(), serde_json::Value::from(self.voter_id));
        map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        map.insert("listeners".into(), serde_json::Value::Array(self.listeners.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("kRaftVersionFeature".into(), crate::json::ToJson::to_json(&self.k_raft_version_feature, version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for UpdateRaftVoterRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        this.current_leader_epoch = rng.next_u64() as i32;
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        this.listeners = rng.vec(|rng| <Listener as crate::random::Random>::random(rng, version));
        this.k_raft_version_feature = <KRaftVersionFeature as crate::random::Random>::random(rng, version);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Listener`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: uint16; versions 0+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Listener {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_string(buf, &self.host, true).ctx("host")?;
        p::write_u16(buf, self.port);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.name, true);
        len += p::string_len(&self.host, true);
        len += 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, true).ctx("name")?;
        this.host = p::read_string(buf, true).ctx("host")?;
        this.port = p::read_u16(buf).ctx("port")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Listener {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Listener {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Listener {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Listener {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.host = rng.string();
        this.port = rng.next_u64() as u16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `KRaftVersionFeature`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct KRaftVersionFeature {
    /// `MinSupportedVersion`: int16; versions 0+.
    pub min_supported_version: i16,
    /// `MaxSupportedVersion`: int16; versions 0+.
    pub max_supported_version: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for KRaftVersionFeature {
    fn default() -> Self {
        Self {
            min_supported_version: 0,
            max_supported_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl KRaftVersionFeature {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.min_supported_version);
        p::write_i16(buf, self.max_supported_version);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len += 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.min_supported_version = p::read_i16(buf).ctx("min_supported_version")?;
        this.max_supported_version = p::read_i16(buf).ctx("max_supported_version")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for KRaftVersionFeature {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for KRaftVersionFeature {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for KRaftVersionFeature {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("minSupportedVersion".into(), serde_json::Value::from(self.min_supported_version));
        map.insert("maxSupportedVersion".into(), serde_json::Value::from(self.max_supported_version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for KRaftVersionFeature {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.min_supported_version = rng.next_u64() as i16;
        this.max_supported_version = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

