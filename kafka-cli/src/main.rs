//! `kfk`: Kafka's command-line tools (topics, configs, console producer and consumer, consumer
//! groups, offsets, records, API versions) as one binary on kafka-admin and kafka-client.
//!
//! Each subcommand mirrors a Java tool, flag for flag, and prints what the Java tool prints
//! (people grep those lines); `--output json` prints the same results for scripts. Errors go
//! to standard error, once, with what to do about them, and the exit code is non-zero.

mod acls;
mod cli;
mod cluster;
mod configs;
mod consume;
mod deserialize;
mod errors;
mod format;
mod groups;
mod java_order;
mod offsets;
mod perf;
mod produce;
mod props;
mod table;
mod topics;
mod transactions;
mod verifiable;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

/// Ends the process quietly when the reader of standard output has gone (`kfk ... | head`):
/// `println!` panics on a broken pipe, and the program would otherwise print that panic. The
/// exit code is the one a process killed by SIGPIPE reports in a shell (128 + 13).
fn exit_quietly_on_broken_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}

fn main() -> ExitCode {
    exit_quietly_on_broken_pipe();
    let cli = Cli::parse();
    if std::env::var_os("RUST_LOG").is_some() {
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .init();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", errors::render(&e));
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let global = &cli.global;
    match cli.command {
        Command::Topics(args) => topics::run(global, args).await,
        Command::Configs(args) => configs::run(global, args).await,
        Command::ConsoleProducer(args) => produce::run(global, args).await,
        Command::ConsoleConsumer(args) => consume::run(global, args).await,
        Command::ConsumerGroups(args) => groups::run(global, args).await,
        Command::DeleteRecords(args) => offsets::delete_records(global, args).await,
        Command::GetOffsets(args) => offsets::get_offsets(global, args).await,
        Command::Metadata(args) => cluster::metadata(global, args).await,
        Command::BrokerApiVersions => cluster::api_versions(global).await,
        Command::VerifiableProducer(args) => verifiable::producer(global, args).await,
        Command::VerifiableConsumer(args) => verifiable::consumer(global, args).await,
        Command::Acls(args) => acls::run(global, args).await,
        Command::Transactions(args) => transactions::run(global, args).await,
        Command::ProducerPerfTest(args) => perf::producer(global, args).await,
        Command::ConsumerPerfTest(args) => perf::consumer(global, args).await,
    }
}
