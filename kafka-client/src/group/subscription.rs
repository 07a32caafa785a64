//! What a group member subscribes to: a list of topics, or a pattern matched against the
//! cluster's topics and re-evaluated as they come and go.

use kfk_protocol::messages::MetadataRequest;
use kfk_protocol::ErrorCode;
use regex::Regex;

use crate::cluster::Cluster;
use crate::error::ConfigError;
use crate::error::{Error, Result};

/// A member's subscription.
#[derive(Debug, Clone)]
pub(crate) enum Subscription {
    /// These topics.
    Topics(Vec<String>),
    /// Every non-internal topic whose whole name matches.
    Pattern(Regex),
}

impl Subscription {
    /// A pattern subscription. As in Java, the pattern must match the whole topic name.
    pub(crate) fn pattern(pattern: &str) -> std::result::Result<Subscription, ConfigError> {
        Regex::new(&format!("^(?:{pattern})$")).map(Subscription::Pattern).map_err(|e| ConfigError::InvalidValue {
            key: "subscription pattern".into(),
            value: pattern.into(),
            expected: format!("a regular expression ({e})"),
        })
    }

    /// Whether `topic` belongs to the subscription.
    pub(crate) fn wants(&self, topic: &str) -> bool {
        match self {
            Subscription::Topics(topics) => topics.iter().any(|t| t == topic),
            Subscription::Pattern(regex) => regex.is_match(topic),
        }
    }

    /// The topics subscribed to now, sorted. A pattern asks the cluster for all topic names
    /// (without adding them all to the client's metadata).
    pub(crate) async fn topics(&self, cluster: &Cluster) -> Result<Vec<String>> {
        let mut topics = match self {
            Subscription::Topics(topics) => topics.clone(),
            Subscription::Pattern(regex) => {
                let request = MetadataRequest { topics: None, allow_auto_topic_creation: false, ..Default::default() };
                let response = cluster.send_any(&request).await?;
                if let Some(code) = ErrorCode(response.error_code).err() {
                    return Err(Error::kafka(code, None, "Metadata for a pattern subscription"));
                }
                response
                    .topics
                    .iter()
                    .filter(|t| t.error_code == 0 && !t.is_internal)
                    .filter_map(|t| t.name.clone())
                    .filter(|name| regex.is_match(name))
                    .collect()
            }
        };
        topics.sort();
        topics.dedup();
        Ok(topics)
    }
}

/// Keeps the cluster's metadata to the subscribed topics when they change from `old` to `new`:
/// new ones are tracked, dropped ones (a deleted topic under a pattern) no longer asked for.
pub(crate) fn follow(cluster: &Cluster, old: &[String], new: &[String]) {
    cluster.untrack_topics(old.iter().filter(|t| !new.contains(t)).map(String::as_str));
    cluster.track_topics(new.iter().map(String::as_str));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_whole_names() {
        let s = Subscription::pattern("orders-.*").unwrap();
        assert!(s.wants("orders-eu"));
        assert!(!s.wants("old-orders-eu"));
        let s = Subscription::pattern("a|b").unwrap();
        assert!(s.wants("a") && s.wants("b") && !s.wants("ab"));
        let err = Subscription::pattern("(").unwrap_err();
        assert!(err.to_string().contains("regular expression"), "{err}");
    }
}
