// The Java peer of `cargo xtask bench consume`'s commit-per-poll row (`java commitSync`):
// KafkaConsumer, the only member of a fresh consumer group (auto-commit off), subscribed to the
// topic, reading it from the beginning with `poll` and calling `commitSync()` (every assigned
// partition's position) after each poll that returned records, until the topic's record count
// is reached. The loop of `consume_ours --variant commit` and `consume_rdkafka --variant
// commit`; every other setting is the client's default (max.poll.records 500, check.crcs true,
// group.protocol classic).
//
// Usage: CommitEveryPoll BOOTSTRAP TOPIC GROUP PARTITIONS RECORDS
//
// Prints, as the Rust generators do (see bench/src/consume.rs), one line
//
//     RESULT records=<received> bytes=<value bytes> elapsed_s=<seconds> errors=<out of sequence>
//
// with elapsed_s from the consumer's creation to the end of the commit that follows the last
// record (group join included), and errors the records that broke a partition's offset
// sequence from 0. After the run (outside the clock) the group's committed offsets are read
// back and must be the positions reached. Exits with 1 (and no RESULT line) on any failure, or
// when 30 s pass without a new record before the count is reached.

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public final class CommitEveryPoll {
    private static final long IDLE_TIMEOUT_MS = 30_000;
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(1000);

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CommitEveryPoll BOOTSTRAP TOPIC GROUP PARTITIONS RECORDS");
            System.exit(2);
        }
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        int partitions = Integer.parseInt(args[3]);
        long expected = Long.parseLong(args[4]);

        long start = System.nanoTime();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());

        long[] next = new long[partitions];
        long records = 0;
        long bytes = 0;
        long errors = 0;
        long commits = 0;
        long elapsedNanos;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long last = System.nanoTime();
            while (records < expected) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL_TIMEOUT);
                if (batch.isEmpty()) {
                    if ((System.nanoTime() - last) / 1_000_000 >= IDLE_TIMEOUT_MS) {
                        System.err.printf("CommitEveryPoll: only %d of %d records after %d ms without any new one%n",
                                records, expected, IDLE_TIMEOUT_MS);
                        System.exit(1);
                    }
                    continue;
                }
                last = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    records++;
                    byte[] value = record.value();
                    bytes += value == null ? 0 : value.length;
                    int p = record.partition();
                    if (p >= 0 && p < partitions && next[p] == record.offset()) {
                        next[p]++;
                    } else {
                        if (errors == 0) {
                            System.err.printf("CommitEveryPoll: first out-of-sequence record: partition %d offset %d%n",
                                    p, record.offset());
                        }
                        errors++;
                    }
                }
                consumer.commitSync();
                commits++;
            }
            elapsedNanos = System.nanoTime() - start;

            Set<TopicPartition> all = new HashSet<>();
            for (int p = 0; p < partitions; p++) {
                all.add(new TopicPartition(topic, p));
            }
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(all, Duration.ofSeconds(30));
            for (int p = 0; p < partitions; p++) {
                OffsetAndMetadata c = committed.get(new TopicPartition(topic, p));
                long offset = c == null ? 0 : c.offset();
                if (offset != next[p]) {
                    System.err.printf("CommitEveryPoll: partition %d committed at %d, read up to %d%n", p, offset, next[p]);
                    System.exit(1);
                }
            }
        }
        System.err.printf("CommitEveryPoll: %d commits in group %s%n", commits, group);
        System.out.printf(Locale.ROOT, "RESULT records=%d bytes=%d elapsed_s=%.6f errors=%d%n",
                records, bytes, elapsedNanos / 1e9, errors);
    }
}
