//! InitProducerId for idempotent (non-transactional) producers: as Kafka's transaction
//! coordinator does when the transactional id is null, every request gets a fresh producer id
//! at epoch 0 (a KIP-360 epoch-bump request for an idempotent producer also gets a new id).
//! Transactional ids need a transaction coordinator, which comes with transactions (phase 2):
//! until then they are answered with COORDINATOR_NOT_AVAILABLE (an empty one with
//! INVALID_REQUEST, as Kafka does).

use kafka_protocol::messages::{InitProducerIdRequest, InitProducerIdResponse};

use crate::dispatch::Ctx;
use crate::state::Shared;
use kafka_protocol::ErrorCode;

pub(crate) fn handle(shared: &Shared, _ctx: &Ctx, request: InitProducerIdRequest) -> InitProducerIdResponse {
    if request.transactional_id.as_deref() == Some("") {
        // Kafka's coordinator refuses an empty transactional id.
        return InitProducerIdResponse {
            error_code: ErrorCode::INVALID_REQUEST.0,
            producer_id: -1,
            producer_epoch: -1,
            ..Default::default()
        };
    }
    if request.transactional_id.is_some() {
        return InitProducerIdResponse {
            error_code: ErrorCode::COORDINATOR_NOT_AVAILABLE.0,
            producer_id: -1,
            producer_epoch: -1,
            ..Default::default()
        };
    }
    let producer_id = shared.state().allocate_producer_id();
    InitProducerIdResponse { producer_id, producer_epoch: 0, ..Default::default() }
}
