//! `AlterClientQuotasResponse` (response, API key 49; versions 0-1; flexible 1+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterClientQuotasResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterClientQuotasResponse`: response, API key 49; versions 0-1; flexible 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterClientQuotasResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Entries`: []EntryData; versions 0+.
    pub entries: Vec<EntryData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterClientQuotasResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            entries: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterClientQuotasResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.entries.len()), version >= 1).ctx("entries")?;
        for e in &self.entries {
            (*e).encode_fields(buf, version).ctx("entries")?;
        }
        if version >= 1 {
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
        len += 4;
        len += p::array_len_len(Some(self.entries.len()), version >= 1) + self.entries.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.entries = p::read_array(buf, version >= 1, |buf| EntryData::decode_fields(buf, version)).ctx("entries")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("entries")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterClientQuotasResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterClientQuotasResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterClientQuotasResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterClientQuotasResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterClientQuotasResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterClientQuotasResponse", version))
    }
}

impl crate::Message for AlterClientQuotasResponse {
    const NAME: &'static str = "AlterClientQuotasResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterClientQuotasResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("entries".into(), serde_json::Value::Array(self.entries.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterClientQuotasResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.entries = rng.vec(|rng| <EntryData as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `EntityData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityData {
    /// `EntityType`: string; versions 0+.
    pub entity_type: String,
    /// `EntityName`: string; versions 0+; nullable 0+.
    pub entity_name: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntityData {
    fn default() -> Self {
        Self {
            entity_type: String::new(),
            entity_name: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EntityData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.entity_type, version >= 1).ctx("entity_type")?;
        match &self.entity_name {
            Some(v) => {
                p::write_string(buf, v, version >= 1).ctx("entity_name")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 1).ctx("entity_name")?;
            }
        }
        if version >= 1 {
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
        len += p::string_len(&self.entity_type, version >= 1);
        len += match &self.entity_name { Some(v) => p::string_len(v, version >= 1), None => if version >= 1 { 1 } else { 2 } };
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.entity_type = p::read_string(buf, version >= 1).ctx("entity_type")?;
        this.entity_name = p::read_nullable_string(buf, version >= 1).ctx("entity_name")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EntityData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EntityData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EntityData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("entityType".into(), serde_json::Value::from(self.entity_type.as_str()));
        map.insert("entityName".into(), match &self.entity_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EntityData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.entity_type = rng.string();
        this.entity_name = rng.option(|rng| rng.string());
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `EntryData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryData {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+.
    pub error_message: Option<String>,
    /// `Entity`: []EntityData; versions 0+.
    pub entity: Vec<EntityData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntryData {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: Some(String::new()),
            entity: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EntryData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, version >= 1).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 1).ctx("error_message")?;
            }
        }
        p::write_array_len(buf, Some(self.entity.len()), version >= 1).ctx("entity")?;
        for e in &self.entity {
            (*e).encode_fields(buf, version).ctx("entity")?;
        }
        if version >= 1 {
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
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, version >= 1), None => if version >= 1 { 1 } else { 2 } };
        len += p::array_len_len(Some(self.entity.len()), version >= 1) + self.entity.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, version >= 1).ctx("error_message")?;
        this.entity = p::read_array(buf, version >= 1, |buf| EntityData::decode_fields(buf, version)).ctx("entity")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("entity")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EntryData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EntryData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EntryData {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("entity".into(), serde_json::Value::Array(self.entity.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EntryData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.entity = rng.vec(|rng| <EntityData as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

