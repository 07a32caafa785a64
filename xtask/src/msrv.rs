//! `cargo xtask msrv`: checks the shipped crates, every feature, with the toolchain of the
//! workspace's `rust-version` (installed with rustup when missing), so that the declared
//! minimum is one that builds. Not part of `cargo xtask test`: a second toolchain's check of
//! the whole dependency tree costs minutes that CI's budget does not have.

use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::test::SHIPPED;

pub fn run(args: &[String]) -> Result<()> {
    if !args.is_empty() {
        bail!("usage: cargo xtask msrv");
    }
    let root = crate::paths::root();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).context("reading Cargo.toml")?;
    let version = manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("rust-version = ").map(|v| v.trim_matches('"').to_string()))
        .context("no rust-version in the workspace Cargo.toml")?;
    let toolchain = if version.matches('.').count() == 1 { format!("{version}.0") } else { version.clone() };
    let installed = Command::new("rustup")
        .args(["toolchain", "install", &toolchain, "--profile", "minimal"])
        .status()
        .context("running rustup")?;
    if !installed.success() {
        bail!("rustup could not install Rust {toolchain}");
    }
    let target = crate::paths::cargo_target().join("msrv");
    let status = Command::new("cargo")
        .current_dir(&root)
        .env("CARGO_TARGET_DIR", &target)
        .arg(format!("+{toolchain}"))
        .args(["check", "--all-features"])
        .args(SHIPPED.iter().flat_map(|c| ["-p", c]))
        .status()
        .context("running cargo check")?;
    if !status.success() {
        bail!("the shipped crates do not build with Rust {toolchain}, the declared rust-version");
    }
    println!("msrv: the shipped crates build with Rust {toolchain} (rust-version = \"{version}\")");
    Ok(())
}
