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

use serde::{Deserialize, Serialize};

use super::edit::{Edit, EditError};
use super::library::{set_aside, Quarantined, SetAsideReason, QUARANTINE_PREFIX};
use super::model::{IdSource, JourneyMap, Millis, Persona};
use super::persona::avatar_ok;
use super::store::{KeyValueStore, StoreError};

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
pub fn read_text(text: &str) -> Result<Vec<Persona>, String> {
    problem(text)
}

/// What is wrong with stored library text, if anything.
fn problem(text: &str) -> Result<Vec<Persona>, String> {
    let stored: Stored = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if stored.format != FORMAT {
        return Err(format!(
            "a \"{}\" text, not a persona library",
            stored.format
        ));
    }
    if stored.version > VERSION {
        return Err(format!(
            "written by a newer Parcours (persona library version {})",
            stored.version
        ));
    }
    let mut seen = std::collections::HashSet::new();
    for (i, p) in stored.personas.iter().enumerate() {
        if p.id.is_empty() || !seen.insert(p.id.as_str()) {
            return Err(format!("personas[{i}].id: empty or repeated"));
        }
        if let Some(avatar) = &p.avatar {
            avatar_ok(avatar).map_err(|e| format!("personas[{i}].avatar: {e}"))?;
        }
        if p.share.is_some_and(|s| !(0.0..=100.0).contains(&s)) {
            return Err(format!("personas[{i}].share: not a percentage (0 to 100)"));
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
                SetAsideReason::Other(reason),
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
            store.set(&format!("{QUARANTINE_PREFIX}personas.{now}"), &raw)?;
        }
    }
    let stored = Stored {
        format: FORMAT.into(),
        version: VERSION,
        personas: personas.to_vec(),
    };
    let text = serde_json::to_string(&stored).map_err(|e| StoreError::Failed(e.to_string()))?;
    store.set(PERSONAS_KEY, &text)
}

/// Why the library refused a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LibraryError {
    /// A persona with this id is already in the library.
    DuplicateId(String),
    /// No persona with this id in the library.
    NotFound(String),
    /// The avatar is refused (why).
    BadAvatar(String),
    /// The persona travels these maps (id, title): remove it from them first.
    InUse(Vec<(String, String)>),
}

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LibraryError::DuplicateId(id) => write!(f, "the persona id \"{id}\" is already used"),
            LibraryError::NotFound(id) => write!(f, "no persona with id \"{id}\""),
            LibraryError::BadAvatar(why) => write!(f, "avatar refused: {why}"),
            LibraryError::InUse(maps) => {
                let titles: Vec<String> = maps.iter().map(|(_, t)| format!("\"{t}\"")).collect();
                write!(
                    f,
                    "the persona travels {}: remove it from them first",
                    titles.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for LibraryError {}

fn check_avatar(persona: &Persona) -> Result<(), LibraryError> {
    match &persona.avatar {
        Some(a) => avatar_ok(a).map_err(|e| LibraryError::BadAvatar(e.to_string())),
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
    use crate::core::demo::demo_map;
    use crate::core::i18n::Lang;
    use crate::core::model::{Channel, SequentialIds};
    use crate::core::store::MemoryStore;

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
        let store =
            MemoryStore::with_quota(crate::core::store::stored_len(PERSONAS_KEY, corrupt) + 5);
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
        assert!(crate::core::envelope::validate(&map).is_empty());

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
}
