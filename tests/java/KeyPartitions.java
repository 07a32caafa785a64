// Produces one record per key with the Java client's default partitioner and prints
// "<key> <partition>" for each, as the broker acknowledged it.
//
//   java KeyPartitions <bootstrap> <topic> <count>
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

public class KeyPartitions {
    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", args[0]);
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        props.put("linger.ms", "5");
        int count = Integer.parseInt(args[2]);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                acks.add(producer.send(new ProducerRecord<>(args[1], "key-" + i, "v")));
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < count; i++) {
                out.append("key-").append(i).append(' ').append(acks.get(i).get().partition()).append('\n');
            }
            System.out.print(out);
        }
    }
}
