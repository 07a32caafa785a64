//! Small Java programs on the `kafka-clients` jar (in `tests/java/`), compiled and run by
//! tests that cross-check our client with the Java one.

use std::path::PathBuf;
use std::process::Command;

use kfk_stub::testing::maven;

/// Whether a JDK is installed (tests needing Java skip without one).
pub fn available() -> bool {
    Command::new("javac").arg("-version").output().is_ok()
}

/// A compiled program and the classpath to run it with.
#[derive(Debug)]
pub struct JavaProgram {
    work: PathBuf,
    classpath: String,
}

impl JavaProgram {
    /// Compiles `tests/java/<name>.java` against kafka-clients (the pinned version).
    ///
    /// # Panics
    ///
    /// If the jars cannot be resolved or the source does not compile.
    pub async fn compile(name: &str) -> JavaProgram {
        JavaProgram::compile_against(name, maven::KAFKA_VERSION).await
    }

    /// As [`JavaProgram::compile`], against kafka-clients `version` (a broker plugin must match
    /// its broker's release).
    ///
    /// # Panics
    ///
    /// If the jars cannot be resolved or the source does not compile.
    pub async fn compile_against(name: &str, version: &str) -> JavaProgram {
        // One directory per compilation: tests of one process may compile the same program
        // at once, and each removes its own when done.
        static COMPILED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let work = std::env::temp_dir().join(format!("kafka-rs-java-{name}-{version}-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&work).expect("work dir");
        let jars = tokio::task::spawn_blocking({
            let work = work.clone();
            let artifact = format!("org.apache.kafka:kafka-clients:{version}");
            move || maven::classpath(&work, &[&artifact])
        })
        .await
        .expect("join")
        .expect("kafka-clients classpath");
        let source = format!("{}/java/{name}.java", env!("CARGO_MANIFEST_DIR"));
        let javac = Command::new("javac")
            .args(["-nowarn", "-d"])
            .arg(&work)
            .args(["-cp", &jars, &source])
            .output()
            .expect("javac");
        assert!(javac.status.success(), "javac {name}: {}", String::from_utf8_lossy(&javac.stderr));
        let classpath = format!("{}:{jars}", work.display());
        JavaProgram { work, classpath }
    }

    /// The directory holding the compiled classes (for a broker's plugin classpath).
    pub fn classes(&self) -> &std::path::Path {
        &self.work
    }

    /// The classpath that runs it: its classes and the kafka-clients jars.
    pub fn classpath(&self) -> &str {
        &self.classpath
    }

    /// Runs class `main` with `args`; returns its standard output.
    ///
    /// # Panics
    ///
    /// If it cannot start or exits with a failure (its standard error is in the message).
    pub async fn run(&self, main: &str, args: &[&str]) -> String {
        let mut command = Command::new("java");
        command.arg("-cp").arg(&self.classpath).arg(main).args(args);
        let output = tokio::task::spawn_blocking(move || command.output()).await.expect("join").expect("java");
        assert!(output.status.success(), "java {main}: {}\n{}", output.status, String::from_utf8_lossy(&output.stderr));
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

impl Drop for JavaProgram {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.work);
    }
}
