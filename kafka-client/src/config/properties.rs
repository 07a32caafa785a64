//! Parsing Java-style `key=value` properties into typed values, with errors that name the key
//! and what is accepted.

use std::path::Path;
use std::time::Duration;

use crate::error::ConfigError;

/// Properties as key/value pairs, consumed key by key so leftovers can be reported as unknown.
#[derive(Debug, Default)]
pub struct Properties {
    entries: Vec<(String, String)>,
}

impl Properties {
    /// Collects `pairs`; later duplicates win, as in a Java `Properties` file.
    pub fn new<K: AsRef<str>, V: AsRef<str>>(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut entries: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            let (k, v) = (k.as_ref().trim().to_string(), v.as_ref().trim().to_string());
            entries.retain(|(existing, _)| existing != &k);
            entries.push((k, v));
        }
        Properties { entries }
    }

    /// Removes and returns the value of `key`.
    pub fn take(&mut self, key: &str) -> Option<String> {
        let i = self.entries.iter().position(|(k, _)| k == key)?;
        Some(self.entries.remove(i).1)
    }

    /// Fails on the first key nobody took, suggesting a known key that looks alike.
    pub fn finish(self, known: &[&str]) -> Result<(), ConfigError> {
        match self.entries.into_iter().next() {
            None => Ok(()),
            Some((key, _)) => {
                let distance = |k: &&&str| strsim::levenshtein(k, &key);
                let suggestion = known.iter().min_by_key(distance).filter(|k| distance(k) <= 3);
                Err(ConfigError::UnknownKey { suggestion: suggestion.map(|s| s.to_string()), key })
            }
        }
    }
}

/// Reads a Java `.properties` file, the format of the Java client's configuration files and of
/// `--command-config`: `key=value` or `key: value`, `#` and `!` comments, `\` line
/// continuations and `\uXXXX` escapes. The file is read as UTF-8 (ASCII files read as Java
/// reads them). Errors name the file and line, never a value: values may be secrets.
pub fn read_file(path: impl AsRef<Path>) -> Result<Vec<(String, String)>, ConfigError> {
    let path = path.as_ref();
    let failed = |detail: String| ConfigError::File { path: path.to_path_buf(), detail };
    let file = std::fs::File::open(path).map_err(|e| failed(e.to_string()))?;
    parse(std::io::BufReader::new(file)).map_err(failed)
}

/// As [`read_file`], from text already in memory (a file's contents, a secret store's value).
/// The error names the line.
pub fn parse_text(text: &str) -> Result<Vec<(String, String)>, String> {
    parse(text.as_bytes())
}

fn parse(reader: impl std::io::Read) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    java_properties::PropertiesIter::new_with_encoding(reader, encoding_rs::UTF_8)
        .read_into(|key, value| pairs.push((key, value)))
        .map_err(|e| {
            let line = e.line_number().map(|n| format!("line {n}: ")).unwrap_or_default();
            let cause = std::error::Error::source(&e).map(|c| format!(": {c}")).unwrap_or_default();
            format!("{line}{}{cause}", describe(&e))
        })?;
    Ok(pairs)
}

/// The parser's description of `e` alone (its `Display` appends the line in its own words).
fn describe(e: &java_properties::PropertiesError) -> String {
    let text = e.to_string();
    text.split(" (line_number =").next().unwrap_or(&text).to_string()
}

pub(crate) fn invalid(key: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}

/// An integer in `min..=max`.
pub fn parse_int(key: &str, value: &str, min: i64, max: i64) -> Result<i64, ConfigError> {
    value
        .parse::<i64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| invalid(key, value, &format!("an integer from {min} to {max}")))
}

/// A duration in milliseconds, `0..=max_ms`.
pub fn parse_ms(key: &str, value: &str, max_ms: i64) -> Result<Duration, ConfigError> {
    parse_int(key, value, 0, max_ms).map(|ms| Duration::from_millis(ms as u64))
}

/// `true` or `false` (any case).
pub fn parse_bool(key: &str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(invalid(key, value, "true or false")),
    }
}

/// A comma-separated list of `host:port`.
pub fn parse_hosts(key: &str, value: &str) -> Result<Vec<String>, ConfigError> {
    let hosts: Vec<String> = value.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
    let valid = |h: &String| {
        h.rsplit_once(':').is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0))
    };
    if hosts.is_empty() || !hosts.iter().all(valid) {
        return Err(invalid(key, value, "a comma-separated list of host:port"));
    }
    Ok(hosts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let props = Properties::new([("linger.msx", "5")]);
        let err = props.finish(&["linger.ms", "acks"]).unwrap_err();
        assert_eq!(err.to_string(), "unknown configuration key `linger.msx` (did you mean `linger.ms`?)");
    }

    #[test]
    fn files_are_read_as_java_properties() {
        let dir = std::env::temp_dir().join(format!("kafka-client-props-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("client.properties");
        let text =
            "# a comment\n! another\nbootstrap.servers = a:1,\\\n  b:2\nclient.id: caf\\u00e9\nacks=all\nacks=1\n";
        std::fs::write(&path, text).unwrap();
        let pairs = read_file(&path).unwrap();
        let get = |k: &str| pairs.iter().rev().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("bootstrap.servers"), Some("a:1,b:2"));
        assert_eq!(get("client.id"), Some("café"));
        assert_eq!(get("acks"), Some("1"), "the later of two duplicates wins");

        std::fs::write(&path, "sasl.jaas.config=secret-value\\u12\n").unwrap();
        let err = read_file(&path).unwrap_err().to_string();
        assert!(err.contains("client.properties") && err.contains("line 1"), "{err}");
        assert!(!err.contains("secret-value"), "a value leaked into the error: {err}");
        let missing = read_file(dir.join("absent.properties")).unwrap_err();
        assert!(matches!(missing, ConfigError::File { .. }), "{missing}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn values_are_checked() {
        assert!(parse_int("retries", "-1", 0, 10).is_err());
        assert_eq!(parse_ms("linger.ms", "5", 1000).unwrap(), Duration::from_millis(5));
        assert!(parse_bool("enable.idempotence", "yes").is_err());
        assert_eq!(parse_hosts("bootstrap.servers", "a:1, b:2").unwrap(), vec!["a:1", "b:2"]);
        assert!(parse_hosts("bootstrap.servers", "a").is_err());
    }
}
