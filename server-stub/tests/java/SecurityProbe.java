// The Java client against the secured JVM broker, run by `server-stub/tests/security.rs` with
// Java's source launcher (`java -cp <Kafka's classpath> SecurityProbe.java ...`, no build step).
//
//   SecurityProbe <case> [<case> ...]    each case `<mode>:<topic>:<client.properties>`, in order:
//
//   allowed   admin (create the topic), produce (idempotent), a transaction, consume in a group
//             with a commit; prints `OK <what>` for each, or `FAIL <what>: <exception>`
//   denied    the same as a user without ACLs; prints `DENIED <what>: <exception class>` for each
//             refusal, `FAIL <what>` for what was allowed
//
// Every line is `[<topic>] OK|DENIED|FAIL ...`. The exit code is 0: the caller judges the lines.

import java.io.FileInputStream;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.clients.producer.*;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class SecurityProbe {
    static String label = "";

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            String[] c = arg.split(":", 3);
            Properties base = new Properties();
            try (FileInputStream in = new FileInputStream(c[2])) {
                base.load(in);
            }
            label = "[" + c[1] + "] ";
            if (c[0].equals("allowed")) {
                allowed(base, c[1]);
            } else {
                denied(base, c[1]);
            }
        }
        System.exit(0);
    }

    static Properties with(Properties base, String... pairs) {
        Properties p = new Properties();
        p.putAll(base);
        for (int i = 0; i < pairs.length; i += 2) {
            p.put(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    static Properties producer(Properties base, String... pairs) {
        Properties p = with(base, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        return with(p, pairs);
    }

    static Properties consumer(Properties base, String group) {
        return with(base, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
    }

    static void ok(String what) {
        System.out.println(label + "OK " + what);
    }

    static void denial(String what, Throwable e) {
        System.out.println(label + "DENIED " + what + ": " + cause(e).getClass().getSimpleName());
    }

    static void fail(String what, Throwable e) {
        System.out.println(label + "FAIL " + what + ": " + e);
    }

    /** The first authorization error in `e`'s causes, else `e`. */
    static Throwable cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.kafka.common.errors.AuthorizationException) {
                return t;
            }
        }
        return e;
    }

    static void allowed(Properties base, String topic) {
        try (Admin admin = Admin.create(base)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            String cluster = admin.describeCluster().clusterId().get();
            ok("admin: created " + topic + " in cluster " + cluster);
        } catch (Exception e) {
            fail("admin", e);
            return;
        }
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producer(base))) {
            for (int i = 0; i < 3; i++) {
                p.send(new ProducerRecord<>(topic, "k" + i, "plain-" + i)).get();
            }
            ok("produce: 3 records (idempotent)");
        } catch (Exception e) {
            fail("produce", e);
        }
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(producer(base, ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic))) {
            p.initTransactions();
            p.beginTransaction();
            p.send(new ProducerRecord<>(topic, "tx", "transactional"));
            p.commitTransaction();
            ok("transaction: committed 1 record");
        } catch (Exception e) {
            fail("transaction", e);
        }
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(consumer(base, "group-" + topic))) {
            c.subscribe(List.of(topic));
            int seen = 0;
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen < 4 && System.currentTimeMillis() < deadline) {
                seen += c.poll(Duration.ofMillis(500)).count();
            }
            if (seen < 4) {
                throw new IllegalStateException("consumed " + seen + " of 4 records in 30 s");
            }
            c.commitSync();
            ok("consume: " + seen + " records in group group-" + topic + ", committed");
        } catch (Exception e) {
            fail("consume", e);
        }
    }

    static void denied(Properties base, String topic) {
        // TOPIC_AUTHORIZATION_FAILED: no WRITE on the topic.
        try (KafkaProducer<String, String> p = new KafkaProducer<>(producer(base))) {
            p.send(new ProducerRecord<>(topic, "k", "v")).get();
            fail("produce", new IllegalStateException("was allowed"));
        } catch (Exception e) {
            denial("produce", e);
        }
        // GROUP_AUTHORIZATION_FAILED: FindCoordinator and OffsetFetch need DESCRIBE on the group.
        try (Admin admin = Admin.create(base)) {
            admin.listConsumerGroupOffsets("group-" + topic).partitionsToOffsetAndMetadata().get();
            fail("group offsets", new IllegalStateException("was allowed"));
        } catch (Exception e) {
            denial("group", e);
        }
        // TRANSACTIONAL_ID_AUTHORIZATION_FAILED: no WRITE on the transactional id.
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(producer(base, ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-" + topic))) {
            p.initTransactions();
            fail("transaction", new IllegalStateException("was allowed"));
        } catch (Exception e) {
            denial("transaction", e);
        }
        // CLUSTER_AUTHORIZATION_FAILED: DescribeAcls needs DESCRIBE on the cluster.
        try (Admin admin = Admin.create(base)) {
            admin.describeAcls(AclBindingFilter.ANY).values().get();
            fail("describe ACLs", new IllegalStateException("was allowed"));
        } catch (Exception e) {
            denial("cluster", e);
        }
    }
}
