//! Resolving Java artifacts from Maven Central into the local repository (`~/.m2`): the
//! launcher's `kfk_testkit::maven`, with xtask's classpath cache in `target/xtask/maven`.

use std::path::PathBuf;

use anyhow::Result;

pub use kfk_testkit::KAFKA_VERSION;

/// Path of `group:artifact:version` (a jar) in the local repository, downloading it if absent.
pub fn jar(group: &str, artifact: &str, version: &str) -> Result<PathBuf> {
    Ok(kfk_testkit::maven::jar(group, artifact, version)?)
}

/// A classpath (`:`-separated jars) holding `artifacts` and their runtime dependencies.
pub fn classpath(artifacts: &[&str]) -> Result<String> {
    let cache = crate::paths::scratch().join("maven");
    Ok(kfk_testkit::maven::classpath(&cache, artifacts)?)
}
