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
pub mod listing;
pub mod watch;
