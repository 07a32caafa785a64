//! SASL/OAUTHBEARER (RFC 7628, KIP-255) with SASL extensions (KIP-342).
//!
//! The client sends one message, `n,,\x01auth=Bearer <token>\x01[key=value\x01...]\x01`. The
//! broker answers with empty bytes on success; on failure it sends a JSON status
//! (`{"status":"invalid_token",...}`), which the client acknowledges with a single `\x01`
//! before the broker fails the exchange (RFC 7628 section 3.2.3).
//!
//! Tokens come from a [`TokenProvider`]. [`OAuthBearer`] caches the token and asks the provider
//! again once a share of the token's lifetime has passed (`sasl.login.refresh.window.factor`,
//! 0.8 by default, as in the Java client), so a re-authentication (KIP-368) presents a fresh
//! token. [`UnsecuredTokenProvider`] makes the unsigned tokens Kafka's development setup
//! accepts (`OAuthBearerLoginModule` with `unsecuredLoginStringClaim_sub`).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use futures_util::future::BoxFuture;

use super::{Exchange, Mechanism, Step};
use crate::error::{BrokerId, SaslError};
use crate::secret::Secret;

const MECHANISM: &str = "OAUTHBEARER";

/// An OAuth 2 bearer token and what the client needs to know about it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct OAuthToken {
    /// The token (a JWT, usually): sent to the broker, never shown.
    pub value: Secret,
    /// When it was issued (the `iat` claim), if known: the refresh window counts from here.
    pub issued_at: Option<SystemTime>,
    /// When it expires (the `exp` claim).
    pub expires_at: SystemTime,
    /// Who it names (the `sub` claim, or the configured principal claim).
    pub principal: String,
    /// SASL extensions to send with it (KIP-342): `key` letters only, not `auth`; values
    /// printable ASCII.
    pub extensions: BTreeMap<String, String>,
}

impl OAuthToken {
    /// The token `value`, naming `principal`, valid until `expires_at`; without an issue
    /// time (the refresh window then counts from when it was fetched) and without
    /// extensions. For a [`TokenProvider`] of one's own.
    pub fn new(value: impl Into<Secret>, expires_at: SystemTime, principal: impl Into<String>) -> Self {
        OAuthToken {
            value: value.into(),
            issued_at: None,
            expires_at,
            principal: principal.into(),
            extensions: BTreeMap::new(),
        }
    }

    /// When it was issued (the `iat` claim).
    pub fn issued_at(mut self, issued_at: SystemTime) -> Self {
        self.issued_at = Some(issued_at);
        self
    }

    /// A SASL extension sent with it (KIP-342).
    pub fn extension(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.extensions.insert(key.into(), value.into());
        self
    }

    /// The token `jwt` as the Java client's login reads a token it received (KIP-768's
    /// `LoginAccessTokenValidator`): the claims are decoded but the signature is not checked
    /// (the broker checks it). `exp` (seconds since the epoch) is required, `iat` optional,
    /// and `principal_claim` (`sub` by default, `sasl.oauthbearer.sub.claim.name`) must be a
    /// non-empty string. Errors never show the token.
    pub fn from_jwt(jwt: Secret, principal_claim: &str) -> Result<OAuthToken, SaslError> {
        let text = jwt.expose().trim();
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() != 3 || parts[0].is_empty() || parts[1].is_empty() {
            return Err(credentials(format!(
                "the token is not a JWT (header.payload.signature): {} dot-separated parts",
                parts.len()
            )));
        }
        let payload = URL_SAFE_NO_PAD
            .decode(parts[1].trim_end_matches('='))
            .map_err(|_| credentials("the token's payload is not base64url"))?;
        let claims: serde_json::Map<String, serde_json::Value> =
            serde_json::from_slice(&payload).map_err(|_| credentials("the token's payload is not a JSON object"))?;
        let seconds = |name: &str| -> Result<Option<SystemTime>, SaslError> {
            match claims.get(name) {
                None => Ok(None),
                Some(value) => value
                    .as_f64()
                    .filter(|s| s.is_finite() && *s >= 0.0 && *s < 1e11)
                    .map(|s| Some(UNIX_EPOCH + Duration::from_secs_f64(s)))
                    .ok_or_else(|| credentials(format!("the token's `{name}` claim is not a time in seconds"))),
            }
        };
        let expires_at = seconds("exp")?.ok_or_else(|| credentials("the token has no `exp` claim"))?;
        let issued_at = seconds("iat")?;
        let principal = claims
            .get(principal_claim)
            .and_then(|v| v.as_str())
            .filter(|p| !p.trim().is_empty())
            .ok_or_else(|| credentials(format!("the token has no string `{principal_claim}` claim")))?
            .to_string();
        let value = Secret::new(text.to_string());
        Ok(OAuthToken { value, issued_at, expires_at, principal, extensions: BTreeMap::new() })
    }
}

/// Tokens read from a file on each refresh: KIP-768's `sasl.oauthbearer.token.endpoint.url`
/// with a `file:` URL (a token another process keeps fresh, such as a mounted service-account
/// token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileTokenProvider {
    path: std::path::PathBuf,
    principal_claim: String,
    extensions: BTreeMap<String, String>,
}

impl FileTokenProvider {
    /// Reads a JWT from `path`; the principal is its `sub` claim.
    pub fn new(path: impl Into<std::path::PathBuf>) -> FileTokenProvider {
        FileTokenProvider { path: path.into(), principal_claim: "sub".into(), extensions: BTreeMap::new() }
    }

    /// The claim naming the principal (`sasl.oauthbearer.sub.claim.name`).
    pub fn principal_claim(mut self, name: impl Into<String>) -> FileTokenProvider {
        self.principal_claim = name.into();
        self
    }

    /// A SASL extension sent with the token (JAAS option `extension_<key>`).
    pub fn extension(mut self, key: impl Into<String>, value: impl Into<String>) -> FileTokenProvider {
        self.extensions.insert(key.into(), value.into());
        self
    }

    fn read(&self) -> Result<OAuthToken, SaslError> {
        let jwt = std::fs::read_to_string(&self.path)
            .map_err(|e| credentials(format!("cannot read the token file {}: {e}", self.path.display())))?;
        let mut token = OAuthToken::from_jwt(Secret::new(jwt), &self.principal_claim)?;
        token.extensions = self.extensions.clone();
        Ok(token)
    }
}

impl TokenProvider for FileTokenProvider {
    fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>> {
        // A small local file: read in place.
        Box::pin(async move { self.read() })
    }
}

/// Where OAUTHBEARER tokens come from: an identity provider, a file, a development token.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use futures_util::future::BoxFuture;
/// use kfk_client::sasl::SaslError;
/// use kfk_client::sasl::oauthbearer::{OAuthToken, TokenProvider};
///
/// #[derive(Debug)]
/// struct FromEnvironment;
///
/// impl TokenProvider for FromEnvironment {
///     fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>> {
///         Box::pin(async {
///             let value = std::env::var("KAFKA_TOKEN").unwrap_or_default();
///             let expires_at = SystemTime::now() + Duration::from_secs(600);
///             Ok(OAuthToken::new(value, expires_at, "service").issued_at(SystemTime::now()))
///         })
///     }
/// }
/// ```
pub trait TokenProvider: Send + Sync + fmt::Debug {
    /// A new token. Called on the first authentication and then whenever the cached token
    /// enters its refresh window.
    fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>>;
}

/// When to replace a cached token: the Java client's `sasl.login.refresh.*` settings.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct RefreshConfig {
    /// The share of the token's lifetime after which it is replaced
    /// (`sasl.login.refresh.window.factor`, 0.5 to 1.0, default 0.8).
    pub window_factor: f64,
    /// A random share of the lifetime added to that (`sasl.login.refresh.window.jitter`, 0 to
    /// 0.25, default 0.05), so that many clients do not refresh at once.
    pub window_jitter: f64,
    /// The least time between two fetches (`sasl.login.refresh.min.period.seconds`, 0 to 900,
    /// default 60 s).
    pub min_period: Duration,
    /// Refresh at the latest this long before expiry (`sasl.login.refresh.buffer.seconds`, 0
    /// to 3600, default 300 s).
    pub buffer: Duration,
}

impl Default for RefreshConfig {
    fn default() -> RefreshConfig {
        RefreshConfig {
            window_factor: 0.8,
            window_jitter: 0.05,
            min_period: Duration::from_secs(60),
            buffer: Duration::from_secs(300),
        }
    }
}

/// Built from `Default` (Java's values) and these setters, for [`OAuthBearer::with_refresh`]:
///
/// ```
/// use std::time::Duration;
/// use kfk_client::sasl::RefreshConfig;
///
/// let refresh = RefreshConfig::default().window_factor(0.6).buffer(Duration::from_secs(120));
/// assert_eq!(refresh.min_period, Duration::from_secs(60));
/// ```
impl RefreshConfig {
    /// `sasl.login.refresh.window.factor`.
    pub fn window_factor(mut self, factor: f64) -> Self {
        self.window_factor = factor;
        self
    }

    /// `sasl.login.refresh.window.jitter`.
    pub fn window_jitter(mut self, jitter: f64) -> Self {
        self.window_jitter = jitter;
        self
    }

    /// `sasl.login.refresh.min.period.seconds`.
    pub fn min_period(mut self, period: Duration) -> Self {
        self.min_period = period;
        self
    }

    /// `sasl.login.refresh.buffer.seconds`.
    pub fn buffer(mut self, buffer: Duration) -> Self {
        self.buffer = buffer;
        self
    }

    /// When a token fetched at `fetched_at` should be replaced, with `jitter` (0 to 1) drawn
    /// by the caller. As the Java client: `window_factor` (plus jitter) of the lifetime from
    /// `issued_at`, but no later than `buffer` before expiry and no sooner than `min_period`
    /// after the fetch; a token too short-lived for both refreshes at the window's share of
    /// what is left.
    pub fn refresh_at(&self, token: &OAuthToken, fetched_at: SystemTime, jitter: f64) -> SystemTime {
        let share = self.window_factor + self.window_jitter * jitter.clamp(0.0, 1.0);
        // Fields are public: a share outside (0, 1] (or NaN) must not panic nor refresh after
        // expiry.
        let share = if share.is_finite() { share.clamp(0.01, 1.0) } else { 0.8 };
        let expires = token.expires_at;
        let left = expires.duration_since(fetched_at).unwrap_or_default();
        if left < self.min_period + self.buffer {
            return fetched_at + left.mul_f64(share);
        }
        let start = token.issued_at.filter(|&iat| iat <= fetched_at).unwrap_or(fetched_at);
        let lifetime = expires.duration_since(start).unwrap_or_default();
        let proposed = start + lifetime.mul_f64(share);
        let buffer_start = expires - self.buffer;
        if proposed > buffer_start {
            buffer_start
        } else if proposed < fetched_at + self.min_period {
            fetched_at + self.min_period
        } else {
            proposed
        }
    }
}

/// OAUTHBEARER with tokens from a [`TokenProvider`], cached until their refresh time.
///
/// ```
/// use std::sync::Arc;
/// use kfk_client::sasl::{Mechanism, OAuthBearer, UnsecuredTokenProvider};
///
/// let oauth = OAuthBearer::new(Arc::new(UnsecuredTokenProvider::new("admin")));
/// assert_eq!(oauth.name(), "OAUTHBEARER");
/// ```
pub struct OAuthBearer {
    provider: Arc<dyn TokenProvider>,
    refresh: RefreshConfig,
    cache: tokio::sync::Mutex<Option<Cached>>,
}

struct Cached {
    token: OAuthToken,
    refresh_at: SystemTime,
}

impl fmt::Debug for OAuthBearer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthBearer").field("provider", &self.provider).field("refresh", &self.refresh).finish()
    }
}

impl OAuthBearer {
    /// OAUTHBEARER with tokens from `provider`, refreshed per [`RefreshConfig::default`].
    pub fn new(provider: Arc<dyn TokenProvider>) -> OAuthBearer {
        OAuthBearer::with_refresh(provider, RefreshConfig::default())
    }

    /// OAUTHBEARER with tokens from `provider`, refreshed per `refresh`.
    pub fn with_refresh(provider: Arc<dyn TokenProvider>, refresh: RefreshConfig) -> OAuthBearer {
        OAuthBearer { provider, refresh, cache: tokio::sync::Mutex::new(None) }
    }

    /// The refresh settings.
    pub fn refresh_config(&self) -> RefreshConfig {
        self.refresh
    }

    /// The cached token, or a new one once the cached one is due for refresh. A failed refresh
    /// keeps using a token that has not expired yet (and asks again next time).
    async fn current_token(&self) -> Result<OAuthToken, SaslError> {
        let mut cache = self.cache.lock().await;
        let now = SystemTime::now();
        if let Some(cached) = cache.as_ref() {
            if now < cached.refresh_at {
                return Ok(cached.token.clone());
            }
        }
        match self.provider.token().await {
            Ok(token) => {
                if token.expires_at <= now {
                    return Err(credentials("the token provider returned an expired token"));
                }
                let refresh_at = self.refresh.refresh_at(&token, now, fastrand::f64());
                *cache = Some(Cached { token: token.clone(), refresh_at });
                Ok(token)
            }
            Err(e) => match cache.as_ref() {
                Some(cached) if now < cached.token.expires_at => {
                    tracing::warn!(error = %e, "OAUTHBEARER token refresh failed; using the current token until it expires");
                    Ok(cached.token.clone())
                }
                _ => Err(e),
            },
        }
    }
}

fn credentials(detail: impl Into<String>) -> SaslError {
    SaslError::Credentials { mechanism: MECHANISM.into(), detail: detail.into() }
}

/// Whether `key` may name a SASL extension (KIP-342: letters only, and not `auth`).
fn valid_extension_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphabetic()) && key != "auth"
}

/// Whether `value` may be an extension's value (KIP-342: printable ASCII, space, tab, CR, LF).
fn valid_extension_value(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| (0x21..=0x7e).contains(&b) || matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The client's initial response of RFC 7628 section 3.1, with KIP-342 extensions.
pub(crate) fn client_initial_response(token: &OAuthToken) -> Result<Vec<u8>, SaslError> {
    let value = token.value.expose();
    // RFC 6750's b64token: the framing (0x01) and spaces cannot appear in it.
    let b64token = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/' | b'=');
    if value.is_empty() || !value.bytes().all(b64token) {
        return Err(credentials("the token is empty or not a bearer token (RFC 6750 b64token characters)"));
    }
    let mut message = format!("n,,\x01auth=Bearer {value}\x01");
    for (key, v) in &token.extensions {
        if !valid_extension_key(key) {
            return Err(credentials(format!("SASL extension name `{key}` is invalid: letters only, and not `auth`")));
        }
        if !valid_extension_value(v) {
            return Err(credentials(format!("the value of SASL extension `{key}` has characters KIP-342 forbids")));
        }
        message.push_str(key);
        message.push('=');
        message.push_str(v);
        message.push('\x01');
    }
    message.push('\x01');
    Ok(message.into_bytes())
}

impl Mechanism for OAuthBearer {
    fn name(&self) -> &str {
        MECHANISM
    }

    fn begin<'a>(&'a self, _broker: &'a BrokerId) -> BoxFuture<'a, Result<Box<dyn Exchange>, SaslError>> {
        Box::pin(async move {
            let token = self.current_token().await?;
            let message = client_initial_response(&token)?;
            Ok(Box::new(OAuthBearerExchange { message: Some(message), state: ExchangeState::Start })
                as Box<dyn Exchange>)
        })
    }
}

enum ExchangeState {
    Start,
    Sent,
    /// The broker sent an error status, and the client acknowledged it.
    ErrorAcknowledged(String),
    Done,
}

struct OAuthBearerExchange {
    /// The initial response (holds the token); dropped once sent.
    message: Option<Vec<u8>>,
    state: ExchangeState,
}

impl Exchange for OAuthBearerExchange {
    fn step(&mut self, challenge: Option<&[u8]>) -> Result<Step, SaslError> {
        match (&self.state, challenge) {
            (ExchangeState::Start, None) => {
                self.state = ExchangeState::Sent;
                Ok(Step::Respond(self.message.take().unwrap_or_default()))
            }
            (ExchangeState::Sent, Some([])) => {
                self.state = ExchangeState::Done;
                Ok(Step::Done)
            }
            (ExchangeState::Sent, Some(error)) => {
                // RFC 7628 section 3.2.2: an error status; the client answers with a lone 0x01
                // and the broker then fails the exchange.
                self.state = ExchangeState::ErrorAcknowledged(error_status(error));
                Ok(Step::Respond(vec![0x01]))
            }
            (ExchangeState::ErrorAcknowledged(message), _) => {
                Err(SaslError::Refused { mechanism: MECHANISM.into(), message: message.clone() })
            }
            (ExchangeState::Start, Some(_)) => Err(SaslError::Malformed {
                mechanism: MECHANISM.into(),
                detail: "the broker sent a challenge before the client's message".into(),
            }),
            (ExchangeState::Done, _) => Err(SaslError::Malformed {
                mechanism: MECHANISM.into(),
                detail: "the exchange is already complete".into(),
            }),
            (ExchangeState::Sent, None) => Err(SaslError::Malformed {
                mechanism: MECHANISM.into(),
                detail: "no broker message where one was expected".into(),
            }),
        }
    }

    fn failure(&self) -> Option<SaslError> {
        match &self.state {
            ExchangeState::ErrorAcknowledged(message) => {
                Some(SaslError::Refused { mechanism: MECHANISM.into(), message: message.clone() })
            }
            _ => None,
        }
    }
}

/// The broker's error status (`{"status":"invalid_token","scope":"..."}`) as words: the status,
/// and the scope the broker wants if it names one. Unparseable bytes are shown (lossily, cut
/// short); they come from the broker and hold no client secret.
fn error_status(challenge: &[u8]) -> String {
    let parsed: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(challenge).ok();
    let field = |map: &serde_json::Map<String, serde_json::Value>, key: &str| {
        map.get(key).and_then(|v| v.as_str()).map(str::to_string)
    };
    match parsed {
        Some(map) => {
            let status = field(&map, "status").unwrap_or_else(|| "no status".into());
            match field(&map, "scope") {
                Some(scope) => format!("{status} (required scope: {scope})"),
                None => status,
            }
        }
        None => {
            let text = String::from_utf8_lossy(challenge);
            text.chars().take(200).collect()
        }
    }
}

/// Unsigned tokens for development and tests, as Kafka's `OAuthBearerLoginModule` makes them
/// with its default (unsecured) login callback handler: a JWT with header `{"alg":"none"}`,
/// claims `exp`, `iat`, the principal claim (`sub` unless renamed) and any configured
/// string/number/list claims, base64url without padding, and an empty signature. A broker
/// accepts it only with the unsecured validator: never in production.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use kfk_client::sasl::UnsecuredTokenProvider;
///
/// let provider = UnsecuredTokenProvider::new("admin")
///     .lifetime(Duration::from_secs(600))
///     .scope(["read", "write"]);
/// let token = provider.token_at(SystemTime::now()).unwrap();
/// assert_eq!(token.principal, "admin");
/// assert!(token.value.expose().ends_with('.'));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct UnsecuredTokenProvider {
    principal_claim_name: String,
    scope_claim_name: String,
    lifetime: Duration,
    string_claims: BTreeMap<String, String>,
    number_claims: BTreeMap<String, serde_json::Number>,
    list_claims: BTreeMap<String, Vec<String>>,
    extensions: BTreeMap<String, String>,
}

/// The longest unsecured token lifetime: ten years.
const MAX_UNSECURED_LIFETIME: Duration = Duration::from_secs(10 * 365 * 24 * 3600);

/// Claims the provider sets itself.
const RESERVED_CLAIMS: [&str; 2] = ["iat", "exp"];

impl UnsecuredTokenProvider {
    /// Tokens for `principal` (the `sub` claim), valid for an hour.
    pub fn new(principal: impl Into<String>) -> UnsecuredTokenProvider {
        let mut string_claims = BTreeMap::new();
        string_claims.insert("sub".to_string(), principal.into());
        UnsecuredTokenProvider {
            principal_claim_name: "sub".into(),
            scope_claim_name: "scope".into(),
            lifetime: Duration::from_secs(3600),
            string_claims,
            number_claims: BTreeMap::new(),
            list_claims: BTreeMap::new(),
            extensions: BTreeMap::new(),
        }
    }

    /// The options of Kafka's unsecured login: `unsecuredLoginStringClaim_<name>`,
    /// `unsecuredLoginNumberClaim_<name>`, `unsecuredLoginListClaim_<name>` (the first
    /// character separates the items), `unsecuredLoginExtension_<name>`,
    /// `unsecuredLoginPrincipalClaimName` (default `sub`), `unsecuredLoginScopeClaimName`
    /// (default `scope`), `unsecuredLoginLifetimeSeconds` (default 3600). Other options are
    /// ignored, as in Java. Errors name the option, not its value.
    pub fn from_options<'a>(
        options: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<UnsecuredTokenProvider, String> {
        let mut provider = UnsecuredTokenProvider::new("");
        provider.string_claims.clear();
        for (key, value) in options {
            if let Some(name) = key.strip_prefix("unsecuredLoginStringClaim_").filter(|n| !n.is_empty()) {
                check_claim_name(name)?;
                provider.string_claims.insert(name.into(), value.into());
            } else if let Some(name) = key.strip_prefix("unsecuredLoginNumberClaim_").filter(|n| !n.is_empty()) {
                check_claim_name(name)?;
                let number = value
                    .trim()
                    .parse::<i64>()
                    .map(serde_json::Number::from)
                    .ok()
                    .or_else(|| value.trim().parse::<f64>().ok().and_then(serde_json::Number::from_f64))
                    .ok_or_else(|| format!("option `{key}` is not a number"))?;
                provider.number_claims.insert(name.into(), number);
            } else if let Some(name) = key.strip_prefix("unsecuredLoginListClaim_").filter(|n| !n.is_empty()) {
                check_claim_name(name)?;
                provider.list_claims.insert(name.into(), split_list(value));
            } else if let Some(name) = key.strip_prefix("unsecuredLoginExtension_") {
                if !valid_extension_key(name) {
                    return Err(format!("option `{key}`: an extension name is letters only, and not `auth`"));
                }
                if !valid_extension_value(value) {
                    return Err(format!("option `{key}`: the extension value has characters KIP-342 forbids"));
                }
                provider.extensions.insert(name.into(), value.into());
            } else if key == "unsecuredLoginPrincipalClaimName" && !value.trim().is_empty() {
                provider.principal_claim_name = value.trim().into();
            } else if key == "unsecuredLoginScopeClaimName" && !value.trim().is_empty() {
                provider.scope_claim_name = value.trim().into();
            } else if key == "unsecuredLoginLifetimeSeconds" {
                let seconds = value
                    .trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|s| (1..=MAX_UNSECURED_LIFETIME.as_secs()).contains(s))
                    .ok_or_else(|| format!("option `{key}` is not a number of seconds from 1 to 315360000"))?;
                provider.lifetime = Duration::from_secs(seconds);
            }
        }
        let principal = provider.string_claims.get(&provider.principal_claim_name);
        if principal.is_none_or(|p| p.trim().is_empty()) {
            return Err(format!(
                "no principal: set `unsecuredLoginStringClaim_{}` to a non-empty value",
                provider.principal_claim_name
            ));
        }
        Ok(provider)
    }

    /// Tokens valid for `lifetime` (`unsecuredLoginLifetimeSeconds`).
    pub fn lifetime(mut self, lifetime: Duration) -> UnsecuredTokenProvider {
        self.lifetime = lifetime.clamp(Duration::from_secs(1), MAX_UNSECURED_LIFETIME);
        self
    }

    /// The scope claim (`unsecuredLoginListClaim_scope`).
    pub fn scope<S: Into<String>>(mut self, scopes: impl IntoIterator<Item = S>) -> UnsecuredTokenProvider {
        let name = self.scope_claim_name.clone();
        self.list_claims.insert(name, scopes.into_iter().map(Into::into).collect());
        self
    }

    /// A SASL extension sent with the token (`unsecuredLoginExtension_<key>`).
    pub fn extension(mut self, key: impl Into<String>, value: impl Into<String>) -> UnsecuredTokenProvider {
        self.extensions.insert(key.into(), value.into());
        self
    }

    /// The claims as JSON: `exp`, `iat` (seconds since the epoch) and the configured claims.
    fn claims(&self, now: SystemTime) -> serde_json::Value {
        let iat = now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs();
        let mut claims = serde_json::Map::new();
        claims.insert("exp".into(), (iat + self.lifetime.as_secs()).into());
        claims.insert("iat".into(), iat.into());
        for (name, value) in &self.string_claims {
            claims.insert(name.clone(), value.clone().into());
        }
        for (name, value) in &self.number_claims {
            claims.insert(name.clone(), serde_json::Value::Number(value.clone()));
        }
        for (name, values) in &self.list_claims {
            claims.insert(name.clone(), values.clone().into());
        }
        serde_json::Value::Object(claims)
    }

    /// The token this provider makes at `now`.
    pub fn token_at(&self, now: SystemTime) -> Result<OAuthToken, SaslError> {
        let principal =
            self.string_claims.get(&self.principal_claim_name).filter(|p| !p.trim().is_empty()).ok_or_else(|| {
                credentials(format!("the unsecured token has no `{}` claim", self.principal_claim_name))
            })?;
        // Whole seconds, as the claims carry them.
        let issued_at = UNIX_EPOCH + Duration::from_secs(now.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs());
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
        let claims = URL_SAFE_NO_PAD.encode(alphabet_neutral_json(&self.claims(issued_at).to_string()));
        Ok(OAuthToken {
            value: Secret::new(format!("{header}.{claims}.")),
            issued_at: Some(issued_at),
            expires_at: issued_at + Duration::from_secs(self.lifetime.as_secs()),
            principal: principal.clone(),
            extensions: self.extensions.clone(),
        })
    }
}

/// `json` with `>`, `?`, `~`, DEL and every non-ASCII character written as JSON `\u` escapes of
/// four hex digits (they can only appear inside JSON strings, where escapes mean the same). Its
/// base64 then has no `-` or `_` (those come from 6-bit groups 62 and 63, which only these bytes make), so
/// it decodes alike with the URL-safe alphabet JWTs use and with the standard alphabet some
/// Kafka brokers' unsecured validators decode with.
fn alphabet_neutral_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_ascii() && !matches!(c, '>' | '?' | '~' | '\u{7f}') {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

fn check_claim_name(name: &str) -> Result<(), String> {
    if RESERVED_CLAIMS.contains(&name) {
        Err(format!("the `{name}` claim is set by the client and cannot be configured"))
    } else {
        Ok(())
    }
}

/// `unsecuredLoginListClaim_` values: the first character separates the items (`",a,b"`);
/// empty items are dropped.
fn split_list(value: &str) -> Vec<String> {
    let mut chars = value.chars();
    match chars.next() {
        None => Vec::new(),
        Some(separator) => chars.as_str().split(separator).filter(|s| !s.is_empty()).map(String::from).collect(),
    }
}

impl TokenProvider for UnsecuredTokenProvider {
    fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>> {
        Box::pin(async move { self.token_at(SystemTime::now()) })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn broker() -> BrokerId {
        BrokerId { node_id: 0, addr: "b:9092".into() }
    }

    fn token(value: &str, lifetime: Duration) -> OAuthToken {
        let now = SystemTime::now();
        OAuthToken {
            value: value.into(),
            issued_at: Some(now),
            expires_at: now + lifetime,
            principal: "p".into(),
            extensions: BTreeMap::new(),
        }
    }

    /// Counts calls; hands out tokens living `lifetime`, or fails once `fail` is set.
    #[derive(Debug)]
    struct Counting {
        calls: AtomicUsize,
        lifetime: Duration,
        issued_ago: Duration,
        fail_after: usize,
    }

    impl Counting {
        fn new(lifetime: Duration, issued_ago: Duration) -> Counting {
            Counting { calls: AtomicUsize::new(0), lifetime, issued_ago, fail_after: usize::MAX }
        }
    }

    impl TokenProvider for Counting {
        fn token(&self) -> BoxFuture<'_, Result<OAuthToken, SaslError>> {
            let n = self.calls.fetch_add(1, Ordering::SeqCst);
            Box::pin(async move {
                if n >= self.fail_after {
                    return Err(credentials("identity provider down"));
                }
                let now = SystemTime::now();
                Ok(OAuthToken {
                    value: format!("tok{n}").into(),
                    issued_at: Some(now - self.issued_ago),
                    expires_at: now + self.lifetime,
                    principal: "p".into(),
                    extensions: BTreeMap::new(),
                })
            })
        }
    }

    #[test]
    fn initial_response_is_rfc7628_with_kip342_extensions() {
        let mut t = token("abc.def.", Duration::from_secs(60));
        assert_eq!(client_initial_response(&t).unwrap(), b"n,,\x01auth=Bearer abc.def.\x01\x01");
        t.extensions.insert("traceId".into(), "x y".into());
        t.extensions.insert("logicalCluster".into(), "lkc-1".into());
        assert_eq!(
            client_initial_response(&t).unwrap(),
            b"n,,\x01auth=Bearer abc.def.\x01logicalCluster=lkc-1\x01traceId=x y\x01\x01"
        );
        for (key, value) in [("auth", "x"), ("a1", "x"), ("", "x"), ("ok", "\x01"), ("ok", "")] {
            let mut t = token("abc", Duration::from_secs(60));
            t.extensions.insert(key.into(), value.into());
            assert!(matches!(client_initial_response(&t), Err(SaslError::Credentials { .. })), "{key:?}={value:?}");
        }
        let bad = token("has space\x01", Duration::from_secs(60));
        let err = client_initial_response(&bad).unwrap_err();
        assert!(!err.to_string().contains("has space"), "{err}");
    }

    #[tokio::test]
    async fn success_is_an_empty_answer() {
        let provider = Arc::new(UnsecuredTokenProvider::new("admin"));
        let oauth = OAuthBearer::new(provider);
        let mut exchange = oauth.begin(&broker()).await.unwrap();
        let Step::Respond(first) = exchange.step(None).unwrap() else { panic!("expected a message") };
        assert!(first.starts_with(b"n,,\x01auth=Bearer ey") && first.ends_with(b".\x01\x01"));
        assert_eq!(exchange.step(Some(b"")).unwrap(), Step::Done);
        assert!(exchange.failure().is_none());
        assert!(exchange.step(Some(b"")).is_err());
    }

    #[tokio::test]
    async fn an_error_status_is_acknowledged_with_0x01_then_refused() {
        let oauth = OAuthBearer::new(Arc::new(UnsecuredTokenProvider::new("admin")));
        let mut exchange = oauth.begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        let status = br#"{"status":"invalid_token","scope":"kafka","openid-configuration":"https://x"}"#;
        assert_eq!(exchange.step(Some(status)).unwrap(), Step::Respond(vec![0x01]));
        let refused = SaslError::Refused {
            mechanism: "OAUTHBEARER".into(),
            message: "invalid_token (required scope: kafka)".into(),
        };
        assert_eq!(exchange.failure(), Some(refused.clone()));
        assert_eq!(exchange.step(Some(b"")), Err(refused));

        // Not JSON: the broker's words, as text.
        let mut exchange = oauth.begin(&broker()).await.unwrap();
        exchange.step(None).unwrap();
        exchange.step(Some(b"nope")).unwrap();
        assert_eq!(
            exchange.failure(),
            Some(SaslError::Refused { mechanism: "OAUTHBEARER".into(), message: "nope".into() })
        );
    }

    #[tokio::test]
    async fn the_token_is_cached_until_its_refresh_window() {
        // Issued now, lives an hour: cached.
        let long = Arc::new(Counting::new(Duration::from_secs(3600), Duration::ZERO));
        let oauth = OAuthBearer::new(long.clone());
        for _ in 0..3 {
            oauth.begin(&broker()).await.unwrap();
        }
        assert_eq!(long.calls.load(Ordering::SeqCst), 1);

        // Issued 59 minutes ago, 1 minute left: past its window at once, asked every time.
        let due = Arc::new(Counting::new(Duration::from_millis(1), Duration::from_secs(3540)));
        let oauth = OAuthBearer::new(due.clone());
        for _ in 0..3 {
            oauth.begin(&broker()).await.unwrap();
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        assert_eq!(due.calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_failed_refresh_keeps_an_unexpired_token() {
        // The first token's refresh time has passed at once but it lives an hour more.
        let mut provider = Counting::new(Duration::from_secs(3600), Duration::from_secs(100_000));
        provider.fail_after = 1;
        let provider = Arc::new(provider);
        let oauth = OAuthBearer::with_refresh(
            provider.clone(),
            RefreshConfig { min_period: Duration::ZERO, buffer: Duration::from_secs(3600), ..RefreshConfig::default() },
        );
        let mut exchange = oauth.begin(&broker()).await.unwrap();
        assert_eq!(exchange.step(None).unwrap(), Step::Respond(b"n,,\x01auth=Bearer tok0\x01\x01".to_vec()));
        let mut exchange = oauth.begin(&broker()).await.unwrap();
        assert_eq!(exchange.step(None).unwrap(), Step::Respond(b"n,,\x01auth=Bearer tok0\x01\x01".to_vec()));
        assert_eq!(provider.calls.load(Ordering::SeqCst), 2);

        // With nothing cached, the failure is the answer.
        let mut failing = Counting::new(Duration::from_secs(3600), Duration::ZERO);
        failing.fail_after = 0;
        let oauth = OAuthBearer::new(Arc::new(failing));
        assert!(matches!(oauth.begin(&broker()).await, Err(SaslError::Credentials { .. })));
    }

    #[test]
    fn refresh_time_follows_the_java_rules() {
        let config = RefreshConfig::default();
        let t0 = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let hour = OAuthToken {
            value: "t".into(),
            issued_at: Some(t0),
            expires_at: t0 + Duration::from_secs(3600),
            principal: "p".into(),
            extensions: BTreeMap::new(),
        };
        // 80% of an hour, and up to 5% more with jitter.
        assert_eq!(config.refresh_at(&hour, t0, 0.0), t0 + Duration::from_secs(2880));
        assert_eq!(config.refresh_at(&hour, t0, 1.0), t0 + Duration::from_secs(3060));
        // A buffer of 15 minutes caps it at 45 minutes.
        let buffered = RefreshConfig { buffer: Duration::from_secs(900), ..config };
        assert_eq!(buffered.refresh_at(&hour, t0, 0.0), t0 + Duration::from_secs(2700));
        // Fetched late in its life: no sooner than the minimum period after the fetch.
        let late = t0 + Duration::from_secs(2870);
        assert_eq!(config.refresh_at(&hour, late, 0.0), late + Duration::from_secs(60));
        // Nonsense shares (public fields) neither panic nor refresh after expiry.
        for factor in [f64::NAN, -1.0, 7.0] {
            let odd = RefreshConfig { window_factor: factor, ..config };
            assert!(odd.refresh_at(&hour, t0, 0.5) <= hour.expires_at);
        }
        // Too short-lived for min period + buffer: 80% of what is left.
        let short = OAuthToken { expires_at: t0 + Duration::from_secs(100), ..hour.clone() };
        assert_eq!(config.refresh_at(&short, t0, 0.0), t0 + Duration::from_secs(80));
    }

    fn decode_part(part: &str) -> serde_json::Value {
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
    }

    /// What Kafka's broker-side unsecured validator checks: three dot-separated parts, the last
    /// empty; header `alg` = `none`; the principal claim a non-empty string; `exp` a number
    /// after `iat`; `scope` a string list.
    #[test]
    fn unsecured_tokens_are_what_the_kafka_validator_accepts() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let provider = UnsecuredTokenProvider::new("admin").scope(["s1", "s2"]).extension("traceId", "t1");
        let token = provider.token_at(now).unwrap();
        let parts: Vec<&str> = token.value.expose().split('.').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[2], "");
        assert!(parts.iter().all(|p| !p.contains('=')), "no padding");
        assert_eq!(decode_part(parts[0]), serde_json::json!({"alg": "none"}));
        assert_eq!(
            decode_part(parts[1]),
            serde_json::json!({"sub": "admin", "iat": 1_700_000_000u64, "exp": 1_700_003_600u64, "scope": ["s1", "s2"]})
        );
        assert_eq!(token.principal, "admin");
        assert_eq!(token.expires_at, now + Duration::from_secs(3600));
        assert_eq!(token.extensions.get("traceId").map(String::as_str), Some("t1"));
        assert!(!format!("{token:?}").contains(parts[1]));
    }

    /// Whatever the principal holds, at every alignment, the claims' base64 uses only the
    /// characters both base64 alphabets share, and decodes with either to the same claims.
    #[test]
    fn unsecured_claims_decode_with_either_base64_alphabet() {
        use base64::engine::general_purpose::STANDARD_NO_PAD;
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        for pad in 0..3 {
            let principal = format!("{}a?b>c~d\u{7f}é😀?", "x".repeat(pad));
            let token = UnsecuredTokenProvider::new(principal.clone()).token_at(now).unwrap();
            let claims = token.value.expose().split('.').nth(1).unwrap().to_string();
            assert!(!claims.contains(['-', '_']), "{claims}");
            let by_url: serde_json::Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&claims).unwrap()).unwrap();
            let by_standard: serde_json::Value =
                serde_json::from_slice(&STANDARD_NO_PAD.decode(&claims).unwrap()).unwrap();
            assert_eq!(by_url, by_standard);
            assert_eq!(by_url["sub"], serde_json::Value::String(principal));
        }
    }

    #[test]
    fn unsecured_options_as_kafka_names_them() {
        let options = [
            ("unsecuredLoginStringClaim_user", "alice"),
            ("unsecuredLoginPrincipalClaimName", "user"),
            ("unsecuredLoginNumberClaim_level", "3"),
            ("unsecuredLoginListClaim_roles", "|a|b||"),
            ("unsecuredLoginExtension_tenant", "blue"),
            ("unsecuredLoginLifetimeSeconds", "60"),
            ("someOtherOption", "ignored"),
        ];
        let provider = UnsecuredTokenProvider::from_options(options).unwrap();
        let now = UNIX_EPOCH + Duration::from_secs(100);
        let token = provider.token_at(now).unwrap();
        assert_eq!(token.principal, "alice");
        assert_eq!(token.expires_at, now + Duration::from_secs(60));
        let claims = decode_part(token.value.expose().split('.').nth(1).unwrap());
        assert_eq!(
            claims,
            serde_json::json!({"user": "alice", "level": 3, "roles": ["a", "b"], "iat": 100, "exp": 160})
        );
        assert_eq!(token.extensions.get("tenant").map(String::as_str), Some("blue"));

        for bad in [
            vec![("unsecuredLoginStringClaim_iat", "1"), ("unsecuredLoginStringClaim_sub", "a")],
            vec![("unsecuredLoginNumberClaim_n", "NaN-ish"), ("unsecuredLoginStringClaim_sub", "a")],
            vec![("unsecuredLoginLifetimeSeconds", "0"), ("unsecuredLoginStringClaim_sub", "a")],
            vec![("unsecuredLoginExtension_auth", "x"), ("unsecuredLoginStringClaim_sub", "a")],
            vec![("unsecuredLoginStringClaim_sub", " ")],
            vec![("unsecuredLoginPrincipalClaimName", "user"), ("unsecuredLoginStringClaim_sub", "a")],
        ] {
            assert!(UnsecuredTokenProvider::from_options(bad.clone()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn jwt_claims_are_read_without_showing_the_token() {
        let now = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        let provider = UnsecuredTokenProvider::new("admin").lifetime(Duration::from_secs(60));
        let made = provider.token_at(now).unwrap();
        let read = OAuthToken::from_jwt(made.value.clone(), "sub").unwrap();
        assert_eq!(read, made);

        // A renamed principal claim; fractional seconds; a trailing newline and padding tolerated.
        let claims = URL_SAFE_NO_PAD.encode(br#"{"client_id":"svc","exp":1700000060.5}"#);
        let jwt = Secret::new(format!("eyJhbGciOiJSUzI1NiJ9.{claims}=.c2lnbmF0dXJl\n"));
        let token = OAuthToken::from_jwt(jwt, "client_id").unwrap();
        assert_eq!(token.principal, "svc");
        assert_eq!(token.issued_at, None);
        assert_eq!(token.expires_at, UNIX_EPOCH + Duration::from_millis(1_700_000_060_500));

        let no_exp = URL_SAFE_NO_PAD.encode(br#"{"sub":"a"}"#);
        let no_sub = URL_SAFE_NO_PAD.encode(br#"{"exp":1}"#);
        let bad_exp = URL_SAFE_NO_PAD.encode(br#"{"sub":"a","exp":"soon"}"#);
        for jwt in [
            "secret-not-a-jwt".to_string(),
            "a.b".to_string(),
            "a.!!!.c".to_string(),
            format!("h.{no_exp}.s"),
            format!("h.{no_sub}.s"),
            format!("h.{bad_exp}.s"),
            format!("h.{}.s", URL_SAFE_NO_PAD.encode("[1]")),
        ] {
            let err = OAuthToken::from_jwt(Secret::new(jwt.clone()), "sub").unwrap_err();
            assert!(matches!(err, SaslError::Credentials { .. }), "{jwt}: {err}");
            assert!(!err.to_string().contains("secret-not"), "{err}");
        }
    }

    #[tokio::test]
    async fn file_tokens_are_read_on_each_fetch() {
        let path = std::env::temp_dir().join(format!("kafka-client-token-{}.jwt", std::process::id()));
        let now = SystemTime::now();
        let first = UnsecuredTokenProvider::new("first").token_at(now).unwrap();
        std::fs::write(&path, format!("{}\n", first.value.expose())).unwrap();
        let provider = FileTokenProvider::new(&path).extension("tenant", "blue");
        let token = provider.token().await.unwrap();
        assert_eq!((token.principal.as_str(), token.extensions.len()), ("first", 1));
        let second = UnsecuredTokenProvider::new("second").token_at(now).unwrap();
        std::fs::write(&path, second.value.expose()).unwrap();
        assert_eq!(provider.token().await.unwrap().principal, "second");
        std::fs::remove_file(&path).unwrap();
        let err = provider.token().await.unwrap_err();
        assert!(matches!(err, SaslError::Credentials { .. }), "{err}");
    }

    proptest::proptest! {
        /// Whatever the broker answers, the exchange acknowledges or fails; it never panics.
        #[test]
        fn random_broker_answers_never_panic(
            answers in proptest::collection::vec(proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100), 0..4),
        ) {
            let token = token("abc", Duration::from_secs(60));
            let mut exchange =
                OAuthBearerExchange { message: Some(client_initial_response(&token).unwrap()), state: ExchangeState::Start };
            exchange.step(None).unwrap();
            for answer in &answers {
                let _ = exchange.step(Some(answer));
                let _ = exchange.failure();
            }
        }
    }

    #[test]
    fn no_token_in_debug() {
        let t = token("sekrit-token", Duration::from_secs(60));
        assert!(!format!("{t:?}").contains("sekrit"));
        let oauth = OAuthBearer::new(Arc::new(UnsecuredTokenProvider::new("admin")));
        assert!(format!("{oauth:?}").contains("OAuthBearer"));
    }
}
