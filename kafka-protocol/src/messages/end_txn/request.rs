//! `EndTxnRequest` (request, API key 26; versions 0-5; flexible 3+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/EndTxnRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `EndTxnRequest`: request, API key 26; versions 0-5; flexible 3+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct EndTxnRequest {
    /// `TransactionalId`: string; versions 0+; entity type transactionalId.
    pub transactional_id: String,
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 0+.
    pub producer_epoch: i16,
    /// `Committed`: bool; versions 0+.
    pub committed: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EndTxnRequest {
    fn default() -> Self {
        Self {
            transactional_id: String::new(),
            producer_id: 0,
            producer_epoch: 0,
            committed: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EndTxnRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.transactional_id, version >= 3).ctx("transactional_id")?;
        p::write_i64(buf, self.producer_id);
        p::write_i16(buf, self.producer_epoch);
        p::write_bool(buf, self.committed);
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
        len += p::string_len(&self.transactional_id, version >= 3);
        len += 8;
        len += 2;
        len += 1;
        if version >= 3 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.transactional_id = p::read_string(buf, version >= 3).ctx("transactional_id")?;
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        this.committed = p::read_bool(buf).ctx("committed")?;
        if version >= 3 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EndTxnRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("EndTxnRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("EndTxnRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EndTxnRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("EndTxnRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("EndTxnRequest", version))
    }
}

impl crate::Message for EndTxnRequest {
    const NAME: &'static str = "EndTxnRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(3);
}

impl crate::Request for EndTxnRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::EndTxn;
    type Response = super::EndTxnResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EndTxnRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        map.insert("committed".into(), serde_json::Value::from(self.committed));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EndTxnRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        this.committed = rng.bool();
        if version >= 3 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

