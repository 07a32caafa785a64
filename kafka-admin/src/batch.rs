//! The forms users reach for on a batch call's per-item results: one item's result, or every
//! item's value unless one failed.
//!
//! A batch call (`create_topics`, `describe_configs`, `delete_records`...) answers a map from
//! each item asked for to its own result, because Kafka answers per item and a call can partly
//! succeed. [`BatchResults`] turns that map into an ordinary `Result` when the caller wants one
//! item, or all of them:
//!
//! ```
//! use kfk_admin::{Admin, BatchResults, CreateTopicsOptions, DescribeTopicsOptions, NewTopic};
//! use kfk_stub::StubCluster;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let stub = StubCluster::builder().start().await?;
//! let admin = Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
//! let options = CreateTopicsOptions::default();
//! let created = admin.create_topics([NewTopic::new("orders", 3, 1)], options).await.into_one("orders")?;
//! assert_eq!(created.partitions, 3);
//! let described = admin.describe_topics(["orders", "payments"], DescribeTopicsOptions::default()).await;
//! assert!(described.one("orders").is_ok());
//! // "payments" does not exist: all() reports that item's error.
//! let error = described.all().unwrap_err();
//! assert!(error.to_string().contains("payments"), "{error}");
//! # Ok(()) }
//! ```

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fmt;

use crate::error::{AdminError, Result};

/// One item's result, or all items' values, from a batch call's per-item results.
pub trait BatchResults<K, V> {
    /// The result for `key`, cloned: its value, its own error, or
    /// [`AdminError::MissingResult`] when the answer has no entry for it.
    fn one<Q>(&self, key: &Q) -> Result<V>
    where
        K: Borrow<Q>,
        Q: Ord + fmt::Display + ?Sized,
        V: Clone;

    /// The result for `key`, taken out of the answer.
    fn into_one<Q>(self, key: &Q) -> Result<V>
    where
        K: Borrow<Q>,
        Q: Ord + fmt::Display + ?Sized;

    /// Every item's value, or the first error in key order (the others are dropped: use the
    /// map itself to see every failure).
    fn all(self) -> Result<BTreeMap<K, V>>;
}

impl<K: Ord, V> BatchResults<K, V> for BTreeMap<K, Result<V>> {
    fn one<Q>(&self, key: &Q) -> Result<V>
    where
        K: Borrow<Q>,
        Q: Ord + fmt::Display + ?Sized,
        V: Clone,
    {
        match self.get(key) {
            Some(result) => result.clone(),
            None => Err(missing(key)),
        }
    }

    fn into_one<Q>(mut self, key: &Q) -> Result<V>
    where
        K: Borrow<Q>,
        Q: Ord + fmt::Display + ?Sized,
    {
        self.remove(key).unwrap_or_else(|| Err(missing(key)))
    }

    fn all(self) -> Result<BTreeMap<K, V>> {
        self.into_iter().map(|(key, result)| result.map(|value| (key, value))).collect()
    }
}

fn missing(key: &(impl fmt::Display + ?Sized)) -> AdminError {
    AdminError::MissingResult { context: format!("`{key}` was not among the items asked for or answered") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results() -> BTreeMap<String, Result<u32>> {
        BTreeMap::from([
            ("a".to_string(), Ok(1)),
            ("b".to_string(), Err(AdminError::InvalidRequest("b is bad".into()))),
            ("c".to_string(), Ok(3)),
        ])
    }

    #[test]
    fn one_item_or_all() {
        let results = results();
        assert_eq!(results.one("a").unwrap(), 1);
        assert!(results.one("b").unwrap_err().to_string().contains("b is bad"));
        assert!(results.one("z").unwrap_err().to_string().contains("`z`"));
        assert_eq!(results.clone().into_one("c").unwrap(), 3);
        assert!(results.all().unwrap_err().to_string().contains("b is bad"));
        let ok: BTreeMap<String, Result<u32>> = BTreeMap::from([("a".to_string(), Ok(1)), ("c".to_string(), Ok(3))]);
        assert_eq!(ok.all().unwrap(), BTreeMap::from([("a".to_string(), 1), ("c".to_string(), 3)]));
    }
}
