//! How connections are secured: `security.protocol`, TLS (`ssl.*`) and SASL (`sasl.*`).
//!
//! Typed:
//!
//! ```
//! use kfk_client::config::{ProducerConfig, SecurityConfig, TlsConfig};
//! use kfk_client::sasl::plain::Plain;
//!
//! let tls = TlsConfig::default()                    // the system's root certificates
//!     .with_ca_pem("-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n");
//! let config = ProducerConfig::builder()
//!     .bootstrap_servers("kafka-1.example.com:9093")
//!     .security(SecurityConfig::sasl_ssl(Plain::new("alice", "alice-secret"), tls))
//!     .build()
//!     .unwrap();
//! assert!(!format!("{config:?}").contains("alice-secret"));
//! ```
//!
//! From Java-style properties, the Java client's keys:
//!
//! ```
//! use kfk_client::config::{ConsumerConfig, SecurityProtocol};
//!
//! let config = ConsumerConfig::from_properties([
//!     ("bootstrap.servers", "kafka-1.example.com:9092"),
//!     ("security.protocol", "SASL_PLAINTEXT"),
//!     ("sasl.mechanism", "PLAIN"),
//!     ("sasl.jaas.config", r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";"#),
//! ])
//! .unwrap();
//! assert_eq!(config.common.security.protocol, SecurityProtocol::SaslPlaintext);
//! ```

use std::path::PathBuf;
use std::sync::Arc;

use super::properties::Properties;
use crate::error::ConfigError;
use crate::net::ConnectionSecurity;
use crate::sasl::Mechanism;
use crate::secret::Secret;

/// `security.protocol`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SecurityProtocol {
    /// Neither TLS nor SASL.
    #[default]
    Plaintext,
    /// TLS.
    Ssl,
    /// SASL over plain TCP.
    SaslPlaintext,
    /// SASL over TLS.
    SaslSsl,
}

impl SecurityProtocol {
    /// Parses the Java name, in any case.
    pub fn parse(value: &str) -> Result<SecurityProtocol, ConfigError> {
        match value.to_ascii_uppercase().as_str() {
            "PLAINTEXT" => Ok(SecurityProtocol::Plaintext),
            "SSL" => Ok(SecurityProtocol::Ssl),
            "SASL_PLAINTEXT" => Ok(SecurityProtocol::SaslPlaintext),
            "SASL_SSL" => Ok(SecurityProtocol::SaslSsl),
            _ => Err(invalid("security.protocol", value, "PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")),
        }
    }

    /// Whether connections use TLS.
    pub fn uses_tls(self) -> bool {
        matches!(self, SecurityProtocol::Ssl | SecurityProtocol::SaslSsl)
    }

    /// Whether connections authenticate with SASL.
    pub fn uses_sasl(self) -> bool {
        matches!(self, SecurityProtocol::SaslPlaintext | SecurityProtocol::SaslSsl)
    }

    /// The Java name.
    pub fn name(self) -> &'static str {
        match self {
            SecurityProtocol::Plaintext => "PLAINTEXT",
            SecurityProtocol::Ssl => "SSL",
            SecurityProtocol::SaslPlaintext => "SASL_PLAINTEXT",
            SecurityProtocol::SaslSsl => "SASL_SSL",
        }
    }
}

/// The format of a key or trust store file (`ssl.keystore.type`, `ssl.truststore.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreType {
    /// PEM: certificates (and for a key store, the private key, PKCS#8, possibly encrypted).
    Pem,
    /// PKCS#12.
    Pkcs12,
    /// Java's own format. Read only when the file is in fact PKCS#12 (`keytool` writes PKCS#12
    /// since Java 9 whatever the name); a real JKS file is refused with how to convert it.
    Jks,
}

impl StoreType {
    fn parse(key: &str, value: &str) -> Result<StoreType, ConfigError> {
        match value.to_ascii_uppercase().as_str() {
            "PEM" => Ok(StoreType::Pem),
            "PKCS12" | "P12" | "PFX" => Ok(StoreType::Pkcs12),
            "JKS" => Ok(StoreType::Jks),
            _ => Err(invalid(key, value, "PEM or PKCS12 (JKS files must be converted to PKCS12)")),
        }
    }
}

/// What the client trusts to sign brokers' certificates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TrustStore {
    /// The operating system's root certificates (the default).
    #[default]
    System,
    /// A file (`ssl.truststore.location`, `ssl.truststore.type`, `ssl.truststore.password`).
    /// The type is guessed from the content when not given.
    File {
        /// The path.
        path: PathBuf,
        /// The format.
        store_type: Option<StoreType>,
        /// The PKCS#12 password (none checks no integrity, as Java does).
        password: Option<Secret>,
    },
    /// PEM certificates (`ssl.truststore.certificates`).
    Pem(String),
}

/// The client's own certificate and key (mutual TLS).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyStore {
    /// A file (`ssl.keystore.location`, `ssl.keystore.type`, `ssl.keystore.password`,
    /// `ssl.key.password`): PEM with the private key and the certificate chain, or PKCS#12.
    File {
        /// The path.
        path: PathBuf,
        /// The format; guessed from the content when not given.
        store_type: Option<StoreType>,
        /// The PKCS#12 password.
        password: Option<Secret>,
        /// The password of an encrypted PEM key.
        key_password: Option<Secret>,
    },
    /// Inline PEM (`ssl.keystore.certificate.chain`, `ssl.keystore.key`, `ssl.key.password`).
    Pem {
        /// The certificate chain, the client's certificate first.
        chain: String,
        /// The private key (PKCS#8, possibly encrypted; PKCS#1 and SEC1 too).
        key: Secret,
        /// The password of an encrypted key.
        key_password: Option<Secret>,
    },
}

/// A TLS protocol version (`ssl.enabled.protocols`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TlsVersion {
    /// TLSv1.2.
    Tls12,
    /// TLSv1.3.
    Tls13,
}

impl TlsVersion {
    fn parse(key: &str, value: &str) -> Result<TlsVersion, ConfigError> {
        match value {
            "TLSv1.2" => Ok(TlsVersion::Tls12),
            "TLSv1.3" => Ok(TlsVersion::Tls13),
            _ => Err(invalid(key, value, "TLSv1.2 and/or TLSv1.3 (older versions are not supported)")),
        }
    }
}

/// TLS settings. The default trusts the system's root certificates, verifies the broker's
/// host name, offers TLS 1.2 and 1.3 and the crypto provider's default cipher suites.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TlsConfig {
    /// Who signs brokers' certificates.
    pub trust: TrustStore,
    /// The client's certificate and key, for brokers that require one.
    pub identity: Option<KeyStore>,
    /// Whether the broker's certificate must name its host
    /// (`ssl.endpoint.identification.algorithm=https`, the default). Turning it off still
    /// checks the chain; it lets any certificate the CA signed impersonate any broker.
    pub verify_hostname: bool,
    /// Allowed versions; empty for TLS 1.2 and 1.3.
    pub versions: Vec<TlsVersion>,
    /// Allowed cipher suites by IANA name (as Java names them); empty for the provider's
    /// defaults.
    pub cipher_suites: Vec<String>,
    /// A ready rustls configuration, used as it is instead of the settings above.
    #[cfg(feature = "tls")]
    pub rustls: Option<Arc<rustls::ClientConfig>>,
}

impl Default for TlsConfig {
    fn default() -> Self {
        TlsConfig {
            trust: TrustStore::System,
            identity: None,
            verify_hostname: true,
            versions: Vec::new(),
            cipher_suites: Vec::new(),
            #[cfg(feature = "tls")]
            rustls: None,
        }
    }
}

impl TlsConfig {
    /// Trusts the CA certificates in `pem` (instead of the system's).
    pub fn with_ca_pem(mut self, pem: impl Into<String>) -> Self {
        self.trust = TrustStore::Pem(pem.into());
        self
    }

    /// Trusts the CA certificates in the PEM file at `path`.
    pub fn with_ca_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.trust = TrustStore::File { path: path.into(), store_type: Some(StoreType::Pem), password: None };
        self
    }

    /// Trusts what `trust` names: a PEM or PKCS#12 file, inline PEM, or the system's roots.
    pub fn with_trust(mut self, trust: TrustStore) -> Self {
        self.trust = trust;
        self
    }

    /// Presents `identity` (a key store file or inline PEM) to brokers that ask for a
    /// client certificate.
    pub fn with_identity(mut self, identity: KeyStore) -> Self {
        self.identity = Some(identity);
        self
    }

    /// Offers only these TLS versions (`ssl.enabled.protocols`).
    pub fn with_versions(mut self, versions: impl IntoIterator<Item = TlsVersion>) -> Self {
        self.versions = versions.into_iter().collect();
        self
    }

    /// Offers only these cipher suites, by IANA name (`ssl.cipher.suites`).
    pub fn with_cipher_suites<S: Into<String>>(mut self, suites: impl IntoIterator<Item = S>) -> Self {
        self.cipher_suites = suites.into_iter().map(Into::into).collect();
        self
    }

    /// Presents this certificate chain and key (inline PEM) to brokers that ask for one.
    pub fn with_client_pem(mut self, chain: impl Into<String>, key: impl Into<Secret>) -> Self {
        self.identity = Some(KeyStore::Pem { chain: chain.into(), key: key.into(), key_password: None });
        self
    }

    /// Whether to check that the broker's certificate names its host (default true).
    pub fn verify_hostname(mut self, verify: bool) -> Self {
        self.verify_hostname = verify;
        self
    }

    /// Uses `config` as it is (any crypto provider, any verifier); the other settings of
    /// this `TlsConfig` are then unused.
    #[cfg(feature = "tls")]
    pub fn with_rustls_config(mut self, config: Arc<rustls::ClientConfig>) -> Self {
        self.rustls = Some(config);
        self
    }
}

/// How connections are secured: the protocol, its TLS settings and its SASL mechanism.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct SecurityConfig {
    /// `security.protocol`.
    pub protocol: SecurityProtocol,
    /// TLS settings, used when the protocol is SSL or SASL_SSL.
    pub tls: TlsConfig,
    /// The SASL mechanism, required when the protocol is SASL_PLAINTEXT or SASL_SSL.
    pub sasl: Option<Arc<dyn Mechanism>>,
}

impl SecurityConfig {
    /// PLAINTEXT.
    pub fn plaintext() -> Self {
        SecurityConfig::default()
    }

    /// SSL with `tls`.
    pub fn ssl(tls: TlsConfig) -> Self {
        SecurityConfig { protocol: SecurityProtocol::Ssl, tls, sasl: None }
    }

    /// SASL_PLAINTEXT with `mechanism`.
    pub fn sasl_plaintext(mechanism: impl Mechanism + 'static) -> Self {
        SecurityConfig {
            protocol: SecurityProtocol::SaslPlaintext,
            tls: TlsConfig::default(),
            sasl: Some(Arc::new(mechanism)),
        }
    }

    /// SASL_SSL with `mechanism` and `tls`.
    pub fn sasl_ssl(mechanism: impl Mechanism + 'static, tls: TlsConfig) -> Self {
        SecurityConfig { protocol: SecurityProtocol::SaslSsl, tls, sasl: Some(Arc::new(mechanism)) }
    }

    /// Checks the settings agree and loads what TLS needs (files, keys, the root store):
    /// the settings each connection uses.
    pub fn resolve(&self) -> Result<ConnectionSecurity, ConfigError> {
        let sasl = match (self.protocol.uses_sasl(), &self.sasl) {
            (true, Some(m)) => Some(m.clone()),
            (true, None) => {
                return Err(ConfigError::Missing {
                    key: format!("sasl.mechanism and sasl.jaas.config (security.protocol is {})", self.protocol.name()),
                })
            }
            (false, Some(m)) => {
                return Err(invalid(
                    "security.protocol",
                    self.protocol.name(),
                    &format!(
                        "SASL_PLAINTEXT or SASL_SSL, since a SASL mechanism ({}) is configured; the client would \
                         otherwise connect without authenticating",
                        m.name()
                    ),
                ))
            }
            (false, None) => None,
        };
        if !self.protocol.uses_tls() {
            #[cfg(feature = "tls")]
            return Ok(ConnectionSecurity { tls: None, sasl });
            #[cfg(not(feature = "tls"))]
            return Ok(ConnectionSecurity { sasl });
        }
        #[cfg(feature = "tls")]
        {
            let tls = crate::net::tls::client_config(&self.tls)?;
            Ok(ConnectionSecurity { tls: Some(tls), sasl })
        }
        #[cfg(not(feature = "tls"))]
        {
            let _ = sasl;
            Err(invalid(
                "security.protocol",
                self.protocol.name(),
                "PLAINTEXT or SASL_PLAINTEXT: this build of kafka-client has no TLS; enable its `tls` feature",
            ))
        }
    }

    /// Reads `security.protocol`, the `ssl.*` keys and the `sasl.*` keys out of `props`.
    pub fn take(props: &mut Properties) -> Result<SecurityConfig, ConfigError> {
        let mut security = SecurityConfig::default();
        if let Some(v) = props.take("security.protocol") {
            security.protocol = SecurityProtocol::parse(&v)?;
        }
        security.tls = take_tls(props)?;
        security.sasl = crate::sasl::config::from_properties(props)?;
        Ok(security)
    }
}

/// The `ssl.*` keys read by [`SecurityConfig::take`].
pub const SSL_KEYS: &[&str] = &[
    "ssl.truststore.type",
    "ssl.truststore.location",
    "ssl.truststore.password",
    "ssl.truststore.certificates",
    "ssl.keystore.type",
    "ssl.keystore.location",
    "ssl.keystore.password",
    "ssl.key.password",
    "ssl.keystore.certificate.chain",
    "ssl.keystore.key",
    "ssl.endpoint.identification.algorithm",
    "ssl.enabled.protocols",
    "ssl.protocol",
    "ssl.cipher.suites",
    "ssl.keymanager.algorithm",
    "ssl.trustmanager.algorithm",
    "ssl.secure.random.implementation",
    "ssl.provider",
];

/// JVM-only `ssl.*` keys with no effect on what is trusted or presented: accepted and ignored
/// (with a debug log). `ssl.keymanager.algorithm` picks the JVM's key manager (the key is the
/// same); `ssl.secure.random.implementation` and `ssl.provider` pick JVM implementations
/// (rustls uses its crypto provider). `ssl.trustmanager.algorithm` is accepted only as
/// `PKIX` or `SunX509` (standard chain validation, as here); `ssl.engine.factory.class`
/// replaces the whole TLS engine and is refused (hand a rustls configuration over instead).
const IGNORED_SSL_KEYS: &[&str] = &["ssl.keymanager.algorithm", "ssl.secure.random.implementation", "ssl.provider"];

fn take_secret(props: &mut Properties, key: &str) -> Option<Secret> {
    props.take(key).filter(|v| !v.is_empty()).map(Secret::from)
}

pub(crate) fn take_tls(props: &mut Properties) -> Result<TlsConfig, ConfigError> {
    let mut tls = TlsConfig::default();
    for key in IGNORED_SSL_KEYS {
        if props.take(key).is_some() {
            tracing::debug!(key, "JVM-only TLS setting with no effect on this client; ignored");
        }
    }
    if let Some(v) = props.take("ssl.trustmanager.algorithm") {
        if !(v.eq_ignore_ascii_case("PKIX") || v.eq_ignore_ascii_case("SunX509")) {
            return Err(invalid(
                "ssl.trustmanager.algorithm",
                &v,
                "PKIX or SunX509 (standard certificate chain validation, which this client always does)",
            ));
        }
        tracing::debug!(key = "ssl.trustmanager.algorithm", "standard chain validation; ignored");
    }
    if let Some(v) = props.take("ssl.engine.factory.class") {
        return Err(invalid(
            "ssl.engine.factory.class",
            &v,
            "nothing: a JVM class cannot be loaded; build a rustls::ClientConfig and hand it over with \
             TlsConfig::with_rustls_config",
        ));
    }

    // Trust.
    let truststore_type =
        props.take("ssl.truststore.type").map(|v| StoreType::parse("ssl.truststore.type", &v)).transpose()?;
    let truststore_location = props.take("ssl.truststore.location").filter(|v| !v.is_empty());
    let truststore_password = take_secret(props, "ssl.truststore.password");
    let truststore_certificates = props.take("ssl.truststore.certificates").filter(|v| !v.is_empty());
    tls.trust = match (truststore_location, truststore_certificates) {
        (Some(_), Some(_)) => {
            return Err(invalid(
                "ssl.truststore.certificates",
                "(inline PEM)",
                "not both ssl.truststore.location and ssl.truststore.certificates",
            ))
        }
        (Some(path), None) => {
            TrustStore::File { path: path.into(), store_type: truststore_type, password: truststore_password }
        }
        (None, Some(pem)) => {
            if truststore_type.is_some_and(|t| t != StoreType::Pem) {
                return Err(invalid("ssl.truststore.type", "(not PEM)", "PEM with ssl.truststore.certificates"));
            }
            TrustStore::Pem(pem)
        }
        (None, None) => TrustStore::System,
    };

    // Identity.
    let keystore_type =
        props.take("ssl.keystore.type").map(|v| StoreType::parse("ssl.keystore.type", &v)).transpose()?;
    let keystore_location = props.take("ssl.keystore.location").filter(|v| !v.is_empty());
    let keystore_password = take_secret(props, "ssl.keystore.password");
    let key_password = take_secret(props, "ssl.key.password");
    let chain = props.take("ssl.keystore.certificate.chain").filter(|v| !v.is_empty());
    let key = take_secret(props, "ssl.keystore.key");
    tls.identity = match (keystore_location, chain, key) {
        (Some(path), None, None) => Some(KeyStore::File {
            path: path.into(),
            store_type: keystore_type,
            password: keystore_password,
            key_password,
        }),
        (None, Some(chain), Some(key)) => {
            if keystore_type.is_some_and(|t| t != StoreType::Pem) {
                return Err(invalid(
                    "ssl.keystore.type",
                    "(not PEM)",
                    "PEM with ssl.keystore.certificate.chain and ssl.keystore.key",
                ));
            }
            Some(KeyStore::Pem { chain, key, key_password })
        }
        (None, None, None) => None,
        (Some(_), _, _) => {
            return Err(invalid(
                "ssl.keystore.location",
                "(set)",
                "either ssl.keystore.location or ssl.keystore.certificate.chain with ssl.keystore.key, not both",
            ))
        }
        (None, Some(_), None) => return Err(ConfigError::Missing { key: "ssl.keystore.key".into() }),
        (None, None, Some(_)) => return Err(ConfigError::Missing { key: "ssl.keystore.certificate.chain".into() }),
    };

    if let Some(v) = props.take("ssl.endpoint.identification.algorithm") {
        if v.is_empty() {
            tracing::warn!(
                "ssl.endpoint.identification.algorithm is empty: brokers' host names are not checked against \
                 their certificates (any certificate the trusted CAs signed is accepted for any broker)"
            );
            tls.verify_hostname = false;
        } else if v.eq_ignore_ascii_case("https") {
            tls.verify_hostname = true;
        } else {
            return Err(invalid("ssl.endpoint.identification.algorithm", &v, "https, or empty to turn the check off"));
        }
    }

    // Versions: ssl.protocol caps the versions (as the JVM's SSLContext does), and
    // ssl.enabled.protocols lists them.
    let mut versions = vec![TlsVersion::Tls12, TlsVersion::Tls13];
    if let Some(v) = props.take("ssl.enabled.protocols") {
        let listed = v
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|p| TlsVersion::parse("ssl.enabled.protocols", p))
            .collect::<Result<Vec<_>, _>>()?;
        if listed.is_empty() {
            return Err(invalid("ssl.enabled.protocols", &v, "TLSv1.2 and/or TLSv1.3"));
        }
        versions.retain(|v| listed.contains(v));
    }
    if let Some(v) = props.take("ssl.protocol") {
        let max = match v.as_str() {
            "TLSv1.3" | "TLS" => TlsVersion::Tls13,
            "TLSv1.2" => TlsVersion::Tls12,
            _ => return Err(invalid("ssl.protocol", &v, "TLSv1.3 (the default), TLSv1.2 or TLS")),
        };
        versions.retain(|v| *v <= max);
        if versions.is_empty() {
            return Err(invalid("ssl.protocol", &v, "a version ssl.enabled.protocols allows"));
        }
    }
    tls.versions = if versions.len() == 2 { Vec::new() } else { versions };

    if let Some(v) = props.take("ssl.cipher.suites") {
        tls.cipher_suites = v.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
        #[cfg(feature = "tls")]
        crate::net::tls::check_cipher_suites(&tls.cipher_suites)?;
    }
    Ok(tls)
}

fn invalid(key: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}
