//! The one telemetry task of a client: asks for the subscription, pushes on its interval, and
//! on close sends the terminating push. Every request waits at most `request.timeout.ms` (the
//! connection's own bound); the terminating push at most what is left of the close timeout.
//! Nothing here reaches the producer's or consumer's own work: a failure only changes when
//! the task asks again.

use std::time::{Duration, Instant};

use bytes::Bytes;
use kfk_protocol::messages::{ApiKey, GetTelemetrySubscriptionsRequest, PushTelemetryRequest};
use tokio::sync::watch;
use tracing::{debug, warn};

use super::payload::Ledger;
use super::subscription::{Machine, Step};
use super::{Collect, Control, Instance};
use crate::cluster::Cluster;
use crate::net::Connection;

pub(super) struct Task {
    pub(super) cluster: Cluster,
    pub(super) collect: Collect,
    pub(super) instance: watch::Sender<Instance>,
    pub(super) machine: Machine,
    pub(super) ledger: Ledger,
    /// Looks for the client's first connection so far (telemetry never opens it).
    pub(super) idle_looks: u32,
}

/// Why a request could not be made.
enum Unavailable {
    /// The client has not connected to any broker yet: look again soon.
    NotYet,
    /// No broker answered: try again later.
    NoConnection,
    /// The broker does not serve the API: stop.
    Unsupported,
}

impl Task {
    pub(super) async fn run(mut self, mut control: watch::Receiver<Control>) {
        let mut step = Step::GetSubscription(Duration::ZERO);
        loop {
            let (after, push) = match step {
                Step::GetSubscription(after) => (after, false),
                Step::Push(after) => (after, true),
                Step::Stop => break,
            };
            let interrupted = tokio::select! {
                () = tokio::time::sleep(after) => false,
                _ = control.changed() => true,
            };
            if interrupted {
                return self.closing(&control).await;
            }
            let next = tokio::select! {
                next = self.step(push, false) => Some(next),
                _ = control.changed() => None,
            };
            match next {
                Some(next) => step = next,
                None => return self.closing(&control).await,
            }
        }
        // Stopped for good: a caller waiting for the instance id learns there is none.
        self.instance.send_if_modified(|i| {
            let pending = *i == Instance::Pending;
            if pending {
                *i = Instance::Unavailable;
            }
            pending
        });
    }

    /// The control changed: the client closes (terminating push, bounded by the close
    /// deadline) or went away (nothing more).
    async fn closing(&mut self, control: &watch::Receiver<Control>) {
        let Control::Close(deadline) = *control.borrow() else { return };
        if !self.machine.pushes() {
            debug!("no subscribed metrics; no terminating push");
            return;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if tokio::time::timeout(left, self.step(true, true)).await.is_err() {
            debug!(?left, "the terminating telemetry push did not finish within the close timeout");
        }
    }

    async fn step(&mut self, push: bool, terminating: bool) -> Step {
        if push {
            self.push(terminating).await
        } else {
            self.get_subscription().await
        }
    }

    async fn connection(&mut self, api: ApiKey) -> Result<(Connection, i16), Unavailable> {
        // Until a subscription came, only over a connection the client opened itself: a client
        // that never talks to the cluster is not made to connect by its telemetry.
        let conn = match self.cluster.any_open_connection() {
            Some(conn) => conn,
            None if self.machine.subscription().is_none() => return Err(Unavailable::NotYet),
            None => self.cluster.any_connection().await.map_err(|e| {
                debug!(error = %e, "no broker for telemetry");
                Unavailable::NoConnection
            })?,
        };
        self.idle_looks = 0;
        match conn.version_for(api) {
            Ok(version) => Ok((conn, version)),
            Err(_) => {
                debug!(broker = %conn.broker(), api = api.name(), "the broker does not serve KIP-714 telemetry; no metrics are pushed");
                Err(Unavailable::Unsupported)
            }
        }
    }

    fn unavailable(&mut self, why: Unavailable) -> Step {
        match why {
            Unavailable::NotYet => {
                // 100 ms, doubling to 2 s.
                let wait = Duration::from_millis(100 << self.idle_looks.min(4)).min(Duration::from_secs(2));
                self.idle_looks = self.idle_looks.saturating_add(1);
                Step::GetSubscription(wait)
            }
            Unavailable::NoConnection => self.machine.on_failure(),
            Unavailable::Unsupported => Step::Stop,
        }
    }

    async fn get_subscription(&mut self) -> Step {
        let (conn, version) = match self.connection(ApiKey::GetTelemetrySubscriptions).await {
            Ok(c) => c,
            Err(why) => return self.unavailable(why),
        };
        let request =
            GetTelemetrySubscriptionsRequest { client_instance_id: self.machine.instance_id(), ..Default::default() };
        match conn.send_at(&request, version).await {
            Ok(response) => {
                let step = self.machine.on_subscription(&response, 0.5 + fastrand::f64());
                if let Some(s) = self.machine.subscription() {
                    let known = Instance::Known(s.instance_id);
                    self.instance.send_if_modified(|i| std::mem::replace(i, known) != known);
                    debug!(
                        instance = %s.instance_id,
                        subscription = s.id,
                        interval_ms = s.interval.as_millis() as u64,
                        metrics = ?s.selector,
                        delta = s.delta,
                        compression = s.compression.name(),
                        error_code = response.error_code,
                        ?step,
                        "telemetry subscription"
                    );
                } else {
                    debug!(error_code = response.error_code, ?step, "telemetry subscription refused");
                }
                self.log_stop(&step, response.error_code, "GetTelemetrySubscriptions");
                step
            }
            Err(e) => {
                debug!(error = %e, "GetTelemetrySubscriptions failed");
                self.machine.on_failure()
            }
        }
    }

    async fn push(&mut self, terminating: bool) -> Step {
        let Some(subscription) = self.machine.subscription().cloned() else {
            return Step::GetSubscription(Duration::ZERO);
        };
        let Some(collected) = (self.collect)() else {
            debug!("the client is gone; telemetry stops");
            return Step::Stop;
        };
        let (conn, version) = match self.connection(ApiKey::PushTelemetry).await {
            Ok(c) => c,
            Err(why) => return self.unavailable(why),
        };
        let payload = self.ledger.payload(&collected.metrics, &collected.resource, &subscription);
        let request = PushTelemetryRequest {
            client_instance_id: subscription.instance_id,
            subscription_id: subscription.id,
            terminating,
            compression_type: payload.compression.code() as i8,
            metrics: Bytes::from(payload.bytes),
            ..Default::default()
        };
        let bytes = request.metrics.len();
        match conn.send_at(&request, version).await {
            Ok(response) => {
                debug!(
                    terminating,
                    metrics = payload.metrics,
                    dropped = payload.dropped,
                    bytes,
                    compression = payload.compression.name(),
                    error_code = response.error_code,
                    "telemetry pushed"
                );
                let step = self.machine.on_push(response.error_code);
                self.log_stop(&step, response.error_code, "PushTelemetry");
                step
            }
            Err(e) => {
                debug!(error = %e, terminating, "PushTelemetry failed");
                self.machine.on_failure()
            }
        }
    }

    /// KIP-714: an error that stops telemetry is logged, as it points at a client or broker
    /// problem retrying cannot solve.
    fn log_stop(&self, step: &Step, error_code: i16, api: &str) {
        if *step == Step::Stop && error_code != 0 {
            warn!(
                api,
                error = kfk_protocol::ErrorCode(error_code).name(),
                "the broker refused client telemetry for good; no more metrics are pushed"
            );
        }
    }
}
