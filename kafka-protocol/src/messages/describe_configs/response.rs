//! `DescribeConfigsResponse` (response, API key 32; versions 1-4; flexible 4+).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/DescribeConfigsResponse.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `DescribeConfigsResponse`: response, API key 32; versions 1-4; flexible 4+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResponse {
    /// `ThrottleTimeMs`: int32; versions 0+.
    pub throttle_time_ms: i32,
    /// `Results`: []DescribeConfigsResult; versions 0+.
    pub results: Vec<DescribeConfigsResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResponse {
    fn default() -> Self {
        Self {
            throttle_time_ms: 0,
            results: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsResponse {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.throttle_time_ms);
        p::write_array_len(buf, Some(self.results.len()), version >= 4).ctx("results")?;
        for e in &self.results {
            (*e).encode_fields(buf, version).ctx("results")?;
        }
        if version >= 4 {
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
        len += p::array_len_len(Some(self.results.len()), version >= 4) + self.results.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.throttle_time_ms = p::read_i32(buf).ctx("throttle_time_ms")?;
        this.results = p::read_array(buf, version >= 4, |buf| DescribeConfigsResult::decode_fields(buf, version)).ctx("results")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("results")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsResponse {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("DescribeConfigsResponse", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("DescribeConfigsResponse", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsResponse {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("DescribeConfigsResponse", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("DescribeConfigsResponse", version))
    }
}

impl crate::Message for DescribeConfigsResponse {
    const NAME: &'static str = "DescribeConfigsResponse";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 1, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(4);
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsResponse {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("throttleTimeMs".into(), serde_json::Value::from(self.throttle_time_ms));
        map.insert("results".into(), serde_json::Value::Array(self.results.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsResponse {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.throttle_time_ms = rng.next_u64() as i32;
        this.results = rng.vec(|rng| <DescribeConfigsResult as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeConfigsSynonym`, versions 1+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsSynonym {
    /// `Name`: string; versions 1+.
    pub name: String,
    /// `Value`: string; versions 1+; nullable 0+.
    pub value: Option<String>,
    /// `Source`: int8; versions 1+.
    pub source: i8,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsSynonym {
    fn default() -> Self {
        Self {
            name: String::new(),
            value: Some(String::new()),
            source: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsSynonym {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 4).ctx("name")?;
        match &self.value {
            Some(v) => {
                p::write_string(buf, v, version >= 4).ctx("value")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 4).ctx("value")?;
            }
        }
        p::write_i8(buf, self.source);
        if version >= 4 {
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
        len += p::string_len(&self.name, version >= 4);
        len += match &self.value { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        len += 1;
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 4).ctx("name")?;
        this.value = p::read_nullable_string(buf, version >= 4).ctx("value")?;
        this.source = p::read_i8(buf).ctx("source")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsSynonym {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsSynonym {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsSynonym {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("value".into(), match &self.value { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("source".into(), serde_json::Value::from(self.source));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsSynonym {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.option(|rng| rng.string());
        this.source = rng.next_u64() as i8;
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeConfigsResourceResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResourceResult {
    /// `Name`: string; versions 0+.
    pub name: String,
    /// `Value`: string; versions 0+; nullable 0+.
    pub value: Option<String>,
    /// `ReadOnly`: bool; versions 0+.
    pub read_only: bool,
    /// `ConfigSource`: int8; versions 1+; default -1; ignorable.
    pub config_source: i8,
    /// `IsSensitive`: bool; versions 0+.
    pub is_sensitive: bool,
    /// `Synonyms`: []DescribeConfigsSynonym; versions 1+; ignorable.
    pub synonyms: Vec<DescribeConfigsSynonym>,
    /// `ConfigType`: int8; versions 3+; default 0; ignorable.
    pub config_type: i8,
    /// `Documentation`: string; versions 3+; nullable 0+; ignorable.
    pub documentation: Option<String>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResourceResult {
    fn default() -> Self {
        Self {
            name: String::new(),
            value: Some(String::new()),
            read_only: false,
            config_source: -1,
            is_sensitive: false,
            synonyms: Vec::new(),
            config_type: 0,
            documentation: Some(String::new()),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsResourceResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, version >= 4).ctx("name")?;
        match &self.value {
            Some(v) => {
                p::write_string(buf, v, version >= 4).ctx("value")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 4).ctx("value")?;
            }
        }
        p::write_bool(buf, self.read_only);
        p::write_i8(buf, self.config_source);
        p::write_bool(buf, self.is_sensitive);
        p::write_array_len(buf, Some(self.synonyms.len()), version >= 4).ctx("synonyms")?;
        for e in &self.synonyms {
            (*e).encode_fields(buf, version).ctx("synonyms")?;
        }
        if version >= 3 {
            p::write_i8(buf, self.config_type);
        }
        if version >= 3 {
            match &self.documentation {
                Some(v) => {
                    p::write_string(buf, v, version >= 4).ctx("documentation")?;
                }
                None if version >= 3 => {
                    p::write_nullable_string(buf, None, version >= 4).ctx("documentation")?;
                }
                None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("documentation")),
            }
        }
        if version >= 4 {
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
        len += p::string_len(&self.name, version >= 4);
        len += match &self.value { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        len += 1;
        len += 1;
        len += 1;
        len += p::array_len_len(Some(self.synonyms.len()), version >= 4) + self.synonyms.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 3 {
            len += 1;
        }
        if version >= 3 {
            len += match &self.documentation { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        }
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.name = p::read_string(buf, version >= 4).ctx("name")?;
        this.value = p::read_nullable_string(buf, version >= 4).ctx("value")?;
        this.read_only = p::read_bool(buf).ctx("read_only")?;
        this.config_source = p::read_i8(buf).ctx("config_source")?;
        this.is_sensitive = p::read_bool(buf).ctx("is_sensitive")?;
        this.synonyms = p::read_array(buf, version >= 4, |buf| DescribeConfigsSynonym::decode_fields(buf, version)).ctx("synonyms")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("synonyms")?;
        if version >= 3 {
            this.config_type = p::read_i8(buf).ctx("config_type")?;
        }
        if version >= 3 {
            this.documentation = if version >= 3 { p::read_nullable_string(buf, version >= 4).ctx("documentation")? } else { Some(p::read_string(buf, version >= 4).ctx("documentation")?) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsResourceResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsResourceResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsResourceResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("value".into(), match &self.value { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("readOnly".into(), serde_json::Value::from(self.read_only));
        map.insert("configSource".into(), serde_json::Value::from(self.config_source));
        map.insert("isSensitive".into(), serde_json::Value::from(self.is_sensitive));
        map.insert("synonyms".into(), serde_json::Value::Array(self.synonyms.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        if version >= 3 {
            map.insert("configType".into(), serde_json::Value::from(self.config_type));
        }
        if version >= 3 {
            map.insert("documentation".into(), match &self.documentation { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsResourceResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.value = rng.option(|rng| rng.string());
        this.read_only = rng.bool();
        this.config_source = rng.next_u64() as i8;
        this.is_sensitive = rng.bool();
        this.synonyms = rng.vec(|rng| <DescribeConfigsSynonym as crate::random::Random>::random(rng, version));
        if version >= 3 {
            this.config_type = rng.next_u64() as i8;
        }
        if version >= 3 {
            this.documentation = if version >= 3 { rng.option(|rng| rng.string()) } else { Some(rng.string()) };
        }
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

/// `DescribeConfigsResult`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct DescribeConfigsResult {
    /// `ErrorCode`: int16; versions 0+.
    pub error_code: i16,
    /// `ErrorMessage`: string; versions 0+; nullable 0+.
    pub error_message: Option<String>,
    /// `ResourceType`: int8; versions 0+.
    pub resource_type: i8,
    /// `ResourceName`: string; versions 0+.
    pub resource_name: String,
    /// `Configs`: []DescribeConfigsResourceResult; versions 0+.
    pub configs: Vec<DescribeConfigsResourceResult>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for DescribeConfigsResult {
    fn default() -> Self {
        Self {
            error_code: 0,
            error_message: Some(String::new()),
            resource_type: 0,
            resource_name: String::new(),
            configs: Vec::new(),
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl DescribeConfigsResult {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i16(buf, self.error_code);
        match &self.error_message {
            Some(v) => {
                p::write_string(buf, v, version >= 4).ctx("error_message")?;
            }
            None => {
                p::write_nullable_string(buf, None, version >= 4).ctx("error_message")?;
            }
        }
        p::write_i8(buf, self.resource_type);
        p::write_string(buf, &self.resource_name, version >= 4).ctx("resource_name")?;
        p::write_array_len(buf, Some(self.configs.len()), version >= 4).ctx("configs")?;
        for e in &self.configs {
            (*e).encode_fields(buf, version).ctx("configs")?;
        }
        if version >= 4 {
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
        len += match &self.error_message { Some(v) => p::string_len(v, version >= 4), None => if version >= 4 { 1 } else { 2 } };
        len += 1;
        len += p::string_len(&self.resource_name, version >= 4);
        len += p::array_len_len(Some(self.configs.len()), version >= 4) + self.configs.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        if version >= 4 {
            let count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.error_code = p::read_i16(buf).ctx("error_code")?;
        this.error_message = p::read_nullable_string(buf, version >= 4).ctx("error_message")?;
        this.resource_type = p::read_i8(buf).ctx("resource_type")?;
        this.resource_name = p::read_string(buf, version >= 4).ctx("resource_name")?;
        this.configs = p::read_array(buf, version >= 4, |buf| DescribeConfigsResourceResult::decode_fields(buf, version)).ctx("configs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("configs")?;
        if version >= 4 {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for DescribeConfigsResult {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for DescribeConfigsResult {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for DescribeConfigsResult {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("errorCode".into(), serde_json::Value::from(self.error_code));
        map.insert("errorMessage".into(), match &self.error_message { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        map.insert("resourceType".into(), serde_json::Value::from(self.resource_type));
        map.insert("resourceName".into(), serde_json::Value::from(self.resource_name.as_str()));
        map.insert("configs".into(), serde_json::Value::Array(self.configs.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for DescribeConfigsResult {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.error_code = rng.next_u64() as i16;
        this.error_message = rng.option(|rng| rng.string());
        this.resource_type = rng.next_u64() as i8;
        this.resource_name = rng.string();
        this.configs = rng.vec(|rng| <DescribeConfigsResourceResult as crate::random::Random>::random(rng, version));
        if version >= 4 {
            this.unknown_tagged_fields = rng.raw_tagged_fields();
        }
        this
    }
}

