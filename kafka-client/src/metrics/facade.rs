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
    /// # async fn example(producer: &kfk_client::producer::Producer) {
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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use metrics::{
        Counter, CounterFn, Gauge, GaugeFn, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit,
    };

    use crate::metrics::{ClientKind, Registry};

    /// One value the facade was handed: name, labels, value.
    type Exported = (String, Vec<(String, String)>, f64);

    /// Keeps what the facade was handed.
    #[derive(Debug, Default)]
    struct Kept(Mutex<Vec<Exported>>);

    struct Handle(Arc<Kept>, Key);

    impl Handle {
        fn keep(&self, value: f64) {
            let labels = self.1.labels().map(|l| (l.key().to_string(), l.value().to_string())).collect();
            self.0 .0.lock().expect("lock").push((self.1.name().to_string(), labels, value));
        }
    }

    impl CounterFn for Handle {
        fn increment(&self, value: u64) {
            self.keep(value as f64);
        }
        fn absolute(&self, value: u64) {
            self.keep(value as f64);
        }
    }

    impl GaugeFn for Handle {
        fn increment(&self, _: f64) {}
        fn decrement(&self, _: f64) {}
        fn set(&self, value: f64) {
            self.keep(value);
        }
    }

    struct Keeper(Arc<Kept>);

    impl Recorder for Keeper {
        fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn register_counter(&self, key: &Key, _: &Metadata<'_>) -> Counter {
            Counter::from_arc(Arc::new(Handle(self.0.clone(), key.clone())))
        }
        fn register_gauge(&self, key: &Key, _: &Metadata<'_>) -> Gauge {
            Gauge::from_arc(Arc::new(Handle(self.0.clone(), key.clone())))
        }
        fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
            Histogram::noop()
        }
    }

    #[test]
    fn export_hands_every_metric_to_the_recorder() {
        let registry = Registry::new("app");
        registry.set_kind(ClientKind::Producer);
        registry.connections.created.record(1.0);
        let snapshot = registry.snapshot();
        let kept = Arc::new(Kept::default());
        metrics::with_local_recorder(&Keeper(kept.clone()), || snapshot.export());
        let kept = kept.0.lock().expect("lock");
        assert_eq!(kept.len(), snapshot.metrics.len());
        let labels = vec![("client_id".to_string(), "app".to_string())];
        assert!(kept.contains(&("kafka_producer_connection_creation_total".into(), labels.clone(), 1.0)), "{kept:?}");
        assert!(kept.contains(&("kafka_producer_connection_count".into(), labels, 0.0)), "{kept:?}");
    }
}
