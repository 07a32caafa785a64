//! `StreamsGroupHeartbeatResponse` (response, API key 88; versions 0-1; flexible 0+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/StreamsGroupHeartbeatResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `StreamsGroupHeartbeatResponse`: response, API key 88; versions 0-1; flexible 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamsGroupHeartbeatResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+; default null.
    pub error_message: Option<String>,
    /// `MemberId`: string; versions 0+.
    pub member_id: String,
    /// `MemberEpoch`: int32; versions 0+.
    pub member_epoch: i32,
    /// `HeartbeatIntervalMs`: int32; versions 0+.
    pub heartbeat_interval_ms: i32,
    /// `AcceptableRecoveryLagLegacy`: int32; versions 0.
    pub acceptable_recovery_lag_legacy: i32,
    /// `TaskOffsetIntervalMs`: int32; versions 0+.
    pub task_offset_interval_ms: i32,
    /// `AcceptableRecoveryLag`: int64; versions 1+; default -1; ignorable.
    pub acceptable_recovery_lag: i64,
    /// `Status`: []Status; versions 0+; nullable 0+.
    pub status: Option<Vec<Status>>,
    /// `ActiveTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub active_tasks: Option<Vec<TaskIds>>,
    /// `StandbyTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub standby_tasks: Option<Vec<TaskIds>>,
    /// `WarmupTasks`: []TaskIds; versions 0+; nullable 0+; default null.
    pub warmup_tasks: Option<Vec<TaskIds>>,
    /// `TopologyDescriptionRequired`: bool; versions 1+; default false.
    pub topology_description_required: bool,
    /// `EndpointInformationEpoch`: int32; versions 0+.
    pub endpoint_information_epoch: i32,
    /// `PartitionsByUserEndpoint`: []EndpointToPartitions; versions 0+; nullable 0+; default null.
    pub partitions_by_user_endpoint: Option<Vec<EndpointToPartitions>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for StreamsGroupHeartbeatResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: None,
            member_id: String::new(),
            member_epoch: 0,
            heartbeat_interval_ms: 0,
            acceptable_recovery_lag_legacy: 0,
            task_offset_interval_ms: 0,
            acceptable_recovery_lag: -1,
            status: Some(Vec::new()),
            active_tasks: None,
            standby_tasks: None,
            warmup_tasks: None,
            topology_description_required: false,
            endpoint_information_epoch: 0,
            partitions_by_user_endpoint: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl StreamsGroupHeartbeatResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, true).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("error_message")?;
            }
        }
        p::write_string(buf, &self.member_id, true).ctx("member_id")?;
        p::write_i32(buf, self.member_epoch);
        p::write_i32(buf, self.heartbeat_interval_ms);
        if version <= 0 {
            p::write_i32(buf, self.acceptable_recovery_lag_legacy);
        } else if self.acceptable_recovery_lag_legacy != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("acceptable_recovery_lag_legacy"));
        }
        p::write_i32(buf, self.task_offset_interval_ms);
        if version >= 1 {
            p::write_i64(buf, self.acceptable_recovery_lag);
        }
        match &self.status {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("status")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("status")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("status")?;
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
        if version >= 1 {
            p::write_bool(buf, self.topology_description_required);
        } else if self.topology_description_required != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("topology_description_required"));
        }
        p::write_i32(buf, self.endpoint_information_epoch);
        match &self.partitions_by_user_endpoint {
            Some(v) => {
                p::write_array_len(buf, Some((*v).len()), true).ctx("partitions_by_user_endpoint")?;
                for e in v {
                    (*e).encode_fields(buf, version).ctx("partitions_by_user_endpoint")?;
                }
            }
            None => {
                p::write_array_len(buf, None, true).ctx("partitions_by_user_endpoint")?;
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
        len += 2;
        len += match &self.error_message { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        len += p::string_len(&self.member_id, true);
        len += 4;
        len += 4;
        if version <= 0 {
            len += 4;
        }
        len += 4;
        if version >= 1 {
            len += 8;
        }
        len += match &self.status { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.active_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.standby_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        len += match &self.warmup_tasks { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
        if version >= 1 {
            len += 1;
        }
        len += 4;
        len += match &self.partitions_by_user_endpoint { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).iter().map(|e| (*e).fields_len(version)).sum::<usize>(), None => if true { 1 } else { 4 } };
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
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, true).ctx("error_message")?;
        this.member_id = p::read_string(buf, true).ctx("member_id")?;
        this.member_epoch = p::read_i32(buf).ctx("member_epoch")?;
        this.heartbeat_interval_ms = p::read_i32(buf).ctx("heartbeat_interval_ms")?;
        if version <= 0 {
            this.acceptable_recovery_lag_legacy = p::read_i32(buf).ctx("acceptable_recovery_lag_legacy")?;
        }
        this.task_offset_interval_ms = p::read_i32(buf).ctx("task_offset_interval_ms")?;
        if version >= 1 {
            this.acceptable_recovery_lag = p::read_i64(buf).ctx("acceptable_recovery_lag")?;
        }
        this.status = p::read_array(buf, true, |buf| Status::decode_fields(buf, version)).ctx("status")?;
        this.active_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("active_tasks")?;
        this.standby_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("standby_tasks")?;
        this.warmup_tasks = p::read_array(buf, true, |buf| TaskIds::decode_fields(buf, version)).ctx("warmup_tasks")?;
        if version >= 1 {
            this.topology_description_required = p::read_bool(buf).ctx("topology_description_required")?;
        }
        this.endpoint_information_epoch = p::read_i32(buf).ctx("endpoint_information_epoch")?;
        this.partitions_by_user_endpoint = p::read_array(buf, true, |buf| EndpointToPartitions::decode_fields(buf, version)).ctx("partitions_by_user_endpoint")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for StreamsGroupHeartbeatResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupHeartbeatResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupHeartbeatResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for StreamsGroupHeartbeatResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("StreamsGroupHeartbeatResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("StreamsGroupHeartbeatResponse", version))
    }
}

impl crate::Message for StreamsGroupHeartbeatResponse {
    const NAME: &'static str = "StreamsGroupHeartbeatResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 1 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for StreamsGroupHeartbeatResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("memberId".into(), serde_json::Value::from(self.member_id.as_str()));
        map.insert("memberEpoch".into(), serde_json::Value::from(self.member_epoch));
        map.insert("heartbeatIntervalMs".into(), serde_json::Value::from(self.heartbeat_interval_ms));
        if version <= 0 {
            map.insert("acceptableRecoveryLagLegacy".into(), serde_json::Value::from(self.acceptable_recovery_lag_legacy));
        }
        map.insert("taskOffsetIntervalMs".into(), serde_json::Value::from(self.task_offset_interval_ms));
        if version >= 1 {
            map.insert("acceptableRecoveryLag".into(), serde_json::Value::from(self.acceptable_recovery_lag));
        }
        map.insert("status".into(), match &self.status { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("activeTasks".into(), match &self.active_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("standbyTasks".into(), match &self.standby_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        map.insert("warmupTasks".into(), match &self.warmup_tasks { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("topologyDescriptionRequired".into(), serde_json::Value::from(self.topology_description_required));
        }
        map.insert("endpointInformationEpoch".into(), serde_json::Value::from(self.endpoint_information_epoch));
        map.insert("partitionsByUserEndpoint".into(), match &self.partitions_by_user_endpoint { Some(v) => serde_json::Value::Array((*v).iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()), None => serde_json::Value::Null });
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for StreamsGroupHeartbeatResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.member_id = rng.string();
        this.member_epoch = rng.next_u64() as i32;
        this.heartbeat_interval_ms = rng.next_u64() as i32;
        if version <= 0 {
            this.acceptable_recovery_lag_legacy = rng.next_u64() as i32;
        }
        this.task_offset_interval_ms = rng.next_u64() as i32;
        if version >= 1 {
            this.acceptable_recovery_lag = rng.next_u64() as i64;
        }
        this.status = rng.option(|rng| rng.vec(|rng| <Status as crate::random::Random>::random(rng, version)));
        this.active_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        this.standby_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        this.warmup_tasks = rng.option(|rng| rng.vec(|rng| <TaskIds as crate::random::Random>::random(rng, version)));
        if version >= 1 {
            this.topology_description_required = rng.bool();
        }
        this.endpoint_information_epoch = rng.next_u64() as i32;
        this.partitions_by_user_endpoint = rng.option(|rng| rng.vec(|rng| <EndpointToPartitions as crate::random::Random>::random(rng, version)));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `EndpointToPartitions`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointToPartitions {
    /// `UserEndpoint`: Endpoint; versions 0+.
    pub user_endpoint: Endpoint,
    /// `ActivePartitions`: []TopicPartition; versions 0+.
    pub active_partitions: Vec<TopicPartition>,
    /// `StandbyPartitions`: []TopicPartition; versions 0+.
    pub standby_partitions: Vec<TopicPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for EndpointToPartitions {
    fn default() -> Self {
        Self {
            user_endpoint: Endpoint::default(),
            active_partitions: Vec::new(),
            standby_partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl EndpointToPartitions {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.user_endpoint.encode_fields(buf, version).ctx("user_endpoint")?;
        p::write_array_len(buf, Some(self.active_partitions.len()), true).ctx("active_partitions")?;
        for e in &self.active_partitions {
            (*e).encode_fields(buf, version).ctx("active_partitions")?;
        }
        p::write_array_len(buf, Some(self.standby_partitions.len()), true).ctx("standby_partitions")?;
        for e in &self.standby_partitions {
            (*e).encode_fields(buf, version).ctx("standby_partitions")?;
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
        len += self.user_endpoint.fields_len(version);
        len += p::array_len_len(Some(self.active_partitions.len()), true) + self.active_partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.standby_partitions.len()), true) + self.standby_partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.user_endpoint = Endpoint::decode_fields(buf, version).ctx("user_endpoint")?;
        this.active_partitions = p::read_array(buf, true, |buf| TopicPartition::decode_fields(buf, version)).ctx("active_partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("active_partitions")?;
        this.standby_partitions = p::read_array(buf, true, |buf| TopicPartition::decode_fields(buf, version)).ctx("standby_partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("standby_partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for EndpointToPartitions {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for EndpointToPartitions {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for EndpointToPartitions {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("userEndpoint".into(), crate::json::ToJson::to_json(&self.user_endpoint, version));
        map.insert("activePartitions".into(), serde_json::Value::Array(self.active_partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("standbyPartitions".into(), serde_json::Value::Array(self.standby_partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for EndpointToPartitions {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.user_endpoint = <Endpoint as crate::random::Random>::random(rng, version);
        this.active_partitions = rng.vec(|rng| <TopicPartition as crate::random::Random>::random(rng, version));
        this.standby_partitions = rng.vec(|rng| <TopicPartition as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Status`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// `StatusCode`: int8; versions 0+.
    pub status_code: i8,
    /// `StatusDetail`: string; versions 0+.
    pub status_detail: String,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Status {
    fn default() -> Self {
        Self {
            status_code: 0,
            status_detail: String::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Status {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_i8(buf, self.status_code);
        p::write_string(buf, &self.status_detail, true).ctx("status_detail")?;
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += 1;
        len += p::string_len(&self.status_detail, true);
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, _version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.status_code = p::read_i8(buf).ctx("status_code")?;
        this.status_detail = p::read_string(buf, true).ctx("status_detail")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Status {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Status {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Status {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("statusCode".into(), serde_json::Value::from(self.status_code));
        map.insert("statusDetail".into(), serde_json::Value::from(self.status_detail.as_str()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Status {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.status_code = rng.next_u64() as i8;
        this.status_detail = rng.string();
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartition {
    /// `Topic`: string; versions 0+; entity type topicName.
    pub topic: String,
    /// `Partitions`: []int32; versions 0+.
    pub partitions: Vec<i32>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicPartition {
    fn default() -> Self {
        Self {
            topic: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.topic, true).ctx("topic")?;
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
        len += p::string_len(&self.topic, true);
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
        this.topic = p::read_string(buf, true).ctx("topic")?;
        this.partitions = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for TopicPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for TopicPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for TopicPartition {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("topic".into(), serde_json::Value::from(self.topic.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| serde_json::Value::from(*e)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicPartition {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.topic = rng.string();
        this.partitions = rng.vec(|rng| rng.next_u64() as i32);
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

