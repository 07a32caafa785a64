//! The client's error type. Every failure names where it happened (which broker, which API,
//! which topic-partition) and says whether retrying can help.

use std::sync::Arc;
use std::time::Duration;

use kfk_protocol::{DecodeError, EncodeError, ErrorCode};

use crate::types::TransactionState;

mod context;

pub use context::{Api, ErrorContext};

/// A broker as the client knows it: its node id (`-1` for a bootstrap address before metadata
/// names it) and address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BrokerId {
    /// The broker's `node.id`, or a negative placeholder for bootstrap addresses.
    pub node_id: i32,
    /// `host:port`.
    pub addr: String,
}

impl std::fmt::Display for BrokerId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.node_id >= 0 {
            write!(f, "broker {} at {}", self.node_id, self.addr)
        } else {
            write!(f, "bootstrap broker {}", self.addr)
        }
    }
}

/// Everything that can go wrong in the client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Connecting to, reading from or writing to a broker failed.
    #[error("{broker}: {source}")]
    Io {
        /// The broker.
        broker: BrokerId,
        /// The failure.
        #[source]
        source: std::io::Error,
    },
    /// The connection closed before a response arrived (the request may or may not have been
    /// processed).
    #[error("{broker}: connection closed before the response to {api:?} arrived")]
    Disconnected {
        /// The broker.
        broker: BrokerId,
        /// The request whose response was lost.
        api: Option<Api>,
    },
    /// No response within the request timeout (`request.timeout.ms`, or the time left before
    /// the caller's deadline when that was shorter); the connection was closed, as responses on
    /// it could no longer be matched safely.
    #[error("{broker}: no response to {api:?} within {after:?} (request.timeout.ms or the caller's deadline)")]
    RequestTimeout {
        /// The broker.
        broker: BrokerId,
        /// The request.
        api: Api,
        /// The timeout that elapsed.
        after: Duration,
    },
    /// Connecting took longer than allowed.
    #[error("{broker}: could not connect within {after:?} (socket.connection.setup.timeout.ms)")]
    ConnectTimeout {
        /// The broker.
        broker: BrokerId,
        /// The timeout that elapsed.
        after: Duration,
    },
    /// The broker does not support any version of an API this client can use.
    #[error("{broker}: does not support {api:?} in a version this client speaks ({ours}); broker offers {theirs}")]
    UnsupportedVersion {
        /// The broker.
        broker: BrokerId,
        /// The API.
        api: Api,
        /// Our version range.
        ours: String,
        /// The broker's range, or "none".
        theirs: String,
    },
    /// The broker is older than the oldest release this client supports (Kafka 2.1).
    #[error("{broker}: broker is older than Kafka 2.1 ({detail}); upgrade the broker")]
    BrokerTooOld {
        /// The broker.
        broker: BrokerId,
        /// What gave it away.
        detail: String,
    },
    /// A request could not be encoded (a value the negotiated version cannot carry).
    #[error("{broker}: {source}")]
    Encode {
        /// The broker.
        broker: BrokerId,
        /// The failure.
        #[source]
        source: EncodeError,
    },
    /// A response could not be decoded: the broker sent bytes that do not match the protocol.
    #[error("{broker}: {source}")]
    Decode {
        /// The broker.
        broker: BrokerId,
        /// The failure.
        #[source]
        source: DecodeError,
    },
    /// A frame was larger than the client accepts.
    #[error("{broker}: {source}")]
    Frame {
        /// The broker.
        broker: BrokerId,
        /// The failure.
        #[source]
        source: kfk_protocol::frame::FrameSizeError,
    },
    /// The broker answered with a correlation id that no request on the connection is waiting
    /// for. Responses on that connection can no longer be matched to requests, so it was closed
    /// and every request on it failed at once, as the Java client does; a retry goes over a new
    /// connection. Seen with a broken broker or a proxy that mixes up connections.
    #[error(
        "{broker}: answered correlation id {got}, which no request on this connection waits for, while the \
         response to {api:?} (correlation id {expected}) was due; the connection was closed"
    )]
    CorrelationMismatch {
        /// The broker.
        broker: BrokerId,
        /// The request that failed with the connection.
        api: Api,
        /// The correlation id of that request.
        expected: i32,
        /// The correlation id the broker sent.
        got: i32,
    },
    /// A response frame was larger than the client accepts for its API, and was refused before
    /// its body was read (the connection was closed, as the rest of the stream cannot be
    /// skipped safely). Fetch answers may use all of `receive.message.max.bytes`; answers
    /// without records a fraction of it (see [`crate::net::ConnectionConfig`]).
    #[error(
        "{broker}: the response to {api:?} is {size} bytes, more than the {max} bytes accepted for it; raise \
         {setting} if the broker is right to send that much (the connection was closed)"
    )]
    ResponseTooLarge {
        /// The broker.
        broker: BrokerId,
        /// The request the response answers.
        api: Api,
        /// The size the frame announced.
        size: i64,
        /// The largest size accepted for this API.
        max: usize,
        /// The setting that decides `max`.
        setting: &'static str,
    },
    /// The broker answered with an error code.
    #[error("{context}: {code}{}", message.as_deref().map(|m| format!(": {m}")).unwrap_or_default())]
    Kafka {
        /// The error code.
        code: ErrorCode,
        /// The broker's error message, when it sent one.
        message: Option<String>,
        /// What the request was about (API, topic-partition, group...), as typed fields.
        context: ErrorContext,
    },
    /// A request was routed to a broker that the latest metadata no longer lists (it stopped or
    /// was fenced); retrying after the next metadata refresh reaches its successor.
    #[error(
        "broker {node} is not in the cluster metadata (stopped or fenced); waiting for metadata to move its partitions"
    )]
    UnknownBroker {
        /// The node id the request was meant for.
        node: i32,
    },
    /// The client was closed.
    #[error("the client is closed")]
    Closed,
    /// A configuration key or value is invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Every broker tried failed: the bootstrap addresses, or the brokers of the last metadata
    /// while `metadata.recovery.strategy` does not yet send the client back to the bootstrap list.
    #[error("no broker reachable ({tried}): {last}")]
    NoBrokerReachable {
        /// The addresses or brokers tried.
        tried: String,
        /// The last failure.
        last: Box<Error>,
    },
    /// A transactional operation failed or is not allowed now.
    #[error(transparent)]
    Transaction(#[from] TransactionError),
    /// A Fetch answer held bytes for a partition but no record batch that moves its position:
    /// the first batch is cut short, malformed, or ends before the fetch offset. The consumer
    /// fetches the partition again after a backoff; if this persists, the broker's log is
    /// likely damaged at that offset.
    #[error(
        "no progress reading {topic}-{partition} at offset {offset} from broker {node}: {detail}; \
         the partition is fetched again with backoff; if this persists, check the broker's log \
         at that offset, or seek past it to skip it"
    )]
    FetchNoProgress {
        /// The topic.
        topic: String,
        /// The partition.
        partition: i32,
        /// The offset fetched.
        offset: i64,
        /// The broker that answered.
        node: i32,
        /// What was wrong with the bytes.
        detail: String,
    },
    /// The TLS handshake with a broker failed (`security.protocol` SSL or SASL_SSL), or the
    /// broker and the client disagree on whether the port speaks TLS.
    #[error("{broker}: TLS handshake failed: {failure}: {detail}; {}", failure.hint())]
    Tls {
        /// The broker.
        broker: BrokerId,
        /// What kind of failure.
        failure: TlsFailure,
        /// The TLS library's words.
        detail: String,
    },
    /// The broker refused the credentials (`SASL_AUTHENTICATION_FAILED`). Not retriable: the
    /// same credentials fail again.
    #[error(
        "{broker}: SASL authentication with {mechanism} failed{}; check the user name and password (sasl.jaas.config) \
         and that the user exists for this mechanism on the broker",
        message.as_deref().map(|m| format!(": {m}")).unwrap_or_default()
    )]
    SaslAuthenticationFailed {
        /// The broker.
        broker: BrokerId,
        /// The mechanism.
        mechanism: String,
        /// The broker's message.
        message: Option<String>,
    },
    /// The broker's listener does not enable the configured SASL mechanism.
    #[error(
        "{broker}: SASL mechanism {mechanism} is not enabled on this listener; the broker offers [{}] \
         (set sasl.mechanism to one of them, or enable it in the broker's sasl.enabled.mechanisms)",
        offered.join(", ")
    )]
    SaslMechanismUnsupported {
        /// The broker.
        broker: BrokerId,
        /// The mechanism configured.
        mechanism: String,
        /// The mechanisms the broker offers.
        offered: Vec<String>,
    },
    /// The SASL mechanism failed on the client side (a malformed broker message, a broker that
    /// could not prove it knows the password, a token provider that failed).
    #[error("{broker}: SASL {source}")]
    Sasl {
        /// The broker.
        broker: BrokerId,
        /// The failure.
        #[source]
        source: SaslError,
    },
    /// A record was not delivered: its topic, partition, whether it may be in the log anyway,
    /// and why (from [`Producer::send`](crate::producer::Producer::send) or a
    /// [`Delivery`](crate::producer::Delivery)).
    #[error(transparent)]
    Produce(#[from] crate::producer::ProduceError),
    /// Records failed since the last [`Producer::flush`](crate::producer::Producer::flush).
    #[error(transparent)]
    Flush(#[from] crate::producer::FlushError),
    /// A key or value could not be serialized or deserialized (see
    /// [`serialization`](crate::serialization)); it names the record.
    #[error(transparent)]
    Serialization(#[from] crate::serialization::SerializationError),
    /// An admin client's error that has no closer variant here (kafka-admin converts its
    /// `AdminError` into this error so that `?` works across the SDK's clients; broker error
    /// codes become [`Error::Kafka`]). Downcast to `kfk_admin::AdminError` for its fields.
    #[error(transparent)]
    Admin(Box<dyn std::error::Error + Send + Sync + 'static>),
    /// [`Consumer::wakeup`](crate::consumer::Consumer::wakeup) interrupted a `poll` (or was
    /// called while none was waiting, which interrupts the next one). Nothing was consumed:
    /// positions are where the last poll left them.
    #[error("poll interrupted by Consumer::wakeup")]
    Wakeup,
    /// [`Consumer::enforce_rebalance`](crate::consumer::Consumer::enforce_rebalance) could
    /// not ask for a rebalance; nothing was changed.
    #[error(transparent)]
    EnforceRebalance(#[from] EnforceRebalanceError),
    /// A timeout set by the caller or configuration elapsed.
    #[error("timed out after {after:?}: {what}")]
    Timeout {
        /// What was being waited for.
        what: String,
        /// How long.
        after: Duration,
    },
}

impl Error {
    /// Whether retrying the operation may succeed.
    pub fn is_retriable(&self) -> bool {
        match self {
            Error::Io { .. }
            | Error::Disconnected { .. }
            | Error::CorrelationMismatch { .. }
            | Error::RequestTimeout { .. }
            | Error::ConnectTimeout { .. }
            | Error::NoBrokerReachable { .. }
            | Error::UnknownBroker { .. }
            | Error::Timeout { .. } => true,
            Error::Kafka { code, .. } => code.is_retriable(),
            Error::Tls { failure, .. } => failure.is_retriable(),
            Error::Produce(e) => e.error.is_retriable(),
            Error::Flush(e) => e.first.error.is_retriable(),
            _ => false,
        }
    }

    /// The Kafka error code, if the broker sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Error::Kafka { code, .. } => Some(*code),
            Error::SaslAuthenticationFailed { .. } => Some(ErrorCode::SASL_AUTHENTICATION_FAILED),
            Error::SaslMechanismUnsupported { .. } => Some(ErrorCode::UNSUPPORTED_SASL_MECHANISM),
            Error::Transaction(e) => e.cause().and_then(Error::code),
            Error::Produce(e) => e.error.code(),
            Error::Flush(e) => e.first.error.code(),
            _ => None,
        }
    }

    /// Whether this is an authentication failure (SASL or TLS certificates): the same
    /// configuration fails again, so no retry or reconnect helps, and the error goes to the
    /// caller at once.
    pub fn is_authentication(&self) -> bool {
        match self {
            Error::SaslAuthenticationFailed { .. } | Error::SaslMechanismUnsupported { .. } | Error::Sasl { .. } => {
                true
            }
            Error::Tls { failure, .. } => !failure.is_retriable(),
            Error::NoBrokerReachable { last, .. } => last.is_authentication(),
            _ => false,
        }
    }

    /// What the broker's error answer was about (request, topic-partition, group,
    /// transactional id), for [`Error::Kafka`] and the errors that wrap one.
    pub fn context(&self) -> Option<&ErrorContext> {
        match self {
            Error::Kafka { context, .. } => Some(context),
            Error::Produce(e) => e.error.context(),
            Error::Flush(e) => e.first.error.context(),
            Error::NoBrokerReachable { last, .. } => last.context(),
            _ => None,
        }
    }

    /// The request that failed, when the error names one.
    pub fn api(&self) -> Option<Api> {
        match self {
            Error::Disconnected { api, .. } => *api,
            Error::RequestTimeout { api, .. }
            | Error::UnsupportedVersion { api, .. }
            | Error::CorrelationMismatch { api, .. }
            | Error::ResponseTooLarge { api, .. } => Some(*api),
            other => other.context().and_then(ErrorContext::api),
        }
    }

    /// An error for a non-zero `code` in a response.
    pub fn kafka(code: ErrorCode, message: Option<String>, context: impl Into<ErrorContext>) -> Error {
        Error::Kafka { code, message, context: context.into() }
    }
}

/// Why [`Consumer::enforce_rebalance`](crate::consumer::Consumer::enforce_rebalance) did not
/// ask for a rebalance.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EnforceRebalanceError {
    /// The consumer is in no group it could rebalance: it never subscribed, unsubscribed, or
    /// reads assigned partitions (Java throws `IllegalStateException` here).
    #[error("enforce_rebalance: the consumer is not subscribed to a group (subscribe first; assigned partitions have no group to rebalance)")]
    NotSubscribed,
    /// The group uses KIP-848's consumer protocol (`group.protocol=consumer`), where the
    /// coordinator alone decides assignments and a member cannot ask for a rebalance. Java's
    /// consumer logs a warning and does nothing in this case; this error says so instead.
    #[error(
        "enforce_rebalance: group {group} uses group.protocol=consumer (KIP-848), where members cannot \
         ask for a rebalance (Java's consumer ignores the call); the coordinator reassigns when the \
         members or their subscriptions change, or use group.protocol=classic"
    )]
    ConsumerProtocol {
        /// The group.
        group: String,
    },
}

/// Why a TLS handshake failed (see [`Error::Tls`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TlsFailure {
    /// The broker's certificate is not signed by a trusted CA.
    UnknownCa,
    /// The broker's certificate does not name the host the client connected to.
    HostnameMismatch,
    /// The broker's certificate has expired (or is not valid yet).
    Expired,
    /// The broker's certificate is invalid for another reason (revoked, wrong usage, bad
    /// signature...).
    BadCertificate,
    /// The broker refused the client's certificate, or wanted one and got none (mTLS).
    ClientCertificateRejected,
    /// The broker answered with bytes that are not TLS: the port is likely a PLAINTEXT or
    /// SASL_PLAINTEXT listener.
    NotTls,
    /// The client spoke plain Kafka and the broker answered with TLS: the port is an SSL or
    /// SASL_SSL listener.
    BrokerExpectsTls,
    /// The broker closed the connection during the handshake.
    ClosedDuringHandshake,
    /// Without TLS: the broker closed the connection before answering the first request
    /// (ApiVersions), as a TLS listener may do when it gets plain Kafka.
    ClosedBeforeFirstAnswer,
    /// The two sides share no protocol version or cipher suite.
    NoCommonParameters,
    /// Anything else the TLS library reported.
    Other,
}

impl TlsFailure {
    /// What to check.
    pub fn hint(self) -> &'static str {
        match self {
            TlsFailure::UnknownCa => {
                "check ssl.truststore.location / ssl.truststore.certificates: they must hold the CA that signed the \
                 broker's certificate"
            }
            TlsFailure::HostnameMismatch => {
                "the certificate must name the broker's advertised host (subjectAltName); fix the certificate or the \
                 advertised listener, or as a last resort set ssl.endpoint.identification.algorithm to empty"
            }
            TlsFailure::Expired => "renew the broker's certificate, and check both machines' clocks",
            TlsFailure::BadCertificate => "check the broker's certificate (key usage, signature, chain)",
            TlsFailure::ClientCertificateRejected => {
                "the broker requires a client certificate it trusts (ssl.client.auth=required): set \
                 ssl.keystore.location (or ssl.keystore.certificate.chain and ssl.keystore.key) to one signed by a CA \
                 in the broker's truststore"
            }
            TlsFailure::NotTls => {
                "this port does not speak TLS: use security.protocol PLAINTEXT or SASL_PLAINTEXT for it, or the \
                 broker's SSL listener port"
            }
            TlsFailure::BrokerExpectsTls => {
                "this port is a TLS listener: use security.protocol SSL or SASL_SSL for it, or the broker's \
                 PLAINTEXT listener port"
            }
            TlsFailure::ClosedDuringHandshake => {
                "check that the port is a TLS listener (not PLAINTEXT), that the broker trusts the client's \
                 certificate if it requires one, and the broker's log"
            }
            TlsFailure::ClosedBeforeFirstAnswer => {
                "if this port is a TLS listener, use security.protocol SSL or SASL_SSL for it; otherwise check the \
                 broker's log (it may be shutting down or refusing connections)"
            }
            TlsFailure::NoCommonParameters => "check ssl.enabled.protocols and ssl.cipher.suites against the broker's",
            TlsFailure::Other => "check the TLS settings (ssl.*) on both sides",
        }
    }

    /// Whether reconnecting may succeed: a broker closing mid-handshake may be restarting;
    /// a certificate or protocol mismatch fails again.
    pub fn is_retriable(self) -> bool {
        matches!(self, TlsFailure::ClosedDuringHandshake | TlsFailure::ClosedBeforeFirstAnswer | TlsFailure::Other)
    }
}

impl std::fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            TlsFailure::UnknownCa => "the broker's certificate is signed by an unknown CA",
            TlsFailure::HostnameMismatch => "the broker's certificate does not match its host name",
            TlsFailure::Expired => "the broker's certificate has expired or is not valid yet",
            TlsFailure::BadCertificate => "the broker's certificate is invalid",
            TlsFailure::ClientCertificateRejected => "the broker refused the client certificate (or got none)",
            TlsFailure::NotTls => "the broker does not speak TLS on this port",
            TlsFailure::BrokerExpectsTls => "the broker speaks TLS on this port and the client does not",
            TlsFailure::ClosedDuringHandshake => "the broker closed the connection during the TLS handshake",
            TlsFailure::ClosedBeforeFirstAnswer => "the broker closed the connection before its first answer",
            TlsFailure::NoCommonParameters => "no common TLS version or cipher suite",
            TlsFailure::Other => "TLS error",
        })
    }
}

/// The client's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A configuration key or value that is not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// A properties file could not be read or parsed. The detail names the line, never a
    /// value (values may be secrets).
    #[error("configuration file {}: {detail}", path.display())]
    File {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        detail: String,
    },
    /// The key is not one this client knows.
    #[error("unknown configuration key `{key}`{}", suggestion.as_deref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownKey {
        /// The key.
        key: String,
        /// A known key close to it.
        suggestion: Option<String>,
    },
    /// The value is not valid for the key.
    #[error("invalid value `{value}` for `{key}`: expected {expected}")]
    InvalidValue {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        expected: String,
    },
    /// A required key is missing.
    #[error("missing required configuration `{key}`")]
    Missing {
        /// The key.
        key: String,
    },
}

/// Why a transactional operation failed.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum TransactionError {
    /// The producer was fenced by a newer instance with the same `transactional.id`, lost its
    /// authorization, or met an error it cannot recover from.
    #[error("the transactional producer failed fatally ({cause}); close it and create a new one")]
    Fatal {
        /// What happened.
        cause: Arc<Error>,
    },
    /// The current transaction cannot commit.
    #[error("the transaction cannot commit ({cause}); call abort_transaction, then begin a new one")]
    Abortable {
        /// What happened.
        cause: Arc<Error>,
    },
    /// The operation is not allowed in the producer's state.
    #[error("{operation} is not allowed in transaction state {state:?}")]
    InvalidState {
        /// The operation attempted.
        operation: &'static str,
        /// The state the producer is in.
        state: TransactionState,
    },
    /// The record was added while its transaction was ending (a send racing with
    /// `commit_transaction` or `abort_transaction`, or with a rebalance that aborted it): it
    /// belongs to no transaction and was not written. Send it again in the next transaction.
    #[error(
        "the record was added while its transaction was ending, so it was not written; send it in the next transaction"
    )]
    Ended,
    /// The producer has no `transactional.id`.
    #[error("{operation} needs a transactional producer: set transactional.id")]
    NotTransactional {
        /// The operation attempted.
        operation: &'static str,
    },
}

impl TransactionError {
    /// The underlying error, for fatal and abortable failures.
    pub fn cause(&self) -> Option<&Error> {
        match self {
            TransactionError::Fatal { cause } | TransactionError::Abortable { cause } => Some(cause),
            _ => None,
        }
    }

    /// Whether the producer must be recreated.
    pub fn is_fatal(&self) -> bool {
        matches!(self, TransactionError::Fatal { .. })
    }
}

/// Why a mechanism could not authenticate. Never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SaslError {
    /// The broker's message does not follow the mechanism (malformed, out of order).
    #[error("{mechanism}: the broker's message is malformed: {detail}")]
    Malformed {
        /// The mechanism.
        mechanism: String,
        /// What was wrong (no secret).
        detail: String,
    },
    /// The broker failed to prove it knows the credentials (SCRAM's server signature): it may
    /// not be the broker it claims to be.
    #[error("{mechanism}: the broker's final message does not prove it knows the password; refusing it")]
    ServerNotVerified {
        /// The mechanism.
        mechanism: String,
    },
    /// The broker reported an error inside the exchange (SCRAM's `e=...`).
    #[error("{mechanism}: the broker refused the exchange: {message}")]
    Refused {
        /// The mechanism.
        mechanism: String,
        /// The broker's words.
        message: String,
    },
    /// The broker asks for a PBKDF2 iteration count outside what the client accepts (SCRAM):
    /// fewer than Kafka's minimum weakens the stored credential, and a huge count would stall
    /// the client computing it.
    #[error("{mechanism}: the broker asks for {iterations} iterations; accepted are {min} to {max}")]
    IterationCount {
        /// The mechanism.
        mechanism: String,
        /// The count the broker sent.
        iterations: u64,
        /// The least accepted.
        min: u32,
        /// The most accepted.
        max: u32,
    },
    /// The broker's nonce does not extend the client's (SCRAM): the answer belongs to another
    /// exchange, or was replayed.
    #[error("{mechanism}: the broker's nonce does not extend the client's nonce; refusing it")]
    NonceMismatch {
        /// The mechanism.
        mechanism: String,
    },
    /// The mechanism could not get what it sends (a token provider failed).
    #[error("{mechanism}: {detail}")]
    Credentials {
        /// The mechanism.
        mechanism: String,
        /// What failed (no secret).
        detail: String,
    },
}
