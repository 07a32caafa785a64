// Transactions with the Java client, for interop with ours.
//
//   java TxnInterop produce <bootstrap> <topic> <transactional.id> <n>
//       commits n records "java-committed-<i>", aborts n "java-aborted-<i>", commits n
//       "java-committed-<n+i>"; prints "done".
//   java TxnInterop consume <bootstrap> <topic> <partitions> <expected>
//       reads the topic from the beginning with isolation.level=read_committed until
//       <expected> records arrived and nothing more came for 2 s (at most 60 s); prints each
//       value on its own line.
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class TxnInterop {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("produce")) {
            produce(args[1], args[2], args[3], Integer.parseInt(args[4]));
        } else {
            consume(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    static void produce(String bootstrap, String topic, String id, int n) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("transactional.id", id);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            String[] kinds = {"committed", "aborted", "committed"};
            for (int t = 0; t < 3; t++) {
                producer.beginTransaction();
                for (int i = 0; i < n; i++) {
                    int number = t == 2 ? n + i : i;
                    producer.send(new ProducerRecord<>(topic, "k" + i, "java-" + kinds[t] + "-" + number));
                }
                if (t == 1) {
                    producer.flush();
                    producer.abortTransaction();
                } else {
                    producer.commitTransaction();
                }
            }
        }
        System.out.println("done");
    }

    static void consume(String bootstrap, String topic, int partitions, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        props.put("isolation.level", "read_committed");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                tps.add(new TopicPartition(topic, p));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long deadline = System.currentTimeMillis() + 60_000;
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    if (values.size() >= expected && System.currentTimeMillis() - quietSince > 2000) {
                        break;
                    }
                } else {
                    quietSince = System.currentTimeMillis();
                    for (ConsumerRecord<String, String> r : records) {
                        values.add(r.value());
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (String v : values) {
            out.append(v).append('\n');
        }
        System.out.print(out);
    }
}
