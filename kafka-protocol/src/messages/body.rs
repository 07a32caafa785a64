//! Request and response bodies of any API, decoded by API key.
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

use super::ApiKey;
use crate::{Decode, Encode};

/// A request body of any API.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    /// ProduceRequest.
    Produce(super::ProduceRequest),
    /// FetchRequest.
    Fetch(super::FetchRequest),
    /// ListOffsetsRequest.
    ListOffsets(super::ListOffsetsRequest),
    /// MetadataRequest.
    Metadata(super::MetadataRequest),
    /// OffsetCommitRequest.
    OffsetCommit(super::OffsetCommitRequest),
    /// OffsetFetchRequest.
    OffsetFetch(super::OffsetFetchRequest),
    /// FindCoordinatorRequest.
    FindCoordinator(super::FindCoordinatorRequest),
    /// JoinGroupRequest.
    JoinGroup(super::JoinGroupRequest),
    /// HeartbeatRequest.
    Heartbeat(super::HeartbeatRequest),
    /// LeaveGroupRequest.
    LeaveGroup(super::LeaveGroupRequest),
    /// SyncGroupRequest.
    SyncGroup(super::SyncGroupRequest),
    /// DescribeGroupsRequest.
    DescribeGroups(super::DescribeGroupsRequest),
    /// ListGroupsRequest.
    ListGroups(super::ListGroupsRequest),
    /// SaslHandshakeRequest.
    SaslHandshake(super::SaslHandshakeRequest),
    /// ApiVersionsRequest.
    ApiVersions(super::ApiVersionsRequest),
    /// CreateTopicsRequest.
    CreateTopics(super::CreateTopicsRequest),
    /// DeleteTopicsRequest.
    DeleteTopics(super::DeleteTopicsRequest),
    /// DeleteRecordsRequest.
    DeleteRecords(super::DeleteRecordsRequest),
    /// InitProducerIdRequest.
    InitProducerId(super::InitProducerIdRequest),
    /// OffsetForLeaderEpochRequest.
    OffsetForLeaderEpoch(super::OffsetForLeaderEpochRequest),
    /// AddPartitionsToTxnRequest.
    AddPartitionsToTxn(super::AddPartitionsToTxnRequest),
    /// AddOffsetsToTxnRequest.
    AddOffsetsToTxn(super::AddOffsetsToTxnRequest),
    /// EndTxnRequest.
    EndTxn(super::EndTxnRequest),
    /// WriteTxnMarkersRequest.
    WriteTxnMarkers(super::WriteTxnMarkersRequest),
    /// TxnOffsetCommitRequest.
    TxnOffsetCommit(super::TxnOffsetCommitRequest),
    /// DescribeAclsRequest.
    DescribeAcls(super::DescribeAclsRequest),
    /// CreateAclsRequest.
    CreateAcls(super::CreateAclsRequest),
    /// DeleteAclsRequest.
    DeleteAcls(super::DeleteAclsRequest),
    /// DescribeConfigsRequest.
    DescribeConfigs(super::DescribeConfigsRequest),
    /// AlterConfigsRequest.
    AlterConfigs(super::AlterConfigsRequest),
    /// AlterReplicaLogDirsRequest.
    AlterReplicaLogDirs(super::AlterReplicaLogDirsRequest),
    /// DescribeLogDirsRequest.
    DescribeLogDirs(super::DescribeLogDirsRequest),
    /// SaslAuthenticateRequest.
    SaslAuthenticate(super::SaslAuthenticateRequest),
    /// CreatePartitionsRequest.
    CreatePartitions(super::CreatePartitionsRequest),
    /// CreateDelegationTokenRequest.
    CreateDelegationToken(super::CreateDelegationTokenRequest),
    /// RenewDelegationTokenRequest.
    RenewDelegationToken(super::RenewDelegationTokenRequest),
    /// ExpireDelegationTokenRequest.
    ExpireDelegationToken(super::ExpireDelegationTokenRequest),
    /// DescribeDelegationTokenRequest.
    DescribeDelegationToken(super::DescribeDelegationTokenRequest),
    /// DeleteGroupsRequest.
    DeleteGroups(super::DeleteGroupsRequest),
    /// ElectLeadersRequest.
    ElectLeaders(super::ElectLeadersRequest),
    /// IncrementalAlterConfigsRequest.
    IncrementalAlterConfigs(super::IncrementalAlterConfigsRequest),
    /// AlterPartitionReassignmentsRequest.
    AlterPartitionReassignments(super::AlterPartitionReassignmentsRequest),
    /// ListPartitionReassignmentsRequest.
    ListPartitionReassignments(super::ListPartitionReassignmentsRequest),
    /// OffsetDeleteRequest.
    OffsetDelete(super::OffsetDeleteRequest),
    /// DescribeClientQuotasRequest.
    DescribeClientQuotas(super::DescribeClientQuotasRequest),
    /// AlterClientQuotasRequest.
    AlterClientQuotas(super::AlterClientQuotasRequest),
    /// DescribeUserScramCredentialsRequest.
    DescribeUserScramCredentials(super::DescribeUserScramCredentialsRequest),
    /// AlterUserScramCredentialsRequest.
    AlterUserScramCredentials(super::AlterUserScramCredentialsRequest),
    /// VoteRequest.
    Vote(super::VoteRequest),
    /// BeginQuorumEpochRequest.
    BeginQuorumEpoch(super::BeginQuorumEpochRequest),
    /// EndQuorumEpochRequest.
    EndQuorumEpoch(super::EndQuorumEpochRequest),
    /// DescribeQuorumRequest.
    DescribeQuorum(super::DescribeQuorumRequest),
    /// AlterPartitionRequest.
    AlterPartition(super::AlterPartitionRequest),
    /// UpdateFeaturesRequest.
    UpdateFeatures(super::UpdateFeaturesRequest),
    /// EnvelopeRequest.
    Envelope(super::EnvelopeRequest),
    /// FetchSnapshotRequest.
    FetchSnapshot(super::FetchSnapshotRequest),
    /// DescribeClusterRequest.
    DescribeCluster(super::DescribeClusterRequest),
    /// DescribeProducersRequest.
    DescribeProducers(super::DescribeProducersRequest),
    /// BrokerRegistrationRequest.
    BrokerRegistration(super::BrokerRegistrationRequest),
    /// BrokerHeartbeatRequest.
    BrokerHeartbeat(super::BrokerHeartbeatRequest),
    /// UnregisterBrokerRequest.
    UnregisterBroker(super::UnregisterBrokerRequest),
    /// DescribeTransactionsRequest.
    DescribeTransactions(super::DescribeTransactionsRequest),
    /// ListTransactionsRequest.
    ListTransactions(super::ListTransactionsRequest),
    /// AllocateProducerIdsRequest.
    AllocateProducerIds(super::AllocateProducerIdsRequest),
    /// ConsumerGroupHeartbeatRequest.
    ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatRequest),
    /// ConsumerGroupDescribeRequest.
    ConsumerGroupDescribe(super::ConsumerGroupDescribeRequest),
    /// ControllerRegistrationRequest.
    ControllerRegistration(super::ControllerRegistrationRequest),
    /// GetTelemetrySubscriptionsRequest.
    GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsRequest),
    /// PushTelemetryRequest.
    PushTelemetry(super::PushTelemetryRequest),
    /// AssignReplicasToDirsRequest.
    AssignReplicasToDirs(super::AssignReplicasToDirsRequest),
    /// ListConfigResourcesRequest.
    ListConfigResources(super::ListConfigResourcesRequest),
    /// DescribeTopicPartitionsRequest.
    DescribeTopicPartitions(super::DescribeTopicPartitionsRequest),
    /// ShareGroupHeartbeatRequest.
    ShareGroupHeartbeat(super::ShareGroupHeartbeatRequest),
    /// ShareGroupDescribeRequest.
    ShareGroupDescribe(super::ShareGroupDescribeRequest),
    /// ShareFetchRequest.
    ShareFetch(super::ShareFetchRequest),
    /// ShareAcknowledgeRequest.
    ShareAcknowledge(super::ShareAcknowledgeRequest),
    /// AddRaftVoterRequest.
    AddRaftVoter(super::AddRaftVoterRequest),
    /// RemoveRaftVoterRequest.
    RemoveRaftVoter(super::RemoveRaftVoterRequest),
    /// UpdateRaftVoterRequest.
    UpdateRaftVoter(super::UpdateRaftVoterRequest),
    /// InitializeShareGroupStateRequest.
    InitializeShareGroupState(super::InitializeShareGroupStateRequest),
    /// ReadShareGroupStateRequest.
    ReadShareGroupState(super::ReadShareGroupStateRequest),
    /// WriteShareGroupStateRequest.
    WriteShareGroupState(super::WriteShareGroupStateRequest),
    /// DeleteShareGroupStateRequest.
    DeleteShareGroupState(super::DeleteShareGroupStateRequest),
    /// ReadShareGroupStateSummaryRequest.
    ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryRequest),
    /// StreamsGroupHeartbeatRequest.
    StreamsGroupHeartbeat(super::StreamsGroupHeartbeatRequest),
    /// StreamsGroupDescribeRequest.
    StreamsGroupDescribe(super::StreamsGroupDescribeRequest),
    /// DescribeShareGroupOffsetsRequest.
    DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsRequest),
    /// AlterShareGroupOffsetsRequest.
    AlterShareGroupOffsets(super::AlterShareGroupOffsetsRequest),
    /// DeleteShareGroupOffsetsRequest.
    DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsRequest),
    /// StreamsGroupTopologyDescriptionUpdateRequest.
    StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateRequest),
    /// UnregisterControllerRequest.
    UnregisterController(super::UnregisterControllerRequest),
}

impl RequestBody {
    /// The API this body belongs to.
    pub fn api_key(&self) -> ApiKey {
        match self {
            Self::Produce(_) => ApiKey::Produce,
            Self::Fetch(_) => ApiKey::Fetch,
            Self::ListOffsets(_) => ApiKey::ListOffsets,
            Self::Metadata(_) => ApiKey::Metadata,
            Self::OffsetCommit(_) => ApiKey::OffsetCommit,
            Self::OffsetFetch(_) => ApiKey::OffsetFetch,
            Self::FindCoordinator(_) => ApiKey::FindCoordinator,
            Self::JoinGroup(_) => ApiKey::JoinGroup,
            Self::Heartbeat(_) => ApiKey::Heartbeat,
            Self::LeaveGroup(_) => ApiKey::LeaveGroup,
            Self::SyncGroup(_) => ApiKey::SyncGroup,
            Self::DescribeGroups(_) => ApiKey::DescribeGroups,
            Self::ListGroups(_) => ApiKey::ListGroups,
            Self::SaslHandshake(_) => ApiKey::SaslHandshake,
            Self::ApiVersions(_) => ApiKey::ApiVersions,
            Self::CreateTopics(_) => ApiKey::CreateTopics,
            Self::DeleteTopics(_) => ApiKey::DeleteTopics,
            Self::DeleteRecords(_) => ApiKey::DeleteRecords,
            Self::InitProducerId(_) => ApiKey::InitProducerId,
            Self::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            Self::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            Self::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            Self::EndTxn(_) => ApiKey::EndTxn,
            Self::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            Self::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            Self::DescribeAcls(_) => ApiKey::DescribeAcls,
            Self::CreateAcls(_) => ApiKey::CreateAcls,
            Self::DeleteAcls(_) => ApiKey::DeleteAcls,
            Self::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            Self::AlterConfigs(_) => ApiKey::AlterConfigs,
            Self::AlterReplicaLogDirs(_) => ApiKey::AlterReplicaLogDirs,
            Self::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            Self::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            Self::CreatePartitions(_) => ApiKey::CreatePartitions,
            Self::CreateDelegationToken(_) => ApiKey::CreateDelegationToken,
            Self::RenewDelegationToken(_) => ApiKey::RenewDelegationToken,
            Self::ExpireDelegationToken(_) => ApiKey::ExpireDelegationToken,
            Self::DescribeDelegationToken(_) => ApiKey::DescribeDelegationToken,
            Self::DeleteGroups(_) => ApiKey::DeleteGroups,
            Self::ElectLeaders(_) => ApiKey::ElectLeaders,
            Self::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            Self::AlterPartitionReassignments(_) => ApiKey::AlterPartitionReassignments,
            Self::ListPartitionReassignments(_) => ApiKey::ListPartitionReassignments,
            Self::OffsetDelete(_) => ApiKey::OffsetDelete,
            Self::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            Self::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            Self::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            Self::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            Self::Vote(_) => ApiKey::Vote,
            Self::BeginQuorumEpoch(_) => ApiKey::BeginQuorumEpoch,
            Self::EndQuorumEpoch(_) => ApiKey::EndQuorumEpoch,
            Self::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            Self::AlterPartition(_) => ApiKey::AlterPartition,
            Self::UpdateFeatures(_) => ApiKey::UpdateFeatures,
            Self::Envelope(_) => ApiKey::Envelope,
            Self::FetchSnapshot(_) => ApiKey::FetchSnapshot,
            Self::DescribeCluster(_) => ApiKey::DescribeCluster,
            Self::DescribeProducers(_) => ApiKey::DescribeProducers,
            Self::BrokerRegistration(_) => ApiKey::BrokerRegistration,
            Self::BrokerHeartbeat(_) => ApiKey::BrokerHeartbeat,
            Self::UnregisterBroker(_) => ApiKey::UnregisterBroker,
            Self::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            Self::ListTransactions(_) => ApiKey::ListTransactions,
            Self::AllocateProducerIds(_) => ApiKey::AllocateProducerIds,
            Self::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            Self::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            Self::ControllerRegistration(_) => ApiKey::ControllerRegistration,
            Self::GetTelemetrySubscriptions(_) => ApiKey::GetTelemetrySubscriptions,
            Self::PushTelemetry(_) => ApiKey::PushTelemetry,
            Self::AssignReplicasToDirs(_) => ApiKey::AssignReplicasToDirs,
            Self::ListConfigResources(_) => ApiKey::ListConfigResources,
            Self::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
            Self::ShareGroupHeartbeat(_) => ApiKey::ShareGroupHeartbeat,
            Self::ShareGroupDescribe(_) => ApiKey::ShareGroupDescribe,
            Self::ShareFetch(_) => ApiKey::ShareFetch,
            Self::ShareAcknowledge(_) => ApiKey::ShareAcknowledge,
            Self::AddRaftVoter(_) => ApiKey::AddRaftVoter,
            Self::RemoveRaftVoter(_) => ApiKey::RemoveRaftVoter,
            Self::UpdateRaftVoter(_) => ApiKey::UpdateRaftVoter,
            Self::InitializeShareGroupState(_) => ApiKey::InitializeShareGroupState,
            Self::ReadShareGroupState(_) => ApiKey::ReadShareGroupState,
            Self::WriteShareGroupState(_) => ApiKey::WriteShareGroupState,
            Self::DeleteShareGroupState(_) => ApiKey::DeleteShareGroupState,
            Self::ReadShareGroupStateSummary(_) => ApiKey::ReadShareGroupStateSummary,
            Self::StreamsGroupHeartbeat(_) => ApiKey::StreamsGroupHeartbeat,
            Self::StreamsGroupDescribe(_) => ApiKey::StreamsGroupDescribe,
            Self::DescribeShareGroupOffsets(_) => ApiKey::DescribeShareGroupOffsets,
            Self::AlterShareGroupOffsets(_) => ApiKey::AlterShareGroupOffsets,
            Self::DeleteShareGroupOffsets(_) => ApiKey::DeleteShareGroupOffsets,
            Self::StreamsGroupTopologyDescriptionUpdate(_) => ApiKey::StreamsGroupTopologyDescriptionUpdate,
            Self::UnregisterController(_) => ApiKey::UnregisterController,
        }
    }

    /// Decodes the request body of `api_key` at `version`.
    pub fn decode(api_key: ApiKey, buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Ok(match api_key {
            ApiKey::Produce => Self::Produce(super::ProduceRequest::decode(buf, version)?),
            ApiKey::Fetch => Self::Fetch(super::FetchRequest::decode(buf, version)?),
            ApiKey::ListOffsets => Self::ListOffsets(super::ListOffsetsRequest::decode(buf, version)?),
            ApiKey::Metadata => Self::Metadata(super::MetadataRequest::decode(buf, version)?),
            ApiKey::OffsetCommit => Self::OffsetCommit(super::OffsetCommitRequest::decode(buf, version)?),
            ApiKey::OffsetFetch => Self::OffsetFetch(super::OffsetFetchRequest::decode(buf, version)?),
            ApiKey::FindCoordinator => Self::FindCoordinator(super::FindCoordinatorRequest::decode(buf, version)?),
            ApiKey::JoinGroup => Self::JoinGroup(super::JoinGroupRequest::decode(buf, version)?),
            ApiKey::Heartbeat => Self::Heartbeat(super::HeartbeatRequest::decode(buf, version)?),
            ApiKey::LeaveGroup => Self::LeaveGroup(super::LeaveGroupRequest::decode(buf, version)?),
            ApiKey::SyncGroup => Self::SyncGroup(super::SyncGroupRequest::decode(buf, version)?),
            ApiKey::DescribeGroups => Self::DescribeGroups(super::DescribeGroupsRequest::decode(buf, version)?),
            ApiKey::ListGroups => Self::ListGroups(super::ListGroupsRequest::decode(buf, version)?),
            ApiKey::SaslHandshake => Self::SaslHandshake(super::SaslHandshakeRequest::decode(buf, version)?),
            ApiKey::ApiVersions => Self::ApiVersions(super::ApiVersionsRequest::decode(buf, version)?),
            ApiKey::CreateTopics => Self::CreateTopics(super::CreateTopicsRequest::decode(buf, version)?),
            ApiKey::DeleteTopics => Self::DeleteTopics(super::DeleteTopicsRequest::decode(buf, version)?),
            ApiKey::DeleteRecords => Self::DeleteRecords(super::DeleteRecordsRequest::decode(buf, version)?),
            ApiKey::InitProducerId => Self::InitProducerId(super::InitProducerIdRequest::decode(buf, version)?),
            ApiKey::OffsetForLeaderEpoch => Self::OffsetForLeaderEpoch(super::OffsetForLeaderEpochRequest::decode(buf, version)?),
            ApiKey::AddPartitionsToTxn => Self::AddPartitionsToTxn(super::AddPartitionsToTxnRequest::decode(buf, version)?),
            ApiKey::AddOffsetsToTxn => Self::AddOffsetsToTxn(super::AddOffsetsToTxnRequest::decode(buf, version)?),
            ApiKey::EndTxn => Self::EndTxn(super::EndTxnRequest::decode(buf, version)?),
            ApiKey::WriteTxnMarkers => Self::WriteTxnMarkers(super::WriteTxnMarkersRequest::decode(buf, version)?),
            ApiKey::TxnOffsetCommit => Self::TxnOffsetCommit(super::TxnOffsetCommitRequest::decode(buf, version)?),
            ApiKey::DescribeAcls => Self::DescribeAcls(super::DescribeAclsRequest::decode(buf, version)?),
            ApiKey::CreateAcls => Self::CreateAcls(super::CreateAclsRequest::decode(buf, version)?),
            ApiKey::DeleteAcls => Self::DeleteAcls(super::DeleteAclsRequest::decode(buf, version)?),
            ApiKey::DescribeConfigs => Self::DescribeConfigs(super::DescribeConfigsRequest::decode(buf, version)?),
            ApiKey::AlterConfigs => Self::AlterConfigs(super::AlterConfigsRequest::decode(buf, version)?),
            ApiKey::AlterReplicaLogDirs => Self::AlterReplicaLogDirs(super::AlterReplicaLogDirsRequest::decode(buf, version)?),
            ApiKey::DescribeLogDirs => Self::DescribeLogDirs(super::DescribeLogDirsRequest::decode(buf, version)?),
            ApiKey::SaslAuthenticate => Self::SaslAuthenticate(super::SaslAuthenticateRequest::decode(buf, version)?),
            ApiKey::CreatePartitions => Self::CreatePartitions(super::CreatePartitionsRequest::decode(buf, version)?),
            ApiKey::CreateDelegationToken => Self::CreateDelegationToken(super::CreateDelegationTokenRequest::decode(buf, version)?),
            ApiKey::RenewDelegationToken => Self::RenewDelegationToken(super::RenewDelegationTokenRequest::decode(buf, version)?),
            ApiKey::ExpireDelegationToken => Self::ExpireDelegationToken(super::ExpireDelegationTokenRequest::decode(buf, version)?),
            ApiKey::DescribeDelegationToken => Self::DescribeDelegationToken(super::DescribeDelegationTokenRequest::decode(buf, version)?),
            ApiKey::DeleteGroups => Self::DeleteGroups(super::DeleteGroupsRequest::decode(buf, version)?),
            ApiKey::ElectLeaders => Self::ElectLeaders(super::ElectLeadersRequest::decode(buf, version)?),
            ApiKey::IncrementalAlterConfigs => Self::IncrementalAlterConfigs(super::IncrementalAlterConfigsRequest::decode(buf, version)?),
            ApiKey::AlterPartitionReassignments => Self::AlterPartitionReassignments(super::AlterPartitionReassignmentsRequest::decode(buf, version)?),
            ApiKey::ListPartitionReassignments => Self::ListPartitionReassignments(super::ListPartitionReassignmentsRequest::decode(buf, version)?),
            ApiKey::OffsetDelete => Self::OffsetDelete(super::OffsetDeleteRequest::decode(buf, version)?),
            ApiKey::DescribeClientQuotas => Self::DescribeClientQuotas(super::DescribeClientQuotasRequest::decode(buf, version)?),
            ApiKey::AlterClientQuotas => Self::AlterClientQuotas(super::AlterClientQuotasRequest::decode(buf, version)?),
            ApiKey::DescribeUserScramCredentials => Self::DescribeUserScramCredentials(super::DescribeUserScramCredentialsRequest::decode(buf, version)?),
            ApiKey::AlterUserScramCredentials => Self::AlterUserScramCredentials(super::AlterUserScramCredentialsRequest::decode(buf, version)?),
            ApiKey::Vote => Self::Vote(super::VoteRequest::decode(buf, version)?),
            ApiKey::BeginQuorumEpoch => Self::BeginQuorumEpoch(super::BeginQuorumEpochRequest::decode(buf, version)?),
            ApiKey::EndQuorumEpoch => Self::EndQuorumEpoch(super::EndQuorumEpochRequest::decode(buf, version)?),
            ApiKey::DescribeQuorum => Self::DescribeQuorum(super::DescribeQuorumRequest::decode(buf, version)?),
            ApiKey::AlterPartition => Self::AlterPartition(super::AlterPartitionRequest::decode(buf, version)?),
            ApiKey::UpdateFeatures => Self::UpdateFeatures(super::UpdateFeaturesRequest::decode(buf, version)?),
            ApiKey::Envelope => Self::Envelope(super::EnvelopeRequest::decode(buf, version)?),
            ApiKey::FetchSnapshot => Self::FetchSnapshot(super::FetchSnapshotRequest::decode(buf, version)?),
            ApiKey::DescribeCluster => Self::DescribeCluster(super::DescribeClusterRequest::decode(buf, version)?),
            ApiKey::DescribeProducers => Self::DescribeProducers(super::DescribeProducersRequest::decode(buf, version)?),
            ApiKey::BrokerRegistration => Self::BrokerRegistration(super::BrokerRegistrationRequest::decode(buf, version)?),
            ApiKey::BrokerHeartbeat => Self::BrokerHeartbeat(super::BrokerHeartbeatRequest::decode(buf, version)?),
            ApiKey::UnregisterBroker => Self::UnregisterBroker(super::UnregisterBrokerRequest::decode(buf, version)?),
            ApiKey::DescribeTransactions => Self::DescribeTransactions(super::DescribeTransactionsRequest::decode(buf, version)?),
            ApiKey::ListTransactions => Self::ListTransactions(super::ListTransactionsRequest::decode(buf, version)?),
            ApiKey::AllocateProducerIds => Self::AllocateProducerIds(super::AllocateProducerIdsRequest::decode(buf, version)?),
            ApiKey::ConsumerGroupHeartbeat => Self::ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::ConsumerGroupDescribe => Self::ConsumerGroupDescribe(super::ConsumerGroupDescribeRequest::decode(buf, version)?),
            ApiKey::ControllerRegistration => Self::ControllerRegistration(super::ControllerRegistrationRequest::decode(buf, version)?),
            ApiKey::GetTelemetrySubscriptions => Self::GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsRequest::decode(buf, version)?),
            ApiKey::PushTelemetry => Self::PushTelemetry(super::PushTelemetryRequest::decode(buf, version)?),
            ApiKey::AssignReplicasToDirs => Self::AssignReplicasToDirs(super::AssignReplicasToDirsRequest::decode(buf, version)?),
            ApiKey::ListConfigResources => Self::ListConfigResources(super::ListConfigResourcesRequest::decode(buf, version)?),
            ApiKey::DescribeTopicPartitions => Self::DescribeTopicPartitions(super::DescribeTopicPartitionsRequest::decode(buf, version)?),
            ApiKey::ShareGroupHeartbeat => Self::ShareGroupHeartbeat(super::ShareGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::ShareGroupDescribe => Self::ShareGroupDescribe(super::ShareGroupDescribeRequest::decode(buf, version)?),
            ApiKey::ShareFetch => Self::ShareFetch(super::ShareFetchRequest::decode(buf, version)?),
            ApiKey::ShareAcknowledge => Self::ShareAcknowledge(super::ShareAcknowledgeRequest::decode(buf, version)?),
            ApiKey::AddRaftVoter => Self::AddRaftVoter(super::AddRaftVoterRequest::decode(buf, version)?),
            ApiKey::RemoveRaftVoter => Self::RemoveRaftVoter(super::RemoveRaftVoterRequest::decode(buf, version)?),
            ApiKey::UpdateRaftVoter => Self::UpdateRaftVoter(super::UpdateRaftVoterRequest::decode(buf, version)?),
            ApiKey::InitializeShareGroupState => Self::InitializeShareGroupState(super::InitializeShareGroupStateRequest::decode(buf, version)?),
            ApiKey::ReadShareGroupState => Self::ReadShareGroupState(super::ReadShareGroupStateRequest::decode(buf, version)?),
            ApiKey::WriteShareGroupState => Self::WriteShareGroupState(super::WriteShareGroupStateRequest::decode(buf, version)?),
            ApiKey::DeleteShareGroupState => Self::DeleteShareGroupState(super::DeleteShareGroupStateRequest::decode(buf, version)?),
            ApiKey::ReadShareGroupStateSummary => Self::ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryRequest::decode(buf, version)?),
            ApiKey::StreamsGroupHeartbeat => Self::StreamsGroupHeartbeat(super::StreamsGroupHeartbeatRequest::decode(buf, version)?),
            ApiKey::StreamsGroupDescribe => Self::StreamsGroupDescribe(super::StreamsGroupDescribeRequest::decode(buf, version)?),
            ApiKey::DescribeShareGroupOffsets => Self::DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsRequest::decode(buf, version)?),
            ApiKey::AlterShareGroupOffsets => Self::AlterShareGroupOffsets(super::AlterShareGroupOffsetsRequest::decode(buf, version)?),
            ApiKey::DeleteShareGroupOffsets => Self::DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsRequest::decode(buf, version)?),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Self::StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateRequest::decode(buf, version)?),
            ApiKey::UnregisterController => Self::UnregisterController(super::UnregisterControllerRequest::decode(buf, version)?),
        })
    }

    /// Encodes the body at `version`.
    pub fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match self {
            Self::Produce(m) => m.encode(buf, version),
            Self::Fetch(m) => m.encode(buf, version),
            Self::ListOffsets(m) => m.encode(buf, version),
            Self::Metadata(m) => m.encode(buf, version),
            Self::OffsetCommit(m) => m.encode(buf, version),
            Self::OffsetFetch(m) => m.encode(buf, version),
            Self::FindCoordinator(m) => m.encode(buf, version),
            Self::JoinGroup(m) => m.encode(buf, version),
            Self::Heartbeat(m) => m.encode(buf, version),
            Self::LeaveGroup(m) => m.encode(buf, version),
            Self::SyncGroup(m) => m.encode(buf, version),
            Self::DescribeGroups(m) => m.encode(buf, version),
            Self::ListGroups(m) => m.encode(buf, version),
            Self::SaslHandshake(m) => m.encode(buf, version),
            Self::ApiVersions(m) => m.encode(buf, version),
            Self::CreateTopics(m) => m.encode(buf, version),
            Self::DeleteTopics(m) => m.encode(buf, version),
            Self::DeleteRecords(m) => m.encode(buf, version),
            Self::InitProducerId(m) => m.encode(buf, version),
            Self::OffsetForLeaderEpoch(m) => m.encode(buf, version),
            Self::AddPartitionsToTxn(m) => m.encode(buf, version),
            Self::AddOffsetsToTxn(m) => m.encode(buf, version),
            Self::EndTxn(m) => m.encode(buf, version),
            Self::WriteTxnMarkers(m) => m.encode(buf, version),
            Self::TxnOffsetCommit(m) => m.encode(buf, version),
            Self::DescribeAcls(m) => m.encode(buf, version),
            Self::CreateAcls(m) => m.encode(buf, version),
            Self::DeleteAcls(m) => m.encode(buf, version),
            Self::DescribeConfigs(m) => m.encode(buf, version),
            Self::AlterConfigs(m) => m.encode(buf, version),
            Self::AlterReplicaLogDirs(m) => m.encode(buf, version),
            Self::DescribeLogDirs(m) => m.encode(buf, version),
            Self::SaslAuthenticate(m) => m.encode(buf, version),
            Self::CreatePartitions(m) => m.encode(buf, version),
            Self::CreateDelegationToken(m) => m.encode(buf, version),
            Self::RenewDelegationToken(m) => m.encode(buf, version),
            Self::ExpireDelegationToken(m) => m.encode(buf, version),
            Self::DescribeDelegationToken(m) => m.encode(buf, version),
            Self::DeleteGroups(m) => m.encode(buf, version),
            Self::ElectLeaders(m) => m.encode(buf, version),
            Self::IncrementalAlterConfigs(m) => m.encode(buf, version),
            Self::AlterPartitionReassignments(m) => m.encode(buf, version),
            Self::ListPartitionReassignments(m) => m.encode(buf, version),
            Self::OffsetDelete(m) => m.encode(buf, version),
            Self::DescribeClientQuotas(m) => m.encode(buf, version),
            Self::AlterClientQuotas(m) => m.encode(buf, version),
            Self::DescribeUserScramCredentials(m) => m.encode(buf, version),
            Self::AlterUserScramCredentials(m) => m.encode(buf, version),
            Self::Vote(m) => m.encode(buf, version),
            Self::BeginQuorumEpoch(m) => m.encode(buf, version),
            Self::EndQuorumEpoch(m) => m.encode(buf, version),
            Self::DescribeQuorum(m) => m.encode(buf, version),
            Self::AlterPartition(m) => m.encode(buf, version),
            Self::UpdateFeatures(m) => m.encode(buf, version),
            Self::Envelope(m) => m.encode(buf, version),
            Self::FetchSnapshot(m) => m.encode(buf, version),
            Self::DescribeCluster(m) => m.encode(buf, version),
            Self::DescribeProducers(m) => m.encode(buf, version),
            Self::BrokerRegistration(m) => m.encode(buf, version),
            Self::BrokerHeartbeat(m) => m.encode(buf, version),
            Self::UnregisterBroker(m) => m.encode(buf, version),
            Self::DescribeTransactions(m) => m.encode(buf, version),
            Self::ListTransactions(m) => m.encode(buf, version),
            Self::AllocateProducerIds(m) => m.encode(buf, version),
            Self::ConsumerGroupHeartbeat(m) => m.encode(buf, version),
            Self::ConsumerGroupDescribe(m) => m.encode(buf, version),
            Self::ControllerRegistration(m) => m.encode(buf, version),
            Self::GetTelemetrySubscriptions(m) => m.encode(buf, version),
            Self::PushTelemetry(m) => m.encode(buf, version),
            Self::AssignReplicasToDirs(m) => m.encode(buf, version),
            Self::ListConfigResources(m) => m.encode(buf, version),
            Self::DescribeTopicPartitions(m) => m.encode(buf, version),
            Self::ShareGroupHeartbeat(m) => m.encode(buf, version),
            Self::ShareGroupDescribe(m) => m.encode(buf, version),
            Self::ShareFetch(m) => m.encode(buf, version),
            Self::ShareAcknowledge(m) => m.encode(buf, version),
            Self::AddRaftVoter(m) => m.encode(buf, version),
            Self::RemoveRaftVoter(m) => m.encode(buf, version),
            Self::UpdateRaftVoter(m) => m.encode(buf, version),
            Self::InitializeShareGroupState(m) => m.encode(buf, version),
            Self::ReadShareGroupState(m) => m.encode(buf, version),
            Self::WriteShareGroupState(m) => m.encode(buf, version),
            Self::DeleteShareGroupState(m) => m.encode(buf, version),
            Self::ReadShareGroupStateSummary(m) => m.encode(buf, version),
            Self::StreamsGroupHeartbeat(m) => m.encode(buf, version),
            Self::StreamsGroupDescribe(m) => m.encode(buf, version),
            Self::DescribeShareGroupOffsets(m) => m.encode(buf, version),
            Self::AlterShareGroupOffsets(m) => m.encode(buf, version),
            Self::DeleteShareGroupOffsets(m) => m.encode(buf, version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.encode(buf, version),
            Self::UnregisterController(m) => m.encode(buf, version),
        }
    }

    /// The encoded size of the body at `version`.
    pub fn encoded_len(&self, version: i16) -> usize {
        match self {
            Self::Produce(m) => m.encoded_len(version),
            Self::Fetch(m) => m.encoded_len(version),
            Self::ListOffsets(m) => m.encoded_len(version),
            Self::Metadata(m) => m.encoded_len(version),
            Self::OffsetCommit(m) => m.encoded_len(version),
            Self::OffsetFetch(m) => m.encoded_len(version),
            Self::FindCoordinator(m) => m.encoded_len(version),
            Self::JoinGroup(m) => m.encoded_len(version),
            Self::Heartbeat(m) => m.encoded_len(version),
            Self::LeaveGroup(m) => m.encoded_len(version),
            Self::SyncGroup(m) => m.encoded_len(version),
            Self::DescribeGroups(m) => m.encoded_len(version),
            Self::ListGroups(m) => m.encoded_len(version),
            Self::SaslHandshake(m) => m.encoded_len(version),
            Self::ApiVersions(m) => m.encoded_len(version),
            Self::CreateTopics(m) => m.encoded_len(version),
            Self::DeleteTopics(m) => m.encoded_len(version),
            Self::DeleteRecords(m) => m.encoded_len(version),
            Self::InitProducerId(m) => m.encoded_len(version),
            Self::OffsetForLeaderEpoch(m) => m.encoded_len(version),
            Self::AddPartitionsToTxn(m) => m.encoded_len(version),
            Self::AddOffsetsToTxn(m) => m.encoded_len(version),
            Self::EndTxn(m) => m.encoded_len(version),
            Self::WriteTxnMarkers(m) => m.encoded_len(version),
            Self::TxnOffsetCommit(m) => m.encoded_len(version),
            Self::DescribeAcls(m) => m.encoded_len(version),
            Self::CreateAcls(m) => m.encoded_len(version),
            Self::DeleteAcls(m) => m.encoded_len(version),
            Self::DescribeConfigs(m) => m.encoded_len(version),
            Self::AlterConfigs(m) => m.encoded_len(version),
            Self::AlterReplicaLogDirs(m) => m.encoded_len(version),
            Self::DescribeLogDirs(m) => m.encoded_len(version),
            Self::SaslAuthenticate(m) => m.encoded_len(version),
            Self::CreatePartitions(m) => m.encoded_len(version),
            Self::CreateDelegationToken(m) => m.encoded_len(version),
            Self::RenewDelegationToken(m) => m.encoded_len(version),
            Self::ExpireDelegationToken(m) => m.encoded_len(version),
            Self::DescribeDelegationToken(m) => m.encoded_len(version),
            Self::DeleteGroups(m) => m.encoded_len(version),
            Self::ElectLeaders(m) => m.encoded_len(version),
            Self::IncrementalAlterConfigs(m) => m.encoded_len(version),
            Self::AlterPartitionReassignments(m) => m.encoded_len(version),
            Self::ListPartitionReassignments(m) => m.encoded_len(version),
            Self::OffsetDelete(m) => m.encoded_len(version),
            Self::DescribeClientQuotas(m) => m.encoded_len(version),
            Self::AlterClientQuotas(m) => m.encoded_len(version),
            Self::DescribeUserScramCredentials(m) => m.encoded_len(version),
            Self::AlterUserScramCredentials(m) => m.encoded_len(version),
            Self::Vote(m) => m.encoded_len(version),
            Self::BeginQuorumEpoch(m) => m.encoded_len(version),
            Self::EndQuorumEpoch(m) => m.encoded_len(version),
            Self::DescribeQuorum(m) => m.encoded_len(version),
            Self::AlterPartition(m) => m.encoded_len(version),
            Self::UpdateFeatures(m) => m.encoded_len(version),
            Self::Envelope(m) => m.encoded_len(version),
            Self::FetchSnapshot(m) => m.encoded_len(version),
            Self::DescribeCluster(m) => m.encoded_len(version),
            Self::DescribeProducers(m) => m.encoded_len(version),
            Self::BrokerRegistration(m) => m.encoded_len(version),
            Self::BrokerHeartbeat(m) => m.encoded_len(version),
            Self::UnregisterBroker(m) => m.encoded_len(version),
            Self::DescribeTransactions(m) => m.encoded_len(version),
            Self::ListTransactions(m) => m.encoded_len(version),
            Self::AllocateProducerIds(m) => m.encoded_len(version),
            Self::ConsumerGroupHeartbeat(m) => m.encoded_len(version),
            Self::ConsumerGroupDescribe(m) => m.encoded_len(version),
            Self::ControllerRegistration(m) => m.encoded_len(version),
            Self::GetTelemetrySubscriptions(m) => m.encoded_len(version),
            Self::PushTelemetry(m) => m.encoded_len(version),
            Self::AssignReplicasToDirs(m) => m.encoded_len(version),
            Self::ListConfigResources(m) => m.encoded_len(version),
            Self::DescribeTopicPartitions(m) => m.encoded_len(version),
            Self::ShareGroupHeartbeat(m) => m.encoded_len(version),
            Self::ShareGroupDescribe(m) => m.encoded_len(version),
            Self::ShareFetch(m) => m.encoded_len(version),
            Self::ShareAcknowledge(m) => m.encoded_len(version),
            Self::AddRaftVoter(m) => m.encoded_len(version),
            Self::RemoveRaftVoter(m) => m.encoded_len(version),
            Self::UpdateRaftVoter(m) => m.encoded_len(version),
            Self::InitializeShareGroupState(m) => m.encoded_len(version),
            Self::ReadShareGroupState(m) => m.encoded_len(version),
            Self::WriteShareGroupState(m) => m.encoded_len(version),
            Self::DeleteShareGroupState(m) => m.encoded_len(version),
            Self::ReadShareGroupStateSummary(m) => m.encoded_len(version),
            Self::StreamsGroupHeartbeat(m) => m.encoded_len(version),
            Self::StreamsGroupDescribe(m) => m.encoded_len(version),
            Self::DescribeShareGroupOffsets(m) => m.encoded_len(version),
            Self::AlterShareGroupOffsets(m) => m.encoded_len(version),
            Self::DeleteShareGroupOffsets(m) => m.encoded_len(version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.encoded_len(version),
            Self::UnregisterController(m) => m.encoded_len(version),
        }
    }

    /// The body in the Java client's JSON layout.
    #[cfg(feature = "json")]
    pub fn to_json(&self, version: i16) -> serde_json::Value {
        use crate::json::ToJson;
        match self {
            Self::Produce(m) => m.to_json(version),
            Self::Fetch(m) => m.to_json(version),
            Self::ListOffsets(m) => m.to_json(version),
            Self::Metadata(m) => m.to_json(version),
            Self::OffsetCommit(m) => m.to_json(version),
            Self::OffsetFetch(m) => m.to_json(version),
            Self::FindCoordinator(m) => m.to_json(version),
            Self::JoinGroup(m) => m.to_json(version),
            Self::Heartbeat(m) => m.to_json(version),
            Self::LeaveGroup(m) => m.to_json(version),
            Self::SyncGroup(m) => m.to_json(version),
            Self::DescribeGroups(m) => m.to_json(version),
            Self::ListGroups(m) => m.to_json(version),
            Self::SaslHandshake(m) => m.to_json(version),
            Self::ApiVersions(m) => m.to_json(version),
            Self::CreateTopics(m) => m.to_json(version),
            Self::DeleteTopics(m) => m.to_json(version),
            Self::DeleteRecords(m) => m.to_json(version),
            Self::InitProducerId(m) => m.to_json(version),
            Self::OffsetForLeaderEpoch(m) => m.to_json(version),
            Self::AddPartitionsToTxn(m) => m.to_json(version),
            Self::AddOffsetsToTxn(m) => m.to_json(version),
            Self::EndTxn(m) => m.to_json(version),
            Self::WriteTxnMarkers(m) => m.to_json(version),
            Self::TxnOffsetCommit(m) => m.to_json(version),
            Self::DescribeAcls(m) => m.to_json(version),
            Self::CreateAcls(m) => m.to_json(version),
            Self::DeleteAcls(m) => m.to_json(version),
            Self::DescribeConfigs(m) => m.to_json(version),
            Self::AlterConfigs(m) => m.to_json(version),
            Self::AlterReplicaLogDirs(m) => m.to_json(version),
            Self::DescribeLogDirs(m) => m.to_json(version),
            Self::SaslAuthenticate(m) => m.to_json(version),
            Self::CreatePartitions(m) => m.to_json(version),
            Self::CreateDelegationToken(m) => m.to_json(version),
            Self::RenewDelegationToken(m) => m.to_json(version),
            Self::ExpireDelegationToken(m) => m.to_json(version),
            Self::DescribeDelegationToken(m) => m.to_json(version),
            Self::DeleteGroups(m) => m.to_json(version),
            Self::ElectLeaders(m) => m.to_json(version),
            Self::IncrementalAlterConfigs(m) => m.to_json(version),
            Self::AlterPartitionReassignments(m) => m.to_json(version),
            Self::ListPartitionReassignments(m) => m.to_json(version),
            Self::OffsetDelete(m) => m.to_json(version),
            Self::DescribeClientQuotas(m) => m.to_json(version),
            Self::AlterClientQuotas(m) => m.to_json(version),
            Self::DescribeUserScramCredentials(m) => m.to_json(version),
            Self::AlterUserScramCredentials(m) => m.to_json(version),
            Self::Vote(m) => m.to_json(version),
            Self::BeginQuorumEpoch(m) => m.to_json(version),
            Self::EndQuorumEpoch(m) => m.to_json(version),
            Self::DescribeQuorum(m) => m.to_json(version),
            Self::AlterPartition(m) => m.to_json(version),
            Self::UpdateFeatures(m) => m.to_json(version),
            Self::Envelope(m) => m.to_json(version),
            Self::FetchSnapshot(m) => m.to_json(version),
            Self::DescribeCluster(m) => m.to_json(version),
            Self::DescribeProducers(m) => m.to_json(version),
            Self::BrokerRegistration(m) => m.to_json(version),
            Self::BrokerHeartbeat(m) => m.to_json(version),
            Self::UnregisterBroker(m) => m.to_json(version),
            Self::DescribeTransactions(m) => m.to_json(version),
            Self::ListTransactions(m) => m.to_json(version),
            Self::AllocateProducerIds(m) => m.to_json(version),
            Self::ConsumerGroupHeartbeat(m) => m.to_json(version),
            Self::ConsumerGroupDescribe(m) => m.to_json(version),
            Self::ControllerRegistration(m) => m.to_json(version),
            Self::GetTelemetrySubscriptions(m) => m.to_json(version),
            Self::PushTelemetry(m) => m.to_json(version),
            Self::AssignReplicasToDirs(m) => m.to_json(version),
            Self::ListConfigResources(m) => m.to_json(version),
            Self::DescribeTopicPartitions(m) => m.to_json(version),
            Self::ShareGroupHeartbeat(m) => m.to_json(version),
            Self::ShareGroupDescribe(m) => m.to_json(version),
            Self::ShareFetch(m) => m.to_json(version),
            Self::ShareAcknowledge(m) => m.to_json(version),
            Self::AddRaftVoter(m) => m.to_json(version),
            Self::RemoveRaftVoter(m) => m.to_json(version),
            Self::UpdateRaftVoter(m) => m.to_json(version),
            Self::InitializeShareGroupState(m) => m.to_json(version),
            Self::ReadShareGroupState(m) => m.to_json(version),
            Self::WriteShareGroupState(m) => m.to_json(version),
            Self::DeleteShareGroupState(m) => m.to_json(version),
            Self::ReadShareGroupStateSummary(m) => m.to_json(version),
            Self::StreamsGroupHeartbeat(m) => m.to_json(version),
            Self::StreamsGroupDescribe(m) => m.to_json(version),
            Self::DescribeShareGroupOffsets(m) => m.to_json(version),
            Self::AlterShareGroupOffsets(m) => m.to_json(version),
            Self::DeleteShareGroupOffsets(m) => m.to_json(version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.to_json(version),
            Self::UnregisterController(m) => m.to_json(version),
        }
    }

    /// A random request body of `api_key`, valid at `version`.
    #[cfg(feature = "random")]
    pub fn random(api_key: ApiKey, rng: &mut crate::random::Rng, version: i16) -> Self {
        use crate::random::Random;
        match api_key {
            ApiKey::Produce => Self::Produce(super::ProduceRequest::random(rng, version)),
            ApiKey::Fetch => Self::Fetch(super::FetchRequest::random(rng, version)),
            ApiKey::ListOffsets => Self::ListOffsets(super::ListOffsetsRequest::random(rng, version)),
            ApiKey::Metadata => Self::Metadata(super::MetadataRequest::random(rng, version)),
            ApiKey::OffsetCommit => Self::OffsetCommit(super::OffsetCommitRequest::random(rng, version)),
            ApiKey::OffsetFetch => Self::OffsetFetch(super::OffsetFetchRequest::random(rng, version)),
            ApiKey::FindCoordinator => Self::FindCoordinator(super::FindCoordinatorRequest::random(rng, version)),
            ApiKey::JoinGroup => Self::JoinGroup(super::JoinGroupRequest::random(rng, version)),
            ApiKey::Heartbeat => Self::Heartbeat(super::HeartbeatRequest::random(rng, version)),
            ApiKey::LeaveGroup => Self::LeaveGroup(super::LeaveGroupRequest::random(rng, version)),
            ApiKey::SyncGroup => Self::SyncGroup(super::SyncGroupRequest::random(rng, version)),
            ApiKey::DescribeGroups => Self::DescribeGroups(super::DescribeGroupsRequest::random(rng, version)),
            ApiKey::ListGroups => Self::ListGroups(super::ListGroupsRequest::random(rng, version)),
            ApiKey::SaslHandshake => Self::SaslHandshake(super::SaslHandshakeRequest::random(rng, version)),
            ApiKey::ApiVersions => Self::ApiVersions(super::ApiVersionsRequest::random(rng, version)),
            ApiKey::CreateTopics => Self::CreateTopics(super::CreateTopicsRequest::random(rng, version)),
            ApiKey::DeleteTopics => Self::DeleteTopics(super::DeleteTopicsRequest::random(rng, version)),
            ApiKey::DeleteRecords => Self::DeleteRecords(super::DeleteRecordsRequest::random(rng, version)),
            ApiKey::InitProducerId => Self::InitProducerId(super::InitProducerIdRequest::random(rng, version)),
            ApiKey::OffsetForLeaderEpoch => Self::OffsetForLeaderEpoch(super::OffsetForLeaderEpochRequest::random(rng, version)),
            ApiKey::AddPartitionsToTxn => Self::AddPartitionsToTxn(super::AddPartitionsToTxnRequest::random(rng, version)),
            ApiKey::AddOffsetsToTxn => Self::AddOffsetsToTxn(super::AddOffsetsToTxnRequest::random(rng, version)),
            ApiKey::EndTxn => Self::EndTxn(super::EndTxnRequest::random(rng, version)),
            ApiKey::WriteTxnMarkers => Self::WriteTxnMarkers(super::WriteTxnMarkersRequest::random(rng, version)),
            ApiKey::TxnOffsetCommit => Self::TxnOffsetCommit(super::TxnOffsetCommitRequest::random(rng, version)),
            ApiKey::DescribeAcls => Self::DescribeAcls(super::DescribeAclsRequest::random(rng, version)),
            ApiKey::CreateAcls => Self::CreateAcls(super::CreateAclsRequest::random(rng, version)),
            ApiKey::DeleteAcls => Self::DeleteAcls(super::DeleteAclsRequest::random(rng, version)),
            ApiKey::DescribeConfigs => Self::DescribeConfigs(super::DescribeConfigsRequest::random(rng, version)),
            ApiKey::AlterConfigs => Self::AlterConfigs(super::AlterConfigsRequest::random(rng, version)),
            ApiKey::AlterReplicaLogDirs => Self::AlterReplicaLogDirs(super::AlterReplicaLogDirsRequest::random(rng, version)),
            ApiKey::DescribeLogDirs => Self::DescribeLogDirs(super::DescribeLogDirsRequest::random(rng, version)),
            ApiKey::SaslAuthenticate => Self::SaslAuthenticate(super::SaslAuthenticateRequest::random(rng, version)),
            ApiKey::CreatePartitions => Self::CreatePartitions(super::CreatePartitionsRequest::random(rng, version)),
            ApiKey::CreateDelegationToken => Self::CreateDelegationToken(super::CreateDelegationTokenRequest::random(rng, version)),
            ApiKey::RenewDelegationToken => Self::RenewDelegationToken(super::RenewDelegationTokenRequest::random(rng, version)),
            ApiKey::ExpireDelegationToken => Self::ExpireDelegationToken(super::ExpireDelegationTokenRequest::random(rng, version)),
            ApiKey::DescribeDelegationToken => Self::DescribeDelegationToken(super::DescribeDelegationTokenRequest::random(rng, version)),
            ApiKey::DeleteGroups => Self::DeleteGroups(super::DeleteGroupsRequest::random(rng, version)),
            ApiKey::ElectLeaders => Self::ElectLeaders(super::ElectLeadersRequest::random(rng, version)),
            ApiKey::IncrementalAlterConfigs => Self::IncrementalAlterConfigs(super::IncrementalAlterConfigsRequest::random(rng, version)),
            ApiKey::AlterPartitionReassignments => Self::AlterPartitionReassignments(super::AlterPartitionReassignmentsRequest::random(rng, version)),
            ApiKey::ListPartitionReassignments => Self::ListPartitionReassignments(super::ListPartitionReassignmentsRequest::random(rng, version)),
            ApiKey::OffsetDelete => Self::OffsetDelete(super::OffsetDeleteRequest::random(rng, version)),
            ApiKey::DescribeClientQuotas => Self::DescribeClientQuotas(super::DescribeClientQuotasRequest::random(rng, version)),
            ApiKey::AlterClientQuotas => Self::AlterClientQuotas(super::AlterClientQuotasRequest::random(rng, version)),
            ApiKey::DescribeUserScramCredentials => Self::DescribeUserScramCredentials(super::DescribeUserScramCredentialsRequest::random(rng, version)),
            ApiKey::AlterUserScramCredentials => Self::AlterUserScramCredentials(super::AlterUserScramCredentialsRequest::random(rng, version)),
            ApiKey::Vote => Self::Vote(super::VoteRequest::random(rng, version)),
            ApiKey::BeginQuorumEpoch => Self::BeginQuorumEpoch(super::BeginQuorumEpochRequest::random(rng, version)),
            ApiKey::EndQuorumEpoch => Self::EndQuorumEpoch(super::EndQuorumEpochRequest::random(rng, version)),
            ApiKey::DescribeQuorum => Self::DescribeQuorum(super::DescribeQuorumRequest::random(rng, version)),
            ApiKey::AlterPartition => Self::AlterPartition(super::AlterPartitionRequest::random(rng, version)),
            ApiKey::UpdateFeatures => Self::UpdateFeatures(super::UpdateFeaturesRequest::random(rng, version)),
            ApiKey::Envelope => Self::Envelope(super::EnvelopeRequest::random(rng, version)),
            ApiKey::FetchSnapshot => Self::FetchSnapshot(super::FetchSnapshotRequest::random(rng, version)),
            ApiKey::DescribeCluster => Self::DescribeCluster(super::DescribeClusterRequest::random(rng, version)),
            ApiKey::DescribeProducers => Self::DescribeProducers(super::DescribeProducersRequest::random(rng, version)),
            ApiKey::BrokerRegistration => Self::BrokerRegistration(super::BrokerRegistrationRequest::random(rng, version)),
            ApiKey::BrokerHeartbeat => Self::BrokerHeartbeat(super::BrokerHeartbeatRequest::random(rng, version)),
            ApiKey::UnregisterBroker => Self::UnregisterBroker(super::UnregisterBrokerRequest::random(rng, version)),
            ApiKey::DescribeTransactions => Self::DescribeTransactions(super::DescribeTransactionsRequest::random(rng, version)),
            ApiKey::ListTransactions => Self::ListTransactions(super::ListTransactionsRequest::random(rng, version)),
            ApiKey::AllocateProducerIds => Self::AllocateProducerIds(super::AllocateProducerIdsRequest::random(rng, version)),
            ApiKey::ConsumerGroupHeartbeat => Self::ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatRequest::random(rng, version)),
            ApiKey::ConsumerGroupDescribe => Self::ConsumerGroupDescribe(super::ConsumerGroupDescribeRequest::random(rng, version)),
            ApiKey::ControllerRegistration => Self::ControllerRegistration(super::ControllerRegistrationRequest::random(rng, version)),
            ApiKey::GetTelemetrySubscriptions => Self::GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsRequest::random(rng, version)),
            ApiKey::PushTelemetry => Self::PushTelemetry(super::PushTelemetryRequest::random(rng, version)),
            ApiKey::AssignReplicasToDirs => Self::AssignReplicasToDirs(super::AssignReplicasToDirsRequest::random(rng, version)),
            ApiKey::ListConfigResources => Self::ListConfigResources(super::ListConfigResourcesRequest::random(rng, version)),
            ApiKey::DescribeTopicPartitions => Self::DescribeTopicPartitions(super::DescribeTopicPartitionsRequest::random(rng, version)),
            ApiKey::ShareGroupHeartbeat => Self::ShareGroupHeartbeat(super::ShareGroupHeartbeatRequest::random(rng, version)),
            ApiKey::ShareGroupDescribe => Self::ShareGroupDescribe(super::ShareGroupDescribeRequest::random(rng, version)),
            ApiKey::ShareFetch => Self::ShareFetch(super::ShareFetchRequest::random(rng, version)),
            ApiKey::ShareAcknowledge => Self::ShareAcknowledge(super::ShareAcknowledgeRequest::random(rng, version)),
            ApiKey::AddRaftVoter => Self::AddRaftVoter(super::AddRaftVoterRequest::random(rng, version)),
            ApiKey::RemoveRaftVoter => Self::RemoveRaftVoter(super::RemoveRaftVoterRequest::random(rng, version)),
            ApiKey::UpdateRaftVoter => Self::UpdateRaftVoter(super::UpdateRaftVoterRequest::random(rng, version)),
            ApiKey::InitializeShareGroupState => Self::InitializeShareGroupState(super::InitializeShareGroupStateRequest::random(rng, version)),
            ApiKey::ReadShareGroupState => Self::ReadShareGroupState(super::ReadShareGroupStateRequest::random(rng, version)),
            ApiKey::WriteShareGroupState => Self::WriteShareGroupState(super::WriteShareGroupStateRequest::random(rng, version)),
            ApiKey::DeleteShareGroupState => Self::DeleteShareGroupState(super::DeleteShareGroupStateRequest::random(rng, version)),
            ApiKey::ReadShareGroupStateSummary => Self::ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryRequest::random(rng, version)),
            ApiKey::StreamsGroupHeartbeat => Self::StreamsGroupHeartbeat(super::StreamsGroupHeartbeatRequest::random(rng, version)),
            ApiKey::StreamsGroupDescribe => Self::StreamsGroupDescribe(super::StreamsGroupDescribeRequest::random(rng, version)),
            ApiKey::DescribeShareGroupOffsets => Self::DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsRequest::random(rng, version)),
            ApiKey::AlterShareGroupOffsets => Self::AlterShareGroupOffsets(super::AlterShareGroupOffsetsRequest::random(rng, version)),
            ApiKey::DeleteShareGroupOffsets => Self::DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsRequest::random(rng, version)),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Self::StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateRequest::random(rng, version)),
            ApiKey::UnregisterController => Self::UnregisterController(super::UnregisterControllerRequest::random(rng, version)),
        }
    }
}

impl From<super::ProduceRequest> for RequestBody {
    fn from(m: super::ProduceRequest) -> Self {
        Self::Produce(m)
    }
}

impl From<super::FetchRequest> for RequestBody {
    fn from(m: super::FetchRequest) -> Self {
        Self::Fetch(m)
    }
}

impl From<super::ListOffsetsRequest> for RequestBody {
    fn from(m: super::ListOffsetsRequest) -> Self {
        Self::ListOffsets(m)
    }
}

impl From<super::MetadataRequest> for RequestBody {
    fn from(m: super::MetadataRequest) -> Self {
        Self::Metadata(m)
    }
}

impl From<super::OffsetCommitRequest> for RequestBody {
    fn from(m: super::OffsetCommitRequest) -> Self {
        Self::OffsetCommit(m)
    }
}

impl From<super::OffsetFetchRequest> for RequestBody {
    fn from(m: super::OffsetFetchRequest) -> Self {
        Self::OffsetFetch(m)
    }
}

impl From<super::FindCoordinatorRequest> for RequestBody {
    fn from(m: super::FindCoordinatorRequest) -> Self {
        Self::FindCoordinator(m)
    }
}

impl From<super::JoinGroupRequest> for RequestBody {
    fn from(m: super::JoinGroupRequest) -> Self {
        Self::JoinGroup(m)
    }
}

impl From<super::HeartbeatRequest> for RequestBody {
    fn from(m: super::HeartbeatRequest) -> Self {
        Self::Heartbeat(m)
    }
}

impl From<super::LeaveGroupRequest> for RequestBody {
    fn from(m: super::LeaveGroupRequest) -> Self {
        Self::LeaveGroup(m)
    }
}

impl From<super::SyncGroupRequest> for RequestBody {
    fn from(m: super::SyncGroupRequest) -> Self {
        Self::SyncGroup(m)
    }
}

impl From<super::DescribeGroupsRequest> for RequestBody {
    fn from(m: super::DescribeGroupsRequest) -> Self {
        Self::DescribeGroups(m)
    }
}

impl From<super::ListGroupsRequest> for RequestBody {
    fn from(m: super::ListGroupsRequest) -> Self {
        Self::ListGroups(m)
    }
}

impl From<super::SaslHandshakeRequest> for RequestBody {
    fn from(m: super::SaslHandshakeRequest) -> Self {
        Self::SaslHandshake(m)
    }
}

impl From<super::ApiVersionsRequest> for RequestBody {
    fn from(m: super::ApiVersionsRequest) -> Self {
        Self::ApiVersions(m)
    }
}

impl From<super::CreateTopicsRequest> for RequestBody {
    fn from(m: super::CreateTopicsRequest) -> Self {
        Self::CreateTopics(m)
    }
}

impl From<super::DeleteTopicsRequest> for RequestBody {
    fn from(m: super::DeleteTopicsRequest) -> Self {
        Self::DeleteTopics(m)
    }
}

impl From<super::DeleteRecordsRequest> for RequestBody {
    fn from(m: super::DeleteRecordsRequest) -> Self {
        Self::DeleteRecords(m)
    }
}

impl From<super::InitProducerIdRequest> for RequestBody {
    fn from(m: super::InitProducerIdRequest) -> Self {
        Self::InitProducerId(m)
    }
}

impl From<super::OffsetForLeaderEpochRequest> for RequestBody {
    fn from(m: super::OffsetForLeaderEpochRequest) -> Self {
        Self::OffsetForLeaderEpoch(m)
    }
}

impl From<super::AddPartitionsToTxnRequest> for RequestBody {
    fn from(m: super::AddPartitionsToTxnRequest) -> Self {
        Self::AddPartitionsToTxn(m)
    }
}

impl From<super::AddOffsetsToTxnRequest> for RequestBody {
    fn from(m: super::AddOffsetsToTxnRequest) -> Self {
        Self::AddOffsetsToTxn(m)
    }
}

impl From<super::EndTxnRequest> for RequestBody {
    fn from(m: super::EndTxnRequest) -> Self {
        Self::EndTxn(m)
    }
}

impl From<super::WriteTxnMarkersRequest> for RequestBody {
    fn from(m: super::WriteTxnMarkersRequest) -> Self {
        Self::WriteTxnMarkers(m)
    }
}

impl From<super::TxnOffsetCommitRequest> for RequestBody {
    fn from(m: super::TxnOffsetCommitRequest) -> Self {
        Self::TxnOffsetCommit(m)
    }
}

impl From<super::DescribeAclsRequest> for RequestBody {
    fn from(m: super::DescribeAclsRequest) -> Self {
        Self::DescribeAcls(m)
    }
}

impl From<super::CreateAclsRequest> for RequestBody {
    fn from(m: super::CreateAclsRequest) -> Self {
        Self::CreateAcls(m)
    }
}

impl From<super::DeleteAclsRequest> for RequestBody {
    fn from(m: super::DeleteAclsRequest) -> Self {
        Self::DeleteAcls(m)
    }
}

impl From<super::DescribeConfigsRequest> for RequestBody {
    fn from(m: super::DescribeConfigsRequest) -> Self {
        Self::DescribeConfigs(m)
    }
}

impl From<super::AlterConfigsRequest> for RequestBody {
    fn from(m: super::AlterConfigsRequest) -> Self {
        Self::AlterConfigs(m)
    }
}

impl From<super::AlterReplicaLogDirsRequest> for RequestBody {
    fn from(m: super::AlterReplicaLogDirsRequest) -> Self {
        Self::AlterReplicaLogDirs(m)
    }
}

impl From<super::DescribeLogDirsRequest> for RequestBody {
    fn from(m: super::DescribeLogDirsRequest) -> Self {
        Self::DescribeLogDirs(m)
    }
}

impl From<super::SaslAuthenticateRequest> for RequestBody {
    fn from(m: super::SaslAuthenticateRequest) -> Self {
        Self::SaslAuthenticate(m)
    }
}

impl From<super::CreatePartitionsRequest> for RequestBody {
    fn from(m: super::CreatePartitionsRequest) -> Self {
        Self::CreatePartitions(m)
    }
}

impl From<super::CreateDelegationTokenRequest> for RequestBody {
    fn from(m: super::CreateDelegationTokenRequest) -> Self {
        Self::CreateDelegationToken(m)
    }
}

impl From<super::RenewDelegationTokenRequest> for RequestBody {
    fn from(m: super::RenewDelegationTokenRequest) -> Self {
        Self::RenewDelegationToken(m)
    }
}

impl From<super::ExpireDelegationTokenRequest> for RequestBody {
    fn from(m: super::ExpireDelegationTokenRequest) -> Self {
        Self::ExpireDelegationToken(m)
    }
}

impl From<super::DescribeDelegationTokenRequest> for RequestBody {
    fn from(m: super::DescribeDelegationTokenRequest) -> Self {
        Self::DescribeDelegationToken(m)
    }
}

impl From<super::DeleteGroupsRequest> for RequestBody {
    fn from(m: super::DeleteGroupsRequest) -> Self {
        Self::DeleteGroups(m)
    }
}

impl From<super::ElectLeadersRequest> for RequestBody {
    fn from(m: super::ElectLeadersRequest) -> Self {
        Self::ElectLeaders(m)
    }
}

impl From<super::IncrementalAlterConfigsRequest> for RequestBody {
    fn from(m: super::IncrementalAlterConfigsRequest) -> Self {
        Self::IncrementalAlterConfigs(m)
    }
}

impl From<super::AlterPartitionReassignmentsRequest> for RequestBody {
    fn from(m: super::AlterPartitionReassignmentsRequest) -> Self {
        Self::AlterPartitionReassignments(m)
    }
}

impl From<super::ListPartitionReassignmentsRequest> for RequestBody {
    fn from(m: super::ListPartitionReassignmentsRequest) -> Self {
        Self::ListPartitionReassignments(m)
    }
}

impl From<super::OffsetDeleteRequest> for RequestBody {
    fn from(m: super::OffsetDeleteRequest) -> Self {
        Self::OffsetDelete(m)
    }
}

impl From<super::DescribeClientQuotasRequest> for RequestBody {
    fn from(m: super::DescribeClientQuotasRequest) -> Self {
        Self::DescribeClientQuotas(m)
    }
}

impl From<super::AlterClientQuotasRequest> for RequestBody {
    fn from(m: super::AlterClientQuotasRequest) -> Self {
        Self::AlterClientQuotas(m)
    }
}

impl From<super::DescribeUserScramCredentialsRequest> for RequestBody {
    fn from(m: super::DescribeUserScramCredentialsRequest) -> Self {
        Self::DescribeUserScramCredentials(m)
    }
}

impl From<super::AlterUserScramCredentialsRequest> for RequestBody {
    fn from(m: super::AlterUserScramCredentialsRequest) -> Self {
        Self::AlterUserScramCredentials(m)
    }
}

impl From<super::VoteRequest> for RequestBody {
    fn from(m: super::VoteRequest) -> Self {
        Self::Vote(m)
    }
}

impl From<super::BeginQuorumEpochRequest> for RequestBody {
    fn from(m: super::BeginQuorumEpochRequest) -> Self {
        Self::BeginQuorumEpoch(m)
    }
}

impl From<super::EndQuorumEpochRequest> for RequestBody {
    fn from(m: super::EndQuorumEpochRequest) -> Self {
        Self::EndQuorumEpoch(m)
    }
}

impl From<super::DescribeQuorumRequest> for RequestBody {
    fn from(m: super::DescribeQuorumRequest) -> Self {
        Self::DescribeQuorum(m)
    }
}

impl From<super::AlterPartitionRequest> for RequestBody {
    fn from(m: super::AlterPartitionRequest) -> Self {
        Self::AlterPartition(m)
    }
}

impl From<super::UpdateFeaturesRequest> for RequestBody {
    fn from(m: super::UpdateFeaturesRequest) -> Self {
        Self::UpdateFeatures(m)
    }
}

impl From<super::EnvelopeRequest> for RequestBody {
    fn from(m: super::EnvelopeRequest) -> Self {
        Self::Envelope(m)
    }
}

impl From<super::FetchSnapshotRequest> for RequestBody {
    fn from(m: super::FetchSnapshotRequest) -> Self {
        Self::FetchSnapshot(m)
    }
}

impl From<super::DescribeClusterRequest> for RequestBody {
    fn from(m: super::DescribeClusterRequest) -> Self {
        Self::DescribeCluster(m)
    }
}

impl From<super::DescribeProducersRequest> for RequestBody {
    fn from(m: super::DescribeProducersRequest) -> Self {
        Self::DescribeProducers(m)
    }
}

impl From<super::BrokerRegistrationRequest> for RequestBody {
    fn from(m: super::BrokerRegistrationRequest) -> Self {
        Self::BrokerRegistration(m)
    }
}

impl From<super::BrokerHeartbeatRequest> for RequestBody {
    fn from(m: super::BrokerHeartbeatRequest) -> Self {
        Self::BrokerHeartbeat(m)
    }
}

impl From<super::UnregisterBrokerRequest> for RequestBody {
    fn from(m: super::UnregisterBrokerRequest) -> Self {
        Self::UnregisterBroker(m)
    }
}

impl From<super::DescribeTransactionsRequest> for RequestBody {
    fn from(m: super::DescribeTransactionsRequest) -> Self {
        Self::DescribeTransactions(m)
    }
}

impl From<super::ListTransactionsRequest> for RequestBody {
    fn from(m: super::ListTransactionsRequest) -> Self {
        Self::ListTransactions(m)
    }
}

impl From<super::AllocateProducerIdsRequest> for RequestBody {
    fn from(m: super::AllocateProducerIdsRequest) -> Self {
        Self::AllocateProducerIds(m)
    }
}

impl From<super::ConsumerGroupHeartbeatRequest> for RequestBody {
    fn from(m: super::ConsumerGroupHeartbeatRequest) -> Self {
        Self::ConsumerGroupHeartbeat(m)
    }
}

impl From<super::ConsumerGroupDescribeRequest> for RequestBody {
    fn from(m: super::ConsumerGroupDescribeRequest) -> Self {
        Self::ConsumerGroupDescribe(m)
    }
}

impl From<super::ControllerRegistrationRequest> for RequestBody {
    fn from(m: super::ControllerRegistrationRequest) -> Self {
        Self::ControllerRegistration(m)
    }
}

impl From<super::GetTelemetrySubscriptionsRequest> for RequestBody {
    fn from(m: super::GetTelemetrySubscriptionsRequest) -> Self {
        Self::GetTelemetrySubscriptions(m)
    }
}

impl From<super::PushTelemetryRequest> for RequestBody {
    fn from(m: super::PushTelemetryRequest) -> Self {
        Self::PushTelemetry(m)
    }
}

impl From<super::AssignReplicasToDirsRequest> for RequestBody {
    fn from(m: super::AssignReplicasToDirsRequest) -> Self {
        Self::AssignReplicasToDirs(m)
    }
}

impl From<super::ListConfigResourcesRequest> for RequestBody {
    fn from(m: super::ListConfigResourcesRequest) -> Self {
        Self::ListConfigResources(m)
    }
}

impl From<super::DescribeTopicPartitionsRequest> for RequestBody {
    fn from(m: super::DescribeTopicPartitionsRequest) -> Self {
        Self::DescribeTopicPartitions(m)
    }
}

impl From<super::ShareGroupHeartbeatRequest> for RequestBody {
    fn from(m: super::ShareGroupHeartbeatRequest) -> Self {
        Self::ShareGroupHeartbeat(m)
    }
}

impl From<super::ShareGroupDescribeRequest> for RequestBody {
    fn from(m: super::ShareGroupDescribeRequest) -> Self {
        Self::ShareGroupDescribe(m)
    }
}

impl From<super::ShareFetchRequest> for RequestBody {
    fn from(m: super::ShareFetchRequest) -> Self {
        Self::ShareFetch(m)
    }
}

impl From<super::ShareAcknowledgeRequest> for RequestBody {
    fn from(m: super::ShareAcknowledgeRequest) -> Self {
        Self::ShareAcknowledge(m)
    }
}

impl From<super::AddRaftVoterRequest> for RequestBody {
    fn from(m: super::AddRaftVoterRequest) -> Self {
        Self::AddRaftVoter(m)
    }
}

impl From<super::RemoveRaftVoterRequest> for RequestBody {
    fn from(m: super::RemoveRaftVoterRequest) -> Self {
        Self::RemoveRaftVoter(m)
    }
}

impl From<super::UpdateRaftVoterRequest> for RequestBody {
    fn from(m: super::UpdateRaftVoterRequest) -> Self {
        Self::UpdateRaftVoter(m)
    }
}

impl From<super::InitializeShareGroupStateRequest> for RequestBody {
    fn from(m: super::InitializeShareGroupStateRequest) -> Self {
        Self::InitializeShareGroupState(m)
    }
}

impl From<super::ReadShareGroupStateRequest> for RequestBody {
    fn from(m: super::ReadShareGroupStateRequest) -> Self {
        Self::ReadShareGroupState(m)
    }
}

impl From<super::WriteShareGroupStateRequest> for RequestBody {
    fn from(m: super::WriteShareGroupStateRequest) -> Self {
        Self::WriteShareGroupState(m)
    }
}

impl From<super::DeleteShareGroupStateRequest> for RequestBody {
    fn from(m: super::DeleteShareGroupStateRequest) -> Self {
        Self::DeleteShareGroupState(m)
    }
}

impl From<super::ReadShareGroupStateSummaryRequest> for RequestBody {
    fn from(m: super::ReadShareGroupStateSummaryRequest) -> Self {
        Self::ReadShareGroupStateSummary(m)
    }
}

impl From<super::StreamsGroupHeartbeatRequest> for RequestBody {
    fn from(m: super::StreamsGroupHeartbeatRequest) -> Self {
        Self::StreamsGroupHeartbeat(m)
    }
}

impl From<super::StreamsGroupDescribeRequest> for RequestBody {
    fn from(m: super::StreamsGroupDescribeRequest) -> Self {
        Self::StreamsGroupDescribe(m)
    }
}

impl From<super::DescribeShareGroupOffsetsRequest> for RequestBody {
    fn from(m: super::DescribeShareGroupOffsetsRequest) -> Self {
        Self::DescribeShareGroupOffsets(m)
    }
}

impl From<super::AlterShareGroupOffsetsRequest> for RequestBody {
    fn from(m: super::AlterShareGroupOffsetsRequest) -> Self {
        Self::AlterShareGroupOffsets(m)
    }
}

impl From<super::DeleteShareGroupOffsetsRequest> for RequestBody {
    fn from(m: super::DeleteShareGroupOffsetsRequest) -> Self {
        Self::DeleteShareGroupOffsets(m)
    }
}

impl From<super::StreamsGroupTopologyDescriptionUpdateRequest> for RequestBody {
    fn from(m: super::StreamsGroupTopologyDescriptionUpdateRequest) -> Self {
        Self::StreamsGroupTopologyDescriptionUpdate(m)
    }
}

impl From<super::UnregisterControllerRequest> for RequestBody {
    fn from(m: super::UnregisterControllerRequest) -> Self {
        Self::UnregisterController(m)
    }
}

/// A response body of any API.
#[derive(Debug, Clone, PartialEq)]
pub enum ResponseBody {
    /// ProduceResponse.
    Produce(super::ProduceResponse),
    /// FetchResponse.
    Fetch(super::FetchResponse),
    /// ListOffsetsResponse.
    ListOffsets(super::ListOffsetsResponse),
    /// MetadataResponse.
    Metadata(super::MetadataResponse),
    /// OffsetCommitResponse.
    OffsetCommit(super::OffsetCommitResponse),
    /// OffsetFetchResponse.
    OffsetFetch(super::OffsetFetchResponse),
    /// FindCoordinatorResponse.
    FindCoordinator(super::FindCoordinatorResponse),
    /// JoinGroupResponse.
    JoinGroup(super::JoinGroupResponse),
    /// HeartbeatResponse.
    Heartbeat(super::HeartbeatResponse),
    /// LeaveGroupResponse.
    LeaveGroup(super::LeaveGroupResponse),
    /// SyncGroupResponse.
    SyncGroup(super::SyncGroupResponse),
    /// DescribeGroupsResponse.
    DescribeGroups(super::DescribeGroupsResponse),
    /// ListGroupsResponse.
    ListGroups(super::ListGroupsResponse),
    /// SaslHandshakeResponse.
    SaslHandshake(super::SaslHandshakeResponse),
    /// ApiVersionsResponse.
    ApiVersions(super::ApiVersionsResponse),
    /// CreateTopicsResponse.
    CreateTopics(super::CreateTopicsResponse),
    /// DeleteTopicsResponse.
    DeleteTopics(super::DeleteTopicsResponse),
    /// DeleteRecordsResponse.
    DeleteRecords(super::DeleteRecordsResponse),
    /// InitProducerIdResponse.
    InitProducerId(super::InitProducerIdResponse),
    /// OffsetForLeaderEpochResponse.
    OffsetForLeaderEpoch(super::OffsetForLeaderEpochResponse),
    /// AddPartitionsToTxnResponse.
    AddPartitionsToTxn(super::AddPartitionsToTxnResponse),
    /// AddOffsetsToTxnResponse.
    AddOffsetsToTxn(super::AddOffsetsToTxnResponse),
    /// EndTxnResponse.
    EndTxn(super::EndTxnResponse),
    /// WriteTxnMarkersResponse.
    WriteTxnMarkers(super::WriteTxnMarkersResponse),
    /// TxnOffsetCommitResponse.
    TxnOffsetCommit(super::TxnOffsetCommitResponse),
    /// DescribeAclsResponse.
    DescribeAcls(super::DescribeAclsResponse),
    /// CreateAclsResponse.
    CreateAcls(super::CreateAclsResponse),
    /// DeleteAclsResponse.
    DeleteAcls(super::DeleteAclsResponse),
    /// DescribeConfigsResponse.
    DescribeConfigs(super::DescribeConfigsResponse),
    /// AlterConfigsResponse.
    AlterConfigs(super::AlterConfigsResponse),
    /// AlterReplicaLogDirsResponse.
    AlterReplicaLogDirs(super::AlterReplicaLogDirsResponse),
    /// DescribeLogDirsResponse.
    DescribeLogDirs(super::DescribeLogDirsResponse),
    /// SaslAuthenticateResponse.
    SaslAuthenticate(super::SaslAuthenticateResponse),
    /// CreatePartitionsResponse.
    CreatePartitions(super::CreatePartitionsResponse),
    /// CreateDelegationTokenResponse.
    CreateDelegationToken(super::CreateDelegationTokenResponse),
    /// RenewDelegationTokenResponse.
    RenewDelegationToken(super::RenewDelegationTokenResponse),
    /// ExpireDelegationTokenResponse.
    ExpireDelegationToken(super::ExpireDelegationTokenResponse),
    /// DescribeDelegationTokenResponse.
    DescribeDelegationToken(super::DescribeDelegationTokenResponse),
    /// DeleteGroupsResponse.
    DeleteGroups(super::DeleteGroupsResponse),
    /// ElectLeadersResponse.
    ElectLeaders(super::ElectLeadersResponse),
    /// IncrementalAlterConfigsResponse.
    IncrementalAlterConfigs(super::IncrementalAlterConfigsResponse),
    /// AlterPartitionReassignmentsResponse.
    AlterPartitionReassignments(super::AlterPartitionReassignmentsResponse),
    /// ListPartitionReassignmentsResponse.
    ListPartitionReassignments(super::ListPartitionReassignmentsResponse),
    /// OffsetDeleteResponse.
    OffsetDelete(super::OffsetDeleteResponse),
    /// DescribeClientQuotasResponse.
    DescribeClientQuotas(super::DescribeClientQuotasResponse),
    /// AlterClientQuotasResponse.
    AlterClientQuotas(super::AlterClientQuotasResponse),
    /// DescribeUserScramCredentialsResponse.
    DescribeUserScramCredentials(super::DescribeUserScramCredentialsResponse),
    /// AlterUserScramCredentialsResponse.
    AlterUserScramCredentials(super::AlterUserScramCredentialsResponse),
    /// VoteResponse.
    Vote(super::VoteResponse),
    /// BeginQuorumEpochResponse.
    BeginQuorumEpoch(super::BeginQuorumEpochResponse),
    /// EndQuorumEpochResponse.
    EndQuorumEpoch(super::EndQuorumEpochResponse),
    /// DescribeQuorumResponse.
    DescribeQuorum(super::DescribeQuorumResponse),
    /// AlterPartitionResponse.
    AlterPartition(super::AlterPartitionResponse),
    /// UpdateFeaturesResponse.
    UpdateFeatures(super::UpdateFeaturesResponse),
    /// EnvelopeResponse.
    Envelope(super::EnvelopeResponse),
    /// FetchSnapshotResponse.
    FetchSnapshot(super::FetchSnapshotResponse),
    /// DescribeClusterResponse.
    DescribeCluster(super::DescribeClusterResponse),
    /// DescribeProducersResponse.
    DescribeProducers(super::DescribeProducersResponse),
    /// BrokerRegistrationResponse.
    BrokerRegistration(super::BrokerRegistrationResponse),
    /// BrokerHeartbeatResponse.
    BrokerHeartbeat(super::BrokerHeartbeatResponse),
    /// UnregisterBrokerResponse.
    UnregisterBroker(super::UnregisterBrokerResponse),
    /// DescribeTransactionsResponse.
    DescribeTransactions(super::DescribeTransactionsResponse),
    /// ListTransactionsResponse.
    ListTransactions(super::ListTransactionsResponse),
    /// AllocateProducerIdsResponse.
    AllocateProducerIds(super::AllocateProducerIdsResponse),
    /// ConsumerGroupHeartbeatResponse.
    ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatResponse),
    /// ConsumerGroupDescribeResponse.
    ConsumerGroupDescribe(super::ConsumerGroupDescribeResponse),
    /// ControllerRegistrationResponse.
    ControllerRegistration(super::ControllerRegistrationResponse),
    /// GetTelemetrySubscriptionsResponse.
    GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsResponse),
    /// PushTelemetryResponse.
    PushTelemetry(super::PushTelemetryResponse),
    /// AssignReplicasToDirsResponse.
    AssignReplicasToDirs(super::AssignReplicasToDirsResponse),
    /// ListConfigResourcesResponse.
    ListConfigResources(super::ListConfigResourcesResponse),
    /// DescribeTopicPartitionsResponse.
    DescribeTopicPartitions(super::DescribeTopicPartitionsResponse),
    /// ShareGroupHeartbeatResponse.
    ShareGroupHeartbeat(super::ShareGroupHeartbeatResponse),
    /// ShareGroupDescribeResponse.
    ShareGroupDescribe(super::ShareGroupDescribeResponse),
    /// ShareFetchResponse.
    ShareFetch(super::ShareFetchResponse),
    /// ShareAcknowledgeResponse.
    ShareAcknowledge(super::ShareAcknowledgeResponse),
    /// AddRaftVoterResponse.
    AddRaftVoter(super::AddRaftVoterResponse),
    /// RemoveRaftVoterResponse.
    RemoveRaftVoter(super::RemoveRaftVoterResponse),
    /// UpdateRaftVoterResponse.
    UpdateRaftVoter(super::UpdateRaftVoterResponse),
    /// InitializeShareGroupStateResponse.
    InitializeShareGroupState(super::InitializeShareGroupStateResponse),
    /// ReadShareGroupStateResponse.
    ReadShareGroupState(super::ReadShareGroupStateResponse),
    /// WriteShareGroupStateResponse.
    WriteShareGroupState(super::WriteShareGroupStateResponse),
    /// DeleteShareGroupStateResponse.
    DeleteShareGroupState(super::DeleteShareGroupStateResponse),
    /// ReadShareGroupStateSummaryResponse.
    ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryResponse),
    /// StreamsGroupHeartbeatResponse.
    StreamsGroupHeartbeat(super::StreamsGroupHeartbeatResponse),
    /// StreamsGroupDescribeResponse.
    StreamsGroupDescribe(super::StreamsGroupDescribeResponse),
    /// DescribeShareGroupOffsetsResponse.
    DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsResponse),
    /// AlterShareGroupOffsetsResponse.
    AlterShareGroupOffsets(super::AlterShareGroupOffsetsResponse),
    /// DeleteShareGroupOffsetsResponse.
    DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsResponse),
    /// StreamsGroupTopologyDescriptionUpdateResponse.
    StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateResponse),
    /// UnregisterControllerResponse.
    UnregisterController(super::UnregisterControllerResponse),
}

impl ResponseBody {
    /// The API this body belongs to.
    pub fn api_key(&self) -> ApiKey {
        match self {
            Self::Produce(_) => ApiKey::Produce,
            Self::Fetch(_) => ApiKey::Fetch,
            Self::ListOffsets(_) => ApiKey::ListOffsets,
            Self::Metadata(_) => ApiKey::Metadata,
            Self::OffsetCommit(_) => ApiKey::OffsetCommit,
            Self::OffsetFetch(_) => ApiKey::OffsetFetch,
            Self::FindCoordinator(_) => ApiKey::FindCoordinator,
            Self::JoinGroup(_) => ApiKey::JoinGroup,
            Self::Heartbeat(_) => ApiKey::Heartbeat,
            Self::LeaveGroup(_) => ApiKey::LeaveGroup,
            Self::SyncGroup(_) => ApiKey::SyncGroup,
            Self::DescribeGroups(_) => ApiKey::DescribeGroups,
            Self::ListGroups(_) => ApiKey::ListGroups,
            Self::SaslHandshake(_) => ApiKey::SaslHandshake,
            Self::ApiVersions(_) => ApiKey::ApiVersions,
            Self::CreateTopics(_) => ApiKey::CreateTopics,
            Self::DeleteTopics(_) => ApiKey::DeleteTopics,
            Self::DeleteRecords(_) => ApiKey::DeleteRecords,
            Self::InitProducerId(_) => ApiKey::InitProducerId,
            Self::OffsetForLeaderEpoch(_) => ApiKey::OffsetForLeaderEpoch,
            Self::AddPartitionsToTxn(_) => ApiKey::AddPartitionsToTxn,
            Self::AddOffsetsToTxn(_) => ApiKey::AddOffsetsToTxn,
            Self::EndTxn(_) => ApiKey::EndTxn,
            Self::WriteTxnMarkers(_) => ApiKey::WriteTxnMarkers,
            Self::TxnOffsetCommit(_) => ApiKey::TxnOffsetCommit,
            Self::DescribeAcls(_) => ApiKey::DescribeAcls,
            Self::CreateAcls(_) => ApiKey::CreateAcls,
            Self::DeleteAcls(_) => ApiKey::DeleteAcls,
            Self::DescribeConfigs(_) => ApiKey::DescribeConfigs,
            Self::AlterConfigs(_) => ApiKey::AlterConfigs,
            Self::AlterReplicaLogDirs(_) => ApiKey::AlterReplicaLogDirs,
            Self::DescribeLogDirs(_) => ApiKey::DescribeLogDirs,
            Self::SaslAuthenticate(_) => ApiKey::SaslAuthenticate,
            Self::CreatePartitions(_) => ApiKey::CreatePartitions,
            Self::CreateDelegationToken(_) => ApiKey::CreateDelegationToken,
            Self::RenewDelegationToken(_) => ApiKey::RenewDelegationToken,
            Self::ExpireDelegationToken(_) => ApiKey::ExpireDelegationToken,
            Self::DescribeDelegationToken(_) => ApiKey::DescribeDelegationToken,
            Self::DeleteGroups(_) => ApiKey::DeleteGroups,
            Self::ElectLeaders(_) => ApiKey::ElectLeaders,
            Self::IncrementalAlterConfigs(_) => ApiKey::IncrementalAlterConfigs,
            Self::AlterPartitionReassignments(_) => ApiKey::AlterPartitionReassignments,
            Self::ListPartitionReassignments(_) => ApiKey::ListPartitionReassignments,
            Self::OffsetDelete(_) => ApiKey::OffsetDelete,
            Self::DescribeClientQuotas(_) => ApiKey::DescribeClientQuotas,
            Self::AlterClientQuotas(_) => ApiKey::AlterClientQuotas,
            Self::DescribeUserScramCredentials(_) => ApiKey::DescribeUserScramCredentials,
            Self::AlterUserScramCredentials(_) => ApiKey::AlterUserScramCredentials,
            Self::Vote(_) => ApiKey::Vote,
            Self::BeginQuorumEpoch(_) => ApiKey::BeginQuorumEpoch,
            Self::EndQuorumEpoch(_) => ApiKey::EndQuorumEpoch,
            Self::DescribeQuorum(_) => ApiKey::DescribeQuorum,
            Self::AlterPartition(_) => ApiKey::AlterPartition,
            Self::UpdateFeatures(_) => ApiKey::UpdateFeatures,
            Self::Envelope(_) => ApiKey::Envelope,
            Self::FetchSnapshot(_) => ApiKey::FetchSnapshot,
            Self::DescribeCluster(_) => ApiKey::DescribeCluster,
            Self::DescribeProducers(_) => ApiKey::DescribeProducers,
            Self::BrokerRegistration(_) => ApiKey::BrokerRegistration,
            Self::BrokerHeartbeat(_) => ApiKey::BrokerHeartbeat,
            Self::UnregisterBroker(_) => ApiKey::UnregisterBroker,
            Self::DescribeTransactions(_) => ApiKey::DescribeTransactions,
            Self::ListTransactions(_) => ApiKey::ListTransactions,
            Self::AllocateProducerIds(_) => ApiKey::AllocateProducerIds,
            Self::ConsumerGroupHeartbeat(_) => ApiKey::ConsumerGroupHeartbeat,
            Self::ConsumerGroupDescribe(_) => ApiKey::ConsumerGroupDescribe,
            Self::ControllerRegistration(_) => ApiKey::ControllerRegistration,
            Self::GetTelemetrySubscriptions(_) => ApiKey::GetTelemetrySubscriptions,
            Self::PushTelemetry(_) => ApiKey::PushTelemetry,
            Self::AssignReplicasToDirs(_) => ApiKey::AssignReplicasToDirs,
            Self::ListConfigResources(_) => ApiKey::ListConfigResources,
            Self::DescribeTopicPartitions(_) => ApiKey::DescribeTopicPartitions,
            Self::ShareGroupHeartbeat(_) => ApiKey::ShareGroupHeartbeat,
            Self::ShareGroupDescribe(_) => ApiKey::ShareGroupDescribe,
            Self::ShareFetch(_) => ApiKey::ShareFetch,
            Self::ShareAcknowledge(_) => ApiKey::ShareAcknowledge,
            Self::AddRaftVoter(_) => ApiKey::AddRaftVoter,
            Self::RemoveRaftVoter(_) => ApiKey::RemoveRaftVoter,
            Self::UpdateRaftVoter(_) => ApiKey::UpdateRaftVoter,
            Self::InitializeShareGroupState(_) => ApiKey::InitializeShareGroupState,
            Self::ReadShareGroupState(_) => ApiKey::ReadShareGroupState,
            Self::WriteShareGroupState(_) => ApiKey::WriteShareGroupState,
            Self::DeleteShareGroupState(_) => ApiKey::DeleteShareGroupState,
            Self::ReadShareGroupStateSummary(_) => ApiKey::ReadShareGroupStateSummary,
            Self::StreamsGroupHeartbeat(_) => ApiKey::StreamsGroupHeartbeat,
            Self::StreamsGroupDescribe(_) => ApiKey::StreamsGroupDescribe,
            Self::DescribeShareGroupOffsets(_) => ApiKey::DescribeShareGroupOffsets,
            Self::AlterShareGroupOffsets(_) => ApiKey::AlterShareGroupOffsets,
            Self::DeleteShareGroupOffsets(_) => ApiKey::DeleteShareGroupOffsets,
            Self::StreamsGroupTopologyDescriptionUpdate(_) => ApiKey::StreamsGroupTopologyDescriptionUpdate,
            Self::UnregisterController(_) => ApiKey::UnregisterController,
        }
    }

    /// Decodes the response body of `api_key` at `version`.
    pub fn decode(api_key: ApiKey, buf: &mut bytes::Bytes, version: i16) -> Result<Self, crate::DecodeError> {
        Ok(match api_key {
            ApiKey::Produce => Self::Produce(super::ProduceResponse::decode(buf, version)?),
            ApiKey::Fetch => Self::Fetch(super::FetchResponse::decode(buf, version)?),
            ApiKey::ListOffsets => Self::ListOffsets(super::ListOffsetsResponse::decode(buf, version)?),
            ApiKey::Metadata => Self::Metadata(super::MetadataResponse::decode(buf, version)?),
            ApiKey::OffsetCommit => Self::OffsetCommit(super::OffsetCommitResponse::decode(buf, version)?),
            ApiKey::OffsetFetch => Self::OffsetFetch(super::OffsetFetchResponse::decode(buf, version)?),
            ApiKey::FindCoordinator => Self::FindCoordinator(super::FindCoordinatorResponse::decode(buf, version)?),
            ApiKey::JoinGroup => Self::JoinGroup(super::JoinGroupResponse::decode(buf, version)?),
            ApiKey::Heartbeat => Self::Heartbeat(super::HeartbeatResponse::decode(buf, version)?),
            ApiKey::LeaveGroup => Self::LeaveGroup(super::LeaveGroupResponse::decode(buf, version)?),
            ApiKey::SyncGroup => Self::SyncGroup(super::SyncGroupResponse::decode(buf, version)?),
            ApiKey::DescribeGroups => Self::DescribeGroups(super::DescribeGroupsResponse::decode(buf, version)?),
            ApiKey::ListGroups => Self::ListGroups(super::ListGroupsResponse::decode(buf, version)?),
            ApiKey::SaslHandshake => Self::SaslHandshake(super::SaslHandshakeResponse::decode(buf, version)?),
            ApiKey::ApiVersions => Self::ApiVersions(super::ApiVersionsResponse::decode(buf, version)?),
            ApiKey::CreateTopics => Self::CreateTopics(super::CreateTopicsResponse::decode(buf, version)?),
            ApiKey::DeleteTopics => Self::DeleteTopics(super::DeleteTopicsResponse::decode(buf, version)?),
            ApiKey::DeleteRecords => Self::DeleteRecords(super::DeleteRecordsResponse::decode(buf, version)?),
            ApiKey::InitProducerId => Self::InitProducerId(super::InitProducerIdResponse::decode(buf, version)?),
            ApiKey::OffsetForLeaderEpoch => Self::OffsetForLeaderEpoch(super::OffsetForLeaderEpochResponse::decode(buf, version)?),
            ApiKey::AddPartitionsToTxn => Self::AddPartitionsToTxn(super::AddPartitionsToTxnResponse::decode(buf, version)?),
            ApiKey::AddOffsetsToTxn => Self::AddOffsetsToTxn(super::AddOffsetsToTxnResponse::decode(buf, version)?),
            ApiKey::EndTxn => Self::EndTxn(super::EndTxnResponse::decode(buf, version)?),
            ApiKey::WriteTxnMarkers => Self::WriteTxnMarkers(super::WriteTxnMarkersResponse::decode(buf, version)?),
            ApiKey::TxnOffsetCommit => Self::TxnOffsetCommit(super::TxnOffsetCommitResponse::decode(buf, version)?),
            ApiKey::DescribeAcls => Self::DescribeAcls(super::DescribeAclsResponse::decode(buf, version)?),
            ApiKey::CreateAcls => Self::CreateAcls(super::CreateAclsResponse::decode(buf, version)?),
            ApiKey::DeleteAcls => Self::DeleteAcls(super::DeleteAclsResponse::decode(buf, version)?),
            ApiKey::DescribeConfigs => Self::DescribeConfigs(super::DescribeConfigsResponse::decode(buf, version)?),
            ApiKey::AlterConfigs => Self::AlterConfigs(super::AlterConfigsResponse::decode(buf, version)?),
            ApiKey::AlterReplicaLogDirs => Self::AlterReplicaLogDirs(super::AlterReplicaLogDirsResponse::decode(buf, version)?),
            ApiKey::DescribeLogDirs => Self::DescribeLogDirs(super::DescribeLogDirsResponse::decode(buf, version)?),
            ApiKey::SaslAuthenticate => Self::SaslAuthenticate(super::SaslAuthenticateResponse::decode(buf, version)?),
            ApiKey::CreatePartitions => Self::CreatePartitions(super::CreatePartitionsResponse::decode(buf, version)?),
            ApiKey::CreateDelegationToken => Self::CreateDelegationToken(super::CreateDelegationTokenResponse::decode(buf, version)?),
            ApiKey::RenewDelegationToken => Self::RenewDelegationToken(super::RenewDelegationTokenResponse::decode(buf, version)?),
            ApiKey::ExpireDelegationToken => Self::ExpireDelegationToken(super::ExpireDelegationTokenResponse::decode(buf, version)?),
            ApiKey::DescribeDelegationToken => Self::DescribeDelegationToken(super::DescribeDelegationTokenResponse::decode(buf, version)?),
            ApiKey::DeleteGroups => Self::DeleteGroups(super::DeleteGroupsResponse::decode(buf, version)?),
            ApiKey::ElectLeaders => Self::ElectLeaders(super::ElectLeadersResponse::decode(buf, version)?),
            ApiKey::IncrementalAlterConfigs => Self::IncrementalAlterConfigs(super::IncrementalAlterConfigsResponse::decode(buf, version)?),
            ApiKey::AlterPartitionReassignments => Self::AlterPartitionReassignments(super::AlterPartitionReassignmentsResponse::decode(buf, version)?),
            ApiKey::ListPartitionReassignments => Self::ListPartitionReassignments(super::ListPartitionReassignmentsResponse::decode(buf, version)?),
            ApiKey::OffsetDelete => Self::OffsetDelete(super::OffsetDeleteResponse::decode(buf, version)?),
            ApiKey::DescribeClientQuotas => Self::DescribeClientQuotas(super::DescribeClientQuotasResponse::decode(buf, version)?),
            ApiKey::AlterClientQuotas => Self::AlterClientQuotas(super::AlterClientQuotasResponse::decode(buf, version)?),
            ApiKey::DescribeUserScramCredentials => Self::DescribeUserScramCredentials(super::DescribeUserScramCredentialsResponse::decode(buf, version)?),
            ApiKey::AlterUserScramCredentials => Self::AlterUserScramCredentials(super::AlterUserScramCredentialsResponse::decode(buf, version)?),
            ApiKey::Vote => Self::Vote(super::VoteResponse::decode(buf, version)?),
            ApiKey::BeginQuorumEpoch => Self::BeginQuorumEpoch(super::BeginQuorumEpochResponse::decode(buf, version)?),
            ApiKey::EndQuorumEpoch => Self::EndQuorumEpoch(super::EndQuorumEpochResponse::decode(buf, version)?),
            ApiKey::DescribeQuorum => Self::DescribeQuorum(super::DescribeQuorumResponse::decode(buf, version)?),
            ApiKey::AlterPartition => Self::AlterPartition(super::AlterPartitionResponse::decode(buf, version)?),
            ApiKey::UpdateFeatures => Self::UpdateFeatures(super::UpdateFeaturesResponse::decode(buf, version)?),
            ApiKey::Envelope => Self::Envelope(super::EnvelopeResponse::decode(buf, version)?),
            ApiKey::FetchSnapshot => Self::FetchSnapshot(super::FetchSnapshotResponse::decode(buf, version)?),
            ApiKey::DescribeCluster => Self::DescribeCluster(super::DescribeClusterResponse::decode(buf, version)?),
            ApiKey::DescribeProducers => Self::DescribeProducers(super::DescribeProducersResponse::decode(buf, version)?),
            ApiKey::BrokerRegistration => Self::BrokerRegistration(super::BrokerRegistrationResponse::decode(buf, version)?),
            ApiKey::BrokerHeartbeat => Self::BrokerHeartbeat(super::BrokerHeartbeatResponse::decode(buf, version)?),
            ApiKey::UnregisterBroker => Self::UnregisterBroker(super::UnregisterBrokerResponse::decode(buf, version)?),
            ApiKey::DescribeTransactions => Self::DescribeTransactions(super::DescribeTransactionsResponse::decode(buf, version)?),
            ApiKey::ListTransactions => Self::ListTransactions(super::ListTransactionsResponse::decode(buf, version)?),
            ApiKey::AllocateProducerIds => Self::AllocateProducerIds(super::AllocateProducerIdsResponse::decode(buf, version)?),
            ApiKey::ConsumerGroupHeartbeat => Self::ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::ConsumerGroupDescribe => Self::ConsumerGroupDescribe(super::ConsumerGroupDescribeResponse::decode(buf, version)?),
            ApiKey::ControllerRegistration => Self::ControllerRegistration(super::ControllerRegistrationResponse::decode(buf, version)?),
            ApiKey::GetTelemetrySubscriptions => Self::GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsResponse::decode(buf, version)?),
            ApiKey::PushTelemetry => Self::PushTelemetry(super::PushTelemetryResponse::decode(buf, version)?),
            ApiKey::AssignReplicasToDirs => Self::AssignReplicasToDirs(super::AssignReplicasToDirsResponse::decode(buf, version)?),
            ApiKey::ListConfigResources => Self::ListConfigResources(super::ListConfigResourcesResponse::decode(buf, version)?),
            ApiKey::DescribeTopicPartitions => Self::DescribeTopicPartitions(super::DescribeTopicPartitionsResponse::decode(buf, version)?),
            ApiKey::ShareGroupHeartbeat => Self::ShareGroupHeartbeat(super::ShareGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::ShareGroupDescribe => Self::ShareGroupDescribe(super::ShareGroupDescribeResponse::decode(buf, version)?),
            ApiKey::ShareFetch => Self::ShareFetch(super::ShareFetchResponse::decode(buf, version)?),
            ApiKey::ShareAcknowledge => Self::ShareAcknowledge(super::ShareAcknowledgeResponse::decode(buf, version)?),
            ApiKey::AddRaftVoter => Self::AddRaftVoter(super::AddRaftVoterResponse::decode(buf, version)?),
            ApiKey::RemoveRaftVoter => Self::RemoveRaftVoter(super::RemoveRaftVoterResponse::decode(buf, version)?),
            ApiKey::UpdateRaftVoter => Self::UpdateRaftVoter(super::UpdateRaftVoterResponse::decode(buf, version)?),
            ApiKey::InitializeShareGroupState => Self::InitializeShareGroupState(super::InitializeShareGroupStateResponse::decode(buf, version)?),
            ApiKey::ReadShareGroupState => Self::ReadShareGroupState(super::ReadShareGroupStateResponse::decode(buf, version)?),
            ApiKey::WriteShareGroupState => Self::WriteShareGroupState(super::WriteShareGroupStateResponse::decode(buf, version)?),
            ApiKey::DeleteShareGroupState => Self::DeleteShareGroupState(super::DeleteShareGroupStateResponse::decode(buf, version)?),
            ApiKey::ReadShareGroupStateSummary => Self::ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryResponse::decode(buf, version)?),
            ApiKey::StreamsGroupHeartbeat => Self::StreamsGroupHeartbeat(super::StreamsGroupHeartbeatResponse::decode(buf, version)?),
            ApiKey::StreamsGroupDescribe => Self::StreamsGroupDescribe(super::StreamsGroupDescribeResponse::decode(buf, version)?),
            ApiKey::DescribeShareGroupOffsets => Self::DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsResponse::decode(buf, version)?),
            ApiKey::AlterShareGroupOffsets => Self::AlterShareGroupOffsets(super::AlterShareGroupOffsetsResponse::decode(buf, version)?),
            ApiKey::DeleteShareGroupOffsets => Self::DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsResponse::decode(buf, version)?),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Self::StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateResponse::decode(buf, version)?),
            ApiKey::UnregisterController => Self::UnregisterController(super::UnregisterControllerResponse::decode(buf, version)?),
        })
    }

    /// Encodes the body at `version`.
    pub fn encode(&self, buf: &mut bytes::BytesMut, version: i16) -> Result<(), crate::EncodeError> {
        match self {
            Self::Produce(m) => m.encode(buf, version),
            Self::Fetch(m) => m.encode(buf, version),
            Self::ListOffsets(m) => m.encode(buf, version),
            Self::Metadata(m) => m.encode(buf, version),
            Self::OffsetCommit(m) => m.encode(buf, version),
            Self::OffsetFetch(m) => m.encode(buf, version),
            Self::FindCoordinator(m) => m.encode(buf, version),
            Self::JoinGroup(m) => m.encode(buf, version),
            Self::Heartbeat(m) => m.encode(buf, version),
            Self::LeaveGroup(m) => m.encode(buf, version),
            Self::SyncGroup(m) => m.encode(buf, version),
            Self::DescribeGroups(m) => m.encode(buf, version),
            Self::ListGroups(m) => m.encode(buf, version),
            Self::SaslHandshake(m) => m.encode(buf, version),
            Self::ApiVersions(m) => m.encode(buf, version),
            Self::CreateTopics(m) => m.encode(buf, version),
            Self::DeleteTopics(m) => m.encode(buf, version),
            Self::DeleteRecords(m) => m.encode(buf, version),
            Self::InitProducerId(m) => m.encode(buf, version),
            Self::OffsetForLeaderEpoch(m) => m.encode(buf, version),
            Self::AddPartitionsToTxn(m) => m.encode(buf, version),
            Self::AddOffsetsToTxn(m) => m.encode(buf, version),
            Self::EndTxn(m) => m.encode(buf, version),
            Self::WriteTxnMarkers(m) => m.encode(buf, version),
            Self::TxnOffsetCommit(m) => m.encode(buf, version),
            Self::DescribeAcls(m) => m.encode(buf, version),
            Self::CreateAcls(m) => m.encode(buf, version),
            Self::DeleteAcls(m) => m.encode(buf, version),
            Self::DescribeConfigs(m) => m.encode(buf, version),
            Self::AlterConfigs(m) => m.encode(buf, version),
            Self::AlterReplicaLogDirs(m) => m.encode(buf, version),
            Self::DescribeLogDirs(m) => m.encode(buf, version),
            Self::SaslAuthenticate(m) => m.encode(buf, version),
            Self::CreatePartitions(m) => m.encode(buf, version),
            Self::CreateDelegationToken(m) => m.encode(buf, version),
            Self::RenewDelegationToken(m) => m.encode(buf, version),
            Self::ExpireDelegationToken(m) => m.encode(buf, version),
            Self::DescribeDelegationToken(m) => m.encode(buf, version),
            Self::DeleteGroups(m) => m.encode(buf, version),
            Self::ElectLeaders(m) => m.encode(buf, version),
            Self::IncrementalAlterConfigs(m) => m.encode(buf, version),
            Self::AlterPartitionReassignments(m) => m.encode(buf, version),
            Self::ListPartitionReassignments(m) => m.encode(buf, version),
            Self::OffsetDelete(m) => m.encode(buf, version),
            Self::DescribeClientQuotas(m) => m.encode(buf, version),
            Self::AlterClientQuotas(m) => m.encode(buf, version),
            Self::DescribeUserScramCredentials(m) => m.encode(buf, version),
            Self::AlterUserScramCredentials(m) => m.encode(buf, version),
            Self::Vote(m) => m.encode(buf, version),
            Self::BeginQuorumEpoch(m) => m.encode(buf, version),
            Self::EndQuorumEpoch(m) => m.encode(buf, version),
            Self::DescribeQuorum(m) => m.encode(buf, version),
            Self::AlterPartition(m) => m.encode(buf, version),
            Self::UpdateFeatures(m) => m.encode(buf, version),
            Self::Envelope(m) => m.encode(buf, version),
            Self::FetchSnapshot(m) => m.encode(buf, version),
            Self::DescribeCluster(m) => m.encode(buf, version),
            Self::DescribeProducers(m) => m.encode(buf, version),
            Self::BrokerRegistration(m) => m.encode(buf, version),
            Self::BrokerHeartbeat(m) => m.encode(buf, version),
            Self::UnregisterBroker(m) => m.encode(buf, version),
            Self::DescribeTransactions(m) => m.encode(buf, version),
            Self::ListTransactions(m) => m.encode(buf, version),
            Self::AllocateProducerIds(m) => m.encode(buf, version),
            Self::ConsumerGroupHeartbeat(m) => m.encode(buf, version),
            Self::ConsumerGroupDescribe(m) => m.encode(buf, version),
            Self::ControllerRegistration(m) => m.encode(buf, version),
            Self::GetTelemetrySubscriptions(m) => m.encode(buf, version),
            Self::PushTelemetry(m) => m.encode(buf, version),
            Self::AssignReplicasToDirs(m) => m.encode(buf, version),
            Self::ListConfigResources(m) => m.encode(buf, version),
            Self::DescribeTopicPartitions(m) => m.encode(buf, version),
            Self::ShareGroupHeartbeat(m) => m.encode(buf, version),
            Self::ShareGroupDescribe(m) => m.encode(buf, version),
            Self::ShareFetch(m) => m.encode(buf, version),
            Self::ShareAcknowledge(m) => m.encode(buf, version),
            Self::AddRaftVoter(m) => m.encode(buf, version),
            Self::RemoveRaftVoter(m) => m.encode(buf, version),
            Self::UpdateRaftVoter(m) => m.encode(buf, version),
            Self::InitializeShareGroupState(m) => m.encode(buf, version),
            Self::ReadShareGroupState(m) => m.encode(buf, version),
            Self::WriteShareGroupState(m) => m.encode(buf, version),
            Self::DeleteShareGroupState(m) => m.encode(buf, version),
            Self::ReadShareGroupStateSummary(m) => m.encode(buf, version),
            Self::StreamsGroupHeartbeat(m) => m.encode(buf, version),
            Self::StreamsGroupDescribe(m) => m.encode(buf, version),
            Self::DescribeShareGroupOffsets(m) => m.encode(buf, version),
            Self::AlterShareGroupOffsets(m) => m.encode(buf, version),
            Self::DeleteShareGroupOffsets(m) => m.encode(buf, version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.encode(buf, version),
            Self::UnregisterController(m) => m.encode(buf, version),
        }
    }

    /// The encoded size of the body at `version`.
    pub fn encoded_len(&self, version: i16) -> usize {
        match self {
            Self::Produce(m) => m.encoded_len(version),
            Self::Fetch(m) => m.encoded_len(version),
            Self::ListOffsets(m) => m.encoded_len(version),
            Self::Metadata(m) => m.encoded_len(version),
            Self::OffsetCommit(m) => m.encoded_len(version),
            Self::OffsetFetch(m) => m.encoded_len(version),
            Self::FindCoordinator(m) => m.encoded_len(version),
            Self::JoinGroup(m) => m.encoded_len(version),
            Self::Heartbeat(m) => m.encoded_len(version),
            Self::LeaveGroup(m) => m.encoded_len(version),
            Self::SyncGroup(m) => m.encoded_len(version),
            Self::DescribeGroups(m) => m.encoded_len(version),
            Self::ListGroups(m) => m.encoded_len(version),
            Self::SaslHandshake(m) => m.encoded_len(version),
            Self::ApiVersions(m) => m.encoded_len(version),
            Self::CreateTopics(m) => m.encoded_len(version),
            Self::DeleteTopics(m) => m.encoded_len(version),
            Self::DeleteRecords(m) => m.encoded_len(version),
            Self::InitProducerId(m) => m.encoded_len(version),
            Self::OffsetForLeaderEpoch(m) => m.encoded_len(version),
            Self::AddPartitionsToTxn(m) => m.encoded_len(version),
            Self::AddOffsetsToTxn(m) => m.encoded_len(version),
            Self::EndTxn(m) => m.encoded_len(version),
            Self::WriteTxnMarkers(m) => m.encoded_len(version),
            Self::TxnOffsetCommit(m) => m.encoded_len(version),
            Self::DescribeAcls(m) => m.encoded_len(version),
            Self::CreateAcls(m) => m.encoded_len(version),
            Self::DeleteAcls(m) => m.encoded_len(version),
            Self::DescribeConfigs(m) => m.encoded_len(version),
            Self::AlterConfigs(m) => m.encoded_len(version),
            Self::AlterReplicaLogDirs(m) => m.encoded_len(version),
            Self::DescribeLogDirs(m) => m.encoded_len(version),
            Self::SaslAuthenticate(m) => m.encoded_len(version),
            Self::CreatePartitions(m) => m.encoded_len(version),
            Self::CreateDelegationToken(m) => m.encoded_len(version),
            Self::RenewDelegationToken(m) => m.encoded_len(version),
            Self::ExpireDelegationToken(m) => m.encoded_len(version),
            Self::DescribeDelegationToken(m) => m.encoded_len(version),
            Self::DeleteGroups(m) => m.encoded_len(version),
            Self::ElectLeaders(m) => m.encoded_len(version),
            Self::IncrementalAlterConfigs(m) => m.encoded_len(version),
            Self::AlterPartitionReassignments(m) => m.encoded_len(version),
            Self::ListPartitionReassignments(m) => m.encoded_len(version),
            Self::OffsetDelete(m) => m.encoded_len(version),
            Self::DescribeClientQuotas(m) => m.encoded_len(version),
            Self::AlterClientQuotas(m) => m.encoded_len(version),
            Self::DescribeUserScramCredentials(m) => m.encoded_len(version),
            Self::AlterUserScramCredentials(m) => m.encoded_len(version),
            Self::Vote(m) => m.encoded_len(version),
            Self::BeginQuorumEpoch(m) => m.encoded_len(version),
            Self::EndQuorumEpoch(m) => m.encoded_len(version),
            Self::DescribeQuorum(m) => m.encoded_len(version),
            Self::AlterPartition(m) => m.encoded_len(version),
            Self::UpdateFeatures(m) => m.encoded_len(version),
            Self::Envelope(m) => m.encoded_len(version),
            Self::FetchSnapshot(m) => m.encoded_len(version),
            Self::DescribeCluster(m) => m.encoded_len(version),
            Self::DescribeProducers(m) => m.encoded_len(version),
            Self::BrokerRegistration(m) => m.encoded_len(version),
            Self::BrokerHeartbeat(m) => m.encoded_len(version),
            Self::UnregisterBroker(m) => m.encoded_len(version),
            Self::DescribeTransactions(m) => m.encoded_len(version),
            Self::ListTransactions(m) => m.encoded_len(version),
            Self::AllocateProducerIds(m) => m.encoded_len(version),
            Self::ConsumerGroupHeartbeat(m) => m.encoded_len(version),
            Self::ConsumerGroupDescribe(m) => m.encoded_len(version),
            Self::ControllerRegistration(m) => m.encoded_len(version),
            Self::GetTelemetrySubscriptions(m) => m.encoded_len(version),
            Self::PushTelemetry(m) => m.encoded_len(version),
            Self::AssignReplicasToDirs(m) => m.encoded_len(version),
            Self::ListConfigResources(m) => m.encoded_len(version),
            Self::DescribeTopicPartitions(m) => m.encoded_len(version),
            Self::ShareGroupHeartbeat(m) => m.encoded_len(version),
            Self::ShareGroupDescribe(m) => m.encoded_len(version),
            Self::ShareFetch(m) => m.encoded_len(version),
            Self::ShareAcknowledge(m) => m.encoded_len(version),
            Self::AddRaftVoter(m) => m.encoded_len(version),
            Self::RemoveRaftVoter(m) => m.encoded_len(version),
            Self::UpdateRaftVoter(m) => m.encoded_len(version),
            Self::InitializeShareGroupState(m) => m.encoded_len(version),
            Self::ReadShareGroupState(m) => m.encoded_len(version),
            Self::WriteShareGroupState(m) => m.encoded_len(version),
            Self::DeleteShareGroupState(m) => m.encoded_len(version),
            Self::ReadShareGroupStateSummary(m) => m.encoded_len(version),
            Self::StreamsGroupHeartbeat(m) => m.encoded_len(version),
            Self::StreamsGroupDescribe(m) => m.encoded_len(version),
            Self::DescribeShareGroupOffsets(m) => m.encoded_len(version),
            Self::AlterShareGroupOffsets(m) => m.encoded_len(version),
            Self::DeleteShareGroupOffsets(m) => m.encoded_len(version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.encoded_len(version),
            Self::UnregisterController(m) => m.encoded_len(version),
        }
    }

    /// The body in the Java client's JSON layout.
    #[cfg(feature = "json")]
    pub fn to_json(&self, version: i16) -> serde_json::Value {
        use crate::json::ToJson;
        match self {
            Self::Produce(m) => m.to_json(version),
            Self::Fetch(m) => m.to_json(version),
            Self::ListOffsets(m) => m.to_json(version),
            Self::Metadata(m) => m.to_json(version),
            Self::OffsetCommit(m) => m.to_json(version),
            Self::OffsetFetch(m) => m.to_json(version),
            Self::FindCoordinator(m) => m.to_json(version),
            Self::JoinGroup(m) => m.to_json(version),
            Self::Heartbeat(m) => m.to_json(version),
            Self::LeaveGroup(m) => m.to_json(version),
            Self::SyncGroup(m) => m.to_json(version),
            Self::DescribeGroups(m) => m.to_json(version),
            Self::ListGroups(m) => m.to_json(version),
            Self::SaslHandshake(m) => m.to_json(version),
            Self::ApiVersions(m) => m.to_json(version),
            Self::CreateTopics(m) => m.to_json(version),
            Self::DeleteTopics(m) => m.to_json(version),
            Self::DeleteRecords(m) => m.to_json(version),
            Self::InitProducerId(m) => m.to_json(version),
            Self::OffsetForLeaderEpoch(m) => m.to_json(version),
            Self::AddPartitionsToTxn(m) => m.to_json(version),
            Self::AddOffsetsToTxn(m) => m.to_json(version),
            Self::EndTxn(m) => m.to_json(version),
            Self::WriteTxnMarkers(m) => m.to_json(version),
            Self::TxnOffsetCommit(m) => m.to_json(version),
            Self::DescribeAcls(m) => m.to_json(version),
            Self::CreateAcls(m) => m.to_json(version),
            Self::DeleteAcls(m) => m.to_json(version),
            Self::DescribeConfigs(m) => m.to_json(version),
            Self::AlterConfigs(m) => m.to_json(version),
            Self::AlterReplicaLogDirs(m) => m.to_json(version),
            Self::DescribeLogDirs(m) => m.to_json(version),
            Self::SaslAuthenticate(m) => m.to_json(version),
            Self::CreatePartitions(m) => m.to_json(version),
            Self::CreateDelegationToken(m) => m.to_json(version),
            Self::RenewDelegationToken(m) => m.to_json(version),
            Self::ExpireDelegationToken(m) => m.to_json(version),
            Self::DescribeDelegationToken(m) => m.to_json(version),
            Self::DeleteGroups(m) => m.to_json(version),
            Self::ElectLeaders(m) => m.to_json(version),
            Self::IncrementalAlterConfigs(m) => m.to_json(version),
            Self::AlterPartitionReassignments(m) => m.to_json(version),
            Self::ListPartitionReassignments(m) => m.to_json(version),
            Self::OffsetDelete(m) => m.to_json(version),
            Self::DescribeClientQuotas(m) => m.to_json(version),
            Self::AlterClientQuotas(m) => m.to_json(version),
            Self::DescribeUserScramCredentials(m) => m.to_json(version),
            Self::AlterUserScramCredentials(m) => m.to_json(version),
            Self::Vote(m) => m.to_json(version),
            Self::BeginQuorumEpoch(m) => m.to_json(version),
            Self::EndQuorumEpoch(m) => m.to_json(version),
            Self::DescribeQuorum(m) => m.to_json(version),
            Self::AlterPartition(m) => m.to_json(version),
            Self::UpdateFeatures(m) => m.to_json(version),
            Self::Envelope(m) => m.to_json(version),
            Self::FetchSnapshot(m) => m.to_json(version),
            Self::DescribeCluster(m) => m.to_json(version),
            Self::DescribeProducers(m) => m.to_json(version),
            Self::BrokerRegistration(m) => m.to_json(version),
            Self::BrokerHeartbeat(m) => m.to_json(version),
            Self::UnregisterBroker(m) => m.to_json(version),
            Self::DescribeTransactions(m) => m.to_json(version),
            Self::ListTransactions(m) => m.to_json(version),
            Self::AllocateProducerIds(m) => m.to_json(version),
            Self::ConsumerGroupHeartbeat(m) => m.to_json(version),
            Self::ConsumerGroupDescribe(m) => m.to_json(version),
            Self::ControllerRegistration(m) => m.to_json(version),
            Self::GetTelemetrySubscriptions(m) => m.to_json(version),
            Self::PushTelemetry(m) => m.to_json(version),
            Self::AssignReplicasToDirs(m) => m.to_json(version),
            Self::ListConfigResources(m) => m.to_json(version),
            Self::DescribeTopicPartitions(m) => m.to_json(version),
            Self::ShareGroupHeartbeat(m) => m.to_json(version),
            Self::ShareGroupDescribe(m) => m.to_json(version),
            Self::ShareFetch(m) => m.to_json(version),
            Self::ShareAcknowledge(m) => m.to_json(version),
            Self::AddRaftVoter(m) => m.to_json(version),
            Self::RemoveRaftVoter(m) => m.to_json(version),
            Self::UpdateRaftVoter(m) => m.to_json(version),
            Self::InitializeShareGroupState(m) => m.to_json(version),
            Self::ReadShareGroupState(m) => m.to_json(version),
            Self::WriteShareGroupState(m) => m.to_json(version),
            Self::DeleteShareGroupState(m) => m.to_json(version),
            Self::ReadShareGroupStateSummary(m) => m.to_json(version),
            Self::StreamsGroupHeartbeat(m) => m.to_json(version),
            Self::StreamsGroupDescribe(m) => m.to_json(version),
            Self::DescribeShareGroupOffsets(m) => m.to_json(version),
            Self::AlterShareGroupOffsets(m) => m.to_json(version),
            Self::DeleteShareGroupOffsets(m) => m.to_json(version),
            Self::StreamsGroupTopologyDescriptionUpdate(m) => m.to_json(version),
            Self::UnregisterController(m) => m.to_json(version),
        }
    }

    /// A random response body of `api_key`, valid at `version`.
    #[cfg(feature = "random")]
    pub fn random(api_key: ApiKey, rng: &mut crate::random::Rng, version: i16) -> Self {
        use crate::random::Random;
        match api_key {
            ApiKey::Produce => Self::Produce(super::ProduceResponse::random(rng, version)),
            ApiKey::Fetch => Self::Fetch(super::FetchResponse::random(rng, version)),
            ApiKey::ListOffsets => Self::ListOffsets(super::ListOffsetsResponse::random(rng, version)),
            ApiKey::Metadata => Self::Metadata(super::MetadataResponse::random(rng, version)),
            ApiKey::OffsetCommit => Self::OffsetCommit(super::OffsetCommitResponse::random(rng, version)),
            ApiKey::OffsetFetch => Self::OffsetFetch(super::OffsetFetchResponse::random(rng, version)),
            ApiKey::FindCoordinator => Self::FindCoordinator(super::FindCoordinatorResponse::random(rng, version)),
            ApiKey::JoinGroup => Self::JoinGroup(super::JoinGroupResponse::random(rng, version)),
            ApiKey::Heartbeat => Self::Heartbeat(super::HeartbeatResponse::random(rng, version)),
            ApiKey::LeaveGroup => Self::LeaveGroup(super::LeaveGroupResponse::random(rng, version)),
            ApiKey::SyncGroup => Self::SyncGroup(super::SyncGroupResponse::random(rng, version)),
            ApiKey::DescribeGroups => Self::DescribeGroups(super::DescribeGroupsResponse::random(rng, version)),
            ApiKey::ListGroups => Self::ListGroups(super::ListGroupsResponse::random(rng, version)),
            ApiKey::SaslHandshake => Self::SaslHandshake(super::SaslHandshakeResponse::random(rng, version)),
            ApiKey::ApiVersions => Self::ApiVersions(super::ApiVersionsResponse::random(rng, version)),
            ApiKey::CreateTopics => Self::CreateTopics(super::CreateTopicsResponse::random(rng, version)),
            ApiKey::DeleteTopics => Self::DeleteTopics(super::DeleteTopicsResponse::random(rng, version)),
            ApiKey::DeleteRecords => Self::DeleteRecords(super::DeleteRecordsResponse::random(rng, version)),
            ApiKey::InitProducerId => Self::InitProducerId(super::InitProducerIdResponse::random(rng, version)),
            ApiKey::OffsetForLeaderEpoch => Self::OffsetForLeaderEpoch(super::OffsetForLeaderEpochResponse::random(rng, version)),
            ApiKey::AddPartitionsToTxn => Self::AddPartitionsToTxn(super::AddPartitionsToTxnResponse::random(rng, version)),
            ApiKey::AddOffsetsToTxn => Self::AddOffsetsToTxn(super::AddOffsetsToTxnResponse::random(rng, version)),
            ApiKey::EndTxn => Self::EndTxn(super::EndTxnResponse::random(rng, version)),
            ApiKey::WriteTxnMarkers => Self::WriteTxnMarkers(super::WriteTxnMarkersResponse::random(rng, version)),
            ApiKey::TxnOffsetCommit => Self::TxnOffsetCommit(super::TxnOffsetCommitResponse::random(rng, version)),
            ApiKey::DescribeAcls => Self::DescribeAcls(super::DescribeAclsResponse::random(rng, version)),
            ApiKey::CreateAcls => Self::CreateAcls(super::CreateAclsResponse::random(rng, version)),
            ApiKey::DeleteAcls => Self::DeleteAcls(super::DeleteAclsResponse::random(rng, version)),
            ApiKey::DescribeConfigs => Self::DescribeConfigs(super::DescribeConfigsResponse::random(rng, version)),
            ApiKey::AlterConfigs => Self::AlterConfigs(super::AlterConfigsResponse::random(rng, version)),
            ApiKey::AlterReplicaLogDirs => Self::AlterReplicaLogDirs(super::AlterReplicaLogDirsResponse::random(rng, version)),
            ApiKey::DescribeLogDirs => Self::DescribeLogDirs(super::DescribeLogDirsResponse::random(rng, version)),
            ApiKey::SaslAuthenticate => Self::SaslAuthenticate(super::SaslAuthenticateResponse::random(rng, version)),
            ApiKey::CreatePartitions => Self::CreatePartitions(super::CreatePartitionsResponse::random(rng, version)),
            ApiKey::CreateDelegationToken => Self::CreateDelegationToken(super::CreateDelegationTokenResponse::random(rng, version)),
            ApiKey::RenewDelegationToken => Self::RenewDelegationToken(super::RenewDelegationTokenResponse::random(rng, version)),
            ApiKey::ExpireDelegationToken => Self::ExpireDelegationToken(super::ExpireDelegationTokenResponse::random(rng, version)),
            ApiKey::DescribeDelegationToken => Self::DescribeDelegationToken(super::DescribeDelegationTokenResponse::random(rng, version)),
            ApiKey::DeleteGroups => Self::DeleteGroups(super::DeleteGroupsResponse::random(rng, version)),
            ApiKey::ElectLeaders => Self::ElectLeaders(super::ElectLeadersResponse::random(rng, version)),
            ApiKey::IncrementalAlterConfigs => Self::IncrementalAlterConfigs(super::IncrementalAlterConfigsResponse::random(rng, version)),
            ApiKey::AlterPartitionReassignments => Self::AlterPartitionReassignments(super::AlterPartitionReassignmentsResponse::random(rng, version)),
            ApiKey::ListPartitionReassignments => Self::ListPartitionReassignments(super::ListPartitionReassignmentsResponse::random(rng, version)),
            ApiKey::OffsetDelete => Self::OffsetDelete(super::OffsetDeleteResponse::random(rng, version)),
            ApiKey::DescribeClientQuotas => Self::DescribeClientQuotas(super::DescribeClientQuotasResponse::random(rng, version)),
            ApiKey::AlterClientQuotas => Self::AlterClientQuotas(super::AlterClientQuotasResponse::random(rng, version)),
            ApiKey::DescribeUserScramCredentials => Self::DescribeUserScramCredentials(super::DescribeUserScramCredentialsResponse::random(rng, version)),
            ApiKey::AlterUserScramCredentials => Self::AlterUserScramCredentials(super::AlterUserScramCredentialsResponse::random(rng, version)),
            ApiKey::Vote => Self::Vote(super::VoteResponse::random(rng, version)),
            ApiKey::BeginQuorumEpoch => Self::BeginQuorumEpoch(super::BeginQuorumEpochResponse::random(rng, version)),
            ApiKey::EndQuorumEpoch => Self::EndQuorumEpoch(super::EndQuorumEpochResponse::random(rng, version)),
            ApiKey::DescribeQuorum => Self::DescribeQuorum(super::DescribeQuorumResponse::random(rng, version)),
            ApiKey::AlterPartition => Self::AlterPartition(super::AlterPartitionResponse::random(rng, version)),
            ApiKey::UpdateFeatures => Self::UpdateFeatures(super::UpdateFeaturesResponse::random(rng, version)),
            ApiKey::Envelope => Self::Envelope(super::EnvelopeResponse::random(rng, version)),
            ApiKey::FetchSnapshot => Self::FetchSnapshot(super::FetchSnapshotResponse::random(rng, version)),
            ApiKey::DescribeCluster => Self::DescribeCluster(super::DescribeClusterResponse::random(rng, version)),
            ApiKey::DescribeProducers => Self::DescribeProducers(super::DescribeProducersResponse::random(rng, version)),
            ApiKey::BrokerRegistration => Self::BrokerRegistration(super::BrokerRegistrationResponse::random(rng, version)),
            ApiKey::BrokerHeartbeat => Self::BrokerHeartbeat(super::BrokerHeartbeatResponse::random(rng, version)),
            ApiKey::UnregisterBroker => Self::UnregisterBroker(super::UnregisterBrokerResponse::random(rng, version)),
            ApiKey::DescribeTransactions => Self::DescribeTransactions(super::DescribeTransactionsResponse::random(rng, version)),
            ApiKey::ListTransactions => Self::ListTransactions(super::ListTransactionsResponse::random(rng, version)),
            ApiKey::AllocateProducerIds => Self::AllocateProducerIds(super::AllocateProducerIdsResponse::random(rng, version)),
            ApiKey::ConsumerGroupHeartbeat => Self::ConsumerGroupHeartbeat(super::ConsumerGroupHeartbeatResponse::random(rng, version)),
            ApiKey::ConsumerGroupDescribe => Self::ConsumerGroupDescribe(super::ConsumerGroupDescribeResponse::random(rng, version)),
            ApiKey::ControllerRegistration => Self::ControllerRegistration(super::ControllerRegistrationResponse::random(rng, version)),
            ApiKey::GetTelemetrySubscriptions => Self::GetTelemetrySubscriptions(super::GetTelemetrySubscriptionsResponse::random(rng, version)),
            ApiKey::PushTelemetry => Self::PushTelemetry(super::PushTelemetryResponse::random(rng, version)),
            ApiKey::AssignReplicasToDirs => Self::AssignReplicasToDirs(super::AssignReplicasToDirsResponse::random(rng, version)),
            ApiKey::ListConfigResources => Self::ListConfigResources(super::ListConfigResourcesResponse::random(rng, version)),
            ApiKey::DescribeTopicPartitions => Self::DescribeTopicPartitions(super::DescribeTopicPartitionsResponse::random(rng, version)),
            ApiKey::ShareGroupHeartbeat => Self::ShareGroupHeartbeat(super::ShareGroupHeartbeatResponse::random(rng, version)),
            ApiKey::ShareGroupDescribe => Self::ShareGroupDescribe(super::ShareGroupDescribeResponse::random(rng, version)),
            ApiKey::ShareFetch => Self::ShareFetch(super::ShareFetchResponse::random(rng, version)),
            ApiKey::ShareAcknowledge => Self::ShareAcknowledge(super::ShareAcknowledgeResponse::random(rng, version)),
            ApiKey::AddRaftVoter => Self::AddRaftVoter(super::AddRaftVoterResponse::random(rng, version)),
            ApiKey::RemoveRaftVoter => Self::RemoveRaftVoter(super::RemoveRaftVoterResponse::random(rng, version)),
            ApiKey::UpdateRaftVoter => Self::UpdateRaftVoter(super::UpdateRaftVoterResponse::random(rng, version)),
            ApiKey::InitializeShareGroupState => Self::InitializeShareGroupState(super::InitializeShareGroupStateResponse::random(rng, version)),
            ApiKey::ReadShareGroupState => Self::ReadShareGroupState(super::ReadShareGroupStateResponse::random(rng, version)),
            ApiKey::WriteShareGroupState => Self::WriteShareGroupState(super::WriteShareGroupStateResponse::random(rng, version)),
            ApiKey::DeleteShareGroupState => Self::DeleteShareGroupState(super::DeleteShareGroupStateResponse::random(rng, version)),
            ApiKey::ReadShareGroupStateSummary => Self::ReadShareGroupStateSummary(super::ReadShareGroupStateSummaryResponse::random(rng, version)),
            ApiKey::StreamsGroupHeartbeat => Self::StreamsGroupHeartbeat(super::StreamsGroupHeartbeatResponse::random(rng, version)),
            ApiKey::StreamsGroupDescribe => Self::StreamsGroupDescribe(super::StreamsGroupDescribeResponse::random(rng, version)),
            ApiKey::DescribeShareGroupOffsets => Self::DescribeShareGroupOffsets(super::DescribeShareGroupOffsetsResponse::random(rng, version)),
            ApiKey::AlterShareGroupOffsets => Self::AlterShareGroupOffsets(super::AlterShareGroupOffsetsResponse::random(rng, version)),
            ApiKey::DeleteShareGroupOffsets => Self::DeleteShareGroupOffsets(super::DeleteShareGroupOffsetsResponse::random(rng, version)),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Self::StreamsGroupTopologyDescriptionUpdate(super::StreamsGroupTopologyDescriptionUpdateResponse::random(rng, version)),
            ApiKey::UnregisterController => Self::UnregisterController(super::UnregisterControllerResponse::random(rng, version)),
        }
    }
}

impl From<super::ProduceResponse> for ResponseBody {
    fn from(m: super::ProduceResponse) -> Self {
        Self::Produce(m)
    }
}

impl From<super::FetchResponse> for ResponseBody {
    fn from(m: super::FetchResponse) -> Self {
        Self::Fetch(m)
    }
}

impl From<super::ListOffsetsResponse> for ResponseBody {
    fn from(m: super::ListOffsetsResponse) -> Self {
        Self::ListOffsets(m)
    }
}

impl From<super::MetadataResponse> for ResponseBody {
    fn from(m: super::MetadataResponse) -> Self {
        Self::Metadata(m)
    }
}

impl From<super::OffsetCommitResponse> for ResponseBody {
    fn from(m: super::OffsetCommitResponse) -> Self {
        Self::OffsetCommit(m)
    }
}

impl From<super::OffsetFetchResponse> for ResponseBody {
    fn from(m: super::OffsetFetchResponse) -> Self {
        Self::OffsetFetch(m)
    }
}

impl From<super::FindCoordinatorResponse> for ResponseBody {
    fn from(m: super::FindCoordinatorResponse) -> Self {
        Self::FindCoordinator(m)
    }
}

impl From<super::JoinGroupResponse> for ResponseBody {
    fn from(m: super::JoinGroupResponse) -> Self {
        Self::JoinGroup(m)
    }
}

impl From<super::HeartbeatResponse> for ResponseBody {
    fn from(m: super::HeartbeatResponse) -> Self {
        Self::Heartbeat(m)
    }
}

impl From<super::LeaveGroupResponse> for ResponseBody {
    fn from(m: super::LeaveGroupResponse) -> Self {
        Self::LeaveGroup(m)
    }
}

impl From<super::SyncGroupResponse> for ResponseBody {
    fn from(m: super::SyncGroupResponse) -> Self {
        Self::SyncGroup(m)
    }
}

impl From<super::DescribeGroupsResponse> for ResponseBody {
    fn from(m: super::DescribeGroupsResponse) -> Self {
        Self::DescribeGroups(m)
    }
}

impl From<super::ListGroupsResponse> for ResponseBody {
    fn from(m: super::ListGroupsResponse) -> Self {
        Self::ListGroups(m)
    }
}

impl From<super::SaslHandshakeResponse> for ResponseBody {
    fn from(m: super::SaslHandshakeResponse) -> Self {
        Self::SaslHandshake(m)
    }
}

impl From<super::ApiVersionsResponse> for ResponseBody {
    fn from(m: super::ApiVersionsResponse) -> Self {
        Self::ApiVersions(m)
    }
}

impl From<super::CreateTopicsResponse> for ResponseBody {
    fn from(m: super::CreateTopicsResponse) -> Self {
        Self::CreateTopics(m)
    }
}

impl From<super::DeleteTopicsResponse> for ResponseBody {
    fn from(m: super::DeleteTopicsResponse) -> Self {
        Self::DeleteTopics(m)
    }
}

impl From<super::DeleteRecordsResponse> for ResponseBody {
    fn from(m: super::DeleteRecordsResponse) -> Self {
        Self::DeleteRecords(m)
    }
}

impl From<super::InitProducerIdResponse> for ResponseBody {
    fn from(m: super::InitProducerIdResponse) -> Self {
        Self::InitProducerId(m)
    }
}

impl From<super::OffsetForLeaderEpochResponse> for ResponseBody {
    fn from(m: super::OffsetForLeaderEpochResponse) -> Self {
        Self::OffsetForLeaderEpoch(m)
    }
}

impl From<super::AddPartitionsToTxnResponse> for ResponseBody {
    fn from(m: super::AddPartitionsToTxnResponse) -> Self {
        Self::AddPartitionsToTxn(m)
    }
}

impl From<super::AddOffsetsToTxnResponse> for ResponseBody {
    fn from(m: super::AddOffsetsToTxnResponse) -> Self {
        Self::AddOffsetsToTxn(m)
    }
}

impl From<super::EndTxnResponse> for ResponseBody {
    fn from(m: super::EndTxnResponse) -> Self {
        Self::EndTxn(m)
    }
}

impl From<super::WriteTxnMarkersResponse> for ResponseBody {
    fn from(m: super::WriteTxnMarkersResponse) -> Self {
        Self::WriteTxnMarkers(m)
    }
}

impl From<super::TxnOffsetCommitResponse> for ResponseBody {
    fn from(m: super::TxnOffsetCommitResponse) -> Self {
        Self::TxnOffsetCommit(m)
    }
}

impl From<super::DescribeAclsResponse> for ResponseBody {
    fn from(m: super::DescribeAclsResponse) -> Self {
        Self::DescribeAcls(m)
    }
}

impl From<super::CreateAclsResponse> for ResponseBody {
    fn from(m: super::CreateAclsResponse) -> Self {
        Self::CreateAcls(m)
    }
}

impl From<super::DeleteAclsResponse> for ResponseBody {
    fn from(m: super::DeleteAclsResponse) -> Self {
        Self::DeleteAcls(m)
    }
}

impl From<super::DescribeConfigsResponse> for ResponseBody {
    fn from(m: super::DescribeConfigsResponse) -> Self {
        Self::DescribeConfigs(m)
    }
}

impl From<super::AlterConfigsResponse> for ResponseBody {
    fn from(m: super::AlterConfigsResponse) -> Self {
        Self::AlterConfigs(m)
    }
}

impl From<super::AlterReplicaLogDirsResponse> for ResponseBody {
    fn from(m: super::AlterReplicaLogDirsResponse) -> Self {
        Self::AlterReplicaLogDirs(m)
    }
}

impl From<super::DescribeLogDirsResponse> for ResponseBody {
    fn from(m: super::DescribeLogDirsResponse) -> Self {
        Self::DescribeLogDirs(m)
    }
}

impl From<super::SaslAuthenticateResponse> for ResponseBody {
    fn from(m: super::SaslAuthenticateResponse) -> Self {
        Self::SaslAuthenticate(m)
    }
}

impl From<super::CreatePartitionsResponse> for ResponseBody {
    fn from(m: super::CreatePartitionsResponse) -> Self {
        Self::CreatePartitions(m)
    }
}

impl From<super::CreateDelegationTokenResponse> for ResponseBody {
    fn from(m: super::CreateDelegationTokenResponse) -> Self {
        Self::CreateDelegationToken(m)
    }
}

impl From<super::RenewDelegationTokenResponse> for ResponseBody {
    fn from(m: super::RenewDelegationTokenResponse) -> Self {
        Self::RenewDelegationToken(m)
    }
}

impl From<super::ExpireDelegationTokenResponse> for ResponseBody {
    fn from(m: super::ExpireDelegationTokenResponse) -> Self {
        Self::ExpireDelegationToken(m)
    }
}

impl From<super::DescribeDelegationTokenResponse> for ResponseBody {
    fn from(m: super::DescribeDelegationTokenResponse) -> Self {
        Self::DescribeDelegationToken(m)
    }
}

impl From<super::DeleteGroupsResponse> for ResponseBody {
    fn from(m: super::DeleteGroupsResponse) -> Self {
        Self::DeleteGroups(m)
    }
}

impl From<super::ElectLeadersResponse> for ResponseBody {
    fn from(m: super::ElectLeadersResponse) -> Self {
        Self::ElectLeaders(m)
    }
}

impl From<super::IncrementalAlterConfigsResponse> for ResponseBody {
    fn from(m: super::IncrementalAlterConfigsResponse) -> Self {
        Self::IncrementalAlterConfigs(m)
    }
}

impl From<super::AlterPartitionReassignmentsResponse> for ResponseBody {
    fn from(m: super::AlterPartitionReassignmentsResponse) -> Self {
        Self::AlterPartitionReassignments(m)
    }
}

impl From<super::ListPartitionReassignmentsResponse> for ResponseBody {
    fn from(m: super::ListPartitionReassignmentsResponse) -> Self {
        Self::ListPartitionReassignments(m)
    }
}

impl From<super::OffsetDeleteResponse> for ResponseBody {
    fn from(m: super::OffsetDeleteResponse) -> Self {
        Self::OffsetDelete(m)
    }
}

impl From<super::DescribeClientQuotasResponse> for ResponseBody {
    fn from(m: super::DescribeClientQuotasResponse) -> Self {
        Self::DescribeClientQuotas(m)
    }
}

impl From<super::AlterClientQuotasResponse> for ResponseBody {
    fn from(m: super::AlterClientQuotasResponse) -> Self {
        Self::AlterClientQuotas(m)
    }
}

impl From<super::DescribeUserScramCredentialsResponse> for ResponseBody {
    fn from(m: super::DescribeUserScramCredentialsResponse) -> Self {
        Self::DescribeUserScramCredentials(m)
    }
}

impl From<super::AlterUserScramCredentialsResponse> for ResponseBody {
    fn from(m: super::AlterUserScramCredentialsResponse) -> Self {
        Self::AlterUserScramCredentials(m)
    }
}

impl From<super::VoteResponse> for ResponseBody {
    fn from(m: super::VoteResponse) -> Self {
        Self::Vote(m)
    }
}

impl From<super::BeginQuorumEpochResponse> for ResponseBody {
    fn from(m: super::BeginQuorumEpochResponse) -> Self {
        Self::BeginQuorumEpoch(m)
    }
}

impl From<super::EndQuorumEpochResponse> for ResponseBody {
    fn from(m: super::EndQuorumEpochResponse) -> Self {
        Self::EndQuorumEpoch(m)
    }
}

impl From<super::DescribeQuorumResponse> for ResponseBody {
    fn from(m: super::DescribeQuorumResponse) -> Self {
        Self::DescribeQuorum(m)
    }
}

impl From<super::AlterPartitionResponse> for ResponseBody {
    fn from(m: super::AlterPartitionResponse) -> Self {
        Self::AlterPartition(m)
    }
}

impl From<super::UpdateFeaturesResponse> for ResponseBody {
    fn from(m: super::UpdateFeaturesResponse) -> Self {
        Self::UpdateFeatures(m)
    }
}

impl From<super::EnvelopeResponse> for ResponseBody {
    fn from(m: super::EnvelopeResponse) -> Self {
        Self::Envelope(m)
    }
}

impl From<super::FetchSnapshotResponse> for ResponseBody {
    fn from(m: super::FetchSnapshotResponse) -> Self {
        Self::FetchSnapshot(m)
    }
}

impl From<super::DescribeClusterResponse> for ResponseBody {
    fn from(m: super::DescribeClusterResponse) -> Self {
        Self::DescribeCluster(m)
    }
}

impl From<super::DescribeProducersResponse> for ResponseBody {
    fn from(m: super::DescribeProducersResponse) -> Self {
        Self::DescribeProducers(m)
    }
}

impl From<super::BrokerRegistrationResponse> for ResponseBody {
    fn from(m: super::BrokerRegistrationResponse) -> Self {
        Self::BrokerRegistration(m)
    }
}

impl From<super::BrokerHeartbeatResponse> for ResponseBody {
    fn from(m: super::BrokerHeartbeatResponse) -> Self {
        Self::BrokerHeartbeat(m)
    }
}

impl From<super::UnregisterBrokerResponse> for ResponseBody {
    fn from(m: super::UnregisterBrokerResponse) -> Self {
        Self::UnregisterBroker(m)
    }
}

impl From<super::DescribeTransactionsResponse> for ResponseBody {
    fn from(m: super::DescribeTransactionsResponse) -> Self {
        Self::DescribeTransactions(m)
    }
}

impl From<super::ListTransactionsResponse> for ResponseBody {
    fn from(m: super::ListTransactionsResponse) -> Self {
        Self::ListTransactions(m)
    }
}

impl From<super::AllocateProducerIdsResponse> for ResponseBody {
    fn from(m: super::AllocateProducerIdsResponse) -> Self {
        Self::AllocateProducerIds(m)
    }
}

impl From<super::ConsumerGroupHeartbeatResponse> for ResponseBody {
    fn from(m: super::ConsumerGroupHeartbeatResponse) -> Self {
        Self::ConsumerGroupHeartbeat(m)
    }
}

impl From<super::ConsumerGroupDescribeResponse> for ResponseBody {
    fn from(m: super::ConsumerGroupDescribeResponse) -> Self {
        Self::ConsumerGroupDescribe(m)
    }
}

impl From<super::ControllerRegistrationResponse> for ResponseBody {
    fn from(m: super::ControllerRegistrationResponse) -> Self {
        Self::ControllerRegistration(m)
    }
}

impl From<super::GetTelemetrySubscriptionsResponse> for ResponseBody {
    fn from(m: super::GetTelemetrySubscriptionsResponse) -> Self {
        Self::GetTelemetrySubscriptions(m)
    }
}

impl From<super::PushTelemetryResponse> for ResponseBody {
    fn from(m: super::PushTelemetryResponse) -> Self {
        Self::PushTelemetry(m)
    }
}

impl From<super::AssignReplicasToDirsResponse> for ResponseBody {
    fn from(m: super::AssignReplicasToDirsResponse) -> Self {
        Self::AssignReplicasToDirs(m)
    }
}

impl From<super::ListConfigResourcesResponse> for ResponseBody {
    fn from(m: super::ListConfigResourcesResponse) -> Self {
        Self::ListConfigResources(m)
    }
}

impl From<super::DescribeTopicPartitionsResponse> for ResponseBody {
    fn from(m: super::DescribeTopicPartitionsResponse) -> Self {
        Self::DescribeTopicPartitions(m)
    }
}

impl From<super::ShareGroupHeartbeatResponse> for ResponseBody {
    fn from(m: super::ShareGroupHeartbeatResponse) -> Self {
        Self::ShareGroupHeartbeat(m)
    }
}

impl From<super::ShareGroupDescribeResponse> for ResponseBody {
    fn from(m: super::ShareGroupDescribeResponse) -> Self {
        Self::ShareGroupDescribe(m)
    }
}

impl From<super::ShareFetchResponse> for ResponseBody {
    fn from(m: super::ShareFetchResponse) -> Self {
        Self::ShareFetch(m)
    }
}

impl From<super::ShareAcknowledgeResponse> for ResponseBody {
    fn from(m: super::ShareAcknowledgeResponse) -> Self {
        Self::ShareAcknowledge(m)
    }
}

impl From<super::AddRaftVoterResponse> for ResponseBody {
    fn from(m: super::AddRaftVoterResponse) -> Self {
        Self::AddRaftVoter(m)
    }
}

impl From<super::RemoveRaftVoterResponse> for ResponseBody {
    fn from(m: super::RemoveRaftVoterResponse) -> Self {
        Self::RemoveRaftVoter(m)
    }
}

impl From<super::UpdateRaftVoterResponse> for ResponseBody {
    fn from(m: super::UpdateRaftVoterResponse) -> Self {
        Self::UpdateRaftVoter(m)
    }
}

impl From<super::InitializeShareGroupStateResponse> for ResponseBody {
    fn from(m: super::InitializeShareGroupStateResponse) -> Self {
        Self::InitializeShareGroupState(m)
    }
}

impl From<super::ReadShareGroupStateResponse> for ResponseBody {
    fn from(m: super::ReadShareGroupStateResponse) -> Self {
        Self::ReadShareGroupState(m)
    }
}

impl From<super::WriteShareGroupStateResponse> for ResponseBody {
    fn from(m: super::WriteShareGroupStateResponse) -> Self {
        Self::WriteShareGroupState(m)
    }
}

impl From<super::DeleteShareGroupStateResponse> for ResponseBody {
    fn from(m: super::DeleteShareGroupStateResponse) -> Self {
        Self::DeleteShareGroupState(m)
    }
}

impl From<super::ReadShareGroupStateSummaryResponse> for ResponseBody {
    fn from(m: super::ReadShareGroupStateSummaryResponse) -> Self {
        Self::ReadShareGroupStateSummary(m)
    }
}

impl From<super::StreamsGroupHeartbeatResponse> for ResponseBody {
    fn from(m: super::StreamsGroupHeartbeatResponse) -> Self {
        Self::StreamsGroupHeartbeat(m)
    }
}

impl From<super::StreamsGroupDescribeResponse> for ResponseBody {
    fn from(m: super::StreamsGroupDescribeResponse) -> Self {
        Self::StreamsGroupDescribe(m)
    }
}

impl From<super::DescribeShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: super::DescribeShareGroupOffsetsResponse) -> Self {
        Self::DescribeShareGroupOffsets(m)
    }
}

impl From<super::AlterShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: super::AlterShareGroupOffsetsResponse) -> Self {
        Self::AlterShareGroupOffsets(m)
    }
}

impl From<super::DeleteShareGroupOffsetsResponse> for ResponseBody {
    fn from(m: super::DeleteShareGroupOffsetsResponse) -> Self {
        Self::DeleteShareGroupOffsets(m)
    }
}

impl From<super::StreamsGroupTopologyDescriptionUpdateResponse> for ResponseBody {
    fn from(m: super::StreamsGroupTopologyDescriptionUpdateResponse) -> Self {
        Self::StreamsGroupTopologyDescriptionUpdate(m)
    }
}

impl From<super::UnregisterControllerResponse> for ResponseBody {
    fn from(m: super::UnregisterControllerResponse) -> Self {
        Self::UnregisterController(m)
    }
}

