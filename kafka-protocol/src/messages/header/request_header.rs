//! `RequestHeader` (header; versions 1-2; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/RequestHeader.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `RequestHeader`: header; versions 1-2; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestHeader {
    /// `RequestApiKey`: int16; versions 0+.
    pub request_api_key: i16,
    /// `RequestApiVersion`: int16; versions 0+.
    pub request_api_version: i16,
    /// `CorrelationId`: int32; versions 0+.
    pub correlation_id: i32,
    /// `ClientId`: string; versions 1+; nullable 1+; flexible none.
    pub client_id: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for RequestHeader {
    fn default() -> Self {
        Self {
            request_api_key: 0,
            request_api_version: 0,
            correlation_id: 0,
            client_id: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl RequestHeader {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.request_api_key);
        p::write_i16(buf, self.request_api_version);
        p::write_i32(buf, self.correlation_id);
        match &self.client_id {
            Some(v) => {
                p::write_string(buf, v, false).ctx("client_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, false).ctx("client_id")?;
            }
        }
        if version >= 2 {
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
        len += 2;
        len += 4;
        len += match &self.client_id { Some(v) => p::string_len(v, false), None => if false { 1 } else { 2 } };
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.request_api_key = p::read_i16(buf).ctx("request_api_key")?;
        this.request_api_version = p::read_i16(buf).ctx("request_api_version")?;
        this.correlation_id = p::read_i32(buf).ctx("correlation_id")?;
        this.client_id = p::read_nullable_string(buf, false).ctx("client_id")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for RequestHeader {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("RequestHeader", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("RequestHeader", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for RequestHeader {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("RequestHeader", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("RequestHeader", version))
    }
}

impl crate::Message for RequestHeader {
    const NAME: &'static str = "RequestHeader";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for RequestHeader {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("requestApiKey".into(), serde_json::Value::from(self.request_api_key));
        map.insert("requestApiVersion".into(), serde_json::Value::from(self.request_api_version));
        map.insert("correlationId".into(), serde_json::Value::from(self.correlation_id));
        map.insert("clientId".into(), match &self.client_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for RequestHeader {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.request_api_key = rng.next_u64() as i16;
        this.request_api_version = rng.next_u64() as i16;
        this.correlation_id = rng.next_u64() as i32;
        this.client_id = rng.option(|rng| rng.string());
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

