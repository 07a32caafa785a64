//! A secured Kafka for `kfk`: its SASL_SSL listener and a properties file of its admin user.
//!
//! `cargo xtask test` names the secured broker by `KAFKA_SECURITY_FILE` (the `security.json` of
//! `cargo xtask kafka start --security ...`), with `KAFKA_BOOTSTRAP_SERVERS` its plaintext
//! listener; by hand, `KAFKA_CLIENT_PROPERTIES` with `KAFKA_BOOTSTRAP_SERVERS` as that command
//! prints them work too.

use std::path::Path;

use kfk_stub::testing::jvm::Security;
use kfk_stub::{SaslMechanism, SecurityProtocol};

use super::Broker;

/// The secured Kafka the environment names, or why there is none. A security file that
/// cannot be read fails the test: it was asked for.
pub fn secured_kafka() -> Result<Broker, String> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(file) = var("KAFKA_SECURITY_FILE") {
        let security = Security::load(Path::new(&file)).unwrap_or_else(|e| panic!("KAFKA_SECURITY_FILE={file}: {e}"));
        let protocol = SecurityProtocol::SaslSsl;
        let config =
            security.client_properties_file(protocol, Some(SaslMechanism::ScramSha512), &security.admin().name);
        assert!(config.is_file(), "KAFKA_SECURITY_FILE={file}: no client properties at {}", config.display());
        return Ok(Broker::reached_with(&security.bootstrap(protocol), &config.display().to_string(), true));
    }
    match (var("KAFKA_BOOTSTRAP_SERVERS"), var("KAFKA_CLIENT_PROPERTIES")) {
        (Some(bootstrap), Some(config)) => Ok(Broker::reached_with(&bootstrap, &config, true)),
        _ => Err("no secured Kafka (neither KAFKA_SECURITY_FILE nor KAFKA_CLIENT_PROPERTIES is set)".into()),
    }
}

/// [`secured_kafka`], or the test reports itself skipped and returns.
macro_rules! secured_kafka_or_skip {
    () => {
        match $crate::common::secured::secured_kafka() {
            Ok(broker) => broker,
            Err(why) => {
                kfk_stub::skip_test!("{why}");
                return;
            }
        }
    };
}
pub(crate) use secured_kafka_or_skip;
