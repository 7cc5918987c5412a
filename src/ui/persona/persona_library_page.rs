//! `#/personas`: the persona library shared by all maps. Create, edit,
//! duplicate and delete personas; a persona that maps use is not deleted,
//! and the message names those maps.

use crate::core::document::persona_words::PersonaText;
use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::Persona;
use crate::core::document::persona::new_persona;
use crate::core::session::persona_library::{LibraryReaction, LibrarySession};
use crate::core::storage::persona_library::{self, LibraryError};
use crate::core::storage::persona_library::{Saved, WriteError};
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::persona::library_store::{load_library, report, stored_maps};
use crate::ui::persona::persona_form::PersonaForm;
use crate::ui::persona::persona_tile::PersonaTile;

/// The library page's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub app: AppState,
    /// What the page shows, with this tab's changes.
    pub personas: RwSignal<Vec<Persona>>,
    /// What this tab last read or wrote of the library, and the personas
    /// in conflict with another tab's (`core::session::persona_library`).
    session: StoredValue<LibrarySession>,
    /// The personas in conflict (id, name), as shown: nothing is saved
    /// until the user chooses.
    pub conflicts: RwSignal<Vec<(String, String)>>,
    /// The persona whose form is open.
    pub editing: RwSignal<Option<String>>,
    /// Why the last delete was refused (the maps that use the persona).
    pub refused: RwSignal<Option<String>>,
    /// The last persona deleted, and its place, to undo.
    pub deleted: RwSignal<Option<(usize, Persona)>>,
}

impl LibraryState {
    pub fn persona(&self, id: &str) -> Option<Persona> {
        self.personas
            .with(|l| l.iter().find(|p| p.id == id).cloned())
    }

    /// What a save did: the library as stored now is shown, a conflict
    /// is shown, and any other refusal (quota, avatar) is told.
    fn saved(&self, result: Option<Result<Saved, WriteError>>) {
        let Some(result) = result else { return };
        if let Ok(stored) = report(self.app, result) {
            if self.personas.with_untracked(|l| *l != stored.personas) {
                self.personas.set(stored.personas);
            }
        }
        let conflicts = self.session.with_value(|s| s.conflicts().to_vec());
        if self.conflicts.with_untracked(|c| *c != conflicts) {
            self.conflicts.set(conflicts);
        }
    }

    /// Save what the page shows, checked against what this tab last read:
    /// another tab's changes of other personas are taken in, the same
    /// persona changed in both is a conflict.
    fn save(&self) {
        let mine = self.personas.get_untracked();
        let store = self.app.store();
        let mut result = None;
        self.session
            .update_value(|s| result = s.save(&*store, &mine, clock::now()));
        self.saved(result);
    }

    /// Keep this tab's version of the personas in conflict.
    pub fn keep_mine(&self) {
        let mine = self.personas.get_untracked();
        let store = self.app.store();
        let mut result = None;
        self.session
            .update_value(|s| result = s.keep_mine(&*store, &mine, clock::now()));
        self.saved(result);
    }

    /// Show the library as stored, dropping this tab's unsaved changes.
    pub fn load_stored(&self) {
        if !self.session.with_value(LibrarySession::is_readable) {
            return;
        }
        if let Some(stored) = load_library(self.app, false) {
            let mut followed = false;
            self.session
                .update_value(|s| followed = s.follow(stored.clone()));
            if followed {
                if self.personas.with_untracked(|l| *l != stored) {
                    self.personas.set(stored);
                }
                self.conflicts.set(Vec::new());
            }
        }
    }

    /// Another tab changed the library: show it as stored when nothing here
    /// is unsaved; else save now, which takes in the other tab's changes or
    /// says they conflict.
    fn on_external_change(&self) {
        let reaction = self
            .personas
            .with_untracked(|mine| self.session.with_value(|s| s.on_external_change(mine)));
        match reaction {
            LibraryReaction::Follow => self.load_stored(),
            LibraryReaction::Save => self.save(),
            LibraryReaction::Nothing => {}
        }
    }

    /// Change one persona's fields, then save.
    pub fn change(&self, id: &str, change: &dyn Fn(&mut Persona)) {
        let Some(mut persona) = self
            .personas
            .with_untracked(|l| l.iter().find(|p| p.id == id).cloned())
        else {
            return;
        };
        change(&mut persona);
        let mut result = Ok(());
        self.personas
            .update(|l| result = persona_library::update(l, persona));
        match result {
            Ok(()) => self.save(),
            Err(e) => self
                .app
                .notify(NoticeKind::Error(e.said(self.app.lang.get_untracked()))),
        }
    }

    pub fn create(&self) {
        let lang = self.app.lang.get_untracked();
        let persona = self
            .personas
            .with_untracked(|l| new_persona(l, &mut RandomIds, lang.t(Key::NewPersona)));
        let id = persona.id.clone();
        let mut result = Ok(());
        self.personas
            .update(|l| result = persona_library::add(l, persona));
        match result {
            Ok(()) => {
                self.save();
                self.editing.set(Some(id));
            }
            Err(e) => self
                .app
                .notify(NoticeKind::Error(e.said(self.app.lang.get_untracked()))),
        }
    }

    pub fn duplicate(&self, id: &str) {
        let suffix = self.app.lang.get_untracked().t(Key::CopySuffix);
        let mut result = None;
        self.personas
            .update(|l| result = Some(persona_library::duplicate(l, id, &mut RandomIds, suffix)));
        match result {
            Some(Ok(copy)) => {
                self.save();
                self.editing.set(Some(copy.id));
            }
            Some(Err(e)) => self
                .app
                .notify(NoticeKind::Error(e.said(self.app.lang.get_untracked()))),
            None => {}
        }
    }

    /// Delete, unless maps use the persona: then say which.
    pub fn delete(&self, id: &str) {
        self.app.refresh_library();
        let maps = stored_maps(self.app);
        let mut result = None;
        self.personas
            .update(|l| result = Some(persona_library::delete(l, id, &maps)));
        let lang = self.app.lang.get_untracked();
        match result {
            Some(Ok((index, persona))) => {
                self.refused.set(None);
                if self.editing.get_untracked().as_deref() == Some(id) {
                    self.editing.set(None);
                }
                self.deleted.set(Some((index, persona)));
                self.save();
            }
            Some(Err(LibraryError::InUse(using))) => {
                let name = self.persona(id).map(|p| p.name).unwrap_or_default();
                let titles: Vec<String> = using.iter().map(|(_, t)| format!("« {t} »")).collect();
                self.refused.set(Some(format!(
                    "{name} — {} {}",
                    lang.t(PersonaText::PersonaInUse),
                    titles.join(", ")
                )));
            }
            Some(Err(e)) => self
                .app
                .notify(NoticeKind::Error(e.said(self.app.lang.get_untracked()))),
            None => {}
        }
    }

    fn undo_delete(&self) {
        if let Some((index, persona)) = self.deleted.get_untracked() {
            self.personas
                .update(|l| l.insert(index.min(l.len()), persona));
            self.deleted.set(None);
            self.save();
        }
    }
}

#[component]
pub fn PersonaLibraryPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let loaded = load_library(app, true);
    let state = LibraryState {
        app,
        personas: RwSignal::new(loaded.clone().unwrap_or_default()),
        session: StoredValue::new(LibrarySession::open(loaded)),
        conflicts: RwSignal::new(Vec::new()),
        editing: RwSignal::new(None),
        refused: RwSignal::new(None),
        deleted: RwSignal::new(None),
    };
    provide_context(state);
    // Another tab changed the library: show it as stored.
    Effect::new(move |_| {
        let changed = app.external_change.with(|c| {
            c.as_ref().is_some_and(|c| {
                c.key
                    .as_deref()
                    .is_none_or(|k| k == persona_library::PERSONAS_KEY)
            })
        });
        if changed {
            state.on_external_change();
        }
    });
    let ids = move || {
        state
            .personas
            .with(|l| l.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
    };
    view! {
        <section class="persona-library" data-testid="persona-library" aria-labelledby="persona-library-title">
            <div class="library-bar">
                <h1 id="persona-library-title">{app.text(Key::PersonaLibrary)}</h1>
                <button type="button" class="primary" data-testid="new-library-persona"
                    on:click=move |_| state.create()>{app.text(PersonaText::NewLibraryPersona)}</button>
                <a class="button" href="#/" data-testid="back-to-maps"
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Library); }>
                    {app.text(Key::BackToLibrary)}
                </a>
            </div>
            <p class="intro">{app.text(PersonaText::PersonaLibraryIntro)}</p>
            {move || {
                let names: Vec<String> = state.conflicts.with(|c| c.iter().map(|(_, n)| format!("« {n} »")).collect());
                (!names.is_empty()).then(|| view! {
                    <div class="notice error" role="alert" data-testid="notice" data-kind="persona-conflict">
                        <p><strong>{app.text(Key::PersonaConflictTitle)}</strong></p>
                        <p>{app.text(PersonaText::PersonaConflictBody)} " " {names.join(", ")}</p>
                        <div class="notice-actions">
                            <button class="primary" data-testid="keep-mine" on:click=move |_| state.keep_mine()>
                                {app.text(Key::KeepMine)}
                            </button>
                            <button data-testid="load-theirs" on:click=move |_| state.load_stored()>
                                {app.text(Key::LoadTheirs)}
                            </button>
                        </div>
                    </div>
                })
            }}
            {move || state.refused.get().map(|why| view! {
                <p class="notice error" role="alert" data-testid="persona-delete-refused">
                    {why}
                    " "
                    <button type="button" on:click=move |_| state.refused.set(None)>{app.text(Key::Close)}</button>
                </p>
            })}
            {move || state.deleted.get().map(|(_, p)| view! {
                <div class="toast" role="status">
                    {app.text(PersonaText::PersonaDeleted)} " " <strong>{p.name}</strong>
                    <button type="button" data-testid="undo-delete-persona"
                        on:click=move |_| state.undo_delete()>{app.text(Key::Undo)}</button>
                </div>
            })}
            {move || state.editing.get().map(|id| view! { <PersonaForm id=id/> })}
            <ul class="persona-tiles">
                <For each=ids key=|id| id.clone() let:id>
                    <PersonaTile id=id/>
                </For>
            </ul>
            <Show when=move || state.personas.with(Vec::is_empty)>
                <p class="empty">{app.text(PersonaText::NoLibraryPersonas)}</p>
            </Show>
        </section>
    }
}
