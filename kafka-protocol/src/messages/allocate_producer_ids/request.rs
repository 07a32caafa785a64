//! `AllocateProducerIdsRequest` (request, API key 67; versions 0; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AllocateProducerIdsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AllocateProducerIdsRequest`: request, API key 67; versions 0; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocateProducerIdsRequest {
    /// `BrokerId`: int32; versions 0+; entity type brokerId.
    pub broker_id: i32,
    /// `BrokerEpoch`: int64; versions 0+; default -1.
    pub broker_epoch: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AllocateProducerIdsRequest {
    fn default() -> Self {
        Self {
            broker_id: 0,
            broker_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AllocateProducerIdsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.broker_id);
        p::write_i64(buf, self.broker_epoch);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 8;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        this.broker_epoch = p::read_i64(buf).ctx("broker_epoch")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AllocateProducerIdsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AllocateProducerIdsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AllocateProducerIdsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AllocateProducerIdsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AllocateProducerIdsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AllocateProducerIdsRequest", version))
    }
}

impl crate::Message for AllocateProducerIdsRequest {
    const NAME: &'static str = "AllocateProducerIdsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for AllocateProducerIdsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AllocateProducerIds;
    type Response = super::AllocateProducerIdsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AllocateProducerIdsRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        map.insert("brokerEpoch".into(), serde_json::Value::from(self.broker_epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AllocateProducerIdsRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.broker_epoch = rng.next_u64() as i64;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

