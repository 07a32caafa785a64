//! `DescribeTopicPartitionsResponse` (response, API key 75; versions 0; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeTopicPartitionsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeTopicPartitionsResponse`: response, API key 75; versions 0; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+; ignorable.
    pub throttle_time_ms: i32,
    /// `Topics`: []DescribeTopicPartitionsResponseTopic; versions 0+.
    pub topics: Vec<DescribeTopicPartitionsResponseTopic>,
    /// `NextCursor`: Cursor; versions 0+; nullable 0+; default null.
    pub next_cursor: Option<Cursor>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            topics: Vec::new(),
            next_cursor: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeTopicPartitionsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        match &self.next_cursor {
            Some(v) => {
                p::write_i8(buf, 1);
                (*v).encode_fields(buf, version).ctx("next_cursor")?;
            }
            None => {
                p::write_i8(buf, -1);
            }
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
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 1 + match &self.next_cursor { Some(v) => (*v).fields_len(version), None => 0 };
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
        this.topics = p::read_array(buf, true, |buf| DescribeTopicPartitionsResponseTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        this.next_cursor = if p::read_i8(buf).ctx("next_cursor")? < 0 { None } else { Some(Cursor::decode_fields(buf, version).ctx("next_cursor")?) };
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeTopicPartitionsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTopicPartitionsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeTopicPartitionsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeTopicPartitionsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeTopicPartitionsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeTopicPartitionsResponse", version))
    }
}

impl crate::Message for DescribeTopicPartitionsResponse {
    const NAME: &'static str = "DescribeTopicPartitionsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeTopicPartitionsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("nextCursor".into(), match &self.next_cursor { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeTopicPartitionsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.topics = rng.vec(|rng| <DescribeTopicPartitionsResponseTopic as crate::random::Random>::random(rng, version));
        this.next_cursor = rng.option(|rng| <Cursor as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeTopicPartitionsResponsePartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponsePartition {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 0+; default -1; ignorable.
    pub leader_epoch: i32,
    /// `ReplicaNodes`: []int32; versions 0+; entity type brokerId.
    pub replica_nodes: Vec<i32>,
    /// `IsrNodes`: []int32; versions 0+; entity type brokerId.
    pub isr_nodes: Vec<i32>,
    /// `EligibleLeaderReplicas`: []int32; versions 0+; nullable 0+; default null; entity type brokerId.
    pub eligible_leader_replicas: Option<Vec<i32>>,
    /// `LastKnownElr`: []int32; versions 0+; nullable 0+; default null; entity type brokerId.
    pub last_known_elr: Option<Vec<i32>>,
    /// `OfflineReplicas`: []int32; versions 0+; entity type brokerId; ignorable.
    pub offline_replicas: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponsePartition {
    fn default() -> Self {
        Self {
            error_code: 0,
            partition_index: 0,
            leader_id: 0,
            leader_epoch: -1,
            replica_nodes: Vec::new(),
            isr_nodes: Vec::new(),
            eligible_leader_replicas: None,
            last_known_elr: None,
            offline_replicas: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeTopicPartitionsResponsePartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_i32(buf, self.partition_index);
        p::write_i32(buf, self.leader_id);
        p::write_i32(buf, self.leader_epoch);
        p::write_array_len(buf, Some(self.replica_nodes.len()), true).ctx("replica_nodes")?;
        for e in &self.replica_nodes {
            p::write_i32(buf, *e);
        }
        p::write_array_len(buf, Some(self.isr_nodes.len()), true).ctx("isr_nodes")?;
        for e in &self.isr_nodes {
            p::write_i32(buf, *e);
        }
        match &self.eligible_leader_replicas {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("eligible_leader_replicas")?;
                for e in v {
                    p::write_i32(buf, *e);
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("eligible_leader_replicas")?;
            }
        }
        match &self.last_known_elr {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("last_known_elr")?;
                for e in v {
                    p::write_i32(buf, *e);
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("last_known_elr")?;
            }
        }
        p::write_array_len(buf, Some(self.offline_replicas.len()), true).ctx("offline_replicas")?;
        for e in &self.offline_replicas {
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
        len += 2;
        len += 4;
        len += 4;
        len += 4;
        len += p::array_len_len(Some(self.replica_nodes.len()), true) + self.replica_nodes.len() * 4;
        len += p::array_len_len(Some(self.isr_nodes.len()), true) + self.isr_nodes.len() * 4;
        len += match &self.eligible_leader_replicas { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).len() * 4, None => if true { 1 } else { 4 } };
        len += match &self.last_known_elr { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).len() * 4, None => if true { 1 } else { 4 } };
        len += p::array_len_len(Some(self.offline_replicas.len()), true) + self.offline_replicas.len() * 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        this.replica_nodes = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("replica_nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("replica_nodes")?;
        this.isr_nodes = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("isr_nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("isr_nodes")?;
        this.eligible_leader_replicas = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("eligible_leader_replicas")?;
        this.last_known_elr = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("last_known_elr")?;
        this.offline_replicas = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("offline_replicas")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("offline_replicas")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeTopicPartitionsResponsePartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeTopicPartitionsResponsePartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeTopicPartitionsResponsePartition {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        map.insert("replicaNodes".into(), serde_json::Value::Array(self.replica_nodes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("isrNodes".into(), serde_json::Value::Array(self.isr_nodes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("eligibleLeaderReplicas".into(), match &self.eligible_leader_replicas { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from(*e)).collect()), None => serde_json::Value::Null });
        map.insert("lastKnownElr".into(), match &self.last_known_elr { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from(*e)).collect()), None => serde_json::Value::Null });
        map.insert("offlineReplicas".into(), serde_json::Value::Array(self.offline_replicas.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeTopicPartitionsResponsePartition {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.partition_index = rng.next_u64() as i32;
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.replica_nodes = rng.vec(|rng| rng.next_u64() as i32);
        this.isr_nodes = rng.vec(|rng| rng.next_u64() as i32);
        this.eligible_leader_replicas = rng.option(|rng| rng.vec(|rng| rng.next_u64() as i32));
        this.last_known_elr = rng.option(|rng| rng.vec(|rng| rng.next_u64() as i32));
        this.offline_replicas = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribeTopicPartitionsResponseTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponseTopic {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Name`: string; versions 0+; nullable 0+; entity type topicName; map key.
    pub name: Option<String>,
    /// `TopicId`: uuid; versions 0+; ignorable.
    pub topic_id: crate::Uuid,
    /// `IsInternal`: bool; versions 0+; default false; ignorable.
    pub is_internal: bool,
    /// `Partitions`: []DescribeTopicPartitionsResponsePartition; versions 0+.
    pub partitions: Vec<DescribeTopicPartitionsResponsePartition>,
    /// `TopicAuthorizedOperations`: int32; versions 0+; default -2147483648.
    pub topic_authorized_operations: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeTopicPartitionsResponseTopic {
    fn default() -> Self {
        Self {
            error_code: 0,
            name: Some(String::new()),
            topic_id: crate::Uuid::ZERO,
            is_internal: false,
            partitions: Vec::new(),
            topic_authorized_operations: i32::MIN,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeTopicPartitionsResponseTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.name {
            Some(v) => {
                p::write_string(buf, v, true).ctx("name")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("name")?;
            }
        }
        p::write_uuid(buf, &self.topic_id);
        p::write_bool(buf, self.is_internal);
        p::write_array_len(buf, Some(self.partitions.len()), true).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        p::write_i32(buf, self.topic_authorized_operations);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 2;
        len += match &self.name { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 16;
        len += 1;
        len += p::array_len_len(Some(self.partitions.len()), true) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.name = p::read_nullable_string(buf, true).ctx("name")?;
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        this.is_internal = p::read_bool(buf).ctx("is_internal")?;
        this.partitions = p::read_array(buf, true, |buf| DescribeTopicPartitionsResponsePartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        this.topic_authorized_operations = p::read_i32(buf).ctx("topic_authorized_operations")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeTopicPartitionsResponseTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeTopicPartitionsResponseTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeTopicPartitionsResponseTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("name".into(), match &self.name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("isInternal".into(), serde_json::Value::from(self.is_internal));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("topicAuthorizedOperations".into(), serde_json::Value::from(self.topic_authorized_operations));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeTopicPartitionsResponseTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.name = rng.option(|rng| rng.string());
        this.topic_id = rng.uuid();
        this.is_internal = rng.bool();
        this.partitions = rng.vec(|rng| <DescribeTopicPartitionsResponsePartition as crate::random::Random>::random(rng, version));
        this.topic_authorized_operations = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Cursor`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Cursor {
    fn default() -> Self {
        Self {
            topic_name: String::new(),
            partition_index: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Cursor {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic_name, true).ctx("topic_name")?;
        p::write_i32(buf, self.partition_index);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.topic_name, true);
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
        this.topic_name = p::read_string(buf, true).ctx("topic_name")?;
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Cursor {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Cursor {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Cursor {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Cursor {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partition_index = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

