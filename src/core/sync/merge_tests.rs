//! The merge, on hand-made stories and on random edits of two copies.

use proptest::prelude::*;

use super::*;
use crate::core::document::edit::Edit;
use crate::core::document::model::{
    Card, Channel, Classification, JourneyMap, Metric, Reading, SequentialIds, Stage, Touchpoint,
};

/// The map both copies start from, as saved once by replica "o".
fn origin() -> JourneyMap {
    let blank = JourneyMap::blank(&mut SequentialIds::new("o"), "Map", ["A", "B", "C"], 0);
    let mut map = blank.clone();
    let lane = map.lanes[1].id.clone();
    for (i, stage) in blank.stages.iter().enumerate() {
        map.cards.push(card(
            &format!("c{i}"),
            &lane,
            &stage.id,
            &format!("card {i}"),
        ));
        map.touchpoints
            .push(touchpoint(&format!("t{i}"), &stage.id));
    }
    let mut recorded = map.clone();
    record(&blank, &mut recorded, "o");
    recorded
}

fn card(id: &str, lane: &str, stage: &str, text: &str) -> Card {
    Card {
        id: id.into(),
        lane: lane.into(),
        stage: stage.into(),
        persona: None,
        text: text.into(),
        severity: None,
        answers: None,
        ..Default::default()
    }
}

fn touchpoint(id: &str, stage: &str) -> Touchpoint {
    Touchpoint {
        id: id.into(),
        stage: stage.into(),
        name: format!("touchpoint {id}"),
        channel: Channel::Website,
        classification: Classification::Complementary,
        department: String::new(),
        readings: Vec::new(),
        legacy_metrics: None,
    }
}

/// `map` after `edits`, recorded by `replica`.
fn edit(map: &JourneyMap, replica: &str, edits: Vec<Edit>) -> JourneyMap {
    let mut next = map.clone();
    for e in edits {
        e.apply(&mut next).expect("a valid edit");
    }
    record(map, &mut next, replica);
    next
}

fn stage_id(map: &JourneyMap, i: usize) -> String {
    map.stages[i].id.clone()
}

fn rename(map: &JourneyMap, i: usize, name: &str) -> Edit {
    Edit::RenameStage {
        id: stage_id(map, i),
        name: name.into(),
    }
}

fn move_stage(map: &JourneyMap, from: usize, to: usize) -> Edit {
    Edit::MoveStage {
        id: stage_id(map, from),
        to,
    }
}

/// The map as the screen shows it: items of different cells may come in
/// any order in the file.
fn canonical(map: &JourneyMap) -> JourneyMap {
    let mut map = map.clone();
    map.cards
        .sort_by(|a, b| (&a.lane, &a.stage, &a.persona).cmp(&(&b.lane, &b.stage, &b.persona)));
    map.touchpoints.sort_by(|a, b| a.stage.cmp(&b.stage));
    map.emotions
        .sort_by(|a, b| (&a.stage, &a.persona, a.future).cmp(&(&b.stage, &b.persona, b.future)));
    map
}

#[test]
fn edits_of_different_items_are_combined_both_ways() {
    let o = origin();
    let ours = edit(&o, "a", vec![rename(&o, 0, "Discover")]);
    let theirs = edit(
        &o,
        "b",
        vec![Edit::InsertTouchpoint {
            index: 3,
            touchpoint: touchpoint("t9", &stage_id(&o, 1)),
        }],
    );
    for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(x, y).unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        assert_eq!(m.map.stages[0].name, "Discover");
        assert!(m.map.touchpoints.iter().any(|t| t.id == "t9"));
        assert_eq!(m.map.sync.clock["a"], 1);
        assert_eq!(m.map.sync.clock["b"], 1);
    }
    assert_eq!(m_map(&ours, &theirs), m_map(&theirs, &ours));
    assert_eq!(merge(&ours, &theirs).unwrap().from_theirs, 1);
}

fn m_map(a: &JourneyMap, b: &JourneyMap) -> JourneyMap {
    canonical(&merge(a, b).unwrap().map)
}

#[test]
fn merging_a_copy_with_itself_changes_nothing() {
    let o = origin();
    let ours = edit(
        &o,
        "a",
        vec![rename(&o, 2, "Use"), Edit::RemoveCard("c1".into())],
    );
    let m = merge(&ours, &ours).unwrap();
    assert_eq!(m.map, ours);
    assert!(m.conflicts.is_empty());
    assert_eq!(m.from_theirs, 0);
}

#[test]
fn the_newer_copy_wins_without_asking() {
    let o = origin();
    let ours = edit(&o, "a", vec![rename(&o, 0, "First")]);
    // They received our copy, then renamed again.
    let theirs = edit(&ours, "b", vec![rename(&ours, 0, "Second")]);
    for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(x, y).unwrap();
        assert!(m.conflicts.is_empty());
        assert_eq!(m.map.stages[0].name, "Second");
    }
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_the_user_settles() {
    let o = origin();
    let ours = edit(&o, "a", vec![rename(&o, 1, "Ours")]);
    let theirs = edit(
        &o,
        "b",
        vec![rename(&o, 1, "Theirs"), rename(&o, 2, "Only theirs")],
    );
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.item, format!("stage/{}", stage_id(&o, 1)));
    assert_eq!(c.label, "Ours");
    assert_eq!(c.shown(), Side::Ours);
    assert_eq!(
        c.kind,
        ConflictKind::Field {
            field: "name".into(),
            ours: "Ours".into(),
            theirs: "Theirs".into()
        }
    );
    // Shown meanwhile: ours, with everything else merged.
    assert_eq!(m.map.stages[1].name, "Ours");
    assert_eq!(m.map.stages[2].name, "Only theirs");

    let took_theirs = resolve(&m, &[Side::Theirs], "a").unwrap();
    assert_eq!(took_theirs.stages[1].name, "Theirs");
    let kept_ours = resolve(&m, &[Side::Ours], "a").unwrap();
    assert_eq!(kept_ours.stages[1].name, "Ours");

    // The choice is final: merging either copy again asks nothing more.
    for resolved in [&took_theirs, &kept_ours] {
        for copy in [&ours, &theirs] {
            let again = merge(resolved, copy).unwrap();
            assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
            assert_eq!(again.map.stages[1].name, resolved.stages[1].name);
            let back = merge(copy, resolved).unwrap();
            assert!(back.conflicts.is_empty());
            assert_eq!(back.map.stages[1].name, resolved.stages[1].name);
        }
    }
}

#[test]
fn a_deletion_seen_by_nobody_else_is_taken() {
    let o = origin();
    let ours = edit(&o, "a", vec![Edit::RemoveCard("c0".into())]);
    for (x, y) in [(&ours, &o), (&o, &ours)] {
        let m = merge(x, y).unwrap();
        assert!(m.conflicts.is_empty());
        assert!(!m.map.cards.iter().any(|c| c.id == "c0"));
        assert!(m.map.sync.removed.contains_key("card/c0"));
    }
}

#[test]
fn deleted_here_and_changed_there_asks_and_keeps_meanwhile() {
    let o = origin();
    let ours = edit(&o, "a", vec![Edit::RemoveCard("c0".into())]);
    let theirs = edit(
        &o,
        "b",
        vec![Edit::SetCardText {
            id: "c0".into(),
            text: "still needed".into(),
        }],
    );
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(
        m.conflicts[0].kind,
        ConflictKind::Removed {
            removed_in: Side::Ours
        }
    );
    assert_eq!(m.conflicts[0].shown(), Side::Theirs);
    assert_eq!(m.conflicts[0].label, "still needed");
    assert!(m.map.cards.iter().any(|c| c.text == "still needed"));
    let deleted = resolve(&m, &[Side::Ours], "a").unwrap();
    assert!(!deleted.cards.iter().any(|c| c.id == "c0"));
    let kept = resolve(&m, &[Side::Theirs], "a").unwrap();
    assert!(kept.cards.iter().any(|c| c.id == "c0"));
    for resolved in [&deleted, &kept] {
        assert!(merge(resolved, &theirs).unwrap().conflicts.is_empty());
        assert!(merge(&ours, resolved).unwrap().conflicts.is_empty());
    }
}

#[test]
fn a_stage_deleted_while_the_other_copy_added_to_it_is_kept_until_the_user_says() {
    let o = origin();
    let stage = stage_id(&o, 2);
    let ours = edit(&o, "a", vec![Edit::RemoveStage(stage.clone())]);
    let lane = o.lanes[1].id.clone();
    let theirs = edit(
        &o,
        "b",
        vec![Edit::InsertCard {
            index: 0,
            card: card("new", &lane, &stage, "added there"),
        }],
    );
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].item, format!("stage/{stage}"));
    assert!(m.map.stages.iter().any(|s| s.id == stage));
    assert!(m.map.cards.iter().any(|c| c.id == "new"));
    // The stage's own cards we deleted with it stay deleted.
    assert!(!m.map.cards.iter().any(|c| c.id == "c2"));
    let removed = resolve(&m, &[Side::Ours], "a").unwrap();
    assert!(!removed.stages.iter().any(|s| s.id == stage));
    assert!(
        !removed.cards.iter().any(|c| c.id == "new"),
        "its cards go with it"
    );
    assert!(!removed.touchpoints.iter().any(|t| t.stage == stage));
}

#[test]
fn a_moved_stage_and_a_stage_added_elsewhere_both_survive() {
    let o = origin();
    let ours = edit(&o, "a", vec![move_stage(&o, 0, 2)]);
    let theirs = edit(
        &o,
        "b",
        vec![Edit::InsertStage {
            index: 2,
            stage: Stage {
                id: "s9".into(),
                name: "Between B and C".into(),
                journey: String::new(),
            },
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
        }],
    );
    for (x, y) in [(&ours, &theirs), (&theirs, &ours)] {
        let m = merge(x, y).unwrap();
        assert!(m.conflicts.is_empty());
        let names: Vec<&str> = m.map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["B", "Between B and C", "C", "A"]);
    }
}

#[test]
fn two_different_reorders_are_a_conflict() {
    let o = origin();
    let ours = edit(&o, "a", vec![move_stage(&o, 0, 2)]);
    let theirs = edit(&o, "b", vec![move_stage(&o, 2, 0)]);
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(matches!(m.conflicts[0].kind, ConflictKind::Order { .. }));
    let names = |map: &JourneyMap| {
        map.stages
            .iter()
            .map(|s| s.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&m.map), ["B", "C", "A"]);
    let theirs_order = resolve(&m, &[Side::Theirs], "a").unwrap();
    assert_eq!(names(&theirs_order), ["C", "A", "B"]);
    assert!(merge(&theirs_order, &ours).unwrap().conflicts.is_empty());
}

#[test]
fn readings_imported_on_both_sides_are_all_kept() {
    let o = origin();
    let reading = |at: i64, value: f64| Reading {
        metric: Metric::Reach,
        at,
        source: Some("export.csv".into()),
        scale: None,
        answers: Vec::new(),
        value: Some(value),
        n: None,
        personas: Vec::new(),
    };
    let with = |map: &JourneyMap, r: Reading| {
        let mut t = map.touchpoints[0].clone();
        t.readings.push(r);
        Edit::UpdateTouchpoint(t)
    };
    let ours = edit(&o, "a", vec![with(&o, reading(20, 200.0))]);
    let theirs = edit(&o, "b", vec![with(&o, reading(10, 100.0))]);
    let m = merge(&ours, &theirs).unwrap();
    assert!(m.conflicts.is_empty());
    let values: Vec<f64> = m.map.touchpoints[0]
        .readings
        .iter()
        .filter_map(|r| r.value)
        .collect();
    assert_eq!(values, [100.0, 200.0]);
}

#[test]
fn maps_without_history_ask_about_every_difference() {
    // Two copies from before version 3: nothing says who changed what.
    let mut ours = origin();
    ours.sync = SyncState::default();
    let mut theirs = ours.clone();
    ours.stages[0].name = "Ours".into();
    theirs.stages[0].name = "Theirs".into();
    theirs.cards[1].text = "changed".into();
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 2);
}

#[test]
fn different_maps_are_not_merged() {
    let mut other = origin();
    other.id = "else".into();
    assert_eq!(merge(&origin(), &other), Err(MergeError::NotTheSameMap));
}

#[test]
fn version_4_fields_changed_on_each_side_merge_without_a_question() {
    let o = origin();
    let action = crate::core::document::model::Action {
        id: "a1".into(),
        title: "Fix".into(),
        card: Some("c0".into()),
        ..Default::default()
    };
    let o = edit(
        &o,
        "o",
        vec![Edit::InsertAction {
            index: 0,
            action: action.clone(),
        }],
    );
    let a = edit(
        &o,
        "a",
        vec![
            Edit::SetCardSeverity {
                id: "c0".into(),
                severity: Some(3),
            },
            Edit::SetBasedOn(Some("current".into())),
        ],
    );
    let done = action.with_status(crate::core::document::model::ActionStatus::Done, 99);
    let b = edit(&o, "b", vec![Edit::UpdateAction(done.clone())]);
    let m = merge(&a, &b).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.map.cards[0].severity, Some(3));
    assert_eq!(m.map.based_on.as_deref(), Some("current"));
    assert_eq!(m.map.actions, [done]);
    // Both sides rating the same pain point differently is a question.
    let b2 = edit(
        &o,
        "b",
        vec![Edit::SetCardSeverity {
            id: "c0".into(),
            severity: Some(1),
        }],
    );
    let m = merge(&a, &b2).unwrap();
    assert_eq!(m.conflicts.len(), 1);
}

#[test]
fn a_stage_link_merges_as_a_field_of_the_stage() {
    let o = origin();
    let s = o.stages[0].id.clone();
    // One side links the stage, the other renames it: both are kept.
    let a = edit(
        &o,
        "a",
        vec![Edit::LinkStage {
            id: s.clone(),
            journey: "delivery".into(),
        }],
    );
    let b = edit(&o, "b", vec![rename(&o, 0, "Livraison")]);
    let m = merge(&a, &b).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(
        (
            m.map.stages[0].journey.as_str(),
            m.map.stages[0].name.as_str()
        ),
        ("delivery", "Livraison")
    );
    // Two different links on the same stage are a question.
    let b2 = edit(
        &o,
        "b",
        vec![Edit::LinkStage {
            id: s,
            journey: "returns".into(),
        }],
    );
    let m = merge(&a, &b2).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(
        matches!(&m.conflicts[0].kind, ConflictKind::Field { field, .. } if field == "journey"),
        "{:?}",
        m.conflicts
    );
}

#[test]
fn the_owner_merges_as_a_field_of_the_map() {
    let o = origin();
    // One side names the owner, the other renames the map: both are kept.
    let a = edit(&o, "a", vec![Edit::SetOwner("Équipe livraison".into())]);
    let b = edit(&o, "b", vec![Edit::SetTitle("Livraison".into())]);
    let m = merge(&a, &b).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(
        (m.map.owner.as_str(), m.map.title.as_str()),
        ("Équipe livraison", "Livraison")
    );
    // Two owners named on both sides are a question.
    let b2 = edit(&o, "b", vec![Edit::SetOwner("Service client".into())]);
    let m = merge(&a, &b2).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert!(matches!(&m.conflicts[0].kind, ConflictKind::Field { field, .. } if field == "owner"));
}

#[test]
fn scores_given_on_each_side_are_merged_field_by_field() {
    use crate::core::document::model::Scores;
    let o = origin();
    let scores = |c, b, e| Scores {
        customer_value: c,
        business_value: b,
        effort: e,
    };
    // One side scores the value to the customer, the other the effort
    // afterwards, each from what they saw: both are kept.
    let a = edit(
        &o,
        "a",
        vec![Edit::SetCardScores {
            id: "c0".into(),
            scores: scores(Some(5), None, None),
        }],
    );
    let b = edit(
        &o,
        "b",
        vec![Edit::SetCardScores {
            id: "c0".into(),
            scores: scores(None, Some(2), Some(4)),
        }],
    );
    let m = merge(&a, &b).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.map.cards[0].scores(), scores(Some(5), Some(2), Some(4)));
    assert_eq!(
        merge(&b, &a).unwrap().map.cards[0].scores(),
        m.map.cards[0].scores()
    );
    // The same score changed differently on both sides is a question.
    let b2 = edit(
        &o,
        "b",
        vec![Edit::SetCardScores {
            id: "c0".into(),
            scores: scores(Some(1), None, None),
        }],
    );
    assert_eq!(merge(&a, &b2).unwrap().conflicts.len(), 1);
}

#[test]
fn an_opportunity_linked_here_to_a_pain_point_deleted_there_asks_and_resolves_valid() {
    let o = origin();
    let lane = |kind| o.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone();
    let (pains, opportunities) = (
        lane(crate::core::document::model::LaneKind::PainPoints),
        lane(crate::core::document::model::LaneKind::Opportunities),
    );
    let stage = stage_id(&o, 0);
    let o = edit(
        &o,
        "o",
        vec![
            Edit::InsertCard {
                index: 0,
                card: card("pp", &pains, &stage, "Long queue"),
            },
            Edit::InsertCard {
                index: 0,
                card: card("op", &opportunities, &stage, "Book online"),
            },
        ],
    );
    let link = Edit::SetCardAnswers {
        id: "op".into(),
        answers: Some("pp".into()),
    };
    let ours = edit(&o, "a", vec![link]);
    let theirs = edit(&o, "b", vec![Edit::RemoveCard("pp".into())]);
    // Linked on one side only: the link is taken.
    let m = merge(&ours, &o).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert_eq!(m.map.card("op").unwrap().answers.as_deref(), Some("pp"));
    // Linked here, the pain point deleted there: kept until the user says.
    let m = merge(&ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.map.card("pp").is_some());
    let removed = resolve(&m, &[Side::Theirs], "a").unwrap();
    assert!(removed.card("pp").is_none());
    assert_eq!(removed.card("op").unwrap().answers, None, "the link is cut");
    let kept = resolve(&m, &[Side::Ours], "a").unwrap();
    assert_eq!(kept.card("op").unwrap().answers.as_deref(), Some("pp"));
}

// Random edits of two copies.

#[derive(Clone, Debug)]
enum Op {
    Title(u8),
    RenameStage(u8, u8),
    CardText(u8, u8),
    AddCard(u8, u8),
    RemoveCard(u8),
    AddStage(u8),
    RemoveStage(u8),
    MoveStage(u8, u8),
    TouchpointName(u8, u8),
    Emotion(u8, i8),
    Severity(u8, u8),
    BasedOn(u8),
    Owner(u8),
    LinkStage(u8, u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<u8>().prop_map(Op::Title),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::RenameStage(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::CardText(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::AddCard(a, b)),
        any::<u8>().prop_map(Op::RemoveCard),
        any::<u8>().prop_map(Op::AddStage),
        any::<u8>().prop_map(Op::RemoveStage),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::MoveStage(a, b)),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::TouchpointName(a, b)),
        (any::<u8>(), -2i8..=2).prop_map(|(a, v)| Op::Emotion(a, v)),
        (any::<u8>(), 1u8..=3).prop_map(|(a, v)| Op::Severity(a, v)),
        any::<u8>().prop_map(Op::BasedOn),
        any::<u8>().prop_map(Op::Owner),
        (any::<u8>(), any::<u8>()).prop_map(|(a, v)| Op::LinkStage(a, v)),
    ]
}

/// The edit `op` stands for on `map`, if it applies; `who` and `n` make new
/// ids and values unique to a copy.
fn to_edit(map: &JourneyMap, op: &Op, who: &str, n: usize) -> Option<Edit> {
    let pick = |len: usize, i: u8| (len > 0).then(|| i as usize % len);
    let text = |v: u8| format!("{who}{}", v % 3);
    Some(match *op {
        Op::Title(v) => Edit::SetTitle(text(v)),
        Op::RenameStage(i, v) => rename(map, pick(map.stages.len(), i)?, &text(v)),
        Op::CardText(i, v) => Edit::SetCardText {
            id: map.cards[pick(map.cards.len(), i)?].id.clone(),
            text: text(v),
        },
        Op::AddCard(s, v) => Edit::InsertCard {
            index: v as usize % (map.cards.len() + 1),
            card: card(
                &format!("{who}c{n}"),
                &map.lanes[1].id,
                &map.stages[pick(map.stages.len(), s)?].id,
                &text(v),
            ),
        },
        Op::RemoveCard(i) => Edit::RemoveCard(map.cards[pick(map.cards.len(), i)?].id.clone()),
        Op::AddStage(i) => Edit::InsertStage {
            index: i as usize % (map.stages.len() + 1),
            stage: Stage {
                id: format!("{who}s{n}"),
                name: format!("{who}{n}"),
                journey: String::new(),
            },
            cards: Vec::new(),
            touchpoints: Vec::new(),
            emotions: Vec::new(),
        },
        Op::RemoveStage(i) if map.stages.len() > 1 => {
            Edit::RemoveStage(stage_id(map, pick(map.stages.len(), i)?))
        }
        Op::RemoveStage(_) => return None,
        Op::MoveStage(i, to) => Edit::MoveStage {
            id: stage_id(map, pick(map.stages.len(), i)?),
            to: to as usize % map.stages.len(),
        },
        Op::TouchpointName(i, v) => {
            let mut t = map.touchpoints[pick(map.touchpoints.len(), i)?].clone();
            t.name = text(v);
            Edit::UpdateTouchpoint(t)
        }
        Op::Emotion(i, v) => Edit::SetEmotion {
            stage: stage_id(map, pick(map.stages.len(), i)?),
            persona: None,
            future: false,
            value: Some(v),
        },
        Op::Severity(i, v) => Edit::SetCardSeverity {
            id: map.cards[pick(map.cards.len(), i)?].id.clone(),
            severity: Some(v),
        },
        Op::BasedOn(v) => Edit::SetBasedOn(Some(text(v))),
        Op::Owner(v) => Edit::SetOwner(text(v)),
        Op::LinkStage(i, v) => Edit::LinkStage {
            id: stage_id(map, pick(map.stages.len(), i)?),
            journey: text(v),
        },
    })
}

/// Apply `ops` to a copy of `map` as `who`, recording after each one (as
/// the app does at each save).
fn play(map: &JourneyMap, who: &str, ops: &[Op]) -> JourneyMap {
    let mut current = map.clone();
    for (n, op) in ops.iter().enumerate() {
        if let Some(e) = to_edit(&current, op, who, n) {
            let mut next = current.clone();
            if e.apply(&mut next).is_ok() {
                record(&current, &mut next, who);
                current = next;
            }
        }
    }
    current
}

/// Every (item key, field) → value of a map, and its item keys.
fn fields_of(map: &JourneyMap) -> std::collections::HashMap<(String, String), serde_json::Value> {
    let mut all = std::collections::HashMap::new();
    for c in Collection::ALL {
        for item in c.items(map) {
            for (f, v) in item.fields {
                all.insert((item.key.clone(), f), v);
            }
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merge_is_idempotent(ops in prop::collection::vec(op(), 0..12)) {
        let a = play(&origin(), "a", &ops);
        let m = merge(&a, &a).unwrap();
        prop_assert!(m.conflicts.is_empty());
        prop_assert_eq!(m.map, a);
    }

    #[test]
    fn merge_is_commutative_without_conflicts(
        ops_a in prop::collection::vec(op(), 0..10),
        ops_b in prop::collection::vec(op(), 0..10),
    ) {
        let o = origin();
        let (a, b) = (play(&o, "a", &ops_a), play(&o, "b", &ops_b));
        let ab = merge(&a, &b).unwrap();
        let ba = merge(&b, &a).unwrap();
        prop_assert_eq!(ab.conflicts.len(), ba.conflicts.len());
        if ab.conflicts.is_empty() {
            prop_assert_eq!(canonical(&ab.map), canonical(&ba.map));
        }
    }

    #[test]
    fn no_edit_is_lost_and_a_settled_merge_stays_settled(
        ops_a in prop::collection::vec(op(), 0..10),
        ops_b in prop::collection::vec(op(), 0..10),
        take_theirs in any::<bool>(),
    ) {
        let o = origin();
        let (a, b) = (play(&o, "a", &ops_a), play(&o, "b", &ops_b));
        let m = merge(&a, &b).unwrap();
        let merged = fields_of(&m.map);
        let base = fields_of(&o);
        let in_conflict = |key: &str| m.conflicts.iter().any(|c| c.item == key);
        for (side, other) in [(&a, &b), (&b, &a)] {
            let mine = fields_of(side);
            let theirs = fields_of(other);
            for (slot, value) in &mine {
                let changed_here = base.get(slot) != Some(value);
                let untouched_there = theirs.get(slot) == base.get(slot);
                // A field only this copy changed, on an item the other kept
                // as it was: the merge holds this copy's value, or asks.
                if changed_here && untouched_there && theirs.contains_key(slot) {
                    prop_assert!(
                        merged.get(slot) == Some(value) || in_conflict(&slot.0),
                        "{:?} lost: {:?} became {:?}", slot, value, merged.get(slot)
                    );
                }
                // An item only this copy has and the other never saw.
                if !base.contains_key(slot) && !other.sync.removed.contains_key(&slot.0) {
                    prop_assert!(merged.contains_key(slot), "{:?} dropped", slot);
                }
            }
        }
        // Settle every conflict one way: the result is final for both copies.
        let choices: Vec<Side> = m.conflicts.iter()
            .map(|_| if take_theirs { Side::Theirs } else { Side::Ours })
            .collect();
        let settled = resolve(&m, &choices, "a").unwrap();
        for copy in [&a, &b] {
            let again = merge(&settled, copy).unwrap();
            prop_assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
            prop_assert_eq!(canonical(&again.map), canonical(&settled));
        }
    }
}
