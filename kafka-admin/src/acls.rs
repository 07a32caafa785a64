//! ACLs: create, describe and delete with filters (what `kafka-acls` does). The brokers need an
//! authorizer (`authorizer.class.name`); without one they answer `SECURITY_DISABLED`.

use std::time::Duration;

use kafka_protocol::messages::create_acls::request::AclCreation;
use kafka_protocol::messages::delete_acls::request::DeleteAclsFilter;
use kafka_protocol::messages::{CreateAclsRequest, DeleteAclsRequest, DescribeAclsRequest};
use kafka_protocol::ErrorCode;

use crate::client::Admin;
use crate::error::{AdminError, Result};

macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:expr),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A value this client does not know.
            Unknown(i8),
        }

        impl $name {
            /// The protocol's code.
            pub fn code(self) -> i8 {
                match self {
                    $($name::$variant => $code,)+
                    $name::Unknown(c) => c,
                }
            }

            /// The value of a protocol code.
            pub fn from_code(code: i8) -> $name {
                match code {
                    $($code => $name::$variant,)+
                    other => $name::Unknown(other),
                }
            }
        }
    };
}

wire_enum! {
    /// What kind of resource an ACL protects.
    AclResourceType {
        /// Any type (filters only).
        Any = 1,
        /// A topic.
        Topic = 2,
        /// A consumer group.
        Group = 3,
        /// The cluster.
        Cluster = 4,
        /// A transactional id.
        TransactionalId = 5,
        /// A delegation token.
        DelegationToken = 6,
        /// A user (for quotas and tokens).
        User = 7,
    }
}

wire_enum! {
    /// How an ACL's resource name matches.
    PatternType {
        /// Any pattern (filters only).
        Any = 1,
        /// Whatever matches the name, literal or prefixed (filters only).
        Match = 2,
        /// The exact name (`*` matches every name).
        Literal = 3,
        /// Names starting with it.
        Prefixed = 4,
    }
}

wire_enum! {
    /// What an ACL allows or denies.
    AclOperation {
        /// Any operation (filters only).
        Any = 1,
        /// Every operation.
        All = 2,
        /// Read.
        Read = 3,
        /// Write.
        Write = 4,
        /// Create.
        Create = 5,
        /// Delete.
        Delete = 6,
        /// Alter.
        Alter = 7,
        /// Describe.
        Describe = 8,
        /// Inter-broker actions.
        ClusterAction = 9,
        /// Describe configs.
        DescribeConfigs = 10,
        /// Alter configs.
        AlterConfigs = 11,
        /// Idempotent produce.
        IdempotentWrite = 12,
        /// Create delegation tokens.
        CreateTokens = 13,
        /// Describe delegation tokens.
        DescribeTokens = 14,
        /// Two-phase commit (KIP-939).
        TwoPhaseCommit = 15,
    }
}

wire_enum! {
    /// Whether an ACL allows or denies.
    AclPermissionType {
        /// Either (filters only).
        Any = 1,
        /// Deny.
        Deny = 2,
        /// Allow.
        Allow = 3,
    }
}

impl AclOperation {
    /// The operations set in an `authorized_operations` bit field.
    pub(crate) fn from_bits(bits: i32) -> Vec<AclOperation> {
        (0..31).filter(|b| bits & (1 << b) != 0).map(|b| AclOperation::from_code(b as i8)).collect()
    }
}

/// One ACL: who may (or may not) do what from where on which resources.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AclBinding {
    /// The resource type.
    pub resource_type: AclResourceType,
    /// The resource name (`*` for all).
    pub resource_name: String,
    /// How the name matches.
    pub pattern_type: PatternType,
    /// The principal (`User:alice`).
    pub principal: String,
    /// The host (`*` for any).
    pub host: String,
    /// The operation.
    pub operation: AclOperation,
    /// Allow or deny.
    pub permission: AclPermissionType,
}

impl AclBinding {
    /// Allows `principal` to perform `operation` on the topic `topic` from any host.
    pub fn allow_topic(topic: &str, principal: &str, operation: AclOperation) -> AclBinding {
        AclBinding {
            resource_type: AclResourceType::Topic,
            resource_name: topic.into(),
            pattern_type: PatternType::Literal,
            principal: principal.into(),
            host: "*".into(),
            operation,
            permission: AclPermissionType::Allow,
        }
    }

    /// A filter matching exactly this binding.
    pub fn to_filter(&self) -> AclBindingFilter {
        AclBindingFilter {
            resource_type: self.resource_type,
            resource_name: Some(self.resource_name.clone()),
            pattern_type: self.pattern_type,
            principal: Some(self.principal.clone()),
            host: Some(self.host.clone()),
            operation: self.operation,
            permission: self.permission,
        }
    }
}

/// A filter over ACLs: `None` and the `Any` values match everything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AclBindingFilter {
    /// Resource type.
    pub resource_type: AclResourceType,
    /// Resource name.
    pub resource_name: Option<String>,
    /// Pattern type (`Match` also finds prefixed and wildcard ACLs that apply to the name).
    pub pattern_type: PatternType,
    /// Principal.
    pub principal: Option<String>,
    /// Host.
    pub host: Option<String>,
    /// Operation.
    pub operation: AclOperation,
    /// Permission.
    pub permission: AclPermissionType,
}

impl AclBindingFilter {
    /// Matches every ACL.
    pub const ANY: AclBindingFilter = AclBindingFilter {
        resource_type: AclResourceType::Any,
        resource_name: None,
        pattern_type: PatternType::Any,
        principal: None,
        host: None,
        operation: AclOperation::Any,
        permission: AclPermissionType::Any,
    };

    /// Every ACL of `principal`.
    pub fn principal(principal: &str) -> AclBindingFilter {
        AclBindingFilter { principal: Some(principal.into()), ..AclBindingFilter::ANY }
    }
}

/// Options of the ACL operations.
#[derive(Debug, Clone, Default)]
pub struct AclOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

impl Admin {
    /// Creates ACLs (routed to the controller); one result per binding, in order.
    ///
    /// ```no_run
    /// # async fn run(admin: kafka_admin::Admin) {
    /// use kafka_admin::{AclBinding, AclOperation, AclOptions};
    /// let acl = AclBinding::allow_topic("orders", "User:alice", AclOperation::Read);
    /// let results = admin.create_acls(vec![acl], AclOptions::default()).await;
    /// assert!(results.iter().all(|(_, r)| r.is_ok()));
    /// # }
    /// ```
    pub async fn create_acls(&self, acls: Vec<AclBinding>, options: AclOptions) -> Vec<(AclBinding, Result<()>)> {
        let request = CreateAclsRequest {
            creations: acls
                .iter()
                .map(|a| AclCreation {
                    resource_type: a.resource_type.code(),
                    resource_name: a.resource_name.clone(),
                    resource_pattern_type: a.pattern_type.code(),
                    principal: a.principal.clone(),
                    host: a.host.clone(),
                    operation: a.operation.code(),
                    permission_type: a.permission.code(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let response = self
            .retry("CreateAcls", options.timeout, || async {
                let response = self.controller().await?.send(&request).await?;
                // A request-wide retriable failure shows up on every item; retry it whole.
                if let Some(first) = response.results.first() {
                    let code = ErrorCode(first.error_code);
                    if code.is_retriable() && response.results.iter().all(|r| r.error_code == first.error_code) {
                        return Err(AdminError::request(code, first.error_message.clone(), "CreateAcls"));
                    }
                }
                Ok(response)
            })
            .await;
        match response {
            Err(e) => acls.into_iter().map(|a| (a, Err(e.clone()))).collect(),
            Ok(response) => {
                let mut results = response.results.into_iter();
                acls.into_iter()
                    .map(|a| {
                        let result = match results.next() {
                            None => Err(AdminError::MissingResult { context: format!("CreateAcls for {a:?}") }),
                            Some(r) => match ErrorCode(r.error_code).err() {
                                None => Ok(()),
                                Some(code) => Err(AdminError::request(code, r.error_message, "CreateAcls")),
                            },
                        };
                        (a, result)
                    })
                    .collect()
            }
        }
    }

    /// The ACLs matching `filter`.
    ///
    /// ```no_run
    /// # async fn run(admin: kafka_admin::Admin) -> Result<(), kafka_admin::AdminError> {
    /// use kafka_admin::{AclBindingFilter, AclOptions};
    /// for acl in admin.describe_acls(AclBindingFilter::principal("User:alice"), AclOptions::default()).await? {
    ///     println!("{:?} {:?} on {:?} {}", acl.permission, acl.operation, acl.resource_type, acl.resource_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn describe_acls(&self, filter: AclBindingFilter, options: AclOptions) -> Result<Vec<AclBinding>> {
        let request = DescribeAclsRequest {
            resource_type_filter: filter.resource_type.code(),
            resource_name_filter: filter.resource_name.clone(),
            pattern_type_filter: filter.pattern_type.code(),
            principal_filter: filter.principal.clone(),
            host_filter: filter.host.clone(),
            operation: filter.operation.code(),
            permission_type: filter.permission.code(),
            ..Default::default()
        };
        self.retry("DescribeAcls", options.timeout, || async {
            let response = self.inner.cluster.any_connection().await?.send(&request).await?;
            if let Some(code) = ErrorCode(response.error_code).err() {
                return Err(AdminError::request(code, response.error_message, "DescribeAcls"));
            }
            let mut out = Vec::new();
            for r in response.resources {
                for a in r.acls {
                    out.push(AclBinding {
                        resource_type: AclResourceType::from_code(r.resource_type),
                        resource_name: r.resource_name.clone(),
                        pattern_type: PatternType::from_code(r.pattern_type),
                        principal: a.principal,
                        host: a.host,
                        operation: AclOperation::from_code(a.operation),
                        permission: AclPermissionType::from_code(a.permission_type),
                    });
                }
            }
            out.sort();
            Ok(out)
        })
        .await
    }

    /// Deletes the ACLs matching each filter (routed to the controller); each filter's result
    /// lists the ACLs it deleted.
    ///
    /// ```no_run
    /// # async fn run(admin: kafka_admin::Admin) -> Result<(), kafka_admin::AdminError> {
    /// use kafka_admin::{AclBindingFilter, AclOptions};
    /// for (filter, deleted) in admin.delete_acls(vec![AclBindingFilter::principal("User:alice")], AclOptions::default()).await {
    ///     println!("{filter:?}: deleted {:?}", deleted?);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn delete_acls(
        &self,
        filters: Vec<AclBindingFilter>,
        options: AclOptions,
    ) -> Vec<(AclBindingFilter, Result<Vec<AclBinding>>)> {
        let request = DeleteAclsRequest {
            filters: filters
                .iter()
                .map(|f| DeleteAclsFilter {
                    resource_type_filter: f.resource_type.code(),
                    resource_name_filter: f.resource_name.clone(),
                    pattern_type_filter: f.pattern_type.code(),
                    principal_filter: f.principal.clone(),
                    host_filter: f.host.clone(),
                    operation: f.operation.code(),
                    permission_type: f.permission.code(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let response = self
            .retry("DeleteAcls", options.timeout, || async { Ok(self.controller().await?.send(&request).await?) })
            .await;
        match response {
            Err(e) => filters.into_iter().map(|f| (f, Err(e.clone()))).collect(),
            Ok(response) => {
                let mut results = response.filter_results.into_iter();
                filters
                    .into_iter()
                    .map(|f| {
                        let result = match results.next() {
                            None => Err(AdminError::MissingResult { context: format!("DeleteAcls for {f:?}") }),
                            Some(r) => match ErrorCode(r.error_code).err() {
                                Some(code) => Err(AdminError::request(code, r.error_message, "DeleteAcls")),
                                None => Ok(r
                                    .matching_acls
                                    .into_iter()
                                    .map(|m| AclBinding {
                                        resource_type: AclResourceType::from_code(m.resource_type),
                                        resource_name: m.resource_name,
                                        pattern_type: PatternType::from_code(m.pattern_type),
                                        principal: m.principal,
                                        host: m.host,
                                        operation: AclOperation::from_code(m.operation),
                                        permission: AclPermissionType::from_code(m.permission_type),
                                    })
                                    .collect()),
                            },
                        };
                        (f, result)
                    })
                    .collect()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_bits_decode() {
        for code in 0..20i8 {
            assert_eq!(AclOperation::from_code(code).code(), code);
            assert_eq!(PatternType::from_code(code).code(), code);
        }
        assert_eq!(AclOperation::from_bits((1 << 3) | (1 << 8)), vec![AclOperation::Read, AclOperation::Describe]);
    }
}
