//! The Java client's SASL keys: `sasl.mechanism`, `sasl.jaas.config`, `sasl.login.*` and
//! `sasl.oauthbearer.*`, turned into a [`Mechanism`].
//!
//! ```
//! use kfk_client::config::properties::Properties;
//! use kfk_client::sasl::config::from_properties;
//!
//! let mut props = Properties::new([
//!     ("sasl.mechanism", "SCRAM-SHA-512"),
//!     (
//!         "sasl.jaas.config",
//!         r#"org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-secret";"#,
//!     ),
//! ]);
//! let mechanism = from_properties(&mut props).unwrap().unwrap();
//! assert_eq!(mechanism.name(), "SCRAM-SHA-512");
//! assert!(!format!("{mechanism:?}").contains("alice-secret"));
//! ```

use std::sync::Arc;
use std::time::Duration;

use super::jaas::{JaasConfig, LoginModule};
use super::oauthbearer::{FileTokenProvider, OAuthBearer, RefreshConfig, TokenProvider, UnsecuredTokenProvider};
use super::plain::Plain;
use super::scram::{Scram, ScramHash};
use super::Mechanism;
use crate::config::properties::{parse_bool, parse_int, Properties};
use crate::error::ConfigError;

/// The keys [`from_properties`] reads.
pub const SASL_KEYS: &[&str] = &[
    "sasl.mechanism",
    "sasl.jaas.config",
    "sasl.login.callback.handler.class",
    "sasl.login.refresh.window.factor",
    "sasl.login.refresh.window.jitter",
    "sasl.login.refresh.min.period.seconds",
    "sasl.login.refresh.buffer.seconds",
    "sasl.oauthbearer.token.endpoint.url",
    "sasl.oauthbearer.scope.claim.name",
    "sasl.oauthbearer.sub.claim.name",
    "sasl.login.connect.timeout.ms",
    "sasl.login.read.timeout.ms",
];

/// The mechanisms this client implements.
pub const SUPPORTED_MECHANISMS: &[&str] = &["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "OAUTHBEARER"];

const JAAS: &str = "sasl.jaas.config";
/// `sasl.jaas.config` holds passwords: errors never show it.
const HIDDEN: &str = "(not shown: it may hold a password)";

/// The error for a `SASL_PLAINTEXT`/`SASL_SSL` connection without `sasl.mechanism`: the Java
/// client would use GSSAPI (Kerberos), which this client does not implement. The caller that
/// knows `security.protocol` returns it when [`from_properties`] gives `None`.
pub fn no_mechanism_error() -> ConfigError {
    ConfigError::InvalidValue {
        key: "sasl.mechanism".into(),
        value: "(not set)".into(),
        expected: mechanisms_expected(),
    }
}

fn mechanisms_expected() -> String {
    format!(
        "one of {} (the Java client's default, GSSAPI/Kerberos, is not supported: set sasl.mechanism, or implement \
         kfk_client::sasl::Mechanism for another mechanism)",
        SUPPORTED_MECHANISMS.join(", ")
    )
}

fn jaas_invalid(expected: impl Into<String>) -> ConfigError {
    ConfigError::InvalidValue { key: JAAS.into(), value: HIDDEN.into(), expected: expected.into() }
}

fn invalid(key: &str, value: &str, expected: &str) -> ConfigError {
    ConfigError::InvalidValue { key: key.into(), value: value.into(), expected: expected.into() }
}

fn take(props: &mut Properties, key: &str) -> Option<String> {
    props.take(key).filter(|v| !v.is_empty())
}

fn parse_f64(key: &str, value: &str, min: f64, max: f64) -> Result<f64, ConfigError> {
    value
        .parse::<f64>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| invalid(key, value, &format!("a number from {min} to {max}")))
}

/// The SASL mechanism the properties configure, taking the keys of [`SASL_KEYS`] from `props`;
/// `None` when neither `sasl.mechanism` nor `sasl.jaas.config` is set (with `security.protocol`
/// `SASL_*`, the caller then reports [`no_mechanism_error`]).
///
/// `sasl.mechanism` is `PLAIN`, `SCRAM-SHA-256`, `SCRAM-SHA-512` or `OAUTHBEARER`, and
/// `sasl.jaas.config` names the matching login module: `PlainLoginModule` or
/// `ScramLoginModule` with `username` and `password` (and `tokenauth="true"` for a delegation
/// token), or `OAuthBearerLoginModule` with Kafka's `unsecuredLogin*` options (development
/// tokens), or with `sasl.oauthbearer.token.endpoint.url=file:///path` a token read from that
/// file (`sasl.oauthbearer.sub.claim.name` names its principal claim, JAAS `extension_<name>`
/// options add SASL extensions). `sasl.login.refresh.*` tune when OAUTHBEARER tokens are
/// renewed.
pub fn from_properties(props: &mut Properties) -> Result<Option<Arc<dyn Mechanism>>, ConfigError> {
    let mechanism = take(props, "sasl.mechanism");
    let jaas = take(props, JAAS);
    let handler = take(props, "sasl.login.callback.handler.class");
    let token_endpoint = take(props, "sasl.oauthbearer.token.endpoint.url");
    // The claims naming the principal and the scope in a token the login receives (the scope
    // is the broker's business; accepted, not used).
    let _ = take(props, "sasl.oauthbearer.scope.claim.name");
    let sub_claim = take(props, "sasl.oauthbearer.sub.claim.name");
    let mut http_timeout = Duration::ZERO;
    for key in ["sasl.login.connect.timeout.ms", "sasl.login.read.timeout.ms"] {
        let ms = match take(props, key) {
            Some(v) => parse_int(key, &v, 1, 3_600_000)? as u64,
            None => 10_000,
        };
        http_timeout += Duration::from_millis(ms);
    }
    let refresh = refresh_config(props)?;

    let Some(mechanism) = mechanism else {
        if jaas.is_some() {
            return Err(no_mechanism_error());
        }
        return Ok(None);
    };
    let name = mechanism.to_ascii_uppercase();
    if !SUPPORTED_MECHANISMS.contains(&name.as_str()) {
        return Err(invalid("sasl.mechanism", &mechanism, &mechanisms_expected()));
    }
    let Some(jaas) = jaas else {
        return Err(ConfigError::Missing { key: JAAS.into() });
    };
    let jaas = JaasConfig::parse(&jaas).map_err(|e| jaas_invalid(format!("one JAAS login module entry ({e})")))?;
    let expected_module = match name.as_str() {
        "PLAIN" => LoginModule::Plain,
        "OAUTHBEARER" => LoginModule::OAuthBearer,
        _ => LoginModule::Scram,
    };
    if jaas.login_module() != expected_module {
        return Err(jaas_invalid(format!(
            "a {} for sasl.mechanism {name} (found {})",
            expected_module.simple_name(),
            jaas.login_module().simple_name()
        )));
    }

    let mechanism: Arc<dyn Mechanism> = match name.as_str() {
        "PLAIN" => {
            let (username, password) = credentials(&jaas)?;
            Arc::new(Plain::new(username, password))
        }
        "SCRAM-SHA-256" | "SCRAM-SHA-512" => {
            let (username, password) = credentials(&jaas)?;
            let hash = ScramHash::from_mechanism_name(&name).unwrap_or(ScramHash::Sha256);
            let token_auth = match jaas.option("tokenauth") {
                Some(value) => parse_bool("sasl.jaas.config tokenauth", value)?,
                None => false,
            };
            Arc::new(Scram::new(hash, username, password).token_auth(token_auth))
        }
        _ => {
            if let Some(handler) = handler.as_deref().filter(|h| {
                !h.ends_with(".OAuthBearerUnsecuredLoginCallbackHandler")
                    && !h.ends_with(".OAuthBearerLoginCallbackHandler")
            }) {
                return Err(invalid(
                    "sasl.login.callback.handler.class",
                    handler,
                    "no Java class: implement kfk_client::sasl::oauthbearer::TokenProvider instead",
                ));
            }
            let provider: Arc<dyn TokenProvider> = match token_endpoint {
                Some(url) => endpoint_provider(&url, &jaas, sub_claim.as_deref().unwrap_or("sub"), http_timeout)?,
                None if jaas.option("clientId").is_some()
                    || handler.as_deref().is_some_and(|h| h.ends_with(".OAuthBearerLoginCallbackHandler")) =>
                {
                    return Err(ConfigError::Missing { key: "sasl.oauthbearer.token.endpoint.url".into() });
                }
                None => Arc::new(
                    UnsecuredTokenProvider::from_options(jaas.option_names().filter_map(|k| {
                        jaas.option(k).map(|v| (k, v)) // the unsecured options hold no secret
                    }))
                    .map_err(|e| jaas_invalid(format!("OAuthBearerLoginModule options for an unsecured token: {e}")))?,
                ),
            };
            Arc::new(OAuthBearer::with_refresh(provider, refresh))
        }
    };
    Ok(Some(mechanism))
}

/// The provider for `sasl.oauthbearer.token.endpoint.url`: a `file:` URL names a file holding
/// the token (read on each refresh); an `http://` token endpoint gets KIP-768's client
/// credentials grant with the JAAS options `clientId`, `clientSecret` and `scope` (cargo
/// feature `oauth-oidc`; `https://` also needs the feature `tls`).
fn endpoint_provider(
    url: &str,
    jaas: &JaasConfig,
    sub_claim: &str,
    http_timeout: Duration,
) -> Result<Arc<dyn TokenProvider>, ConfigError> {
    const KEY: &str = "sasl.oauthbearer.token.endpoint.url";
    let Some(rest) = url.strip_prefix("file:") else {
        return client_credentials(url, jaas, sub_claim, http_timeout);
    };
    // file:///path, file://localhost/path or file:/path.
    let path = match rest.strip_prefix("//") {
        Some(authority_and_path) => match authority_and_path.find('/') {
            Some(0) => authority_and_path,
            Some(i) if &authority_and_path[..i] == "localhost" => &authority_and_path[i..],
            _ => return Err(invalid(KEY, url, "a file: URL of a local path (file:///path/to/token)")),
        },
        None => rest,
    };
    if path.is_empty() {
        return Err(invalid(KEY, url, "a file: URL of a local path (file:///path/to/token)"));
    }
    let path =
        percent_decode(path).ok_or_else(|| invalid(KEY, url, "a file: URL whose %XX escapes spell a UTF-8 path"))?;
    let mut provider = FileTokenProvider::new(path).principal_claim(sub_claim);
    for (name, value) in jaas.options_with_prefix("extension_") {
        provider = provider.extension(name, value);
    }
    Ok(Arc::new(provider))
}

/// A URL path with its `%XX` escapes decoded (as Java's `Paths.get(URI)` does), `None` when
/// an escape is malformed or the bytes are not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(path.len());
    let mut rest = path.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        if b == b'%' {
            let hex = tail.get(..2)?;
            bytes.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(b);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(not(feature = "oauth-oidc"))]
fn client_credentials(
    url: &str,
    _jaas: &JaasConfig,
    _sub_claim: &str,
    _http_timeout: Duration,
) -> Result<Arc<dyn TokenProvider>, ConfigError> {
    Err(invalid(
        "sasl.oauthbearer.token.endpoint.url",
        url,
        "a file: URL (the OIDC client-credentials login from an http(s) token endpoint, KIP-768, needs the cargo \
         feature `oauth-oidc`)",
    ))
}

#[cfg(feature = "oauth-oidc")]
fn client_credentials(
    url: &str,
    jaas: &JaasConfig,
    sub_claim: &str,
    http_timeout: Duration,
) -> Result<Arc<dyn TokenProvider>, ConfigError> {
    use super::oidc::ClientCredentialsProvider;
    const KEY: &str = "sasl.oauthbearer.token.endpoint.url";
    if !url.starts_with("http://") && !url.starts_with("https://") {
        return Err(invalid(KEY, url, "a file:, http:// or https:// URL"));
    }
    let client_id = jaas
        .option("clientId")
        .filter(|c| !c.is_empty())
        .ok_or_else(|| jaas_invalid("an OAuthBearerLoginModule with a `clientId` option for the token endpoint"))?;
    let client_secret = jaas
        .secret("clientSecret")
        .ok_or_else(|| jaas_invalid("an OAuthBearerLoginModule with a `clientSecret` option for the token endpoint"))?;
    let mut provider = ClientCredentialsProvider::new(url, client_id, client_secret)
        .principal_claim(sub_claim)
        .transport(Arc::new(token_endpoint_transport(url, jaas, http_timeout)?));
    if let Some(scope) = jaas.option("scope") {
        provider = provider.scope(scope);
    }
    for (name, value) in jaas.options_with_prefix("extension_") {
        provider = provider.extension(name, value);
    }
    Ok(Arc::new(provider))
}

/// The HTTP transport to the token endpoint. As Java's login module does, JAAS options named
/// like the `ssl.*` client settings (`ssl.truststore.location="..."` and the rest) configure
/// TLS to an `https://` endpoint; without them the operating system's roots are trusted.
#[cfg(feature = "oauth-oidc")]
fn token_endpoint_transport(
    url: &str,
    jaas: &JaasConfig,
    http_timeout: Duration,
) -> Result<super::oidc::HttpTransport, ConfigError> {
    let transport = super::oidc::HttpTransport::new(http_timeout);
    let ssl_options: Vec<(String, String)> =
        jaas.options_with_prefix("ssl.").map(|(key, value)| (format!("ssl.{key}"), value.to_string())).collect();
    if !url.starts_with("https://") {
        return match ssl_options.first() {
            Some((key, _)) => Err(jaas_invalid(format!(
                "no `{key}` option for an http:// token endpoint (TLS options apply to https:// only)"
            ))),
            None => Ok(transport),
        };
    }
    #[cfg(feature = "tls")]
    {
        if ssl_options.is_empty() {
            return Ok(transport);
        }
        let mut props = Properties::new(ssl_options);
        let tls = crate::config::take_tls(&mut props)
            .map_err(|e| jaas_invalid(format!("TLS options for the token endpoint that are valid ({e})")))?;
        props.finish(crate::config::SSL_KEYS).map_err(|e| {
            jaas_invalid(format!("only ssl.* client settings as TLS options for the token endpoint ({e})"))
        })?;
        let config = crate::net::tls::client_config(&tls)
            .map_err(|e| jaas_invalid(format!("TLS options for the token endpoint that load ({e})")))?;
        Ok(transport.with_tls(config))
    }
    #[cfg(not(feature = "tls"))]
    Err(invalid(
        "sasl.oauthbearer.token.endpoint.url",
        url,
        "an http:// or file: URL: an https:// token endpoint needs kafka-client's cargo feature `tls`",
    ))
}

fn credentials(jaas: &JaasConfig) -> Result<(String, crate::secret::Secret), ConfigError> {
    let module = jaas.login_module();
    let username = jaas
        .option("username")
        .filter(|u| !u.is_empty())
        .ok_or_else(|| jaas_invalid(format!("a {} with a non-empty `username` option", module.simple_name())))?;
    let password = jaas
        .secret("password")
        .ok_or_else(|| jaas_invalid(format!("a {} with a `password` option", module.simple_name())))?;
    Ok((username.to_string(), password))
}

fn refresh_config(props: &mut Properties) -> Result<RefreshConfig, ConfigError> {
    let mut refresh = RefreshConfig::default();
    if let Some(v) = take(props, "sasl.login.refresh.window.factor") {
        refresh.window_factor = parse_f64("sasl.login.refresh.window.factor", &v, 0.5, 1.0)?;
    }
    if let Some(v) = take(props, "sasl.login.refresh.window.jitter") {
        refresh.window_jitter = parse_f64("sasl.login.refresh.window.jitter", &v, 0.0, 0.25)?;
    }
    if let Some(v) = take(props, "sasl.login.refresh.min.period.seconds") {
        refresh.min_period =
            Duration::from_secs(parse_int("sasl.login.refresh.min.period.seconds", &v, 0, 900)? as u64);
    }
    if let Some(v) = take(props, "sasl.login.refresh.buffer.seconds") {
        refresh.buffer = Duration::from_secs(parse_int("sasl.login.refresh.buffer.seconds", &v, 0, 3600)? as u64);
    }
    Ok(refresh)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::error::BrokerId;
    use crate::sasl::Step;

    const PLAIN: &str =
        r#"org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="pw-s3cret";"#;
    const SCRAM: &str =
        r#"org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="pw-s3cret";"#;
    const OAUTH: &str = r#"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="admin";"#;

    fn mechanism(pairs: &[(&str, &str)]) -> Result<Option<Arc<dyn Mechanism>>, ConfigError> {
        from_properties(&mut Properties::new(pairs.iter().copied()))
    }

    fn error(pairs: &[(&str, &str)]) -> ConfigError {
        match mechanism(pairs) {
            Ok(m) => panic!("expected an error, got {m:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn no_sasl_key_is_none_and_other_keys_stay() {
        let mut props = Properties::new([("linger.ms", "5"), ("sasl.login.refresh.buffer.seconds", "10")]);
        assert!(from_properties(&mut props).unwrap().is_none());
        assert_eq!(props.take("linger.ms").as_deref(), Some("5"));
        assert!(props.finish(&[]).is_ok(), "the SASL keys were taken");
    }

    #[tokio::test]
    async fn each_mechanism_from_its_login_module() {
        let broker = BrokerId { node_id: 0, addr: "b:9092".into() };
        let plain = mechanism(&[("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", PLAIN)]).unwrap().unwrap();
        assert_eq!(plain.name(), "PLAIN");
        let mut exchange = plain.begin(&broker).await.unwrap();
        assert_eq!(exchange.step(None).unwrap(), Step::Respond(b"\0alice\0pw-s3cret".to_vec()));

        for name in ["SCRAM-SHA-256", "SCRAM-SHA-512"] {
            let scram = mechanism(&[("sasl.mechanism", name), ("sasl.jaas.config", SCRAM)]).unwrap().unwrap();
            assert_eq!(scram.name(), name);
            assert!(!format!("{scram:?}").contains("s3cret"));
        }
        let token_jaas = SCRAM.replace(';', " tokenauth=\"true\";");
        let scram =
            mechanism(&[("sasl.mechanism", "SCRAM-SHA-256"), ("sasl.jaas.config", &token_jaas)]).unwrap().unwrap();
        let Step::Respond(first) = scram.begin(&broker).await.unwrap().step(None).unwrap() else { panic!() };
        assert!(String::from_utf8(first).unwrap().ends_with(",tokenauth=true"));

        let oauth = mechanism(&[
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.jaas.config", OAUTH),
            ("sasl.login.refresh.window.factor", "0.9"),
            ("sasl.login.refresh.window.jitter", "0"),
            ("sasl.login.refresh.min.period.seconds", "1"),
            ("sasl.login.refresh.buffer.seconds", "2"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(oauth.name(), "OAUTHBEARER");
        let debug = format!("{oauth:?}");
        assert!(debug.contains("window_factor: 0.9") && debug.contains("buffer: 2s"), "{debug}");
        let Step::Respond(first) = oauth.begin(&broker).await.unwrap().step(None).unwrap() else { panic!() };
        assert!(first.starts_with(b"n,,\x01auth=Bearer "));
    }

    #[tokio::test]
    async fn a_file_token_endpoint_reads_the_token_file() {
        let path = std::env::temp_dir().join(format!("kafka-client-config-token-{}.jwt", std::process::id()));
        let token = crate::sasl::UnsecuredTokenProvider::new("svc").token_at(std::time::SystemTime::now()).unwrap();
        std::fs::write(&path, token.value.expose()).unwrap();
        let url = format!("file://{}", path.display());
        let jaas = "x.OAuthBearerLoginModule required extension_tenant=blue;";
        let oauth = mechanism(&[
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.jaas.config", jaas),
            ("sasl.oauthbearer.token.endpoint.url", &url),
        ])
        .unwrap()
        .unwrap();
        let broker = BrokerId { node_id: 0, addr: "b:9092".into() };
        let Step::Respond(first) = oauth.begin(&broker).await.unwrap().step(None).unwrap() else { panic!() };
        let expected = format!("n,,\x01auth=Bearer {}\x01tenant=blue\x01\x01", token.value.expose());
        assert_eq!(String::from_utf8(first).unwrap(), expected);
        std::fs::remove_file(&path).unwrap();

        // Without the oauth-oidc feature, token endpoints are refused by name; clientId without
        // an endpoint always is.
        #[cfg(not(feature = "oauth-oidc"))]
        {
            let err = error(&[
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", "x.OAuthBearerLoginModule required clientId=c clientSecret=s3cret;"),
                ("sasl.oauthbearer.token.endpoint.url", "https://idp/token"),
            ]);
            let text = err.to_string();
            assert!(text.contains("KIP-768") && text.contains("oauth-oidc") && !text.contains("s3cret"), "{err}");
        }
        assert_eq!(
            error(&[
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", "x.OAuthBearerLoginModule required clientId=c clientSecret=s3cret;"),
            ]),
            ConfigError::Missing { key: "sasl.oauthbearer.token.endpoint.url".into() }
        );
        assert_eq!(percent_decode("/tmp/my%20token%C3%A9.jwt").as_deref(), Some("/tmp/my tokené.jwt"));
        for bad in ["/x%2", "/x%zz", "/x%ff"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
        for url in ["file://otherhost/x", "file:", "file://"] {
            let err = error(&[
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", OAUTH),
                ("sasl.oauthbearer.token.endpoint.url", url),
            ]);
            assert!(err.to_string().contains("file:///path/to/token"), "{url}: {err}");
        }
    }

    #[cfg(feature = "oauth-oidc")]
    #[test]
    fn an_http_token_endpoint_uses_client_credentials() {
        let jaas = "x.OAuthBearerLoginModule required clientId=app clientSecret=\"s3cret\" scope=kafka extension_t=v;";
        let oauth = mechanism(&[
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.jaas.config", jaas),
            ("sasl.oauthbearer.token.endpoint.url", "http://127.0.0.1:1/token"),
            ("sasl.login.connect.timeout.ms", "500"),
            ("sasl.login.read.timeout.ms", "700"),
        ])
        .unwrap()
        .unwrap();
        let debug = format!("{oauth:?}");
        assert!(debug.contains("ClientCredentialsProvider") && debug.contains("timeout: 1.2s"), "{debug}");
        assert!(!debug.contains("s3cret"), "{debug}");
        let err = error(&[
            ("sasl.mechanism", "OAUTHBEARER"),
            ("sasl.jaas.config", "x.OAuthBearerLoginModule required clientId=app;"),
            ("sasl.oauthbearer.token.endpoint.url", "http://idp/token"),
        ]);
        assert!(err.to_string().contains("clientSecret"), "{err}");
    }

    /// JAAS `ssl.*` options configure TLS to an https token endpoint, as in Java; they are
    /// checked like the client's own `ssl.*` settings and refused for http.
    #[cfg(all(feature = "oauth-oidc", feature = "tls"))]
    #[test]
    fn jaas_ssl_options_configure_an_https_token_endpoint() {
        let dir = std::env::temp_dir().join(format!("kafka-client-oidc-tls-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let ca = rcgen::generate_simple_self_signed(vec!["idp.test".to_string()]).unwrap();
        let ca_path = dir.join("ca.pem");
        std::fs::write(&ca_path, ca.cert.pem()).unwrap();
        let with = |options: &str, url: &str| {
            let jaas = format!("x.OAuthBearerLoginModule required clientId=app clientSecret=s3cret {options};");
            mechanism(&[
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", jaas.as_str()),
                ("sasl.oauthbearer.token.endpoint.url", url),
            ])
        };
        let ok = with(
            &format!(r#"ssl.truststore.type=PEM ssl.truststore.location="{}""#, ca_path.display()),
            "https://idp.test/token",
        );
        assert!(ok.is_ok(), "{ok:?}");
        assert!(with("", "https://idp.test/token").is_ok(), "system roots by default");
        for (options, expected) in [
            (r#"ssl.truststore.location="/no/such/ca.pem""#, "/no/such/ca.pem"),
            ("ssl.truststore.type=BKS", "ssl.truststore.type"),
            ("ssl.trustore.location=x", "ssl.trustore.location"),
        ] {
            let err = with(options, "https://idp.test/token").unwrap_err().to_string();
            assert!(err.contains(expected) && err.contains("token endpoint") && !err.contains("s3cret"), "{err}");
        }
        let err = with(&format!(r#"ssl.truststore.location="{}""#, ca_path.display()), "http://idp.test/token")
            .unwrap_err()
            .to_string();
        assert!(err.contains("https:// only"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_login_module_must_match_the_mechanism() {
        let err = error(&[("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", SCRAM)]);
        assert_eq!(
            err,
            ConfigError::InvalidValue {
                key: "sasl.jaas.config".into(),
                value: HIDDEN.into(),
                expected: "a PlainLoginModule for sasl.mechanism PLAIN (found ScramLoginModule)".into()
            }
        );
        assert!(!err.to_string().contains("s3cret"));
        let err = error(&[("sasl.mechanism", "OAUTHBEARER"), ("sasl.jaas.config", PLAIN)]);
        assert!(err.to_string().contains("OAuthBearerLoginModule"), "{err}");
    }

    #[test]
    fn gssapi_and_unknown_mechanisms_are_refused_by_name() {
        // No sasl.mechanism: Java would use GSSAPI.
        let err = error(&[("sasl.jaas.config", PLAIN)]);
        assert_eq!(err, no_mechanism_error());
        let text = err.to_string();
        assert!(text.contains("GSSAPI") && text.contains("SCRAM-SHA-512") && !text.contains("s3cret"), "{text}");
        for name in ["GSSAPI", "AWS_MSK_IAM"] {
            let err = error(&[("sasl.mechanism", name), ("sasl.jaas.config", PLAIN)]);
            assert!(err.to_string().contains("PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER"), "{err}");
        }
    }

    #[test]
    fn errors_never_show_the_jaas_config() {
        let cases: Vec<Vec<(&str, &str)>> = vec![
            vec![("sasl.mechanism", "PLAIN")],
            vec![("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", "x.PlainLoginModule required password=\"s3cret;")],
            vec![("sasl.mechanism", "PLAIN"), ("sasl.jaas.config", "x.PlainLoginModule required password=s3cret;")],
            vec![("sasl.mechanism", "SCRAM-SHA-256"), ("sasl.jaas.config", "x.ScramLoginModule required username=u;")],
            vec![
                ("sasl.mechanism", "SCRAM-SHA-256"),
                ("sasl.jaas.config", "x.ScramLoginModule required username=u password=s3cret tokenauth=maybe;"),
            ],
            vec![("sasl.mechanism", "OAUTHBEARER"), ("sasl.jaas.config", "x.OAuthBearerLoginModule required;")],
            vec![
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", "x.OAuthBearerLoginModule required clientId=c clientSecret=s3cret;"),
            ],
            vec![
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", OAUTH),
                ("sasl.login.refresh.window.factor", "2"),
            ],
            vec![
                ("sasl.mechanism", "OAUTHBEARER"),
                ("sasl.jaas.config", OAUTH),
                ("sasl.login.callback.handler.class", "com.example.MyHandler"),
            ],
        ];
        for pairs in cases {
            let err = error(&pairs);
            assert!(!err.to_string().contains("s3cret"), "{pairs:?}: {err}");
        }
        assert_eq!(error(&[("sasl.mechanism", "PLAIN")]), ConfigError::Missing { key: "sasl.jaas.config".into() });
    }
}
