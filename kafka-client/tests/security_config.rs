//! `security.protocol`, `ssl.*` and `sasl.*` from Java-style properties: every key, the
//! errors, JKS, cipher suite names, key and trust store loading (PEM, PKCS#12, encrypted
//! PKCS#8), and that no secret shows in a config's Debug.
#![allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test

use kfk_client::config::{ConsumerConfig, ProducerConfig, SecurityProtocol};

fn producer(extra: &[(&str, &str)]) -> Result<ProducerConfig, String> {
    let mut pairs = vec![("bootstrap.servers", "h:1")];
    pairs.extend_from_slice(extra);
    ProducerConfig::from_properties(pairs).map_err(|e| e.to_string())
}

const JAAS: &str =
    r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";"#;

#[test]
fn protocols_and_sasl() {
    for (v, p) in [
        ("plaintext", SecurityProtocol::Plaintext),
        ("SASL_PLAINTEXT", SecurityProtocol::SaslPlaintext),
        ("sasl_plaintext", SecurityProtocol::SaslPlaintext),
    ] {
        let extra: Vec<(&str, &str)> = if p.uses_sasl() {
            vec![("security.protocol", v), ("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", JAAS)]
        } else {
            vec![("security.protocol", v)]
        };
        assert_eq!(producer(&extra).unwrap().common.security.protocol, p);
    }
    let err = producer(&[("security.protocol", "TLS")]).unwrap_err();
    assert!(err.contains("PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL"), "{err}");
    // SASL without a mechanism, a mechanism without SASL.
    let err = producer(&[("security.protocol", "SASL_PLAINTEXT")]).unwrap_err();
    assert!(err.contains("sasl.mechanism"), "{err}");
    let err = producer(&[("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", JAAS)]).unwrap_err();
    assert!(err.contains("SASL_PLAINTEXT or SASL_SSL"), "{err}");
    assert!(!err.contains("alice-secret"), "{err}");
    // The password never shows.
    let c =
        producer(&[("security.protocol", "SASL_PLAINTEXT"), ("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", JAAS)])
            .unwrap();
    assert!(!format!("{c:?}").contains("alice-secret"));
    // The consumer and the admin client read the same keys.
    let c = ConsumerConfig::from_properties([
        ("bootstrap.servers", "h:1"),
        ("security.protocol", "SASL_PLAINTEXT"),
        ("sasl.mechanism", "PLAIN"),
        ("sasl.jaas.config", JAAS),
    ])
    .unwrap();
    assert_eq!(c.common.security.sasl.as_ref().unwrap().name(), "PLAIN");
}

#[cfg(not(feature = "tls"))]
#[test]
fn without_the_tls_feature_ssl_is_refused() {
    let err = producer(&[("security.protocol", "ssl")]).unwrap_err();
    assert!(err.contains("enable its `tls` feature"), "{err}");
    let err = producer(&[("security.protocol", "SASL_SSL"), ("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", JAAS)])
        .unwrap_err();
    assert!(err.contains("enable its `tls` feature"), "{err}");
}

#[cfg(feature = "tls")]
mod tls {
    use std::path::{Path, PathBuf};

    use kfk_client::config::{KeyStore, StoreType, TlsVersion, TrustStore};
    use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
    use rustls::pki_types::PrivateKeyDer;

    use super::*;

    struct Files {
        dir: PathBuf,
        ca_pem: String,
        cert_pem: String,
        key_pem: String,
    }

    impl Files {
        fn new() -> Files {
            let dir = std::env::temp_dir().join(format!("kafka-client-security-config-{}", std::process::id()));
            std::fs::create_dir_all(&dir).unwrap();
            let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
            params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            let ca_key = KeyPair::generate().unwrap();
            let ca = rcgen::CertifiedIssuer::self_signed(params, ca_key).unwrap();
            let key = KeyPair::generate().unwrap();
            let cert = CertificateParams::new(vec!["client".to_string()]).unwrap().signed_by(&key, &ca).unwrap();
            Files { dir, ca_pem: ca.pem(), cert_pem: cert.pem(), key_pem: key.serialize_pem() }
        }

        fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
            let path = self.dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path.display().to_string()
        }

        fn der(pem: &str) -> Vec<u8> {
            use rustls::pki_types::pem::PemObject;
            rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes()).unwrap().to_vec()
        }

        fn pkcs12_trust(&self, password: &str) -> Vec<u8> {
            let mut store = p12_keystore::KeyStore::new();
            let cert = p12_keystore::Certificate::from_der(&Files::der(&self.ca_pem)).unwrap();
            store.add_entry("ca", p12_keystore::KeyStoreEntry::Certificate(cert));
            store.writer(password).write().unwrap()
        }

        fn pkcs12_key(&self, password: &str) -> Vec<u8> {
            use rustls::pki_types::pem::PemObject;
            let PrivateKeyDer::Pkcs8(der) = PrivateKeyDer::from_pem_slice(self.key_pem.as_bytes()).unwrap() else {
                panic!()
            };
            let key = p12_keystore::PrivateKey::from_der(der.secret_pkcs8_der()).unwrap();
            let cert = p12_keystore::Certificate::from_der(&Files::der(&self.cert_pem)).unwrap();
            let chain = p12_keystore::PrivateKeyChain::new(vec![1u8], key, [cert]);
            let mut store = p12_keystore::KeyStore::new();
            store.add_entry("client", p12_keystore::KeyStoreEntry::PrivateKeyChain(chain));
            store.writer(password).write().unwrap()
        }

        fn encrypted_key(&self, password: &str) -> String {
            use rustls::pki_types::pem::PemObject;
            let PrivateKeyDer::Pkcs8(der) = PrivateKeyDer::from_pem_slice(self.key_pem.as_bytes()).unwrap() else {
                panic!()
            };
            let params = pkcs8::pkcs5::pbes2::Parameters::pbkdf2_sha256_aes256cbc(1000, &[1; 16], &[2; 16]).unwrap();
            let info = pkcs8::PrivateKeyInfo::try_from(der.secret_pkcs8_der()).unwrap();
            let doc = info.encrypt_with_params(params, password).unwrap();
            pkcs8::der::pem::encode_string("ENCRYPTED PRIVATE KEY", pkcs8::LineEnding::LF, doc.as_bytes()).unwrap()
        }
    }

    fn ssl(extra: &[(&str, &str)]) -> Result<ProducerConfig, String> {
        let mut pairs = vec![("security.protocol", "SSL")];
        pairs.extend_from_slice(extra);
        producer(&pairs)
    }

    #[test]
    fn trust_stores() {
        let f = Files::new();
        let pem = f.write("ca.pem", &f.ca_pem);
        let c = ssl(&[("ssl.truststore.type", "PEM"), ("ssl.truststore.location", &pem)]).unwrap();
        assert!(matches!(c.common.security.tls.trust, TrustStore::File { store_type: Some(StoreType::Pem), .. }));
        // Without a type, the content says.
        ssl(&[("ssl.truststore.location", &pem)]).unwrap();
        let p12 = f.write("trust.p12", f.pkcs12_trust("changeit"));
        ssl(&[
            ("ssl.truststore.type", "PKCS12"),
            ("ssl.truststore.location", &p12),
            ("ssl.truststore.password", "changeit"),
        ])
        .unwrap();
        let err = ssl(&[
            ("ssl.truststore.type", "PKCS12"),
            ("ssl.truststore.location", &p12),
            ("ssl.truststore.password", "nope"),
        ])
        .unwrap_err();
        assert!(err.contains("ssl.truststore.location") && err.contains("password"), "{err}");
        assert!(!err.contains("nope"), "{err}");
        // "JKS" that is in fact PKCS#12 (keytool's default since Java 9) is read.
        ssl(&[
            ("ssl.truststore.type", "JKS"),
            ("ssl.truststore.location", &p12),
            ("ssl.truststore.password", "changeit"),
        ])
        .unwrap();
        // A real JKS file is refused with how to convert it.
        let jks = f.write("trust.jks", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2]);
        for t in ["JKS", "PKCS12"] {
            let err = ssl(&[("ssl.truststore.type", t), ("ssl.truststore.location", &jks)]).unwrap_err();
            assert!(
                err.contains("keytool -importkeystore")
                    && err.contains("-srcstoretype JKS")
                    && err.contains("-deststoretype PKCS12"),
                "{err}"
            );
        }
        // Inline PEM.
        let c = ssl(&[("ssl.truststore.certificates", &f.ca_pem)]).unwrap();
        assert!(matches!(c.common.security.tls.trust, TrustStore::Pem(_)));
        let err = ssl(&[("ssl.truststore.certificates", &f.ca_pem), ("ssl.truststore.location", &pem)]).unwrap_err();
        assert!(err.contains("not both"), "{err}");
        let err = ssl(&[("ssl.truststore.certificates", "not a certificate")]).unwrap_err();
        assert!(err.contains("ssl.truststore.certificates"), "{err}");
        let err = ssl(&[("ssl.truststore.location", "/nonexistent/ca.pem")]).unwrap_err();
        assert!(err.contains("/nonexistent/ca.pem"), "{err}");
        let err = ssl(&[("ssl.truststore.type", "BKS")]).unwrap_err();
        assert!(err.contains("PEM or PKCS12"), "{err}");
    }

    #[test]
    fn key_stores() {
        let f = Files::new();
        let ca = f.write("ca2.pem", &f.ca_pem);
        let trust = [("ssl.truststore.location", ca.as_str())];
        // PEM file: key and chain.
        let plain = f.write("client.pem", format!("{}{}", f.key_pem, f.cert_pem));
        ssl(&[trust[0], ("ssl.keystore.type", "PEM"), ("ssl.keystore.location", &plain)]).unwrap();
        // Encrypted PKCS#8 with ssl.key.password; without it; with a wrong one.
        let encrypted = f.write("client-enc.pem", format!("{}{}", f.encrypted_key("key-pw"), f.cert_pem));
        ssl(&[trust[0], ("ssl.keystore.location", &encrypted), ("ssl.key.password", "key-pw")]).unwrap();
        let err = ssl(&[trust[0], ("ssl.keystore.location", &encrypted)]).unwrap_err();
        assert!(err.contains("ssl.key.password"), "{err}");
        let err =
            ssl(&[trust[0], ("ssl.keystore.location", &encrypted), ("ssl.key.password", "wrong-pw")]).unwrap_err();
        assert!(err.contains("ssl.key.password") && !err.contains("wrong-pw"), "{err}");
        // PKCS#12.
        let p12 = f.write("client.p12", f.pkcs12_key("store-pw"));
        let c = ssl(&[
            trust[0],
            ("ssl.keystore.type", "PKCS12"),
            ("ssl.keystore.location", &p12),
            ("ssl.keystore.password", "store-pw"),
            ("ssl.key.password", "store-pw"),
        ])
        .unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("store-pw"), "{shown}");
        // Inline.
        let c = ssl(&[
            trust[0],
            ("ssl.keystore.certificate.chain", &f.cert_pem),
            ("ssl.keystore.key", &f.encrypted_key("inline-pw")),
            ("ssl.key.password", "inline-pw"),
        ])
        .unwrap();
        assert!(matches!(c.common.security.tls.identity, Some(KeyStore::Pem { .. })));
        let shown = format!("{c:?}");
        assert!(!shown.contains("inline-pw") && !shown.contains("ENCRYPTED PRIVATE KEY"), "{shown}");
        let err = ssl(&[trust[0], ("ssl.keystore.certificate.chain", &f.cert_pem)]).unwrap_err();
        assert!(err.contains("ssl.keystore.key"), "{err}");
        let err = ssl(&[trust[0], ("ssl.keystore.key", &f.key_pem)]).unwrap_err();
        assert!(err.contains("ssl.keystore.certificate.chain"), "{err}");
        assert!(!err.contains("PRIVATE KEY"), "{err}");
        // A key that does not parse: the error does not quote it.
        let err =
            ssl(&[trust[0], ("ssl.keystore.certificate.chain", &f.cert_pem), ("ssl.keystore.key", "secret-garbage")])
                .unwrap_err();
        assert!(!err.contains("secret-garbage"), "{err}");
        let jks = f.write("key.jks", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2]);
        let err = ssl(&[trust[0], ("ssl.keystore.type", "JKS"), ("ssl.keystore.location", &jks)]).unwrap_err();
        assert!(err.contains("keytool -importkeystore"), "{err}");
        let _ = Path::new(&jks);
    }

    #[test]
    fn host_names_versions_and_suites() {
        let f = Files::new();
        let ca = f.ca_pem.clone();
        let t = ("ssl.truststore.certificates", ca.as_str());
        assert!(ssl(&[t]).unwrap().common.security.tls.verify_hostname);
        assert!(!ssl(&[t, ("ssl.endpoint.identification.algorithm", "")]).unwrap().common.security.tls.verify_hostname);
        assert!(
            ssl(&[t, ("ssl.endpoint.identification.algorithm", "HTTPS")]).unwrap().common.security.tls.verify_hostname
        );
        assert!(ssl(&[t, ("ssl.endpoint.identification.algorithm", "ldaps")]).unwrap_err().contains("https"));

        let versions = |extra: &[(&str, &str)]| {
            let mut all = vec![t];
            all.extend_from_slice(extra);
            ssl(&all).map(|c| c.common.security.tls.versions)
        };
        assert_eq!(versions(&[]).unwrap(), vec![]);
        assert_eq!(versions(&[("ssl.enabled.protocols", "TLSv1.2")]).unwrap(), vec![TlsVersion::Tls12]);
        assert_eq!(versions(&[("ssl.enabled.protocols", "TLSv1.3")]).unwrap(), vec![TlsVersion::Tls13]);
        assert_eq!(versions(&[("ssl.enabled.protocols", "TLSv1.2,TLSv1.3")]).unwrap(), vec![]);
        assert_eq!(versions(&[("ssl.protocol", "TLSv1.2")]).unwrap(), vec![TlsVersion::Tls12]);
        assert_eq!(versions(&[("ssl.protocol", "TLSv1.3")]).unwrap(), vec![]);
        let err = versions(&[("ssl.enabled.protocols", "TLSv1.1,TLSv1.2")]).unwrap_err();
        assert!(err.contains("TLSv1.1") && err.contains("older versions are not supported"), "{err}");
        let err = versions(&[("ssl.protocol", "TLSv1.2"), ("ssl.enabled.protocols", "TLSv1.3")]).unwrap_err();
        assert!(err.contains("ssl.protocol"), "{err}");
        assert!(versions(&[("ssl.protocol", "SSLv3")]).is_err());

        let c =
            ssl(&[t, ("ssl.cipher.suites", "TLS_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")]).unwrap();
        assert_eq!(c.common.security.tls.cipher_suites.len(), 2);
        let err = ssl(&[t, ("ssl.cipher.suites", "TLS_RSA_WITH_AES_128_CBC_SHA")]).unwrap_err();
        assert!(err.contains("TLS_RSA_WITH_AES_128_CBC_SHA") && err.contains("TLS_CHACHA20_POLY1305_SHA256"), "{err}");
        // Only TLS 1.3 suites with only TLS 1.2 allowed: nothing to offer.
        let err = ssl(&[t, ("ssl.cipher.suites", "TLS_AES_128_GCM_SHA256"), ("ssl.enabled.protocols", "TLSv1.2")])
            .unwrap_err();
        assert!(err.contains("ssl.cipher.suites"), "{err}");
    }

    #[test]
    fn jvm_only_keys() {
        let ca = Files::new().ca_pem;
        let t = ("ssl.truststore.certificates", ca.as_str());
        ssl(&[
            t,
            ("ssl.keymanager.algorithm", "SunX509"),
            ("ssl.secure.random.implementation", "SHA1PRNG"),
            ("ssl.provider", "SunJSSE"),
            ("ssl.trustmanager.algorithm", "PKIX"),
        ])
        .unwrap();
        assert!(ssl(&[t, ("ssl.trustmanager.algorithm", "Custom")]).unwrap_err().contains("PKIX"));
        let err = ssl(&[t, ("ssl.engine.factory.class", "com.example.Engine")]).unwrap_err();
        assert!(err.contains("with_rustls_config"), "{err}");
        let err = ssl(&[t, ("ssl.truststore.locaton", "x")]).unwrap_err();
        assert!(err.contains("did you mean `ssl.truststore.location`"), "{err}");
        // ssl.* keys are read (and checked) with PLAINTEXT too, as Java accepts them.
        producer(&[("ssl.endpoint.identification.algorithm", "")]).unwrap();
    }

    #[test]
    fn sasl_ssl_from_properties() {
        let ca = Files::new().ca_pem;
        let c = producer(&[
            ("security.protocol", "SASL_SSL"),
            ("ssl.truststore.certificates", &ca),
            ("sasl.mechanism", "PLAIN"),
            ("sasl.jaas.config", JAAS),
        ])
        .unwrap();
        let security = c.common.security.resolve().unwrap();
        assert!(security.uses_tls() && security.sasl.is_some());
    }
}
