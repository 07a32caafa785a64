//! Real Apache Kafka for tests, without Docker or a tarball: what `cargo xtask kafka
//! start|stop|status` runs, and what server-stub's `TestCluster` runs when it picks a real broker.
//!
//! - [`jvm`]: the JVM launcher. Kafka in KRaft mode from the jars on Maven Central, 1 or 3
//!   nodes on `127.0.0.1`, started detached, found again from its state file, stopped; kill and
//!   restart nodes for fault tests; a secured variant ([`jvm::security`]: TLS, SASL, mutual TLS,
//!   ACLs, signed OAUTHBEARER tokens) whose certificates and users are written at start.
//! - [`maven`]: resolving jars and classpaths with `mvn`, and [`KAFKA_VERSION`], the one Kafka
//!   release the workspace is pinned to (codegen's message specs, the brokers tests run on).
//! - [`oidc`]: a test identity provider: signed tokens, a JWKS, a token endpoint on loopback.
//! - `container` (feature `testcontainers`): the `apache/kafka` image as one KRaft node.
//! - [`SecurityProtocol`] and [`SaslMechanism`]: a listener's protocol and mechanisms by Kafka's
//!   names, shared with server-stub (which re-exports them). The only items built without the
//!   default feature `launcher`.
//!
//! This crate does not depend on `kfk-protocol`: codegen, which generates that crate, and the
//! launcher must build when it does not. A broker counts as ready once it answers a Metadata
//! request listing every running node; [`jvm::broker_ids`] writes and reads the few bytes that
//! takes itself. See `DESIGN.md` next to this crate.
//!
//! Everything here blocks unless it says otherwise; every wait is bounded. Linux only (`/proc`,
//! `setsid`, `kill`).

#[cfg(feature = "testcontainers")]
pub mod container;
#[cfg(feature = "launcher")]
pub mod jvm;
mod listener;
#[cfg(feature = "launcher")]
mod logs;
#[cfg(feature = "launcher")]
pub mod maven;
#[cfg(feature = "launcher")]
pub mod oidc;

pub use listener::{SaslMechanism, SecurityProtocol};
#[cfg(feature = "launcher")]
pub use maven::KAFKA_VERSION;
