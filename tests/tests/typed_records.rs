//! Typed keys and values against a broker: what the serializers write is what Java's write,
//! read back through the deserializers, and a value that does not decode names its record.

use std::time::Duration;

use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
use kfk_client::consumer::Consumer;
use kfk_client::producer::Producer;
use kfk_client::serialization::{BigEndian, SerializingProducer, StringSerde, TypedRecord};
use tests::read::poll_records;
use tests::topics::create_topic;
use tests::{unique_topic, Backend, Conn};

#[tokio::test]
async fn typed_records_round_trip_and_a_bad_value_names_its_record() {
    let backend = Backend::from_env().await;
    let mut conn = Conn::connect(backend.first_address()).await.expect("connect");
    let topic = unique_topic("typed");
    create_topic(&mut conn, &topic, 1).await;

    let config = ProducerConfig::builder().bootstrap_servers(&backend.bootstrap).build().expect("config");
    let visits = SerializingProducer::new(Producer::new(config).expect("producer"), StringSerde, BigEndian);
    visits.send(&topic, Some("home"), Some(&42i64)).await.expect("send");
    let headers = [("source", Some(b"test".as_slice()))];
    let record = TypedRecord::new(&topic, Some("cart"), Some(&7i64)).partition(0).headers(&headers);
    visits.send_record(record).await.expect("send record");
    visits.send::<str, i64>(&topic, Some("gone"), None).await.expect("tombstone");
    // Written as bytes, read as a number: four bytes are not an i64.
    visits.producer().send(kfk_client::producer::ProducerRecord::new(&topic).value(b"1234")).await.expect("raw");
    visits.producer().close(Duration::from_secs(5)).await.expect("close");

    let consumer = Consumer::new(
        ConsumerConfig::builder()
            .bootstrap_servers(&backend.bootstrap)
            .auto_offset_reset(OffsetReset::Earliest)
            .build()
            .expect("config"),
    )
    .expect("consumer");
    consumer.assign([(&topic, 0)]);
    let records = poll_records(&consumer, 4, Duration::from_secs(30)).await;
    let typed: Vec<(Option<String>, Option<i64>)> = records[..3]
        .iter()
        .map(|r| (r.key_with(&StringSerde).expect("key"), r.value_with(&BigEndian).expect("value")))
        .collect();
    assert_eq!(
        typed,
        vec![(Some("home".into()), Some(42)), (Some("cart".into()), Some(7)), (Some("gone".into()), None)]
    );
    assert_eq!(records[0].value.as_deref(), Some(&42i64.to_be_bytes()[..]), "Java's LongSerializer bytes");
    assert_eq!(records[1].headers.get_str("source").as_deref(), Some("test"));
    let err = records[3].value_with::<i64>(&BigEndian).expect_err("four bytes are not an i64");
    let message = err.to_string();
    assert!(message.contains(&format!("{topic}-0@3")) && message.contains("i64 takes 8 bytes"), "{message}");
    consumer.close().await;
}
