//! `ShareGroupDescribeResponse` (response, API key 77; versions 1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ShareGroupDescribeResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ShareGroupDescribeResponse`: response, API key 77; versions 1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupDescribeResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Groups`: []DescribedGroup; versions 0+.
    pub groups: Vec<DescribedGroup>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupDescribeResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ShareGroupDescribeResponse {
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

impl crate::Encode for ShareGroupDescribeResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ShareGroupDescribeResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ShareGroupDescribeResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ShareGroupDescribeResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ShareGroupDescribeResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ShareGroupDescribeResponse", version))
    }
}

impl crate::Message for ShareGroupDescribeResponse {
    const NAME: &'static str = "ShareGroupDescribeResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ShareGroupDescribeResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("groups".into(), serde_json::Value::Array(self.groups.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ShareGroupDescribeResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.groups = rng.vec(|rng| <DescribedGroup as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Member`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `RackId`: string; versions 0+; nullable 0+; default null.
    pub rack_id: Option<String>,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `ClientId`: string; versions 0+.
    pub client_id: String,
    /// `ClientHost`: string; versions 0+.
    pub client_host: String,
    /// `SubscribedTopicNames`: []string; versions 0+; entity type topicName.
    pub subscribed_topic_names: Vec<String>,
    /// `Assignment`: Assignment; versions 0+.
    pub assignment: Assignment,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Member {
    fn default() -> Self {
        Self {
            member_id: String::new(),
            rack_id: None,
            member_epoch: 0,
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::new(),
            assignment: Assignment::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Member {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        match &self.rack_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("rack_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("rack_id")?;
            }
        }
        p::write_i32(buf, self.member_epoch);
        p::write_string(buf, &self.client_id, true).ctx("client_id")?;
        p::write_string(buf, &self.client_host, true).ctx("client_host")?;
        p::write_array_len(buf, Some(self.subscribed_topic_names.len()), true).ctx("subscribed_topic_names")?;
        for e in &self.subscribed_topic_names {
            p::write_string(buf, e, true).ctx("subscribed_topic_names")?;
        }
        self.assignment.encode_fields(buf, version).ctx("assignment")?;
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
        len += match &self.rack_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += 4;
        len += p::string_len(&self.client_id, true);
        len += p::string_len(&self.client_host, true);
        len += p::array_len_len(Some(self.subscribed_topic_names.len()), true) + self.subscribed_topic_names.iter().map(|e| p::string_len(e, true)).sum::<usize>();
        len += self.assignment.fields_len(version);
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
        this.rack_id = p::read_nullable_string(buf, true).ctx("rack_id")?;
        this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        this.client_id = p::read_string(buf, true).ctx("client_id")?;
        this.client_host = p::read_string(buf, true).ctx("client_host")?;
        this.subscribed_topic_names = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("subscribed_topic_names")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("subscribed_topic_names")?;
        this.assignment = Assignment::decode_fields(buf, version).ctx("assignment")?;
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
        map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("clientId".into(), serde_json::Value::from(self.client_id.as_str()));
        map.insert("clientHost".into(), serde_json::Value::from(self.client_host.as_str()));
        map.insert("subscribedTopicNames".into(), serde_json::Value::Array(self.subscribed_topic_names.iter().map(|e| serde_json::Value::from((*e).as_str())).collect()));
        map.insert("assignment".into(), crate::json::ToJson::to_json(&self.assignment, version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Member {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.member_id = rng.string();
        this.rack_id = rng.option(|rng| rng.string());
        this.member_epoch = rng.next_u64() as i32;
        this.client_id = rng.string();
        this.client_host = rng.string();
        this.subscribed_topic_names = rng.vec(|rng| rng.string());
        this.assignment = <Assignment as crate::random::Random>::random(rng, version);
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
    /// `AssignorName`: string; versions 0+.
    pub assignor_name: String,
    /// `Members`: []Member; versions 0+.
    pub members: Vec<Member>,
    /// `AuthorizedOperations`: int32; versions 0+; default -2147483648.
    pub authorized_operations: i32,
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
            assignor_name: String::new(),
            members: Vec::new(),
            authorized_operations: i32::MIN,
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
        p::write_string(buf, &self.assignor_name, true).ctx("assignor_name")?;
        p::write_array_len(buf, Some(self.members.len()), true).ctx("members")?;
        for e in &self.members {
            (*e).encode_fields(buf, version).ctx("members")?;
        }
        p::write_i32(buf, self.authorized_operations);
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
        len += p::string_len(&self.assignor_name, true);
        len += p::array_len_len(Some(self.members.len()), true) + self.members.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
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
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.group_state = p::read_string(buf, true).ctx("group_state")?;
        this.group_epoch = p::read_i32(buf).ctx("group_epoch")?;
        this.assignment_epoch = p::read_i32(buf).ctx("assignment_epoch")?;
        this.assignor_name = p::read_string(buf, true).ctx("assignor_name")?;
        this.members = p::read_array(buf, true, |buf| Member::decode_fields(buf, version)).ctx("members")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("members")?;
        this.authorized_operations = p::read_i32(buf).ctx("authorized_operations")?;
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
        map.insert("assignorName".into(), serde_json::Value::from(self.assignor_name.as_str()));
        map.insert("members".into(), serde_json::Value::Array(self.members.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("authorizedOperations".into(), serde_json::Value::from(self.authorized_operations));
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
        this.assignor_name = rng.string();
        this.members = rng.vec(|rng| <Member as crate::random::Random>::random(rng, version));
        this.authorized_operations = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicPartitions`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    /// `TopicId`: uuid; versions 0+.
    pub topic_id: crate::Uuid,
    /// `TopicName`: string; versions 0+; entity type topicName.
    pub topic_name: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            topic_name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicPartitions {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.topic_id);
        p::write_string(buf, &self.topic_name, true).ctx("topic_name")?;
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
        len += p::string_len(&self.topic_name, true);
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
        this.topic_name = p::read_string(buf, true).ctx("topic_name")?;
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
        map.insert("topicName".into(), serde_json::Value::from(self.topic_name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartitions {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.topic_name = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Assignment`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// `TopicPartitions`: []TopicPartitions; versions 0+.
    pub topic_partitions: Vec<TopicPartitions>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Assignment {
    fn default() -> Self {
        Self {
            topic_partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Assignment {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.topic_partitions.len()), true).ctx("topic_partitions")?;
        for e in &self.topic_partitions {
            (*e).encode_fields(buf, version).ctx("topic_partitions")?;
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
        len += p::array_len_len(Some(self.topic_partitions.len()), true) + self.topic_partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.topic_partitions = p::read_array(buf, true, |buf| TopicPartitions::decode_fields(buf, version)).ctx("topic_partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topic_partitions")?;
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
        map.insert("topicPartitions".into(), serde_json::Value::Array(self.topic_partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Assignment {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_partitions = rng.vec(|rng| <TopicPartitions as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

