//! `StreamsGroupTopologyDescriptionUpdateRequest` (request, API key 93; versions 0; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/StreamsGroupTopologyDescriptionUpdateRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `StreamsGroupTopologyDescriptionUpdateRequest`: request, API key 93; versions 0; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupTopologyDescriptionUpdateRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `TopologyEpoch`: int32; versions 0+.
    pub topology_epoch: i32,
    /// `TopologyDescription`: TopologyDescription; versions 0+.
    pub topology_description: TopologyDescription,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupTopologyDescriptionUpdateRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: String::new(),
            topology_epoch: 0,
            topology_description: TopologyDescription::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl StreamsGroupTopologyDescriptionUpdateRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        p::write_i32(buf, self.topology_epoch);
        self.topology_description.encode_fields(buf, version).ctx("topology_description")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.group_id, true);
        len += p::string_len(&self.member_id, true);
        len += 4;
        len += self.topology_description.fields_len(version);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.member_id = p::read_string(buf, true).ctx("member_id")?;
        this.topology_epoch = p::read_i32(buf).ctx("topology_epoch")?;
        this.topology_description = TopologyDescription::decode_fields(buf, version).ctx("topology_description")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for StreamsGroupTopologyDescriptionUpdateRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupTopologyDescriptionUpdateRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupTopologyDescriptionUpdateRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for StreamsGroupTopologyDescriptionUpdateRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupTopologyDescriptionUpdateRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupTopologyDescriptionUpdateRequest", version))
    }
}

impl crate::Message for StreamsGroupTopologyDescriptionUpdateRequest {
    const NAME: &'static str = "StreamsGroupTopologyDescriptionUpdateRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 0 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for StreamsGroupTopologyDescriptionUpdateRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::StreamsGroupTopologyDescriptionUpdate;
    type Response = super::StreamsGroupTopologyDescriptionUpdateResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for StreamsGroupTopologyDescriptionUpdateRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("topologyEpoch".into(), serde_json::Value::from(self.topology_epoch));
        map.insert("topologyDescription".into(), crate::json::ToJson::to_json(&self.topology_description, version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for StreamsGroupTopologyDescriptionUpdateRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.topology_epoch = rng.next_u64() as i32;
        this.topology_description = <TopologyDescription as crate::random::Random>::random(rng, version);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescription`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescription {
    /// `Subtopologies`: []TopologyDescriptionSubtopology; versions 0+.
    pub subtopologies: Vec<TopologyDescriptionSubtopology>,
    /// `GlobalStores`: []TopologyDescriptionGlobalStore; versions 0+.
    pub global_stores: Vec<TopologyDescriptionGlobalStore>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopologyDescription {
    fn default() -> Self {
        Self {
            subtopologies: Vec::new(),
            global_stores: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopologyDescription {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.subtopologies.len()), true).ctx("subtopologies")?;
        for e in &self.subtopologies {
            (*e).encode_fields(buf, version).ctx("subtopologies")?;
        }
        p::write_array_len(buf, Some(self.global_stores.len()), true).ctx("global_stores")?;
        for e in &self.global_stores {
            (*e).encode_fields(buf, version).ctx("global_stores")?;
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
        len += p::array_len_len(Some(self.subtopologies.len()), true) + self.subtopologies.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.global_stores.len()), true) + self.global_stores.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.subtopologies = p::read_array(buf, true, |buf| TopologyDescriptionSubtopology::decode_fields(buf, version)).ctx("subtopologies")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("subtopologies")?;
        this.global_stores = p::read_array(buf, true, |buf| TopologyDescriptionGlobalStore::decode_fields(buf, version)).ctx("global_stores")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("global_stores")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopologyDescription {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopologyDescription {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopologyDescription {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("subtopologies".into(), serde_json::Value::Array(self.subtopologies.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("globalStores".into(), serde_json::Value::Array(self.global_stores.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescription {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.subtopologies = rng.vec(|rng| <TopologyDescriptionSubtopology as crate::random::Random>::random(rng, version));
        this.global_stores = rng.vec(|rng| <TopologyDescriptionGlobalStore as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionSubtopology`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionSubtopology {
    /// `SubtopologyId`: string; versions 0+.
    pub subtopology_id: String,
    /// `Nodes`: []TopologyDescriptionNode; versions 0+.
    pub nodes: Vec<TopologyDescriptionNode>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopologyDescriptionSubtopology {
    fn default() -> Self {
        Self {
            subtopology_id: String::new(),
            nodes: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopologyDescriptionSubtopology {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.subtopology_id, true).ctx("subtopology_id")?;
        p::write_array_len(buf, Some(self.nodes.len()), true).ctx("nodes")?;
        for e in &self.nodes {
            (*e).encode_fields(buf, version).ctx("nodes")?;
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
        len += p::string_len(&self.subtopology_id, true);
        len += p::array_len_len(Some(self.nodes.len()), true) + self.nodes.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.subtopology_id = p::read_string(buf, true).ctx("subtopology_id")?;
        this.nodes = p::read_array(buf, true, |buf| TopologyDescriptionNode::decode_fields(buf, version)).ctx("nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("nodes")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopologyDescriptionSubtopology {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopologyDescriptionSubtopology {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopologyDescriptionSubtopology {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("subtopologyId".into(), serde_json::Value::from(self.subtopology_id.as_str()));
        map.insert("nodes".into(), serde_json::Value::Array(self.nodes.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionSubtopology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.nodes = rng.vec(|rng| <TopologyDescriptionNode as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionNode`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionNode {
    /// `Name`: string; versions 0+.
    pub name: String,
    /// `NodeType`: int8; versions 0+.
    pub node_type: i8,
    /// `SourceTopics`: []string; versions 0+; entity type topicName.
    pub source_topics: Vec<String>,
    /// `SinkTopic`: string; versions 0+; nullable 0+; default null; entity type topicName.
    pub sink_topic: Option<String>,
    /// `Stores`: []string; versions 0+.
    pub stores: Vec<String>,
    /// `Successors`: []string; versions 0+.
    pub successors: Vec<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopologyDescriptionNode {
    fn default() -> Self {
        Self {
            name: String::new(),
            node_type: 0,
            source_topics: Vec::new(),
            sink_topic: None,
            stores: Vec::new(),
            successors: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopologyDescriptionNode {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_i8(buf, self.node_type);
        p::write_array_len(buf, Some(self.source_topics.len()), true).ctx("source_topics")?;
        for e in &self.source_topics {
            p::write_string(buf, e, true).ctx("source_topics")?;
        }
        match &self.sink_topic {
            Some(v) => {
                p::write_string(buf, v, true).ctx("sink_topic")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("sink_topic")?;
            }
        }
        p::write_array_len(buf, Some(self.stores.len()), true).ctx("stores")?;
        for e in &self.stores {
            p::write_string(buf, e, true).ctx("stores")?;
        }
        p::write_array_len(buf, Some(self.successors.len()), true).ctx("successors")?;
        for e in &self.successors {
            p::write_string(buf, e, true).ctx("successors")?;
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
        len += 1;
        len += p::array_len_len(Some(self.source_topics.len()), true) + self.source_topics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += match &self.sink_topic { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += p::array_len_len(Some(self.stores.len()), true) + self.stores.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.successors.len()), true) + self.successors.iter().map(|e| p::string_len(e, true)).sum::<usize>();
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
        this.node_type = p::read_i8(buf).ctx("node_type")?;
        this.source_topics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topics")?;
        this.sink_topic = p::read_nullable_string(buf, true).ctx("sink_topic")?;
        this.stores = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("stores")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("stores")?;
        this.successors = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("successors")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("successors")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopologyDescriptionNode {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopologyDescriptionNode {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopologyDescriptionNode {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("nodeType".into(), serde_json::Value::from(self.node_type));
        map.insert("sourceTopics".into(), serde_json::Value::Array(self.source_topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("sinkTopic".into(), match &self.sink_topic { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("stores".into(), serde_json::Value::Array(self.stores.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("successors".into(), serde_json::Value::Array(self.successors.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionNode {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.node_type = rng.next_u64() as i8;
        this.source_topics = rng.vec(|rng| rng.string());
        this.sink_topic = rng.option(|rng| rng.string());
        this.stores = rng.vec(|rng| rng.string());
        this.successors = rng.vec(|rng| rng.string());
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionGlobalStore`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionGlobalStore {
    /// `Source`: TopologyDescriptionNode; versions 0+.
    pub source: TopologyDescriptionNode,
    /// `Processor`: TopologyDescriptionNode; versions 0+.
    pub processor: TopologyDescriptionNode,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopologyDescriptionGlobalStore {
    fn default() -> Self {
        Self {
            source: TopologyDescriptionNode::default(),
            processor: TopologyDescriptionNode::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopologyDescriptionGlobalStore {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.source.encode_fields(buf, version).ctx("source")?;
        self.processor.encode_fields(buf, version).ctx("processor")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += self.source.fields_len(version);
        len += self.processor.fields_len(version);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.source = TopologyDescriptionNode::decode_fields(buf, version).ctx("source")?;
        this.processor = TopologyDescriptionNode::decode_fields(buf, version).ctx("processor")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopologyDescriptionGlobalStore {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopologyDescriptionGlobalStore {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopologyDescriptionGlobalStore {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("source".into(), crate::json::ToJson::to_json(&self.source, version));
        map.insert("processor".into(), crate::json::ToJson::to_json(&self.processor, version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionGlobalStore {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.source = <TopologyDescriptionNode as crate::random::Random>::random(rng, version);
        this.processor = <TopologyDescriptionNode as crate::random::Random>::random(rng, version);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

