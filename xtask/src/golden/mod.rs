//! `cargo xtask golden`: cross-checks `kfk-protocol` with the Java client, byte for byte.
//!
//! 1. Seeds: for every spec (requests, responses, headers, data schemas) and every version, JSON
//!    documents with a value for each field the version carries (`seed.rs`).
//! 2. Java (`xtask/golden/java/`) reads the seeds with its own JSON converters and writes its
//!    encodings; it also writes record batches in every codec.
//! 3. Rust (`kafka-protocol/tests/golden_*.rs`) decodes the Java vectors, compares values with the
//!    Java JSON, re-encodes to identical bytes, and writes its own random vectors.
//! 4. Java decodes the Rust vectors, compares, and re-encodes to identical bytes.
//!
//! Every vector prints `GOLDEN <name> PASS|FAIL`; the task closes with
//! `golden: <N> vectors, <P> passed, <F> failed` and fails on any failure or any (api, version)
//! pair without a vector in both directions.

mod seed;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};

use crate::codegen::{self, SpecKind};
use crate::maven;

const JACKSON: &str = "com.fasterxml.jackson.core:jackson-databind:2.18.2";

pub fn run(_args: &[String]) -> Result<()> {
    check().map(|_| ())
}

/// Runs the cross-check, prints the closing line, and fails unless every vector passed and every
/// (api, version) pair has vectors in both directions. Returns the number of vectors.
pub fn check() -> Result<usize> {
    let root = crate::paths::root();
    let dir = crate::paths::scratch().join("golden");
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    let messages = dir.join("messages");
    std::fs::create_dir_all(messages.join("seed"))?;
    std::fs::create_dir_all(dir.join("records"))?;

    let specs = codegen::load_specs()?;
    let mut expected_pairs = BTreeSet::new();
    for spec in specs.iter().filter(|s| !s.valid.is_empty()) {
        for version in spec.versions() {
            if matches!(spec.kind, SpecKind::Request | SpecKind::Response) {
                expected_pairs.insert((spec.name.clone(), version));
            }
            for variant in [seed::Variant::Full, seed::Variant::Nulls] {
                let doc = seed::seed(spec, version, variant);
                let path = messages.join("seed").join(format!("{}-v{version}-{}.json", spec.name, variant.name()));
                std::fs::write(path, serde_json::to_vec(&doc)?)?;
            }
        }
    }

    let classes = compile_java(&root, &dir)?;
    let java_programs = java_programs(&root)?;
    let mut log = String::new();

    for program in &java_programs {
        let sub = if program == "GoldenMessages" { "messages" } else { "records" };
        log += &java(&classes, program, "write", &dir.join(sub));
    }

    let mut cargo = Command::new(env!("CARGO"));
    cargo.current_dir(&root).env("GOLDEN_DIR", &dir).args(["test", "-q", "-p", "kfk-protocol"]);
    for program in &java_programs {
        let test = if program == "GoldenMessages" { "golden_messages" } else { "golden_records" };
        cargo.args(["--test", test]);
    }
    cargo.args(["--no-fail-fast", "--", "--nocapture", "--test-threads=1"]);
    let output = cargo.stderr(Stdio::inherit()).output().context("running cargo test")?;
    log += &String::from_utf8_lossy(&output.stdout);

    for program in &java_programs {
        let sub = if program == "GoldenMessages" { "messages" } else { "records" };
        log += &java(&classes, program, "verify", &dir.join(sub));
    }
    std::fs::write(dir.join("golden.log"), &log)?;

    let (mut passed, mut failed) = (0usize, 0usize);
    let mut covered_java = BTreeSet::new();
    let mut covered_rust = BTreeSet::new();
    for line in log.lines().filter_map(|l| l.strip_prefix("GOLDEN ")) {
        let (name, verdict) = line.split_once(' ').unwrap_or((line, ""));
        if verdict.starts_with("PASS") {
            passed += 1;
        } else {
            failed += 1;
            if failed <= 30 {
                eprintln!("FAIL {name}: {}", verdict.trim_start_matches("FAIL").trim());
            }
        }
        if let Some(rest) = name.strip_prefix("messages/java/") {
            covered_java.insert(pair_of(rest));
        } else if let Some(rest) = name.strip_prefix("messages/rust/") {
            covered_rust.insert(pair_of(rest));
        }
    }
    let missing: Vec<String> = expected_pairs
        .iter()
        .filter(|p| !covered_java.contains(*p) || !covered_rust.contains(*p))
        .map(|(s, v)| format!("{s} v{v}"))
        .collect();
    if !missing.is_empty() {
        eprintln!("pairs without a vector in both directions: {}", missing.join(", "));
    }
    println!("golden: {} vectors, {passed} passed, {failed} failed", passed + failed);
    if !output.status.success() && failed == 0 {
        bail!("the Rust golden tests failed (see above)");
    }
    if failed > 0 || !missing.is_empty() || passed == 0 {
        bail!("golden cross-check failed; full log in {}", dir.join("golden.log").display());
    }
    Ok(passed)
}

fn pair_of(stem: &str) -> (String, i16) {
    let mut parts = stem.split('-');
    let spec = parts.next().unwrap_or_default().to_string();
    let version = parts.next().and_then(|v| v.strip_prefix('v')).and_then(|v| v.parse().ok()).unwrap_or(-1);
    (spec, version)
}

/// The Java programs present (records come from another module and may be absent).
fn java_programs(root: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for name in ["GoldenMessages", "GoldenRecords"] {
        if root.join("xtask/golden/java").join(format!("{name}.java")).exists() {
            out.push(name.to_string());
        }
    }
    Ok(out)
}

/// Compiles `xtask/golden/java/*.java` against kafka-clients and Jackson; returns the classpath
/// to run them with.
fn compile_java(root: &Path, dir: &Path) -> Result<String> {
    let deps = maven::classpath(&[&format!("org.apache.kafka:kafka-clients:{}", maven::KAFKA_VERSION), JACKSON])?;
    let classes = dir.join("classes");
    std::fs::create_dir_all(&classes)?;
    let sources: Vec<PathBuf> = std::fs::read_dir(root.join("xtask/golden/java"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "java"))
        .collect();
    let status = Command::new("javac")
        .arg("-nowarn")
        .arg("-d")
        .arg(&classes)
        .arg("-cp")
        .arg(&deps)
        .args(&sources)
        .status()
        .context("running javac (is a JDK installed?)")?;
    if !status.success() {
        bail!("javac failed");
    }
    Ok(format!("{}:{deps}", classes.display()))
}

/// Runs one Java program; a failure to run becomes a FAIL line so the summary counts it.
fn java(classpath: &str, program: &str, mode: &str, dir: &Path) -> String {
    match run_java(classpath, program, mode, dir) {
        Ok(out) => out,
        Err(e) => format!("GOLDEN java/{program}/{mode} FAIL {e:#}\n"),
    }
}

fn run_java(classpath: &str, program: &str, mode: &str, dir: &Path) -> Result<String> {
    let output = Command::new("java")
        .arg("-cp")
        .arg(classpath)
        .arg(program)
        .arg(mode)
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("running java {program}"))?;
    if !output.status.success() {
        bail!("java {program} {mode} exited with {}", output.status);
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
