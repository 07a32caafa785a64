//! SASL/OAUTHBEARER (RFC 7628) with Kafka's unsecured tokens, as its `OAuthBearerSaslServer`
//! and `OAuthBearerUnsecuredValidatorCallbackHandler` serve them: the client's message is
//! `n,[a=authzid],\x01auth=Bearer <jwt>\x01[key=value\x01...]\x01`; the JWT is unsecured
//! (`{"alg":"none"}` header, empty signature) with a `sub` (the principal) and an `exp` in the
//! future (`iat`, if present, not in the future). A bad token is not refused at once: the
//! server answers the RFC's JSON error (`{"status":"invalid_token"}`) as a challenge, the
//! client acknowledges with `\x01`, and only then does the exchange fail, with that JSON as
//! the message. The token's `exp` bounds the session (KIP-368).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{Map, Value};

use super::sasl::{Failure, Step};

/// The one status Kafka's unsecured validator reports.
const INVALID_TOKEN: &str = r#"{"status":"invalid_token"}"#;

/// Where an OAUTHBEARER exchange stands.
#[derive(Debug, Default)]
pub(crate) enum Exchange {
    /// Waiting for the client's message.
    #[default]
    Start,
    /// The token was refused and the JSON error sent: the client must answer `\x01`.
    ErrorSent,
    /// Finished.
    Done,
}

impl Exchange {
    /// Serves one client message at `now_ms` (wall clock, as the token's claims), checking its
    /// token with `validate` ([`validate`] for unsecured tokens, a JWKS validator for signed ones).
    pub(crate) fn step(&mut self, message: &[u8], now_ms: i64, validate: &TokenValidator<'_>) -> Step {
        match std::mem::replace(self, Exchange::Done) {
            Exchange::ErrorSent if message == [0x01] => Step::Fail(Failure::said(INVALID_TOKEN)),
            Exchange::Start | Exchange::ErrorSent => {
                let (authzid, token) = match parse_client_message(message) {
                    Ok(m) => m,
                    Err(detail) => return Step::Fail(Failure::invalid(detail)),
                };
                match validate(token, now_ms) {
                    Ok(token) => {
                        if !authzid.is_empty() && authzid != token.principal {
                            return Step::Fail(Failure::said(format!(
                                "Authentication failed: Client requested an authorization id ({authzid}) that is \
                                 different from the token's principal name ({})",
                                token.principal
                            )));
                        }
                        Step::Done {
                            reply: Vec::new(),
                            user: token.principal,
                            credential_expiry_ms: Some(token.exp_ms),
                        }
                    }
                    Err(reason) => {
                        tracing::debug!(reason, "OAUTHBEARER token refused");
                        *self = Exchange::ErrorSent;
                        Step::Challenge(INVALID_TOKEN.as_bytes().to_vec())
                    }
                }
            }
            Exchange::Done => Step::Fail(Failure::invalid("message after the exchange ended")),
        }
    }
}

/// The authorization id and the token of the client's initial response.
fn parse_client_message(message: &[u8]) -> Result<(&str, &str), &'static str> {
    let text = std::str::from_utf8(message).map_err(|_| "not UTF-8")?;
    let rest = text.strip_prefix("n,").ok_or("must start with the GS2 header n,")?;
    let (authz, rest) = rest.split_once(',').ok_or("no GS2 header end")?;
    let authzid = match authz {
        "" => "",
        a => a.strip_prefix("a=").ok_or("bad authzid")?,
    };
    let pairs = rest.strip_prefix('\x01').and_then(|r| r.strip_suffix("\x01\x01")).ok_or("bad kvpairs framing")?;
    let mut token = None;
    for pair in pairs.split('\x01') {
        let (key, value) = pair.split_once('=').ok_or("malformed key=value")?;
        if key == "auth" {
            // Kafka's pattern: a scheme ("Bearer", any case), spaces, the token's characters.
            let (scheme, t) = value.split_once(' ').ok_or("auth has no scheme")?;
            let t = t.trim_start_matches(' ');
            let token_chars = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
            if !scheme.eq_ignore_ascii_case("bearer") || t.is_empty() || !t.chars().all(token_chars) {
                return Err("auth is not Bearer <token>");
            }
            token = Some(t);
        } else if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err("bad extension name");
        }
        // Other extensions: Kafka's unsecured validator accepts every one.
    }
    token.map(|t| (authzid, t)).ok_or("no auth=Bearer")
}

/// Checks a token at a time (ms since the epoch): its principal and expiry, or why not.
pub(crate) type TokenValidator<'a> = dyn Fn(&str, i64) -> Result<Token, &'static str> + 'a;

/// A valid token's principal and expiry.
#[derive(Debug)]
pub(crate) struct Token {
    pub(crate) principal: String,
    pub(crate) exp_ms: i64,
}

/// Kafka's checks of an unsecured JWS (`OAuthBearerUnsecuredJws`) and of its time claims
/// (`OAuthBearerValidationUtils`), with no clock skew allowed and no scope required (the
/// handler's defaults).
pub(crate) fn validate(token: &str, now_ms: i64) -> Result<Token, &'static str> {
    let mut parts = token.split('.');
    let (Some(header), Some(claims), Some(signature), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err("not three dot-separated parts");
    };
    if !signature.is_empty() {
        return Err("an unsecured JWS has an empty signature");
    }
    let header = json_object(header)?;
    if header.get("alg").and_then(Value::as_str) != Some("none") {
        return Err("the header's alg is not none");
    }
    let claims = json_object(claims)?;
    let principal = match claims.get("sub") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        _ => return Err("no sub claim"),
    };
    let exp_ms = match claims.get("exp").and_then(Value::as_f64) {
        Some(exp) if exp.is_finite() => (exp * 1000.0) as i64,
        _ => return Err("no numeric exp claim"),
    };
    let iat_ms = match claims.get("iat") {
        None => None,
        Some(v) => match v.as_f64() {
            Some(iat) if iat.is_finite() => Some((iat * 1000.0) as i64),
            _ => return Err("iat is not a number"),
        },
    };
    if now_ms > exp_ms {
        return Err("the token has expired");
    }
    if let Some(iat_ms) = iat_ms {
        if now_ms < iat_ms {
            return Err("the token is issued in the future");
        }
        if exp_ms <= iat_ms {
            return Err("the token expires before it is issued");
        }
    }
    Ok(Token { principal, exp_ms })
}

pub(crate) fn json_object(part: &str) -> Result<Map<String, Value>, &'static str> {
    // JWTs use base64url without padding; tolerate padding as Java's decoder does.
    let bytes = URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).map_err(|_| "a part is not base64url")?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err("a part is not a JSON object"),
    }
}

/// An unsecured token for `principal` expiring at `exp_s` (seconds since the epoch): what
/// tests hand to clients.
pub fn unsecured_token(principal: &str, iat_s: i64, exp_s: i64) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none"}"#);
    let claims = serde_json::json!({ "sub": principal, "iat": iat_s, "exp": exp_s });
    format!("{header}.{}.", URL_SAFE_NO_PAD.encode(claims.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(token: &str) -> Vec<u8> {
        format!("n,,\x01auth=Bearer {token}\x01\x01").into_bytes()
    }

    #[test]
    fn a_valid_token_names_its_principal() {
        let now_s = 1_700_000_000;
        let token = unsecured_token("alice", now_s - 10, now_s + 3600);
        match Exchange::Start.step(&message(&token), now_s * 1000, &validate) {
            Step::Done { user, credential_expiry_ms, .. } => {
                assert_eq!(user, "alice");
                assert_eq!(credential_expiry_ms, Some((now_s + 3600) * 1000));
            }
            other => panic!("{other:?}"),
        }
        let with_extension = format!("n,a=alice,\x01auth=bearer {token}\x01traceId=1\x01\x01");
        assert!(matches!(Exchange::Start.step(with_extension.as_bytes(), now_s * 1000, &validate), Step::Done { .. }));
    }

    #[test]
    fn a_bad_token_gets_the_json_challenge_then_fails() {
        let now_s = 1_700_000_000;
        for token in [
            unsecured_token("alice", now_s - 7200, now_s - 3600),
            unsecured_token("alice", now_s + 60, now_s + 3600),
            format!("{}sig", unsecured_token("alice", now_s, now_s + 60)),
            format!(
                "{}.{}.",
                URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256"}"#),
                URL_SAFE_NO_PAD.encode(r#"{"sub":"a","exp":9999999999}"#)
            ),
            format!(
                "{}.{}.",
                URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#),
                URL_SAFE_NO_PAD.encode(r#"{"exp":9999999999}"#)
            ),
            format!("{}.{}.", URL_SAFE_NO_PAD.encode(r#"{"alg":"none"}"#), URL_SAFE_NO_PAD.encode(r#"{"sub":"a"}"#)),
        ] {
            let mut exchange = Exchange::Start;
            match exchange.step(&message(&token), now_s * 1000, &validate) {
                Step::Challenge(c) => assert_eq!(c, INVALID_TOKEN.as_bytes(), "{token}"),
                other => panic!("{token}: {other:?}"),
            }
            match exchange.step(b"\x01", now_s * 1000, &validate) {
                Step::Fail(f) => assert_eq!(f.message.as_deref(), Some(INVALID_TOKEN)),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(
            Exchange::Start.step(b"n,,auth=Bearer x", 0, &validate),
            Step::Fail(Failure { message: None, .. })
        ));
    }
}
