//! `kfk acls`: list, add and remove ACLs as `kafka-acls.sh` does, printing its
//! `Current ACLs for resource ...` blocks.

use std::collections::BTreeMap;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Result};
use kfk_admin::{
    AclBinding, AclBindingFilter, AclOperation, AclOptions, AclPermissionType, AclResourceType, PatternType,
};
use serde_json::json;

use crate::cli::{AclsArgs, Global, Output};
use crate::errors;
use crate::props;
use crate::table::print_json;

/// Java's names (`TOPIC`, `LITERAL`, `READ`, `ALLOW`).
fn resource_name(t: AclResourceType) -> String {
    match t {
        AclResourceType::TransactionalId => "TRANSACTIONAL_ID".into(),
        AclResourceType::DelegationToken => "DELEGATION_TOKEN".into(),
        other => format!("{other:?}").to_uppercase(),
    }
}

fn operation_name(o: AclOperation) -> String {
    match o {
        AclOperation::ClusterAction => "CLUSTER_ACTION".into(),
        AclOperation::DescribeConfigs => "DESCRIBE_CONFIGS".into(),
        AclOperation::AlterConfigs => "ALTER_CONFIGS".into(),
        AclOperation::IdempotentWrite => "IDEMPOTENT_WRITE".into(),
        AclOperation::CreateTokens => "CREATE_TOKENS".into(),
        AclOperation::DescribeTokens => "DESCRIBE_TOKENS".into(),
        AclOperation::TwoPhaseCommit => "TWO_PHASE_COMMIT".into(),
        other => format!("{other:?}").to_uppercase(),
    }
}

fn parse_operation(s: &str) -> Result<AclOperation> {
    let all = [
        AclOperation::All,
        AclOperation::Read,
        AclOperation::Write,
        AclOperation::Create,
        AclOperation::Delete,
        AclOperation::Alter,
        AclOperation::Describe,
        AclOperation::ClusterAction,
        AclOperation::DescribeConfigs,
        AclOperation::AlterConfigs,
        AclOperation::IdempotentWrite,
        AclOperation::CreateTokens,
        AclOperation::DescribeTokens,
        AclOperation::TwoPhaseCommit,
    ];
    let wanted = s.replace(['-', '_'], "").to_ascii_lowercase();
    all.into_iter().find(|o| operation_name(*o).replace('_', "").to_ascii_lowercase() == wanted).ok_or_else(|| {
        anyhow::anyhow!(
            "--operation `{s}` is not one of {}",
            all.iter().map(|o| operation_name(*o)).collect::<Vec<_>>().join(", ")
        )
    })
}

fn parse_pattern(s: &str) -> Result<PatternType> {
    Ok(match s.to_ascii_lowercase().as_str() {
        "literal" => PatternType::Literal,
        "prefixed" => PatternType::Prefixed,
        "match" => PatternType::Match,
        "any" => PatternType::Any,
        _ => bail!("--resource-pattern-type `{s}` is not literal, prefixed, match or any"),
    })
}

/// The resources the flags name.
fn resources(args: &AclsArgs) -> Vec<(AclResourceType, String)> {
    let mut out = Vec::new();
    out.extend(args.topic.iter().map(|t| (AclResourceType::Topic, t.clone())));
    out.extend(args.group.iter().map(|g| (AclResourceType::Group, g.clone())));
    out.extend(args.transactional_id.iter().map(|t| (AclResourceType::TransactionalId, t.clone())));
    if args.cluster {
        out.push((AclResourceType::Cluster, "kafka-cluster".into()));
    }
    out
}

fn print_bindings(bindings: &[AclBinding]) {
    let mut by_resource: BTreeMap<(String, String, String), Vec<&AclBinding>> = BTreeMap::new();
    for b in bindings {
        let pattern = format!("{:?}", b.pattern_type).to_uppercase();
        by_resource.entry((resource_name(b.resource_type), b.resource_name.clone(), pattern)).or_default().push(b);
    }
    for ((kind, name, pattern), acls) in by_resource {
        println!(
            "Current ACLs for resource `ResourcePattern(resourceType={kind}, name={name}, patternType={pattern})`:"
        );
        for a in acls {
            println!(
                "\t(principal={}, host={}, operation={}, permissionType={})",
                a.principal,
                a.host,
                operation_name(a.operation),
                format!("{:?}", a.permission).to_uppercase()
            );
        }
        println!();
    }
}

pub async fn run(global: &Global, args: AclsArgs) -> Result<ExitCode> {
    let (admin, bootstrap) = props::admin(global)?;
    let pattern = match &args.resource_pattern_type {
        Some(p) => parse_pattern(p)?,
        None if args.list => PatternType::Any,
        None => PatternType::Literal,
    };
    let result = async {
        if args.list {
            let mut bindings = Vec::new();
            let wanted = resources(&args);
            let filters: Vec<AclBindingFilter> = if wanted.is_empty() {
                vec![AclBindingFilter::ANY.pattern_type(pattern)]
            } else {
                wanted
                    .iter()
                    .map(|(t, n)| {
                        AclBindingFilter::ANY.resource_type(*t).resource_name(n.clone()).pattern_type(pattern)
                    })
                    .collect()
            };
            for mut f in filters {
                if let Some(p) = args.principal.first() {
                    f.principal = Some(p.clone());
                }
                bindings.extend(
                    admin.describe_acls(f, AclOptions::default()).await.map_err(|e| errors::admin(e, &bootstrap))?,
                );
            }
            if global.output == Output::Json {
                print_json(&json!(bindings
                    .iter()
                    .map(|b| json!({"resource_type": resource_name(b.resource_type), "resource_name": b.resource_name,
                        "pattern_type": format!("{:?}", b.pattern_type).to_uppercase(), "principal": b.principal,
                        "host": b.host, "operation": operation_name(b.operation),
                        "permission_type": format!("{:?}", b.permission).to_uppercase()}))
                    .collect::<Vec<_>>()));
            } else {
                print_bindings(&bindings);
            }
            return Ok(());
        }
        let wanted = resources(&args);
        if wanted.is_empty() {
            bail!("give a resource: --topic, --group, --transactional-id or --cluster");
        }
        let mut principals: Vec<(String, AclPermissionType)> =
            args.allow_principal.iter().map(|p| (p.clone(), AclPermissionType::Allow)).collect();
        principals.extend(args.deny_principal.iter().map(|p| (p.clone(), AclPermissionType::Deny)));
        if principals.is_empty() {
            bail!("give --allow-principal User:NAME and/or --deny-principal User:NAME");
        }
        let operations: Vec<AclOperation> = if args.operation.is_empty() {
            vec![AclOperation::All]
        } else {
            args.operation.iter().map(|o| parse_operation(o)).collect::<Result<_>>()?
        };
        let host = args.allow_host.first().or(args.deny_host.first()).cloned().unwrap_or_else(|| "*".into());
        let mut bindings = Vec::new();
        for (t, n) in &wanted {
            for (principal, permission) in &principals {
                for op in &operations {
                    bindings.push(
                        AclBinding::new(*t, n.clone(), principal.clone(), *op, *permission)
                            .pattern_type(pattern)
                            .host(host.clone()),
                    );
                }
            }
        }
        if args.add {
            println!("Adding ACLs for {} resource(s):", wanted.len());
            for (binding, r) in admin.create_acls(bindings.clone(), AclOptions::default()).await {
                r.map_err(|e| errors::admin(e, &bootstrap)).map_err(|e| {
                    e.context(format!("cannot add {} for {}", operation_name(binding.operation), binding.principal))
                })?;
            }
            print_bindings(&bindings);
        } else {
            let filters: Vec<AclBindingFilter> = bindings.iter().map(AclBinding::to_filter).collect();
            let mut removed = Vec::new();
            for (_, r) in admin.delete_acls(filters, AclOptions::default()).await {
                removed.extend(r.map_err(|e| errors::admin(e, &bootstrap))?);
            }
            println!("Removed {} ACL(s):", removed.len());
            print_bindings(&removed);
        }
        Ok(())
    }
    .await;
    admin.close(Duration::from_millis(100)).await;
    result.map(|()| ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operations_are_read_in_javas_spellings() {
        assert_eq!(parse_operation("Read").unwrap(), AclOperation::Read);
        assert_eq!(parse_operation("DESCRIBE_CONFIGS").unwrap(), AclOperation::DescribeConfigs);
        assert_eq!(parse_operation("IdempotentWrite").unwrap(), AclOperation::IdempotentWrite);
        assert!(parse_operation("Reed").is_err());
    }
}
