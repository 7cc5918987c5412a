//! `navigator.storage`: whether the browser keeps this site's storage for
//! good (`persisted`), asking it to (`persist`, at the first save), and how
//! much is used of how much (`estimate`). Every call returns `None` where
//! the browser lacks the API (insecure context, older browsers) rather
//! than failing.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// Bytes used and allowed for this site, as the browser estimates them
/// (both IndexedDB and localStorage, and caches).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub usage: f64,
    pub quota: f64,
}

/// `navigator.storage` when present.
fn manager() -> Option<StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    storage.dyn_into::<StorageManager>().ok()
}

/// Whether `navigator.storage` has a method `name` (Safari before 15.2 had
/// `estimate` without `persist`).
fn has(manager: &StorageManager, name: &str) -> bool {
    Reflect::get(manager, &JsValue::from_str(name))
        .ok()
        .is_some_and(|f| f.is_instance_of::<Function>())
}

async fn boolean(promise: Result<js_sys::Promise, JsValue>) -> Option<bool> {
    JsFuture::from(promise.ok()?).await.ok()?.as_bool()
}

/// Whether the browser already keeps this site's storage for good.
pub async fn persisted() -> Option<bool> {
    let m = manager()?;
    if !has(&m, "persisted") {
        return None;
    }
    boolean(m.persisted()).await
}

/// Ask for persistent storage; whether the browser granted it (Chromium
/// decides silently from site engagement, Firefox may ask the person).
pub async fn persist() -> Option<bool> {
    let m = manager()?;
    if !has(&m, "persist") {
        return None;
    }
    boolean(m.persist()).await
}

/// How much this site uses of its quota.
pub async fn estimate() -> Option<Estimate> {
    let m = manager()?;
    if !has(&m, "estimate") {
        return None;
    }
    let value = JsFuture::from(m.estimate().ok()?).await.ok()?;
    // A dictionary, not a class: there is no `instanceof` to check.
    if !value.is_object() {
        return None;
    }
    let e: StorageEstimate = value.unchecked_into();
    Some(Estimate {
        usage: e.get_usage()?,
        quota: e.get_quota()?,
    })
}
