//! Setting up an integration test with the harness: `TestCluster::start()` gives the cluster
//! `KAFKA_BOOTSTRAP_SERVERS` names, else the in-process stub (a JVM broker or a container only
//! when `KAFKA_TEST_BACKEND` asks for one), and says which it picked.
//!
//! ```text
//! cargo run -p examples --example integration_test
//! KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 cargo run -p examples --example integration_test
//! KAFKA_TEST_BACKEND=jvm cargo run -p examples --example integration_test
//! ```
//!
//! In a test of your own, the same lines go in a `#[tokio::test]`:
//!
//! ```ignore
//! #[tokio::test]
//! async fn orders_are_published() -> Result<(), Box<dyn std::error::Error>> {
//!     let kafka = kfk_stub::testing::TestCluster::start().await?;
//!     // ... run the code under test against kafka.bootstrap() ...
//!     kafka.shutdown().await;
//!     Ok(())
//! }
//! ```
//!
//! (with `server-stub = { version = "0.1", features = ["testing"] }` in `[dev-dependencies]`).
//! Here it connects and asks the broker which API versions it speaks, the first thing any
//! client does.

use std::error::Error;
use std::time::Duration;

use bytes::{Bytes, BytesMut};
use kfk_protocol::frame;
use kfk_protocol::messages::{ApiVersionsRequest, ApiVersionsResponse};
use kfk_stub::testing::TestCluster;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        // `TestingError`s explain themselves (what failed, what to do): print them as they are.
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let kafka = TestCluster::start().await?;
    println!("backend:   {}", kafka.kind());
    println!("bootstrap: {}", kafka.bootstrap());
    println!("what:      {}", kafka.description());

    let versions = tokio::time::timeout(Duration::from_secs(10), api_versions(kafka.first_address()))
        .await
        .map_err(|_| "no ApiVersions answer within 10 s")??;
    println!("connected: the broker speaks {} APIs (error code {})", versions.api_keys.len(), versions.error_code);

    kafka.shutdown().await;
    Ok(())
}

/// One ApiVersions round trip (v3, which every KRaft-era broker speaks).
async fn api_versions(addr: &str) -> Result<ApiVersionsResponse, Box<dyn Error>> {
    const VERSION: i16 = 3;
    let mut stream = TcpStream::connect(addr).await?;
    let request = ApiVersionsRequest {
        client_software_name: "integration-test-example".into(),
        client_software_version: "0.1.0".into(),
        ..Default::default()
    };
    let mut out = BytesMut::new();
    frame::encode_request(&mut out, 1, Some("example"), &request, VERSION)?;
    stream.write_all(&out).await?;
    let size = usize::try_from(stream.read_i32().await?)?;
    if size > 1 << 20 {
        return Err(format!("an ApiVersions response of {size} bytes").into());
    }
    let mut body = vec![0u8; size];
    stream.read_exact(&mut body).await?;
    let (_correlation_id, response) = frame::decode_response::<ApiVersionsRequest>(Bytes::from(body), VERSION)?;
    Ok(response)
}
