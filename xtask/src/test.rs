//! `cargo xtask test`: the whole suite, as CI runs it.

use std::process::Command;

use anyhow::{bail, Result};

pub fn run(_args: &[String]) -> Result<()> {
    let status = Command::new(env!("CARGO"))
        .current_dir(crate::paths::root())
        .args(["test", "--workspace", "--all-features"])
        .status()?;
    if !status.success() {
        bail!("cargo test failed");
    }
    Ok(())
}
