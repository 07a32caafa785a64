//! One transactional copier (`tests::copier::run`) in a process of its own, for the
//! exactly-once failure test to SIGKILL: `copier <slot> <bootstrap> <input> <output> <pause ms>`.
//! It copies until killed, or until its standard input closes.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tests::copier::{self, Stats, Topics};

#[tokio::main]
async fn main() {
    // Standard output goes nowhere: logs go to standard error, which the test keeps per copier.
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [slot, bootstrap, input, output, pause] = args.as_slice() else {
        eprintln!("usage: copier <slot> <bootstrap> <input topic> <output topic> <pause after a commit, ms>");
        std::process::exit(2);
    };
    let (Ok(slot), Ok(pause)) = (slot.parse::<usize>(), pause.parse::<u64>()) else {
        eprintln!("slot and pause must be numbers, not {slot} and {pause}");
        std::process::exit(2);
    };
    let pause = std::time::Duration::from_millis(pause);
    let topics = Topics { bootstrap: bootstrap.clone(), input: input.clone(), output: output.clone(), pause };
    let stop = Arc::new(AtomicBool::new(false));
    let stats = Arc::new(Stats::default());
    {
        // The parent closing our standard input (or exiting) asks for a clean stop.
        let stop = stop.clone();
        tokio::task::spawn_blocking(move || {
            let _ = std::io::Read::read(&mut std::io::stdin(), &mut [0u8; 1]);
            stop.store(true, Ordering::SeqCst);
        });
    }
    copier::run(slot, topics, stop, stats.clone()).await;
    eprintln!(
        "copier {slot}: transactions committed {}, aborted {}, instances {}",
        stats.committed.load(Ordering::SeqCst),
        stats.aborted.load(Ordering::SeqCst),
        stats.instances.load(Ordering::SeqCst)
    );
}
