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
use kfk_admin::{Admin, AdminConfig, ADMIN_KEYS};
use kfk_client::config::{
    properties, CommonConfig, ConsumerConfig, ProducerConfig, CONSUMER_KEYS, IGNORED_KEYS, PRODUCER_KEYS,
};

use crate::cli::Global;

/// Key/value pairs in the order given; later ones win when applied.
pub type Pairs = Vec<(String, String)>;

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
    Ok(properties::read_file(path)?)
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
        let p = properties::parse_text(text).unwrap();
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
        let e = properties::parse_text("a=1\nb=\\uZZ\n").unwrap_err();
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
