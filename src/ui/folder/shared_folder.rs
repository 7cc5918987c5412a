//! The connected folder, once per page: its handle is recalled from
//! IndexedDB at most once and kept here for the library and the open map.

use std::cell::RefCell;

use crate::core::folder::listing::{self, FileProblem, FolderEntry};
use crate::core::folder::FolderError;
use crate::core::storage::versions::VersionStoreError;
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::platform::folder_access::Folder;
use crate::platform::indexed_db::IndexedDbStore;

thread_local! {
    static FOLDER: RefCell<Option<Folder>> = const { RefCell::new(None) };
}

/// The folder this page uses: the one picked or recalled earlier, else the
/// handle kept in IndexedDB (whose permission may need a click again).
pub async fn remembered() -> Option<Folder> {
    if let Some(folder) = FOLDER.with(|f| f.borrow().clone()) {
        return Some(folder);
    }
    let db = IndexedDbStore::open().await.ok()?;
    let handle = db.folder().await.ok()??;
    let folder = Folder::from_handle(wasm_bindgen::JsCast::dyn_into(handle).ok()?);
    FOLDER.with(|f| *f.borrow_mut() = Some(folder.clone()));
    Some(folder)
}

/// Use `folder` from now on, and keep its handle for the next visits.
pub async fn remember(folder: &Folder) -> Result<(), VersionStoreError> {
    FOLDER.with(|f| *f.borrow_mut() = Some(folder.clone()));
    IndexedDbStore::open()
        .await?
        .put_folder(folder.handle())
        .await
}

/// Forget the folder (its files and the maps in the library stay).
pub async fn forget() {
    FOLDER.with(|f| *f.borrow_mut() = None);
    if let Ok(db) = IndexedDbStore::open().await {
        let _ = db.forget_folder().await;
    }
}

/// Every map file of the folder, read and checked (see `core::folder::listing`).
pub async fn list(
    folder: &Folder,
    read_only: bool,
    lang: Lang,
) -> Result<Vec<FolderEntry>, FolderError> {
    let mut entries = Vec::new();
    for meta in folder.list().await? {
        let read = match listing::worth_reading(&meta) {
            Err(problem) => Err(problem),
            Ok(()) => match folder.read(&meta.name).await {
                Ok(Some((_, bytes))) => listing::read_file(&bytes),
                // Deleted between the listing and the read.
                Ok(None) => continue,
                Err(e) => Err(FileProblem::ReadFailed(e.said(lang))),
            },
        };
        entries.push(listing::entry_of(meta, read, read_only));
    }
    Ok(listing::listing(entries))
}
