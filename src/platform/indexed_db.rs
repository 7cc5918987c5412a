//! IndexedDB as a [`VersionStore`]: database `parcours`, version 2, object
//! stores `versions` (key `id`, index `map_id`) and `trash` (key `map_id`);
//! since version 2 also `folders` (out-of-line keys), which keeps the
//! connected shared folder's handle ([`IndexedDbStore::put_folder`]): a
//! handle is a browser object, cloned whole by IndexedDB and nowhere else.
//!
//! `web-sys` directly rather than a wrapper crate (`rexie`, `idb`): the
//! adapter needs seven requests, each awaited by turning the request's
//! success and error events into a promise's resolve and reject (no Rust
//! closure at all, except the upgrade and version-change handlers), so a
//! wrapper would add its own futures and error layers to the wasm for
//! nothing the port needs. Records hold the version's description and map
//! as JSON text, read by the core's strict readers ([`read_version`]), so a
//! record the app cannot read is listed apart and never deleted.
//!
//! Reached only from lazy parts (history panel, trash): nothing here runs
//! at startup.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbObjectStoreParameters, IdbRequest, IdbTransaction, IdbTransactionMode,
};

use crate::core::storage::store::StoreError;
use crate::core::storage::versions::{
    meta_json, newest_first, read_trash, read_version, trash, trash_json, Listing, TrashEntry,
    Version, VersionMeta, VersionStore, VersionStoreError,
};
use crate::platform::local_storage::classify;

pub const DB_NAME: &str = "parcours";
pub const DB_VERSION: u32 = 2;
const VERSIONS: &str = "versions";
const TRASH: &str = "trash";
const FOLDERS: &str = "folders";
/// The key of the one folder connected.
const FOLDER: &str = "shared";
const BY_MAP: &str = "map_id";

/// An open connection. Another tab opening a newer version of the database
/// asks this one to close (`onversionchange`): it does, and later calls
/// fail with a typed error instead of blocking that tab's upgrade.
pub struct IndexedDbStore {
    db: IdbDatabase,
    // Kept alive as long as the connection: the version-change handler.
    _on_version_change: Closure<dyn FnMut()>,
}

/// The browser's error as ours: the quota as in localStorage
/// ([`classify`]), an absent or closing database as unavailable.
fn classified(error: &JsValue) -> VersionStoreError {
    match classify(error) {
        StoreError::QuotaExceeded => VersionStoreError::QuotaExceeded,
        StoreError::Unavailable(why) => VersionStoreError::Unavailable(why),
        StoreError::Failed(why) if why.starts_with("InvalidStateError") => {
            VersionStoreError::Unavailable(why)
        }
        StoreError::Failed(why) => VersionStoreError::Failed(why),
    }
}

/// The error a failed request or transaction says (its `error`), else the thrown value.
fn error_of(target: &JsValue, thrown: &JsValue) -> VersionStoreError {
    let dom = if let Some(r) = target.dyn_ref::<IdbRequest>() {
        r.error().ok().flatten()
    } else if let Some(t) = target.dyn_ref::<IdbTransaction>() {
        t.error()
    } else {
        None
    };
    match dom {
        Some(dom) => classified(&dom.into()),
        None => classified(thrown),
    }
}

/// A promise settled by a target's events: `ok` resolves it, `failed` reject it.
fn settled(target: &JsValue, ok: &str, failed: &[&str]) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let _ = Reflect::set(target, &JsValue::from_str(&format!("on{ok}")), &resolve);
        for name in failed {
            let _ = Reflect::set(target, &JsValue::from_str(&format!("on{name}")), &reject);
        }
    })
}

/// Await a request's result.
async fn request(req: IdbRequest) -> Result<JsValue, VersionStoreError> {
    let target: JsValue = req.clone().into();
    match JsFuture::from(settled(&target, "success", &["error"])).await {
        Ok(_) => req.result().map_err(|e| classified(&e)),
        Err(e) => Err(error_of(&target, &e)),
    }
}

/// Await a transaction's end: written only once it completes (a quota
/// error shows as the transaction's abort).
async fn completed(tx: IdbTransaction) -> Result<(), VersionStoreError> {
    let target: JsValue = tx.clone().into();
    match JsFuture::from(settled(&target, "complete", &["error", "abort"])).await {
        Ok(_) => Ok(()),
        Err(e) => Err(error_of(&target, &e)),
    }
}

fn text_field(record: &JsValue, name: &str) -> Option<String> {
    Reflect::get(record, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

fn record_of(fields: &[(&str, &str)]) -> Result<Object, VersionStoreError> {
    let obj = Object::new();
    for (k, v) in fields {
        Reflect::set(&obj, &JsValue::from_str(k), &JsValue::from_str(v))
            .map_err(|e| classified(&e))?;
    }
    Ok(obj)
}

/// The key of a record as text, for the list of unreadable records.
fn key_text(record: &JsValue, key: &str) -> String {
    Reflect::get(record, &JsValue::from_str(key))
        .ok()
        .map(|k| k.as_string().unwrap_or_else(|| format!("{k:?}")))
        .unwrap_or_default()
}

impl IndexedDbStore {
    /// Open (and on the first visit create) the database.
    pub async fn open() -> Result<IndexedDbStore, VersionStoreError> {
        let no = |why: &str| VersionStoreError::Unavailable(why.to_owned());
        let window = web_sys::window().ok_or_else(|| no("no window"))?;
        // Firefox's private mode before 115 throws here; Safari's old ones return null.
        let factory = window
            .indexed_db()
            .map_err(|e| classified(&e))?
            .ok_or_else(|| no("IndexedDB is missing"))?;
        let open = factory
            .open_with_u32(DB_NAME, DB_VERSION)
            .map_err(|e| classified(&e))?;
        let upgrade_target = open.clone();
        let on_upgrade = Closure::<dyn FnMut()>::new(move || {
            // Create what does not exist yet: version 1 has versions and
            // trash, version 2 adds folders (each step from the one before).
            let Ok(result) = upgrade_target.result() else {
                return;
            };
            let Ok(db) = result.dyn_into::<IdbDatabase>() else {
                return;
            };
            let names = db.object_store_names();
            if !names.contains(VERSIONS) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("id"));
                if let Ok(store) =
                    db.create_object_store_with_optional_parameters(VERSIONS, &params)
                {
                    let _ = store.create_index_with_str(BY_MAP, BY_MAP);
                }
            }
            if !names.contains(TRASH) {
                let params = IdbObjectStoreParameters::new();
                params.set_key_path(&JsValue::from_str("map_id"));
                let _ = db.create_object_store_with_optional_parameters(TRASH, &params);
            }
            if !names.contains(FOLDERS) {
                let _ = db.create_object_store(FOLDERS);
            }
        });
        open.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
        let target: JsValue = open.clone().into();
        let outcome = JsFuture::from(settled(&target, "success", &["error", "blocked"])).await;
        open.set_onupgradeneeded(None);
        drop(on_upgrade);
        let db = match outcome {
            Ok(_) => open
                .result()
                .map_err(|e| classified(&e))?
                .dyn_into::<IdbDatabase>()
                .map_err(|_| no("not a database"))?,
            Err(event) => {
                let blocked = event
                    .dyn_ref::<web_sys::Event>()
                    .is_some_and(|e| e.type_() == "blocked");
                return Err(if blocked {
                    VersionStoreError::Blocked
                } else {
                    // A refused open (private mode, disk) makes versions unavailable.
                    match error_of(&target, &event) {
                        VersionStoreError::Failed(why) => VersionStoreError::Unavailable(why),
                        other => other,
                    }
                });
            }
        };
        let closing = db.clone();
        let on_version_change = Closure::<dyn FnMut()>::new(move || closing.close());
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        Ok(IndexedDbStore {
            db,
            _on_version_change: on_version_change,
        })
    }

    /// Close the connection (another call opens it again).
    pub fn close(&self) {
        self.db.set_onversionchange(None);
        self.db.close();
    }

    /// Keep the shared folder's handle (replacing the one kept before).
    pub async fn put_folder(&self, handle: &JsValue) -> Result<(), VersionStoreError> {
        let (tx, os) = self.transaction(FOLDERS, IdbTransactionMode::Readwrite)?;
        os.put_with_key(handle, &JsValue::from_str(FOLDER))
            .map_err(|e| classified(&e))?;
        completed(tx).await
    }

    /// The shared folder's handle kept at an earlier visit, if any.
    pub async fn folder(&self) -> Result<Option<JsValue>, VersionStoreError> {
        let (_tx, os) = self.transaction(FOLDERS, IdbTransactionMode::Readonly)?;
        let req = os
            .get(&JsValue::from_str(FOLDER))
            .map_err(|e| classified(&e))?;
        let found = request(req).await?;
        Ok((!found.is_undefined() && !found.is_null()).then_some(found))
    }

    /// Forget the shared folder's handle.
    pub async fn forget_folder(&self) -> Result<(), VersionStoreError> {
        self.delete(FOLDERS, &[FOLDER.to_owned()]).await
    }

    fn transaction(
        &self,
        store: &str,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, web_sys::IdbObjectStore), VersionStoreError> {
        let tx = self
            .db
            .transaction_with_str_and_mode(store, mode)
            .map_err(|e| classified(&e))?;
        let os = tx.object_store(store).map_err(|e| classified(&e))?;
        Ok((tx, os))
    }

    async fn put(&self, store: &str, record: Object) -> Result<(), VersionStoreError> {
        let (tx, os) = self.transaction(store, IdbTransactionMode::Readwrite)?;
        os.put(&record).map_err(|e| classified(&e))?;
        completed(tx).await
    }

    async fn delete(&self, store: &str, keys: &[String]) -> Result<(), VersionStoreError> {
        if keys.is_empty() {
            return Ok(());
        }
        let (tx, os) = self.transaction(store, IdbTransactionMode::Readwrite)?;
        for key in keys {
            os.delete(&JsValue::from_str(key))
                .map_err(|e| classified(&e))?;
        }
        completed(tx).await
    }
}

impl Drop for IndexedDbStore {
    fn drop(&mut self) {
        self.close();
    }
}

impl VersionStore for IndexedDbStore {
    async fn put_version(&self, v: &Version) -> Result<(), VersionStoreError> {
        let meta = meta_json(&v.meta);
        let record = record_of(&[
            ("id", &v.meta.id),
            (BY_MAP, &v.meta.map_id),
            ("meta", &meta),
            ("map", &v.map_json),
        ])?;
        self.put(VERSIONS, record).await
    }

    async fn list_versions(&self, map_id: &str) -> Result<Listing<VersionMeta>, VersionStoreError> {
        let (_tx, os) = self.transaction(VERSIONS, IdbTransactionMode::Readonly)?;
        let index = os.index(BY_MAP).map_err(|e| classified(&e))?;
        let req = index
            .get_all_with_key(&JsValue::from_str(map_id))
            .map_err(|e| classified(&e))?;
        let all: Array = request(req).await?.unchecked_into();
        let mut listing = Listing::default();
        for record in all.iter() {
            let id = key_text(&record, "id");
            let meta = text_field(&record, "meta").unwrap_or_default();
            match read_version(&id, &meta, String::new()) {
                Ok(v) => listing.items.push(v.meta),
                Err(_) => listing.unreadable.push(id),
            }
        }
        newest_first(&mut listing.items);
        Ok(listing)
    }

    async fn get_version(&self, id: &str) -> Result<Option<Version>, VersionStoreError> {
        let (_tx, os) = self.transaction(VERSIONS, IdbTransactionMode::Readonly)?;
        let req = os.get(&JsValue::from_str(id)).map_err(|e| classified(&e))?;
        let record = request(req).await?;
        if record.is_undefined() {
            return Ok(None);
        }
        let meta = text_field(&record, "meta").unwrap_or_default();
        let Some(map) = text_field(&record, "map") else {
            return Err(VersionStoreError::Unreadable { id: id.to_owned() });
        };
        read_version(id, &meta, map).map(Some)
    }

    async fn delete_versions(&self, ids: &[String]) -> Result<(), VersionStoreError> {
        self.delete(VERSIONS, ids).await
    }

    async fn put_trash(&self, e: &TrashEntry) -> Result<(), VersionStoreError> {
        let text = trash_json(e);
        let record = record_of(&[(BY_MAP, &e.map_id), ("entry", &text)])?;
        self.put(TRASH, record).await
    }

    async fn list_trash(&self) -> Result<Listing<TrashEntry>, VersionStoreError> {
        let (_tx, os) = self.transaction(TRASH, IdbTransactionMode::Readonly)?;
        let req = os.get_all().map_err(|e| classified(&e))?;
        let all: Array = request(req).await?.unchecked_into();
        let mut listing = Listing::default();
        for record in all.iter() {
            let key = key_text(&record, BY_MAP);
            let text = text_field(&record, "entry").unwrap_or_default();
            match read_trash(&key, &text) {
                Ok(e) => listing.items.push(e),
                Err(_) => listing.unreadable.push(key),
            }
        }
        trash::ordered(&mut listing.items);
        Ok(listing)
    }

    async fn delete_trash(&self, map_ids: &[String]) -> Result<(), VersionStoreError> {
        self.delete(TRASH, map_ids).await
    }
}
