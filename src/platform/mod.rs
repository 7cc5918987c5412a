//! Thin adapters to the browser, each behind a small interface so that the
//! logic around them lives in the pure core and is tested natively.

pub mod clock;
pub mod download;
pub mod fetch_text;
pub mod file_read;
pub mod folder_access;
pub mod image_shrink;
pub mod indexed_db;
pub mod language;
pub mod local_storage;
pub mod persistent_storage;
pub mod png_export;
pub mod random_ids;
pub mod storage_events;
