//! ConsumerGroupHeartbeat at the coordinator (KIP-848): which group answers (an empty classic
//! group becomes a consumer group), the ids of new members, and the session and revocation
//! deadlines each heartbeat renews, starts or ends (the group's `consumer.session.timeout.ms`
//! and `consumer.heartbeat.interval.ms` configs, else the coordinator's; the interval told is
//! at most half the session). The group's own protocol (epochs, target
//! assignment, reconciliation) is [`super::consumer`].

use kfk_protocol::messages::{ConsumerGroupHeartbeatRequest, ConsumerGroupHeartbeatResponse};
use kfk_protocol::ErrorCode;
use tokio::time::Instant;

use super::classic::GroupState;
use super::consumer::{self, ConsumerGroup, HeartbeatCtx, Session, TopicsView};
use super::timers::{self, TimerOp, Timers};
use super::GroupCoordinator;

impl GroupCoordinator {
    /// ConsumerGroupHeartbeat (already routed); `topics` is the cluster's topics.
    pub(crate) fn consumer_heartbeat(
        &mut self,
        req: &ConsumerGroupHeartbeatRequest,
        version: i16,
        client: (&str, &str),
        topics: &TopicsView,
        now: Instant,
    ) -> ConsumerGroupHeartbeatResponse {
        let refused = |r: consumer::Refusal| ConsumerGroupHeartbeatResponse {
            error_code: r.code.0,
            error_message: Some(r.message),
            ..Default::default()
        };
        if let Err(r) = consumer::validate(req, version) {
            return refused(r);
        }
        if let Some(classic) = self.groups.get(&req.group_id).filter(|g| !g.is(GroupState::Dead)) {
            if !classic.is(GroupState::Empty) {
                return refused(consumer::Refusal {
                    code: ErrorCode::GROUP_ID_NOT_FOUND,
                    message: format!("Group {} is not a consumer group.", req.group_id),
                });
            }
            // An empty classic group becomes a consumer group; its offsets stay.
            self.timers.cancel_group(&req.group_id);
            self.groups.remove(&req.group_id);
        }
        if req.member_epoch != consumer::JOIN_EPOCH && !self.consumer.contains_key(&req.group_id) {
            return refused(consumer::Refusal {
                code: ErrorCode::UNKNOWN_MEMBER_ID,
                message: format!("Group {} does not exist.", req.group_id),
            });
        }
        self.member_seq += 1;
        let fresh = format!("{:016x}-{:016x}", now_ms_seed(), self.member_seq);
        let ctx = HeartbeatCtx {
            client_id: client.0,
            client_host: client.1,
            heartbeat_interval_ms: self
                .consumer_heartbeat_interval_ms(&req.group_id)
                .min(self.consumer_session_timeout_ms(&req.group_id) / 2)
                .max(1),
            fresh_member_id: &fresh,
        };
        let group = self.consumer.entry(req.group_id.clone()).or_insert_with(|| ConsumerGroup::new(&req.group_id));
        let result = group.heartbeat(req, ctx, topics);
        if group.members.is_empty() && group.group_epoch == 0 {
            // A join refused before it created anything leaves no group behind.
            self.consumer.remove(&req.group_id);
        }
        let (response, session) = match result {
            Ok(ok) => ok,
            Err(r) => return refused(r),
        };
        let session_ms = u64::try_from(self.consumer_session_timeout_ms(&req.group_id)).unwrap_or(0);
        let renew = |timers: &mut Timers, member: &str| {
            timers.schedule(
                now + std::time::Duration::from_millis(session_ms),
                TimerOp::ExpireHeartbeat { group: req.group_id.clone(), member: member.to_owned() },
            );
        };
        let forget = |timers: &mut Timers, member: &str| {
            timers.cancel(&timers::TimerKey::Heartbeat { group: req.group_id.clone(), member: member.to_owned() });
        };
        // A member asked to revoke has its rebalance timeout to confirm it, counted from the
        // request; otherwise nothing is owed.
        if let Some(m) = self.consumer.get(&req.group_id).and_then(|g| g.members.get(&req.member_id)) {
            let key = timers::TimerKey::Revocation { group: req.group_id.clone(), member: m.id.clone() };
            if m.state == consumer::MemberState::UnrevokedPartitions {
                if !self.timers.is_scheduled(&key) {
                    let timeout = u64::try_from(m.rebalance_timeout_ms.max(0)).unwrap_or(0);
                    self.timers.schedule(
                        now + std::time::Duration::from_millis(timeout),
                        TimerOp::ExpireRevocation { group: req.group_id.clone(), member: m.id.clone(), epoch: m.epoch },
                    );
                }
            } else {
                self.timers.cancel(&key);
            }
        }
        match session {
            Session::Renew(m) => renew(&mut self.timers, &m),
            Session::End(m) => {
                forget(&mut self.timers, &m);
                self.timers.cancel(&timers::TimerKey::Revocation { group: req.group_id.clone(), member: m });
            }
            Session::Replace { old, new } => {
                forget(&mut self.timers, &old);
                renew(&mut self.timers, &new);
            }
        }
        response
    }
}

/// A per-process seed for server-named members, so that ids differ across stub runs.
fn now_ms_seed() -> u64 {
    u64::try_from(crate::state::now_ms()).unwrap_or(0)
}
