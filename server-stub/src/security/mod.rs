//! Listener security: which protocol a listener speaks (PLAINTEXT, SSL, SASL_PLAINTEXT,
//! SASL_SSL), the credentials the brokers accept, and the authentication state of each
//! connection.
//!
//! As in Kafka, security is per listener: every broker opens the PLAINTEXT listener the stub
//! always had (so `StubCluster::bootstrap` is unchanged) plus one port for each protocol the
//! builder adds. A connection's [`Session`] lives in its task, so authenticating takes no lock:
//! the credentials are fixed when the cluster starts.
//!
//! - [`sasl`]: SaslHandshake/SaslAuthenticate on a connection, KIP-368 re-authentication and
//!   session expiry, the requests allowed before authentication.
//! - [`plain`], [`scram`], [`oauthbearer`]: the mechanisms' server sides.
//! - `jwks` (feature `tls`): signed OAUTHBEARER tokens checked against a key set (KIP-768).
//! - `tls` (feature `tls`): the rustls acceptor, the stub's own CA, client certificates.
//! - [`acl`]: ACLs and the authorizer (Kafka's `StandardAuthorizer`), when the builder asks
//!   for one; the requests it guards are checked in [`crate::handlers::authorization`].

pub mod acl;
#[cfg(feature = "tls")]
pub(crate) mod jwks;
pub(crate) mod oauthbearer;
pub(crate) mod plain;
pub(crate) mod sasl;
pub(crate) mod scram;
#[cfg(feature = "tls")]
pub(crate) mod tls;
#[cfg(feature = "tls")]
pub(crate) mod x509;

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

pub(crate) use sasl::Session;

// One vocabulary for the stub's listeners and the JVM launcher's secured cluster, defined
// with the launcher (kafka-testkit), which does not depend on this crate.
pub use kfk_testkit::{SaslMechanism, SecurityProtocol};

/// What the brokers' listeners accept, fixed when the cluster starts.
#[derive(Clone)]
pub(crate) struct SecurityConfig {
    /// Listeners each broker opens beside PLAINTEXT, in the order added.
    pub listeners: Vec<SecurityProtocol>,
    /// First ports of listeners placed by the test (broker i on `port + i`), by protocol.
    pub listener_ports: Vec<(SecurityProtocol, u16)>,
    /// `sasl.enabled.mechanisms`; empty: all of [`SaslMechanism::ALL`].
    pub mechanisms: Vec<SaslMechanism>,
    /// PLAIN users and passwords (Kafka's JAAS `user_<name>="<password>"` keeps them in clear
    /// too: PLAIN sends the password itself).
    pub plain_users: BTreeMap<String, String>,
    /// SCRAM users whose credentials are derived at start (the passwords are then dropped).
    pub scram_passwords: Vec<(SaslMechanism, String, String, u32)>,
    /// The salted SCRAM credentials, by mechanism and user.
    pub scram: BTreeMap<(SaslMechanism, String), scram::Credential>,
    /// `connections.max.reauth.ms`: `None` (Kafka's 0) disables re-authentication.
    pub max_reauth: Option<Duration>,
    /// Kafka's `connection.failed.authentication.delay.ms`: how long a failed authentication's
    /// answer (and the close after it) waits.
    pub failed_authentication_delay: Duration,
    /// Maps an SSL client certificate's subject `CN=<name>` to `User:<name>`, as Kafka's
    /// `ssl.principal.mapping.rules=RULE:^CN=([a-zA-Z0-9._-]+)$/$1/,DEFAULT` does.
    pub ssl_principal_from_cn: bool,
    /// The authorizer (`authorizer.class.name`), if any: without one everything is allowed.
    pub authorizer: Option<acl::AuthorizerConfig>,
    /// The TLS identity and client authentication.
    #[cfg(feature = "tls")]
    pub tls: tls::TlsSettings,
    /// OAUTHBEARER tokens must be signed by a key of this set (KIP-768's validator); `None`:
    /// Kafka's unsecured tokens. An `Err` is a set the builder could not read, reported at start.
    #[cfg(feature = "tls")]
    pub jwks: Option<Result<jwks::JwksValidator, String>>,
}

/// Kafka's default `connection.failed.authentication.delay.ms`.
pub(crate) const DEFAULT_FAILED_AUTHENTICATION_DELAY: Duration = Duration::from_millis(100);

impl Default for SecurityConfig {
    fn default() -> Self {
        SecurityConfig {
            listeners: Vec::new(),
            listener_ports: Vec::new(),
            mechanisms: Vec::new(),
            plain_users: BTreeMap::new(),
            scram_passwords: Vec::new(),
            scram: BTreeMap::new(),
            max_reauth: None,
            failed_authentication_delay: DEFAULT_FAILED_AUTHENTICATION_DELAY,
            ssl_principal_from_cn: false,
            authorizer: None,
            #[cfg(feature = "tls")]
            tls: tls::TlsSettings::default(),
            #[cfg(feature = "tls")]
            jwks: None,
        }
    }
}

/// Passwords and keys never reach a log: only names and counts.
impl fmt::Debug for SecurityConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("SecurityConfig");
        d.field("listeners", &self.listeners)
            .field("mechanisms", &self.mechanisms)
            .field("plain_users", &self.plain_users.keys().collect::<Vec<_>>())
            .field("scram_users", &self.scram.keys().collect::<Vec<_>>())
            .field("max_reauth", &self.max_reauth)
            .field("failed_authentication_delay", &self.failed_authentication_delay)
            .field("ssl_principal_from_cn", &self.ssl_principal_from_cn)
            .field("authorizer", &self.authorizer);
        #[cfg(feature = "tls")]
        d.field("tls", &self.tls).field("jwks", &self.jwks);
        d.finish()
    }
}

impl SecurityConfig {
    /// Checks an OAUTHBEARER token: against the key set when one is configured, else as
    /// Kafka's unsecured validator does.
    pub(crate) fn validate_oauth_token(&self, token: &str, now_ms: i64) -> Result<oauthbearer::Token, &'static str> {
        #[cfg(feature = "tls")]
        if let Some(Ok(validator)) = &self.jwks {
            return validator.validate(token, now_ms);
        }
        oauthbearer::validate(token, now_ms)
    }

    /// The enabled mechanisms, in the order SaslHandshake lists them.
    pub(crate) fn enabled(&self) -> &[SaslMechanism] {
        if self.mechanisms.is_empty() {
            &SaslMechanism::ALL
        } else {
            &self.mechanisms
        }
    }

    /// Derives the SCRAM credentials of the users added on the builder, forgetting their
    /// passwords.
    pub(crate) fn salt_scram_passwords(&mut self) -> Result<(), String> {
        for (mechanism, user, password, iterations) in std::mem::take(&mut self.scram_passwords) {
            let credential = scram::Credential::new(mechanism, &password, iterations)?;
            self.scram.insert((mechanism, user), credential);
        }
        Ok(())
    }
}

/// The ports of one listener of every broker (index = broker id).
#[derive(Debug, Clone)]
pub(crate) struct ListenerPorts {
    pub protocol: SecurityProtocol,
    pub ports: Vec<u16>,
}

/// The principal of a connection that did not authenticate (PLAINTEXT, SSL without a client
/// certificate), as Kafka names it.
pub(crate) const ANONYMOUS: &str = "User:ANONYMOUS";

/// The principal of an SSL connection whose client certificate has `subject` (RFC 2253):
/// `User:<subject>`, or `User:<name>` for a subject `CN=<name>` when `from_cn` maps it (the
/// name made of letters, digits, `.`, `_` and `-`, as the harness's mapping rule allows).
#[cfg(feature = "tls")]
pub(crate) fn ssl_principal(subject: &str, from_cn: bool) -> String {
    let name = subject.strip_prefix("CN=").filter(|n| {
        from_cn && !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    });
    format!("User:{}", name.unwrap_or(subject))
}

#[cfg(all(test, feature = "tls"))]
mod ssl_principal_tests {
    use super::ssl_principal;

    #[test]
    fn cn_subjects_map_to_their_name_only_when_asked_and_only_when_plain() {
        assert_eq!(ssl_principal("CN=alice", false), "User:CN=alice");
        assert_eq!(ssl_principal("CN=alice", true), "User:alice");
        assert_eq!(ssl_principal("CN=alice,O=corp", true), "User:CN=alice,O=corp", "the rule's pattern: CN alone");
        assert_eq!(ssl_principal("CN=", true), "User:CN=");
        assert_eq!(ssl_principal("O=corp", true), "User:O=corp");
    }
}
