//! Where things are in the workspace.

use std::path::PathBuf;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().expect("xtask lives one level below the workspace root").to_path_buf()
}

/// `target/xtask`, scratch space for generated vectors, broker data and downloads.
pub fn scratch() -> PathBuf {
    root().join("target").join("xtask")
}
