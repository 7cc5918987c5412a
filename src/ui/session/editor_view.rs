//! What the editor shows around the open map: its tab, whose content, which
//! emotion curve, the CSV import dialog, what is dragged, which stages are
//! built, and which item takes the focus when it appears (the one the user
//! just added). The editor's own view state, one small context beside the
//! session (the session holds the document only), read by the features
//! shown inside the editor (charts, import, the card's actions), which so
//! need not know the editor. One context rather than three: each context
//! type costs its own copy of `expect_context` in the wasm (about 750 bytes
//! before optimisation, twiggy).

use std::ops::Range;

use leptos::prelude::*;

/// What the mouse drags in the grid (see `ui::editor::drag_drop`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dragged {
    Stage(String),
    Lane(String),
    Card(String),
}

/// The editor's tabs (one shown at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorTab {
    Map,
    Charts,
    ComparePersonas,
}

#[derive(Clone, Copy)]
pub struct EditorView {
    /// `None`: every persona's content; `Some(id)`: shared content and that persona's.
    pub persona_view: RwSignal<Option<String>>,
    /// The emotion cells edit the future state's curve rather than today's.
    pub future_emotions: RwSignal<bool>,
    /// What the editor shows under its bar: the map grid, the charts or
    /// the persona comparison.
    pub tab: RwSignal<EditorTab>,
    /// The CSV import dialog is open.
    pub import_open: RwSignal<bool>,
    /// The file of the last import confirmed, to say it is done and undoable.
    pub imported: RwSignal<Option<String>>,
    /// What the mouse is dragging, if anything.
    pub dragged: StoredValue<Option<Dragged>>,
    /// The stages the grid builds (`core::view::stage_window`), set by its
    /// scroll; a trigger and a plain value cost less wasm than a signal of
    /// a new type.
    stage_window: StoredValue<Range<usize>>,
    window_moved: Trigger,
    /// The id of the item to focus when it appears.
    wanted_focus: StoredValue<Option<String>>,
    /// The comments' panel: `None` closed; `Some("")` open on every
    /// comment; `Some(id)` open on the comments of the item with this id.
    pub comments_for: RwSignal<Option<String>>,
    /// The history panel is open.
    pub history_open: RwSignal<bool>,
    /// Bumped when a version is kept or named: the history panel reads again.
    pub versions_kept: RwSignal<u32>,
}

impl EditorView {
    pub fn new() -> Self {
        EditorView {
            persona_view: RwSignal::new(None),
            future_emotions: RwSignal::new(false),
            tab: RwSignal::new(EditorTab::Map),
            import_open: RwSignal::new(false),
            imported: RwSignal::new(None),
            dragged: StoredValue::new(None),
            stage_window: StoredValue::new(crate::core::view::stage_window::ALL),
            window_moved: Trigger::new(),
            wanted_focus: StoredValue::new(None),
            comments_for: RwSignal::new(None),
            history_open: RwSignal::new(false),
            versions_kept: RwSignal::new(0),
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

    /// Ask the card (or field) with this id to take the focus when it appears.
    pub fn request_focus(&self, id: String) {
        self.wanted_focus.set_value(Some(id));
    }

    /// True once for the id whose focus was requested.
    pub fn take_focus(&self, id: &str) -> bool {
        let wanted = self.wanted_focus.with_value(|f| f.as_deref() == Some(id));
        if wanted {
            self.wanted_focus.set_value(None);
        }
        wanted
    }

    /// Focus (and select the text of) the field behind `node` when its item's
    /// focus was requested, i.e. right after the user added it.
    pub fn focus_on_request<E>(&self, id: StoredValue<String>, node: NodeRef<E>)
    where
        E: leptos::html::ElementType,
        E::Output: wasm_bindgen::JsCast + Clone + 'static,
    {
        use wasm_bindgen::JsCast;
        let view = *self;
        Effect::new(move |_| {
            let Some(el) = node.get() else { return };
            if !view.take_focus(&id.get_value()) {
                return;
            }
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                let _ = area.focus();
                area.select();
            }
        });
    }
}

impl Default for EditorView {
    fn default() -> Self {
        EditorView::new()
    }
}
