//! `ConsumerGroupHeartbeatRequest` (request, API key 68; versions 0-1; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ConsumerGroupHeartbeatRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ConsumerGroupHeartbeatRequest`: request, API key 68; versions 0-1; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupHeartbeatRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `InstanceId`: string; versions 0+; nullable 0+; default null.
    pub instance_id: Option<String>,
    /// `RackId`: string; versions 0+; nullable 0+; default null.
    pub rack_id: Option<String>,
    /// `RebalanceTimeoutMs`: int32; versions 0+; default -1.
    pub rebalance_timeout_ms: i32,
    /// `SubscribedTopicNames`: []string; versions 0+; nullable 0+; default null; entity type topicName.
    pub subscribed_topic_names: Option<Vec<String>>,
    /// `SubscribedTopicRegex`: string; versions 1+; nullable 1+; default null.
    pub subscribed_topic_regex: Option<String>,
    /// `ServerAssignor`: string; versions 0+; nullable 0+; default null.
    pub server_assignor: Option<String>,
    /// `TopicPartitions`: []TopicPartitions; versions 0+; nullable 0+; default null.
    pub topic_partitions: Option<Vec<TopicPartitions>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ConsumerGroupHeartbeatRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0,
            instance_id: None,
            rack_id: None,
            rebalance_timeout_ms: -1,
            subscribed_topic_names: None,
            subscribed_topic_regex: None,
            server_assignor: None,
            topic_partitions: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ConsumerGroupHeartbeatRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
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
        p::write_i32(buf, self.rebalance_timeout_ms);
        match &self.subscribed_topic_names {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("subscribed_topic_names")?;
                for e in v {
                    p::write_string(buf, e, true).ctx("subscribed_topic_names")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("subscribed_topic_names")?;
            }
        }
        if version >= 1 {
            match &self.subscribed_topic_regex {
                Some(v) => {
                    p::write_string(buf, v, true).ctx("subscribed_topic_regex")?;
                }
                None if version >= 1 => {
                    p::write_nullable_string(buf, None, true).ctx("subscribed_topic_regex")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("subscribed_topic_regex")),
            }
        } else if self.subscribed_topic_regex.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("subscribed_topic_regex"));
        }
        match &self.server_assignor {
            Some(v) => {
                p::write_string(buf, v, true).ctx("server_assignor")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("server_assignor")?;
            }
        }
        match &self.topic_partitions {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("topic_partitions")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("topic_partitions")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("topic_partitions")?;
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
        len += p::string_len(&self.group_id, true);
        len += p::string_len(&self.member_id, true);
        len += 4;
        len += match &self.instance_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.rack_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += match &self.subscribed_topic_names { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| p::string_len(e, true)).sum::<usize>(), None => if true { 1 } else { 4 } };
        if version >= 1 {
            len += match &self.subscribed_topic_regex { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        }
        len += match &self.server_assignor { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.topic_partitions { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
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
        this.instance_id = p::read_nullable_string(buf, true).ctx("instance_id")?;
        this.rack_id = p::read_nullable_string(buf, true).ctx("rack_id")?;
        this.rebalance_timeout_ms = p::read_i32(buf).ctx("rebalance_timeout_ms")?;
        this.subscribed_topic_names = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("subscribed_topic_names")?;
        if version >= 1 {
            this.subscribed_topic_regex = if version >= 1 { p::read_nullable_string(buf, true).ctx("subscribed_topic_regex")? } else { Some(p::read_string(buf, true).ctx("subscribed_topic_regex")?) };
        }
        this.server_assignor = p::read_nullable_string(buf, true).ctx("server_assignor")?;
        this.topic_partitions = p::read_array(buf, true, |buf| TopicPartitions::decode_fields(buf, version)).ctx("topic_partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ConsumerGroupHeartbeatRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerGroupHeartbeatRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ConsumerGroupHeartbeatRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ConsumerGroupHeartbeatRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ConsumerGroupHeartbeatRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ConsumerGroupHeartbeatRequest", version))
    }
}

impl crate::Message for ConsumerGroupHeartbeatRequest {
    const NAME: &'static str = "ConsumerGroupHeartbeatRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for ConsumerGroupHeartbeatRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ConsumerGroupHeartbeat;
    type Response = super::ConsumerGroupHeartbeatResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ConsumerGroupHeartbeatRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("instanceId".into(), match &self.instance_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("rebalanceTimeoutMs".into(), serde_json::Value::from(self.rebalance_timeout_ms));
        map.insert("subscribedTopicNames".into(), match &self.subscribed_topic_names { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from((*e).as_str())).collect()), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("subscribedTopicRegex".into(), match &self.subscribed_topic_regex { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        map.insert("serverAssignor".into(), match &self.server_assignor { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("topicPartitions".into(), match &self.topic_partitions { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ConsumerGroupHeartbeatRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.instance_id = rng.option(|rng| rng.string());
        this.rack_id = rng.option(|rng| rng.string());
        this.rebalance_timeout_ms = rng.next_u64() as i32;
        this.subscribed_topic_names = rng.option(|rng| rng.vec(|rng| rng.string()));
        if version >= 1 {
            this.subscribed_topic_regex = if version >= 1 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        this.server_assignor = rng.option(|rng| rng.string());
        this.topic_partitions = rng.option(|rng| rng.vec(|rng| <TopicPartitions as crate::random::Random>::random(rng, version)));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicPartitions`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    /// `TopicId`: uuid; versions 0+.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicPartitions {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.topic_id);
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
        len += 16;
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
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        this.partitions = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicPartitions {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicPartitions {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicPartitions {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartitions {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

