//! `BrokerRegistrationRequest` (request, API key 62; versions 0-4; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/BrokerRegistrationRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `BrokerRegistrationRequest`: request, API key 62; versions 0-4; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokerRegistrationRequest {
    /// `BrokerId`: int32; versions 0+; entity type brokerId.
    pub broker_id: i32,
    /// `ClusterId`: string; versions 0+.
    pub cluster_id: String,
    /// `IncarnationId`: uuid; versions 0+.
    pub incarnation_id: crate::Uuid,
    /// `Listeners`: []Listener; versions 0+.
    pub listeners: Vec<Listener>,
    /// `Features`: []Feature; versions 0+.
    pub features: Vec<Feature>,
    /// `Rack`: string; versions 0+; nullable 0+.
    pub rack: Option<String>,
    /// `IsMigratingZkBroker`: bool; versions 1+; default false.
    pub is_migrating_zk_broker: bool,
    /// `LogDirs`: []uuid; versions 2+; ignorable.
    pub log_dirs: Vec<crate::Uuid>,
    /// `PreviousBrokerEpoch`: int64; versions 3+; default -1; ignorable.
    pub previous_broker_epoch: i64,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BrokerRegistrationRequest {
    fn default() -> Self {
        Self {
            broker_id: 0,
            cluster_id: String::new(),
            incarnation_id: crate::Uuid::ZERO,
            listeners: Vec::new(),
            features: Vec::new(),
            rack: Some(String::new()),
            is_migrating_zk_broker: false,
            log_dirs: Vec::new(),
            previous_broker_epoch: -1,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl BrokerRegistrationRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.broker_id);
        p::write_string(buf, &self.cluster_id, true).ctx("cluster_id")?;
        p::write_uuid(buf, &self.incarnation_id);
        p::write_array_len(buf, Some(self.listeners.len()), true).ctx("listeners")?;
        for e in &self.listeners {
            (*e).encode_fields(buf, version).ctx("listeners")?;
        }
        p::write_array_len(buf, Some(self.features.len()), true).ctx("features")?;
        for e in &self.features {
            (*e).encode_fields(buf, version).ctx("features")?;
        }
        match &self.rack {
            Some(v) => {
                p::write_string(buf, v, true).ctx("rack")?;
            }
            None => {
                p::write_nullable_string(buf, None, true).ctx("rack")?;
            }
        }
        if version >= 1 {
            p::write_bool(buf, self.is_migrating_zk_broker);
        } else if self.is_migrating_zk_broker != false {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("is_migrating_zk_broker"));
        }
        if version >= 2 {
            p::write_array_len(buf, Some(self.log_dirs.len()), true).ctx("log_dirs")?;
            for e in &self.log_dirs {
                p::write_uuid(buf, e);
            }
        }
        if version >= 3 {
            p::write_i64(buf, self.previous_broker_epoch);
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
        len += p::string_len(&self.cluster_id, true);
        len += 16;
        len += p::array_len_len(Some(self.listeners.len()), true) + self.listeners.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += p::array_len_len(Some(self.features.len()), true) + self.features.iter().map(|e| (*e).fields_len(version)).sum::<usize>();
        len += match &self.rack { Some(v) => p::string_len(v, true), None => if true { 1 } else { 2 } };
        if version >= 1 {
            len += 1;
        }
        if version >= 2 {
            len += p::array_len_len(Some(self.log_dirs.len()), true) + self.log_dirs.len() * 16;
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
        this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        this.cluster_id = p::read_string(buf, true).ctx("cluster_id")?;
        this.incarnation_id = p::read_uuid(buf).ctx("incarnation_id")?;
        this.listeners = p::read_array(buf, true, |buf| Listener::decode_fields(buf, version)).ctx("listeners")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("listeners")?;
        this.features = p::read_array(buf, true, |buf| Feature::decode_fields(buf, version)).ctx("features")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("features")?;
        this.rack = p::read_nullable_string(buf, true).ctx("rack")?;
        if version >= 1 {
            this.is_migrating_zk_broker = p::read_bool(buf).ctx("is_migrating_zk_broker")?;
        }
        if version >= 2 {
            this.log_dirs = p::read_array(buf, true, |buf| p::read_uuid(buf).map_err(crate::DecodeError::from)).ctx("log_dirs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("log_dirs")?;
        }
        if version >= 3 {
            this.previous_broker_epoch = p::read_i64(buf).ctx("previous_broker_epoch")?;
        }
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for BrokerRegistrationRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("BrokerRegistrationRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("BrokerRegistrationRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for BrokerRegistrationRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("BrokerRegistrationRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("BrokerRegistrationRequest", version))
    }
}

impl crate::Message for BrokerRegistrationRequest {
    const NAME: &'static str = "BrokerRegistrationRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 4 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for BrokerRegistrationRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::BrokerRegistration;
    type Response = super::BrokerRegistrationResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for BrokerRegistrationRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        map.insert("clusterId".into(), serde_json::Value::from(self.cluster_id.as_str()));
        map.insert("incarnationId".into(), serde_json::Value::from(self.incarnation_id.to_base64()));
        map.insert("listeners".into(), serde_json::Value::Array(self.listeners.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("features".into(), serde_json::Value::Array(self.features.iter().map(|e| crate::json::ToJson::to_json(e, version)).collect()));
        map.insert("rack".into(), match &self.rack { Some(v) => serde_json::Value::from((*v).as_str()), None => serde_json::Value::Null });
        if version >= 1 {
            map.insert("isMigratingZkBroker".into(), serde_json::Value::from(self.is_migrating_zk_broker));
        }
        if version >= 2 {
            map.insert("logDirs".into(), serde_json::Value::Array(self.log_dirs.iter().map(|e| serde_json::Value::from((*e).to_base64())).collect()));
        }
        if version >= 3 {
            map.insert("previousBrokerEpoch".into(), serde_json::Value::from(self.previous_broker_epoch));
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for BrokerRegistrationRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.cluster_id = rng.string();
        this.incarnation_id = rng.uuid();
        this.listeners = rng.vec(|rng| <Listener as crate::random::Random>::random(rng, version));
        this.features = rng.vec(|rng| <Feature as crate::random::Random>::random(rng, version));
        this.rack = rng.option(|rng| rng.string());
        if version >= 1 {
            this.is_migrating_zk_broker = rng.bool();
        }
        if version >= 2 {
            this.log_dirs = rng.vec(|rng| rng.uuid());
        }
        if version >= 3 {
            this.previous_broker_epoch = rng.next_u64() as i64;
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Listener`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `Host`: string; versions 0+.
    pub host: String,
    /// `Port`: uint16; versions 0+.
    pub port: u16,
    /// `SecurityProtocol`: int16; versions 0+.
    pub security_protocol: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Listener {
    fn default() -> Self {
        Self {
            name: String::new(),
            host: String::new(),
            port: 0,
            security_protocol: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Listener {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_string(buf, &self.host, true).ctx("host")?;
        p::write_u16(buf, self.port);
        p::write_i16(buf, self.security_protocol);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.name, true);
        len += p::string_len(&self.host, true);
        len += 2;
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
        this.name = p::read_string(buf, true).ctx("name")?;
        this.host = p::read_string(buf, true).ctx("host")?;
        this.port = p::read_u16(buf).ctx("port")?;
        this.security_protocol = p::read_i16(buf).ctx("security_protocol")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Listener {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Listener {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Listener {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("host".into(), serde_json::Value::from(self.host.as_str()));
        map.insert("port".into(), serde_json::Value::from(self.port));
        map.insert("securityProtocol".into(), serde_json::Value::from(self.security_protocol));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Listener {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.host = rng.string();
        this.port = rng.next_u64() as u16;
        this.security_protocol = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

/// `Feature`, versions 0+.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// `Name`: string; versions 0+; map key.
    pub name: String,
    /// `MinSupportedVersion`: int16; versions 0+.
    pub min_supported_version: i16,
    /// `MaxSupportedVersion`: int16; versions 0+.
    pub max_supported_version: i16,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for Feature {
    fn default() -> Self {
        Self {
            name: String::new(),
            min_supported_version: 0,
            max_supported_version: 0,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl Feature {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, _version: i16) -> Result<(), crate::EncodeError> {
        p::write_string(buf, &self.name, true).ctx("name")?;
        p::write_i16(buf, self.min_supported_version);
        p::write_i16(buf, self.max_supported_version);
        {
            let count = self.unknown_tagged_fields.len();
            p::write_unsigned_varint(buf, count as u32);
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut 0, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, _version: i16) -> usize {
        let mut len = 0;
        len += p::string_len(&self.name, true);
        len += 2;
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
        this.name = p::read_string(buf, true).ctx("name")?;
        this.min_supported_version = p::read_i16(buf).ctx("min_supported_version")?;
        this.max_supported_version = p::read_i16(buf).ctx("max_supported_version")?;
        {
            this.unknown_tagged_fields = p::read_tagged_fields(buf, |_, _| Ok(false))?;
        }
        Ok(this)
    }
}

impl crate::Encode for Feature {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        self.encode_fields(buf, version)
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for Feature {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Self::decode_fields(buf, version)
    }
}

#[cfg(feature = "json")]
impl crate::json::ToJson for Feature {
    fn to_json(&self, _version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("name".into(), serde_json::Value::from(self.name.as_str()));
        map.insert("minSupportedVersion".into(), serde_json::Value::from(self.min_supported_version));
        map.insert("maxSupportedVersion".into(), serde_json::Value::from(self.max_supported_version));
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for Feature {
    fn random(rng: &mut crate::random::Rng, _version: i16) -> Self {
        let mut this = Self::default();
        this.name = rng.string();
        this.min_supported_version = rng.next_u64() as i16;
        this.max_supported_version = rng.next_u64() as i16;
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

