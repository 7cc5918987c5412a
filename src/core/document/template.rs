//! Templates: a new map from a kind of map's template, a map made into a
//! template, and a new map from a template. The user's templates are kept
//! by `storage::user_templates`.

use crate::core::document::duplicate::duplicate;
use crate::core::document::model::{IdSource, JourneyMap, Lane, LaneKind, MapKind, Millis, Stage};
use crate::core::sync::SyncState;
use crate::core::text::i18n::{Key, Lang};

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
                journey: String::new(),
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
/// touchpoints' readings, the actions, the change history, `based_on` and
/// the stages' links to the maps detailing them (or every map made from
/// the template would be listed as part of those).
pub fn save_as_template(map: &JourneyMap) -> JourneyMap {
    let mut template = map.clone();
    for t in &mut template.touchpoints {
        t.readings.clear();
    }
    template.actions.clear();
    template.sync = SyncState::default();
    // The discussion stays with the original: its comments are on the
    // original's items (and a copy's items have new ids).
    template.comments = Default::default();
    template.based_on = None;
    for s in &mut template.stages {
        s.journey.clear();
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope::validate;
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
        demo.stages[2].journey = "delivery-map".into();
        let t = save_as_template(&demo);
        assert!(
            t.stages.iter().all(|s| s.journey.is_empty()),
            "links stay with the journey"
        );
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
