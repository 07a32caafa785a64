//! SASL/PLAIN (RFC 4616): the user name and password in one message. Send it over TLS only:
//! anyone who reads the connection reads the password.

use futures_util::future::BoxFuture;

use super::{Exchange, Mechanism, Step};
use crate::error::{BrokerId, SaslError};
use crate::secret::Secret;

/// PLAIN with a user name and password.
///
/// ```
/// use kfk_client::sasl::{Mechanism, plain::Plain};
///
/// let plain = Plain::new("alice", "alice-secret");
/// assert_eq!(plain.name(), "PLAIN");
/// assert!(!format!("{plain:?}").contains("alice-secret"));
/// ```
#[derive(Debug, Clone)]
pub struct Plain {
    username: String,
    password: Secret,
}

impl Plain {
    /// PLAIN for `username` with `password`.
    pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Plain {
        Plain { username: username.into(), password: password.into() }
    }
}

impl Mechanism for Plain {
    fn name(&self) -> &str {
        "PLAIN"
    }

    fn begin<'a>(&'a self, _broker: &'a BrokerId) -> BoxFuture<'a, Result<Box<dyn Exchange>, SaslError>> {
        let exchange: Box<dyn Exchange> = Box::new(PlainExchange { plain: self.clone(), sent: false });
        Box::pin(async move { Ok(exchange) })
    }
}

struct PlainExchange {
    plain: Plain,
    sent: bool,
}

impl Exchange for PlainExchange {
    fn step(&mut self, challenge: Option<&[u8]>) -> Result<Step, SaslError> {
        match (self.sent, challenge) {
            (false, None) => {
                self.sent = true;
                // authzid NUL authcid NUL passwd, with an empty authorization id.
                let mut message =
                    Vec::with_capacity(2 + self.plain.username.len() + self.plain.password.expose().len());
                message.push(0);
                message.extend_from_slice(self.plain.username.as_bytes());
                message.push(0);
                message.extend_from_slice(self.plain.password.expose().as_bytes());
                Ok(Step::Respond(message))
            }
            // The broker answers a successful PLAIN exchange with empty bytes.
            (true, Some(_)) => Ok(Step::Done),
            _ => Err(SaslError::Malformed {
                mechanism: "PLAIN".into(),
                detail: "the broker sent a challenge before the client's message".into(),
            }),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests: a failed unwrap is a failed test
mod tests {
    use super::*;

    #[tokio::test]
    async fn sends_user_and_password_once_then_is_done() {
        let plain = Plain::new("alice", "pw");
        let broker = BrokerId { node_id: 0, addr: "b:9092".into() };
        let mut exchange = plain.begin(&broker).await.unwrap();
        assert_eq!(exchange.step(None).unwrap(), Step::Respond(b"\0alice\0pw".to_vec()));
        assert_eq!(exchange.step(Some(b"")).unwrap(), Step::Done);
    }
}
