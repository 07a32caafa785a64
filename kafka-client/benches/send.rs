//! The send path, per record: from the caller's `ProducerRecord` to its bytes in the
//! partition's open batch, with no broker round trip in the measurement.
//!
//! How the send path is isolated:
//! - the producer talks to the in-process reference broker (`kfk-stub`), so metadata and
//!   connections are real, but it is only contacted outside the timed region;
//! - `linger.ms` is an hour, so no batch becomes ready by time; `batch.size` is 1 MiB (the
//!   produce benchmark's), `buffer.memory` 512 MiB;
//! - the runtime is single-threaded and `try_enqueue` is synchronous, so while a chunk of
//!   records is timed nothing else runs: not the sender task, not the broker;
//! - records are timed in chunks of [`CHUNK`]; after each chunk, untimed, `flush` sends what
//!   accumulated to the broker, so memory and batch state are the same for every chunk.
//!
//! What a record costs here: the closed/size checks, the partition count from the metadata
//! snapshot, the partitioner (sticky for null keys, murmur2 for keys), the `buffer.memory`
//! reservation, the per-partition lock, encoding into the batch, the `Delivery` handle (and
//! dropping it), plus a new batch (a 1 MiB buffer) every ~1 MiB of records.
//!
//! `enqueue` (the async call) is measured too, inside one `block_on` per chunk: the difference
//! with `try_enqueue` is the cost of its deadline and of waiting for buffer memory when none is
//! short. So is `try_enqueue` on a producer with one interceptor that changes nothing: the
//! difference is what installing `interceptor.classes`' equivalent costs per record (the
//! record made editable, the hook called, its acknowledgement reported).
//!
//! ```sh
//! cargo bench -p kfk-client --bench send
//! ```

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kfk_client::config::ProducerConfig;
use kfk_client::interceptor::ProducerInterceptor;
use kfk_client::producer::{Producer, ProducerRecord};
use kfk_stub::StubCluster;
use tokio::runtime::Runtime;

const TOPIC: &str = "bench-send";
const PARTITIONS: i32 = 6;
/// Records timed between two (untimed) flushes.
const CHUNK: u64 = 50_000;

struct Setup {
    runtime: Runtime,
    producer: Producer,
    _stub: StubCluster,
}

/// An interceptor that changes nothing: what remains is the cost of having one.
struct Untouched;

impl ProducerInterceptor for Untouched {}

fn start(with_interceptor: bool) -> Setup {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime");
    let (stub, producer) = runtime.block_on(async {
        let stub = StubCluster::builder().brokers(1).start().await.expect("the stub broker starts");
        stub.create_topic(TOPIC, PARTITIONS).expect("topic created");
        let mut config = ProducerConfig::builder()
            .bootstrap_servers(stub.bootstrap())
            .linger(Duration::from_secs(3600))
            .delivery_timeout(Duration::from_secs(7200))
            .batch_size(1 << 20)
            .buffer_memory(512 << 20);
        if with_interceptor {
            config = config.interceptor(Untouched);
        }
        let config = config.build().expect("a valid producer configuration");
        let producer = Producer::new(config).expect("a producer");
        // Metadata, connection, producer id: all known before anything is timed.
        producer.enqueue(ProducerRecord::new(TOPIC).value(b"warm-up")).await.expect("the warm-up record is queued");
        producer.flush().await.expect("the warm-up record is delivered");
        (stub, producer)
    });
    Setup { runtime, producer, _stub: stub }
}

impl Setup {
    /// Times `iters` records appended by `append` (chunked, flushing between chunks untimed).
    fn time(&self, iters: u64, mut append: impl FnMut(&Producer, u64)) -> Duration {
        let mut total = Duration::ZERO;
        let mut done = 0;
        while done < iters {
            let n = CHUNK.min(iters - done);
            let start = Instant::now();
            for i in done..done + n {
                append(&self.producer, i);
            }
            total += start.elapsed();
            done += n;
            self.runtime.block_on(self.producer.flush()).expect("flushed");
        }
        total
    }
}

fn send(c: &mut Criterion) {
    let setup = start(false);
    let value_100 = [b'v'; 100];
    let value_1k = [b'v'; 1024];
    let mut group = c.benchmark_group("send");
    group.throughput(Throughput::Elements(1));

    group.bench_function("try_enqueue/100B/null key", |b| {
        b.iter_custom(|iters| {
            setup.time(iters, |producer, _| {
                producer.try_enqueue(ProducerRecord::new(TOPIC).value(&value_100)).expect("appended");
            })
        })
    });
    group.bench_function("try_enqueue/1KiB/null key", |b| {
        b.iter_custom(|iters| {
            setup.time(iters, |producer, _| {
                producer.try_enqueue(ProducerRecord::new(TOPIC).value(&value_1k)).expect("appended");
            })
        })
    });
    group.bench_function("try_enqueue/100B/8B key", |b| {
        b.iter_custom(|iters| {
            setup.time(iters, |producer, i| {
                let key = i.to_be_bytes();
                producer.try_enqueue(ProducerRecord::new(TOPIC).key(&key).value(&value_100)).expect("appended");
            })
        })
    });
    group.bench_function("enqueue/100B/null key", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut done = 0;
            while done < iters {
                let n = CHUNK.min(iters - done);
                let producer = &setup.producer;
                total += setup.runtime.block_on(async {
                    let start = Instant::now();
                    for _ in 0..n {
                        producer.enqueue(ProducerRecord::new(TOPIC).value(&value_100)).await.expect("appended");
                    }
                    start.elapsed()
                });
                done += n;
                setup.runtime.block_on(producer.flush()).expect("flushed");
            }
            total
        })
    });
    group.finish();
    setup.runtime.block_on(setup.producer.close(Duration::from_secs(5))).expect("closed");

    let intercepted = start(true);
    let mut group = c.benchmark_group("send");
    group.throughput(Throughput::Elements(1));
    group.bench_function("try_enqueue/100B/null key/one interceptor", |b| {
        b.iter_custom(|iters| {
            intercepted.time(iters, |producer, _| {
                producer.try_enqueue(ProducerRecord::new(TOPIC).value(&value_100)).expect("appended");
            })
        })
    });
    group.finish();
    intercepted.runtime.block_on(intercepted.producer.close(Duration::from_secs(5))).expect("closed");
}

criterion_group!(benches, send);
criterion_main!(benches);
