//! Client metrics in Prometheus' text format: produce and consume, then scrape.
//!
//! ```sh
//! cargo run --example metrics                      # in-process stub: one scrape, printed
//! cargo run --example metrics -- --serve 127.0.0.1:9464   # serve /metrics until Ctrl-C
//! KAFKA_BOOTSTRAP_SERVERS=localhost:9092 cargo run --example metrics   # your cluster
//! ```
//!
//! It produces 1,000 records to a fresh 3-partition topic, reads 600 of them back (so
//! `records-lag` shows what is left), and prints the producer's and the consumer's metrics as
//! one Prometheus scrape. With `--serve ADDR` it keeps producing and consuming and answers
//! `GET /metrics` on ADDR with a fresh scrape each time (a tiny HTTP/1.1 server on a tokio
//! listener: enough for Prometheus, not a web framework). Applications that already run a
//! `metrics` exporter use `MetricsSnapshot::export` (feature `metrics`) instead.

use std::time::Duration;

use kfk_admin::{Admin, AdminConfig};
use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::{Producer, ProducerRecord};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const RECORDS: usize = 1_000;
const READ: usize = 600;

#[tokio::main]
async fn main() -> Result<(), examples::BoxError> {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).init();
    let serve = std::env::args().skip_while(|a| a != "--serve").nth(1);
    let (bootstrap, _stub) = examples::broker().await?;

    let producer =
        Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).client_id("metrics-demo").build()?)?;
    let topic = format!("metrics-{}", std::process::id());
    let admin = Admin::new(AdminConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
    examples::create_topic(&admin, &topic, 3).await?;
    produce(&producer, &topic, RECORDS).await?;

    let config = ConsumerConfig::builder()
        .bootstrap_servers(&bootstrap)
        .client_id("metrics-demo")
        .auto_offset_reset(OffsetReset::Earliest)
        .max_poll_records(100)
        .build()?;
    let consumer = Consumer::new(config)?;
    consumer.assign((0..3).map(|p| (topic.as_str(), p)));
    consume(&consumer, READ).await?;

    let Some(addr) = serve else {
        print!("{}", scrape(&producer, &consumer));
        return Ok(());
    };
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    eprintln!("serving http://{addr}/metrics (Ctrl-C stops)");
    // Keep the numbers moving while Prometheus scrapes.
    let (p, c, t) = (producer.clone(), consumer.clone(), topic.clone());
    tokio::spawn(async move {
        loop {
            if produce(&p, &t, 100).await.is_err() || consume(&c, 100).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
    loop {
        let (mut socket, _) = listener.accept().await?;
        let body = scrape(&producer, &consumer);
        tokio::spawn(async move {
            // One request per connection: read the request head, answer, close.
            let mut head = [0u8; 1024];
            let n = socket.read(&mut head).await.unwrap_or(0);
            let found = head[..n].starts_with(b"GET /metrics ");
            let (status, body) = if found { ("200 OK", body) } else { ("404 Not Found", String::new()) };
            let response = format!(
                "HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(response.as_bytes()).await;
        });
    }
}

/// The producer's and the consumer's metrics, as one Prometheus scrape.
fn scrape(producer: &Producer, consumer: &Consumer) -> String {
    let mut snapshot = producer.metrics();
    snapshot.metrics.extend(consumer.metrics().metrics);
    snapshot.to_prometheus()
}

async fn produce(producer: &Producer, topic: &str, n: usize) -> Result<(), examples::BoxError> {
    let mut deliveries = Vec::with_capacity(n);
    for i in 0..n {
        let value = format!("event {i}");
        deliveries.push(producer.enqueue(ProducerRecord::new(topic).value(value.as_bytes())).await?);
    }
    for delivery in deliveries {
        delivery.await?;
    }
    Ok(())
}

async fn consume(consumer: &Consumer, n: usize) -> Result<(), examples::BoxError> {
    let mut read = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    while read < n && tokio::time::Instant::now() < deadline {
        read += consumer.poll(Duration::from_millis(500)).await?.len();
    }
    Ok(())
}
