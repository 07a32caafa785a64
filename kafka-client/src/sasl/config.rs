//! `sasl.mechanism` and `sasl.jaas.config` from Java-style properties.
//!
//! TEMPORARY (branch `client-tls`): PLAIN only, with a minimal `sasl.jaas.config` reader. The
//! full version (the JAAS parser, SCRAM-SHA-256/512, OAUTHBEARER) replaces this file, with the
//! same `from_properties` and `SASL_KEYS`.

use std::sync::Arc;

use super::plain::Plain;
use super::Mechanism;
use crate::config::properties::Properties;
use crate::config::ConfigError;

/// The `sasl.*` keys [`from_properties`] reads.
pub const SASL_KEYS: &[&str] = &["sasl.mechanism", "sasl.jaas.config"];

/// The mechanism `sasl.mechanism` and `sasl.jaas.config` describe, if any. Error messages
/// never quote `sasl.jaas.config` (it holds the password).
pub fn from_properties(props: &mut Properties) -> Result<Option<Arc<dyn Mechanism>>, ConfigError> {
    let mechanism = props.take("sasl.mechanism").filter(|v| !v.is_empty());
    let jaas = props.take("sasl.jaas.config").filter(|v| !v.is_empty());
    let (mechanism, jaas) = match (mechanism, jaas) {
        (None, None) => return Ok(None),
        (Some(m), Some(j)) => (m, j),
        (None, Some(_)) => {
            return Err(ConfigError::InvalidValue {
                key: "sasl.mechanism".into(),
                value: "(unset: Java's default, GSSAPI)".into(),
                expected: "PLAIN (GSSAPI is not supported)".into(),
            })
        }
        (Some(_), None) => return Err(ConfigError::Missing { key: "sasl.jaas.config".into() }),
    };
    if mechanism != "PLAIN" {
        return Err(ConfigError::InvalidValue {
            key: "sasl.mechanism".into(),
            value: mechanism,
            expected: "PLAIN".into(),
        });
    }
    let options = jaas_options(&jaas)?;
    let get = |name: &str| options.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let (Some(username), Some(password)) = (get("username"), get("password")) else {
        return Err(redacted("a PlainLoginModule with username=\"...\" and password=\"...\""));
    };
    Ok(Some(Arc::new(Plain::new(username, password))))
}

fn redacted(expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: "sasl.jaas.config".into(), value: "***".into(), expected: expected.into() }
}

/// The options of `LoginModuleClass required key="value" ...;`.
fn jaas_options(jaas: &str) -> Result<Vec<(String, String)>, ConfigError> {
    let expected = "`<LoginModule class> required key=\"value\" ...;`";
    let mut rest = jaas.trim();
    let (_class, after) = rest.split_once(char::is_whitespace).ok_or_else(|| redacted(expected))?;
    rest = after.trim_start();
    let (flag, after) = rest.split_once(char::is_whitespace).unwrap_or((rest.trim_end_matches(';'), ""));
    if !["required", "requisite", "sufficient", "optional"].contains(&flag.trim_end_matches(';')) {
        return Err(redacted(expected));
    }
    let mut chars = after.chars().peekable();
    let mut options = Vec::new();
    loop {
        while chars.peek().is_some_and(|c| c.is_whitespace()) {
            chars.next();
        }
        match chars.peek() {
            None => return Err(redacted(expected)),
            Some(';') => break,
            _ => {}
        }
        let mut key = String::new();
        while let Some(&c) = chars.peek() {
            if c == '=' || c.is_whitespace() {
                break;
            }
            key.push(c);
            chars.next();
        }
        if chars.next() != Some('=') || key.is_empty() {
            return Err(redacted(expected));
        }
        let mut value = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return Err(redacted(expected)),
                    Some('"') => break,
                    Some('\\') => value.push(chars.next().ok_or_else(|| redacted(expected))?),
                    Some(c) => value.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == ';' {
                    break;
                }
                value.push(c);
                chars.next();
            }
        }
        options.push((key, value));
    }
    Ok(options)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn plain_from_jaas() {
        let mut props = Properties::new([
            ("sasl.mechanism", "PLAIN"),
            (
                "sasl.jaas.config",
                r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="p\"w";"#,
            ),
        ]);
        let m = from_properties(&mut props).unwrap().unwrap();
        assert_eq!(m.name(), "PLAIN");
        assert!(!format!("{m:?}").contains("p\"w"));
    }

    #[test]
    fn errors_never_quote_the_jaas_config() {
        for jaas in ["PlainLoginModule required username=\"alice\" password=\"secret-pw\"", "nonsense secret-pw"] {
            let mut props = Properties::new([("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", jaas)]);
            let err = from_properties(&mut props).unwrap_err().to_string();
            assert!(!err.contains("secret-pw"), "{err}");
        }
        let mut props = Properties::new([("sasl.mechanism", "PLAIN")]);
        assert!(from_properties(&mut props).unwrap_err().to_string().contains("sasl.jaas.config"));
    }
}
