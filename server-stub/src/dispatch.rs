//! From a request frame to a response frame: header, version check, faults, handler, encoding.
//!
//! A request whose API key or version the protocol crate does not know, or whose body cannot be
//! decoded, closes the connection, as Kafka's `SocketServer` does. A known API or version the
//! stub does not serve (absent from its ApiVersions) is answered at the request's version with
//! UNSUPPORTED_VERSION in the response's error fields ([`handlers::unsupported`]); only when
//! that response has no error field is the connection closed. ApiVersions at a version the stub
//! does not serve is answered at version 0 with UNSUPPORTED_VERSION and the supported ranges, so
//! the client can retry with one it knows.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::{BufMut, Bytes, BytesMut};
use kfk_protocol::frame;
use kfk_protocol::messages::{ApiKey, ApiVersionsResponse, RequestBody, ResponseBody};
use tracing::{debug, warn, Instrument};

use crate::faults::DropMode;
use crate::handlers::{self, Ctx, Served};
use crate::security::sasl::Gate;
use crate::security::Session;
use crate::state::Shared;

/// What the connection does after a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Write the response now in the output buffer.
    Reply,
    /// Nothing to write (Produce with acks=0); read the next request.
    NoReply,
    /// Write the response in the output buffer after the failed-authentication delay, then
    /// close the connection (a failed authentication, as Kafka answers it).
    ReplyThenClose,
    /// Close the connection after the failed-authentication delay, without an answer (a failed
    /// SaslHandshake v0 exchange, whose raw tokens have no error field).
    CloseAfterDelay,
    /// Close the connection.
    Close,
}

/// Serves one request frame, leaving the response frame (if any) in `out`.
pub(crate) async fn handle(
    shared: &Arc<Shared>,
    broker: i32,
    peer: SocketAddr,
    session: &mut Session,
    listener: usize,
    frame: Bytes,
    out: &mut BytesMut,
) -> Outcome {
    if session.expects_raw_token() {
        // After SaslHandshake v0 the frame is a raw SASL token, not a request.
        return match session.raw_token(&shared.config.security, &shared.scram, &frame) {
            Some(token) => {
                out.put_u32(u32::try_from(token.len()).unwrap_or(u32::MAX));
                out.put_slice(&token);
                Outcome::Reply
            }
            None => Outcome::CloseAfterDelay,
        };
    }
    let mut body_bytes = frame;
    let (api, header) = match frame::decode_request_header(&mut body_bytes) {
        Ok(h) => h,
        Err(e) => {
            debug!(error = %e, "undecodable request header, closing");
            return Outcome::Close;
        }
    };
    let version = header.request_api_version;
    let correlation_id = header.correlation_id;
    let span = tracing::debug_span!("request", api = api.name(), version, correlation_id);
    async move {
        let request_faults = shared.faults().on_request(broker, api);
        let served = handlers::api_versions::supported(&shared.config, api).filter(|r| r.contains(version));
        if served.is_none() && api == ApiKey::ApiVersions {
            let response = ApiVersionsResponse {
                error_code: kfk_protocol::ErrorCode::UNSUPPORTED_VERSION.0,
                api_keys: handlers::api_versions::advertised(&shared.config),
                ..Default::default()
            };
            return encode(out, correlation_id, &response.into(), 0);
        }
        if !api.versions().contains(version) {
            debug!("version unknown to the protocol crate, closing");
            return Outcome::Close;
        }
        let request = match RequestBody::decode(api, &mut body_bytes, version) {
            Ok(r) => r,
            Err(e) => {
                debug!(error = %e, "undecodable request, closing");
                return Outcome::Close;
            }
        };
        // Authentication first: before it (SASL listeners) only ApiVersions and the SASL
        // requests are allowed, and those the session answers itself, fault-free.
        match session.gate(&shared.config.security, &shared.scram, &request, version) {
            Gate::Pass => {}
            Gate::Answer { response, close } => {
                return match encode(out, correlation_id, &response, version) {
                    Outcome::Reply if close => Outcome::ReplyThenClose,
                    other => other,
                };
            }
            Gate::Close => return Outcome::Close,
        }
        if let RequestBody::ApiVersions(r) = &request {
            // Kafka keeps the software a valid ApiVersions names for the connection (client
            // metrics subscriptions match on it).
            let valid = handlers::api_versions::valid_software_field;
            if version >= 3 && valid(&r.client_software_name) && valid(&r.client_software_version) {
                session.software = Some((r.client_software_name.clone(), r.client_software_version.clone()));
            }
        }
        if served.is_none() {
            let brokers = handlers::metadata::brokers_only(shared, listener, version);
            return match handlers::unsupported::response(&request, version, brokers) {
                Some(r) => {
                    debug!("API or version not served: UNSUPPORTED_VERSION");
                    encode(out, correlation_id, &r, version)
                }
                None => {
                    debug!("API or version not served and its response carries no error, closing");
                    Outcome::Close
                }
            };
        }
        if request_faults.drop == Some(DropMode::BeforeHandling) {
            debug!("fault: dropping connection before handling");
            return Outcome::Close;
        }
        if !request_faults.delay.is_zero() {
            tokio::time::sleep(request_faults.delay).await;
        }
        let response = match request_faults.error {
            Some(code) => {
                debug!(code, "fault: answering with an error");
                let brokers = handlers::metadata::brokers_only(shared, listener, version);
                match handlers::error_answer::answer(&request, version, code, brokers) {
                    Some(r) => Some(r),
                    None => return Outcome::Close,
                }
            }
            None => {
                let mut ctx = Ctx {
                    broker,
                    version,
                    client_id: header.client_id.clone().unwrap_or_default(),
                    client_host: format!("/{}", peer.ip()),
                    client_port: peer.port(),
                    client_software: session.software.clone(),
                    listener,
                    principal: session.principal.clone(),
                    acls: shared.authorizer.as_ref().map(|a| a.snapshot()),
                    partition_faults: HashMap::new(),
                };
                ctx.partition_faults = partition_faults(shared, broker, &request);
                let served = match ctx.acls {
                    Some(_) => handlers::authorization::serve(shared, &ctx, request).await,
                    None => handlers::serve(shared, &ctx, request).await,
                };
                match served {
                    Served::Reply(r) => Some(r),
                    Served::NoReply => None,
                    Served::Close => return Outcome::Close,
                }
            }
        };
        if request_faults.drop == Some(DropMode::AfterHandling) {
            debug!("fault: dropping connection after handling");
            return Outcome::Close;
        }
        if !request_faults.answer_delay.is_zero() {
            tokio::time::sleep(request_faults.answer_delay).await;
        }
        match response {
            Some(r) => encode(out, correlation_id, &r, version),
            None => Outcome::NoReply,
        }
    }
    .instrument(span)
    .await
}

/// Claims partition-scoped error faults for the partitions of a Produce, Fetch, ListOffsets,
/// DeleteRecords or DescribeProducers.
fn partition_faults(shared: &Shared, broker: i32, request: &RequestBody) -> HashMap<(String, i32), i16> {
    let api = request.api_key();
    if !shared.faults().has_partition_rules(api) {
        return HashMap::new();
    }
    let partitions: Vec<(String, i32)> = {
        let state = shared.state();
        let name = |name: &str, id: kfk_protocol::Uuid| -> String {
            if name.is_empty() && id != kfk_protocol::Uuid::ZERO {
                state.topic_name(id).unwrap_or_default().to_owned()
            } else {
                name.to_owned()
            }
        };
        match request {
            RequestBody::Produce(r) => r
                .topic_data
                .iter()
                .flat_map(|t| t.partition_data.iter().map(move |p| (t, p.index)))
                .map(|(t, p)| (name(&t.name, t.topic_id), p))
                .collect(),
            RequestBody::Fetch(r) => r
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter().map(move |p| (t, p.partition)))
                .map(|(t, p)| (name(&t.topic, t.topic_id), p))
                .collect(),
            RequestBody::ListOffsets(r) => r
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter().map(move |p| (t.name.clone(), p.partition_index)))
                .collect(),
            RequestBody::DeleteRecords(r) => r
                .topics
                .iter()
                .flat_map(|t| t.partitions.iter().map(move |p| (t.name.clone(), p.partition_index)))
                .collect(),
            RequestBody::DescribeProducers(r) => {
                r.topics.iter().flat_map(|t| t.partition_indexes.iter().map(move |&p| (t.name.clone(), p))).collect()
            }
            _ => Vec::new(),
        }
    };
    shared.faults().partition_errors(broker, api, &partitions)
}

fn encode(out: &mut BytesMut, correlation_id: i32, response: &ResponseBody, version: i16) -> Outcome {
    match frame::encode_response(out, correlation_id, response, version) {
        Ok(()) => Outcome::Reply,
        Err(e) => {
            // A stub bug (a field the version cannot carry): say so loudly, never panic.
            warn!(error = %e, "cannot encode response, closing");
            Outcome::Close
        }
    }
}
