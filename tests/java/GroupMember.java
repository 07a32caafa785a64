// A Java consumer group member for mixed-group tests. It subscribes to one topic with the
// given assignment strategy and prints, one line each:
//   "A <p> <p>..."  partitions assigned     "V <p>..."  revoked     "L <p>..."  lost
//   "R <partition> <offset> <value>"        every record it was handed
// until the stop file exists; then it commits (polling again while a rebalance refuses the
// commit) and closes (a clean leave) and prints "CLOSED".
// The strategy "consumer" means the KIP-848 protocol (group.protocol=consumer), where the
// coordinator assigns.
//
//   java GroupMember <bootstrap> <topic> <group> <strategy class | consumer> <stop file>
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.StringDeserializer;

public class GroupMember {
    public static void main(String[] args) throws Exception {
        Path stop = Paths.get(args[4]);
        Properties props = new Properties();
        props.put("bootstrap.servers", args[0]);
        props.put("group.id", args[2]);
        if (args[3].equals("consumer")) {
            props.put("group.protocol", "consumer");
        } else {
            props.put("group.protocol", "classic");
            props.put("partition.assignment.strategy", args[3]);
            props.put("session.timeout.ms", "6000");
            props.put("heartbeat.interval.ms", "500");
        }
        props.put("auto.offset.reset", "earliest");
        props.put("auto.commit.interval.ms", "1000");
        props.put("key.deserializer", StringDeserializer.class.getName());
        props.put("value.deserializer", StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(args[1]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    print("A", partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    print("V", partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    print("L", partitions);
                }
            });
            while (!Files.exists(stop)) {
                poll(consumer);
            }
            // The other members may be leaving at the same moment: a commit during the rebalance
            // they cause is refused, and a real application polls (finishing the rebalance) and
            // commits again, as this one does.
            for (int attempt = 1; ; attempt++) {
                try {
                    consumer.commitSync();
                    break;
                } catch (RebalanceInProgressException e) {
                    if (attempt == 20) {
                        throw e;
                    }
                    poll(consumer);
                }
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }

    private static void poll(KafkaConsumer<String, String> consumer) {
        StringBuilder out = new StringBuilder();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
            out.append("R ").append(r.partition()).append(' ').append(r.offset()).append(' ')
                .append(r.value()).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    private static void print(String kind, Collection<TopicPartition> partitions) {
        StringBuilder line = new StringBuilder(kind);
        for (TopicPartition tp : partitions) {
            line.append(' ').append(tp.partition());
        }
        System.out.println(line);
        System.out.flush();
    }
}
