//! What each [`Scope`] shows, as the components subscribed to it read the
//! map (`session.read(Scope::X, …)` and `session.track(Scope::X)` in
//! `src/ui`), and the property that keeps `touched` honest: whenever an edit
//! changes what a scope shows, the edit names that scope (or `Scope::All`).
//! A scope missing from `touched` is a part of the screen left stale.

use proptest::prelude::*;
use serde_json::{json, Value};

use super::fixtures::linked;
use super::{Edit, Scope};
use crate::core::document::branding::Branding;
use crate::core::document::comment;
use crate::core::document::model::{
    Action, ActionStatus, Card, Channel, Classification, JourneyMap, MapKind, Persona, Scales,
    Touchpoint,
};
use crate::core::document::opportunity::{opportunities_of, pain_point_label};

/// Every scope `map` has: the map-level ones and one per item, cell, stage's
/// touchpoints.
fn scopes(map: &JourneyMap) -> Vec<Scope> {
    let mut all = vec![
        Scope::Meta,
        Scope::Stages,
        Scope::Lanes,
        Scope::Emotions,
        Scope::Scales,
        Scope::Branding,
        Scope::Personas,
        Scope::Actions,
        Scope::Comments,
    ];
    for s in &map.stages {
        all.push(Scope::Stage(s.id.clone()));
        all.push(Scope::StageTouchpoints(s.id.clone()));
        for l in &map.lanes {
            all.push(Scope::Cell {
                lane: l.id.clone(),
                stage: s.id.clone(),
            });
        }
    }
    all.extend(map.lanes.iter().map(|l| Scope::Lane(l.id.clone())));
    all.extend(map.cards.iter().map(|c| Scope::Card(c.id.clone())));
    all.extend(
        map.touchpoints
            .iter()
            .map(|t| Scope::Touchpoint(t.id.clone())),
    );
    all.extend(map.personas.iter().map(|p| Scope::Persona(p.id.clone())));
    all.extend(map.actions.iter().map(|a| Scope::Action(a.id.clone())));
    all
}

/// What the components subscribed to `scope` read of `map`; `None` when
/// the scope's item (or cell) is not in the map, so no component shows it
/// (its parent list, told by its own scope, adds or drops it).
fn view(map: &JourneyMap, scope: &Scope) -> Option<String> {
    let value: Value = match scope {
        // Toolbar title and kind, the description, the future-state link.
        Scope::Meta => json!([map.title, map.kind, map.description, map.based_on]),
        // The grid's stage columns; a stage header's place and the count.
        Scope::Stages => json!(map.stages.iter().map(|s| &s.id).collect::<Vec<_>>()),
        Scope::Stage(id) => {
            let s = map.stages.iter().find(|s| &s.id == id)?;
            json!([s.name, s.journey])
        }
        // The grid's visible rows, the line of visibility (kinds and order),
        // and the hidden lanes' list with their titles and kinds.
        Scope::Lanes => json!(map
            .lanes
            .iter()
            .map(|l| {
                let title = if l.hidden { l.title.as_str() } else { "" };
                json!([l.id, l.kind, l.hidden, title])
            })
            .collect::<Vec<_>>()),
        Scope::Lane(id) => json!(map.lane(id)?.title),
        // A cell lists its cards, filtered by the persona shown.
        Scope::Cell { lane, stage } => {
            map.lane(lane)?;
            map.stage_index(stage)?;
            json!(map
                .cards
                .iter()
                .filter(|c| &c.lane == lane && &c.stage == stage)
                .map(|c| json!([c.id, c.persona]))
                .collect::<Vec<_>>())
        }
        // A card's text, severity, the pain point it answers, its count of
        // opportunities, and, while an opportunity answers it, its label in
        // that opportunity's choice (its text and its stage's name).
        Scope::Card(id) => {
            let card = map.card(id)?;
            let opportunities = opportunities_of(map, id).count();
            let label = if opportunities == 0 {
                None
            } else {
                pain_point_label(map, id)
            };
            json!([card.text, card.severity, card.answers, opportunities, label])
        }
        Scope::StageTouchpoints(stage) => {
            map.stage_index(stage)?;
            json!(map.stage_touchpoints(stage))
        }
        Scope::Touchpoint(id) => json!(map.touchpoint(id)?),
        // The curve: each stage's points, in the stages' order.
        Scope::Emotions => json!(map
            .stages
            .iter()
            .map(|s| {
                let mut points: Vec<String> = map
                    .emotions
                    .iter()
                    .filter(|e| e.stage == s.id)
                    .map(|e| format!("{:?}/{}/{}", e.persona, e.future, e.value))
                    .collect();
                points.sort();
                json!([s.id, points])
            })
            .collect::<Vec<_>>()),
        Scope::Scales => json!(map.scales),
        Scope::Branding => json!(map.branding),
        Scope::Comments => json!(map.comments.json()),
        // The persona list and panel, the feeling cells' rows.
        Scope::Personas => json!(map.personas),
        Scope::Persona(id) => json!(map.persona(id)?),
        // Which actions there are, in order, what they answer, their status.
        Scope::Actions => json!(map
            .actions
            .iter()
            .map(|a| json!([a.id, a.card, a.touchpoint, a.status]))
            .collect::<Vec<_>>()),
        Scope::Action(id) => json!(map.action(id)?),
        Scope::All | Scope::Document => return None,
    };
    Some(value.to_string())
}

/// The scopes whose view differs between `before` and `after` but that
/// `touched` does not name.
fn missed(before: &JourneyMap, after: &JourneyMap, touched: &[Scope]) -> Vec<Scope> {
    if touched.contains(&Scope::All) {
        return Vec::new();
    }
    let mut all = scopes(before);
    all.extend(scopes(after));
    all.dedup();
    let mut missed: Vec<Scope> = Vec::new();
    for scope in all {
        let changed = match (view(before, &scope), view(after, &scope)) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        };
        if changed && !touched.contains(&scope) && !missed.contains(&scope) {
            missed.push(scope);
        }
    }
    missed
}

/// The `n`th of `ids` (wrapping), or a name the map does not have.
fn nth(ids: Vec<&str>, n: usize) -> String {
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids[n % ids.len()].to_owned()
    }
}

/// An edit of kind `kind` on items of `map` picked by `n` and `k` (valid
/// or not: refused edits are skipped). Insertions with content (a stage,
/// lane or persona back with its cards) come from the inverses of removals.
fn edit_of(map: &JourneyMap, kind: u8, n: usize, k: usize, text: String, step: usize) -> Edit {
    let stage = |i: usize| nth(map.stages.iter().map(|s| s.id.as_str()).collect(), i);
    let lane = |i: usize| nth(map.lanes.iter().map(|l| l.id.as_str()).collect(), i);
    let card = |i: usize| nth(map.cards.iter().map(|c| c.id.as_str()).collect(), i);
    let tp = |i: usize| nth(map.touchpoints.iter().map(|t| t.id.as_str()).collect(), i);
    let persona = |i: usize| nth(map.personas.iter().map(|p| p.id.as_str()).collect(), i);
    let action = |i: usize| nth(map.actions.iter().map(|a| a.id.as_str()).collect(), i);
    let some_persona = |i: usize| (!i.is_multiple_of(3)).then(|| persona(i));
    let new = format!("new{step}");
    match kind {
        0 => Edit::SetTitle(text),
        1 => Edit::SetKind(MapKind::ALL[n % 4]),
        2 => Edit::SetDescription(text),
        3 => Edit::RemoveStage(stage(n)),
        4 => Edit::RenameStage {
            id: stage(n),
            name: text,
        },
        5 => Edit::MoveStage {
            id: stage(n),
            to: k,
        },
        6 => Edit::RemoveLane(lane(n)),
        7 => Edit::RenameLane {
            id: lane(n),
            title: text,
        },
        8 => Edit::SetLaneHidden {
            id: lane(n),
            hidden: k.is_multiple_of(2),
        },
        9 => Edit::MoveLane { id: lane(n), to: k },
        10 => Edit::InsertCard {
            index: k,
            card: Card {
                id: new,
                lane: lane(n),
                stage: stage(k),
                persona: some_persona(k),
                text,
                ..Card::default()
            },
        },
        11 => Edit::RemoveCard(card(n)),
        12 => super::move_card_to(map, &card(n), &lane(k), &stage(n + k), Some(&card(k))),
        13 => Edit::SetCardText { id: card(n), text },
        14 => Edit::InsertTouchpoint {
            index: k,
            touchpoint: Touchpoint {
                id: new,
                stage: stage(n),
                name: text,
                channel: Channel::ALL[k % Channel::ALL.len()],
                classification: Classification::ALL[n % 3],
                department: String::new(),
                readings: Vec::new(),
                legacy_metrics: None,
            },
        },
        15 => Edit::RemoveTouchpoint(tp(n)),
        16 => match map.touchpoint(&tp(n)) {
            Some(t) => Edit::UpdateTouchpoint(Touchpoint {
                name: text,
                stage: stage(k),
                ..t.clone()
            }),
            None => Edit::SetTitle(text),
        },
        17 => Edit::SetEmotion {
            stage: stage(n),
            persona: some_persona(k),
            future: k % 2 == 1,
            value: (k % 6 != 5).then_some((k % 5) as i8 - 2),
        },
        18 => Edit::SetScales(Scales::default()),
        19 => Edit::SetBranding(Branding {
            organisation: text,
            ..Branding::default()
        }),
        20 => Edit::InsertPersona {
            index: k,
            persona: Persona {
                id: new,
                name: text,
                ..Persona::default()
            },
            cards: Vec::new(),
            emotions: Vec::new(),
        },
        21 => Edit::RemovePersona(persona(n)),
        22 => match map.persona(&persona(n)) {
            Some(p) => Edit::UpdatePersona(Persona {
                name: text,
                ..p.clone()
            }),
            None => Edit::SetTitle(text),
        },
        23 => Edit::InsertAction {
            index: k,
            action: Action {
                id: new,
                title: text,
                card: k.is_multiple_of(2).then(|| card(n)),
                touchpoint: k.is_multiple_of(3).then(|| tp(n)),
                ..Action::default()
            },
        },
        24 => match map.action(&action(n)) {
            Some(a) => Edit::UpdateAction(
                Action {
                    title: text,
                    card: k.is_multiple_of(2).then(|| card(k)),
                    ..a.clone()
                }
                .with_status(ActionStatus::ALL[k % 4], 5),
            ),
            None => Edit::SetTitle(text),
        },
        25 => Edit::RemoveAction(action(n)),
        26 => Edit::SetCardSeverity {
            id: card(n),
            severity: (!k.is_multiple_of(4)).then_some((k % 4) as u8),
        },
        27 => Edit::SetBasedOn(k.is_multiple_of(2).then_some(text)),
        31 => Edit::SetOwner(text),
        32 => Edit::LinkStage {
            id: stage(n),
            journey: text,
        },
        29 => {
            let list = comment::read(&map.comments).unwrap_or_default();
            let next = if k.is_multiple_of(2) || list.is_empty() {
                comment::add(
                    &list,
                    new,
                    comment::Target::item(comment::On::Card, &card(n)),
                    "Léa",
                    &format!("c{text}"),
                    1,
                )
            } else {
                let id = list[n % list.len()].id.clone();
                comment::set_resolved(&list, &id, k.is_multiple_of(3).then_some("Sam"), 2)
            };
            Edit::SetComments(comment::write(&next.unwrap_or(list)))
        }
        28 => {
            let pains: Vec<&str> = map
                .cards
                .iter()
                .filter(|c| map.is_pain_point(c))
                .map(|c| c.id.as_str())
                .collect();
            Edit::SetCardAnswers {
                id: card(n),
                answers: (!k.is_multiple_of(3) && !pains.is_empty()).then(|| nth(pains, k)),
            }
        }
        _ => Edit::Batch(vec![
            Edit::SetCardText {
                id: card(k),
                text: text.clone(),
            },
            Edit::RenameStage {
                id: stage(n),
                name: text,
            },
        ]),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Random maps (grown from a small one by random edits) and random
    /// edits, and their undos: every scope whose view changed is touched.
    #[test]
    fn every_scope_whose_view_changed_is_touched(
        ops in proptest::collection::vec((0u8..33, 0usize..5, 0usize..5, "[a-z ]{0,4}"), 1..40)
    ) {
        let mut m = linked();
        for (step, (kind, n, k, text)) in ops.into_iter().enumerate() {
            let edit = edit_of(&m, kind, n, k, text, step);
            let before = m.clone();
            let described = format!("{edit:?}");
            let Ok(done) = edit.apply(&mut m) else { continue };
            let missed_by_edit = missed(&before, &m, &done.touched);
            prop_assert!(missed_by_edit.is_empty(), "{} missed {:?}", described, missed_by_edit);
            // The undo, which also brings back whole stages, lanes and
            // personas with their content.
            let mut undone = m.clone();
            let inverse = format!("{:?}", done.inverse);
            let back = done.inverse.apply(&mut undone).expect("the inverse applies");
            prop_assert_eq!(&undone, &before);
            let missed_by_undo = missed(&m, &undone, &back.touched);
            prop_assert!(missed_by_undo.is_empty(), "{} missed {:?}", inverse, missed_by_undo);
        }
    }
}
