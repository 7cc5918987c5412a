//! Reading and writing the persona library through the app's store, with
//! every problem shown as a notice (never swallowed, never overwritten).

use leptos::prelude::*;

use crate::core::library::load_map;
use crate::core::model::{JourneyMap, Persona};
use crate::core::persona_library;
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
            app.notify(NoticeKind::Error(e.to_string()));
            return None;
        }
    };
    if let Some(q) = loaded.quarantined {
        let lang = app.lang.get_untracked();
        app.notify(NoticeKind::Quarantine {
            key: q.key,
            reason: format!(
                "{} {}",
                lang.t(crate::core::i18n::Key::PersonaLibraryUnreadable),
                q.reason.message(lang)
            ),
        });
    }
    let mut personas = loaded.personas;
    if harvest {
        app.refresh_library();
        let maps = stored_maps(app);
        if persona_library::harvest(&mut personas, &maps) > 0 {
            save_library(app, &personas);
        }
    }
    Some(personas)
}

/// Save the library; a refusal (quota, unreadable text that could not be
/// set aside) is shown. Whether it was saved.
pub fn save_library(app: AppState, personas: &[Persona]) -> bool {
    match persona_library::save(&*app.store(), personas, clock::now()) {
        Ok(()) => true,
        Err(e) => {
            app.notify(NoticeKind::Error(e.to_string()));
            false
        }
    }
}

/// Keep the library's copy of a persona edited in a map (added if new).
pub fn keep_in_library(app: AppState, persona: &Persona) {
    let Some(mut personas) = load_library(app, false) else {
        return;
    };
    match persona_library::upsert(&mut personas, persona) {
        Ok(true) => {
            save_library(app, &personas);
        }
        Ok(false) => {}
        Err(e) => app.notify(NoticeKind::Error(format!("{} — {e}", persona.name))),
    }
}
