//! `AlterPartitionRequest` (request, API key 56; versions 2-3; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/AlterPartitionRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `AlterPartitionRequest`: request, API key 56; versions 2-3; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct AlterPartitionRequest {
    /// `BrokerId`: int32; versions 0+; entity type brokerId.
    pub broker_id: i32,
    /// `BrokerEpoch`: int64; versions 0+; default -1.
    pub broker_epoch: i64,
    /// `Topics`: []TopicData; versions 0+.
    pub topics: Vec<TopicData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for AlterPartitionRequest {
    fn default() -> Self {
        Self {
            broker_id: 0,
            broker_epoch: -1,
            topics: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl AlterPartitionRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.broker_id);
        p::write_i64(buf, self.broker_epoch);
        p::write_array_len(buf, Some(self.topics.len()), true).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
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
        len += 8;
        len += p::array_len_len(Some(self.topics.len()), true) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        this.broker_epoch = p::read_i64(buf).ctx("broker_epoch")?;
        this.topics = p::read_array(buf, true, |buf| TopicData::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for AlterPartitionRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("AlterPartitionRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("AlterPartitionRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for AlterPartitionRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("AlterPartitionRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("AlterPartitionRequest", version))
    }
}

impl crate::Message for AlterPartitionRequest {
    const NAME: &'static str = "AlterPartitionRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 2, max: 3 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);
}

impl crate::Request for AlterPartitionRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::AlterPartition;
    type Response = super::AlterPartitionResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for AlterPartitionRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        map.insert("brokerEpoch".into(), serde_json::Value::from(self.broker_epoch));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for AlterPartitionRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.broker_epoch = rng.next_u64() as i64;
        this.topics = rng.vec(|rng| <TopicData as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `BrokerState`, versions 3+.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokerState {
    /// `BrokerId`: int32; versions 3+; entity type brokerId.
    pub broker_id: i32,
    /// `BrokerEpoch`: int64; versions 3+; default -1.
    pub broker_epoch: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BrokerState {
    fn default() -> Self {
        Self {
            broker_id: 0,
            broker_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl BrokerState {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if version >= 3 {
            p::write_i32(buf, self.broker_id);
        } else if self.broker_id != 0 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("broker_id"));
        }
        if version >= 3 {
            p::write_i64(buf, self.broker_epoch);
        } else if self.broker_epoch != -1 {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("broker_epoch"));
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
        if version >= 3 {
            len += 4;
        }
        if version >= 3 {
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
        if version >= 3 {
            this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        }
        if version >= 3 {
            this.broker_epoch = p::read_i64(buf).ctx("broker_epoch")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for BrokerState {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for BrokerState {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for BrokerState {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        if version >= 3 {
            map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        }
        if version >= 3 {
            map.insert("brokerEpoch".into(), serde_json::Value::from(self.broker_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for BrokerState {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        if version >= 3 {
            this.broker_id = rng.next_u64() as i32;
        }
        if version >= 3 {
            this.broker_epoch = rng.next_u64() as i64;
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
    /// `LeaderEpoch`: int32; versions 0+.
    pub leader_epoch: i32,
    /// `NewIsr`: []int32; versions 0-2; entity type brokerId.
    pub new_isr: Vec<i32>,
    /// `NewIsrWithEpochs`: []BrokerState; versions 3+.
    pub new_isr_with_epochs: Vec<BrokerState>,
    /// `LeaderRecoveryState`: int8; versions 1+; default 0.
    pub leader_recovery_state: i8,
    /// `PartitionEpoch`: int32; versions 0+.
    pub partition_epoch: i32,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for PartitionData {
    fn default() -> Self {
        Self {
            partition_index: 0,
            leader_epoch: 0,
            new_isr: Vec::new(),
            new_isr_with_epochs: Vec::new(),
            leader_recovery_state: 0,
            partition_epoch: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl PartitionData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i32(buf, self.leader_epoch);
        if version <= 2 {
            p::write_array_len(buf, Some(self.new_isr.len()), true).ctx("new_isr")?;
            for e in &self.new_isr {
                p::write_i32(buf, *e);
            }
        } else if !self.new_isr.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("new_isr"));
        }
        if version >= 3 {
            p::write_array_len(buf, Some(self.new_isr_with_epochs.len()), true).ctx("new_isr_with_epochs")?;
            for e in &self.new_isr_with_epochs {
                (*e).encode_fields(buf, version).ctx("new_isr_with_epochs")?;
            }
        } else if !self.new_isr_with_epochs.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("new_isr_with_epochs"));
        }
        p::write_i8(buf, self.leader_recovery_state);
        p::write_i32(buf, self.partition_epoch);
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
        len += 4;
        if version <= 2 {
            len += p::array_len_len(Some(self.new_isr.len()), true) + self.new_isr.len() * 4;
        }
        if version >= 3 {
            len += p::array_len_len(Some(self.new_isr_with_epochs.len()), true) + self.new_isr_with_epochs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        }
        len += 1;
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
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.leader_epoch = p::read_i32(buf).ctx("leader_epoch")?;
        if version <= 2 {
            this.new_isr = p::read_array(buf, true, |buf| p::read_i32(buf).map_err(crate::DecodeError::from)).ctx("new_isr")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("new_isr")?;
        }
        if version >= 3 {
            this.new_isr_with_epochs = p::read_array(buf, true, |buf| BrokerState::decode_fields(buf, version)).ctx("new_isr_with_epochs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("new_isr_with_epochs")?;
        }
        this.leader_recovery_state = p::read_i8(buf).ctx("leader_recovery_state")?;
        this.partition_epoch = p::read_i32(buf).ctx("partition_epoch")?;
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
        map.insert("leaderEpoch".into(), serde_json::Value::from(self.leader_epoch));
        if version <= 2 {
            map.insert("newIsr".into(), serde_json::Value::Array(self.new_isr.iter().map(|e| serde_json::Value::from(*e)).collect()));
        }
        if version >= 3 {
            map.insert("newIsrWithEpochs".into(), serde_json::Value::Array(self.new_isr_with_epochs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        }
        map.insert("leaderRecoveryState".into(), serde_json::Value::from(self.leader_recovery_state));
        map.insert("partitionEpoch".into(), serde_json::Value::from(self.partition_epoch));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for PartitionData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.leader_epoch = rng.next_u64() as i32;
        if version <= 2 {
            this.new_isr = rng.vec(|rng| rng.next_u64() as i32);
        }
        if version >= 3 {
            this.new_isr_with_epochs = rng.vec(|rng| <BrokerState as crate::random::Random>::random(rng, version));
        }
        this.leader_recovery_state = rng.next_u64() as i8;
        this.partition_epoch = rng.next_u64() as i32;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `TopicData`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    /// `TopicId`: uuid; versions 2+; ignorable.
    pub topic_id: crate::Uuid,
    /// `Partitions`: []PartitionData; versions 0+.
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for TopicData {
    fn default() -> Self {
        Self {
            topic_id: crate::Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl TopicData {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_uuid(buf, &self.topic_id);
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
        len += 16;
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
        this.topic_id = p::read_uuid(buf).ctx("topic_id")?;
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
        map.insert("topicId".into(), serde_json::Value::from(self.topic_id.to_base64()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for TopicData {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.topic_id = rng.uuid();
        this.partitions = rng.vec(|rng| <PartitionData as crate::random::Random>::random(rng, version));
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

