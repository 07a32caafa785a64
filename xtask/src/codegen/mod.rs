//! `cargo xtask codegen [--check]`: generates `kafka-protocol/src/messages/` from the message specs
//! inside the pinned `org.apache.kafka:kafka-clients` jar.

mod code;
mod emit;
mod index;
pub mod names;
pub mod spec;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use crate::maven;
pub use spec::{Spec, SpecKind};

/// Generated files: path relative to the crate's `src/messages/` -> contents.
type Files = BTreeMap<PathBuf, String>;

pub fn run(args: &[String]) -> Result<()> {
    let check = match args {
        [] => false,
        [flag] if flag == "--check" => true,
        _ => bail!("usage: cargo xtask codegen [--check]"),
    };
    let specs = load_specs()?;
    let files = generate(&specs);
    let out_dir = crate::paths::root().join("kafka-protocol/src/messages");
    let (keys, pairs) = coverage(&specs);
    if check {
        let diffs = compare(&out_dir, &files)?;
        println!(
            "coverage: {keys} api keys, {pairs} (api, version) pairs; spec kafka-clients {}",
            maven::KAFKA_VERSION
        );
        if !diffs.is_empty() {
            for d in diffs.iter().take(20) {
                eprintln!("differs: {d}");
            }
            bail!("{} generated files differ from the committed ones: run `cargo xtask codegen`", diffs.len());
        }
    } else {
        write(&out_dir, &files)?;
        eprintln!("wrote {} files to {}", files.len(), out_dir.display());
        println!(
            "coverage: {keys} api keys, {pairs} (api, version) pairs; spec kafka-clients {}",
            maven::KAFKA_VERSION
        );
    }
    Ok(())
}

/// Reads and parses every spec of the pinned release, sorted by file name.
pub fn load_specs() -> Result<Vec<Spec>> {
    let dir = extract_specs()?;
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    let mut specs = Vec::new();
    for path in names {
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&path)?;
        specs.push(spec::parse(&file, &text)?);
    }
    if specs.is_empty() {
        bail!("no message specs found in {}", dir.display());
    }
    Ok(specs)
}

/// Extracts `common/message/*.json` from the kafka-clients jar into `target/xtask/spec-<version>`.
fn extract_specs() -> Result<PathBuf> {
    let dir = crate::paths::scratch().join(format!("spec-{}", maven::KAFKA_VERSION));
    let messages = dir.join("common/message");
    if messages.join("ProduceRequest.json").exists() {
        return Ok(messages);
    }
    let jar = maven::jar("org.apache.kafka", "kafka-clients", maven::KAFKA_VERSION)?;
    std::fs::create_dir_all(&dir)?;
    let status = Command::new("jar")
        .current_dir(&dir)
        .arg("xf")
        .arg(&jar)
        .arg("common/message")
        .status()
        .context("running `jar` (is a JDK installed?)")?;
    if !status.success() {
        bail!("could not extract common/message from {}", jar.display());
    }
    Ok(messages)
}

/// Specs that have versions to generate (APIs removed from the protocol have none).
fn live(specs: &[Spec]) -> impl Iterator<Item = &Spec> {
    specs.iter().filter(|s| !s.valid.is_empty())
}

fn coverage(specs: &[Spec]) -> (usize, usize) {
    let requests: Vec<&Spec> = live(specs).filter(|s| s.kind == SpecKind::Request).collect();
    let pairs = requests.iter().map(|s| s.versions().len()).sum();
    (requests.len(), pairs)
}

fn stamp() -> String {
    format!("Generated from Apache Kafka kafka-clients {} message specs.", maven::KAFKA_VERSION)
}

pub fn generate(specs: &[Spec]) -> Files {
    let stamp = stamp();
    let mut files = Files::new();
    for spec in live(specs) {
        let path = index::module_path(spec);
        files.insert(path, emit::spec_module(spec, &stamp));
    }
    for (path, text) in index::index_files(&live(specs).collect::<Vec<_>>(), &stamp) {
        files.insert(path, text);
    }
    files
}

fn write(out_dir: &Path, files: &Files) -> Result<()> {
    if out_dir.exists() {
        std::fs::remove_dir_all(out_dir)?;
    }
    for (rel, text) in files {
        let path = out_dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
    }
    Ok(())
}

/// Names every file that is missing, different, or present on disk but not generated.
fn compare(out_dir: &Path, files: &Files) -> Result<Vec<String>> {
    let mut diffs = Vec::new();
    for (rel, text) in files {
        match std::fs::read_to_string(out_dir.join(rel)) {
            Ok(on_disk) if &on_disk == text => {}
            Ok(_) => diffs.push(format!("{} (content)", rel.display())),
            Err(_) => diffs.push(format!("{} (missing)", rel.display())),
        }
    }
    let mut stack = vec![out_dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(rel) = path.strip_prefix(out_dir) {
                if !files.contains_key(rel) {
                    diffs.push(format!("{} (not generated)", rel.display()));
                }
            }
        }
    }
    diffs.sort();
    Ok(diffs)
}
