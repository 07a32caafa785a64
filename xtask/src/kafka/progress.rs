//! The launcher reports progress through `tracing`; xtask shows it on stderr as `kafka: ...`
//! lines: events at INFO and above from `kfk_testkit`, the message then any fields.

use std::fmt;

use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields};
use tracing_subscriber::registry::LookupSpan;

/// Installs the stderr reporter as the global subscriber (once; later calls do nothing).
pub fn install() {
    use tracing_subscriber::layer::SubscriberExt as _;
    let lines = tracing_subscriber::fmt::layer().with_writer(std::io::stderr).event_format(KafkaLines);
    let subscriber =
        tracing_subscriber::registry().with(lines).with(Targets::new().with_target("kfk_testkit", Level::INFO));
    let _ = tracing::subscriber::set_global_default(subscriber);
}

/// `kafka: <message> [field=value ...]`, no time, level or target.
struct KafkaLines;

impl<S, N> FormatEvent<S, N> for KafkaLines
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
{
    fn format_event(&self, ctx: &FmtContext<'_, S, N>, mut writer: Writer<'_>, event: &Event<'_>) -> fmt::Result {
        write!(writer, "kafka: ")?;
        ctx.field_format().format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}
