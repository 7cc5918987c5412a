//! The folder's steps that the section and the banner share: the handle
//! kept in IndexedDB, the listing read from the drive, a map written as a
//! file. The rules (which files are maps, what a change means) are the
//! core's (`core::folder`); this is the glue to the browser.

use std::collections::HashMap;

use wasm_bindgen::JsCast;

use crate::core::document::model::JourneyMap;
use crate::core::folder::link::{self, Link};
use crate::core::folder::listing::{self, FileMeta, FileProblem, FolderEntry};
use crate::core::folder::signature;
use crate::core::folder::watch;
use crate::core::folder::FolderError;
use crate::core::formats::envelope::{self, Stored};
use crate::core::storage::profile;
use crate::core::storage::store::KeyValueStore;
use crate::platform::folder_access::{Folder, Permission};
use crate::platform::indexed_db::IndexedDbStore;

/// What the library's door hands to the folder's section.
pub enum Door {
    /// A folder connected at an earlier visit: its handle is in IndexedDB.
    Remembered,
    /// The user asked to connect one: the part opens the picker.
    Connect,
    /// Browsers without folder access: read a folder's files once.
    ReadOnce,
}

/// The folder connected at an earlier visit, if its handle is still kept.
pub async fn remembered() -> Option<Folder> {
    let db = IndexedDbStore::open().await.ok()?;
    let handle = db.folder().await.ok().flatten();
    db.close();
    handle
        .and_then(|h| h.dyn_into::<web_sys::FileSystemDirectoryHandle>().ok())
        .map(Folder::from_handle)
}

/// Keep the folder for the next visits: its handle in IndexedDB, its name
/// beside the library. A handle that cannot be kept only costs a click
/// next time (the folder is picked again), so that error is not fatal.
pub async fn remember(store: &dyn KeyValueStore, folder: &Folder) -> Result<(), String> {
    if let Ok(db) = IndexedDbStore::open().await {
        let _ = db.put_folder(folder.handle()).await;
        db.close();
    }
    link::set_connected(store, &folder.name()).map_err(|e| e.to_string())
}

/// Forget the folder here (its files stay on the drive, the maps stay in
/// the library).
pub async fn forget(store: &dyn KeyValueStore) {
    if let Ok(db) = IndexedDbStore::open().await {
        let _ = db.forget_folder().await;
        db.close();
    }
    let _ = link::disconnect(store);
}

/// May the browser write the folder? `None`: it needs a click to ask.
pub async fn writable(folder: &Folder) -> Option<bool> {
    match folder.permission(true).await {
        Permission::Granted => Some(true),
        Permission::Prompt => None,
        Permission::Denied => Some(false),
    }
}

/// One file's entry, from its bytes (or why they could not be read).
fn entry(
    meta: FileMeta,
    bytes: Result<Vec<u8>, String>,
    read_only: bool,
) -> (FolderEntry, Option<Stored>) {
    let read = listing::worth_reading(&meta)
        .and_then(|()| bytes.map_err(FileProblem::ReadFailed))
        .and_then(|b| listing::read_file(&b));
    let stored = read.as_ref().ok().cloned();
    (listing::entry_of(meta, read, read_only), stored)
}

/// What a folder holds, read whole: the listing, and each map's content by
/// file name (to open or view it without reading the drive again).
pub struct Read {
    pub entries: Vec<FolderEntry>,
    pub maps: HashMap<String, Stored>,
}

fn read_of(pairs: Vec<(FolderEntry, Option<Stored>)>) -> Read {
    let mut maps = HashMap::new();
    let mut entries = Vec::new();
    for (e, stored) in pairs {
        if let Some(s) = stored {
            maps.insert(e.meta().name.clone(), s);
        }
        entries.push(e);
    }
    let entries = listing::listing(entries);
    // A file listed as a copy of another is not opened.
    maps.retain(|name, _| {
        entries
            .iter()
            .any(|e| matches!(e, FolderEntry::Map { meta, .. } if meta.name == *name))
    });
    Read { entries, maps }
}

/// Read every map file of a connected folder.
pub async fn read_folder(folder: &Folder, read_only: bool) -> Result<Read, FolderError> {
    let mut pairs = Vec::new();
    for meta in folder.list().await? {
        let bytes = if listing::worth_reading(&meta).is_ok() {
            match folder.read(&meta.name).await {
                Ok(Some((_, bytes))) => Ok(bytes),
                Ok(None) => continue,
                Err(e) => Err(e.to_string()),
            }
        } else {
            Ok(Vec::new())
        };
        pairs.push(entry(meta, bytes, read_only));
    }
    Ok(read_of(pairs))
}

/// The folder's name and maps from the files of `<input webkitdirectory>`
/// (subfolders' files are left out, as a connected folder's are).
pub async fn read_once(files: &web_sys::FileList) -> (String, Read) {
    let mut name = String::new();
    let mut pairs = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.item(i) else { continue };
        let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|p| p.as_string())
            .unwrap_or_default();
        let mut parts = path.split('/');
        if let Some(first) = parts.next() {
            name = first.to_owned();
        }
        if parts.count() > 1 || !crate::core::folder::file_name::is_map_file(&file.name()) {
            continue;
        }
        let meta = FileMeta {
            name: file.name(),
            modified: file.last_modified() as i64,
            size: file.size().max(0.0) as u64,
        };
        let bytes = if listing::worth_reading(&meta).is_ok() {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Ok(js_sys::Uint8Array::new(&buffer).to_vec()),
                Err(e) => Err(format!("{e:?}")),
            }
        } else {
            Ok(Vec::new())
        };
        pairs.push(entry(meta, bytes, true));
    }
    (name, read_of(pairs))
}

/// A map's file text, as an export writes it.
pub fn file_text(map: &JourneyMap, revision: u64) -> String {
    envelope::to_json_pretty(map, revision)
}

/// A write of ours, as the file was read back just after it.
pub struct Written {
    pub meta: FileMeta,
    /// A teammate's save landed just after ours (`watch::seen_after_write`):
    /// the file must be read again.
    pub overtaken: bool,
}

/// Write `text` as the map's file, signed with the user's name when one is
/// set (`core::folder::signature`), and keep what was written as seen, if
/// the file still holds it when read back.
pub async fn write_linked(
    store: &dyn KeyValueStore,
    folder: &Folder,
    map_id: &str,
    file: &str,
    text: &str,
) -> Result<Written, FolderError> {
    let name = profile::read_name(store).ok().flatten();
    let signed = signature::sign(text, name.as_deref());
    let meta = folder.write(file, &signed).await?;
    let back = folder.read(file).await.ok().flatten();
    let seen = watch::seen_after_write(
        signed.as_bytes(),
        back.as_ref().map(|(m, b)| (m, b.as_slice())),
    );
    let link = Link::new(file);
    let _ = link::set_link(
        store,
        map_id,
        &seen.map_or(link.clone(), |s| link.with_seen(s)),
    );
    Ok(Written {
        meta,
        overtaken: seen.is_none(),
    })
}
