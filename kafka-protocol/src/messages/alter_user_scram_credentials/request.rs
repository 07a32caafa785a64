//! `AlterUserScramCredentialsRequest` (request, API key 51; versions 0; flexible 0+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterUserScramCredentialsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterUserScramCredentialsRequest`: request, API key 51; versions 0; flexible 0+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterUserScramCredentialsRequest {
    /// `Deletions`: []ScramCredentialDeletion; versions 0+.
    pub deletions: Vec<ScramCredentialDeletion>,
    /// `Upsertions`: []ScramCredentialUpsertion; versions 0+.
    pub upsertions: Vec<ScramCredentialUpsertion>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterUserScramCredentialsRequest {
    fn default() -> Self {
        Self {
            deletions: Vec::new(),
            upsertions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterUserScramCredentialsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.deletions.len()), true).ctx("deletions")?;
        for e in &self.deletions {
            (*e).encode_fields(buf, version).ctx("deletions")?;
        }
        p::write_array_len(buf, Some(self.upsertions.len()), true).ctx("upsertions")?;
        for e in &self.upsertions {
            (*e).encode_fields(buf, version).ctx("upsertions")?;
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
        len += p::array_len_len(Some(self.deletions.len()), true) + self.deletions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.upsertions.len()), true) + self.upsertions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.deletions = p::read_array(buf, true, |buf| ScramCredentialDeletion::decode_fields(buf, version)).ctx("deletions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("deletions")?;
        this.upsertions = p::read_array(buf, true, |buf| ScramCredentialUpsertion::decode_fields(buf, version)).ctx("upsertions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("upsertions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterUserScramCredentialsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterUserScramCredentialsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterUserScramCredentialsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterUserScramCredentialsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterUserScramCredentialsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterUserScramCredentialsRequest", version))
    }
}

impl crate::Message for AlterUserScramCredentialsRequest {
    const NAME: &'static str = "AlterUserScramCredentialsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for AlterUserScramCredentialsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AlterUserScramCredentials;
    type Response = super::AlterUserScramCredentialsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterUserScramCredentialsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("deletions".into(), serde_json::Value::Array(self.deletions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("upsertions".into(), serde_json::Value::Array(self.upsertions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterUserScramCredentialsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.deletions = rng.vec(|rng| <ScramCredentialDeletion as crate::random::Random>::random(rng, version));
        this.upsertions = rng.vec(|rng| <ScramCredentialUpsertion as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ScramCredentialDeletion`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialDeletion {
    /// `Name`: string; versions 0+.
    pub name: String,
    /// `Mechanism`: int8; versions 0+.
    pub mechanism: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ScramCredentialDeletion {
    fn default() -> Self {
        Self {
            name: String::new(),
            mechanism: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ScramCredentialDeletion {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_i8(buf, self.mechanism);
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
        len += 1;
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
        this.mechanism = p::read_i8(buf).ctx("mechanism")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ScramCredentialDeletion {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ScramCredentialDeletion {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ScramCredentialDeletion {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("mechanism".into(), serde_json::Value::from(self.mechanism));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ScramCredentialDeletion {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.mechanism = rng.next_u64() as i8;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ScramCredentialUpsertion`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialUpsertion {
    /// `Name`: string; versions 0+.
    pub name: String,
    /// `Mechanism`: int8; versions 0+.
    pub mechanism: i8,
    /// `Iterations`: int32; versions 0+.
    pub iterations: i32,
    /// `Salt`: bytes; versions 0+.
    pub salt: bytes::Bytes,
    /// `SaltedPassword`: bytes; versions 0+.
    pub salted_password: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ScramCredentialUpsertion {
    fn default() -> Self {
        Self {
            name: String::new(),
            mechanism: 0,
            iterations: 0,
            salt: bytes::Bytes::new(),
            salted_password: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ScramCredentialUpsertion {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_i8(buf, self.mechanism);
        p::write_i32(buf, self.iterations);
        p::write_bytes(buf, &self.salt, true).ctx("salt")?;
        p::write_bytes(buf, &self.salted_password, true).ctx("salted_password")?;
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
        len += 1;
        len += 4;
        len += p::bytes_len(&self.salt, true);
        len += p::bytes_len(&self.salted_password, true);
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
        this.mechanism = p::read_i8(buf).ctx("mechanism")?;
        this.iterations = p::read_i32(buf).ctx("iterations")?;
        this.salt = p::read_bytes(buf, true).ctx("salt")?;
        this.salted_password = p::read_bytes(buf, true).ctx("salted_password")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ScramCredentialUpsertion {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ScramCredentialUpsertion {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ScramCredentialUpsertion {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("mechanism".into(), serde_json::Value::from(self.mechanism));
        map.insert("iterations".into(), serde_json::Value::from(self.iterations));
        map.insert("salt".into(), crate::json::binary(&self.salt));
        map.insert("saltedPassword".into(), crate::json::binary(&self.salted_password));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ScramCredentialUpsertion {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.mechanism = rng.next_u64() as i8;
        this.iterations = rng.next_u64() as i32;
        this.salt = rng.bytes();
        this.salted_password = rng.bytes();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

