//! A shared folder of maps: a network share, OneDrive / SharePoint, Dropbox,
//! Google Drive for desktop, Syncthing… Every map is one `*.parcours.json`
//! file in the export format; the drive's own sync carries the files between
//! people and its permissions are the permissions. Parcours has no server.
//!
//! This is the part of it that needs no browser: which files are maps
//! ([`file_name`], [`listing`]) and what to do when the file of an open map
//! is found changed, gone or broken ([`watch`]). The browser's folder handles
//! live in `platform::folder_access`.

pub mod file_name;
pub mod link;
pub mod listing;
pub mod signature;
pub mod watch;
pub mod words;

/// Why the folder, or one of its files, could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderError {
    /// The browser has no folder access (Firefox, Safari).
    NotSupported,
    /// The user closed the folder picker.
    Cancelled,
    /// The browser was not allowed to read, or to write (the share's
    /// permission, or the user said no).
    NotAllowed,
    /// The file or folder is no longer there (deleted, renamed, moved).
    Gone,
    /// The drive refused the write (a read-only share or file).
    ReadOnly,
    /// The drive is full.
    Full,
    /// Anything else, in the browser's words (for the detail).
    Failed(String),
}
