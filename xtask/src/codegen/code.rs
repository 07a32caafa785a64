//! A tiny indenting text writer for generated Rust.

#[derive(Default)]
pub struct Code {
    out: String,
    depth: usize,
}

impl Code {
    /// Writes one line at the current depth; a line ending in `{` opens a level, a line starting
    /// with `}` closes one first.
    pub fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        if text.is_empty() {
            self.out.push('\n');
            return;
        }
        let closes = text.starts_with('}') || text.starts_with(')') || text.starts_with(']');
        if closes {
            self.depth = self.depth.saturating_sub(1);
        }
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
        if text.ends_with('{') || text.ends_with('(') || text.ends_with('[') {
            self.depth += 1;
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    /// A writer starting at `depth`, for a piece that is appended later with [`Code::append_fn`].
    pub fn at_depth(depth: usize) -> Code {
        Code { out: String::new(), depth }
    }

    /// Appends already-indented text as is.
    pub fn lines_raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// Moves the text written so far out, keeping the depth.
    pub fn take(&mut self) -> Code {
        Code { out: std::mem::take(&mut self.out), depth: self.depth }
    }

    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Appends a function written separately; if its body never mentions `version`, the
    /// parameter is renamed `_version` so the generated code has no unused variables.
    pub fn append_fn(&mut self, f: Code) {
        let text = f.finish();
        let (signature, body) = text.split_once('\n').unwrap_or((&text, ""));
        if mentions_version(body) {
            self.out.push_str(&text);
        } else {
            self.out.push_str(&signature.replacen("version: i16", "_version: i16", 1));
            self.out.push('\n');
            self.out.push_str(body);
        }
    }
}

/// Whether `text` uses the variable `version` (not a field `.version` or a string "version").
fn mentions_version(text: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices("version").any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + "version".len()).copied();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'"' || b == b'.';
        !before.is_some_and(word) && !after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'"')
    })
}
