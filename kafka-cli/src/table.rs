//! Printing results: Java-style padded columns for people, JSON for scripts.

use std::io::Write;

/// Formats rows as Java's `%-Ns` columns separated by one space: each column padded to
/// `max(min_width, longest cell)`, the last column not padded.
pub fn columns(header: &[&str], rows: &[Vec<String>], min_widths: &[usize]) -> String {
    layout(header, rows, min_widths, false)
}

/// As [`columns`], with the last column padded too (some of Java's tables end every line with
/// the padding of a `%-Ns` last column).
pub fn columns_padded(header: &[&str], rows: &[Vec<String>], min_widths: &[usize]) -> String {
    layout(header, rows, min_widths, true)
}

fn layout(header: &[&str], rows: &[Vec<String>], min_widths: &[usize], pad_last: bool) -> String {
    let n = header.len();
    let mut widths: Vec<usize> = (0..n).map(|i| min_widths.get(i).copied().unwrap_or(0).max(header[i].len())).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(n) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |cells: Vec<&str>, out: &mut String| {
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() && !pad_last {
                out.push_str(cell);
            } else if i + 1 == cells.len() {
                out.push_str(&format!("{cell:<w$}", w = widths[i]));
            } else {
                out.push_str(&format!("{cell:<w$} ", w = widths[i]));
            }
        }
        out.push('\n');
    };
    line(header.to_vec(), &mut out);
    for row in rows {
        line(row.iter().map(String::as_str).collect(), &mut out);
    }
    out
}

/// Prints a JSON value on one line of standard output.
pub fn print_json(value: &serde_json::Value) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{value}");
}

/// A progress bar on standard error for `total` units of `what`, or none when standard error
/// is not a terminal (piped and redirected output never carries one).
pub fn progress(total: u64, what: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(total);
    let template = format!("{{bar:40}} {{pos}}/{{len}} {what} ({{per_sec}}, {{eta}} left)");
    if let Ok(style) = indicatif::ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    Some(bar)
}

/// `-` for a missing value, as Java's tools print it.
pub fn or_dash<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_pad_to_the_widest_cell_but_not_the_last_column() {
        let rows = vec![vec!["a-long-group".into(), "x".into()], vec!["g".into(), "yy".into()]];
        assert_eq!(columns(&["GROUP", "STATE"], &rows, &[5]), "GROUP        STATE\na-long-group x\ng            yy\n");
    }
}
