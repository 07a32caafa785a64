//! `FetchResponse` (response, API key 1; versions 4-18; flexible 12+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FetchResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FetchResponse`: response, API key 1; versions 4-18; flexible 12+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchResponse {
    /// `ThrottleTimeMs`: int32; versions 1+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 7+; ignorable.
    pub error_code: i16,
    /// `SessionId`: int32; versions 7+; default 0.
    pub session_id: i32,
    /// `Responses`: []FetchableTopicResponse; versions 0+.
    pub responses: Vec<FetchableTopicResponse>,
    /// `NodeEndpoints`: []NodeEndpoint; versions 16+; tag 0 in versions 16+.
    pub node_endpoints: Vec<NodeEndpoint>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            session_id: 0,
            responses: Vec::new(),
            node_endpoints: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        if version >= 7 {
            p::write_i16(buf, self.error_code);
        }
        if version >= 7 {
            p::write_i32(buf, self.session_id);
        } else if self.session_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("session_id"));
        }
        p::write_array_len(buf, Some(self.responses.len()), version >= 12).ctx("responses")?;
        for e in &self.responses {
            (*e).encode_fields(buf, version).ctx("responses")?;
        }
        if !(version >= 16) && !self.node_endpoints.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_endpoints"));
        }
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_node_endpoints = (version >= 16) && !self.node_endpoints.is_empty();
            count += tagged_node_endpoints as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_node_endpoints {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (p::array_len_len(Some(self.node_endpoints.len()), true) + self.node_endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>()) as u32);
                p::write_array_len(buf, Some(self.node_endpoints.len()), true).ctx("node_endpoints")?;
                for e in &self.node_endpoints {
                    (*e).encode_fields(buf, version).ctx("node_endpoints")?;
                }
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        if version >= 7 {
            len += 2;
        }
        if version >= 7 {
            len += 4;
        }
        len += p::array_len_len(Some(self.responses.len()), version >= 12) + self.responses.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 16) && !self.node_endpoints.is_empty() {
                count += 1;
                len += p::tagged_field_len(0, p::array_len_len(Some(self.node_endpoints.len()), true) + self.node_endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>());
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 7 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 7 {
            this.session_id = p::read_i32(buf).ctx("session_id")?;
        }
        this.responses = p::read_array(buf, version >= 12, |buf| FetchableTopicResponse::decode_fields(buf, version)).ctx("responses")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("responses")?;
        if version >= 12 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 16 => {
                        this.node_endpoints = p::read_array(buf, true, |buf| NodeEndpoint::decode_fields(buf, version)).ctx("node_endpoints")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("node_endpoints")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for FetchResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FetchResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FetchResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FetchResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FetchResponse", version))
    }
}

impl crate::Message for FetchResponse {
    const NAME: &'static str = "FetchResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 4, max: 18 };
    const FLEXIBLE_SINCE: Option<i16> = Some(12);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        if version >= 7 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        if version >= 7 {
            map.insert("sessionId".into(), serde_json::Value::from(self.session_id));
        }
        map.insert("responses".into(), serde_json::Value::Array(self.responses.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 16 && !self.node_endpoints.is_empty() {
            map.insert("nodeEndpoints".into(), serde_json::Value::Array(self.node_endpoints.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 7 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 7 {
            this.session_id = rng.next_u64() as i32;
        }
        this.responses = rng.vec(|rng| <FetchableTopicResponse as crate::random::Random>::random(rng, version));
        if version >= 16 {
            this.node_endpoints = rng.vec(|rng| <NodeEndpoint as crate::random::Random>::random(rng, version));
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `EpochEndOffset`, versions 12+.
#[derive(Debug, Clone, PartialEq)]
pub struct EpochEndOffset {
    /// `Epoch`: int32; versions 12+; default -1.
    pub epoch: i32,
    /// `EndOffset`: int64; versions 12+; default -1.
    pub end_offset: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EpochEndOffset {
    fn default() -> Self {
        Self {
            epoch: -1,
            end_offset: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EpochEndOffset {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 12 {
            p::write_i32(buf, self.epoch);
        } else if self.epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("epoch"));
        }
        if version >= 12 {
            p::write_i64(buf, self.end_offset);
        } else if self.end_offset != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("end_offset"));
        }
        if version >= 12 {
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
        if version >= 12 {
            len += 4;
        }
        if version >= 12 {
            len += 8;
        }
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 12 {
            this.epoch = p::read_i32(buf).ctx("epoch")?;
        }
        if version >= 12 {
            this.end_offset = p::read_i64(buf).ctx("end_offset")?;
        }
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EpochEndOffset {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EpochEndOffset {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EpochEndOffset {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 12 {
            map.insert("epoch".into(), serde_json::Value::from(self.epoch));
        }
        if version >= 12 {
            map.insert("endOffset".into(), serde_json::Value::from(self.end_offset));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EpochEndOffset {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 12 {
            this.epoch = rng.next_u64() as i32;
        }
        if version >= 12 {
            this.end_offset = rng.next_u64() as i64;
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `LeaderIdAndEpoch`, versions 12+.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderIdAndEpoch {
    /// `LeaderId`: int32; versions 12+; default -1; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 12+; default -1.
    pub leader_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderIdAndEpoch {
    fn default() -> Self {
        Self {
            leader_id: -1,
            leader_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaderIdAndEpoch {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 12 {
            p::write_i32(buf, self.leader_id);
        } else if self.leader_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("leader_id"));
        }
        if version >= 12 {
            p::write_i32(buf, self.leader_epoch);
        } else if self.leader_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("leader_epoch"));
        }
        if version >= 12 {
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
        if version >= 12 {
            len += 4;
        }
        if version >= 12 {
            len += 4;
        }
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 12 {
            this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        }
        if version >= 12 {
            this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        }
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for LeaderIdAndEpoch {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for LeaderIdAndEpoch {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for LeaderIdAndEpoch {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 12 {
            map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        }
        if version >= 12 {
            map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for LeaderIdAndEpoch {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 12 {
            this.leader_id = rng.next_u64() as i32;
        }
        if version >= 12 {
            this.leader_epoch = rng.next_u64() as i32;
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `SnapshotId`, versions 12+.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotId {
    /// `EndOffset`: int64; versions 0+; default -1.
    pub end_offset: i64,
    /// `Epoch`: int32; versions 0+; default -1.
    pub epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SnapshotId {
    fn default() -> Self {
        Self {
            end_offset: -1,
            epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SnapshotId {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.end_offset);
        p::write_i32(buf, self.epoch);
        if version >= 12 {
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
        len += 8;
        len += 4;
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.end_offset = p::read_i64(buf).ctx("end_offset")?;
        this.epoch = p::read_i32(buf).ctx("epoch")?;
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for SnapshotId {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for SnapshotId {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for SnapshotId {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("endOffset".into(), serde_json::Value::from(self.end_offset));
        map.insert("epoch".into(), serde_json::Value::from(self.epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for SnapshotId {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.end_offset = rng.next_u64() as i64;
        this.epoch = rng.next_u64() as i32;
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `AbortedTransaction`, versions 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct AbortedTransaction {
    /// `ProducerId`: int64; versions 4+; entity type producerId.
    pub producer_id: i64,
    /// `FirstOffset`: int64; versions 4+.
    pub first_offset: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AbortedTransaction {
    fn default() -> Self {
        Self {
            producer_id: 0,
            first_offset: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AbortedTransaction {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.producer_id);
        p::write_i64(buf, self.first_offset);
        if version >= 12 {
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
        len += 8;
        len += 8;
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.producer_id = p::read_i64(buf).ctx("producer_id")?;
        this.first_offset = p::read_i64(buf).ctx("first_offset")?;
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AbortedTransaction {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AbortedTransaction {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AbortedTransaction {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("producerId".into(), serde_json::Value::from(self.producer_id));
        map.insert("firstOffset".into(), serde_json::Value::from(self.first_offset));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AbortedTransaction {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.producer_id = rng.next_u64() as i64;
        this.first_offset = rng.next_u64() as i64;
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `PartitionData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `HighWatermark`: int64; versions 0+.
    pub high_watermark: i64,
    /// `LastStableOffset`: int64; versions 4+; default -1; ignorable.
    pub last_stable_offset: i64,
    /// `LogStartOffset`: int64; versions 5+; default -1; ignorable.
    pub log_start_offset: i64,
    /// `DivergingEpoch`: EpochEndOffset; versions 12+; tag 0 in versions 12+.
    pub diverging_epoch: EpochEndOffset,
    /// `CurrentLeader`: LeaderIdAndEpoch; versions 12+; tag 1 in versions 12+.
    pub current_leader: LeaderIdAndEpoch,
    /// `SnapshotId`: SnapshotId; versions 12+; tag 2 in versions 12+.
    pub snapshot_id: SnapshotId,
    /// `AbortedTransactions`: []AbortedTransaction; versions 4+; nullable 4+; ignorable.
    pub aborted_transactions: Option<Vec<AbortedTransaction>>,
    /// `PreferredReadReplica`: int32; versions 11+; default -1; entity type brokerId.
    pub preferred_read_replica: i32,
    /// `Records`: records; versions 0+; nullable 0+.
    pub records: Option<bytes::Bytes>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            high_watermark: 0,
            last_stable_offset: -1,
            log_start_offset: -1,
            diverging_epoch: EpochEndOffset::default(),
            current_leader: LeaderIdAndEpoch::default(),
            snapshot_id: SnapshotId::default(),
            aborted_transactions: Some(Vec::new()),
            preferred_read_replica: -1,
            records: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
        p::write_i64(buf, self.high_watermark);
        p::write_i64(buf, self.last_stable_offset);
        if version >= 5 {
            p::write_i64(buf, self.log_start_offset);
        }
        match &self.aborted_transactions {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), version >= 12).ctx("aborted_transactions")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("aborted_transactions")?;
                }
            }
            None => {
                p::write_array_len(buf, None, version >= 12).ctx("aborted_transactions")?;
            }
        }
        if version >= 11 {
            p::write_i32(buf, self.preferred_read_replica);
        } else if self.preferred_read_replica != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("preferred_read_replica"));
        }
        match &self.records {
            Some(v) => {
                p::write_bytes(buf, v, version >= 12).ctx("records")?;
            }
            None => {
                p::write_nullable_bytes(buf, None, version >= 12).ctx("records")?;
            }
        }
        if !(version >= 12) && self.diverging_epoch != EpochEndOffset::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("diverging_epoch"));
        }
        if !(version >= 12) && self.current_leader != LeaderIdAndEpoch::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("current_leader"));
        }
        if !(version >= 12) && self.snapshot_id != SnapshotId::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("snapshot_id"));
        }
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_diverging_epoch = (version >= 12) && self.diverging_epoch != EpochEndOffset::default();
            count += tagged_diverging_epoch as usize;
            let tagged_current_leader = (version >= 12) && self.current_leader != LeaderIdAndEpoch::default();
            count += tagged_current_leader as usize;
            let tagged_snapshot_id = (version >= 12) && self.snapshot_id != SnapshotId::default();
            count += tagged_snapshot_id as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_diverging_epoch {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (self.diverging_epoch.fields_len(version)) as u32);
                self.diverging_epoch.encode_fields(buf, version).ctx("diverging_epoch")?;
            }
            if tagged_current_leader {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 1);
                p::write_unsigned_varint(buf, 1);
                p::write_unsigned_varint(buf, (self.current_leader.fields_len(version)) as u32);
                self.current_leader.encode_fields(buf, version).ctx("current_leader")?;
            }
            if tagged_snapshot_id {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 2);
                p::write_unsigned_varint(buf, 2);
                p::write_unsigned_varint(buf, (self.snapshot_id.fields_len(version)) as u32);
                self.snapshot_id.encode_fields(buf, version).ctx("snapshot_id")?;
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
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
        len += 8;
        if version >= 5 {
            len += 8;
        }
        len += match &self.aborted_transactions { Some(v) => p::array_len_len(Some((*v).len()), version >= 12) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if version >= 12 { 1 } else { 4 } };
        if version >= 11 {
            len += 4;
        }
        len += match &self.records { Some(v) => p::bytes_len(v, version >= 12), None => if version >= 12 { 1 } else { 4 } };
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 12) && self.diverging_epoch != EpochEndOffset::default() {
                count += 1;
                len += p::tagged_field_len(0, self.diverging_epoch.fields_len(version));
            }
            if (version >= 12) && self.current_leader != LeaderIdAndEpoch::default() {
                count += 1;
                len += p::tagged_field_len(1, self.current_leader.fields_len(version));
            }
            if (version >= 12) && self.snapshot_id != SnapshotId::default() {
                count += 1;
                len += p::tagged_field_len(2, self.snapshot_id.fields_len(version));
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.high_watermark = p::read_i64(buf).ctx("high_watermark")?;
        this.last_stable_offset = p::read_i64(buf).ctx("last_stable_offset")?;
        if version >= 5 {
            this.log_start_offset = p::read_i64(buf).ctx("log_start_offset")?;
        }
        this.aborted_transactions = p::read_array(buf, version >= 12, |buf| AbortedTransaction::decode_fields(buf, version)).ctx("aborted_transactions")?;
        if version >= 11 {
            this.preferred_read_replica = p::read_i32(buf).ctx("preferred_read_replica")?;
        }
        this.records = p::read_nullable_bytes(buf, version >= 12).ctx("records")?;
        if version >= 12 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 12 => {
                        this.diverging_epoch = EpochEndOffset::decode_fields(buf, version).ctx("diverging_epoch")?;
                        Ok(true)
                    }
                    1 if version >= 12 => {
                        this.current_leader = LeaderIdAndEpoch::decode_fields(buf, version).ctx("current_leader")?;
                        Ok(true)
                    }
                    2 if version >= 12 => {
                        this.snapshot_id = SnapshotId::decode_fields(buf, version).ctx("snapshot_id")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for PartitionData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionData {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("highWatermark".into(), serde_json::Value::from(self.high_watermark));
        map.insert("lastStableOffset".into(), serde_json::Value::from(self.last_stable_offset));
        if version >= 5 {
            map.insert("logStartOffset".into(), serde_json::Value::from(self.log_start_offset));
        }
        if version >= 12 && self.diverging_epoch != EpochEndOffset::default() {
            map.insert("divergingEpoch".into(), crate::json::ToJson::to_json(&self.diverging_epoch, version));
        }
        if version >= 12 && self.current_leader != LeaderIdAndEpoch::default() {
            map.insert("currentLeader".into(), crate::json::ToJson::to_json(&self.current_leader, version));
        }
        if version >= 12 && self.snapshot_id != SnapshotId::default() {
            map.insert("snapshotId".into(), crate::json::ToJson::to_json(&self.snapshot_id, version));
        }
        map.insert("abortedTransactions".into(), match &self.aborted_transactions { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        if version >= 11 {
            map.insert("preferredReadReplica".into(), serde_json::Value::from(self.preferred_read_replica));
        }
        match &self.records { Some(v) => map.insert("recordsSizeInBytes".into(), serde_json::Value::from(v.len())), None => map.insert("records".into(), serde_json::Value::Null) };
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.high_watermark = rng.next_u64() as i64;
        this.last_stable_offset = rng.next_u64() as i64;
        if version >= 5 {
            this.log_start_offset = rng.next_u64() as i64;
        }
        if version >= 12 {
            this.diverging_epoch = <EpochEndOffset as crate::random::Random>::random(rng, version);
        }
        if version >= 12 {
            this.current_leader = <LeaderIdAndEpoch as crate::random::Random>::random(rng, version);
        }
        if version >= 12 {
            this.snapshot_id = <SnapshotId as crate::random::Random>::random(rng, version);
        }
        this.aborted_transactions = rng.option(|rng| rng.vec(|rng| <AbortedTransaction as crate::random::Random>::random(rng, version)));
        if version >= 11 {
            this.preferred_read_replica = rng.next_u64() as i32;
        }
        this.records = rng.option(|rng| rng.bytes());
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `FetchableTopicResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchableTopicResponse {
    /// `Topic`: string; versions 0-12; entity type topicName; ignorable.
    pub topic: String,
    /// `TopicId`: uuid; versions 13+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []PartitionData; versions 0+.
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchableTopicResponse {
    fn default() -> Self {
        Self {
            topic: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchableTopicResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 12 {
            p::write_string(buf, &self.topic, version >= 12).ctx("topic")?;
        }
        if version >= 13 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_array_len(buf, Some(self.partitions.len()), version >= 12).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 12 {
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
        if version <= 12 {
            len += p::string_len(&self.topic, version >= 12);
        }
        if version >= 13 {
            len += 16;
        }
        len += p::array_len_len(Some(self.partitions.len()), version >= 12) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 12 {
            this.topic = p::read_string(buf, version >= 12).ctx("topic")?;
        }
        if version >= 13 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.partitions = p::read_array(buf, version >= 12, |buf| PartitionData::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FetchableTopicResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchableTopicResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchableTopicResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 12 {
            map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        }
        if version >= 13 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchableTopicResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 12 {
            this.topic = rng.string();
        }
        if version >= 13 {
            this.topic_id = rng.uuid();
        }
        this.partitions = rng.vec(|rng| <PartitionData as crate::random::Random>::random(rng, version));
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `NodeEndpoint`, versions 16+.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    /// `NodeId`: int32; versions 16+; entity type brokerId; map key.
    pub node_id: i32,
    /// `Host`: string; versions 16+.
    pub host: String,
    /// `Port`: int32; versions 16+.
    pub port: i32,
    /// `Rack`: string; versions 16+; nullable 16+; default null.
    pub rack: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for NodeEndpoint {
    fn default() -> Self {
        Self {
            node_id: 0,
            host: String::new(),
            port: 0,
            rack: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl NodeEndpoint {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 16 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version >= 16 {
            p::write_string(buf, &self.host, version >= 12).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 16 {
            p::write_i32(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
        }
        if version >= 16 {
            match &self.rack {
                Some(v) => {
                    p::write_string(buf, v, version >= 12).ctx("rack")?;
                }
                None if version >= 16 => {
                    p::write_nullable_string(buf, None, version >= 12).ctx("rack")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("rack")),
            }
        } else if self.rack.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("rack"));
        }
        if version >= 12 {
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
        if version >= 16 {
            len += 4;
        }
        if version >= 16 {
            len += p::string_len(&self.host, version >= 12);
        }
        if version >= 16 {
            len += 4;
        }
        if version >= 16 {
            len += match &self.rack { Some(v) => p::string_len(v, version >= 12), None => if version >= 12 { 1 } else { 2 } };
        }
        if version >= 12 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 16 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 16 {
            this.host = p::read_string(buf, version >= 12).ctx("host")?;
        }
        if version >= 16 {
            this.port = p::read_i32(buf).ctx("port")?;
        }
        if version >= 16 {
            this.rack = if version >= 16 { p::read_nullable_string(buf, version >= 12).ctx("rack")? } else { Some(p::read_string(buf, version >= 12).ctx("rack")?) };
        }
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for NodeEndpoint {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for NodeEndpoint {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for NodeEndpoint {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 16 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version >= 16 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version >= 16 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        if version >= 16 {
            map.insert("rack".into(), match &self.rack { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for NodeEndpoint {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 16 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 16 {
            this.host = rng.string();
        }
        if version >= 16 {
            this.port = rng.next_u64() as i32;
        }
        if version >= 16 {
            this.rack = if version >= 16 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

