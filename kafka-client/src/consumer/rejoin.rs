//! An application's request that its classic group member rejoin (`enforce_rebalance`): a
//! reason the group task takes once, and a signal that wakes it between heartbeats.

use std::sync::Mutex;

use tokio::sync::Notify;

/// The pending request, if any. Requests made before the task takes one are one request (the
/// latest reason wins), as Java's `requestRejoin` sets one flag.
#[derive(Debug, Default)]
pub(crate) struct RejoinRequest {
    reason: Mutex<Option<String>>,
    notify: Notify,
}

impl RejoinRequest {
    pub(crate) fn request(&self, reason: String) {
        *self.reason.lock().unwrap_or_else(|p| p.into_inner()) = Some(reason);
        // `notify_one` keeps a permit when the task is not waiting (it is joining): its next
        // wait returns at once, and it finds the reason.
        self.notify.notify_one();
    }

    /// The reason of the pending request, clearing it.
    pub(crate) fn take(&self) -> Option<String> {
        self.reason.lock().unwrap_or_else(|p| p.into_inner()).take()
    }

    /// Completes when a request was made since the last wait.
    pub(crate) async fn requested(&self) {
        self.notify.notified().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_request_made_while_nobody_waits_wakes_the_next_wait_and_is_taken_once() {
        let rejoin = RejoinRequest::default();
        rejoin.request("first".into());
        rejoin.request("second".into());
        tokio::time::timeout(std::time::Duration::from_secs(1), rejoin.requested()).await.unwrap();
        assert_eq!(rejoin.take().as_deref(), Some("second"));
        assert_eq!(rejoin.take(), None);
    }
}
