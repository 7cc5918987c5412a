//! The open map: the pure document, its undo history, and one reactive
//! trigger per [`Scope`]. Components read through [`MapSession::read`], which
//! subscribes them to one scope; [`MapSession::edit`] applies an [`Edit`] and
//! notifies only the scopes it touched. Typing in a card wakes that card.
//!
//! Saving is debounced and checked against the stored revision, so another
//! tab's newer save is never overwritten without the user choosing.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::history::History;
use crate::core::document::model::JourneyMap;
use crate::core::formats::envelope::{self, Stored};
use crate::core::storage::library::{self, map_key, SaveError};
use crate::core::storage::store::StoreError;
use crate::core::sync;
use crate::platform::storage_events::StorageChange;
use crate::platform::{clock, download};
use crate::ui::app_state::AppState;

/// How long after the last edit the map is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Unsaved,
    /// The last save failed; the work is still in memory.
    Failed(SaveFailure),
    /// Another tab saved this map since we loaded it.
    Conflict,
}

impl SaveState {
    /// What the status line says.
    pub fn label(&self) -> crate::core::text::i18n::Key {
        use crate::core::text::i18n::Key;
        match self {
            SaveState::Saved => Key::Saved,
            SaveState::Unsaved => Key::Unsaved,
            SaveState::Failed(_) | SaveState::Conflict => Key::SaveFailed,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            SaveState::Saved => "saved",
            SaveState::Unsaved => "unsaved",
            SaveState::Failed(_) => "failed",
            SaveState::Conflict => "conflict",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveFailure {
    Quota,
    Other(String),
}

/// The editor's tabs (one shown at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorTab {
    Map,
    Charts,
    ComparePersonas,
}

#[derive(Clone, Copy)]
pub struct MapSession {
    pub app: AppState,
    pub id: StoredValue<String>,
    doc: StoredValue<JourneyMap>,
    /// The document as its changes were last recorded for merging
    /// ([`sync::record`]); the next record stamps what differs from it.
    stamped: StoredValue<JourneyMap>,
    history: StoredValue<History>,
    triggers: StoredValue<HashMap<Scope, ArcTrigger>>,
    revision: StoredValue<u64>,
    save_generation: StoredValue<u64>,
    focus_request: StoredValue<Option<String>>,
    /// What the mouse is dragging, if anything (see `drag_drop`).
    pub dragged: StoredValue<Option<crate::ui::editor::drag_drop::Dragged>>,
    pub save_state: RwSignal<SaveState>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
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
    /// The stages the grid builds (core::view::stage_window), set by its scroll;
    /// a trigger and a plain value cost less wasm than a signal of a new type.
    stage_window: StoredValue<std::ops::Range<usize>>,
    window_moved: Trigger,
}

impl MapSession {
    pub fn new(app: AppState, stored: Stored) -> Self {
        MapSession {
            app,
            id: StoredValue::new(stored.map.id.clone()),
            stamped: StoredValue::new(stored.map.clone()),
            doc: StoredValue::new(stored.map),
            history: StoredValue::new(History::default()),
            triggers: StoredValue::new(HashMap::new()),
            revision: StoredValue::new(stored.revision),
            save_generation: StoredValue::new(0),
            focus_request: StoredValue::new(None),
            dragged: StoredValue::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            persona_view: RwSignal::new(None),
            future_emotions: RwSignal::new(false),
            tab: RwSignal::new(EditorTab::Map),
            import_open: RwSignal::new(false),
            imported: RwSignal::new(None),
            stage_window: StoredValue::new(crate::core::view::stage_window::ALL),
            window_moved: Trigger::new(),
        }
    }

    /// Subscribe the running effect to `scope`.
    pub fn track(&self, scope: Scope) {
        self.triggers.update_value(|t| {
            t.entry(scope).or_default().track();
        });
    }

    /// Read the document, subscribed to `scope` only.
    pub fn read<R>(&self, scope: Scope, f: impl FnOnce(&JourneyMap) -> R) -> R {
        self.track(scope);
        self.doc.with_value(f)
    }

    /// The map's personas as (id, name), in order, subscribed to them.
    pub fn persona_names(&self) -> Vec<(String, String)> {
        self.read(Scope::Personas, |m| {
            m.personas
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect()
        })
    }

    /// Read the document without subscribing (event handlers).
    pub fn peek<R>(&self, f: impl FnOnce(&JourneyMap) -> R) -> R {
        self.doc.with_value(f)
    }

    fn notify(&self, scopes: &[Scope]) {
        let to_wake: Vec<ArcTrigger> = self.triggers.with_value(|t| {
            if scopes.contains(&Scope::All) {
                t.values().cloned().collect()
            } else {
                scopes
                    .iter()
                    .chain([&Scope::Document])
                    .filter_map(|s| t.get(s).cloned())
                    .collect()
            }
        });
        for trigger in to_wake {
            trigger.notify();
        }
    }

    fn sync_history_flags(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    /// Apply an edit as one undoable step, then save soon.
    pub fn edit(&self, edit: Edit) {
        let now = clock::now();
        let mut result = None;
        self.doc.update_value(|map| {
            self.history
                .update_value(|h| result = Some(h.apply(map, edit, now)));
            map.modified = now;
        });
        match result {
            Some(Ok(scopes)) => {
                self.notify(&scopes);
                self.sync_history_flags();
                self.changed();
            }
            Some(Err(e)) => leptos::logging::warn!("edit refused: {e}"),
            None => {}
        }
    }

    pub fn undo(&self) {
        self.step(|h, map| h.undo(map));
    }

    pub fn redo(&self) {
        self.step(|h, map| h.redo(map));
    }

    fn step(
        &self,
        f: impl FnOnce(
            &mut History,
            &mut JourneyMap,
        ) -> Option<Result<Vec<Scope>, crate::core::document::edit::EditError>>,
    ) {
        let mut result = None;
        self.doc.update_value(|map| {
            self.history.update_value(|h| result = f(h, map));
            map.modified = clock::now();
        });
        if let Some(Ok(scopes)) = result {
            self.notify(&scopes);
            self.sync_history_flags();
            self.changed();
        }
    }

    /// Add a stage at the end of the journey and put the focus on its name.
    pub fn add_stage(&self) {
        use crate::core::document::model::{IdSource, Stage};
        let index = self.peek(|m| m.stages.len());
        let stage = Stage {
            id: crate::platform::random_ids::RandomIds.next_id(),
            name: self
                .app
                .lang
                .get_untracked()
                .t(crate::core::text::i18n::Key::NewStage)
                .to_owned(),
        };
        self.request_focus(stage.id.clone());
        self.reveal_stage(index);
        self.edit(Edit::InsertStage {
            index,
            stage,
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
        });
    }

    /// Present the map full screen from its first stage. The presentation
    /// reads the stored map, so what is pending is saved first; full screen
    /// is asked now, while the user's click or key allows it.
    pub fn present(&self) {
        use crate::core::view::presentation::{PresentAddress, Slide};
        self.flush();
        crate::ui::present::fullscreen::enter();
        self.app
            .navigate(crate::ui::app_state::Route::Present(PresentAddress {
                map: self.id.get_value(),
                slide: Slide::Stage(0),
            }));
    }

    /// Add an empty card right after card `id`, in its cell, and focus it.
    pub fn add_card_after(&self, id: &str) {
        use crate::core::document::model::IdSource;
        let Some((index, mut card)) =
            self.peek(|m| m.card_index(id).map(|i| (i, m.cards[i].clone())))
        else {
            return;
        };
        card.id = crate::platform::random_ids::RandomIds.next_id();
        card.text.clear();
        self.request_focus(card.id.clone());
        self.edit(Edit::InsertCard {
            index: index + 1,
            card,
        });
    }

    /// The stages the grid builds; `track`: subscribed to their change.
    pub fn stage_window(&self, track: bool) -> std::ops::Range<usize> {
        if track {
            self.window_moved.track();
        }
        self.stage_window.get_value()
    }

    /// Build these stages (and only these).
    pub fn set_stage_window(&self, window: std::ops::Range<usize>) {
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
        self.focus_request.set_value(Some(id));
    }

    /// True once for the id whose focus was requested.
    pub fn take_focus(&self, id: &str) -> bool {
        let wanted = self.focus_request.with_value(|f| f.as_deref() == Some(id));
        if wanted {
            self.focus_request.set_value(None);
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
        let session = *self;
        Effect::new(move |_| {
            let Some(el) = node.get() else { return };
            if !session.take_focus(&id.get_value()) {
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

    fn changed(&self) {
        if self.save_state.get_untracked() != SaveState::Conflict {
            self.save_state.set(SaveState::Unsaved);
        }
        let generation = self.save_generation.get_value() + 1;
        self.save_generation.set_value(generation);
        let session = *self;
        set_timeout(
            move || {
                // A later edit has scheduled its own save; the session may be gone.
                if session.save_generation.try_get_value() == Some(generation) {
                    session.save(false);
                }
            },
            SAVE_DELAY,
        );
    }

    /// Stamp the changes made since the last record with this browser's
    /// replica id (cheap when little changed: collections are compared first).
    fn record(&self) {
        let replica = self.app.replica();
        let mut changed = false;
        self.doc.update_value(|map| {
            self.stamped
                .with_value(|before| changed = sync::record(before, map, &replica));
        });
        if changed {
            self.stamped.set_value(self.doc.get_value());
        }
    }

    /// The document with its changes recorded (to merge a teammate's copy into).
    pub fn recorded(&self) -> JourneyMap {
        self.record();
        self.doc.get_value()
    }

    /// Replace the document by the result of a merge, as one undoable step.
    pub fn apply_merge(&self, merged: JourneyMap) {
        self.record();
        self.edit(Edit::ReplaceMap(Box::new(merged.clone())));
        // The merge's stamps are its own: not changes of this browser.
        self.stamped.set_value(merged);
    }

    /// Save now. `force` overwrites another tab's newer save (the user chose so).
    pub fn save(&self, force: bool) {
        if !force && self.save_state.get_untracked() == SaveState::Conflict {
            return;
        }
        let state = self.write(force);
        self.save_state.set(state);
    }

    /// Store the document, revision-checked, its changes recorded first;
    /// what the save state becomes.
    fn write(&self, force: bool) -> SaveState {
        self.record();
        let store = self.app.store();
        let revision = self.revision.get_value();
        let result = self
            .doc
            .with_value(|map| library::save_map(&*store, map, revision, force, clock::now()));
        match result {
            Ok(new_revision) => {
                self.revision.set_value(new_revision);
                SaveState::Saved
            }
            Err(SaveError::Conflict { .. }) => SaveState::Conflict,
            Err(SaveError::Store(StoreError::QuotaExceeded)) => {
                SaveState::Failed(SaveFailure::Quota)
            }
            Err(SaveError::Store(e)) => SaveState::Failed(SaveFailure::Other(
                crate::core::text::said::Said::said(&e, self.app.lang.get_untracked()),
            )),
        }
    }

    /// Save at once if there is unsaved work (the page is being hidden or left).
    pub fn flush(&self) {
        if self.has_unsaved_work() {
            self.save(false);
        }
    }

    /// The same as [`MapSession::flush`] while the view showing the map is
    /// being unmounted: the save state changes without waking what showed
    /// it, which is being disposed (waking it read disposed values, a panic
    /// that stopped the app when a map was left less than half a second
    /// after an edit).
    pub fn flush_on_unmount(&self) {
        if self.has_unsaved_work() {
            let state = self.write(false);
            self.save_state.update_untracked(|s| *s = state);
        }
    }

    fn has_unsaved_work(&self) -> bool {
        matches!(
            self.save_state.get_untracked(),
            SaveState::Unsaved | SaveState::Failed(_)
        )
    }

    /// Replace the document with the stored copy (the other tab's version).
    pub fn load_stored(&self) -> bool {
        let id = self.id.get_value();
        match library::load_map(&*self.app.store(), &id) {
            Ok(stored) => {
                self.stamped.set_value(stored.map.clone());
                self.doc.set_value(stored.map);
                self.revision.set_value(stored.revision);
                self.history.update_value(History::clear);
                self.sync_history_flags();
                self.save_state.set(SaveState::Saved);
                self.notify(&[Scope::All]);
                true
            }
            Err(_) => false,
        }
    }

    /// Another tab changed storage. Returns what the user should be told.
    pub fn on_external_change(&self, change: &StorageChange) -> ExternalOutcome {
        let key = map_key(&self.id.get_value());
        if change.key.as_deref() != Some(key.as_str()) && change.key.is_some() {
            return ExternalOutcome::Unrelated;
        }
        if change.key.is_some() && change.new_value.is_none() || change.key.is_none() {
            // Deleted (or storage cleared) elsewhere: our copy stays open and is saved again on the next edit.
            return ExternalOutcome::DeletedElsewhere;
        }
        match self.save_state.get_untracked() {
            SaveState::Saved => {
                if self.load_stored() {
                    ExternalOutcome::Reloaded
                } else {
                    ExternalOutcome::Unrelated
                }
            }
            _ => {
                self.save_state.set(SaveState::Conflict);
                ExternalOutcome::Conflict
            }
        }
    }

    /// Offer the map, as it is in memory, as a `.json` file.
    pub fn download(&self) {
        self.record();
        let (name, text) = self.doc.with_value(|map| {
            (
                download::file_name(&map.title, "json"),
                envelope::to_json_pretty(map, self.revision.get_value()),
            )
        });
        if let Err(e) = download::download_text(&name, "application/json", &text) {
            self.app
                .notify(crate::ui::app_state::NoticeKind::Error(e.to_string()));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExternalOutcome {
    Unrelated,
    Reloaded,
    Conflict,
    DeletedElsewhere,
}
