//! CreateAcls, DescribeAcls, DeleteAcls (what `kafka-acls` sends), served by a cluster with an
//! authorizer ([`crate::security::acl`]). Each needs the CLUSTER permission Kafka asks for
//! (ALTER to create or delete, DESCRIBE to describe), else every item of the answer says
//! CLUSTER_AUTHORIZATION_FAILED ([`super::authorization`] checks it before these run).
//!
//! Creation is checked as Kafka's controller checks it: known resource type, LITERAL or
//! PREFIXED pattern, a known operation and permission (not ANY), a non-empty name, the CLUSTER
//! resource named `kafka-cluster`, a principal `Type:name`; a refused ACL gets INVALID_REQUEST
//! with Kafka's message, the others are created. A filter with an UNKNOWN field is refused
//! with INVALID_REQUEST.

use kfk_protocol::messages::create_acls::response::AclCreationResult;
use kfk_protocol::messages::delete_acls::response::{DeleteAclsFilterResult, DeleteAclsMatchingAcl};
use kfk_protocol::messages::describe_acls::response::{AclDescription, DescribeAclsResource};
use kfk_protocol::messages::{
    CreateAclsRequest, CreateAclsResponse, DeleteAclsRequest, DeleteAclsResponse, DescribeAclsRequest,
    DescribeAclsResponse,
};
use kfk_protocol::ErrorCode;

use crate::handlers::Ctx;
use crate::security::acl::{Acl, AclFilter, AclOperation, AclPermission, PatternType, ResourceType};
use crate::state::Shared;

fn invalid(message: impl Into<String>) -> (i16, Option<String>) {
    (ErrorCode::INVALID_REQUEST.0, Some(message.into()))
}

pub(crate) fn create(shared: &Shared, _ctx: &Ctx, request: CreateAclsRequest) -> CreateAclsResponse {
    let Some(authorizer) = shared.authorizer.as_ref() else {
        let results = request
            .creations
            .iter()
            .map(|_| AclCreationResult { error_code: ErrorCode::SECURITY_DISABLED.0, ..Default::default() })
            .collect();
        return CreateAclsResponse { results, ..Default::default() };
    };
    let mut results = Vec::with_capacity(request.creations.len());
    let mut valid = Vec::new();
    for c in &request.creations {
        let parsed = (|| {
            Some(Acl {
                resource_type: ResourceType::from_code(c.resource_type).known()?,
                name: c.resource_name.clone(),
                pattern: PatternType::from_code(c.resource_pattern_type).known()?,
                principal: c.principal.clone(),
                host: c.host.clone(),
                operation: AclOperation::from_code(c.operation).known()?,
                permission: AclPermission::from_code(c.permission_type).known()?,
            })
        })();
        let (code, message) = match parsed {
            None => invalid("Invalid ACL: an UNKNOWN resource type, pattern type, operation or permission type"),
            Some(acl) => match acl.invalid() {
                Some(why) => invalid(why),
                None => {
                    tracing::debug!(%acl, "ACL created");
                    valid.push(acl);
                    (ErrorCode::NONE.0, None)
                }
            },
        };
        results.push(AclCreationResult { error_code: code, error_message: message, ..Default::default() });
    }
    authorizer.update(|acls| acls.extend(valid));
    CreateAclsResponse { results, ..Default::default() }
}

/// The filter a DescribeAcls or DeleteAcls item carries, or why it is refused.
#[allow(clippy::too_many_arguments)]
fn filter(
    resource_type: i8,
    name: &Option<String>,
    pattern: i8,
    principal: &Option<String>,
    host: &Option<String>,
    operation: i8,
    permission: i8,
) -> Result<AclFilter, String> {
    let unknown = || "The filter has an UNKNOWN element".to_owned();
    Ok(AclFilter {
        resource_type: ResourceType::from_code(resource_type).known().ok_or_else(unknown)?,
        name: name.clone(),
        pattern: PatternType::from_code(pattern).known().ok_or_else(unknown)?,
        principal: principal.clone(),
        host: host.clone(),
        operation: AclOperation::from_code(operation).known().ok_or_else(unknown)?,
        permission: AclPermission::from_code(permission).known().ok_or_else(unknown)?,
    })
}

pub(crate) fn describe(shared: &Shared, _ctx: &Ctx, r: DescribeAclsRequest) -> DescribeAclsResponse {
    let Some(authorizer) = shared.authorizer.as_ref() else {
        return DescribeAclsResponse { error_code: ErrorCode::SECURITY_DISABLED.0, ..Default::default() };
    };
    let filter = match filter(
        r.resource_type_filter,
        &r.resource_name_filter,
        r.pattern_type_filter,
        &r.principal_filter,
        &r.host_filter,
        r.operation,
        r.permission_type,
    ) {
        Ok(f) => f,
        Err(message) => {
            return DescribeAclsResponse {
                error_code: ErrorCode::INVALID_REQUEST.0,
                error_message: Some(message),
                ..Default::default()
            }
        }
    };
    let snapshot = authorizer.snapshot();
    let mut resources: Vec<DescribeAclsResource> = Vec::new();
    // The snapshot is ordered by resource first, so one resource's ACLs are adjacent.
    for acl in snapshot.matching(&filter) {
        let same = resources.last().is_some_and(|r| {
            r.resource_type == acl.resource_type.code()
                && r.resource_name == acl.name
                && r.pattern_type == acl.pattern.code()
        });
        if !same {
            resources.push(DescribeAclsResource {
                resource_type: acl.resource_type.code(),
                resource_name: acl.name.clone(),
                pattern_type: acl.pattern.code(),
                ..Default::default()
            });
        }
        if let Some(last) = resources.last_mut() {
            last.acls.push(AclDescription {
                principal: acl.principal.clone(),
                host: acl.host.clone(),
                operation: acl.operation.code(),
                permission_type: acl.permission.code(),
                ..Default::default()
            });
        }
    }
    DescribeAclsResponse { resources, ..Default::default() }
}

pub(crate) fn delete(shared: &Shared, _ctx: &Ctx, request: DeleteAclsRequest) -> DeleteAclsResponse {
    let Some(authorizer) = shared.authorizer.as_ref() else {
        let filter_results = request
            .filters
            .iter()
            .map(|_| DeleteAclsFilterResult { error_code: ErrorCode::SECURITY_DISABLED.0, ..Default::default() })
            .collect();
        return DeleteAclsResponse { filter_results, ..Default::default() };
    };
    let filters: Vec<Result<AclFilter, String>> = request
        .filters
        .iter()
        .map(|f| {
            filter(
                f.resource_type_filter,
                &f.resource_name_filter,
                f.pattern_type_filter,
                &f.principal_filter,
                &f.host_filter,
                f.operation,
                f.permission_type,
            )
        })
        .collect();
    // Every filter matches against the ACLs as they were (an ACL two filters match is in both
    // answers, as Kafka's controller reports it); all the matches are removed together.
    let filter_results = authorizer.update(|acls| {
        let before = acls.clone();
        filters
            .iter()
            .map(|f| match f {
                Err(message) => DeleteAclsFilterResult {
                    error_code: ErrorCode::INVALID_REQUEST.0,
                    error_message: Some(message.clone()),
                    ..Default::default()
                },
                Ok(filter) => {
                    let gone: Vec<Acl> = before.iter().filter(|a| filter.matches(a)).cloned().collect();
                    let matching_acls = gone
                        .into_iter()
                        .map(|acl| {
                            acls.remove(&acl);
                            tracing::debug!(%acl, "ACL deleted");
                            DeleteAclsMatchingAcl {
                                resource_type: acl.resource_type.code(),
                                resource_name: acl.name,
                                pattern_type: acl.pattern.code(),
                                principal: acl.principal,
                                host: acl.host,
                                operation: acl.operation.code(),
                                permission_type: acl.permission.code(),
                                ..Default::default()
                            }
                        })
                        .collect();
                    DeleteAclsFilterResult { matching_acls, ..Default::default() }
                }
            })
            .collect()
    });
    DeleteAclsResponse { filter_results, ..Default::default() }
}
