//! Browser tests (headless Chromium via wasm-bindgen-test-runner):
//! the real localStorage behind the core's storage rules.
#![cfg(target_arch = "wasm32")]

use parcours::core::document::model::{JourneyMap, SequentialIds};
use parcours::core::formats::envelope;
use parcours::core::storage::library::{self, map_key, SaveError};
use parcours::core::storage::store::{KeyValueStore, StoreError};
use parcours::platform::local_storage::BrowserStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn sample(title: &str) -> JourneyMap {
    JourneyMap::blank(&mut SequentialIds::new(title), title, ["A", "B", "C"], 1)
}

#[wasm_bindgen_test]
fn values_round_trip_through_local_storage() {
    clear();
    let store = BrowserStore::open().unwrap();
    store.set("parcours.x", "« été » 🚀").unwrap();
    assert_eq!(
        store.get("parcours.x").unwrap().as_deref(),
        Some("« été » 🚀")
    );
    assert!(store.keys().unwrap().contains(&"parcours.x".to_owned()));
    store.remove("parcours.x").unwrap();
    assert_eq!(store.get("parcours.x").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_quota_is_recognised_and_the_stored_map_survives() {
    clear();
    let store = BrowserStore::open().unwrap();
    let mut map = sample("q");
    let revision = library::save_map(&store, &map, 0, false, 0).unwrap();
    // Fill the origin's storage until the browser refuses.
    let chunk = "x".repeat(500_000);
    let mut refused = None;
    for i in 0..40 {
        if let Err(e) = store.set(&format!("junk.{i}"), &chunk) {
            refused = Some(e);
            break;
        }
    }
    assert_eq!(refused, Some(StoreError::QuotaExceeded));
    map.title = "y".repeat(400_000);
    let result = library::save_map(&store, &map, revision, false, 0);
    assert_eq!(result, Err(SaveError::Store(StoreError::QuotaExceeded)));
    // The stored copy is the last good one, untouched.
    assert_eq!(library::load_map(&store, &map.id).unwrap().map.title, "q");
    clear();
}

#[wasm_bindgen_test]
fn unreadable_stored_maps_are_set_aside_in_real_storage() {
    clear();
    let store = BrowserStore::open().unwrap();
    let good = sample("good");
    library::save_map(&store, &good, 0, false, 0).unwrap();
    let corrupt = r#"{"format":"parcours.map","version":1,"map":{tru"#;
    store.set(&map_key("broken"), corrupt).unwrap();
    let report = library::load_library(&store, 42).unwrap();
    assert_eq!(report.entries.len(), 1);
    assert_eq!(report.quarantined.len(), 1);
    assert_eq!(
        store.get(&report.quarantined[0].key).unwrap().as_deref(),
        Some(corrupt)
    );
    assert_eq!(store.get(&map_key("broken")).unwrap(), None);
    clear();
}

#[wasm_bindgen_test]
fn a_save_from_a_stale_tab_is_refused() {
    clear();
    let store = BrowserStore::open().unwrap();
    let mut map = sample("tabs");
    let r1 = library::save_map(&store, &map, 0, false, 0).unwrap();
    map.title = "other tab".into();
    // Another tab writes a newer revision directly.
    store
        .set(&map_key(&map.id), &envelope::to_json(&map, r1 + 1))
        .unwrap();
    map.title = "this tab".into();
    assert!(matches!(
        library::save_map(&store, &map, r1, false, 0),
        Err(SaveError::Conflict { .. })
    ));
    clear();
}
