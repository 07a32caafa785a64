//! Shared pieces of the integration suite.
//!
//! Every test body runs against one backend per run of the test binary, chosen by
//! `TEST_BACKEND`: `stub` (the in-process reference broker, the default when no real broker is
//! configured) or `kafka` (the broker at `KAFKA_BOOTSTRAP_SERVERS`). `cargo xtask test` runs the
//! suite once per backend and reports each.
//!
//! Every reliability test checks what it read against what it sent with [`delivery`]; every
//! wait for a condition goes through [`wait`] ([`wait_until`]).

pub mod backend;
pub mod cluster;
pub mod copier;
pub mod delivery;
pub mod java;
pub mod members;
pub mod produce;
pub mod read;
pub mod spans;
pub mod topics;
pub mod wait;
pub mod wire;

pub use backend::{Backend, BackendKind};
pub use wait::{ready_when, wait_until, NotYet, Ready, Wait};
pub use wire::{Conn, WireError};

/// A topic name unique to this process and call, so tests sharing a broker do not collide.
pub fn unique_topic(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    format!("{prefix}-{}-{nanos:x}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}
