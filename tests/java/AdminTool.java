// The Java clients as an independent second path for the admin tests (tests/tests/admin.rs):
//
//   AdminTool config <bootstrap> <topic> <key>    prints the topic config's value and source
//                                                 as the Java AdminClient describes it
//   AdminTool hang <bootstrap> <topic> <txn id>   opens a transaction, writes one record to
//                                                 partition 0, and exits without ending it
import java.util.Collections;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;

public class AdminTool {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "config": {
                Properties props = new Properties();
                props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
                try (Admin admin = Admin.create(props)) {
                    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, args[2]);
                    Config config = admin.describeConfigs(Collections.singleton(resource)).all().get().get(resource);
                    ConfigEntry entry = config.get(args[3]);
                    System.out.println(entry.value() + " " + entry.source());
                }
                break;
            }
            case "hang": {
                Properties props = new Properties();
                props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
                props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, args[3]);
                props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "300000");
                props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                KafkaProducer<String, String> producer = new KafkaProducer<>(props);
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(args[2], 0, "k", "open")).get();
                producer.flush();
                System.out.println("open");
                System.out.flush();
                // No commit, no abort, no close: the transaction stays open on the broker.
                Runtime.getRuntime().halt(0);
                break;
            }
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
