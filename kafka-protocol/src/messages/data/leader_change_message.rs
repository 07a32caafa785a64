//! `LeaderChangeMessage` (data schema; versions 0-1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/LeaderChangeMessage.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `LeaderChangeMessage`: data schema; versions 0-1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderChangeMessage {
    /// `Version`: int16; versions 0+.
    pub version: i16,
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `Voters`: []Voter; versions 0+.
    pub voters: Vec<Voter>,
    /// `GrantingVoters`: []Voter; versions 0+.
    pub granting_voters: Vec<Voter>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderChangeMessage {
    fn default() -> Self {
        Self {
            version: 0,
            leader_id: 0,
            voters: Vec::new(),
            granting_voters: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaderChangeMessage {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.version);
        p::write_i32(buf, self.leader_id);
        p::write_array_len(buf, Some(self.voters.len()), true).ctx("voters")?;
        for e in &self.voters {
            (*e).encode_fields(buf, version).ctx("voters")?;
        }
        p::write_array_len(buf, Some(self.granting_voters.len()), true).ctx("granting_voters")?;
        for e in &self.granting_voters {
            (*e).encode_fields(buf, version).ctx("granting_voters")?;
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
        len += 4;
        len += p::array_len_len(Some(self.voters.len()), true) + self.voters.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.granting_voters.len()), true) + self.granting_voters.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        this.voters = p::read_array(buf, true, |buf| Voter::decode_fields(buf, version)).ctx("voters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("voters")?;
        this.granting_voters = p::read_array(buf, true, |buf| Voter::decode_fields(buf, version)).ctx("granting_voters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("granting_voters")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for LeaderChangeMessage {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("LeaderChangeMessage", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("LeaderChangeMessage", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for LeaderChangeMessage {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("LeaderChangeMessage", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("LeaderChangeMessage", version))
    }
}

impl crate::Message for LeaderChangeMessage {
    const NAME: &'static str = "LeaderChangeMessage";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for LeaderChangeMessage {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("version".into(), serde_json::Value::from(self.version));
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        map.insert("voters".into(), serde_json::Value::Array(self.voters.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("grantingVoters".into(), serde_json::Value::Array(self.granting_voters.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for LeaderChangeMessage {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.version = rng.next_u64() as i16;
        this.leader_id = rng.next_u64() as i32;
        this.voters = rng.vec(|rng| <Voter as crate::random::Random>::random(rng, version));
        this.granting_voters = rng.vec(|rng| <Voter as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Voter`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Voter {
    /// `VoterId`: int32; versions 0+.
    pub voter_id: i32,
    /// `VoterDirectoryId`: uuid; versions 1+.
    pub voter_directory_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Voter {
    fn default() -> Self {
        Self {
            voter_id: 0,
            voter_directory_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Voter {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.voter_id);
        if version >= 1 {
            p::write_uuid(buf, &self.voter_directory_id);
        } else if self.voter_directory_id != crate::Uuid::ZERO {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("voter_directory_id"));
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
        if version >= 1 {
            len += 16;
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
        this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        if version >= 1 {
            this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        }
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
        if version >= 1 {
            map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Voter {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.voter_id = rng.next_u64() as i32;
        if version >= 1 {
            this.voter_directory_id = rng.uuid();
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

