//! The browser's localStorage as a [`KeyValueStore`].

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::storage::store::{KeyValueStore, StoreError};

/// localStorage. Construct with [`BrowserStore::open`], which fails when the
/// browser refuses storage (blocked cookies, some private modes).
#[derive(Debug, Clone)]
pub struct BrowserStore {
    storage: web_sys::Storage,
}

impl BrowserStore {
    pub fn open() -> Result<Self, StoreError> {
        // gloo's raw() panics when storage is missing; ask the window ourselves first.
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(BrowserStore {
                storage: LocalStorage::raw(),
            }),
            Ok(None) => Err(StoreError::Unavailable("localStorage is missing".into())),
            Err(e) => Err(StoreError::Unavailable(describe(&e))),
        }
    }
}

/// Map a thrown value to our error; the quota has two names across browsers.
pub fn classify(error: &JsValue) -> StoreError {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22
        {
            return StoreError::QuotaExceeded;
        }
        return StoreError::Failed(format!("{name}: {}", dom.message()));
    }
    StoreError::Failed(describe(error))
}

fn describe(error: &JsValue) -> String {
    error.as_string().unwrap_or_else(|| format!("{error:?}"))
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let len = self.storage.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(len as usize);
        for i in 0..len {
            if let Some(key) = self.storage.key(i).map_err(|e| classify(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}
