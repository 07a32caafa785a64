//! The admin client's error type.
//!
//! A broker's answer keeps its [`ErrorCode`] and the message the broker sent with it, whatever
//! the variant: the typed variants ([`AdminError::TopicAlreadyExists`], [`AdminError::NotFound`])
//! only make the common cases easy to match. Errors are cheap to clone, so that one failed
//! request can be reported for each of the items it carried.

use std::sync::Arc;
use std::time::Duration;

use kfk_client::error::{Api, ErrorContext};
use kfk_protocol::ErrorCode;

/// What kind of resource a [`AdminError::NotFound`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ResourceKind {
    /// A topic (by name or id) or one of its partitions.
    Topic,
    /// A consumer group.
    Group,
    /// A transactional id.
    TransactionalId,
    /// A SCRAM user, a config resource or anything else the broker calls a resource.
    Other,
}

impl std::fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ResourceKind::Topic => "topic",
            ResourceKind::Group => "group",
            ResourceKind::TransactionalId => "transactional id",
            ResourceKind::Other => "resource",
        })
    }
}

/// Everything an admin operation can fail with.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum AdminError {
    /// CreateTopics: the topic exists already (`TOPIC_ALREADY_EXISTS`).
    #[error("topic `{topic}` already exists{}", suffix(message))]
    TopicAlreadyExists {
        /// The topic.
        topic: String,
        /// The broker's message.
        message: Option<String>,
    },
    /// The topic, group, transactional id or other resource does not exist.
    #[error("{kind} `{name}` not found ({code}){}", suffix(message))]
    NotFound {
        /// What was looked for.
        kind: ResourceKind,
        /// Its name (or `topic-partition`, or a topic id).
        name: String,
        /// The broker's code (`UNKNOWN_TOPIC_OR_PARTITION`, `GROUP_ID_NOT_FOUND`, ...).
        code: ErrorCode,
        /// The broker's message.
        message: Option<String>,
    },
    /// A config key or value was refused (`INVALID_CONFIG`); the message says why.
    #[error("invalid config for {kind} `{name}`{}", suffix(message))]
    InvalidConfig {
        /// What the config belongs to.
        kind: ResourceKind,
        /// Its name.
        name: String,
        /// The broker's message (e.g. `Invalid value x for configuration retention.ms: Not a
        /// number of type LONG`).
        message: Option<String>,
    },
    /// The broker answered with another error code.
    #[error("{context}: {code}{}", suffix(message))]
    Broker {
        /// The code.
        code: ErrorCode,
        /// The broker's message (e.g. why a config value is invalid).
        message: Option<String>,
        /// Which request and resource, as typed fields (the topic, group or transactional id
        /// the item was about).
        context: ErrorContext,
    },
    /// Connecting, sending or decoding failed in the client layer.
    #[error(transparent)]
    Client(Arc<kfk_client::Error>),
    /// The operation's timeout (`default.api.timeout.ms` or the options' `timeout`) elapsed
    /// while it was still being retried.
    #[error("{operation} timed out after {after:?}{}", last.as_ref().map(|e| format!("; last error: {e}")).unwrap_or_default())]
    Timeout {
        /// The operation.
        operation: String,
        /// How long the operation ran before it gave up (its timeout, give or take the timer).
        after: Duration,
        /// The last retriable error seen, if any.
        last: Option<Box<AdminError>>,
    },
    /// The arguments were rejected before anything was sent.
    #[error("invalid request: {0}")]
    InvalidRequest(String),
    /// The broker's answer did not contain a result for an item that was asked for.
    #[error("{context}: the response has no result for this item")]
    MissingResult {
        /// Which request and item.
        context: String,
    },
    /// A field of the broker's answer has a value this client does not know.
    #[error("{context}: unexpected value {value}")]
    UnexpectedValue {
        /// Where.
        context: String,
        /// The value.
        value: String,
    },
}

fn suffix(message: &Option<String>) -> String {
    message.as_deref().filter(|m| !m.is_empty()).map(|m| format!(": {m}")).unwrap_or_default()
}

impl AdminError {
    /// The error for `code` in a response about `name` (of `kind`), with the broker's message.
    /// Not-found and already-exists codes become their typed variants.
    pub fn from_code(
        code: ErrorCode,
        message: Option<String>,
        kind: ResourceKind,
        name: &str,
        api: &str,
    ) -> AdminError {
        match code {
            ErrorCode::TOPIC_ALREADY_EXISTS => AdminError::TopicAlreadyExists { topic: name.into(), message },
            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION | ErrorCode::UNKNOWN_TOPIC_ID => {
                AdminError::NotFound { kind: ResourceKind::Topic, name: name.into(), code, message }
            }
            ErrorCode::GROUP_ID_NOT_FOUND => {
                AdminError::NotFound { kind: ResourceKind::Group, name: name.into(), code, message }
            }
            ErrorCode::TRANSACTIONAL_ID_NOT_FOUND => {
                AdminError::NotFound { kind: ResourceKind::TransactionalId, name: name.into(), code, message }
            }
            ErrorCode::RESOURCE_NOT_FOUND => AdminError::NotFound { kind, name: name.into(), code, message },
            ErrorCode::INVALID_CONFIG => AdminError::InvalidConfig { kind, name: name.into(), message },
            _ => AdminError::Broker { code, message, context: item_context(api, kind, name) },
        }
    }

    /// An error about the request as a whole (not one of its items).
    pub fn request(code: ErrorCode, message: Option<String>, api: &str) -> AdminError {
        let context = Api::from_name(api).map_or_else(|| ErrorContext::from(api), ErrorContext::request);
        AdminError::Broker { code, message, context }
    }

    /// The broker's error code, when the broker sent one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            AdminError::TopicAlreadyExists { .. } => Some(ErrorCode::TOPIC_ALREADY_EXISTS),
            AdminError::InvalidConfig { .. } => Some(ErrorCode::INVALID_CONFIG),
            AdminError::NotFound { code, .. } | AdminError::Broker { code, .. } => Some(*code),
            AdminError::Client(e) => e.code(),
            AdminError::Timeout { last, .. } => last.as_ref().and_then(|e| e.code()),
            _ => None,
        }
    }

    /// The broker's message, when it sent one.
    pub fn broker_message(&self) -> Option<&str> {
        match self {
            AdminError::TopicAlreadyExists { message, .. }
            | AdminError::InvalidConfig { message, .. }
            | AdminError::NotFound { message, .. }
            | AdminError::Broker { message, .. } => message.as_deref(),
            AdminError::Timeout { last: Some(last), .. } => last.broker_message(),
            _ => None,
        }
    }

    /// Whether trying again (after a metadata refresh or a new coordinator lookup) may succeed.
    ///
    /// A not-found topic is not retried by the admin client, unlike by producers: an operator
    /// asking about a topic that does not exist wants to hear so at once.
    pub fn is_retriable(&self) -> bool {
        match self {
            AdminError::Broker { code, .. } => code.is_retriable() || *code == ErrorCode::NOT_CONTROLLER,
            AdminError::Client(e) => e.is_retriable(),
            _ => false,
        }
    }

    /// Whether this is a [`AdminError::NotFound`].
    pub fn is_not_found(&self) -> bool {
        matches!(self, AdminError::NotFound { .. })
    }
}

impl From<kfk_client::Error> for AdminError {
    fn from(e: kfk_client::Error) -> Self {
        match e {
            // A broker's error code reached through the client layer is still a broker's answer.
            kfk_client::Error::Kafka { code, message, context } => AdminError::Broker { code, message, context },
            e => AdminError::Client(Arc::new(e)),
        }
    }
}

/// So that `?` works from an admin call into the SDK's one error type: a broker's error code
/// stays an [`Error::Kafka`](kfk_client::Error::Kafka), a client failure is itself again, the
/// rest is carried whole in [`Error::Admin`](kfk_client::Error::Admin).
///
/// ```
/// use kfk_admin::AdminError;
/// use kfk_protocol::ErrorCode;
///
/// let admin = AdminError::Broker { code: ErrorCode::NOT_CONTROLLER, message: None, context: "CreateTopics orders".into() };
/// let error = kfk_client::Error::from(admin);
/// assert_eq!(error.code(), Some(ErrorCode::NOT_CONTROLLER));
/// assert!(error.is_retriable());
///
/// let exists = kfk_client::Error::from(AdminError::TopicAlreadyExists { topic: "orders".into(), message: None });
/// let back = match &exists {
///     kfk_client::Error::Admin(source) => source.downcast_ref::<AdminError>(),
///     _ => None,
/// };
/// assert!(matches!(back, Some(AdminError::TopicAlreadyExists { .. })));
/// ```
impl From<AdminError> for kfk_client::Error {
    fn from(e: AdminError) -> Self {
        match e {
            AdminError::Broker { code, message, context } => kfk_client::Error::Kafka { code, message, context },
            AdminError::Client(shared) => Arc::try_unwrap(shared)
                .unwrap_or_else(|shared| kfk_client::Error::Admin(Box::new(AdminError::Client(shared)))),
            e => kfk_client::Error::Admin(Box::new(e)),
        }
    }
}

impl From<kfk_client::config::ConfigError> for AdminError {
    fn from(e: kfk_client::config::ConfigError) -> Self {
        AdminError::Client(Arc::new(e.into()))
    }
}

/// The admin client's result type.
pub type Result<T, E = AdminError> = std::result::Result<T, E>;

/// Turns a response item's `error_code` / `error_message` into a result.
pub(crate) fn check(code: i16, message: Option<&String>, kind: ResourceKind, name: &str, api: &str) -> Result<()> {
    match ErrorCode(code).err() {
        None => Ok(()),
        Some(code) => Err(AdminError::from_code(code, message.cloned(), kind, name, api)),
    }
}

/// The context of an item's error: the request, and the topic, group or transactional id it
/// was about.
fn item_context(api: &str, kind: ResourceKind, name: &str) -> ErrorContext {
    let Some(api) = Api::from_name(api) else {
        return ErrorContext::from(format!("{api} for {kind} `{name}`"));
    };
    let context = ErrorContext::request(api);
    match kind {
        ResourceKind::Topic => context.with_topic(name),
        ResourceKind::Group => context.with_group(name),
        ResourceKind::TransactionalId => context.with_transactional_id(name),
        ResourceKind::Other => context.with_detail(format!("for {kind} `{name}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_typed_variants_and_keep_the_message() {
        let e = AdminError::from_code(
            ErrorCode::TOPIC_ALREADY_EXISTS,
            Some("Topic 't' exists".into()),
            ResourceKind::Topic,
            "t",
            "CreateTopics",
        );
        assert!(matches!(e, AdminError::TopicAlreadyExists { .. }));
        assert_eq!(e.code(), Some(ErrorCode::TOPIC_ALREADY_EXISTS));
        assert_eq!(e.broker_message(), Some("Topic 't' exists"));
        let e = AdminError::from_code(ErrorCode::GROUP_ID_NOT_FOUND, None, ResourceKind::Group, "g", "DescribeGroups");
        assert!(e.is_not_found() && !e.is_retriable());
        let e = AdminError::from_code(
            ErrorCode::INVALID_CONFIG,
            Some("bad value".into()),
            ResourceKind::Topic,
            "t",
            "IncrementalAlterConfigs",
        );
        assert!(matches!(e, AdminError::InvalidConfig { .. }));
        assert_eq!(e.to_string(), "invalid config for topic `t`: bad value");
        assert_eq!(e.code(), Some(ErrorCode::INVALID_CONFIG));
        let e = AdminError::from_code(
            ErrorCode::POLICY_VIOLATION,
            Some("no".into()),
            ResourceKind::Topic,
            "t",
            "CreateTopics",
        );
        assert_eq!(e.to_string(), "CreateTopics for topic t: POLICY_VIOLATION (error code 44): no");
        let AdminError::Broker { context, .. } = &e else { panic!("a broker error: {e:?}") };
        assert_eq!((context.api().map(|a| a.name()), context.topic()), (Some("CreateTopics"), Some("t")));
        let e = AdminError::from_code(ErrorCode::NOT_CONTROLLER, None, ResourceKind::Topic, "t", "CreateTopics");
        assert!(e.is_retriable());
    }
}
