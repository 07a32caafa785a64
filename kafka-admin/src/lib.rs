//! Kafka administration API. Under construction: see the README for what works today.
