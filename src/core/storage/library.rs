//! The library of maps in a [`KeyValueStore`], with the rules that keep work safe:
//!
//! - each map lives under `parcours.map.<id>` in its envelope;
//! - a stored map that cannot be read is moved, untouched, to
//!   `parcours.quarantine.<id>.<time>` and reported; it is never replaced;
//! - a save checks the stored revision first: if another tab saved since we
//!   loaded, the save is refused as a [`SaveError::Conflict`] unless forced;
//! - write failures (quota full) come back as errors; nothing is half-written.

use crate::core::document::journey_link::{links_of, Journey, StageLink};
use crate::core::document::model::{IdSource, JourneyMap, MapKind, Millis};
use crate::core::formats::envelope::{self, FormatError, Stored};
use crate::core::storage::store::{stored_len, KeyValueStore, StoreError};
use crate::core::text::i18n::Key;

pub const MAP_PREFIX: &str = "parcours.map.";
pub const QUARANTINE_PREFIX: &str = "parcours.quarantine.";
pub const LANG_KEY: &str = "parcours.lang";
/// The theme the user chose (`light`, `dark`); absent: the system's.
pub const THEME_KEY: &str = "parcours.theme";
/// This browser's replica id, which signs its changes for merging.
pub const REPLICA_KEY: &str = "parcours.replica";
/// What Chromium allows one origin in localStorage, in UTF-16 units.
pub const QUOTA_HINT: usize = 5 * 1024 * 1024;

pub fn map_key(id: &str) -> String {
    format!("{MAP_PREFIX}{id}")
}

/// Whether `text` is a replica id this app writes or has written: 1 to 64
/// URL-safe characters (`A–Z a–z 0–9 - _`; the app makes 8 base-36 ones).
/// Anything else under [`REPLICA_KEY`] is set aside, never reused: a
/// replica id signs every change made here and names this browser in every
/// map's version vector, so a mangled one must not pass for it.
pub fn is_replica_id(text: &str) -> bool {
    text.len() <= 64 && crate::core::text::route_text::is_url_safe(text)
}

/// This browser's replica id, and the stored text it replaced, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Replica {
    pub id: String,
    /// Unreadable text found under [`REPLICA_KEY`], moved aside untouched
    /// (to `parcours.quarantine.replica.<time>`) before a new id was stored.
    pub set_aside: Option<Quarantined>,
}

/// Set aside the text under [`REPLICA_KEY`] if it is not a replica id (see
/// [`is_replica_id`]); what was set aside, to tell the user. Nothing is
/// written when the key is empty or holds a good id.
pub fn check_replica(store: &dyn KeyValueStore, now: Millis) -> Option<Quarantined> {
    let raw = store.get(REPLICA_KEY).ok()??;
    if is_replica_id(&raw) {
        return None;
    }
    let reason = SetAsideReason::NotReplicaId;
    Some(set_aside(store, REPLICA_KEY, "replica", &raw, reason, now))
}

/// This browser's replica id: the stored one, or a new one (8 base-36
/// characters, stored for next time). Unreadable text under the key is set
/// aside first (see [`check_replica`]); if it cannot be set aside it is left
/// as it is, and this session, like one whose storage cannot keep an id,
/// gets an id of its own. A new id is a new replica for merging: changes
/// already signed by the old one stay in the maps' version vectors.
pub fn replica_id(store: &dyn KeyValueStore, ids: &mut dyn IdSource, now: Millis) -> Replica {
    let set_aside = check_replica(store, now);
    if let Ok(Some(id)) = store.get(REPLICA_KEY) {
        if is_replica_id(&id) {
            return Replica { id, set_aside };
        }
    }
    let id: String = ids.next_id().chars().rev().take(8).collect();
    if matches!(store.get(REPLICA_KEY), Ok(None)) {
        let _ = store.set(REPLICA_KEY, &id);
    }
    Replica { id, set_aside }
}

/// A line of the library list.
#[derive(Clone, Debug, PartialEq)]
pub struct MapEntry {
    pub id: String,
    pub title: String,
    pub kind: MapKind,
    pub modified: Millis,
    /// Stored size in UTF-16 units (what the quota counts).
    pub size: usize,
    /// Its stages' links to the maps detailing them (issue 16's linked
    /// journeys: the tree, *part of*, cycles refused), read with the rest.
    pub links: Vec<StageLink>,
}

impl Journey for MapEntry {
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn links(&self) -> &[StageLink] {
        &self.links
    }
}

impl MapEntry {
    pub fn of(map: &JourneyMap, size: usize) -> Self {
        MapEntry {
            id: map.id.clone(),
            title: map.title.clone(),
            kind: map.kind,
            modified: map.modified,
            size,
            links: links_of(map),
        }
    }

    /// The entry of `map` in `entries` made to say what `map` says now
    /// (its size as it was: the next reading of the library measures it),
    /// so that a page shown next without reading the library again (Back
    /// from an editor) sees this map's title, last change and links.
    pub fn follow(entries: &mut [MapEntry], map: &JourneyMap) {
        if let Some(e) = entries.iter_mut().find(|e| e.id == map.id) {
            let size = e.size;
            *e = MapEntry::of(map, size);
        }
    }
}

/// Stored text that could not be read as a map, kept aside.
#[derive(Clone, Debug, PartialEq)]
pub struct Quarantined {
    /// Where the raw text is now.
    pub key: String,
    /// The key it was found under.
    pub original_key: String,
    pub reason: SetAsideReason,
    pub size: usize,
}

/// Why stored text was set aside, said in the UI's language when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum SetAsideReason {
    /// Not a map this version of Parcours can read.
    Unreadable(FormatError),
    /// A map stored under `key` whose document names another id.
    WrongId { key: String, id: String },
    /// Set aside at an earlier visit, and readable now.
    KeptEarlier,
    /// Under [`REPLICA_KEY`], but not a replica id (see [`is_replica_id`]).
    NotReplicaId,
}

/// What a set-aside text was, for the notice's heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetAsideWhat {
    Map,
    Template,
    PersonaLibrary,
    ReplicaId,
}

impl SetAsideWhat {
    /// From the key the text is under: its own (`parcours.template.<id>`,
    /// when it could not be moved) or its quarantine key, whose first part
    /// says what it was (`parcours.quarantine.template.<id>.<time>`,
    /// `….personas.<time>`, `….replica.<time>`; a map's is its id). A map
    /// whose own id starts with `template.` is then taken for a template:
    /// only the heading of its notice says so; nothing else depends on it.
    pub fn of_key(key: &str) -> SetAsideWhat {
        let tag = key.strip_prefix(QUARANTINE_PREFIX).unwrap_or(key);
        if tag.starts_with("template.")
            || key.starts_with(crate::core::storage::user_templates::TEMPLATE_PREFIX)
        {
            SetAsideWhat::Template
        } else if tag.starts_with("personas.")
            || key == crate::core::storage::persona_library::PERSONAS_KEY
        {
            SetAsideWhat::PersonaLibrary
        } else if tag.starts_with("replica.") || key == REPLICA_KEY {
            SetAsideWhat::ReplicaId
        } else {
            SetAsideWhat::Map
        }
    }

    /// The notice's heading, in the UI's words.
    pub fn heading(self) -> Key {
        match self {
            SetAsideWhat::Map => Key::Quarantined,
            SetAsideWhat::Template => Key::QuarantinedTemplate,
            SetAsideWhat::PersonaLibrary => Key::QuarantinedPersonaLibrary,
            SetAsideWhat::ReplicaId => Key::QuarantinedReplica,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    /// Readable maps, most recently modified first.
    pub entries: Vec<MapEntry>,
    /// Everything kept aside, including what this load set aside.
    pub quarantined: Vec<Quarantined>,
    /// How many maps this load found unreadable and set aside.
    pub newly_quarantined: usize,
    /// Everything Parcours keeps in the store, in UTF-16 units.
    pub used: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    Missing,
    Unreadable(FormatError),
    Store(StoreError),
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// Another tab saved a newer revision since this one loaded it.
    Conflict {
        stored_revision: u64,
    },
    Store(StoreError),
}

impl From<StoreError> for SaveError {
    fn from(e: StoreError) -> Self {
        SaveError::Store(e)
    }
}

/// Read the whole library, setting aside what cannot be read.
pub fn load_library(store: &dyn KeyValueStore, now: Millis) -> Result<LoadReport, StoreError> {
    let mut report = LoadReport::default();
    // Unsorted: the entries are sorted below; sorting the keys too would only add code.
    let keys = store.keys()?;
    for key in keys {
        if !key.starts_with("parcours.") {
            continue;
        }
        let Some(raw) = store.get(&key)? else {
            continue;
        };
        report.used += stored_len(&key, &raw);
        if let Some(id) = key.strip_prefix(MAP_PREFIX) {
            match envelope::from_json(&raw) {
                Ok(stored) if stored.map.id == id => report
                    .entries
                    .push(MapEntry::of(&stored.map, stored_len(&key, &raw))),
                Ok(stored) => {
                    let reason = SetAsideReason::WrongId {
                        key: key.clone(),
                        id: stored.map.id,
                    };
                    report
                        .quarantined
                        .push(set_aside(store, &key, id, &raw, reason, now));
                    report.newly_quarantined += 1;
                }
                Err(err) => {
                    report.quarantined.push(set_aside(
                        store,
                        &key,
                        id,
                        &raw,
                        SetAsideReason::Unreadable(err),
                        now,
                    ));
                    report.newly_quarantined += 1;
                }
            }
        } else if key.starts_with(QUARANTINE_PREFIX) {
            // Why, read again the way its kind is read.
            // (The persona library's reader stays out of the first load:
            // its text is said kept aside earlier.)
            let reason = match SetAsideWhat::of_key(&key) {
                SetAsideWhat::ReplicaId if !is_replica_id(&raw) => SetAsideReason::NotReplicaId,
                SetAsideWhat::PersonaLibrary | SetAsideWhat::ReplicaId => {
                    SetAsideReason::KeptEarlier
                }
                _ => match envelope::from_json(&raw) {
                    Err(err) => SetAsideReason::Unreadable(err),
                    Ok(_) => SetAsideReason::KeptEarlier,
                },
            };
            report.quarantined.push(Quarantined {
                key: key.clone(),
                original_key: key.clone(),
                reason,
                size: stored_len(&key, &raw),
            });
        }
    }
    report.entries.sort_unstable_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(report)
}

/// Move unreadable text to a quarantine key (`parcours.quarantine.<id>.<now>`).
/// If the copy cannot be written (quota full), the text stays where it is,
/// untouched; it is still reported.
/// The key unreadable text is set aside under: `tag` names what it was
/// (a map's id, `template.<id>`, `personas`, `replica`), `now` when.
pub(crate) fn aside_key(tag: &str, now: Millis) -> String {
    format!("{QUARANTINE_PREFIX}{tag}.{now}")
}

pub(crate) fn set_aside(
    store: &dyn KeyValueStore,
    key: &str,
    id: &str,
    raw: &str,
    reason: SetAsideReason,
    now: Millis,
) -> Quarantined {
    let aside = aside_key(id, now);
    let moved = store.set(&aside, raw).is_ok() && store.remove(key).is_ok();
    Quarantined {
        key: if moved { aside.clone() } else { key.to_owned() },
        original_key: key.to_owned(),
        reason,
        size: stored_len(if moved { &aside } else { key }, raw),
    }
}

pub fn load_map(store: &dyn KeyValueStore, id: &str) -> Result<Stored, LoadError> {
    let raw = store
        .get(&map_key(id))
        .map_err(LoadError::Store)?
        .ok_or(LoadError::Missing)?;
    envelope::from_json(&raw).map_err(LoadError::Unreadable)
}

/// The revision of the stored copy of a map, without building the map.
/// `Ok(None)`: no stored copy. `Err`: the stored text is unreadable.
pub fn stored_revision(store: &dyn KeyValueStore, id: &str) -> Result<Option<u64>, LoadError> {
    let Some(raw) = store.get(&map_key(id)).map_err(LoadError::Store)? else {
        return Ok(None);
    };
    envelope::read_head(&raw)
        .map(|head| Some(head.revision))
        .map_err(LoadError::Unreadable)
}

/// Save `map`, which this tab last loaded or saved at `known_revision`.
///
/// Refused with [`SaveError::Conflict`] when the stored copy has another
/// revision (another tab saved it), unless `force`. Stored text that is not
/// readable is set aside first, never overwritten. Returns the new revision.
pub fn save_map(
    store: &dyn KeyValueStore,
    map: &JourneyMap,
    known_revision: u64,
    force: bool,
    now: Millis,
) -> Result<u64, SaveError> {
    let key = map_key(&map.id);
    let stored = match stored_revision(store, &map.id) {
        Ok(rev) => rev,
        Err(LoadError::Store(e)) => return Err(SaveError::Store(e)),
        Err(_) => {
            let raw = store.get(&key)?.unwrap_or_default();
            let aside = aside_key(&map.id, now);
            store.set(&aside, &raw)?;
            None
        }
    };
    if let Some(stored) = stored {
        if stored != known_revision && !force {
            return Err(SaveError::Conflict {
                stored_revision: stored,
            });
        }
    }
    let revision = stored.unwrap_or(0).max(known_revision) + 1;
    store.set(&key, &envelope::to_json(map, revision))?;
    Ok(revision)
}

/// A map from a file that the browser's storage cannot take: its stored
/// size and the room left (both in the quota's units, as the storage meter
/// counts them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TooLarge {
    pub needed: usize,
    pub left: usize,
}

/// Store a map opened from a file (it has an id of its own) as a new map.
/// When the store refuses it for lack of room, says how large it is and
/// how much room is left (`used`: what the library uses now), so that a
/// file too large for any browser is not mistaken for a full storage.
pub fn store_new_map(
    store: &dyn KeyValueStore,
    map: &JourneyMap,
    used: usize,
    now: Millis,
) -> Result<u64, Result<TooLarge, SaveError>> {
    save_map(store, map, 0, false, now).map_err(|e| match e {
        SaveError::Store(StoreError::QuotaExceeded) => Ok(TooLarge {
            needed: stored_len(&map_key(&map.id), &envelope::to_json(map, 1)),
            left: QUOTA_HINT.saturating_sub(used),
        }),
        other => Err(other),
    })
}

/// Delete a map; returns its stored text so that the deletion can be undone.
pub fn delete_map(store: &dyn KeyValueStore, id: &str) -> Result<Option<String>, StoreError> {
    let key = map_key(id);
    let raw = store.get(&key)?;
    store.remove(&key)?;
    Ok(raw)
}

/// Why a deleted map was not put back.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreError {
    /// The map was saved again since it was deleted (another tab kept
    /// editing it): that newer copy stays. Its revision (`None`: the text
    /// stored there cannot be read, and stays too).
    SavedSince {
        stored_revision: Option<u64>,
    },
    Store(StoreError),
}

/// Put back a map's stored text (undo of a delete). Checked like every
/// write of a map: the text goes back only where nothing was stored since
/// the delete, so another tab's newer save is never replaced by the older
/// deleted text ([`RestoreError::SavedSince`]; the caller still holds
/// `raw`). Finding exactly `raw` there already is no error.
pub fn restore_map(store: &dyn KeyValueStore, id: &str, raw: &str) -> Result<(), RestoreError> {
    let key = map_key(id);
    match store.get(&key).map_err(RestoreError::Store)? {
        None => store.set(&key, raw).map_err(RestoreError::Store),
        Some(now) if now == raw => Ok(()),
        Some(now) => Err(RestoreError::SavedSince {
            stored_revision: envelope::read_head(&now).ok().map(|h| h.revision),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::SequentialIds;
    use crate::core::storage::store::MemoryStore;
    #[allow(unused_imports)]
    use crate::core::text::i18n::Lang;
    use crate::core::text::said::Said;

    #[test]
    fn an_entry_follows_its_map_and_keeps_its_measured_size() {
        let mut ids = crate::core::document::model::SequentialIds::new("f");
        let mut map = JourneyMap::blank(&mut ids, "A", ["1", "2", "3"], 1);
        let other = JourneyMap::blank(&mut ids, "B", ["1", "2", "3"], 1);
        let mut entries = vec![MapEntry::of(&map, 40), MapEntry::of(&other, 50)];
        map.title = "Achat".into();
        map.modified = 9;
        map.stages[1].journey = other.id.clone();
        MapEntry::follow(&mut entries, &map);
        assert_eq!(
            (
                entries[0].title.as_str(),
                entries[0].modified,
                entries[0].size
            ),
            ("Achat", 9, 40)
        );
        assert_eq!(entries[0].links, links_of(&map));
        assert_eq!(
            entries[1],
            MapEntry::of(&other, 50),
            "another map's entry is left alone"
        );
    }

    #[test]
    fn why_a_text_was_set_aside_reads_in_french_too() {
        let store = MemoryStore::default();
        store
            .set(&map_key("m1"), "{\"format\":\"parcours.map\",tru")
            .unwrap();
        let mut ids = SequentialIds::new("x");
        let other = map(&mut ids, "Ailleurs", 1);
        store
            .set(&map_key("m2"), &envelope::to_json(&other, 1))
            .unwrap();
        let report = load_library(&store, 5).unwrap();
        let reasons: Vec<(String, String)> = report
            .quarantined
            .iter()
            .map(|q| (q.reason.said(Lang::En), q.reason.said(Lang::Fr)))
            .collect();
        assert_eq!(reasons.len(), 2);
        assert!(reasons
            .iter()
            .any(|(en, fr)| en.starts_with("not valid JSON at line 1")
                && fr.starts_with("JSON non valide ligne 1")));
        let wrong_id = format!(
            "rangée sous « parcours.map.m2 » mais son identifiant est « {} »",
            other.id
        );
        assert!(reasons.iter().any(|(_, fr)| *fr == wrong_id), "{reasons:?}");
        // At the next load they are found set aside (the readable one "kept aside
        // earlier"), and said in French too.
        let again = load_library(&store, 6).unwrap();
        assert!(again
            .quarantined
            .iter()
            .all(|q| q.reason.said(Lang::Fr) != q.reason.said(Lang::En)));
    }

    use crate::core::document::model::sample_map as map;

    #[test]
    fn saved_maps_come_back_newest_first() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let old = map(&mut ids, "Old", 10);
        let new = map(&mut ids, "New", 20);
        save_map(&store, &old, 0, false, 0).unwrap();
        save_map(&store, &new, 0, false, 0).unwrap();
        let report = load_library(&store, 0).unwrap();
        let titles: Vec<&str> = report.entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["New", "Old"]);
        assert_eq!(report.used, store.used());
        assert_eq!(load_map(&store, &old.id).unwrap().map, old);
    }

    #[test]
    fn unreadable_maps_are_set_aside_untouched_and_never_overwritten() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let good = map(&mut ids, "Good", 1);
        save_map(&store, &good, 0, false, 0).unwrap();
        let corrupt = "{\"format\":\"parcours.map\",\"version\":1,\"map\":{\"id\":\"x\", TRUNC";
        store.set("parcours.map.broken", corrupt).unwrap();

        let report = load_library(&store, 99).unwrap();
        assert_eq!(report.entries.len(), 1);
        assert_eq!(report.newly_quarantined, 1);
        let q = &report.quarantined[0];
        assert_eq!(q.original_key, "parcours.map.broken");
        assert_eq!(q.key, "parcours.quarantine.broken.99");
        assert!(q.reason.to_string().contains("line 1"), "{}", q.reason);
        assert_eq!(store.get(&q.key).unwrap().as_deref(), Some(corrupt));
        assert_eq!(store.get("parcours.map.broken").unwrap(), None);

        // Loading again lists it again, without setting anything else aside.
        let again = load_library(&store, 100).unwrap();
        assert_eq!(again.newly_quarantined, 0);
        assert_eq!(again.quarantined.len(), 1);
        assert_eq!(store.get(&q.key).unwrap().as_deref(), Some(corrupt));
    }

    #[test]
    fn when_the_quota_is_full_unreadable_text_stays_where_it_was() {
        let corrupt = "not json at all";
        let store = MemoryStore::with_quota(stored_len("parcours.map.z", corrupt) + 3);
        store.set("parcours.map.z", corrupt).unwrap();
        let report = load_library(&store, 5).unwrap();
        assert_eq!(report.quarantined[0].key, "parcours.map.z");
        assert_eq!(
            store.get("parcours.map.z").unwrap().as_deref(),
            Some(corrupt)
        );
    }

    #[test]
    fn a_save_over_unreadable_text_keeps_a_copy_of_it() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let m = map(&mut ids, "M", 1);
        store.set(&map_key(&m.id), "garbage").unwrap();
        save_map(&store, &m, 0, false, 7).unwrap();
        let aside = format!("{QUARANTINE_PREFIX}{}.7", m.id);
        assert_eq!(store.get(&aside).unwrap().as_deref(), Some("garbage"));
        assert_eq!(load_map(&store, &m.id).unwrap().map, m);
    }

    #[test]
    fn two_tabs_never_silently_overwrite_each_other() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let mut m = map(&mut ids, "Shared", 1);
        let r1 = save_map(&store, &m, 0, false, 0).unwrap();
        // Both tabs loaded revision r1. Tab A saves first.
        m.title = "A's title".into();
        let r2 = save_map(&store, &m, r1, false, 0).unwrap();
        assert!(r2 > r1);
        // Tab B still believes r1: refused.
        let mut b = m.clone();
        b.title = "B's title".into();
        assert_eq!(
            save_map(&store, &b, r1, false, 0),
            Err(SaveError::Conflict {
                stored_revision: r2
            })
        );
        assert_eq!(load_map(&store, &m.id).unwrap().map.title, "A's title");
        // B chooses to keep its version.
        let r3 = save_map(&store, &b, r1, true, 0).unwrap();
        assert!(r3 > r2);
        assert_eq!(load_map(&store, &m.id).unwrap().map.title, "B's title");
    }

    #[test]
    fn a_full_quota_fails_the_save_and_leaves_the_stored_copy_intact() {
        let mut ids = SequentialIds::new("m");
        let mut m = map(&mut ids, "Big", 1);
        let first = envelope::to_json(&m, 1);
        let store = MemoryStore::with_quota(stored_len(&map_key(&m.id), &first) + 10);
        save_map(&store, &m, 0, false, 0).unwrap();
        m.cards[0].text = "x".repeat(500);
        assert_eq!(
            save_map(&store, &m, 1, false, 0),
            Err(SaveError::Store(StoreError::QuotaExceeded))
        );
        assert_eq!(load_map(&store, &m.id).unwrap().revision, 1);
    }

    #[test]
    fn a_file_too_large_for_the_storage_says_its_size_and_the_room_left() {
        let mut ids = SequentialIds::new("m");
        let mut m = map(&mut ids, "Huge", 1);
        m.cards[0].text = "x".repeat(6_000_000);
        let store = MemoryStore::with_quota(QUOTA_HINT);
        store.set("parcours.lang", "fr").unwrap();
        let used = load_library(&store, 1).unwrap().used;
        let Err(Ok(too_large)) = store_new_map(&store, &m, used, 2) else {
            panic!("a 6 MB map does not fit 5 MB");
        };
        assert!(too_large.needed > 6_000_000, "{too_large:?}");
        assert_eq!(too_large.left, QUOTA_HINT - used);
        let en = too_large.said(Lang::En);
        assert!(en.starts_with("This file is too large for this browser's storage: the map needs 6 MB and 5.2 MB are left"), "{en}");
        let fr = too_large.said(Lang::Fr);
        assert!(
            fr.contains("la carte demande 6 Mo et il reste 5,2 Mo"),
            "{fr}"
        );
        assert!(
            load_library(&store, 3).unwrap().entries.is_empty(),
            "nothing stored"
        );
        // A map that fits is stored as any new map.
        let small = map(&mut ids, "Small", 1);
        assert_eq!(store_new_map(&store, &small, used, 4), Ok(1));
        // Other failures are said as they are.
        store.fail_writes(Some(StoreError::Failed("denied".into())));
        let other = map(&mut ids, "Other", 1);
        assert_eq!(
            store_new_map(&store, &other, used, 5),
            Err(Err(SaveError::Store(StoreError::Failed("denied".into()))))
        );
    }

    #[test]
    fn delete_can_be_undone() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let m = map(&mut ids, "Gone", 1);
        save_map(&store, &m, 0, false, 0).unwrap();
        let raw = delete_map(&store, &m.id).unwrap().unwrap();
        assert!(load_library(&store, 0).unwrap().entries.is_empty());
        restore_map(&store, &m.id, &raw).unwrap();
        assert_eq!(load_map(&store, &m.id).unwrap().map, m);
        // Twice (two clicks, or another tab's undo): the same text, no error.
        restore_map(&store, &m.id, &raw).unwrap();
    }

    #[test]
    fn undoing_a_delete_never_replaces_another_tab_s_newer_save() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("m");
        let mut m = map(&mut ids, "Shared", 1);
        let r1 = save_map(&store, &m, 0, false, 0).unwrap();
        // Tab 1 deletes the map; tab 2, which has it open, saves an edit.
        let raw = delete_map(&store, &m.id).unwrap().unwrap();
        m.cards[0].text = "typed in tab 2".into();
        let r2 = save_map(&store, &m, r1, false, 5).unwrap();
        // Tab 1's Undo is refused: tab 2's text stays.
        assert_eq!(
            restore_map(&store, &m.id, &raw),
            Err(RestoreError::SavedSince {
                stored_revision: Some(r2)
            })
        );
        assert_eq!(
            load_map(&store, &m.id).unwrap().map.cards[0].text,
            "typed in tab 2"
        );
        // Unreadable text there is not replaced either.
        store.set(&map_key(&m.id), "garbage").unwrap();
        assert_eq!(
            restore_map(&store, &m.id, &raw),
            Err(RestoreError::SavedSince {
                stored_revision: None
            })
        );
        assert_eq!(
            store.get(&map_key(&m.id)).unwrap().as_deref(),
            Some("garbage")
        );
        // A full store says so.
        let full = MemoryStore::with_quota(3);
        assert_eq!(
            restore_map(&full, &m.id, &raw),
            Err(RestoreError::Store(StoreError::QuotaExceeded))
        );
    }

    #[test]
    fn a_browser_keeps_one_replica_id() {
        let store = MemoryStore::new();
        let mut ids = SequentialIds::new("replica-");
        let first = replica_id(&store, &mut ids, 1);
        assert!(!first.id.is_empty() && first.id.len() <= 8);
        assert_eq!(first.set_aside, None);
        assert_eq!(replica_id(&store, &mut ids, 2), first);
        let other = MemoryStore::new();
        assert_ne!(
            replica_id(&other, &mut ids, 3).id,
            first.id,
            "another browser, another id"
        );
    }

    #[test]
    fn an_unreadable_replica_id_is_set_aside_and_reported_never_replaced_silently() {
        for bad in ["", "x".repeat(65).as_str(), "a b", "{\"id\":1}", "été"] {
            let store = MemoryStore::new();
            store.set(REPLICA_KEY, bad).unwrap();
            let replica = replica_id(&store, &mut SequentialIds::new("r"), 42);
            let aside = replica.set_aside.expect(bad);
            assert_eq!(aside.key, "parcours.quarantine.replica.42");
            assert_eq!(aside.original_key, REPLICA_KEY);
            assert_eq!(aside.reason, SetAsideReason::NotReplicaId);
            assert_eq!(
                store.get(&aside.key).unwrap().as_deref(),
                Some(bad),
                "untouched"
            );
            assert!(is_replica_id(&replica.id));
            assert_eq!(store.get(REPLICA_KEY).unwrap(), Some(replica.id.clone()));
            // Listed with the other set-aside texts, said as what it is.
            let report = load_library(&store, 43).unwrap();
            assert_eq!(report.quarantined.len(), 1);
            let q = &report.quarantined[0];
            assert_eq!(SetAsideWhat::of_key(&q.key), SetAsideWhat::ReplicaId);
            assert_eq!(q.reason, SetAsideReason::NotReplicaId);
            assert_ne!(q.reason.said(Lang::En), q.reason.said(Lang::Fr));
        }
        // A good id is kept as it is, and nothing is set aside.
        let store = MemoryStore::new();
        store.set(REPLICA_KEY, "k3x9a0zq").unwrap();
        assert_eq!(check_replica(&store, 1), None);
        assert_eq!(
            replica_id(&store, &mut SequentialIds::new("r"), 1).id,
            "k3x9a0zq"
        );
        // When it cannot be set aside (storage full), it stays where it is,
        // and this session signs with an id of its own.
        let store = MemoryStore::with_quota(stored_len(REPLICA_KEY, "a b") + 2);
        store.set(REPLICA_KEY, "a b").unwrap();
        let replica = replica_id(&store, &mut SequentialIds::new("r"), 5);
        assert_eq!(store.get(REPLICA_KEY).unwrap().as_deref(), Some("a b"));
        assert!(is_replica_id(&replica.id));
        assert_eq!(
            replica.set_aside.map(|q| q.key),
            Some(REPLICA_KEY.to_owned())
        );
    }

    #[test]
    fn a_set_aside_text_says_what_it_was() {
        for (key, what) in [
            ("parcours.quarantine.m1.5", SetAsideWhat::Map),
            ("parcours.map.m1", SetAsideWhat::Map),
            ("parcours.quarantine.template.t1.5", SetAsideWhat::Template),
            ("parcours.template.t1", SetAsideWhat::Template),
            (
                "parcours.quarantine.personas.5",
                SetAsideWhat::PersonaLibrary,
            ),
            ("parcours.personas", SetAsideWhat::PersonaLibrary),
            ("parcours.quarantine.replica.5", SetAsideWhat::ReplicaId),
            (REPLICA_KEY, SetAsideWhat::ReplicaId),
        ] {
            assert_eq!(SetAsideWhat::of_key(key), what, "{key}");
        }
        assert_ne!(
            SetAsideWhat::Template.heading(),
            SetAsideWhat::Map.heading()
        );
    }
}
