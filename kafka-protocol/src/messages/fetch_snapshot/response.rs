//! `FetchSnapshotResponse` (response, API key 59; versions 0-1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FetchSnapshotResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FetchSnapshotResponse`: response, API key 59; versions 0-1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchSnapshotResponse {
    /// `ThrottleTimeMs`: int32; versions 0+; ignorable.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Topics`: []TopicSnapshot; versions 0+.
    pub topics: Vec<TopicSnapshot>,
    /// `NodeEndpoints`: []NodeEndpoint; versions 1+; tag 0 in versions 1+.
    pub node_endpoints: Vec<NodeEndpoint>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchSnapshotResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            topics: Vec::new(),
            node_endpoints: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchSnapshotResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if !(version >= 1) && !self.node_endpoints.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_endpoints"));
        }
        {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_node_endpoints = (version >= 1) && !self.node_endpoints.is_empty();
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
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 2;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 1) && !self.node_endpoints.is_empty() {
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.topics = p::read_array(buf, true, |buf| TopicSnapshot::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 1 => {
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

impl crate::Encode for FetchSnapshotResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FetchSnapshotResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FetchSnapshotResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchSnapshotResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FetchSnapshotResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FetchSnapshotResponse", version))
    }
}

impl crate::Message for FetchSnapshotResponse {
    const NAME: &'static str = "FetchSnapshotResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchSnapshotResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 1 && !self.node_endpoints.is_empty() {
            map.insert("nodeEndpoints".into(), serde_json::Value::Array(self.node_endpoints.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchSnapshotResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.topics = rng.vec(|rng| <TopicSnapshot as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.node_endpoints = rng.vec(|rng| <NodeEndpoint as crate::random::Random>::random(rng, version));
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `SnapshotId`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotId {
    /// `EndOffset`: int64; versions 0+.
    pub end_offset: i64,
    /// `Epoch`: int32; versions 0+.
    pub epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for SnapshotId {
    fn default() -> Self {
        Self {
            end_offset: 0,
            epoch: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl SnapshotId {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i64(buf, self.end_offset);
        p::write_i32(buf, self.epoch);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 8;
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.end_offset = p::read_i64(buf).ctx("end_offset")?;
        this.epoch = p::read_i32(buf).ctx("epoch")?;
        {
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
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.end_offset = rng.next_u64() as i64;
        this.epoch = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `LeaderIdAndEpoch`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderIdAndEpoch {
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderIdAndEpoch {
    fn default() -> Self {
        Self {
            leader_id: 0,
            leader_epoch: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaderIdAndEpoch {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.leader_id);
        p::write_i32(buf, self.leader_epoch);
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
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        {
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
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for LeaderIdAndEpoch {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `PartitionSnapshot`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionSnapshot {
    /// `Index`: int32; versions 0+.
    pub index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `SnapshotId`: SnapshotId; versions 0+.
    pub snapshot_id: SnapshotId,
    /// `CurrentLeader`: LeaderIdAndEpoch; versions 0+; tag 0 in versions 0+.
    pub current_leader: LeaderIdAndEpoch,
    /// `Size`: int64; versions 0+.
    pub size: i64,
    /// `Position`: int64; versions 0+.
    pub position: i64,
    /// `UnalignedRecords`: records; versions 0+.
    pub unaligned_records: bytes::Bytes,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionSnapshot {
    fn default() -> Self {
        Self {
            index: 0,
            error_code: 0,
            snapshot_id: SnapshotId::default(),
            current_leader: LeaderIdAndEpoch::default(),
            size: 0,
            position: 0,
            unaligned_records: bytes::Bytes::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionSnapshot {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.index);
        p::write_i16(buf, self.error_code);
        self.snapshot_id.encode_fields(buf, version).ctx("snapshot_id")?;
        p::write_i64(buf, self.size);
        p::write_i64(buf, self.position);
        p::write_bytes(buf, &self.unaligned_records, true).ctx("unaligned_records")?;
        {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_current_leader = self.current_leader != LeaderIdAndEpoch::default();
            count += tagged_current_leader as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_current_leader {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (self.current_leader.fields_len(version)) as u32);
                self.current_leader.encode_fields(buf, version).ctx("current_leader")?;
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 2;
        len += self.snapshot_id.fields_len(version);
        len += 8;
        len += 8;
        len += p::bytes_len(&self.unaligned_records, true);
        {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if self.current_leader != LeaderIdAndEpoch::default() {
                count += 1;
                len += p::tagged_field_len(0, self.current_leader.fields_len(version));
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.index = p::read_i32(buf).ctx("index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.snapshot_id = SnapshotId::decode_fields(buf, version).ctx("snapshot_id")?;
        this.size = p::read_i64(buf).ctx("size")?;
        this.position = p::read_i64(buf).ctx("position")?;
        this.unaligned_records = p::read_bytes(buf, true).ctx("unaligned_records")?;
        {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 => {
                        this.current_leader = LeaderIdAndEpoch::decode_fields(buf, version).ctx("current_leader")?;
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

impl crate::Encode for PartitionSnapshot {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionSnapshot {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionSnapshot {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("index".into(), serde_json::Value::from(self.index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("snapshotId".into(), crate::json::ToJson::to_json(&self.snapshot_id, version));
        if self.current_leader != LeaderIdAndEpoch::default() {
            map.insert("currentLeader".into(), crate::json::ToJson::to_json(&self.current_leader, version));
        }
        map.insert("size".into(), serde_json::Value::from(self.size));
        map.insert("position".into(), serde_json::Value::from(self.position));
        { let v = &self.unaligned_records; map.insert("unalignedRecordsSizeInBytes".into(), serde_json::Value::from(v.len())); }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionSnapshot {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.snapshot_id = <SnapshotId as crate::random::Random>::random(rng, version);
        this.current_leader = <LeaderIdAndEpoch as crate::random::Random>::random(rng, version);
        this.size = rng.next_u64() as i64;
        this.position = rng.next_u64() as i64;
        this.unaligned_records = rng.bytes();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicSnapshot`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicSnapshot {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []PartitionSnapshot; versions 0+.
    pub partitions: Vec<PartitionSnapshot>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicSnapshot {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicSnapshot {
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
        this.partitions = p::read_array(buf, true, |buf| PartitionSnapshot::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicSnapshot {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicSnapshot {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicSnapshot {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicSnapshot {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <PartitionSnapshot as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `NodeEndpoint`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    /// `NodeId`: int32; versions 1+; entity type brokerId; map key.
    pub node_id: i32,
    /// `Host`: string; versions 1+.
    pub host: String,
    /// `Port`: uint16; versions 1+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for NodeEndpoint {
    fn default() -> Self {
        Self {
            node_id: 0,
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl NodeEndpoint {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version >= 1 {
            p::write_string(buf, &self.host, true).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 1 {
            p::write_u16(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
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
        if version >= 1 {
            len += 4;
        }
        if version >= 1 {
            len += p::string_len(&self.host, true);
        }
        if version >= 1 {
            len += 2;
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
        if version >= 1 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 1 {
            this.host = p::read_string(buf, true).ctx("host")?;
        }
        if version >= 1 {
            this.port = p::read_u16(buf).ctx("port")?;
        }
        {
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
        if version >= 1 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version >= 1 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version >= 1 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for NodeEndpoint {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 1 {
            this.host = rng.string();
        }
        if version >= 1 {
            this.port = rng.next_u64() as u16;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

