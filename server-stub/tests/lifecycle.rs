//! Starting, stopping and the standalone binary.

mod common;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kfk_stub::StubCluster;

fn can_bind(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

#[tokio::test]
async fn dropping_the_last_handle_releases_the_ports() {
    let cluster = StubCluster::builder().brokers(3).start().await.expect("starts");
    let ports: Vec<u16> = (0..3).map(|b| cluster.broker_addr(b).expect("exists").port()).collect();
    assert_eq!(cluster.bootstrap(), ports.iter().map(|p| format!("127.0.0.1:{p}")).collect::<Vec<_>>().join(","));
    let clone = cluster.clone();
    drop(cluster);
    assert!(ports.iter().all(|&p| !can_bind(p)), "a clone keeps the cluster running");
    drop(clone);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !ports.iter().all(|&p| can_bind(p)) {
        assert!(Instant::now() < deadline, "ports still bound after the last handle was dropped");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn shutdown_closes_ports_and_port_base_is_honoured() {
    // Find a free range by binding ephemeral ports first.
    let cluster = StubCluster::builder().brokers(2).start().await.expect("starts");
    let base = cluster.broker_addr(0).expect("exists").port();
    cluster.shutdown().await;
    assert!(can_bind(base));
    let Ok(cluster) = StubCluster::builder().brokers(1).port_base(base).start().await else {
        return; // someone else took the port meanwhile
    };
    assert_eq!(cluster.bootstrap(), format!("127.0.0.1:{base}"));
    cluster.shutdown().await;
    assert!(can_bind(base));
}

#[test]
fn handle_is_send_sync_clone() {
    fn check<T: Send + Sync + Clone + 'static>() {}
    check::<StubCluster>();
    check::<kfk_stub::Faults>();
}

/// Runs the binary with `--brokers 3 --port <port>` and returns the addresses of its
/// `KAFKA_BOOTSTRAP_SERVERS=` line; the brokers serve until `child` is killed. `extra`
/// arguments follow.
fn bootstrap_line(port: u16, extra: &[&str]) -> (std::process::Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kfk-stub"))
        .args(["--brokers", "3", "--port", &port.to_string()])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the binary");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let Ok(line) = rx.recv_timeout(Duration::from_secs(20)) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("no bootstrap line within 20 s");
    };
    let servers = line.trim_end().strip_prefix("KAFKA_BOOTSTRAP_SERVERS=").expect("the bootstrap line").to_owned();
    (child, servers.split(',').map(str::to_owned).collect())
}

#[test]
fn binary_prints_the_bootstrap_line() {
    let (mut child, addrs) = bootstrap_line(0, &[]);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(addrs.len(), 3);
    assert!(addrs.iter().all(|a| a.starts_with("127.0.0.1:") && a[10..].parse::<u16>().is_ok_and(|p| p > 0)));
}

#[test]
fn binary_listens_on_consecutive_ports_from_the_one_given() {
    // Three consecutive free ports, found by binding them (released before the binary starts).
    let base = (20_000..60_000u16)
        .step_by(97)
        .find(|&p| (p..p + 3).all(|q| std::net::TcpListener::bind(("127.0.0.1", q)).is_ok()))
        .expect("three free consecutive ports");
    let (mut child, addrs) = bootstrap_line(base, &[]);
    let reachable: Vec<bool> = addrs
        .iter()
        .map(|a| std::net::TcpStream::connect_timeout(&a.parse().expect("an address"), Duration::from_secs(5)).is_ok())
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    let expected: Vec<String> = (base..base + 3).map(|p| format!("127.0.0.1:{p}")).collect();
    assert_eq!(addrs, expected);
    assert_eq!(reachable, vec![true; 3], "every broker accepts connections");
}

#[test]
fn binary_takes_the_limits() {
    use std::io::Read;
    let (mut child, addrs) = bootstrap_line(
        0,
        &[
            "--connections-max-idle-ms",
            "300",
            "--request-read-timeout-ms",
            "300",
            "--max-partitions-per-request",
            "5",
            "--max-partitions",
            "10",
            "--decompression-threads",
            "1",
        ],
    );
    let mut idle = std::net::TcpStream::connect(&addrs[0]).expect("connect");
    idle.set_read_timeout(Some(Duration::from_secs(10))).expect("a read timeout");
    let started = Instant::now();
    let closed = matches!(idle.read(&mut [0u8; 1]), Ok(0));
    let _ = child.kill();
    let _ = child.wait();
    assert!(closed, "the idle connection is closed");
    assert!(started.elapsed() < Duration::from_secs(5), "after about 300 ms: {:?}", started.elapsed());

    // Limits that make no sense are refused at start.
    let status = Command::new(env!("CARGO_BIN_EXE_kfk-stub"))
        .args(["--port", "0", "--max-partitions", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("runs");
    assert!(!status.success());
}
