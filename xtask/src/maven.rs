//! Resolving Java artifacts from Maven Central into the local repository (`~/.m2`).
//!
//! With feature `protocol-probe` (the default) this is `server_stub::testing::maven`, with its
//! classpath cache in `target/xtask/maven`. Without it (when kafka-protocol does not build, so
//! neither does server-stub), only what `codegen` needs is here: [`KAFKA_VERSION`] and [`jar`].

use std::path::PathBuf;

use anyhow::Result;

#[cfg(feature = "protocol-probe")]
pub use server_stub::testing::maven::KAFKA_VERSION;

/// The Apache Kafka release whose message specs and jars the project is pinned to (the same
/// constant as `server_stub::testing::maven::KAFKA_VERSION`, which this build cannot use).
#[cfg(not(feature = "protocol-probe"))]
pub const KAFKA_VERSION: &str = "4.4.0";

/// Path of `group:artifact:version` (a jar) in the local repository, downloading it if absent.
#[cfg(feature = "protocol-probe")]
pub fn jar(group: &str, artifact: &str, version: &str) -> Result<PathBuf> {
    Ok(server_stub::testing::maven::jar(group, artifact, version)?)
}

/// A classpath (`:`-separated jars) holding `artifacts` and their runtime dependencies.
#[cfg(feature = "protocol-probe")]
pub fn classpath(artifacts: &[&str]) -> Result<String> {
    let cache = crate::paths::scratch().join("maven");
    Ok(server_stub::testing::maven::classpath(&cache, artifacts)?)
}

/// Path of `group:artifact:version` (a jar) in the local repository, downloading it if absent.
#[cfg(not(feature = "protocol-probe"))]
pub fn jar(group: &str, artifact: &str, version: &str) -> Result<PathBuf> {
    use anyhow::{bail, Context as _};
    let home = std::env::var_os("HOME").map_or_else(|| PathBuf::from("/root"), PathBuf::from);
    let path = home
        .join(".m2/repository")
        .join(group.replace('.', "/"))
        .join(artifact)
        .join(version)
        .join(format!("{artifact}-{version}.jar"));
    if !path.exists() {
        let coordinate = format!("{group}:{artifact}:{version}");
        let status = std::process::Command::new("mvn")
            .args(["-q", "-B", "dependency:get", "-Dtransitive=false"])
            .arg(format!("-Dartifact={coordinate}"))
            .stdin(std::process::Stdio::null())
            .stdout(std::io::stderr())
            .status()
            .context("running mvn (is Maven installed?)")?;
        if !status.success() || !path.exists() {
            bail!("mvn could not resolve {coordinate}");
        }
    }
    Ok(path)
}

/// Needs server-stub's Maven resolution: not in this build.
#[cfg(not(feature = "protocol-probe"))]
pub fn classpath(artifacts: &[&str]) -> Result<String> {
    anyhow::bail!(
        "resolving {} needs xtask's default feature `protocol-probe` (server-stub's Maven \
         resolution); rebuild without --no-default-features",
        artifacts.join(", ")
    )
}
