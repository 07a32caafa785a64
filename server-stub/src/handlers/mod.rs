//! One module per API family. Each handler takes the shared state, the request context and the
//! decoded request, and returns the response for the request's version: it fills only fields
//! that version carries. None holds a lock across an `.await`.

pub(crate) mod acls;
pub(crate) mod admin_configs;
pub(crate) mod api_versions;
pub(crate) mod authorization;
pub(crate) mod broker_configs;
pub(crate) mod consumer_group;
pub(crate) mod coordinator;
pub(crate) mod delete_records;
pub(crate) mod error_answer;
pub(crate) mod fetch;
pub(crate) mod groups;
pub(crate) mod list_offsets;
pub(crate) mod membership;
pub(crate) mod metadata;
pub(crate) mod offsets;
pub(crate) mod produce;
pub(crate) mod producer_id;
pub(crate) mod scram_users;
pub(crate) mod topics;
pub(crate) mod txn;
pub(crate) mod txn_admin;
pub(crate) mod txn_offsets;
#[cfg(test)]
mod txn_tests;
pub(crate) mod unsupported;
