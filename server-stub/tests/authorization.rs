//! The authorizer over the raw protocol: each request refused with Kafka's error code where
//! the ACLs do not allow it, the rest served; the ACL APIs themselves, with malformed input
//! answered, never a panic. The principal is the PLAINTEXT listener's `User:ANONYMOUS`, not a
//! super user here.

mod common;

use common::*;
use kfk_protocol::compression::Compression;
use kfk_protocol::messages::create_acls::request::AclCreation;
use kfk_protocol::messages::delete_acls::request::DeleteAclsFilter;
use kfk_protocol::messages::describe_configs::request::DescribeConfigsResource;
use kfk_protocol::messages::fetch::request::{FetchPartition, FetchTopic};
use kfk_protocol::messages::list_offsets::request::{ListOffsetsPartition, ListOffsetsTopic};
use kfk_protocol::messages::metadata::request::MetadataRequestTopic;
use kfk_protocol::messages::produce::request::{PartitionProduceData, TopicProduceData};
use kfk_protocol::messages::*;
use kfk_protocol::ErrorCode;
use kfk_stub::acl::{Acl, AclOperation, PatternType, ResourceType};
use kfk_stub::StubCluster;

const ME: &str = "User:ANONYMOUS";
const TOPIC_DENIED: i16 = ErrorCode::TOPIC_AUTHORIZATION_FAILED.0;

async fn cluster(acls: Vec<Acl>) -> StubCluster {
    let mut builder = StubCluster::builder().authorizer().super_user("User:admin");
    for acl in acls {
        builder = builder.acl(acl);
    }
    let cluster = builder.start().await.expect("stub");
    for topic in ["readable", "writable", "secret"] {
        cluster.create_topic(topic, 1).expect("topic");
    }
    cluster
}

async fn conn(cluster: &StubCluster) -> Conn {
    Conn::connect(cluster.broker_addr(0).expect("broker")).await.expect("connect")
}

fn topic_acl(name: &str, op: AclOperation) -> Acl {
    Acl::allow(ResourceType::Topic, name, ME, op)
}

#[tokio::test]
async fn produce_fetch_and_list_offsets_are_refused_per_topic() {
    let cluster =
        cluster(vec![topic_acl("readable", AclOperation::Read), topic_acl("writable", AclOperation::Write)]).await;
    let mut c = conn(&cluster).await;
    let mut request = produce("writable", 0, -1, batch(Compression::None, 2, 1_700_000_000_000));
    request.topic_data.push(TopicProduceData {
        name: "readable".into(),
        partition_data: vec![PartitionProduceData {
            index: 0,
            records: Some(batch(Compression::None, 1, 1_700_000_000_000)),
            ..Default::default()
        }],
        ..Default::default()
    });
    let answer = c.send(&request, PRODUCE_V).await;
    let code =
        |name: &str| answer.responses.iter().find(|t| t.name == name).map(|t| t.partition_responses[0].error_code);
    assert_eq!(code("writable"), Some(0));
    assert_eq!(code("readable"), Some(TOPIC_DENIED));

    let fetch = FetchRequest {
        replica_id: -1,
        max_wait_ms: 0,
        max_bytes: 1 << 20,
        isolation_level: 0,
        session_epoch: -1,
        topics: ["readable", "writable"]
            .iter()
            .map(|t| FetchTopic {
                topic: (*t).into(),
                partitions: vec![FetchPartition { partition: 0, partition_max_bytes: 1 << 20, ..Default::default() }],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let answer = c.send(&fetch, FETCH_V).await;
    let code = |name: &str| answer.responses.iter().find(|t| t.topic == name).map(|t| t.partitions[0].error_code);
    assert_eq!(code("readable"), Some(0));
    assert_eq!(code("writable"), Some(TOPIC_DENIED), "WRITE does not allow READ");

    let list = ListOffsetsRequest {
        replica_id: -1,
        topics: ["readable", "writable", "secret"]
            .iter()
            .map(|t| ListOffsetsTopic {
                name: (*t).into(),
                partitions: vec![ListOffsetsPartition { partition_index: 0, timestamp: -1, ..Default::default() }],
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    };
    let answer = c.send(&list, 7).await;
    let code = |name: &str| answer.topics.iter().find(|t| t.name == name).map(|t| t.partitions[0].error_code);
    assert_eq!(code("readable"), Some(0), "READ implies DESCRIBE");
    assert_eq!(code("writable"), Some(0), "WRITE implies DESCRIBE");
    assert_eq!(code("secret"), Some(TOPIC_DENIED));

    // acks=0 has no answer to carry the refusal: the connection is closed, as Kafka does.
    let mut c = conn(&cluster).await;
    c.write(&produce("secret", 0, 0, batch(Compression::None, 1, 1_700_000_000_000)), PRODUCE_V).await;
    assert!(c.is_closed().await);
    // A transactional batch needs WRITE on its transactional id.
    let mut c = conn(&cluster).await;
    let mut b = kfk_protocol::records::RecordBatchBuilder::new(Compression::None).with_producer(7, 0, 0);
    b = b.with_transactional(true);
    b.append(1, None, Some(b"v")).expect("append");
    let mut request = produce("writable", 0, -1, b.build().expect("batch"));
    request.transactional_id = Some("txn".into());
    let answer = c.send(&request, PRODUCE_V).await;
    assert_eq!(
        answer.responses[0].partition_responses[0].error_code,
        ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0
    );
}

#[tokio::test]
async fn metadata_hides_what_may_not_be_described_and_auto_creation_needs_create() {
    let cluster = cluster(vec![
        topic_acl("readable", AclOperation::Read),
        Acl { pattern: PatternType::Prefixed, ..topic_acl("new-", AclOperation::Describe) },
        Acl { pattern: PatternType::Prefixed, ..topic_acl("new-ok-", AclOperation::Create) },
    ])
    .await;
    let mut c = conn(&cluster).await;
    let all = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
    let names: Vec<_> = all.topics.iter().filter_map(|t| t.name.clone()).collect();
    assert_eq!(names, ["readable"], "all topics: only the describable ones");

    let named = |names: &[&str]| MetadataRequest {
        topics: Some(
            names.iter().map(|n| MetadataRequestTopic { name: Some((*n).into()), ..Default::default() }).collect(),
        ),
        allow_auto_topic_creation: true,
        include_topic_authorized_operations: true,
        ..Default::default()
    };
    let answer = c.send(&named(&["readable", "secret", "new-x", "new-ok-y", "absent"]), 12).await;
    let topic = |name: &str| answer.topics.iter().find(|t| t.name.as_deref() == Some(name)).expect(name);
    assert_eq!(topic("readable").error_code, 0);
    let read_and_describe = (1 << AclOperation::Read.code()) | (1 << AclOperation::Describe.code());
    assert_eq!(topic("readable").topic_authorized_operations, read_and_describe);
    assert_eq!(topic("secret").error_code, TOPIC_DENIED);
    assert!(topic("secret").partitions.is_empty());
    assert_eq!(topic("absent").error_code, TOPIC_DENIED, "not describable: existence not told");
    assert_eq!(topic("new-x").error_code, TOPIC_DENIED, "auto-creation without CREATE");
    assert!(cluster.leader("new-x", 0).is_err(), "not created");
    assert_ne!(topic("new-ok-y").error_code, TOPIC_DENIED);
    assert!(cluster.leader("new-ok-y", 0).is_ok(), "created with CREATE on the topic");
    // Version 0: an empty list means every topic; none describable here but `readable`.
    let v0 = MetadataRequest {
        topics: Some(vec![MetadataRequestTopic { name: Some("secret".into()), ..Default::default() }]),
        ..Default::default()
    };
    let v0 = c.send(&v0, 0).await;
    assert_eq!(v0.topics.len(), 1);
    assert_eq!(v0.topics[0].error_code, TOPIC_DENIED);
}

#[tokio::test]
async fn groups_transactions_and_idempotence_are_refused_with_their_own_codes() {
    let cluster = cluster(vec![Acl::allow(ResourceType::Group, "mine", ME, AclOperation::Read)]).await;
    let mut c = conn(&cluster).await;
    let find = |key: &str, key_type: i8| FindCoordinatorRequest { key: key.into(), key_type, ..Default::default() };
    assert_eq!(c.send(&find("theirs", 0), 3).await.error_code, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
    assert_eq!(c.send(&find("mine", 0), 3).await.error_code, 0, "READ implies DESCRIBE");
    let batch = FindCoordinatorRequest { key_type: 0, coordinator_keys: vec!["theirs".into()], ..Default::default() };
    let v4 = c.send(&batch, 4).await;
    assert_eq!(v4.coordinators[0].error_code, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
    assert_eq!(v4.coordinators[0].node_id, -1);
    let txn = c.send(&find("t", 1), 3).await;
    assert_eq!(txn.error_code, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0);

    let join = JoinGroupRequest {
        group_id: "theirs".into(),
        session_timeout_ms: 10_000,
        rebalance_timeout_ms: 10_000,
        protocol_type: "consumer".into(),
        ..Default::default()
    };
    assert_eq!(c.send(&join, 9).await.error_code, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
    let heartbeat = HeartbeatRequest { group_id: "theirs".into(), member_id: "m".into(), ..Default::default() };
    assert_eq!(c.send(&heartbeat, 4).await.error_code, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);
    let offsets = OffsetFetchRequest { group_id: "theirs".into(), topics: None, ..Default::default() };
    assert_eq!(c.send(&offsets, 7).await.error_code, ErrorCode::GROUP_AUTHORIZATION_FAILED.0);

    let idempotent = InitProducerIdRequest {
        transactional_id: None,
        transaction_timeout_ms: -1,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    assert_eq!(
        c.send(&idempotent, 4).await.error_code,
        ErrorCode::CLUSTER_AUTHORIZATION_FAILED.0,
        "no IDEMPOTENT_WRITE and no WRITE on any topic"
    );
    let transactional = InitProducerIdRequest { transactional_id: Some("t".into()), ..idempotent.clone() };
    assert_eq!(c.send(&transactional, 4).await.error_code, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0);
    let end = EndTxnRequest { transactional_id: "t".into(), producer_id: 1, ..Default::default() };
    assert_eq!(c.send(&end, 3).await.error_code, ErrorCode::TRANSACTIONAL_ID_AUTHORIZATION_FAILED.0);

    // WRITE on some topic is enough for an idempotent producer id, as in Kafka.
    let cluster = self::cluster(vec![topic_acl("writable", AclOperation::Write)]).await;
    let mut c = conn(&cluster).await;
    assert_eq!(c.send(&idempotent, 4).await.error_code, 0);
}

#[tokio::test]
async fn configs_are_refused_per_resource() {
    let cluster = cluster(vec![topic_acl("readable", AclOperation::DescribeConfigs)]).await;
    let mut c = conn(&cluster).await;
    let resource = |resource_type: i8, name: &str| DescribeConfigsResource {
        resource_type,
        resource_name: name.into(),
        configuration_keys: None,
        ..Default::default()
    };
    let request = DescribeConfigsRequest {
        resources: vec![resource(2, "readable"), resource(2, "secret"), resource(4, "0")],
        ..Default::default()
    };
    let answer = c.send(&request, 4).await;
    let code = |name: &str| answer.results.iter().find(|r| r.resource_name == name).map(|r| r.error_code);
    assert_eq!(code("readable"), Some(0));
    assert_eq!(code("secret"), Some(TOPIC_DENIED));
    assert_eq!(code("0"), Some(ErrorCode::CLUSTER_AUTHORIZATION_FAILED.0));
    let create = CreateTopicsRequest {
        topics: vec![kfk_protocol::messages::create_topics::request::CreatableTopic {
            name: "mine".into(),
            num_partitions: 1,
            replication_factor: 1,
            ..Default::default()
        }],
        timeout_ms: 5000,
        ..Default::default()
    };
    let answer = c.send(&create, 7).await;
    assert_eq!(answer.topics[0].error_code, TOPIC_DENIED);
    assert!(cluster.leader("mine", 0).is_err());
}

fn creation(resource_type: i8, name: &str, pattern: i8, principal: &str, operation: i8, permission: i8) -> AclCreation {
    AclCreation {
        resource_type,
        resource_name: name.into(),
        resource_pattern_type: pattern,
        principal: principal.into(),
        host: "*".into(),
        operation,
        permission_type: permission,
        ..Default::default()
    }
}

fn any_filter() -> DeleteAclsFilter {
    DeleteAclsFilter {
        resource_type_filter: 1,
        resource_name_filter: None,
        pattern_type_filter: 1,
        principal_filter: None,
        host_filter: None,
        operation: 1,
        permission_type: 1,
        ..Default::default()
    }
}

#[tokio::test]
async fn acl_apis_need_the_cluster_permission_and_answer_malformed_input() {
    // Without ALTER/DESCRIBE on the cluster: refused.
    let denied = cluster(Vec::new()).await;
    let mut c = conn(&denied).await;
    let request = CreateAclsRequest { creations: vec![creation(2, "t", 3, "User:bob", 3, 3)], ..Default::default() };
    let answer = c.send(&request, 3).await;
    assert_eq!(answer.results[0].error_code, ErrorCode::CLUSTER_AUTHORIZATION_FAILED.0);
    let describe = DescribeAclsRequest {
        resource_type_filter: 1,
        resource_name_filter: None,
        pattern_type_filter: 1,
        principal_filter: None,
        host_filter: None,
        operation: 1,
        permission_type: 1,
        ..Default::default()
    };
    assert_eq!(c.send(&describe, 3).await.error_code, ErrorCode::CLUSTER_AUTHORIZATION_FAILED.0);

    let cluster = cluster(vec![
        Acl::allow(ResourceType::Cluster, "kafka-cluster", ME, AclOperation::Alter),
        Acl::allow(ResourceType::Cluster, "kafka-cluster", ME, AclOperation::Describe),
    ])
    .await;
    let mut c = conn(&cluster).await;
    let request = CreateAclsRequest {
        creations: vec![
            creation(2, "orders", 3, "User:bob", 3, 3),
            creation(2, "ord", 4, "User:bob", 4, 3),
            creation(4, "not-the-cluster", 3, "User:bob", 7, 3),
            creation(99, "x", 3, "User:bob", 3, 3),
            creation(2, "x", 2, "User:bob", 3, 3),
            creation(2, "x", 3, "bob", 3, 3),
            creation(2, "", 3, "User:bob", 3, 3),
            creation(2, "x", 3, "User:bob", 1, 3),
            creation(2, "x", 3, "User:bob", 3, -7),
        ],
        ..Default::default()
    };
    let codes: Vec<i16> = c.send(&request, 3).await.results.iter().map(|r| r.error_code).collect();
    let invalid = ErrorCode::INVALID_REQUEST.0;
    assert_eq!(codes, [0, 0, invalid, invalid, invalid, invalid, invalid, invalid, invalid]);

    // MATCH finds the literal and the prefixed ACL that cover "orders".
    let matching = DescribeAclsRequest {
        resource_type_filter: 2,
        resource_name_filter: Some("orders".into()),
        pattern_type_filter: 2,
        ..describe.clone()
    };
    let answer = c.send(&matching, 3).await;
    assert_eq!(answer.error_code, 0);
    let mut found: Vec<(String, i8)> =
        answer.resources.iter().map(|r| (r.resource_name.clone(), r.pattern_type)).collect();
    found.sort();
    assert_eq!(found, [("ord".to_owned(), 4), ("orders".to_owned(), 3)]);
    let unknown = DescribeAclsRequest { operation: 0, ..matching.clone() };
    assert_eq!(c.send(&unknown, 3).await.error_code, invalid, "UNKNOWN in a filter");

    // Bob's ACLs are decisions now: he is not this connection, so nothing changes for us...
    let delete = DeleteAclsRequest {
        filters: vec![
            DeleteAclsFilter { principal_filter: Some("User:bob".into()), ..any_filter() },
            DeleteAclsFilter { resource_type_filter: 42, ..any_filter() },
            DeleteAclsFilter { resource_name_filter: Some("orders".into()), pattern_type_filter: 3, ..any_filter() },
        ],
        ..Default::default()
    };
    let answer = c.send(&delete, 3).await;
    assert_eq!(answer.filter_results[0].error_code, 0);
    assert_eq!(answer.filter_results[0].matching_acls.len(), 2);
    assert_eq!(answer.filter_results[1].error_code, invalid);
    assert_eq!(answer.filter_results[2].matching_acls.len(), 1, "an ACL two filters match is in both answers");
    let left = c.send(&DescribeAclsRequest { pattern_type_filter: 1, ..describe }, 3).await;
    let count: usize = left.resources.iter().map(|r| r.acls.len()).sum();
    assert_eq!(count, 2, "only the cluster ACLs of the builder are left");

    // ...but an ACL the connection's principal gets applies to its next request.
    let grant = CreateAclsRequest { creations: vec![creation(2, "secret", 3, ME, 3, 3)], ..Default::default() };
    assert_eq!(c.send(&grant, 3).await.results[0].error_code, 0);
    let all = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
    let names: Vec<_> = all.topics.iter().filter_map(|t| t.name.clone()).collect();
    assert_eq!(names, ["secret"]);
    let deny = CreateAclsRequest { creations: vec![creation(2, "*", 3, "User:*", 8, 2)], ..Default::default() };
    assert_eq!(c.send(&deny, 3).await.results[0].error_code, 0);
    let all = c.send(&MetadataRequest { topics: None, ..Default::default() }, 12).await;
    assert!(all.topics.is_empty(), "a DENY of DESCRIBE for everyone wins");
}

#[tokio::test]
async fn without_an_authorizer_nothing_is_refused_and_the_acl_apis_say_security_disabled() {
    let cluster = StubCluster::builder().start().await.expect("stub");
    cluster.create_topic("t", 1).expect("topic");
    let mut c = conn(&cluster).await;
    let answer = c.send(&produce("t", 0, -1, batch(Compression::None, 1, 1)), PRODUCE_V).await;
    assert_eq!(answer.responses[0].partition_responses[0].error_code, 0);
    let request = CreateAclsRequest { creations: vec![creation(2, "t", 3, "User:bob", 3, 3)], ..Default::default() };
    assert_eq!(c.send(&request, 3).await.results[0].error_code, ErrorCode::SECURITY_DISABLED.0);
    let describe = DescribeAclsRequest {
        resource_type_filter: 1,
        pattern_type_filter: 1,
        operation: 1,
        permission_type: 1,
        ..Default::default()
    };
    assert_eq!(c.send(&describe, 3).await.error_code, ErrorCode::SECURITY_DISABLED.0);
    let delete = DeleteAclsRequest { filters: vec![any_filter()], ..Default::default() };
    assert_eq!(c.send(&delete, 3).await.filter_results[0].error_code, ErrorCode::SECURITY_DISABLED.0);
}
