//! Every stored map, for the pages that show and edit all of them at once
//! (the actions board, the opportunity matrix): read with their revisions,
//! read again when another tab changes storage, and edited in place through
//! `core::session::stored_edit` (revision-checked, recorded for merging).
//! On a refusal the user is told why and the page shows what is stored.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::document::edit::Edit;
use crate::core::document::model::JourneyMap;
use crate::core::session::stored_edit::{edit_stored_map, StoredEditError};
use crate::core::storage::library::{self, LoadError, SaveError};
use crate::core::storage::store::StoreError;
use crate::core::text::i18n::{Key, Lang};
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::ui::app_state::{AppState, NoticeKind};

/// What a page says when a map cannot be read or an edit is refused.
#[derive(Clone, Copy)]
pub struct Wording {
    /// Some maps are left out: they cannot be read.
    pub unreadable: fn(Lang) -> String,
    /// Another tab saved the map first.
    pub conflict: fn(Lang) -> String,
    /// The start of "… not saved: why".
    pub not_saved: fn(Lang) -> String,
}

#[derive(Clone, Copy)]
pub struct StoredMaps {
    pub maps: RwSignal<Vec<JourneyMap>>,
    revisions: StoredValue<HashMap<String, u64>>,
    wording: Wording,
}

/// Every readable stored map with its revision (unreadable ones are set
/// aside and reported by the library).
fn load_all(app: AppState, wording: Wording) -> (Vec<JourneyMap>, HashMap<String, u64>) {
    let report = app.refresh_library();
    let store = app.store();
    let mut maps = Vec::new();
    let mut revisions = HashMap::new();
    for entry in &report.entries {
        match library::load_map(&*store, &entry.id) {
            Ok(stored) => {
                revisions.insert(stored.map.id.clone(), stored.revision);
                maps.push(stored.map);
            }
            Err(LoadError::Missing) => {}
            Err(e) => {
                let lang = app.lang.get_untracked();
                app.notify(NoticeKind::Error(format!(
                    "{} {}",
                    (wording.unreadable)(lang),
                    e.said(lang)
                )))
            }
        }
    }
    (maps, revisions)
}

/// What the user is told when an edit of a stored map is refused.
pub fn refusal(lang: Lang, wording: Wording, error: &StoredEditError) -> String {
    let not_saved = (wording.not_saved)(lang);
    match error {
        StoredEditError::Conflict { .. } => (wording.conflict)(lang),
        StoredEditError::Save(SaveError::Store(StoreError::QuotaExceeded)) => {
            format!("{not_saved} {}", lang.t(Key::QuotaFull))
        }
        other => format!("{not_saved} {}", other.said(lang)),
    }
}

impl StoredMaps {
    /// Read every map now, and again whenever another tab changes storage.
    pub fn load(app: AppState, wording: Wording) -> StoredMaps {
        let (loaded, known) = load_all(app, wording);
        let this = StoredMaps {
            maps: RwSignal::new(loaded),
            revisions: StoredValue::new(known),
            wording,
        };
        Effect::new(move |first: Option<()>| {
            app.external_change.track();
            if first.is_some() {
                this.reload(app);
            }
        });
        this
    }

    pub fn reload(self, app: AppState) {
        let (loaded, known) = load_all(app, self.wording);
        self.revisions.set_value(known);
        self.maps.set(loaded);
    }

    /// Apply `edit` to the stored map `map_id` as this page last read it.
    /// Saved: the page's copy follows, and `true`. Refused: the user is told
    /// why, the page shows what is stored, and `false`.
    pub fn edit(self, app: AppState, map_id: &str, edit: Edit) -> bool {
        let Some(known) = self.revisions.with_value(|r| r.get(map_id).copied()) else {
            return false;
        };
        let store = app.store();
        match edit_stored_map(&*store, map_id, known, edit, &app.replica(), clock::now()) {
            Ok(stored) => {
                self.revisions.update_value(|r| {
                    r.insert(map_id.to_owned(), stored.revision);
                });
                self.maps.update(|m| {
                    if let Some(slot) = m.iter_mut().find(|m| m.id == map_id) {
                        *slot = stored.map;
                    }
                });
                true
            }
            Err(error) => {
                let lang = app.lang.get_untracked();
                app.notify(NoticeKind::Error(refusal(lang, self.wording, &error)));
                self.reload(app);
                false
            }
        }
    }
}
