//! Which Kafka release to run, and the classpath (broker jars plus a logging backend) it needs.

use std::path::Path;

use super::error::JvmError;
use crate::maven::{self, MavenError};

/// The newest 3.9.x on Maven Central, the last 3.x line (ZooKeeper or KRaft, log4j 1).
pub const LATEST_3_9: &str = "3.9.2";

/// A Kafka release, as `major.minor.patch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KafkaVersion {
    text: String,
    major: u32,
    minor: u32,
}

impl KafkaVersion {
    /// Parses `4.4.0`, `3.9.2`, ... and the shorthands `latest`, `4`, `4.4` (the pinned
    /// [`KAFKA_VERSION`](crate::maven::KAFKA_VERSION)) and `3`, `3.9` ([`LATEST_3_9`]).
    ///
    /// ```
    /// use kfk_testkit::jvm::KafkaVersion;
    ///
    /// assert_eq!(KafkaVersion::parse("3.9").unwrap().as_str(), "3.9.2");
    /// assert!(KafkaVersion::parse("2.8.1").is_err()); // no KRaft combined mode
    /// ```
    pub fn parse(text: &str) -> Result<KafkaVersion, JvmError> {
        let text = match text {
            "latest" | "4" | "4.4" => maven::KAFKA_VERSION,
            "3" | "3.9" => LATEST_3_9,
            other => other,
        };
        let bad = |reason| JvmError::BadVersion { text: text.to_string(), reason };
        let numbers: Vec<u32> = text
            .split('.')
            .map(|part| part.parse::<u32>())
            .collect::<Result<_, _>>()
            .map_err(|_| bad("not major.minor.patch"))?;
        let [major, minor, _patch] = numbers[..] else {
            return Err(bad("not major.minor.patch"));
        };
        if (major, minor) < (3, 3) {
            return Err(bad("too old: KRaft combined mode needs 3.3 or newer (tested: 3.9.x, 4.x)"));
        }
        Ok(KafkaVersion { text: text.to_string(), major, minor })
    }

    /// `4.4.0`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Kafka 4.x and newer log through log4j2; 3.x through log4j 1 (reload4j).
    pub fn uses_log4j2(&self) -> bool {
        self.major >= 4
    }

    /// Kafka 4.0 added share groups (KIP-932) and their state topic.
    pub fn has_share_coordinator(&self) -> bool {
        self.major >= 4
    }

    /// `major.minor`, for messages.
    pub fn line(&self) -> String {
        format!("{}.{}", self.major, self.minor)
    }
}

impl std::fmt::Display for KafkaVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// The runtime classpath of `org.apache.kafka:kafka_2.13:<version>`, plus the slf4j binding
/// Kafka's own distribution ships (the Maven pom of the server names only `slf4j-api`):
///
/// - 4.x: `log4j-api` and `log4j-core` come with `kafka-server`; add `log4j-slf4j-impl` (slf4j 1.x
///   binding) of the same log4j version.
/// - 3.x: add `reload4j` (log4j 1.2 API, which `kafka.utils.Log4jController` uses) and
///   `slf4j-reload4j` of the same slf4j version.
///
/// `kafka-tools-api` is left out for 4.x: no 4.x server jar uses it, and 4.4.0's is not on
/// Maven Central although the pom names it. `maven_dir` caches the resolution.
pub fn classpath(version: &KafkaVersion, maven_dir: &Path) -> Result<String, JvmError> {
    let in_maven = |source: MavenError| JvmError::Maven { version: version.to_string(), source };
    let server = format!("org.apache.kafka:kafka_2.13:{version}");
    let base = if version.major >= 4 {
        maven::classpath_excluding(maven_dir, &[&server], &["org.apache.kafka:kafka-tools-api"])
    } else {
        maven::classpath(maven_dir, &[&server])
    }
    .map_err(in_maven)?;
    let jars: Vec<&str> = base.split(':').filter(|jar| !jar.is_empty()).collect();
    let missing = |artifact| JvmError::IncompleteClasspath { version: version.to_string(), artifact };
    let slf4j = jar_version(&jars, "slf4j-api").ok_or_else(|| missing("slf4j-api"))?;
    let slf4j2 = slf4j.starts_with("2.");
    let mut extra = Vec::new();
    if version.uses_log4j2() {
        let log4j = jar_version(&jars, "log4j-core").ok_or_else(|| missing("log4j-core"))?;
        let binding = if slf4j2 { "log4j-slf4j2-impl" } else { "log4j-slf4j-impl" };
        extra.push(maven::jar("org.apache.logging.log4j", binding, &log4j).map_err(in_maven)?);
    } else {
        extra.push(maven::jar("ch.qos.reload4j", "reload4j", "1.2.25").map_err(in_maven)?);
        extra.push(maven::jar("org.slf4j", "slf4j-reload4j", &slf4j).map_err(in_maven)?);
    }
    let mut all: Vec<String> = jars.iter().map(|jar| jar.to_string()).collect();
    all.extend(extra.iter().map(|jar| jar.display().to_string()));
    Ok(all.join(":"))
}

/// The version of `artifact` among `jars` (file names `artifact-VERSION.jar`).
fn jar_version(jars: &[&str], artifact: &str) -> Option<String> {
    jars.iter().find_map(|jar| {
        let name = Path::new(jar).file_name()?.to_str()?;
        let version = name.strip_prefix(artifact)?.strip_prefix('-')?.strip_suffix(".jar")?;
        version.starts_with(|c: char| c.is_ascii_digit()).then(|| version.to_string())
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(KafkaVersion::parse("3.9").unwrap().as_str(), LATEST_3_9);
        assert_eq!(KafkaVersion::parse("latest").unwrap().as_str(), maven::KAFKA_VERSION);
        assert!(KafkaVersion::parse("4.4.0").unwrap().uses_log4j2());
        assert!(!KafkaVersion::parse("3.9.2").unwrap().uses_log4j2());
        assert!(matches!(KafkaVersion::parse("2.8.1"), Err(JvmError::BadVersion { .. })));
        assert!(KafkaVersion::parse("4.x").is_err());
        assert!(KafkaVersion::parse("4.4").is_ok());
        assert!(KafkaVersion::parse("4.4.0.1").is_err());
    }

    #[test]
    fn jar_versions() {
        let jars = ["/m2/org/slf4j/slf4j-api/1.7.36/slf4j-api-1.7.36.jar", "/m2/a/log4j-core-2.25.5.jar"];
        assert_eq!(jar_version(&jars, "slf4j-api").as_deref(), Some("1.7.36"));
        assert_eq!(jar_version(&jars, "log4j-core").as_deref(), Some("2.25.5"));
        assert_eq!(jar_version(&jars, "log4j"), None);
    }
}
