//! Transactions: a hanging one found and aborted.

use super::*;

/// A Java producer leaves a transaction open; we list and describe it, find it among the
/// partition's producers, abort it with a marker, and see the last stable offset move.
#[tokio::test]
async fn a_hanging_transaction_is_found_and_aborted() {
    let backend = Backend::from_env().await;
    if Command::new("javac").arg("-version").output().is_err() {
        kfk_stub::skip_test!("needs a JDK");
        return;
    }
    let admin = admin(&backend);
    let topic = unique_topic("admin-txn");
    create(&admin, &topic, 1).await;
    let txn = unique_topic("admin-txn-id");
    let out = java_tool(&["hang", &backend.bootstrap, &topic, &txn]).await;
    assert_eq!(out.trim(), "open");

    let listed = admin.list_transactions(ListTransactionsOptions::default()).await.expect("list");
    let listing = listed.iter().find(|t| t.transactional_id == txn).expect("listed");
    assert_eq!(listing.state, "Ongoing");
    let ongoing = ListTransactionsOptions::default().states(["Ongoing"]);
    assert!(admin.list_transactions(ongoing).await.expect("list").iter().any(|t| t.transactional_id == txn));

    let described = admin.describe_transactions([&txn], TransactionOptions::default()).await;
    let d = described[&txn].as_ref().expect("described");
    assert_eq!(d.state, "Ongoing");
    assert_eq!(d.producer_id, listing.producer_id);
    assert_eq!(d.partitions, vec![tp(&topic, 0)]);
    assert!(d.start_time_ms.is_some());
    let missing = unique_topic("admin-no-txn");
    let described = admin.describe_transactions([&missing], TransactionOptions::default()).await;
    assert!(described[&missing].as_ref().is_err_and(AdminError::is_not_found), "{described:?}");

    let producers = admin.describe_producers([tp(&topic, 0)], DescribeProducersOptions::default()).await;
    let producers = producers[&tp(&topic, 0)].as_ref().expect("producers");
    let open = producers.iter().find(|p| p.producer_id == d.producer_id).expect("the producer is active");
    assert_eq!(open.current_transaction_start_offset, Some(0));

    // The open transaction holds the last stable offset at its start.
    let committed = ListOffsetsOptions::default().isolation_level(IsolationLevel::ReadCommitted);
    let lso = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], committed.clone()).await;
    assert_eq!(lso[&tp(&topic, 0)].as_ref().expect("lso").offset, 0);

    // Aborting writes the marker with WriteTxnMarkers at the partition's leader.
    let spec = AbortTransactionSpec::for_producer(tp(&topic, 0), open);
    admin.abort_transaction(spec, TransactionOptions::default()).await.expect("aborted");
    let producers = admin.describe_producers([tp(&topic, 0)], DescribeProducersOptions::default()).await;
    let after = producers[&tp(&topic, 0)].as_ref().expect("producers");
    assert!(after.iter().all(|p| p.current_transaction_start_offset.is_none()), "{after:?}");
    // The record and the abort marker: the stable offset is past both.
    let lso = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], committed).await;
    assert_eq!(lso[&tp(&topic, 0)].as_ref().expect("lso").offset, 2);
}
