//! The telemetry state machine, without I/O: what a GetTelemetrySubscriptions answer means,
//! which metrics it selects, and after each answer or failure what the task does next.
//!
//! ```text
//!            +------------------ no metrics requested: ask again after the interval ----+
//!            v                                                                          |
//!   [GetSubscription] --ok--> [Push] (first after 0.5..1.5 x interval, then every interval)
//!       ^    |                  |
//!       |    | disabling error  | UNKNOWN_SUBSCRIPTION_ID, UNSUPPORTED_COMPRESSION_TYPE: at once
//!       |    v                  | TELEMETRY_TOO_LARGE, THROTTLING_QUOTA_EXCEEDED: after the interval
//!       |  [Stop] <-------------+ INVALID_REQUEST, INVALID_RECORD, UNSUPPORTED_VERSION, any other
//!       +--------------------------------------------------------------------------------+
//! ```
//! A request that got no answer (connection lost, timeout) asks for the subscription again
//! after a backoff (1 s doubling up to the interval). Closing ends in one terminating push when
//! a subscription asks for metrics (the task's business: see `task.rs`).

use std::time::Duration;

use kfk_protocol::compression::Compression;
use kfk_protocol::messages::GetTelemetrySubscriptionsResponse;
use kfk_protocol::{ErrorCode, Uuid};

use crate::backoff::Backoff;

/// The push interval when the broker names none (or a bad one): Java's 5 minutes.
pub(crate) const DEFAULT_INTERVAL: Duration = Duration::from_secs(300);

/// Which metrics a subscription asks for (KIP-714 `RequestedMetrics`, matched against the
/// full OTLP name as Java's `ClientTelemetryUtils` does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Selector {
    /// An empty list: push nothing.
    Nothing,
    /// `*` (what Kafka brokers send for "all"): every metric.
    All,
    /// Names starting with one of these (an empty string matches every name).
    Prefixes(Vec<String>),
}

impl Selector {
    pub(crate) fn from_requested(requested: &[String]) -> Selector {
        if requested.is_empty() {
            Selector::Nothing
        } else if requested.iter().any(|p| p == "*") {
            Selector::All
        } else {
            Selector::Prefixes(requested.to_vec())
        }
    }

    pub(crate) fn matches(&self, name: &str) -> bool {
        match self {
            Selector::Nothing => false,
            Selector::All => true,
            Selector::Prefixes(prefixes) => prefixes.iter().any(|p| name.starts_with(p.as_str())),
        }
    }
}

/// A subscription as the broker gave it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Subscription {
    pub instance_id: Uuid,
    pub id: i32,
    /// The first accepted codec this client has (the broker lists them in its order of
    /// preference); `None` when it accepts none of them.
    pub compression: Compression,
    pub interval: Duration,
    /// The largest payload the broker takes (`TelemetryMaxBytes`), after compression.
    pub max_bytes: usize,
    pub delta: bool,
    pub selector: Selector,
}

impl Subscription {
    /// The subscription an error-free answer carries; `current` is the instance id this
    /// client already has (the broker may leave the field zero then).
    pub(crate) fn from_response(response: &GetTelemetrySubscriptionsResponse, current: Uuid) -> Subscription {
        let instance_id = if response.client_instance_id == Uuid::ZERO { current } else { response.client_instance_id };
        let compression = response
            .accepted_compression_types
            .iter()
            .filter_map(|&code| Compression::from_code(i16::from(code)).ok())
            .find(|c| *c != Compression::None)
            .unwrap_or(Compression::None);
        let interval = match response.push_interval_ms {
            ms if ms > 0 => Duration::from_millis(ms as u64),
            _ => DEFAULT_INTERVAL,
        };
        Subscription {
            instance_id,
            id: response.subscription_id,
            compression,
            interval,
            max_bytes: usize::try_from(response.telemetry_max_bytes).unwrap_or(0),
            delta: response.delta_temporality,
            selector: Selector::from_requested(&response.requested_metrics),
        }
    }
}

/// What the task does next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// Ask for the subscription after this long.
    GetSubscription(Duration),
    /// Push the selected metrics after this long.
    Push(Duration),
    /// Push no more: the broker refused for good, or does not serve telemetry.
    Stop,
}

/// What an error code asks of the client (KIP-714 "Error handling").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorAction {
    /// Ask for the subscription again at once.
    RefetchNow,
    /// Ask for the subscription again after the push interval.
    RefetchLater,
    /// Stop pushing: retrying cannot help.
    Disable,
}

pub(crate) fn error_action(code: i16) -> ErrorAction {
    let code = ErrorCode(code);
    if code == ErrorCode::UNKNOWN_SUBSCRIPTION_ID || code == ErrorCode::UNSUPPORTED_COMPRESSION_TYPE {
        ErrorAction::RefetchNow
    } else if code == ErrorCode::TELEMETRY_TOO_LARGE || code == ErrorCode::THROTTLING_QUOTA_EXCEEDED {
        ErrorAction::RefetchLater
    } else {
        // INVALID_REQUEST, INVALID_RECORD, UNSUPPORTED_VERSION, and codes KIP-714 does not name.
        ErrorAction::Disable
    }
}

/// The client's telemetry state: the current subscription and the failures in a row.
#[derive(Debug, Default)]
pub(crate) struct Machine {
    subscription: Option<Subscription>,
    failures: u32,
}

impl Machine {
    /// The subscription, once one was received.
    pub(crate) fn subscription(&self) -> Option<&Subscription> {
        self.subscription.as_ref()
    }

    /// The id to send in GetTelemetrySubscriptions: zero until the broker assigned one.
    pub(crate) fn instance_id(&self) -> Uuid {
        self.subscription.as_ref().map_or(Uuid::ZERO, |s| s.instance_id)
    }

    fn interval(&self) -> Duration {
        self.subscription.as_ref().map_or(DEFAULT_INTERVAL, |s| s.interval)
    }

    /// A GetTelemetrySubscriptions answer. `jitter` in 0.5..1.5 spreads the first push of
    /// clients started together (KIP-714).
    pub(crate) fn on_subscription(&mut self, response: &GetTelemetrySubscriptionsResponse, jitter: f64) -> Step {
        self.failures = 0;
        if response.error_code != ErrorCode::NONE.0 {
            return self.on_error(response.error_code);
        }
        let subscription = Subscription::from_response(response, self.instance_id());
        if subscription.instance_id == Uuid::ZERO {
            // The broker must assign an id; without one there is nothing to push under.
            return Step::Stop;
        }
        let interval = subscription.interval;
        let nothing = subscription.selector == Selector::Nothing;
        self.subscription = Some(subscription);
        if nothing {
            Step::GetSubscription(interval)
        } else {
            Step::Push(interval.mul_f64(jitter.clamp(0.5, 1.5)))
        }
    }

    /// A PushTelemetry answer.
    pub(crate) fn on_push(&mut self, error_code: i16) -> Step {
        self.failures = 0;
        if error_code == ErrorCode::NONE.0 {
            return Step::Push(self.interval());
        }
        self.on_error(error_code)
    }

    fn on_error(&mut self, code: i16) -> Step {
        match error_action(code) {
            ErrorAction::RefetchNow => Step::GetSubscription(Duration::ZERO),
            ErrorAction::RefetchLater => Step::GetSubscription(self.interval()),
            ErrorAction::Disable => Step::Stop,
        }
    }

    /// A request that got no answer: ask for the subscription again after a backoff.
    pub(crate) fn on_failure(&mut self) -> Step {
        let backoff = Backoff::new(Duration::from_secs(1), self.interval());
        let delay = backoff.delay(self.failures);
        self.failures = self.failures.saturating_add(1);
        Step::GetSubscription(delay)
    }

    /// Whether closing sends a terminating push: only under a subscription that asks for
    /// metrics (as Java, which skips it while it still needs a subscription).
    pub(crate) fn pushes(&self) -> bool {
        self.subscription.as_ref().is_some_and(|s| s.selector != Selector::Nothing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(metrics: &[&str]) -> GetTelemetrySubscriptionsResponse {
        GetTelemetrySubscriptionsResponse {
            client_instance_id: Uuid::from_u128(7),
            subscription_id: 3,
            accepted_compression_types: vec![9, 4, 1],
            push_interval_ms: 1000,
            telemetry_max_bytes: 1 << 20,
            delta_temporality: true,
            requested_metrics: metrics.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        }
    }

    #[test]
    fn an_empty_list_selects_nothing_and_star_or_empty_prefix_everything() {
        assert!(!Selector::from_requested(&[]).matches("org.apache.kafka.producer.record.send.total"));
        assert!(Selector::from_requested(&["*".into()]).matches("anything"));
        assert!(Selector::from_requested(&["".into()]).matches("anything"));
        let some = Selector::from_requested(&["org.apache.kafka.producer.".into()]);
        assert!(some.matches("org.apache.kafka.producer.record.send.total"));
        assert!(!some.matches("org.apache.kafka.consumer.fetch.manager.fetch.total"));
    }

    #[test]
    fn the_first_accepted_codec_we_know_is_used_and_unknown_codes_are_skipped() {
        let s = Subscription::from_response(&answer(&["*"]), Uuid::ZERO);
        assert_eq!(s.compression, Compression::Zstd);
        let none = Subscription::from_response(
            &GetTelemetrySubscriptionsResponse { accepted_compression_types: vec![], ..answer(&["*"]) },
            Uuid::ZERO,
        );
        assert_eq!(none.compression, Compression::None);
    }

    #[test]
    fn the_first_push_is_jittered_and_later_ones_keep_the_interval() {
        let mut m = Machine::default();
        assert_eq!(m.on_subscription(&answer(&["*"]), 0.5), Step::Push(Duration::from_millis(500)));
        assert_eq!(m.instance_id(), Uuid::from_u128(7));
        assert_eq!(m.on_push(ErrorCode::NONE.0), Step::Push(Duration::from_secs(1)));
        assert!(m.pushes());
    }

    #[test]
    fn no_requested_metrics_means_asking_again_after_the_interval() {
        let mut m = Machine::default();
        assert_eq!(m.on_subscription(&answer(&[]), 1.0), Step::GetSubscription(Duration::from_secs(1)));
        assert!(!m.pushes());
    }

    #[test]
    fn push_errors_follow_kip_714() {
        let mut m = Machine::default();
        m.on_subscription(&answer(&["*"]), 1.0);
        assert_eq!(m.on_push(ErrorCode::UNKNOWN_SUBSCRIPTION_ID.0), Step::GetSubscription(Duration::ZERO));
        assert_eq!(m.on_push(ErrorCode::UNSUPPORTED_COMPRESSION_TYPE.0), Step::GetSubscription(Duration::ZERO));
        assert_eq!(m.on_push(ErrorCode::TELEMETRY_TOO_LARGE.0), Step::GetSubscription(Duration::from_secs(1)));
        assert_eq!(m.on_push(ErrorCode::THROTTLING_QUOTA_EXCEEDED.0), Step::GetSubscription(Duration::from_secs(1)));
        assert_eq!(m.on_push(ErrorCode::INVALID_RECORD.0), Step::Stop);
        assert_eq!(m.on_push(ErrorCode::INVALID_REQUEST.0), Step::Stop);
        assert_eq!(m.on_push(ErrorCode::UNSUPPORTED_VERSION.0), Step::Stop);
    }

    #[test]
    fn the_assigned_instance_id_is_kept_when_the_broker_leaves_it_zero() {
        let mut m = Machine::default();
        m.on_subscription(&answer(&["*"]), 1.0);
        let again = GetTelemetrySubscriptionsResponse { client_instance_id: Uuid::ZERO, ..answer(&["*"]) };
        m.on_subscription(&again, 1.0);
        assert_eq!(m.instance_id(), Uuid::from_u128(7));
    }

    #[test]
    fn failures_back_off_up_to_the_interval() {
        let mut m = Machine::default();
        m.on_subscription(&answer(&["*"]), 1.0);
        for _ in 0..10 {
            match m.on_failure() {
                Step::GetSubscription(d) => assert!(d <= Duration::from_secs(1), "{d:?}"),
                other => panic!("{other:?}"),
            }
        }
    }
}
