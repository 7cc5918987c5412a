//! The map the edit tests start from, and the undo/redo round trip they check.

#![cfg(test)]

use super::Edit;
use crate::core::document::model::{
    Action, Card, Channel, Classification, Emotion, JourneyMap, LaneKind, Persona, SequentialIds,
    Touchpoint,
};

pub fn map() -> JourneyMap {
    let mut ids = SequentialIds::new("i");
    let mut m = JourneyMap::blank(&mut ids, "Map", ["A", "B", "C"], 0);
    m.personas.push(Persona {
        id: "p1".into(),
        name: "Ana".into(),
        ..Persona::default()
    });
    let doing = m.lanes.iter().find(|l| l.kind == LaneKind::Doing).unwrap();
    let (lane, stage) = (doing.id.clone(), m.stages[0].id.clone());
    for (id, persona) in [("c1", None), ("c2", Some("p1".to_owned()))] {
        m.cards.push(Card {
            id: id.into(),
            lane: lane.clone(),
            stage: stage.clone(),
            persona,
            text: format!("text {id}"),
            severity: None,
            answers: None,
            ..Default::default()
        });
    }
    m.touchpoints.push(Touchpoint {
        id: "t1".into(),
        stage: stage.clone(),
        name: "Site".into(),
        channel: Channel::Website,
        classification: Classification::Critical,
        department: "Web".into(),
        readings: Vec::new(),
        legacy_metrics: None,
    });
    m.emotions.push(Emotion {
        stage,
        persona: Some("p1".into()),
        value: -1,
        future: false,
    });
    m.actions.push(Action {
        id: "a1".into(),
        title: "Fix it".into(),
        card: Some("c2".into()),
        touchpoint: Some("t1".into()),
        ..Action::default()
    });
    m
}

pub fn roundtrip(edit: Edit) {
    roundtrip_on(map(), edit);
}

pub fn roundtrip_on(original: JourneyMap, edit: Edit) {
    let mut m = original.clone();
    let done = edit.clone().apply(&mut m).expect("edit applies");
    assert_ne!(m, original, "{edit:?} changed nothing");
    let redo = done.inverse.apply(&mut m).expect("inverse applies");
    assert_eq!(m, original, "undo of {edit:?} restores the map");
    redo.inverse.apply(&mut m).expect("redo applies");
    let mut expected = original.clone();
    let described = format!("{edit:?}");
    edit.apply(&mut expected).unwrap();
    assert_eq!(m, expected, "redo of {described} gives the same map");
}

pub fn cell_texts(m: &JourneyMap, lane: &str, stage: &str) -> Vec<String> {
    m.cards
        .iter()
        .filter(|c| c.lane == lane && c.stage == stage)
        .map(|c| c.id.clone())
        .collect()
}

/// [`map`] with a pain point "pp" (stage B) and an opportunity "o1"
/// (stage C) that answers it.
pub fn linked() -> JourneyMap {
    let mut m = map();
    for (id, kind, stage, answers) in [
        ("pp", LaneKind::PainPoints, 1, None),
        ("o1", LaneKind::Opportunities, 2, Some("pp".to_owned())),
    ] {
        m.cards.push(Card {
            id: id.into(),
            lane: m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone(),
            stage: m.stages[stage].id.clone(),
            text: id.into(),
            answers,
            ..Card::default()
        });
    }
    assert!(crate::core::formats::envelope::validate(&m).is_empty());
    m
}

pub fn lane_id(m: &JourneyMap, kind: LaneKind) -> String {
    m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone()
}
