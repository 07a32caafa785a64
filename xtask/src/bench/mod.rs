//! `cargo xtask bench produce|consume|txn [--quick]`: our client and its peers on the same broker,
//! with the same workload, in one run (see [`produce`] and [`consume`] for what each does and how
//! it measures).
//!
//! Needs xtask's default feature `protocol-probe` (the JVM broker launcher of server-stub).

#[cfg(feature = "protocol-probe")]
mod consume;
#[cfg(feature = "protocol-probe")]
mod measure;
#[cfg(feature = "protocol-probe")]
mod produce;
#[cfg(feature = "protocol-probe")]
mod report;
#[cfg(feature = "protocol-probe")]
mod setup;

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask bench produce|consume|txn [--quick] [options; --help for each]";

/// `cargo xtask bench ...`.
pub fn run(args: &[String]) -> Result<()> {
    match args.split_first() {
        #[cfg(feature = "protocol-probe")]
        Some((what, rest)) if what == "produce" => produce::run(rest),
        #[cfg(feature = "protocol-probe")]
        Some((what, rest)) if what == "consume" => consume::run(rest),
        #[cfg(feature = "protocol-probe")]
        Some((what, rest)) if what == "txn" => produce::run_transactions(rest),
        #[cfg(not(feature = "protocol-probe"))]
        Some((what, _)) if what == "produce" || what == "consume" || what == "txn" => bail!(
            "`cargo xtask bench` needs xtask's default feature `protocol-probe` (server-stub's JVM \
             launcher); rebuild without --no-default-features"
        ),
        _ => {
            eprintln!("{USAGE}");
            bail!("expected `bench produce`, `bench consume` or `bench txn`");
        }
    }
}
