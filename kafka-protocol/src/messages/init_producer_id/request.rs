//! `InitProducerIdRequest` (request, API key 22; versions 0-6; flexible 2+; latest version unstable; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/InitProducerIdRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `InitProducerIdRequest`: request, API key 22; versions 0-6; flexible 2+; latest version unstable; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct InitProducerIdRequest {
    /// `TransactionalId`: string; versions 0+; nullable 0+; entity type transactionalId.
    pub transactional_id: Option<String>,
    /// `TransactionTimeoutMs`: int32; versions 0+.
    pub transaction_timeout_ms: i32,
    /// `ProducerId`: int64; versions 3+; default -1; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 3+; default -1.
    pub producer_epoch: i16,
    /// `Enable2Pc`: bool; versions 6+; default false.
    pub enable2_pc: bool,
    /// `KeepPreparedTxn`: bool; versions 6+; default false.
    pub keep_prepared_txn: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for InitProducerIdRequest {
    fn default() -> Self {
        Self {
            transactional_id: Some(String::new()),
            transaction_timeout_ms: 0,
            producer_id: -1,
            producer_epoch: -1,
            enable2_pc: false,
            keep_prepared_txn: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl InitProducerIdRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.transactional_id {
            Some(v) => {
                p::write_string(buf, v, version >= 2).ctx("transactional_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 2).ctx("transactional_id")?;
            }
        }
        p::write_i32(buf, self.transaction_timeout_ms);
        if version >= 3 {
            p::write_i64(buf, self.producer_id);
        } else if self.producer_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("producer_id"));
        }
        if version >= 3 {
            p::write_i16(buf, self.producer_epoch);
        } else if self.producer_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("producer_epoch"));
        }
        if version >= 6 {
            p::write_bool(buf, self.enable2_pc);
        } else if self.enable2_pc != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("enable2_pc"));
        }
        if version >= 6 {
            p::write_bool(buf, self.keep_prepared_txn);
        } else if self.keep_prepared_txn != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("keep_prepared_txn"));
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
        len += match &self.transactional_id { Some(v) => p::string_len(v, version >= 2), None => if version >= 2 { 1 } else { 2 } };
        len += 4;
        if version >= 3 {
            len += 8;
        }
        if version >= 3 {
            len += 2;
        }
        if version >= 6 {
            len += 1;
        }
        if version >= 6 {
            len += 1;
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
        this.transactional_id = p::read_nullable_string(buf, version >= 2).ctx("transactional_id")?;
        this.transaction_timeout_ms = p::read_i32(buf).ctx("transaction_timeout_ms")?;
        if version >= 3 {
            this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        }
        if version >= 3 {
            this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        }
        if version >= 6 {
            this.enable2_pc = p::read_bool(buf).ctx("enable2_pc")?;
        }
        if version >= 6 {
            this.keep_prepared_txn = p::read_bool(buf).ctx("keep_prepared_txn")?;
        }
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for InitProducerIdRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("InitProducerIdRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("InitProducerIdRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for InitProducerIdRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("InitProducerIdRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("InitProducerIdRequest", version))
    }
}

impl crate::Message for InitProducerIdRequest {
    const NAME: &'static str = "InitProducerIdRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 6 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for InitProducerIdRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::InitProducerId;
    type Response = super::InitProducerIdResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for InitProducerIdRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalId".into(), match &self.transactional_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("transactionTimeoutMs".into(), serde_json::Value::from(self.transaction_timeout_ms));
        if version >= 3 {
            map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        }
        if version >= 3 {
            map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        }
        if version >= 6 {
            map.insert("enable2Pc".into(), serde_json::Value::from(self.enable2_pc));
        }
        if version >= 6 {
            map.insert("keepPreparedTxn".into(), serde_json::Value::from(self.keep_prepared_txn));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for InitProducerIdRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_id = rng.option(|rng| rng.string());
        this.transaction_timeout_ms = rng.next_u64() as i32;
        if version >= 3 {
            this.producer_id = rng.next_u64() as i64;
        }
        if version >= 3 {
            this.producer_epoch = rng.next_u64() as i16;
        }
        if version >= 6 {
            this.enable2_pc = rng.bool();
        }
        if version >= 6 {
            this.keep_prepared_txn = rng.bool();
        }
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

