//! KIP-714 client metrics push: the client sends its own metrics to the cluster, in
//! OpenTelemetry's encoding, when an operator subscribed to them there.
//!
//! The broker side decides. An operator creates client-metrics subscriptions on the cluster
//! (`kafka-client-metrics.sh`, or IncrementalAlterConfigs on a `CLIENT_METRICS` resource) naming
//! metric name prefixes, a push interval and which clients they match; a broker with a
//! telemetry receiver plugin hands each client the union of what matches it. The client side:
//!
//! 1. `GetTelemetrySubscriptions`, first with a zero client instance id: the broker assigns one
//!    (a UUID naming this client instance everywhere in the cluster; the clients expose it as
//!    `client_instance_id`) and answers with the subscription: requested metric prefixes (none:
//!    push nothing and ask again after the interval; `*`: all), push interval, delta or
//!    cumulative sums, accepted codecs and the largest payload it takes.
//! 2. `PushTelemetry` every interval (the first after 0.5 to 1.5 intervals, so clients started
//!    together spread out) with the selected metrics as an OTLP `MetricsData`
//!    ([`otlp`]), compressed with the first accepted codec the client has.
//! 3. On close, one last push marked `terminating`, within the close timeout.
//!
//! The first request waits for the client's own first connection: telemetry never makes a
//! client connect (clients connect lazily).
//!
//! Errors follow the KIP: a changed subscription or codec list (UNKNOWN_SUBSCRIPTION_ID,
//! UNSUPPORTED_COMPRESSION_TYPE) is fetched again at once; TELEMETRY_TOO_LARGE and
//! THROTTLING_QUOTA_EXCEEDED after the interval; INVALID_REQUEST, INVALID_RECORD and
//! UNSUPPORTED_VERSION stop the pushes (logged as a warning); a broker without the APIs (no
//! receiver plugin, or before Kafka 3.7) stops them quietly (debug). Telemetry runs in one
//! task per client and never touches the producer's or consumer's own work.
//!
//! It is on by default, as in Java (`enable.metrics.push`); the builders' `enable_metrics_push`
//! turns it off. Which metrics and what they are called: `payload.rs`, and the "Telemetry"
//! section of `kafka-client/DESIGN.md`.

pub mod otlp;
mod payload;
mod subscription;
mod task;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use kfk_protocol::Uuid;
use tokio::sync::watch;
use tracing::Instrument;

use crate::cluster::Cluster;
use crate::metrics::MetricsSnapshot;

/// KIP-714's OTLP name of the Java metric `name` in `group`, so a receiver can find a metric
/// by its Java name.
///
/// ```
/// assert_eq!(
///     kfk_client::telemetry::otlp_metric_name("consumer-fetch-manager-metrics", "fetch-total"),
///     "org.apache.kafka.consumer.fetch.manager.fetch.total"
/// );
/// ```
pub use payload::otlp_name as otlp_metric_name;

/// What one push reads from its client.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Collected {
    /// The client's metrics now.
    pub metrics: MetricsSnapshot,
    /// KIP-714's client resource labels that apply: `transactional_id` (producer),
    /// `group_id`, `group_instance_id`, `group_member_id` (consumer), `client_rack`.
    pub resource: Vec<(&'static str, String)>,
}

impl Collected {
    /// A client's `metrics`, without resource labels (the admin client has none).
    pub fn new(metrics: MetricsSnapshot) -> Collected {
        Collected { metrics, resource: Vec::new() }
    }
}

/// Reads a client's metrics for a push; `None` once the client is gone.
pub type Collect = Box<dyn Fn() -> Option<Collected> + Send + Sync>;

/// What the task is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Control {
    Run,
    /// Send the terminating push before this, then end.
    Close(Instant),
}

/// The client instance id as far as the task knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Instance {
    Pending,
    Known(Uuid),
    /// Telemetry stopped before a broker assigned one.
    Unavailable,
}

/// A client's telemetry: the handle of its task. Dropping it stops the task (no terminating
/// push); [`Telemetry::close`] sends that push first.
#[derive(Debug)]
#[non_exhaustive]
pub struct Telemetry {
    inner: Option<Handle>,
}

#[derive(Debug)]
struct Handle {
    control: watch::Sender<Control>,
    instance: watch::Receiver<Instance>,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl Telemetry {
    /// No telemetry (`enable.metrics.push=false`).
    pub fn disabled() -> Telemetry {
        Telemetry { inner: None }
    }

    /// Starts the telemetry task of the client on `cluster` when `enabled`; `collect` reads the
    /// client's metrics at each push and must not keep the client alive (hold a `Weak`).
    /// Outside a tokio runtime nothing starts (the client pushes no metrics).
    pub fn start(
        cluster: &Cluster,
        enabled: bool,
        collect: impl Fn() -> Option<Collected> + Send + Sync + 'static,
    ) -> Telemetry {
        if !enabled {
            return Telemetry::disabled();
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            tracing::debug!("no tokio runtime: client telemetry (enable.metrics.push) not started");
            return Telemetry::disabled();
        };
        let (control, control_rx) = watch::channel(Control::Run);
        let (instance_tx, instance) = watch::channel(Instance::Pending);
        let task = task::Task {
            cluster: cluster.clone(),
            collect: Box::new(collect),
            instance: instance_tx,
            machine: subscription::Machine::default(),
            ledger: payload::Ledger::default(),
            idle_looks: 0,
        };
        let client_id = cluster.config().connection.client_id.clone().unwrap_or_default();
        let span = tracing::debug_span!("kafka.telemetry", client_id = %client_id);
        let handle = runtime.spawn(task.run(control_rx).instrument(span));
        Telemetry { inner: Some(Handle { control, instance, task: Mutex::new(Some(handle)) }) }
    }

    /// Whether the task runs (`enable.metrics.push` and a runtime).
    pub fn is_enabled(&self) -> bool {
        self.inner.is_some()
    }

    /// The id the cluster assigned this client instance (Java's `clientInstanceId`), waiting
    /// up to `timeout` for the first subscription (asked for over the client's first
    /// connection: a client that has not yet talked to the cluster waits for that too). `None` when telemetry is off, the brokers
    /// do not serve it, or no answer came in time.
    pub async fn client_instance_id(&self, timeout: Duration) -> Option<Uuid> {
        let handle = self.inner.as_ref()?;
        let mut instance = handle.instance.clone();
        let known = tokio::time::timeout(timeout, async move {
            let seen = instance.wait_for(|i| *i != Instance::Pending).await.ok().map(|i| *i);
            match seen {
                Some(Instance::Known(id)) => Some(id),
                _ => None,
            }
        });
        known.await.ok().flatten()
    }

    /// Sends the terminating push (when a subscription asks for metrics) and stops the task,
    /// waiting at most `timeout`.
    pub async fn close(&self, timeout: Duration) {
        let Some(handle) = &self.inner else { return };
        let deadline = Instant::now() + timeout;
        handle.control.send_replace(Control::Close(deadline));
        let task = handle.task.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(mut task) = task {
            if tokio::time::timeout_at(deadline.into(), &mut task).await.is_err() {
                task.abort();
            }
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        // The task ends at the control channel's close; abort in case it waits on a request.
        if let Some(task) = self.task.lock().unwrap_or_else(|p| p.into_inner()).take() {
            task.abort();
        }
    }
}
