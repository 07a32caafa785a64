//! Records: deleted, and their offsets listed by every spec.

use super::*;

#[tokio::test]
async fn records_are_deleted_and_offsets_listed() {
    let backend = Backend::from_env().await;
    let admin = admin(&backend);
    let topic = unique_topic("admin-records");
    create(&admin, &topic, 2).await;
    let base_ts = 1_700_000_000_000;
    produce(&backend, &topic, 0, 100, base_ts).await;

    let specs = [(tp(&topic, 0), OffsetSpec::Earliest), (tp(&topic, 1), OffsetSpec::Latest)];
    let listed = admin.list_offsets(specs, ListOffsetsOptions::default()).await;
    assert_eq!(listed[&tp(&topic, 0)].as_ref().expect("earliest").offset, 0);
    assert_eq!(listed[&tp(&topic, 1)].as_ref().expect("latest of the empty partition").offset, 0);
    let latest = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Latest)], ListOffsetsOptions::default()).await;
    assert_eq!(latest[&tp(&topic, 0)].as_ref().expect("latest").offset, 100);
    let at =
        admin.list_offsets([(tp(&topic, 0), OffsetSpec::Timestamp(base_ts + 42))], ListOffsetsOptions::default()).await;
    let at = at[&tp(&topic, 0)].as_ref().expect("by timestamp");
    assert_eq!((at.offset, at.timestamp), (42, base_ts + 42));

    if serves(&admin, ApiKey::ListOffsets, "max-timestamp").await
        && admin.cluster().any_connection().await.expect("conn").version_for(ApiKey::ListOffsets).expect("v") >= 7
    {
        let max = admin.list_offsets([(tp(&topic, 0), OffsetSpec::MaxTimestamp)], ListOffsetsOptions::default()).await;
        let max = max[&tp(&topic, 0)].as_ref().expect("max timestamp");
        assert_eq!((max.offset, max.timestamp), (99, base_ts + 99));
    }

    // Unknown partitions fail alone.
    let missing = admin
        .list_offsets(
            [(tp(&topic, 0), OffsetSpec::Latest), (tp(&topic, 7), OffsetSpec::Latest)],
            ListOffsetsOptions::default(),
        )
        .await;
    assert!(missing[&tp(&topic, 0)].is_ok());
    assert!(missing[&tp(&topic, 7)].as_ref().is_err_and(AdminError::is_not_found), "{missing:?}");

    if !serves(&admin, ApiKey::DeleteRecords, "delete records").await {
        return;
    }
    let deleted = admin
        .delete_records(
            [(tp(&topic, 0), RecordsToDelete::before(40)), (tp(&topic, 9), RecordsToDelete::before(1))],
            DeleteRecordsOptions::default(),
        )
        .await;
    assert_eq!(*deleted[&tp(&topic, 0)].as_ref().expect("deleted"), 40);
    assert!(deleted[&tp(&topic, 9)].as_ref().is_err_and(AdminError::is_not_found), "{deleted:?}");
    let earliest = admin.list_offsets([(tp(&topic, 0), OffsetSpec::Earliest)], ListOffsetsOptions::default()).await;
    assert_eq!(earliest[&tp(&topic, 0)].as_ref().expect("earliest").offset, 40);
    // Beyond the high watermark is refused.
    let beyond =
        admin.delete_records([(tp(&topic, 0), RecordsToDelete::before(1000))], DeleteRecordsOptions::default()).await;
    assert_eq!(beyond[&tp(&topic, 0)].as_ref().expect_err("out of range").code(), Some(ErrorCode::OFFSET_OUT_OF_RANGE));
    let all =
        admin.delete_records([(tp(&topic, 0), RecordsToDelete::HIGH_WATERMARK)], DeleteRecordsOptions::default()).await;
    assert_eq!(*all[&tp(&topic, 0)].as_ref().expect("deleted all"), 100);
}
