//! A folder on the user's drive, through the File System Access API
//! (`showDirectoryPicker`: Chrome and Edge 86+; not Firefox or Safari).
//! The rules (which files are maps, what to do when one changes) are in
//! `core::folder`; this only lists, stats, reads and writes files.
//!
//! `showDirectoryPicker` and the permission calls are bound here rather
//! than through web-sys, which keeps them behind `web_sys_unstable_apis`.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemWritableFileStream};

use crate::core::folder::file_name;
use crate::core::folder::listing::FileMeta;
use crate::core::folder::FolderError;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = showDirectoryPicker)]
    fn show_directory_picker(options: &JsValue) -> Result<Promise, JsValue>;
    /// A handle seen through its permission methods only.
    type PermissionHandle;
    #[wasm_bindgen(catch, method, js_name = queryPermission)]
    fn query_permission(this: &PermissionHandle, descriptor: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, method, js_name = requestPermission)]
    fn request_permission(
        this: &PermissionHandle,
        descriptor: &JsValue,
    ) -> Result<Promise, JsValue>;
}

/// May this browser pick a folder?
pub fn supported() -> bool {
    web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// What the browser lets the page do with the folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// Not yet: asking needs a click (a user gesture).
    Prompt,
    Denied,
}

/// A folder the user picked.
#[derive(Clone, Debug)]
pub struct Folder {
    handle: FileSystemDirectoryHandle,
}

/// Our error from a thrown value, by the DOMException's name.
pub fn classify(error: &JsValue) -> FolderError {
    let Some(dom) = error.dyn_ref::<web_sys::DomException>() else {
        if error.is_instance_of::<js_sys::TypeError>() {
            return FolderError::NotSupported;
        }
        return FolderError::Failed(format!("{error:?}"));
    };
    match dom.name().as_str() {
        "AbortError" => FolderError::Cancelled,
        "NotAllowedError" | "SecurityError" => FolderError::NotAllowed,
        "NotFoundError" => FolderError::Gone,
        "NoModificationAllowedError" | "InvalidModificationError" => FolderError::ReadOnly,
        "QuotaExceededError" => FolderError::Full,
        name => FolderError::Failed(format!("{name}: {}", dom.message())),
    }
}

async fn wait(promise: Result<Promise, JsValue>) -> Result<JsValue, FolderError> {
    JsFuture::from(promise.map_err(|e| classify(&e))?)
        .await
        .map_err(|e| classify(&e))
}

fn mode(write: bool) -> JsValue {
    let descriptor = js_sys::Object::new();
    let _ = Reflect::set(
        &descriptor,
        &"mode".into(),
        &(if write { "readwrite" } else { "read" }).into(),
    );
    descriptor.into()
}

/// The browser's answer to a permission query or request; one it cannot
/// give (the call threw) is a refusal.
async fn answer(call: Result<Promise, JsValue>) -> Permission {
    match wait(call)
        .await
        .ok()
        .and_then(|state| state.as_string())
        .as_deref()
    {
        Some("granted") => Permission::Granted,
        Some("prompt") => Permission::Prompt,
        _ => Permission::Denied,
    }
}

impl Folder {
    /// Ask the user for a folder (needs a click).
    pub async fn pick() -> Result<Folder, FolderError> {
        if !supported() {
            return Err(FolderError::NotSupported);
        }
        let options = js_sys::Object::new();
        let _ = Reflect::set(&options, &"id".into(), &"parcours".into());
        let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
        let handle = wait(show_directory_picker(&options)).await?;
        Ok(Folder::from_handle(
            handle.dyn_into().map_err(|e| classify(&e))?,
        ))
    }

    /// A folder from a handle kept (in IndexedDB) since an earlier visit.
    pub fn from_handle(handle: FileSystemDirectoryHandle) -> Folder {
        Folder { handle }
    }

    /// The handle, to keep (IndexedDB clones it whole).
    pub fn handle(&self) -> &FileSystemDirectoryHandle {
        &self.handle
    }

    pub fn name(&self) -> String {
        self.handle.name()
    }

    /// What the page may do now (`write`: read and write, else read).
    pub async fn permission(&self, write: bool) -> Permission {
        let handle = self.handle.unchecked_ref::<PermissionHandle>();
        answer(handle.query_permission(&mode(write))).await
    }

    /// Ask for it (needs a click; the browser shows its own prompt).
    pub async fn request(&self, write: bool) -> Permission {
        let handle = self.handle.unchecked_ref::<PermissionHandle>();
        answer(handle.request_permission(&mode(write))).await
    }

    /// Every map file of the folder (by name; subfolders are not read),
    /// with its metadata.
    pub async fn list(&self) -> Result<Vec<FileMeta>, FolderError> {
        let entries = self.handle.values();
        let mut files = Vec::new();
        loop {
            let step = wait(entries.next()).await?;
            if Reflect::get(&step, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true)
            {
                break;
            }
            let Ok(value) = Reflect::get(&step, &"value".into()) else {
                continue;
            };
            let Ok(file) = value.dyn_into::<FileSystemFileHandle>() else {
                continue;
            };
            let name = file.name();
            if !file_name::is_map_file(&name) {
                continue;
            }
            if let Ok(found) = wait(Ok(file.get_file())).await {
                if let Ok(found) = found.dyn_into::<web_sys::File>() {
                    files.push(meta_of(&name, &found));
                }
            }
        }
        Ok(files)
    }

    async fn file(
        &self,
        name: &str,
    ) -> Result<Option<(FileSystemFileHandle, web_sys::File)>, FolderError> {
        let handle = match wait(Ok(self.handle.get_file_handle(name))).await {
            Ok(handle) => handle.unchecked_into::<FileSystemFileHandle>(),
            Err(FolderError::Gone) => return Ok(None),
            Err(e) => return Err(e),
        };
        match wait(Ok(handle.get_file())).await {
            Ok(file) => Ok(Some((handle, file.unchecked_into()))),
            Err(FolderError::Gone) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A file's metadata, or `None` when it is no longer there.
    pub async fn stat(&self, name: &str) -> Result<Option<FileMeta>, FolderError> {
        Ok(self.file(name).await?.map(|(_, file)| meta_of(name, &file)))
    }

    /// A file's metadata and bytes, or `None` when it is no longer there.
    pub async fn read(&self, name: &str) -> Result<Option<(FileMeta, Vec<u8>)>, FolderError> {
        let Some((_, file)) = self.file(name).await? else {
            return Ok(None);
        };
        let meta = meta_of(name, &file);
        let buffer = wait(Ok(file.array_buffer())).await?;
        Ok(Some((meta, Uint8Array::new(&buffer).to_vec())))
    }

    /// Write `text` as the file `name` (created if absent), whole or not at
    /// all: the browser writes to a swap file and replaces the file only at
    /// `close()`; on any failure the stream is aborted and the file is left
    /// as it was. Returns the file's metadata after the write.
    pub async fn write(&self, name: &str, text: &str) -> Result<FileMeta, FolderError> {
        let options = web_sys::FileSystemGetFileOptions::new();
        options.set_create(true);
        let handle: FileSystemFileHandle =
            wait(Ok(self.handle.get_file_handle_with_options(name, &options)))
                .await?
                .unchecked_into();
        let stream: FileSystemWritableFileStream =
            wait(Ok(handle.create_writable())).await?.unchecked_into();
        let written = match stream.write_with_str(text) {
            Ok(promise) => wait(Ok(promise)).await.map(|_| ()),
            Err(e) => Err(classify(&e)),
        };
        if let Err(e) = written {
            let _ = stream.abort();
            return Err(e);
        }
        wait(Ok(stream.close())).await?;
        let file: web_sys::File = wait(Ok(handle.get_file())).await?.unchecked_into();
        Ok(meta_of(name, &file))
    }
}

fn meta_of(name: &str, file: &web_sys::File) -> FileMeta {
    FileMeta {
        name: name.to_owned(),
        modified: file.last_modified() as i64,
        size: file.size().max(0.0) as u64,
    }
}
