// The Java clients as an independent second path for the admin tests (tests/tests/admin.rs):
//
//   AdminTool config <bootstrap> <topic> <key>    prints the topic config's value and source
//                                                 as the Java AdminClient describes it
//   AdminTool hang <bootstrap> <topic> <txn id>   opens a transaction, writes one record to
//                                                 partition 0, and exits without ending it
//   AdminTool member <bootstrap> <topic> <group>  joins <group> with the KIP-848 consumer
//                                                 protocol, prints "assigned" once it has
//                                                 partitions, and leaves when stdin closes
import java.time.Duration;
import java.util.Collections;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
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
            case "member": {
                Properties props = new Properties();
                props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
                props.put(ConsumerConfig.GROUP_ID_CONFIG, args[3]);
                props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
                props.put(ConsumerConfig.CLIENT_ID_CONFIG, "admin-tool-member");
                props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
                AtomicBoolean done = new AtomicBoolean(false);
                Thread stdin = new Thread(() -> {
                    try {
                        while (System.in.read() >= 0) { }
                    } catch (Exception e) {
                        // Closed either way.
                    }
                    done.set(true);
                });
                stdin.setDaemon(true);
                stdin.start();
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                    consumer.subscribe(Collections.singleton(args[2]));
                    boolean announced = false;
                    while (!done.get()) {
                        consumer.poll(Duration.ofMillis(200));
                        if (!announced && !consumer.assignment().isEmpty()) {
                            System.out.println("assigned");
                            System.out.flush();
                            announced = true;
                        }
                    }
                }
                break;
            }
            default:
                throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
