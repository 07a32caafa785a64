//! `ShareGroupHeartbeatRequest` (request, API key 76; versions 1; flexible 0+; listeners: broker).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ShareGroupHeartbeatRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ShareGroupHeartbeatRequest`: request, API key 76; versions 1; flexible 0+; listeners: broker.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareGroupHeartbeatRequest {
    /// `GroupId`: string; versions 0+; entity type groupId.
    pub group_id: String,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `RackId`: string; versions 0+; nullable 0+; default null.
    pub rack_id: Option<String>,
    /// `SubscribedTopicNames`: []string; versions 0+; nullable 0+; default null; entity type topicName.
    pub subscribed_topic_names: Option<Vec<String>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ShareGroupHeartbeatRequest {
    fn default() -> Self {
        Self {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0,
            rack_id: None,
            subscribed_topic_names: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ShareGroupHeartbeatRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.group_id, true).ctx("group_id")?;
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        p::write_i32(buf, self.member_epoch);
        match &self.rack_id {
            Some(v) => {
                p::write_string(buf, v, true).ctx("rack_id")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("rack_id")?;
            }
        }
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
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.group_id, true);
        len += p::string_len(&self.member_id, true);
        len += 4;
        len += match &self.rack_id { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += match &self.subscribed_topic_names { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| p::string_len(e, true)).sum::<usize>(), None => if true { 1 } else { 4 } };
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.group_id = p::read_string(buf, true).ctx("group_id")?;
        this.member_id = p::read_string(buf, true).ctx("member_id")?;
        this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        this.rack_id = p::read_nullable_string(buf, true).ctx("rack_id")?;
        this.subscribed_topic_names = p::read_array(buf, true, |buf| p::read_string(buf, true).map_err(crate::DecodeError::from)).ctx("subscribed_topic_names")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for ShareGroupHeartbeatRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ShareGroupHeartbeatRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ShareGroupHeartbeatRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ShareGroupHeartbeatRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ShareGroupHeartbeatRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ShareGroupHeartbeatRequest", version))
    }
}

impl crate::Message for ShareGroupHeartbeatRequest {
    const NAME: &'static str = "ShareGroupHeartbeatRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(1);
}

impl crate::Request for ShareGroupHeartbeatRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::ShareGroupHeartbeat;
    type Response = super::ShareGroupHeartbeatResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ShareGroupHeartbeatRequest {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("groupId".into(), serde_json::Value::from(self.group_id.as_str()));
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("rackId".into(), match &self.rack_id { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("subscribedTopicNames".into(), match &self.subscribed_topic_names { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from((*e).as_str())).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ShareGroupHeartbeatRequest {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.group_id = rng.string();
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.rack_id = rng.option(|rng| rng.string());
        this.subscribed_topic_names = rng.option(|rng| rng.vec(|rng| rng.string()));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

