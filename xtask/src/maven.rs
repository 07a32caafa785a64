//! Resolving Java artifacts from Maven Central into the local repository (`~/.m2`).

use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

/// The Apache Kafka release whose message specs and jars the project is pinned to.
pub const KAFKA_VERSION: &str = "4.4.0";

fn local_repository() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"));
    home.join(".m2").join("repository")
}

/// Path of `group:artifact:version` (a jar) in the local repository, downloading it if absent.
pub fn jar(group: &str, artifact: &str, version: &str) -> Result<PathBuf> {
    let path = local_repository()
        .join(group.replace('.', "/"))
        .join(artifact)
        .join(version)
        .join(format!("{artifact}-{version}.jar"));
    if !path.exists() {
        let coordinate = format!("{group}:{artifact}:{version}");
        let status = mvn()
            .args(["-q", "-B", "dependency:get", "-Dtransitive=false"])
            .arg(format!("-Dartifact={coordinate}"))
            .status()
            .context("running mvn (is Maven installed?)")?;
        if !status.success() || !path.exists() {
            bail!("mvn could not resolve {coordinate}");
        }
    }
    Ok(path)
}

/// `mvn`, its output sent to our stderr so that a task's stdout stays machine-readable.
fn mvn() -> Command {
    let mut command = Command::new("mvn");
    command.stdin(Stdio::null()).stdout(Stdio::from(std::io::stderr()));
    command
}

/// A classpath (`:`-separated jars) holding `artifacts` and their runtime dependencies.
pub fn classpath(artifacts: &[&str]) -> Result<String> {
    classpath_excluding(artifacts, &[])
}

/// Like [`classpath`], leaving out the transitive dependencies named in `exclusions`
/// (`group:artifact`, `*` allowed as in Maven) wherever they are pulled in.
pub fn classpath_excluding(artifacts: &[&str], exclusions: &[&str]) -> Result<String> {
    let mut excluded = String::new();
    for coordinate in exclusions {
        let Some((group, artifact)) = coordinate.split_once(':') else {
            bail!("exclusion `{coordinate}` is not group:artifact");
        };
        excluded.push_str(&format!(
            "<exclusion><groupId>{group}</groupId><artifactId>{artifact}</artifactId></exclusion>"
        ));
    }
    if !excluded.is_empty() {
        excluded = format!("<exclusions>{excluded}</exclusions>");
    }
    let dir = crate::paths::scratch().join("maven");
    std::fs::create_dir_all(&dir)?;
    let mut deps = String::new();
    for coordinate in artifacts {
        let parts: Vec<&str> = coordinate.split(':').collect();
        let [group, artifact, version] = parts[..] else {
            bail!("artifact `{coordinate}` is not group:artifact:version");
        };
        deps.push_str(&format!(
            "<dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId><version>{version}</version>{excluded}</dependency>"
        ));
    }
    let pom = format!(
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\
         <groupId>xtask</groupId><artifactId>classpath</artifactId><version>0</version>\
         <dependencies>{deps}</dependencies></project>"
    );
    let pom_path = dir.join(format!("pom-{:016x}.xml", fxhash(&pom)));
    let out_path = pom_path.with_extension("classpath");
    // A cached classpath is stale if `~/.m2` lost some of its jars since: resolve again.
    let cached_is_complete = std::fs::read_to_string(&out_path).is_ok_and(|cached| {
        cached.trim().split(':').filter(|jar| !jar.is_empty()).all(|jar| std::path::Path::new(jar).exists())
    });
    if !cached_is_complete {
        std::fs::write(&pom_path, pom)?;
        let status = mvn()
            .args(["-q", "-B", "-f"])
            .arg(&pom_path)
            .args(["dependency:build-classpath", "-Dmdep.includeScope=runtime"])
            .arg(format!("-Dmdep.outputFile={}", out_path.display()))
            .status()
            .context("running mvn (is Maven installed?)")?;
        if !status.success() {
            bail!("mvn could not resolve {}", artifacts.join(", "));
        }
    }
    Ok(std::fs::read_to_string(&out_path)?.trim().to_string())
}

fn fxhash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}
