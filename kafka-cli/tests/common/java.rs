//! Kafka's Java tools, run beside `kfk` for parity checks: resolved once per artifact through
//! Maven, skipped (and reported as skipped) without a JDK or Maven.

use std::path::PathBuf;
use std::process::Command;

use kfk_stub::testing::maven;

use super::Run;

/// The kafka-tools release whose jars the project already resolves (`cargo xtask bench`).
pub const TOOLS: &str = "org.apache.kafka:kafka-tools:4.3.1";

/// Kafka 3.9's core: Kafka 4 dropped the Scala `kafka.admin.ConfigCommand`, 3.9's prints the
/// same lines.
pub const CORE_3_9: &str = "org.apache.kafka:kafka_2.13:3.9.2";

/// The classpath that runs `artifact`'s main classes, or why there is none.
pub async fn classpath(artifact: &str) -> Result<String, String> {
    if Command::new("java").arg("-version").output().is_err() {
        return Err("needs a JDK (`java` on PATH)".into());
    }
    let artifact = artifact.to_string();
    let work: PathBuf = std::env::temp_dir().join(format!("kfk-java-{}", artifact.replace(':', "_")));
    tokio::task::spawn_blocking(move || {
        std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
        maven::classpath(&work, &[&artifact]).map_err(|e| format!("cannot resolve {artifact}: {e}"))
    })
    .await
    .map_err(|e| e.to_string())?
}

/// [`classpath`], or the test reports itself skipped and returns.
macro_rules! classpath_or_skip {
    ($artifact:expr) => {
        match $crate::common::java::classpath($artifact).await {
            Ok(cp) => cp,
            Err(why) => {
                kfk_stub::skip_test!("{why}");
                return;
            }
        }
    };
}
pub(crate) use classpath_or_skip;

/// Runs a Java tool's main class.
pub async fn java(classpath: &str, class: &str, args: &[&str]) -> Run {
    java_fed(classpath, class, args, "").await
}

/// Runs a Java tool's main class, feeding it `stdin`.
pub async fn java_fed(classpath: &str, class: &str, args: &[&str], stdin: &str) -> Run {
    let mut command = Command::new("java");
    command.args(["-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath, class]).args(args);
    super::run(command, stdin.to_string()).await
}
