//! `ControllerRegistrationRequest` (request, API key 70; versions 0; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ControllerRegistrationRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ControllerRegistrationRequest`: request, API key 70; versions 0; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct ControllerRegistrationRequest {
    /// `ControllerId`: int32; versions 0+.
    pub controller_id: i32,
    /// `IncarnationId`: uuid; versions 0+.
    pub incarnation_id: crate::Uuid,
    /// `ZkMigrationReady`: bool; versions 0+.
    pub zk_migration_ready: bool,
    /// `Listeners`: []Listener; versions 0+.
    pub listeners: Vec<Listener>,
    /// `Features`: []Feature; versions 0+.
    pub features: Vec<Feature>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ControllerRegistrationRequest {
    fn default() -> Self {
        Self {
            controller_id: 0,
            incarnation_id: crate::Uuid::ZERO,
            zk_migration_ready: false,
            listeners: Vec::new(),
            features: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ControllerRegistrationRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.controller_id);
        p::write_uuid(buf, &self.incarnation_id);
        p::write_bool(buf, self.zk_migration_ready);
        p::write_array_len(buf, Some(self.listeners.len()), true).ctx("listeners")?;
        for e in &self.listeners {
            (*e).encode_fields(buf, version).ctx("listeners")?;
        }
        p::write_array_len(buf, Some(self.features.len()), true).ctx("features")?;
        for e in &self.features {
            (*e).encode_fields(buf, version).ctx("features")?;
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
        len += 16;
        len += 1;
        len += p::array_len_len(Some(self.listeners.len()), true) + self.listeners.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.features.len()), true) + self.features.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.controller_id = p::read_i32(buf).ctx("controller_id")?;
        this.incarnation_id = p::read_uuid(buf).ctx("incarnation_id")?;
        this.zk_migration_ready = p::read_bool(buf).ctx("zk_migration_ready")?;
        this.listeners = p::read_array(buf, true, |buf| Listener::decode_fields(buf, version)).ctx("listeners")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("listeners")?;
        this.features = p::read_array(buf, true, |buf| Feature::decode_fields(buf, version)).ctx("features")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("features")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ControllerRegistrationRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ControllerRegistrationRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ControllerRegistrationRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ControllerRegistrationRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ControllerRegistrationRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ControllerRegistrationRequest", version))
    }
}

impl crate::Message for ControllerRegistrationRequest {
    const NAME: &'static str = "ControllerRegistrationRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ControllerRegistrationRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ControllerRegistration;
    type Response = super::ControllerRegistrationResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ControllerRegistrationRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("controllerId".into(), serde_json::Value::from(self.controller_id));
        map.insert("incarnationId".into(), serde_json::Value::from(self.incarnation_id.to_base64()));
        map.insert("zkMigrationReady".into(), serde_json::Value::from(self.zk_migration_ready));
        map.insert("listeners".into(), serde_json::Value::Array(self.listeners.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("features".into(), serde_json::Value::Array(self.features.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ControllerRegistrationRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.controller_id = rng.next_u64() as i32;
        this.incarnation_id = rng.uuid();
        this.zk_migration_ready = rng.bool();
        this.listeners = rng.vec(|rng| <Listener as crate::random::Random>::random(rng, version));
        this.features = rng.vec(|rng| <Feature as crate::random::Random>::random(rng, version));
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
    /// `SecurityProtocol`: int16; versions 0+.
    pub security_protocol: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            security_protocol: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Listener {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_string(buf, &self.host, true).ctx("host")?;
        p::write_u16(buf, self.port);
        p::write_i16(buf, self.security_protocol);
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
        this.security_protocol = p::read_i16(buf).ctx("security_protocol")?;
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
        map.insert("securityProtocol".into(), serde_json::Value::from(self.security_protocol));
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
        this.security_protocol = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Feature`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `MinSupportedVersion`: int16; versions 0+.
    pub min_supported_version: i16,
    /// `MaxSupportedVersion`: int16; versions 0+.
    pub max_supported_version: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Feature {
    fn default() -> Self {
        Self {
            name: String::new(),
            min_supported_version: 0,
            max_supported_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Feature {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
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
        len += p::string_len(&self.name, true);
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
        this.name = p::read_string(buf, true).ctx("name")?;
        this.min_supported_version = p::read_i16(buf).ctx("min_supported_version")?;
        this.max_supported_version = p::read_i16(buf).ctx("max_supported_version")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Feature {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Feature {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Feature {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("minSupportedVersion".into(), serde_json::Value::from(self.min_supported_version));
        map.insert("maxSupportedVersion".into(), serde_json::Value::from(self.max_supported_version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Feature {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.min_supported_version = rng.next_u64() as i16;
        this.max_supported_version = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

