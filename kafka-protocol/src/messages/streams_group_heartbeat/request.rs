//! `StreamsGroupHeartbeatRequest` (request, API key 88; versions 0-1; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/StreamsGroupHeartbeatRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `StreamsGroupHeartbeatRequest`: request, API key 88; versions 0-1; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupHeartbeatRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `EndpointInformationEpoch`: int32; versions 0+.
    pub endpoint_information_epoch: i32,
    /// `InstanceId`: string; versions 0+; nullable 0+; default null.
    pub instance_id: Option<String>,
    /// `RackId`: string; versions 0+; nullable 0+; default null.
    pub rack_id: Option<String>,
    /// `RebalanceTimeoutMs`: int32; versions 0+; default -1.
    pub rebalance_timeout_ms: i32,
    /// `Topology`: Topology; versions 0+; nullable 0+; default null.
    pub topology: Option<Topology>,
    /// `ActiveTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub active_tasks: Option<Vec<TaskIds>>,
    /// `StandbyTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub standby_tasks: Option<Vec<TaskIds>>,
    /// `WarmupTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub warmup_tasks: Option<Vec<TaskIds>>,
    /// `ProcessId`: string; versions 0+; nullable 0+; default null.
    pub process_id: Option<String>,
    /// `UserEndpoint`: Endpoint; versions 0+; nullable 0+; default null.
    pub user_endpoint: Option<Endpoint>,
    /// `ClientTags`: []KeyValue; versions 0+; nullable 0+; default null.
    pub client_tags: Option<Vec<KeyValue>>,
    /// `TaskOffsets`: []TaskOffset; versions 0+; nullable 0+; default null.
    pub task_offsets: Option<Vec<TaskOffset>>,
    /// `TaskEndOffsets`: []TaskOffset; versions 0+; nullable 0+; default null.
    pub task_end_offsets: Option<Vec<TaskOffset>>,
    /// `ShutdownApplication`: bool; versions 0+; default false.
    pub shutdown_application: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupHeartbeatRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0,
            endpoint_information_epoch: 0,
            instance_id: None,
            rack_id: None,
            rebalance_timeout_ms: -1,
            topology: None,
            active_tasks: None,
            standby_tasks: None,
            warmup_tasks: None,
            process_id: None,
            user_endpoint: None,
            client_tags: None,
            task_offsets: None,
            task_end_offsets: None,
            shutdown_application: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl StreamsGroupHeartbeatRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        p::write_i32(buf, self.member_epoch);
        p::write_i32(buf, self.endpoint_information_epoch);
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
        p::write_i32(buf, self.rebalance_timeout_ms);
        match &self.topology {
            Some(v) => {
                p::write_i8(buf, 1);
                (*v).encode_fields(buf, version).ctx("topology")?;
            }
            None => {
                p::write_i8(buf, -1);
            }
        }
        match &self.active_tasks {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("active_tasks")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("active_tasks")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("active_tasks")?;
            }
        }
        match &self.standby_tasks {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("standby_tasks")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("standby_tasks")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("standby_tasks")?;
            }
        }
        match &self.warmup_tasks {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("warmup_tasks")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("warmup_tasks")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("warmup_tasks")?;
            }
        }
        match &self.process_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("process_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("process_id")?;
            }
        }
        match &self.user_endpoint {
            Some(v) => {
                p::write_i8(buf, 1);
                (*v).encode_fields(buf, version).ctx("user_endpoint")?;
            }
            None => {
                p::write_i8(buf, -1);
            }
        }
        match &self.client_tags {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("client_tags")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("client_tags")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("client_tags")?;
            }
        }
        match &self.task_offsets {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("task_offsets")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("task_offsets")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("task_offsets")?;
            }
        }
        match &self.task_end_offsets {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("task_end_offsets")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("task_end_offsets")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("task_end_offsets")?;
            }
        }
        p::write_bool(buf, self.shutdown_application);
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
        len += 4;
        len += match &self.instance_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.rack_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += 1 + match &self.topology { Some(v) => (*v).fields_len(version), None => 0 };
        len += match &self.active_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.standby_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.warmup_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.process_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 1 + match &self.user_endpoint { Some(v) => (*v).fields_len(version), None => 0 };
        len += match &self.client_tags { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.task_offsets { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.task_end_offsets { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
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
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.member_id = p::read_string(buf, true).ctx("member_id")?;
        this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        this.endpoint_information_epoch = p::read_i32(buf).ctx("endpoint_information_epoch")?;
        this.instance_id = p::read_nullable_string(buf, true).ctx("instance_id")?;
        this.rack_id = p::read_nullable_string(buf, true).ctx("rack_id")?;
        this.rebalance_timeout_ms = p::read_i32(buf).ctx("rebalance_timeout_ms")?;
        this.topology = if p::read_i8(buf).ctx("topology")? < 0 { None } else { Some(Topology::decode_fields(buf, version).ctx("topology")?) };
        this.active_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("active_tasks")?;
        this.standby_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("standby_tasks")?;
        this.warmup_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("warmup_tasks")?;
        this.process_id = p::read_nullable_string(buf, true).ctx("process_id")?;
        this.user_endpoint = if p::read_i8(buf).ctx("user_endpoint")? < 0 { None } else { Some(Endpoint::decode_fields(buf, version).ctx("user_endpoint")?) };
        this.client_tags = p::read_array(buf, true, |buf| KeyValue::decode_fields(buf, version)).ctx("client_tags")?;
        this.task_offsets = p::read_array(buf, true, |buf| TaskOffset::decode_fields(buf, version)).ctx("task_offsets")?;
        this.task_end_offsets = p::read_array(buf, true, |buf| TaskOffset::decode_fields(buf, version)).ctx("task_end_offsets")?;
        this.shutdown_application = p::read_bool(buf).ctx("shutdown_application")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for StreamsGroupHeartbeatRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupHeartbeatRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupHeartbeatRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for StreamsGroupHeartbeatRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupHeartbeatRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupHeartbeatRequest", version))
    }
}

impl crate::Message for StreamsGroupHeartbeatRequest {
    const NAME: &'static str = "StreamsGroupHeartbeatRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for StreamsGroupHeartbeatRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::StreamsGroupHeartbeat;
    type Response = super::StreamsGroupHeartbeatResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for StreamsGroupHeartbeatRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("endpointInformationEpoch".into(), serde_json::Value::from(self.endpoint_information_epoch));
        map.insert("instanceId".into(), match &self.instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("rebalanceTimeoutMs".into(), serde_json::Value::from(self.rebalance_timeout_ms));
        map.insert("topology".into(), match &self.topology { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        map.insert("activeTasks".into(), match &self.active_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("standbyTasks".into(), match &self.standby_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("warmupTasks".into(), match &self.warmup_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("processId".into(), match &self.process_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("userEndpoint".into(), match &self.user_endpoint { Some(v) => crate::json::ToJson::to_json(v, version), None => serde_json::Value::Null });
        map.insert("clientTags".into(), match &self.client_tags { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("taskOffsets".into(), match &self.task_offsets { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("taskEndOffsets".into(), match &self.task_end_offsets { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("shutdownApplication".into(), serde_json::Value::from(self.shutdown_application));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for StreamsGroupHeartbeatRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.endpoint_information_epoch = rng.next_u64() as i32;
        this.instance_id = rng.option(|rng| rng.string());
        this.rack_id = rng.option(|rng| rng.string());
        this.rebalance_timeout_ms = rng.next_u64() as i32;
        this.topology = rng.option(|rng| <Topology as crate::random::Random>::random(rng, version));
        this.active_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        this.standby_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        this.warmup_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        this.process_id = rng.option(|rng| rng.string());
        this.user_endpoint = rng.option(|rng| <Endpoint as crate::random::Random>::random(rng, version));
        this.client_tags = rng.option(|rng| rng.vec(|rng| <KeyValue as crate::random::Random>::random(rng, version)));
        this.task_offsets = rng.option(|rng| rng.vec(|rng| <TaskOffset as crate::random::Random>::random(rng, version)));
        this.task_end_offsets = rng.option(|rng| rng.vec(|rng| <TaskOffset as crate::random::Random>::random(rng, version)));
        this.shutdown_application = rng.bool();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `CopartitionGroup`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct CopartitionGroup {
    /// `SourceTopics`: []int16; versions 0+.
    pub source_topics: Vec<i16>,
    /// `SourceTopicRegex`: []int16; versions 0+.
    pub source_topic_regex: Vec<i16>,
    /// `RepartitionSourceTopics`: []int16; versions 0+.
    pub repartition_source_topics: Vec<i16>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for CopartitionGroup {
    fn default() -> Self {
        Self {
            source_topics: Vec::new(),
            source_topic_regex: Vec::new(),
            repartition_source_topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl CopartitionGroup {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.source_topics.len()), true).ctx("source_topics")?;
        for e in &self.source_topics {
            p::write_i16(buf, *e);
        }
        p::write_array_len(buf, Some(self.source_topic_regex.len()), true).ctx("source_topic_regex")?;
        for e in &self.source_topic_regex {
            p::write_i16(buf, *e);
        }
        p::write_array_len(buf, Some(self.repartition_source_topics.len()), true).ctx("repartition_source_topics")?;
        for e in &self.repartition_source_topics {
            p::write_i16(buf, *e);
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
        len += p::array_len_len(Some(self.source_topics.len()), true) + self.source_topics.len() * 2;
        len += p::array_len_len(Some(self.source_topic_regex.len()), true) + self.source_topic_regex.len() * 2;
        len += p::array_len_len(Some(self.repartition_source_topics.len()), true) + self.repartition_source_topics.len() * 2;
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.source_topics = p::read_array(buf, true, |buf| p::read_i16(buf).map_err(crate::DecodeError::from)).ctx("source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topics")?;
        this.source_topic_regex = p::read_array(buf, true, |buf| p::read_i16(buf).map_err(crate::DecodeError::from)).ctx("source_topic_regex")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topic_regex")?;
        this.repartition_source_topics = p::read_array(buf, true, |buf| p::read_i16(buf).map_err(crate::DecodeError::from)).ctx("repartition_source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("repartition_source_topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for CopartitionGroup {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for CopartitionGroup {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for CopartitionGroup {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("sourceTopics".into(), serde_json::Value::Array(self.source_topics.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("sourceTopicRegex".into(), serde_json::Value::Array(self.source_topic_regex.iter().map(|e| serde_json::Value::from(*e)).collect()));
        map.insert("repartitionSourceTopics".into(), serde_json::Value::Array(self.repartition_source_topics.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for CopartitionGroup {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.source_topics = rng.vec(|rng| rng.next_u64() as i16);
        this.source_topic_regex = rng.vec(|rng| rng.next_u64() as i16);
        this.repartition_source_topics = rng.vec(|rng| rng.next_u64() as i16);
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
    /// `SourceTopicRegex`: []string; versions 0+.
    pub source_topic_regex: Vec<String>,
    /// `StateChangelogTopics`: []TopicInfo; versions 0+.
    pub state_changelog_topics: Vec<TopicInfo>,
    /// `RepartitionSinkTopics`: []string; versions 0+; entity type topicName.
    pub repartition_sink_topics: Vec<String>,
    /// `RepartitionSourceTopics`: []TopicInfo; versions 0+.
    pub repartition_source_topics: Vec<TopicInfo>,
    /// `CopartitionGroups`: []CopartitionGroup; versions 0+.
    pub copartition_groups: Vec<CopartitionGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Subtopology {
    fn default() -> Self {
        Self {
            subtopology_id: String::new(),
            source_topics: Vec::new(),
            source_topic_regex: Vec::new(),
            state_changelog_topics: Vec::new(),
            repartition_sink_topics: Vec::new(),
            repartition_source_topics: Vec::new(),
            copartition_groups: Vec::new(),
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
        p::write_array_len(buf, Some(self.source_topic_regex.len()), true).ctx("source_topic_regex")?;
        for e in &self.source_topic_regex {
            p::write_string(buf, e, true).ctx("source_topic_regex")?;
        }
        p::write_array_len(buf, Some(self.state_changelog_topics.len()), true).ctx("state_changelog_topics")?;
        for e in &self.state_changelog_topics {
            (*e).encode_fields(buf, version).ctx("state_changelog_topics")?;
        }
        p::write_array_len(buf, Some(self.repartition_sink_topics.len()), true).ctx("repartition_sink_topics")?;
        for e in &self.repartition_sink_topics {
            p::write_string(buf, e, true).ctx("repartition_sink_topics")?;
        }
        p::write_array_len(buf, Some(self.repartition_source_topics.len()), true).ctx("repartition_source_topics")?;
        for e in &self.repartition_source_topics {
            (*e).encode_fields(buf, version).ctx("repartition_source_topics")?;
        }
        p::write_array_len(buf, Some(self.copartition_groups.len()), true).ctx("copartition_groups")?;
        for e in &self.copartition_groups {
            (*e).encode_fields(buf, version).ctx("copartition_groups")?;
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
        len += p::array_len_len(Some(self.source_topic_regex.len()), true) + self.source_topic_regex.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.state_changelog_topics.len()), true) + self.state_changelog_topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.repartition_sink_topics.len()), true) + self.repartition_sink_topics.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += p::array_len_len(Some(self.repartition_source_topics.len()), true) + self.repartition_source_topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.copartition_groups.len()), true) + self.copartition_groups.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.source_topic_regex = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("source_topic_regex")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("source_topic_regex")?;
        this.state_changelog_topics = p::read_array(buf, true, |buf| TopicInfo::decode_fields(buf, version)).ctx("state_changelog_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("state_changelog_topics")?;
        this.repartition_sink_topics = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("repartition_sink_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("repartition_sink_topics")?;
        this.repartition_source_topics = p::read_array(buf, true, |buf| TopicInfo::decode_fields(buf, version)).ctx("repartition_source_topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("repartition_source_topics")?;
        this.copartition_groups = p::read_array(buf, true, |buf| CopartitionGroup::decode_fields(buf, version)).ctx("copartition_groups")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("copartition_groups")?;
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
        map.insert("sourceTopicRegex".into(), serde_json::Value::Array(self.source_topic_regex.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("stateChangelogTopics".into(), serde_json::Value::Array(self.state_changelog_topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("repartitionSinkTopics".into(), serde_json::Value::Array(self.repartition_sink_topics.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("repartitionSourceTopics".into(), serde_json::Value::Array(self.repartition_source_topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("copartitionGroups".into(), serde_json::Value::Array(self.copartition_groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Subtopology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.subtopology_id = rng.string();
        this.source_topics = rng.vec(|rng| rng.string());
        this.source_topic_regex = rng.vec(|rng| rng.string());
        this.state_changelog_topics = rng.vec(|rng| <TopicInfo as crate::random::Random>::random(rng, version));
        this.repartition_sink_topics = rng.vec(|rng| rng.string());
        this.repartition_source_topics = rng.vec(|rng| <TopicInfo as crate::random::Random>::random(rng, version));
        this.copartition_groups = rng.vec(|rng| <CopartitionGroup as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Topology`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Topology {
    /// `Epoch`: int32; versions 0+.
    pub epoch: i32,
    /// `Subtopologies`: []Subtopology; versions 0+.
    pub subtopologies: Vec<Subtopology>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Topology {
    fn default() -> Self {
        Self {
            epoch: 0,
            subtopologies: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Topology {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.epoch);
        p::write_array_len(buf, Some(self.subtopologies.len()), true).ctx("subtopologies")?;
        for e in &self.subtopologies {
            (*e).encode_fields(buf, version).ctx("subtopologies")?;
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
        len += p::array_len_len(Some(self.subtopologies.len()), true) + self.subtopologies.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.subtopologies = p::read_array(buf, true, |buf| Subtopology::decode_fields(buf, version)).ctx("subtopologies")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("subtopologies")?;
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
        map.insert("subtopologies".into(), serde_json::Value::Array(self.subtopologies.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Topology {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.epoch = rng.next_u64() as i32;
        this.subtopologies = rng.vec(|rng| <Subtopology as crate::random::Random>::random(rng, version));
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

