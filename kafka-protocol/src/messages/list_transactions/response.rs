//! `ListTransactionsResponse` (response, API key 66; versions 0-2; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListTransactionsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListTransactionsResponse`: response, API key 66; versions 0-2; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ListTransactionsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `UnknownStateFilters`: []string; versions 0+.
    pub unknown_state_filters: Vec<String>,
    /// `TransactionStates`: []TransactionState; versions 0+.
    pub transaction_states: Vec<TransactionState>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListTransactionsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            unknown_state_filters: Vec::new(),
            transaction_states: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListTransactionsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        p::write_array_len(buf, Some(self.unknown_state_filters.len()), true).ctx("unknown_state_filters")?;
        for e in &self.unknown_state_filters {
            p::write_string(buf, e, true).ctx("unknown_state_filters")?;
        }
        p::write_array_len(buf, Some(self.transaction_states.len()), true).ctx("transaction_states")?;
        for e in &self.transaction_states {
            (*e).encode_fields(buf, version).ctx("transaction_states")?;
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
        len += 2;
        len += p::array_len_len(Some(self.unknown_state_filters.len()), true) + self.unknown_state_filters.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.transaction_states.len()), true) + self.transaction_states.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
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
        this.unknown_state_filters = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("unknown_state_filters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("unknown_state_filters")?;
        this.transaction_states = p::read_array(buf, true, |buf| TransactionState::decode_fields(buf, version)).ctx("transaction_states")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("transaction_states")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListTransactionsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListTransactionsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListTransactionsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListTransactionsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListTransactionsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListTransactionsResponse", version))
    }
}

impl crate::Message for ListTransactionsResponse {
    const NAME: &'static str = "ListTransactionsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListTransactionsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("unknownStateFilters".into(), serde_json::Value::Array(self.unknown_state_filters.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("transactionStates".into(), serde_json::Value::Array(self.transaction_states.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListTransactionsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.unknown_state_filters = rng.vec(|rng| rng.string());
        this.transaction_states = rng.vec(|rng| <TransactionState as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TransactionState`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionState {
    /// `TransactionalId`: string; versions 0+; entity type transactionalId.
    pub transactional_id: String,
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `TransactionState`: string; versions 0+.
    pub transaction_state: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TransactionState {
    fn default() -> Self {
        Self {
            transactional_id: String::new(),
            producer_id: 0,
            transaction_state: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TransactionState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.transactional_id, true).ctx("transactional_id")?;
        p::write_i64(buf, self.producer_id);
        p::write_string(buf, &self.transaction_state, true).ctx("transaction_state")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.transactional_id, true);
        len += 8;
        len += p::string_len(&self.transaction_state, true);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.transactional_id = p::read_string(buf, true).ctx("transactional_id")?;
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.transaction_state = p::read_string(buf, true).ctx("transaction_state")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TransactionState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TransactionState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TransactionState {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalId".into(), serde_json::Value::from(self.transactional_id.as_str()));
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("transactionState".into(), serde_json::Value::from(self.transaction_state.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TransactionState {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_id = rng.string();
        this.producer_id = rng.next_u64() as i64;
        this.transaction_state = rng.string();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

