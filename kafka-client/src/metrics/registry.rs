//! The registry a client's sensors live in: one per [`crate::cluster::Cluster`], so every
//! connection, the producer's sender and the consumer's fetcher record into the same place.
//! Sensors are made once (at start, or once per broker for per-node metrics) and then held by
//! whoever records; the registry's own lock is taken only to add a sensor or to read them all.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::consumer::ConsumerSensors;
use super::sensor::{Group, Sensor, Stat, StatSpec};
use super::window::SampleWindow;
use super::{ClientKind, Metric, MetricsSnapshot};

/// Every metric of one client. Cheap to share: recording goes through sensors made once.
#[derive(Debug)]
pub struct Registry {
    client_id: String,
    window: SampleWindow,
    kind: OnceLock<ClientKind>,
    sensors: Mutex<Vec<Arc<Sensor>>>,
    nodes: Mutex<HashMap<i32, Arc<NodeSensors>>>,
    pub(crate) connections: ConnectionSensors,
    consumer: OnceLock<Arc<ConsumerSensors>>,
}

impl Registry {
    /// A registry whose metrics carry the tag `client-id` = `client_id`, with Java's default
    /// window (2 samples of 30 s).
    pub fn new(client_id: impl Into<String>) -> Registry {
        Registry::with_window(client_id, SampleWindow::default())
    }

    /// As [`Registry::new`], with windowed metrics (rates, averages, minima, maxima) over
    /// `window` (`metrics.num.samples`, `metrics.sample.window.ms`).
    pub fn with_window(client_id: impl Into<String>, window: SampleWindow) -> Registry {
        let sensors = Mutex::new(Vec::new());
        let connections = ConnectionSensors::new(&sensors, window);
        Registry {
            client_id: client_id.into(),
            window,
            kind: OnceLock::new(),
            sensors,
            nodes: Mutex::new(HashMap::new()),
            connections,
            consumer: OnceLock::new(),
        }
    }

    /// Says which client the metrics are for: it names the client-wide groups
    /// (`producer-metrics`, `consumer-metrics`, `admin-client-metrics`). The first call wins;
    /// until one, they are named as the admin client's (a bare [`crate::cluster::Cluster`]
    /// is what the admin client runs on).
    pub fn set_kind(&self, kind: ClientKind) {
        let _ = self.kind.set(kind);
    }

    /// The `client-id` tag.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The shape of every windowed metric's window.
    pub(crate) fn window(&self) -> SampleWindow {
        self.window
    }

    pub(crate) fn kind_prefix(&self) -> &'static str {
        self.kind.get().copied().unwrap_or(ClientKind::Admin).prefix()
    }

    /// The consumer's sensors, made at first use (a producer or admin client never makes them).
    pub(crate) fn consumer(&self) -> &Arc<ConsumerSensors> {
        self.consumer.get_or_init(|| Arc::new(ConsumerSensors::new(self)))
    }

    /// Makes and registers a sensor.
    pub(crate) fn sensor(
        &self,
        group: Group,
        tags: Vec<(&'static str, String)>,
        stats: &'static [StatSpec],
    ) -> Arc<Sensor> {
        register(&self.sensors, group, tags, stats, self.window)
    }

    /// The per-node sensors of broker `node` (`node-id` = `node-{id}`, Java's spelling;
    /// bootstrap connections are node -1), made at its first connection.
    pub(crate) fn node(&self, node: i32) -> Arc<NodeSensors> {
        let mut nodes = self.nodes.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(sensors) = nodes.get(&node) {
            return sensors.clone();
        }
        let tags = || vec![("node-id", format!("node-{node}"))];
        let sensors = Arc::new(NodeSensors {
            requests: self.sensor(Group::Node, tags(), REQUEST_STATS),
            responses: self.sensor(Group::Node, tags(), RESPONSE_STATS),
            latency: self.sensor(Group::Node, tags(), LATENCY_STATS),
        });
        nodes.insert(node, sensors.clone());
        sensors
    }

    /// Every metric recorded so far, read now.
    pub fn snapshot(&self) -> MetricsSnapshot {
        let now = Instant::now();
        let kind = self.kind_prefix();
        let sensors: Vec<Arc<Sensor>> = self.sensors.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let mut metrics = Vec::with_capacity(sensors.len() * 4 + 1);
        for sensor in sensors {
            sensor.read(now, kind, &self.client_id, &mut metrics);
        }
        metrics.push(self.gauge(
            "connection-count",
            Group::Client,
            "The current number of active connections.",
            self.connections.open.load(Ordering::Relaxed) as f64,
        ));
        MetricsSnapshot { metrics }
    }

    /// A metric whose value is read at snapshot time (a gauge), tagged with this client's id.
    pub(crate) fn gauge(&self, name: &str, group: Group, description: &str, value: f64) -> Metric {
        Metric::new(name, &group.resolve(self.kind_prefix()), description, value).tag("client-id", &self.client_id)
    }
}

/// Makes a sensor and adds it to `sensors`, the list a snapshot reads.
fn register(
    sensors: &Mutex<Vec<Arc<Sensor>>>,
    group: Group,
    tags: Vec<(&'static str, String)>,
    stats: &'static [StatSpec],
    window: SampleWindow,
) -> Arc<Sensor> {
    let sensor = Arc::new(Sensor::new(group, tags, stats, window));
    sensors.lock().unwrap_or_else(|p| p.into_inner()).push(sensor.clone());
    sensor
}

const REQUEST_STATS: &[StatSpec] = &[
    ("request-rate", Stat::CountRate, "The number of requests sent per second."),
    ("request-total", Stat::CountTotal, "The total number of requests sent."),
    ("request-size-avg", Stat::Avg, "The average size of requests sent, in bytes."),
    ("request-size-max", Stat::Max, "The maximum size of any request sent, in bytes."),
    ("outgoing-byte-rate", Stat::Rate, "The number of outgoing bytes sent per second."),
    ("outgoing-byte-total", Stat::Total, "The total number of outgoing bytes sent."),
];
const RESPONSE_STATS: &[StatSpec] = &[
    ("response-rate", Stat::CountRate, "The number of responses received per second."),
    ("response-total", Stat::CountTotal, "The total number of responses received."),
    ("incoming-byte-rate", Stat::Rate, "The number of bytes read per second."),
    ("incoming-byte-total", Stat::Total, "The total number of bytes read."),
];
const LATENCY_STATS: &[StatSpec] = &[
    ("request-latency-avg", Stat::Avg, "The average request latency in ms."),
    ("request-latency-max", Stat::Max, "The maximum request latency in ms."),
];

/// The client-wide connection sensors (Java's `Selector` metrics).
#[derive(Debug)]
pub(crate) struct ConnectionSensors {
    pub(crate) created: Arc<Sensor>,
    pub(crate) closed: Arc<Sensor>,
    pub(crate) failed_auth: Arc<Sensor>,
    pub(crate) requests: Arc<Sensor>,
    pub(crate) responses: Arc<Sensor>,
    pub(crate) latency: Arc<Sensor>,
    pub(crate) open: AtomicI64,
}

impl ConnectionSensors {
    fn new(sensors: &Mutex<Vec<Arc<Sensor>>>, window: SampleWindow) -> ConnectionSensors {
        let client = |stats| register(sensors, Group::Client, Vec::new(), stats, window);
        ConnectionSensors {
            created: client(&[
                ("connection-creation-rate", Stat::CountRate, "New connections established per second."),
                ("connection-creation-total", Stat::CountTotal, "Total new connections established."),
            ]),
            closed: client(&[
                ("connection-close-rate", Stat::CountRate, "Connections closed per second."),
                ("connection-close-total", Stat::CountTotal, "Total connections closed."),
            ]),
            failed_auth: client(&[
                ("failed-authentication-rate", Stat::CountRate, "Connections with failed authentication per second."),
                ("failed-authentication-total", Stat::CountTotal, "Total connections with failed authentication."),
            ]),
            requests: client(REQUEST_STATS),
            responses: client(RESPONSE_STATS),
            latency: client(LATENCY_STATS),
            open: AtomicI64::new(0),
        }
    }
}

/// The sensors of one broker (`{kind}-node-metrics`, tag `node-id`).
#[derive(Debug)]
pub(crate) struct NodeSensors {
    requests: Arc<Sensor>,
    responses: Arc<Sensor>,
    latency: Arc<Sensor>,
}

/// What one connection records into: the client's sensors and its broker's. Made when the
/// connection is up (counted as created then) and counted as closed once, by whichever comes
/// first: the connection failing or its last handle dropping.
#[derive(Debug)]
pub(crate) struct ConnectionMeter {
    registry: Arc<Registry>,
    node: Arc<NodeSensors>,
    open: AtomicBool,
}

impl ConnectionMeter {
    pub(crate) fn opened(registry: Arc<Registry>, node: i32) -> ConnectionMeter {
        let node = registry.node(node);
        registry.connections.created.record(1.0);
        registry.connections.open.fetch_add(1, Ordering::Relaxed);
        ConnectionMeter { registry, node, open: AtomicBool::new(true) }
    }

    pub(crate) fn closed(&self) {
        if self.open.swap(false, Ordering::Relaxed) {
            self.registry.connections.closed.record(1.0);
            self.registry.connections.open.fetch_sub(1, Ordering::Relaxed);
        }
    }

    pub(crate) fn sent(&self, bytes: usize) {
        self.registry.connections.requests.record(bytes as f64);
        self.node.requests.record(bytes as f64);
    }

    pub(crate) fn received(&self, bytes: usize) {
        self.registry.connections.responses.record(bytes as f64);
        self.node.responses.record(bytes as f64);
    }

    pub(crate) fn answered(&self, latency: Duration) {
        let ms = latency.as_secs_f64() * 1000.0;
        self.registry.connections.latency.record(ms);
        self.node.latency.record(ms);
    }
}
