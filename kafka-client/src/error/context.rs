//! What an error was about, as typed fields a program can match on (the API, the topic and
//! partition, the group, the transactional id) rather than words inside a message.

use std::fmt;

use kfk_protocol::messages::ApiKey;

use crate::types::TopicPartition;

/// A Kafka API (`Produce`, `Fetch`, `OffsetCommit`...), as errors name the request that
/// failed. Its `Display` and `Debug` are the API's name.
///
/// ```
/// # use kfk_client::error::Api;
/// let fetch = Api::from_key(1).expect("a known API");
/// assert_eq!((fetch.name(), fetch.key()), ("Fetch", 1));
/// assert_eq!(fetch.to_string(), "Fetch");
/// assert_eq!(Api::from_name("Fetch"), Some(fetch));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Api(ApiKey);

impl Api {
    /// The API of key `key`, if Kafka defines one.
    pub fn from_key(key: i16) -> Option<Api> {
        ApiKey::from_i16(key).map(Api)
    }

    /// The API named `name` (`"CreateTopics"`), if Kafka defines one.
    pub fn from_name(name: &str) -> Option<Api> {
        (0..=i16::from(u8::MAX)).filter_map(ApiKey::from_i16).find(|k| k.name() == name).map(Api)
    }

    /// Its name, as Kafka's protocol guide spells it (`OffsetCommit`).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Its number on the wire.
    pub fn key(self) -> i16 {
        self.0.key()
    }
}

impl From<ApiKey> for Api {
    fn from(key: ApiKey) -> Api {
        Api(key)
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a broker's error answer was about: the request, the topic and partition, the group
/// or transactional id where they apply, and free words for anything else. Displayed as one
/// phrase (`Fetch orders-3`, `OffsetCommit for group billing`).
///
/// Built from a string for a context that has no typed part, and extended with the
/// builder methods:
///
/// ```
/// # use kfk_client::error::{Api, ErrorContext};
/// let context = ErrorContext::request(Api::from_key(1).unwrap()).with_partition("orders", 3);
/// assert_eq!(context.topic(), Some("orders"));
/// assert_eq!(context.partition(), Some(3));
/// assert_eq!(context.to_string(), "Fetch orders-3");
/// let plain = ErrorContext::from("member subscription");
/// assert_eq!(plain.to_string(), "member subscription");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorContext(Box<Parts>);

/// Boxed, so that an error carrying a context stays small to move around: errors travel
/// in `Result`s on every path, contexts are read only when one happens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Parts {
    api: Option<Api>,
    topic: Option<String>,
    partition: Option<i32>,
    group: Option<String>,
    transactional_id: Option<String>,
    detail: Option<String>,
}

impl ErrorContext {
    /// About a request of `api`.
    pub fn request(api: impl Into<Api>) -> ErrorContext {
        let mut context = ErrorContext::default();
        context.0.api = Some(api.into());
        context
    }

    /// About a topic as a whole.
    pub fn for_topic(topic: impl Into<String>) -> ErrorContext {
        ErrorContext::default().with_topic(topic)
    }

    /// About one partition.
    pub fn for_partition(tp: &TopicPartition) -> ErrorContext {
        ErrorContext::default().with_partition(&*tp.topic, tp.partition)
    }

    /// Adds the topic.
    pub fn with_topic(mut self, topic: impl Into<String>) -> ErrorContext {
        self.0.topic = Some(topic.into());
        self
    }

    /// Adds the topic and partition.
    pub fn with_partition(mut self, topic: impl Into<String>, partition: i32) -> ErrorContext {
        self.0.topic = Some(topic.into());
        self.0.partition = Some(partition);
        self
    }

    /// Adds the consumer group.
    pub fn with_group(mut self, group: impl Into<String>) -> ErrorContext {
        self.0.group = Some(group.into());
        self
    }

    /// Adds the transactional id.
    pub fn with_transactional_id(mut self, id: impl Into<String>) -> ErrorContext {
        self.0.transactional_id = Some(id.into());
        self
    }

    /// Adds words for what the typed parts do not say.
    pub fn with_detail(mut self, detail: impl Into<String>) -> ErrorContext {
        self.0.detail = Some(detail.into());
        self
    }

    /// The request, when known.
    pub fn api(&self) -> Option<Api> {
        self.0.api
    }

    /// The topic, when the error is about one.
    pub fn topic(&self) -> Option<&str> {
        self.0.topic.as_deref()
    }

    /// The partition, when the error is about one.
    pub fn partition(&self) -> Option<i32> {
        self.0.partition
    }

    /// The consumer group, when the error is about one.
    pub fn group(&self) -> Option<&str> {
        self.0.group.as_deref()
    }

    /// The transactional id, when the error is about one.
    pub fn transactional_id(&self) -> Option<&str> {
        self.0.transactional_id.as_deref()
    }

    /// The words beyond the typed parts.
    pub fn detail(&self) -> Option<&str> {
        self.0.detail.as_deref()
    }
}

impl From<&str> for ErrorContext {
    fn from(detail: &str) -> ErrorContext {
        ErrorContext::default().with_detail(detail)
    }
}

impl From<String> for ErrorContext {
    fn from(detail: String) -> ErrorContext {
        ErrorContext::default().with_detail(detail)
    }
}

impl From<Api> for ErrorContext {
    fn from(api: Api) -> ErrorContext {
        ErrorContext::request(api)
    }
}

impl From<ApiKey> for ErrorContext {
    fn from(api: ApiKey) -> ErrorContext {
        ErrorContext::request(api)
    }
}

impl fmt::Display for ErrorContext {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One phrase, each part after a space: `OffsetCommit orders-3 for group billing`.
        let mut first = true;
        let mut part = |f: &mut fmt::Formatter<'_>, args: fmt::Arguments<'_>| -> fmt::Result {
            if !std::mem::take(&mut first) {
                f.write_str(" ")?;
            }
            f.write_fmt(args)
        };
        if let Some(api) = self.0.api {
            part(f, format_args!("{api}"))?;
        }
        match (&self.0.topic, self.0.partition) {
            (Some(topic), Some(partition)) => part(f, format_args!("{topic}-{partition}"))?,
            (Some(topic), None) => part(f, format_args!("for topic {topic}"))?,
            _ => {}
        }
        if let Some(group) = &self.0.group {
            part(f, format_args!("for group {group}"))?;
        }
        if let Some(id) = &self.0.transactional_id {
            part(f, format_args!("for transactional id {id}"))?;
        }
        if let Some(detail) = &self.0.detail {
            part(f, format_args!("{detail}"))?;
        }
        if first {
            f.write_str("request")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_read_as_one_phrase() {
        let c = ErrorContext::request(ApiKey::OffsetCommit).with_partition("orders", 3).with_group("billing");
        assert_eq!(c.to_string(), "OffsetCommit orders-3 for group billing");
        assert_eq!(c.api().map(Api::name), Some("OffsetCommit"));
        assert_eq!(c.group(), Some("billing"));
        let t = ErrorContext::request(ApiKey::AddPartitionsToTxn).with_transactional_id("tx-1");
        assert_eq!(t.to_string(), "AddPartitionsToTxn for transactional id tx-1");
        assert_eq!(ErrorContext::for_topic("logs").to_string(), "for topic logs");
        assert_eq!(ErrorContext::default().to_string(), "request");
        assert_eq!(ErrorContext::from("SyncGroup assignment").to_string(), "SyncGroup assignment");
    }
}
