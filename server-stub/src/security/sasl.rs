//! SASL on a connection, as Kafka's `SaslServerAuthenticator` and `SocketServer` run it.
//!
//! On a SASL listener a connection starts unauthenticated: it may send ApiVersions and
//! SaslHandshake (v1: the mechanism's messages then travel in SaslAuthenticate requests), then
//! SaslAuthenticate until the mechanism finishes. Anything else closes the connection (Kafka:
//! "Unexpected Kafka request of type ... during SASL handshake"), and so does a failed
//! authentication, after its answer: SASL_AUTHENTICATION_FAILED with Kafka's message, or
//! UNSUPPORTED_SASL_MECHANISM listing the enabled mechanisms. Both answers wait for
//! `connection.failed.authentication.delay.ms` first, as Kafka delays them.
//!
//! SaslHandshake v0 is the flow before KIP-152: after its answer the client sends the
//! mechanism's messages as raw tokens, each framed by a 4-byte length and nothing else (no
//! request header), and the broker answers each with a token framed the same way
//! ([`Session::raw_token`]). A failed exchange has no error field to answer with: the
//! connection is closed after the delay.
//!
//! KIP-368: when the session has a lifetime (`connections.max.reauth.ms`, or an OAUTHBEARER
//! token's expiry), SaslAuthenticate v1+ tells it, the client may run SaslHandshake and
//! SaslAuthenticate again on the same connection (same mechanism, same principal, at most once
//! a second), and a request other than SaslHandshake after the session expired closes the
//! connection. On a listener without SASL, or when re-authentication is not possible, both
//! requests are answered ILLEGAL_SASL_STATE, as Kafka's request handlers do.

use std::time::Duration;

use kfk_protocol::messages::{RequestBody, ResponseBody, SaslAuthenticateResponse, SaslHandshakeResponse};
use kfk_protocol::ErrorCode;
use tokio::time::Instant;
use tracing::{debug, info};

use super::{oauthbearer, plain, scram, SaslMechanism, SecurityConfig, SecurityProtocol, ANONYMOUS};
use crate::state::now_ms;

/// Kafka allows at most one re-authentication a second per connection.
const MIN_REAUTH_INTERVAL: Duration = Duration::from_secs(1);

/// What a mechanism says after one client message.
#[derive(Debug)]
pub(crate) enum Step {
    /// Send these bytes and wait for the client's next message.
    Challenge(Vec<u8>),
    /// Authenticated as `user`; send `reply` (may be empty). `credential_expiry_ms`: when the
    /// credential itself expires (wall clock), bounding the session.
    Done { reply: Vec<u8>, user: String, credential_expiry_ms: Option<i64> },
    /// Refused.
    Fail(Failure),
}

/// Why a mechanism refused. Kafka answers a `SaslAuthenticationException` with its own message
/// and any other `SaslException` with one generic message naming the mechanism.
#[derive(Debug)]
pub(crate) struct Failure {
    /// The message to send; `None`: the generic one.
    pub message: Option<String>,
    /// For the stub's debug log only (never a secret).
    pub detail: &'static str,
}

impl Failure {
    /// A refusal Kafka explains to the client.
    pub(crate) fn said(message: impl Into<String>) -> Failure {
        Failure { message: Some(message.into()), detail: "" }
    }

    /// A refusal answered with the generic message.
    pub(crate) fn invalid(detail: &'static str) -> Failure {
        Failure { message: None, detail }
    }

    fn message_for(&self, mechanism: SaslMechanism) -> String {
        self.message.clone().unwrap_or_else(|| {
            format!("Authentication failed during authentication due to invalid credentials with SASL mechanism {mechanism}")
        })
    }
}

/// Compares secrets without an early exit on the first differing byte.
pub(crate) fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A mechanism's exchange in progress.
#[derive(Debug)]
enum Exchange {
    Plain,
    Scram(scram::Exchange),
    OAuthBearer(oauthbearer::Exchange),
}

/// Where a connection's authentication stands.
#[derive(Debug)]
enum State {
    /// A listener without SASL.
    NoSasl,
    /// Waiting for SaslHandshake (first authentication).
    Handshake,
    /// Handshake done; SaslAuthenticate messages (`raw`: after a v0 handshake, raw tokens) go
    /// to the mechanism.
    Authenticating { mechanism: SaslMechanism, exchange: Exchange, reauth: bool, raw: bool },
    /// Authenticated; `expires`: when the session ends (KIP-368), if it does.
    Authenticated { mechanism: SaslMechanism, expires: Option<Instant> },
}

/// One connection's security: its listener's protocol, its principal, its SASL state.
#[derive(Debug)]
pub(crate) struct Session {
    /// Kafka's principal: `User:ANONYMOUS`, `User:<sasl user>`, `User:<certificate subject>`.
    pub principal: String,
    /// The client's software name and version, as its last valid ApiVersions (v3+) named
    /// them (Kafka's `ClientInformation`; `None` until then).
    pub software: Option<(String, String)>,
    state: State,
    last_reauth: Option<Instant>,
}

/// What the connection does with a request, as far as authentication goes. One lives per
/// request, briefly: its size does not matter.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Gate {
    /// Serve it as usual.
    Pass,
    /// Answer this (then close the connection if `close`).
    Answer { response: ResponseBody, close: bool },
    /// Close the connection without an answer.
    Close,
}

impl Session {
    /// A new connection on a listener of `protocol`, with the principal TLS gave it (if any).
    pub(crate) fn new(protocol: SecurityProtocol, tls_principal: Option<String>) -> Session {
        Session {
            principal: tls_principal.unwrap_or_else(|| ANONYMOUS.to_owned()),
            software: None,
            state: if protocol.is_sasl() { State::Handshake } else { State::NoSasl },
            last_reauth: None,
        }
    }

    /// Decides what happens to `request` (at `version`) on this connection, serving the SASL
    /// requests itself.
    pub(crate) fn gate(
        &mut self,
        config: &SecurityConfig,
        scram: &scram::Store,
        request: &RequestBody,
        version: i16,
    ) -> Gate {
        let now = Instant::now();
        match (&self.state, request) {
            (State::NoSasl, RequestBody::SaslHandshake(_)) => handshake_answer(ErrorCode::ILLEGAL_SASL_STATE, &[]),
            (State::NoSasl, RequestBody::SaslAuthenticate(_)) => authenticate_answer(
                ErrorCode::ILLEGAL_SASL_STATE,
                "SaslAuthenticate request received after successful authentication",
                false,
            ),
            (State::NoSasl, _) => Gate::Pass,
            (State::Handshake, RequestBody::ApiVersions(_)) => Gate::Pass,
            (State::Handshake, RequestBody::SaslHandshake(r)) => self.handshake(config, &r.mechanism, version, None),
            (State::Authenticating { raw: false, .. }, RequestBody::SaslAuthenticate(r)) => {
                self.authenticate(config, scram, &r.auth_bytes, version, now)
            }
            (State::Authenticated { mechanism, expires }, RequestBody::SaslHandshake(r)) => {
                let (mechanism, expires) = (*mechanism, *expires);
                let too_soon = self.last_reauth.is_some_and(|t| now.duration_since(t) < MIN_REAUTH_INTERVAL);
                if expires.is_none() || too_soon || version < 1 {
                    // Kafka hands the request to its request handler, which refuses it.
                    return handshake_answer(ErrorCode::ILLEGAL_SASL_STATE, &[]);
                }
                self.last_reauth = Some(now);
                self.handshake(config, &r.mechanism, version, Some(mechanism))
            }
            (State::Authenticated { expires, .. }, _) if expires.is_some_and(|e| now >= e) => {
                info!(principal = %self.principal, "session expired without re-authentication, closing");
                Gate::Close
            }
            (State::Authenticated { .. }, RequestBody::SaslAuthenticate(_)) => authenticate_answer(
                ErrorCode::ILLEGAL_SASL_STATE,
                "SaslAuthenticate request received after successful authentication",
                false,
            ),
            (State::Authenticated { .. }, _) => Gate::Pass,
            (state, other) => {
                debug!(
                    api = other.api_key().name(),
                    during = if matches!(state, State::Handshake) { "handshake" } else { "authentication" },
                    "unexpected Kafka request during SASL, closing"
                );
                Gate::Close
            }
        }
    }

    fn handshake(
        &mut self,
        config: &SecurityConfig,
        requested: &str,
        version: i16,
        previous: Option<SaslMechanism>,
    ) -> Gate {
        let enabled = config.enabled();
        let mechanism = enabled.iter().copied().find(|m| m.name() == requested);
        let Some(mechanism) = mechanism.filter(|m| previous.is_none_or(|p| p == *m)) else {
            debug!(requested, "unsupported SASL mechanism, closing after the answer");
            let names: Vec<&str> = enabled.iter().map(|m| m.name()).collect();
            return match handshake_answer(ErrorCode::UNSUPPORTED_SASL_MECHANISM, &names) {
                Gate::Answer { response, .. } => Gate::Answer { response, close: true },
                other => other,
            };
        };
        let exchange = match mechanism {
            SaslMechanism::Plain => Exchange::Plain,
            SaslMechanism::ScramSha256 | SaslMechanism::ScramSha512 => Exchange::Scram(scram::Exchange::Start),
            SaslMechanism::OAuthBearer => Exchange::OAuthBearer(oauthbearer::Exchange::Start),
        };
        self.state = State::Authenticating { mechanism, exchange, reauth: previous.is_some(), raw: version == 0 };
        let names: Vec<&str> = enabled.iter().map(|m| m.name()).collect();
        handshake_answer(ErrorCode::NONE, &names)
    }

    /// Whether the connection's next frame is a raw SASL token (after SaslHandshake v0), not a
    /// Kafka request.
    pub(crate) fn expects_raw_token(&self) -> bool {
        matches!(self.state, State::Authenticating { raw: true, .. })
    }

    /// Serves one raw SASL token (after SaslHandshake v0): `Some(token)` to send back framed by
    /// its length, `None` when the exchange failed (close after the failed-authentication
    /// delay, without an answer).
    pub(crate) fn raw_token(&mut self, config: &SecurityConfig, scram: &scram::Store, token: &[u8]) -> Option<Vec<u8>> {
        match self.authenticate(config, scram, token, 0, Instant::now()) {
            Gate::Answer { response: ResponseBody::SaslAuthenticate(r), close: false } => Some(r.auth_bytes.to_vec()),
            _ => None,
        }
    }

    fn authenticate(
        &mut self,
        config: &SecurityConfig,
        scram: &scram::Store,
        message: &[u8],
        version: i16,
        now: Instant,
    ) -> Gate {
        let State::Authenticating { mechanism, exchange, reauth, .. } = &mut self.state else {
            return Gate::Close;
        };
        let (mechanism, reauth) = (*mechanism, *reauth);
        let step = match exchange {
            Exchange::Plain => plain::authenticate(&config.plain_users, message),
            Exchange::Scram(e) => e.step(mechanism, message, |user| scram.get(mechanism, user), scram::random_nonce),
            Exchange::OAuthBearer(e) => {
                e.step(message, now_ms(), &|token, now| config.validate_oauth_token(token, now))
            }
        };
        match step {
            Step::Challenge(bytes) => Gate::Answer {
                response: SaslAuthenticateResponse { auth_bytes: bytes.into(), ..Default::default() }.into(),
                close: false,
            },
            Step::Fail(failure) => {
                info!(%mechanism, detail = failure.detail, "SASL authentication failed, closing after the answer");
                authenticate_answer(ErrorCode::SASL_AUTHENTICATION_FAILED, &failure.message_for(mechanism), true)
            }
            Step::Done { reply, user, credential_expiry_ms } => {
                let principal = format!("User:{user}");
                if reauth && principal != self.principal {
                    let message = format!(
                        "Cannot change principals during re-authentication from {}: {principal}",
                        self.principal
                    );
                    info!(%mechanism, "re-authentication changed the principal, closing after the answer");
                    return authenticate_answer(ErrorCode::SASL_AUTHENTICATION_FAILED, &message, true);
                }
                let lifetime_ms = session_lifetime_ms(config.max_reauth, credential_expiry_ms, now_ms());
                let expires = lifetime_ms.map(|ms| now + Duration::from_millis(ms.max(0) as u64));
                info!(%principal, %mechanism, reauth, lifetime_ms, "authenticated");
                self.principal = principal;
                self.state = State::Authenticated { mechanism, expires };
                let response = SaslAuthenticateResponse {
                    auth_bytes: reply.into(),
                    session_lifetime_ms: if version >= 1 { lifetime_ms.unwrap_or(0) } else { 0 },
                    ..Default::default()
                };
                Gate::Answer { response: response.into(), close: false }
            }
        }
    }
}

/// Kafka's `calcCompletionTimesAndReturnSessionLifetimeMs`: the session lasts
/// `connections.max.reauth.ms`, or until the credential expires, whichever comes first;
/// `None` when neither bounds it (no expiry, no re-authentication).
fn session_lifetime_ms(max_reauth: Option<Duration>, credential_expiry_ms: Option<i64>, now_ms: i64) -> Option<i64> {
    let max_reauth_ms = max_reauth.map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX)).filter(|&ms| ms > 0);
    match (credential_expiry_ms, max_reauth_ms) {
        (None, None) => None,
        (None, Some(max)) => Some(max),
        (Some(expiry), None) => Some(expiry.saturating_sub(now_ms).max(0)),
        (Some(expiry), Some(max)) => Some(expiry.saturating_sub(now_ms).min(max).max(0)),
    }
}

fn handshake_answer(code: ErrorCode, mechanisms: &[&str]) -> Gate {
    let response = SaslHandshakeResponse {
        error_code: code.0,
        mechanisms: mechanisms.iter().map(|m| (*m).to_owned()).collect(),
        ..Default::default()
    };
    Gate::Answer { response: response.into(), close: false }
}

fn authenticate_answer(code: ErrorCode, message: &str, close: bool) -> Gate {
    let response =
        SaslAuthenticateResponse { error_code: code.0, error_message: Some(message.to_owned()), ..Default::default() };
    Gate::Answer { response: response.into(), close }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_lifetime_is_the_shorter_bound() {
        let s = Duration::from_secs;
        assert_eq!(session_lifetime_ms(None, None, 0), None);
        assert_eq!(session_lifetime_ms(Some(s(0)), None, 0), None, "0 disables re-authentication");
        assert_eq!(session_lifetime_ms(Some(s(5)), None, 0), Some(5000));
        assert_eq!(session_lifetime_ms(None, Some(3000), 1000), Some(2000));
        assert_eq!(session_lifetime_ms(Some(s(5)), Some(3000), 1000), Some(2000));
        assert_eq!(session_lifetime_ms(Some(s(1)), Some(3000), 1000), Some(1000));
        assert_eq!(session_lifetime_ms(None, Some(0), 1000), Some(0));
    }

    /// Random and mangled messages through every mechanism, at every step: refusals, never a
    /// panic.
    #[test]
    fn mechanisms_survive_hostile_bytes() {
        let mut config = SecurityConfig::default();
        config.plain_users.insert("alice".into(), "secret".into());
        for m in [SaslMechanism::ScramSha256, SaslMechanism::ScramSha512] {
            config.scram_passwords.push((m, "alice".into(), "secret".into(), 4096));
        }
        config.salt_scram_passwords().expect("credentials");
        let store = scram::Store::new(config.scram.clone());
        let seeds: [&[u8]; 6] = [
            b"\0alice\0secret",
            b"n,,n=alice,r=abc",
            b"n,a=alice,n=alice,r=abc,ext=1",
            b"c=biws,r=abcdef,p=AAAA",
            b"n,,\x01auth=Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.\x01\x01",
            b"\x01",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for round in 0..3000 {
            let mechanism = SaslMechanism::ALL[round % 4];
            let mut session = Session::new(SecurityProtocol::SaslPlaintext, None);
            let handshake = RequestBody::SaslHandshake(kfk_protocol::messages::SaslHandshakeRequest {
                mechanism: mechanism.name().into(),
                ..Default::default()
            });
            assert!(matches!(session.gate(&config, &store, &handshake, 1), Gate::Answer { close: false, .. }));
            for _ in 0..3 {
                let mut message = seeds[(next() % 6) as usize].to_vec();
                match next() % 4 {
                    0 => message = (0..next() % 300).map(|_| next() as u8).collect(),
                    1 => {
                        for _ in 0..1 + next() % 5 {
                            if !message.is_empty() {
                                let i = (next() as usize) % message.len();
                                message[i] = next() as u8;
                            }
                        }
                    }
                    2 => message.truncate((next() as usize) % (message.len() + 1)),
                    _ => {}
                }
                let request = RequestBody::SaslAuthenticate(kfk_protocol::messages::SaslAuthenticateRequest {
                    auth_bytes: message.into(),
                    ..Default::default()
                });
                match session.gate(&config, &store, &request, 2) {
                    Gate::Answer { close: false, .. } => {}
                    _ => break,
                }
            }
        }
    }
}
