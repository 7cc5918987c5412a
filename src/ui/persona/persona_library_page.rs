//! `#/personas`: the persona library shared by all maps. Create, edit,
//! duplicate and delete personas; a persona that maps use is not deleted,
//! and the message names those maps.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::{IdSource, Persona, PERSONA_COLOURS};
use crate::core::storage::persona_library::WriteError;
use crate::core::storage::persona_library::{self, LibraryError};
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::persona::library_store::{load_library, save_checked, stored_maps};
use crate::ui::persona::persona_form::PersonaForm;
use crate::ui::persona::persona_tile::PersonaTile;

/// The library page's state, shared by its parts.
#[derive(Clone, Copy)]
pub struct LibraryState {
    pub app: AppState,
    /// What the page shows, with this tab's changes.
    pub personas: RwSignal<Vec<Persona>>,
    /// The library as this tab last read or wrote it: what each save is
    /// checked against. `None` when the store could not be read: nothing
    /// is saved over it.
    known: StoredValue<Option<Vec<Persona>>>,
    /// Personas (id, name) that another tab changed while this one changed
    /// them too: nothing is saved until the user chooses.
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

    /// Save what the page shows, checked against what this tab last read:
    /// another tab's changes of other personas are taken in, the same
    /// persona changed in both is a conflict. `keep_mine`: the personas the
    /// user chose to keep as they are here.
    fn save_keeping(&self, keep_mine: &[String]) {
        let Some(known) = self.known.get_value() else {
            return;
        };
        let mine = self.personas.get_untracked();
        match save_checked(self.app, &known, &mine, keep_mine) {
            Ok(stored) => {
                self.known.set_value(Some(stored.clone()));
                if mine != stored {
                    self.personas.set(stored);
                }
                if self.conflicts.with_untracked(|c| !c.is_empty()) {
                    self.conflicts.set(Vec::new());
                }
            }
            Err(WriteError::Conflict(personas)) => self.conflicts.set(personas),
            Err(_) => {}
        }
    }

    fn save(&self) {
        if self.conflicts.with_untracked(Vec::is_empty) {
            self.save_keeping(&[]);
        }
    }

    /// Keep this tab's version of the personas in conflict.
    pub fn keep_mine(&self) {
        let ids: Vec<String> = self
            .conflicts
            .with_untracked(|c| c.iter().map(|(id, _)| id.clone()).collect());
        self.save_keeping(&ids);
    }

    /// Show the library as stored, dropping this tab's unsaved changes.
    pub fn load_stored(&self) {
        if self.known.with_value(Option::is_none) {
            return;
        }
        if let Some(stored) = load_library(self.app, false) {
            self.known.set_value(Some(stored.clone()));
            if self.personas.with_untracked(|l| *l != stored) {
                self.personas.set(stored);
            }
            self.conflicts.set(Vec::new());
        }
    }

    /// Another tab changed the library: show it as stored when nothing here
    /// is unsaved; else save now, which takes in the other tab's changes or
    /// says they conflict.
    fn on_external_change(&self) {
        let unsaved = self.known.with_value(|k| {
            k.as_ref()
                .is_some_and(|k| self.personas.with_untracked(|l| l != k))
        });
        if !unsaved {
            self.load_stored();
        } else {
            self.save();
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
        let count = self.personas.with_untracked(Vec::len);
        let persona = Persona {
            id: RandomIds.next_id(),
            name: lang.t(Key::NewPersona).to_owned(),
            colour: PERSONA_COLOURS[count % PERSONA_COLOURS.len()].to_owned(),
            ..Persona::default()
        };
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
                    lang.t(Key::PersonaInUse),
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
        known: StoredValue::new(loaded),
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
                    on:click=move |_| state.create()>{app.text(Key::NewLibraryPersona)}</button>
                <a class="button" href="#/" data-testid="back-to-maps"
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Library); }>
                    {app.text(Key::BackToLibrary)}
                </a>
            </div>
            <p class="intro">{app.text(Key::PersonaLibraryIntro)}</p>
            {move || {
                let names: Vec<String> = state.conflicts.with(|c| c.iter().map(|(_, n)| format!("« {n} »")).collect());
                (!names.is_empty()).then(|| view! {
                    <div class="notice error" role="alert" data-testid="notice" data-kind="persona-conflict">
                        <p><strong>{app.text(Key::PersonaConflictTitle)}</strong></p>
                        <p>{app.text(Key::PersonaConflictBody)} " " {names.join(", ")}</p>
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
                    {app.text(Key::PersonaDeleted)} " " <strong>{p.name}</strong>
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
                <p class="empty">{app.text(Key::NoLibraryPersonas)}</p>
            </Show>
        </section>
    }
}
