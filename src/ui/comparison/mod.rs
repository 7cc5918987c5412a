//! A future-state map beside the current state it was copied from.

pub mod comparison_page;
pub mod stage_changes;
pub mod target_figures;
