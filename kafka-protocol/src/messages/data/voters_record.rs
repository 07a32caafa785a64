//! `VotersRecord` (data schema; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/VotersRecord.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `VotersRecord`: data schema; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct VotersRecord {
    /// `Version`: int16; versions 0+.
    pub version: i16,
    /// `Voters`: []Voter; versions 0+.
    pub voters: Vec<Voter>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for VotersRecord {
    fn default() -> Self {
        Self {
            version: 0,
            voters: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl VotersRecord {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.version);
        p::write_array_len(buf, Some(self.voters.len()), true).ctx("voters")?;
        for e in &self.voters {
            (*e).encode_fields(buf, version).ctx("voters")?;
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
        len += 2;
        len += p::array_len_len(Some(self.voters.len()), true) + self.voters.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.version = p::read_i16(buf).ctx("version")?;
        this.voters = p::read_array(buf, true, |buf| Voter::decode_fields(buf, version)).ctx("voters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("voters")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for VotersRecord {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("VotersRecord", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("VotersRecord", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for VotersRecord {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("VotersRecord", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("VotersRecord", version))
    }
}

impl crate::Message for VotersRecord {
    const NAME: &'static str = "VotersRecord";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for VotersRecord {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("version".into(), serde_json::Value::from(self.version));
        map.insert("voters".into(), serde_json::Value::Array(self.voters.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for VotersRecord {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.version = rng.next_u64() as i16;
        this.voters = rng.vec(|rng| <Voter as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Endpoint`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: uint16; versions 0+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Endpoint {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Endpoint {
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

impl crate::Encode for Endpoint {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Endpoint {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Endpoint {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Endpoint {
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

/// `Voter`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Voter {
    /// `VoterId`: int32; versions 0+; entity type brokerId.
    pub voter_id: i32,
    /// `VoterDirectoryId`: uuid; versions 0+.
    pub voter_directory_id: crate::Uuid,
    /// `Endpoints`: []Endpoint; versions 0+.
    pub endpoints: Vec<Endpoint>,
    /// `KRaftVersionFeature`: KRaftVersionFeature; versions 0+.
    pub k_raft_version_feature: KRaftVersionFeature,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Voter {
    fn default() -> Self {
        Self {
            voter_id: 0,
            voter_directory_id: crate::Uuid::ZERO,
            endpoints: Vec::new(),
            k_raft_version_feature: KRaftVersionFeature::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Voter {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.voter_id);
        p::write_uuid(buf, &self.voter_directory_id);
        p::write_array_len(buf, Some(self.endpoints.len()), true).ctx("endpoints")?;
        for e in &self.endpoints {
            (*e).encode_fields(buf, version).ctx("endpoints")?;
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
        len += 4;
        len += 16;
        len += p::array_len_len(Some(self.endpoints.len()), true) + self.endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        this.endpoints = p::read_array(buf, true, |buf| Endpoint::decode_fields(buf, version)).ctx("endpoints")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("endpoints")?;
        this.k_raft_version_feature = KRaftVersionFeature::decode_fields(buf, version).ctx("k_raft_version_feature")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Voter {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Voter {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Voter {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("voterId".into(), serde_json::Value::from(self.voter_id));
        map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        map.insert("endpoints".into(), serde_json::Value::Array(self.endpoints.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("kRaftVersionFeature".into(), crate::json::ToJson::to_json(&self.k_raft_version_feature, version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Voter {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        this.endpoints = rng.vec(|rng| <Endpoint as crate::random::Random>::random(rng, version));
        this.k_raft_version_feature = <KRaftVersionFeature as crate::random::Random>::random(rng, version);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

