//! The map grid's own state: what the mouse drags, and which stages are
//! built (`core::view::stage_window`, set by the grid's scroll).

use std::ops::Range;

use leptos::prelude::*;

use crate::ui::editor::drag_drop::Dragged;

#[derive(Clone, Copy)]
pub struct GridState {
    /// What the mouse is dragging, if anything (see `drag_drop`).
    pub dragged: StoredValue<Option<Dragged>>,
    /// The stages the grid builds; a trigger and a plain value cost less
    /// wasm than a signal of a new type.
    stage_window: StoredValue<Range<usize>>,
    window_moved: Trigger,
}

impl GridState {
    pub fn new() -> Self {
        GridState {
            dragged: StoredValue::new(None),
            stage_window: StoredValue::new(crate::core::view::stage_window::ALL),
            window_moved: Trigger::new(),
        }
    }

    /// The stages the grid builds; `track`: subscribed to their change.
    pub fn stage_window(&self, track: bool) -> Range<usize> {
        if track {
            self.window_moved.track();
        }
        self.stage_window.get_value()
    }

    /// Build these stages (and only these).
    pub fn set_stage_window(&self, window: Range<usize>) {
        if self.stage_window.get_value() != window {
            self.stage_window.set_value(window);
            self.window_moved.notify();
        }
    }

    /// Build stage `index` too (out of view, about to take the focus).
    pub fn reveal_stage(&self, index: usize) {
        use crate::core::view::stage_window::{reveal, MARGIN};
        self.set_stage_window(reveal(&self.stage_window.get_value(), index, MARGIN));
    }
}

impl Default for GridState {
    fn default() -> Self {
        GridState::new()
    }
}
