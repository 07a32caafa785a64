//! SASL/PLAIN (RFC 4616) as Kafka's `PlainSaslServer` serves it: one message,
//! `authzid \0 user \0 password`, checked against the users the builder added, with Kafka's
//! failure messages.

use std::collections::BTreeMap;

use super::sasl::{constant_time_eq, Failure, Step};

/// Serves the one PLAIN message.
pub(crate) fn authenticate(users: &BTreeMap<String, String>, message: &[u8]) -> Step {
    // Kafka decodes the message as UTF-8 (malformed bytes become U+FFFD) and splits it at NUL.
    let message = String::from_utf8_lossy(message);
    let tokens: Vec<&str> = message.split('\0').collect();
    if tokens.len() != 3 {
        return Step::Fail(Failure::said(format!(
            "Invalid SASL/PLAIN response: expected 3 tokens, got {}",
            tokens.len()
        )));
    }
    let (authzid, user, password) = (tokens[0], tokens[1], tokens[2]);
    if user.is_empty() {
        return Step::Fail(Failure::said("Authentication failed: username not specified"));
    }
    if password.is_empty() {
        return Step::Fail(Failure::said("Authentication failed: password not specified"));
    }
    // Compared in constant time, as Kafka's PlainServerCallbackHandler (MessageDigest.isEqual);
    // an unknown user fails the same way as a wrong password.
    let known = users.get(user).is_some_and(|expected| constant_time_eq(expected.as_bytes(), password.as_bytes()));
    if !known {
        return Step::Fail(Failure::said("Authentication failed: Invalid username or password"));
    }
    if !authzid.is_empty() && authzid != user {
        return Step::Fail(Failure::said(
            "Authentication failed: Client requested an authorization id that is different from username",
        ));
    }
    Step::Done { reply: Vec::new(), user: user.to_owned(), credential_expiry_ms: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users() -> BTreeMap<String, String> {
        BTreeMap::from([("alice".to_owned(), "alice-secret".to_owned())])
    }

    fn message_of(step: Step) -> String {
        match step {
            Step::Fail(f) => f.message.unwrap_or_default(),
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn plain_accepts_the_right_password_only() {
        match authenticate(&users(), b"\0alice\0alice-secret") {
            Step::Done { user, .. } => assert_eq!(user, "alice"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(authenticate(&users(), b"alice\0alice\0alice-secret"), Step::Done { .. }));
        assert_eq!(
            message_of(authenticate(&users(), b"\0alice\0wrong")),
            "Authentication failed: Invalid username or password"
        );
        assert_eq!(
            message_of(authenticate(&users(), b"\0bob\0alice-secret")),
            "Authentication failed: Invalid username or password"
        );
        assert_eq!(message_of(authenticate(&users(), b"\0\0x")), "Authentication failed: username not specified");
        assert_eq!(message_of(authenticate(&users(), b"\0alice\0")), "Authentication failed: password not specified");
        assert_eq!(
            message_of(authenticate(&users(), b"alice")),
            "Invalid SASL/PLAIN response: expected 3 tokens, got 1"
        );
        assert!(message_of(authenticate(&users(), b"bob\0alice\0alice-secret")).contains("authorization id"));
    }
}
