//! `BrokerHeartbeatRequest` (request, API key 63; versions 0-2; flexible 0+; listeners: controller).
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs.
//! Source: `common/message/BrokerHeartbeatRequest.json`. Do not edit: run `cargo xtask codegen`.

use crate::primitives::{self as p, Ctx as _};

/// `BrokerHeartbeatRequest`: request, API key 63; versions 0-2; flexible 0+; listeners: controller.
#[derive(Debug, Clone, PartialEq)]
pub struct BrokerHeartbeatRequest {
    /// `BrokerId`: int32; versions 0+; entity type brokerId.
    pub broker_id: i32,
    /// `BrokerEpoch`: int64; versions 0+; default -1.
    pub broker_epoch: i64,
    /// `CurrentMetadataOffset`: int64; versions 0+.
    pub current_metadata_offset: i64,
    /// `WantFence`: bool; versions 0+.
    pub want_fence: bool,
    /// `WantShutDown`: bool; versions 0+.
    pub want_shut_down: bool,
    /// `OfflineLogDirs`: []uuid; versions 1+; tag 0 in versions 1+.
    pub offline_log_dirs: Vec<crate::Uuid>,
    /// `CordonedLogDirs`: []uuid; versions 2+; nullable 2+; tag 1 in versions 2+; default null.
    pub cordoned_log_dirs: Option<Vec<crate::Uuid>>,
    /// Tagged fields this schema does not define, kept so the message re-encodes identically.
    pub unknown_tagged_fields: Vec<p::RawTaggedField>,
}

impl Default for BrokerHeartbeatRequest {
    fn default() -> Self {
        Self {
            broker_id: 0,
            broker_epoch: -1,
            current_metadata_offset: 0,
            want_fence: false,
            want_shut_down: false,
            offline_log_dirs: Vec::new(),
            cordoned_log_dirs: None,
            unknown_tagged_fields: Vec::new(),
        }
    }
}

impl BrokerHeartbeatRequest {
    fn encode_fields(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        p::write_i32(buf, self.broker_id);
        p::write_i64(buf, self.broker_epoch);
        p::write_i64(buf, self.current_metadata_offset);
        p::write_bool(buf, self.want_fence);
        p::write_bool(buf, self.want_shut_down);
        if !(version >= 1) && !self.offline_log_dirs.is_empty() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("offline_log_dirs"));
        }
        if !(version >= 2) && self.cordoned_log_dirs.is_some() {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::FieldNotInVersion).at("cordoned_log_dirs"));
        }
        {
            let mut count = self.unknown_tagged_fields.len();
            let tagged_offline_log_dirs = (version >= 1) && !self.offline_log_dirs.is_empty();
            count += tagged_offline_log_dirs as usize;
            let tagged_cordoned_log_dirs = (version >= 2) && self.cordoned_log_dirs.is_some();
            count += tagged_cordoned_log_dirs as usize;
            p::write_unsigned_varint(buf, count as u32);
            let mut raw = 0;
            if tagged_offline_log_dirs {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 0);
                p::write_unsigned_varint(buf, 0);
                p::write_unsigned_varint(buf, (p::array_len_len(Some(self.offline_log_dirs.len()), true) + self.offline_log_dirs.len() * 16) as u32);
                p::write_array_len(buf, Some(self.offline_log_dirs.len()), true).ctx("offline_log_dirs")?;
                for e in &self.offline_log_dirs {
                    p::write_uuid(buf, e);
                }
            }
            if tagged_cordoned_log_dirs {
                p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, 1);
                p::write_unsigned_varint(buf, 1);
                p::write_unsigned_varint(buf, (match &self.cordoned_log_dirs { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).len() * 16, None => if true { 1 } else { 4 } }) as u32);
                match &self.cordoned_log_dirs {
                    Some(v) => {
                        p::write_array_len(buf, Some((*v).len()), true).ctx("cordoned_log_dirs")?;
                        for e in v {
                            p::write_uuid(buf, e);
                        }
                    }
                    None if version >= 2 => {
                        p::write_array_len(buf, None, true).ctx("cordoned_log_dirs")?;
                    }
                    None => return Err(crate::EncodeError::from(crate::EncodeErrorKind::NullNotAllowed).at("cordoned_log_dirs")),
                }
            }
            p::write_raw_tagged_until(buf, &self.unknown_tagged_fields, &mut raw, u64::MAX);
        }
        Ok(())
    }

    fn fields_len(&self, version: i16) -> usize {
        let mut len = 0;
        len += 4;
        len += 8;
        len += 8;
        len += 1;
        len += 1;
        {
            let mut count = self.unknown_tagged_fields.len();
            len += p::raw_tagged_fields_len(&self.unknown_tagged_fields);
            if (version >= 1) && !self.offline_log_dirs.is_empty() {
                count += 1;
                len += p::tagged_field_len(0, p::array_len_len(Some(self.offline_log_dirs.len()), true) + self.offline_log_dirs.len() * 16);
            }
            if (version >= 2) && self.cordoned_log_dirs.is_some() {
                count += 1;
                len += p::tagged_field_len(1, match &self.cordoned_log_dirs { Some(v) => p::array_len_len(Some((*v).len()), true) + (*v).len() * 16, None => if true { 1 } else { 4 } });
            }
            len += p::unsigned_varint_len(count as u32);
        }
        len
    }

    fn decode_fields(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        let mut this = Self::default();
        this.broker_id = p::read_i32(buf).ctx("broker_id")?;
        this.broker_epoch = p::read_i64(buf).ctx("broker_epoch")?;
        this.current_metadata_offset = p::read_i64(buf).ctx("current_metadata_offset")?;
        this.want_fence = p::read_bool(buf).ctx("want_fence")?;
        this.want_shut_down = p::read_bool(buf).ctx("want_shut_down")?;
        {
            let unknown = p::read_tagged_fields(buf, |tag, buf| {
                match tag {
                    0 if version >= 1 => {
                        this.offline_log_dirs = p::read_array(buf, true, |buf| p::read_uuid(buf).map_err(crate::DecodeError::from)).ctx("offline_log_dirs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("offline_log_dirs")?;
                        Ok(true)
                    }
                    1 if version >= 2 => {
                        this.cordoned_log_dirs = if version >= 2 { p::read_array(buf, true, |buf| p::read_uuid(buf).map_err(crate::DecodeError::from)).ctx("cordoned_log_dirs")? } else { Some(p::read_array(buf, true, |buf| p::read_uuid(buf).map_err(crate::DecodeError::from)).ctx("cordoned_log_dirs")?.ok_or(crate::DecodeErrorKind::UnexpectedNull).ctx("cordoned_log_dirs")?) };
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

impl crate::Encode for BrokerHeartbeatRequest {
    fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::EncodeError::from(crate::EncodeErrorKind::UnsupportedVersion(version)).in_message("BrokerHeartbeatRequest", version));
        }
        self.encode_fields(buf, version).map_err(|e| e.in_message("BrokerHeartbeatRequest", version))
    }

    fn encoded_len(&self, version: i16) -> usize {
        self.fields_len(version)
    }
}

impl crate::Decode for BrokerHeartbeatRequest {
    fn decode(buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        if !<Self as crate::Message>::VERSIONS.contains(version) {
            return Err(crate::DecodeError::from(crate::DecodeErrorKind::UnsupportedVersion(version)).in_message("BrokerHeartbeatRequest", version));
        }
        Self::decode_fields(buf, version).map_err(|e| e.in_message("BrokerHeartbeatRequest", version))
    }
}

impl crate::Message for BrokerHeartbeatRequest {
    const NAME: &'static str = "BrokerHeartbeatRequest";
    const VERSIONS: crate::VersionRange = crate::VersionRange { min: 0, max: 2 };
    const FLEXIBLE_SINCE: Option<i16> = Some(0);
}

impl crate::Request for BrokerHeartbeatRequest {
    const API_KEY: crate::messages::ApiKey = crate::messages::ApiKey::BrokerHeartbeat;
    type Response = super::BrokerHeartbeatResponse;
}

#[cfg(feature = "json")]
impl crate::json::ToJson for BrokerHeartbeatRequest {
    fn to_json(&self, version: i16) -> serde_json::Value {
        let mut map = serde_json::Map::new();
        map.insert("brokerId".into(), serde_json::Value::from(self.broker_id));
        map.insert("brokerEpoch".into(), serde_json::Value::from(self.broker_epoch));
        map.insert("currentMetadataOffset".into(), serde_json::Value::from(self.current_metadata_offset));
        map.insert("wantFence".into(), serde_json::Value::from(self.want_fence));
        map.insert("wantShutDown".into(), serde_json::Value::from(self.want_shut_down));
        if version >= 1 && !self.offline_log_dirs.is_empty() {
            map.insert("offlineLogDirs".into(), serde_json::Value::Array(self.offline_log_dirs.iter().map(|e| serde_json::Value::from((*e).to_base64())).collect()));
        }
        if version >= 2 && self.cordoned_log_dirs.is_some() {
            map.insert("cordonedLogDirs".into(), match &self.cordoned_log_dirs { Some(v) => serde_json::Value::Array((*v).iter().map(|e| serde_json::Value::from((*e).to_base64())).collect()), None => serde_json::Value::Null });
        }
        serde_json::Value::Object(map)
    }
}

#[cfg(feature = "random")]
impl crate::random::Random for BrokerHeartbeatRequest {
    fn random(rng: &mut crate::random::Rng, version: i16) -> Self {
        let mut this = Self::default();
        this.broker_id = rng.next_u64() as i32;
        this.broker_epoch = rng.next_u64() as i64;
        this.current_metadata_offset = rng.next_u64() as i64;
        this.want_fence = rng.bool();
        this.want_shut_down = rng.bool();
        if version >= 1 {
            this.offline_log_dirs = rng.vec(|rng| rng.uuid());
        }
        if version >= 2 {
            this.cordoned_log_dirs = if version >= 2 { rng.option(|rng| rng.vec(|rng| rng.uuid())) } else { Some(rng.vec(|rng| rng.uuid())) };
        }
        this.unknown_tagged_fields = rng.raw_tagged_fields();
        this
    }
}

