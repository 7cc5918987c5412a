//! Merging a teammate's copy of the open map (in its own wasm chunk).

pub mod conflict_choice;
pub mod merge_panel;
