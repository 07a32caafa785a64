//! ACLs: create, describe and delete with filters (what `kafka-acls` does). The brokers need an
//! authorizer (`authorizer.class.name`); without one they answer `SECURITY_DISABLED`.

use std::time::Duration;

use kfk_protocol::ErrorCode;
use kfk_protocol::messages::create_acls::request::AclCreation;
use kfk_protocol::messages::delete_acls::request::DeleteAclsFilter;
use kfk_protocol::messages::{CreateAclsRequest, DeleteAclsRequest, DescribeAclsRequest};

use crate::client::Admin;
use crate::error::{AdminError, Result};

pub use kfk_protocol::acl::{AclOperation, AclPermissionType, AclResourceType, PatternType};

/// One ACL: who may (or may not) do what from where on which resources.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
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
    /// `permission` for `principal` to perform `operation` on the resource named
    /// `resource_name` (literally), from any host; [`AclBinding::pattern_type`] and
    /// [`AclBinding::host`] narrow or widen it.
    ///
    /// ```
    /// use kfk_admin::{AclBinding, AclOperation, AclPermissionType, AclResourceType, PatternType};
    ///
    /// let deny = AclBinding::new(AclResourceType::Group, "etl-", "User:bob", AclOperation::All, AclPermissionType::Deny)
    ///     .pattern_type(PatternType::Prefixed);
    /// assert_eq!(deny.host, "*");
    /// ```
    pub fn new(
        resource_type: AclResourceType,
        resource_name: impl Into<String>,
        principal: impl Into<String>,
        operation: AclOperation,
        permission: AclPermissionType,
    ) -> AclBinding {
        AclBinding {
            resource_type,
            resource_name: resource_name.into(),
            pattern_type: PatternType::Literal,
            principal: principal.into(),
            host: "*".into(),
            operation,
            permission,
        }
    }

    /// How the resource name matches (default `Literal`).
    pub fn pattern_type(mut self, pattern_type: PatternType) -> AclBinding {
        self.pattern_type = pattern_type;
        self
    }

    /// The host it applies from (default `*`, any).
    pub fn host(mut self, host: impl Into<String>) -> AclBinding {
        self.host = host.into();
        self
    }

    /// Allows `principal` to perform `operation` on the topic `topic` from any host.
    pub fn allow_topic(topic: &str, principal: &str, operation: AclOperation) -> AclBinding {
        AclBinding::new(AclResourceType::Topic, topic, principal, operation, AclPermissionType::Allow)
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
#[non_exhaustive]
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

    // The setters narrow `ANY` or `principal(..)`. The principal has no setter: a method
    // cannot share the name of the `principal` constructor, so a filter on a principal
    // starts from that constructor.

    /// Only ACLs on this resource type.
    ///
    /// ```
    /// use kfk_admin::{AclBindingFilter, AclResourceType, PatternType};
    ///
    /// let applying = AclBindingFilter::ANY
    ///     .resource_type(AclResourceType::Group)
    ///     .resource_name("etl-consumers")
    ///     .pattern_type(PatternType::Match);
    /// assert_eq!(applying.principal, None);
    /// ```
    pub fn resource_type(mut self, resource_type: AclResourceType) -> AclBindingFilter {
        self.resource_type = resource_type;
        self
    }

    /// Only ACLs on the resource named `name` (as `pattern_type` matches names).
    pub fn resource_name(mut self, name: impl Into<String>) -> AclBindingFilter {
        self.resource_name = Some(name.into());
        self
    }

    /// How `resource_name` matches (`Match` also finds prefixed and wildcard ACLs).
    pub fn pattern_type(mut self, pattern_type: PatternType) -> AclBindingFilter {
        self.pattern_type = pattern_type;
        self
    }

    /// Only ACLs for this host.
    pub fn host(mut self, host: impl Into<String>) -> AclBindingFilter {
        self.host = Some(host.into());
        self
    }

    /// Only ACLs of this operation.
    pub fn operation(mut self, operation: AclOperation) -> AclBindingFilter {
        self.operation = operation;
        self
    }

    /// Only ACLs with this permission.
    pub fn permission(mut self, permission: AclPermissionType) -> AclBindingFilter {
        self.permission = permission;
        self
    }
}

/// Options of the ACL operations.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct AclOptions {
    /// The operation's timeout (default `default.api.timeout.ms`).
    pub timeout: Option<Duration>,
}

options!(AclOptions);

impl Admin {
    /// Creates ACLs (routed to the controller); one result per binding, in order.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # let stub = kfk_stub::StubCluster::builder().super_user("User:ANONYMOUS").start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// use kfk_admin::{AclBinding, AclOperation, AclOptions};
    /// let acl = AclBinding::allow_topic("orders", "User:alice", AclOperation::Read);
    /// let results = admin.create_acls(vec![acl], AclOptions::default()).await;
    /// assert!(results.iter().all(|(_, r)| r.is_ok()));
    /// # Ok(()) }
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use kfk_stub::acl::{Acl, AclOperation as Op, ResourceType};
    /// # let alice = Acl::allow(ResourceType::Topic, "orders", "User:alice", Op::Read);
    /// # let stub = kfk_stub::StubCluster::builder().super_user("User:ANONYMOUS").acl(alice).start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// use kfk_admin::{AclBindingFilter, AclOptions};
    /// for acl in admin.describe_acls(AclBindingFilter::principal("User:alice"), AclOptions::default()).await? {
    ///     println!("{:?} {:?} on {:?} {}", acl.permission, acl.operation, acl.resource_type, acl.resource_name);
    /// }
    /// # assert_eq!(admin.describe_acls(AclBindingFilter::principal("User:alice"), AclOptions::default()).await?.len(), 1);
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
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use kfk_stub::acl::{Acl, AclOperation as Op, ResourceType};
    /// # let alice = Acl::allow(ResourceType::Topic, "orders", "User:alice", Op::Read);
    /// # let stub = kfk_stub::StubCluster::builder().super_user("User:ANONYMOUS").acl(alice).start().await?;
    /// # let admin = kfk_admin::Admin::from_properties([("bootstrap.servers", stub.bootstrap())])?;
    /// use kfk_admin::{AclBindingFilter, AclOptions};
    /// for (filter, deleted) in admin.delete_acls(vec![AclBindingFilter::principal("User:alice")], AclOptions::default()).await {
    ///     println!("{filter:?}: deleted {:?}", deleted?);
    /// }
    /// # assert!(admin.describe_acls(AclBindingFilter::ANY, AclOptions::default()).await?.is_empty());
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
