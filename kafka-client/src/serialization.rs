//! Typed keys and values. A [`Serializer`] turns a key or value into bytes for the producer, a
//! [`Deserializer`] turns a consumed record's bytes back, as Java's `Serializer` and
//! `Deserializer` do; both see the topic and the headers.
//!
//! The built-ins write what Java's do, so both sides interoperate with Java applications:
//! [`StringSerde`] (UTF-8, Java's `StringSerializer`), [`BytesSerde`] (the bytes as they are),
//! [`BigEndian`] for `i16`, `i32`, `i64`, `f32`, `f64` (Java's `ShortSerializer`,
//! `IntegerSerializer`, `LongSerializer`, `FloatSerializer`, `DoubleSerializer`), and, with the
//! `json` feature, [`Json`] for any serde type.
//!
//! The byte API ([`Producer::send`](crate::producer::Producer::send), [`ConsumerRecord`]'s
//! fields) stays as it is and costs nothing more; the typed layer sits on top:
//! [`SerializingProducer`] on the producer side, [`ConsumerRecord::key_with`] and
//! [`ConsumerRecord::value_with`] on the consumer side. A failure names the record's topic, and
//! when consumed its partition and offset.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let stub = kfk_stub::StubCluster::builder().start().await?;
//! # stub.create_topic("visits", 1)?;
//! # let bootstrap = stub.bootstrap();
//! use std::time::Duration;
//! use kfk_client::config::{ConsumerConfig, OffsetReset, ProducerConfig};
//! use kfk_client::consumer::Consumer;
//! use kfk_client::producer::Producer;
//! use kfk_client::serialization::{BigEndian, SerializingProducer, StringSerde};
//!
//! let producer = Producer::new(ProducerConfig::builder().bootstrap_servers(&bootstrap).build()?)?;
//! let visits = SerializingProducer::new(producer, StringSerde, BigEndian);
//! visits.send("visits", Some("home"), Some(&42i64)).await?;
//!
//! let consumer = Consumer::new(
//!     ConsumerConfig::builder().bootstrap_servers(&bootstrap).auto_offset_reset(OffsetReset::Earliest).build()?,
//! )?;
//! consumer.assign([("visits", 0)]);
//! let record = consumer.recv().await?;
//! let page: Option<String> = record.key_with(&StringSerde)?;
//! let count: Option<i64> = record.value_with(&BigEndian)?;
//! assert_eq!((page.as_deref(), count), (Some("home"), Some(42)));
//! # Ok(()) }
//! ```

use std::sync::Arc;

use bytes::Bytes;
use kfk_protocol::records::Headers;

use crate::consumer::ConsumerRecord;
use crate::error::Error;
use crate::producer::{Producer, ProducerRecord, RecordHeaders, RecordMetadata};

/// What a serializer or deserializer reports: any error type of its own.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Turns a `T` into bytes (Java's `Serializer<T>`).
pub trait Serializer<T: ?Sized>: Send + Sync {
    /// Appends the bytes of `data` to `out` (empty when it is called). `topic` and `headers`
    /// are the record's, for formats that depend on them.
    fn serialize(&self, topic: &str, headers: RecordHeaders<'_>, data: &T, out: &mut Vec<u8>) -> Result<(), BoxError>;
}

/// Turns a consumed key or value back into a `T` (Java's `Deserializer<T>`).
pub trait Deserializer<T>: Send + Sync {
    /// The value of `data`; `topic` and `headers` are the record's.
    fn deserialize(&self, topic: &str, headers: &Headers, data: &Bytes) -> Result<T, BoxError>;
}

/// A key or value that could not be serialized or deserialized.
#[derive(Debug, thiserror::Error)]
#[error("the {part} of a record of {topic}{} could not be {}: {source}", where_(*partition, *offset), if *serializing { "serialized" } else { "deserialized" })]
#[non_exhaustive]
pub struct SerializationError {
    /// `key` or `value`.
    pub part: &'static str,
    /// The record's topic.
    pub topic: Arc<str>,
    /// Its partition, when it was consumed (or one was chosen).
    pub partition: Option<i32>,
    /// Its offset, when it was consumed.
    pub offset: Option<i64>,
    /// Whether it failed on the way out (producing) or in (consuming).
    pub serializing: bool,
    /// The serializer's or deserializer's error.
    pub source: BoxError,
}

fn where_(partition: Option<i32>, offset: Option<i64>) -> String {
    match (partition, offset) {
        (Some(p), Some(o)) => format!("-{p}@{o}"),
        (Some(p), None) => format!("-{p}"),
        _ => String::new(),
    }
}

/// UTF-8 text, as Java's `StringSerializer` and `StringDeserializer` (with their default
/// encoding). Deserializing bytes that are not UTF-8 is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct StringSerde;

impl<T: AsRef<str> + ?Sized> Serializer<T> for StringSerde {
    fn serialize(&self, _: &str, _: RecordHeaders<'_>, data: &T, out: &mut Vec<u8>) -> Result<(), BoxError> {
        out.extend_from_slice(data.as_ref().as_bytes());
        Ok(())
    }
}

impl Deserializer<String> for StringSerde {
    fn deserialize(&self, _: &str, _: &Headers, data: &Bytes) -> Result<String, BoxError> {
        Ok(std::str::from_utf8(data)?.to_owned())
    }
}

/// The bytes as they are (Java's `ByteArraySerializer`); deserializing to [`Bytes`] shares the
/// fetched buffer rather than copying it.
#[derive(Debug, Clone, Copy, Default)]
pub struct BytesSerde;

impl<T: AsRef<[u8]> + ?Sized> Serializer<T> for BytesSerde {
    fn serialize(&self, _: &str, _: RecordHeaders<'_>, data: &T, out: &mut Vec<u8>) -> Result<(), BoxError> {
        out.extend_from_slice(data.as_ref());
        Ok(())
    }
}

impl Deserializer<Bytes> for BytesSerde {
    fn deserialize(&self, _: &str, _: &Headers, data: &Bytes) -> Result<Bytes, BoxError> {
        Ok(data.clone())
    }
}

impl Deserializer<Vec<u8>> for BytesSerde {
    fn deserialize(&self, _: &str, _: &Headers, data: &Bytes) -> Result<Vec<u8>, BoxError> {
        Ok(data.to_vec())
    }
}

/// Numbers in big-endian byte order, as Java's `ShortSerializer` (`i16`), `IntegerSerializer`
/// (`i32`), `LongSerializer` (`i64`), `FloatSerializer` (`f32`) and `DoubleSerializer` (`f64`).
/// Deserializing checks the size, as Java's do.
#[derive(Debug, Clone, Copy, Default)]
pub struct BigEndian;

macro_rules! big_endian {
    ($($t:ty),*) => {$(
        impl Serializer<$t> for BigEndian {
            fn serialize(&self, _: &str, _: RecordHeaders<'_>, data: &$t, out: &mut Vec<u8>) -> Result<(), BoxError> {
                out.extend_from_slice(&data.to_be_bytes());
                Ok(())
            }
        }

        impl Deserializer<$t> for BigEndian {
            fn deserialize(&self, _: &str, _: &Headers, data: &Bytes) -> Result<$t, BoxError> {
                let bytes: [u8; std::mem::size_of::<$t>()] = data.as_ref().try_into().map_err(|_| {
                    format!(
                        "{} takes {} bytes, the data has {}",
                        stringify!($t),
                        std::mem::size_of::<$t>(),
                        data.len()
                    )
                })?;
                Ok(<$t>::from_be_bytes(bytes))
            }
        }
    )*};
}

big_endian!(i16, i32, i64, f32, f64);

/// Any serde type as JSON (feature `json`).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

#[cfg(feature = "json")]
impl<T: serde::Serialize + ?Sized> Serializer<T> for Json {
    fn serialize(&self, _: &str, _: RecordHeaders<'_>, data: &T, out: &mut Vec<u8>) -> Result<(), BoxError> {
        serde_json::to_writer(out, data)?;
        Ok(())
    }
}

#[cfg(feature = "json")]
impl<T: serde::de::DeserializeOwned> Deserializer<T> for Json {
    fn deserialize(&self, _: &str, _: &Headers, data: &Bytes) -> Result<T, BoxError> {
        Ok(serde_json::from_slice(data)?)
    }
}

/// A producer of typed keys and values: the serializers turn them into bytes, then the
/// [`Producer`] sends those. Cheap to clone when the serializers are.
#[derive(Debug, Clone)]
pub struct SerializingProducer<KS, VS> {
    producer: Producer,
    key: KS,
    value: VS,
}

/// A typed record for [`SerializingProducer::send_record`]: the topic, optional key, value,
/// partition, headers and timestamp, borrowed as in [`ProducerRecord`].
#[derive(Debug)]
#[non_exhaustive]
pub struct TypedRecord<'a, K: ?Sized, V: ?Sized> {
    /// The bytes-level record the typed parts are added to (topic, partition, headers,
    /// timestamp).
    pub record: ProducerRecord<'a>,
    /// The key; `None` sends a null key.
    pub key: Option<&'a K>,
    /// The value; `None` sends a null value (a tombstone on compacted topics).
    pub value: Option<&'a V>,
}

impl<'a, K: ?Sized, V: ?Sized> TypedRecord<'a, K, V> {
    /// A record for `topic` with `key` and `value`.
    pub fn new(topic: &'a str, key: Option<&'a K>, value: Option<&'a V>) -> Self {
        TypedRecord { record: ProducerRecord::new(topic), key, value }
    }

    /// Sends to this partition.
    pub fn partition(mut self, partition: i32) -> Self {
        self.record = self.record.partition(partition);
        self
    }

    /// Sets the headers from `(name, value)` pairs.
    pub fn headers(mut self, headers: &'a [(&'a str, Option<&'a [u8]>)]) -> Self {
        self.record = self.record.headers(headers);
        self
    }

    /// Sets the headers from a list built with [`Headers::add`](crate::producer::Headers::add).
    pub fn with_headers(mut self, headers: &'a crate::producer::Headers) -> Self {
        self.record = self.record.with_headers(headers);
        self
    }

    /// Sets the timestamp (ms since the epoch).
    pub fn timestamp(mut self, timestamp: i64) -> Self {
        self.record = self.record.timestamp(timestamp);
        self
    }
}

impl<KS, VS> SerializingProducer<KS, VS> {
    /// `producer` with a key and a value serializer.
    pub fn new(producer: Producer, key: KS, value: VS) -> Self {
        SerializingProducer { producer, key, value }
    }

    /// The producer underneath (flush, close, transactions).
    pub fn producer(&self) -> &Producer {
        &self.producer
    }

    /// Sends `value` with `key` to `topic` and waits for its outcome.
    pub async fn send<K: ?Sized, V: ?Sized>(
        &self,
        topic: &str,
        key: Option<&K>,
        value: Option<&V>,
    ) -> Result<RecordMetadata, Error>
    where
        KS: Serializer<K>,
        VS: Serializer<V>,
    {
        self.send_record(TypedRecord::new(topic, key, value)).await
    }

    /// Sends a typed record (with a partition, headers or a timestamp) and waits for its outcome.
    pub async fn send_record<K: ?Sized, V: ?Sized>(&self, typed: TypedRecord<'_, K, V>) -> Result<RecordMetadata, Error>
    where
        KS: Serializer<K>,
        VS: Serializer<V>,
    {
        let record = typed.record;
        let failed = |part, source| SerializationError {
            part,
            topic: Arc::from(record.topic),
            partition: record.partition,
            offset: None,
            serializing: true,
            source,
        };
        let mut key = Vec::new();
        if let Some(k) = typed.key {
            self.key.serialize(record.topic, record.headers, k, &mut key).map_err(|e| failed("key", e))?;
        }
        let mut value = Vec::new();
        if let Some(v) = typed.value {
            self.value.serialize(record.topic, record.headers, v, &mut value).map_err(|e| failed("value", e))?;
        }
        let mut bytes = record;
        bytes.key = typed.key.map(|_| key.as_slice());
        bytes.value = typed.value.map(|_| value.as_slice());
        Ok(self.producer.send(bytes).await?)
    }
}

impl ConsumerRecord {
    /// The key through `deserializer`; `None` for a null key.
    pub fn key_with<T>(&self, deserializer: &impl Deserializer<T>) -> Result<Option<T>, SerializationError> {
        self.decode(self.key.as_ref(), deserializer, "key")
    }

    /// The value through `deserializer`; `None` for a null value (a tombstone).
    pub fn value_with<T>(&self, deserializer: &impl Deserializer<T>) -> Result<Option<T>, SerializationError> {
        self.decode(self.value.as_ref(), deserializer, "value")
    }

    fn decode<T>(
        &self,
        data: Option<&Bytes>,
        deserializer: &impl Deserializer<T>,
        part: &'static str,
    ) -> Result<Option<T>, SerializationError> {
        data.map(|d| deserializer.deserialize(&self.topic, &self.headers, d)).transpose().map_err(|source| {
            SerializationError {
                part,
                topic: self.topic.clone(),
                partition: Some(self.partition),
                offset: Some(self.offset),
                serializing: false,
                source,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes_of<T: ?Sized>(serializer: &impl Serializer<T>, data: &T) -> Vec<u8> {
        let mut out = Vec::new();
        serializer.serialize("t", RecordHeaders::default(), data, &mut out).expect("serialize");
        out
    }

    #[test]
    fn numbers_are_written_as_java_writes_them() {
        // Java: new IntegerSerializer().serialize("t", 0x01020304) == {1, 2, 3, 4}.
        assert_eq!(bytes_of(&BigEndian, &0x0102_0304i32), [1, 2, 3, 4]);
        assert_eq!(bytes_of(&BigEndian, &-2i64), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]);
        assert_eq!(bytes_of(&BigEndian, &1.5f64), 1.5f64.to_be_bytes());
        let back: i32 = BigEndian.deserialize("t", &Headers::default(), &Bytes::from_static(&[1, 2, 3, 4])).unwrap();
        assert_eq!(back, 0x0102_0304);
        let short: Result<i64, _> = BigEndian.deserialize("t", &Headers::default(), &Bytes::from_static(&[1, 2]));
        assert_eq!(short.unwrap_err().to_string(), "i64 takes 8 bytes, the data has 2");
    }

    #[test]
    fn strings_and_bytes_round_trip_and_bad_utf8_is_an_error() {
        assert_eq!(bytes_of(&StringSerde, "héllo"), "héllo".as_bytes());
        let text: String = StringSerde.deserialize("t", &Headers::default(), &Bytes::from("héllo")).unwrap();
        assert_eq!(text, "héllo");
        let bad: Result<String, _> = StringSerde.deserialize("t", &Headers::default(), &Bytes::from_static(&[0xff]));
        assert!(bad.is_err());
        let shared: Bytes = BytesSerde.deserialize("t", &Headers::default(), &Bytes::from_static(b"raw")).unwrap();
        assert_eq!(&shared[..], b"raw");
    }

    #[cfg(feature = "json")]
    #[test]
    fn json_round_trips_serde_types() {
        #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
        struct Order {
            id: u32,
            total: f64,
        }
        let bytes = bytes_of(&Json, &Order { id: 7, total: 12.5 });
        assert_eq!(bytes, br#"{"id":7,"total":12.5}"#);
        let back: Order = Json.deserialize("t", &Headers::default(), &Bytes::from(bytes)).unwrap();
        assert_eq!(back, Order { id: 7, total: 12.5 });
    }
}
