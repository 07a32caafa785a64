//! `DescribeLogDirsResponse` (response, API key 35; versions 1-5; flexible 2+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeLogDirsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeLogDirsResponse`: response, API key 35; versions 1-5; flexible 2+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `ErrorCode`: int16; versions 3+; ignorable.
    pub error_code: i16,
    /// `Results`: []DescribeLogDirsResult; versions 0+.
    pub results: Vec<DescribeLogDirsResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            error_code: 0,
            results: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeLogDirsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        if version >= 3 {
            p::write_i16(buf, self.error_code);
        }
        p::write_array_len(buf, Some(self.results.len()), version >= 2).ctx("results")?;
        for e in &self.results {
            (*e).encode_fields(buf, version).ctx("results")?;
        }
        if version >= 2 {
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
        len += 4;
        if version >= 3 {
            len += 2;
        }
        len += p::array_len_len(Some(self.results.len()), version >= 2) + self.results.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        if version >= 3 {
            this.error_code = p::read_i16(buf).ctx("error_code")?;
        }
        this.results = p::read_array(buf, version >= 2, |buf| DescribeLogDirsResult::decode_fields(buf, version)).ctx("results")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeLogDirsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeLogDirsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeLogDirsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeLogDirsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeLogDirsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeLogDirsResponse", version))
    }
}

impl crate::Message for DescribeLogDirsResponse {
    const NAME: &'static str = "DescribeLogDirsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 5 };
    const FLEXIBLE_SINCE: Option<i16> = Some(2);

    fn top_level_error(&self) -> Option<crate::ErrorCode> {
        Some(crate::ErrorCode(self.error_code))
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeLogDirsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        if version >= 3 {
            map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        }
        map.insert("results".into(), serde_json::Value::Array(self.results.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeLogDirsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        if version >= 3 {
            this.error_code = rng.next_u64() as i16;
        }
        this.results = rng.vec(|rng| <DescribeLogDirsResult as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeLogDirsPartition`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsPartition {
    /// `PartitionIndex`: int32; versions 0+.
    pub partition_index: i32,
    /// `PartitionSize`: int64; versions 0+.
    pub partition_size: i64,
    /// `OffsetLag`: int64; versions 0+.
    pub offset_lag: i64,
    /// `IsFutureKey`: bool; versions 0+.
    pub is_future_key: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsPartition {
    fn default() -> Self {
        Self {
            partition_index: 0,
            partition_size: 0,
            offset_lag: 0,
            is_future_key: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeLogDirsPartition {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.partition_index);
        p::write_i64(buf, self.partition_size);
        p::write_i64(buf, self.offset_lag);
        p::write_bool(buf, self.is_future_key);
        if version >= 2 {
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
        len += 4;
        len += 8;
        len += 8;
        len += 1;
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.partition_index = p::read_i32(buf).ctx("partition_index")?;
        this.partition_size = p::read_i64(buf).ctx("partition_size")?;
        this.offset_lag = p::read_i64(buf).ctx("offset_lag")?;
        this.is_future_key = p::read_bool(buf).ctx("is_future_key")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeLogDirsPartition {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeLogDirsPartition {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeLogDirsPartition {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("partitionIndex".into(), serde_json::Value::from(self.partition_index));
        map.insert("partitionSize".into(), serde_json::Value::from(self.partition_size));
        map.insert("offsetLag".into(), serde_json::Value::from(self.offset_lag));
        map.insert("isFutureKey".into(), serde_json::Value::from(self.is_future_key));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeLogDirsPartition {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.partition_index = rng.next_u64() as i32;
        this.partition_size = rng.next_u64() as i64;
        this.offset_lag = rng.next_u64() as i64;
        this.is_future_key = rng.bool();
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeLogDirsTopic`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsTopic {
    /// `Name`: string; versions 0+; entity type topicName.
    pub name: String,
    /// `Partitions`: []DescribeLogDirsPartition; versions 0+.
    pub partitions: Vec<DescribeLogDirsPartition>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsTopic {
    fn default() -> Self {
        Self {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeLogDirsTopic {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 2).ctx("name")?;
        p::write_array_len(buf, Some(self.partitions.len()), version >= 2).ctx("partitions")?;
        for e in &self.partitions {
            (*e).encode_fields(buf, version).ctx("partitions")?;
        }
        if version >= 2 {
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
        len += p::string_len(&self.name, version >= 2);
        len += p::array_len_len(Some(self.partitions.len()), version >= 2) + self.partitions.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 2).ctx("name")?;
        this.partitions = p::read_array(buf, version >= 2, |buf| DescribeLogDirsPartition::decode_fields(buf, version)).ctx("partitions")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("partitions")?;
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeLogDirsTopic {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeLogDirsTopic {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeLogDirsTopic {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("partitions".into(), serde_json::Value::Array(self.partitions.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeLogDirsTopic {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.partitions = rng.vec(|rng| <DescribeLogDirsPartition as crate::random::Random>::random(rng, version));
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeLogDirsResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeLogDirsResult {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `LogDir`: string; versions 0+.
    pub log_dir: String,
    /// `Topics`: []DescribeLogDirsTopic; versions 0+.
    pub topics: Vec<DescribeLogDirsTopic>,
    /// `TotalBytes`: int64; versions 4+; default -1; ignorable.
    pub total_bytes: i64,
    /// `UsableBytes`: int64; versions 4+; default -1; ignorable.
    pub usable_bytes: i64,
    /// `IsCordoned`: bool; versions 5+; default false; ignorable.
    pub is_cordoned: bool,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeLogDirsResult {
    fn default() -> Self {
        Self {
            error_code: 0,
            log_dir: String::new(),
            topics: Vec::new(),
            total_bytes: -1,
            usable_bytes: -1,
            is_cordoned: false,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeLogDirsResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        p::write_string(buf, &self.log_dir, version >= 2).ctx("log_dir")?;
        p::write_array_len(buf, Some(self.topics.len()), version >= 2).ctx("topics")?;
        for e in &self.topics {
            (*e).encode_fields(buf, version).ctx("topics")?;
        }
        if version >= 4 {
            p::write_i64(buf, self.total_bytes);
        }
        if version >= 4 {
            p::write_i64(buf, self.usable_bytes);
        }
        if version >= 5 {
            p::write_bool(buf, self.is_cordoned);
        }
        if version >= 2 {
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
        len += 2;
        len += p::string_len(&self.log_dir, version >= 2);
        len += p::array_len_len(Some(self.topics.len()), version >= 2) + self.topics.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            len += 8;
        }
        if version >= 4 {
            len += 8;
        }
        if version >= 5 {
            len += 1;
        }
        if version >= 2 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.log_dir = p::read_string(buf, version >= 2).ctx("log_dir")?;
        this.topics = p::read_array(buf, version >= 2, |buf| DescribeLogDirsTopic::decode_fields(buf, version)).ctx("topics")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("topics")?;
        if version >= 4 {
            this.total_bytes = p::read_i64(buf).ctx("total_bytes")?;
        }
        if version >= 4 {
            this.usable_bytes = p::read_i64(buf).ctx("usable_bytes")?;
        }
        if version >= 5 {
            this.is_cordoned = p::read_bool(buf).ctx("is_cordoned")?;
        }
        if version >= 2 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeLogDirsResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeLogDirsResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeLogDirsResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("logDir".into(), serde_json::Value::from(self.log_dir.as_str()));
        map.insert("topics".into(), serde_json::Value::Array(self.topics.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 4 {
            map.insert("totalBytes".into(), serde_json::Value::from(self.total_bytes));
        }
        if version >= 4 {
            map.insert("usableBytes".into(), serde_json::Value::from(self.usable_bytes));
        }
        if version >= 5 {
            map.insert("isCordoned".into(), serde_json::Value::from(self.is_cordoned));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeLogDirsResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.log_dir = rng.string();
        this.topics = rng.vec(|rng| <DescribeLogDirsTopic as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.total_bytes = rng.next_u64() as i64;
        }
        if version >= 4 {
            this.usable_bytes = rng.next_u64() as i64;
        }
        if version >= 5 {
            this.is_cordoned = rng.bool();
        }
        if version >= 2 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

