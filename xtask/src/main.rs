//! Project tasks: `cargo xtask <task>`.
//!
//! - `codegen [--check]`: generate `kafka-protocol/src/messages/` from Kafka's message specs.
//! - `golden`: cross-check the protocol crate with the Java client, byte for byte.
//! - `kafka start|stop|status`: real Apache Kafka brokers (KRaft) from Maven Central jars.
//! - `test`: the whole test suite (what CI runs).
//! - `msrv`: the shipped crates checked with the declared `rust-version`'s toolchain.
//! - `bench produce [--quick]`: our producer against librdkafka and the Java client, one broker.
//! - `bench consume [--quick]`: our consumer against librdkafka and the Java client, one broker.
//! - `bench txn`: transactional producing against the Java client's, one broker.

mod bench;
mod codegen;
mod golden;
mod kafka;
mod maven;
mod msrv;
mod paths;
mod test;

use anyhow::{bail, Result};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => {
            print_usage();
            bail!("no task given");
        }
    };
    match task {
        "bench" => bench::run(rest),
        "codegen" => codegen::run(rest),
        "golden" => golden::run(rest),
        "kafka" => kafka::run(rest),
        "msrv" => msrv::run(rest),
        "test" => test::run(rest),
        "help" | "--help" | "-h" => {
            print_usage();
            Ok(())
        }
        other => {
            print_usage();
            bail!("unknown task `{other}`")
        }
    }
}

fn print_usage() {
    eprintln!(
        "usage: cargo xtask <task>\n\
         tasks:\n  \
           bench produce [--quick]  our producer vs rdkafka and Java's ProducerPerformance on one broker\n  \
           bench consume [--quick]  our consumer vs rdkafka and Java's ConsumerPerformance on one broker\n  \
           bench txn                transactional produce (100 ms transactions) vs ProducerPerformance\n  \
           codegen [--check]   generate kafka-protocol messages from the pinned Kafka spec\n  \
           golden              cross-check kafka-protocol with the Java client, byte for byte\n  \
           kafka start|stop|status  real Kafka (KRaft, Maven jars); start [--brokers 1|3] [--version V]\n  \
           msrv                check the shipped crates with the declared rust-version's toolchain\n  \
           test                run the test suite"
    );
}
