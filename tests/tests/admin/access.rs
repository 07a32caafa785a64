//! Who may do what and how much: ACLs, client quotas and SCRAM credentials.

use super::*;

#[tokio::test]
async fn acls_need_an_authorizer() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::DescribeAcls, "ACLs").await {
        return;
    }
    // The single-node test broker runs without an authorizer (the 3-node test in
    // admin_cluster.rs runs one and exercises create/describe/delete).
    let described = admin.describe_acls(AclBindingFilter::ANY, AclOptions::default()).await;
    match described {
        Err(e) if e.code() == Some(ErrorCode::SECURITY_DISABLED) => {
            let acl = AclBinding::allow_topic("t", "User:alice", AclOperation::Read);
            let created = admin.create_acls(vec![acl], AclOptions::default()).await;
            assert_eq!(created[0].1.as_ref().expect_err("no authorizer").code(), Some(ErrorCode::SECURITY_DISABLED));
        }
        other => eprintln!("this broker has an authorizer: {other:?}"),
    }
}

#[tokio::test]
async fn client_quotas_are_altered_and_described() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::AlterClientQuotas, "quotas").await {
        return;
    }
    let user = unique_topic("admin-quota-user");
    let entity: QuotaEntity = [("user".to_string(), Some(user.clone()))].into();
    let filter = vec![QuotaFilterComponent::new("user", QuotaMatch::Exact(user.clone()))];
    let set = vec![
        QuotaAlteration::set("producer_byte_rate", 1_048_576.0),
        QuotaAlteration::set("consumer_byte_rate", 2_097_152.0),
    ];
    let altered = admin.alter_client_quotas([(entity.clone(), set)], AlterClientQuotasOptions::default()).await;
    assert!(altered.values().all(Result::is_ok), "{altered:?}");
    let described = wait_for_quotas(&admin, &filter, |q| q.get(&entity).is_some_and(|v| v.len() == 2)).await;
    assert_eq!(described[&entity]["producer_byte_rate"], 1_048_576.0);
    assert_eq!(described[&entity]["consumer_byte_rate"], 2_097_152.0);

    // An unknown quota key is refused with the broker's reason.
    let bad = vec![QuotaAlteration::set("no_such_quota", 1.0)];
    let refused = admin.alter_client_quotas([(entity.clone(), bad)], AlterClientQuotasOptions::default()).await;
    let e = refused.values().next().expect("a result").as_ref().expect_err("unknown key");
    assert!(e.broker_message().is_some(), "{e}");

    let remove = vec![QuotaAlteration::remove("producer_byte_rate"), QuotaAlteration::remove("consumer_byte_rate")];
    let removed = admin.alter_client_quotas([(entity.clone(), remove)], AlterClientQuotasOptions::default()).await;
    assert!(removed.values().all(Result::is_ok), "{removed:?}");
    wait_for_quotas(&admin, &filter, |q| !q.contains_key(&entity)).await;
}

/// Quotas propagate through the metadata log: wait (at most 15 s) until they look as expected.
async fn wait_for_quotas(
    admin: &Admin,
    filter: &[QuotaFilterComponent],
    done: impl Fn(&std::collections::BTreeMap<QuotaEntity, std::collections::BTreeMap<String, f64>>) -> bool,
) -> std::collections::BTreeMap<QuotaEntity, std::collections::BTreeMap<String, f64>> {
    wait_until("the quotas as expected", Duration::from_secs(15), async || {
        let quotas = admin
            .describe_client_quotas(filter.to_vec(), DescribeClientQuotasOptions::default())
            .await
            .expect("describe");
        if done(&quotas) {
            Ready(quotas)
        } else {
            NotYet(quotas)
        }
    })
    .await
}

#[tokio::test]
async fn scram_credentials_are_upserted_described_and_deleted() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::AlterUserScramCredentials, "SCRAM").await {
        return;
    }
    // Kafka alters a user at most once per request: two users in one call, then the second
    // mechanism of the first user.
    let user = unique_topic("admin-scram");
    let other = unique_topic("admin-scram-other");
    let upsert = |user: &str, mechanism, iterations| ScramAlteration::Upsert {
        user: user.into(),
        mechanism,
        iterations,
        password: "secret".into(),
    };
    let altered = admin
        .alter_user_scram_credentials(
            vec![upsert(&user, ScramMechanism::Sha256, 8192), upsert(&other, ScramMechanism::Sha512, 4096)],
            ScramOptions::default(),
        )
        .await;
    assert!(altered[&user].is_ok() && altered[&other].is_ok(), "{altered:?}");
    let altered = admin
        .alter_user_scram_credentials(vec![upsert(&user, ScramMechanism::Sha512, 4096)], ScramOptions::default())
        .await;
    assert!(altered[&user].is_ok(), "{altered:?}");
    let infos = wait_until("the credentials visible", Duration::from_secs(15), async || {
        let described = admin
            .describe_user_scram_credentials(Some(vec![user.clone(), other.clone()]), ScramOptions::default())
            .await
            .expect("describe");
        match (&described[&user], &described[&other]) {
            (Ok(infos), Ok(others)) if infos.len() == 2 => {
                assert_eq!(others, &vec![ScramCredentialInfo::new(ScramMechanism::Sha512, 4096)]);
                Ready(infos.clone())
            }
            _ => NotYet(described),
        }
    })
    .await;
    let mut infos = infos;
    infos.sort_by_key(|i| i.mechanism);
    assert_eq!(
        infos,
        vec![
            ScramCredentialInfo::new(ScramMechanism::Sha256, 8192),
            ScramCredentialInfo::new(ScramMechanism::Sha512, 4096),
        ]
    );

    // Too few iterations is refused with the broker's reason.
    let weak = vec![ScramAlteration::Upsert {
        user: user.clone(),
        mechanism: ScramMechanism::Sha256,
        iterations: 10,
        password: "x".into(),
    }];
    let refused = admin.alter_user_scram_credentials(weak, ScramOptions::default()).await;
    let e = refused[&user].as_ref().expect_err("too few iterations");
    assert_eq!(e.code(), Some(ErrorCode::UNACCEPTABLE_CREDENTIAL), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("iterations")), "says why: {e}");

    for (u, mechanism) in
        [(&user, ScramMechanism::Sha256), (&user, ScramMechanism::Sha512), (&other, ScramMechanism::Sha512)]
    {
        let deletion = vec![ScramAlteration::Delete { user: u.clone(), mechanism }];
        let deleted = admin.alter_user_scram_credentials(deletion, ScramOptions::default()).await;
        assert!(deleted[u].is_ok(), "{deleted:?}");
    }
    wait_until(format!("{user} no longer described"), Duration::from_secs(15), async || {
        let described = admin
            .describe_user_scram_credentials(Some(vec![user.clone()]), ScramOptions::default())
            .await
            .expect("describe");
        match &described[&user] {
            Err(AdminError::NotFound { code, .. }) => {
                assert_eq!(*code, ErrorCode::RESOURCE_NOT_FOUND);
                Ready(())
            }
            _ => NotYet(described),
        }
    })
    .await;
}
