//! Configs of topics, brokers, loggers, groups and client metrics: described, altered, read back (by the Java AdminClient too).

use super::*;

#[tokio::test]
async fn topic_configs_are_described_and_altered() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    if !serves(&admin, ApiKey::IncrementalAlterConfigs, "configs").await {
        return;
    }
    let topic = unique_topic("admin-configs");
    create(&admin, &topic, 1).await;
    let resource = ConfigResource::topic(&topic);
    let describe = |synonyms: bool| {
        let admin = admin.clone();
        let resource = resource.clone();
        async move {
            let options = DescribeConfigsOptions::default().include_synonyms(synonyms);
            admin
                .describe_configs([resource.clone()], options)
                .await
                .remove(&resource)
                .expect("a result")
                .expect("described")
        }
    };

    let only = DescribeConfigsOptions::default().keys(["retention.ms"]);
    let only =
        admin.describe_configs([resource.clone()], only).await.remove(&resource).expect("a result").expect("described");
    assert_eq!(only.entries.keys().collect::<Vec<_>>(), vec!["retention.ms"]);
    let before = describe(true).await;
    let retention = before.get("retention.ms").expect("retention.ms");
    assert_eq!(retention.source, ConfigSource::Default);
    assert!(!retention.sensitive && !retention.read_only);

    let changes =
        vec![AlterConfigOp::set("retention.ms", "3600000"), AlterConfigOp::append("cleanup.policy", "compact")];
    let altered = admin.incremental_alter_configs([(resource.clone(), changes)], AlterConfigsOptions::default()).await;
    assert!(altered[&resource].is_ok(), "{altered:?}");
    // Config changes reach the broker's cache through the metadata log.
    wait_for_config(&admin, &resource, "retention.ms", "3600000", ConfigSource::DynamicTopic).await;
    let after = describe(true).await;
    let retention = after.get("retention.ms").expect("retention.ms");
    assert_eq!(retention.value.as_deref(), Some("3600000"));
    assert_eq!(retention.source, ConfigSource::DynamicTopic);
    assert_eq!(retention.synonyms.first().map(|s| s.source), Some(ConfigSource::DynamicTopic), "{retention:?}");
    assert_eq!(after.value("cleanup.policy"), Some("delete,compact"));

    // Validate-only checks without changing; subtract and delete undo.
    let validated = admin
        .incremental_alter_configs(
            [(resource.clone(), vec![AlterConfigOp::set("retention.ms", "1000")])],
            AlterConfigsOptions::default().validate_only(true),
        )
        .await;
    assert!(validated[&resource].is_ok(), "{validated:?}");
    assert_eq!(describe(false).await.value("retention.ms"), Some("3600000"));
    let undo = vec![AlterConfigOp::delete("retention.ms"), AlterConfigOp::subtract("cleanup.policy", "compact")];
    let undone = admin.incremental_alter_configs([(resource.clone(), undo)], AlterConfigsOptions::default()).await;
    assert!(undone[&resource].is_ok(), "{undone:?}");
    wait_for_config(&admin, &resource, "retention.ms", "604800000", ConfigSource::Default).await;
    wait_for_config(&admin, &resource, "cleanup.policy", "delete", ConfigSource::DynamicTopic).await;

    // An invalid value fails with the broker's reason; the valid resource in the same batch
    // is still altered.
    let other = unique_topic("admin-configs-other");
    create(&admin, &other, 1).await;
    let batch = admin
        .incremental_alter_configs(
            [
                (resource.clone(), vec![AlterConfigOp::set("retention.ms", "not-a-number")]),
                (ConfigResource::topic(&other), vec![AlterConfigOp::set("retention.ms", "7200000")]),
            ],
            AlterConfigsOptions::default(),
        )
        .await;
    let e = batch[&resource].as_ref().expect_err("invalid value");
    match e {
        AdminError::InvalidConfig { kind: ResourceKind::Topic, name, .. } => assert_eq!(name, &topic),
        other => panic!("expected InvalidConfig, got {other:?}"),
    }
    assert_eq!(e.code(), Some(ErrorCode::INVALID_CONFIG), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("retention.ms")), "the broker's message names the key: {e}");
    assert!(batch[&ConfigResource::topic(&other)].is_ok(), "{batch:?}");

    // A missing topic is a typed not-found.
    let missing = ConfigResource::topic(unique_topic("admin-configs-missing"));
    let result = admin.describe_configs([missing.clone()], DescribeConfigsOptions::default()).await;
    assert!(result[&missing].as_ref().is_err_and(AdminError::is_not_found), "{result:?}");
}

/// The Java AdminClient reads back a config we altered: a second, independent path.
#[tokio::test]
async fn java_admin_client_sees_our_config_change() {
    let backend = Backend::from_env().await;
    if backend.kind != BackendKind::Kafka || Command::new("javac").arg("-version").output().is_err() {
        kfk_stub::skip_test!("needs a real broker and a JDK");
        return;
    }
    let admin = admin(&backend);
    let topic = unique_topic("admin-java");
    create(&admin, &topic, 1).await;
    let resource = ConfigResource::topic(&topic);
    let altered = admin
        .incremental_alter_configs(
            [(resource.clone(), vec![AlterConfigOp::set("max.message.bytes", "424242")])],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(altered[&resource].is_ok(), "{altered:?}");
    // The change reaches the broker's cache through the metadata log: a few tries.
    Wait::new("the Java AdminClient sees max.message.bytes 424242", Duration::from_secs(10))
        .every(Duration::from_secs(1))
        .until(async || {
            let out = java_tool(&["config", &backend.bootstrap, &topic, "max.message.bytes"]).await;
            ready_when(out, |out| out.trim() == "424242 DYNAMIC_TOPIC_CONFIG")
        })
        .await;
}

#[tokio::test]
async fn broker_and_logger_configs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let node = *admin.cluster().fresh_metadata().await.expect("metadata").brokers.keys().min().expect("a broker");
    let broker = ConfigResource::broker(node);
    let logger = ConfigResource::broker_logger(node);
    let described = admin
        .describe_configs(
            [broker.clone(), logger.clone()],
            DescribeConfigsOptions::default().include_synonyms(true).include_documentation(true),
        )
        .await;
    let config = described[&broker].as_ref().expect("broker configs");
    let num_partitions = config.get("num.partitions").expect("num.partitions");
    assert_eq!(num_partitions.source, ConfigSource::StaticBroker, "set in server.properties: {num_partitions:?}");
    assert_eq!(num_partitions.config_type, Some(ConfigType::Int));
    assert!(num_partitions.read_only, "{num_partitions:?}");
    assert!(num_partitions.documentation.as_deref().is_some_and(|d| !d.is_empty()));
    assert!(num_partitions.synonyms.iter().any(|s| s.source == ConfigSource::Default));
    let loggers = described[&logger].as_ref().expect("logger configs");
    assert!(loggers.get("root").is_some(), "the root logger is listed");
    // A listed logger's level, changed and changed back; an unknown logger is refused.
    let name = loggers.entries.keys().find(|n| *n != "root").cloned().expect("a logger besides root");
    let original = loggers.get(&name).and_then(|e| e.value.clone()).expect("a level");
    for level in ["WARN", original.as_str()] {
        alter_one(&admin, &logger, vec![AlterConfigOp::set(&name, level)]).await.expect("level set");
        let described = admin.describe_configs([logger.clone()], DescribeConfigsOptions::default()).await;
        let entry = described[&logger].as_ref().expect("loggers").get(&name).cloned();
        assert_eq!(entry.and_then(|e| e.value).as_deref(), Some(level), "{name}");
    }
    let unknown = alter_one(&admin, &logger, vec![AlterConfigOp::set("no.such.logger.here", "DEBUG")]).await;
    let e = unknown.expect_err("an unknown logger is refused");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_CONFIG), "{e}");
    assert!(e.to_string().contains(&logger.name), "names the broker: {e}");

    // A dynamic broker config, set and removed on that broker.
    alter_one(&admin, &broker, vec![AlterConfigOp::set("log.cleaner.threads", "2")]).await.expect("set");
    wait_for_config(&admin, &broker, "log.cleaner.threads", "2", ConfigSource::DynamicBroker).await;
    alter_one(&admin, &broker, vec![AlterConfigOp::delete("log.cleaner.threads")]).await.expect("removed");
    // A static one cannot change while the broker runs.
    let refused = alter_one(&admin, &broker, vec![AlterConfigOp::set("num.partitions", "3")]).await;
    let e = refused.expect_err("a static config cannot change while the broker runs");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_REQUEST), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("num.partitions")), "names the config: {e}");
}

/// Applies `ops` to one resource; its outcome.
async fn alter_one(admin: &Admin, resource: &ConfigResource, ops: Vec<AlterConfigOp>) -> Result<(), AdminError> {
    let mut outcome = admin.incremental_alter_configs([(resource.clone(), ops)], AlterConfigsOptions::default()).await;
    outcome.remove(resource).expect("an outcome for the resource")
}

#[tokio::test]
async fn group_and_client_metrics_configs() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    // Group configs (KIP-848) and client-metrics subscriptions (KIP-714), where the broker has
    // them.
    if has_consumer_protocol(&admin, "group configs").await {
        group_configs(&admin).await;
    }
    let metrics = ConfigResource::client_metrics(unique_topic("admin-metrics"));
    let set = admin
        .incremental_alter_configs(
            [(
                metrics.clone(),
                vec![
                    AlterConfigOp::set("interval.ms", "60000"),
                    AlterConfigOp::set("metrics", "org.apache.kafka.producer"),
                ],
            )],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(set[&metrics].is_ok(), "{set:?}");
    wait_for_config(&admin, &metrics, "interval.ms", "60000", ConfigSource::ClientMetrics).await;
    // A subscription never set describes as the defaults.
    let never = ConfigResource::client_metrics(unique_topic("admin-metrics-never"));
    let described = admin.describe_configs([never.clone()], DescribeConfigsOptions::default()).await;
    let config = described[&never].as_ref().expect("a name never set describes");
    match config.get("interval.ms") {
        Some(interval) => {
            assert_eq!((interval.value.as_deref(), interval.source), (Some("300000"), ConfigSource::Default));
            assert_eq!(config.get("metrics").and_then(|e| e.value.clone()).as_deref(), Some(""));
        }
        // Kafka 3.9 describes a subscription never set with no entries at all (4.x: defaults).
        None => assert!(config.entries.is_empty(), "{config:?}"),
    }
    // Out of bounds, and unknown: refused as Kafka refuses them.
    let refused = alter_one(&admin, &metrics, vec![AlterConfigOp::set("interval.ms", "50")]).await;
    let e = refused.expect_err("50 ms is below the 100 ms minimum");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_REQUEST), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("interval.ms")), "{e}");
    let refused = alter_one(&admin, &metrics, vec![AlterConfigOp::set("match", "client_colour=blue")]).await;
    assert_eq!(refused.expect_err("an unknown match key").code(), Some(ErrorCode::INVALID_CONFIG));
}

/// A group's configs (KIP-848), set and read back.
async fn group_configs(admin: &Admin) {
    let group = ConfigResource::group(unique_topic("admin-group-config"));
    let set = admin
        .incremental_alter_configs(
            [(group.clone(), vec![AlterConfigOp::set("consumer.session.timeout.ms", "50000")])],
            AlterConfigsOptions::default(),
        )
        .await;
    assert!(set[&group].is_ok(), "{set:?}");
    wait_for_config(admin, &group, "consumer.session.timeout.ms", "50000", ConfigSource::Group).await;
    // Unset keys show the broker's; an unset group describes as the defaults.
    let other = ConfigResource::group(unique_topic("admin-group-never"));
    let described = admin.describe_configs([other.clone()], DescribeConfigsOptions::default()).await;
    let entry = described[&other].as_ref().expect("described").get("consumer.heartbeat.interval.ms").cloned();
    assert!(entry.is_some_and(|e| e.source != ConfigSource::Group), "not set for this group");
    // Out of the broker's bounds (45-60 s by default), and unknown keys: INVALID_CONFIG.
    let refused = alter_one(admin, &group, vec![AlterConfigOp::set("consumer.session.timeout.ms", "3600000")]).await;
    let e = refused.expect_err("beyond group.consumer.max.session.timeout.ms");
    assert_eq!(e.code(), Some(ErrorCode::INVALID_CONFIG), "{e}");
    assert!(e.broker_message().is_some_and(|m| m.contains("consumer.session.timeout.ms")), "{e}");
    let refused = alter_one(admin, &group, vec![AlterConfigOp::set("consumer.no.such.key", "1")]).await;
    assert_eq!(refused.expect_err("unknown").code(), Some(ErrorCode::INVALID_CONFIG));
}

/// Configs of brokers, groups and client-metrics reach the brokers through the metadata log:
/// waits (at most 15 s) until `key` of `resource` has `value` from `source`.
async fn wait_for_config(admin: &Admin, resource: &ConfigResource, key: &str, value: &str, source: ConfigSource) {
    wait_until(format!("{resource} {key} = {value} from {source:?}"), Duration::from_secs(15), async || {
        let described = admin.describe_configs([resource.clone()], DescribeConfigsOptions::default()).await;
        let entry = described[resource].as_ref().expect("described").get(key).cloned();
        if entry.as_ref().is_some_and(|e| e.value.as_deref() == Some(value) && e.source == source) {
            Ready(())
        } else {
            NotYet(entry)
        }
    })
    .await
}
