//! Changes other tabs make to localStorage (the `storage` event fires only
//! in the *other* tabs of the origin).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A change seen from another tab: the key (`None` when storage was cleared)
/// and its new value (`None` when removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageChange {
    pub key: Option<String>,
    pub new_value: Option<String>,
}

/// Call `on_change` for every change another tab makes, for the life of the page.
pub fn listen(on_change: impl Fn(StorageChange) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let closure =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            on_change(StorageChange {
                key: ev.key(),
                new_value: ev.new_value(),
            })
        });
    let _ = window.add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    closure.forget();
}
