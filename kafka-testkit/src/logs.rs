//! Reading the ends of log files, for error messages that explain themselves.

use std::path::Path;

/// The last `lines` lines of the file at `path`, or a note saying why it could not be read.
pub(crate) fn tail(path: &Path, lines: usize) -> String {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            let all: Vec<&str> = text.lines().collect();
            all[all.len().saturating_sub(lines)..].join("\n")
        }
        Err(e) => format!("({}: {e})", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_keeps_the_last_lines_and_explains_a_missing_file() {
        let path = std::env::temp_dir().join(format!("kafka-testkit-tail-{}.log", std::process::id()));
        std::fs::write(&path, "a\nb\nc\n").expect("the temporary directory is writable");
        assert_eq!(tail(&path, 2), "b\nc");
        assert_eq!(tail(&path, 10), "a\nb\nc");
        std::fs::remove_file(&path).expect("the file was just written");
        assert!(tail(&path, 2).starts_with('('));
    }
}
