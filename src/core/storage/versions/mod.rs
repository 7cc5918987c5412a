//! Every map's versions, and the trash of deleted maps, kept in IndexedDB
//! (outside localStorage's 5 MB): the types, the rules (when to snapshot,
//! what to compact, what expires) and the flows over a storage port
//! ([`VersionStore`]) that `platform::indexed_db` implements in the browser
//! and [`MemoryVersionStore`] natively, quota included.
//!
//! Nothing here runs at startup: the history panel and the trash are lazy
//! parts, and so is everything that calls these flows.

pub mod compaction;
pub mod meter;
pub mod policy;
pub mod reminder;
pub mod summary;
pub mod trash;
pub mod words;

use std::cell::RefCell;
use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use crate::core::document::model::{JourneyMap, Millis};
use crate::core::formats::envelope::{self, FormatError};
use crate::core::storage::store::stored_len;
use crate::core::sync::SyncState;
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::say;

pub use policy::Decision;
pub use summary::ChangeSummary;
pub use trash::TrashEntry;

/// Why a version was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionReason {
    /// A burst of edits ended.
    Burst,
    /// The map was left (its editor closed) with edits no version held:
    /// taken whatever the time since the last burst's, as there will be no
    /// later moment to take it.
    Left,
    BeforeMerge,
    BeforeRestore,
    BeforeImport,
    BeforeFolderUpdate,
    /// The user asked for it, with a name.
    Named,
}

/// What the history panel lists of a version (the map itself stays in the
/// record until it is opened, compared or downloaded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionMeta {
    pub id: String,
    pub map_id: String,
    pub taken_at: Millis,
    /// The name the person gave themselves in this browser, when set.
    #[serde(default)]
    pub author: Option<String>,
    /// A named version is never compacted away.
    #[serde(default)]
    pub name: Option<String>,
    pub reason: VersionReason,
    /// What changed since the version before it.
    #[serde(default)]
    pub summary: ChangeSummary,
    /// [`fingerprint`] of the map, to never take two identical versions in a row.
    #[serde(default)]
    pub fingerprint: String,
}

impl VersionMeta {
    /// Older to newer: by time, then by id (ids break ties so that "the
    /// newest" is one version whatever the order they are listed in).
    pub fn newer_order(&self, other: &VersionMeta) -> Ordering {
        self.taken_at
            .cmp(&other.taken_at)
            .then_with(|| self.id.cmp(&other.id))
    }
}

/// A version: its description and the map in the export envelope format,
/// so that it downloads as a file and reads back through the strict reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub meta: VersionMeta,
    pub map_json: String,
}

impl Version {
    pub fn read_map(&self) -> Result<JourneyMap, FormatError> {
        envelope::from_json(&self.map_json).map(|s| s.map)
    }

    /// What to name the downloaded file (before `platform::download::file_name`
    /// makes it safe and adds the extension): the title, then the version's
    /// name or its date, so two versions of a map download side by side.
    pub fn download_title(&self, title: &str) -> String {
        match &self.meta.name {
            Some(name) => format!("{title} - {name}"),
            None => format!(
                "{title} - {}",
                crate::core::formats::csv_export::iso_date(self.meta.taken_at)
            ),
        }
    }
}

/// A fingerprint of what a person sees of a map: its content without the
/// modification time and the merge history (which an edit undone still
/// changes). FNV-1a over the compact envelope: stable across builds, unlike
/// std's hasher, since it is stored.
pub fn fingerprint(map: &JourneyMap) -> String {
    let mut bare = map.clone();
    bare.modified = 0;
    bare.sync = SyncState::default();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in envelope::to_json(&bare, 0).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The map to show when `version` is restored over the open `current`:
/// the version's content under the open map's id and merge history, so the
/// restore is recorded as this browser's new changes (and reaches a shared
/// folder or a teammate's copy as edits, which merge) rather than winding
/// back clocks that other copies have already seen: with the version's own
/// history, a teammate's copy would take the restored items for old ones
/// and keep theirs.
pub fn restored_onto(current: &JourneyMap, version: JourneyMap) -> JourneyMap {
    JourneyMap {
        id: current.id.clone(),
        sync: current.sync.clone(),
        modified: current.modified,
        ..version
    }
}

/// What can go wrong with the version and trash database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionStoreError {
    /// The browser's quota for this site is full.
    QuotaExceeded,
    /// IndexedDB cannot be used (private mode, disabled, no window).
    Unavailable(String),
    /// Another tab holds an older version of the database open.
    Blocked,
    /// A record that does not read: kept aside (listed apart, never deleted).
    Unreadable { id: String },
    /// Any other failure, with the browser's words.
    Failed(String),
}

impl std::error::Error for VersionStoreError {}

impl Said for VersionStoreError {
    fn said(&self, lang: Lang) -> String {
        match self {
            VersionStoreError::QuotaExceeded => say!(
                lang,
                "The browser's storage for this site is full: the version was not kept. Delete old maps or empty the trash.",
                "Le stockage du navigateur pour ce site est plein : la version n'a pas été gardée. Supprimez d'anciennes cartes ou videz la corbeille."
            ),
            VersionStoreError::Unavailable(why) => say!(
                lang,
                "Versions cannot be kept in this browser (private browsing or storage turned off): {why}",
                "Les versions ne peuvent pas être gardées dans ce navigateur (navigation privée ou stockage désactivé) : {why}"
            ),
            VersionStoreError::Blocked => say!(
                lang,
                "Another tab of Parcours uses an older version of the history: close it and try again.",
                "Un autre onglet de Parcours utilise une ancienne version de l'historique : fermez-le et réessayez."
            ),
            VersionStoreError::Unreadable { id } => say!(
                lang,
                "Version {id} cannot be read; it is kept aside, untouched.",
                "La version {id} est illisible ; elle est mise de côté, intacte."
            ),
            VersionStoreError::Failed(why) => say!(
                lang,
                "The history could not be read or written: {why}",
                "L'historique n'a pas pu être lu ou écrit : {why}"
            ),
        }
    }
}

crate::display_in_english!(VersionStoreError);

/// A map's versions as listed: those that read, newest first, and the ids
/// of records that do not (shown apart, never deleted by compaction).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub unreadable: Vec<String>,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            items: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// The stored text of a version's description.
pub fn meta_json(meta: &VersionMeta) -> String {
    serde_json::to_string(meta).unwrap_or_default()
}

/// A version from its stored parts; the key it was stored under must be
/// the id it says it has.
pub fn read_version(key: &str, meta: &str, map_json: String) -> Result<Version, VersionStoreError> {
    match serde_json::from_str::<VersionMeta>(meta) {
        Ok(meta) if meta.id == key => Ok(Version { meta, map_json }),
        _ => Err(VersionStoreError::Unreadable { id: key.to_owned() }),
    }
}

/// The stored text of a trash entry.
pub fn trash_json(entry: &TrashEntry) -> String {
    serde_json::to_string(entry).unwrap_or_default()
}

pub fn read_trash(key: &str, text: &str) -> Result<TrashEntry, VersionStoreError> {
    match serde_json::from_str::<TrashEntry>(text) {
        Ok(e) if e.map_id == key => Ok(e),
        _ => Err(VersionStoreError::Unreadable { id: key.to_owned() }),
    }
}

/// Where versions and the trash are kept. Async because IndexedDB is; the
/// app is single-threaded wasm, so the futures need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait VersionStore {
    /// Add or replace a version (by id).
    async fn put_version(&self, v: &Version) -> Result<(), VersionStoreError>;
    /// The versions of one map, newest first.
    async fn list_versions(&self, map_id: &str) -> Result<Listing<VersionMeta>, VersionStoreError>;
    async fn get_version(&self, id: &str) -> Result<Option<Version>, VersionStoreError>;
    async fn delete_versions(&self, ids: &[String]) -> Result<(), VersionStoreError>;
    /// Add or replace a deleted map (by map id).
    async fn put_trash(&self, e: &TrashEntry) -> Result<(), VersionStoreError>;
    /// The trash, last deleted first.
    async fn list_trash(&self) -> Result<Listing<TrashEntry>, VersionStoreError>;
    async fn delete_trash(&self, map_ids: &[String]) -> Result<(), VersionStoreError>;
}

/// Newest first, the order every listing has.
pub fn newest_first(metas: &mut [VersionMeta]) {
    metas.sort_by(|a, b| b.newer_order(a));
}

/// The versions and the trash in memory, stored as text like the browser
/// does, with a quota counted in UTF-16 units and a switch to fail writes.
#[derive(Debug, Default)]
pub struct MemoryVersionStore {
    /// (id, map id, meta text, map text)
    versions: RefCell<Vec<(String, String, String, String)>>,
    /// (map id, entry text)
    trash: RefCell<Vec<(String, String)>>,
    quota: Option<usize>,
    failing: RefCell<Option<VersionStoreError>>,
}

impl MemoryVersionStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(quota: usize) -> Self {
        MemoryVersionStore {
            quota: Some(quota),
            ..Self::default()
        }
    }

    pub fn fail_writes(&self, error: Option<VersionStoreError>) {
        *self.failing.borrow_mut() = error;
    }

    pub fn used(&self) -> usize {
        let v: usize = self
            .versions
            .borrow()
            .iter()
            .map(|(id, _, meta, map)| stored_len(id, meta) + stored_len("", map))
            .sum();
        let t: usize = self
            .trash
            .borrow()
            .iter()
            .map(|(k, e)| stored_len(k, e))
            .sum();
        v + t
    }

    /// Store a raw record, readable or not (for tests of unreadable data).
    pub fn put_raw_version(&self, id: &str, map_id: &str, meta: &str, map: &str) {
        let mut all = self.versions.borrow_mut();
        all.retain(|r| r.0 != id);
        all.push((id.into(), map_id.into(), meta.into(), map.into()));
    }

    pub fn put_raw_trash(&self, map_id: &str, text: &str) {
        let mut all = self.trash.borrow_mut();
        all.retain(|r| r.0 != map_id);
        all.push((map_id.into(), text.into()));
    }

    fn check_write(&self, replaced: usize, added: usize) -> Result<(), VersionStoreError> {
        if let Some(err) = self.failing.borrow().clone() {
            return Err(err);
        }
        match self.quota {
            Some(q) if self.used() - replaced + added > q => Err(VersionStoreError::QuotaExceeded),
            _ => Ok(()),
        }
    }
}

impl VersionStore for MemoryVersionStore {
    async fn put_version(&self, v: &Version) -> Result<(), VersionStoreError> {
        let meta = meta_json(&v.meta);
        let replaced = self
            .versions
            .borrow()
            .iter()
            .find(|r| r.0 == v.meta.id)
            .map_or(0, |(id, _, m, map)| stored_len(id, m) + stored_len("", map));
        self.check_write(
            replaced,
            stored_len(&v.meta.id, &meta) + stored_len("", &v.map_json),
        )?;
        self.put_raw_version(&v.meta.id, &v.meta.map_id, &meta, &v.map_json);
        Ok(())
    }

    async fn list_versions(&self, map_id: &str) -> Result<Listing<VersionMeta>, VersionStoreError> {
        let mut listing = Listing::default();
        for (id, of_map, meta, _) in self.versions.borrow().iter() {
            if of_map != map_id {
                continue;
            }
            match read_version(id, meta, String::new()) {
                Ok(v) => listing.items.push(v.meta),
                Err(_) => listing.unreadable.push(id.clone()),
            }
        }
        newest_first(&mut listing.items);
        Ok(listing)
    }

    async fn get_version(&self, id: &str) -> Result<Option<Version>, VersionStoreError> {
        let all = self.versions.borrow();
        match all.iter().find(|r| r.0 == id) {
            None => Ok(None),
            Some((key, _, meta, map)) => read_version(key, meta, map.clone()).map(Some),
        }
    }

    async fn delete_versions(&self, ids: &[String]) -> Result<(), VersionStoreError> {
        self.versions.borrow_mut().retain(|r| !ids.contains(&r.0));
        Ok(())
    }

    async fn put_trash(&self, e: &TrashEntry) -> Result<(), VersionStoreError> {
        let text = trash_json(e);
        let replaced = self
            .trash
            .borrow()
            .iter()
            .find(|r| r.0 == e.map_id)
            .map_or(0, |(k, t)| stored_len(k, t));
        self.check_write(replaced, stored_len(&e.map_id, &text))?;
        self.put_raw_trash(&e.map_id, &text);
        Ok(())
    }

    async fn list_trash(&self) -> Result<Listing<TrashEntry>, VersionStoreError> {
        let mut listing = Listing::default();
        for (key, text) in self.trash.borrow().iter() {
            match read_trash(key, text) {
                Ok(e) => listing.items.push(e),
                Err(_) => listing.unreadable.push(key.clone()),
            }
        }
        trash::ordered(&mut listing.items);
        Ok(listing)
    }

    async fn delete_trash(&self, map_ids: &[String]) -> Result<(), VersionStoreError> {
        self.trash.borrow_mut().retain(|r| !map_ids.contains(&r.0));
        Ok(())
    }
}

/// What [`record`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    Taken(Box<VersionMeta>),
    /// The newest version already holds this document.
    Skipped,
    /// Too soon after the last burst version: ask again at `until`.
    Wait {
        until: Millis,
    },
}

/// Who and when, for a new version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Taking {
    /// A fresh id for the version (from the app's id source).
    pub id: String,
    pub author: Option<String>,
    /// Given with [`VersionReason::Named`].
    pub name: Option<String>,
    pub now: Millis,
}

/// Take a version of `map` for `reason` if the policy says so, with what
/// changed since the newest version, then compact the map's history. When
/// the quota is full, the history is compacted first and the write tried
/// once more.
pub async fn record<S: VersionStore>(
    store: &S,
    map: &JourneyMap,
    reason: VersionReason,
    taking: Taking,
) -> Result<Recorded, VersionStoreError> {
    let listing = store.list_versions(&map.id).await?;
    let print = fingerprint(map);
    match policy::decide(&listing.items, reason, &print, taking.now) {
        Decision::SkipIdentical => return Ok(Recorded::Skipped),
        Decision::Wait { until } => return Ok(Recorded::Wait { until }),
        Decision::Take => {}
    }
    let previous = match listing.items.first() {
        Some(newest) => match store.get_version(&newest.id).await {
            Ok(Some(v)) => v.read_map().ok(),
            Ok(None) | Err(VersionStoreError::Unreadable { .. }) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let summary = match &previous {
        Some(before) => ChangeSummary::between(before, map),
        None => ChangeSummary::first(map),
    };
    let version = Version {
        meta: VersionMeta {
            id: taking.id,
            map_id: map.id.clone(),
            taken_at: taking.now,
            author: taking.author,
            name: taking.name,
            reason,
            summary,
            fingerprint: print,
        },
        map_json: envelope::to_json(map, 0),
    };
    match store.put_version(&version).await {
        Err(VersionStoreError::QuotaExceeded) => {
            compact(store, &map.id, taking.now).await?;
            store.put_version(&version).await?;
        }
        other => other?,
    }
    compact(store, &map.id, taking.now).await?;
    Ok(Recorded::Taken(Box::new(version.meta)))
}

/// Delete what [`compaction::to_delete`] says of one map's versions;
/// unreadable records are not listed, so never deleted. How many went.
pub async fn compact<S: VersionStore>(
    store: &S,
    map_id: &str,
    now: Millis,
) -> Result<usize, VersionStoreError> {
    let listing = store.list_versions(map_id).await?;
    let gone = compaction::to_delete(&listing.items, now);
    if !gone.is_empty() {
        store.delete_versions(&gone).await?;
    }
    Ok(gone.len())
}

/// Name a version (kept for good) or take its name away (`None`).
pub async fn set_name<S: VersionStore>(
    store: &S,
    id: &str,
    name: Option<String>,
) -> Result<Option<VersionMeta>, VersionStoreError> {
    let Some(mut v) = store.get_version(id).await? else {
        return Ok(None);
    };
    v.meta.name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    store.put_version(&v).await?;
    Ok(Some(v.meta))
}

/// Put a deleted map in the trash. The caller removes it from the library
/// only once this succeeded: nothing is lost if the trash is full.
pub async fn trash_map<S: VersionStore>(
    store: &S,
    map: &JourneyMap,
    now: Millis,
) -> Result<TrashEntry, VersionStoreError> {
    let entry = TrashEntry::of(map, now);
    store.put_trash(&entry).await?;
    Ok(entry)
}

/// Delete for good the trash entries of `map_ids` and every version of them.
pub async fn delete_for_good<S: VersionStore>(
    store: &S,
    map_ids: &[String],
) -> Result<(), VersionStoreError> {
    for map_id in map_ids {
        let listing = store.list_versions(map_id).await?;
        let ids: Vec<String> = listing.items.into_iter().map(|m| m.id).collect();
        if !ids.is_empty() {
            store.delete_versions(&ids).await?;
        }
    }
    store.delete_trash(map_ids).await
}

/// Delete what has been in the trash for 30 days (with its versions); the
/// map ids that went.
pub async fn purge_expired<S: VersionStore>(
    store: &S,
    now: Millis,
) -> Result<Vec<String>, VersionStoreError> {
    let listing = store.list_trash().await?;
    let gone = trash::expired(&listing.items, now);
    if !gone.is_empty() {
        delete_for_good(store, &gone).await?;
    }
    Ok(gone)
}

/// Empty the trash (the UI asks first); unreadable entries stay.
pub async fn empty_trash<S: VersionStore>(store: &S) -> Result<usize, VersionStoreError> {
    let listing = store.list_trash().await?;
    let ids: Vec<String> = listing.items.into_iter().map(|e| e.map_id).collect();
    delete_for_good(store, &ids).await?;
    Ok(ids.len())
}

/// Run a future that never waits (the in-memory store's) to its end, for
/// native tests without an executor crate.
#[cfg(test)]
pub(crate) fn ready<F: std::future::Future>(f: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("the in-memory store never waits"),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::compaction::DAY_MS;
    use super::*;
    use crate::core::document::model::{sample_map, SequentialIds};

    pub fn meta(id: &str, taken_at: Millis, reason: VersionReason, print: &str) -> VersionMeta {
        VersionMeta {
            id: id.into(),
            map_id: "m".into(),
            taken_at,
            author: None,
            name: None,
            reason,
            summary: ChangeSummary::default(),
            fingerprint: print.into(),
        }
    }

    fn taking(id: &str, now: Millis) -> Taking {
        Taking {
            id: id.into(),
            author: Some("Ada".into()),
            name: None,
            now,
        }
    }

    const MIN: Millis = 60_000;

    #[test]
    fn a_restore_reaches_a_teammate_as_new_edits() {
        use crate::core::sync;
        let mut ids = SequentialIds::new("s");
        let mut then = sample_map(&mut ids, "Map", 0);
        let blank = then.clone();
        sync::record(&blank, &mut then, "a");
        // Since then, "a" renamed a stage; the teammate "b" has that copy.
        let mut now = then.clone();
        now.stages[0].name = "Later".into();
        sync::record(&then, &mut now, "a");
        let teammate = now.clone();
        // "a" restores the old version: recorded as new changes of "a".
        let mut restored = restored_onto(&now, then.clone());
        assert_eq!(restored.id, now.id);
        assert_eq!(restored.sync, now.sync);
        assert!(sync::record(&now, &mut restored, "a"));
        assert_eq!(restored.stages[0].name, then.stages[0].name);
        let merged = sync::merge(&teammate, &restored).unwrap();
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.map.stages[0].name, then.stages[0].name);
        // Restoring the version with its own (older) history instead would
        // not reach the teammate: their newer rename wins.
        let naive = sync::merge(&teammate, &then).unwrap();
        assert_eq!(naive.map.stages[0].name, "Later");
    }

    #[test]
    fn record_then_compact_then_list() {
        let store = MemoryVersionStore::new();
        let mut map = sample_map(&mut SequentialIds::new("s"), "Map", 0);
        let first = ready(record(&store, &map, VersionReason::Burst, taking("v1", 0))).unwrap();
        let Recorded::Taken(first) = first else {
            panic!("{first:?}")
        };
        assert_eq!(first.summary.stages_added as usize, map.stages.len());
        // Same document: skipped, whatever the reason.
        let again = ready(record(
            &store,
            &map,
            VersionReason::BeforeMerge,
            taking("v2", MIN),
        ));
        assert_eq!(again, Ok(Recorded::Skipped));
        map.stages[0].name = "Renamed".into();
        let soon = ready(record(
            &store,
            &map,
            VersionReason::Burst,
            taking("v2", MIN),
        ));
        assert_eq!(soon, Ok(Recorded::Wait { until: 5 * MIN }));
        let Ok(Recorded::Taken(second)) = ready(record(
            &store,
            &map,
            VersionReason::BeforeImport,
            taking("v2", MIN),
        )) else {
            panic!()
        };
        assert_eq!(second.summary.said(Lang::En), "1 stage renamed");
        assert_eq!(second.author.as_deref(), Some("Ada"));
        // Days later, daily versions on the same day are thinned by the record itself.
        for (i, t) in [3 * DAY_MS, 3 * DAY_MS + MIN * 10, 3 * DAY_MS + MIN * 20]
            .iter()
            .enumerate()
        {
            map.stages[1].name = format!("n{i}");
            ready(record(
                &store,
                &map,
                VersionReason::Burst,
                taking(&format!("d{i}"), *t),
            ))
            .unwrap();
        }
        let now = 5 * DAY_MS;
        ready(compact(&store, &map.id, now)).unwrap();
        let listing = ready(store.list_versions(&map.id)).unwrap();
        let ids: Vec<&str> = listing.items.iter().map(|m| m.id.as_str()).collect();
        // Day 0 keeps its newest (v2), day 3 its newest (d2).
        assert_eq!(ids, ["d2", "v2"]);
        let v = ready(store.get_version("v2")).unwrap().unwrap();
        assert_eq!(v.read_map().unwrap().stages[0].name, "Renamed");
        assert_eq!(v.download_title("Map"), "Map - 1970-01-01");
    }

    #[test]
    fn a_named_version_survives_compaction() {
        let store = MemoryVersionStore::new();
        let mut map = sample_map(&mut SequentialIds::new("s"), "Map", 0);
        ready(record(&store, &map, VersionReason::Burst, taking("a", 0))).unwrap();
        ready(set_name(&store, "a", Some("  Before the workshop ".into()))).unwrap();
        map.title = "Other".into();
        ready(record(
            &store,
            &map,
            VersionReason::Burst,
            taking("b", MIN * 10),
        ))
        .unwrap();
        map.title = "Third".into();
        ready(record(
            &store,
            &map,
            VersionReason::Burst,
            taking("c", 100 * DAY_MS),
        ))
        .unwrap();
        let listing = ready(store.list_versions(&map.id)).unwrap();
        let names: Vec<(&str, Option<&str>)> = listing
            .items
            .iter()
            .map(|m| (m.id.as_str(), m.name.as_deref()))
            .collect();
        // "a" and "b" share a week: without its name, "a" would go.
        assert_eq!(
            names,
            [("c", None), ("b", None), ("a", Some("Before the workshop"))]
        );
    }

    #[test]
    fn a_full_quota_compacts_first_and_unreadable_records_stay() {
        let mut map = sample_map(&mut SequentialIds::new("s"), "Map", 0);
        let probe = MemoryVersionStore::new();
        ready(record(&probe, &map, VersionReason::Burst, taking("a", 0))).unwrap();
        let size = probe.used();
        // Room for about two versions (the unreadable record is small).
        let store = MemoryVersionStore::with_quota(size * 2 + size / 2);
        store.put_raw_version("bad", &map.id, "{not json", "");
        ready(record(&store, &map, VersionReason::Burst, taking("a", 0))).unwrap();
        map.title = "B".into();
        ready(record(
            &store,
            &map,
            VersionReason::Burst,
            taking("b", 10 * MIN),
        ))
        .unwrap();
        map.title = "C".into();
        // Two days later a third does not fit: "a" (no longer of the last
        // 24 h, and not the newest of its day) goes first, then it fits.
        let r = ready(record(
            &store,
            &map,
            VersionReason::Burst,
            taking("c", 2 * DAY_MS),
        ));
        assert!(matches!(r, Ok(Recorded::Taken(_))), "{r:?}");
        let listing = ready(store.list_versions(&map.id)).unwrap();
        assert_eq!(listing.unreadable, ["bad"]);
        assert!(listing.items.iter().all(|m| m.id != "a"));
        assert_eq!(
            ready(store.get_version("bad")),
            Err(VersionStoreError::Unreadable { id: "bad".into() })
        );
        // Nothing left to compact and still too big: the error says so.
        map.description = "x".repeat(size * 3);
        let r = ready(record(
            &store,
            &map,
            VersionReason::BeforeMerge,
            taking("d", 2 * DAY_MS + MIN),
        ));
        assert_eq!(r, Err(VersionStoreError::QuotaExceeded));
        assert!(!VersionStoreError::QuotaExceeded.said(Lang::Fr).is_empty());
    }

    #[test]
    fn the_trash_keeps_thirty_days_and_takes_versions_along() {
        let store = MemoryVersionStore::new();
        let mut ids = SequentialIds::new("s");
        let a = sample_map(&mut ids, "A", 0);
        let b = sample_map(&mut ids, "B", 0);
        ready(record(&store, &a, VersionReason::Burst, taking("va", 0))).unwrap();
        ready(record(&store, &b, VersionReason::Burst, taking("vb", 0))).unwrap();
        ready(trash_map(&store, &a, 0)).unwrap();
        ready(trash_map(&store, &b, 10 * DAY_MS)).unwrap();
        store.put_raw_trash("broken", "{");
        let listing = ready(store.list_trash()).unwrap();
        let titles: Vec<&str> = listing.items.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["B", "A"]);
        assert_eq!(listing.unreadable, ["broken"]);
        assert!(ready(purge_expired(&store, 30 * DAY_MS - 1))
            .unwrap()
            .is_empty());
        assert_eq!(
            ready(purge_expired(&store, 30 * DAY_MS)).unwrap(),
            std::slice::from_ref(&a.id)
        );
        assert!(ready(store.list_versions(&a.id)).unwrap().items.is_empty());
        assert_eq!(ready(store.list_versions(&b.id)).unwrap().items.len(), 1);
        assert_eq!(ready(empty_trash(&store)).unwrap(), 1);
        let left = ready(store.list_trash()).unwrap();
        assert!(left.items.is_empty());
        assert_eq!(left.unreadable, ["broken"], "never deleted");
    }

    #[test]
    fn fingerprints_ignore_the_time_and_see_the_content() {
        let map = sample_map(&mut SequentialIds::new("s"), "Map", 0);
        let mut later = map.clone();
        later.modified = 99;
        assert_eq!(fingerprint(&map), fingerprint(&later));
        later.cards[0].text.push('!');
        assert_ne!(fingerprint(&map), fingerprint(&later));
    }
}
