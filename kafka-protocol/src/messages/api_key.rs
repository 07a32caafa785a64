//! API keys, their version ranges and header versions.
//!
//! Generated from Apache Kafka kafka-clients 4.4.0 message specs. Do not edit: run `cargo xtask codegen`.

use crate::VersionRange;

/// A Kafka API, by the key that names it on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(i16)]
pub enum ApiKey {
    /// Key 0: `ProduceRequest` / `ProduceResponse`, versions 3-13.
    Produce = 0,
    /// Key 1: `FetchRequest` / `FetchResponse`, versions 4-18.
    Fetch = 1,
    /// Key 2: `ListOffsetsRequest` / `ListOffsetsResponse`, versions 1-11.
    ListOffsets = 2,
    /// Key 3: `MetadataRequest` / `MetadataResponse`, versions 0-13.
    Metadata = 3,
    /// Key 8: `OffsetCommitRequest` / `OffsetCommitResponse`, versions 2-10.
    OffsetCommit = 8,
    /// Key 9: `OffsetFetchRequest` / `OffsetFetchResponse`, versions 1-10.
    OffsetFetch = 9,
    /// Key 10: `FindCoordinatorRequest` / `FindCoordinatorResponse`, versions 0-6.
    FindCoordinator = 10,
    /// Key 11: `JoinGroupRequest` / `JoinGroupResponse`, versions 0-9.
    JoinGroup = 11,
    /// Key 12: `HeartbeatRequest` / `HeartbeatResponse`, versions 0-4.
    Heartbeat = 12,
    /// Key 13: `LeaveGroupRequest` / `LeaveGroupResponse`, versions 0-5.
    LeaveGroup = 13,
    /// Key 14: `SyncGroupRequest` / `SyncGroupResponse`, versions 0-5.
    SyncGroup = 14,
    /// Key 15: `DescribeGroupsRequest` / `DescribeGroupsResponse`, versions 0-6.
    DescribeGroups = 15,
    /// Key 16: `ListGroupsRequest` / `ListGroupsResponse`, versions 0-5.
    ListGroups = 16,
    /// Key 17: `SaslHandshakeRequest` / `SaslHandshakeResponse`, versions 0-1.
    SaslHandshake = 17,
    /// Key 18: `ApiVersionsRequest` / `ApiVersionsResponse`, versions 0-5.
    ApiVersions = 18,
    /// Key 19: `CreateTopicsRequest` / `CreateTopicsResponse`, versions 2-7.
    CreateTopics = 19,
    /// Key 20: `DeleteTopicsRequest` / `DeleteTopicsResponse`, versions 1-6.
    DeleteTopics = 20,
    /// Key 21: `DeleteRecordsRequest` / `DeleteRecordsResponse`, versions 0-2.
    DeleteRecords = 21,
    /// Key 22: `InitProducerIdRequest` / `InitProducerIdResponse`, versions 0-6.
    InitProducerId = 22,
    /// Key 23: `OffsetForLeaderEpochRequest` / `OffsetForLeaderEpochResponse`, versions 2-4.
    OffsetForLeaderEpoch = 23,
    /// Key 24: `AddPartitionsToTxnRequest` / `AddPartitionsToTxnResponse`, versions 0-5.
    AddPartitionsToTxn = 24,
    /// Key 25: `AddOffsetsToTxnRequest` / `AddOffsetsToTxnResponse`, versions 0-4.
    AddOffsetsToTxn = 25,
    /// Key 26: `EndTxnRequest` / `EndTxnResponse`, versions 0-5.
    EndTxn = 26,
    /// Key 27: `WriteTxnMarkersRequest` / `WriteTxnMarkersResponse`, versions 1-2.
    WriteTxnMarkers = 27,
    /// Key 28: `TxnOffsetCommitRequest` / `TxnOffsetCommitResponse`, versions 0-6.
    TxnOffsetCommit = 28,
    /// Key 29: `DescribeAclsRequest` / `DescribeAclsResponse`, versions 1-3.
    DescribeAcls = 29,
    /// Key 30: `CreateAclsRequest` / `CreateAclsResponse`, versions 1-3.
    CreateAcls = 30,
    /// Key 31: `DeleteAclsRequest` / `DeleteAclsResponse`, versions 1-3.
    DeleteAcls = 31,
    /// Key 32: `DescribeConfigsRequest` / `DescribeConfigsResponse`, versions 1-4.
    DescribeConfigs = 32,
    /// Key 33: `AlterConfigsRequest` / `AlterConfigsResponse`, versions 0-2.
    AlterConfigs = 33,
    /// Key 34: `AlterReplicaLogDirsRequest` / `AlterReplicaLogDirsResponse`, versions 1-2.
    AlterReplicaLogDirs = 34,
    /// Key 35: `DescribeLogDirsRequest` / `DescribeLogDirsResponse`, versions 1-5.
    DescribeLogDirs = 35,
    /// Key 36: `SaslAuthenticateRequest` / `SaslAuthenticateResponse`, versions 0-2.
    SaslAuthenticate = 36,
    /// Key 37: `CreatePartitionsRequest` / `CreatePartitionsResponse`, versions 0-3.
    CreatePartitions = 37,
    /// Key 38: `CreateDelegationTokenRequest` / `CreateDelegationTokenResponse`, versions 1-3.
    CreateDelegationToken = 38,
    /// Key 39: `RenewDelegationTokenRequest` / `RenewDelegationTokenResponse`, versions 1-2.
    RenewDelegationToken = 39,
    /// Key 40: `ExpireDelegationTokenRequest` / `ExpireDelegationTokenResponse`, versions 1-2.
    ExpireDelegationToken = 40,
    /// Key 41: `DescribeDelegationTokenRequest` / `DescribeDelegationTokenResponse`, versions 1-3.
    DescribeDelegationToken = 41,
    /// Key 42: `DeleteGroupsRequest` / `DeleteGroupsResponse`, versions 0-3.
    DeleteGroups = 42,
    /// Key 43: `ElectLeadersRequest` / `ElectLeadersResponse`, versions 0-2.
    ElectLeaders = 43,
    /// Key 44: `IncrementalAlterConfigsRequest` / `IncrementalAlterConfigsResponse`, versions 0-1.
    IncrementalAlterConfigs = 44,
    /// Key 45: `AlterPartitionReassignmentsRequest` / `AlterPartitionReassignmentsResponse`, versions 0-1.
    AlterPartitionReassignments = 45,
    /// Key 46: `ListPartitionReassignmentsRequest` / `ListPartitionReassignmentsResponse`, versions 0.
    ListPartitionReassignments = 46,
    /// Key 47: `OffsetDeleteRequest` / `OffsetDeleteResponse`, versions 0.
    OffsetDelete = 47,
    /// Key 48: `DescribeClientQuotasRequest` / `DescribeClientQuotasResponse`, versions 0-1.
    DescribeClientQuotas = 48,
    /// Key 49: `AlterClientQuotasRequest` / `AlterClientQuotasResponse`, versions 0-1.
    AlterClientQuotas = 49,
    /// Key 50: `DescribeUserScramCredentialsRequest` / `DescribeUserScramCredentialsResponse`, versions 0.
    DescribeUserScramCredentials = 50,
    /// Key 51: `AlterUserScramCredentialsRequest` / `AlterUserScramCredentialsResponse`, versions 0.
    AlterUserScramCredentials = 51,
    /// Key 52: `VoteRequest` / `VoteResponse`, versions 0-2.
    Vote = 52,
    /// Key 53: `BeginQuorumEpochRequest` / `BeginQuorumEpochResponse`, versions 0-1.
    BeginQuorumEpoch = 53,
    /// Key 54: `EndQuorumEpochRequest` / `EndQuorumEpochResponse`, versions 0-1.
    EndQuorumEpoch = 54,
    /// Key 55: `DescribeQuorumRequest` / `DescribeQuorumResponse`, versions 0-2.
    DescribeQuorum = 55,
    /// Key 56: `AlterPartitionRequest` / `AlterPartitionResponse`, versions 2-3.
    AlterPartition = 56,
    /// Key 57: `UpdateFeaturesRequest` / `UpdateFeaturesResponse`, versions 0-2.
    UpdateFeatures = 57,
    /// Key 58: `EnvelopeRequest` / `EnvelopeResponse`, versions 0.
    Envelope = 58,
    /// Key 59: `FetchSnapshotRequest` / `FetchSnapshotResponse`, versions 0-1.
    FetchSnapshot = 59,
    /// Key 60: `DescribeClusterRequest` / `DescribeClusterResponse`, versions 0-2.
    DescribeCluster = 60,
    /// Key 61: `DescribeProducersRequest` / `DescribeProducersResponse`, versions 0.
    DescribeProducers = 61,
    /// Key 62: `BrokerRegistrationRequest` / `BrokerRegistrationResponse`, versions 0-4.
    BrokerRegistration = 62,
    /// Key 63: `BrokerHeartbeatRequest` / `BrokerHeartbeatResponse`, versions 0-2.
    BrokerHeartbeat = 63,
    /// Key 64: `UnregisterBrokerRequest` / `UnregisterBrokerResponse`, versions 0.
    UnregisterBroker = 64,
    /// Key 65: `DescribeTransactionsRequest` / `DescribeTransactionsResponse`, versions 0.
    DescribeTransactions = 65,
    /// Key 66: `ListTransactionsRequest` / `ListTransactionsResponse`, versions 0-2.
    ListTransactions = 66,
    /// Key 67: `AllocateProducerIdsRequest` / `AllocateProducerIdsResponse`, versions 0.
    AllocateProducerIds = 67,
    /// Key 68: `ConsumerGroupHeartbeatRequest` / `ConsumerGroupHeartbeatResponse`, versions 0-1.
    ConsumerGroupHeartbeat = 68,
    /// Key 69: `ConsumerGroupDescribeRequest` / `ConsumerGroupDescribeResponse`, versions 0-1.
    ConsumerGroupDescribe = 69,
    /// Key 70: `ControllerRegistrationRequest` / `ControllerRegistrationResponse`, versions 0.
    ControllerRegistration = 70,
    /// Key 71: `GetTelemetrySubscriptionsRequest` / `GetTelemetrySubscriptionsResponse`, versions 0.
    GetTelemetrySubscriptions = 71,
    /// Key 72: `PushTelemetryRequest` / `PushTelemetryResponse`, versions 0.
    PushTelemetry = 72,
    /// Key 73: `AssignReplicasToDirsRequest` / `AssignReplicasToDirsResponse`, versions 0.
    AssignReplicasToDirs = 73,
    /// Key 74: `ListConfigResourcesRequest` / `ListConfigResourcesResponse`, versions 0-1.
    ListConfigResources = 74,
    /// Key 75: `DescribeTopicPartitionsRequest` / `DescribeTopicPartitionsResponse`, versions 0.
    DescribeTopicPartitions = 75,
    /// Key 76: `ShareGroupHeartbeatRequest` / `ShareGroupHeartbeatResponse`, versions 1.
    ShareGroupHeartbeat = 76,
    /// Key 77: `ShareGroupDescribeRequest` / `ShareGroupDescribeResponse`, versions 1.
    ShareGroupDescribe = 77,
    /// Key 78: `ShareFetchRequest` / `ShareFetchResponse`, versions 1-2.
    ShareFetch = 78,
    /// Key 79: `ShareAcknowledgeRequest` / `ShareAcknowledgeResponse`, versions 1-2.
    ShareAcknowledge = 79,
    /// Key 80: `AddRaftVoterRequest` / `AddRaftVoterResponse`, versions 0-1.
    AddRaftVoter = 80,
    /// Key 81: `RemoveRaftVoterRequest` / `RemoveRaftVoterResponse`, versions 0.
    RemoveRaftVoter = 81,
    /// Key 82: `UpdateRaftVoterRequest` / `UpdateRaftVoterResponse`, versions 0.
    UpdateRaftVoter = 82,
    /// Key 83: `InitializeShareGroupStateRequest` / `InitializeShareGroupStateResponse`, versions 0.
    InitializeShareGroupState = 83,
    /// Key 84: `ReadShareGroupStateRequest` / `ReadShareGroupStateResponse`, versions 0.
    ReadShareGroupState = 84,
    /// Key 85: `WriteShareGroupStateRequest` / `WriteShareGroupStateResponse`, versions 0-1.
    WriteShareGroupState = 85,
    /// Key 86: `DeleteShareGroupStateRequest` / `DeleteShareGroupStateResponse`, versions 0.
    DeleteShareGroupState = 86,
    /// Key 87: `ReadShareGroupStateSummaryRequest` / `ReadShareGroupStateSummaryResponse`, versions 0-1.
    ReadShareGroupStateSummary = 87,
    /// Key 88: `StreamsGroupHeartbeatRequest` / `StreamsGroupHeartbeatResponse`, versions 0-1.
    StreamsGroupHeartbeat = 88,
    /// Key 89: `StreamsGroupDescribeRequest` / `StreamsGroupDescribeResponse`, versions 0-1.
    StreamsGroupDescribe = 89,
    /// Key 90: `DescribeShareGroupOffsetsRequest` / `DescribeShareGroupOffsetsResponse`, versions 0-1.
    DescribeShareGroupOffsets = 90,
    /// Key 91: `AlterShareGroupOffsetsRequest` / `AlterShareGroupOffsetsResponse`, versions 0.
    AlterShareGroupOffsets = 91,
    /// Key 92: `DeleteShareGroupOffsetsRequest` / `DeleteShareGroupOffsetsResponse`, versions 0.
    DeleteShareGroupOffsets = 92,
    /// Key 93: `StreamsGroupTopologyDescriptionUpdateRequest` / `StreamsGroupTopologyDescriptionUpdateResponse`, versions 0.
    StreamsGroupTopologyDescriptionUpdate = 93,
    /// Key 94: `UnregisterControllerRequest` / `UnregisterControllerResponse`, versions 0.
    UnregisterController = 94,
}

impl ApiKey {
    /// Every API, in key order.
    pub const ALL: &'static [ApiKey] = &[
        ApiKey::Produce,
        ApiKey::Fetch,
        ApiKey::ListOffsets,
        ApiKey::Metadata,
        ApiKey::OffsetCommit,
        ApiKey::OffsetFetch,
        ApiKey::FindCoordinator,
        ApiKey::JoinGroup,
        ApiKey::Heartbeat,
        ApiKey::LeaveGroup,
        ApiKey::SyncGroup,
        ApiKey::DescribeGroups,
        ApiKey::ListGroups,
        ApiKey::SaslHandshake,
        ApiKey::ApiVersions,
        ApiKey::CreateTopics,
        ApiKey::DeleteTopics,
        ApiKey::DeleteRecords,
        ApiKey::InitProducerId,
        ApiKey::OffsetForLeaderEpoch,
        ApiKey::AddPartitionsToTxn,
        ApiKey::AddOffsetsToTxn,
        ApiKey::EndTxn,
        ApiKey::WriteTxnMarkers,
        ApiKey::TxnOffsetCommit,
        ApiKey::DescribeAcls,
        ApiKey::CreateAcls,
        ApiKey::DeleteAcls,
        ApiKey::DescribeConfigs,
        ApiKey::AlterConfigs,
        ApiKey::AlterReplicaLogDirs,
        ApiKey::DescribeLogDirs,
        ApiKey::SaslAuthenticate,
        ApiKey::CreatePartitions,
        ApiKey::CreateDelegationToken,
        ApiKey::RenewDelegationToken,
        ApiKey::ExpireDelegationToken,
        ApiKey::DescribeDelegationToken,
        ApiKey::DeleteGroups,
        ApiKey::ElectLeaders,
        ApiKey::IncrementalAlterConfigs,
        ApiKey::AlterPartitionReassignments,
        ApiKey::ListPartitionReassignments,
        ApiKey::OffsetDelete,
        ApiKey::DescribeClientQuotas,
        ApiKey::AlterClientQuotas,
        ApiKey::DescribeUserScramCredentials,
        ApiKey::AlterUserScramCredentials,
        ApiKey::Vote,
        ApiKey::BeginQuorumEpoch,
        ApiKey::EndQuorumEpoch,
        ApiKey::DescribeQuorum,
        ApiKey::AlterPartition,
        ApiKey::UpdateFeatures,
        ApiKey::Envelope,
        ApiKey::FetchSnapshot,
        ApiKey::DescribeCluster,
        ApiKey::DescribeProducers,
        ApiKey::BrokerRegistration,
        ApiKey::BrokerHeartbeat,
        ApiKey::UnregisterBroker,
        ApiKey::DescribeTransactions,
        ApiKey::ListTransactions,
        ApiKey::AllocateProducerIds,
        ApiKey::ConsumerGroupHeartbeat,
        ApiKey::ConsumerGroupDescribe,
        ApiKey::ControllerRegistration,
        ApiKey::GetTelemetrySubscriptions,
        ApiKey::PushTelemetry,
        ApiKey::AssignReplicasToDirs,
        ApiKey::ListConfigResources,
        ApiKey::DescribeTopicPartitions,
        ApiKey::ShareGroupHeartbeat,
        ApiKey::ShareGroupDescribe,
        ApiKey::ShareFetch,
        ApiKey::ShareAcknowledge,
        ApiKey::AddRaftVoter,
        ApiKey::RemoveRaftVoter,
        ApiKey::UpdateRaftVoter,
        ApiKey::InitializeShareGroupState,
        ApiKey::ReadShareGroupState,
        ApiKey::WriteShareGroupState,
        ApiKey::DeleteShareGroupState,
        ApiKey::ReadShareGroupStateSummary,
        ApiKey::StreamsGroupHeartbeat,
        ApiKey::StreamsGroupDescribe,
        ApiKey::DescribeShareGroupOffsets,
        ApiKey::AlterShareGroupOffsets,
        ApiKey::DeleteShareGroupOffsets,
        ApiKey::StreamsGroupTopologyDescriptionUpdate,
        ApiKey::UnregisterController,
    ];

    /// The API with key `key`, if this crate knows it.
    pub const fn from_i16(key: i16) -> Option<ApiKey> {
        Some(match key {
            0 => ApiKey::Produce,
            1 => ApiKey::Fetch,
            2 => ApiKey::ListOffsets,
            3 => ApiKey::Metadata,
            8 => ApiKey::OffsetCommit,
            9 => ApiKey::OffsetFetch,
            10 => ApiKey::FindCoordinator,
            11 => ApiKey::JoinGroup,
            12 => ApiKey::Heartbeat,
            13 => ApiKey::LeaveGroup,
            14 => ApiKey::SyncGroup,
            15 => ApiKey::DescribeGroups,
            16 => ApiKey::ListGroups,
            17 => ApiKey::SaslHandshake,
            18 => ApiKey::ApiVersions,
            19 => ApiKey::CreateTopics,
            20 => ApiKey::DeleteTopics,
            21 => ApiKey::DeleteRecords,
            22 => ApiKey::InitProducerId,
            23 => ApiKey::OffsetForLeaderEpoch,
            24 => ApiKey::AddPartitionsToTxn,
            25 => ApiKey::AddOffsetsToTxn,
            26 => ApiKey::EndTxn,
            27 => ApiKey::WriteTxnMarkers,
            28 => ApiKey::TxnOffsetCommit,
            29 => ApiKey::DescribeAcls,
            30 => ApiKey::CreateAcls,
            31 => ApiKey::DeleteAcls,
            32 => ApiKey::DescribeConfigs,
            33 => ApiKey::AlterConfigs,
            34 => ApiKey::AlterReplicaLogDirs,
            35 => ApiKey::DescribeLogDirs,
            36 => ApiKey::SaslAuthenticate,
            37 => ApiKey::CreatePartitions,
            38 => ApiKey::CreateDelegationToken,
            39 => ApiKey::RenewDelegationToken,
            40 => ApiKey::ExpireDelegationToken,
            41 => ApiKey::DescribeDelegationToken,
            42 => ApiKey::DeleteGroups,
            43 => ApiKey::ElectLeaders,
            44 => ApiKey::IncrementalAlterConfigs,
            45 => ApiKey::AlterPartitionReassignments,
            46 => ApiKey::ListPartitionReassignments,
            47 => ApiKey::OffsetDelete,
            48 => ApiKey::DescribeClientQuotas,
            49 => ApiKey::AlterClientQuotas,
            50 => ApiKey::DescribeUserScramCredentials,
            51 => ApiKey::AlterUserScramCredentials,
            52 => ApiKey::Vote,
            53 => ApiKey::BeginQuorumEpoch,
            54 => ApiKey::EndQuorumEpoch,
            55 => ApiKey::DescribeQuorum,
            56 => ApiKey::AlterPartition,
            57 => ApiKey::UpdateFeatures,
            58 => ApiKey::Envelope,
            59 => ApiKey::FetchSnapshot,
            60 => ApiKey::DescribeCluster,
            61 => ApiKey::DescribeProducers,
            62 => ApiKey::BrokerRegistration,
            63 => ApiKey::BrokerHeartbeat,
            64 => ApiKey::UnregisterBroker,
            65 => ApiKey::DescribeTransactions,
            66 => ApiKey::ListTransactions,
            67 => ApiKey::AllocateProducerIds,
            68 => ApiKey::ConsumerGroupHeartbeat,
            69 => ApiKey::ConsumerGroupDescribe,
            70 => ApiKey::ControllerRegistration,
            71 => ApiKey::GetTelemetrySubscriptions,
            72 => ApiKey::PushTelemetry,
            73 => ApiKey::AssignReplicasToDirs,
            74 => ApiKey::ListConfigResources,
            75 => ApiKey::DescribeTopicPartitions,
            76 => ApiKey::ShareGroupHeartbeat,
            77 => ApiKey::ShareGroupDescribe,
            78 => ApiKey::ShareFetch,
            79 => ApiKey::ShareAcknowledge,
            80 => ApiKey::AddRaftVoter,
            81 => ApiKey::RemoveRaftVoter,
            82 => ApiKey::UpdateRaftVoter,
            83 => ApiKey::InitializeShareGroupState,
            84 => ApiKey::ReadShareGroupState,
            85 => ApiKey::WriteShareGroupState,
            86 => ApiKey::DeleteShareGroupState,
            87 => ApiKey::ReadShareGroupStateSummary,
            88 => ApiKey::StreamsGroupHeartbeat,
            89 => ApiKey::StreamsGroupDescribe,
            90 => ApiKey::DescribeShareGroupOffsets,
            91 => ApiKey::AlterShareGroupOffsets,
            92 => ApiKey::DeleteShareGroupOffsets,
            93 => ApiKey::StreamsGroupTopologyDescriptionUpdate,
            94 => ApiKey::UnregisterController,
            _ => return None,
        })
    }

    /// The key as sent on the wire.
    pub const fn key(self) -> i16 {
        self as i16
    }

    /// The API's name (`Produce`).
    pub const fn name(self) -> &'static str {
        match self {
            ApiKey::Produce => "Produce",
            ApiKey::Fetch => "Fetch",
            ApiKey::ListOffsets => "ListOffsets",
            ApiKey::Metadata => "Metadata",
            ApiKey::OffsetCommit => "OffsetCommit",
            ApiKey::OffsetFetch => "OffsetFetch",
            ApiKey::FindCoordinator => "FindCoordinator",
            ApiKey::JoinGroup => "JoinGroup",
            ApiKey::Heartbeat => "Heartbeat",
            ApiKey::LeaveGroup => "LeaveGroup",
            ApiKey::SyncGroup => "SyncGroup",
            ApiKey::DescribeGroups => "DescribeGroups",
            ApiKey::ListGroups => "ListGroups",
            ApiKey::SaslHandshake => "SaslHandshake",
            ApiKey::ApiVersions => "ApiVersions",
            ApiKey::CreateTopics => "CreateTopics",
            ApiKey::DeleteTopics => "DeleteTopics",
            ApiKey::DeleteRecords => "DeleteRecords",
            ApiKey::InitProducerId => "InitProducerId",
            ApiKey::OffsetForLeaderEpoch => "OffsetForLeaderEpoch",
            ApiKey::AddPartitionsToTxn => "AddPartitionsToTxn",
            ApiKey::AddOffsetsToTxn => "AddOffsetsToTxn",
            ApiKey::EndTxn => "EndTxn",
            ApiKey::WriteTxnMarkers => "WriteTxnMarkers",
            ApiKey::TxnOffsetCommit => "TxnOffsetCommit",
            ApiKey::DescribeAcls => "DescribeAcls",
            ApiKey::CreateAcls => "CreateAcls",
            ApiKey::DeleteAcls => "DeleteAcls",
            ApiKey::DescribeConfigs => "DescribeConfigs",
            ApiKey::AlterConfigs => "AlterConfigs",
            ApiKey::AlterReplicaLogDirs => "AlterReplicaLogDirs",
            ApiKey::DescribeLogDirs => "DescribeLogDirs",
            ApiKey::SaslAuthenticate => "SaslAuthenticate",
            ApiKey::CreatePartitions => "CreatePartitions",
            ApiKey::CreateDelegationToken => "CreateDelegationToken",
            ApiKey::RenewDelegationToken => "RenewDelegationToken",
            ApiKey::ExpireDelegationToken => "ExpireDelegationToken",
            ApiKey::DescribeDelegationToken => "DescribeDelegationToken",
            ApiKey::DeleteGroups => "DeleteGroups",
            ApiKey::ElectLeaders => "ElectLeaders",
            ApiKey::IncrementalAlterConfigs => "IncrementalAlterConfigs",
            ApiKey::AlterPartitionReassignments => "AlterPartitionReassignments",
            ApiKey::ListPartitionReassignments => "ListPartitionReassignments",
            ApiKey::OffsetDelete => "OffsetDelete",
            ApiKey::DescribeClientQuotas => "DescribeClientQuotas",
            ApiKey::AlterClientQuotas => "AlterClientQuotas",
            ApiKey::DescribeUserScramCredentials => "DescribeUserScramCredentials",
            ApiKey::AlterUserScramCredentials => "AlterUserScramCredentials",
            ApiKey::Vote => "Vote",
            ApiKey::BeginQuorumEpoch => "BeginQuorumEpoch",
            ApiKey::EndQuorumEpoch => "EndQuorumEpoch",
            ApiKey::DescribeQuorum => "DescribeQuorum",
            ApiKey::AlterPartition => "AlterPartition",
            ApiKey::UpdateFeatures => "UpdateFeatures",
            ApiKey::Envelope => "Envelope",
            ApiKey::FetchSnapshot => "FetchSnapshot",
            ApiKey::DescribeCluster => "DescribeCluster",
            ApiKey::DescribeProducers => "DescribeProducers",
            ApiKey::BrokerRegistration => "BrokerRegistration",
            ApiKey::BrokerHeartbeat => "BrokerHeartbeat",
            ApiKey::UnregisterBroker => "UnregisterBroker",
            ApiKey::DescribeTransactions => "DescribeTransactions",
            ApiKey::ListTransactions => "ListTransactions",
            ApiKey::AllocateProducerIds => "AllocateProducerIds",
            ApiKey::ConsumerGroupHeartbeat => "ConsumerGroupHeartbeat",
            ApiKey::ConsumerGroupDescribe => "ConsumerGroupDescribe",
            ApiKey::ControllerRegistration => "ControllerRegistration",
            ApiKey::GetTelemetrySubscriptions => "GetTelemetrySubscriptions",
            ApiKey::PushTelemetry => "PushTelemetry",
            ApiKey::AssignReplicasToDirs => "AssignReplicasToDirs",
            ApiKey::ListConfigResources => "ListConfigResources",
            ApiKey::DescribeTopicPartitions => "DescribeTopicPartitions",
            ApiKey::ShareGroupHeartbeat => "ShareGroupHeartbeat",
            ApiKey::ShareGroupDescribe => "ShareGroupDescribe",
            ApiKey::ShareFetch => "ShareFetch",
            ApiKey::ShareAcknowledge => "ShareAcknowledge",
            ApiKey::AddRaftVoter => "AddRaftVoter",
            ApiKey::RemoveRaftVoter => "RemoveRaftVoter",
            ApiKey::UpdateRaftVoter => "UpdateRaftVoter",
            ApiKey::InitializeShareGroupState => "InitializeShareGroupState",
            ApiKey::ReadShareGroupState => "ReadShareGroupState",
            ApiKey::WriteShareGroupState => "WriteShareGroupState",
            ApiKey::DeleteShareGroupState => "DeleteShareGroupState",
            ApiKey::ReadShareGroupStateSummary => "ReadShareGroupStateSummary",
            ApiKey::StreamsGroupHeartbeat => "StreamsGroupHeartbeat",
            ApiKey::StreamsGroupDescribe => "StreamsGroupDescribe",
            ApiKey::DescribeShareGroupOffsets => "DescribeShareGroupOffsets",
            ApiKey::AlterShareGroupOffsets => "AlterShareGroupOffsets",
            ApiKey::DeleteShareGroupOffsets => "DeleteShareGroupOffsets",
            ApiKey::StreamsGroupTopologyDescriptionUpdate => "StreamsGroupTopologyDescriptionUpdate",
            ApiKey::UnregisterController => "UnregisterController",
        }
    }

    /// The versions this crate implements for the API.
    pub const fn versions(self) -> VersionRange {
        match self {
            ApiKey::Produce => VersionRange { min: 3, max: 13 },
            ApiKey::Fetch => VersionRange { min: 4, max: 18 },
            ApiKey::ListOffsets => VersionRange { min: 1, max: 11 },
            ApiKey::Metadata => VersionRange { min: 0, max: 13 },
            ApiKey::OffsetCommit => VersionRange { min: 2, max: 10 },
            ApiKey::OffsetFetch => VersionRange { min: 1, max: 10 },
            ApiKey::FindCoordinator => VersionRange { min: 0, max: 6 },
            ApiKey::JoinGroup => VersionRange { min: 0, max: 9 },
            ApiKey::Heartbeat => VersionRange { min: 0, max: 4 },
            ApiKey::LeaveGroup => VersionRange { min: 0, max: 5 },
            ApiKey::SyncGroup => VersionRange { min: 0, max: 5 },
            ApiKey::DescribeGroups => VersionRange { min: 0, max: 6 },
            ApiKey::ListGroups => VersionRange { min: 0, max: 5 },
            ApiKey::SaslHandshake => VersionRange { min: 0, max: 1 },
            ApiKey::ApiVersions => VersionRange { min: 0, max: 5 },
            ApiKey::CreateTopics => VersionRange { min: 2, max: 7 },
            ApiKey::DeleteTopics => VersionRange { min: 1, max: 6 },
            ApiKey::DeleteRecords => VersionRange { min: 0, max: 2 },
            ApiKey::InitProducerId => VersionRange { min: 0, max: 6 },
            ApiKey::OffsetForLeaderEpoch => VersionRange { min: 2, max: 4 },
            ApiKey::AddPartitionsToTxn => VersionRange { min: 0, max: 5 },
            ApiKey::AddOffsetsToTxn => VersionRange { min: 0, max: 4 },
            ApiKey::EndTxn => VersionRange { min: 0, max: 5 },
            ApiKey::WriteTxnMarkers => VersionRange { min: 1, max: 2 },
            ApiKey::TxnOffsetCommit => VersionRange { min: 0, max: 6 },
            ApiKey::DescribeAcls => VersionRange { min: 1, max: 3 },
            ApiKey::CreateAcls => VersionRange { min: 1, max: 3 },
            ApiKey::DeleteAcls => VersionRange { min: 1, max: 3 },
            ApiKey::DescribeConfigs => VersionRange { min: 1, max: 4 },
            ApiKey::AlterConfigs => VersionRange { min: 0, max: 2 },
            ApiKey::AlterReplicaLogDirs => VersionRange { min: 1, max: 2 },
            ApiKey::DescribeLogDirs => VersionRange { min: 1, max: 5 },
            ApiKey::SaslAuthenticate => VersionRange { min: 0, max: 2 },
            ApiKey::CreatePartitions => VersionRange { min: 0, max: 3 },
            ApiKey::CreateDelegationToken => VersionRange { min: 1, max: 3 },
            ApiKey::RenewDelegationToken => VersionRange { min: 1, max: 2 },
            ApiKey::ExpireDelegationToken => VersionRange { min: 1, max: 2 },
            ApiKey::DescribeDelegationToken => VersionRange { min: 1, max: 3 },
            ApiKey::DeleteGroups => VersionRange { min: 0, max: 3 },
            ApiKey::ElectLeaders => VersionRange { min: 0, max: 2 },
            ApiKey::IncrementalAlterConfigs => VersionRange { min: 0, max: 1 },
            ApiKey::AlterPartitionReassignments => VersionRange { min: 0, max: 1 },
            ApiKey::ListPartitionReassignments => VersionRange { min: 0, max: 0 },
            ApiKey::OffsetDelete => VersionRange { min: 0, max: 0 },
            ApiKey::DescribeClientQuotas => VersionRange { min: 0, max: 1 },
            ApiKey::AlterClientQuotas => VersionRange { min: 0, max: 1 },
            ApiKey::DescribeUserScramCredentials => VersionRange { min: 0, max: 0 },
            ApiKey::AlterUserScramCredentials => VersionRange { min: 0, max: 0 },
            ApiKey::Vote => VersionRange { min: 0, max: 2 },
            ApiKey::BeginQuorumEpoch => VersionRange { min: 0, max: 1 },
            ApiKey::EndQuorumEpoch => VersionRange { min: 0, max: 1 },
            ApiKey::DescribeQuorum => VersionRange { min: 0, max: 2 },
            ApiKey::AlterPartition => VersionRange { min: 2, max: 3 },
            ApiKey::UpdateFeatures => VersionRange { min: 0, max: 2 },
            ApiKey::Envelope => VersionRange { min: 0, max: 0 },
            ApiKey::FetchSnapshot => VersionRange { min: 0, max: 1 },
            ApiKey::DescribeCluster => VersionRange { min: 0, max: 2 },
            ApiKey::DescribeProducers => VersionRange { min: 0, max: 0 },
            ApiKey::BrokerRegistration => VersionRange { min: 0, max: 4 },
            ApiKey::BrokerHeartbeat => VersionRange { min: 0, max: 2 },
            ApiKey::UnregisterBroker => VersionRange { min: 0, max: 0 },
            ApiKey::DescribeTransactions => VersionRange { min: 0, max: 0 },
            ApiKey::ListTransactions => VersionRange { min: 0, max: 2 },
            ApiKey::AllocateProducerIds => VersionRange { min: 0, max: 0 },
            ApiKey::ConsumerGroupHeartbeat => VersionRange { min: 0, max: 1 },
            ApiKey::ConsumerGroupDescribe => VersionRange { min: 0, max: 1 },
            ApiKey::ControllerRegistration => VersionRange { min: 0, max: 0 },
            ApiKey::GetTelemetrySubscriptions => VersionRange { min: 0, max: 0 },
            ApiKey::PushTelemetry => VersionRange { min: 0, max: 0 },
            ApiKey::AssignReplicasToDirs => VersionRange { min: 0, max: 0 },
            ApiKey::ListConfigResources => VersionRange { min: 0, max: 1 },
            ApiKey::DescribeTopicPartitions => VersionRange { min: 0, max: 0 },
            ApiKey::ShareGroupHeartbeat => VersionRange { min: 1, max: 1 },
            ApiKey::ShareGroupDescribe => VersionRange { min: 1, max: 1 },
            ApiKey::ShareFetch => VersionRange { min: 1, max: 2 },
            ApiKey::ShareAcknowledge => VersionRange { min: 1, max: 2 },
            ApiKey::AddRaftVoter => VersionRange { min: 0, max: 1 },
            ApiKey::RemoveRaftVoter => VersionRange { min: 0, max: 0 },
            ApiKey::UpdateRaftVoter => VersionRange { min: 0, max: 0 },
            ApiKey::InitializeShareGroupState => VersionRange { min: 0, max: 0 },
            ApiKey::ReadShareGroupState => VersionRange { min: 0, max: 0 },
            ApiKey::WriteShareGroupState => VersionRange { min: 0, max: 1 },
            ApiKey::DeleteShareGroupState => VersionRange { min: 0, max: 0 },
            ApiKey::ReadShareGroupStateSummary => VersionRange { min: 0, max: 1 },
            ApiKey::StreamsGroupHeartbeat => VersionRange { min: 0, max: 1 },
            ApiKey::StreamsGroupDescribe => VersionRange { min: 0, max: 1 },
            ApiKey::DescribeShareGroupOffsets => VersionRange { min: 0, max: 1 },
            ApiKey::AlterShareGroupOffsets => VersionRange { min: 0, max: 0 },
            ApiKey::DeleteShareGroupOffsets => VersionRange { min: 0, max: 0 },
            ApiKey::StreamsGroupTopologyDescriptionUpdate => VersionRange { min: 0, max: 0 },
            ApiKey::UnregisterController => VersionRange { min: 0, max: 0 },
        }
    }

    /// Whether the newest version is still unstable in Apache Kafka (brokers only advertise it when
    /// configured to).
    pub const fn latest_version_unstable(self) -> bool {
        matches!(self, ApiKey::InitProducerId)
    }

    /// The first flexible version of the request, if any.
    pub const fn flexible_since(self) -> Option<i16> {
        match self {
            ApiKey::Produce => Some(9),
            ApiKey::Fetch => Some(12),
            ApiKey::ListOffsets => Some(6),
            ApiKey::Metadata => Some(9),
            ApiKey::OffsetCommit => Some(8),
            ApiKey::OffsetFetch => Some(6),
            ApiKey::FindCoordinator => Some(3),
            ApiKey::JoinGroup => Some(6),
            ApiKey::Heartbeat => Some(4),
            ApiKey::LeaveGroup => Some(4),
            ApiKey::SyncGroup => Some(4),
            ApiKey::DescribeGroups => Some(5),
            ApiKey::ListGroups => Some(3),
            ApiKey::SaslHandshake => None,
            ApiKey::ApiVersions => Some(3),
            ApiKey::CreateTopics => Some(5),
            ApiKey::DeleteTopics => Some(4),
            ApiKey::DeleteRecords => Some(2),
            ApiKey::InitProducerId => Some(2),
            ApiKey::OffsetForLeaderEpoch => Some(4),
            ApiKey::AddPartitionsToTxn => Some(3),
            ApiKey::AddOffsetsToTxn => Some(3),
            ApiKey::EndTxn => Some(3),
            ApiKey::WriteTxnMarkers => Some(1),
            ApiKey::TxnOffsetCommit => Some(3),
            ApiKey::DescribeAcls => Some(2),
            ApiKey::CreateAcls => Some(2),
            ApiKey::DeleteAcls => Some(2),
            ApiKey::DescribeConfigs => Some(4),
            ApiKey::AlterConfigs => Some(2),
            ApiKey::AlterReplicaLogDirs => Some(2),
            ApiKey::DescribeLogDirs => Some(2),
            ApiKey::SaslAuthenticate => Some(2),
            ApiKey::CreatePartitions => Some(2),
            ApiKey::CreateDelegationToken => Some(2),
            ApiKey::RenewDelegationToken => Some(2),
            ApiKey::ExpireDelegationToken => Some(2),
            ApiKey::DescribeDelegationToken => Some(2),
            ApiKey::DeleteGroups => Some(2),
            ApiKey::ElectLeaders => Some(2),
            ApiKey::IncrementalAlterConfigs => Some(1),
            ApiKey::AlterPartitionReassignments => Some(0),
            ApiKey::ListPartitionReassignments => Some(0),
            ApiKey::OffsetDelete => None,
            ApiKey::DescribeClientQuotas => Some(1),
            ApiKey::AlterClientQuotas => Some(1),
            ApiKey::DescribeUserScramCredentials => Some(0),
            ApiKey::AlterUserScramCredentials => Some(0),
            ApiKey::Vote => Some(0),
            ApiKey::BeginQuorumEpoch => Some(1),
            ApiKey::EndQuorumEpoch => Some(1),
            ApiKey::DescribeQuorum => Some(0),
            ApiKey::AlterPartition => Some(2),
            ApiKey::UpdateFeatures => Some(0),
            ApiKey::Envelope => Some(0),
            ApiKey::FetchSnapshot => Some(0),
            ApiKey::DescribeCluster => Some(0),
            ApiKey::DescribeProducers => Some(0),
            ApiKey::BrokerRegistration => Some(0),
            ApiKey::BrokerHeartbeat => Some(0),
            ApiKey::UnregisterBroker => Some(0),
            ApiKey::DescribeTransactions => Some(0),
            ApiKey::ListTransactions => Some(0),
            ApiKey::AllocateProducerIds => Some(0),
            ApiKey::ConsumerGroupHeartbeat => Some(0),
            ApiKey::ConsumerGroupDescribe => Some(0),
            ApiKey::ControllerRegistration => Some(0),
            ApiKey::GetTelemetrySubscriptions => Some(0),
            ApiKey::PushTelemetry => Some(0),
            ApiKey::AssignReplicasToDirs => Some(0),
            ApiKey::ListConfigResources => Some(0),
            ApiKey::DescribeTopicPartitions => Some(0),
            ApiKey::ShareGroupHeartbeat => Some(1),
            ApiKey::ShareGroupDescribe => Some(1),
            ApiKey::ShareFetch => Some(1),
            ApiKey::ShareAcknowledge => Some(1),
            ApiKey::AddRaftVoter => Some(0),
            ApiKey::RemoveRaftVoter => Some(0),
            ApiKey::UpdateRaftVoter => Some(0),
            ApiKey::InitializeShareGroupState => Some(0),
            ApiKey::ReadShareGroupState => Some(0),
            ApiKey::WriteShareGroupState => Some(0),
            ApiKey::DeleteShareGroupState => Some(0),
            ApiKey::ReadShareGroupStateSummary => Some(0),
            ApiKey::StreamsGroupHeartbeat => Some(0),
            ApiKey::StreamsGroupDescribe => Some(0),
            ApiKey::DescribeShareGroupOffsets => Some(0),
            ApiKey::AlterShareGroupOffsets => Some(0),
            ApiKey::DeleteShareGroupOffsets => Some(0),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Some(0),
            ApiKey::UnregisterController => Some(0),
        }
    }

    /// The request header version for a request of this API at `version`: 2 for flexible
    /// versions, 1 otherwise.
    pub const fn request_header_version(self, version: i16) -> i16 {
        match self.flexible_since() {
            Some(f) if version >= f => 2,
            _ => 1,
        }
    }

    /// The response header version for a response of this API at `version`: 1 for flexible
    /// versions, 0 otherwise, and always 0 for ApiVersions (so a client can read the answer of a
    /// broker that does not support the version it asked for).
    pub const fn response_header_version(self, version: i16) -> i16 {
        if matches!(self, ApiKey::ApiVersions) {
            return 0;
        }
        match self.response_flexible_since() {
            Some(f) if version >= f => 1,
            _ => 0,
        }
    }

    const fn response_flexible_since(self) -> Option<i16> {
        match self {
            ApiKey::Produce => Some(9),
            ApiKey::Fetch => Some(12),
            ApiKey::ListOffsets => Some(6),
            ApiKey::Metadata => Some(9),
            ApiKey::OffsetCommit => Some(8),
            ApiKey::OffsetFetch => Some(6),
            ApiKey::FindCoordinator => Some(3),
            ApiKey::JoinGroup => Some(6),
            ApiKey::Heartbeat => Some(4),
            ApiKey::LeaveGroup => Some(4),
            ApiKey::SyncGroup => Some(4),
            ApiKey::DescribeGroups => Some(5),
            ApiKey::ListGroups => Some(3),
            ApiKey::SaslHandshake => None,
            ApiKey::ApiVersions => Some(3),
            ApiKey::CreateTopics => Some(5),
            ApiKey::DeleteTopics => Some(4),
            ApiKey::DeleteRecords => Some(2),
            ApiKey::InitProducerId => Some(2),
            ApiKey::OffsetForLeaderEpoch => Some(4),
            ApiKey::AddPartitionsToTxn => Some(3),
            ApiKey::AddOffsetsToTxn => Some(3),
            ApiKey::EndTxn => Some(3),
            ApiKey::WriteTxnMarkers => Some(1),
            ApiKey::TxnOffsetCommit => Some(3),
            ApiKey::DescribeAcls => Some(2),
            ApiKey::CreateAcls => Some(2),
            ApiKey::DeleteAcls => Some(2),
            ApiKey::DescribeConfigs => Some(4),
            ApiKey::AlterConfigs => Some(2),
            ApiKey::AlterReplicaLogDirs => Some(2),
            ApiKey::DescribeLogDirs => Some(2),
            ApiKey::SaslAuthenticate => Some(2),
            ApiKey::CreatePartitions => Some(2),
            ApiKey::CreateDelegationToken => Some(2),
            ApiKey::RenewDelegationToken => Some(2),
            ApiKey::ExpireDelegationToken => Some(2),
            ApiKey::DescribeDelegationToken => Some(2),
            ApiKey::DeleteGroups => Some(2),
            ApiKey::ElectLeaders => Some(2),
            ApiKey::IncrementalAlterConfigs => Some(1),
            ApiKey::AlterPartitionReassignments => Some(0),
            ApiKey::ListPartitionReassignments => Some(0),
            ApiKey::OffsetDelete => None,
            ApiKey::DescribeClientQuotas => Some(1),
            ApiKey::AlterClientQuotas => Some(1),
            ApiKey::DescribeUserScramCredentials => Some(0),
            ApiKey::AlterUserScramCredentials => Some(0),
            ApiKey::Vote => Some(0),
            ApiKey::BeginQuorumEpoch => Some(1),
            ApiKey::EndQuorumEpoch => Some(1),
            ApiKey::DescribeQuorum => Some(0),
            ApiKey::AlterPartition => Some(2),
            ApiKey::UpdateFeatures => Some(0),
            ApiKey::Envelope => Some(0),
            ApiKey::FetchSnapshot => Some(0),
            ApiKey::DescribeCluster => Some(0),
            ApiKey::DescribeProducers => Some(0),
            ApiKey::BrokerRegistration => Some(0),
            ApiKey::BrokerHeartbeat => Some(0),
            ApiKey::UnregisterBroker => Some(0),
            ApiKey::DescribeTransactions => Some(0),
            ApiKey::ListTransactions => Some(0),
            ApiKey::AllocateProducerIds => Some(0),
            ApiKey::ConsumerGroupHeartbeat => Some(0),
            ApiKey::ConsumerGroupDescribe => Some(0),
            ApiKey::ControllerRegistration => Some(0),
            ApiKey::GetTelemetrySubscriptions => Some(0),
            ApiKey::PushTelemetry => Some(0),
            ApiKey::AssignReplicasToDirs => Some(0),
            ApiKey::ListConfigResources => Some(0),
            ApiKey::DescribeTopicPartitions => Some(0),
            ApiKey::ShareGroupHeartbeat => Some(1),
            ApiKey::ShareGroupDescribe => Some(1),
            ApiKey::ShareFetch => Some(1),
            ApiKey::ShareAcknowledge => Some(1),
            ApiKey::AddRaftVoter => Some(0),
            ApiKey::RemoveRaftVoter => Some(0),
            ApiKey::UpdateRaftVoter => Some(0),
            ApiKey::InitializeShareGroupState => Some(0),
            ApiKey::ReadShareGroupState => Some(0),
            ApiKey::WriteShareGroupState => Some(0),
            ApiKey::DeleteShareGroupState => Some(0),
            ApiKey::ReadShareGroupStateSummary => Some(0),
            ApiKey::StreamsGroupHeartbeat => Some(0),
            ApiKey::StreamsGroupDescribe => Some(0),
            ApiKey::DescribeShareGroupOffsets => Some(0),
            ApiKey::AlterShareGroupOffsets => Some(0),
            ApiKey::DeleteShareGroupOffsets => Some(0),
            ApiKey::StreamsGroupTopologyDescriptionUpdate => Some(0),
            ApiKey::UnregisterController => Some(0),
        }
    }
}

impl TryFrom<i16> for ApiKey {
    type Error = crate::DecodeErrorKind;

    fn try_from(key: i16) -> Result<Self, Self::Error> {
        ApiKey::from_i16(key).ok_or(crate::DecodeErrorKind::UnknownApiKey(key))
    }
}
