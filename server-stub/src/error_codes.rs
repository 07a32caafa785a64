//! The Kafka error codes the stub answers with (a subset of Kafka's `Errors` enum, same numbers).

/// No error.
pub const NONE: i16 = 0;
/// The requested offset is outside the log's range.
pub const OFFSET_OUT_OF_RANGE: i16 = 1;
/// A batch failed its CRC or could not be read.
pub const CORRUPT_MESSAGE: i16 = 2;
/// The topic or partition does not exist.
pub const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
/// The partition has no leader right now (also: a topic is being auto-created).
pub const LEADER_NOT_AVAILABLE: i16 = 5;
/// This broker does not lead the partition.
pub const NOT_LEADER_OR_FOLLOWER: i16 = 6;
/// The request timed out.
pub const REQUEST_TIMED_OUT: i16 = 7;
/// A batch is larger than the topic's `max.message.bytes`.
pub const MESSAGE_TOO_LARGE: i16 = 10;
/// No coordinator is available (transactional ids in phase 1).
pub const COORDINATOR_NOT_AVAILABLE: i16 = 15;
/// The topic name is invalid.
pub const INVALID_TOPIC_EXCEPTION: i16 = 17;
/// `acks` is not -1, 0 or 1.
pub const INVALID_REQUIRED_ACKS: i16 = 21;
/// A record timestamp is out of the accepted range.
pub const INVALID_TIMESTAMP: i16 = 32;
/// The API version is not supported.
pub const UNSUPPORTED_VERSION: i16 = 35;
/// The topic already exists.
pub const TOPIC_ALREADY_EXISTS: i16 = 36;
/// The partition count is invalid.
pub const INVALID_PARTITIONS: i16 = 37;
/// The replication factor is invalid.
pub const INVALID_REPLICATION_FACTOR: i16 = 38;
/// The replica assignment is invalid.
pub const INVALID_REPLICA_ASSIGNMENT: i16 = 39;
/// A topic config is invalid.
pub const INVALID_CONFIG: i16 = 40;
/// The request is malformed or contradicts itself.
pub const INVALID_REQUEST: i16 = 42;
/// A batch's sequence number does not follow the producer's last one.
pub const OUT_OF_ORDER_SEQUENCE_NUMBER: i16 = 45;
/// The producer epoch is older than the partition's last one for that producer id.
pub const INVALID_PRODUCER_EPOCH: i16 = 47;
/// A transactional batch arrived outside a transaction.
pub const INVALID_TXN_STATE: i16 = 48;
/// The producer id is not known.
pub const UNKNOWN_PRODUCER_ID: i16 = 59;
/// The fetch session does not exist.
pub const FETCH_SESSION_ID_NOT_FOUND: i16 = 70;
/// The fetch session epoch is wrong.
pub const INVALID_FETCH_SESSION_EPOCH: i16 = 71;
/// The request's leader epoch is older than the partition's.
pub const FENCED_LEADER_EPOCH: i16 = 74;
/// The request's leader epoch is newer than the partition's.
pub const UNKNOWN_LEADER_EPOCH: i16 = 75;
/// The compression codec is not allowed at this request version.
pub const UNSUPPORTED_COMPRESSION_TYPE: i16 = 76;
/// A batch breaks a rule of the log (several batches, control batch from a client, ...).
pub const INVALID_RECORD: i16 = 87;
/// The topic id does not exist.
pub const UNKNOWN_TOPIC_ID: i16 = 100;
