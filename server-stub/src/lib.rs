//! In-process reference Kafka broker for tests. Under construction: see the README for what works today.
