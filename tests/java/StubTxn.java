// The Java transactional producer and read_committed consumer against a broker (the stub or
// Kafka): one committed transaction, one aborted one, a fenced producer, offsets sent to a
// consumer group inside the transactions. Prints what it observed, one fact per line:
//
//   FENCED <exception class>        what the first producer's commit threw after being fenced
//   COMMITTED <values, sorted>      what a read_committed consumer reads from the output topic
//   UNCOMMITTED <values, sorted>    what a read_uncommitted consumer reads
//   GROUP_OFFSET <offset>           the group's committed offset of the input partition
//
//   java StubTxn <bootstrap> <prefix>
//
// Exits non-zero (with the reason on stderr) when a step fails outright.
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class StubTxn {
    static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String prefix = args[1];
        String in = prefix + "-in";
        String out = prefix + "-out";
        String group = prefix + "-group";
        String txnId = prefix + "-txn";

        Properties adminProps = new Properties();
        adminProps.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            admin.createTopics(List.of(
                new NewTopic(in, Optional.of(1), Optional.empty()),
                new NewTopic(out, Optional.of(2), Optional.empty()))).all().get();
        }

        // Input for the consumer group: three records, written without a transaction.
        try (KafkaProducer<String, String> plain = new KafkaProducer<>(producerProps(bootstrap, null))) {
            for (int i = 0; i < 3; i++) {
                plain.send(new ProducerRecord<>(in, 0, null, "in" + i)).get();
            }
        }

        // A group member, so that the transactional offsets carry its generation and member id.
        KafkaConsumer<String, String> member = new KafkaConsumer<>(consumerProps(bootstrap, group, "read_committed"));
        member.subscribe(List.of(in));
        int read = 0;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (read < 3) {
            if (System.nanoTime() > deadline) {
                fail("the group member read " + read + " of 3 input records");
            }
            read += member.poll(Duration.ofMillis(200)).count();
        }
        ConsumerGroupMetadata groupMetadata = member.groupMetadata();
        TopicPartition inPartition = new TopicPartition(in, 0);

        KafkaProducer<String, String> first = new KafkaProducer<>(producerProps(bootstrap, txnId));
        first.initTransactions();

        // Committed: two records and the group's offset 2.
        first.beginTransaction();
        first.send(new ProducerRecord<>(out, 0, null, "c1")).get();
        first.send(new ProducerRecord<>(out, 1, null, "c2")).get();
        first.sendOffsetsToTransaction(Map.of(inPartition, new OffsetAndMetadata(2)), groupMetadata);
        first.commitTransaction();

        // Aborted: two records and the group's offset 3.
        first.beginTransaction();
        first.send(new ProducerRecord<>(out, 0, null, "a1")).get();
        first.send(new ProducerRecord<>(out, 1, null, "a2")).get();
        first.sendOffsetsToTransaction(Map.of(inPartition, new OffsetAndMetadata(3)), groupMetadata);
        first.abortTransaction();

        // Fenced: a second producer with the same transactional id takes over while the first
        // has a transaction open; that transaction is aborted and the first cannot commit.
        first.beginTransaction();
        first.send(new ProducerRecord<>(out, 0, null, "z1")).get();
        KafkaProducer<String, String> second = new KafkaProducer<>(producerProps(bootstrap, txnId));
        second.initTransactions();
        String fenced = "none";
        try {
            first.commitTransaction();
        } catch (Exception e) {
            fenced = fencedClass(e);
        }
        first.close(Duration.ZERO);
        System.out.println("FENCED " + fenced);

        second.beginTransaction();
        second.send(new ProducerRecord<>(out, 1, null, "p2")).get();
        second.commitTransaction();
        second.close();
        member.close();

        System.out.println("COMMITTED " + readAll(bootstrap, out, "read_committed"));
        System.out.println("UNCOMMITTED " + readAll(bootstrap, out, "read_uncommitted"));

        try (Admin admin = Admin.create(adminProps)) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata committed = offsets.get(inPartition);
            System.out.println("GROUP_OFFSET " + (committed == null ? "none" : Long.toString(committed.offset())));
        }
    }

    /** The class of the ProducerFencedException in `e`'s cause chain, else of `e` itself. */
    static String fencedClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException) {
                return t.getClass().getName();
            }
        }
        return e.getClass().getName() + ":" + e.getMessage();
    }

    /** Every value of `topic`, read from the beginning up to the end offsets the consumer sees. */
    static String readAll(String bootstrap, String topic, String isolation) {
        Properties props = consumerProps(bootstrap, null, isolation);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            TreeSet<String> values = new TreeSet<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    fail(isolation + " consumer did not reach " + end);
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            return String.join(",", values);
        }
    }

    static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static Properties producerProps(String bootstrap, String transactionalId) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        if (transactionalId != null) {
            props.put("transactional.id", transactionalId);
        }
        return props;
    }

    static Properties consumerProps(String bootstrap, String group, String isolation) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        props.put("isolation.level", isolation);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        if (group != null) {
            props.put("group.id", group);
            props.put("group.protocol", "classic");
        }
        return props;
    }

    static void fail(String why) {
        System.err.println("FAILED: " + why);
        System.exit(2);
    }
}
