//! From a metrics snapshot to the bytes of one push: KIP-714's names, the subscription's
//! selection and temporality, the broker's size limit and codec.
//!
//! Naming (KIP-714 "Metrics naming and format", as Java's `TelemetryMetricNamingConvention`):
//! `org.apache.kafka.` + the group lower-cased with `-` as `.` and `.metrics` removed + `.` +
//! the name lower-cased with `-` as `.`: `record-send-total` in `producer-metrics` is
//! `org.apache.kafka.producer.record.send.total`, `fetch-latency-avg` in
//! `consumer-fetch-manager-metrics` is `org.apache.kafka.consumer.fetch.manager.fetch.latency.avg`.
//! Tags become data point attributes with `-` as `_` (`node-id` is `node_id`); `client-id` is
//! left out, since the broker adds `client_id` itself.
//!
//! Kinds (as Java's `KafkaMetricsCollector`): `*-total` metrics are monotonic sums, cumulative
//! since the metric was first collected or, when the subscription asks for delta temporality,
//! the change since the previous push; every other metric is a gauge.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use kfk_protocol::compression::Compression;

use super::otlp::{
    metric, number_data_point, AggregationTemporality, Gauge, KeyValue, Metric, MetricsData, NumberDataPoint, Resource,
    ResourceMetrics, ScopeMetrics, Sum,
};
use super::subscription::Subscription;
use crate::metrics::MetricsSnapshot;

/// The prefix of every name (KIP-714's domain for Kafka's own clients).
pub(crate) const DOMAIN: &str = "org.apache.kafka";

/// The tag the broker adds itself, left out of data points.
const EXCLUDED_TAG: &str = "client_id";

/// KIP-714's name of metric `name` in group `group`.
pub fn otlp_name(group: &str, name: &str) -> String {
    let group = group.to_ascii_lowercase().replace('-', ".").replace(".metrics", "");
    format!("{DOMAIN}.{group}.{}", name.to_ascii_lowercase().replace('-', "."))
}

/// A time series: its OTLP name and attributes.
type SeriesKey = (String, Vec<(String, String)>);

/// What the sums need between pushes: when each was first collected and what was last sent.
#[derive(Debug, Default)]
pub(crate) struct Ledger {
    series: HashMap<SeriesKey, SeriesState>,
    delta: Option<bool>,
}

#[derive(Debug, Clone, Copy)]
struct SeriesState {
    /// When the series was first collected (the start of cumulative sums), ns.
    added: u64,
    /// What the last push sent of it (delta sums), and when.
    last: Option<(f64, u64)>,
}

/// One push's payload.
#[derive(Debug)]
pub(crate) struct Payload {
    /// The bytes, compressed with `compression`.
    pub bytes: Vec<u8>,
    pub compression: Compression,
    /// How many metrics it holds, and how many were left out to fit `TelemetryMaxBytes`.
    pub metrics: usize,
    pub dropped: usize,
}

fn now_nanos() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0)
}

impl Ledger {
    /// The payload of a push of `snapshot` under `subscription`, with `resource` labels.
    /// The ledger moves only for what the payload holds.
    pub(crate) fn payload(
        &mut self,
        snapshot: &MetricsSnapshot,
        resource: &[(&'static str, String)],
        subscription: &Subscription,
    ) -> Payload {
        self.payload_at(snapshot, resource, subscription, now_nanos())
    }

    fn payload_at(
        &mut self,
        snapshot: &MetricsSnapshot,
        resource: &[(&'static str, String)],
        subscription: &Subscription,
        now: u64,
    ) -> Payload {
        if self.delta != Some(subscription.delta) {
            // A change of temporality starts every series afresh (as Java resets its ledger).
            self.series.clear();
            self.delta = Some(subscription.delta);
        }
        let mut selected: Vec<(SeriesKey, Metric, Option<f64>)> = Vec::new();
        for m in &snapshot.metrics {
            let name = otlp_name(&m.group, &m.name);
            if !subscription.selector.matches(&name) {
                continue;
            }
            let attributes: Vec<(String, String)> = m
                .tags
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase().replace('-', "_"), v.clone()))
                .filter(|(k, _)| k != EXCLUDED_TAG)
                .collect();
            let key = (name, attributes);
            let mut point = NumberDataPoint {
                attributes: key.1.iter().map(|(k, v)| KeyValue::string(k.as_str(), v.as_str())).collect(),
                time_unix_nano: now,
                ..NumberDataPoint::default()
            };
            let (data, sent) = if m.name.ends_with("-total") {
                let state = self.series.get(&key).copied().unwrap_or(SeriesState { added: now, last: None });
                let (value, start, temporality) = if subscription.delta {
                    match state.last {
                        Some((last, at)) => (m.value - last, at, AggregationTemporality::Delta),
                        None => (m.value, state.added, AggregationTemporality::Delta),
                    }
                } else {
                    (m.value, state.added, AggregationTemporality::Cumulative)
                };
                point.start_time_unix_nano = start;
                point.value = Some(number_data_point::Value::AsDouble(value));
                let sum =
                    Sum { data_points: vec![point], aggregation_temporality: temporality as i32, is_monotonic: true };
                (metric::Data::Sum(sum), Some(m.value))
            } else {
                point.value = Some(number_data_point::Value::AsDouble(m.value));
                (metric::Data::Gauge(Gauge { data_points: vec![point] }), None)
            };
            let metric = Metric {
                name: key.0.clone(),
                description: m.description.clone(),
                unit: String::new(),
                data: Some(data),
            };
            selected.push((key, metric, sent));
        }
        let resource = Resource {
            attributes: resource.iter().map(|(k, v)| KeyValue::string(*k, v.as_str())).collect(),
            dropped_attributes_count: 0,
        };
        // Fit `TelemetryMaxBytes` (after compression): halve the metrics until the payload fits.
        let total = selected.len();
        let mut keep = total;
        let (bytes, compression) = loop {
            let metrics: Vec<Metric> = selected[..keep].iter().map(|(_, m, _)| m.clone()).collect();
            let data = MetricsData {
                resource_metrics: vec![ResourceMetrics {
                    resource: Some(resource.clone()),
                    scope_metrics: vec![ScopeMetrics { metrics, ..ScopeMetrics::default() }],
                    schema_url: String::new(),
                }],
            };
            let (bytes, compression) = compress(&data.to_bytes(), subscription.compression);
            if subscription.max_bytes == 0 || bytes.len() <= subscription.max_bytes || keep == 0 {
                break (bytes, compression);
            }
            keep /= 2;
        };
        for (key, _, sent) in selected.into_iter().take(keep) {
            let state = self.series.entry(key).or_insert(SeriesState { added: now, last: None });
            if let Some(value) = sent {
                state.last = Some((value, now));
            }
        }
        Payload { bytes, compression, metrics: keep, dropped: total - keep }
    }
}

/// `raw` compressed with `codec`, or as it is (codec none) if compressing fails.
fn compress(raw: &[u8], codec: Compression) -> (Vec<u8>, Compression) {
    if codec == Compression::None {
        return (raw.to_vec(), Compression::None);
    }
    let mut out = Vec::with_capacity(raw.len() / 4 + 64);
    match codec.compress(raw, &mut out) {
        Ok(()) => (out, codec),
        Err(e) => {
            tracing::debug!(codec = codec.name(), error = %e, "telemetry payload not compressed");
            (raw.to_vec(), Compression::None)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use kfk_protocol::Uuid;

    use super::super::otlp::string_attribute;
    use super::super::subscription::Selector;
    use super::*;
    use crate::metrics::Metric as KafkaMetric;

    fn subscription(selector: Selector, delta: bool) -> Subscription {
        Subscription {
            instance_id: Uuid::from_u128(1),
            id: 1,
            compression: Compression::None,
            interval: Duration::from_secs(1),
            max_bytes: 1 << 20,
            delta,
            selector,
        }
    }

    fn snapshot(sent: f64) -> MetricsSnapshot {
        MetricsSnapshot {
            metrics: vec![
                KafkaMetric::new("record-send-total", "producer-metrics", "records sent", sent).tag("client-id", "app"),
                KafkaMetric::new("request-latency-avg", "producer-node-metrics", "latency", 2.5)
                    .tag("client-id", "app")
                    .tag("node-id", "node-1"),
                KafkaMetric::new("fetch-latency-avg", "consumer-fetch-manager-metrics", "latency", 1.0),
            ],
        }
    }

    fn decode(payload: &Payload) -> MetricsData {
        MetricsData::from_bytes(&payload.bytes).expect("decodes")
    }

    #[test]
    fn names_follow_kip_714() {
        assert_eq!(otlp_name("producer-metrics", "record-send-total"), "org.apache.kafka.producer.record.send.total");
        assert_eq!(
            otlp_name("consumer-fetch-manager-metrics", "fetch-latency-avg"),
            "org.apache.kafka.consumer.fetch.manager.fetch.latency.avg"
        );
        assert_eq!(
            otlp_name("producer-node-metrics", "request-latency-avg"),
            "org.apache.kafka.producer.node.request.latency.avg"
        );
    }

    #[test]
    fn totals_are_sums_the_rest_gauges_and_client_id_is_left_to_the_broker() {
        let mut ledger = Ledger::default();
        let resource = [("transactional_id", "tx".to_string())];
        let payload = ledger.payload_at(&snapshot(5.0), &resource, &subscription(Selector::All, false), 100);
        let data = decode(&payload);
        let rm = &data.resource_metrics[0];
        let attrs = &rm.resource.as_ref().unwrap().attributes;
        assert_eq!(string_attribute(attrs, "transactional_id"), Some("tx"));
        let metrics: Vec<&Metric> = data.metrics().collect();
        assert_eq!(metrics.len(), 3);
        let sent = metrics.iter().find(|m| m.name == "org.apache.kafka.producer.record.send.total").unwrap();
        match &sent.data {
            Some(metric::Data::Sum(s)) => {
                assert!(s.is_monotonic);
                assert_eq!(s.aggregation_temporality, AggregationTemporality::Cumulative as i32);
                assert_eq!(s.data_points[0].as_f64(), Some(5.0));
                assert!(s.data_points[0].attributes.is_empty(), "client_id is the broker's to add");
            }
            other => panic!("{other:?}"),
        }
        let latency = metrics.iter().find(|m| m.name == "org.apache.kafka.producer.node.request.latency.avg").unwrap();
        assert!(matches!(latency.data, Some(metric::Data::Gauge(_))));
        assert_eq!(latency.data_points()[0].attribute("node_id"), Some("node-1"));
    }

    #[test]
    fn delta_sums_send_the_change_since_the_last_push() {
        let mut ledger = Ledger::default();
        let sub = subscription(Selector::All, true);
        let first = decode(&ledger.payload_at(&snapshot(5.0), &[], &sub, 100));
        let value = |data: &MetricsData| {
            data.metrics().find(|m| m.name.ends_with("record.send.total")).unwrap().data_points()[0].clone()
        };
        assert_eq!(value(&first).as_f64(), Some(5.0));
        let second = decode(&ledger.payload_at(&snapshot(8.0), &[], &sub, 200));
        assert_eq!(value(&second).as_f64(), Some(3.0));
        assert_eq!(value(&second).start_time_unix_nano, 100);
        assert_eq!(value(&second).time_unix_nano, 200);
    }

    #[test]
    fn only_selected_metrics_are_pushed() {
        let mut ledger = Ledger::default();
        let sub = subscription(Selector::Prefixes(vec!["org.apache.kafka.producer.record".into()]), false);
        let data = decode(&ledger.payload_at(&snapshot(1.0), &[], &sub, 1));
        let names: Vec<&str> = data.metrics().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["org.apache.kafka.producer.record.send.total"]);
    }

    #[test]
    fn a_payload_over_the_limit_drops_metrics_until_it_fits() {
        let mut ledger = Ledger::default();
        let sub = Subscription { max_bytes: 150, ..subscription(Selector::All, false) };
        let payload = ledger.payload_at(&snapshot(1.0), &[], &sub, 1);
        assert!(payload.bytes.len() <= 150, "{}", payload.bytes.len());
        assert!(payload.dropped > 0);
        assert_eq!(decode(&payload).metrics().count(), payload.metrics);
    }

    #[test]
    fn payloads_are_compressed_with_the_chosen_codec() {
        let mut ledger = Ledger::default();
        let sub = Subscription { compression: Compression::Zstd, ..subscription(Selector::All, false) };
        let payload = ledger.payload_at(&snapshot(1.0), &[], &sub, 1);
        assert_eq!(payload.compression, Compression::Zstd);
        let raw = Compression::Zstd.decompress(&payload.bytes, 1 << 20).expect("zstd");
        assert_eq!(MetricsData::from_bytes(&raw).unwrap().metrics().count(), 3);
    }
}
