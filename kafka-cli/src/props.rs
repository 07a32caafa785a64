//! Client settings from the command line: Java `.properties` files (`--command-config`),
//! `name=value` flags (`--producer-property`, `--config`), and the admin, producer and consumer
//! configurations built from them.
//!
//! One `--command-config` file often serves every tool (Java's tools accept a file written
//! for another client and warn about keys they do not use). So a key that belongs to another
//! client (a producer key given to the admin client) is left out here, and only a key that no
//! client knows is an error.

use std::path::Path;

use anyhow::{bail, Context, Result};
use kafka_admin::{Admin, AdminConfig, ADMIN_KEYS};
use kafka_client::config::{CommonConfig, ConsumerConfig, ProducerConfig, CONSUMER_KEYS, IGNORED_KEYS, PRODUCER_KEYS};

use crate::cli::Global;

/// Key/value pairs in the order given; later ones win when applied.
pub type Pairs = Vec<(String, String)>;

/// Parses a Java properties file's text: `#`/`!` comments, `=`, `:` or white space between
/// key and value, `\` line continuations and escapes (`\t`, `\n`, `\uXXXX`, `\=`...).
pub fn parse_properties(text: &str) -> Result<Pairs, String> {
    let mut out = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((number, line)) = lines.next() {
        let first = line.trim_start();
        if first.is_empty() || first.starts_with('#') || first.starts_with('!') {
            continue;
        }
        // Join continuation lines: an odd number of trailing backslashes continues the line.
        let mut logical = first.to_string();
        while ends_with_odd_backslashes(&logical) {
            logical.pop();
            match lines.next() {
                Some((_, next)) => logical.push_str(next.trim_start()),
                None => break,
            }
        }
        let (key, value) = split_key_value(&logical);
        let key = unescape(key).map_err(|e| format!("line {}: {e}", number + 1))?;
        let value = unescape(value).map_err(|e| format!("line {}: {e}", number + 1))?;
        out.push((key, value));
    }
    Ok(out)
}

fn ends_with_odd_backslashes(s: &str) -> bool {
    s.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1
}

fn split_key_value(line: &str) -> (&str, &str) {
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '=' | ':' => return (&line[..i], line[i + 1..].trim_start()),
            c if c.is_whitespace() => {
                let rest = line[i..].trim_start();
                let rest = rest.strip_prefix(['=', ':']).map(str::trim_start).unwrap_or(rest);
                return (&line[..i], rest);
            }
            _ => {}
        }
    }
    (line, "")
}

fn unescape(s: &str) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('f') => out.push('\u{c}'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).map_err(|_| format!("malformed \\uXXXX escape `\\u{hex}`"))?;
                out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    Ok(out)
}

/// Parses `name=value` flags; `what` names the flag in the error.
pub fn parse_pairs(values: &[String], what: &str) -> Result<Pairs> {
    values
        .iter()
        .map(|v| match v.split_once('=') {
            Some((k, val)) if !k.trim().is_empty() => Ok((k.trim().to_string(), val.to_string())),
            _ => bail!("{what} `{v}` is not of the form name=value"),
        })
        .collect()
}

/// Reads a Java properties file.
pub fn read_properties_file(path: &Path) -> Result<Pairs> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_properties(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Which client a set of properties is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClientKind {
    Admin,
    Producer,
    Consumer,
}

fn known_to(kind: ClientKind, key: &str) -> bool {
    let common = CommonConfig::keys();
    if common.contains(&key) || IGNORED_KEYS.contains(&key) {
        return true;
    }
    match kind {
        ClientKind::Admin => ADMIN_KEYS.contains(&key),
        ClientKind::Producer => PRODUCER_KEYS.contains(&key),
        ClientKind::Consumer => CONSUMER_KEYS.contains(&key),
    }
}

fn known_to_any(key: &str) -> bool {
    [ClientKind::Admin, ClientKind::Producer, ClientKind::Consumer].iter().any(|k| known_to(*k, key))
}

/// The properties for one client: the `--command-config` file (keys of other clients left out),
/// then `extra` (given for this client, so kept as they are: an unknown one is reported by
/// the client's configuration), then `--bootstrap-server`.
pub fn client_properties(global: &Global, kind: ClientKind, extra: &Pairs) -> Result<Pairs> {
    let mut props = Pairs::new();
    if let Some(path) = &global.command_config {
        for (k, v) in read_properties_file(path)? {
            if known_to(kind, &k) || !known_to_any(&k) {
                props.push((k, v));
            }
        }
    }
    props.extend(extra.iter().cloned());
    if let Some(servers) = &global.bootstrap_server {
        props.push(("bootstrap.servers".into(), servers.clone()));
    }
    if !props.iter().any(|(k, _)| k == "bootstrap.servers") {
        bail!("no broker to connect to: give --bootstrap-server host:port (or bootstrap.servers in --command-config, or KAFKA_BOOTSTRAP_SERVERS)");
    }
    Ok(props)
}

/// The bootstrap servers the properties name (for error messages).
pub fn bootstrap_of(props: &Pairs) -> String {
    props.iter().rev().find(|(k, _)| k == "bootstrap.servers").map(|(_, v)| v.clone()).unwrap_or_default()
}

/// An admin client for the global flags.
pub fn admin(global: &Global) -> Result<(Admin, String)> {
    let props = client_properties(global, ClientKind::Admin, &Pairs::new())?;
    let bootstrap = bootstrap_of(&props);
    let config = AdminConfig::from_properties(props).context("invalid admin client configuration")?;
    let admin = Admin::new(config).context("cannot create the admin client")?;
    Ok((admin, bootstrap))
}

/// A producer configuration: `--command-config`, then `extra` (flags and --producer-property).
pub fn producer_config(global: &Global, extra: &Pairs) -> Result<ProducerConfig> {
    let props = client_properties(global, ClientKind::Producer, extra)?;
    ProducerConfig::from_properties(props).context("invalid producer configuration")
}

/// A consumer configuration: `--command-config`, then `extra`.
pub fn consumer_config(global: &Global, extra: &Pairs) -> Result<ConsumerConfig> {
    let props = client_properties(global, ClientKind::Consumer, extra)?;
    ConsumerConfig::from_properties(props).context("invalid consumer configuration")
}

/// A `true`/`false` property, as Java's formatter reads them (anything but `true` is false).
pub fn flag(props: &Pairs, key: &str, default: bool) -> bool {
    props.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.trim().eq_ignore_ascii_case("true")).unwrap_or(default)
}

/// The last value of `key`.
pub fn get<'a>(props: &'a Pairs, key: &str) -> Option<&'a str> {
    props.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_properties_syntax_is_read() {
        let text = "# comment\n! also\nsecurity.protocol=SASL_SSL\nsasl.mechanism : SCRAM-SHA-512\n\
                    a.b   c\nsasl.jaas.config=org.Module required \\\n    username=\"u\";\nk\\=x=v\\u0041\n\n";
        let p = parse_properties(text).unwrap();
        assert_eq!(
            p,
            vec![
                ("security.protocol".into(), "SASL_SSL".into()),
                ("sasl.mechanism".into(), "SCRAM-SHA-512".into()),
                ("a.b".into(), "c".into()),
                ("sasl.jaas.config".into(), "org.Module required username=\"u\";".into()),
                ("k=x".into(), "vA".into()),
            ]
        );
    }

    #[test]
    fn a_malformed_unicode_escape_names_the_line() {
        let e = parse_properties("a=1\nb=\\uZZ\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
    }

    #[test]
    fn pairs_need_an_equals_sign() {
        assert!(parse_pairs(&["retention.ms".into()], "--config").is_err());
        assert_eq!(parse_pairs(&["a=b=c".into()], "--config").unwrap(), vec![("a".into(), "b=c".into())]);
    }

    #[test]
    fn keys_of_other_clients_are_left_out_and_unknown_ones_kept() {
        assert!(known_to(ClientKind::Producer, "linger.ms"));
        assert!(!known_to(ClientKind::Admin, "linger.ms"));
        assert!(known_to_any("linger.ms"));
        assert!(!known_to_any("lingr.ms"));
        assert!(known_to(ClientKind::Admin, "sasl.mechanism"));
    }
}
