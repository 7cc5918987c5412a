//! What the editor shows around the open map: its tab, whose content, which
//! emotion curve, the CSV import dialog. The editor's own view state, a
//! context beside the session (the session holds the document only), read
//! by the features shown inside the editor (the charts tab, the import
//! dialog), which so need not know the editor.

use leptos::prelude::*;

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
}

impl EditorView {
    pub fn new() -> Self {
        EditorView {
            persona_view: RwSignal::new(None),
            future_emotions: RwSignal::new(false),
            tab: RwSignal::new(EditorTab::Map),
            import_open: RwSignal::new(false),
            imported: RwSignal::new(None),
        }
    }
}

impl Default for EditorView {
    fn default() -> Self {
        EditorView::new()
    }
}
