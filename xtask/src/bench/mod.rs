//! `cargo xtask bench produce|consume|txn [--quick]`: our client and its peers on the same broker,
//! with the same workload, in one run (see [`produce`] and [`consume`] for what each does and how
//! it measures).

mod consume;
mod measure;
mod produce;
mod report;
mod setup;

use anyhow::{bail, Result};

const USAGE: &str = "usage: cargo xtask bench produce|consume|txn [--quick] [options; --help for each]";

/// `cargo xtask bench ...`.
pub fn run(args: &[String]) -> Result<()> {
    match args.split_first() {
        Some((what, rest)) if what == "produce" => produce::run(rest),
        Some((what, rest)) if what == "consume" => consume::run(rest),
        Some((what, rest)) if what == "txn" => produce::run_transactions(rest),
        _ => {
            eprintln!("{USAGE}");
            bail!("expected `bench produce`, `bench consume` or `bench txn`");
        }
    }
}
