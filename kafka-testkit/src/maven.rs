//! Resolving Java artifacts from Maven Central into the local Maven repository (`~/.m2`), with
//! the `mvn` command.
//!
//! The JVM launcher ([`super::jvm`]) builds Kafka's classpath with [`classpath_excluding`];
//! `cargo xtask codegen` and `golden` use [`jar`] and [`classpath`]. Every call blocks, and every
//! `mvn` run is bounded by [`MVN_TIMEOUT`]: a run that takes longer is stopped and reported.
//!
//! ```no_run
//! # fn main() -> Result<(), kfk_testkit::maven::MavenError> {
//! use kfk_testkit::maven::{self, KAFKA_VERSION};
//!
//! let jar = maven::jar("org.apache.kafka", "kafka-clients", KAFKA_VERSION)?;
//! let scratch = std::env::temp_dir().join("my-maven-scratch");
//! let classpath = maven::classpath(&scratch, &["org.apache.kafka:kafka-clients:4.4.0"])?;
//! assert!(classpath.contains(&jar.display().to_string()));
//! # Ok(())
//! # }
//! ```

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use super::logs::tail;

/// The Apache Kafka release whose message specs and jars the project is pinned to.
pub const KAFKA_VERSION: &str = "4.4.0";

/// The longest one `mvn` run may take (a first resolution of Kafka downloads about 100 MB).
pub const MVN_TIMEOUT: Duration = Duration::from_secs(600);

/// Why an artifact could not be resolved, and what to do about it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MavenError {
    /// `mvn` is not installed (or not on `PATH`).
    #[error("`mvn` could not be run ({source}): install Apache Maven 3 and put `mvn` on PATH")]
    MvnMissing {
        /// Why it could not be started.
        #[source]
        source: std::io::Error,
    },
    /// `mvn` ran but failed.
    #[error(
        "mvn could not resolve {coordinates} ({status}); check access to Maven Central \
         (network, proxy, ~/.m2/settings.xml)\n--- mvn output ---\n{output}"
    )]
    Unresolved {
        /// What was asked for.
        coordinates: String,
        /// How `mvn` exited.
        status: String,
        /// The end of its output.
        output: String,
    },
    /// `mvn` did not finish within [`MVN_TIMEOUT`]; it was stopped.
    #[error(
        "mvn did not resolve {coordinates} within {} s and was stopped; check access to Maven \
         Central\n--- mvn output ---\n{output}",
        timeout.as_secs()
    )]
    TimedOut {
        /// What was asked for.
        coordinates: String,
        /// How long it was given.
        timeout: Duration,
        /// The end of its output.
        output: String,
    },
    /// A coordinate is malformed.
    #[error("`{coordinate}` is not {expected}")]
    BadCoordinate {
        /// The coordinate given.
        coordinate: String,
        /// Its expected shape, e.g. `group:artifact:version`.
        expected: &'static str,
    },
    /// A file or directory could not be read or written.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. `writing`.
        action: &'static str,
        /// Where.
        path: PathBuf,
        /// The failure.
        #[source]
        source: std::io::Error,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> MavenError {
    let path = path.to_path_buf();
    move |source| MavenError::Io { action, path, source }
}

/// The local repository, `$HOME/.m2/repository` (Maven's default).
fn local_repository() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from("/root"));
    home.join(".m2").join("repository")
}

/// Path of the jar `group:artifact:version` in the local repository, downloading it (without its
/// dependencies) if absent.
pub fn jar(group: &str, artifact: &str, version: &str) -> Result<PathBuf, MavenError> {
    let path = local_repository()
        .join(group.replace('.', "/"))
        .join(artifact)
        .join(version)
        .join(format!("{artifact}-{version}.jar"));
    if !path.exists() {
        let coordinates = format!("{group}:{artifact}:{version}");
        let log = scratch_log();
        let result = run_mvn(
            Command::new("mvn")
                .args(["-q", "-B", "dependency:get", "-Dtransitive=false"])
                .arg(format!("-Dartifact={coordinates}")),
            &log,
            &coordinates,
        );
        let _ = std::fs::remove_file(&log);
        result?;
        if !path.exists() {
            return Err(MavenError::Unresolved {
                coordinates,
                status: format!("exit 0, but {} is absent", path.display()),
                output: String::new(),
            });
        }
    }
    Ok(path)
}

/// A classpath (`:`-separated jars) holding `artifacts` (`group:artifact:version`) and their
/// runtime dependencies. `work_dir` keeps the generated pom and the resolved classpath, so that a
/// second call for the same artifacts does not run `mvn` again.
pub fn classpath(work_dir: &Path, artifacts: &[&str]) -> Result<String, MavenError> {
    classpath_excluding(work_dir, artifacts, &[])
}

/// Like [`classpath`], leaving out the transitive dependencies named in `exclusions`
/// (`group:artifact`, `*` allowed as in Maven) wherever they are pulled in.
pub fn classpath_excluding(work_dir: &Path, artifacts: &[&str], exclusions: &[&str]) -> Result<String, MavenError> {
    let mut excluded = String::new();
    for coordinate in exclusions {
        let Some((group, artifact)) = coordinate.split_once(':') else {
            return Err(MavenError::BadCoordinate { coordinate: coordinate.to_string(), expected: "group:artifact" });
        };
        excluded
            .push_str(&format!("<exclusion><groupId>{group}</groupId><artifactId>{artifact}</artifactId></exclusion>"));
    }
    if !excluded.is_empty() {
        excluded = format!("<exclusions>{excluded}</exclusions>");
    }
    let mut deps = String::new();
    for coordinate in artifacts {
        let parts: Vec<&str> = coordinate.split(':').collect();
        let [group, artifact, version] = parts[..] else {
            return Err(MavenError::BadCoordinate {
                coordinate: coordinate.to_string(),
                expected: "group:artifact:version",
            });
        };
        deps.push_str(&format!(
            "<dependency><groupId>{group}</groupId><artifactId>{artifact}</artifactId>\
             <version>{version}</version>{excluded}</dependency>"
        ));
    }
    let pom = format!(
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>\
         <groupId>xtask</groupId><artifactId>classpath</artifactId><version>0</version>\
         <dependencies>{deps}</dependencies></project>"
    );
    std::fs::create_dir_all(work_dir).map_err(io_error("creating", work_dir))?;
    let pom_path = work_dir.join(format!("pom-{:016x}.xml", fxhash(&pom)));
    let out_path = pom_path.with_extension("classpath");
    // A cached classpath is stale if `~/.m2` lost some of its jars since: resolve again.
    let cached_is_complete = std::fs::read_to_string(&out_path)
        .is_ok_and(|cached| cached.trim().split(':').filter(|jar| !jar.is_empty()).all(|jar| Path::new(jar).exists()));
    if !cached_is_complete {
        std::fs::write(&pom_path, pom).map_err(io_error("writing", &pom_path))?;
        run_mvn(
            Command::new("mvn")
                .args(["-q", "-B", "-f"])
                .arg(&pom_path)
                .args(["dependency:build-classpath", "-Dmdep.includeScope=runtime"])
                .arg(format!("-Dmdep.outputFile={}", out_path.display())),
            &pom_path.with_extension("log"),
            &artifacts.join(", "),
        )?;
    }
    let text = std::fs::read_to_string(&out_path).map_err(io_error("reading", &out_path))?;
    Ok(text.trim().to_string())
}

/// Runs `command` (an `mvn` invocation) with its output in `log`, at most [`MVN_TIMEOUT`].
fn run_mvn(command: &mut Command, log: &Path, coordinates: &str) -> Result<(), MavenError> {
    let out = File::create(log).map_err(io_error("creating", log))?;
    let err = out.try_clone().map_err(io_error("opening", log))?;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err))
        .spawn()
        .map_err(|source| MavenError::MvnMissing { source })?;
    let deadline = Instant::now() + MVN_TIMEOUT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(MavenError::Unresolved {
                    coordinates: coordinates.to_string(),
                    status: status.to_string(),
                    output: tail(log, 40),
                })
            }
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(MavenError::TimedOut {
                    coordinates: coordinates.to_string(),
                    timeout: MVN_TIMEOUT,
                    output: tail(log, 40),
                });
            }
            Err(source) => {
                return Err(MavenError::Io { action: "waiting for mvn, log", path: log.to_path_buf(), source })
            }
        }
    }
}

/// A fresh file name in the temporary directory for the output of one `mvn` run.
fn scratch_log() -> PathBuf {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    std::env::temp_dir().join(format!(
        "kafka-testkit-mvn-{}-{}.log",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
}

fn fxhash(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_coordinates_are_named() {
        let dir = std::env::temp_dir();
        let err = classpath(&dir, &["org.apache.kafka:kafka-clients"]).err();
        assert!(matches!(err, Some(MavenError::BadCoordinate { expected: "group:artifact:version", .. })), "{err:?}");
        let err = classpath_excluding(&dir, &["a:b:1"], &["nogroup"]).err();
        assert!(matches!(err, Some(MavenError::BadCoordinate { expected: "group:artifact", .. })));
    }

    #[test]
    fn pom_names_are_stable() {
        // Cached classpaths are keyed by this hash: it must not change between releases.
        assert_eq!(fxhash(""), 0xcbf29ce484222325);
        assert_eq!(fxhash("a"), 0xaf63dc4c8601ec8c);
    }
}
