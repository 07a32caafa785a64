//! Saying that a test did not run, so that a runner can count it.
//!
//! Rust's test harness has no "skipped" outcome for a test that decides at run time that it
//! cannot run here (no real broker, no JDK): it returns early and counts as passed. [`skip`]
//! makes that visible: it prints the reason, and when `TEST_SKIP_LOG` names a file it appends
//! one line there (`<test>: <reason>`), which `cargo xtask test` reads back and reports.

use std::io::Write;

/// The environment variable naming the file skips are appended to.
pub const SKIP_LOG_VAR: &str = "TEST_SKIP_LOG";

/// Reports that `test` does not run on this machine or backend, and why.
///
/// ```no_run
/// # fn real_broker_available() -> bool { false }
/// if !real_broker_available() {
///     kfk_stub::testing::skip("my_crate::reads_from_kafka", "needs a real broker");
///     return;
/// }
/// ```
pub fn skip(test: &str, reason: impl std::fmt::Display) {
    eprintln!("skipped: {reason}");
    let Some(path) = std::env::var_os(SKIP_LOG_VAR) else { return };
    // One write per line with O_APPEND: lines of concurrent tests do not interleave.
    let line = format!("{test}: {reason}\n");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = written {
        eprintln!("could not record the skip in {}: {e}", std::path::Path::new(&path).display());
    }
}

/// [`skip`] with the calling function's module path as the test's name.
///
/// ```no_run
/// # fn main() {
/// # let jdk = false;
/// if !jdk {
///     kfk_stub::skip_test!("needs a JDK");
///     return;
/// }
/// # }
/// ```
#[macro_export]
macro_rules! skip_test {
    ($($reason:tt)+) => {
        $crate::testing::skip(module_path!(), format_args!($($reason)+))
    };
}
