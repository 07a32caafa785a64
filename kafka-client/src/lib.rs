//! Async Kafka client (connections, metadata, producer, consumer). Under construction: see the README for what works today.
