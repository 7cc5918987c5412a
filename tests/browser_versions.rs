//! Browser tests (headless Chromium via wasm-bindgen-test-runner): the
//! IndexedDB adapter behind the core's version and trash rules.
#![cfg(target_arch = "wasm32")]

use parcours::core::document::model::{Card, IdSource, JourneyMap, SequentialIds};
use parcours::core::formats::envelope;
use parcours::core::storage::versions::{
    self, ChangeSummary, Recorded, Taking, TrashEntry, Version, VersionMeta, VersionReason,
    VersionStore, VersionStoreError,
};
use parcours::platform::indexed_db::{IndexedDbStore, DB_NAME};
use parcours::platform::persistent_storage;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Delete the database, so each test starts empty (tests run one after
/// another in one page; every connection is closed when its store drops).
async fn fresh() {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let req = factory.delete_database(DB_NAME).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.unwrap();
}

fn sample_map(ids: &mut SequentialIds, title: &str, now: i64) -> JourneyMap {
    let mut m = JourneyMap::blank(ids, title, ["A", "B", "C"], now);
    m.cards.push(Card {
        id: ids.next_id(),
        lane: m.lanes[1].id.clone(),
        stage: m.stages[0].id.clone(),
        text: "Compare les prix".into(),
        ..Card::default()
    });
    m
}

fn version(id: &str, map: &JourneyMap, at: i64) -> Version {
    Version {
        meta: VersionMeta {
            id: id.into(),
            map_id: map.id.clone(),
            taken_at: at,
            author: Some("Zoé".into()),
            name: None,
            reason: VersionReason::Burst,
            summary: ChangeSummary::default(),
            fingerprint: versions::fingerprint(map),
        },
        map_json: envelope::to_json(map, 0),
    }
}

#[wasm_bindgen_test]
async fn versions_of_two_maps_are_put_listed_read_and_deleted() {
    fresh().await;
    let mut ids = SequentialIds::new("t");
    let a = sample_map(&mut ids, "A « été »", 1);
    let b = sample_map(&mut ids, "B", 1);
    let store = IndexedDbStore::open().await.unwrap();
    store.put_version(&version("a1", &a, 10)).await.unwrap();
    store.put_version(&version("a2", &a, 20)).await.unwrap();
    store.put_version(&version("b1", &b, 15)).await.unwrap();
    let listed = store.list_versions(&a.id).await.unwrap();
    let ids_a: Vec<&str> = listed.items.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids_a, ["a2", "a1"], "newest first, only this map's");
    assert!(listed.unreadable.is_empty());
    let got = store.get_version("a1").await.unwrap().unwrap();
    assert_eq!(got.meta.author.as_deref(), Some("Zoé"));
    assert_eq!(got.read_map().unwrap(), a);
    assert_eq!(store.get_version("nope").await.unwrap(), None);
    store.delete_versions(&["a1".into()]).await.unwrap();
    assert_eq!(store.list_versions(&a.id).await.unwrap().items.len(), 1);
    assert_eq!(store.list_versions(&b.id).await.unwrap().items.len(), 1);
}

#[wasm_bindgen_test]
async fn the_trash_is_put_listed_and_deleted() {
    fresh().await;
    let mut ids = SequentialIds::new("u");
    let a = sample_map(&mut ids, "A", 1);
    let b = sample_map(&mut ids, "B", 1);
    let store = IndexedDbStore::open().await.unwrap();
    store.put_trash(&TrashEntry::of(&a, 100)).await.unwrap();
    store.put_trash(&TrashEntry::of(&b, 200)).await.unwrap();
    let listed = store.list_trash().await.unwrap();
    let titles: Vec<&str> = listed.items.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["B", "A"], "last deleted first");
    store
        .delete_trash(std::slice::from_ref(&b.id))
        .await
        .unwrap();
    let left = store.list_trash().await.unwrap().items;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].map_id, a.id);
}

#[wasm_bindgen_test]
async fn a_reopened_database_keeps_its_data_and_the_flows_run_on_it() {
    fresh().await;
    let mut map = sample_map(&mut SequentialIds::new("w"), "W", 1);
    {
        let store = IndexedDbStore::open().await.unwrap();
        let taking = |id: &str, now| Taking {
            id: id.into(),
            now,
            ..Taking::default()
        };
        let r = versions::record(&store, &map, VersionReason::Burst, taking("v1", 0)).await;
        assert!(matches!(r, Ok(Recorded::Taken(_))), "{r:?}");
        map.stages[0].name = "Renommée".into();
        let r = versions::record(&store, &map, VersionReason::BeforeMerge, taking("v2", 1)).await;
        let Ok(Recorded::Taken(meta)) = r else {
            panic!("{r:?}")
        };
        assert_eq!(meta.summary.stages_renamed, 1);
        versions::trash_map(&store, &map, 5).await.unwrap();
        store.close();
    }
    let store = IndexedDbStore::open().await.unwrap();
    let listed = store.list_versions(&map.id).await.unwrap();
    assert_eq!(listed.items.len(), 2);
    assert_eq!(store.list_trash().await.unwrap().items.len(), 1);
    // A record that does not read is listed apart, never deleted.
    put_raw("bad", &map.id, "{not json").await;
    let listed = store.list_versions(&map.id).await.unwrap();
    assert_eq!(listed.unreadable, ["bad"]);
    assert_eq!(listed.items.len(), 2);
    assert_eq!(
        store.get_version("bad").await,
        Err(VersionStoreError::Unreadable { id: "bad".into() })
    );
    versions::compact(&store, &map.id, 400 * 24 * 3_600_000)
        .await
        .unwrap();
    assert_eq!(
        store.list_versions(&map.id).await.unwrap().unreadable,
        ["bad"]
    );
}

/// Write a record as another version of the app might have, through a
/// second connection.
async fn put_raw(id: &str, map_id: &str, meta: &str) {
    let factory = web_sys::window().unwrap().indexed_db().unwrap().unwrap();
    let open = factory.open(DB_NAME).unwrap();
    let opened = js_sys::Promise::new(&mut |resolve, reject| {
        open.set_onsuccess(Some(&resolve));
        open.set_onerror(Some(&reject));
    });
    JsFuture::from(opened).await.unwrap();
    let db: web_sys::IdbDatabase = open.result().unwrap().dyn_into().unwrap();
    let tx = db
        .transaction_with_str_and_mode("versions", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let record = js_sys::Object::new();
    for (k, v) in [("id", id), ("map_id", map_id), ("meta", meta)] {
        js_sys::Reflect::set(&record, &k.into(), &v.into()).unwrap();
    }
    tx.object_store("versions").unwrap().put(&record).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.unwrap();
    db.close();
}

#[wasm_bindgen_test]
async fn persistent_storage_answers_or_says_it_cannot() {
    // Headless Chromium has navigator.storage: the answers are there.
    assert!(persistent_storage::persisted().await.is_some());
    let e = persistent_storage::estimate().await.unwrap();
    assert!(e.quota > 0.0);
    assert!(e.usage >= 0.0);
    // Headless Chromium answers without asking anyone.
    assert!(persistent_storage::persist().await.is_some());
}
