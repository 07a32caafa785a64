//! The part of the OpenTelemetry protocol (OTLP) a KIP-714 push carries: a `MetricsData`
//! of gauges and sums with number data points, declared by hand for `prost`.
//!
//! The messages and field numbers mirror, field for field where present,
//! `opentelemetry/proto/metrics/v1/metrics.proto` (`MetricsData`, `ResourceMetrics`,
//! `ScopeMetrics`, `Metric`, `Gauge`, `Sum`, `NumberDataPoint`, `AggregationTemporality`),
//! `opentelemetry/proto/common/v1/common.proto` (`KeyValue`, `AnyValue`,
//! `InstrumentationScope`) and `opentelemetry/proto/resource/v1/resource.proto` (`Resource`).
//! Fields this client never writes (histograms, exemplars, array and map values) are left out;
//! a decoder skips them as protobuf unknown fields, so these types also read payloads of other
//! clients.
//!
//! ```
//! use kfk_client::telemetry::otlp::{MetricsData, ResourceMetrics};
//!
//! let mut data = MetricsData::default();
//! data.resource_metrics.push(ResourceMetrics::default());
//! let bytes = data.to_bytes();
//! assert_eq!(MetricsData::from_bytes(&bytes).unwrap(), data);
//! ```

/// `opentelemetry.proto.metrics.v1.MetricsData`: what one push carries.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct MetricsData {
    /// The metrics, grouped by the resource (client) they describe.
    #[prost(message, repeated, tag = "1")]
    pub resource_metrics: Vec<ResourceMetrics>,
}

impl MetricsData {
    /// The protobuf encoding.
    pub fn to_bytes(&self) -> Vec<u8> {
        prost::Message::encode_to_vec(self)
    }

    /// Decodes a protobuf `MetricsData` (a push's payload, once decompressed).
    pub fn from_bytes(bytes: &[u8]) -> Result<MetricsData, OtlpDecodeError> {
        prost::Message::decode(bytes).map_err(|source| OtlpDecodeError { len: bytes.len(), source })
    }

    /// Every metric of every resource and scope.
    pub fn metrics(&self) -> impl Iterator<Item = &Metric> {
        self.resource_metrics.iter().flat_map(|r| r.scope_metrics.iter()).flat_map(|s| s.metrics.iter())
    }
}

/// Bytes that are not a protobuf `MetricsData`: truncated, or not OTLP at all. The decoder's
/// own error is the [`source`](std::error::Error::source) (the protobuf crate is not part of
/// this API).
#[derive(Debug, thiserror::Error)]
#[error("{len} bytes are not an OTLP MetricsData: {source}")]
pub struct OtlpDecodeError {
    len: usize,
    source: prost::DecodeError,
}

/// `opentelemetry.proto.metrics.v1.ResourceMetrics`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct ResourceMetrics {
    /// The client the metrics describe (KIP-714's client resource labels).
    #[prost(message, optional, tag = "1")]
    pub resource: Option<Resource>,
    /// The metrics, by instrumentation scope.
    #[prost(message, repeated, tag = "2")]
    pub scope_metrics: Vec<ScopeMetrics>,
    /// The schema URL (unused here).
    #[prost(string, tag = "3")]
    pub schema_url: String,
}

/// `opentelemetry.proto.resource.v1.Resource`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct Resource {
    /// The resource's labels.
    #[prost(message, repeated, tag = "1")]
    pub attributes: Vec<KeyValue>,
    /// How many labels were dropped.
    #[prost(uint32, tag = "2")]
    pub dropped_attributes_count: u32,
}

/// `opentelemetry.proto.metrics.v1.ScopeMetrics`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct ScopeMetrics {
    /// The instrumentation scope (not set by this client, as the Java client's).
    #[prost(message, optional, tag = "1")]
    pub scope: Option<InstrumentationScope>,
    /// The metrics.
    #[prost(message, repeated, tag = "2")]
    pub metrics: Vec<Metric>,
    /// The schema URL (unused here).
    #[prost(string, tag = "3")]
    pub schema_url: String,
}

/// `opentelemetry.proto.common.v1.InstrumentationScope`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct InstrumentationScope {
    /// The scope's name.
    #[prost(string, tag = "1")]
    pub name: String,
    /// The scope's version.
    #[prost(string, tag = "2")]
    pub version: String,
    /// The scope's labels.
    #[prost(message, repeated, tag = "3")]
    pub attributes: Vec<KeyValue>,
    /// How many labels were dropped.
    #[prost(uint32, tag = "4")]
    pub dropped_attributes_count: u32,
}

/// `opentelemetry.proto.metrics.v1.Metric`: one named metric and its data points.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct Metric {
    /// KIP-714's name: `org.apache.kafka.producer.record.send.total`.
    #[prost(string, tag = "1")]
    pub name: String,
    /// What it measures.
    #[prost(string, tag = "2")]
    pub description: String,
    /// Its unit (not set by this client, as the Java client's).
    #[prost(string, tag = "3")]
    pub unit: String,
    /// A gauge or a sum.
    #[prost(oneof = "metric::Data", tags = "5, 7")]
    pub data: Option<metric::Data>,
}

impl Metric {
    /// The data points, whatever the kind.
    pub fn data_points(&self) -> &[NumberDataPoint] {
        match &self.data {
            Some(metric::Data::Gauge(g)) => &g.data_points,
            Some(metric::Data::Sum(s)) => &s.data_points,
            None => &[],
        }
    }
}

/// The kinds of metric data this client writes.
pub mod metric {
    /// `Metric.data`.
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Data {
        /// A value read at one time (`*-rate`, `*-avg`, `*-max`, gauges).
        #[prost(message, tag = "5")]
        Gauge(super::Gauge),
        /// A monotonic sum (`*-total`).
        #[prost(message, tag = "7")]
        Sum(super::Sum),
    }
}

/// `opentelemetry.proto.metrics.v1.Gauge`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct Gauge {
    /// The data points.
    #[prost(message, repeated, tag = "1")]
    pub data_points: Vec<NumberDataPoint>,
}

/// `opentelemetry.proto.metrics.v1.Sum`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct Sum {
    /// The data points.
    #[prost(message, repeated, tag = "1")]
    pub data_points: Vec<NumberDataPoint>,
    /// [`AggregationTemporality`] as its number.
    #[prost(enumeration = "AggregationTemporality", tag = "2")]
    pub aggregation_temporality: i32,
    /// Whether the sum only grows.
    #[prost(bool, tag = "3")]
    pub is_monotonic: bool,
}

/// `opentelemetry.proto.metrics.v1.AggregationTemporality`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum AggregationTemporality {
    /// Not to be used.
    Unspecified = 0,
    /// The change since the previous push.
    Delta = 1,
    /// The total since the start time.
    Cumulative = 2,
}

/// `opentelemetry.proto.metrics.v1.NumberDataPoint`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct NumberDataPoint {
    /// The metric's tags (`node_id`, `topic`...), `client_id` left out (the broker adds it).
    #[prost(message, repeated, tag = "7")]
    pub attributes: Vec<KeyValue>,
    /// Sums: the start of the interval the value covers, in ns since the Unix epoch.
    #[prost(fixed64, tag = "2")]
    pub start_time_unix_nano: u64,
    /// When the value was read, in ns since the Unix epoch.
    #[prost(fixed64, tag = "3")]
    pub time_unix_nano: u64,
    /// The value.
    #[prost(oneof = "number_data_point::Value", tags = "4, 6")]
    pub value: Option<number_data_point::Value>,
    /// Data point flags.
    #[prost(uint32, tag = "8")]
    pub flags: u32,
}

impl NumberDataPoint {
    /// The value as a float, whichever way it is encoded.
    pub fn as_f64(&self) -> Option<f64> {
        match self.value? {
            number_data_point::Value::AsDouble(v) => Some(v),
            number_data_point::Value::AsInt(v) => Some(v as f64),
        }
    }

    /// The string value of attribute `key`.
    pub fn attribute(&self, key: &str) -> Option<&str> {
        string_attribute(&self.attributes, key)
    }
}

/// The value kinds of a number data point.
pub mod number_data_point {
    /// `NumberDataPoint.value`.
    #[derive(Clone, Copy, PartialEq, prost::Oneof)]
    pub enum Value {
        /// A float.
        #[prost(double, tag = "4")]
        AsDouble(f64),
        /// An integer.
        #[prost(sfixed64, tag = "6")]
        AsInt(i64),
    }
}

/// `opentelemetry.proto.common.v1.KeyValue`.
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct KeyValue {
    /// The label.
    #[prost(string, tag = "1")]
    pub key: String,
    /// Its value.
    #[prost(message, optional, tag = "2")]
    pub value: Option<AnyValue>,
}

impl KeyValue {
    /// A label with a string value.
    pub fn string(key: impl Into<String>, value: impl Into<String>) -> KeyValue {
        KeyValue { key: key.into(), value: Some(AnyValue { value: Some(any_value::Value::StringValue(value.into())) }) }
    }
}

/// The string value of `key` among `attributes`.
pub fn string_attribute<'a>(attributes: &'a [KeyValue], key: &str) -> Option<&'a str> {
    attributes.iter().find(|kv| kv.key == key).and_then(|kv| match kv.value.as_ref()?.value.as_ref()? {
        any_value::Value::StringValue(s) => Some(s.as_str()),
        _ => None,
    })
}

/// `opentelemetry.proto.common.v1.AnyValue` (the scalar kinds).
#[derive(Clone, PartialEq, prost::Message)]
#[non_exhaustive]
pub struct AnyValue {
    /// The value.
    #[prost(oneof = "any_value::Value", tags = "1, 2, 3, 4")]
    pub value: Option<any_value::Value>,
}

/// The scalar kinds of [`AnyValue`].
pub mod any_value {
    /// `AnyValue.value`.
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum Value {
        /// A string.
        #[prost(string, tag = "1")]
        StringValue(String),
        /// A boolean.
        #[prost(bool, tag = "2")]
        BoolValue(bool),
        /// An integer.
        #[prost(int64, tag = "3")]
        IntValue(i64),
        /// A float.
        #[prost(double, tag = "4")]
        DoubleValue(f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_otlp_are_a_typed_error() {
        // Field 1, length-delimited, announcing 100 bytes of which one follows.
        let error = MetricsData::from_bytes(&[0x0a, 100, 0]).unwrap_err();
        assert!(error.to_string().starts_with("3 bytes are not an OTLP MetricsData"), "{error}");
        assert!(std::error::Error::source(&error).is_some());
    }

    /// The bytes follow the .proto's field numbers and wire types: checked against an
    /// encoding written out by hand, so a wrong tag cannot hide behind a symmetric decoder.
    #[test]
    fn encodes_with_the_proto_field_numbers() {
        let point = NumberDataPoint {
            attributes: vec![KeyValue::string("k", "v")],
            start_time_unix_nano: 1,
            time_unix_nano: 2,
            value: Some(number_data_point::Value::AsDouble(1.0)),
            flags: 0,
        };
        let metric = Metric {
            name: "n".into(),
            data: Some(metric::Data::Sum(Sum {
                data_points: vec![point],
                aggregation_temporality: AggregationTemporality::Cumulative as i32,
                is_monotonic: true,
            })),
            ..Metric::default()
        };
        let data = MetricsData {
            resource_metrics: vec![ResourceMetrics {
                resource: Some(Resource { attributes: vec![KeyValue::string("a", "b")], dropped_attributes_count: 0 }),
                scope_metrics: vec![ScopeMetrics { metrics: vec![metric], ..ScopeMetrics::default() }],
                schema_url: String::new(),
            }],
        };
        // KeyValue k=v: key (1, len) "k", value (2, len) AnyValue{string_value (1, len) "v"}.
        let kv = |k: u8, v: u8| vec![0x0a, 1, k, 0x12, 3, 0x0a, 1, v];
        let mut point = vec![0x11, 1, 0, 0, 0, 0, 0, 0, 0]; // start_time_unix_nano: field 2, fixed64
        point.extend([0x19, 2, 0, 0, 0, 0, 0, 0, 0]); // time_unix_nano: field 3, fixed64
        point.extend([0x21, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]); // as_double: field 4, 1.0
        point.extend([0x3a, 8]); // attributes: field 7
        point.extend(kv(b'k', b'v'));
        let mut sum = vec![0x0a, point.len() as u8];
        sum.extend(&point);
        sum.extend([0x10, 2, 0x18, 1]); // temporality 2 (cumulative), monotonic
        let mut metric = vec![0x0a, 1, b'n', 0x3a, sum.len() as u8]; // name; sum: field 7
        metric.extend(&sum);
        let mut scope = vec![0x12, metric.len() as u8]; // metrics: field 2
        scope.extend(&metric);
        let mut resource = vec![0x0a, 8];
        resource.extend(kv(b'a', b'b'));
        let mut rm = vec![0x0a, resource.len() as u8];
        rm.extend(&resource);
        rm.extend([0x12, scope.len() as u8]);
        rm.extend(&scope);
        let mut expected = vec![0x0a, rm.len() as u8];
        expected.extend(&rm);
        assert_eq!(data.to_bytes(), expected);
        assert_eq!(MetricsData::from_bytes(&expected).unwrap(), data);
    }
}
