//! Load generator for `cargo xtask bench produce`: librdkafka through the `rdkafka` crate.
//!
//! Arguments and output: see [`kafka_bench::produce`]; `--variant` picks the producer:
//!
//! - `future` (the default): [`FutureProducer`], rdkafka's async API. Each record is queued with
//!   `send_result` and its `DeliveryFuture` kept in send order; after each send, the futures at
//!   the front that are already resolved are collected (polled once, without waiting), and when
//!   librdkafka's queue is full the oldest one is awaited before trying again. The rest are
//!   awaited at the end, so every record's outcome is counted, and only records still in flight
//!   hold a future.
//! - `base`: [`BaseProducer`], the thin synchronous wrapper: `send`, `poll` when the queue is
//!   full (and every 1,000 records, to serve delivery reports), `flush` at the end. Outcomes
//!   are counted in the context's delivery callback.
//!
//! Both get the workload's settings and librdkafka's defaults for everything else.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, Instant};

use kafka_bench::produce::{Args, Outcome, Values, ACKS, BATCH_SIZE, IDEMPOTENCE, LINGER_MS};
use rdkafka::config::ClientConfig;
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::{
    BaseProducer, BaseRecord, DeliveryResult, FutureProducer, FutureRecord, Producer, ProducerContext,
};
use rdkafka::ClientContext;

const QUEUE_FULL: KafkaError = KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull);
const FLUSH_TIMEOUT: Duration = Duration::from_secs(120);

fn main() -> ExitCode {
    let args = match Args::from_env() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("produce_rdkafka: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.variant.as_deref().unwrap_or("future") {
        "future" => match tokio::runtime::Runtime::new() {
            Ok(runtime) => runtime.block_on(future(&args)),
            Err(e) => Err(e.into()),
        },
        "base" => base(&args),
        other => Err(format!("--variant {other}: future or base").into()),
    };
    match result {
        Ok(outcome) => {
            println!("{}", outcome.line());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("produce_rdkafka: {e}");
            ExitCode::FAILURE
        }
    }
}

fn config(args: &Args) -> ClientConfig {
    let mut config = ClientConfig::new();
    config
        .set("bootstrap.servers", &args.bootstrap)
        .set("acks", ACKS)
        .set("enable.idempotence", IDEMPOTENCE)
        .set("linger.ms", LINGER_MS)
        .set("batch.size", BATCH_SIZE)
        .set("compression.type", &args.compression);
    config
}

async fn future(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let producer: FutureProducer = config(args).create()?;
    let values = Values::new(args.value_size);
    let mut pending = VecDeque::new();
    let (mut delivered, mut errors) = (0u64, 0u64);
    let mut settle = |result: Result<rdkafka::producer::future_producer::OwnedDeliveryResult, _>| match result {
        Ok(Ok(_)) => delivered += 1,
        Ok(Err((e, _))) => {
            if errors == 0 {
                eprintln!("produce_rdkafka: first failure: {e}");
            }
            errors += 1;
        }
        Err(_) => errors += 1,
    };

    let start = Instant::now();
    let mut sent = 0u64;
    while !args.amount.done(sent, start) {
        let mut record = FutureRecord::<(), [u8]>::to(&args.topic).payload(values.get(sent));
        loop {
            match producer.send_result(record) {
                Ok(delivery) => {
                    pending.push_back(delivery);
                    while let Some(result) = pending.front_mut().and_then(ready) {
                        pending.pop_front();
                        settle(result);
                    }
                    break;
                }
                Err((e, back)) if e == QUEUE_FULL => {
                    record = back;
                    match pending.pop_front() {
                        Some(oldest) => settle(oldest.await),
                        None => tokio::time::sleep(Duration::from_millis(1)).await,
                    }
                }
                Err((e, _)) => return Err(e.into()),
            }
        }
        sent += 1;
    }
    for delivery in pending {
        settle(delivery.await);
    }
    let elapsed = start.elapsed();
    producer.flush(FLUSH_TIMEOUT)?;
    Ok(Outcome { records: delivered, bytes: delivered * args.value_size as u64, elapsed, errors })
}

/// The output of `future` if it is ready now (polled once with a waker that does nothing: it
/// is polled again, with the task's waker, whenever it is awaited later).
fn ready<F: Future + Unpin>(future: &mut F) -> Option<F::Output> {
    match Pin::new(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// Counts delivery reports.
#[derive(Debug, Default)]
struct Counting {
    delivered: AtomicU64,
    errors: AtomicU64,
}

impl ClientContext for Counting {}

impl ProducerContext for Counting {
    type DeliveryOpaque = ();

    fn delivery(&self, result: &DeliveryResult<'_>, _: ()) {
        match result {
            Ok(_) => self.delivered.fetch_add(1, Ordering::Relaxed),
            Err((e, _)) => {
                if self.errors.load(Ordering::Relaxed) == 0 {
                    eprintln!("produce_rdkafka: first failure: {e}");
                }
                self.errors.fetch_add(1, Ordering::Relaxed)
            }
        };
    }
}

fn base(args: &Args) -> Result<Outcome, Box<dyn std::error::Error>> {
    let producer: BaseProducer<Counting> = config(args).create_with_context(Counting::default())?;
    let values = Values::new(args.value_size);

    let start = Instant::now();
    let mut sent = 0u64;
    while !args.amount.done(sent, start) {
        let mut record = BaseRecord::<(), [u8]>::to(&args.topic).payload(values.get(sent));
        loop {
            match producer.send(record) {
                Ok(()) => break,
                Err((e, back)) if e == QUEUE_FULL => {
                    record = back;
                    producer.poll(Duration::from_millis(10));
                }
                Err((e, _)) => return Err(e.into()),
            }
        }
        sent += 1;
        if sent % 1000 == 0 {
            producer.poll(Duration::ZERO);
        }
    }
    producer.flush(FLUSH_TIMEOUT)?;
    let elapsed = start.elapsed();
    let context = producer.context();
    let delivered = context.delivered.load(Ordering::Relaxed);
    let errors = context.errors.load(Ordering::Relaxed);
    Ok(Outcome { records: delivered, bytes: delivered * args.value_size as u64, elapsed, errors })
}
