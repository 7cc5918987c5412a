//! Templates: a new map from a kind of map's template, and the user's own
//! templates (any map saved as a template, to start new maps from).
//!
//! User templates are stored as maps in their envelope under
//! `parcours.template.<id>`, with the library's rules: a stored template
//! that cannot be read is moved, untouched, to the quarantine
//! (`parcours.quarantine.template.<id>.<time>`) and reported, never
//! overwritten.

use crate::core::document::model::{IdSource, JourneyMap, Lane, LaneKind, MapKind, Millis, Stage};
use crate::core::formats::envelope;
use crate::core::storage::library::{
    duplicate, fold, set_aside, LoadError, MapEntry, Quarantined, SetAsideReason,
};
use crate::core::storage::store::{stored_len, KeyValueStore, StoreError};
use crate::core::sync::SyncState;
use crate::core::text::i18n::{Key, Lang};

pub const TEMPLATE_PREFIX: &str = "parcours.template.";

pub fn template_key(id: &str) -> String {
    format!("{TEMPLATE_PREFIX}{id}")
}

/// The lanes of each kind's template, in reading order.
pub fn template_lanes(kind: MapKind) -> &'static [LaneKind] {
    match kind {
        MapKind::CurrentState | MapKind::FutureState => &[
            LaneKind::Goal,
            LaneKind::Doing,
            LaneKind::Thinking,
            LaneKind::Feeling,
            LaneKind::Touchpoints,
            LaneKind::Metrics,
            LaneKind::PainPoints,
            LaneKind::Gains,
            LaneKind::Opportunities,
        ],
        MapKind::DayInTheLife => &[
            LaneKind::Doing,
            LaneKind::Thinking,
            LaneKind::Feeling,
            LaneKind::Touchpoints,
            LaneKind::PainPoints,
            LaneKind::Opportunities,
        ],
        // The customer's side, then the service's: front stage, the line of
        // visibility (see `JourneyMap::line_of_visibility_after`), back
        // stage and support processes.
        MapKind::ServiceBlueprint => &[
            LaneKind::Touchpoints,
            LaneKind::Doing,
            LaneKind::Frontstage,
            LaneKind::Backstage,
            LaneKind::Support,
        ],
    }
}

/// The stage names of each kind's template, in `lang`: a day in the life
/// runs through the times of a day; the others start with three stages.
pub fn template_stages(kind: MapKind, lang: Lang) -> Vec<&'static str> {
    let keys: &[Key] = match kind {
        MapKind::DayInTheLife => &[
            Key::TimeMorning,
            Key::TimeMidday,
            Key::TimeAfternoon,
            Key::TimeEvening,
            Key::TimeNight,
        ],
        _ => &[Key::BlankStage1, Key::BlankStage2, Key::BlankStage3],
    };
    keys.iter().map(|&k| lang.t(k)).collect()
}

/// A new, empty map of `kind` from its template: the kind's stages (named in
/// `lang`) and lanes. The current state's is exactly `JourneyMap::blank`'s.
pub fn from_kind(
    kind: MapKind,
    lang: Lang,
    ids: &mut dyn IdSource,
    now: Millis,
    title: &str,
) -> JourneyMap {
    let [a, b, c] = [Key::BlankStage1, Key::BlankStage2, Key::BlankStage3].map(|k| lang.t(k));
    let mut map = JourneyMap::blank(ids, title, [a, b, c], now);
    map.kind = kind;
    if kind == MapKind::DayInTheLife {
        map.stages = template_stages(kind, lang)
            .into_iter()
            .map(|name| Stage {
                id: ids.next_id(),
                name: name.to_owned(),
            })
            .collect();
    }
    if !matches!(kind, MapKind::CurrentState | MapKind::FutureState) {
        map.lanes = template_lanes(kind)
            .iter()
            .map(|&kind| Lane {
                id: ids.next_id(),
                kind,
                title: String::new(),
                hidden: false,
            })
            .collect();
    }
    map
}

/// `map` as a template: its structure and texts (stages, lanes, personas,
/// cards, touchpoints with their channel and classification, feelings,
/// scales, branding), without what belongs to this journey only: the
/// touchpoints' readings, the actions, the change history and `based_on`.
pub fn save_as_template(map: &JourneyMap) -> JourneyMap {
    let mut template = map.clone();
    for t in &mut template.touchpoints {
        t.readings.clear();
    }
    template.actions.clear();
    template.sync = SyncState::default();
    template.based_on = None;
    template
}

/// A new map from a template: new ids for the map and every item in it, a
/// new title and dates, and no change history.
pub fn instantiate(
    template: &JourneyMap,
    title: String,
    ids: &mut dyn IdSource,
    now: Millis,
) -> JourneyMap {
    duplicate(&save_as_template(template), ids, title, now)
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
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope::validate;
    use crate::core::storage::library::{load_library, QUARANTINE_PREFIX};
    use crate::core::storage::store::MemoryStore;
    use proptest::prelude::*;
    use std::collections::HashSet;

    fn kinds(map: &JourneyMap) -> Vec<LaneKind> {
        map.lanes.iter().map(|l| l.kind).collect()
    }

    fn names(map: &JourneyMap) -> Vec<&str> {
        map.stages.iter().map(|s| s.name.as_str()).collect()
    }

    #[test]
    fn each_kind_gets_the_lanes_and_stages_it_needs() {
        let mut ids = SequentialIds::new("k");
        let current = from_kind(MapKind::CurrentState, Lang::En, &mut ids, 7, "Now");
        let blank = JourneyMap::blank(
            &mut SequentialIds::new("k"),
            "Now",
            ["Discover", "Choose", "Use"],
            7,
        );
        assert_eq!(current, blank, "the current state is the blank map");

        let future = from_kind(MapKind::FutureState, Lang::Fr, &mut ids, 7, "Demain");
        assert_eq!(future.kind, MapKind::FutureState);
        assert_eq!(kinds(&future), kinds(&current));
        assert_eq!(names(&future), ["Découvrir", "Choisir", "Utiliser"]);

        let day = from_kind(MapKind::DayInTheLife, Lang::Fr, &mut ids, 7, "Journée");
        assert_eq!(names(&day), ["Matin", "Midi", "Après-midi", "Soir", "Nuit"]);
        assert_eq!(
            kinds(&day),
            [
                LaneKind::Doing,
                LaneKind::Thinking,
                LaneKind::Feeling,
                LaneKind::Touchpoints,
                LaneKind::PainPoints,
                LaneKind::Opportunities
            ]
        );
        let day_en = from_kind(MapKind::DayInTheLife, Lang::En, &mut ids, 7, "Day");
        assert_eq!(
            names(&day_en),
            ["Morning", "Midday", "Afternoon", "Evening", "Night"]
        );

        let blueprint = from_kind(MapKind::ServiceBlueprint, Lang::En, &mut ids, 7, "Service");
        assert_eq!(
            kinds(&blueprint),
            [
                LaneKind::Touchpoints,
                LaneKind::Doing,
                LaneKind::Frontstage,
                LaneKind::Backstage,
                LaneKind::Support
            ]
        );
        assert_eq!(
            blueprint.line_of_visibility_after(),
            Some(blueprint.lanes[2].id.as_str())
        );
        for map in [&current, &future, &day, &day_en, &blueprint] {
            assert!(
                validate(map).is_empty(),
                "{:?}: {:?}",
                map.kind,
                validate(map)
            );
        }
    }

    fn all_ids(map: &JourneyMap) -> HashSet<String> {
        let mut ids: HashSet<String> = HashSet::from([map.id.clone()]);
        ids.extend(map.personas.iter().map(|p| p.id.clone()));
        ids.extend(map.stages.iter().map(|s| s.id.clone()));
        ids.extend(map.lanes.iter().map(|l| l.id.clone()));
        ids.extend(map.cards.iter().map(|c| c.id.clone()));
        ids.extend(map.touchpoints.iter().map(|t| t.id.clone()));
        ids.extend(map.actions.iter().map(|a| a.id.clone()));
        ids
    }

    #[test]
    fn a_map_saved_as_a_template_keeps_its_structure_not_its_figures() {
        let mut demo = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        demo.based_on = Some("x".into());
        demo.sync.clock.insert("r".into(), 1);
        let t = save_as_template(&demo);
        assert_eq!(
            (t.stages.len(), t.lanes.len()),
            (demo.stages.len(), demo.lanes.len())
        );
        assert_eq!(t.cards, demo.cards);
        assert_eq!(t.personas, demo.personas);
        assert_eq!(t.emotions, demo.emotions);
        assert!(t.touchpoints.iter().all(|tp| tp.readings.is_empty()));
        assert!(t.actions.is_empty() && t.sync.is_empty() && t.based_on.is_none());

        let map = instantiate(&t, "From template".into(), &mut SequentialIds::new("n"), 50);
        assert!(validate(&map).is_empty());
        assert_eq!(map.title, "From template");
        assert_eq!((map.created, map.modified), (50, 50));
        assert!(all_ids(&map).is_disjoint(&all_ids(&demo)));
        let texts = |m: &JourneyMap| m.cards.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&map), texts(&demo));
    }

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

    proptest! {
        #[test]
        fn instantiating_keeps_the_structure_and_shares_no_id(kind in 0usize..4, seed in "[a-z]{1,3}") {
            let kind = MapKind::ALL[kind];
            let mut template = from_kind(kind, Lang::Fr, &mut SequentialIds::new(&seed), 0, "T");
            template.personas.push(crate::core::document::model::Persona { id: format!("{seed}-p"), name: "P".into(), ..Default::default() });
            let map = instantiate(&template, "M".into(), &mut SequentialIds::new("new-"), 1);
            prop_assert!(validate(&map).is_empty());
            prop_assert!(all_ids(&map).is_disjoint(&all_ids(&template)));
            prop_assert_eq!(kinds(&map), kinds(&template));
            prop_assert_eq!(names(&map), names(&template));
            prop_assert_eq!(map.kind, kind);
            prop_assert_eq!(map.personas.len(), 1);
        }
    }
}
