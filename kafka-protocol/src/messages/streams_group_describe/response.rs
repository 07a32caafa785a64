//! `StreamsGroupDescribeResponse` (response, API key 89; versions 0-1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/StreamsGroupDescribeResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `StreamsGroupDescribeResponse`: response, API key 89; versions 0-1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupDescribeResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Groups`: []DescribedGroup; versions 0+.
    pub groups: Vec<DescribedGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupDescribeResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl StreamsGroupDescribeResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.groups.len()), true).ctx("groups")?;
        for e in &self.groups {
            (*e).encode_fields(buf, version).ctx("groups")?;
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
        len += p::array_len_len(Some(self.groups.len()), true) + self.groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.groups = p::read_array(buf, true, |buf| DescribedGroup::decode_fields(buf, version)).ctx("groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("groups")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for StreamsGroupDescribeResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupDescribeResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupDescribeResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for StreamsGroupDescribeResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupDescribeResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupDescribeResponse", version))
    }
}

impl crate::Message for StreamsGroupDescribeResponse {
    const NAME: &'static str = "StreamsGroupDescribeResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for StreamsGroupDescribeResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for StreamsGroupDescribeResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.groups = rng.vec(|rng| <DescribedGroup as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Subtopology`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Subtopology {
    /// `SubtopologyId`: string; versions 0+.
    pub subtopology_id: String,
    /// `SourceTopics`: []string; versions 0+; entity type topicName.
    pub source_topics: Vec<String>,
    /// `RepartitionSinkTopics`: []string; versions 0+; entity type topicName.
    pub repartition_sink_topics: Vec<String>,
    /// `StateChangelogTopics`: []TopicInfo; versions 0+.
    pub state_changelog_topics: Vec<TopicInfo>,
    /// `RepartitionSourceTopics`: []TopicInfo; versions 0+.
    pub repartition_source_topics: Vec<TopicInfo>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Subtopology {
    fn default() -> Self {
        Self {
            subtopology_id: String::new(),
            source_topics: Vec::new(),
            repartition_sink_topics: Vec::new(),
            state_changelog_topics: Vec::new(),
            repartition_source_topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Subtopology {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.subtopology_id, true).ctx("subtopology_id")?;
        p::write_array_len(buf, Some(self.source_topics.len()), true).ctx("source_topics")?;
        for e in &self.source_topics {
            p::write_string(buf, e, true).ctx("source_topics")?;
        }
        p::write_array_len(buf, Some(self.repartition_sink_topics.len()), true).ctx("repartition_sink_topics")?;
        for e in &self.repartition_sink_topics {
            p::write_string(buf, e, true).ctx("repartition_sink_topics")?;
        }
        p::write_array_len(buf, Some(self.state_changelog_topics.len()), true).ctx("state_changelog_topics")?;
        for e in &self.state_changelog_topics {
            (*e).encode_fields(buf, version).ctx("state_changelog_topics")?;
        }
        p::write_array_len(buf, Some(self.repartition_source_topics.len()), true).ctx("repartition_source_topics")?;
        for e in &self.repartition_source_topics {
            (*e).encode_fields(buf, version).ctx("repartition_source_topics")?;
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
        len += p::array_len_len(Some(self.source_topics.len()), true) + self.source_topics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.repartition_sink_topics.len()), true) + self.repartition_sink_topics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.state_changelog_topics.len()), true) + self.state_changelog_topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.repartition_source_topics.len()), true) + self.repartition_source_topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.source_topics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topics")?;
        this.repartition_sink_topics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("repartition_sink_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("repartition_sink_topics")?;
        this.state_changelog_topics = p::read_array(buf, true, |buf| TopicInfo::decode_fields(buf, version)).ctx("state_changelog_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("state_changelog_topics")?;
        this.repartition_source_topics = p::read_array(buf, true, |buf| TopicInfo::decode_fields(buf, version)).ctx("repartition_source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("repartition_source_topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Subtopology {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Subtopology {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Subtopology {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("subtopologyId".into(), serde_json::Value::from(self.subtopology_id.as_str()));
        map.insert("sourceTopics".into(), serde_json::Value::Array(self.source_topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("repartitionSinkTopics".into(), serde_json::Value::Array(self.repartition_sink_topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("stateChangelogTopics".into(), serde_json::Value::Array(self.state_changelog_topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("repartitionSourceTopics".into(), serde_json::Value::Array(self.repartition_source_topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Subtopology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.source_topics = rng.vec(|rng| rng.string());
        this.repartition_sink_topics = rng.vec(|rng| rng.string());
        this.state_changelog_topics = rng.vec(|rng| <TopicInfo as crate::random::Random>::random(rng, version));
        this.repartition_source_topics = rng.vec(|rng| <TopicInfo as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Topology`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// `Epoch`: int32; versions 0+.
    pub epoch: i32,
    /// `Subtopologies`: []Subtopology; versions 0+; nullable 0+; default null.
    pub subtopologies: Option<Vec<Subtopology>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Topology {
    fn default() -> Self {
        Self {
            epoch: 0,
            subtopologies: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Topology {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.epoch);
        match &self.subtopologies {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("subtopologies")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("subtopologies")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("subtopologies")?;
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
        len += match &self.subtopologies { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.epoch = p::read_i32(buf).ctx("epoch")?;
        this.subtopologies = p::read_array(buf, true, |buf| Subtopology::decode_fields(buf, version)).ctx("subtopologies")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Topology {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Topology {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Topology {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("epoch".into(), serde_json::Value::from(self.epoch));
        map.insert("subtopologies".into(), match &self.subtopologies { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Topology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.epoch = rng.next_u64() as i32;
        this.subtopologies = rng.option(|rng| rng.vec(|rng| <Subtopology as crate::random::Random>::random(rng, version)));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Member`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `InstanceId`: string; versions 0+; nullable 0+; default null.
    pub instance_id: Option<String>,
    /// `RackId`: string; versions 0+; nullable 0+; default null.
    pub rack_id: Option<String>,
    /// `ClientId`: string; versions 0+.
    pub client_id: String,
    /// `ClientHost`: string; versions 0+.
    pub client_host: String,
    /// `TopologyEpoch`: int32; versions 0+.
    pub topology_epoch: i32,
    /// `ProcessId`: string; versions 0+.
    pub process_id: String,
    /// `UserEndpoint`: Endpoint; versions 0+; nullable 0+; default null.
    pub user_endpoint: Option<Endpoint>,
    /// `ClientTags`: []KeyValue; versions 0+.
    pub client_tags: Vec<KeyValue>,
    /// `TaskOffsets`: []TaskOffset; versions 0+.
    pub task_offsets: Vec<TaskOffset>,
    /// `TaskEndOffsets`: []TaskOffset; versions 0+.
    pub task_end_offsets: Vec<TaskOffset>,
    /// `Assignment`: Assignment; versions 0+.
    pub assignment: Assignment,
    /// `TargetAssignment`: Assignment; versions 0+.
    pub target_assignment: Assignment,
    /// `IsClassic`: bool; versions 0+.
    pub is_classic: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Member {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            member_epoch: 0,
            instance_id: None,
            rack_id: None,
            client_id: String::new(),
            client_host: String::new(),
            topology_epoch: 0,
            process_id: String::new(),
            user_endpoint: None,
            client_tags: Vec::new(),
            task_offsets: Vec::new(),
            task_end_offsets: Vec::new(),
            assignment: Assignment::default(),
            target_assignment: Assignment::default(),
            is_classic: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Member {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        p::write_i32(buf, self.member_epoch);
        match &self.instance_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("instance_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("instance_id")?;
            }
        }
        match &self.rack_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("rack_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("rack_id")?;
            }
        }
        p::write_string(buf, &self.client_id, true).ctx("client_id")?;
        p::write_string(buf, &self.client_host, true).ctx("client_host")?;
        p::write_i32(buf, self.topology_epoch);
        p::write_string(buf, &self.process_id, true).ctx("process_id")?;
        match &self.user_endpoint {
            Some(v) => {
                p::write_i8(buf, 1);
                (*v).encode_fields(buf, version).ctx("user_endpoint")?;
            }
            None => {
                p::write_i8(buf, -1);
            }
        }
        p::write_array_len(buf, Some(self.client_tags.len()), true).ctx("client_tags")?;
        for e in &self.client_tags {
            (*e).encode_fields(buf, version).ctx("client_tags")?;
        }
        p::write_array_len(buf, Some(self.task_offsets.len()), true).ctx("task_offsets")?;
        for e in &self.task_offsets {
            (*e).encode_fields(buf, version).ctx("task_offsets")?;
        }
        p::write_array_len(buf, Some(self.task_end_offsets.len()), true).ctx("task_end_offsets")?;
        for e in &self.task_end_offsets {
            (*e).encode_fields(buf, version).ctx("task_end_offsets")?;
        }
        self.assignment.encode_fields(buf, version).ctx("assignment")?;
        self.target_assignment.encode_fields(buf, version).ctx("target_assignment")?;
        p::write_bool(buf, self.is_classic);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.member_id, true);
        len += 4;
        len += match &self.instance_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.rack_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += p::string_len(&self.client_id, true);
        len += p::string_len(&self.client_host, true);
        len += 4;
        len += p::string_len(&self.process_id, true);
        len += 1 + match &self.user_endpoint { Some(v) => (*v).fields_len(version), None => 0 };
        len += p::array_len_len(Some(self.client_tags.len()), true) + self.client_tags.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.task_offsets.len()), true) + self.task_offsets.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.task_end_offsets.len()), true) + self.task_end_offsets.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += self.assignment.fields_len(version);
        len += self.target_assignment.fields_len(version);
        len += 1;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.member_id = p::read_string(buf, true).ctx("member_id")?;
        this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        this.instance_id = p::read_nullable_string(buf, true).ctx("instance_id")?;
        this.rack_id = p::read_nullable_string(buf, true).ctx("rack_id")?;
        this.client_id = p::read_string(buf, true).ctx("client_id")?;
        this.client_host = p::read_string(buf, true).ctx("client_host")?;
        this.topology_epoch = p::read_i32(buf).ctx("topology_epoch")?;
        this.process_id = p::read_string(buf, true).ctx("process_id")?;
        this.user_endpoint = if p::read_i8(buf).ctx("user_endpoint")? < 0 { None } else { Some(Endpoint::decode_fields(buf, version).ctx("user_endpoint")?) };
        this.client_tags = p::read_array(buf, true, |buf| KeyValue::decode_fields(buf, version)).ctx("client_tags")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("client_tags")?;
        this.task_offsets = p::read_array(buf, true, |buf| TaskOffset::decode_fields(buf, version)).ctx("task_offsets")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("task_offsets")?;
        this.task_end_offsets = p::read_array(buf, true, |buf| TaskOffset::decode_fields(buf, version)).ctx("task_end_offsets")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("task_end_offsets")?;
        this.assignment = Assignment::decode_fields(buf, version).ctx("assignment")?;
        this.target_assignment = Assignment::decode_fields(buf, version).ctx("target_assignment")?;
        this.is_classic = p::read_bool(buf).ctx("is_classic")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Member {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Member {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Member {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("instanceId".into(), match &self.instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("clientId".into(), serde_json::Value::from(self.client_id.as_str()));
        map.insert("clientHost".into(), serde_json::Value::from(self.client_host.as_str()));
        map.insert("topologyEpoch".into(), serde_json::Value::from(self.topology_epoch));
        map.insert("processId".into(), serde_json::Value::from(self.process_id.as_str()));
        map.insert("userEndpoint".into(), match &self.user_endpoint { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        map.insert("clientTags".into(), serde_json::Value::Array(self.client_tags.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("taskOffsets".into(), serde_json::Value::Array(self.task_offsets.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("taskEndOffsets".into(), serde_json::Value::Array(self.task_end_offsets.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("assignment".into(), crate::json::ToJson::to_json(&self.assignment, version));
        map.insert("targetAssignment".into(), crate::json::ToJson::to_json(&self.target_assignment, version));
        map.insert("isClassic".into(), serde_json::Value::from(self.is_classic));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Member {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.instance_id = rng.option(|rng| rng.string());
        this.rack_id = rng.option(|rng| rng.string());
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.topology_epoch = rng.next_u64() as i32;
        this.process_id = rng.string();
        this.user_endpoint = rng.option(|rng| <Endpoint as crate::random::Random>::random(rng, version));
        this.client_tags = rng.vec(|rng| <KeyValue as crate::random::Random>::random(rng, version));
        this.task_offsets = rng.vec(|rng| <TaskOffset as crate::random::Random>::random(rng, version));
        this.task_end_offsets = rng.vec(|rng| <TaskOffset as crate::random::Random>::random(rng, version));
        this.assignment = <Assignment as crate::random::Random>::random(rng, version);
        this.target_assignment = <Assignment as crate::random::Random>::random(rng, version);
        this.is_classic = rng.bool();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `DescribedGroup`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `GroupState`: string; versions 0+.
    pub group_state: String,
    /// `GroupEpoch`: int32; versions 0+.
    pub group_epoch: i32,
    /// `AssignmentEpoch`: int32; versions 0+.
    pub assignment_epoch: i32,
    /// `Topology`: Topology; versions 0+; nullable 0+; default null.
    pub topology: Option<Topology>,
    /// `Members`: []Member; versions 0+.
    pub members: Vec<Member>,
    /// `AuthorizedOperations`: int32; versions 0+; default -2147483648.
    pub authorized_operations: i32,
    /// `TopologyDescription`: TopologyDescription; versions 1+; nullable 1+; default null.
    pub topology_description: Option<TopologyDescription>,
    /// `TopologyDescriptionStatus`: int8; versions 1+; default 0.
    pub topology_description_status: i8,
    /// `AssignorName`: string; versions 1+; nullable 1+; default null; ignorable.
    pub assignor_name: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            group_epoch: 0,
            assignment_epoch: 0,
            topology: None,
            members: Vec::new(),
            authorized_operations: i32::MIN,
            topology_description: None,
            topology_description_status: 0,
            assignor_name: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribedGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
        }
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
        p::write_string(buf, &self.group_state, true).ctx("group_state")?;
        p::write_i32(buf, self.group_epoch);
        p::write_i32(buf, self.assignment_epoch);
        match &self.topology {
            Some(v) => {
                p::write_i8(buf, 1);
                (*v).encode_fields(buf, version).ctx("topology")?;
            }
            None => {
                p::write_i8(buf, -1);
            }
        }
        p::write_array_len(buf, Some(self.members.len()), true).ctx("members")?;
        for e in &self.members {
            (*e).encode_fields(buf, version).ctx("members")?;
        }
        p::write_i32(buf, self.authorized_operations);
        if version >= 1 {
            match &self.topology_description {
                Some(v) => {
                    if version >= 1 {
                        p::write_i8(buf, 1);
                    }
                    (*v).encode_fields(buf, version).ctx("topology_description")?;
                }
                None if version >= 1 => {
                    p::write_i8(buf, -1);
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("topology_description")),
            }
        } else if self.topology_description.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topology_description"));
        }
        if version >= 1 {
            p::write_i8(buf, self.topology_description_status);
        } else if self.topology_description_status != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topology_description_status"));
        }
        if version >= 1 {
            match &self.assignor_name {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("assignor_name")?;
                }
                None if version >= 1 => {
                    p::write_nullable_string(buf, None, true).ctx("assignor_name")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("assignor_name")),
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
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += p::string_len(&self.group_id, true);
        len += p::string_len(&self.group_state, true);
        len += 4;
        len += 4;
        len += 1 + match &self.topology { Some(v) => (*v).fields_len(version), None => 0 };
        len += p::array_len_len(Some(self.members.len()), true) + self.members.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        if version >= 1 {
            len += usize::from(version >= 1) + match &self.topology_description { Some(v) => (*v).fields_len(version), None => 0 };
        }
        if version >= 1 {
            len += 1;
        }
        if version >= 1 {
            len += match &self.assignor_name { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
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
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.group_state = p::read_string(buf, true).ctx("group_state")?;
        this.group_epoch = p::read_i32(buf).ctx("group_epoch")?;
        this.assignment_epoch = p::read_i32(buf).ctx("assignment_epoch")?;
        this.topology = if p::read_i8(buf).ctx("topology")? < 0 { None } else { Some(Topology::decode_fields(buf, version).ctx("topology")?) };
        this.members = p::read_array(buf, true, |buf| Member::decode_fields(buf, version)).ctx("members")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("members")?;
        this.authorized_operations = p::read_i32(buf).ctx("authorized_operations")?;
        if version >= 1 {
            this.topology_description = if version >= 1 { if p::read_i8(buf).ctx("topology_description")? < 0 { None } else { Some(TopologyDescription::decode_fields(buf, version).ctx("topology_description")?) } } else { Some(TopologyDescription::decode_fields(buf, version).ctx("topology_description")?) };
        }
        if version >= 1 {
            this.topology_description_status = p::read_i8(buf).ctx("topology_description_status")?;
        }
        if version >= 1 {
            this.assignor_name = if version >= 1 { p::read_nullable_string(buf, true).ctx("assignor_name")? } else { Some(p::read_string(buf, true).ctx("assignor_name")?) };
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribedGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribedGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribedGroup {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("groupState".into(), serde_json::Value::from(self.group_state.as_str()));
        map.insert("groupEpoch".into(), serde_json::Value::from(self.group_epoch));
        map.insert("assignmentEpoch".into(), serde_json::Value::from(self.assignment_epoch));
        map.insert("topology".into(), match &self.topology { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        map.insert("members".into(), serde_json::Value::Array(self.members.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("authorizedOperations".into(), serde_json::Value::from(self.authorized_operations));
        if version >= 1 {
            map.insert("topologyDescription".into(), match &self.topology_description { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        }
        if version >= 1 {
            map.insert("topologyDescriptionStatus".into(), serde_json::Value::from(self.topology_description_status));
        }
        if version >= 1 {
            map.insert("assignorName".into(), match &self.assignor_name { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribedGroup {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.group_id = rng.string();
        this.group_state = rng.string();
        this.group_epoch = rng.next_u64() as i32;
        this.assignment_epoch = rng.next_u64() as i32;
        this.topology = rng.option(|rng| <Topology as crate::random::Random>::random(rng, version));
        this.members = rng.vec(|rng| <Member as crate::random::Random>::random(rng, version));
        this.authorized_operations = rng.next_u64() as i32;
        if version >= 1 {
            this.topology_description = if version >= 1 { rng.option(|rng| <TopologyDescription as crate::random::Random>::random(rng, version)) } else { Some(<TopologyDescription as crate::random::Random>::random(rng, version)) };
        }
        if version >= 1 {
            this.topology_description_status = rng.next_u64() as i8;
        }
        if version >= 1 {
            this.assignor_name = if version >= 1 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Endpoint`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: uint16; versions 0+.
    pub port: u16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Endpoint {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Endpoint {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.host, true).ctx("host")?;
        p::write_u16(buf, self.port);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.host, true);
        len += 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.host = p::read_string(buf, true).ctx("host")?;
        this.port = p::read_u16(buf).ctx("port")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Endpoint {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Endpoint {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Endpoint {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Endpoint {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.host = rng.string();
        this.port = rng.next_u64() as u16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TaskOffset`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskOffset {
    /// `SubtopologyId`: string; versions 0+.
    pub subtopology_id: String,
    /// `Partition`: int32; versions 0+.
    pub partition: i32,
    /// `Offset`: int64; versions 0+.
    pub offset: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TaskOffset {
    fn default() -> Self {
        Self {
            subtopology_id: String::new(),
            partition: 0,
            offset: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TaskOffset {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.subtopology_id, true).ctx("subtopology_id")?;
        p::write_i32(buf, self.partition);
        p::write_i64(buf, self.offset);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.subtopology_id, true);
        len += 4;
        len += 8;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.subtopology_id = p::read_string(buf, true).ctx("subtopology_id")?;
        this.partition = p::read_i32(buf).ctx("partition")?;
        this.offset = p::read_i64(buf).ctx("offset")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TaskOffset {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TaskOffset {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TaskOffset {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("subtopologyId".into(), serde_json::Value::from(self.subtopology_id.as_str()));
        map.insert("partition".into(), serde_json::Value::from(self.partition));
        map.insert("offset".into(), serde_json::Value::from(self.offset));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TaskOffset {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.partition = rng.next_u64() as i32;
        this.offset = rng.next_u64() as i64;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Assignment`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// `ActiveTasks`: []TaskIds; versions 0+.
    pub active_tasks: Vec<TaskIds>,
    /// `StandbyTasks`: []TaskIds; versions 0+.
    pub standby_tasks: Vec<TaskIds>,
    /// `WarmupTasks`: []TaskIds; versions 0+.
    pub warmup_tasks: Vec<TaskIds>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Assignment {
    fn default() -> Self {
        Self {
            active_tasks: Vec::new(),
            standby_tasks: Vec::new(),
            warmup_tasks: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Assignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.active_tasks.len()), true).ctx("active_tasks")?;
        for e in &self.active_tasks {
            (*e).encode_fields(buf, version).ctx("active_tasks")?;
        }
        p::write_array_len(buf, Some(self.standby_tasks.len()), true).ctx("standby_tasks")?;
        for e in &self.standby_tasks {
            (*e).encode_fields(buf, version).ctx("standby_tasks")?;
        }
        p::write_array_len(buf, Some(self.warmup_tasks.len()), true).ctx("warmup_tasks")?;
        for e in &self.warmup_tasks {
            (*e).encode_fields(buf, version).ctx("warmup_tasks")?;
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
        len += p::array_len_len(Some(self.active_tasks.len()), true) + self.active_tasks.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.standby_tasks.len()), true) + self.standby_tasks.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.warmup_tasks.len()), true) + self.warmup_tasks.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.active_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("active_tasks")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("active_tasks")?;
        this.standby_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("standby_tasks")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("standby_tasks")?;
        this.warmup_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("warmup_tasks")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("warmup_tasks")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Assignment {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Assignment {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Assignment {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("activeTasks".into(), serde_json::Value::Array(self.active_tasks.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("standbyTasks".into(), serde_json::Value::Array(self.standby_tasks.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("warmupTasks".into(), serde_json::Value::Array(self.warmup_tasks.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Assignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.active_tasks = rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version));
        this.standby_tasks = rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version));
        this.warmup_tasks = rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TaskIds`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskIds {
    /// `SubtopologyId`: string; versions 0+.
    pub subtopology_id: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TaskIds {
    fn default() -> Self {
        Self {
            subtopology_id: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TaskIds {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.subtopology_id, true).ctx("subtopology_id")?;
        p::write_array_len(buf, Some(self.partitions.len()), true).ctx("partitions")?;
        for e in &self.partitions {
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
        len += p::string_len(&self.subtopology_id, true);
        len += p::array_len_len(Some(self.partitions.len()), true) + self.partitions.len() * 4;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.subtopology_id = p::read_string(buf, true).ctx("subtopology_id")?;
        this.partitions = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TaskIds {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TaskIds {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TaskIds {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("subtopologyId".into(), serde_json::Value::from(self.subtopology_id.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TaskIds {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `KeyValue`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyValue {
    /// `Key`: string; versions 0+.
    pub key: String,
    /// `Value`: string; versions 0+.
    pub value: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for KeyValue {
    fn default() -> Self {
        Self {
            key: String::new(),
            value: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl KeyValue {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.key, true).ctx("key")?;
        p::write_string(buf, &self.value, true).ctx("value")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.key, true);
        len += p::string_len(&self.value, true);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.key = p::read_string(buf, true).ctx("key")?;
        this.value = p::read_string(buf, true).ctx("value")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for KeyValue {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for KeyValue {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for KeyValue {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("key".into(), serde_json::Value::from(self.key.as_str()));
        map.insert("value".into(), serde_json::Value::from(self.value.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for KeyValue {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.key = rng.string();
        this.value = rng.string();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicInfo`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicInfo {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: int32; versions 0+.
    pub partitions: i32,
    /// `ReplicationFactor`: int16; versions 0+.
    pub replication_factor: i16,
    /// `TopicConfigs`: []KeyValue; versions 0+.
    pub topic_configs: Vec<KeyValue>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicInfo {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: 0,
            replication_factor: 0,
            topic_configs: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicInfo {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_i32(buf, self.partitions);
        p::write_i16(buf, self.replication_factor);
        p::write_array_len(buf, Some(self.topic_configs.len()), true).ctx("topic_configs")?;
        for e in &self.topic_configs {
            (*e).encode_fields(buf, version).ctx("topic_configs")?;
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
        len += 4;
        len += 2;
        len += p::array_len_len(Some(self.topic_configs.len()), true) + self.topic_configs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.partitions = p::read_i32(buf).ctx("partitions")?;
        this.replication_factor = p::read_i16(buf).ctx("replication_factor")?;
        this.topic_configs = p::read_array(buf, true, |buf| KeyValue::decode_fields(buf, version)).ctx("topic_configs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topic_configs")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicInfo {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicInfo {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicInfo {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::from(self.partitions));
        map.insert("replicationFactor".into(), serde_json::Value::from(self.replication_factor));
        map.insert("topicConfigs".into(), serde_json::Value::Array(self.topic_configs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicInfo {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.next_u64() as i32;
        this.replication_factor = rng.next_u64() as i16;
        this.topic_configs = rng.vec(|rng| <KeyValue as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescription`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescription {
    /// `Subtopologies`: []TopologyDescriptionSubtopology; versions 1+.
    pub subtopologies: Vec<TopologyDescriptionSubtopology>,
    /// `GlobalStores`: []TopologyDescriptionGlobalStore; versions 1+.
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
        if version >= 1 {
            p::write_array_len(buf, Some(self.subtopologies.len()), true).ctx("subtopologies")?;
            for e in &self.subtopologies {
                (*e).encode_fields(buf, version).ctx("subtopologies")?;
            }
        } else if !self.subtopologies.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("subtopologies"));
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.global_stores.len()), true).ctx("global_stores")?;
            for e in &self.global_stores {
                (*e).encode_fields(buf, version).ctx("global_stores")?;
            }
        } else if !self.global_stores.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("global_stores"));
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
            len += p::array_len_len(Some(self.subtopologies.len()), true) + self.subtopologies.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.global_stores.len()), true) + self.global_stores.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
            this.subtopologies = p::read_array(buf, true, |buf| TopologyDescriptionSubtopology::decode_fields(buf, version)).ctx("subtopologies")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("subtopologies")?;
        }
        if version >= 1 {
            this.global_stores = p::read_array(buf, true, |buf| TopologyDescriptionGlobalStore::decode_fields(buf, version)).ctx("global_stores")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("global_stores")?;
        }
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
        if version >= 1 {
            map.insert("subtopologies".into(), serde_json::Value::Array(self.subtopologies.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 1 {
            map.insert("globalStores".into(), serde_json::Value::Array(self.global_stores.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescription {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.subtopologies = rng.vec(|rng| <TopologyDescriptionSubtopology as crate::random::Random>::random(rng, version));
        }
        if version >= 1 {
            this.global_stores = rng.vec(|rng| <TopologyDescriptionGlobalStore as crate::random::Random>::random(rng, version));
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionSubtopology`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionSubtopology {
    /// `SubtopologyId`: string; versions 1+.
    pub subtopology_id: String,
    /// `Nodes`: []TopologyDescriptionNode; versions 1+.
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
        if version >= 1 {
            p::write_string(buf, &self.subtopology_id, true).ctx("subtopology_id")?;
        } else if !self.subtopology_id.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("subtopology_id"));
        }
        if version >= 1 {
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
        if version >= 1 {
            len += p::string_len(&self.subtopology_id, true);
        }
        if version >= 1 {
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
        if version >= 1 {
            this.subtopology_id = p::read_string(buf, true).ctx("subtopology_id")?;
        }
        if version >= 1 {
            this.nodes = p::read_array(buf, true, |buf| TopologyDescriptionNode::decode_fields(buf, version)).ctx("nodes")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("nodes")?;
        }
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
        if version >= 1 {
            map.insert("subtopologyId".into(), serde_json::Value::from(self.subtopology_id.as_str()));
        }
        if version >= 1 {
            map.insert("nodes".into(), serde_json::Value::Array(self.nodes.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionSubtopology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.subtopology_id = rng.string();
        }
        if version >= 1 {
            this.nodes = rng.vec(|rng| <TopologyDescriptionNode as crate::random::Random>::random(rng, version));
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionNode`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionNode {
    /// `Name`: string; versions 1+.
    pub name: String,
    /// `NodeType`: int8; versions 1+.
    pub node_type: i8,
    /// `SourceTopics`: []string; versions 1+; entity type topicName.
    pub source_topics: Vec<String>,
    /// `SinkTopic`: string; versions 1+; nullable 1+; default null; entity type topicName.
    pub sink_topic: Option<String>,
    /// `Stores`: []string; versions 1+.
    pub stores: Vec<String>,
    /// `Successors`: []string; versions 1+.
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
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 1 {
            p::write_string(buf, &self.name, true).ctx("name")?;
        } else if !self.name.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("name"));
        }
        if version >= 1 {
            p::write_i8(buf, self.node_type);
        } else if self.node_type != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_type"));
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.source_topics.len()), true).ctx("source_topics")?;
            for e in &self.source_topics {
                p::write_string(buf, e, true).ctx("source_topics")?;
            }
        } else if !self.source_topics.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("source_topics"));
        }
        if version >= 1 {
            match &self.sink_topic {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("sink_topic")?;
                }
                None if version >= 1 => {
                    p::write_nullable_string(buf, None, true).ctx("sink_topic")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("sink_topic")),
            }
        } else if self.sink_topic.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("sink_topic"));
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.stores.len()), true).ctx("stores")?;
            for e in &self.stores {
                p::write_string(buf, e, true).ctx("stores")?;
            }
        } else if !self.stores.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("stores"));
        }
        if version >= 1 {
            p::write_array_len(buf, Some(self.successors.len()), true).ctx("successors")?;
            for e in &self.successors {
                p::write_string(buf, e, true).ctx("successors")?;
            }
        } else if !self.successors.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("successors"));
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
            len += p::string_len(&self.name, true);
        }
        if version >= 1 {
            len += 1;
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.source_topics.len()), true) + self.source_topics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        }
        if version >= 1 {
            len += match &self.sink_topic { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.stores.len()), true) + self.stores.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        }
        if version >= 1 {
            len += p::array_len_len(Some(self.successors.len()), true) + self.successors.iter().map(|e| p::string_len(e, true)).sum::<usize>();
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
            this.name = p::read_string(buf, true).ctx("name")?;
        }
        if version >= 1 {
            this.node_type = p::read_i8(buf).ctx("node_type")?;
        }
        if version >= 1 {
            this.source_topics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topics")?;
        }
        if version >= 1 {
            this.sink_topic = if version >= 1 { p::read_nullable_string(buf, true).ctx("sink_topic")? } else { Some(p::read_string(buf, true).ctx("sink_topic")?) };
        }
        if version >= 1 {
            this.stores = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("stores")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("stores")?;
        }
        if version >= 1 {
            this.successors = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("successors")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("successors")?;
        }
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
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 1 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 1 {
            map.insert("nodeType".into(), serde_json::Value::from(self.node_type));
        }
        if version >= 1 {
            map.insert("sourceTopics".into(), serde_json::Value::Array(self.source_topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        if version >= 1 {
            map.insert("sinkTopic".into(), match &self.sink_topic { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 1 {
            map.insert("stores".into(), serde_json::Value::Array(self.stores.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        if version >= 1 {
            map.insert("successors".into(), serde_json::Value::Array(self.successors.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionNode {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.name = rng.string();
        }
        if version >= 1 {
            this.node_type = rng.next_u64() as i8;
        }
        if version >= 1 {
            this.source_topics = rng.vec(|rng| rng.string());
        }
        if version >= 1 {
            this.sink_topic = if version >= 1 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 1 {
            this.stores = rng.vec(|rng| rng.string());
        }
        if version >= 1 {
            this.successors = rng.vec(|rng| rng.string());
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopologyDescriptionGlobalStore`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopologyDescriptionGlobalStore {
    /// `Source`: TopologyDescriptionNode; versions 1+.
    pub source: TopologyDescriptionNode,
    /// `Processor`: TopologyDescriptionNode; versions 1+.
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
        if version >= 1 {
            self.source.encode_fields(buf, version).ctx("source")?;
        } else if self.source != TopologyDescriptionNode::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("source"));
        }
        if version >= 1 {
            self.processor.encode_fields(buf, version).ctx("processor")?;
        } else if self.processor != TopologyDescriptionNode::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("processor"));
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
            len += self.source.fields_len(version);
        }
        if version >= 1 {
            len += self.processor.fields_len(version);
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
            this.source = TopologyDescriptionNode::decode_fields(buf, version).ctx("source")?;
        }
        if version >= 1 {
            this.processor = TopologyDescriptionNode::decode_fields(buf, version).ctx("processor")?;
        }
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
        if version >= 1 {
            map.insert("source".into(), crate::json::ToJson::to_json(&self.source, version));
        }
        if version >= 1 {
            map.insert("processor".into(), crate::json::ToJson::to_json(&self.processor, version));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopologyDescriptionGlobalStore {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 1 {
            this.source = <TopologyDescriptionNode as crate::random::Random>::random(rng, version);
        }
        if version >= 1 {
            this.processor = <TopologyDescriptionNode as crate::random::Random>::random(rng, version);
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

