//! `FetchRequest` (request, API key 1; versions 4-18; flexible 12+; listeners: broker, controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/FetchRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `FetchRequest`: request, API key 1; versions 4-18; flexible 12+; listeners: broker, controller.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchRequest {
    /// `ClusterId`: string; versions 12+; nullable 12+; tag 0 in versions 12+; default null; ignorable.
    pub cluster_id: Option<String>,
    /// `ReplicaId`: int32; versions 0-14; default -1; entity type brokerId.
    pub replica_id: i32,
    /// `ReplicaState`: ReplicaState; versions 15+; tag 1 in versions 15+.
    pub replica_state: ReplicaState,
    /// `MaxWaitMs`: int32; versions 0+.
    pub max_wait_ms: i32,
    /// `MinBytes`: int32; versions 0+.
    pub min_bytes: i32,
    /// `MaxBytes`: int32; versions 3+; default 0x7fffffff; ignorable.
    pub max_bytes: i32,
    /// `IsolationLevel`: int8; versions 4+; default 0; ignorable.
    pub isolation_level: i8,
    /// `SessionId`: int32; versions 7+; default 0; ignorable.
    pub session_id: i32,
    /// `SessionEpoch`: int32; versions 7+; default -1; ignorable.
    pub session_epoch: i32,
    /// `Topics`: []FetchTopic; versions 0+.
    pub topics: Vec<FetchTopic>,
    /// `ForgottenTopicsData`: []ForgottenTopic; versions 7+.
    pub forgotten_topics_data: Vec<ForgottenTopic>,
    /// `RackId`: string; versions 11+; default ; ignorable.
    pub rack_id: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchRequest {
    fn default() -> Self {
        Self {
            cluster_id: None,
            replica_id: -1,
            replica_state: ReplicaState::default(),
            max_wait_ms: 0,
            min_bytes: 0,
            max_bytes: i32::MAX,
            isolation_level: 0,
            session_id: 0,
            session_epoch: -1,
            topics: Vec::new(),
            forgotten_topics_data: Vec::new(),
            rack_id: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 14 {
            p::write_i32(buf, self.replica_id);
        } else if self.replica_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("replica_id"));
        }
        p::write_i32(buf, self.max_wait_ms);
        p::write_i32(buf, self.min_bytes);
        p::write_i32(buf, self.max_bytes);
        p::write_i8(buf, self.isolation_level);
        if version >= 7 {
            p::write_i32(buf, self.session_id);
        }
        if version >= 7 {
            p::write_i32(buf, self.session_epoch);
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 12).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 7 {
            p::write_array_len(buf, Some(self.forgotten_topics_data.len()), version >= 12).ctx("forgotten_topics_data")?;
            for e in &self.forgotten_topics_data {
                (*e).encode_fields(buf, version).ctx("forgotten_topics_data")?;
            }
        } else if !self.forgotten_topics_data.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("forgotten_topics_data"));
        }
        if version >= 11 {
            p::write_string(buf, &self.rack_id, version >= 12).ctx("rack_id")?;
        }
        if !(version >= 15) && self.replica_state != ReplicaState::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("replica_state"));
        }
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_cluster_id = (version >= 12) && self.cluster_id.is_some();
            count += tagged_cluster_id as usize;
            let tagged_replica_state = (version >= 15) && self.replica_state != ReplicaState::default();
            count += tagged_replica_state as usize;
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
                    None if version >= 12 => {
                        p::write_nullable_string(buf, None, true).ctx("cluster_id")?;
                    }
                    None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("cluster_id")),
                }
            }
            if tagged_replica_state {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 1);
                p::write_unsigned_varint(buf, 1);
                p::write_unsigned_varint(buf, (self.replica_state.fields_len(version)) as u32);
                self.replica_state.encode_fields(buf, version).ctx("replica_state")?;
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
        if version <= 14 {
            len += 4;
        }
        len += 4;
        len += 4;
        len += 4;
        len += 1;
        if version >= 7 {
            len += 4;
        }
        if version >= 7 {
            len += 4;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 12) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 7 {
            len += p::array_len_len(Some(self.forgotten_topics_data.len()), version >= 12) + self.forgotten_topics_data.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 11 {
            len += p::string_len(&self.rack_id, version >= 12);
        }
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 12) && self.cluster_id.is_some() {
                count += 1;
                len += p::tagged_field_len(0, match &self.cluster_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } });
            }
            if (version >= 15) && self.replica_state != ReplicaState::default() {
                count += 1;
                len += p::tagged_field_len(1, self.replica_state.fields_len(version));
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 14 {
            this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        }
        this.max_wait_ms = p::read_i32(buf).ctx("max_wait_ms")?;
        this.min_bytes = p::read_i32(buf).ctx("min_bytes")?;
        this.max_bytes = p::read_i32(buf).ctx("max_bytes")?;
        this.isolation_level = p::read_i8(buf).ctx("isolation_level")?;
        if version >= 7 {
            this.session_id = p::read_i32(buf).ctx("session_id")?;
        }
        if version >= 7 {
            this.session_epoch = p::read_i32(buf).ctx("session_epoch")?;
        }
        this.topics = p::read_array(buf, version >= 12, |buf| FetchTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 7 {
            this.forgotten_topics_data = p::read_array(buf, version >= 12, |buf| ForgottenTopic::decode_fields(buf, version)).ctx("forgotten_topics_data")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("forgotten_topics_data")?;
        }
        if version >= 11 {
            this.rack_id = p::read_string(buf, version >= 12).ctx("rack_id")?;
        }
        if version >= 12 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 12 => {
                        this.cluster_id = if version >= 12 { p::read_nullable_string(buf, true).ctx("cluster_id")? } else { Some(p::read_string(buf, true).ctx("cluster_id")?) };
                        Ok(true)
                    }
                    1 if version >= 15 => {
                        this.replica_state = ReplicaState::decode_fields(buf, version).ctx("replica_state")?;
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

impl crate::Encode for FetchRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("FetchRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("FetchRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("FetchRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("FetchRequest", version))
    }
}

impl crate::Message for FetchRequest {
    const NAME: &'static str = "FetchRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 4, max: 18 };
    const FLEXIBLE_SINCE: Option<i16> = Some(12);
}

impl crate::Request for FetchRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::Fetch;
    type Response = super::FetchResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 12 && self.cluster_id.is_some() {
            map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version <= 14 {
            map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        }
        if version >= 15 && self.replica_state != ReplicaState::default() {
            map.insert("replicaState".into(), crate::json::ToJson::to_json(&self.replica_state, version));
        }
        map.insert("maxWaitMs".into(), serde_json::Value::from(self.max_wait_ms));
        map.insert("minBytes".into(), serde_json::Value::from(self.min_bytes));
        map.insert("maxBytes".into(), serde_json::Value::from(self.max_bytes));
        map.insert("isolationLevel".into(), serde_json::Value::from(self.isolation_level));
        if version >= 7 {
            map.insert("sessionId".into(), serde_json::Value::from(self.session_id));
        }
        if version >= 7 {
            map.insert("sessionEpoch".into(), serde_json::Value::from(self.session_epoch));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 7 {
            map.insert("forgottenTopicsData".into(), serde_json::Value::Array(self.forgotten_topics_data.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 11 {
            map.insert("rackId".into(), serde_json::Value::from(self.rack_id.as_str()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 12 {
            this.cluster_id = if version >= 12 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version <= 14 {
            this.replica_id = rng.next_u64() as i32;
        }
        if version >= 15 {
            this.replica_state = <ReplicaState as crate::random::Random>::random(rng, version);
        }
        this.max_wait_ms = rng.next_u64() as i32;
        this.min_bytes = rng.next_u64() as i32;
        this.max_bytes = rng.next_u64() as i32;
        this.isolation_level = rng.next_u64() as i8;
        if version >= 7 {
            this.session_id = rng.next_u64() as i32;
        }
        if version >= 7 {
            this.session_epoch = rng.next_u64() as i32;
        }
        this.topics = rng.vec(|rng| <FetchTopic as crate::random::Random>::random(rng, version));
        if version >= 7 {
            this.forgotten_topics_data = rng.vec(|rng| <ForgottenTopic as crate::random::Random>::random(rng, version));
        }
        if version >= 11 {
            this.rack_id = rng.string();
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ReplicaState`, versions 15+.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    /// `ReplicaId`: int32; versions 15+; default -1; entity type brokerId.
    pub replica_id: i32,
    /// `ReplicaEpoch`: int64; versions 15+; default -1.
    pub replica_epoch: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        Self {
            replica_id: -1,
            replica_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ReplicaState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 15 {
            p::write_i32(buf, self.replica_id);
        } else if self.replica_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("replica_id"));
        }
        if version >= 15 {
            p::write_i64(buf, self.replica_epoch);
        } else if self.replica_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("replica_epoch"));
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
        if version >= 15 {
            len += 4;
        }
        if version >= 15 {
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
        if version >= 15 {
            this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        }
        if version >= 15 {
            this.replica_epoch = p::read_i64(buf).ctx("replica_epoch")?;
        }
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ReplicaState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ReplicaState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ReplicaState {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 15 {
            map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        }
        if version >= 15 {
            map.insert("replicaEpoch".into(), serde_json::Value::from(self.replica_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ReplicaState {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 15 {
            this.replica_id = rng.next_u64() as i32;
        }
        if version >= 15 {
            this.replica_epoch = rng.next_u64() as i64;
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `FetchPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPartition {
    /// `Partition`: int32; versions 0+.
    pub partition: i32,
    /// `CurrentLeaderEpoch`: int32; versions 9+; default -1; ignorable.
    pub current_leader_epoch: i32,
    /// `FetchOffset`: int64; versions 0+.
    pub fetch_offset: i64,
    /// `LastFetchedEpoch`: int32; versions 12+; default -1.
    pub last_fetched_epoch: i32,
    /// `LogStartOffset`: int64; versions 5+; default -1; ignorable.
    pub log_start_offset: i64,
    /// `PartitionMaxBytes`: int32; versions 0+.
    pub partition_max_bytes: i32,
    /// `ReplicaDirectoryId`: uuid; versions 17+; tag 0 in versions 17+; ignorable.
    pub replica_directory_id: crate::Uuid,
    /// `HighWatermark`: int64; versions 18+; tag 1 in versions 18+; default 9223372036854775807; ignorable.
    pub high_watermark: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        Self {
            partition: 0,
            current_leader_epoch: -1,
            fetch_offset: 0,
            last_fetched_epoch: -1,
            log_start_offset: -1,
            partition_max_bytes: 0,
            replica_directory_id: crate::Uuid::ZERO,
            high_watermark: i64::MAX,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition);
        if version >= 9 {
            p::write_i32(buf, self.current_leader_epoch);
        }
        p::write_i64(buf, self.fetch_offset);
        if version >= 12 {
            p::write_i32(buf, self.last_fetched_epoch);
        } else if self.last_fetched_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("last_fetched_epoch"));
        }
        if version >= 5 {
            p::write_i64(buf, self.log_start_offset);
        }
        p::write_i32(buf, self.partition_max_bytes);
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_replica_directory_id = (version >= 17) && self.replica_directory_id != crate::Uuid::ZERO;
            count += tagged_replica_directory_id as usize;
            let tagged_high_watermark = (version >= 18) && self.high_watermark != i64::MAX;
            count += tagged_high_watermark as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_replica_directory_id {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (16) as u32);
                p::write_uuid(buf, &self.replica_directory_id);
            }
            if tagged_high_watermark {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 1);
                p::write_unsigned_varint(buf, 1);
                p::write_unsigned_varint(buf, (8) as u32);
                p::write_i64(buf, self.high_watermark);
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
        if version >= 9 {
            len += 4;
        }
        len += 8;
        if version >= 12 {
            len += 4;
        }
        if version >= 5 {
            len += 8;
        }
        len += 4;
        if version >= 12 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 17) && self.replica_directory_id != crate::Uuid::ZERO {
                count += 1;
                len += p::tagged_field_len(0, 16);
            }
            if (version >= 18) && self.high_watermark != i64::MAX {
                count += 1;
                len += p::tagged_field_len(1, 8);
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition = p::read_i32(buf).ctx("partition")?;
        if version >= 9 {
            this.current_leader_epoch = p::read_i32(buf).ctx("current_leader_epoch")?;
        }
        this.fetch_offset = p::read_i64(buf).ctx("fetch_offset")?;
        if version >= 12 {
            this.last_fetched_epoch = p::read_i32(buf).ctx("last_fetched_epoch")?;
        }
        if version >= 5 {
            this.log_start_offset = p::read_i64(buf).ctx("log_start_offset")?;
        }
        this.partition_max_bytes = p::read_i32(buf).ctx("partition_max_bytes")?;
        if version >= 12 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 17 => {
                        this.replica_directory_id = p::read_uuid(buf).ctx("replica_directory_id")?;
                        Ok(true)
                    }
                    1 if version >= 18 => {
                        this.high_watermark = p::read_i64(buf).ctx("high_watermark")?;
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

impl crate::Encode for FetchPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchPartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partition".into(), serde_json::Value::from(self.partition));
        if version >= 9 {
            map.insert("currentLeaderEpoch".into(), serde_json::Value::from(self.current_leader_epoch));
        }
        map.insert("fetchOffset".into(), serde_json::Value::from(self.fetch_offset));
        if version >= 12 {
            map.insert("lastFetchedEpoch".into(), serde_json::Value::from(self.last_fetched_epoch));
        }
        if version >= 5 {
            map.insert("logStartOffset".into(), serde_json::Value::from(self.log_start_offset));
        }
        map.insert("partitionMaxBytes".into(), serde_json::Value::from(self.partition_max_bytes));
        if version >= 17 && self.replica_directory_id != crate::Uuid::ZERO {
            map.insert("replicaDirectoryId".into(), serde_json::Value::from(self.replica_directory_id.to_base64()));
        }
        if version >= 18 && self.high_watermark != i64::MAX {
            map.insert("highWatermark".into(), serde_json::Value::from(self.high_watermark));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for FetchPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition = rng.next_u64() as i32;
        if version >= 9 {
            this.current_leader_epoch = rng.next_u64() as i32;
        }
        this.fetch_offset = rng.next_u64() as i64;
        if version >= 12 {
            this.last_fetched_epoch = rng.next_u64() as i32;
        }
        if version >= 5 {
            this.log_start_offset = rng.next_u64() as i64;
        }
        this.partition_max_bytes = rng.next_u64() as i32;
        if version >= 17 {
            this.replica_directory_id = rng.uuid();
        }
        if version >= 18 {
            this.high_watermark = rng.next_u64() as i64;
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `FetchTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchTopic {
    /// `Topic`: string; versions 0-12; entity type topicName; ignorable.
    pub topic: String,
    /// `TopicId`: uuid; versions 13+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []FetchPartition; versions 0+.
    pub partitions: Vec<FetchPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for FetchTopic {
    fn default() -> Self {
        Self {
            topic: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl FetchTopic {
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
        this.partitions = p::read_array(buf, version >= 12, |buf| FetchPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for FetchTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for FetchTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for FetchTopic {
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
impl crate::random::Random for FetchTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 12 {
            this.topic = rng.string();
        }
        if version >= 13 {
            this.topic_id = rng.uuid();
        }
        this.partitions = rng.vec(|rng| <FetchPartition as crate::random::Random>::random(rng, version));
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ForgottenTopic`, versions 7+.
#[derive(Debug, Clone, PartialEq)]
pub struct ForgottenTopic {
    /// `Topic`: string; versions 7-12; entity type topicName; ignorable.
    pub topic: String,
    /// `TopicId`: uuid; versions 13+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []int32; versions 7+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ForgottenTopic {
    fn default() -> Self {
        Self {
            topic: String::new(),
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ForgottenTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if (7..=12).contains(&version) {
            p::write_string(buf, &self.topic, version >= 12).ctx("topic")?;
        }
        if version >= 13 {
            p::write_uuid(buf, &self.topic_id);
        }
        if version >= 7 {
            p::write_array_len(buf, Some(self.partitions.len()), version >= 12).ctx("partitions")?;
            for e in &self.partitions {
                p::write_i32(buf, *e);
            }
        } else if !self.partitions.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("partitions"));
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
        if (7..=12).contains(&version) {
            len += p::string_len(&self.topic, version >= 12);
        }
        if version >= 13 {
            len += 16;
        }
        if version >= 7 {
            len += p::array_len_len(Some(self.partitions.len()), version >= 12) + self.partitions.len() * 4;
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
        if (7..=12).contains(&version) {
            this.topic = p::read_string(buf, version >= 12).ctx("topic")?;
        }
        if version >= 13 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        if version >= 7 {
            this.partitions = p::read_array(buf, version >= 12, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        }
        if version >= 12 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ForgottenTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ForgottenTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ForgottenTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if (7..=12).contains(&version) {
            map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        }
        if version >= 13 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        if version >= 7 {
            map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ForgottenTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if (7..=12).contains(&version) {
            this.topic = rng.string();
        }
        if version >= 13 {
            this.topic_id = rng.uuid();
        }
        if version >= 7 {
            this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 12 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

