//! The transactional producer's state machine: which state may follow which.
//!
//! [`TransactionState`] itself is vocabulary (`crate::types`, since errors name it); this file
//! owns its transition table, the one place that says what an operation may do next:
//!
//! | from \\ to     | Initializing | Ready | InTransaction | Committing | Aborting | AbortableError | FatalError |
//! |---|---|---|---|---|---|---|---|
//! | Uninitialized  | yes | | | | | | yes |
//! | Initializing   | yes (retry) | yes | | | | | yes |
//! | Ready          | | | yes | | | | yes |
//! | InTransaction  | | | | yes | yes | yes | yes |
//! | Committing     | | yes | | yes (retry) | | yes | yes |
//! | Aborting       | | yes | | | yes (retry) | | yes |
//! | AbortableError | | | | | yes | yes | yes |
//! | FatalError     | | | | | | | yes |
//!
//! Nothing returns to `Uninitialized`. A timed-out call (init, commit, abort) stays in its
//! state and is resumed by calling it again; a timed-out commit never turns into an abort,
//! since its outcome is unknown until the coordinator answers.

use crate::types::TransactionState;

impl TransactionState {
    pub(crate) const ALL: [TransactionState; 8] = [
        TransactionState::Uninitialized,
        TransactionState::Initializing,
        TransactionState::Ready,
        TransactionState::InTransaction,
        TransactionState::Committing,
        TransactionState::Aborting,
        TransactionState::AbortableError,
        TransactionState::FatalError,
    ];

    pub(crate) fn from_u8(n: u8) -> TransactionState {
        Self::ALL.get(n as usize).copied().unwrap_or(TransactionState::FatalError)
    }

    /// Whether a producer in this state may move to `to` (the table in the module docs).
    pub fn can_become(self, to: TransactionState) -> bool {
        use TransactionState::*;
        match to {
            Uninitialized => false,
            // A timed-out init may be called again.
            Initializing => matches!(self, Uninitialized | Initializing),
            Ready => matches!(self, Initializing | Committing | Aborting),
            InTransaction => self == Ready,
            // A timed-out commit is resumed by calling commit again, never turned into an abort:
            // its outcome is unknown until the coordinator answers.
            Committing => matches!(self, InTransaction | Committing),
            Aborting => matches!(self, InTransaction | AbortableError | Aborting),
            AbortableError => matches!(self, InTransaction | Committing | AbortableError),
            FatalError => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::types::TransactionState::{self, *};

    #[test]
    fn the_happy_path_is_allowed() {
        let path =
            [Uninitialized, Initializing, Ready, InTransaction, Committing, Ready, InTransaction, Aborting, Ready];
        for pair in path.windows(2) {
            assert!(pair[0].can_become(pair[1]), "{:?} -> {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn a_timed_out_commit_can_only_be_retried() {
        assert!(Committing.can_become(Committing));
        assert!(!Committing.can_become(Aborting));
        assert!(!Committing.can_become(InTransaction));
    }

    #[test]
    fn an_abortable_error_only_leads_to_abort_or_fatal() {
        for to in TransactionState::ALL {
            let allowed = AbortableError.can_become(to);
            assert_eq!(allowed, matches!(to, Aborting | AbortableError | FatalError), "{to:?}");
        }
    }

    #[test]
    fn fatal_is_final() {
        for to in TransactionState::ALL {
            assert_eq!(FatalError.can_become(to), to == FatalError, "{to:?}");
        }
    }

    #[test]
    fn sending_needs_a_transaction() {
        for from in [Uninitialized, Ready, Committing, Aborting] {
            assert!(!from.can_become(Committing) || from == Committing || from == InTransaction);
        }
        assert!(!Ready.can_become(Committing));
        assert!(!Uninitialized.can_become(InTransaction));
    }

    #[test]
    fn the_numbering_round_trips() {
        for state in TransactionState::ALL {
            assert_eq!(TransactionState::from_u8(state as u8), state);
        }
        assert_eq!(TransactionState::from_u8(200), FatalError);
    }
}
