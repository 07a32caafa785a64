//! `AddRaftVoterRequest` (request, API key 80; versions 0-1; flexible 0+; listeners: controller, broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AddRaftVoterRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AddRaftVoterRequest`: request, API key 80; versions 0-1; flexible 0+; listeners: controller, broker.
#[derive(Debug, Clone, PartialEq)]
pub struct AddRaftVoterRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+.
    pub cluster_id: Option<String>,
    /// `TimeoutMs`: int32; versions 0+.
    pub timeout_ms: i32,
    /// `VoterId`: int32; versions 0+.
    pub voter_id: i32,
    /// `VoterDirectoryId`: uuid; versions 0+.
    pub voter_directory_id: crate::Uuid,
    /// `Listeners`: []Listener; versions 0+.
    pub listeners: Vec<Listener>,
    /// `AckWhenCommitted`: bool; versions 1+; default true.
    pub ack_when_committed: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AddRaftVoterRequest {
    fn default() -> Self {
        Self {
            cluster_id: Some(String::new()),
            timeout_ms: 0,
            voter_id: 0,
            voter_directory_id: crate::Uuid::ZERO,
            listeners: Vec::new(),
            ack_when_committed: true,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AddRaftVoterRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.cluster_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("cluster_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
            }
        }
        p::write_i32(buf, self.timeout_ms);
        p::write_i32(buf, self.voter_id);
        p::write_uuid(buf, &self.voter_directory_id);
        p::write_array_len(buf, Some(self.listeners.len()), true).ctx("listeners")?;
        for e in &self.listeners {
            (*e).encode_fields(buf, version).ctx("listeners")?;
        }
        if version >= 1 {
            p::write_bool(buf, self.ack_when_committed);
        } else if self.ack_when_committed != true {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("ack_when_committed"));
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
        len += match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += 4;
        len += 16;
        len += p::array_len_len(Some(self.listeners.len()), true) + self.listeners.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
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
        this.cluster_id = p::read_nullable_string(buf, true).ctx("cluster_id")?;
        this.timeout_ms = p::read_i32(buf).ctx("timeout_ms")?;
        this.voter_id = p::read_i32(buf).ctx("voter_id")?;
        this.voter_directory_id = p::read_uuid(buf).ctx("voter_directory_id")?;
        this.listeners = p::read_array(buf, true, |buf| Listener::decode_fields(buf, version)).ctx("listeners")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("listeners")?;
        if version >= 1 {
            this.ack_when_committed = p::read_bool(buf).ctx("ack_when_committed")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AddRaftVoterRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AddRaftVoterRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AddRaftVoterRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AddRaftVoterRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AddRaftVoterRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AddRaftVoterRequest", version))
    }
}

impl crate::Message for AddRaftVoterRequest {
    const NAME: &'static str = "AddRaftVoterRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for AddRaftVoterRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AddRaftVoter;
    type Response = super::AddRaftVoterResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AddRaftVoterRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("timeoutMs".into(), serde_json::Value::from(self.timeout_ms));
        map.insert("voterId".into(), serde_json::Value::from(self.voter_id));
        map.insert("voterDirectoryId".into(), serde_json::Value::from(self.voter_directory_id.to_base64()));
        map.insert("listeners".into(), serde_json::Value::Array(self.listeners.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 1 {
            map.insert("ackWhenCommitted".into(), serde_json::Value::from(self.ack_when_committed));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AddRaftVoterRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        this.timeout_ms = rng.next_u64() as i32;
        this.voter_id = rng.next_u64() as i32;
        this.voter_directory_id = rng.uuid();
        this.listeners = rng.vec(|rng| <Listener as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.ack_when_committed = rng.bool();
        }
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

