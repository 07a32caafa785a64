//! A failed SASL authentication reaches the admin caller at once (not after
//! `default.api.timeout.ms` of retries), against a tiny broker that refuses every password.

use std::time::{Duration, Instant};

use bytes::BytesMut;
use kfk_admin::{Admin, AdminConfig};
use kfk_client::config::SecurityConfig;
use kfk_client::sasl::plain::Plain;
use kfk_protocol::ErrorCode;
use kfk_protocol::frame::{self, FrameDecoder};
use kfk_protocol::messages::api_versions::response::ApiVersion;
use kfk_protocol::messages::{
    ApiKey, ApiVersionsResponse, RequestBody, ResponseBody, SaslAuthenticateResponse, SaslHandshakeResponse,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

async fn refuse_everyone(mut socket: TcpStream) {
    let decoder = FrameDecoder::new(1 << 20);
    let mut buf = BytesMut::new();
    loop {
        let frame = loop {
            match decoder.next_frame(&mut buf) {
                Ok(Some(f)) => break f,
                Ok(None) => {}
                Err(_) => return,
            }
            if socket.read_buf(&mut buf).await.unwrap_or(0) == 0 {
                return;
            }
        };
        let Ok((header, body)) = frame::decode_request(frame) else { return };
        let response: ResponseBody = match body {
            RequestBody::ApiVersions(_) => ApiVersionsResponse {
                api_keys: [
                    (ApiKey::ApiVersions, 0, 4),
                    (ApiKey::Metadata, 0, 12),
                    (ApiKey::Produce, 3, 12),
                    (ApiKey::Fetch, 4, 17),
                    (ApiKey::SaslHandshake, 0, 1),
                    (ApiKey::SaslAuthenticate, 0, 2),
                ]
                .iter()
                .map(|&(k, min, max)| ApiVersion {
                    api_key: k.key(),
                    min_version: min,
                    max_version: max,
                    ..Default::default()
                })
                .collect(),
                ..Default::default()
            }
            .into(),
            RequestBody::SaslHandshake(_) => {
                SaslHandshakeResponse { mechanisms: vec!["PLAIN".into()], ..Default::default() }.into()
            }
            RequestBody::SaslAuthenticate(_) => SaslAuthenticateResponse {
                error_code: ErrorCode::SASL_AUTHENTICATION_FAILED.0,
                error_message: Some("Authentication failed: Invalid username or password".into()),
                ..Default::default()
            }
            .into(),
            _ => return,
        };
        let mut out = BytesMut::new();
        if frame::encode_response(&mut out, header.correlation_id, &response, header.request_api_version).is_err()
            || socket.write_all(&out).await.is_err()
        {
            return;
        }
    }
}

#[tokio::test]
async fn admin_reports_an_authentication_failure_at_once() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(refuse_everyone(socket));
        }
    });
    let config =
        AdminConfig::new(&addr).with_security(SecurityConfig::sasl_plaintext(Plain::new("admin", "wrong-password")));
    let admin = Admin::new(config).expect("admin");
    let started = Instant::now();
    let err = admin.list_topics(Default::default()).await.expect_err("authentication must fail");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    let text = err.to_string();
    assert!(text.contains("SASL authentication with PLAIN failed"), "{text}");
    assert!(!text.contains("wrong-password"), "{text}");
}
