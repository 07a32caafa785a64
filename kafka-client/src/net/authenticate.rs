//! The SASL step of connection setup, and re-authentication (KIP-368).
//!
//! After ApiVersions, a connection configured with a [`Mechanism`] sends `SaslHandshake` (v1)
//! naming it, then one `SaslAuthenticate` per message the mechanism's [`Exchange`] produces,
//! handing each answer back, until the exchange is [`Step::Done`]. Only then is the connection
//! handed to its caller.
//!
//! **Re-authentication.** A broker with `connections.max.reauth.ms` answers the last
//! `SaslAuthenticate` with the session's lifetime; past it, the broker closes the connection.
//! The connection then runs a new exchange at a random point between 85% and 95% of the
//! lifetime, as the Java client does. A broker reads a connection's requests one at a time, in
//! order, and during a re-authentication it expects `SaslHandshake` and `SaslAuthenticate` as
//! the next requests. So the re-authentication goes through the connection's one writer, on
//! a channel of its own: once the writer takes its first frame it writes nothing else until
//! the exchange ends, and ordinary requests wait in their channel meanwhile (their timeouts
//! keep running). Requests written before it are answered before it (the broker keeps the
//! order), and their answers are routed by correlation id as always: nothing in flight fails.
//! A failed re-authentication closes the connection (its requests fail as disconnected and
//! are retried over a new connection, whose setup reports the authentication error).

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use kfk_protocol::messages::{
    ApiKey, SaslAuthenticateRequest, SaslAuthenticateResponse, SaslHandshakeRequest, SaslHandshakeResponse,
};
use kfk_protocol::{ErrorCode, Request};
use tracing::{debug, info, warn};

use super::connection::Link;
use super::versions::ApiVersions;
use crate::error::{Error, Result};
use crate::sasl::{Exchange, Mechanism, Step};

/// How a request reaches the writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// With every other request (and during setup, when nothing else is on the connection).
    Ordinary,
    /// As part of a re-authentication: nothing else is written until it ends.
    Reauth,
}

async fn request<R: Request>(link: &Link, request: &R, version: i16, route: Route) -> Result<R::Response> {
    link.request(request, version, link.request_timeout(), route).await
}

fn version(link: &Link, versions: &ApiVersions, api: ApiKey, min: i16) -> Result<i16> {
    let unsupported = |theirs: String| Error::UnsupportedVersion {
        broker: link.broker().clone(),
        api: api.into(),
        ours: format!("{min}..={}", api.versions().max),
        theirs,
    };
    let v = versions.negotiate(api).map_err(unsupported)?;
    if v < min {
        return Err(unsupported(format!("up to {v}")));
    }
    Ok(v)
}

/// Runs one SASL exchange with `mechanism`. Returns the session lifetime the broker set
/// (KIP-368), if any.
pub(crate) async fn authenticate(
    link: &Link,
    versions: &ApiVersions,
    mechanism: &dyn Mechanism,
    route: Route,
) -> Result<Option<Duration>> {
    let broker = link.broker().clone();
    let name = mechanism.name().to_string();
    // v0 of SaslHandshake is followed by raw SASL tokens, not SaslAuthenticate: every broker
    // since Kafka 1.0 speaks v1.
    let handshake_version = version(link, versions, ApiKey::SaslHandshake, 1)?;
    let handshake: SaslHandshakeResponse = request(
        link,
        &SaslHandshakeRequest { mechanism: name.clone(), ..Default::default() },
        handshake_version,
        route,
    )
    .await?;
    match ErrorCode(handshake.error_code) {
        ErrorCode::NONE => {}
        ErrorCode::UNSUPPORTED_SASL_MECHANISM => {
            return Err(Error::SaslMechanismUnsupported { broker, mechanism: name, offered: handshake.mechanisms })
        }
        code => return Err(Error::kafka(code, None, format!("SaslHandshake ({name}) on {broker}"))),
    }
    let authenticate_version = version(link, versions, ApiKey::SaslAuthenticate, 0)?;
    let mut exchange: Box<dyn Exchange> =
        mechanism.begin(&broker).await.map_err(|source| Error::Sasl { broker: broker.clone(), source })?;
    let mut challenge: Option<Bytes> = None;
    let mut lifetime_ms = 0i64;
    let mut round = 0u32;
    loop {
        let step =
            exchange.step(challenge.as_deref()).map_err(|source| Error::Sasl { broker: broker.clone(), source })?;
        match step {
            Step::Done => break,
            Step::Respond(bytes) => {
                round += 1;
                let answer: SaslAuthenticateResponse = request(
                    link,
                    &SaslAuthenticateRequest { auth_bytes: Bytes::from(bytes), ..Default::default() },
                    authenticate_version,
                    route,
                )
                .await?;
                match ErrorCode(answer.error_code) {
                    ErrorCode::NONE => {}
                    ErrorCode::SASL_AUTHENTICATION_FAILED => {
                        return Err(Error::SaslAuthenticationFailed {
                            broker,
                            mechanism: name,
                            message: answer.error_message,
                        })
                    }
                    code => {
                        return Err(Error::kafka(
                            code,
                            answer.error_message,
                            format!("SaslAuthenticate ({name}) on {broker}"),
                        ))
                    }
                }
                lifetime_ms = answer.session_lifetime_ms;
                challenge = Some(answer.auth_bytes);
            }
        }
    }
    debug!(mechanism = %name, rounds = round, session_lifetime_ms = lifetime_ms, "authenticated");
    Ok((lifetime_ms > 0).then(|| Duration::from_millis(lifetime_ms as u64)))
}

/// When to re-authenticate a session of `lifetime`: at a random point between 85% and 95% of
/// it, so that a client's connections do not all re-authenticate at once.
pub(crate) fn reauth_delay(lifetime: Duration) -> Duration {
    lifetime.mul_f64(0.85 + 0.10 * fastrand::f64())
}

/// Re-authenticates before each session expires, for as long as the connection lives (the
/// task is aborted with the connection).
pub(crate) async fn reauthenticate(
    link: Link,
    versions: Arc<ApiVersions>,
    mechanism: Arc<dyn Mechanism>,
    mut lifetime: Duration,
) {
    loop {
        tokio::time::sleep(reauth_delay(lifetime)).await;
        if link.is_closed() {
            return;
        }
        let outcome = authenticate(&link, &versions, &*mechanism, Route::Reauth).await;
        link.end_reauth();
        match outcome {
            Ok(Some(next)) => {
                debug!(session_lifetime_ms = next.as_millis() as u64, "re-authenticated");
                lifetime = next;
            }
            Ok(None) => {
                info!("re-authenticated; the broker set no session lifetime this time");
                return;
            }
            Err(e) => {
                warn!(error = %e, "re-authentication failed; closing the connection");
                link.fail();
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reauth_between_85_and_95_percent() {
        for _ in 0..1000 {
            let d = reauth_delay(Duration::from_secs(100));
            assert!(d >= Duration::from_secs(85) && d <= Duration::from_secs(95), "{d:?}");
        }
    }
}
