//! `ListTransactionsRequest` (request, API key 66; versions 0-2; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ListTransactionsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ListTransactionsRequest`: request, API key 66; versions 0-2; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ListTransactionsRequest {
    /// `StateFilters`: []string; versions 0+.
    pub state_filters: Vec<String>,
    /// `ProducerIdFilters`: []int64; versions 0+; entity type producerId.
    pub producer_id_filters: Vec<i64>,
    /// `DurationFilter`: int64; versions 1+; default -1.
    pub duration_filter: i64,
    /// `TransactionalIdPattern`: string; versions 2+; nullable 2+; default null.
    pub transactional_id_pattern: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ListTransactionsRequest {
    fn default() -> Self {
        Self {
            state_filters: Vec::new(),
            producer_id_filters: Vec::new(),
            duration_filter: -1,
            transactional_id_pattern: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ListTransactionsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.state_filters.len()), true).ctx("state_filters")?;
        for e in &self.state_filters {
            p::write_string(buf, e, true).ctx("state_filters")?;
        }
        p::write_array_len(buf, Some(self.producer_id_filters.len()), true).ctx("producer_id_filters")?;
        for e in &self.producer_id_filters {
            p::write_i64(buf, *e);
        }
        if version >= 1 {
            p::write_i64(buf, self.duration_filter);
        } else if self.duration_filter != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("duration_filter"));
        }
        if version >= 2 {
            match &self.transactional_id_pattern {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("transactional_id_pattern")?;
                }
                None if version >= 2 => {
                    p::write_nullable_string(buf, None, true).ctx("transactional_id_pattern")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("transactional_id_pattern")),
            }
        } else if self.transactional_id_pattern.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("transactional_id_pattern"));
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
        len += p::array_len_len(Some(self.state_filters.len()), true) + self.state_filters.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.producer_id_filters.len()), true) + self.producer_id_filters.len() * 8;
        if version >= 1 {
            len += 8;
        }
        if version >= 2 {
            len += match &self.transactional_id_pattern { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        }
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.state_filters = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("state_filters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("state_filters")?;
        this.producer_id_filters = p::read_array(buf, true, |buf| p::read_i64(buf).map_err(crate::DecodeError::from)).ctx("producer_id_filters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("producer_id_filters")?;
        if version >= 1 {
            this.duration_filter = p::read_i64(buf).ctx("duration_filter")?;
        }
        if version >= 2 {
            this.transactional_id_pattern = if version >= 2 { p::read_nullable_string(buf, true).ctx("transactional_id_pattern")? } else { Some(p::read_string(buf, true).ctx("transactional_id_pattern")?) };
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ListTransactionsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ListTransactionsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ListTransactionsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ListTransactionsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ListTransactionsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ListTransactionsRequest", version))
    }
}

impl crate::Message for ListTransactionsRequest {
    const NAME: &'static str = "ListTransactionsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ListTransactionsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ListTransactions;
    type Response = super::ListTransactionsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ListTransactionsRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("stateFilters".into(), serde_json::Value::Array(self.state_filters.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("producerIdFilters".into(), serde_json::Value::Array(self.producer_id_filters.iter().map(|e| serde_json::Value::from(*e)).collect()));
        if version >= 1 {
            map.insert("durationFilter".into(), serde_json::Value::from(self.duration_filter));
        }
        if version >= 2 {
            map.insert("transactionalIdPattern".into(), match &self.transactional_id_pattern { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ListTransactionsRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.state_filters = rng.vec(|rng| rng.string());
        this.producer_id_filters = rng.vec(|rng| rng.next_u64() as i64);
        if version >= 1 {
            this.duration_filter = rng.next_u64() as i64;
        }
        if version >= 2 {
            this.transactional_id_pattern = if version >= 2 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

