//! `FetchSnapshotRequest` (request, API key 59; versions 0-1; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FetchSnapshotRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FetchSnapshotRequest`: request, API key 59; versions 0-1; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchSnapshotRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+; tag 0 in versions 0+; default null.
    pub cluster_id: Option<String>,
    /// `ReplicaId`: int32; versions 0+; default -1; entity type brokerId.
    pub replica_id: i32,
    /// `MaxBytes`: int32; versions 0+; default 0x7fffffff.
    pub max_bytes: i32,
    /// `Topics`: []TopicSnapshot; versions 0+.
    pub topics: Vec<TopicSnapshot>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchSnapshotRequest {
    fn default() -> Self {
        Self {
            cluster_id: None,
            replica_id: -1,
            max_bytes: i32::MAX,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchSnapshotRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.replica_id);
        p::write_i32(buf, self.max_bytes);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_cluster_id = self.cluster_id.is_some();
            count += tagged_cluster_id as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_cluster_id {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } }) as u32);
                match &self.cluster_id {
                    Some(v) => {
                        p::write_string(buf, v, true).ctx("cluster_id")?;
                    }
                    None => {
                        p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
                    }
                }
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 4;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if self.cluster_id.is_some() {
                count += 1;
                len += p::tagged_field_len(0, match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } });
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        this.max_bytes = p::read_i32(buf).ctx("max_bytes")?;
        this.topics = p::read_array(buf, true, |buf| TopicSnapshot::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 => {
                        this.cluster_id = p::read_nullable_string(buf, true).ctx("cluster_id")?;
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

impl crate::Encode for FetchSnapshotRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FetchSnapshotRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FetchSnapshotRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchSnapshotRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FetchSnapshotRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FetchSnapshotRequest", version))
    }
}

impl crate::Message for FetchSnapshotRequest {
    const NAME: &'static str = "FetchSnapshotRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for FetchSnapshotRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::FetchSnapshot;
    type Response = super::FetchSnapshotResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchSnapshotRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if self.cluster_id.is_some() {
            map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        map.insert("maxBytes".into(), serde_json::Value::from(self.max_bytes));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchSnapshotRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        this.replica_id = rng.next_u64() as i32;
        this.max_bytes = rng.next_u64() as i32;
        this.topics = rng.vec(|rng| <TopicSnapshot as crate::random::Random>::random(rng, version));
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

/// `PartitionSnapshot`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionSnapshot {
    /// `Partition`: int32; versions 0+.
    pub partition: i32,
    /// `CurrentLeaderEpoch`: int32; versions 0+.
    pub current_leader_epoch: i32,
    /// `SnapshotId`: SnapshotId; versions 0+.
    pub snapshot_id: SnapshotId,
    /// `Position`: int64; versions 0+.
    pub position: i64,
    /// `ReplicaDirectoryId`: uuid; versions 1+; tag 0 in versions 1+; ignorable.
    pub replica_directory_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionSnapshot {
    fn default() -> Self {
        Self {
            partition: 0,
            current_leader_epoch: 0,
            snapshot_id: SnapshotId::default(),
            position: 0,
            replica_directory_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionSnapshot {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition);
        p::write_i32(buf, self.current_leader_epoch);
        self.snapshot_id.encode_fields(buf, version).ctx("snapshot_id")?;
        p::write_i64(buf, self.position);
        {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_replica_directory_id = (version >= 1) && self.replica_directory_id != crate::Uuid::ZERO;
            count += tagged_replica_directory_id as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_replica_directory_id {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (16) as u32);
                p::write_uuid(buf, &self.replica_directory_id);
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 4;
        len += self.snapshot_id.fields_len(version);
        len += 8;
        {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 1) && self.replica_directory_id != crate::Uuid::ZERO {
                count += 1;
                len += p::tagged_field_len(0, 16);
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition = p::read_i32(buf).ctx("partition")?;
        this.current_leader_epoch = p::read_i32(buf).ctx("current_leader_epoch")?;
        this.snapshot_id = SnapshotId::decode_fields(buf, version).ctx("snapshot_id")?;
        this.position = p::read_i64(buf).ctx("position")?;
        {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 1 => {
                        this.replica_directory_id = p::read_uuid(buf).ctx("replica_directory_id")?;
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
        map.insert("partition".into(), serde_json::Value::from(self.partition));
        map.insert("currentLeaderEpoch".into(), serde_json::Value::from(self.current_leader_epoch));
        map.insert("snapshotId".into(), crate::json::ToJson::to_json(&self.snapshot_id, version));
        map.insert("position".into(), serde_json::Value::from(self.position));
        if version >= 1 && self.replica_directory_id != crate::Uuid::ZERO {
            map.insert("replicaDirectoryId".into(), serde_json::Value::from(self.replica_directory_id.to_base64()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionSnapshot {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition = rng.next_u64() as i32;
        this.current_leader_epoch = rng.next_u64() as i32;
        this.snapshot_id = <SnapshotId as crate::random::Random>::random(rng, version);
        this.position = rng.next_u64() as i64;
        if version >= 1 {
            this.replica_directory_id = rng.uuid();
        }
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

