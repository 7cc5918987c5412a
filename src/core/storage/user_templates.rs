//! The user's own templates (any map saved as a template, to start new maps
//! from), stored as maps in their envelope under `parcours.template.<id>`,
//! with the library's rules: a stored template that cannot be read is
//! moved, untouched, to the quarantine
//! (`parcours.quarantine.template.<id>.<time>`) and reported, never
//! overwritten.

use crate::core::document::model::{JourneyMap, Millis};
use crate::core::formats::envelope;
use crate::core::storage::library::{set_aside, LoadError, MapEntry, Quarantined, SetAsideReason};
use crate::core::storage::store::{stored_len, KeyValueStore, StoreError};
use crate::core::text::search::fold;

pub const TEMPLATE_PREFIX: &str = "parcours.template.";

pub fn template_key(id: &str) -> String {
    format!("{TEMPLATE_PREFIX}{id}")
}

/// The user's templates as read from the store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TemplateReport {
    /// Readable templates, by title (ignoring case and accents).
    pub entries: Vec<MapEntry>,
    /// Templates this listing found unreadable and set aside.
    pub quarantined: Vec<Quarantined>,
}

/// A stored template's text, or why it is set aside.
fn read_stored(id: &str, key: &str, raw: &str) -> Result<envelope::Stored, SetAsideReason> {
    match envelope::from_json(raw) {
        Ok(stored) if stored.map.id == id => Ok(stored),
        Ok(stored) => Err(SetAsideReason::WrongId {
            key: key.to_owned(),
            id: stored.map.id,
        }),
        Err(err) => Err(SetAsideReason::Unreadable(err)),
    }
}

/// Set aside (never delete) the stored templates that cannot be read, and
/// say which: run when the app starts, so that a broken template is told
/// like any other set-aside text, before *My templates* is opened.
pub fn set_aside_unreadable(
    store: &dyn KeyValueStore,
    now: Millis,
) -> Result<Vec<Quarantined>, StoreError> {
    let mut aside = Vec::new();
    for key in store.keys()? {
        let Some(id) = key.strip_prefix(TEMPLATE_PREFIX) else {
            continue;
        };
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        if let Err(reason) = read_stored(id, &key, &raw) {
            let tag = format!("template.{id}");
            aside.push(set_aside(store, &key, &tag, &raw, reason, now));
        }
    }
    Ok(aside)
}

/// List the user's templates, setting aside (never deleting) the ones that
/// cannot be read.
pub fn list_templates(
    store: &dyn KeyValueStore,
    now: Millis,
) -> Result<TemplateReport, StoreError> {
    let mut report = TemplateReport::default();
    for key in store.keys()? {
        let Some(id) = key.strip_prefix(TEMPLATE_PREFIX) else {
            continue;
        };
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        let reason = match read_stored(id, &key, &raw) {
            Ok(stored) => {
                report
                    .entries
                    .push(MapEntry::of(&stored.map, stored_len(&key, &raw)));
                continue;
            }
            Err(reason) => reason,
        };
        let aside = format!("template.{id}");
        report
            .quarantined
            .push(set_aside(store, &key, &aside, &raw, reason, now));
    }
    report
        .entries
        .sort_by_cached_key(|e| (fold(&e.title), e.id.clone()));
    Ok(report)
}

/// Store `template` (made by [`save_as_template`]) among the user's
/// templates. Stored text under its key that cannot be read is set aside
/// first, never overwritten; if it cannot be set aside, nothing is written.
pub fn save_template(
    store: &dyn KeyValueStore,
    template: &JourneyMap,
    now: Millis,
) -> Result<(), StoreError> {
    let key = template_key(&template.id);
    if let Some(raw) = store.get(&key)? {
        if envelope::from_json(&raw).is_err() {
            let aside = format!(
                "{}template.{}.{now}",
                crate::core::storage::library::QUARANTINE_PREFIX,
                template.id
            );
            store.set(&aside, &raw)?;
        }
    }
    store.set(&key, &envelope::to_json(template, 1))
}

/// One of the user's templates.
pub fn load_template(store: &dyn KeyValueStore, id: &str) -> Result<JourneyMap, LoadError> {
    let raw = store
        .get(&template_key(id))
        .map_err(LoadError::Store)?
        .ok_or(LoadError::Missing)?;
    envelope::from_json(&raw)
        .map(|s| s.map)
        .map_err(LoadError::Unreadable)
}

/// Delete one of the user's templates; returns its stored text so that the
/// deletion can be undone (put it back with [`restore_template`]).
pub fn delete_template(store: &dyn KeyValueStore, id: &str) -> Result<Option<String>, StoreError> {
    let key = template_key(id);
    let raw = store.get(&key)?;
    store.remove(&key)?;
    Ok(raw)
}

/// Put back a template's stored text (undo of a delete).
pub fn restore_template(store: &dyn KeyValueStore, id: &str, raw: &str) -> Result<(), StoreError> {
    store.set(&template_key(id), raw)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::MapKind;
    use crate::core::document::model::SequentialIds;
    use crate::core::document::template::{from_kind, save_as_template};
    use crate::core::storage::library::{load_library, QUARANTINE_PREFIX};
    use crate::core::storage::store::MemoryStore;
    use crate::core::text::i18n::Lang;

    #[test]
    fn templates_are_stored_listed_loaded_and_deleted() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("t");
        let b = save_as_template(&from_kind(
            MapKind::ServiceBlueprint,
            Lang::En,
            &mut ids,
            1,
            "Blueprint",
        ));
        let a = save_as_template(&demo_map(Lang::En, &mut ids, 2));
        save_template(&store, &b, 3).unwrap();
        save_template(&store, &a, 3).unwrap();
        let report = list_templates(&store, 4).unwrap();
        let titles: Vec<&str> = report.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["Blueprint", a.title.as_str()]);
        assert!(report.quarantined.is_empty());
        assert_eq!(load_template(&store, &b.id).unwrap(), b);
        // Templates are not maps: the library does not list them.
        assert!(load_library(&store, 4).unwrap().entries.is_empty());
        let raw = delete_template(&store, &b.id).unwrap().unwrap();
        assert_eq!(load_template(&store, &b.id), Err(LoadError::Missing));
        restore_template(&store, &b.id, &raw).unwrap();
        assert_eq!(load_template(&store, &b.id).unwrap(), b);
    }

    #[test]
    fn an_unreadable_template_is_set_aside_untouched_and_never_overwritten() {
        let store = MemoryStore::new();
        store.set("parcours.template.bad", "{ not json").unwrap();
        let report = list_templates(&store, 9).unwrap();
        assert!(report.entries.is_empty());
        let q = &report.quarantined[0];
        assert_eq!(q.key, format!("{QUARANTINE_PREFIX}template.bad.9"));
        assert_eq!(store.get(&q.key).unwrap().as_deref(), Some("{ not json"));
        assert_eq!(store.get("parcours.template.bad").unwrap(), None);
        // The library lists it among what was set aside.
        assert!(load_library(&store, 10)
            .unwrap()
            .quarantined
            .iter()
            .any(|x| x.key == q.key));

        // Saving over unreadable text keeps a copy of it first.
        let mut t = from_kind(
            MapKind::CurrentState,
            Lang::En,
            &mut SequentialIds::new("g"),
            1,
            "T",
        );
        t.id = "garbled".into();
        store.set(&template_key("garbled"), "garbage").unwrap();
        save_template(&store, &t, 11).unwrap();
        let aside = format!("{QUARANTINE_PREFIX}template.garbled.11");
        assert_eq!(store.get(&aside).unwrap().as_deref(), Some("garbage"));
        assert_eq!(load_template(&store, "garbled").unwrap(), t);
    }

    #[test]
    fn unreadable_templates_are_set_aside_at_start_and_said_as_templates() {
        use crate::core::storage::library::SetAsideWhat;
        let store = MemoryStore::new();
        let mut good = from_kind(
            MapKind::CurrentState,
            Lang::En,
            &mut SequentialIds::new("g"),
            1,
            "Good",
        );
        good.id = "good".into();
        save_template(&store, &good, 1).unwrap();
        store.set("parcours.template.bad", "{ not json").unwrap();
        store
            .set("parcours.template.other", &envelope::to_json(&good, 1))
            .unwrap();
        let mut aside = set_aside_unreadable(&store, 7).unwrap();
        aside.sort_by(|a, b| a.key.cmp(&b.key));
        let keys: Vec<&str> = aside.iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "parcours.quarantine.template.bad.7",
                "parcours.quarantine.template.other.7"
            ]
        );
        assert!(matches!(aside[1].reason, SetAsideReason::WrongId { .. }));
        assert!(aside
            .iter()
            .all(|q| SetAsideWhat::of_key(&q.key) == SetAsideWhat::Template));
        assert_eq!(
            store.get(&aside[0].key).unwrap().as_deref(),
            Some("{ not json")
        );
        // The readable one is left alone, and a second pass finds nothing.
        assert_eq!(load_template(&store, "good").unwrap(), good);
        assert!(set_aside_unreadable(&store, 8).unwrap().is_empty());
    }
}
