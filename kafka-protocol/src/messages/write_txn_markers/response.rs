//! `WriteTxnMarkersResponse` (response, API key 27; versions 1-2; flexible 1+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/WriteTxnMarkersResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `WriteTxnMarkersResponse`: response, API key 27; versions 1-2; flexible 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct WriteTxnMarkersResponse {
    /// `Markers`: []WritableTxnMarkerResult; versions 0+.
    pub markers: Vec<WritableTxnMarkerResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WriteTxnMarkersResponse {
    fn default() -> Self {
        Self {
            markers: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WriteTxnMarkersResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.markers.len()), true).ctx("markers")?;
        for e in &self.markers {
            (*e).encode_fields(buf, version).ctx("markers")?;
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
        len += p::array_len_len(Some(self.markers.len()), true) + self.markers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.markers = p::read_array(buf, true, |buf| WritableTxnMarkerResult::decode_fields(buf, version)).ctx("markers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("markers")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WriteTxnMarkersResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("WriteTxnMarkersResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("WriteTxnMarkersResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WriteTxnMarkersResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("WriteTxnMarkersResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("WriteTxnMarkersResponse", version))
    }
}

impl crate::Message for WriteTxnMarkersResponse {
    const NAME: &'static str = "WriteTxnMarkersResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WriteTxnMarkersResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("markers".into(), serde_json::Value::Array(self.markers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WriteTxnMarkersResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.markers = rng.vec(|rng| <WritableTxnMarkerResult as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `WritableTxnMarkerPartitionResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarkerPartitionResult {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarkerPartitionResult {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WritableTxnMarkerPartitionResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
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
        len += 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WritableTxnMarkerPartitionResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WritableTxnMarkerPartitionResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WritableTxnMarkerPartitionResult {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WritableTxnMarkerPartitionResult {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `WritableTxnMarkerTopicResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarkerTopicResult {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []WritableTxnMarkerPartitionResult; versions 0+.
    pub partitions: Vec<WritableTxnMarkerPartitionResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarkerTopicResult {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WritableTxnMarkerTopicResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_array_len(buf, Some(self.partitions.len()), true).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
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
        len += p::string_len(&self.name, true);
        len += p::array_len_len(Some(self.partitions.len()), true) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, true).ctx("name")?;
        this.partitions = p::read_array(buf, true, |buf| WritableTxnMarkerPartitionResult::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WritableTxnMarkerTopicResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WritableTxnMarkerTopicResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WritableTxnMarkerTopicResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WritableTxnMarkerTopicResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <WritableTxnMarkerPartitionResult as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `WritableTxnMarkerResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarkerResult {
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `Topics`: []WritableTxnMarkerTopicResult; versions 0+.
    pub topics: Vec<WritableTxnMarkerTopicResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarkerResult {
    fn default() -> Self {
        Self {
            producer_id: 0,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WritableTxnMarkerResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.producer_id);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
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
        len += 8;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.topics = p::read_array(buf, true, |buf| WritableTxnMarkerTopicResult::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WritableTxnMarkerResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WritableTxnMarkerResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WritableTxnMarkerResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WritableTxnMarkerResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.topics = rng.vec(|rng| <WritableTxnMarkerTopicResult as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

