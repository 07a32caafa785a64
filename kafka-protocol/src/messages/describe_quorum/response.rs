//! `DescribeQuorumResponse` (response, API key 55; versions 0-2; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeQuorumResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeQuorumResponse`: response, API key 55; versions 0-2; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeQuorumResponse {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 2+; nullable 2+; ignorable.
    pub error_message: Option<String>,
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// `Nodes`: []Node; versions 2+.
    pub nodes: Vec<Node>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeQuorumResponse {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: Some(String::new()),
            topics: Vec::new(),
            nodes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeQuorumResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        if version >= 2 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("error_message")?;
                }
                None if version >= 2 => {
                    p::write_nullable_string(buf, None, true).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
        }
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 2 {
            p::write_array_len(buf, Some(self.nodes.len()), true).ctx("nodes")?;
            for e in &self.nodes {
                (*e).encode_fields(buf, version).ctx("nodes")?;
            }
        } else if !self.nodes.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("nodes"));
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
        len += 2;
        if version >= 2 {
            len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        }
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            len += p::array_len_len(Some(self.nodes.len()), true) + self.nodes.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 2 {
            this.error_message = if version >= 2 { p::read_nullable_string(buf, true).ctx("error_message")? } else { Some(p::read_string(buf, true).ctx("error_message")?) };
        }
        this.topics = p::read_array(buf, true, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 2 {
            this.nodes = p::read_array(buf, true, |buf| Node::decode_fields(buf, version)).ctx("nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("nodes")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeQuorumResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeQuorumResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeQuorumResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeQuorumResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeQuorumResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeQuorumResponse", version))
    }
}

impl crate::Message for DescribeQuorumResponse {
    const NAME: &'static str = "DescribeQuorumResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeQuorumResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        if version >= 2 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 2 {
            map.insert("nodes".into(), serde_json::Value::Array(self.nodes.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeQuorumResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        if version >= 2 {
            this.error_message = if version >= 2 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.topics = rng.vec(|rng| <TopicData as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.nodes = rng.vec(|rng| <Node as crate::random::Random>::random(rng, version));
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
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
    /// `ErrorMessage`: string; versions 2+; nullable 2+; ignorable.
    pub error_message: Option<String>,
    /// `LeaderId`: int32; versions 0+; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// `HighWatermark`: int64; versions 0+.
    pub high_watermark: i64,
    /// `CurrentVoters`: []ReplicaState; versions 0+.
    pub current_voters: Vec<ReplicaState>,
    /// `Observers`: []ReplicaState; versions 0+.
    pub observers: Vec<ReplicaState>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            error_code: 0,
            error_message: Some(String::new()),
            leader_id: 0,
            leader_epoch: 0,
            high_watermark: 0,
            current_voters: Vec::new(),
            observers: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i16(buf, self.error_code);
        if version >= 2 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("error_message")?;
                }
                None if version >= 2 => {
                    p::write_nullable_string(buf, None, true).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
        }
        p::write_i32(buf, self.leader_id);
        p::write_i32(buf, self.leader_epoch);
        p::write_i64(buf, self.high_watermark);
        p::write_array_len(buf, Some(self.current_voters.len()), true).ctx("current_voters")?;
        for e in &self.current_voters {
            (*e).encode_fields(buf, version).ctx("current_voters")?;
        }
        p::write_array_len(buf, Some(self.observers.len()), true).ctx("observers")?;
        for e in &self.observers {
            (*e).encode_fields(buf, version).ctx("observers")?;
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
        len += 2;
        if version >= 2 {
            len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        }
        len += 4;
        len += 4;
        len += 8;
        len += p::array_len_len(Some(self.current_voters.len()), true) + self.current_voters.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.observers.len()), true) + self.observers.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        if version >= 2 {
            this.error_message = if version >= 2 { p::read_nullable_string(buf, true).ctx("error_message")? } else { Some(p::read_string(buf, true).ctx("error_message")?) };
        }
        this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        this.high_watermark = p::read_i64(buf).ctx("high_watermark")?;
        this.current_voters = p::read_array(buf, true, |buf| ReplicaState::decode_fields(buf, version)).ctx("current_voters")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("current_voters")?;
        this.observers = p::read_array(buf, true, |buf| ReplicaState::decode_fields(buf, version)).ctx("observers")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("observers")?;
        {
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
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        if version >= 2 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        map.insert("highWatermark".into(), serde_json::Value::from(self.high_watermark));
        map.insert("currentVoters".into(), serde_json::Value::Array(self.current_voters.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("observers".into(), serde_json::Value::Array(self.observers.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        if version >= 2 {
            this.error_message = if version >= 2 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.leader_id = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        this.high_watermark = rng.next_u64() as i64;
        this.current_voters = rng.vec(|rng| <ReplicaState as crate::random::Random>::random(rng, version));
        this.observers = rng.vec(|rng| <ReplicaState as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
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
        p::write_string(buf, &self.topic_name, true).ctx("topic_name")?;
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
        len += p::string_len(&self.topic_name, true);
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
        this.topic_name = p::read_string(buf, true).ctx("topic_name")?;
        this.partitions = p::read_array(buf, true, |buf| PartitionData::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
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
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Listener`, versions 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    /// `Name`: string; versions 2+; map key.
    pub name: String,
    /// `Host`: string; versions 2+.
    pub host: String,
    /// `Port`: uint16; versions 2+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Listener {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 2 {
            p::write_string(buf, &self.name, true).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 2 {
            p::write_string(buf, &self.host, true).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 2 {
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
        if version >= 2 {
            len += p::string_len(&self.name, true);
        }
        if version >= 2 {
            len += p::string_len(&self.host, true);
        }
        if version >= 2 {
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
        if version >= 2 {
            this.name = p::read_string(buf, true).ctx("name")?;
        }
        if version >= 2 {
            this.host = p::read_string(buf, true).ctx("host")?;
        }
        if version >= 2 {
            this.port = p::read_u16(buf).ctx("port")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Listener {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Listener {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Listener {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 2 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 2 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version >= 2 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Listener {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 2 {
            this.name = rng.string();
        }
        if version >= 2 {
            this.host = rng.string();
        }
        if version >= 2 {
            this.port = rng.next_u64() as u16;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Node`, versions 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// `NodeId`: int32; versions 2+; entity type brokerId; map key.
    pub node_id: i32,
    /// `Listeners`: []Listener; versions 2+.
    pub listeners: Vec<Listener>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Node {
    fn default() -> Self {
        Self {
            node_id: 0,
            listeners: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Node {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 2 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version >= 2 {
            p::write_array_len(buf, Some(self.listeners.len()), true).ctx("listeners")?;
            for e in &self.listeners {
                (*e).encode_fields(buf, version).ctx("listeners")?;
            }
        } else if !self.listeners.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("listeners"));
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
        if version >= 2 {
            len += 4;
        }
        if version >= 2 {
            len += p::array_len_len(Some(self.listeners.len()), true) + self.listeners.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        if version >= 2 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 2 {
            this.listeners = p::read_array(buf, true, |buf| Listener::decode_fields(buf, version)).ctx("listeners")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("listeners")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Node {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Node {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Node {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 2 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version >= 2 {
            map.insert("listeners".into(), serde_json::Value::Array(self.listeners.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Node {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 2 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 2 {
            this.listeners = rng.vec(|rng| <Listener as crate::random::Random>::random(rng, version));
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `ReplicaState`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    /// `ReplicaId`: int32; versions 0+; entity type brokerId.
    pub replica_id: i32,
    /// `ReplicaDirectoryId`: uuid; versions 2+.
    pub replica_directory_id: crate::Uuid,
    /// `LogEndOffset`: int64; versions 0+.
    pub log_end_offset: i64,
    /// `LastFetchTimestamp`: int64; versions 1+; default -1; ignorable.
    pub last_fetch_timestamp: i64,
    /// `LastCaughtUpTimestamp`: int64; versions 1+; default -1; ignorable.
    pub last_caught_up_timestamp: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        Self {
            replica_id: 0,
            replica_directory_id: crate::Uuid::ZERO,
            log_end_offset: 0,
            last_fetch_timestamp: -1,
            last_caught_up_timestamp: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ReplicaState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.replica_id);
        if version >= 2 {
            p::write_uuid(buf, &self.replica_directory_id);
        } else if self.replica_directory_id != crate::Uuid::ZERO {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("replica_directory_id"));
        }
        p::write_i64(buf, self.log_end_offset);
        if version >= 1 {
            p::write_i64(buf, self.last_fetch_timestamp);
        }
        if version >= 1 {
            p::write_i64(buf, self.last_caught_up_timestamp);
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
        if version >= 2 {
            len += 16;
        }
        len += 8;
        if version >= 1 {
            len += 8;
        }
        if version >= 1 {
            len += 8;
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
        this.replica_id = p::read_i32(buf).ctx("replica_id")?;
        if version >= 2 {
            this.replica_directory_id = p::read_uuid(buf).ctx("replica_directory_id")?;
        }
        this.log_end_offset = p::read_i64(buf).ctx("log_end_offset")?;
        if version >= 1 {
            this.last_fetch_timestamp = p::read_i64(buf).ctx("last_fetch_timestamp")?;
        }
        if version >= 1 {
            this.last_caught_up_timestamp = p::read_i64(buf).ctx("last_caught_up_timestamp")?;
        }
        {
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
        map.insert("replicaId".into(), serde_json::Value::from(self.replica_id));
        if version >= 2 {
            map.insert("replicaDirectoryId".into(), serde_json::Value::from(self.replica_directory_id.to_base64()));
        }
        map.insert("logEndOffset".into(), serde_json::Value::from(self.log_end_offset));
        if version >= 1 {
            map.insert("lastFetchTimestamp".into(), serde_json::Value::from(self.last_fetch_timestamp));
        }
        if version >= 1 {
            map.insert("lastCaughtUpTimestamp".into(), serde_json::Value::from(self.last_caught_up_timestamp));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ReplicaState {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.replica_id = rng.next_u64() as i32;
        if version >= 2 {
            this.replica_directory_id = rng.uuid();
        }
        this.log_end_offset = rng.next_u64() as i64;
        if version >= 1 {
            this.last_fetch_timestamp = rng.next_u64() as i64;
        }
        if version >= 1 {
            this.last_caught_up_timestamp = rng.next_u64() as i64;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

