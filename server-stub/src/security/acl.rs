//! ACLs and the authorizer, as Kafka's `StandardAuthorizer` decides: who (a principal, from a
//! host) may do what (an operation) to which resource (a topic, a group, a transactional id,
//! the cluster).
//!
//! An ACL names a resource by pattern: LITERAL (the exact name; `*` is every name) or PREFIXED
//! (every name starting with it). For one request the authorizer looks at the ACLs whose
//! pattern covers the resource and whose principal is the caller's or `User:*`, and whose host
//! is the caller's address or `*`:
//!
//! 1. a super user is allowed everything, ACLs or not;
//! 2. a matching DENY wins over any ALLOW;
//! 3. a matching ALLOW allows. ALLOW of READ, WRITE, DELETE or ALTER also allows DESCRIBE, and
//!    ALLOW of ALTER_CONFIGS allows DESCRIBE_CONFIGS (DENY implies nothing); ALL matches every
//!    operation;
//! 4. otherwise: if no ACL at all covers the resource, `allow.everyone.if.no.acl.found`
//!    decides (false by default: denied); if some do (for other principals or operations),
//!    denied.
//!
//! `Acls` is a snapshot: a request takes one (an `Arc`, under a leaf lock held for the clone)
//! and decides without any lock; CreateAcls and DeleteAcls replace it.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, Mutex};

/// The name of the one CLUSTER resource.
pub const CLUSTER_NAME: &str = "kafka-cluster";

/// Kafka's wildcard: a LITERAL resource name matching every name, a host matching every host.
pub const WILDCARD: &str = "*";

/// The principal matching every user.
pub const WILDCARD_PRINCIPAL: &str = "User:*";

/// The protocol's ACL vocabulary, under the names the stub has always given them.
pub use kfk_protocol::acl::{
    AclOperation, AclPermissionType as AclPermission, AclResourceType as ResourceType, PatternType,
};

/// One ACL (Kafka's `AclBinding`): `principal` from `host` is allowed or denied `operation` on
/// the resources `resource_type` / `name` / `pattern` covers.
///
/// ```
/// use kfk_stub::acl::{Acl, AclOperation};
///
/// // alice may read (and so describe) every topic whose name starts with "orders-".
/// let acl = Acl::allow_prefixed_topic("orders-", "User:alice", AclOperation::Read);
/// assert_eq!(acl.host, "*");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Acl {
    /// The resource type (not [`ResourceType::Any`]).
    pub resource_type: ResourceType,
    /// The resource name, or prefix.
    pub name: String,
    /// LITERAL or PREFIXED.
    pub pattern: PatternType,
    /// `User:<name>`, or [`WILDCARD_PRINCIPAL`].
    pub principal: String,
    /// The client's address, or [`WILDCARD`].
    pub host: String,
    /// The operation (not [`AclOperation::Any`]).
    pub operation: AclOperation,
    /// ALLOW or DENY.
    pub permission: AclPermission,
}

impl Acl {
    /// An ALLOW ACL from any host on the resources of a literal name.
    pub fn allow(
        resource_type: ResourceType,
        name: impl Into<String>,
        principal: impl Into<String>,
        operation: AclOperation,
    ) -> Acl {
        Acl {
            resource_type,
            name: name.into(),
            pattern: PatternType::Literal,
            principal: principal.into(),
            host: WILDCARD.to_owned(),
            operation,
            permission: AclPermission::Allow,
        }
    }

    /// A DENY ACL from any host on the resources of a literal name.
    pub fn deny(
        resource_type: ResourceType,
        name: impl Into<String>,
        principal: impl Into<String>,
        operation: AclOperation,
    ) -> Acl {
        Acl { permission: AclPermission::Deny, ..Acl::allow(resource_type, name, principal, operation) }
    }

    /// An ALLOW ACL on every topic whose name starts with `prefix`.
    pub fn allow_prefixed_topic(prefix: impl Into<String>, principal: impl Into<String>, op: AclOperation) -> Acl {
        Acl { pattern: PatternType::Prefixed, ..Acl::allow(ResourceType::Topic, prefix, principal, op) }
    }

    /// Why Kafka's controller would refuse to create it (INVALID_REQUEST), if it would.
    pub(crate) fn invalid(&self) -> Option<String> {
        if matches!(self.resource_type, ResourceType::Any) {
            return Some(format!("Invalid resourceType {:?}", self.resource_type));
        }
        if !matches!(self.pattern, PatternType::Literal | PatternType::Prefixed) {
            return Some(format!("Invalid patternType {:?}", self.pattern));
        }
        if matches!(self.operation, AclOperation::Any) {
            return Some(format!("Invalid operation {:?}", self.operation));
        }
        if matches!(self.permission, AclPermission::Any) {
            return Some(format!("Invalid permissionType {:?}", self.permission));
        }
        if self.name.is_empty() {
            return Some("Resource name should not be empty".to_owned());
        }
        if self.resource_type == ResourceType::Cluster && self.name != CLUSTER_NAME {
            return Some(format!("The only valid name for the CLUSTER resource is {CLUSTER_NAME}"));
        }
        match self.principal.split_once(':') {
            Some((kind, name)) if !kind.is_empty() && !name.is_empty() => {}
            _ => return Some(format!("Could not parse principal from `{}` (no colon is present)", self.principal)),
        }
        None
    }

    /// Whether the ACL's pattern covers the resource `name`.
    fn covers(&self, name: &str) -> bool {
        match self.pattern {
            PatternType::Literal => self.name == name || self.name == WILDCARD,
            PatternType::Prefixed => name.starts_with(&self.name),
            PatternType::Any | PatternType::Match | PatternType::Unknown(_) => false,
        }
    }

    /// This ACL's verdict on `operation` by a caller it covers (principal and host already
    /// matched), `None` if it does not speak to that operation.
    fn verdict(&self, operation: AclOperation) -> Option<bool> {
        let allow = self.permission == AclPermission::Allow;
        let applies = self.operation == AclOperation::All
            || self.operation == operation
            || (allow && operation == AclOperation::Describe && implies_describe(self.operation))
            || (allow && operation == AclOperation::DescribeConfigs && self.operation == AclOperation::AlterConfigs);
        applies.then_some(allow)
    }
}

/// Whether an ALLOW of `operation` also allows DESCRIBE.
fn implies_describe(operation: AclOperation) -> bool {
    matches!(operation, AclOperation::Read | AclOperation::Write | AclOperation::Delete | AclOperation::Alter)
}

impl fmt::Display for Acl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} {} from {} {:?} on {:?}:{:?}:{}",
            self.permission, self.principal, self.host, self.operation, self.resource_type, self.pattern, self.name
        )
    }
}

/// A filter over ACLs (Kafka's `AclBindingFilter`), as DescribeAcls and DeleteAcls carry it:
/// `None` and the `Any` values match everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AclFilter {
    pub resource_type: ResourceType,
    pub name: Option<String>,
    pub pattern: PatternType,
    pub principal: Option<String>,
    pub host: Option<String>,
    pub operation: AclOperation,
    pub permission: AclPermission,
}

impl AclFilter {
    pub(crate) fn matches(&self, acl: &Acl) -> bool {
        let type_ok = self.resource_type == ResourceType::Any || self.resource_type == acl.resource_type;
        let pattern_ok = match (self.pattern, &self.name) {
            (PatternType::Match, None) | (PatternType::Any, None) => true,
            (PatternType::Match, Some(name)) => {
                (acl.pattern == PatternType::Literal && (acl.name == *name || acl.name == WILDCARD))
                    || (acl.pattern == PatternType::Prefixed && name.starts_with(&acl.name))
            }
            (PatternType::Any, Some(name)) => acl.name == *name,
            (pattern, name) => pattern == acl.pattern && name.as_ref().is_none_or(|n| *n == acl.name),
        };
        type_ok
            && pattern_ok
            && self.principal.as_ref().is_none_or(|p| *p == acl.principal)
            && self.host.as_ref().is_none_or(|h| *h == acl.host)
            && (self.operation == AclOperation::Any || self.operation == acl.operation)
            && (self.permission == AclPermission::Any || self.permission == acl.permission)
    }
}

/// The authorizer's settings, fixed when the cluster starts (the ACLs change at run time).
#[derive(Debug, Clone, Default)]
pub(crate) struct AuthorizerConfig {
    /// `super.users`: principals allowed everything.
    pub super_users: BTreeSet<String>,
    /// `allow.everyone.if.no.acl.found`.
    pub allow_if_no_acl: bool,
    /// The ACLs the cluster starts with.
    pub acls: Vec<Acl>,
}

/// The ACLs at one moment, with the settings that decide with them.
#[derive(Debug, Default)]
pub(crate) struct Acls {
    config: AuthorizerConfig,
    acls: BTreeSet<Acl>,
}

impl Acls {
    /// Whether `principal` connecting from `host` may do `operation` on the resource
    /// `resource_type` / `name`.
    pub(crate) fn allows(
        &self,
        principal: &str,
        host: &str,
        operation: AclOperation,
        resource_type: ResourceType,
        name: &str,
    ) -> bool {
        if self.config.super_users.contains(principal) {
            return true;
        }
        let mut covered = false;
        let mut allowed = false;
        for acl in self.acls.iter().filter(|a| a.resource_type == resource_type && a.covers(name)) {
            covered = true;
            let caller = acl.principal == principal || acl.principal == WILDCARD_PRINCIPAL;
            if !caller || (acl.host != WILDCARD && acl.host != host) {
                continue;
            }
            match acl.verdict(operation) {
                Some(false) => return false,
                Some(true) => allowed = true,
                None => {}
            }
        }
        allowed || (!covered && self.config.allow_if_no_acl)
    }

    /// Kafka's `authorizeByResourceType`: whether `principal` may do `operation` on at least
    /// one resource of `resource_type` (a super user may; an ALLOW ACL for it counts unless a
    /// DENY ACL for it covers the allowed pattern).
    pub(crate) fn allows_any(
        &self,
        principal: &str,
        host: &str,
        operation: AclOperation,
        resource_type: ResourceType,
    ) -> bool {
        if self.config.super_users.contains(principal) {
            return true;
        }
        let mine = |a: &&Acl| {
            a.resource_type == resource_type
                && (a.principal == principal || a.principal == WILDCARD_PRINCIPAL)
                && (a.host == WILDCARD || a.host == host)
                && (a.operation == operation || a.operation == AclOperation::All)
        };
        let denies: Vec<&Acl> = self.acls.iter().filter(mine).filter(|a| a.permission == AclPermission::Deny).collect();
        let denied = |allow: &Acl| {
            denies.iter().any(|d| match d.pattern {
                PatternType::Literal => {
                    d.name == WILDCARD || (allow.pattern == PatternType::Literal && d.name == allow.name)
                }
                _ => allow.name.starts_with(&d.name),
            })
        };
        let any_allow =
            self.acls.iter().filter(mine).filter(|a| a.permission == AclPermission::Allow).any(|a| !denied(a));
        any_allow || (self.config.allow_if_no_acl && !self.acls.iter().any(|a| a.resource_type == resource_type))
    }

    /// The ACLs `filter` matches, in a stable order.
    pub(crate) fn matching<'a>(&'a self, filter: &'a AclFilter) -> impl Iterator<Item = &'a Acl> + 'a {
        self.acls.iter().filter(move |a| filter.matches(a))
    }
}

/// The cluster's authorizer: a leaf lock around the current [`Acls`] snapshot.
#[derive(Debug)]
pub(crate) struct Authorizer {
    current: Mutex<Arc<Acls>>,
}

impl Authorizer {
    pub(crate) fn new(mut config: AuthorizerConfig) -> Authorizer {
        let acls = std::mem::take(&mut config.acls).into_iter().collect();
        Authorizer { current: Mutex::new(Arc::new(Acls { config, acls })) }
    }

    /// The ACLs now; decisions on it take no lock.
    pub(crate) fn snapshot(&self) -> Arc<Acls> {
        self.current.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Changes the ACLs (CreateAcls, DeleteAcls) with `change`, which returns what to answer.
    pub(crate) fn update<T>(&self, change: impl FnOnce(&mut BTreeSet<Acl>) -> T) -> T {
        let mut current = self.current.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut acls = current.acls.clone();
        let answer = change(&mut acls);
        *current = Arc::new(Acls { config: current.config.clone(), acls });
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALICE: &str = "User:alice";
    const HOST: &str = "127.0.0.1";

    fn acls(list: Vec<Acl>) -> Acls {
        let config = AuthorizerConfig {
            super_users: BTreeSet::from(["User:admin".to_owned()]),
            allow_if_no_acl: false,
            acls: Vec::new(),
        };
        Acls { config, acls: list.into_iter().collect() }
    }

    fn topic(acls: &Acls, op: AclOperation, name: &str) -> bool {
        acls.allows(ALICE, HOST, op, ResourceType::Topic, name)
    }

    #[test]
    fn without_acls_only_super_users_pass() {
        let a = acls(Vec::new());
        assert!(!topic(&a, AclOperation::Describe, "t"));
        assert!(a.allows("User:admin", HOST, AclOperation::Alter, ResourceType::Cluster, CLUSTER_NAME));
    }

    #[test]
    fn allow_everyone_if_no_acl_found_applies_only_to_resources_without_acls() {
        let mut a = acls(vec![Acl::allow(ResourceType::Topic, "guarded", "User:bob", AclOperation::Read)]);
        a.config.allow_if_no_acl = true;
        assert!(topic(&a, AclOperation::Write, "open"));
        assert!(!topic(&a, AclOperation::Read, "guarded"), "bob's ACL covers it");
    }

    #[test]
    fn read_write_delete_alter_imply_describe_but_deny_implies_nothing() {
        for op in [AclOperation::Read, AclOperation::Write, AclOperation::Delete, AclOperation::Alter] {
            let a = acls(vec![Acl::allow(ResourceType::Topic, "t", ALICE, op)]);
            assert!(topic(&a, AclOperation::Describe, "t"), "{op:?}");
            assert!(!topic(&a, AclOperation::Create, "t"), "{op:?}");
        }
        let a = acls(vec![Acl::allow(ResourceType::Topic, "t", ALICE, AclOperation::AlterConfigs)]);
        assert!(topic(&a, AclOperation::DescribeConfigs, "t"));
        assert!(!topic(&a, AclOperation::Describe, "t"));
        let a = acls(vec![
            Acl::allow(ResourceType::Topic, "t", ALICE, AclOperation::Describe),
            Acl::deny(ResourceType::Topic, "t", ALICE, AclOperation::Read),
        ]);
        assert!(topic(&a, AclOperation::Describe, "t"), "a DENY of READ does not deny DESCRIBE");
        assert!(!topic(&a, AclOperation::Read, "t"));
    }

    #[test]
    fn deny_beats_allow_whatever_the_pattern() {
        let a = acls(vec![
            Acl::allow(ResourceType::Topic, WILDCARD, ALICE, AclOperation::All),
            Acl {
                pattern: PatternType::Prefixed,
                ..Acl::deny(ResourceType::Topic, "secret-", ALICE, AclOperation::Read)
            },
        ]);
        assert!(topic(&a, AclOperation::Read, "public"));
        assert!(!topic(&a, AclOperation::Read, "secret-plans"));
        assert!(topic(&a, AclOperation::Write, "secret-plans"));
    }

    #[test]
    fn literal_prefixed_and_wildcard_patterns() {
        let a = acls(vec![
            Acl::allow(ResourceType::Topic, "orders", ALICE, AclOperation::Read),
            Acl::allow_prefixed_topic("logs-", ALICE, AclOperation::Write),
            Acl::allow(ResourceType::Group, WILDCARD, ALICE, AclOperation::Read),
        ]);
        assert!(topic(&a, AclOperation::Read, "orders"));
        assert!(!topic(&a, AclOperation::Read, "orders-eu"), "a literal name is not a prefix");
        assert!(topic(&a, AclOperation::Write, "logs-app"));
        assert!(!topic(&a, AclOperation::Write, "logs"));
        assert!(a.allows(ALICE, HOST, AclOperation::Read, ResourceType::Group, "any-group"));
        assert!(!a.allows(ALICE, HOST, AclOperation::Read, ResourceType::TransactionalId, "any-group"));
    }

    #[test]
    fn principals_and_hosts_must_match_or_be_wildcards() {
        let a = acls(vec![
            Acl::allow(ResourceType::Topic, "everyone", WILDCARD_PRINCIPAL, AclOperation::Read),
            Acl { host: "10.0.0.1".into(), ..Acl::allow(ResourceType::Topic, "remote", ALICE, AclOperation::Read) },
            Acl::allow(ResourceType::Topic, "bobs", "User:bob", AclOperation::Read),
        ]);
        assert!(topic(&a, AclOperation::Read, "everyone"));
        assert!(!topic(&a, AclOperation::Read, "remote"));
        assert!(a.allows(ALICE, "10.0.0.1", AclOperation::Read, ResourceType::Topic, "remote"));
        assert!(!topic(&a, AclOperation::Read, "bobs"));
    }

    #[test]
    fn authorize_by_resource_type_needs_an_undenied_allow() {
        let write = |list| acls(list).allows_any(ALICE, HOST, AclOperation::Write, ResourceType::Topic);
        assert!(!write(vec![]));
        assert!(write(vec![Acl::allow(ResourceType::Topic, "t", ALICE, AclOperation::Write)]));
        assert!(!write(vec![
            Acl::allow(ResourceType::Topic, "t", ALICE, AclOperation::Write),
            Acl::deny(ResourceType::Topic, WILDCARD, ALICE, AclOperation::Write),
        ]));
        assert!(!write(vec![
            Acl::allow_prefixed_topic("logs-app", ALICE, AclOperation::Write),
            Acl {
                pattern: PatternType::Prefixed,
                ..Acl::deny(ResourceType::Topic, "logs-", ALICE, AclOperation::Write)
            },
        ]));
        assert!(!write(vec![Acl::allow(ResourceType::Topic, "t", ALICE, AclOperation::Read)]));
    }

    #[test]
    fn filters_match_as_kafka_s_acl_binding_filter() {
        let literal = Acl::allow(ResourceType::Topic, "orders", ALICE, AclOperation::Read);
        let prefixed = Acl::allow_prefixed_topic("ord", ALICE, AclOperation::Read);
        let wildcard = Acl::allow(ResourceType::Topic, WILDCARD, ALICE, AclOperation::Read);
        let filter = |pattern, name: Option<&str>| AclFilter {
            resource_type: ResourceType::Topic,
            name: name.map(str::to_owned),
            pattern,
            principal: None,
            host: None,
            operation: AclOperation::Any,
            permission: AclPermission::Any,
        };
        let m = filter(PatternType::Match, Some("orders"));
        assert!(m.matches(&literal) && m.matches(&prefixed) && m.matches(&wildcard));
        let any = filter(PatternType::Any, Some("orders"));
        assert!(any.matches(&literal) && !any.matches(&prefixed) && !any.matches(&wildcard));
        let lit = filter(PatternType::Literal, None);
        assert!(lit.matches(&literal) && !lit.matches(&prefixed) && lit.matches(&wildcard));
        let group = AclFilter { resource_type: ResourceType::Group, ..filter(PatternType::Any, None) };
        assert!(!group.matches(&literal));
    }

    #[test]
    fn invalid_acls_are_named() {
        let ok = Acl::allow(ResourceType::Cluster, CLUSTER_NAME, ALICE, AclOperation::Alter);
        assert_eq!(ok.invalid(), None);
        let bad_cluster = Acl { name: "other".into(), ..ok.clone() };
        assert!(bad_cluster.invalid().is_some_and(|m| m.contains("kafka-cluster")));
        assert!(Acl { principal: "alice".into(), ..ok.clone() }.invalid().is_some());
        assert!(Acl { pattern: PatternType::Match, ..ok.clone() }.invalid().is_some());
        assert!(Acl { operation: AclOperation::Any, ..ok }.invalid().is_some());
    }
}
