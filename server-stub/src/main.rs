//! `server-stub`: run a stub cluster until Ctrl-C.
//!
//! ```text
//! cargo run -p server-stub -- --brokers 3 --port 19092
//! KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094
//! ```
//!
//! Options: `--brokers N` (default 1), `--port P` (first port, default 9092; 0 for ephemeral),
//! `--partitions N` (default partitions of new topics), `--no-auto-create`,
//! `--max-partitions-per-request N` (default 10000), `--max-partitions N` (cluster-wide,
//! default 100000), `--connections-max-idle-ms MS` (default 600000),
//! `--request-read-timeout-ms MS` (default 30000), `--decompression-threads N` (default:
//! cores - 1, at least 1).

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use server_stub::StubCluster;

fn usage() -> ExitCode {
    eprintln!(
        "usage: server-stub [--brokers N] [--port P] [--partitions N] [--no-auto-create] \
         [--max-partitions-per-request N] [--max-partitions N] [--connections-max-idle-ms MS] \
         [--request-read-timeout-ms MS] [--decompression-threads N]"
    );
    ExitCode::from(2)
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut builder = StubCluster::builder().port_base(9092);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> Option<String> {
            let v = args.next();
            if v.is_none() {
                eprintln!("{name} needs a value");
            }
            v
        };
        builder = match arg.as_str() {
            "--brokers" => match value("--brokers").and_then(|v| v.parse().ok()) {
                Some(n) => builder.brokers(n),
                None => return usage(),
            },
            "--port" => match value("--port").and_then(|v| v.parse().ok()) {
                Some(p) => builder.port_base(p),
                None => return usage(),
            },
            "--partitions" => match value("--partitions").and_then(|v| v.parse().ok()) {
                Some(n) => builder.default_partitions(n),
                None => return usage(),
            },
            "--no-auto-create" => builder.auto_create_topics(false),
            "--max-partitions-per-request" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(n) => builder.max_partitions_per_request(n),
                None => return usage(),
            },
            "--max-partitions" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(n) => builder.max_partitions(n),
                None => return usage(),
            },
            "--connections-max-idle-ms" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(ms) => builder.connections_max_idle(Duration::from_millis(ms)),
                None => return usage(),
            },
            "--request-read-timeout-ms" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(ms) => builder.request_read_timeout(Duration::from_millis(ms)),
                None => return usage(),
            },
            "--decompression-threads" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(n) => builder.decompression_threads(n),
                None => return usage(),
            },
            "-h" | "--help" => return usage(),
            other => {
                eprintln!("unknown argument {other}");
                return usage();
            }
        };
    }
    let cluster = match builder.start().await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("server-stub: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "KAFKA_BOOTSTRAP_SERVERS={}", cluster.bootstrap());
    let _ = stdout.flush();
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("server-stub: cannot wait for Ctrl-C: {e}");
    }
    cluster.shutdown().await;
    ExitCode::SUCCESS
}
