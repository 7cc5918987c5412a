//! The open map on screen: the core's [`Session`] (every rule of an open
//! map) wrapped in one reactive trigger per [`Scope`], and the few signals
//! the view shows (save state, undo/redo). Components read through
//! [`MapSession::read`], which subscribes them to one scope;
//! [`MapSession::edit`] applies an [`Edit`] and notifies only the scopes it
//! touched. Typing in a card wakes that card.
//!
//! Saving is debounced ([`SAVE_DELAY`]) and done by the core session,
//! checked against the stored revision, so another tab's newer save is
//! never overwritten without the user choosing.

use std::collections::HashMap;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::document::edit::{Edit, EditError, Scope};
use crate::core::document::model::JourneyMap;
use crate::core::formats::envelope::Stored;
use crate::core::session::{ExternalChange, ExternalOutcome, SaveState, Session};
use crate::core::storage::library::map_key;
use crate::core::text::said::Said;
use crate::platform::storage_events::StorageChange;
use crate::platform::{clock, download};
use crate::ui::app_state::AppState;

/// How long after the last edit the map is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(500);

#[derive(Clone, Copy)]
pub struct MapSession {
    pub app: AppState,
    pub id: StoredValue<String>,
    core: StoredValue<Session>,
    triggers: StoredValue<HashMap<Scope, ArcTrigger>>,
    save_generation: StoredValue<u64>,
    pub save_state: RwSignal<SaveState>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
}

impl MapSession {
    pub fn new(app: AppState, stored: Stored) -> Self {
        MapSession {
            app,
            id: StoredValue::new(stored.map.id.clone()),
            core: StoredValue::new(Session::open(stored)),
            triggers: StoredValue::new(HashMap::new()),
            save_generation: StoredValue::new(0),
            save_state: RwSignal::new(SaveState::Saved),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
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
        self.peek(f)
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
        self.core.with_value(|s| f(s.map()))
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

    /// Show the core session's state: its save state and history flags,
    /// set only when they changed (each set wakes what shows it).
    fn show_state(&self) {
        let (state, undo, redo) = self
            .core
            .with_value(|s| (s.state().clone(), s.can_undo(), s.can_redo()));
        if self.save_state.get_untracked() != state {
            self.save_state.set(state);
        }
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    /// What an edit, undo or redo did: redraw what it touched, save soon.
    fn done(&self, result: Option<Result<Vec<Scope>, EditError>>) {
        match result {
            Some(Ok(scopes)) => {
                self.notify(&scopes);
                self.show_state();
                self.save_soon();
            }
            Some(Err(e)) => leptos::logging::warn!("edit refused: {e:?}"),
            None => {}
        }
    }

    /// Apply an edit as one undoable step, then save soon.
    pub fn edit(&self, edit: Edit) {
        let mut result = None;
        self.core
            .update_value(|s| result = Some(s.apply(edit, clock::now())));
        self.done(result);
    }

    pub fn undo(&self) {
        let mut result = None;
        self.core.update_value(|s| result = s.undo(clock::now()));
        self.done(result);
    }

    pub fn redo(&self) {
        let mut result = None;
        self.core.update_value(|s| result = s.redo(clock::now()));
        self.done(result);
    }

    fn save_soon(&self) {
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

    /// The document with its changes recorded (to merge a teammate's copy into).
    pub fn recorded(&self) -> JourneyMap {
        let replica = self.app.replica();
        let mut map = None;
        self.core
            .update_value(|s| map = Some(s.recorded(&replica).clone()));
        map.unwrap_or_else(|| self.peek(JourneyMap::clone))
    }

    /// Replace the document by the result of a merge, as one undoable step.
    pub fn apply_merge(&self, merged: JourneyMap) {
        let replica = self.app.replica();
        let mut result = None;
        self.core
            .update_value(|s| result = Some(s.apply_merge(merged, &replica, clock::now())));
        self.done(result);
    }

    /// Save now. `force` overwrites another tab's newer save (the user chose so).
    pub fn save(&self, force: bool) {
        self.write(force);
        self.show_state();
    }

    fn write(&self, force: bool) {
        let replica = self.app.replica();
        let store = self.app.store();
        self.core.update_value(|s| {
            s.save(&*store, &replica, force, clock::now());
        });
    }

    /// Save at once if there is unsaved work (the page is being hidden or left).
    pub fn flush(&self) {
        if self.core.with_value(Session::has_unsaved_work) {
            self.save(false);
        }
    }

    /// The same as [`MapSession::flush`] while the view showing the map is
    /// being unmounted: the save state changes without waking what showed
    /// it, which is being disposed (waking it read disposed values, a panic
    /// that stopped the app when a map was left less than half a second
    /// after an edit).
    pub fn flush_on_unmount(&self) {
        if self.core.with_value(Session::has_unsaved_work) {
            self.write(false);
            let state = self.core.with_value(|s| s.state().clone());
            self.save_state.update_untracked(|s| *s = state);
        }
    }

    /// Replace the document with the stored copy (the other tab's version).
    pub fn load_stored(&self) -> bool {
        let store = self.app.store();
        let mut loaded = false;
        self.core
            .update_value(|s| loaded = s.reload(&*store).is_ok());
        if loaded {
            self.show_state();
            self.notify(&[Scope::All]);
        }
        loaded
    }

    /// Another tab changed storage. Returns what the user should be told.
    pub fn on_external_change(&self, change: &StorageChange) -> ExternalOutcome {
        let key = map_key(&self.id.get_value());
        let change = match (&change.key, &change.new_value) {
            (Some(k), _) if *k != key => return ExternalOutcome::Unrelated,
            (Some(_), Some(_)) => ExternalChange::Saved,
            // Deleted (or storage cleared) elsewhere.
            _ => ExternalChange::Deleted,
        };
        let store = self.app.store();
        let mut outcome = ExternalOutcome::Unrelated;
        self.core
            .update_value(|s| outcome = s.on_external_change(&*store, change));
        self.show_state();
        if outcome == ExternalOutcome::Reloaded {
            self.notify(&[Scope::All]);
        }
        outcome
    }

    /// The map as a file, as it is in memory, its changes recorded.
    pub fn file_text(&self) -> String {
        let replica = self.app.replica();
        let mut text = String::new();
        self.core.update_value(|s| text = s.file_text(&replica));
        text
    }

    /// Offer the map, as it is in memory, as a `.json` file.
    pub fn download(&self) {
        let text = self.file_text();
        let name = self.peek(|m| download::file_name(&m.title, "json"));
        if let Err(e) = download::download_text(&name, "application/json", &text) {
            let said = e.said(self.app.lang.get_untracked());
            self.app
                .notify(crate::ui::app_state::NoticeKind::Error(said));
        }
    }
}
