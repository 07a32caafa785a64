//! Captures the tracing spans a test's clients open, with their fields and parents, so a
//! test can assert what a subscriber (fmt, OpenTelemetry) would be shown.
//!
//! The subscriber is the calling thread's default: use it from a current-thread runtime
//! (`#[tokio::test]`), where the clients' tasks run on that thread too.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::Subscriber;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::Layer;

/// One span as it ended up: its name, its parent's name and every field recorded.
#[derive(Debug, Clone, Default)]
pub struct SpanRecord {
    pub name: String,
    pub parent: Option<String>,
    pub fields: BTreeMap<String, String>,
}

impl SpanRecord {
    /// A field's value as the subscriber saw it (`Debug` for `?`, `Display` for `%`).
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

/// The spans seen so far, in the order they were opened.
#[derive(Debug, Clone, Default)]
pub struct Spans(Arc<Mutex<Vec<SpanRecord>>>);

impl Spans {
    /// Every span named `name`.
    pub fn named(&self, name: &str) -> Vec<SpanRecord> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).iter().filter(|s| s.name == name).cloned().collect()
    }
}

/// Starts capturing the spans opened on this thread (at every level) until the guard drops.
pub fn capture() -> (Spans, tracing::subscriber::DefaultGuard) {
    let spans = Spans::default();
    let subscriber = tracing_subscriber::registry().with(Capture(spans.clone()));
    let guard = tracing::subscriber::set_default(subscriber);
    (spans, guard)
}

/// Where in [`Spans`] a span's record is kept (an extension of the span).
struct Index(usize);

struct Capture(Spans);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0.insert(field.name().to_string(), format!("{value:?}"));
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_string(), value.to_string());
    }
}

impl<S: Subscriber + for<'a> LookupSpan<'a>> Layer<S> for Capture {
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut record = SpanRecord {
            name: attrs.metadata().name().to_string(),
            parent: span.parent().map(|p| p.name().to_string()),
            ..SpanRecord::default()
        };
        attrs.record(&mut Fields(&mut record.fields));
        let mut all = self.0 .0.lock().unwrap_or_else(|e| e.into_inner());
        all.push(record);
        span.extensions_mut().insert(Index(all.len() - 1));
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let Some(Index(i)) = span.extensions().get::<Index>().map(|i| Index(i.0)) else { return };
        let mut all = self.0 .0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(record) = all.get_mut(i) {
            values.record(&mut Fields(&mut record.fields));
        }
    }
}
