//! `WriteTxnMarkersRequest` (request, API key 27; versions 1-2; flexible 1+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/WriteTxnMarkersRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `WriteTxnMarkersRequest`: request, API key 27; versions 1-2; flexible 1+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct WriteTxnMarkersRequest {
    /// `Markers`: []WritableTxnMarker; versions 0+.
    pub markers: Vec<WritableTxnMarker>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WriteTxnMarkersRequest {
    fn default() -> Self {
        Self {
            markers: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WriteTxnMarkersRequest {
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
        this.markers = p::read_array(buf, true, |buf| WritableTxnMarker::decode_fields(buf, version)).ctx("markers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("markers")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WriteTxnMarkersRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("WriteTxnMarkersRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("WriteTxnMarkersRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WriteTxnMarkersRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("WriteTxnMarkersRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("WriteTxnMarkersRequest", version))
    }
}

impl crate::Message for WriteTxnMarkersRequest {
    const NAME: &'static str = "WriteTxnMarkersRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for WriteTxnMarkersRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::WriteTxnMarkers;
    type Response = super::WriteTxnMarkersResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WriteTxnMarkersRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("markers".into(), serde_json::Value::Array(self.markers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WriteTxnMarkersRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.markers = rng.vec(|rng| <WritableTxnMarker as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `WritableTxnMarkerTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarkerTopic {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `PartitionIndexes`: []int32; versions 0+.
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarkerTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partition_indexes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WritableTxnMarkerTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_array_len(buf, Some(self.partition_indexes.len()), true).ctx("partition_indexes")?;
        for e in &self.partition_indexes {
            p::write_i32(buf, *e);
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
        len += p::string_len(&self.name, true);
        len += p::array_len_len(Some(self.partition_indexes.len()), true) + self.partition_indexes.len() * 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, true).ctx("name")?;
        this.partition_indexes = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partition_indexes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_indexes")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WritableTxnMarkerTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WritableTxnMarkerTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WritableTxnMarkerTopic {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitionIndexes".into(), serde_json::Value::Array(self.partition_indexes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WritableTxnMarkerTopic {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partition_indexes = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `WritableTxnMarker`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct WritableTxnMarker {
    /// `ProducerId`: int64; versions 0+; entity type producerId.
    pub producer_id: i64,
    /// `ProducerEpoch`: int16; versions 0+.
    pub producer_epoch: i16,
    /// `TransactionResult`: bool; versions 0+.
    pub transaction_result: bool,
    /// `Topics`: []WritableTxnMarkerTopic; versions 0+.
    pub topics: Vec<WritableTxnMarkerTopic>,
    /// `CoordinatorEpoch`: int32; versions 0+.
    pub coordinator_epoch: i32,
    /// `TransactionVersion`: int8; versions 2+; default 0; ignorable.
    pub transaction_version: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for WritableTxnMarker {
    fn default() -> Self {
        Self {
            producer_id: 0,
            producer_epoch: 0,
            transaction_result: false,
            topics: Vec::new(),
            coordinator_epoch: 0,
            transaction_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl WritableTxnMarker {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.producer_id);
        p::write_i16(buf, self.producer_epoch);
        p::write_bool(buf, self.transaction_result);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        p::write_i32(buf, self.coordinator_epoch);
        if version >= 2 {
            p::write_i8(buf, self.transaction_version);
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
        len += 2;
        len += 1;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        if version >= 2 {
            len += 1;
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
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.producer_epoch = p::read_i16(buf).ctx("producer_epoch")?;
        this.transaction_result = p::read_bool(buf).ctx("transaction_result")?;
        this.topics = p::read_array(buf, true, |buf| WritableTxnMarkerTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.coordinator_epoch = p::read_i32(buf).ctx("coordinator_epoch")?;
        if version >= 2 {
            this.transaction_version = p::read_i8(buf).ctx("transaction_version")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for WritableTxnMarker {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for WritableTxnMarker {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for WritableTxnMarker {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("producerEpoch".into(), serde_json::Value::from(self.producer_epoch));
        map.insert("transactionResult".into(), serde_json::Value::from(self.transaction_result));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("coordinatorEpoch".into(), serde_json::Value::from(self.coordinator_epoch));
        if version >= 2 {
            map.insert("transactionVersion".into(), serde_json::Value::from(self.transaction_version));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for WritableTxnMarker {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.producer_epoch = rng.next_u64() as i16;
        this.transaction_result = rng.bool();
        this.topics = rng.vec(|rng| <WritableTxnMarkerTopic as crate::random::Random>::random(rng, version));
        this.coordinator_epoch = rng.next_u64() as i32;
        if version >= 2 {
            this.transaction_version = rng.next_u64() as i8;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

