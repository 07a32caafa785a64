//! `InitProducerIdResponse` (response, API key 22; versions 0-6; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/InitProducerIdResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `InitProducerIdResponse`: response, API key 22; versions 0-6; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct InitProducerIdResponse {
    /// `ThrottleTimeMs`: int32; versions 0+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ProducerId`: int64; versions 0+; default -1; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 0+.
    pub producer_epoch: i16,
    /// `OngoingTxnProducerId`: int64; versions 6+; default -1; entity type producerId.
    pub ongoing_txn_producer_id: i64,
    /// `OngoingTxnProducerEpoch`: int16; versions 6+; default -1.
    pub ongoing_txn_producer_epoch: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for InitProducerIdResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            producer_id: -1,
            producer_epoch: 0,
            ongoing_txn_producer_id: -1,
            ongoing_txn_producer_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl InitProducerIdResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        p::write_i64(buf, self.producer_id);
        p::write_i16(buf, self.producer_epoch);
        if version >= 6 {
            p::write_i64(buf, self.ongoing_txn_producer_id);
        } else if self.ongoing_txn_producer_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("ongoing_txn_producer_id"));
        }
        if version >= 6 {
            p::write_i16(buf, self.ongoing_txn_producer_epoch);
        } else if self.ongoing_txn_producer_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("ongoing_txn_producer_epoch"));
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
        len += 4;
        len += 2;
        len += 8;
        len += 2;
        if version >= 6 {
            len += 8;
        }
        if version >= 6 {
            len += 2;
        }
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        if version >= 6 {
            this.ongoing_txn_producer_id = p::read_i64(buf).ctx("ongoing_txn_producer_id")?;
        }
        if version >= 6 {
            this.ongoing_txn_producer_epoch = p::read_i16(buf).ctx("ongoing_txn_producer_epoch")?;
        }
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for InitProducerIdResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("InitProducerIdResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("InitProducerIdResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for InitProducerIdResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("InitProducerIdResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("InitProducerIdResponse", version))
    }
}

impl crate::Message for InitProducerIdResponse {
    const NAME: &'static str = "InitProducerIdResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for InitProducerIdResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        if version >= 6 {
            map.insert("ongoingTxnProducerId".into(), serde_json::Value::from(self.ongoing_txn_producer_id));
        }
        if version >= 6 {
            map.insert("ongoingTxnProducerEpoch".into(), serde_json::Value::from(self.ongoing_txn_producer_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for InitProducerIdResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        if version >= 6 {
            this.ongoing_txn_producer_id = rng.next_u64() as i64;
        }
        if version >= 6 {
            this.ongoing_txn_producer_epoch = rng.next_u64() as i16;
        }
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

