//! `kfk-stub`: run a stub cluster until Ctrl-C.
//!
//! ```text
//! cargo run -p kfk-stub -- --brokers 3 --port 19092
//! KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094
//! ```
//!
//! Options: `--brokers N` (default 1), `--port P` (first port, default 9092; 0 for ephemeral),
//! `--partitions N` (default partitions of new topics), `--no-auto-create`,
//! `--max-partitions-per-request N` (default 10000), `--max-partitions N` (cluster-wide,
//! default 100000), `--connections-max-idle-ms MS` (default 600000),
//! `--request-read-timeout-ms MS` (default 30000), `--decompression-threads N` (default:
//! cores - 1, at least 1).
//!
//! Security: `--listener PROTOCOL` (SSL, SASL_PLAINTEXT, SASL_SSL; repeatable: one more port
//! per broker each, printed as `KAFKA_BOOTSTRAP_SERVERS_<PROTOCOL>=...`),
//! `--sasl-mechanisms PLAIN,SCRAM-SHA-256,...` (default all four), `--plain-user USER:PASSWORD`,
//! `--scram-user MECHANISM:USER:PASSWORD` (both repeatable), `--reauth-ms MS`
//! (`connections.max.reauth.ms`), and with the `tls` feature `--tls-cert FILE --tls-key FILE`
//! (PEM; default: a certificate from the stub's own CA), `--ssl-client-auth
//! none|requested|required`, `--tls-ca-out FILE` (writes the stub's CA, printed as
//! `KAFKA_SSL_CA_LOCATION=FILE`), `--failed-authentication-delay-ms MS`
//! (`connection.failed.authentication.delay.ms`, default 100).
//!
//! Authorization: `--authorizer` turns on the ACL authorizer (Kafka's `StandardAuthorizer`:
//! ACLs are then created with the admin API, `kafka-acls`), `--super-user PRINCIPAL`
//! (repeatable, `User:admin`; turns it on), `--allow-everyone-if-no-acl-found`,
//! `--ssl-principal-from-cn` (`CN=alice` is `User:alice`).

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use kfk_stub::{SaslMechanism, SecurityProtocol, StubCluster};

fn usage() -> ExitCode {
    eprintln!(
        "usage: kfk-stub [--brokers N] [--port P] [--partitions N] [--no-auto-create] \
         [--max-partitions-per-request N] [--max-partitions N] [--connections-max-idle-ms MS] \
         [--request-read-timeout-ms MS] [--decompression-threads N] [--listener PROTOCOL]... \
         [--sasl-mechanisms M,...] [--plain-user USER:PASSWORD]... [--scram-user MECHANISM:USER:PASSWORD]... \
         [--reauth-ms MS] [--tls-cert FILE --tls-key FILE] [--ssl-client-auth none|requested|required] \
         [--tls-ca-out FILE] [--failed-authentication-delay-ms MS] [--authorizer] [--super-user PRINCIPAL]... \
         [--allow-everyone-if-no-acl-found] [--ssl-principal-from-cn]"
    );
    ExitCode::from(2)
}

#[tokio::main]
async fn main() -> ExitCode {
    let mut builder = StubCluster::builder().port_base(9092);
    let mut args = std::env::args().skip(1);
    let mut protocols: Vec<SecurityProtocol> = Vec::new();
    #[cfg(feature = "tls")]
    let (mut tls_cert, mut tls_key, mut ca_out): (Option<String>, Option<String>, Option<String>) = (None, None, None);
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
            "--listener" => {
                match value(&arg).and_then(|v| v.parse::<SecurityProtocol>().map_err(|e| eprintln!("{e}")).ok()) {
                    Some(p) => {
                        protocols.push(p);
                        builder.listener(p)
                    }
                    None => return usage(),
                }
            }
            "--sasl-mechanisms" => {
                let parsed: Option<Vec<SaslMechanism>> = value(&arg)
                    .and_then(|v| v.split(',').map(|m| m.trim().parse().map_err(|e| eprintln!("{e}")).ok()).collect());
                match parsed {
                    Some(m) => builder.sasl_mechanisms(m),
                    None => return usage(),
                }
            }
            "--plain-user" => match value(&arg).as_deref().and_then(|v| v.split_once(':')) {
                Some((user, password)) => builder.plain_user(user, password),
                None => return usage(),
            },
            "--scram-user" => {
                let v = value(&arg).unwrap_or_default();
                let mut parts = v.splitn(3, ':');
                match (parts.next().and_then(|m| m.parse::<SaslMechanism>().ok()), parts.next(), parts.next()) {
                    (Some(m), Some(user), Some(password)) if m.is_scram() => builder.scram_user(m, user, password),
                    _ => return usage(),
                }
            }
            "--reauth-ms" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(ms) => builder.connections_max_reauth(Duration::from_millis(ms)),
                None => return usage(),
            },
            "--failed-authentication-delay-ms" => match value(&arg).and_then(|v| v.parse().ok()) {
                Some(ms) => builder.connection_failed_authentication_delay(Duration::from_millis(ms)),
                None => return usage(),
            },
            "--authorizer" => builder.authorizer(),
            "--super-user" => match value(&arg) {
                Some(principal) if principal.contains(':') => builder.super_user(principal),
                _ => return usage(),
            },
            "--allow-everyone-if-no-acl-found" => builder.allow_everyone_if_no_acl_found(true),
            "--ssl-principal-from-cn" => builder.ssl_principal_from_cn(true),
            #[cfg(feature = "tls")]
            "--tls-cert" => {
                tls_cert = value(&arg);
                builder
            }
            #[cfg(feature = "tls")]
            "--tls-key" => {
                tls_key = value(&arg);
                builder
            }
            #[cfg(feature = "tls")]
            "--tls-ca-out" => {
                ca_out = value(&arg);
                builder
            }
            #[cfg(feature = "tls")]
            "--ssl-client-auth" => match value(&arg).as_deref() {
                Some("none") => builder.ssl_client_auth(kfk_stub::SslClientAuth::None),
                Some("requested") => builder.ssl_client_auth(kfk_stub::SslClientAuth::Requested),
                Some("required") => builder.ssl_client_auth(kfk_stub::SslClientAuth::Required),
                _ => return usage(),
            },
            "-h" | "--help" => return usage(),
            other => {
                eprintln!("unknown argument {other}");
                return usage();
            }
        };
    }
    #[cfg(feature = "tls")]
    match (tls_cert, tls_key) {
        (Some(cert), Some(key)) => match (std::fs::read_to_string(&cert), std::fs::read_to_string(&key)) {
            (Ok(c), Ok(k)) => builder = builder.tls_identity(c, k),
            (Err(e), _) | (_, Err(e)) => {
                eprintln!("kfk-stub: cannot read the TLS certificate or key: {e}");
                return ExitCode::FAILURE;
            }
        },
        (None, None) => {}
        _ => {
            eprintln!("--tls-cert and --tls-key go together");
            return usage();
        }
    }
    let cluster = match builder.start().await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("kfk-stub: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "KAFKA_BOOTSTRAP_SERVERS={}", cluster.bootstrap());
    for protocol in protocols {
        if let Some(bootstrap) = cluster.bootstrap_for(protocol) {
            let _ = writeln!(stdout, "KAFKA_BOOTSTRAP_SERVERS_{protocol}={bootstrap}");
        }
    }
    #[cfg(feature = "tls")]
    if let (Some(path), Some(pem)) = (ca_out, cluster.tls_ca_pem()) {
        if let Err(e) = std::fs::write(&path, pem) {
            eprintln!("kfk-stub: cannot write the CA to {path}: {e}");
            return ExitCode::FAILURE;
        }
        let _ = writeln!(stdout, "KAFKA_SSL_CA_LOCATION={path}");
    }
    let _ = stdout.flush();
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("kfk-stub: cannot wait for Ctrl-C: {e}");
    }
    cluster.shutdown().await;
    ExitCode::SUCCESS
}
