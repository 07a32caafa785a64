//! InitProducerId. Without a transactional id (idempotent producers), as Kafka's transaction
//! coordinator does: every request gets a fresh producer id at epoch 0 (a KIP-360 epoch-bump
//! request for an idempotent producer also gets a new id). With one, the transaction
//! coordinator answers (see [`super::txn::init_producer_id`]); an empty one is INVALID_REQUEST.
//! A producer id without an epoch (or the reverse) is INVALID_REQUEST, as in Kafka.

use std::sync::Arc;

use kfk_protocol::messages::{InitProducerIdRequest, InitProducerIdResponse};

use crate::handlers::Ctx;
use crate::state::Shared;
use crate::txn::ProducerIdAndEpoch;
use kfk_protocol::ErrorCode;

pub(crate) fn handle(shared: &Arc<Shared>, ctx: &Ctx, request: InitProducerIdRequest) -> InitProducerIdResponse {
    let error = |code: ErrorCode| InitProducerIdResponse {
        error_code: code.0,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    let expected = match (request.producer_id, request.producer_epoch) {
        (-1, -1) => None,
        (-1, _) | (_, -1) => return error(ErrorCode::INVALID_REQUEST),
        (id, epoch) => Some(ProducerIdAndEpoch { id, epoch }),
    };
    match request.transactional_id.as_deref() {
        // Kafka's coordinator refuses an empty transactional id.
        Some("") => error(ErrorCode::INVALID_REQUEST),
        Some(tid) => super::txn::init_producer_id(shared, ctx, tid, &request, expected),
        None => {
            let producer_id = shared.state().allocate_producer_id();
            InitProducerIdResponse { producer_id, producer_epoch: 0, ..Default::default() }
        }
    }
}
