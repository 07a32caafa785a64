//! `ConsumerGroupDescribeRequest` (request, API key 69; versions 0-1; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ConsumerGroupDescribeRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ConsumerGroupDescribeRequest`: request, API key 69; versions 0-1; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupDescribeRequest {
    /// `GroupIds`: []string; versions 0+; entity type groupId.
    pub group_ids: Vec<String>,
    /// `IncludeAuthorizedOperations`: bool; versions 0+.
    pub include_authorized_operations: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupDescribeRequest {
    fn default() -> Self {
        Self {
            group_ids: Vec::new(),
            include_authorized_operations: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ConsumerGroupDescribeRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.group_ids.len()), true).ctx("group_ids")?;
        for e in &self.group_ids {
            p::write_string(buf, e, true).ctx("group_ids")?;
        }
        p::write_bool(buf, self.include_authorized_operations);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.group_ids.len()), true) + self.group_ids.iter().map(|e| p::string_len(e, true)).sum::<usize>();
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
        this.group_ids = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("group_ids")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("group_ids")?;
        this.include_authorized_operations = p::read_bool(buf).ctx("include_authorized_operations")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ConsumerGroupDescribeRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerGroupDescribeRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ConsumerGroupDescribeRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ConsumerGroupDescribeRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerGroupDescribeRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ConsumerGroupDescribeRequest", version))
    }
}

impl crate::Message for ConsumerGroupDescribeRequest {
    const NAME: &'static str = "ConsumerGroupDescribeRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ConsumerGroupDescribeRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ConsumerGroupDescribe;
    type Response = super::ConsumerGroupDescribeResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ConsumerGroupDescribeRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupIds".into(), serde_json::Value::Array(self.group_ids.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("includeAuthorizedOperations".into(), serde_json::Value::from(self.include_authorized_operations));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ConsumerGroupDescribeRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.group_ids = rng.vec(|rng| rng.string());
        this.include_authorized_operations = rng.bool();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

