//! A sensor: one kind of event (a request sent, a batch drained, a fetch answered) and the
//! metrics read from it. Recording takes the sensor's own mutex for a few arithmetic operations
//! on its [`Window`]; only the task that sees the event records, so the lock is uncontended but
//! for a concurrent snapshot. Nothing allocates after the sensor is made.

use std::sync::Mutex;
use std::time::Instant;

use super::window::{SampleWindow, Window};
use super::Metric;

/// How a metric is read from a sensor's window, with Java's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stat {
    /// Sum of every value recorded (`CumulativeSum`): bytes, records.
    Total,
    /// Number of events recorded (`CumulativeCount`): requests, rebalances.
    CountTotal,
    /// Values per second over the window (`Rate`).
    Rate,
    /// Events per second over the window (`Rate` of a `WindowedCount`).
    CountRate,
    /// Nanoseconds per nanosecond over the window: the fraction of time spent in what the
    /// values time (`Rate(TimeUnit.NANOSECONDS)`, as `bufferpool-wait-ratio`).
    NanosRatio,
    /// Average value over the window (`Avg`).
    Avg,
    /// Largest value over the window (`Max`).
    Max,
    /// Smallest value over the window (`Min`).
    Min,
}

/// One metric a sensor exposes: its name, how it is computed, and what it means.
pub(crate) type StatSpec = (&'static str, Stat, &'static str);

/// Which group a sensor's metrics belong to. The client-wide groups depend on the kind of
/// client (`producer-metrics`, `consumer-metrics`, `admin-client-metrics`), which a cluster
/// learns only when its client claims it, so they are resolved when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Group {
    /// `{kind}-metrics`.
    Client,
    /// `{kind}-node-metrics`.
    Node,
    /// A fixed group (`consumer-fetch-manager-metrics`...).
    Named(&'static str),
}

impl Group {
    pub(crate) fn resolve(self, kind: &str) -> String {
        match self {
            Group::Client => format!("{kind}-metrics"),
            Group::Node => format!("{kind}-node-metrics"),
            Group::Named(name) => name.to_string(),
        }
    }
}

#[derive(Debug)]
pub(crate) struct Sensor {
    group: Group,
    /// Tags beyond `client-id` (`node-id`, `topic`...). Never anything secret.
    tags: Vec<(&'static str, String)>,
    stats: &'static [StatSpec],
    window: Mutex<Window>,
}

impl Sensor {
    pub(crate) fn new(
        group: Group,
        tags: Vec<(&'static str, String)>,
        stats: &'static [StatSpec],
        shape: SampleWindow,
    ) -> Sensor {
        Sensor { group, tags, stats, window: Mutex::new(Window::new(Instant::now(), shape)) }
    }

    /// Records one event of value `value` (a size, a latency in ms, a count).
    pub(crate) fn record(&self, value: f64) {
        self.record_at(value, Instant::now());
    }

    pub(crate) fn record_at(&self, value: f64, now: Instant) {
        // A panic while recording leaves numbers, never a broken invariant: keep using it.
        self.window.lock().unwrap_or_else(|p| p.into_inner()).record(value, now);
    }

    /// Appends this sensor's metrics, read at `now`.
    pub(crate) fn read(&self, now: Instant, kind: &str, client_id: &str, out: &mut Vec<Metric>) {
        let window = self.window.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let group = self.group.resolve(kind);
        for &(name, stat, description) in self.stats {
            let value = match stat {
                Stat::Total => window.total,
                Stat::CountTotal => window.count as f64,
                Stat::Rate => window.rate(now, false),
                Stat::CountRate => window.rate(now, true),
                Stat::NanosRatio => window.rate(now, false) / 1e9,
                Stat::Avg => window.avg(now),
                Stat::Max => window.max(now),
                Stat::Min => window.min(now),
            };
            let mut metric = Metric::new(name, &group, description, value).tag("client-id", client_id);
            for (key, tag) in &self.tags {
                metric = metric.tag(key, tag);
            }
            out.push(metric);
        }
    }
}
