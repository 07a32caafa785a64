//! `ProduceResponse` (response, API key 0; versions 3-13; flexible 9+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/ProduceResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `ProduceResponse`: response, API key 0; versions 3-13; flexible 9+.
#[derive(Debug, Clone, PartialEq)]
pub struct ProduceResponse {
    /// `Responses`: []TopicProduceResponse; versions 0+.
    pub responses: Vec<TopicProduceResponse>,
    /// `ThrottleTimeMs`: int32; versions 1+; default 0; ignorable.
    pub throttle_time_ms: i32,
    /// `NodeEndpoints`: []NodeEndpoint; versions 10+; tag 0 in versions 10+.
    pub node_endpoints: Vec<NodeEndpoint>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for ProduceResponse {
    fn default() -> Self {
        Self {
            responses: Vec::new(),
            throttle_time_ms: 0,
            node_endpoints: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl ProduceResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_array_len(buf, Some(self.responses.len()), version >= 9).ctx("responses")?;
        for e in &self.responses {
            (*e).encode_fields(buf, version).ctx("responses")?;
        }
        p::write_i32(buf, self.throttle_time_ms);
        if !(version >= 10) && !self.node_endpoints.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_endpoints"));
        }
        if version >= 9 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_node_endpoints = (version >= 10) && !self.node_endpoints.is_empty();
            count += tagged_node_endpoints as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_node_endpoints {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (p::array_len_len(Some(self.node_endpoints.len()), true) + self.node_endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>()) as u32);
                p::write_array_len(buf, Some(self.node_endpoints.len()), true).ctx("node_endpoints")?;
                for e in &self.node_endpoints {
                    (*e).encode_fields(buf, version).ctx("node_endpoints")?;
                }
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += p::array_len_len(Some(self.responses.len()), version >= 9) + self.responses.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += 4;
        if version >= 9 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 10) && !self.node_endpoints.is_empty() {
                count += 1;
                len += p::tagged_field_len(0, p::array_len_len(Some(self.node_endpoints.len()), true) + self.node_endpoints.iter().map(|e| (*e).fields_len(version)).sum::<usize>());
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.responses = p::read_array(buf, version >= 9, |buf| TopicProduceResponse::decode_fields(buf, version)).ctx("responses")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("responses")?;
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 9 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 10 => {
                        this.node_endpoints = p::read_array(buf, true, |buf| NodeEndpoint::decode_fields(buf, version)).ctx("node_endpoints")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("node_endpoints")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for ProduceResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("ProduceResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("ProduceResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for ProduceResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("ProduceResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("ProduceResponse", version))
    }
}

impl crate::Message for ProduceResponse {
    const NAME: &'static str = "ProduceResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 3, max: 13 };
    const FLEXIBLE_SINCE: Option<i16> = Some(9);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for ProduceResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("responses".into(), serde_json::Value::Array(self.responses.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        if version >= 10 && !self.node_endpoints.is_empty() {
            map.insert("nodeEndpoints".into(), serde_json::Value::Array(self.node_endpoints.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for ProduceResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.responses = rng.vec(|rng| <TopicProduceResponse as crate::random::Random>::random(rng, version));
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 10 {
            this.node_endpoints = rng.vec(|rng| <NodeEndpoint as crate::random::Random>::random(rng, version));
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `BatchIndexAndErrorMessage`, versions 8+.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchIndexAndErrorMessage {
    /// `BatchIndex`: int32; versions 8+.
    pub batch_index: i32,
    /// `BatchIndexErrorMessage`: string; versions 8+; nullable 8+; default null.
    pub batch_index_error_message: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BatchIndexAndErrorMessage {
    fn default() -> Self {
        Self {
            batch_index: 0,
            batch_index_error_message: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl BatchIndexAndErrorMessage {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 8 {
            p::write_i32(buf, self.batch_index);
        } else if self.batch_index != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("batch_index"));
        }
        if version >= 8 {
            match &self.batch_index_error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 9).ctx("batch_index_error_message")?;
                }
                None if version >= 8 => {
                    p::write_nullable_string(buf, None, version >= 9).ctx("batch_index_error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("batch_index_error_message")),
            }
        } else if self.batch_index_error_message.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("batch_index_error_message"));
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
        if version >= 8 {
            len += 4;
        }
        if version >= 8 {
            len += match &self.batch_index_error_message { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
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
        if version >= 8 {
            this.batch_index = p::read_i32(buf).ctx("batch_index")?;
        }
        if version >= 8 {
            this.batch_index_error_message = if version >= 8 { p::read_nullable_string(buf, version >= 9).ctx("batch_index_error_message")? } else { Some(p::read_string(buf, version >= 9).ctx("batch_index_error_message")?) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for BatchIndexAndErrorMessage {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for BatchIndexAndErrorMessage {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for BatchIndexAndErrorMessage {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 8 {
            map.insert("batchIndex".into(), serde_json::Value::from(self.batch_index));
        }
        if version >= 8 {
            map.insert("batchIndexErrorMessage".into(), match &self.batch_index_error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for BatchIndexAndErrorMessage {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 8 {
            this.batch_index = rng.next_u64() as i32;
        }
        if version >= 8 {
            this.batch_index_error_message = if version >= 8 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `LeaderIdAndEpoch`, versions 10+.
#[derive(Debug, Clone, PartialEq)]
pub struct LeaderIdAndEpoch {
    /// `LeaderId`: int32; versions 10+; default -1; entity type brokerId.
    pub leader_id: i32,
    /// `LeaderEpoch`: int32; versions 10+; default -1.
    pub leader_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for LeaderIdAndEpoch {
    fn default() -> Self {
        Self {
            leader_id: -1,
            leader_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl LeaderIdAndEpoch {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 10 {
            p::write_i32(buf, self.leader_id);
        } else if self.leader_id != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("leader_id"));
        }
        if version >= 10 {
            p::write_i32(buf, self.leader_epoch);
        } else if self.leader_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("leader_epoch"));
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
        if version >= 10 {
            len += 4;
        }
        if version >= 10 {
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
        if version >= 10 {
            this.leader_id = p::read_i32(buf).ctx("leader_id")?;
        }
        if version >= 10 {
            this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for LeaderIdAndEpoch {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for LeaderIdAndEpoch {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for LeaderIdAndEpoch {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 10 {
            map.insert("leaderId".into(), serde_json::Value::from(self.leader_id));
        }
        if version >= 10 {
            map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for LeaderIdAndEpoch {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 10 {
            this.leader_id = rng.next_u64() as i32;
        }
        if version >= 10 {
            this.leader_epoch = rng.next_u64() as i32;
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `PartitionProduceResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceResponse {
    /// `Index`: int32; versions 0+.
    pub index: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `BaseOffset`: int64; versions 0+.
    pub base_offset: i64,
    /// `LogAppendTimeMs`: int64; versions 2+; default -1; ignorable.
    pub log_append_time_ms: i64,
    /// `LogStartOffset`: int64; versions 5+; default -1; ignorable.
    pub log_start_offset: i64,
    /// `RecordErrors`: []BatchIndexAndErrorMessage; versions 8+; ignorable.
    pub record_errors: Vec<BatchIndexAndErrorMessage>,
    /// `ErrorMessage`: string; versions 8+; nullable 8+; default null; ignorable.
    pub error_message: Option<String>,
    /// `CurrentLeader`: LeaderIdAndEpoch; versions 10+; tag 0 in versions 10+.
    pub current_leader: LeaderIdAndEpoch,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionProduceResponse {
    fn default() -> Self {
        Self {
            index: 0,
            error_code: 0,
            base_offset: 0,
            log_append_time_ms: -1,
            log_start_offset: -1,
            record_errors: Vec::new(),
            error_message: None,
            current_leader: LeaderIdAndEpoch::default(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionProduceResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.index);
        p::write_i16(buf, self.error_code);
        p::write_i64(buf, self.base_offset);
        p::write_i64(buf, self.log_append_time_ms);
        if version >= 5 {
            p::write_i64(buf, self.log_start_offset);
        }
        if version >= 8 {
            p::write_array_len(buf, Some(self.record_errors.len()), version >= 9).ctx("record_errors")?;
            for e in &self.record_errors {
                (*e).encode_fields(buf, version).ctx("record_errors")?;
            }
        }
        if version >= 8 {
            match &self.error_message {
                Some(v) => {
                    p::write_string(buf, v, version >= 9).ctx("error_message")?;
                }
                None if version >= 8 => {
                    p::write_nullable_string(buf, None, version >= 9).ctx("error_message")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("error_message")),
            }
        }
        if !(version >= 10) && self.current_leader != LeaderIdAndEpoch::default() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("current_leader"));
        }
        if version >= 9 {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_current_leader = (version >= 10) && self.current_leader != LeaderIdAndEpoch::default();
            count += tagged_current_leader as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_current_leader {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (self.current_leader.fields_len(version)) as u32);
                self.current_leader.encode_fields(buf, version).ctx("current_leader")?;
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        else if !self.unknown_tagged_fields.is_empty() {
            return Err(crate::EncodeErrorKind::TaggedFieldsNotSupported.into());
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 2;
        len += 8;
        len += 8;
        if version >= 5 {
            len += 8;
        }
        if version >= 8 {
            len += p::array_len_len(Some(self.record_errors.len()), version >= 9) + self.record_errors.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        if version >= 8 {
            len += match &self.error_message { Some(v) => p::string_len(v, version >= 9), None => if version >= 9 { 1 } else { 2 } };
        }
        if version >= 9 {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 10) && self.current_leader != LeaderIdAndEpoch::default() {
                count += 1;
                len += p::tagged_field_len(0, self.current_leader.fields_len(version));
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.index = p::read_i32(buf).ctx("index")?;
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.base_offset = p::read_i64(buf).ctx("base_offset")?;
        this.log_append_time_ms = p::read_i64(buf).ctx("log_append_time_ms")?;
        if version >= 5 {
            this.log_start_offset = p::read_i64(buf).ctx("log_start_offset")?;
        }
        if version >= 8 {
            this.record_errors = p::read_array(buf, version >= 9, |buf| BatchIndexAndErrorMessage::decode_fields(buf, version)).ctx("record_errors")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("record_errors")?;
        }
        if version >= 8 {
            this.error_message = if version >= 8 { p::read_nullable_string(buf, version >= 9).ctx("error_message")? } else { Some(p::read_string(buf, version >= 9).ctx("error_message")?) };
        }
        if version >= 9 {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 10 => {
                        this.current_leader = LeaderIdAndEpoch::decode_fields(buf, version).ctx("current_leader")?;
                        Ok(true)
                    }
                    _ => Ok(false),
                }
            })?;
            this.unknown_tagged_fields = unknown;
        }
        Ok(this)
    }
}

impl crate::Encode for PartitionProduceResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for PartitionProduceResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for PartitionProduceResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("index".into(), serde_json::Value::from(self.index));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("baseOffset".into(), serde_json::Value::from(self.base_offset));
        map.insert("logAppendTimeMs".into(), serde_json::Value::from(self.log_append_time_ms));
        if version >= 5 {
            map.insert("logStartOffset".into(), serde_json::Value::from(self.log_start_offset));
        }
        if version >= 8 {
            map.insert("recordErrors".into(), serde_json::Value::Array(self.record_errors.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        if version >= 8 {
            map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        if version >= 10 && self.current_leader != LeaderIdAndEpoch::default() {
            map.insert("currentLeader".into(), crate::json::ToJson::to_json(&self.current_leader, version));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionProduceResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.index = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.base_offset = rng.next_u64() as i64;
        this.log_append_time_ms = rng.next_u64() as i64;
        if version >= 5 {
            this.log_start_offset = rng.next_u64() as i64;
        }
        if version >= 8 {
            this.record_errors = rng.vec(|rng| <BatchIndexAndErrorMessage as crate::random::Random>::random(rng, version));
        }
        if version >= 8 {
            this.error_message = if version >= 8 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 10 {
            this.current_leader = <LeaderIdAndEpoch as crate::random::Random>::random(rng, version);
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `TopicProduceResponse`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceResponse {
    /// `Name`: string; versions 0-12; entity type topicName; map key; ignorable.
    pub name: String,
    /// `TopicId`: uuid; versions 13+; map key; ignorable.
    pub topic_id: crate::Uuid,
    /// `PartitionResponses`: []PartitionProduceResponse; versions 0+.
    pub partition_responses: Vec<PartitionProduceResponse>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicProduceResponse {
    fn default() -> Self {
        Self {
            name: String::new(),
            topic_id: crate::Uuid::ZERO,
            partition_responses: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicProduceResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version <= 12 {
            p::write_string(buf, &self.name, version >= 9).ctx("name")?;
        }
        if version >= 13 {
            p::write_uuid(buf, &self.topic_id);
        }
        p::write_array_len(buf, Some(self.partition_responses.len()), version >= 9).ctx("partition_responses")?;
        for e in &self.partition_responses {
            (*e).encode_fields(buf, version).ctx("partition_responses")?;
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
        if version <= 12 {
            len += p::string_len(&self.name, version >= 9);
        }
        if version >= 13 {
            len += 16;
        }
        len += p::array_len_len(Some(self.partition_responses.len()), version >= 9) + self.partition_responses.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 9 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        if version <= 12 {
            this.name = p::read_string(buf, version >= 9).ctx("name")?;
        }
        if version >= 13 {
            this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
        }
        this.partition_responses = p::read_array(buf, version >= 9, |buf| PartitionProduceResponse::decode_fields(buf, version)).ctx("partition_responses")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partition_responses")?;
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicProduceResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicProduceResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicProduceResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version <= 12 {
            map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        }
        if version >= 13 {
            map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        }
        map.insert("partitionResponses".into(), serde_json::Value::Array(self.partition_responses.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicProduceResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version <= 12 {
            this.name = rng.string();
        }
        if version >= 13 {
            this.topic_id = rng.uuid();
        }
        this.partition_responses = rng.vec(|rng| <PartitionProduceResponse as crate::random::Random>::random(rng, version));
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `NodeEndpoint`, versions 10+.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    /// `NodeId`: int32; versions 10+; entity type brokerId; map key.
    pub node_id: i32,
    /// `Host`: string; versions 10+.
    pub host: String,
    /// `Port`: int32; versions 10+.
    pub port: i32,
    /// `Rack`: string; versions 10+; nullable 10+; default null.
    pub rack: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for NodeEndpoint {
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

impl NodeEndpoint {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 10 {
            p::write_i32(buf, self.node_id);
        } else if self.node_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("node_id"));
        }
        if version >= 10 {
            p::write_string(buf, &self.host, version >= 9).ctx("host")?;
        } else if !self.host.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("host"));
        }
        if version >= 10 {
            p::write_i32(buf, self.port);
        } else if self.port != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("port"));
        }
        if version >= 10 {
            match &self.rack {
                Some(v) => {
                    p::write_string(buf, v, version >= 9).ctx("rack")?;
                }
                None if version >= 10 => {
                    p::write_nullable_string(buf, None, version >= 9).ctx("rack")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("rack")),
            }
        } else if self.rack.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("rack"));
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
        if version >= 10 {
            len += 4;
        }
        if version >= 10 {
            len += p::string_len(&self.host, version >= 9);
        }
        if version >= 10 {
            len += 4;
        }
        if version >= 10 {
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
        if version >= 10 {
            this.node_id = p::read_i32(buf).ctx("node_id")?;
        }
        if version >= 10 {
            this.host = p::read_string(buf, version >= 9).ctx("host")?;
        }
        if version >= 10 {
            this.port = p::read_i32(buf).ctx("port")?;
        }
        if version >= 10 {
            this.rack = if version >= 10 { p::read_nullable_string(buf, version >= 9).ctx("rack")? } else { Some(p::read_string(buf, version >= 9).ctx("rack")?) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for NodeEndpoint {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for NodeEndpoint {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for NodeEndpoint {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 10 {
            map.insert("nodeId".into(), serde_json::Value::from(self.node_id));
        }
        if version >= 10 {
            map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        }
        if version >= 10 {
            map.insert("port".into(), serde_json::Value::from(self.port));
        }
        if version >= 10 {
            map.insert("rack".into(), match &self.rack { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for NodeEndpoint {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 10 {
            this.node_id = rng.next_u64() as i32;
        }
        if version >= 10 {
            this.host = rng.string();
        }
        if version >= 10 {
            this.port = rng.next_u64() as i32;
        }
        if version >= 10 {
            this.rack = if version >= 10 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 9 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

