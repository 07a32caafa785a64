//! `cargo xtask kafka` in a build without feature `protocol-probe`: the same items as `cli.rs`,
//! each failing with a message that says how to get the real thing.

use anyhow::{bail, Result};

use super::Options;

/// The newest 3.9.x on Maven Central.
pub const LATEST_3_9: &str = "3.9.2";

const WHY: &str = "`cargo xtask kafka` needs xtask's default feature `protocol-probe` (the JVM \
                   launcher lives in server-stub, which needs kafka-protocol); rebuild without \
                   --no-default-features";

/// `cargo xtask kafka ...`: unavailable in this build.
pub fn run(_args: &[String]) -> Result<()> {
    bail!(WHY)
}

/// Stopping what xtask started: unavailable in this build.
pub fn stop() -> Result<usize> {
    bail!(WHY)
}

/// A cluster: none can start in this build.
#[derive(Debug)]
pub struct Cluster(());

impl Cluster {
    /// Unavailable in this build.
    pub fn start(_options: &Options) -> Result<Cluster> {
        bail!(WHY)
    }

    /// Never called: no `Cluster` exists in this build.
    pub fn bootstrap(&self) -> String {
        String::new()
    }

    /// Never called: no `Cluster` exists in this build.
    pub fn security_file(&self) -> Option<std::path::PathBuf> {
        None
    }

    /// Never called: no `Cluster` exists in this build.
    pub fn stop(self) -> Result<()> {
        Ok(())
    }
}
