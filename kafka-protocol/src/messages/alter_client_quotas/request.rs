//! `AlterClientQuotasRequest` (request, API key 49; versions 0-1; flexible 1+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterClientQuotasRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterClientQuotasRequest`: request, API key 49; versions 0-1; flexible 1+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterClientQuotasRequest {
    /// `Entries`: []EntryData; versions 0+.
    pub entries: Vec<EntryData>,
    /// `ValidateOnly`: bool; versions 0+.
    pub validate_only: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterClientQuotasRequest {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            validate_only: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterClientQuotasRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.entries.len()), version >= 1).ctx("entries")?;
        for e in &self.entries {
            (*e).encode_fields(buf, version).ctx("entries")?;
        }
        p::write_bool(buf, self.validate_only);
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
        len += p::array_len_len(Some(self.entries.len()), version >= 1) + self.entries.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 1;
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.entries = p::read_array(buf, version >= 1, |buf| EntryData::decode_fields(buf, version)).ctx("entries")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("entries")?;
        this.validate_only = p::read_bool(buf).ctx("validate_only")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterClientQuotasRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterClientQuotasRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterClientQuotasRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterClientQuotasRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterClientQuotasRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterClientQuotasRequest", version))
    }
}

impl crate::Message for AlterClientQuotasRequest {
    const NAME: &'static str = "AlterClientQuotasRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for AlterClientQuotasRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AlterClientQuotas;
    type Response = super::AlterClientQuotasResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterClientQuotasRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("entries".into(), serde_json::Value::Array(self.entries.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("validateOnly".into(), serde_json::Value::from(self.validate_only));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterClientQuotasRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.entries = rng.vec(|rng| <EntryData as crate::random::Random>::random(rng, version));
        this.validate_only = rng.bool();
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

/// `OpData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct OpData {
    /// `Key`: string; versions 0+.
    pub key: String,
    /// `Value`: float64; versions 0+.
    pub value: f64,
    /// `Remove`: bool; versions 0+.
    pub remove: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for OpData {
    fn default() -> Self {
        Self {
            key: String::new(),
            value: 0.0,
            remove: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl OpData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.key, version >= 1).ctx("key")?;
        p::write_f64(buf, self.value);
        p::write_bool(buf, self.remove);
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
        len += p::string_len(&self.key, version >= 1);
        len += 8;
        len += 1;
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.key = p::read_string(buf, version >= 1).ctx("key")?;
        this.value = p::read_f64(buf).ctx("value")?;
        this.remove = p::read_bool(buf).ctx("remove")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for OpData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for OpData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for OpData {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("key".into(), serde_json::Value::from(self.key.as_str()));
        map.insert("value".into(), serde_json::Value::from(self.value));
        map.insert("remove".into(), serde_json::Value::from(self.remove));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for OpData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.f64();
        this.remove = rng.bool();
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `EntryData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryData {
    /// `Entity`: []EntityData; versions 0+.
    pub entity: Vec<EntityData>,
    /// `Ops`: []OpData; versions 0+.
    pub ops: Vec<OpData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EntryData {
    fn default() -> Self {
        Self {
            entity: Vec::new(),
            ops: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EntryData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.entity.len()), version >= 1).ctx("entity")?;
        for e in &self.entity {
            (*e).encode_fields(buf, version).ctx("entity")?;
        }
        p::write_array_len(buf, Some(self.ops.len()), version >= 1).ctx("ops")?;
        for e in &self.ops {
            (*e).encode_fields(buf, version).ctx("ops")?;
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
        len += p::array_len_len(Some(self.entity.len()), version >= 1) + self.entity.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.ops.len()), version >= 1) + self.ops.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.entity = p::read_array(buf, version >= 1, |buf| EntityData::decode_fields(buf, version)).ctx("entity")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("entity")?;
        this.ops = p::read_array(buf, version >= 1, |buf| OpData::decode_fields(buf, version)).ctx("ops")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("ops")?;
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
        map.insert("entity".into(), serde_json::Value::Array(self.entity.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("ops".into(), serde_json::Value::Array(self.ops.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EntryData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.entity = rng.vec(|rng| <EntityData as crate::random::Random>::random(rng, version));
        this.ops = rng.vec(|rng| <OpData as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

