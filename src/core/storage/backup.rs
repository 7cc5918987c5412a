//! The whole library as one file: a backup, and how it comes back.
//!
//! ```json
//! {"format":"parcours.library","version":1,"exported":1763856000000,
//!  "maps":[{"format":"parcours.map","version":4,…}, …],
//!  "set_aside":[{"key":"parcours.quarantine.x.17…","text":"…"}],
//!  "templates":[{"format":"parcours.map",…}, …],
//!  "personas":{"format":"parcours.personas","version":1,"personas":[…]}}
//! ```
//!
//! Each map is kept exactly as it was stored (its own envelope and version),
//! so a backup is a byte-for-byte copy; text that was set aside because it
//! could not be read is kept too, as text, so nothing is lost; so are the
//! user's templates and the persona library (optional fields: backups made
//! before them still open). Opening a backup checks every map and template
//! and the persona library first: one bad item refuses the whole file, with
//! where it is (`maps[3].map.stages[1].id`), and nothing is stored.
//!
//! A backup may come from anyone, so its set-aside texts are written back
//! only under the quarantine prefix (`parcours.quarantine.…`), where the
//! library lists them, the storage meter counts them and the user can
//! download or delete them. Any other key it names (this browser's replica
//! id, the default branding, the language, a key the app does not own) is
//! refused and named in the notice: a backup carries maps, templates, the
//! persona library and set-aside texts, nothing else.

use crate::core::formats::envelope::Flaw;
use crate::core::storage::library::SaveError;
use crate::core::text::said::Said;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::core::document::model::{IdSource, JourneyMap, Millis, Persona};
use crate::core::formats::envelope::FormatError;
use crate::core::formats::map_file::{self, OpenError, Opened};
use crate::core::storage::library::{
    aside_key, map_key, LoadReport, MAP_PREFIX, QUARANTINE_PREFIX,
};
use crate::core::storage::persona_library::{self, PERSONAS_KEY};
use crate::core::storage::store::{KeyValueStore, StoreError};
use crate::core::storage::user_templates::{self, TEMPLATE_PREFIX};
use crate::core::text::i18n::{Key, Lang};

pub const FORMAT: &str = "parcours.library";
pub const VERSION: u64 = 1;

/// The backup of everything the library holds, as one JSON text.
pub fn backup(
    store: &dyn KeyValueStore,
    report: &LoadReport,
    now: Millis,
) -> Result<String, StoreError> {
    let mut out =
        format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"exported\":{now},\"maps\":[");
    let mut first = true;
    for entry in &report.entries {
        if let Some(raw) = store.get(&map_key(&entry.id))? {
            if !first {
                out.push(',');
            }
            first = false;
            // Stored maps were read as JSON when the report was made.
            out.push_str(&raw);
        }
    }
    // The user's templates and the persona library; text under their keys
    // that does not read travels as set aside, under its own key.
    let mut aside: Vec<(String, String)> = Vec::new();
    for q in &report.quarantined {
        aside.push((q.key.clone(), store.get(&q.key)?.unwrap_or_default()));
    }
    let mut keys: Vec<String> = store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(TEMPLATE_PREFIX))
        .collect();
    keys.sort();
    let mut templates: Vec<String> = Vec::new();
    for key in keys {
        if let Some(raw) = store.get(&key)? {
            if crate::core::formats::envelope::from_json(&raw).is_ok() {
                templates.push(raw);
            } else {
                aside.push((key, raw));
            }
        }
    }
    let personas = match store.get(PERSONAS_KEY)? {
        Some(raw) if persona_library::read_text(&raw).is_ok() => Some(raw),
        Some(raw) => {
            aside.push((PERSONAS_KEY.to_owned(), raw));
            None
        }
        None => None,
    };
    out.push_str("],\"set_aside\":[");
    for (i, (key, text)) in aside.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"key\":");
        out.push_str(&json_string(key));
        out.push_str(",\"text\":");
        out.push_str(&json_string(text));
        out.push('}');
    }
    out.push_str("],\"templates\":[");
    out.push_str(&templates.join(","));
    out.push(']');
    if let Some(raw) = personas {
        out.push_str(",\"personas\":");
        out.push_str(&raw);
    }
    out.push('}');
    Ok(out)
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string always serializes")
}

/// A backup, read and checked: its maps ready to be stored as new maps, and
/// the text it had set aside.
#[derive(Debug, PartialEq)]
pub struct OpenedBackup {
    pub maps: Vec<Opened>,
    pub set_aside: Vec<SetAside>,
    /// The user's templates, checked like maps.
    pub templates: Vec<JourneyMap>,
    /// The persona library it carried (empty for older backups).
    pub personas: Vec<Persona>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct SetAside {
    pub key: String,
    pub text: String,
}

#[derive(Deserialize)]
struct BackupIn<'a> {
    format: String,
    version: u64,
    #[serde(borrow)]
    maps: Vec<&'a RawValue>,
    #[serde(default)]
    set_aside: Vec<SetAside>,
    #[serde(default, borrow)]
    templates: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    personas: Option<&'a RawValue>,
}

/// Whether `bytes` look like a backup rather than a single map.
pub fn is_backup(bytes: &[u8]) -> bool {
    // The writer puts the format first; a map file has "parcours.map" there.
    let head = &bytes[..bytes.len().min(64)];
    head.windows(FORMAT.len() + 2)
        .any(|w| w == format!("\"{FORMAT}\"").as_bytes())
}

/// Reads a backup. `taken` says whether a map id is already in the library
/// (such maps come in as copies under new ids, as for single map files).
pub fn open_backup(
    bytes: &[u8],
    taken: &dyn Fn(&str) -> bool,
    ids: &mut dyn IdSource,
) -> Result<OpenedBackup, OpenError> {
    let file: BackupIn = serde_json::from_str(map_file::text_of(bytes)?).map_err(|e| {
        OpenError::Format(FormatError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })
    })?;
    if file.format != FORMAT {
        return Err(OpenError::Format(FormatError::NotAMap {
            found: Some(file.format),
        }));
    }
    if file.version != VERSION {
        return Err(OpenError::Format(FormatError::BadVersion {
            found: file.version.to_string(),
        }));
    }
    let mut maps: Vec<Opened> = Vec::with_capacity(file.maps.len());
    for (i, raw) in file.maps.iter().enumerate() {
        // Ids given by this backup count as taken for the maps after them.
        let seen = |id: &str| taken(id) || maps.iter().any(|m| m.map.id == id);
        let opened =
            map_file::open_map_file(raw.get().as_bytes(), &seen, ids).map_err(|e| within(i, e))?;
        maps.push(opened);
    }
    let mut templates = Vec::with_capacity(file.templates.len());
    for (i, raw) in file.templates.iter().enumerate() {
        let stored = crate::core::formats::envelope::from_json(raw.get())
            .map_err(|e| located(format!("templates[{i}]"), Flaw::Unreadable(Box::new(e))))?;
        templates.push(stored.map);
    }
    let personas = match file.personas {
        None => Vec::new(),
        Some(raw) => persona_library::read_text(raw.get()).map_err(|mut p| {
            p.path = if p.path.is_empty() {
                "personas".into()
            } else {
                format!("personas.{}", p.path)
            };
            OpenError::Format(FormatError::Invalid(vec![p]))
        })?,
    };
    Ok(OpenedBackup {
        maps,
        set_aside: file.set_aside,
        templates,
        personas,
    })
}

fn located(path: String, message: Flaw) -> OpenError {
    OpenError::Format(FormatError::Invalid(vec![
        crate::core::formats::envelope::Problem { path, message },
    ]))
}

/// What a restore did: how many maps of how many are stored now, how many of
/// them came in as copies, and why it stopped early, if it did.
#[derive(Debug, PartialEq)]
pub struct Restored {
    pub stored: usize,
    pub total: usize,
    pub copies: usize,
    /// Templates stored (those already there are left as they are).
    pub templates: usize,
    /// Personas added to the library (those already there keep their
    /// current version).
    pub personas: usize,
    /// Set-aside texts stored (under the quarantine prefix).
    pub set_aside: usize,
    /// The keys of the set-aside texts refused: keys a backup may not write.
    pub refused: Vec<String>,
    /// Why it stopped (said in the user's language with the rest).
    pub failure: Option<SaveError>,
}

impl Restored {
    /// What the restore of the file `name` did, in `lang`: how many maps of
    /// how many, copies, templates, personas and set-aside texts, and the
    /// keys refused.
    pub fn message(&self, lang: Lang, name: &str) -> String {
        let mut text = format!(
            "{} {name}{}{}/{} {}",
            lang.t(Key::BackupRestored),
            lang.colon(),
            self.stored,
            self.total,
            lang.t(Key::BackupMaps)
        );
        if self.copies > 0 {
            text.push_str(&format!(" — {} {}", self.copies, lang.t(Key::BackupCopies)));
        }
        for (n, key) in [
            (self.templates, Key::BackupTemplates),
            (self.personas, Key::BackupPersonas),
            (self.set_aside, Key::BackupSetAside),
        ] {
            if n > 0 {
                text.push_str(&format!(", {n} {}", lang.t(key)));
            }
        }
        if !self.refused.is_empty() {
            let keys: Vec<String> = self
                .refused
                .iter()
                .take(5)
                .map(|k| {
                    let short: String = k.chars().take(60).collect();
                    if short.len() < k.len() {
                        format!("{short}…")
                    } else {
                        short
                    }
                })
                .collect();
            let more = self.refused.len().saturating_sub(keys.len());
            text.push_str(&format!(
                ". {} {} {}",
                self.refused.len(),
                lang.t(Key::BackupRefused),
                keys.join(", ")
            ));
            if more > 0 {
                text.push_str(&format!(" (+{more})"));
            }
        }
        if let Some(why) = &self.failure {
            text.push_str(&format!(". {}", why.said(lang)));
        }
        text
    }
}

/// Where a set-aside text of a backup goes in this browser: its quarantine
/// key as it was, or, for text the backup found unreadable under a map's,
/// a template's or the persona library's own key (it could not be moved
/// aside there), a quarantine key made from that key. `None`: a key a
/// backup may not write (the replica id, the branding, the language, the
/// theme, any key the app does not own, a bare prefix).
pub fn set_aside_key(key: &str, now: Millis) -> Option<String> {
    let own = |prefix: &str| key.strip_prefix(prefix).filter(|rest| !rest.is_empty());
    if own(QUARANTINE_PREFIX).is_some() {
        Some(key.to_owned())
    } else if let Some(id) = own(MAP_PREFIX) {
        Some(aside_key(id, now))
    } else if let Some(id) = own(TEMPLATE_PREFIX) {
        Some(aside_key(&format!("template.{id}"), now))
    } else if key == PERSONAS_KEY {
        Some(aside_key("personas", now))
    } else {
        None
    }
}

/// Stores an opened backup: every map as a new one, then the text it had set
/// aside, under its key, where that key is free. Stops at the first write the
/// store refuses (a full quota) and says how far it got.
pub fn restore(store: &dyn KeyValueStore, opened: &OpenedBackup, now: Millis) -> Restored {
    let mut done = Restored {
        stored: 0,
        total: opened.maps.len(),
        copies: opened
            .maps
            .iter()
            .filter(|o| o.already_in_library.is_some())
            .count(),
        templates: 0,
        personas: 0,
        set_aside: 0,
        refused: Vec::new(),
        failure: None,
    };
    for o in &opened.maps {
        match crate::core::storage::library::save_map(store, &o.map, 0, false, now) {
            Ok(_) => done.stored += 1,
            Err(e) => {
                done.failure = Some(e);
                return done;
            }
        }
    }
    for aside in &opened.set_aside {
        let Some(key) = set_aside_key(&aside.key, now) else {
            done.refused.push(aside.key.clone());
            continue;
        };
        // A free key: the backup's own, or beside another text stored under
        // it (`<key>.1`, `<key>.2`…). The same text already there is not
        // stored twice.
        let mut free = key.clone();
        let mut n = 0;
        let same = loop {
            match store.get(&free) {
                Ok(None) => break false,
                Ok(Some(text)) if text == aside.text => break true,
                Ok(Some(_)) => {
                    n += 1;
                    free = format!("{key}.{n}");
                }
                Err(e) => {
                    done.failure = Some(e.into());
                    return done;
                }
            }
        };
        // Text set aside from its own key gets a key with the time: the same
        // text set aside at an earlier restore is not stored twice either.
        let same = same
            || (key != aside.key && {
                let stem = key.rsplit_once('.').map_or(key.as_str(), |(stem, _)| stem);
                already_aside(store, stem, &aside.text)
            });
        if same {
            continue;
        }
        if let Err(e) = store.set(&free, &aside.text) {
            done.failure = Some(e.into());
            return done;
        }
        done.set_aside += 1;
    }
    for t in &opened.templates {
        let free = match store.get(&user_templates::template_key(&t.id)) {
            Ok(stored) => stored.is_none(),
            Err(e) => {
                done.failure = Some(e.into());
                return done;
            }
        };
        if free {
            if let Err(e) = user_templates::save_template(store, t, now) {
                done.failure = Some(e.into());
                return done;
            }
            done.templates += 1;
        }
    }
    if !opened.personas.is_empty() {
        // The library as it is now, plus the backup's personas it lacks.
        let mut library = match persona_library::load(store, now) {
            Ok(loaded) => loaded.personas,
            Err(e) => {
                done.failure = Some(e.into());
                return done;
            }
        };
        let before = library.len();
        for p in &opened.personas {
            if !library.iter().any(|own| own.id == p.id) {
                library.push(p.clone());
            }
        }
        if library.len() > before {
            if let Err(e) = persona_library::save(store, &library, now) {
                done.failure = Some(e.into());
                return done;
            }
            done.personas = library.len() - before;
        }
    }
    done
}

/// Whether a text equal to `text` is under a key `<stem>.<something>`.
fn already_aside(store: &dyn KeyValueStore, stem: &str, text: &str) -> bool {
    store.keys().unwrap_or_default().iter().any(|k| {
        k.strip_prefix(stem)
            .is_some_and(|rest| rest.starts_with('.'))
            && store.get(k).ok().flatten().as_deref() == Some(text)
    })
}

/// An error of the map at `maps[i]`, its paths made paths into the backup.
fn within(i: usize, e: OpenError) -> OpenError {
    match e {
        OpenError::Format(FormatError::Invalid(problems)) => {
            OpenError::Format(FormatError::Invalid(
                problems
                    .into_iter()
                    .map(|mut p| {
                        p.path = format!("maps[{i}].{}", p.path);
                        p
                    })
                    .collect(),
            ))
        }
        other => OpenError::Format(FormatError::Invalid(vec![
            crate::core::formats::envelope::Problem {
                path: format!("maps[{i}]"),
                message: match other {
                    OpenError::NotText => Flaw::NotText,
                    OpenError::Format(e) => Flaw::Unreadable(Box::new(e)),
                },
            },
        ])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope::to_json;
    use crate::core::storage::library::{load_library, save_map};
    use crate::core::storage::store::MemoryStore;
    use crate::core::text::i18n::Lang;

    /// A library with two maps and one unreadable stored text.
    fn library() -> MemoryStore {
        let store = MemoryStore::default();
        for (lang, prefix) in [(Lang::En, "a"), (Lang::Fr, "b")] {
            let map = demo_map(lang, &mut SequentialIds::new(prefix), 1_000);
            save_map(&store, &map, 0, false, 2_000).unwrap();
        }
        store
            .set(&map_key("broken"), "{\"format\":\"parcours.map\",\"vers")
            .unwrap();
        store
    }

    fn none_taken(_: &str) -> bool {
        false
    }

    #[test]
    fn a_backup_brings_back_every_map_and_what_was_set_aside() {
        let store = library();
        let report = load_library(&store, 3_000).unwrap();
        assert_eq!((report.entries.len(), report.quarantined.len()), (2, 1));
        let text = backup(&store, &report, 4_000).unwrap();
        assert!(
            text.starts_with("{\"format\":\"parcours.library\",\"version\":1,\"exported\":4000,")
        );
        assert!(is_backup(text.as_bytes()));
        assert!(!is_backup(
            to_json(&demo_map(Lang::En, &mut SequentialIds::new("x"), 1), 1).as_bytes()
        ));

        let opened =
            open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n")).unwrap();
        let mut titles: Vec<&str> = opened.maps.iter().map(|o| o.map.title.as_str()).collect();
        titles.sort_unstable();
        let mut expected: Vec<&str> = report.entries.iter().map(|e| e.title.as_str()).collect();
        expected.sort_unstable();
        assert_eq!(titles, expected);
        for o in &opened.maps {
            let stored = crate::core::storage::library::load_map(&store, &o.map.id).unwrap();
            assert_eq!(o.map, stored.map, "the same map, item for item");
            assert_eq!(o.already_in_library, None);
        }
        assert_eq!(opened.set_aside.len(), 1);
        assert_eq!(
            opened.set_aside[0].text,
            "{\"format\":\"parcours.map\",\"vers"
        );
    }

    #[test]
    fn maps_already_there_come_in_as_copies() {
        let store = library();
        let report = load_library(&store, 3_000).unwrap();
        let text = backup(&store, &report, 4_000).unwrap();
        let ids: Vec<String> = report.entries.iter().map(|e| e.id.clone()).collect();
        let taken = |id: &str| ids.iter().any(|x| x == id);
        let opened = open_backup(text.as_bytes(), &taken, &mut SequentialIds::new("n")).unwrap();
        assert!(opened
            .maps
            .iter()
            .all(|o| o.already_in_library.is_some() && !taken(&o.map.id)));
        let new_ids: Vec<&str> = opened.maps.iter().map(|o| o.map.id.as_str()).collect();
        assert_ne!(new_ids[0], new_ids[1]);
    }

    #[test]
    fn one_bad_map_refuses_the_whole_backup_and_says_where() {
        let store = library();
        let report = load_library(&store, 3_000).unwrap();
        let good = backup(&store, &report, 4_000).unwrap();
        let second_stage = {
            let m = crate::core::storage::library::load_map(&store, &report.entries[1].id)
                .unwrap()
                .map;
            (m.stages[0].id.clone(), m.stages[1].id.clone())
        };
        // The second map gets two stages with one id.
        let raw = store.get(&map_key(&report.entries[1].id)).unwrap().unwrap();
        let broken_map = raw.replacen(
            &format!("\"id\":\"{}\"", second_stage.1),
            &format!("\"id\":\"{}\"", second_stage.0),
            1,
        );
        let broken = good.replacen(&raw, &broken_map, 1);
        let cases: [(&str, &str); 5] = [
            (&broken, "maps[1].map.stages[1].id"),
            (&good[..good.len() - 40], "not valid JSON"),
            (
                &good.replacen("\"version\":1", "\"version\":7", 1),
                "unknown format version 7",
            ),
            (
                &good.replacen(
                    &format!("\"version\":{}", crate::core::formats::envelope::VERSION),
                    "\"version\":9",
                    1,
                ),
                "maps[0]: this map was written by a newer Parcours",
            ),
            (
                "{\"format\":\"parcours.library\",\"version\":1,\"maps\":[3]}",
                "maps[0]: ",
            ),
        ];
        for (text, expected) in cases {
            let err = open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{expected:?} not in {err:?}");
        }
    }

    #[test]
    fn templates_and_the_persona_library_travel_with_the_backup() {
        let store = library();
        let map = demo_map(Lang::En, &mut SequentialIds::new("t"), 1_000);
        let t = crate::core::document::template::save_as_template(&map);
        user_templates::save_template(&store, &t, 2_000).unwrap();
        persona_library::save(&store, &map.personas, 2_000).unwrap();
        let report = load_library(&store, 3_000).unwrap();
        let text = backup(&store, &report, 4_000).unwrap();

        // Into an empty browser: everything comes back.
        let fresh = MemoryStore::default();
        let opened =
            open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n")).unwrap();
        assert_eq!(opened.templates, vec![t.clone()]);
        assert_eq!(opened.personas, map.personas);
        let done = restore(&fresh, &opened, 5_000);
        assert_eq!((done.templates, done.personas, done.failure), (1, 2, None));
        assert_eq!(user_templates::load_template(&fresh, &t.id).unwrap(), t);
        assert_eq!(
            persona_library::load(&fresh, 6_000).unwrap().personas,
            map.personas
        );

        // Into a browser that has them: nothing replaced, nothing doubled.
        let mut renamed = map.personas.clone();
        renamed[0].name = "Renamed here".into();
        persona_library::save(&fresh, &renamed, 7_000).unwrap();
        let again = restore(&fresh, &opened, 8_000);
        assert_eq!((again.templates, again.personas), (0, 0));
        assert_eq!(
            persona_library::load(&fresh, 9_000).unwrap().personas[0].name,
            "Renamed here"
        );

        // A bad template or library refuses the file, saying where.
        let bad_template = text.replacen(
            &format!("\"id\":\"{}\"", t.stages[1].id),
            &format!("\"id\":\"{}\"", t.stages[0].id),
            1,
        );
        let bad_personas = text.replacen(
            "\"format\":\"parcours.personas\"",
            "\"format\":\"other\"",
            1,
        );
        for (bad, at) in [(bad_template, "templates[0]"), (bad_personas, "personas")] {
            let err = open_backup(bad.as_bytes(), &none_taken, &mut SequentialIds::new("n"))
                .unwrap_err()
                .to_string();
            assert!(err.contains(at), "{at} not in {err}");
        }
        // Unreadable text under a template key travels as set aside.
        store
            .set(&user_templates::template_key("bad"), "{broken")
            .unwrap();
        let report = load_library(&store, 10_000).unwrap();
        let text = backup(&store, &report, 11_000).unwrap();
        let opened =
            open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n")).unwrap();
        assert!(opened
            .set_aside
            .iter()
            .any(|a| a.key == user_templates::template_key("bad") && a.text == "{broken"));
        assert_eq!(opened.templates.len(), 1);
        // An older backup, without either, still opens.
        let older = format!("{}}}", &text[..text.find(",\"templates\"").unwrap()]);
        let opened =
            open_backup(older.as_bytes(), &none_taken, &mut SequentialIds::new("n")).unwrap();
        assert!(opened.templates.is_empty() && opened.personas.is_empty());
    }

    /// The test library, its report, and its backup opened again.
    fn backed_up() -> (MemoryStore, LoadReport, OpenedBackup) {
        let store = library();
        let report = load_library(&store, 3_000).unwrap();
        let text = backup(&store, &report, 4_000).unwrap();
        let opened =
            open_backup(text.as_bytes(), &none_taken, &mut SequentialIds::new("n")).unwrap();
        (store, report, opened)
    }

    #[test]
    fn a_restore_into_a_fresh_store_brings_everything_back() {
        let (_, report, opened) = backed_up();
        let fresh = MemoryStore::default();
        let done = restore(&fresh, &opened, 5_000);
        assert_eq!(
            done,
            Restored {
                stored: 2,
                total: 2,
                copies: 0,
                templates: 0,
                personas: 0,
                set_aside: 1,
                refused: Vec::new(),
                failure: None
            }
        );
        let again = load_library(&fresh, 6_000).unwrap();
        assert_eq!(again.entries.len(), 2);
        assert_eq!(
            again.quarantined.len(),
            1,
            "the text set aside is set aside again"
        );
        assert_eq!(
            fresh.get(&report.quarantined[0].key).unwrap().as_deref(),
            Some("{\"format\":\"parcours.map\",\"vers")
        );
    }

    #[test]
    fn a_full_store_stops_the_restore_and_says_how_far_it_got() {
        let (_, _, opened) = backed_up();
        // Room for the first map only.
        let first = crate::core::storage::store::stored_len(
            &map_key(&opened.maps[0].map.id),
            &to_json(&opened.maps[0].map, 1),
        );
        let small = MemoryStore::with_quota(first + 100);
        let done = restore(&small, &opened, 5_000);
        assert_eq!((done.stored, done.total), (1, 2));
        assert!(
            done.failure.is_some(),
            "the notice must not say all came back"
        );
        assert_eq!(
            load_library(&small, 6_000).unwrap().entries.len(),
            1,
            "what was stored is whole"
        );
    }

    #[test]
    fn a_hostile_backup_writes_only_set_aside_texts_under_the_quarantine_prefix() {
        let hostile = r#"{"format":"parcours.library","version":1,"exported":1,"maps":[],
          "set_aside":[
            {"key":"parcours.replica","text":"evil0001"},
            {"key":"parcours.branding","text":"{\"organisation\":\"Evil\"}"},
            {"key":"parcours.lang","text":"fr"},
            {"key":"parcours.theme","text":"dark"},
            {"key":"hidden","text":"xxxxxxxx"},
            {"key":"parcours.quarantine.","text":"bare prefix"},
            {"key":"parcours.map.m1","text":"{broken map"},
            {"key":"parcours.template.t1","text":"{broken template"},
            {"key":"parcours.personas","text":"{broken personas"},
            {"key":"parcours.quarantine.old.5","text":"kept aside"},
            {"key":"parcours.quarantine.taken.5","text":"theirs"}]}"#;
        let store = MemoryStore::default();
        store.set("parcours.replica", "mine0001").unwrap();
        store.set("parcours.quarantine.taken.5", "mine").unwrap();
        let opened = open_backup(
            hostile.as_bytes(),
            &none_taken,
            &mut SequentialIds::new("n"),
        )
        .unwrap();
        let done = restore(&store, &opened, 9);
        assert_eq!(
            done.refused,
            [
                "parcours.replica",
                "parcours.branding",
                "parcours.lang",
                "parcours.theme",
                "hidden",
                "parcours.quarantine."
            ]
        );
        assert_eq!(done.set_aside, 5);
        let get = |k: &str| store.get(k).unwrap();
        assert_eq!(get("parcours.replica").as_deref(), Some("mine0001"));
        for k in [
            "parcours.branding",
            "parcours.lang",
            "parcours.theme",
            "hidden",
            "parcours.quarantine.",
        ] {
            assert_eq!(get(k), None, "{k}");
        }
        assert_eq!(
            get("parcours.map.m1"),
            None,
            "an unreadable map is not a map"
        );
        assert_eq!(get("parcours.template.t1"), None);
        assert_eq!(get("parcours.personas"), None);
        assert_eq!(
            get("parcours.quarantine.m1.9").as_deref(),
            Some("{broken map")
        );
        assert_eq!(
            get("parcours.quarantine.template.t1.9").as_deref(),
            Some("{broken template")
        );
        assert_eq!(
            get("parcours.quarantine.personas.9").as_deref(),
            Some("{broken personas")
        );
        assert_eq!(
            get("parcours.quarantine.old.5").as_deref(),
            Some("kept aside")
        );
        // A text already under that key is kept; the backup's goes beside it.
        assert_eq!(get("parcours.quarantine.taken.5").as_deref(), Some("mine"));
        assert_eq!(
            get("parcours.quarantine.taken.5.1").as_deref(),
            Some("theirs")
        );
        // Every key written is listed with the set-aside texts, counted by the meter.
        let report = load_library(&store, 10).unwrap();
        assert_eq!(report.quarantined.len(), 6);
        assert_eq!(report.used, store.used());
        // Restoring again adds nothing.
        let again = restore(&store, &opened, 11);
        assert_eq!(again.set_aside, 0);
        // The notice says what came back and what was refused, in both languages.
        let en = done.message(Lang::En, "evil.json");
        assert!(
            en.starts_with("Restored from evil.json: 0/0 maps, 5 set-aside texts. 6 refused"),
            "{en}"
        );
        assert!(en.contains("parcours.replica, parcours.branding"), "{en}");
        assert!(en.contains("(+1)"), "{en}");
        let fr = done.message(Lang::Fr, "evil.json");
        assert!(
            fr.starts_with(
                "Restauré depuis evil.json : 0/0 cartes, 5 textes mis de côté. 6 refusé"
            ),
            "{fr}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_a_result_not_a_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = open_backup(&bytes, &none_taken, &mut SequentialIds::new("n"));
            let _ = is_backup(&bytes);
        }
    }
}
