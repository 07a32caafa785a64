//! Signed OAUTHBEARER tokens checked against a JWKS, as Kafka's
//! `OAuthBearerValidatorCallbackHandler` (KIP-768) checks them with
//! `sasl.oauthbearer.jwks.endpoint.url`, `expected.issuer` and `expected.audience`:
//!
//! - the JWS is signed (`alg` ES256 or RS256; `none` is refused) by a key of the set, chosen by
//!   the header's `kid` (or the only key when the header names none);
//! - `exp` and `iat` are present, with Kafka's default clock skew of 30 s;
//! - `sub` names the principal; `iss` equals the expected issuer and `aud` (a string or a list)
//!   holds the expected audience, when those are set.
//!
//! The key set is given at start (a test's identity provider makes it), not fetched and
//! refreshed from a URL as a broker does.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde_json::Value;

use super::oauthbearer::{json_object, Token};

/// Kafka's default `sasl.oauthbearer.clock.skew.seconds`.
const CLOCK_SKEW_MS: i64 = 30_000;

/// One verification key of the set.
#[derive(Clone)]
enum Key {
    /// A P-256 public key as an uncompressed point (`04 || x || y`).
    Es256(Vec<u8>),
    /// An RSA public key's modulus and exponent (big-endian).
    Rs256 { n: Vec<u8>, e: Vec<u8> },
}

/// The keys, issuer and audience a signed token must match.
#[derive(Clone)]
pub(crate) struct JwksValidator {
    keys: Vec<(Option<String>, Key)>,
    issuer: Option<String>,
    audience: Option<String>,
}

impl std::fmt::Debug for JwksValidator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JwksValidator")
            .field("kids", &self.keys.iter().map(|(kid, _)| kid).collect::<Vec<_>>())
            .field("issuer", &self.issuer)
            .field("audience", &self.audience)
            .finish()
    }
}

fn field(key: &serde_json::Map<String, Value>, name: &str) -> Result<Vec<u8>, String> {
    let text = key.get(name).and_then(Value::as_str).ok_or_else(|| format!("a JWK without `{name}`"))?;
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).map_err(|_| format!("a JWK whose `{name}` is not base64url"))
}

impl JwksValidator {
    /// Reads the set (`{"keys": [...]}`; EC P-256 and RSA keys are used, others skipped).
    pub(crate) fn new(jwks: &Value, issuer: Option<String>, audience: Option<String>) -> Result<JwksValidator, String> {
        let list = jwks.get("keys").and_then(Value::as_array).ok_or("a JWKS is an object with a `keys` list")?;
        let mut keys = Vec::new();
        for jwk in list {
            let jwk = jwk.as_object().ok_or("a JWK is a JSON object")?;
            let kid = jwk.get("kid").and_then(Value::as_str).map(str::to_owned);
            let key = match (jwk.get("kty").and_then(Value::as_str), jwk.get("crv").and_then(Value::as_str)) {
                (Some("EC"), Some("P-256")) => {
                    let (x, y) = (field(jwk, "x")?, field(jwk, "y")?);
                    if x.len() != 32 || y.len() != 32 {
                        return Err("a P-256 JWK's x and y are 32 bytes each".to_owned());
                    }
                    Key::Es256([&[4u8][..], &x, &y].concat())
                }
                (Some("RSA"), _) => Key::Rs256 { n: field(jwk, "n")?, e: field(jwk, "e")? },
                _ => continue,
            };
            keys.push((kid, key));
        }
        if keys.is_empty() {
            return Err("the JWKS holds no EC P-256 or RSA key".to_owned());
        }
        Ok(JwksValidator { keys, issuer, audience })
    }

    /// Checks `token` at `now_ms`.
    pub(crate) fn validate(&self, token: &str, now_ms: i64) -> Result<Token, &'static str> {
        let mut parts = token.split('.');
        let (Some(header), Some(claims), Some(signature), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("not three dot-separated parts");
        };
        let header_json = json_object(header)?;
        let kid = header_json.get("kid").and_then(Value::as_str);
        let key = match kid {
            Some(kid) => self.keys.iter().find(|(k, _)| k.as_deref() == Some(kid)),
            None if self.keys.len() == 1 => self.keys.first(),
            None => None,
        };
        let Some((_, key)) = key else { return Err("no key of the JWKS matches the token's kid") };
        let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| "the signature is not base64url")?;
        let signed = &token[..header.len() + 1 + claims.len()];
        let verified = match (header_json.get("alg").and_then(Value::as_str), key) {
            (Some("ES256"), Key::Es256(point)) => {
                UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, point).verify(signed.as_bytes(), &signature)
            }
            (Some("RS256"), Key::Rs256 { n, e }) => RsaPublicKeyComponents { n, e }.verify(
                &signature::RSA_PKCS1_2048_8192_SHA256,
                signed.as_bytes(),
                &signature,
            ),
            (Some("none") | None, _) => return Err("the token is not signed"),
            _ => return Err("the token's alg does not match its key"),
        };
        verified.map_err(|_| "the signature does not verify")?;

        let claims = json_object(claims)?;
        let time = |name: &str| match claims.get(name).and_then(Value::as_f64) {
            Some(s) if s.is_finite() => Some((s * 1000.0) as i64),
            _ => None,
        };
        let exp_ms = time("exp").ok_or("no numeric exp claim")?;
        let iat_ms = time("iat").ok_or("no numeric iat claim")?;
        if now_ms > exp_ms + CLOCK_SKEW_MS {
            return Err("the token has expired");
        }
        if iat_ms > now_ms + CLOCK_SKEW_MS {
            return Err("the token is issued in the future");
        }
        let principal = match claims.get("sub") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            _ => return Err("no sub claim"),
        };
        if let Some(issuer) = &self.issuer {
            if claims.get("iss").and_then(Value::as_str) != Some(issuer) {
                return Err("the issuer is not the expected one");
            }
        }
        if let Some(audience) = &self.audience {
            let held = match claims.get("aud") {
                Some(Value::String(aud)) => aud == audience,
                Some(Value::Array(list)) => list.iter().any(|aud| aud.as_str() == Some(audience)),
                _ => false,
            };
            if !held {
                return Err("the audience does not hold the expected one");
            }
        }
        Ok(Token { principal, exp_ms })
    }
}

#[cfg(all(test, feature = "testing"))]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::testing::oidc::Issuer;

    fn now_ms() -> i64 {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64
    }

    #[test]
    fn tokens_of_the_issuer_pass_and_others_do_not() {
        let issuer = Issuer::generate("k1", "https://idp.test", "kafka").unwrap();
        let validator =
            JwksValidator::new(&issuer.jwks(), Some("https://idp.test".into()), Some("kafka".into())).unwrap();
        let token = issuer.token("svc", Duration::from_secs(60), "kafka").unwrap();
        let valid = validator.validate(&token, now_ms()).unwrap();
        assert_eq!(valid.principal, "svc");

        let cases = [
            (Issuer::generate("k1", "https://idp.test", "kafka").unwrap(), "signature"),
            (Issuer::generate("k2", "https://idp.test", "kafka").unwrap(), "kid"),
        ];
        for (rogue, expected) in cases {
            let token = rogue.token("svc", Duration::from_secs(60), "kafka").unwrap();
            let err = validator.validate(&token, now_ms()).unwrap_err();
            assert!(err.contains(expected), "{err}");
        }
        let other_issuer = Issuer::from_pem(issuer.key_pem(), "k1", "https://rogue.test", "kafka").unwrap();
        let token = other_issuer.token("svc", Duration::from_secs(60), "kafka").unwrap();
        assert!(validator.validate(&token, now_ms()).unwrap_err().contains("issuer"));
        let other_audience = Issuer::from_pem(issuer.key_pem(), "k1", "https://idp.test", "billing").unwrap();
        let token = other_audience.token("svc", Duration::from_secs(60), "kafka").unwrap();
        assert!(validator.validate(&token, now_ms()).unwrap_err().contains("audience"));

        // Expired beyond the clock skew; an unsecured token; a token cut short.
        let token = issuer.token("svc", Duration::from_secs(1), "kafka").unwrap();
        assert!(validator.validate(&token, now_ms() + 40_000).unwrap_err().contains("expired"));
        let unsecured = crate::unsecured_token("svc", now_ms() / 1000, now_ms() / 1000 + 60);
        assert!(validator.validate(&unsecured, now_ms()).is_err());
        assert!(validator.validate(&token[..token.len() - 5], now_ms()).is_err());
    }

    #[test]
    fn a_set_without_usable_keys_is_refused() {
        for jwks in [
            serde_json::json!({}),
            serde_json::json!({"keys": []}),
            serde_json::json!({"keys": [{"kty": "oct", "k": "AA"}]}),
        ] {
            assert!(JwksValidator::new(&jwks, None, None).is_err(), "{jwks}");
        }
    }
}
