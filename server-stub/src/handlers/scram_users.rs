//! DescribeUserScramCredentials and AlterUserScramCredentials (KIP-554), as Kafka's controller
//! (`ScramControlManager`) answers them. The credentials are the ones SCRAM authentication
//! checks (`Shared::scram`), so a test can create a user with the admin API and log in as it.
//! Upsertions carry the salted password, never the password; only the derived keys are kept.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use kfk_protocol::messages::alter_user_scram_credentials::response::AlterUserScramCredentialsResult;
use kfk_protocol::messages::describe_user_scram_credentials::response::{
    CredentialInfo, DescribeUserScramCredentialsResult,
};
use kfk_protocol::messages::{
    AlterUserScramCredentialsRequest, AlterUserScramCredentialsResponse, DescribeUserScramCredentialsRequest,
    DescribeUserScramCredentialsResponse,
};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::security::scram::{Credential, MAX_ITERATIONS, MIN_ITERATIONS};
use crate::security::SaslMechanism;
use crate::state::Shared;

/// Kafka's `ScramMechanism` type codes.
fn mechanism_of(code: i8) -> Option<SaslMechanism> {
    match code {
        1 => Some(SaslMechanism::ScramSha256),
        2 => Some(SaslMechanism::ScramSha512),
        _ => None,
    }
}

fn code_of(mechanism: SaslMechanism) -> i8 {
    if mechanism == SaslMechanism::ScramSha512 {
        2
    } else {
        1
    }
}

pub(crate) fn describe(
    shared: &Shared,
    _ctx: &Ctx,
    request: DescribeUserScramCredentialsRequest,
) -> DescribeUserScramCredentialsResponse {
    let store = shared.scram.lock();
    let mut by_user: BTreeMap<&str, Vec<CredentialInfo>> = BTreeMap::new();
    for ((mechanism, user), credential) in store.iter() {
        by_user.entry(user.as_str()).or_default().push(CredentialInfo {
            mechanism: code_of(*mechanism),
            iterations: i32::try_from(credential.iterations()).unwrap_or(i32::MAX),
            ..Default::default()
        });
    }
    let info = |user: &str| by_user.get(user).cloned().unwrap_or_default();
    let results = match request.users.as_deref() {
        None | Some([]) => by_user
            .keys()
            .map(|user| DescribeUserScramCredentialsResult {
                user: (*user).to_owned(),
                credential_infos: info(user),
                ..Default::default()
            })
            .collect(),
        Some(users) => {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for u in users {
                *counts.entry(u.name.as_str()).or_default() += 1;
            }
            let mut seen = BTreeSet::new();
            users
                .iter()
                .filter(|u| seen.insert(u.name.as_str()))
                .map(|u| {
                    let name = u.name.as_str();
                    let (error_code, error_message) = if counts.get(name).copied().unwrap_or(0) > 1 {
                        (
                            ErrorCode::DUPLICATE_RESOURCE.0,
                            Some(format!(
                                "Cannot describe SCRAM credentials for the same user twice in a single request: {name}"
                            )),
                        )
                    } else if !by_user.contains_key(name) {
                        (ErrorCode::RESOURCE_NOT_FOUND.0, Some(format!("Attempt to describe nonexistent user: {name}")))
                    } else {
                        (ErrorCode::NONE.0, None)
                    };
                    DescribeUserScramCredentialsResult {
                        user: name.to_owned(),
                        error_code,
                        error_message,
                        credential_infos: if error_code == 0 { info(name) } else { Vec::new() },
                        ..Default::default()
                    }
                })
                .collect()
        }
    };
    DescribeUserScramCredentialsResponse { results, ..Default::default() }
}

/// One alteration of one user.
enum Change {
    Delete(SaslMechanism),
    Upsert(SaslMechanism, Credential),
}

pub(crate) fn alter(
    shared: &Shared,
    _ctx: &Ctx,
    request: AlterUserScramCredentialsRequest,
) -> AlterUserScramCredentialsResponse {
    // Validate everything first (per user: the first error wins, and a user with an error
    // changes nothing), then apply under the store's lock.
    let mut users: Vec<String> = Vec::new();
    let mut errors: HashMap<String, (ErrorCode, String)> = HashMap::new();
    let mut changes: HashMap<String, Vec<Change>> = HashMap::new();
    let mut pairs: HashMap<(String, i8), usize> = HashMap::new();
    let ops = request
        .deletions
        .iter()
        .map(|d| (d.name.clone(), d.mechanism, None))
        .chain(request.upsertions.iter().map(|u| (u.name.clone(), u.mechanism, Some(u))));
    for (name, _, _) in ops.clone() {
        if !users.contains(&name) {
            users.push(name.clone());
        }
    }
    for (name, code, _) in ops.clone() {
        *pairs.entry((name, code)).or_default() += 1;
    }
    let store = shared.scram.lock();
    for (name, code, upsertion) in ops {
        if errors.contains_key(&name) {
            continue;
        }
        let refuse = |code: ErrorCode, message: String| Some((code, message));
        let error = if name.is_empty() {
            refuse(ErrorCode::UNACCEPTABLE_CREDENTIAL, "Username must not be empty".to_owned())
        } else if pairs.get(&(name.clone(), code)).copied().unwrap_or(0) > 1 {
            refuse(
                ErrorCode::DUPLICATE_RESOURCE,
                "A user credential cannot be altered twice in the same request".to_owned(),
            )
        } else {
            match (mechanism_of(code), upsertion) {
                (None, _) => refuse(ErrorCode::UNSUPPORTED_SASL_MECHANISM, "Unknown SCRAM mechanism".to_owned()),
                (Some(m), None) => {
                    if store.contains_key(&(m, name.clone())) {
                        changes.entry(name.clone()).or_default().push(Change::Delete(m));
                        None
                    } else {
                        refuse(
                            ErrorCode::RESOURCE_NOT_FOUND,
                            "Attempt to delete a user credential that does not exist".to_owned(),
                        )
                    }
                }
                (Some(m), Some(u)) => {
                    let iterations = u32::try_from(u.iterations).unwrap_or(0);
                    if iterations < MIN_ITERATIONS {
                        refuse(ErrorCode::UNACCEPTABLE_CREDENTIAL, format!("Too few iterations: {}", u.iterations))
                    } else if iterations > MAX_ITERATIONS {
                        refuse(ErrorCode::UNACCEPTABLE_CREDENTIAL, format!("Too many iterations: {}", u.iterations))
                    } else if u.salt.is_empty() || u.salted_password.is_empty() {
                        refuse(
                            ErrorCode::UNACCEPTABLE_CREDENTIAL,
                            "Salt and salted password must not be empty".to_owned(),
                        )
                    } else {
                        let credential = Credential::from_salted(m, &u.salted_password, u.salt.to_vec(), iterations);
                        changes.entry(name.clone()).or_default().push(Change::Upsert(m, credential));
                        None
                    }
                }
            }
        };
        if let Some(e) = error {
            errors.insert(name.clone(), e);
        }
    }
    drop(store);
    {
        let mut store = shared.scram.lock();
        for (name, list) in changes {
            if errors.contains_key(&name) {
                continue;
            }
            for change in list {
                match change {
                    Change::Delete(m) => {
                        store.remove(&(m, name.clone()));
                    }
                    Change::Upsert(m, credential) => {
                        store.insert((m, name.clone()), credential);
                    }
                }
            }
        }
    }
    let results = users
        .into_iter()
        .map(|user| {
            let (error_code, error_message) = match errors.remove(&user) {
                Some((code, message)) => (code.0, Some(message)),
                None => (ErrorCode::NONE.0, None),
            };
            tracing::debug!(%user, error_code, "SCRAM credentials altered");
            AlterUserScramCredentialsResult { user, error_code, error_message, ..Default::default() }
        })
        .collect();
    AlterUserScramCredentialsResponse { results, ..Default::default() }
}
