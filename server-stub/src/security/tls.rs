//! TLS listeners (SSL, SASL_SSL): a rustls server with the `ring` provider.
//!
//! The broker certificate is the test's (`StubClusterBuilder::tls_identity`) or one the stub
//! issues at start from its own CA (SANs 127.0.0.1 and localhost), whose PEM
//! `StubCluster::tls_ca_pem` hands to clients. Client authentication follows Kafka's
//! `ssl.client.auth` (none, requested, required), for every TLS listener or, as
//! `listener.name.<listener>.ssl.client.auth`, for one (each such listener has its own
//! acceptor); client certificates are checked against the
//! stub's CA and any CA the test adds, and an authenticated client's principal is its
//! certificate's subject (`User:CN=...`), as Kafka's default principal builder names it.
//!
//! The handshake runs in the connection's task, bounded by `request_read_timeout`; a client
//! speaking plaintext Kafka to a TLS port sends bytes that are no TLS record, so rustls
//! refuses them at once and the connection closes.

use std::fmt;
use std::sync::Arc;

use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;
use rustls::{RootCertStore, ServerConfig};

/// Kafka's `ssl.client.auth`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SslClientAuth {
    /// No client certificate asked for (Kafka's default).
    #[default]
    None,
    /// A client certificate is asked for; clients without one connect as `User:ANONYMOUS`.
    Requested,
    /// A client certificate signed by a trusted CA is required.
    Required,
}

/// What the builder was told about TLS.
#[derive(Clone, Default)]
pub(crate) struct TlsSettings {
    /// The broker's certificate chain and private key (PEM), or `None`: the stub's CA issues one.
    pub identity: Option<(String, String)>,
    pub client_auth: SslClientAuth,
    /// Kafka's `listener.name.<listener>.ssl.client.auth`: overrides of `client_auth` for one
    /// listener.
    pub listener_client_auth: Vec<(crate::SecurityProtocol, SslClientAuth)>,
    /// CAs (PEM) trusted for client certificates besides the stub's own.
    pub client_cas: Vec<String>,
}

impl fmt::Debug for TlsSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TlsSettings")
            .field("own_identity", &self.identity.is_some())
            .field("client_auth", &self.client_auth)
            .field("listener_client_auth", &self.listener_client_auth)
            .field("client_cas", &self.client_cas.len())
            .finish()
    }
}

/// The TLS side of a running cluster.
pub(crate) struct Tls {
    /// The acceptor of TLS listeners with `ssl.client.auth` as the cluster's.
    acceptor: tokio_rustls::TlsAcceptor,
    /// The acceptors of listeners with their own `ssl.client.auth`.
    listener_acceptors: Vec<(crate::SecurityProtocol, tokio_rustls::TlsAcceptor)>,
    /// The stub's CA certificate (PEM).
    pub ca_pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tls").finish_non_exhaustive()
    }
}

fn params(sans: Vec<String>, common_name: &str) -> Result<CertificateParams, String> {
    let mut params = CertificateParams::new(sans).map_err(|e| e.to_string())?;
    params.distinguished_name = DistinguishedName::new();
    params.distinguished_name.push(DnType::CommonName, common_name);
    // Fixed and generous: a stub may run for long, and test machines' clocks drift.
    params.not_before = date_time_ymd(2020, 1, 1);
    params.not_after = date_time_ymd(2100, 1, 1);
    Ok(params)
}

impl Tls {
    /// Makes the CA, the broker identity if the test brought none, and the acceptor.
    pub(crate) fn new(settings: &TlsSettings) -> Result<Tls, String> {
        // Installing a process default would clash with an application's own choice: the
        // provider is passed explicitly.
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let ca_key = KeyPair::generate().map_err(|e| e.to_string())?;
        let mut ca = params(Vec::new(), "server-stub CA")?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
        let ca_cert = ca.self_signed(&ca_key).map_err(|e| e.to_string())?;
        let ca_pem = ca_cert.pem();
        let issuer = Issuer::new(ca, ca_key);

        let (chain, key) = match &settings.identity {
            Some((cert_pem, key_pem)) => {
                let chain = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|e| format!("tls_identity certificate: {e}"))?;
                let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes())
                    .map_err(|e| format!("tls_identity private key: {e}"))?;
                (chain, key)
            }
            None => {
                let (cert, key) = issue(&issuer, vec!["127.0.0.1".into(), "localhost".into()], "server-stub", true)?;
                let key = PrivateKeyDer::try_from(key.serialize_der()).map_err(|e| e.to_string())?;
                (vec![cert.der().clone()], key)
            }
        };
        if chain.is_empty() {
            return Err("tls_identity: no certificate in the PEM".to_owned());
        }
        let acceptor = |auth: SslClientAuth| -> Result<tokio_rustls::TlsAcceptor, String> {
            let builder = ServerConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?;
            let builder = match auth {
                SslClientAuth::None => builder.with_no_client_auth(),
                auth => {
                    let mut roots = RootCertStore::empty();
                    roots.add(ca_cert.der().clone()).map_err(|e| e.to_string())?;
                    for pem in &settings.client_cas {
                        for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
                            roots.add(cert.map_err(|e| format!("client CA: {e}"))?).map_err(|e| e.to_string())?;
                        }
                    }
                    let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone());
                    let verifier = if auth == SslClientAuth::Requested {
                        verifier.allow_unauthenticated().build()
                    } else {
                        verifier.build()
                    };
                    builder.with_client_cert_verifier(verifier.map_err(|e| e.to_string())?)
                }
            };
            let config =
                builder.with_single_cert(chain.clone(), key.clone_key()).map_err(|e| format!("tls_identity: {e}"))?;
            Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
        };
        let listener_acceptors = settings
            .listener_client_auth
            .iter()
            .map(|(protocol, auth)| Ok((*protocol, acceptor(*auth)?)))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Tls { acceptor: acceptor(settings.client_auth)?, listener_acceptors, ca_pem, issuer })
    }

    /// The acceptor of a TLS listener of `protocol`.
    pub(crate) fn acceptor(&self, protocol: crate::SecurityProtocol) -> &tokio_rustls::TlsAcceptor {
        self.listener_acceptors.iter().find(|(p, _)| *p == protocol).map_or(&self.acceptor, |(_, a)| a)
    }

    /// A client certificate and key (PEM) for `common_name`, signed by the stub's CA.
    pub(crate) fn client_identity(&self, common_name: &str) -> Result<(String, String), String> {
        let (cert, key) = issue(&self.issuer, Vec::new(), common_name, false)?;
        Ok((cert.pem(), key.serialize_pem()))
    }
}

/// A leaf certificate signed by the stub's CA.
fn issue(
    issuer: &Issuer<'static, KeyPair>,
    sans: Vec<String>,
    common_name: &str,
    server: bool,
) -> Result<(rcgen::Certificate, KeyPair), String> {
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    let mut p = params(sans, common_name)?;
    p.key_usages = vec![KeyUsagePurpose::DigitalSignature, KeyUsagePurpose::KeyAgreement];
    p.extended_key_usages =
        vec![if server { ExtendedKeyUsagePurpose::ServerAuth } else { ExtendedKeyUsagePurpose::ClientAuth }];
    let cert = p.signed_by(&key, issuer).map_err(|e| e.to_string())?;
    Ok((cert, key))
}
