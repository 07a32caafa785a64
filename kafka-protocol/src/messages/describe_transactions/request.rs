//! `DescribeTransactionsRequest` (request, API key 65; versions 0; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeTransactionsRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeTransactionsRequest`: request, API key 65; versions 0; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTransactionsRequest {
    /// `TransactionalIds`: []string; versions 0+; entity type transactionalId.
    pub transactional_ids: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTransactionsRequest {
    fn default() -> Self {
        Self {
            transactional_ids: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeTransactionsRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.transactional_ids.len()), true).ctx("transactional_ids")?;
        for e in &self.transactional_ids {
            p::write_string(buf, e, true).ctx("transactional_ids")?;
        }
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.transactional_ids.len()), true) + self.transactional_ids.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.transactional_ids = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("transactional_ids")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("transactional_ids")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeTransactionsRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTransactionsRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeTransactionsRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeTransactionsRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTransactionsRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeTransactionsRequest", version))
    }
}

impl crate::Message for DescribeTransactionsRequest {
    const NAME: &'static str = "DescribeTransactionsRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for DescribeTransactionsRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::DescribeTransactions;
    type Response = super::DescribeTransactionsResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeTransactionsRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("transactionalIds".into(), serde_json::Value::Array(self.transactional_ids.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeTransactionsRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.transactional_ids = rng.vec(|rng| rng.string());
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

