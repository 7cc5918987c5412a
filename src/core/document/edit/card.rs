//! Edits of cards (text, place, severity, the pain point an opportunity
//! answers) and the moves of a card by drag or keyboard.

use super::{and_relink, answered, detach_actions, ensure_unique, labelled, shifted, touch};
use super::{applied, misrouted, not_found, Applied, Edit, EditError, Scope};
use crate::core::document::model::{Card, JourneyMap, SEVERITY_MAX, SEVERITY_MIN};

/// A direction to move a card with the keyboard: within its cell, or to
/// the same lane at the stage before or after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardStep {
    Up,
    Down,
    PreviousStage,
    NextStage,
}

/// The edit that moves card `id` into the cell (`lane`, `stage`), just
/// before card `before` when that card is in the cell, else after the cell's
/// last card. Dropping a card on itself gives an edit that changes nothing.
pub fn move_card_to(
    map: &JourneyMap,
    id: &str,
    lane: &str,
    stage: &str,
    before: Option<&str>,
) -> Edit {
    if before == Some(id) {
        if let Some(card) = map.card(id) {
            return Edit::MoveCard {
                id: id.to_owned(),
                lane: card.lane.clone(),
                stage: card.stage.clone(),
                index: map.card_index(id).unwrap_or(0),
            };
        }
    }
    let rest: Vec<&Card> = map.cards.iter().filter(|c| c.id != id).collect();
    let in_cell = |c: &&Card| c.lane == lane && c.stage == stage;
    let before_index = before.and_then(|b| rest.iter().position(|c| c.id == b && in_cell(c)));
    let index = before_index.unwrap_or_else(|| {
        rest.iter()
            .rposition(in_cell)
            .map_or(rest.len(), |last| last + 1)
    });
    Edit::MoveCard {
        id: id.to_owned(),
        lane: lane.to_owned(),
        stage: stage.to_owned(),
        index,
    }
}

/// The edit that moves card `id` one step, among the cards shown for
/// `persona` (`None`: all), or `None` at the edge of the map or cell.
pub fn move_card_step(
    map: &JourneyMap,
    id: &str,
    persona: Option<&str>,
    step: CardStep,
) -> Option<Edit> {
    let card = map.card(id)?;
    let shown = map.cell_cards(&card.lane, &card.stage, persona);
    let at = shown.iter().position(|c| c == id)?;
    let (stage, before) = match step {
        CardStep::Up => (
            card.stage.clone(),
            Some(shown.get(at.checked_sub(1)?)?.as_str()),
        ),
        CardStep::Down => {
            shown.get(at + 1)?;
            (card.stage.clone(), shown.get(at + 2).map(String::as_str))
        }
        CardStep::PreviousStage | CardStep::NextStage => {
            let index = map.stage_index(&card.stage)?;
            let delta = if step == CardStep::NextStage { 1 } else { -1 };
            let to = shifted(index, map.stages.len(), delta)?;
            (map.stages[to].id.clone(), None)
        }
    };
    Some(move_card_to(map, id, &card.lane, &stage, before))
}

pub(super) fn apply(edit: Edit, map: &mut JourneyMap) -> Result<Applied, EditError> {
    match edit {
        Edit::InsertCard { index, card } => {
            ensure_unique(map, &card.id)?;
            let kind = map
                .lane(&card.lane)
                .ok_or_else(|| not_found("lane", &card.lane))?
                .kind;
            // As for a move: a card put in a Feeling, Touchpoints or Metrics
            // lane could not be moved back there, so a move's undo failed.
            if !kind.holds_cards() {
                return Err(not_found("card lane", &card.lane));
            }
            map.stage_index(&card.stage)
                .ok_or_else(|| not_found("stage", &card.stage))?;
            let scope = Scope::Cell {
                lane: card.lane.clone(),
                stage: card.stage.clone(),
            };
            let id = card.id.clone();
            let mut touched = vec![scope];
            touched.extend(answered([&card]));
            map.cards.insert(index.min(map.cards.len()), card);
            applied(Edit::RemoveCard(id), touched)
        }
        // Actions answering the card stay, detached (see `detach_actions`).
        Edit::RemoveCard(id) => {
            let index = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            let card = map.cards.remove(index);
            let scope = Scope::Cell {
                lane: card.lane.clone(),
                stage: card.stage.clone(),
            };
            let relink = detach_actions(map);
            let mut touched = vec![scope];
            touched.extend(answered([&card]));
            and_relink(Edit::InsertCard { index, card }, touched, relink)
        }
        Edit::MoveCard {
            id,
            lane,
            stage,
            index,
        } => {
            let from = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            let kind = map
                .lane(&lane)
                .ok_or_else(|| not_found("lane", &lane))?
                .kind;
            if !kind.holds_cards() {
                return Err(not_found("card lane", &lane));
            }
            map.stage_index(&stage)
                .ok_or_else(|| not_found("stage", &stage))?;
            let mut card = map.cards.remove(from);
            let old_lane = std::mem::replace(&mut card.lane, lane.clone());
            let old_stage = std::mem::replace(&mut card.stage, stage.clone());
            let old = Scope::Cell {
                lane: old_lane.clone(),
                stage: old_stage.clone(),
            };
            // Its label in an answering opportunity's choice names its stage.
            let restaged = (old_stage != stage).then(|| id.clone());
            let inverse = Edit::MoveCard {
                id,
                lane: old_lane,
                stage: old_stage,
                index: from,
            };
            map.cards.insert(index.min(map.cards.len()), card);
            let new = Scope::Cell { lane, stage };
            let mut touched = if new == old {
                vec![new]
            } else {
                vec![old, new]
            };
            if let Some(id) = restaged {
                touched.extend(labelled(map, |c| c.id == id));
            }
            // A pain point moved out of its lane no longer has opportunities.
            let relink = detach_actions(map);
            and_relink(inverse, touched, relink)
        }
        Edit::SetCardText { id, text } => {
            let index = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            let old = std::mem::replace(&mut map.cards[index].text, text);
            applied(
                Edit::SetCardText {
                    id: id.clone(),
                    text: old,
                },
                vec![Scope::Card(id)],
            )
        }

        Edit::SetCardSeverity { id, severity } => {
            if let Some(v) = severity {
                if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&v) {
                    return Err(EditError::BadSeverity(v));
                }
            }
            let index = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            let old = std::mem::replace(&mut map.cards[index].severity, severity);
            applied(
                Edit::SetCardSeverity {
                    id: id.clone(),
                    severity: old,
                },
                vec![Scope::Card(id)],
            )
        }
        Edit::SetCardScores { id, scores } => {
            if let Some(v) = scores.out_of_range() {
                return Err(EditError::BadScore(v));
            }
            let index = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            let card = &mut map.cards[index];
            let old = card.scores();
            card.customer_value = scores.customer_value;
            card.business_value = scores.business_value;
            card.effort = scores.effort;
            applied(
                Edit::SetCardScores {
                    id: id.clone(),
                    scores: old,
                },
                vec![Scope::Card(id)],
            )
        }
        Edit::SetCardAnswers { id, answers } => {
            let index = map.card_index(&id).ok_or_else(|| not_found("card", &id))?;
            if let Some(p) = &answers {
                if !map.card(p).is_some_and(|c| map.is_pain_point(c)) {
                    return Err(not_found("pain point card", p));
                }
            }
            let old = std::mem::replace(&mut map.cards[index].answers, answers.clone());
            // This card, and the pain points whose opportunity counts change.
            let mut touched = vec![Scope::Card(id.clone())];
            for p in old.iter().chain(answers.iter()) {
                touch(&mut touched, Scope::Card(p.clone()));
            }
            applied(Edit::SetCardAnswers { id, answers: old }, touched)
        }
        other => misrouted(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::fixtures::*;
    use crate::core::document::model::{LaneKind, Persona};

    #[test]
    fn a_card_moves_before_another_or_to_the_end_of_a_cell() {
        let mut m = map();
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let lane = m
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Doing)
            .unwrap()
            .id
            .clone();
        for id in ["a", "b", "c"] {
            m.cards.push(Card {
                id: id.into(),
                lane: lane.clone(),
                stage: s1.clone(),
                persona: None,
                text: id.into(),
                severity: None,
                answers: None,
                ..Default::default()
            });
        }
        let original = m.clone();
        // Before another card of the cell.
        let done = move_card_to(&m, "c", &lane, &s1, Some("a"))
            .apply(&mut m)
            .unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["c", "a", "b"]);
        assert_eq!(done.touched.len(), 1, "one cell changed");
        done.inverse.apply(&mut m).unwrap();
        assert_eq!(m, original);
        // To another stage: after that cell's cards.
        let done = move_card_to(&m, "a", &lane, &s0, None)
            .apply(&mut m)
            .unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "c"]);
        assert_eq!(m.card("a").unwrap().stage, s0);
        assert_eq!(done.touched.len(), 2, "both cells are told");
        done.inverse.apply(&mut m).unwrap();
        assert_eq!(m, original);
        // Dropped on itself: nothing changes.
        move_card_to(&m, "b", &lane, &s1, Some("b"))
            .apply(&mut m)
            .unwrap();
        assert_eq!(m, original);
        // A `before` card from another cell is ignored: the end of the cell.
        move_card_to(&m, "a", &lane, &s1, Some("c1"))
            .apply(&mut m)
            .unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "c", "a"]);
    }

    #[test]
    fn keyboard_steps_move_a_card_among_the_shown_ones_and_stop_at_edges() {
        let mut m = map();
        let s1 = m.stages[1].id.clone();
        let lane = m
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Doing)
            .unwrap()
            .id
            .clone();
        for (id, persona) in [("a", None), ("b", Some("p1")), ("c", None)] {
            m.cards.push(Card {
                id: id.into(),
                lane: lane.clone(),
                stage: s1.clone(),
                persona: persona.map(str::to_owned),
                text: id.into(),
                severity: None,
                answers: None,
                ..Default::default()
            });
        }
        let step = |m: &mut JourneyMap, id: &str, persona: Option<&str>, s: CardStep| {
            let edit = move_card_step(m, id, persona, s)?;
            edit.apply(m).ok()
        };
        assert!(
            step(&mut m, "a", None, CardStep::Up).is_none(),
            "already first"
        );
        step(&mut m, "a", None, CardStep::Down).unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "a", "c"]);
        step(&mut m, "a", None, CardStep::Down).unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "c", "a"]);
        assert!(
            step(&mut m, "a", None, CardStep::Down).is_none(),
            "already last"
        );
        // Seen by another persona, "b" is not shown: "a" jumps over "c" only.
        m.personas.push(Persona {
            id: "p2".into(),
            name: "Other".into(),
            ..Persona::default()
        });
        step(&mut m, "a", Some("p2"), CardStep::Up).unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "a", "c"]);
        // Across stages, to the end of the neighbour cell.
        step(&mut m, "a", None, CardStep::NextStage).unwrap();
        assert_eq!(m.card("a").unwrap().stage, m.stages[2].id);
        assert!(
            step(&mut m, "a", None, CardStep::NextStage).is_none(),
            "last stage"
        );
        step(&mut m, "a", None, CardStep::PreviousStage).unwrap();
        assert_eq!(cell_texts(&m, &lane, &s1), ["b", "c", "a"]);
    }

    #[test]
    fn a_card_cannot_move_to_a_lane_without_cards_or_nowhere() {
        let mut m = map();
        let original = m.clone();
        let feeling = m
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Feeling)
            .unwrap()
            .id
            .clone();
        let s0 = m.stages[0].id.clone();
        let lane = m
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Doing)
            .unwrap()
            .id
            .clone();
        for edit in [
            move_card_to(&m, "c1", &feeling, &s0, None),
            move_card_to(&m, "c1", "nope", &s0, None),
            move_card_to(&m, "c1", &lane, "nope", None),
            move_card_to(&m, "ghost", &lane, &s0, None),
        ] {
            assert!(edit.apply(&mut m).is_err());
            assert_eq!(m, original);
        }
    }

    #[test]
    fn an_opportunity_answers_a_pain_point_and_undo_unlinks_it() {
        let mut original = linked();
        original.cards[3].answers = None;
        roundtrip_on(
            original.clone(),
            Edit::SetCardAnswers {
                id: "o1".into(),
                answers: Some("pp".into()),
            },
        );
        roundtrip_on(
            linked(),
            Edit::SetCardAnswers {
                id: "o1".into(),
                answers: None,
            },
        );
        let mut m = original.clone();
        let done = Edit::SetCardAnswers {
            id: "o1".into(),
            answers: Some("pp".into()),
        }
        .apply(&mut m)
        .unwrap();
        // The opportunity and the pain point whose count changes; nothing else.
        assert_eq!(
            done.touched,
            vec![Scope::Card("o1".into()), Scope::Card("pp".into())]
        );
        // Only a pain point card of the map can be answered.
        for (id, answers) in [("o1", "ghost"), ("o1", "c1"), ("ghost", "pp")] {
            let mut m = original.clone();
            let edit = Edit::SetCardAnswers {
                id: id.into(),
                answers: Some(answers.into()),
            };
            assert!(edit.clone().apply(&mut m).is_err(), "{edit:?}");
            assert_eq!(m, original);
        }
    }

    #[test]
    fn removing_a_pain_point_detaches_its_opportunities_and_undo_links_them_again() {
        let original = linked();
        let pains = lane_id(&original, LaneKind::PainPoints);
        let doing = lane_id(&original, LaneKind::Doing);
        let s1 = original.stages[1].id.clone();
        for edit in [
            Edit::RemoveCard("pp".into()),
            Edit::RemoveStage(s1.clone()),
            Edit::RemoveLane(pains),
            // Out of the Pain points lane, it is no longer a pain point.
            move_card_to(&original, "pp", &doing, &s1, None),
        ] {
            let mut m = original.clone();
            let done = edit.clone().apply(&mut m).unwrap();
            let o1 = m.card("o1").expect("the opportunity stays");
            assert_eq!(o1.answers, None, "{edit:?}");
            assert!(
                crate::core::formats::envelope::validate(&m).is_empty(),
                "{edit:?}"
            );
            assert!(done.touched.contains(&Scope::Card("o1".into())), "{edit:?}");
            let undone = done.inverse.apply(&mut m).unwrap();
            assert_eq!(m, original, "undo of {edit:?}");
            assert!(
                undone.touched.contains(&Scope::Card("pp".into())),
                "{edit:?}"
            );
        }
        // Removing the opportunity (or bringing it back) tells its pain point.
        let mut m = original.clone();
        let done = Edit::RemoveCard("o1".into()).apply(&mut m).unwrap();
        assert!(done.touched.contains(&Scope::Card("pp".into())));
        let undone = done.inverse.apply(&mut m).unwrap();
        assert!(undone.touched.contains(&Scope::Card("pp".into())));
        assert_eq!(m, original);
    }

    #[test]
    fn typing_in_a_card_touches_only_that_card() {
        let mut m = map();
        let done = Edit::SetCardText {
            id: "c1".into(),
            text: "hello".into(),
        }
        .apply(&mut m)
        .unwrap();
        assert_eq!(done.touched, vec![Scope::Card("c1".into())]);
    }
}
