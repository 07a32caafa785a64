//! Client metrics with the Java client's names, groups, tags and meanings, so dashboards and
//! runbooks written for it carry over.
//!
//! Every client (producer, consumer, admin) has one [`Registry`], owned by its
//! [`crate::cluster::Cluster`]. `Producer::metrics()`, `Consumer::metrics()` and kafka-admin's
//! `Admin::metrics()` return a [`MetricsSnapshot`]: each [`Metric`] has a name
//! (`record-send-total`), a group (`producer-metrics`), tags (`client-id`, and `node-id`,
//! `topic` or `partition` where Java has them) and a value.
//!
//! Semantics, as Java's (`metrics.num.samples` = 2 and `metrics.sample.window.ms` = 30 s by
//! default; both keys are honoured, see [`SampleWindow`]):
//! - `*-total` is cumulative since the client started;
//! - `*-rate` is per second over a sliding window of two 30 s samples (the elapsed time counts
//!   as at least 30 s, so rates settle over a client's first half minute);
//! - `*-avg` and `*-max` cover the same window, and are NaN when nothing was recorded in it;
//! - gauges (`connection-count`, `records-lag`, `assigned-partitions`...) are read when the
//!   snapshot is taken.
//!
//! Cost: a sensor is updated by the task that sees the event, once per request, batch or fetch
//! answer (never per record) under the sensor's own uncontended mutex; nothing allocates after
//! the sensor is made. Lag and other gauges cost nothing until a snapshot is taken.
//!
//! Every metric, its group and where it is recorded: the "Metrics" section of
//! `kafka-client/DESIGN.md`.
//!
//! With the cargo feature `metrics`, [`MetricsSnapshot::export`] hands the values to the
//! [`metrics`](https://docs.rs/metrics) facade, for whatever exporter the application runs.
//!
//! ```
//! use kfk_client::metrics::{Registry, ClientKind};
//!
//! let registry = Registry::new("my-app");
//! registry.set_kind(ClientKind::Producer);
//! let snapshot = registry.snapshot();
//! assert_eq!(snapshot.value("connection-count", "producer-metrics"), Some(0.0));
//! assert!(snapshot.to_prometheus().contains("kafka_producer_connection_count{client_id=\"my-app\"} 0"));
//! ```

mod consumer;
mod registry;
pub(crate) mod sensor;
mod window;

#[cfg(feature = "metrics")]
mod facade;

use std::collections::BTreeMap;
use std::fmt::Write as _;

pub(crate) use consumer::{ConsumerSensors, PartitionSensors, PartitionStanding};
pub(crate) use registry::ConnectionMeter;
pub use registry::Registry;
pub use window::{SampleWindow, SAMPLES, SAMPLE_SPAN};

/// Which client a registry measures: it names the client-wide groups, as in Java.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClientKind {
    /// `producer-metrics`, `producer-node-metrics`.
    Producer,
    /// `consumer-metrics`, `consumer-node-metrics`.
    Consumer,
    /// `admin-client-metrics`, `admin-client-node-metrics`.
    Admin,
}

impl ClientKind {
    fn prefix(self) -> &'static str {
        match self {
            ClientKind::Producer => "producer",
            ClientKind::Consumer => "consumer",
            ClientKind::Admin => "admin-client",
        }
    }
}

/// One metric's value at the time of a snapshot.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Metric {
    /// Java's name: `record-send-total`, `records-lag`...
    pub name: String,
    /// Java's group: `producer-metrics`, `consumer-fetch-manager-metrics`...
    pub group: String,
    /// `client-id`, and `node-id`, `topic`, `partition` where Java has them.
    pub tags: BTreeMap<String, String>,
    /// The value; NaN for an average or maximum with nothing recorded in its window.
    pub value: f64,
    /// What it measures.
    pub description: String,
}

impl Metric {
    pub(crate) fn new(name: &str, group: &str, description: &str, value: f64) -> Metric {
        Metric {
            name: name.to_string(),
            group: group.to_string(),
            tags: BTreeMap::new(),
            value,
            description: description.to_string(),
        }
    }

    pub(crate) fn tag(mut self, key: &str, value: &str) -> Metric {
        self.tags.insert(key.to_string(), value.to_string());
        self
    }

    /// The Prometheus name: `kafka_`, the group without its `-metrics` suffix, then the name,
    /// with `-` as `_`: `record-send-total` in `producer-metrics` is
    /// `kafka_producer_record_send_total`, `records-lag` in `consumer-fetch-manager-metrics`
    /// is `kafka_consumer_fetch_manager_records_lag`.
    pub fn prometheus_name(&self) -> String {
        let group = self.group.strip_suffix("-metrics").unwrap_or(&self.group);
        format!("kafka_{group}_{}", self.name).replace(['-', '.'], "_")
    }
}

/// Every metric of a client at one moment.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct MetricsSnapshot {
    /// The metrics, sensors in the order they were made.
    pub metrics: Vec<Metric>,
}

impl MetricsSnapshot {
    /// The metrics named `name` in `group`, whatever their tags.
    pub fn find<'a>(&'a self, name: &'a str, group: &'a str) -> impl Iterator<Item = &'a Metric> + 'a {
        self.metrics.iter().filter(move |m| m.name == name && m.group == group)
    }

    /// The value of the client-wide metric `name` in `group` (the one whose only tag is
    /// `client-id`).
    pub fn value(&self, name: &str, group: &str) -> Option<f64> {
        self.find(name, group).find(|m| m.tags.len() == 1).map(|m| m.value)
    }

    /// The value of the metric `name` in `group` with every tag of `tags` (and maybe more).
    pub fn value_tagged(&self, name: &str, group: &str, tags: &[(&str, &str)]) -> Option<f64> {
        self.find(name, group)
            .find(|m| tags.iter().all(|(k, v)| m.tags.get(*k).map(String::as_str) == Some(*v)))
            .map(|m| m.value)
    }

    /// The snapshot in Prometheus' text exposition format (version 0.0.4): one `# HELP` and
    /// `# TYPE` per name (`counter` for `*-total`, `gauge` otherwise), tags as labels with `-`
    /// as `_`.
    pub fn to_prometheus(&self) -> String {
        let mut by_name: BTreeMap<String, Vec<&Metric>> = BTreeMap::new();
        for metric in &self.metrics {
            by_name.entry(metric.prometheus_name()).or_default().push(metric);
        }
        let mut out = String::new();
        for (name, metrics) in by_name {
            let kind = if name.ends_with("_total") { "counter" } else { "gauge" };
            let _ = writeln!(out, "# HELP {name} {}", escape_help(&metrics[0].description));
            let _ = writeln!(out, "# TYPE {name} {kind}");
            for metric in metrics {
                let labels: Vec<String> = metric
                    .tags
                    .iter()
                    .map(|(k, v)| format!("{}=\"{}\"", k.replace('-', "_"), escape_label(v)))
                    .collect();
                let _ = writeln!(out, "{name}{{{}}} {}", labels.join(","), format_value(metric.value));
            }
        }
        out
    }
}

fn escape_help(text: &str) -> String {
    text.replace('\\', "\\\\").replace('\n', "\\n")
}

fn escape_label(text: &str) -> String {
    escape_help(text).replace('"', "\\\"")
}

fn format_value(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else if value.is_infinite() {
        if value > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::sensor::{Group, Stat};
    use super::*;

    #[test]
    fn snapshot_names_groups_and_tags() {
        let registry = Registry::new("app");
        registry.set_kind(ClientKind::Consumer);
        let sensor = registry.sensor(
            Group::Named("consumer-fetch-manager-metrics"),
            vec![("topic", "t".into())],
            &[("fetch-size-avg", Stat::Avg, "avg"), ("records-consumed-total", Stat::Total, "total")],
        );
        sensor.record(10.0);
        sensor.record(30.0);
        let snapshot = registry.snapshot();
        let group = "consumer-fetch-manager-metrics";
        assert_eq!(snapshot.value_tagged("fetch-size-avg", group, &[("topic", "t")]), Some(20.0));
        assert_eq!(snapshot.value_tagged("records-consumed-total", group, &[("client-id", "app")]), Some(40.0));
        assert_eq!(snapshot.value("connection-count", "consumer-metrics"), Some(0.0));
        let text = snapshot.to_prometheus();
        assert!(text.contains("# TYPE kafka_consumer_fetch_manager_records_consumed_total counter"), "{text}");
        assert!(
            text.contains("kafka_consumer_fetch_manager_fetch_size_avg{client_id=\"app\",topic=\"t\"} 20"),
            "{text}"
        );
    }
}
