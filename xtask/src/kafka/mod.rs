//! `cargo xtask kafka start|stop|status`: real Apache Kafka on the JVM, in KRaft mode, from the
//! jars on Maven Central (no Docker, no tarball).
//!
//! ```text
//! cargo xtask kafka start [--brokers 1|3] [--version V] [--port P] [--heap MIB] [--timeout SECS]
//!                         [--security plaintext|ssl|sasl_plaintext|sasl_ssl]
//!                         [--mechanism PLAIN|SCRAM-SHA-256|SCRAM-SHA-512|OAUTHBEARER]
//!                         [--user admin|alice] [--reauth-ms MS]
//! cargo xtask kafka stop
//! cargo xtask kafka status
//! ```
//!
//! `start` prints one line on stdout, `KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092[,...]`, everything
//! else on stderr, so `eval "$(cargo xtask kafka start)"` works. If a cluster started by xtask
//! already runs with the same version, node count, port and security, `start` reuses it: it says
//! so on stderr, prints the same line(s) and exits 0. If a different one runs, it fails (stop it
//! first).
//!
//! # Security
//!
//! `--security P` starts a secured cluster (`kfk_testkit::jvm::security`): besides the
//! plaintext listener on `--port` (unchanged; its `User:ANONYMOUS` is a super user) every node
//! opens `SSL` (mutual TLS) on port + 1000, `SASL_PLAINTEXT` on port + 2000 and `SASL_SSL` on
//! port + 3000 (10092, 11092, 12092 by default), each SASL listener with PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 and OAUTHBEARER
//! (unsecured tokens), the `StandardAuthorizer`, super user `admin` (password `admin-secret`)
//! and restricted user `alice` (`alice-secret`, no ACLs). `P` picks the listener the printed
//! `KAFKA_BOOTSTRAP_SERVERS` names, and a second line follows:
//!
//! ```text
//! KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:12092
//! KAFKA_CLIENT_PROPERTIES=/abs/target/xtask/kafka/security/clients/admin-sasl_ssl-scram-sha-512.properties
//! ```
//!
//! a Java client properties file for that listener (`security.protocol`, the PEM trust store,
//! `sasl.mechanism` and `sasl.jaas.config`, or the PEM key store for `ssl`), for `--user` (default
//! `admin`), with `--mechanism` (default SCRAM-SHA-512; only for the SASL protocols). Files for
//! every user, protocol and mechanism are in the same directory, and `security.json` one level up
//! lists them all. `--security plaintext` secures the cluster but prints the plaintext listener
//! (and a properties file with `security.protocol=PLAINTEXT`): one broker for the plaintext suite
//! and the security tests. `--reauth-ms MS` sets `connections.max.reauth.ms` (KIP-368).
//!
//! The launcher itself is `kfk_testkit::jvm` (the kafka-testkit crate, which server-stub's
//! test harness re-exports as `kfk_stub::testing::jvm`); this module is its command line, with
//! the cluster in `target/xtask/kafka` and the Maven cache in `target/xtask/maven`. For other
//! tasks (`cargo xtask test`): [`Cluster::start`], [`Cluster::bootstrap`], [`Cluster::stop`],
//! [`stop`]. kafka-testkit does not depend on kafka-protocol: these commands build, as codegen
//! does, when the generated crate does not.

mod cli;
mod progress;

pub use cli::{options, run, stop, Cluster, LATEST_3_9};
