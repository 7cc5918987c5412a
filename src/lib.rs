//! Parcours: customer journey maps in the browser.
//!
//! - [`core`]: the pure document model, its edits, formats, storage logic and
//!   charts. Knows nothing of the browser; tested natively.
//! - [`platform`]: thin adapters to the browser (localStorage, files, events).
//! - [`ui`]: Leptos components, one per file, named after the domain.

pub mod core;
pub mod platform;
pub mod ui;
