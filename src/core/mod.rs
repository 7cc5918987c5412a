//! The pure core: no browser, no framework.

pub mod analysis;
pub mod document;
pub mod folder;
pub mod formats;
pub mod session;
pub mod storage;
pub mod sync;
pub mod text;
pub mod view;
