//! `FindCoordinatorResponse` (response, API key 10; versions 0-6; flexible 3+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FindCoordinatorResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FindCoordinatorResponse`: response, API key 10; versions 0-6; flexible 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0-3.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 1-3; nullable 1-3; ignorable.
    pub error_message: Option<String>,
    /// `NodeId`: int32; versions 0-3; entity type brokerId.
    pub node_id: i32,
    /// `Host`: string; versions 0-3.
    pub host: String,
    /// `Port`: int32; versions 0-3.
    pub port: i32,
    /// `Coordinators`: []Coordinator; versions 4+.
    pub coordinators: Vec<Coordinator>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FindCoordinatorResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: Some(String::new()),
            node_id: 0,
            host: String::new(),
            port: 0,
            coordinators: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FindCoordinatorResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        if version <= 3 {
            p::write_i16(buf, self.error_code);
        } else if self.error_code != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_code"));
        }
        if (1..=3).contains(&version) {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 3).ctx("error_message")?;
                }
                None if (1..=3).contains(&version) => {
                    p::write_nullable_string(buf, None, version >= 3).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
        }
        if version <= 3 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version <= 3 {
            p::write_string(buf, &self.host, version >= 3).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version <= 3 {
            p::write_i32(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
        }
        if version >= 4 {
            p::write_array_len(buf, Some(self.coordinators.len()), version >= 3).ctx("coordinators")?;
            for e in &self.coordinators {
                (*e).encode_fields(buf, version).ctx("coordinators")?;
            }
        } else if !self.coordinators.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("coordinators"));
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
        if version >= 1 {
            len += 4;
        }
        if version <= 3 {
            len += 2;
        }
        if (1..=3).contains(&version) {
            len += match &self.error_message { Some(v) => p::string_len(v, version >= 3), None => if version >= 3 { 1 } else { 2 } };
        }
        if version <= 3 {
            len += 4;
        }
        if version <= 3 {
            len += p::string_len(&self.host, version >= 3);
        }
        if version <= 3 {
            len += 4;
        }
        if version >= 4 {
            len += p::array_len_len(Some(self.coordinators.len()), version >= 3) + self.coordinators.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        if version >= 1 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        if version <= 3 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if (1..=3).contains(&version) {
            this.error_message = if (1..=3).contains(&version) { p::read_nullable_string(buf, version >= 3).ctx("error_message")? } else { Some(p::read_string(buf, version >= 3).ctx("error_message")?) };
        }
        if version <= 3 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version <= 3 {
            this.host = p::read_string(buf, version >= 3).ctx("host")?;
        }
        if version <= 3 {
            this.port = p::read_i32(buf).ctx("port")?;
        }
        if version >= 4 {
            this.coordinators = p::read_array(buf, version >= 3, |buf| Coordinator::decode_fields(buf, version)).ctx("coordinators")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("coordinators")?;
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FindCoordinatorResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FindCoordinatorResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FindCoordinatorResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FindCoordinatorResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FindCoordinatorResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FindCoordinatorResponse", version))
    }
}

impl crate::Message for FindCoordinatorResponse {
    const NAME: &'static str = "FindCoordinatorResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FindCoordinatorResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        if version <= 3 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        if (1..=3).contains(&version) {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version <= 3 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version <= 3 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version <= 3 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        if version >= 4 {
            map.insert("coordinators".into(), serde_json::Value::Array(self.coordinators.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FindCoordinatorResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        if version <= 3 {
            this.error_code = rng.next_u64() as i16;
        }
        if (1..=3).contains(&version) {
            this.error_message = if (1..=3).contains(&version) { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version <= 3 {
            this.node_id = rng.next_u64() as i32;
        }
        if version <= 3 {
            this.host = rng.string();
        }
        if version <= 3 {
            this.port = rng.next_u64() as i32;
        }
        if version >= 4 {
            this.coordinators = rng.vec(|rng| <Coordinator as crate::random::Random>::random(rng, version));
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `Coordinator`, versions 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct Coordinator {
    /// `Key`: string; versions 4+.
    pub key: String,
    /// `NodeId`: int32; versions 4+; entity type brokerId.
    pub node_id: i32,
    /// `Host`: string; versions 4+.
    pub host: String,
    /// `Port`: int32; versions 4+.
    pub port: i32,
    /// `ErrorCode`: int16; versions 4+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 4+; nullable 4+; ignorable.
    pub error_message: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Coordinator {
    fn default() -> Self {
        Self {
            key: String::new(),
            node_id: 0,
            host: String::new(),
            port: 0,
            error_code: 0,
            error_message: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Coordinator {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 4 {
            p::write_string(buf, &self.key, version >= 3).ctx("key")?;
        } else if !self.key.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("key"));
        }
        if version >= 4 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version >= 4 {
            p::write_string(buf, &self.host, version >= 3).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 4 {
            p::write_i32(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
        }
        if version >= 4 {
            p::write_i16(buf, self.error_code);
        } else if self.error_code != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("error_code"));
        }
        if version >= 4 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 3).ctx("error_message")?;
                }
                None if version >= 4 => {
                    p::write_nullable_string(buf, None, version >= 3).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
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
        if version >= 4 {
            len += p::string_len(&self.key, version >= 3);
        }
        if version >= 4 {
            len += 4;
        }
        if version >= 4 {
            len += p::string_len(&self.host, version >= 3);
        }
        if version >= 4 {
            len += 4;
        }
        if version >= 4 {
            len += 2;
        }
        if version >= 4 {
            len += match &self.error_message { Some(v) => p::string_len(v, version >= 3), None => if version >= 3 { 1 } else { 2 } };
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
        if version >= 4 {
            this.key = p::read_string(buf, version >= 3).ctx("key")?;
        }
        if version >= 4 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 4 {
            this.host = p::read_string(buf, version >= 3).ctx("host")?;
        }
        if version >= 4 {
            this.port = p::read_i32(buf).ctx("port")?;
        }
        if version >= 4 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 4 {
            this.error_message = if version >= 4 { p::read_nullable_string(buf, version >= 3).ctx("error_message")? } else { Some(p::read_string(buf, version >= 3).ctx("error_message")?) };
        }
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Coordinator {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Coordinator {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Coordinator {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 4 {
            map.insert("key".into(), serde_json::Value::from(self.key.as_str()));
        }
        if version >= 4 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version >= 4 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version >= 4 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        if version >= 4 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        if version >= 4 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Coordinator {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 4 {
            this.key = rng.string();
        }
        if version >= 4 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 4 {
            this.host = rng.string();
        }
        if version >= 4 {
            this.port = rng.next_u64() as i32;
        }
        if version >= 4 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 4 {
            this.error_message = if version >= 4 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

