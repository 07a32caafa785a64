//! An async Apache Kafka client on tokio.
//!
//! Under construction: today it provides [`net::Connection`] (pipelined requests to one broker,
//! version negotiation, timeouts), the [`Error`] type and [`backoff::Backoff`]. The cluster
//! layer, the producer and the consumer follow.

pub mod backoff;
pub mod cluster;
pub mod config;
pub mod error;
pub mod net;
pub mod producer;

pub use error::{BrokerId, Error, Result};
