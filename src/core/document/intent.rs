//! What the user means, as the edit that does it: one function per intent
//! (add a card to a cell, a touchpoint to a stage, a lane of a kind…).
//!
//! The document's rules live here rather than in the components: where a
//! new item goes, what it starts with, which touchpoint a new action names,
//! a new persona's colour. A component goes from its event to one of these,
//! then hands the edit to the session (and focuses [`Added::id`]). Undo data
//! is none of a caller's business either: an added item owns nothing yet,
//! and what a removal takes with it is recorded by [`Edit::apply`]'s inverse.

use crate::core::analysis::metrics::journey::in_journey_order;
use crate::core::document::edit::{shifted, Edit};
use crate::core::document::model::{
    Action, Card, Channel, Classification, IdSource, JourneyMap, Lane, LaneKind, Metric, Persona,
    Reading, Stage, Touchpoint,
};
use crate::core::document::persona::new_persona;
use crate::core::formats::envelope::{reading_problem, Flaw};

/// An edit that adds one item, with what the UI needs to show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Added {
    pub edit: Edit,
    /// The new item's id (the UI puts the focus on it).
    pub id: String,
    /// Where it lands in its list of the map (stages, cards, actions…).
    pub index: usize,
}

/// Where a card of the cell (`lane`, `stage`) goes in the map's card list:
/// after the cell's last card, so the cell keeps its order (at the end
/// when the cell is empty).
fn end_of_cell(map: &JourneyMap, lane: &str, stage: &str) -> usize {
    map.cards
        .iter()
        .rposition(|c| c.lane == lane && c.stage == stage)
        .map_or(map.cards.len(), |i| i + 1)
}

/// An empty card at the end of the cell (`lane`, `stage`). `persona_view`:
/// the persona the editor shows, whose card it becomes in a lane that
/// differs per persona (in other lanes a card is everyone's). `None` when
/// the map has no such lane or stage.
pub fn add_card(
    map: &JourneyMap,
    ids: &mut dyn IdSource,
    lane: &str,
    stage: &str,
    persona_view: Option<&str>,
) -> Option<Added> {
    let kind = map.lane(lane)?.kind;
    map.stage_index(stage)?;
    let card = Card {
        id: ids.next_id(),
        lane: lane.to_owned(),
        stage: stage.to_owned(),
        persona: persona_view
            .filter(|_| kind.per_persona())
            .map(str::to_owned),
        ..Card::default()
    };
    let index = end_of_cell(map, lane, stage);
    Some(inserted_card(index, card))
}

/// An empty card right after card `id`, in its cell, for its persona. It
/// takes card `id`'s other fields too (severity, the pain point it
/// answers), as the editor's Enter key always did. `None` when the map has
/// no card `id`.
pub fn add_card_after(map: &JourneyMap, ids: &mut dyn IdSource, id: &str) -> Option<Added> {
    let index = map.card_index(id)?;
    let card = Card {
        id: ids.next_id(),
        text: String::new(),
        ..map.cards[index].clone()
    };
    Some(inserted_card(index + 1, card))
}

fn inserted_card(index: usize, card: Card) -> Added {
    Added {
        id: card.id.clone(),
        index,
        edit: Edit::InsertCard { index, card },
    }
}

/// A stage named `name` (the words for "New stage", translated) at the end
/// of the journey, with no cards, touchpoints or emotions.
pub fn add_stage(map: &JourneyMap, ids: &mut dyn IdSource, name: &str) -> Added {
    let index = map.stages.len();
    let stage = Stage {
        id: ids.next_id(),
        journey: String::new(),
        name: name.to_owned(),
    };
    Added {
        id: stage.id.clone(),
        index,
        edit: Edit::InsertStage {
            index,
            stage,
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
        },
    }
}

/// A touchpoint named `name` (the words for "New touchpoint", translated)
/// at stage `stage`, a complementary one on the website until the user says
/// otherwise; last of the map's touchpoints, so last of its stage. `None`
/// when the map has no such stage.
pub fn add_touchpoint(
    map: &JourneyMap,
    ids: &mut dyn IdSource,
    stage: &str,
    name: &str,
) -> Option<Added> {
    map.stage_index(stage)?;
    let index = map.touchpoints.len();
    let touchpoint = Touchpoint {
        id: ids.next_id(),
        stage: stage.to_owned(),
        name: name.to_owned(),
        channel: Channel::Website,
        classification: Classification::Complementary,
        department: String::new(),
        readings: Vec::new(),
        legacy_metrics: None,
    };
    Some(Added {
        id: touchpoint.id.clone(),
        index,
        edit: Edit::InsertTouchpoint { index, touchpoint },
    })
}

/// A lane of `kind` below the others, shown, untitled (its kind's name
/// shows until the user types one), with no cards.
pub fn add_lane(map: &JourneyMap, ids: &mut dyn IdSource, kind: LaneKind) -> Added {
    let index = map.lanes.len();
    let lane = Lane {
        id: ids.next_id(),
        kind,
        title: String::new(),
        hidden: false,
    };
    Added {
        id: lane.id.clone(),
        index,
        edit: Edit::InsertLane {
            index,
            lane,
            cards: Vec::new(),
        },
    }
}

/// A persona named `name` (the words for "New persona", translated) after
/// the others, in the next colour no persona of the map wears
/// ([`crate::core::document::persona::next_colour`]). With the edit, the
/// persona itself: a persona made in a map joins the library too.
pub fn add_persona(map: &JourneyMap, ids: &mut dyn IdSource, name: &str) -> (Added, Persona) {
    let index = map.personas.len();
    let persona = new_persona(&map.personas, ids, name);
    let added = Added {
        id: persona.id.clone(),
        index,
        edit: Edit::InsertPersona {
            index,
            persona: persona.clone(),
            cards: Vec::new(),
            emotions: Vec::new(),
        },
    };
    (added, persona)
}

/// A blank action answering card `card`, after that card's other actions
/// (at the end when it has none), naming the first touchpoint of the
/// card's stage in journey order (none when the stage has none), a likely
/// target. `None` when the map has no card `card`.
pub fn add_action(map: &JourneyMap, ids: &mut dyn IdSource, card: &str) -> Option<Added> {
    let stage = &map.card(card)?.stage;
    let index = map
        .actions
        .iter()
        .rposition(|a| a.card.as_deref() == Some(card))
        .map_or(map.actions.len(), |i| i + 1);
    let touchpoint = in_journey_order(map)
        .into_iter()
        .map(|(_, t)| &map.touchpoints[t])
        .find(|t| t.stage == *stage)
        .map(|t| t.id.clone());
    let action = Action {
        id: ids.next_id(),
        card: Some(card.to_owned()),
        touchpoint,
        ..Action::default()
    };
    Some(Added {
        id: action.id.clone(),
        index,
        edit: Edit::InsertAction { index, action },
    })
}

/// Move stage `id` `delta` places along the journey (−1: one to the left):
/// the edit and the stage's new place. `None` past either end, or when the
/// map has no stage `id`.
pub fn move_stage_by(map: &JourneyMap, id: &str, delta: isize) -> Option<(Edit, usize)> {
    let to = shifted(map.stage_index(id)?, map.stages.len(), delta)?;
    let edit = Edit::MoveStage {
        id: id.to_owned(),
        to,
    };
    Some((edit, to))
}

/// Move lane `id` `delta` places (−1: one up). Hidden lanes count: the
/// order is the map's, not the screen's. `None` past either end, or when
/// the map has no lane `id`.
pub fn move_lane_by(map: &JourneyMap, id: &str, delta: isize) -> Option<Edit> {
    let to = shifted(map.lane_index(id)?, map.lanes.len(), delta)?;
    Some(Edit::MoveLane {
        id: id.to_owned(),
        to,
    })
}

/// A figure typed by hand for touchpoint `touchpoint`, after its earlier
/// ones. `None` when the map has no such touchpoint; `Some(Err(why))` when
/// the map's rules refuse the figure (an NPS of 300).
pub fn add_reading(
    map: &JourneyMap,
    touchpoint: &str,
    reading: Reading,
) -> Option<Result<Edit, Flaw>> {
    let mut t = map.touchpoint(touchpoint)?.clone();
    if let Some(why) = reading_problem(&reading) {
        return Some(Err(why));
    }
    t.readings.push(reading);
    Some(Ok(Edit::UpdateTouchpoint(t)))
}

/// Take back the latest figure of `metric` of touchpoint `touchpoint` (the
/// earlier ones show again). `None` when it has none, or the map has no
/// such touchpoint.
pub fn remove_latest_reading(map: &JourneyMap, touchpoint: &str, metric: Metric) -> Option<Edit> {
    let mut t = map.touchpoint(touchpoint)?.clone();
    let i = t.readings.iter().rposition(|r| r.metric == metric)?;
    t.readings.remove(i);
    Some(Edit::UpdateTouchpoint(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{SequentialIds, PERSONA_COLOURS};

    /// Two stages (s1, s2), the standard lanes, two touchpoints at s2 and
    /// one at s1, listed s2-first so that the map's order is not the
    /// journey's.
    fn map() -> JourneyMap {
        let mut ids = SequentialIds::new("m");
        let mut map = JourneyMap::blank(&mut ids, "Test", ["A", "B", "C"], 0);
        map.stages.truncate(2);
        for (i, s) in map.stages.iter_mut().enumerate() {
            s.id = format!("s{}", i + 1);
        }
        for (id, stage) in [("t2a", "s2"), ("t1", "s1"), ("t2b", "s2")] {
            map.touchpoints.push(Touchpoint {
                id: id.into(),
                stage: stage.into(),
                name: id.into(),
                channel: Channel::Email,
                classification: Classification::Critical,
                department: String::new(),
                readings: Vec::new(),
                legacy_metrics: None,
            });
        }
        map
    }

    fn lane_of(map: &JourneyMap, kind: LaneKind) -> String {
        map.lanes
            .iter()
            .find(|l| l.kind == kind)
            .unwrap()
            .id
            .clone()
    }

    fn card(id: &str, lane: &str, stage: &str) -> Card {
        Card {
            id: id.into(),
            lane: lane.into(),
            stage: stage.into(),
            text: id.into(),
            ..Card::default()
        }
    }

    /// Apply `edit`, then its inverse: the map is back as it was.
    fn applies_and_undoes(map: &mut JourneyMap, edit: Edit) {
        let before = map.clone();
        let applied = edit.apply(map).expect("the intent's edit applies");
        applied.inverse.apply(map).expect("its inverse applies");
        assert_eq!(*map, before);
    }

    #[test]
    fn a_new_card_goes_after_its_cells_last_card_or_at_the_end() {
        let mut m = map();
        let doing = lane_of(&m, LaneKind::Doing);
        let pains = lane_of(&m, LaneKind::PainPoints);
        m.cards = vec![
            card("a", &doing, "s1"),
            card("b", &pains, "s1"),
            card("c", &doing, "s1"),
            card("d", &doing, "s2"),
        ];
        let mut ids = SequentialIds::new("n");
        let added = add_card(&m, &mut ids, &doing, "s1", None).unwrap();
        assert_eq!((added.id.as_str(), added.index), ("n1", 3));
        // An empty cell: after every card.
        let added = add_card(&m, &mut ids, &pains, "s2", None).unwrap();
        assert_eq!(added.index, 4);
        added.edit.clone().apply(&mut m).unwrap();
        let new = &m.cards[4];
        assert_eq!(
            (new.lane.as_str(), new.stage.as_str()),
            (pains.as_str(), "s2")
        );
        assert!(new.text.is_empty() && new.severity.is_none() && new.answers.is_none());
        // The first card of an empty map.
        let mut empty = map();
        let added = add_card(&empty, &mut ids, &doing, "s1", None).unwrap();
        assert_eq!(added.index, 0);
        applies_and_undoes(&mut empty, added.edit);
    }

    #[test]
    fn a_new_card_is_the_shown_personas_only_in_a_lane_per_persona() {
        let m = map();
        let mut ids = SequentialIds::new("n");
        let persona_of =
            |lane: &str, ids: &mut SequentialIds| match add_card(&m, ids, lane, "s1", Some("p1"))
                .unwrap()
                .edit
            {
                Edit::InsertCard { card, .. } => card.persona,
                other => panic!("{other:?}"),
            };
        let doing = lane_of(&m, LaneKind::Doing);
        let pains = lane_of(&m, LaneKind::PainPoints);
        assert_eq!(persona_of(&doing, &mut ids).as_deref(), Some("p1"));
        assert_eq!(persona_of(&pains, &mut ids), None);
        assert!(LaneKind::Doing.per_persona() && !LaneKind::PainPoints.per_persona());
    }

    #[test]
    fn no_card_for_a_lane_or_stage_the_map_does_not_have() {
        let m = map();
        let mut ids = SequentialIds::new("n");
        let doing = lane_of(&m, LaneKind::Doing);
        assert!(add_card(&m, &mut ids, "gone", "s1", None).is_none());
        assert!(add_card(&m, &mut ids, &doing, "gone", None).is_none());
        assert!(add_card_after(&m, &mut ids, "gone").is_none());
    }

    #[test]
    fn a_card_added_after_another_is_next_to_it_in_its_cell() {
        let mut m = map();
        let doing = lane_of(&m, LaneKind::Doing);
        let mut first = card("a", &doing, "s1");
        first.persona = Some("p1".into());
        m.cards = vec![first, card("b", &doing, "s1"), card("c", &doing, "s2")];
        let mut ids = SequentialIds::new("n");
        let added = add_card_after(&m, &mut ids, "a").unwrap();
        assert_eq!((added.id.as_str(), added.index), ("n1", 1));
        added.edit.apply(&mut m).unwrap();
        let new = &m.cards[1];
        assert_eq!(new.id, "n1");
        assert!(new.text.is_empty());
        assert_eq!(
            (new.lane.as_str(), new.stage.as_str()),
            (doing.as_str(), "s1")
        );
        assert_eq!(new.persona.as_deref(), Some("p1"));
        // After the last card of the map: the end.
        let added = add_card_after(&m, &mut ids, "c").unwrap();
        assert_eq!(added.index, m.cards.len());
        applies_and_undoes(&mut m, added.edit);
    }

    #[test]
    fn a_new_stage_is_last_with_no_cells_and_undoes() {
        let mut m = map();
        let mut ids = SequentialIds::new("n");
        let added = add_stage(&m, &mut ids, "New stage");
        assert_eq!((added.id.as_str(), added.index), ("n1", 2));
        let Edit::InsertStage {
            ref cards,
            ref touchpoints,
            ref emotions,
            ..
        } = added.edit
        else {
            panic!("{:?}", added.edit);
        };
        assert!(cards.is_empty() && touchpoints.is_empty() && emotions.is_empty());
        let before = m.clone();
        let applied = added.edit.apply(&mut m).unwrap();
        assert_eq!(m.stages[2].name, "New stage");
        // What the stage holds later is the removal's to record, not the caller's.
        let doing = lane_of(&m, LaneKind::Doing);
        m.cards.push(card("x", &doing, "n1"));
        let removal = Edit::RemoveStage("n1".into()).apply(&mut m).unwrap();
        assert!(matches!(&removal.inverse, Edit::InsertStage { cards, .. } if cards.len() == 1));
        removal.inverse.apply(&mut m).unwrap();
        m.cards.retain(|c| c.id != "x");
        applied.inverse.apply(&mut m).unwrap();
        assert_eq!(m, before);
        // A map with no stages yet: the first.
        m.stages.clear();
        m.touchpoints.clear();
        assert_eq!(add_stage(&m, &mut ids, "N").index, 0);
    }

    #[test]
    fn a_new_touchpoint_is_last_of_its_stage_on_the_website() {
        let mut m = map();
        let mut ids = SequentialIds::new("n");
        let added = add_touchpoint(&m, &mut ids, "s1", "New touchpoint").unwrap();
        assert_eq!((added.id.as_str(), added.index), ("n1", 3));
        added.edit.clone().apply(&mut m).unwrap();
        assert_eq!(m.stage_touchpoints("s1"), ["t1", "n1"]);
        let t = m.touchpoint("n1").unwrap();
        assert_eq!(t.name, "New touchpoint");
        assert_eq!(t.channel, Channel::Website);
        assert_eq!(t.classification, Classification::Complementary);
        assert!(t.readings.is_empty() && t.department.is_empty());
        assert!(add_touchpoint(&m, &mut ids, "gone", "X").is_none());
        let mut fresh = map();
        applies_and_undoes(&mut fresh, added.edit);
    }

    #[test]
    fn a_lane_of_each_kind_is_added_last_shown_and_untitled() {
        let mut ids = SequentialIds::new("n");
        for kind in LaneKind::ALL {
            let mut m = map();
            let added = add_lane(&m, &mut ids, kind);
            assert_eq!(added.index, m.lanes.len());
            applies_and_undoes(&mut m, added.edit.clone());
            added.edit.apply(&mut m).unwrap();
            let lane = m.lanes.last().unwrap();
            assert_eq!(lane.id, added.id);
            assert_eq!(lane.kind, kind);
            assert!(lane.title.is_empty() && !lane.hidden);
        }
    }

    #[test]
    fn a_new_persona_takes_the_next_colour_and_undoes() {
        let mut m = map();
        let mut ids = SequentialIds::new("n");
        let mut worn = Vec::new();
        for _ in 0..PERSONA_COLOURS.len() + 1 {
            let (added, persona) = add_persona(&m, &mut ids, "New persona");
            assert_eq!(added.index, m.personas.len());
            assert_eq!(added.id, persona.id);
            assert_eq!(persona.name, "New persona");
            added.edit.apply(&mut m).unwrap();
            assert_eq!(m.personas.last(), Some(&persona));
            worn.push(persona.colour);
        }
        // The palette in order, then from its start again.
        let mut expected: Vec<String> = PERSONA_COLOURS.map(str::to_owned).to_vec();
        expected.push(PERSONA_COLOURS[0].to_owned());
        assert_eq!(worn, expected);
        let (added, _) = add_persona(&m, &mut ids, "P");
        applies_and_undoes(&mut m, added.edit);
    }

    #[test]
    fn a_new_action_follows_its_cards_actions_and_names_its_stages_first_touchpoint() {
        let mut m = map();
        let pains = lane_of(&m, LaneKind::PainPoints);
        m.cards = vec![card("c1", &pains, "s1"), card("c2", &pains, "s2")];
        let action = |id: &str, card: &str| Action {
            id: id.into(),
            card: Some(card.into()),
            ..Action::default()
        };
        m.actions = vec![action("a1", "c2"), action("a2", "c1"), action("a3", "c2")];
        let mut ids = SequentialIds::new("n");
        let named = |added: &Added| match &added.edit {
            Edit::InsertAction { action, .. } => action.clone(),
            other => panic!("{other:?}"),
        };
        // After c1's only action.
        let added = add_action(&m, &mut ids, "c1").unwrap();
        assert_eq!(added.index, 2);
        let a = named(&added);
        assert_eq!((a.id.as_str(), a.card.as_deref()), ("n1", Some("c1")));
        assert_eq!(a.touchpoint.as_deref(), Some("t1"));
        assert!(a.title.is_empty());
        // After c2's last; the stage's first touchpoint in the map's order.
        let added = add_action(&m, &mut ids, "c2").unwrap();
        assert_eq!(added.index, 3);
        assert_eq!(named(&added).touchpoint.as_deref(), Some("t2a"));
        applies_and_undoes(&mut m, added.edit);
        // A card with no actions: at the end; a stage with no touchpoint: none.
        m.touchpoints.retain(|t| t.stage != "s1");
        m.actions.retain(|a| a.card.as_deref() != Some("c1"));
        let added = add_action(&m, &mut ids, "c1").unwrap();
        assert_eq!(added.index, m.actions.len());
        assert_eq!(named(&added).touchpoint, None);
        applies_and_undoes(&mut m, added.edit);
        assert!(add_action(&m, &mut ids, "gone").is_none());
    }

    #[test]
    fn stages_and_lanes_move_by_steps_within_the_map() {
        let mut m = map();
        let (edit, to) = move_stage_by(&m, "s1", 1).unwrap();
        assert_eq!(to, 1);
        applies_and_undoes(&mut m, edit.clone());
        edit.apply(&mut m).unwrap();
        assert_eq!(m.stages[1].id, "s1");
        assert!(move_stage_by(&m, "s1", 1).is_none());
        assert!(move_stage_by(&m, "s2", -1).is_none());
        assert_eq!(move_stage_by(&m, "s1", -1).map(|(_, to)| to), Some(0));
        assert!(move_stage_by(&m, "gone", 1).is_none());
        // A hidden lane is stepped over like any other.
        let first = m.lanes[0].id.clone();
        let last = m.lanes.last().unwrap().id.clone();
        m.lanes[1].hidden = true;
        let edit = move_lane_by(&m, &first, 1).unwrap();
        assert_eq!(
            edit,
            Edit::MoveLane {
                id: first.clone(),
                to: 1
            }
        );
        applies_and_undoes(&mut m, edit);
        assert!(move_lane_by(&m, &first, -1).is_none());
        assert!(move_lane_by(&m, &last, 1).is_none());
        assert!(move_lane_by(&m, "gone", 1).is_none());
    }

    #[test]
    fn a_typed_figure_is_added_unless_the_rules_refuse_it() {
        let mut m = map();
        let good = Reading::typed(Metric::Nps, 40.0, Some(12), 5);
        let edit = add_reading(&m, "t1", good.clone()).unwrap().unwrap();
        edit.apply(&mut m).unwrap();
        assert_eq!(
            m.touchpoint("t1").unwrap().readings,
            std::slice::from_ref(&good)
        );
        let bad = Reading::typed(Metric::Nps, 300.0, None, 6);
        assert!(matches!(add_reading(&m, "t1", bad), Some(Err(_))));
        assert!(add_reading(&m, "gone", good).is_none());
    }

    #[test]
    fn taking_back_a_figure_removes_the_latest_of_that_metric_only() {
        let mut m = map();
        let t = m.touchpoints.iter_mut().find(|t| t.id == "t1").unwrap();
        t.readings = vec![
            Reading::typed(Metric::Nps, 10.0, None, 1),
            Reading::typed(Metric::Nps, 20.0, None, 2),
            Reading::typed(Metric::Reach, 500.0, None, 3),
        ];
        remove_latest_reading(&m, "t1", Metric::Nps)
            .unwrap()
            .apply(&mut m)
            .unwrap();
        let left: Vec<f64> = m
            .touchpoint("t1")
            .unwrap()
            .readings
            .iter()
            .filter_map(|r| r.value)
            .collect();
        assert_eq!(left, [10.0, 500.0]);
        assert!(remove_latest_reading(&m, "t1", Metric::Csat).is_none());
        assert!(remove_latest_reading(&m, "gone", Metric::Nps).is_none());
    }
}
