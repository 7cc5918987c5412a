//! Reading and writing the persona library through the app's store, with
//! every problem shown as a notice (never swallowed, never overwritten).

use crate::core::document::persona_words::PersonaText;
use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::{JourneyMap, Persona};
use crate::core::storage::library::load_map;
use crate::core::storage::persona_library::{self, Saved, WriteError};
use crate::platform::clock;
use crate::ui::app_state::{AppState, NoticeKind};

/// Every map of the library that can be read (unreadable ones are already
/// reported by the library list).
pub fn stored_maps(app: AppState) -> Vec<JourneyMap> {
    app.library
        .with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
        .into_iter()
        .filter_map(|id| load_map(&*app.store(), &id).ok().map(|s| s.map))
        .collect()
}

/// The library, with the personas of maps made before it added (saved if
/// any were); `None` when the store could not be read (then nothing may be
/// saved over it). Stored text that could not be read was set aside: a
/// notice says where.
pub fn load_library(app: AppState, harvest: bool) -> Option<Vec<Persona>> {
    let loaded = match persona_library::load(&*app.store(), clock::now()) {
        Ok(loaded) => loaded,
        Err(e) => {
            app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
            return None;
        }
    };
    if let Some(q) = loaded.quarantined {
        set_aside_notice(app, q.key, &q.reason.said(app.lang.get_untracked()));
    }
    let mut personas = loaded.personas;
    if harvest {
        app.refresh_library();
        let maps = stored_maps(app);
        let known = personas.clone();
        if persona_library::harvest(&mut personas, &maps) > 0 {
            if let Ok(saved) = save_checked(app, &known, &personas, &[]) {
                personas = saved;
            }
        }
    }
    Some(personas)
}

fn set_aside_notice(app: AppState, key: String, why: &str) {
    let lang = app.lang.get_untracked();
    app.notify(NoticeKind::Quarantine {
        key,
        reason: format!("{} {why}", lang.t(PersonaText::PersonaLibraryUnreadable)),
    });
}

/// Save `mine` over the library this tab read as `known`, revision-checked
/// ([`persona_library::save_checked`]); the library as stored now. A
/// conflict comes back (the caller shows it); other refusals (quota,
/// avatar) are shown here.
pub fn save_checked(
    app: AppState,
    known: &[Persona],
    mine: &[Persona],
    keep_mine: &[String],
) -> Result<Vec<Persona>, WriteError> {
    let result = persona_library::save_checked(&*app.store(), known, mine, keep_mine, clock::now());
    report(app, result).map(|saved| saved.personas)
}

pub fn report(app: AppState, result: Result<Saved, WriteError>) -> Result<Saved, WriteError> {
    match &result {
        Ok(Saved {
            set_aside: Some(key),
            ..
        }) => set_aside_notice(app, key.clone(), ""),
        Err(WriteError::Conflict(_)) | Ok(_) => {}
        Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
    }
    result
}

/// The persona library as a map's editor knows it: what it last read or
/// wrote of each persona, and the personas whose library copy another tab
/// changed while this map changed its own (id, name).
#[derive(Clone, Copy)]
pub struct LibraryLink {
    app: AppState,
    /// `None`: the library could not be read; nothing is written to it.
    known: StoredValue<Option<Vec<Persona>>>,
    pub conflicts: RwSignal<Vec<(String, String)>>,
}

impl LibraryLink {
    /// Read the library as the map opens.
    pub fn open(app: AppState) -> Self {
        LibraryLink {
            app,
            known: StoredValue::new(load_library(app, false)),
            conflicts: RwSignal::new(Vec::new()),
        }
    }

    /// The library as read when the map opened.
    pub fn known(&self) -> Option<Vec<Persona>> {
        self.known.get_value()
    }

    /// Keep the library's copy of a persona edited in a map (added if new),
    /// unless another tab changed the library's copy meanwhile: then the
    /// conflict is shown, and nothing is written until the user chooses
    /// (`force`: keep the map's version).
    pub fn keep(&self, persona: &Persona, force: bool) {
        // (`try_`: also called as the editor closes, its values going.)
        if let Some(Some(known)) = self.known.try_get_value() {
            self.keep_all(known, std::slice::from_ref(persona), force);
        }
    }

    /// [`keep`](Self::keep) for several personas, from the library as
    /// `known` when the editor is gone (a write that began as the map
    /// closed still lands: `known` was read while it was open).
    pub fn keep_all(&self, known: Vec<Persona>, personas: &[Persona], force: bool) {
        let mut known = match self.known.try_get_value() {
            Some(Some(now)) => now,
            Some(None) => return,
            None => known,
        };
        for persona in personas {
            let result = persona_library::keep_checked(
                &*self.app.store(),
                &mut known,
                persona,
                force,
                clock::now(),
            );
            let in_conflict = matches!(result, Err(WriteError::Conflict(_)));
            let _ = report(self.app, result);
            let listed = self
                .conflicts
                .try_with_untracked(|c| c.iter().any(|(id, _)| *id == persona.id))
                .unwrap_or(in_conflict);
            if in_conflict && !listed {
                self.conflicts
                    .update(|c| c.push((persona.id.clone(), persona.name.clone())));
            } else if !in_conflict && listed {
                self.conflicts
                    .update(|c| c.retain(|(id, _)| *id != persona.id));
            }
        }
        let _ = self.known.try_update_value(|k| *k = Some(known));
    }

    /// The library's copy of a persona, as stored now, taken as known
    /// (the user chose it over the map's; the caller puts it in the map).
    pub fn take_stored(&self, id: &str) -> Option<Persona> {
        let stored = load_library(self.app, false)?
            .into_iter()
            .find(|p| p.id == id);
        self.known.update_value(|k| {
            if let Some(known) = k {
                known.retain(|p| p.id != id);
                known.extend(stored.clone());
            }
        });
        self.conflicts.update(|c| c.retain(|(i, _)| i != id));
        stored
    }
}
