//! Turning SDK errors into messages that say what to do: which brokers could not be reached,
//! which topic does not exist and how to create it.

use kfk_admin::AdminError;

/// The error and its causes on one line each, as printed after `error: `.
pub fn render(e: &anyhow::Error) -> String {
    let mut out = e.to_string();
    for cause in e.chain().skip(1) {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str("\n  caused by: ");
            out.push_str(&text);
        }
    }
    out
}

/// Whether an admin error means that no broker answered (as opposed to a broker refusing).
fn is_unreachable(e: &AdminError) -> bool {
    match e {
        AdminError::Client(e) => matches!(
            **e,
            kfk_client::Error::Io { .. }
                | kfk_client::Error::Disconnected { .. }
                | kfk_client::Error::ConnectTimeout { .. }
                | kfk_client::Error::RequestTimeout { .. }
                | kfk_client::Error::NoBrokerReachable { .. }
                | kfk_client::Error::Timeout { .. }
        ),
        AdminError::Timeout { last, .. } => match last.as_deref() {
            None => true,
            Some(last) => is_unreachable(last),
        },
        _ => false,
    }
}

/// An admin error with advice: unreachable brokers are named, unknown topics get the command
/// that creates them.
pub fn admin(e: AdminError, bootstrap: &str) -> anyhow::Error {
    if is_unreachable(&e) {
        let after = match &e {
            AdminError::Timeout { after, .. } => format!(" within {:.1} s", after.as_secs_f64()),
            _ => String::new(),
        };
        return anyhow::anyhow!(
            "no broker reachable at {bootstrap}{after} ({e}); check --bootstrap-server, that the brokers are up, \
             and security.protocol in --command-config (default.api.timeout.ms there sets how long to try)"
        );
    }
    if let AdminError::Client(inner) = &e {
        if matches!(**inner, kfk_client::Error::UnsupportedVersion { .. } | kfk_client::Error::BrokerTooOld { .. }) {
            return anyhow::anyhow!("{e}; this broker does not offer what the command needs");
        }
    }
    if let AdminError::NotFound { kind: kfk_admin::ResourceKind::Topic, name, .. } = &e {
        return anyhow::anyhow!(
            "topic `{name}` does not exist; list topics with `kfk topics --list` or create it with \
             `kfk topics --create --topic {name} --partitions N`"
        );
    }
    anyhow::Error::new(e)
}
