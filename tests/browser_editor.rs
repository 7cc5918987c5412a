//! Browser tests of the mounted app: first visit, and fine-grained updates
//! (typing in one card changes no other part of the DOM).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn all(selector: &str) -> Vec<web_sys::Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn first_visit_opens_the_demo_and_typing_touches_only_that_card() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let _ = web_sys::window().unwrap().location().set_hash("");
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let _handle = leptos::mount::mount_to(host.clone().unchecked_into(), parcours::ui::app::App);
    sleep(50).await;

    // The demo map is stored and open.
    assert!(document()
        .query_selector("[data-testid=editor]")
        .unwrap()
        .is_some());
    assert!(all("[data-testid=stage-header]").len() >= 5);
    let cards = all("textarea[data-testid=card]");
    assert!(cards.len() > 20, "demo cards shown: {}", cards.len());
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    // The demo map, and its personas in the shared persona library; the
    // language is stored when the user picks one, the replica id when the
    // map is first saved.
    let mut keys: Vec<String> = (0..stored.length().unwrap())
        .filter_map(|i| stored.key(i).unwrap())
        .collect();
    keys.sort();
    assert_eq!(
        keys.len(),
        2,
        "the demo map and the persona library: {keys:?}"
    );
    assert!(keys[0].starts_with("parcours.map."), "{keys:?}");
    assert_eq!(keys[1], "parcours.personas");

    // Watch the whole map for structural or attribute changes.
    let records: Rc<RefCell<u32>> = Rc::default();
    let seen = records.clone();
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |batch: js_sys::Array| {
        *seen.borrow_mut() += batch.length();
    });
    let observer = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()).unwrap();
    let options = web_sys::MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_attributes(true);
    options.set_character_data(true);
    let grid = document().query_selector(".map-grid").unwrap().unwrap();
    observer.observe_with_options(&grid, &options).unwrap();

    let first: web_sys::HtmlTextAreaElement = cards[0].clone().unchecked_into();
    let last: web_sys::HtmlTextAreaElement = cards[cards.len() - 1].clone().unchecked_into();
    let last_before = last.value();
    for text in ["E", "Ed", "Edi", "Edit"] {
        first.set_value(text);
        first
            .dispatch_event(
                &web_sys::Event::new_with_event_init_dict("input", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                })
                .unwrap(),
            )
            .unwrap();
    }
    sleep(20).await;
    let _ = observer.take_records();
    observer.disconnect();
    assert_eq!(
        *records.borrow(),
        0,
        "typing must not re-render any part of the map"
    );
    assert_eq!(first.value(), "Edit");
    assert_eq!(last.value(), last_before);
    // The same elements are still in the page (nothing was rebuilt).
    assert!(first.is_connected() && last.is_connected());

    // Autosave writes it within the debounce delay.
    sleep(800).await;
    let keys: Vec<String> = (0..stored.length().unwrap())
        .filter_map(|i| stored.key(i).unwrap())
        .collect();
    let map_key = keys
        .iter()
        .find(|k| k.starts_with("parcours.map."))
        .unwrap();
    assert!(stored
        .get_item(map_key)
        .unwrap()
        .unwrap()
        .contains("\"Edit\""));
    let status = document()
        .query_selector("[data-testid=save-status]")
        .unwrap()
        .unwrap();
    assert_eq!(status.get_attribute("data-state").as_deref(), Some("saved"));
}
