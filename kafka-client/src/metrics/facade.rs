//! Export through the `metrics` crate facade (feature `metrics`): the application's recorder
//! (Prometheus, OpenTelemetry, StatsD...) receives the same values as [`MetricsSnapshot`], under
//! the names of [`Metric::prometheus_name`] with the tags as labels.

use super::{Metric, MetricsSnapshot};

impl MetricsSnapshot {
    /// Hands every metric to the `metrics` facade's installed recorder: `*-total` as a counter
    /// set to its absolute value, everything else as a gauge. Call it when the exporter
    /// scrapes, or from a periodic task (every few seconds is plenty: rates and averages are
    /// computed over 30 to 60 s windows). Without an installed recorder it does nothing.
    ///
    /// ```
    /// # async fn example(producer: &kafka_client::producer::Producer) {
    /// producer.metrics().export();
    /// # }
    /// ```
    pub fn export(&self) {
        for metric in &self.metrics {
            let name = metric.prometheus_name();
            let labels = labels(metric);
            if name.ends_with("_total") {
                // Totals are sums of counts or bytes: whole numbers.
                metrics::counter!(name, labels).absolute(metric.value as u64);
            } else {
                metrics::gauge!(name, labels).set(metric.value);
            }
        }
    }
}

fn labels(metric: &Metric) -> Vec<metrics::Label> {
    metric.tags.iter().map(|(k, v)| metrics::Label::new(k.replace('-', "_"), v.clone())).collect()
}
