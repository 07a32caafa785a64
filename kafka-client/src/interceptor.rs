//! Interceptors: hooks the application installs to see, and possibly change, what a producer
//! sends and what a consumer hands out (Java's `interceptor.classes`).
//!
//! An interceptor is for cross-cutting work the application's own code should not carry:
//! tracing headers, audit counts, end-to-end latency, dropping records no handler wants. Each
//! client runs its interceptors in the order they were installed (as Java runs
//! `interceptor.classes` in the listed order), each seeing what the one before it left.
//!
//! - [`ProducerInterceptor::on_send`] runs inside `send`/`enqueue`, before the partition is
//!   chosen; it may change any part of the record. [`ProducerInterceptor::on_acknowledgement`]
//!   runs once per record with its outcome, on the producer's sender task when the broker
//!   answers (or in `enqueue` when the record failed before reaching a batch).
//! - [`ConsumerInterceptor::on_consume`] runs on what `poll` (and `recv`, one record at a
//!   time) is about to return, and may filter, change or add records.
//!   [`ConsumerInterceptor::on_commit`] runs after every successful commit, with what was
//!   committed.
//!
//! A hook that returns an error or panics does not break the client: as in Java, the failure
//! is logged (`tracing::warn`) and the client goes on, with the record as it was before that
//! hook (`on_send`) or the records as the previous hook left them (`on_consume`).
//!
//! A client without interceptors pays nothing for them: the per-record paths check one length
//! and take the borrowed, allocation-free route they always took. With interceptors, each sent
//! record costs an editable copy of its header list (and one more per interceptor, kept to undo
//! a failing one) and one slot for its timestamp until it is acknowledged; each `poll` costs a
//! copy of its record list per interceptor (reference counts, not bytes).
//!
//! Java's `configure` has no counterpart: an interceptor is built by the application with what
//! it needs. Java's `close` is `on_close`, called once when the client's `close` has finished
//! (a producer's after the last acknowledgement was reported; a consumer's after its last
//! commit), so an interceptor can flush what it gathered at a known moment; its `Drop` still
//! runs once the clients and configurations holding it are gone.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering};
//! use std::sync::Arc;
//! use kfk_client::config::ProducerConfig;
//! use kfk_client::interceptor::{EditableRecord, HookResult, ProducerInterceptor};
//! use kfk_client::producer::RecordMetadata;
//!
//! #[derive(Default)]
//! struct Traced { acked: AtomicU64 }
//!
//! impl ProducerInterceptor for Traced {
//!     fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
//!         record.add_header("trace-id", Some(b"abc".as_slice()));
//!         Ok(())
//!     }
//!     fn on_acknowledgement(&self, _: &RecordMetadata, error: Option<&kfk_client::Error>) {
//!         if error.is_none() {
//!             self.acked.fetch_add(1, Ordering::Relaxed);
//!         }
//!     }
//! }
//!
//! let traced = Arc::new(Traced::default());
//! let config = ProducerConfig::builder()
//!     .bootstrap_servers("localhost:9092")
//!     .interceptor(traced.clone())
//!     .build()
//!     .unwrap();
//! assert_eq!(config.interceptors.len(), 1);
//! ```

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use crate::consumer::ConsumerRecord;
use crate::error::Error;
use crate::producer::{ProducerRecord, RecordMetadata};
use crate::types::{OffsetAndMetadata, TopicPartition};

/// What a hook that may fail returns; an error is logged and the client goes on.
pub type HookResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// Hooks around a producer's records (Java's `ProducerInterceptor`). Installed with
/// [`ProducerConfigBuilder::interceptor`](crate::config::ProducerConfigBuilder::interceptor).
pub trait ProducerInterceptor: Send + Sync + 'static {
    /// Called for each record `send`, `enqueue` or `try_enqueue` is given, before its partition
    /// is chosen (unless the record names one) and before its size is checked. It may change
    /// the topic, partition, key, value, headers or timestamp. On an error or a panic the
    /// record goes on as it was before this call.
    fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
        let _ = record;
        Ok(())
    }

    /// Called once per record with its outcome: `error` is `None` when the broker acknowledged
    /// it (`metadata` then holds its offset), or why it failed (`metadata.offset` is then -1,
    /// and `metadata.partition` -1 if it failed before a partition was chosen). It runs on the
    /// producer's sender task, for every record of a batch in a row: it must not block, or
    /// every delivery behind it waits.
    fn on_acknowledgement(&self, metadata: &RecordMetadata, error: Option<&Error>) {
        let _ = (metadata, error);
    }

    /// Called once, when [`Producer::close`](crate::producer::Producer::close) has delivered
    /// or failed every record (Java's `close`). Nothing is reported after it.
    fn on_close(&self) {}
}

/// Hooks around a consumer's records and commits (Java's `ConsumerInterceptor`). Installed
/// with [`ConsumerConfigBuilder::interceptor`](crate::config::ConsumerConfigBuilder::interceptor).
pub trait ConsumerInterceptor: Send + Sync + 'static {
    /// Called with the records `poll` is about to return (`recv` and `stream`: one record at a
    /// time), on the caller's task. It may remove, change or add records; what it leaves is
    /// what the caller gets. The records it removes still count as consumed: positions (and so
    /// commits) have already moved past them, as in Java. On an error or a panic the records
    /// go on as the previous hook left them.
    fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
        let _ = records;
        Ok(())
    }

    /// Called after offsets were committed (by `commit*`, `commit_async`, auto-commit, or the
    /// commit before a rebalance), with what was committed.
    fn on_commit(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) {
        let _ = offsets;
    }

    /// Called once, when [`Consumer::close`](crate::consumer::Consumer::close) has left the
    /// group and made its last commit (Java's `close`).
    fn on_close(&self) {}
}

impl<T: ProducerInterceptor> ProducerInterceptor for Arc<T> {
    fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
        (**self).on_send(record)
    }
    fn on_acknowledgement(&self, metadata: &RecordMetadata, error: Option<&Error>) {
        (**self).on_acknowledgement(metadata, error)
    }
    fn on_close(&self) {
        (**self).on_close()
    }
}

impl<T: ConsumerInterceptor> ConsumerInterceptor for Arc<T> {
    fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
        (**self).on_consume(records)
    }
    fn on_commit(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) {
        (**self).on_commit(offsets)
    }
    fn on_close(&self) {
        (**self).on_close()
    }
}

/// A header of an [`EditableRecord`]: its name and optional value.
pub type EditableHeader<'a> = (Cow<'a, str>, Option<Cow<'a, [u8]>>);

/// A record on its way through [`ProducerInterceptor::on_send`]: the caller's record, whose
/// parts stay borrowed until a hook replaces them.
///
/// ```
/// use kfk_client::interceptor::EditableRecord;
/// use kfk_client::producer::ProducerRecord;
///
/// let mut record = EditableRecord::from(ProducerRecord::new("orders").value("v"));
/// record.add_header("source", Some(b"web".as_slice()));
/// record.value = Some(b"v2".to_vec().into());
/// assert_eq!(record.headers.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct EditableRecord<'a> {
    /// The topic.
    pub topic: Cow<'a, str>,
    /// An explicit partition; otherwise the partitioner chooses.
    pub partition: Option<i32>,
    /// The key (`None` is a null key).
    pub key: Option<Cow<'a, [u8]>>,
    /// The value (`None` is a null value).
    pub value: Option<Cow<'a, [u8]>>,
    /// The headers, in order: name and optional value.
    pub headers: Vec<EditableHeader<'a>>,
    /// The create timestamp in ms since the epoch; now when `None`.
    pub timestamp: Option<i64>,
}

impl<'a> EditableRecord<'a> {
    /// Appends a header (a name may repeat, as in Kafka).
    pub fn add_header(&mut self, name: impl Into<Cow<'a, str>>, value: Option<impl Into<Cow<'a, [u8]>>>) {
        self.headers.push((name.into(), value.map(Into::into)));
    }

    /// The header list as [`ProducerRecord::headers`] takes it.
    pub(crate) fn header_refs(&self) -> Vec<(&str, Option<&[u8]>)> {
        self.headers.iter().map(|(k, v)| (k.as_ref(), v.as_deref())).collect()
    }

    /// The record to send, borrowing from `self` and `headers` (from [`Self::header_refs`]).
    pub(crate) fn as_record<'s>(&'s self, headers: &'s [(&'s str, Option<&'s [u8]>)]) -> ProducerRecord<'s> {
        ProducerRecord {
            topic: &self.topic,
            partition: self.partition,
            key: self.key.as_deref(),
            value: self.value.as_deref(),
            headers: crate::producer::RecordHeaders::Pairs(headers),
            timestamp: self.timestamp,
        }
    }
}

impl<'a> From<ProducerRecord<'a>> for EditableRecord<'a> {
    fn from(r: ProducerRecord<'a>) -> Self {
        EditableRecord {
            topic: Cow::Borrowed(r.topic),
            partition: r.partition,
            key: r.key.map(Cow::Borrowed),
            value: r.value.map(Cow::Borrowed),
            // Names set through this crate are UTF-8; a name that is not (copied from a record
            // written elsewhere) is shown lossily rather than dropped.
            headers: r.headers.iter().map(|(k, v)| (String::from_utf8_lossy(k), v.map(Cow::Borrowed))).collect(),
            timestamp: r.timestamp,
        }
    }
}

/// The interceptors of one client, in the order they run. Cheap to clone (shared).
pub struct Interceptors<T: ?Sized> {
    hooks: Arc<[Arc<T>]>,
}

impl<T: ?Sized> Clone for Interceptors<T> {
    fn clone(&self) -> Self {
        Interceptors { hooks: self.hooks.clone() }
    }
}

impl<T: ?Sized> Default for Interceptors<T> {
    fn default() -> Self {
        Interceptors { hooks: Arc::from(Vec::new()) }
    }
}

impl<T: ?Sized> std::fmt::Debug for Interceptors<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Interceptors({})", self.hooks.len())
    }
}

impl<T: ?Sized> Interceptors<T> {
    /// How many are installed.
    pub fn len(&self) -> usize {
        self.hooks.len()
    }

    /// Whether none is installed (the clients then skip every hook path).
    pub fn is_empty(&self) -> bool {
        self.hooks.is_empty()
    }

    /// These, then `hook`.
    pub(crate) fn with(&self, hook: Arc<T>) -> Self {
        let mut hooks: Vec<Arc<T>> = self.hooks.iter().cloned().collect();
        hooks.push(hook);
        Interceptors { hooks: hooks.into() }
    }
}

/// A producer's interceptors.
pub type ProducerInterceptors = Interceptors<dyn ProducerInterceptor>;
/// A consumer's interceptors.
pub type ConsumerInterceptors = Interceptors<dyn ConsumerInterceptor>;

/// Runs `hook`, turning a panic into a logged warning: a hook's bug must not take the client's
/// task (the sender, the caller's poll) down with it.
fn guarded<R>(which: &'static str, index: usize, hook: impl FnOnce() -> R) -> Option<R> {
    match catch_unwind(AssertUnwindSafe(hook)) {
        Ok(r) => Some(r),
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".into());
            tracing::warn!(hook = which, interceptor = index, panic = %message, "interceptor panicked; ignored");
            None
        }
    }
}

fn warn_failed(which: &'static str, index: usize, error: &dyn std::error::Error) {
    tracing::warn!(hook = which, interceptor = index, %error, "interceptor failed; ignored");
}

impl ProducerInterceptors {
    /// Runs every `on_send` in order; a failed one leaves the record as it found it.
    pub(crate) fn on_send(&self, record: &mut EditableRecord<'_>) {
        for (index, hook) in self.hooks.iter().enumerate() {
            // Kept so that a hook failing half-way through its changes leaves none of them.
            let before = record.clone();
            match guarded("on_send", index, || hook.on_send(record)) {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    warn_failed("on_send", index, &*e);
                    *record = before;
                }
                None => *record = before,
            }
        }
    }

    /// Runs every `on_acknowledgement` in order.
    pub(crate) fn on_acknowledgement(&self, metadata: &RecordMetadata, error: Option<&Error>) {
        for (index, hook) in self.hooks.iter().enumerate() {
            guarded("on_acknowledgement", index, || hook.on_acknowledgement(metadata, error));
        }
    }

    /// Runs every `on_close` in order.
    pub(crate) fn on_close(&self) {
        for (index, hook) in self.hooks.iter().enumerate() {
            guarded("on_close", index, || hook.on_close());
        }
    }
}

impl ConsumerInterceptors {
    /// Runs every `on_consume` in order; a failed one leaves the records as it found them.
    pub(crate) fn on_consume(&self, records: &mut Vec<ConsumerRecord>) {
        for (index, hook) in self.hooks.iter().enumerate() {
            // Records are cheap to clone (shared buffers), and only kept while a hook runs.
            let before = records.clone();
            match guarded("on_consume", index, || hook.on_consume(records)) {
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    warn_failed("on_consume", index, &*e);
                    *records = before;
                }
                None => *records = before,
            }
        }
    }

    /// Runs every `on_commit` in order.
    pub(crate) fn on_commit(&self, offsets: &[(TopicPartition, OffsetAndMetadata)]) {
        for (index, hook) in self.hooks.iter().enumerate() {
            guarded("on_commit", index, || hook.on_commit(offsets));
        }
    }

    /// Runs every `on_close` in order.
    pub(crate) fn on_close(&self) {
        for (index, hook) in self.hooks.iter().enumerate() {
            guarded("on_close", index, || hook.on_close());
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    struct AddHeader(&'static str);
    impl ProducerInterceptor for AddHeader {
        fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
            record.add_header(self.0, None::<&[u8]>);
            Ok(())
        }
    }

    struct HalfThenFail;
    impl ProducerInterceptor for HalfThenFail {
        fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
            record.add_header("half", None::<&[u8]>);
            Err("refused".into())
        }
    }

    struct Panics;
    impl ProducerInterceptor for Panics {
        fn on_send(&self, record: &mut EditableRecord<'_>) -> HookResult {
            record.topic = "elsewhere".into();
            panic!("a bug in a hook")
        }
    }

    fn chain(hooks: Vec<Arc<dyn ProducerInterceptor>>) -> ProducerInterceptors {
        hooks.into_iter().fold(ProducerInterceptors::default(), |c, h| c.with(h))
    }

    fn names(record: &EditableRecord<'_>) -> Vec<String> {
        record.headers.iter().map(|(k, _)| k.to_string()).collect()
    }

    #[test]
    fn hooks_run_in_the_order_installed_each_seeing_the_previous_result() {
        let hooks = chain(vec![Arc::new(AddHeader("first")), Arc::new(AddHeader("second"))]);
        let mut record = EditableRecord::from(ProducerRecord::new("t"));
        hooks.on_send(&mut record);
        assert_eq!(names(&record), ["first", "second"]);
    }

    #[test]
    fn a_failing_or_panicking_hook_leaves_the_record_as_it_found_it_and_the_chain_goes_on() {
        let hooks =
            chain(vec![Arc::new(AddHeader("a")), Arc::new(HalfThenFail), Arc::new(Panics), Arc::new(AddHeader("b"))]);
        let mut record = EditableRecord::from(ProducerRecord::new("t"));
        hooks.on_send(&mut record);
        assert_eq!(names(&record), ["a", "b"]);
        assert_eq!(record.topic, "t");
    }

    struct DropOdd;
    impl ConsumerInterceptor for DropOdd {
        fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
            records.retain(|r| r.offset % 2 == 0);
            Ok(())
        }
    }

    struct ClearThenPanic;
    impl ConsumerInterceptor for ClearThenPanic {
        fn on_consume(&self, records: &mut Vec<ConsumerRecord>) -> HookResult {
            records.clear();
            panic!("bug")
        }
    }

    #[test]
    fn a_consumer_hook_filters_and_a_panicking_one_changes_nothing() {
        let record = |offset| ConsumerRecord {
            topic: "t".into(),
            partition: 0,
            offset,
            timestamp: 0,
            timestamp_type: kfk_protocol::records::TimestampType::CreateTime,
            key: None,
            value: None,
            headers: Default::default(),
            leader_epoch: None,
        };
        let hooks = ConsumerInterceptors::default().with(Arc::new(DropOdd)).with(Arc::new(ClearThenPanic));
        let mut records: Vec<_> = (0..4).map(record).collect();
        hooks.on_consume(&mut records);
        assert_eq!(records.iter().map(|r| r.offset).collect::<Vec<_>>(), [0, 2]);
    }
}
