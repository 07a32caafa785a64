//! `MetadataResponse` (response, API key 3; versions 0-13; flexible 9+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/MetadataResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `MetadataResponse`: response, API key 3; versions 0-13; flexible 9+.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponse {
    /// `ThrottleTimeMs`: int32; versions 3+; ignorable.
    pub throttle_time_ms: i32,
    /// `Brokers`: []MetadataResponseBroker; versions 0+.
    pub brokers: Vec<MetadataResponseBroker>,
    /// `ClusterId`: string; versions 2+; nullable 2+; default null; ignorable.
    pub cluster_id: Option<String>,
    /// `ControllerId`: int32; versions 1+; default -1; entity type brokerId; ignorable.
    pub controller_id: i32,
    /// `Topics`: []MetadataResponseTopic; versions 0+.
    pub topics: Vec<MetadataResponseTopic>,
    /// `ClusterAuthorizedOperations`: int32; versions 8-10; default -2147483648.
    pub cluster_authorized_operations: i32,
    /// `ErrorCode`: int16; versions 13+; ignorable.
    pub error_code: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            brokers: Vec::new(),
            cluster_id: None,
            controller_id: -1,
            topics: Vec::new(),
            cluster_authorized_operations: i32::MIN,
            error_code: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl MetadataResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_i32(buf, self.throttle_time_ms);
        }
        p::write_array_len(buf, Some(self.brokers.len()), version >= 9).ctx("brokers")?;
        for e in &self.brokers {
            (*e).encode_fields(buf, version).ctx("brokers")?;
        }
        if version >= 2 {
            match &self.cluster_id {
                Some(v) => {
                    p::write_string(buf, v, version >= 9).ctx("cluster_id")?;
                }
                None if version >= 2 => {
                    p::write_nullable_string(buf, None, version >= 9).ctx("cluster_id")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("cluster_id")),
            }
        }
        if version >= 1 {
            p::write_i32(buf, self.controller_id);
        }
        p::write_array_len(buf, Some(self.topics.len()), version >= 9).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if (8..=10).contains(&version) {
            p::write_i32(buf, self.cluster_authorized_operations);
        } else if self.cluster_authorized_operations != i32::MIN {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("cluster_authorized_operations"));
        }
        if version >= 13 {
            p::write_i16(buf, self.error_code);
        }
        if version >= 9 {
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
        if version >= 3 {
            len += 4;
        }
        len += p::array_len_len(Some(self.brokers.len()), version >= 9) + self.brokers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            len += match &self.cluster_id { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        }
        if version >= 1 {
            len += 4;
        }
        len += p::array_len_len(Some(self.topics.len()), version >= 9) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if (8..=10).contains(&version) {
            len += 4;
        }
        if version >= 13 {
            len += 2;
        }
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version >= 3 {
            this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        }
        this.brokers = p::read_array(buf, version >= 9, |buf| MetadataResponseBroker::decode_fields(buf, version)).ctx("brokers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("brokers")?;
        if version >= 2 {
            this.cluster_id = if version >= 2 { p::read_nullable_string(buf, version >= 9).ctx("cluster_id")? } else { Some(p::read_string(buf, version >= 9).ctx("cluster_id")?) };
        }
        if version >= 1 {
            this.controller_id = p::read_i32(buf).ctx("controller_id")?;
        }
        this.topics = p::read_array(buf, version >= 9, |buf| MetadataResponseTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if (8..=10).contains(&version) {
            this.cluster_authorized_operations = p::read_i32(buf).ctx("cluster_authorized_operations")?;
        }
        if version >= 13 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("MetadataResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("MetadataResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("MetadataResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("MetadataResponse", version))
    }
}

impl crate::Message for MetadataResponse {
    const NAME: &'static str = "MetadataResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 13 };
    const FLEXIBLE_SINCE: Option<i16> = Some(9);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        }
        map.insert("brokers".into(), serde_json::Value::Array(self.brokers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 2 {
            map.insert("clusterId".into(), match &self.cluster_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 1 {
            map.insert("controllerId".into(), serde_json::Value::from(self.controller_id));
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if (8..=10).contains(&version) {
            map.insert("clusterAuthorizedOperations".into(), serde_json::Value::from(self.cluster_authorized_operations));
        }
        if version >= 13 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.throttle_time_ms = rng.next_u64() as i32;
        }
        this.brokers = rng.vec(|rng| <MetadataResponseBroker as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.cluster_id = if version >= 2 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 1 {
            this.controller_id = rng.next_u64() as i32;
        }
        this.topics = rng.vec(|rng| <MetadataResponseTopic as crate::random::Random>::random(rng, version));
        if (8..=10).contains(&version) {
            this.cluster_authorized_operations = rng.next_u64() as i32;
        }
        if version >= 13 {
            this.error_code = rng.next_u64() as i16;
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `MetadataResponseBroker`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseBroker {
    /// `NodeId`: int32; versions 0+; entity type brokerId; map key.
    pub node_id: i32,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: int32; versions 0+.
    pub port: i32,
    /// `Rack`: string; versions 1+; nullable 1+; default null; ignorable.
    pub rack: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponseBroker {
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

impl MetadataResponseBroker {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.node_id);
        p::write_string(buf, &self.host, version >= 9).ctx("host")?;
        p::write_i32(buf, self.port);
        if version >= 1 {
            match &self.rack {
                Some(v) => {
                    p::write_string(buf, v, version >= 9).ctx("rack")?;
                }
                None if version >= 1 => {
                    p::write_nullable_string(buf, None, version >= 9).ctx("rack")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("rack")),
            }
        }
        if version >= 9 {
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
        len += p::string_len(&self.host, version >= 9);
        len += 4;
        if version >= 1 {
            len += match &self.rack { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        }
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.node_id = p::read_i32(buf).ctx("node_id")?;
        this.host = p::read_string(buf, version >= 9).ctx("host")?;
        this.port = p::read_i32(buf).ctx("port")?;
        if version >= 1 {
            this.rack = if version >= 1 { p::read_nullable_string(buf, version >= 9).ctx("rack")? } else { Some(p::read_string(buf, version >= 9).ctx("rack")?) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataResponseBroker {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataResponseBroker {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataResponseBroker {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        if version >= 1 {
            map.insert("rack".into(), match &self.rack { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataResponseBroker {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.node_id = rng.next_u64() as i32;
        this.host = rng.string();
        this.port = rng.next_u64() as i32;
        if version >= 1 {
            this.rack = if version >= 1 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `MetadataResponsePartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponsePartition {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 7+; default -1; ignorable.
    pub leader_epoch: i32,
    /// `ReplicaNodes`: []int32; versions 0+; entity type brokerId.
    pub replica_nodes: Vec<i32>,
    /// `IsrNodes`: []int32; versions 0+; entity type brokerId.
    pub isr_nodes: Vec<i32>,
    /// `OfflineReplicas`: []int32; versions 5+; entity type brokerId; ignorable.
    pub offline_replicas: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponsePartition {
    fn default() -> Self {
        Self {
            error_code: 0,
            partition_index: 0,
            leader_id: 0,
            leader_epoch: -1,
            replica_nodes: Vec::new(),
            isr_nodes: Vec::new(),
            offline_replicas: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl MetadataResponsePartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_i32(buf, self.partition_index);
        p::write_i32(buf, self.leader_id);
        if version >= 7 {
            p::write_i32(buf, self.leader_epoch);
        }
        p::write_array_len(buf, Some(self.replica_nodes.len()), version >= 9).ctx("replica_nodes")?;
        for e in &self.replica_nodes {
            p::write_i32(buf, *e);
        }
        p::write_array_len(buf, Some(self.isr_nodes.len()), version >= 9).ctx("isr_nodes")?;
        for e in &self.isr_nodes {
            p::write_i32(buf, *e);
        }
        if version >= 5 {
            p::write_array_len(buf, Some(self.offline_replicas.len()), version >= 9).ctx("offline_replicas")?;
            for e in &self.offline_replicas {
                p::write_i32(buf, *e);
            }
        }
        if version >= 9 {
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
        len += 2;
        len += 4;
        len += 4;
        if version >= 7 {
            len += 4;
        }
        len += p::array_len_len(Some(self.replica_nodes.len()), version >= 9) + self.replica_nodes.len() * 4;
        len += p::array_len_len(Some(self.isr_nodes.len()), version >= 9) + self.isr_nodes.len() * 4;
        if version >= 5 {
            len += p::array_len_len(Some(self.offline_replicas.len()), version >= 9) + self.offline_replicas.len() * 4;
        }
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        if version >= 7 {
            this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        }
        this.replica_nodes = p::read_array(buf, version >= 9, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("replica_nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("replica_nodes")?;
        this.isr_nodes = p::read_array(buf, version >= 9, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("isr_nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("isr_nodes")?;
        if version >= 5 {
            this.offline_replicas = p::read_array(buf, version >= 9, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("offline_replicas")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("offline_replicas")?;
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataResponsePartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataResponsePartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataResponsePartition {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        if version >= 7 {
            map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        }
        map.insert("replicaNodes".into(), serde_json::Value::Array(self.replica_nodes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("isrNodes".into(), serde_json::Value::Array(self.isr_nodes.iter().map(|e| serde_json::Value::from(*e)).collect()));
        if version >= 5 {
            map.insert("offlineReplicas".into(), serde_json::Value::Array(self.offline_replicas.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataResponsePartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.partition_index = rng.next_u64() as i32;
        this.leader_id = rng.next_u64() as i32;
        if version >= 7 {
            this.leader_epoch = rng.next_u64() as i32;
        }
        this.replica_nodes = rng.vec(|rng| rng.next_u64() as i32);
        this.isr_nodes = rng.vec(|rng| rng.next_u64() as i32);
        if version >= 5 {
            this.offline_replicas = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `MetadataResponseTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseTopic {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `Name`: string; versions 0+; nullable 12+; entity type topicName; map key.
    pub name: Option<String>,
    /// `TopicId`: uuid; versions 10+; ignorable.
    pub topic_id: crate::Uuid,
    /// `IsInternal`: bool; versions 1+; default false; ignorable.
    pub is_internal: bool,
    /// `Partitions`: []MetadataResponsePartition; versions 0+.
    pub partitions: Vec<MetadataResponsePartition>,
    /// `TopicAuthorizedOperations`: int32; versions 8+; default -2147483648.
    pub topic_authorized_operations: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for MetadataResponseTopic {
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

impl MetadataResponseTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.name {
            Some(v) => {
                p::write_string(buf, v, version >= 9).ctx("name")?;
            }
            None if version >= 12 => {
                p::write_nullable_string(buf, None, version >= 9).ctx("name")?;
            }
            None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("name")),
        }
        if version >= 10 {
            p::write_uuid(buf, &self.topic_id);
        }
        if version >= 1 {
            p::write_bool(buf, self.is_internal);
        }
        p::write_array_len(buf, Some(self.partitions.len()), version >= 9).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 8 {
            p::write_i32(buf, self.topic_authorized_operations);
        } else if self.topic_authorized_operations != i32::MIN {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topic_authorized_operations"));
        }
        if version >= 9 {
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
        len += 2;
        len += match &self.name { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        if version >= 10 {
            len += 16;
        }
        if version >= 1 {
            len += 1;
        }
        len += p::array_len_len(Some(self.partitions.len()), version >= 9) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 8 {
            len += 4;
        }
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.name = if version >= 12 { p::read_nullable_string(buf, version >= 9).ctx("name")? } else { Some(p::read_string(buf, version >= 9).ctx("name")?) };
        if version >= 10 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        if version >= 1 {
            this.is_internal = p::read_bool(buf).ctx("is_internal")?;
        }
        this.partitions = p::read_array(buf, version >= 9, |buf| MetadataResponsePartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 8 {
            this.topic_authorized_operations = p::read_i32(buf).ctx("topic_authorized_operations")?;
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for MetadataResponseTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for MetadataResponseTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for MetadataResponseTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("name".into(), match &self.name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 10 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        if version >= 1 {
            map.insert("isInternal".into(), serde_json::Value::from(self.is_internal));
        }
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 8 {
            map.insert("topicAuthorizedOperations".into(), serde_json::Value::from(self.topic_authorized_operations));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for MetadataResponseTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.name = if version >= 12 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        if version >= 10 {
            this.topic_id = rng.uuid();
        }
        if version >= 1 {
            this.is_internal = rng.bool();
        }
        this.partitions = rng.vec(|rng| <MetadataResponsePartition as crate::random::Random>::random(rng, version));
        if version >= 8 {
            this.topic_authorized_operations = rng.next_u64() as i32;
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

