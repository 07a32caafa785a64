//! The secured cluster ([`Options::security`](super::Options::security)): TLS material, users,
//! the authorizer, and the client properties that reach each listener.
//!
//! # Listeners
//!
//! A secured node keeps the `PLAINTEXT` listener of an unsecured one (same port, same behaviour:
//! its principal `User:ANONYMOUS` is a super user) and opens three more, each on its own port,
//! offset from the plaintext port ([`port_offset`]):
//!
//! | listener         | port (node N, base B) | authentication                                      |
//! |------------------|-----------------------|-----------------------------------------------------|
//! | `PLAINTEXT`      | B + N                 | none (`User:ANONYMOUS`, super user)                 |
//! | `SSL`            | B + 1000 + N          | mutual TLS (`ssl.client.auth=required`)             |
//! | `SASL_PLAINTEXT` | B + 2000 + N          | SASL: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER |
//! | `SASL_SSL`       | B + 3000 + N          | TLS (server only) + the same SASL mechanisms        |
//! | `OIDC`           | B + 4000 + N          | SASL_PLAINTEXT, OAUTHBEARER with signed tokens only |
//! | `CONTROLLER`     | B + 10000 + N         | none (KRaft controllers; unchanged)                 |
//!
//! With the default base port 9092: 10092, 11092, 12092 and 13092. The offsets are thousands so that the
//! clusters the test suite starts beside the suite's broker (9192-9394, 9410, 9700) stay clear
//! of a secured broker on 9092. The inter-broker and controller listeners stay plaintext.
//!
//! # Identities
//!
//! Two users, the same name on every mechanism: [`ADMIN`] (a super user) and [`RESTRICTED`] (no
//! ACLs: every resource is refused, `TOPIC_AUTHORIZATION_FAILED`, `GROUP_AUTHORIZATION_FAILED`,
//! `TRANSACTIONAL_ID_AUTHORIZATION_FAILED`, `CLUSTER_AUTHORIZATION_FAILED`; a test grants it what
//! it needs with ACLs as the admin). Their passwords are fixed test values ([`ADMIN_PASSWORD`],
//! [`RESTRICTED_PASSWORD`]) and also written to `security.json`.
//!
//! - PLAIN: `user_<name>="<password>"` in the SASL listeners' JAAS configuration.
//! - SCRAM-SHA-256 and SCRAM-SHA-512: added to the metadata log when the storage is formatted
//!   (`kafka-storage format --add-scram`, Kafka 3.5 and newer).
//! - OAUTHBEARER: the broker's default unsecured validator; the principal is the token's `sub`
//!   claim. The token is an unsecured JWS as the Java client makes one from
//!   `unsecuredLoginStringClaim_sub="<name>"`: `base64url({"alg":"none"})` `.`
//!   `base64url({"sub":"<name>","iat":<s>,"exp":<s>})` `.` (empty signature); the validator
//!   needs `sub` and an `exp` in the future, and checks `iat` if present. The client's first
//!   message is `n,,\x01auth=Bearer <token>\x01\x01` (RFC 7628).
//! - OAUTHBEARER on the `OIDC` listener (KIP-768): tokens signed by the cluster's test identity
//!   provider ([`Security::oidc_issuer`], ES256), checked by Kafka's
//!   `OAuthBearerValidatorCallbackHandler` against the provider's JWKS (a `file:` URL, allowed
//!   with the JVM property `org.apache.kafka.sasl.oauthbearer.allowed.urls`), with
//!   [`OIDC_ISSUER`] and [`OIDC_AUDIENCE`] expected; a test serves the tokens from a
//!   [`TokenEndpoint`](crate::oidc::TokenEndpoint) on loopback.
//! - mutual TLS: the client certificate's subject is `CN=<name>`, mapped to `User:<name>` by
//!   `ssl.principal.mapping.rules=RULE:^CN=([a-zA-Z0-9._-]+)$/$1/,DEFAULT`.
//!
//! Authorization: `org.apache.kafka.metadata.authorizer.StandardAuthorizer`, with super users
//! `User:ANONYMOUS` (the plaintext, inter-broker and controller listeners) and `User:admin`.
//!
//! # Files
//!
//! Everything is made afresh at each start, in `<cluster dir>/security/`:
//!
//! ```text
//! security.json                 listeners per protocol, users and passwords, every path below
//! ca.pem, ca.key.pem            the test CA (certificate; PKCS#8 key, to sign more if needed)
//! broker.keystore.pem           the broker's PKCS#8 key + certificate (SANs 127.0.0.1, localhost) + CA
//! <user>.cert.pem               client certificate (CN=<user>) + CA; <user>.key.pem its PKCS#8 key
//! <user>.keystore.pem           key + certificate chain in one file (Java's ssl.keystore.type=PEM)
//! oidc.key.pem, jwks.json       the test identity provider's signing key and its JWKS
//! clients/<user>-<protocol>[-<mechanism>].properties
//!                               Java client properties for each user, listener and mechanism
//! ```
//!
//! Keys are ECDSA P-256, unencrypted (no `ssl.key.password`); Kafka reads PEM key and trust
//! stores since 2.7 (KIP-651).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{json, Value};

use super::error::{io_error, JvmError};

/// The super user's name on every mechanism.
pub const ADMIN: &str = "admin";
/// The super user's password (PLAIN and SCRAM).
pub const ADMIN_PASSWORD: &str = "admin-secret";
/// The restricted user's name: no ACLs unless a test grants some.
pub const RESTRICTED: &str = "alice";
/// The restricted user's password (PLAIN and SCRAM).
pub const RESTRICTED_PASSWORD: &str = "alice-secret";

/// The `iss` the `OIDC` listener expects of a token.
pub const OIDC_ISSUER: &str = "https://idp.kafka-rs.test";
/// The `aud` the `OIDC` listener expects of a token.
pub const OIDC_AUDIENCE: &str = "kafka";
/// The key id of the test identity provider's signing key.
pub const OIDC_KEY_ID: &str = "kafka-rs-test-1";
/// How far the `OIDC` listener's port is from the plaintext one.
pub const OIDC_PORT_OFFSET: u16 = 4000;
/// The listener validating signed OAUTHBEARER tokens: its name in `server.properties`.
pub const OIDC_LISTENER: &str = "OIDC";

/// The authorizer of a secured cluster (KRaft).
pub const AUTHORIZER: &str = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

// One vocabulary with server-stub's listeners: a secured JVM cluster and a secured stub name
// protocols and mechanisms alike.
pub use crate::{SaslMechanism, SecurityProtocol};

/// How far a listener's port is from the plaintext one: 0, 1000, 2000, 3000.
pub fn port_offset(protocol: SecurityProtocol) -> u16 {
    match protocol {
        SecurityProtocol::Plaintext => 0,
        SecurityProtocol::Ssl => 1000,
        SecurityProtocol::SaslPlaintext => 2000,
        SecurityProtocol::SaslSsl => 3000,
    }
}

/// The client's `sasl.jaas.config` for `user` (whose password PLAIN and SCRAM use).
pub fn client_jaas_config(mechanism: SaslMechanism, user: &User) -> String {
    let (name, password) = (jaas_quote(&user.name), jaas_quote(&user.password));
    match mechanism {
        SaslMechanism::Plain => format!(
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"{name}\" password=\"{password}\";"
        ),
        SaslMechanism::ScramSha256 | SaslMechanism::ScramSha512 => format!(
            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"{name}\" password=\"{password}\";"
        ),
        SaslMechanism::OAuthBearer => format!(
            "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub=\"{name}\";"
        ),
    }
}

/// How to secure a cluster: see the [module docs](self) for what a secured cluster is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SecurityOptions {
    /// `connections.max.reauth.ms`: SASL clients must re-authenticate within this time (KIP-368),
    /// or the broker closes their connection. `None` (the default): no re-authentication.
    pub reauth: Option<Duration>,
}

/// A user of a secured cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// Its name: the SASL user name, the `sub` of its OAUTHBEARER token, the CN of its
    /// certificate; its principal is `User:<name>`.
    pub name: String,
    /// Its PLAIN and SCRAM password.
    pub password: String,
    /// Whether it is in `super.users`.
    pub super_user: bool,
}

impl User {
    /// `User:<name>`.
    pub fn principal(&self) -> String {
        format!("User:{}", self.name)
    }
}

/// The security of a running cluster: where each listener is, who may log in, the TLS files.
/// Written to (and read back from) `<cluster dir>/security/security.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Security {
    dir: PathBuf,
    users: Vec<User>,
    reauth: Option<Duration>,
    /// Client ports of the nodes' plaintext listeners; the others are offset from them.
    client_ports: Vec<u16>,
}

impl Security {
    /// `<cluster dir>/security`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `security.json` (its layout: [`Security::to_json`]).
    pub fn file(&self) -> PathBuf {
        self.dir.join("security.json")
    }

    /// Every user ([`ADMIN`] then [`RESTRICTED`]).
    pub fn users(&self) -> &[User] {
        &self.users
    }

    /// The user called `name`.
    pub fn user(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    /// The super user, [`ADMIN`].
    pub fn admin(&self) -> &User {
        self.users.iter().find(|u| u.super_user).unwrap_or(&self.users[0])
    }

    /// The restricted user, [`RESTRICTED`].
    pub fn restricted(&self) -> &User {
        self.users.iter().find(|u| !u.super_user).unwrap_or(&self.users[0])
    }

    /// `connections.max.reauth.ms`, if set.
    pub fn reauth(&self) -> Option<Duration> {
        self.reauth
    }

    /// The listeners of `protocol`, one per node: `127.0.0.1:<port>[,...]`.
    pub fn bootstrap(&self, protocol: SecurityProtocol) -> String {
        self.client_ports
            .iter()
            .map(|port| format!("127.0.0.1:{}", port + port_offset(protocol)))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The `OIDC` listeners (SASL_PLAINTEXT, OAUTHBEARER with signed tokens only), one per node.
    pub fn oidc_bootstrap(&self) -> String {
        self.client_ports
            .iter()
            .map(|port| format!("127.0.0.1:{}", port + OIDC_PORT_OFFSET))
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The test identity provider's signing key (PKCS#8 PEM).
    pub fn oidc_key(&self) -> PathBuf {
        self.dir.join("oidc.key.pem")
    }

    /// The JWKS the `OIDC` listener validates tokens with.
    pub fn jwks(&self) -> PathBuf {
        self.dir.join("jwks.json")
    }

    /// The issuer whose tokens the `OIDC` listener accepts (read from [`Security::oidc_key`]).
    pub fn oidc_issuer(&self) -> Result<crate::oidc::Issuer, crate::oidc::OidcError> {
        let path = self.oidc_key();
        let pem = std::fs::read_to_string(&path)
            .map_err(|e| crate::oidc::OidcError::new(format!("reading the signing key {}: {e}", path.display())))?;
        crate::oidc::Issuer::from_pem(&pem, OIDC_KEY_ID, OIDC_ISSUER, OIDC_AUDIENCE)
    }

    /// The JWKS file as a `file:` URL, as the broker is given it (and allowed to read it).
    fn jwks_url(&self) -> String {
        format!("file://{}", self.jwks().display())
    }

    /// The JVM system properties a node needs: the `file:` URL of the JWKS allowed
    /// (Kafka 4.0 allows no OAUTHBEARER URL by default; 3.9.1 every one).
    pub(crate) fn jvm_properties(&self) -> Vec<String> {
        vec![format!("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls={}", self.jwks_url())]
    }

    /// The CA certificate (PEM): the trust store of clients and broker.
    pub fn ca_cert(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// The CA's private key (PKCS#8 PEM), to sign further certificates in a test.
    pub fn ca_key(&self) -> PathBuf {
        self.dir.join("ca.key.pem")
    }

    /// The broker's key store: PKCS#8 key, its certificate and the CA's, in one PEM file.
    pub fn broker_keystore(&self) -> PathBuf {
        self.dir.join("broker.keystore.pem")
    }

    /// `user`'s client certificate chain (its certificate, then the CA's), PEM.
    pub fn client_cert(&self, user: &str) -> PathBuf {
        self.dir.join(format!("{user}.cert.pem"))
    }

    /// `user`'s client private key, PKCS#8 PEM.
    pub fn client_key(&self, user: &str) -> PathBuf {
        self.dir.join(format!("{user}.key.pem"))
    }

    /// `user`'s key store for Java (`ssl.keystore.type=PEM`): key and certificate chain.
    pub fn client_keystore(&self, user: &str) -> PathBuf {
        self.dir.join(format!("{user}.keystore.pem"))
    }

    /// The properties file written at start for `user` on `protocol` with `mechanism`
    /// (`clients/admin-sasl_ssl-scram-sha-512.properties`, `clients/alice-ssl.properties`, ...).
    /// `mechanism` is ignored for protocols without SASL.
    pub fn client_properties_file(
        &self,
        protocol: SecurityProtocol,
        mechanism: Option<SaslMechanism>,
        user: &str,
    ) -> PathBuf {
        let mut name = format!("{user}-{}", protocol.name().to_ascii_lowercase());
        if let (true, Some(mechanism)) = (protocol.is_sasl(), mechanism) {
            name.push('-');
            name.push_str(&mechanism.name().to_ascii_lowercase());
        }
        self.dir.join("clients").join(format!("{name}.properties"))
    }

    /// Java client properties for `user` on `protocol` (mechanism `mechanism`, needed for SASL
    /// protocols), which a Java client (`--command-config`, `--producer.config`) or this
    /// project's clients take as they are:
    ///
    /// ```text
    /// bootstrap.servers=127.0.0.1:12092
    /// security.protocol=SASL_SSL
    /// ssl.truststore.type=PEM
    /// ssl.truststore.location=<dir>/ca.pem
    /// ssl.endpoint.identification.algorithm=https
    /// sasl.mechanism=SCRAM-SHA-512
    /// sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="admin-secret";
    /// ```
    ///
    /// `SSL` gets `ssl.keystore.type=PEM` and `ssl.keystore.location=<dir>/<user>.keystore.pem`
    /// instead of the SASL keys. Fails for an unknown user, or a SASL protocol without mechanism.
    pub fn client_properties(
        &self,
        protocol: SecurityProtocol,
        mechanism: Option<SaslMechanism>,
        user: &str,
    ) -> Result<String, JvmError> {
        let Some(who) = self.user(user) else {
            return Err(JvmError::InvalidOptions(format!(
                "no user `{user}` in this cluster (users: {})",
                self.users.iter().map(|u| u.name.as_str()).collect::<Vec<_>>().join(", ")
            )));
        };
        let mut p = format!(
            "# Written by the kafka-testkit JVM launcher: {} on {protocol} for {}.\n",
            mechanism.filter(|_| protocol.is_sasl()).map_or("client", SaslMechanism::name),
            who.principal()
        );
        let mut set = |key: &str, value: &dyn std::fmt::Display| {
            let _ = writeln!(p, "{key}={value}");
        };
        set("bootstrap.servers", &self.bootstrap(protocol));
        set("security.protocol", &protocol.name());
        if protocol.is_tls() {
            set("ssl.truststore.type", &"PEM");
            set("ssl.truststore.location", &properties_path(&self.ca_cert()));
            set("ssl.endpoint.identification.algorithm", &"https");
        }
        if protocol == SecurityProtocol::Ssl {
            set("ssl.keystore.type", &"PEM");
            set("ssl.keystore.location", &properties_path(&self.client_keystore(user)));
        }
        if protocol.is_sasl() {
            let Some(mechanism) = mechanism else {
                return Err(JvmError::InvalidOptions(format!("{protocol} needs a SASL mechanism")));
            };
            set("sasl.mechanism", &mechanism.name());
            set("sasl.jaas.config", &client_jaas_config(mechanism, who));
        }
        Ok(p)
    }

    /// Writes [`client_properties`](Self::client_properties) to `path`.
    pub fn write_client_properties(
        &self,
        protocol: SecurityProtocol,
        mechanism: Option<SaslMechanism>,
        user: &str,
        path: &Path,
    ) -> Result<(), JvmError> {
        let text = self.client_properties(protocol, mechanism, user)?;
        std::fs::write(path, text).map_err(io_error("writing", path))
    }

    /// The `security.json` document:
    ///
    /// ```json
    /// {
    ///   "listeners": {"PLAINTEXT": "127.0.0.1:9092", "SSL": "127.0.0.1:10092",
    ///                 "SASL_PLAINTEXT": "127.0.0.1:11092", "SASL_SSL": "127.0.0.1:12092"},
    ///   "mechanisms": ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"],
    ///   "users": [{"name": "admin", "password": "admin-secret", "super_user": true},
    ///             {"name": "alice", "password": "alice-secret", "super_user": false}],
    ///   "super_users": ["User:ANONYMOUS", "User:admin"],
    ///   "reauth_ms": null,
    ///   "client_ports": [9092],
    ///   "ca_cert": ".../ca.pem", "ca_key": ".../ca.key.pem",
    ///   "clients": {"admin": {"cert": ".../admin.cert.pem", "key": ".../admin.key.pem",
    ///                         "keystore": ".../admin.keystore.pem"}, "alice": {...}}
    /// }
    /// ```
    pub fn to_json(&self) -> Value {
        let listeners: serde_json::Map<String, Value> =
            SecurityProtocol::ALL.iter().map(|&p| (p.name().to_string(), json!(self.bootstrap(p)))).collect();
        let users: Vec<Value> = self
            .users
            .iter()
            .map(|u| json!({ "name": u.name, "password": u.password, "super_user": u.super_user }))
            .collect();
        let clients: serde_json::Map<String, Value> = self
            .users
            .iter()
            .map(|u| {
                let files = json!({
                    "cert": self.client_cert(&u.name).display().to_string(),
                    "key": self.client_key(&u.name).display().to_string(),
                    "keystore": self.client_keystore(&u.name).display().to_string(),
                });
                (u.name.clone(), files)
            })
            .collect();
        json!({
            "listeners": listeners,
            "oidc": {
                "listener": self.oidc_bootstrap(),
                "key": self.oidc_key().display().to_string(),
                "jwks": self.jwks().display().to_string(),
                "issuer": OIDC_ISSUER,
                "audience": OIDC_AUDIENCE,
                "kid": OIDC_KEY_ID,
            },
            "mechanisms": SaslMechanism::ALL.iter().map(|m| m.name()).collect::<Vec<_>>(),
            "users": users,
            "super_users": self.super_users(),
            "reauth_ms": self.reauth.map(|d| d.as_millis() as u64),
            "client_ports": self.client_ports,
            "ca_cert": self.ca_cert().display().to_string(),
            "ca_key": self.ca_key().display().to_string(),
            "broker_keystore": self.broker_keystore().display().to_string(),
            "clients": clients,
        })
    }

    /// Reads `security.json` back (the directory is the file's).
    pub fn load(file: &Path) -> Result<Security, JvmError> {
        let text = std::fs::read_to_string(file).map_err(io_error("reading", file))?;
        let bad = |reason: String| JvmError::BadState { path: file.to_path_buf(), reason };
        let v: Value = serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?;
        let mut users = Vec::new();
        for u in v["users"].as_array().ok_or_else(|| bad("no users".into()))? {
            users.push(User {
                name: u["name"].as_str().ok_or_else(|| bad("user without a name".into()))?.to_string(),
                password: u["password"].as_str().ok_or_else(|| bad("user without a password".into()))?.to_string(),
                super_user: u["super_user"].as_bool().unwrap_or(false),
            });
        }
        if users.is_empty() {
            return Err(bad("no users".into()));
        }
        let client_ports = v["client_ports"]
            .as_array()
            .ok_or_else(|| bad("no client_ports".into()))?
            .iter()
            .map(|p| {
                p.as_u64().and_then(|p| u16::try_from(p).ok()).ok_or_else(|| bad("client_ports: not a port".into()))
            })
            .collect::<Result<Vec<u16>, _>>()?;
        let dir = file.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Security { dir, users, reauth: v["reauth_ms"].as_u64().map(Duration::from_millis), client_ports })
    }

    /// `User:ANONYMOUS` and every super user's principal.
    pub fn super_users(&self) -> Vec<String> {
        let mut all = vec!["User:ANONYMOUS".to_string()];
        all.extend(self.users.iter().filter(|u| u.super_user).map(User::principal));
        all
    }

    /// The `--add-scram` arguments of `kafka-storage format`: every user, both SCRAM mechanisms.
    pub(crate) fn format_arguments(&self) -> Vec<String> {
        let mut args = Vec::new();
        for user in &self.users {
            for mechanism in [SaslMechanism::ScramSha256, SaslMechanism::ScramSha512] {
                args.push("--add-scram".to_string());
                args.push(format!("{}=[name={},password={}]", mechanism.name(), user.name, user.password));
            }
        }
        args
    }

    /// Node `id`'s `listeners`, `advertised.listeners` and `listener.security.protocol.map`.
    pub(crate) fn listeners(&self, id: usize, controller_port: u16) -> [String; 3] {
        let client = self.client_ports[id];
        let listener = |p: SecurityProtocol| format!("{}://127.0.0.1:{}", p.name(), client + port_offset(p));
        let all = format!(
            "{},{OIDC_LISTENER}://127.0.0.1:{}",
            SecurityProtocol::ALL.map(listener).join(","),
            client + OIDC_PORT_OFFSET
        );
        [
            format!("{all},CONTROLLER://127.0.0.1:{controller_port}"),
            all,
            format!(
                "PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,\
                 {OIDC_LISTENER}:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"
            ),
        ]
    }

    /// The security lines of every node's `server.properties` (the listeners aside).
    pub(crate) fn server_properties(&self) -> String {
        let mut p = String::from("# Security (kfk_testkit::jvm::security).\n");
        let mut set = |key: &str, value: &dyn std::fmt::Display| {
            let _ = writeln!(p, "{key}={value}");
        };
        set("authorizer.class.name", &AUTHORIZER);
        set("super.users", &self.super_users().join(";"));
        set("allow.everyone.if.no.acl.found", &false);
        // TLS: one key store for SSL and SASL_SSL; client certificates required on SSL only.
        set("ssl.keystore.type", &"PEM");
        set("ssl.keystore.location", &properties_path(&self.broker_keystore()));
        set("ssl.truststore.type", &"PEM");
        set("ssl.truststore.location", &properties_path(&self.ca_cert()));
        set("listener.name.ssl.ssl.client.auth", &"required");
        set("ssl.principal.mapping.rules", &"RULE:^CN=([a-zA-Z0-9._-]+)$/$1/,DEFAULT");
        // SASL: every mechanism on both SASL listeners.
        set("sasl.enabled.mechanisms", &SaslMechanism::ALL.map(SaslMechanism::name).join(","));
        let plain_users: String =
            self.users.iter().map(|u| format!(" user_{}=\"{}\"", u.name, jaas_quote(&u.password))).collect();
        let admin = self.admin();
        for protocol in [SecurityProtocol::SaslPlaintext, SecurityProtocol::SaslSsl] {
            let prefix = format!("listener.name.{}", protocol.name().to_ascii_lowercase());
            set(
                &format!("{prefix}.plain.sasl.jaas.config"),
                &format!(
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"{}\" \
                     password=\"{}\"{plain_users};",
                    jaas_quote(&admin.name),
                    jaas_quote(&admin.password)
                ),
            );
            for scram in ["scram-sha-256", "scram-sha-512"] {
                set(
                    &format!("{prefix}.{scram}.sasl.jaas.config"),
                    &"org.apache.kafka.common.security.scram.ScramLoginModule required;",
                );
            }
            // No server callback handler: the default validates unsecured (`alg: none`) tokens.
            set(
                &format!("{prefix}.oauthbearer.sasl.jaas.config"),
                &format!(
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required \
                     unsecuredLoginStringClaim_sub=\"{}\";",
                    jaas_quote(&admin.name)
                ),
            );
        }
        // OIDC: signed tokens only, checked against the test identity provider's JWKS.
        let oidc = format!("listener.name.{}", OIDC_LISTENER.to_ascii_lowercase());
        set(&format!("{oidc}.sasl.enabled.mechanisms"), &"OAUTHBEARER");
        set(
            &format!("{oidc}.oauthbearer.sasl.server.callback.handler.class"),
            &"org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler",
        );
        set(
            &format!("{oidc}.oauthbearer.sasl.jaas.config"),
            &"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
        );
        set("sasl.oauthbearer.jwks.endpoint.url", &self.jwks_url());
        set("sasl.oauthbearer.expected.issuer", &OIDC_ISSUER);
        set("sasl.oauthbearer.expected.audience", &OIDC_AUDIENCE);
        if let Some(reauth) = self.reauth {
            set("connections.max.reauth.ms", &reauth.as_millis());
        }
        p
    }
}

/// Makes the security material of a cluster whose nodes' plaintext ports are `client_ports`,
/// in `dir` (removed and made anew): certificates, `security.json`, client properties. A
/// [`Cluster`](super::Cluster) start calls it; server-stub's secured stub too, to serve the same
/// users and files.
pub fn create(dir: &Path, options: &SecurityOptions, client_ports: &[u16]) -> Result<Security, JvmError> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io_error("removing", dir))?;
    }
    let clients = dir.join("clients");
    std::fs::create_dir_all(&clients).map_err(io_error("creating", &clients))?;
    let security = Security {
        dir: dir.to_path_buf(),
        users: vec![
            User { name: ADMIN.into(), password: ADMIN_PASSWORD.into(), super_user: true },
            User { name: RESTRICTED.into(), password: RESTRICTED_PASSWORD.into(), super_user: false },
        ],
        reauth: options.reauth,
        client_ports: client_ports.to_vec(),
    };
    let names: Vec<&str> = security.users.iter().map(|u| u.name.as_str()).collect();
    let pki = certificates::generate(&names).map_err(|e| JvmError::Certificates(e.to_string()))?;
    let write = |path: PathBuf, text: &str| std::fs::write(&path, text).map_err(io_error("writing", &path));
    write(security.ca_cert(), &pki.ca_cert)?;
    write(security.ca_key(), &pki.ca_key)?;
    write(security.broker_keystore(), &format!("{}{}{}", pki.broker.key, pki.broker.cert, pki.ca_cert))?;
    for (name, client) in names.iter().zip(&pki.clients) {
        write(security.client_cert(name), &format!("{}{}", client.cert, pki.ca_cert))?;
        write(security.client_key(name), &client.key)?;
        write(security.client_keystore(name), &format!("{}{}{}", client.key, client.cert, pki.ca_cert))?;
    }
    let issuer = crate::oidc::Issuer::generate(OIDC_KEY_ID, OIDC_ISSUER, OIDC_AUDIENCE)
        .map_err(|e| JvmError::Certificates(e.to_string()))?;
    write(security.oidc_key(), issuer.key_pem())?;
    write(security.jwks(), &issuer.jwks().to_string())?;
    for user in &names {
        for protocol in SecurityProtocol::ALL {
            let mechanisms: Vec<Option<SaslMechanism>> =
                if protocol.is_sasl() { SaslMechanism::ALL.map(Some).to_vec() } else { vec![None] };
            for mechanism in mechanisms {
                let path = security.client_properties_file(protocol, mechanism, user);
                security.write_client_properties(protocol, mechanism, user, &path)?;
            }
        }
    }
    let text = serde_json::to_string_pretty(&security.to_json())
        .map_err(|e| JvmError::BadState { path: security.file(), reason: e.to_string() })?;
    write(security.file(), &text)?;
    Ok(security)
}

/// A path as a value in a Java properties file (where `\` escapes).
fn properties_path(path: &Path) -> String {
    path.display().to_string().replace('\\', "\\\\")
}

/// A value inside double quotes in a JAAS configuration.
fn jaas_quote(text: &str) -> String {
    text.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The test PKI, with `rcgen` (the token endpoint's HTTPS uses it too).
pub(crate) mod certificates {
    use rcgen::{
        date_time_ymd, BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
        Issuer, KeyPair, KeyUsagePurpose,
    };

    /// A certificate and its key, PEM.
    pub(crate) struct Pair {
        pub cert: String,
        pub key: String,
    }

    /// The CA, the broker's pair and one client pair per name.
    pub(crate) struct Pki {
        pub ca_cert: String,
        pub ca_key: String,
        pub broker: Pair,
        pub clients: Vec<Pair>,
    }

    fn params(sans: Vec<String>, cn: &str) -> Result<CertificateParams, rcgen::Error> {
        let mut params = CertificateParams::new(sans)?;
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, cn);
        // Fixed, generous validity: a test cluster may run for days, clocks may be off.
        params.not_before = date_time_ymd(2020, 1, 1);
        params.not_after = date_time_ymd(2100, 1, 1);
        Ok(params)
    }

    pub(crate) fn generate(clients: &[&str]) -> Result<Pki, rcgen::Error> {
        let ca_key = KeyPair::generate()?;
        let mut ca = params(Vec::new(), "kafka-rs test CA")?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
        let ca_cert = ca.self_signed(&ca_key)?.pem();
        let ca_key_pem = ca_key.serialize_pem();
        let issuer = Issuer::new(ca, ca_key);

        let leaf = |sans: Vec<String>, cn: &str, usage: ExtendedKeyUsagePurpose| -> Result<Pair, rcgen::Error> {
            let key = KeyPair::generate()?;
            let mut p = params(sans, cn)?;
            p.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyAgreement];
            p.extended_key_usages = vec![usage];
            let cert = p.signed_by(&key, &issuer)?;
            Ok(Pair { cert: cert.pem(), key: key.serialize_pem() })
        };
        let broker =
            leaf(vec!["127.0.0.1".into(), "localhost".into()], "kafka-broker", ExtendedKeyUsagePurpose::ServerAuth)?;
        let clients = clients
            .iter()
            .map(|name| leaf(Vec::new(), name, ExtendedKeyUsagePurpose::ClientAuth))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Pki { ca_cert, ca_key: ca_key_pem, broker, clients })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::jvm::scratch_dir as scratch;

    #[test]
    fn material_properties_and_json_are_written_and_read_back() {
        let dir = scratch("security");
        let options = SecurityOptions { reauth: Some(Duration::from_secs(3)) };
        let security = create(&dir, &options, &[9300, 9301, 9302]).unwrap();
        assert_eq!(security.bootstrap(SecurityProtocol::SaslSsl), "127.0.0.1:12300,127.0.0.1:12301,127.0.0.1:12302");
        for file in
            [security.ca_cert(), security.ca_key(), security.broker_keystore(), security.client_keystore("alice")]
        {
            assert!(std::fs::read_to_string(&file).unwrap().contains("-----BEGIN"), "{}", file.display());
        }
        let keystore = std::fs::read_to_string(security.broker_keystore()).unwrap();
        assert!(keystore.starts_with("-----BEGIN PRIVATE KEY-----"), "PKCS#8 first");
        assert_eq!(keystore.matches("BEGIN CERTIFICATE").count(), 2, "broker certificate and CA");

        let scram = std::fs::read_to_string(security.client_properties_file(
            SecurityProtocol::SaslSsl,
            Some(SaslMechanism::ScramSha512),
            ADMIN,
        ))
        .unwrap();
        assert!(scram.contains("\nsecurity.protocol=SASL_SSL\n"), "{scram}");
        assert!(scram.contains("\nsasl.mechanism=SCRAM-SHA-512\n"), "{scram}");
        assert!(scram.contains(
            "\nsasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \
             username=\"admin\" password=\"admin-secret\";\n"
        ));
        assert!(scram.contains(&format!("\nssl.truststore.location={}\n", security.ca_cert().display())));
        assert!(!scram.contains("keystore"), "{scram}");
        let mtls = security.client_properties(SecurityProtocol::Ssl, None, RESTRICTED).unwrap();
        assert!(mtls.contains(&format!("\nssl.keystore.location={}\n", security.client_keystore("alice").display())));
        assert!(!mtls.contains("sasl."), "{mtls}");
        assert!(security.client_properties(SecurityProtocol::SaslPlaintext, None, ADMIN).is_err());
        assert!(security.client_properties(SecurityProtocol::Ssl, None, "mallory").is_err());

        let [listeners, advertised, _] = security.listeners(1, 19301);
        assert_eq!(
            listeners,
            "PLAINTEXT://127.0.0.1:9301,SSL://127.0.0.1:10301,SASL_PLAINTEXT://127.0.0.1:11301,\
             SASL_SSL://127.0.0.1:12301,OIDC://127.0.0.1:13301,CONTROLLER://127.0.0.1:19301"
        );
        assert!(advertised.ends_with(",SASL_SSL://127.0.0.1:12301,OIDC://127.0.0.1:13301"), "{advertised}");
        let jwks: Value = serde_json::from_str(&std::fs::read_to_string(security.jwks()).unwrap()).unwrap();
        assert_eq!(jwks, security.oidc_issuer().unwrap().jwks(), "the JWKS is the signing key's");
        let server = security.server_properties();
        assert!(
            server.contains(&format!("\nsasl.oauthbearer.jwks.endpoint.url=file://{}\n", security.jwks().display()))
        );
        assert!(server.contains("\nsuper.users=User:ANONYMOUS;User:admin\n"));
        assert!(server.contains("\nconnections.max.reauth.ms=3000\n"));
        assert!(server.contains("user_alice=\"alice-secret\""));
        assert_eq!(
            security.format_arguments()[..2],
            ["--add-scram".to_string(), "SCRAM-SHA-256=[name=admin,password=admin-secret]".to_string()]
        );

        let back = Security::load(&security.file()).unwrap();
        assert_eq!(back, security);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
