//! TLS for broker connections (feature `tls`): building the rustls client configuration from
//! [`TlsConfig`], the handshake, and what its failures mean.
//!
//! The crypto provider is the process default when one is installed
//! (`rustls::crypto::CryptoProvider::install_default`), else `ring`. A ready
//! `rustls::ClientConfig` handed over with [`TlsConfig::with_rustls_config`] is used as it is.
//!
//! ```no_run
//! # async fn run() -> Result<(), kfk_client::Error> {
//! use kfk_client::config::{ProducerConfig, SecurityConfig, TlsConfig};
//! use kfk_client::producer::Producer;
//!
//! let config = ProducerConfig::builder()
//!     .bootstrap_servers("kafka-1.example.com:9093")
//!     .security(SecurityConfig::ssl(TlsConfig::default().with_ca_file("/etc/kafka/ca.pem")))
//!     .build()?;
//! let producer = Producer::new(config)?;
//! # drop(producer); Ok(()) }
//! ```

use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, ServerName, UnixTime};
use rustls::{AlertDescription, CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;

use crate::config::{ConfigError, KeyStore, StoreType, TlsConfig, TlsVersion, TrustStore};
use crate::error::{BrokerId, Error, TlsFailure};
use crate::secret::Secret;

fn provider() -> Arc<CryptoProvider> {
    CryptoProvider::get_default().cloned().unwrap_or_else(|| Arc::new(rustls::crypto::ring::default_provider()))
}

fn invalid(key: &str, value: &str, expected: impl Into<String>) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}

/// The IANA name (Java's) of a rustls suite: rustls calls TLS 1.3 suites `TLS13_*`.
fn iana_name(suite: &rustls::SupportedCipherSuite) -> String {
    let name = suite.suite().as_str().map(String::from).unwrap_or_else(|| format!("{:?}", suite.suite()));
    match name.strip_prefix("TLS13_") {
        Some(rest) => format!("TLS_{rest}"),
        None => name,
    }
}

/// The cipher suites the crypto provider supports, by IANA name.
pub fn supported_cipher_suites() -> Vec<String> {
    provider().cipher_suites.iter().map(iana_name).collect()
}

/// Checks that every name in `names` is a suite the provider supports (`ssl.cipher.suites`).
pub fn check_cipher_suites(names: &[String]) -> Result<(), ConfigError> {
    filter_suites(&provider(), names).map(|_| ())
}

fn filter_suites(
    provider: &CryptoProvider,
    names: &[String],
) -> Result<Vec<rustls::SupportedCipherSuite>, ConfigError> {
    let mut chosen = Vec::new();
    for name in names {
        match provider.cipher_suites.iter().find(|s| iana_name(s) == *name) {
            Some(s) => chosen.push(*s),
            None => {
                return Err(invalid(
                    "ssl.cipher.suites",
                    name,
                    format!("IANA names among those supported: {}", supported_cipher_suites().join(", ")),
                ))
            }
        }
    }
    Ok(chosen)
}

/// Builds the rustls configuration `tls` describes: loads the trust store and the client's key
/// and certificates.
pub fn client_config(tls: &TlsConfig) -> Result<Arc<ClientConfig>, ConfigError> {
    if let Some(ready) = &tls.rustls {
        return Ok(ready.clone());
    }
    let mut provider = (*provider()).clone();
    if !tls.cipher_suites.is_empty() {
        provider.cipher_suites = filter_suites(&provider, &tls.cipher_suites)?;
    }
    let mut versions: Vec<&'static rustls::SupportedProtocolVersion> = Vec::new();
    let wanted =
        if tls.versions.is_empty() { vec![TlsVersion::Tls12, TlsVersion::Tls13] } else { tls.versions.clone() };
    for v in wanted {
        versions.push(match v {
            TlsVersion::Tls12 => &rustls::version::TLS12,
            TlsVersion::Tls13 => &rustls::version::TLS13,
        });
    }
    let provider = Arc::new(provider);
    let roots = Arc::new(root_store(&tls.trust)?);
    let builder =
        ClientConfig::builder_with_provider(provider.clone()).with_protocol_versions(&versions).map_err(|e| {
            invalid(
                "ssl.cipher.suites",
                &tls.cipher_suites.join(","),
                format!("suites for the enabled protocols ({e})"),
            )
        })?;
    let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider)
        .build()
        .map_err(|e| invalid("ssl.truststore.location", "", format!("a usable trust store ({e})")))?;
    let builder = if tls.verify_hostname {
        builder.with_webpki_verifier(webpki)
    } else {
        builder.dangerous().with_custom_certificate_verifier(Arc::new(NoHostnameVerifier(webpki)))
    };
    let config = match &tls.identity {
        None => builder.with_no_client_auth(),
        Some(identity) => {
            let (chain, key) = identity_of(identity)?;
            builder.with_client_auth_cert(chain, key).map_err(|e| {
                invalid("ssl.keystore.key", "***", format!("a private key matching the certificate ({e})"))
            })?
        }
    };
    Ok(Arc::new(config))
}

fn read(key: &str, path: &std::path::Path) -> Result<Vec<u8>, ConfigError> {
    std::fs::read(path).map_err(|e| invalid(key, &path.display().to_string(), format!("a readable file ({e})")))
}

/// What a file holds, from its first bytes.
fn sniff(bytes: &[u8]) -> Option<StoreType> {
    if bytes.starts_with(&[0xFE, 0xED, 0xFE, 0xED]) {
        Some(StoreType::Jks)
    } else if bytes.first() == Some(&0x30) {
        Some(StoreType::Pkcs12)
    } else if bytes.windows(10).any(|w| w == b"-----BEGIN") {
        Some(StoreType::Pem)
    } else {
        None
    }
}

/// The format to read `bytes` as: the declared one, except that a "JKS" file that is in fact
/// PKCS#12 (as `keytool` writes since Java 9) is read as PKCS#12, and a real JKS file is refused.
fn store_type(
    key: &str,
    path: &std::path::Path,
    declared: Option<StoreType>,
    bytes: &[u8],
) -> Result<StoreType, ConfigError> {
    let found = sniff(bytes);
    let jks = || {
        invalid(
            key,
            &path.display().to_string(),
            format!(
                "a PEM or PKCS12 file: JKS is not supported; convert it with `keytool -importkeystore -srckeystore {0} \
                 -srcstoretype JKS -destkeystore {0}.p12 -deststoretype PKCS12` and point {key} at the .p12 file",
                path.display()
            ),
        )
    };
    match (declared, found) {
        (_, Some(StoreType::Jks)) => Err(jks()),
        (Some(StoreType::Jks), Some(StoreType::Pkcs12)) | (None, Some(StoreType::Pkcs12)) => Ok(StoreType::Pkcs12),
        (Some(StoreType::Jks), _) => Err(jks()),
        (Some(t), _) => Ok(t),
        (None, Some(t)) => Ok(t),
        (None, None) => Err(invalid(key, &path.display().to_string(), "a PEM or PKCS12 file")),
    }
}

fn pem_certs(key: &str, what: &str, pem: &[u8]) -> Result<Vec<CertificateDer<'static>>, ConfigError> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| invalid(key, what, format!("PEM certificates ({e})")))?;
    if certs.is_empty() {
        return Err(invalid(key, what, "at least one PEM certificate (-----BEGIN CERTIFICATE-----)"));
    }
    Ok(certs)
}

fn pkcs12(
    key: &str,
    path: &std::path::Path,
    bytes: &[u8],
    password: Option<&Secret>,
) -> Result<p12_keystore::KeyStore, ConfigError> {
    let password = password.map(Secret::expose).unwrap_or("");
    p12_keystore::KeyStore::from_pkcs12(bytes, password, p12_keystore::Pkcs12ImportPolicy::Relaxed)
        .map_err(|e| invalid(key, &path.display().to_string(), format!("a PKCS12 file this password opens ({e})")))
}

fn root_store(trust: &TrustStore) -> Result<RootCertStore, ConfigError> {
    let mut roots = RootCertStore::empty();
    let certs = match trust {
        TrustStore::System => {
            let found = rustls_native_certs::load_native_certs();
            for e in &found.errors {
                tracing::debug!(error = %e, "a system root certificate could not be read");
            }
            let (added, _) = roots.add_parsable_certificates(found.certs);
            if added == 0 {
                return Err(invalid(
                    "ssl.truststore.location",
                    "",
                    "a trust store: the system has no root certificates (install ca-certificates, or set \
                     ssl.truststore.location / ssl.truststore.certificates)",
                ));
            }
            return Ok(roots);
        }
        TrustStore::Pem(pem) => pem_certs("ssl.truststore.certificates", "(inline PEM)", pem.as_bytes())?,
        TrustStore::File { path, store_type: declared, password } => {
            let key = "ssl.truststore.location";
            let bytes = read(key, path)?;
            match store_type(key, path, *declared, &bytes)? {
                StoreType::Pem => pem_certs(key, &path.display().to_string(), &bytes)?,
                _ => {
                    let store = pkcs12(key, path, &bytes, password.as_ref())?;
                    let mut certs = Vec::new();
                    for (_, entry) in store.entries() {
                        match entry {
                            p12_keystore::KeyStoreEntry::Certificate(c) => {
                                certs.push(CertificateDer::from(c.as_der().to_vec()))
                            }
                            p12_keystore::KeyStoreEntry::PrivateKeyChain(chain) => {
                                certs.extend(chain.certs().iter().map(|c| CertificateDer::from(c.as_der().to_vec())))
                            }
                            _ => {}
                        }
                    }
                    certs
                }
            }
        }
    };
    for cert in certs {
        roots
            .add(cert)
            .map_err(|e| invalid("ssl.truststore.location", "", format!("CA certificates rustls accepts ({e})")))?;
    }
    if roots.is_empty() {
        return Err(invalid("ssl.truststore.location", "", "at least one certificate"));
    }
    Ok(roots)
}

type Identity = (Vec<CertificateDer<'static>>, PrivateKeyDer<'static>);

fn identity_of(keystore: &KeyStore) -> Result<Identity, ConfigError> {
    match keystore {
        KeyStore::Pem { chain, key, key_password } => {
            let certs = pem_certs("ssl.keystore.certificate.chain", "(inline PEM)", chain.as_bytes())?;
            let key = pem_key("ssl.keystore.key", key.expose().as_bytes(), key_password.as_ref())?;
            Ok((certs, key))
        }
        KeyStore::File { path, store_type: declared, password, key_password } => {
            let k = "ssl.keystore.location";
            let bytes = read(k, path)?;
            match store_type(k, path, *declared, &bytes)? {
                StoreType::Pem => {
                    let certs = pem_certs(k, &path.display().to_string(), &bytes)?;
                    let key = pem_key(k, &bytes, key_password.as_ref().or(password.as_ref()))?;
                    Ok((certs, key))
                }
                _ => {
                    let store = pkcs12(k, path, &bytes, password.as_ref())?;
                    let (_, chain) = store.private_key_chain().ok_or_else(|| {
                        invalid(k, &path.display().to_string(), "a PKCS12 file with a private key and its certificate")
                    })?;
                    let certs: Vec<CertificateDer<'static>> =
                        chain.certs().iter().map(|c| CertificateDer::from(c.as_der().to_vec())).collect();
                    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(chain.key().as_der().to_vec()));
                    Ok((certs, key))
                }
            }
        }
    }
}

/// The private key in `pem`: PKCS#8 (encrypted with `password` or not), PKCS#1 or SEC1.
fn pem_key(key: &str, pem: &[u8], password: Option<&Secret>) -> Result<PrivateKeyDer<'static>, ConfigError> {
    let text = String::from_utf8_lossy(pem);
    if let Some(start) = text.find("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        let end_marker = "-----END ENCRYPTED PRIVATE KEY-----";
        let end = text[start..]
            .find(end_marker)
            .map(|e| start + e + end_marker.len())
            .ok_or_else(|| invalid(key, "***", "a complete ENCRYPTED PRIVATE KEY block"))?;
        let Some(password) = password else {
            return Err(ConfigError::Missing { key: "ssl.key.password (the private key is encrypted)".into() });
        };
        let (_, der) = pkcs8::der::pem::decode_vec(text[start..end].as_bytes())
            .map_err(|e| invalid(key, "***", format!("an ENCRYPTED PRIVATE KEY in PEM ({e})")))?;
        let encrypted = pkcs8::EncryptedPrivateKeyInfo::try_from(der.as_slice())
            .map_err(|e| invalid(key, "***", format!("an encrypted PKCS#8 key ({e})")))?;
        let decrypted = encrypted.decrypt(password.expose()).map_err(|e| {
            invalid("ssl.key.password", "***", format!("the password of the encrypted private key ({e})"))
        })?;
        return Ok(PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(decrypted.as_bytes().to_vec())));
    }
    PrivateKeyDer::from_pem_slice(pem)
        .map_err(|e| invalid(key, "***", format!("a PEM private key (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1) ({e})")))
}

/// Checks the chain as the standard verifier does, but not the host name
/// (`ssl.endpoint.identification.algorithm` empty). The standard verifier checks the chain,
/// validity and usage before the name, so a name error means everything else passed.
#[derive(Debug)]
struct NoHostnameVerifier(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for NoHostnameVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.0.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The host part of `host:port` (brackets of an IPv6 literal removed).
fn host_of(addr: &str) -> &str {
    let host = addr.rsplit_once(':').map(|(h, _)| h).unwrap_or(addr);
    host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host)
}

/// Runs the TLS handshake over `tcp`, with the broker's advertised host as the server name.
pub(crate) async fn handshake(
    tcp: TcpStream,
    config: Arc<ClientConfig>,
    broker: &BrokerId,
) -> Result<TlsStream<TcpStream>, Error> {
    let host = host_of(&broker.addr);
    let name = ServerName::try_from(host.to_string()).map_err(|e| Error::Tls {
        broker: broker.clone(),
        failure: TlsFailure::Other,
        detail: format!("`{host}` is not a valid server name ({e})"),
    })?;
    TlsConnector::from(config).connect(name, tcp).await.map_err(|e| {
        let (failure, detail) = classify(&e);
        tracing::debug!(%failure, %detail, "TLS handshake failed");
        Error::Tls { broker: broker.clone(), failure, detail }
    })
}

/// What a failed handshake's I/O error means.
fn classify(e: &std::io::Error) -> (TlsFailure, String) {
    if let Some(classified) = classify_after_handshake(e) {
        return classified;
    }
    use std::io::ErrorKind::*;
    match e.kind() {
        UnexpectedEof | ConnectionReset | ConnectionAborted | BrokenPipe => {
            (TlsFailure::ClosedDuringHandshake, e.to_string())
        }
        _ => (TlsFailure::Other, e.to_string()),
    }
}

/// The TLS failure an I/O error carries, if it carries a rustls error (a handshake failure, or
/// an alert the broker sent after the client's side of the handshake ended: a TLS 1.3 broker
/// checks the client's certificate then).
pub(crate) fn classify_after_handshake(e: &std::io::Error) -> Option<(TlsFailure, String)> {
    let tls = e.get_ref()?.downcast_ref::<rustls::Error>()?;
    use rustls::Error as E;
    let failure = match tls {
        E::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer => TlsFailure::UnknownCa,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                TlsFailure::HostnameMismatch
            }
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. } => TlsFailure::Expired,
            _ => TlsFailure::BadCertificate,
        },
        E::AlertReceived(alert) => match alert {
            AlertDescription::CertificateRequired
            | AlertDescription::BadCertificate
            | AlertDescription::UnknownCA
            | AlertDescription::CertificateUnknown
            | AlertDescription::CertificateExpired
            | AlertDescription::CertificateRevoked
            | AlertDescription::UnsupportedCertificate
            | AlertDescription::AccessDenied => TlsFailure::ClientCertificateRejected,
            AlertDescription::HandshakeFailure
            | AlertDescription::ProtocolVersion
            | AlertDescription::InsufficientSecurity => TlsFailure::NoCommonParameters,
            _ => TlsFailure::Other,
        },
        E::InvalidMessage(_) | E::InappropriateMessage { .. } | E::InappropriateHandshakeMessage { .. } => {
            TlsFailure::NotTls
        }
        E::PeerIncompatible(_) => TlsFailure::NoCommonParameters,
        _ => TlsFailure::Other,
    };
    Some((failure, tls.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("broker-1.example.com:9093"), "broker-1.example.com");
        assert_eq!(host_of("127.0.0.1:9093"), "127.0.0.1");
        assert_eq!(host_of("[::1]:9093"), "::1");
    }

    #[test]
    fn cipher_names_are_iana() {
        let names = supported_cipher_suites();
        assert!(names.contains(&"TLS_AES_128_GCM_SHA256".to_string()), "{names:?}");
        assert!(names.contains(&"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256".to_string()), "{names:?}");
        assert!(check_cipher_suites(&["TLS_AES_256_GCM_SHA384".into()]).is_ok());
        let err = check_cipher_suites(&["TLS_RSA_WITH_AES_128_CBC_SHA".into()]).unwrap_err().to_string();
        assert!(err.contains("TLS_RSA_WITH_AES_128_CBC_SHA") && err.contains("TLS_AES_128_GCM_SHA256"), "{err}");
    }
}
