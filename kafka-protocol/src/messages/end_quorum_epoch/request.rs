//! `EndQuorumEpochRequest` (request, API key 54; versions 0-1; flexible 1+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/EndQuorumEpochRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `EndQuorumEpochRequest`: request, API key 54; versions 0-1; flexible 1+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct EndQuorumEpochRequest {
    /// `ClusterId`: string; versions 0+; nullable 0+; default null.
    pub cluster_id: Option<String>,
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// `LeaderEndpoints`: []LeaderEndpoint; versions 1+; ignorable.
    pub leader_endpoints: Vec<LeaderEndpoint>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EndQuorumEpochRequest {
    fn default() -> Self {
        Self {
            cluster_id: None,
            topics: Vec::new(),
            leader_endpoints: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EndQuorumEpochRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match &self.cluster_id {
            Some(v) => {
                p::write_string(buf, v, version >= 1).ctx("cluster_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 1).ctx("cluster_id")?;
            }
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 1).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.leader_endpoints.len()), version >= 1).ctx("leader_endpoints")?;
            for e in &self.leader_endpoints {
                (*e).encode_fields(buf, version).ctx("leader_endpoints")?;
            }
        }
        if version >= 1 {
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
        len += match &self.cluster_id { Some(v) => p::string_len(v, version >= 1), None => if version >= 1 { 1 } else { 2 } };
        len += p::array_len_len(Some(self.topics.len()), version >= 1) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            len += p::array_len_len(Some(self.leader_endpoints.len()), version >= 1) + self.leader_endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.cluster_id = p::read_nullable_string(buf, version >= 1).ctx("cluster_id")?;
        this.topics = p::read_array(buf, version >= 1, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 1 {
            this.leader_endpoints = p::read_array(buf, version >= 1, |buf| LeaderEndpoint::decode_fields(buf, version)).ctx("leader_endpoints")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("leader_endpoints")?;
        }
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EndQuorumEpochRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("EndQuorumEpochRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("EndQuorumEpochRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EndQuorumEpochRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("EndQuorumEpochRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("EndQuorumEpochRequest", version))
    }
}

impl crate::Message for EndQuorumEpochRequest {
    const NAME: &'static str = "EndQuorumEpochRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for EndQuorumEpochRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::EndQuorumEpoch;
    type Response = super::EndQuorumEpochResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EndQuorumEpochRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 1 {
            map.insert("leaderEndpoints".into(), serde_json::Value::Array(self.leader_endpoints.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EndQuorumEpochRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.cluster_id = rng.option(|rng| rng.string());
        this.topics = rng.vec(|rng| <TopicData as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.leader_endpoints = rng.vec(|rng| <LeaderEndpoint as crate::random::Random>::random(rng, version));
        }
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `ReplicaInfo`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaInfo {
    /// `CandidateId`: int32; versions 1+; entity type brokerId.
    pub candidate_id: i32,
    /// `CandidateDirectoryId`: uuid; versions 1+.
    pub candidate_directory_id: crate::Uuid,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaInfo {
    fn default() -> Self {
        Self {
            candidate_id: 0,
            candidate_directory_id: crate::Uuid::ZERO,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ReplicaInfo {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_i32(buf, self.candidate_id);
        } else if self.candidate_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("candidate_id"));
        }
        if version >= 1 {
            p::write_uuid(buf, &self.candidate_directory_id);
        } else if self.candidate_directory_id != crate::Uuid::ZERO {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("candidate_directory_id"));
        }
        if version >= 1 {
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
        if version >= 1 {
            len += 4;
        }
        if version >= 1 {
            len += 16;
        }
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.candidate_id = p::read_i32(buf).ctx("candidate_id")?;
        }
        if version >= 1 {
            this.candidate_directory_id = p::read_uuid(buf).ctx("candidate_directory_id")?;
        }
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ReplicaInfo {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ReplicaInfo {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ReplicaInfo {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("candidateId".into(), serde_json::Value::from(self.candidate_id));
        }
        if version >= 1 {
            map.insert("candidateDirectoryId".into(), serde_json::Value::from(self.candidate_directory_id.to_base64()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ReplicaInfo {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.candidate_id = rng.next_u64() as i32;
        }
        if version >= 1 {
            this.candidate_directory_id = rng.uuid();
        }
        if version >= 1 {
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
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// `PreferredSuccessors`: []int32; versions 0; ignorable.
    pub preferred_successors: Vec<i32>,
    /// `PreferredCandidates`: []ReplicaInfo; versions 1+; ignorable.
    pub preferred_candidates: Vec<ReplicaInfo>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            leader_id: 0,
            leader_epoch: 0,
            preferred_successors: Vec::new(),
            preferred_candidates: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i32(buf, self.leader_id);
        p::write_i32(buf, self.leader_epoch);
        if version <= 0 {
            p::write_array_len(buf, Some(self.preferred_successors.len()), version >= 1).ctx("preferred_successors")?;
            for e in &self.preferred_successors {
                p::write_i32(buf, *e);
            }
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.preferred_candidates.len()), version >= 1).ctx("preferred_candidates")?;
            for e in &self.preferred_candidates {
                (*e).encode_fields(buf, version).ctx("preferred_candidates")?;
            }
        }
        if version >= 1 {
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
        len += 4;
        len += 4;
        len += 4;
        if version <= 0 {
            len += p::array_len_len(Some(self.preferred_successors.len()), version >= 1) + self.preferred_successors.len() * 4;
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.preferred_candidates.len()), version >= 1) + self.preferred_candidates.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        if version <= 0 {
            this.preferred_successors = p::read_array(buf, version >= 1, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("preferred_successors")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("preferred_successors")?;
        }
        if version >= 1 {
            this.preferred_candidates = p::read_array(buf, version >= 1, |buf| ReplicaInfo::decode_fields(buf, version)).ctx("preferred_candidates")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("preferred_candidates")?;
        }
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
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
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        if version <= 0 {
            map.insert("preferredSuccessors".into(), serde_json::Value::Array(self.preferred_successors.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        if version >= 1 {
            map.insert("preferredCandidates".into(), serde_json::Value::Array(self.preferred_candidates.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        if version <= 0 {
            this.preferred_successors = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 1 {
            this.preferred_candidates = rng.vec(|rng| <ReplicaInfo as crate::random::Random>::random(rng, version));
        }
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TopicData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `Partitions`: []PartitionData; versions 0+.
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicData {
    fn default() -> Self {
        Self {
            topic_name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic_name, version >= 1).ctx("topic_name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 1).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 1 {
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
        len += p::string_len(&self.topic_name, version >= 1);
        len += p::array_len_len(Some(self.partitions.len()), version >= 1) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic_name = p::read_string(buf, version >= 1).ctx("topic_name")?;
        this.partitions = p::read_array(buf, version >= 1, |buf| PartitionData::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicData {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicData {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicData {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_name = rng.string();
        this.partitions = rng.vec(|rng| <PartitionData as crate::random::Random>::random(rng, version));
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `LeaderEndpoint`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderEndpoint {
    /// `Name`: string; versions 1+; map key.
    pub name: String,
    /// `Host`: string; versions 1+.
    pub host: String,
    /// `Port`: uint16; versions 1+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderEndpoint {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaderEndpoint {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_string(buf, &self.name, version >= 1).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 1 {
            p::write_string(buf, &self.host, version >= 1).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 1 {
            p::write_u16(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
        }
        if version >= 1 {
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
        if version >= 1 {
            len += p::string_len(&self.name, version >= 1);
        }
        if version >= 1 {
            len += p::string_len(&self.host, version >= 1);
        }
        if version >= 1 {
            len += 2;
        }
        if version >= 1 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 1 {
            this.name = p::read_string(buf, version >= 1).ctx("name")?;
        }
        if version >= 1 {
            this.host = p::read_string(buf, version >= 1).ctx("host")?;
        }
        if version >= 1 {
            this.port = p::read_u16(buf).ctx("port")?;
        }
        if version >= 1 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for LeaderEndpoint {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for LeaderEndpoint {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for LeaderEndpoint {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
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
impl crate::random::Random for LeaderEndpoint {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.name = rng.string();
        }
        if version >= 1 {
            this.host = rng.string();
        }
        if version >= 1 {
            this.port = rng.next_u64() as u16;
        }
        if version >= 1 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

