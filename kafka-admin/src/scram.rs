//! SCRAM credentials: describe, upsert and delete (what `kafka-configs --entity-type users
//! --alter --add-config 'SCRAM-SHA-256=[...]'` does, KIP-554).
//!
//! The password never leaves this process: an upsert sends a random salt and the salted
//! password (PBKDF2 with HMAC of the mechanism's hash, RFC 5802's `Hi`), which is all a broker
//! needs to verify logins. The computation is kafka-client's, the one its SCRAM login proves
//! against ([`kfk_client::sasl::scram::salted_password`]).

use std::collections::BTreeMap;
use std::num::NonZeroU32;
use std::time::Duration;

use bytes::Bytes;
use kfk_client::sasl::scram::{self as client_scram, ScramHash};
use kfk_protocol::ErrorCode;
use kfk_protocol::messages::alter_user_scram_credentials::request::{
    ScramCredentialDeletion, ScramCredentialUpsertion,
};
use kfk_protocol::messages::describe_user_scram_credentials::request::UserName;
use kfk_protocol::messages::{AlterUserScramCredentialsRequest, DescribeUserScramCredentialsRequest};

use crate::client::Admin;
use crate::error::{AdminError, ResourceKind, Result, check};

/// A SCRAM mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ScramMechanism {
    /// SCRAM-SHA-256.
    Sha256,
    /// SCRAM-SHA-512.
    Sha512,
}

impl ScramMechanism {
    fn code(self) -> i8 {
        match self {
            ScramMechanism::Sha256 => 1,
            ScramMechanism::Sha512 => 2,
        }
    }

    fn from_code(code: i8) -> Option<ScramMechanism> {
        match code {
            1 => Some(ScramMechanism::Sha256),
            2 => Some(ScramMechanism::Sha512),
            _ => None,
        }
    }

    fn hash(self) -> ScramHash {
        match self {
            ScramMechanism::Sha256 => ScramHash::Sha256,
            ScramMechanism::Sha512 => ScramHash::Sha512,
        }
    }
}

/// One credential of a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScramCredentialInfo {
    /// The mechanism.
    pub mechanism: ScramMechanism,
    /// PBKDF2 iterations.
    pub iterations: i32,
}

/// A change to a user's SCRAM credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScramAlteration {
    /// Add or replace the credential of `mechanism`.
    Upsert {
        /// The user.
        user: String,
        /// The mechanism.
        mechanism: ScramMechanism,
        /// PBKDF2 iterations (Kafka accepts 4096 to 16384).
        iterations: u32,
        /// The password (only its salted form is sent).
        password: String,
    },
    /// Remove the credential of `mechanism`.
    Delete {
        /// The user.
        user: String,
        /// The mechanism.
        mechanism: ScramMechanism,
    },
}

impl ScramAlteration {
    fn user(&self) -> &str {
        match self {
            ScramAlteration::Upsert { user, .. } | ScramAlteration::Delete { user, .. } => user,
        }
    }
}

/// Options of the SCRAM operations.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ScramOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

/// `Hi(password, salt, iterations)` of RFC 5802, as kafka-client's SCRAM login computes it.
fn salted_password(mechanism: ScramMechanism, password: &str, salt: &[u8], iterations: NonZeroU32) -> Vec<u8> {
    client_scram::salted_password(mechanism.hash(), password, salt, iterations)
}

impl ScramCredentialInfo {
    /// A credential of `mechanism` with `iterations` (Java's
    /// `new ScramCredentialInfo(mechanism, iterations)`).
    pub fn new(mechanism: ScramMechanism, iterations: i32) -> Self {
        ScramCredentialInfo { mechanism, iterations }
    }
}

options!(ScramOptions);

impl Admin {
    /// The SCRAM credentials of `users` (all users with `None`). An unknown user gives
    /// [`AdminError::NotFound`] (`RESOURCE_NOT_FOUND`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().scram_user(kfk_stub::SaslMechanism::ScramSha256, "alice", "alice-secret").start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// let users = admin.describe_user_scram_credentials(None, kfk_admin::ScramOptions::default()).await?;
    /// for (user, credentials) in users {
    ///     println!("{user}: {:?}", credentials?);
    /// }
    /// # assert_eq!(admin.describe_user_scram_credentials(None, Default::default()).await?.len(), 1);
    /// # Ok(()) }
    /// ```
    pub async fn describe_user_scram_credentials(
        &self,
        users: Option<Vec<String>>,
        options: ScramOptions,
    ) -> Result<BTreeMap<String, Result<Vec<ScramCredentialInfo>>>> {
        let request = DescribeUserScramCredentialsRequest {
            users: users.map(|us| us.into_iter().map(|name| UserName { name, ..Default::default() }).collect()),
            ..Default::default()
        };
        self.retry("DescribeUserScramCredentials", options.timeout, || async {
            let response = self.inner.cluster.any_connection().await?.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "DescribeUserScramCredentials"));
            }
            Ok(response
                .results
                .into_iter()
                .map(|r| {
                    let result = check(
                        r.error_code,
                        r.error_message.as_ref(),
                        ResourceKind::Other,
                        &r.user,
                        "DescribeUserScramCredentials",
                    )
                    .and_then(|()| {
                        r.credential_infos
                            .iter()
                            .map(|c| {
                                let mechanism = ScramMechanism::from_code(c.mechanism).ok_or_else(|| {
                                    AdminError::UnexpectedValue {
                                        context: format!("SCRAM mechanism of user {}", r.user),
                                        value: c.mechanism.to_string(),
                                    }
                                })?;
                                Ok(ScramCredentialInfo { mechanism, iterations: c.iterations })
                            })
                            .collect()
                    });
                    (r.user, result)
                })
                .collect())
        })
        .await
    }

    /// Adds, replaces or removes SCRAM credentials (routed to the controller); one result per
    /// user.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// use kfk_admin::{ScramAlteration, ScramMechanism, ScramOptions};
    /// let upsert = ScramAlteration::Upsert {
    ///     user: "alice".into(),
    ///     mechanism: ScramMechanism::Sha256,
    ///     iterations: 8192,
    ///     password: "alice-secret".into(),
    /// };
    /// let results = admin.alter_user_scram_credentials(vec![upsert], ScramOptions::default()).await;
    /// # assert!(results["alice"].is_ok(), "{results:?}");
    /// # Ok(()) }
    /// ```
    pub async fn alter_user_scram_credentials(
        &self,
        alterations: Vec<ScramAlteration>,
        options: ScramOptions,
    ) -> BTreeMap<String, Result<()>> {
        let mut request = AlterUserScramCredentialsRequest::default();
        let mut invalid: BTreeMap<String, Result<()>> = BTreeMap::new();
        for a in &alterations {
            match a {
                ScramAlteration::Delete { user, mechanism } => request.deletions.push(ScramCredentialDeletion {
                    name: user.clone(),
                    mechanism: mechanism.code(),
                    ..Default::default()
                }),
                ScramAlteration::Upsert { user, mechanism, iterations, password } => {
                    let Some(rounds) = NonZeroU32::new(*iterations).filter(|n| n.get() <= i32::MAX as u32) else {
                        invalid.insert(
                            user.clone(),
                            Err(AdminError::InvalidRequest(format!("{iterations} SCRAM iterations"))),
                        );
                        continue;
                    };
                    let mut salt = [0u8; 32];
                    if getrandom::fill(&mut salt).is_err() {
                        invalid
                            .insert(user.clone(), Err(AdminError::InvalidRequest("no random salt available".into())));
                        continue;
                    }
                    request.upsertions.push(ScramCredentialUpsertion {
                        name: user.clone(),
                        mechanism: mechanism.code(),
                        iterations: rounds.get() as i32,
                        salt: Bytes::copy_from_slice(&salt),
                        salted_password: Bytes::from(salted_password(*mechanism, password, &salt, rounds)),
                        ..Default::default()
                    });
                }
            }
        }
        let users: Vec<String> =
            alterations.iter().map(|a| a.user().to_string()).filter(|u| !invalid.contains_key(u)).collect();
        if users.is_empty() {
            return invalid;
        }
        let request = &request;
        let mut results = self
            .retry_batch("AlterUserScramCredentials", options.timeout, users, |_pending| async move {
                // One request carries every change: a user's changes are applied together.
                let response = self.controller().await?.send(request).await?;
                Ok(response
                    .results
                    .into_iter()
                    .map(|r| {
                        let result = check(
                            r.error_code,
                            r.error_message.as_ref(),
                            ResourceKind::Other,
                            &r.user,
                            "AlterUserScramCredentials",
                        );
                        (r.user, result)
                    })
                    .collect())
            })
            .await;
        results.extend(invalid);
        results
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salted_password_is_pbkdf2() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P = "passwd", S = "salt", c = 1 (the first
        // 32 bytes of its 64-byte output are the first block, which is what SCRAM-SHA-256 uses).
        let expected: [u8; 32] = [
            0x55, 0xac, 0x04, 0x6e, 0x56, 0xe3, 0x08, 0x9f, 0xec, 0x16, 0x91, 0xc2, 0x25, 0x44, 0xb6, 0x05, 0xf9, 0x41,
            0x85, 0x21, 0x6d, 0xde, 0x04, 0x65, 0xe6, 0x8b, 0x9d, 0x57, 0xc2, 0x0d, 0xac, 0xbc,
        ];
        let one = NonZeroU32::new(1).expect("1 is not zero");
        assert_eq!(salted_password(ScramMechanism::Sha256, "passwd", b"salt", one), expected);
        assert_eq!(salted_password(ScramMechanism::Sha512, "passwd", b"salt", one).len(), 64);
    }
}
