//! An async Apache Kafka client on tokio.
//!
//! - [`producer::Producer`]: batching, compression, acks, retries, idempotence, transactions.
//! - [`consumer::Consumer`]: assigned partitions or consumer groups ([`group`]: classic protocol
//!   with eager and cooperative assignors, or KIP-848), positions, seek, pause, poll and streams.
//! - [`exactly_once::ExactlyOnce`]: consume-transform-produce in transactions.
//! - [`cluster::Cluster`]: bootstrap, metadata, connections per broker (fetch, coordinator and
//!   everything else apart, so nothing waits behind a held Fetch).
//! - [`net::Connection`]: pipelined requests to one broker, version negotiation, timeouts.
//! - [`config`]: typed builders and Java-style properties.
//! - [`metrics`]: the Java client's metrics, as snapshots and through the `metrics` facade.
//! - [`telemetry`]: KIP-714 client metrics push (`enable.metrics.push`).
//! - [`trace_context`]: the W3C `traceparent` record header, to carry a trace through Kafka.

pub mod backoff;
pub mod cluster;
pub mod config;
pub mod consumer;
pub mod error;
pub mod exactly_once;
pub mod group;
pub mod interceptor;
pub mod metrics;
pub mod net;
pub mod producer;
pub mod sasl;
pub mod secret;
pub mod serialization;
pub mod telemetry;
pub mod trace_context;
pub mod types;

pub use error::{BrokerId, EnforceRebalanceError, Error, Result, TlsFailure};
/// Kafka's error codes, as errors carry them ([`Error::code`]).
pub use kfk_protocol::ErrorCode;

/// The README's examples, compiled with the doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
