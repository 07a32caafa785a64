//! The ACL vocabulary of the protocol: resource types, pattern types, operations and permission
//! types, with their wire codes (Kafka's `ResourceType`, `PatternType`, `AclOperation` and
//! `AclPermissionType`).
//!
//! The message specs carry these as bare `int8` fields (CreateAcls, DescribeAcls, DeleteAcls)
//! and `int32` bit fields (the authorized operations of Metadata, DescribeCluster,
//! DescribeGroups, ...), so the generated messages cannot name them: this module is written by
//! hand, and codegen leaves it alone. A code Kafka does not define (or UNKNOWN, 0) decodes to
//! `Unknown` and encodes back to itself, so a value passes through unchanged even when this
//! crate is older than the broker.

macro_rules! acl_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
            /// A code Kafka does not define, or UNKNOWN (0).
            Unknown(i8),
        }

        impl $name {
            /// Its code on the wire.
            pub fn code(self) -> i8 {
                match self {
                    $($name::$variant => $code,)+
                    $name::Unknown(code) => code,
                }
            }

            /// The value of a wire code.
            pub fn from_code(code: i8) -> $name {
                match code {
                    $($code => $name::$variant,)+
                    other => $name::Unknown(other),
                }
            }

            /// `Some(self)` unless it is [`Unknown`](Self::Unknown): for a broker, which refuses
            /// what it does not know.
            pub fn known(self) -> Option<$name> {
                match self {
                    $name::Unknown(_) => None,
                    known => Some(known),
                }
            }
        }
    };
}

acl_enum! {
    /// What kind of resource an ACL protects.
    AclResourceType {
        /// Any type (filters only).
        Any = 1,
        /// A topic.
        Topic = 2,
        /// A consumer group.
        Group = 3,
        /// The cluster (the one resource named `kafka-cluster`).
        Cluster = 4,
        /// A transactional id.
        TransactionalId = 5,
        /// A delegation token.
        DelegationToken = 6,
        /// A user (for quotas and tokens).
        User = 7,
    }
}

acl_enum! {
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

acl_enum! {
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

acl_enum! {
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
    /// The operations set in an authorized-operations bit field (bit `code` for each).
    pub fn from_bits(bits: i32) -> Vec<AclOperation> {
        (0..31i8).filter(|b| bits & (1 << b) != 0).map(AclOperation::from_code).collect()
    }

    /// Its bit in an authorized-operations bit field (0 for a code outside the field).
    pub fn bit(self) -> i32 {
        u32::try_from(self.code()).ok().and_then(|c| 1i32.checked_shl(c)).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_pass_through() {
        for code in i8::MIN..=i8::MAX {
            assert_eq!(AclOperation::from_code(code).code(), code);
            assert_eq!(AclResourceType::from_code(code).code(), code);
            assert_eq!(PatternType::from_code(code).code(), code);
            assert_eq!(AclPermissionType::from_code(code).code(), code);
        }
        assert_eq!(PatternType::from_code(0).known(), None);
        assert_eq!(PatternType::from_code(4).known(), Some(PatternType::Prefixed));
    }

    #[test]
    fn bits_decode_and_encode() {
        assert_eq!(AclOperation::from_bits((1 << 3) | (1 << 8)), vec![AclOperation::Read, AclOperation::Describe]);
        assert_eq!(AclOperation::Read.bit() | AclOperation::Describe.bit(), (1 << 3) | (1 << 8));
        assert_eq!(AclOperation::Unknown(-1).bit(), 0);
    }
}
