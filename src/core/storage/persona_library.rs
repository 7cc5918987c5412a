//! The persona library, shared by all maps, kept in the store under
//! [`PERSONAS_KEY`].
//!
//! A map picks the personas that travel it ([`adopt`]): a copy of the
//! library's persona goes into the map, with the same id, so that an
//! exported map stays self-contained and the board can follow a persona
//! across maps. [`refresh`] brings library edits into the maps' copies;
//! [`harvest`] fills the library from maps made before it existed.
//!
//! Stored text that cannot be read is moved, untouched, to
//! `parcours.quarantine.personas.<time>` and reported; it is never replaced
//! by an empty library.

use crate::core::document::persona::AvatarError;
use crate::core::formats::envelope::{Flaw, FormatError, Problem};
use serde::{Deserialize, Serialize};

use crate::core::document::edit::{Edit, EditError};
use crate::core::document::model::{IdSource, JourneyMap, Millis, Persona};
use crate::core::document::persona::avatar_ok;
use crate::core::storage::library::{aside_key, set_aside, Quarantined, SetAsideReason};
use crate::core::storage::store::{KeyValueStore, StoreError};

pub const PERSONAS_KEY: &str = "parcours.personas";
const FORMAT: &str = "parcours.personas";
const VERSION: u64 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    format: String,
    version: u64,
    personas: Vec<Persona>,
}

/// The library as loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonaLoad {
    pub personas: Vec<Persona>,
    /// The stored text this load found unreadable, now kept aside.
    pub quarantined: Option<Quarantined>,
}

/// The personas of a stored library text, or what is wrong with it (also
/// for the library carried by a backup).
pub fn read_text(text: &str) -> Result<Vec<Persona>, Problem> {
    problem(text)
}

/// What is wrong with stored library text, if anything.
fn problem(text: &str) -> Result<Vec<Persona>, Problem> {
    // The path is into the library's text; empty when about the whole text.
    let at = |path: String, message: Flaw| Problem { path, message };
    let stored: Stored =
        serde_json::from_str(text).map_err(|e| at(String::new(), Flaw::Json(e.to_string())))?;
    if stored.format != FORMAT {
        return Err(at(String::new(), Flaw::NotPersonaLibrary(stored.format)));
    }
    if stored.version > VERSION {
        return Err(at(String::new(), Flaw::NewerPersonaLibrary(stored.version)));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, p) in stored.personas.iter().enumerate() {
        if p.id.is_empty() || !seen.insert(p.id.as_str()) {
            return Err(at(format!("personas[{i}].id"), Flaw::EmptyOrRepeatedId));
        }
        if let Some(avatar) = &p.avatar {
            avatar_ok(avatar).map_err(|e| at(format!("personas[{i}].avatar"), Flaw::Avatar(e)))?;
        }
        if let Some(share) = p.share.filter(|s| !(0.0..=100.0).contains(s)) {
            return Err(at(
                format!("personas[{i}].share"),
                Flaw::NotPercentage(crate::core::text::float_text::display(share)),
            ));
        }
    }
    Ok(stored.personas)
}

/// Load the library (empty when never saved). Unreadable stored text is
/// set aside and reported, and the library loads empty.
pub fn load(store: &dyn KeyValueStore, now: Millis) -> Result<PersonaLoad, StoreError> {
    let Some(raw) = store.get(PERSONAS_KEY)? else {
        return Ok(PersonaLoad::default());
    };
    match problem(&raw) {
        Ok(personas) => Ok(PersonaLoad {
            personas,
            quarantined: None,
        }),
        Err(reason) => Ok(PersonaLoad {
            personas: Vec::new(),
            quarantined: Some(set_aside(
                store,
                PERSONAS_KEY,
                "personas",
                &raw,
                SetAsideReason::Unreadable(FormatError::Invalid(vec![reason])),
                now,
            )),
        }),
    }
}

/// Save the library. Unreadable text still under the key (it could not be
/// set aside when loading) is copied aside first; if that fails, nothing
/// is written and the error comes back.
pub fn save(
    store: &dyn KeyValueStore,
    personas: &[Persona],
    now: Millis,
) -> Result<(), StoreError> {
    if let Some(raw) = store.get(PERSONAS_KEY)? {
        if problem(&raw).is_err() {
            store.set(&aside_key("personas", now), &raw)?;
        }
    }
    write(store, personas)
}

fn write(store: &dyn KeyValueStore, personas: &[Persona]) -> Result<(), StoreError> {
    let stored = Stored {
        format: FORMAT.into(),
        version: VERSION,
        personas: personas.to_vec(),
    };
    let text = serde_json::to_string(&stored).map_err(|e| StoreError::Failed(e.to_string()))?;
    store.set(PERSONAS_KEY, &text)
}

/// The stored library after a checked write ([`save_checked`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The library as stored now (what this tab knows from now on).
    pub personas: Vec<Persona>,
    /// Unreadable text found under the key, copied there before the write.
    pub set_aside: Option<String>,
    /// Whether anything was written (nothing is when nothing changes).
    pub written: bool,
}

/// Why a checked write left the stored library as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    /// Another tab changed these personas (id, name) since this tab read
    /// them, and this tab changed them too: nothing was written.
    Conflict(Vec<(String, String)>),
    /// A persona to write is refused (its avatar).
    Refused(LibraryError),
    /// The storage refused (quota full…).
    Store(StoreError),
}

impl From<StoreError> for WriteError {
    fn from(e: StoreError) -> Self {
        WriteError::Store(e)
    }
}

/// Save `mine`, the library as edited in this tab, which last read or wrote
/// it as `known`: the revision check of the persona library. Each persona
/// is compared three ways, by id: changed here only, it is written; changed
/// elsewhere only (another tab, a map's editor), the stored one is kept;
/// changed both here and elsewhere, differently, it is a
/// [`WriteError::Conflict`] and nothing is written, unless its id is in
/// `keep_mine` (told of that conflict, the user chose this tab's version). Personas added here go after the
/// one they follow in `mine`. Unreadable stored text is copied aside first,
/// never overwritten. Nothing is written when nothing changes.
pub fn save_checked(
    store: &dyn KeyValueStore,
    known: &[Persona],
    mine: &[Persona],
    keep_mine: &[String],
    now: Millis,
) -> Result<Saved, WriteError> {
    let raw = store.get(PERSONAS_KEY)?;
    let (theirs, unreadable) = match raw.as_deref().map(problem) {
        None => (Vec::new(), None),
        Some(Ok(theirs)) => (theirs, None),
        // Not a library: this tab's version is the only one there is.
        Some(Err(_)) => (known.to_vec(), raw),
    };
    let find = |list: &[Persona], id: &str| list.iter().position(|p| p.id == id);
    // The merged value of each persona, by id (`None`: not in the library).
    let mut conflicts = Vec::new();
    let mut merged = |id: &str| -> Option<Persona> {
        let base = find(known, id).map(|i| &known[i]);
        let here = find(mine, id).map(|i| &mine[i]);
        let there = find(&theirs, id).map(|i| &theirs[i]);
        if here == base {
            there.cloned()
        } else if there == base || here == there || keep_mine.iter().any(|k| k == id) {
            here.cloned()
        } else {
            let name = here.or(there).map(|p| p.name.clone()).unwrap_or_default();
            conflicts.push((id.to_owned(), name));
            there.cloned()
        }
    };
    let mut out: Vec<Persona> = theirs.iter().filter_map(|t| merged(&t.id)).collect();
    for (i, p) in mine.iter().enumerate() {
        if find(&theirs, &p.id).is_some() {
            continue;
        }
        let Some(persona) = merged(&p.id) else {
            continue;
        };
        // After the persona it follows here, else before the one it
        // precedes, else at the end.
        let after = mine[..i].iter().rev().find_map(|q| find(&out, &q.id));
        let before = mine[i + 1..].iter().find_map(|q| find(&out, &q.id));
        let at = after.map(|a| a + 1).or(before).unwrap_or(out.len());
        out.insert(at, persona);
    }
    // (A persona this tab removed that is stored no more is simply gone.)
    if !conflicts.is_empty() {
        return Err(WriteError::Conflict(conflicts));
    }
    for p in &out {
        if find(&theirs, &p.id).is_none_or(|i| theirs[i] != *p) {
            check_avatar(p).map_err(WriteError::Refused)?;
        }
    }
    let set_aside = match unreadable {
        Some(raw) => {
            let aside = aside_key("personas", now);
            store.set(&aside, &raw)?;
            Some(aside)
        }
        None if out == theirs => {
            return Ok(Saved {
                personas: out,
                set_aside: None,
                written: false,
            })
        }
        None => None,
    };
    write(store, &out)?;
    Ok(Saved {
        personas: out,
        set_aside,
        written: true,
    })
}

/// Keep a map's copy of `persona` in the stored library, checked like
/// [`save_checked`] against `known`: the library's personas as this map's
/// editor last read or wrote them. `known` follows this persona when the
/// library holds the map's copy afterwards, and only then (a newer library
/// copy the map has not taken in stays unknown: writing over it later is a
/// conflict). `force`: the user chose the map's version over the
/// library's.
pub fn keep_checked(
    store: &dyn KeyValueStore,
    known: &mut Vec<Persona>,
    persona: &Persona,
    force: bool,
    now: Millis,
) -> Result<Saved, WriteError> {
    let base: Vec<Persona> = known
        .iter()
        .filter(|p| p.id == persona.id)
        .cloned()
        .collect();
    let keep_mine = if force {
        vec![persona.id.clone()]
    } else {
        Vec::new()
    };
    let saved = save_checked(store, &base, std::slice::from_ref(persona), &keep_mine, now)?;
    if saved.personas.iter().any(|p| p == persona) {
        match known.iter_mut().find(|p| p.id == persona.id) {
            Some(slot) => *slot = persona.clone(),
            None => known.push(persona.clone()),
        }
    }
    Ok(saved)
}

/// Why the library refused a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    /// A persona with this id is already in the library.
    DuplicateId(String),
    /// No persona with this id in the library.
    NotFound(String),
    /// The avatar is refused (why).
    BadAvatar(AvatarError),
    /// The persona travels these maps (id, title): remove it from them first.
    InUse(Vec<(String, String)>),
}

impl std::error::Error for LibraryError {}

fn check_avatar(persona: &Persona) -> Result<(), LibraryError> {
    match &persona.avatar {
        Some(a) => avatar_ok(a).map_err(LibraryError::BadAvatar),
        None => Ok(()),
    }
}

/// Add a persona at the end of the library.
pub fn add(library: &mut Vec<Persona>, persona: Persona) -> Result<(), LibraryError> {
    if library.iter().any(|p| p.id == persona.id) {
        return Err(LibraryError::DuplicateId(persona.id));
    }
    check_avatar(&persona)?;
    library.push(persona);
    Ok(())
}

/// Replace a persona's fields (matched by id).
pub fn update(library: &mut [Persona], persona: Persona) -> Result<(), LibraryError> {
    check_avatar(&persona)?;
    let slot = library
        .iter_mut()
        .find(|p| p.id == persona.id)
        .ok_or_else(|| LibraryError::NotFound(persona.id.clone()))?;
    *slot = persona;
    Ok(())
}

/// A copy of a persona under a new id, named with `suffix` (the UI's
/// " (copy)"), placed right after it; returns the copy.
pub fn duplicate(
    library: &mut Vec<Persona>,
    id: &str,
    ids: &mut dyn IdSource,
    suffix: &str,
) -> Result<Persona, LibraryError> {
    let index = library
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| LibraryError::NotFound(id.to_owned()))?;
    let mut copy = library[index].clone();
    copy.id = ids.next_id();
    copy.name.push_str(suffix);
    library.insert(index + 1, copy.clone());
    Ok(copy)
}

/// The maps (id, title) that a persona travels, in the order given.
pub fn maps_using(persona_id: &str, maps: &[JourneyMap]) -> Vec<(String, String)> {
    maps.iter()
        .filter(|m| m.personas.iter().any(|p| p.id == persona_id))
        .map(|m| (m.id.clone(), m.title.clone()))
        .collect()
}

/// Delete a persona from the library, unless one of `maps` uses it: then
/// [`LibraryError::InUse`] names them. Returns the deleted persona and its
/// place (to undo: insert it back there).
pub fn delete(
    library: &mut Vec<Persona>,
    id: &str,
    maps: &[JourneyMap],
) -> Result<(usize, Persona), LibraryError> {
    let index = library
        .iter()
        .position(|p| p.id == id)
        .ok_or_else(|| LibraryError::NotFound(id.to_owned()))?;
    let using = maps_using(id, maps);
    if !using.is_empty() {
        return Err(LibraryError::InUse(using));
    }
    Ok((index, library.remove(index)))
}

/// The edit by which `map` picks `persona` from the library: a copy with the
/// same id, added at the end of its personas, or, when the map already has
/// it, its fields brought up to date. Applied through the map's history,
/// it is one undo step.
pub fn adoption(map: &JourneyMap, persona: &Persona) -> Edit {
    if map.persona(&persona.id).is_some() {
        Edit::UpdatePersona(persona.clone())
    } else {
        Edit::InsertPersona {
            index: map.personas.len(),
            persona: persona.clone(),
            cards: Vec::new(),
            emotions: Vec::new(),
        }
    }
}

/// Apply [`adoption`] to `map` directly (outside any history). Refused when
/// the persona's id is already used by another kind of item of the map.
pub fn adopt(map: &mut JourneyMap, persona: &Persona) -> Result<(), EditError> {
    adoption(map, persona).apply(map).map(|_| ())
}

/// The edits that bring `library`'s edits into `map`'s copies of the same
/// personas (none when they are all up to date).
pub fn refresh_edits(map: &JourneyMap, library: &[Persona]) -> Vec<Edit> {
    map.personas
        .iter()
        .filter_map(|own| {
            let newer = library.iter().find(|p| p.id == own.id)?;
            (newer != own).then(|| Edit::UpdatePersona(newer.clone()))
        })
        .collect()
}

/// Copy `library`'s edits into `map`'s copies of the same personas;
/// whether anything changed.
pub fn refresh(map: &mut JourneyMap, library: &[Persona]) -> bool {
    let edits = refresh_edits(map, library);
    let changed = !edits.is_empty();
    for edit in edits {
        // An UpdatePersona of a persona the map has cannot fail.
        let _ = edit.apply(map);
    }
    changed
}

/// Keep the library's copy of a persona edited in a map: added when the
/// library does not have it, its fields replaced when they differ. Returns
/// whether the library changed (and so needs saving).
pub fn upsert(library: &mut Vec<Persona>, persona: &Persona) -> Result<bool, LibraryError> {
    match library.iter().position(|p| p.id == persona.id) {
        Some(i) if library[i] == *persona => Ok(false),
        Some(_) => update(library, persona.clone()).map(|()| true),
        None => add(library, persona.clone()).map(|()| true),
    }
}

/// Add to the library the personas found in `maps` that it does not have
/// (by id, the first map's copy wins), so that personas of maps made before
/// the library appear in it. Returns how many were added.
pub fn harvest(library: &mut Vec<Persona>, maps: &[JourneyMap]) -> usize {
    let before = library.len();
    for persona in maps.iter().flat_map(|m| &m.personas) {
        if !library.iter().any(|p| p.id == persona.id) && check_avatar(persona).is_ok() {
            library.push(persona.clone());
        }
    }
    library.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Channel, SequentialIds};
    use crate::core::storage::store::MemoryStore;
    use crate::core::text::i18n::Lang;

    fn persona(id: &str, name: &str) -> Persona {
        Persona {
            id: id.into(),
            name: name.into(),
            role: "42, buyer".into(),
            channels: vec![Channel::Store],
            ..Persona::default()
        }
    }

    #[test]
    fn the_library_is_saved_and_loaded() {
        let store = MemoryStore::new();
        assert_eq!(load(&store, 1).unwrap(), PersonaLoad::default());
        let mut library = Vec::new();
        add(&mut library, persona("p1", "Ana")).unwrap();
        add(&mut library, persona("p2", "Bob")).unwrap();
        assert_eq!(
            add(&mut library, persona("p1", "Again")),
            Err(LibraryError::DuplicateId("p1".into()))
        );
        save(&store, &library, 2).unwrap();
        assert_eq!(load(&store, 3).unwrap().personas, library);
    }

    #[test]
    fn a_corrupt_library_is_quarantined_and_not_overwritten() {
        let store = MemoryStore::new();
        store
            .set(PERSONAS_KEY, "{\"format\":\"parcours.personas\",\"ver")
            .unwrap();
        let loaded = load(&store, 77).unwrap();
        assert!(loaded.personas.is_empty());
        let q = loaded.quarantined.unwrap();
        assert_eq!(q.key, "parcours.quarantine.personas.77");
        assert_eq!(q.original_key, PERSONAS_KEY);
        assert_eq!(
            store.get(&q.key).unwrap().as_deref(),
            Some("{\"format\":\"parcours.personas\",\"ver")
        );
        assert_eq!(store.get(PERSONAS_KEY).unwrap(), None);
        // Saving afterwards writes the new library; the old text stays aside.
        save(&store, &[persona("p1", "Ana")], 78).unwrap();
        assert_eq!(load(&store, 79).unwrap().personas.len(), 1);
        assert!(store.get(&q.key).unwrap().is_some());
    }

    #[test]
    fn when_the_corrupt_text_cannot_be_set_aside_it_stays_and_is_not_overwritten() {
        let corrupt = "not json";
        let store = MemoryStore::with_quota(
            crate::core::storage::store::stored_len(PERSONAS_KEY, corrupt) + 5,
        );
        store.set(PERSONAS_KEY, corrupt).unwrap();
        let loaded = load(&store, 1).unwrap();
        assert_eq!(loaded.quarantined.unwrap().key, PERSONAS_KEY);
        assert!(save(&store, &[persona("p1", "A")], 2).is_err());
        assert_eq!(store.get(PERSONAS_KEY).unwrap().as_deref(), Some(corrupt));
    }

    #[test]
    fn a_library_with_a_bad_avatar_or_from_a_newer_parcours_is_not_read() {
        let store = MemoryStore::new();
        for text in [
            r#"{"format":"parcours.personas","version":1,"personas":[{"id":"p","name":"P","avatar":"javascript:alert(1)"}]}"#,
            r#"{"format":"parcours.personas","version":2,"personas":[]}"#,
            r#"{"format":"parcours.map","version":1,"personas":[]}"#,
            r#"{"format":"parcours.personas","version":1,"personas":[{"id":"p","name":"P"},{"id":"p","name":"Q"}]}"#,
        ] {
            store.set(PERSONAS_KEY, text).unwrap();
            let loaded = load(&store, 5).unwrap();
            assert!(loaded.quarantined.is_some(), "{text}");
        }
        let mut library = vec![persona("p1", "Ana")];
        let mut bad = persona("p1", "Ana");
        bad.avatar = Some("http://tracker.example/a.png".into());
        assert!(matches!(
            update(&mut library, bad),
            Err(LibraryError::BadAvatar(_))
        ));
    }

    #[test]
    fn a_persona_in_use_is_not_deleted_and_the_maps_are_named() {
        let mut library = vec![persona("p1", "Ana"), persona("p2", "Bob")];
        let mut map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        map.title = "Washing machine".into();
        adopt(&mut map, &library[0]).unwrap();
        let maps = [map];
        let err = delete(&mut library, "p1", &maps).unwrap_err();
        assert_eq!(
            err,
            LibraryError::InUse(vec![(maps[0].id.clone(), "Washing machine".into())])
        );
        assert!(err.to_string().contains("\"Washing machine\""));
        assert_eq!(library.len(), 2);
        assert_eq!(delete(&mut library, "p2", &maps).unwrap().0, 1);
        assert_eq!(library.len(), 1);
    }

    #[test]
    fn duplicate_update_adopt_and_refresh() {
        let mut library = vec![persona("p1", "Ana"), persona("p2", "Bob")];
        let copy = duplicate(&mut library, "p1", &mut SequentialIds::new("n"), " (copy)").unwrap();
        assert_eq!((copy.id.as_str(), copy.name.as_str()), ("n1", "Ana (copy)"));
        assert_eq!(library[1], copy);

        let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("d"), 0);
        let before = map.personas.len();
        adopt(&mut map, &library[0]).unwrap();
        assert_eq!(map.personas.len(), before + 1);
        assert_eq!(
            map.personas.last(),
            Some(&library[0]),
            "same id, same fields"
        );
        assert!(crate::core::formats::envelope::validate(&map).is_empty());

        let mut edited = library[0].clone();
        edited.quote = "Vite !".into();
        update(&mut library, edited).unwrap();
        assert_eq!(refresh_edits(&map, &library).len(), 1);
        assert!(refresh(&mut map, &library));
        assert_eq!(map.persona("p1").unwrap().quote, "Vite !");
        assert!(!refresh(&mut map, &library), "up to date");
        // Adopting again updates instead of adding.
        assert!(matches!(
            adoption(&map, &library[0]),
            Edit::UpdatePersona(_)
        ));
    }

    #[test]
    fn a_persona_edited_in_a_map_is_kept_in_the_library() {
        let mut library = vec![persona("p1", "Ana")];
        assert_eq!(upsert(&mut library, &persona("p1", "Ana")), Ok(false));
        assert_eq!(upsert(&mut library, &persona("p1", "Anna")), Ok(true));
        assert_eq!(library[0].name, "Anna");
        assert_eq!(upsert(&mut library, &persona("p2", "Bob")), Ok(true));
        assert_eq!(library.len(), 2);
        let mut bad = persona("p3", "Eve");
        bad.avatar = Some("javascript:alert(1)".into());
        assert!(matches!(
            upsert(&mut library, &bad),
            Err(LibraryError::BadAvatar(_))
        ));
        assert_eq!(library.len(), 2);
    }

    #[test]
    fn existing_maps_personas_are_harvested_once() {
        let maps = [
            demo_map(Lang::En, &mut SequentialIds::new("a"), 0),
            demo_map(Lang::Fr, &mut SequentialIds::new("b"), 0),
        ];
        let mut library = vec![maps[0].personas[0].clone()];
        assert_eq!(harvest(&mut library, &maps), 3);
        assert_eq!(library.len(), 4);
        assert_eq!(harvest(&mut library, &maps), 0);
    }

    fn quoted(id: &str, quote: &str) -> Persona {
        Persona {
            quote: quote.into(),
            ..persona(id, id)
        }
    }

    fn stored(store: &MemoryStore) -> Vec<Persona> {
        load(store, 0).unwrap().personas
    }

    #[test]
    fn two_tabs_editing_one_persona_never_overwrite_each_other_silently() {
        let store = MemoryStore::new();
        let start = vec![quoted("p1", ""), quoted("p2", "")];
        save(&store, &start, 1).unwrap();
        // Both tabs read the library. Tab A types a quote and saves.
        let mut a = start.clone();
        a[0].quote = "A's words".into();
        let saved = save_checked(&store, &start, &a, &[], 2).unwrap();
        assert!(saved.written);
        assert_eq!(saved.personas, a);
        // Tab B, which still knows the old library, types another quote.
        let mut b = start.clone();
        b[0].quote = "B's words".into();
        assert_eq!(
            save_checked(&store, &start, &b, &[], 3),
            Err(WriteError::Conflict(vec![("p1".into(), "p1".into())]))
        );
        assert_eq!(stored(&store)[0].quote, "A's words", "A's edit is kept");
        // B chooses to keep its version.
        let forced = save_checked(&store, &start, &b, &["p1".into()], 4).unwrap();
        assert_eq!(forced.personas[0].quote, "B's words");
        assert_eq!(stored(&store), forced.personas);
        // The conflict says which persona, in English words.
        let e = WriteError::Conflict(vec![("p1".into(), "Ana".into())]);
        assert!(e.to_string().contains("\"Ana\""), "{e}");
    }

    #[test]
    fn edits_of_different_personas_in_two_tabs_both_stay() {
        let store = MemoryStore::new();
        let start = vec![quoted("p1", ""), quoted("p2", "")];
        save(&store, &start, 1).unwrap();
        let mut a = start.clone();
        a[0].quote = "A".into();
        save_checked(&store, &start, &a, &[], 2).unwrap();
        let mut b = start.clone();
        b[1].quote = "B".into();
        let saved = save_checked(&store, &start, &b, &[], 3).unwrap();
        assert_eq!(saved.personas, vec![quoted("p1", "A"), quoted("p2", "B")]);
        assert_eq!(stored(&store), saved.personas);
        // The same change made in both tabs is no conflict either.
        let mut c = start.clone();
        c[0].quote = "A".into();
        assert!(save_checked(&store, &start, &c, &[], 4).is_ok());
        // A tab that changed nothing writes nothing, and takes the stored library.
        let none = save_checked(&store, &start, &start, &[], 5).unwrap();
        assert!(!none.written);
        assert_eq!(none.personas, saved.personas);
    }

    #[test]
    fn additions_and_removals_meet_the_other_tab_s_changes() {
        let store = MemoryStore::new();
        let start = vec![quoted("p1", ""), quoted("p2", ""), quoted("p3", "")];
        save(&store, &start, 1).unwrap();
        // Another tab adds p4 at the end and changes p3.
        let theirs = vec![
            quoted("p1", ""),
            quoted("p2", ""),
            quoted("p3", "changed"),
            quoted("p4", ""),
        ];
        save_checked(&store, &start, &theirs, &[], 2).unwrap();
        // Here: a copy of p1 right after it, and p2 removed.
        let mine = vec![quoted("p1", ""), quoted("c1", ""), quoted("p3", "")];
        let saved = save_checked(&store, &start, &mine, &[], 3).unwrap();
        let ids: Vec<&str> = saved.personas.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["p1", "c1", "p3", "p4"]);
        assert_eq!(saved.personas[2].quote, "changed");
        // Removing here what the other tab changed is a conflict.
        let known = saved.personas.clone();
        let mut there = known.clone();
        there[0].quote = "edited there".into();
        save_checked(&store, &known, &there, &[], 4).unwrap();
        let removed: Vec<Persona> = known[1..].to_vec();
        assert!(matches!(
            save_checked(&store, &known, &removed, &[], 5),
            Err(WriteError::Conflict(c)) if c[0].0 == "p1"
        ));
        // Put back first (undo of a delete): before the one it preceded.
        let store = MemoryStore::new();
        save(&store, &start[1..], 6).unwrap();
        let back = save_checked(&store, &start[1..], &start, &[], 7).unwrap();
        assert_eq!(back.personas, start);
    }

    #[test]
    fn a_checked_save_sets_unreadable_text_aside_and_refuses_bad_avatars() {
        let store = MemoryStore::new();
        store.set(PERSONAS_KEY, "{ not a library").unwrap();
        let mine = vec![quoted("p1", "x")];
        let saved = save_checked(&store, &[], &mine, &[], 9).unwrap();
        assert_eq!(
            saved.set_aside.as_deref(),
            Some("parcours.quarantine.personas.9")
        );
        assert_eq!(
            store
                .get("parcours.quarantine.personas.9")
                .unwrap()
                .as_deref(),
            Some("{ not a library")
        );
        assert_eq!(stored(&store), mine);
        let mut bad = mine.clone();
        bad[0].avatar = Some("javascript:alert(1)".into());
        assert!(matches!(
            save_checked(&store, &mine, &bad, &[], 10),
            Err(WriteError::Refused(LibraryError::BadAvatar(_)))
        ));
        store.fail_writes(Some(StoreError::QuotaExceeded));
        let mut more = mine.clone();
        more[0].quote = "y".into();
        assert_eq!(
            save_checked(&store, &mine, &more, &[], 11),
            Err(WriteError::Store(StoreError::QuotaExceeded))
        );
        store.fail_writes(None);
        assert_eq!(stored(&store), mine);
    }

    #[test]
    fn a_map_s_stale_copy_never_replaces_the_library_s_newer_edit() {
        let store = MemoryStore::new();
        save(&store, &[quoted("p1", ""), quoted("p2", "")], 1).unwrap();
        // A map's editor opens: it knows the library as it is.
        let mut known = stored(&store);
        let map_copy = quoted("p1", "");
        // Written at once as the map opens: nothing changes.
        assert!(
            !keep_checked(&store, &mut known, &map_copy, false, 2)
                .unwrap()
                .written
        );
        // The library page (another tab) edits p1's quote.
        let page_known = stored(&store);
        let mut page = page_known.clone();
        page[0].quote = "typed in the library".into();
        save_checked(&store, &page_known, &page, &[], 3).unwrap();
        // The map's copy of p1 is unchanged: written, it changes nothing,
        // and what the editor knows of p1 stays as it was.
        assert!(
            !keep_checked(&store, &mut known, &map_copy, false, 4)
                .unwrap()
                .written
        );
        assert_eq!(known[0].quote, "");
        // The map edits p1 (its frustrations): a conflict, nothing written.
        let mut edited = map_copy.clone();
        edited.frustrations = "typed in the map".into();
        assert!(matches!(
            keep_checked(&store, &mut known, &edited, false, 5),
            Err(WriteError::Conflict(_))
        ));
        assert_eq!(stored(&store)[0].quote, "typed in the library");
        // Another persona of the map still goes through.
        let mut other = quoted("p2", "");
        other.goals = "map goal".into();
        assert!(
            keep_checked(&store, &mut known, &other, false, 6)
                .unwrap()
                .written
        );
        assert_eq!(stored(&store)[1].goals, "map goal");
        assert_eq!(stored(&store)[0].quote, "typed in the library");
        // A persona made in the map joins the library at the end.
        keep_checked(&store, &mut known, &quoted("p9", ""), false, 7).unwrap();
        assert_eq!(stored(&store)[2].id, "p9");
        // The user keeps the map's version of p1.
        let kept = keep_checked(&store, &mut known, &edited, true, 8).unwrap();
        assert!(kept.written);
        assert_eq!(stored(&store)[0], edited);
        assert_eq!(known[0], edited);
    }

    /// One tab of the property test: what it last read or wrote, what it
    /// shows, and the personas whose conflict it was told of.
    #[derive(Clone, Debug)]
    struct Tab {
        known: Vec<Persona>,
        mine: Vec<Persona>,
        told: std::collections::HashSet<String>,
    }

    #[derive(Clone, Debug)]
    enum Step {
        /// Tab `tab` types into persona `persona`'s quote, then saves.
        Type { tab: usize, persona: usize },
        /// Tab `tab` reads the library again (a storage event with no
        /// unsaved change, or "Load the other tab's version").
        Reload { tab: usize },
        /// Tab `tab` keeps its version after being told of a conflict.
        KeepMine { tab: usize },
        /// Tab `tab` deletes persona `persona`, or puts it back.
        Toggle { tab: usize, persona: usize },
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            4 => (0..2usize, 0..3usize).prop_map(|(tab, persona)| Step::Type { tab, persona }),
            2 => (0..2usize).prop_map(|tab| Step::Reload { tab }),
            1 => (0..2usize).prop_map(|tab| Step::KeepMine { tab }),
            1 => (0..2usize, 0..3usize).prop_map(|(tab, persona)| Step::Toggle { tab, persona }),
        ]
    }

    proptest::proptest! {
        /// Random interleavings of two tabs writing the library: whenever a
        /// stored persona is replaced or removed, the tab that did it had
        /// read that very version, or had been told of the conflict and
        /// chose to keep its own; and a save that succeeds stores what the
        /// tab changed.
        #[test]
        fn two_writers_never_lose_an_acknowledged_edit_without_a_conflict(
            steps in proptest::collection::vec(step(), 1..40)
        ) {
            let ids = ["p1", "p2", "p3"];
            let store = MemoryStore::new();
            let start: Vec<Persona> = ids.iter().map(|id| quoted(id, "")).collect();
            save(&store, &start, 0).unwrap();
            let fresh = Tab { known: start.clone(), mine: start.clone(), told: Default::default() };
            let mut tabs = [fresh.clone(), fresh];
            let mut typed = 0u32;
            for (n, step) in steps.into_iter().enumerate() {
                let (tab, force) = match step {
                    Step::Type { tab, persona } => {
                        typed += 1;
                        let id = ids[persona];
                        if let Some(p) = tabs[tab].mine.iter_mut().find(|p| p.id == id) {
                            p.quote = format!("tab {tab}, edit {typed}");
                        }
                        (tab, false)
                    }
                    Step::Toggle { tab, persona } => {
                        let t = &mut tabs[tab];
                        match t.mine.iter().position(|p| p.id == ids[persona]) {
                            Some(i) => { t.mine.remove(i); }
                            None => t.mine.push(quoted(ids[persona], "put back")),
                        }
                        (tab, false)
                    }
                    Step::Reload { tab } => {
                        let now = stored(&store);
                        tabs[tab] = Tab { known: now.clone(), mine: now, told: Default::default() };
                        continue;
                    }
                    Step::KeepMine { tab } => {
                        if tabs[tab].told.is_empty() {
                            continue;
                        }
                        (tab, true)
                    }
                };
                let before = stored(&store);
                let t = &mut tabs[tab];
                let keep: Vec<String> = if force { t.told.iter().cloned().collect() } else { Vec::new() };
                match save_checked(&store, &t.known, &t.mine, &keep, n as i64) {
                    Ok(saved) => {
                        let after = stored(&store);
                        proptest::prop_assert_eq!(&after, &saved.personas);
                        for id in ids {
                            let get = |l: &[Persona]| l.iter().find(|p| p.id == id).cloned();
                            let (was, now) = (get(&before), get(&after));
                            if was != now {
                                // Replaced: by a tab that knew it, or that chose to.
                                proptest::prop_assert!(
                                    get(&t.known) == was || force && t.told.contains(id),
                                    "{id} went from {was:?} to {now:?} unseen by tab {tab}"
                                );
                            }
                            // What this tab changed is what is stored.
                            if get(&t.mine) != get(&t.known) {
                                proptest::prop_assert_eq!(get(&t.mine), now);
                            }
                        }
                        t.known = saved.personas.clone();
                        t.mine = saved.personas;
                        t.told.clear();
                    }
                    Err(WriteError::Conflict(c)) => {
                        // (Kept versions may meet a newer conflict: told too.)
                        proptest::prop_assert_eq!(stored(&store), before, "nothing written");
                        t.told.extend(c.into_iter().map(|(id, _)| id));
                    }
                    Err(e) => proptest::prop_assert!(false, "{e}"),
                }
            }
        }
    }
}
