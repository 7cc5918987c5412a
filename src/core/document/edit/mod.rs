//! Every change to a map is an [`Edit`]. Applying one returns its inverse
//! (for undo/redo) and the [`Scope`]s it touched, so the UI notifies only the
//! parts of the screen that show them: typing in one card touches one card.

mod action;
mod card;
mod emotion;
mod fixtures;
mod lane;
mod map;
mod persona;
#[cfg(test)]
mod scope_views;
mod stage;
mod touchpoint;

pub use card::{move_card_step, move_card_to, CardStep};

use crate::core::document::branding::Branding;
use crate::core::document::comment::CommentsText;
use crate::core::document::items::id_used;
use crate::core::document::model::{
    Action, Card, Emotion, JourneyMap, Lane, MapKind, Persona, Scales, Scores, Stage, Touchpoint,
};

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    SetTitle(String),
    SetKind(MapKind),
    SetDescription(String),

    /// Insert a stage at `index` with content that belongs to it (used to undo a removal).
    InsertStage {
        index: usize,
        stage: Stage,
        cards: Placed<Card>,
        touchpoints: Placed<Touchpoint>,
        emotions: Placed<Emotion>,
    },
    RemoveStage(String),
    RenameStage {
        id: String,
        name: String,
    },
    MoveStage {
        id: String,
        to: usize,
    },
    /// Link a stage to the map that details it (an empty `journey`: unlink).
    LinkStage {
        id: String,
        journey: String,
    },

    InsertLane {
        index: usize,
        lane: Lane,
        cards: Placed<Card>,
    },
    RemoveLane(String),
    RenameLane {
        id: String,
        title: String,
    },
    SetLaneHidden {
        id: String,
        hidden: bool,
    },
    MoveLane {
        id: String,
        to: usize,
    },

    /// Insert a card at `index` in the map's card list (order within a cell follows it).
    InsertCard {
        index: usize,
        card: Card,
    },
    RemoveCard(String),
    /// Move a card to the cell (`lane`, `stage`), at `index` in the map's
    /// card list once it is taken out (see [`JourneyMap::card_slot`]).
    MoveCard {
        id: String,
        lane: String,
        stage: String,
        index: usize,
    },
    SetCardText {
        id: String,
        text: String,
    },

    InsertTouchpoint {
        index: usize,
        touchpoint: Touchpoint,
    },
    RemoveTouchpoint(String),
    /// Replace a touchpoint's fields (matched by id; its stage may change).
    UpdateTouchpoint(Touchpoint),

    /// Set (or with `None`, clear) the emotion of a persona (`None`: everyone) at a stage.
    SetEmotion {
        stage: String,
        persona: Option<String>,
        /// The future state's curve rather than today's.
        future: bool,
        value: Option<i8>,
    },

    /// Set the map's CSAT and CES answer scales.
    SetScales(Scales),

    /// Set the organisation's name, logo and colours on the map's report.
    SetBranding(Branding),

    InsertPersona {
        index: usize,
        persona: Persona,
        cards: Placed<Card>,
        emotions: Placed<Emotion>,
    },
    RemovePersona(String),
    /// Replace a persona's fields (matched by id).
    UpdatePersona(Persona),

    /// Several edits as one undo step; applied in order, undone in reverse.
    Batch(Vec<Edit>),

    /// The whole map at once (a merge with a teammate's copy); undone by
    /// putting the previous map back.
    ReplaceMap(Box<JourneyMap>),

    // ---- Issue 5: actions, severities, the current state a map is based on.
    /// Insert an action at `index` in the map's action list. Its card and
    /// touchpoint, when set, must be in the map.
    InsertAction {
        index: usize,
        action: Action,
    },
    /// Replace an action's fields (matched by id). The UI passes the whole
    /// action; [`Action::with_status`] keeps its `done_at` right.
    UpdateAction(Action),
    RemoveAction(String),
    /// Rate a pain point: 1 low, 2 medium, 3 high; `None`: not rated.
    SetCardSeverity {
        id: String,
        severity: Option<u8>,
    },
    /// The current-state map this (future-state) map was copied from.
    SetBasedOn(Option<String>),
    /// Who answers for the journey (empty: nobody).
    SetOwner(String),

    // ---- Issue 5: opportunities that answer a pain point.
    /// Link an Opportunities card to the Pain points card it answers
    /// (`None`: to none). The pain point must be a card of the map in a
    /// Pain points lane.
    SetCardAnswers {
        id: String,
        answers: Option<String>,
    },
    // ---- Issue 15: comments.
    /// Replace the map's comments with a list the comments' part made
    /// (`core::document::comment`: add, reply, resolve, reopen).
    SetComments(CommentsText),
    // ---- Issue 16: the opportunity matrix.
    /// An opportunity's scores, all three at once (a point moved on the
    /// matrix changes two); each `None` or 1 to 5.
    SetCardScores {
        id: String,
        scores: Scores,
    },
}

/// A part of the map that the screen shows and that an edit may change.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Title, kind, description.
    Meta,
    /// The list and order of stages.
    Stages,
    Stage(String),
    /// The list, order and visibility of lanes.
    Lanes,
    Lane(String),
    /// Which cards a cell (lane, stage) holds.
    Cell {
        lane: String,
        stage: String,
    },
    Card(String),
    /// Which touchpoints a stage holds.
    StageTouchpoints(String),
    Touchpoint(String),
    /// Any emotion value (the curve is drawn from all of them).
    Emotions,
    /// The map's answer scales (every figure depends on them).
    Scales,
    /// The map's branding (its report's header and colours).
    Branding,
    /// The list of personas.
    Personas,
    Persona(String),
    /// The map's comments (the counts on items, the comments' panel).
    Comments,
    /// Anything: used when a change is too wide to list.
    All,
    /// Never touched by name: readers of this scope are woken by every edit
    /// (views drawn from the whole map, such as the charts).
    Document,
    /// The list of actions, their order and their links to cards and
    /// touchpoints (and so which cards and touchpoints have actions).
    Actions,
    /// One action's fields.
    Action(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The edit names an item the map does not have.
    NotFound { what: &'static str, id: String },
    /// The edit would create an item whose id is already used.
    DuplicateId(String),
    /// An emotion outside the scale.
    OutOfScale(i8),
    /// An answer scale whose bounds are not in order.
    BadScale,
    /// A branding with a bad colour or logo (what is wrong).
    BadBranding(String),
    /// A severity other than 1, 2 or 3.
    BadSeverity(u8),
    /// An opportunity's score outside 1 to 5.
    BadScore(u8),
    /// A stage linked to its own map (it would fail the map's validation
    /// at the next read, and the map be set aside).
    LinksToItself,
}

impl std::error::Error for EditError {}

/// What applying an edit did: how to undo it and what it touched.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    pub inverse: Edit,
    pub touched: Vec<Scope>,
}

fn not_found(what: &'static str, id: &str) -> EditError {
    EditError::NotFound {
        what,
        id: id.to_owned(),
    }
}

/// Ids are unique across the whole map (the map's own and every item's).
fn ensure_unique(map: &JourneyMap, id: &str) -> Result<(), EditError> {
    if id_used(map, id) {
        Err(EditError::DuplicateId(id.to_owned()))
    } else {
        Ok(())
    }
}

fn applied(inverse: Edit, touched: Vec<Scope>) -> Result<Applied, EditError> {
    Ok(Applied { inverse, touched })
}

/// [`Edit::apply`] sends each edit to the file of its kind; an edit sent to
/// another is a bug of the dispatch (caught by the tests, an error in release).
fn misrouted(edit: Edit) -> Result<Applied, EditError> {
    debug_assert!(false, "misrouted edit {edit:?}");
    Err(not_found("edit", ""))
}

/// Items with the index they had in their list, so that undo puts them back exactly.
pub type Placed<T> = Vec<(usize, T)>;

/// Take out of `items` those matching `pred`, with their indices; the rest keep their order.
fn drain_where<T>(items: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> Placed<T> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(items.len());
    for (index, item) in items.drain(..).enumerate() {
        if pred(&item) {
            taken.push((index, item));
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    taken
}

/// Put back items taken by [`drain_where`]. Inserting in ascending index
/// order restores the exact order; `drain_where` produces them ascending.
fn restore<T>(items: &mut Vec<T>, placed: Placed<T>) {
    debug_assert!(placed.windows(2).all(|w| w[0].0 < w[1].0));
    for (index, item) in placed {
        items.insert(index.min(items.len()), item);
    }
}

/// The ids of the cards in a Pain points lane: those an opportunity may answer.
fn pain_point_ids(map: &JourneyMap) -> std::collections::HashSet<String> {
    map.cards
        .iter()
        .filter(|c| map.is_pain_point(c))
        .map(|c| c.id.clone())
        .collect()
}

/// Adds `scope` to what an edit touched, once.
fn touch(touched: &mut Vec<Scope>, scope: Scope) {
    if !touched.contains(&scope) {
        touched.push(scope);
    }
}

/// The pain point cards that `cards` answer: their opportunity counts
/// change when these cards come or go.
fn answered<'a>(cards: impl IntoIterator<Item = &'a Card>) -> Vec<Scope> {
    cards
        .into_iter()
        .filter_map(|c| c.answers.clone().map(Scope::Card))
        .collect()
}

/// The cards matching `of` that an opportunity answers: that opportunity's
/// choice labels them with their text and their stage's name, read under
/// the pain point's [`Scope::Card`], so renaming or changing their stage
/// changes what they show.
fn labelled(map: &JourneyMap, of: impl Fn(&Card) -> bool) -> Vec<Scope> {
    map.cards
        .iter()
        .filter(|c| of(c) && map.cards.iter().any(|o| o.answers.as_ref() == Some(&c.id)))
        .map(|c| Scope::Card(c.id.clone()))
        .collect()
}

/// Cut the links of actions to cards and touchpoints the map no longer has
/// (after a removal): the actions stay, detached (`card: None` or
/// `touchpoint: None`), since an action is work someone owns and may still
/// do; the map stays valid. Opportunities whose pain point is gone (or no
/// longer in a Pain points lane) stay too, answering none. Returns the
/// edits that link them again.
fn detach_actions(map: &mut JourneyMap) -> Vec<Edit> {
    let pain_points = pain_point_ids(map);
    let mut relink = Vec::new();
    for card in &mut map.cards {
        if let Some(p) = card.answers.take_if(|p| !pain_points.contains(p.as_str())) {
            relink.push(Edit::SetCardAnswers {
                id: card.id.clone(),
                answers: Some(p),
            });
        }
    }
    let cards: std::collections::HashSet<&str> = map.cards.iter().map(|c| c.id.as_str()).collect();
    let touchpoints: std::collections::HashSet<&str> =
        map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    for action in &mut map.actions {
        let lost_card = action.card.as_deref().is_some_and(|c| !cards.contains(c));
        let lost_touchpoint = action
            .touchpoint
            .as_deref()
            .is_some_and(|t| !touchpoints.contains(t));
        if lost_card || lost_touchpoint {
            relink.push(Edit::UpdateAction(action.clone()));
            if lost_card {
                action.card = None;
            }
            if lost_touchpoint {
                action.touchpoint = None;
            }
        }
    }
    relink
}

/// A removal's inverse, followed by the edits that link back the actions
/// it detached (the removed item must be back before they apply).
fn and_relink(
    inverse: Edit,
    mut touched: Vec<Scope>,
    relink: Vec<Edit>,
) -> Result<Applied, EditError> {
    if relink.is_empty() {
        return Ok(Applied { inverse, touched });
    }
    for edit in &relink {
        match edit {
            Edit::SetCardAnswers { id, answers } => {
                touch(&mut touched, Scope::Card(id.clone()));
                // The pain point it no longer answers counts one opportunity less.
                if let Some(p) = answers {
                    touch(&mut touched, Scope::Card(p.clone()));
                }
            }
            Edit::UpdateAction(action) => {
                touch(&mut touched, Scope::Actions);
                // Its row shows the card and touchpoint it lost.
                touch(&mut touched, Scope::Action(action.id.clone()));
            }
            _ => touch(&mut touched, Scope::Actions),
        }
    }
    let mut steps = vec![inverse];
    steps.extend(relink);
    Ok(Applied {
        inverse: Edit::Batch(steps),
        touched,
    })
}

/// The position `delta` places from `index` in a list of `len` items, if it
/// is inside the list (moving a stage or lane left/right, up/down).
pub fn shifted(index: usize, len: usize, delta: isize) -> Option<usize> {
    index.checked_add_signed(delta).filter(|&to| to < len)
}
impl Edit {
    /// A key shared by successive edits that undo should treat as one step
    /// (typing in the same field), or `None`.
    pub fn coalesce_key(&self) -> Option<String> {
        match self {
            Edit::SetTitle(_) => Some("title".into()),
            Edit::SetDescription(_) => Some("description".into()),
            Edit::RenameStage { id, .. } => Some(format!("stage:{id}")),
            Edit::RenameLane { id, .. } => Some(format!("lane:{id}")),
            Edit::SetCardText { id, .. } => Some(format!("card:{id}")),
            Edit::UpdateTouchpoint(t) => Some(format!("touchpoint:{}", t.id)),
            Edit::UpdatePersona(p) => Some(format!("persona:{}", p.id)),
            Edit::UpdateAction(a) => Some(format!("action:{}", a.id)),
            Edit::SetBranding(_) => Some("branding".into()),
            _ => None,
        }
    }

    /// Apply to `map`. On error the map is unchanged.
    pub fn apply(self, map: &mut JourneyMap) -> Result<Applied, EditError> {
        match self {
            Edit::SetTitle(_)
            | Edit::SetKind(_)
            | Edit::SetDescription(_)
            | Edit::SetScales(_)
            | Edit::SetBranding(_)
            | Edit::SetBasedOn(_)
            | Edit::SetOwner(_)
            | Edit::SetComments(_)
            | Edit::ReplaceMap(_) => map::apply(self, map),
            Edit::InsertStage { .. }
            | Edit::RemoveStage(_)
            | Edit::RenameStage { .. }
            | Edit::MoveStage { .. }
            | Edit::LinkStage { .. } => stage::apply(self, map),
            Edit::InsertLane { .. }
            | Edit::RemoveLane(_)
            | Edit::RenameLane { .. }
            | Edit::SetLaneHidden { .. }
            | Edit::MoveLane { .. } => lane::apply(self, map),
            Edit::InsertCard { .. }
            | Edit::RemoveCard(_)
            | Edit::MoveCard { .. }
            | Edit::SetCardText { .. }
            | Edit::SetCardSeverity { .. }
            | Edit::SetCardScores { .. }
            | Edit::SetCardAnswers { .. } => card::apply(self, map),
            Edit::InsertTouchpoint { .. }
            | Edit::RemoveTouchpoint(_)
            | Edit::UpdateTouchpoint(_) => touchpoint::apply(self, map),
            Edit::SetEmotion { .. } => emotion::apply(self, map),
            Edit::InsertPersona { .. } | Edit::RemovePersona(_) | Edit::UpdatePersona(_) => {
                persona::apply(self, map)
            }
            Edit::InsertAction { .. } | Edit::UpdateAction(_) | Edit::RemoveAction(_) => {
                action::apply(self, map)
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                let mut touched = Vec::new();
                for edit in edits {
                    match edit.apply(map) {
                        Ok(done) => {
                            inverses.push(done.inverse);
                            touched.extend(done.touched);
                        }
                        Err(err) => {
                            // Leave the map as it was: undo what this batch did.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(map);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                applied(Edit::Batch(inverses), touched)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::fixtures::*;
    use crate::core::document::model::{ActionStatus, Channel};
    use proptest::prelude::*;

    #[test]
    fn every_edit_is_undone_exactly_by_its_inverse() {
        let m = map();
        let (s0, s1) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        let doing = m.lanes[1].id.clone();
        roundtrip(Edit::SetTitle("New".into()));
        roundtrip(Edit::SetKind(MapKind::FutureState));
        roundtrip(Edit::SetDescription("d".into()));
        roundtrip(Edit::RemoveStage(s0.clone()));
        roundtrip(Edit::RenameStage {
            id: s1.clone(),
            name: "Z".into(),
        });
        roundtrip(Edit::MoveStage {
            id: s0.clone(),
            to: 2,
        });
        roundtrip(Edit::LinkStage {
            id: s1.clone(),
            journey: "delivery-map".into(),
        });
        roundtrip(Edit::RemoveLane(doing.clone()));
        roundtrip(Edit::RenameLane {
            id: doing.clone(),
            title: "Actions".into(),
        });
        roundtrip(Edit::SetLaneHidden {
            id: doing.clone(),
            hidden: true,
        });
        roundtrip(Edit::MoveLane {
            id: doing.clone(),
            to: 5,
        });
        roundtrip(Edit::InsertCard {
            index: 0,
            card: Card {
                id: "new".into(),
                lane: doing.clone(),
                stage: s1.clone(),
                persona: None,
                text: "x".into(),
                severity: None,
                answers: None,
                ..Default::default()
            },
        });
        roundtrip(Edit::RemoveCard("c1".into()));
        roundtrip(Edit::MoveCard {
            id: "c1".into(),
            lane: doing.clone(),
            stage: s1.clone(),
            index: 0,
        });
        roundtrip(Edit::SetCardText {
            id: "c2".into(),
            text: "typed".into(),
        });
        roundtrip(Edit::RemoveTouchpoint("t1".into()));
        let mut renamed = map();
        renamed.title = "Merged".into();
        renamed.stages.pop();
        roundtrip(Edit::ReplaceMap(Box::new(renamed)));
        let mut tp = m.touchpoints[0].clone();
        tp.channel = Channel::Store;
        tp.stage = s1.clone();
        roundtrip(Edit::UpdateTouchpoint(tp));
        roundtrip(Edit::SetEmotion {
            stage: s1.clone(),
            persona: None,
            future: false,
            value: Some(2),
        });
        roundtrip(Edit::SetEmotion {
            stage: s0.clone(),
            persona: Some("p1".into()),
            future: false,
            value: None,
        });
        roundtrip(Edit::RemovePersona("p1".into()));
        roundtrip(Edit::UpdatePersona(Persona {
            id: "p1".into(),
            name: "Bea".into(),
            ..Persona::default()
        }));
        roundtrip(Edit::Batch(vec![
            Edit::SetTitle("B".into()),
            Edit::RemoveStage(s1),
        ]));
        roundtrip(Edit::InsertAction {
            index: 0,
            action: Action {
                id: "a2".into(),
                title: "Call back".into(),
                card: Some("c1".into()),
                ..Action::default()
            },
        });
        roundtrip(Edit::UpdateAction(
            Action {
                owner: "Lea".into(),
                due: Some(86_400_000),
                ..m.actions[0].clone()
            }
            .with_status(ActionStatus::Done, 42),
        ));
        roundtrip(Edit::RemoveAction("a1".into()));
        roundtrip(Edit::SetCardSeverity {
            id: "c1".into(),
            severity: Some(3),
        });
        roundtrip(Edit::SetBasedOn(Some("current".into())));
        roundtrip(Edit::SetOwner("Service client".into()));
        // Removals that detach the action from its card or touchpoint.
        roundtrip(Edit::RemoveCard("c2".into()));
        roundtrip(Edit::RemovePersona("p1".into()));
        roundtrip(Edit::RemoveLane(doing));
        roundtrip(Edit::RemoveStage(s0));
    }

    #[test]
    fn shifting_stays_inside_the_list() {
        assert_eq!(shifted(0, 3, -1), None);
        assert_eq!(shifted(0, 3, 1), Some(1));
        assert_eq!(shifted(2, 3, 1), None);
        assert_eq!(shifted(2, 3, -1), Some(1));
        assert_eq!(shifted(0, 0, 0), None);
    }

    #[test]
    fn bad_edits_are_refused_and_leave_the_map_alone() {
        let original = map();
        let mut m = original.clone();
        let s0 = m.stages[0].id.clone();
        let cases = vec![
            Edit::RemoveStage("nope".into()),
            Edit::SetCardText {
                id: "nope".into(),
                text: "x".into(),
            },
            Edit::SetEmotion {
                stage: s0.clone(),
                persona: None,
                future: false,
                value: Some(3),
            },
            Edit::SetEmotion {
                stage: s0.clone(),
                persona: Some("ghost".into()),
                future: false,
                value: Some(1),
            },
            Edit::InsertCard {
                index: 0,
                card: Card {
                    id: "c1".into(),
                    lane: m.lanes[0].id.clone(),
                    stage: s0.clone(),
                    persona: None,
                    text: String::new(),
                    severity: None,
                    answers: None,
                    ..Default::default()
                },
            },
            Edit::Batch(vec![
                Edit::SetTitle("changed".into()),
                Edit::RemoveLane("nope".into()),
            ]),
        ];
        for edit in cases {
            assert!(edit.clone().apply(&mut m).is_err(), "{edit:?} should fail");
            assert_eq!(m, original, "{edit:?} must leave the map unchanged");
        }
    }

    proptest! {
        // Any sequence of valid-or-not edits, undone in reverse, gives back the original map.
        #[test]
        fn undoing_any_sequence_restores_the_map(ops in proptest::collection::vec((0u8..16, 0usize..4, "[a-zé ]{0,6}"), 0..30)) {
            let original = map();
            let mut m = original.clone();
            let mut inverses = Vec::new();
            for (kind, n, text) in ops {
                let stage = m.stages.get(n % m.stages.len().max(1)).map(|s| s.id.clone()).unwrap_or_default();
                let lane = m.lanes.get(n % m.lanes.len().max(1)).map(|l| l.id.clone()).unwrap_or_default();
                let edit = match kind {
                    0 => Edit::SetTitle(text),
                    1 => Edit::RemoveStage(stage),
                    2 => Edit::MoveStage { id: stage, to: n },
                    3 => Edit::InsertCard { index: n, card: Card { id: format!("n{}", inverses.len()), lane, stage, persona: None, text, severity: None, answers: None, ..Default::default() } },
                    4 => Edit::SetCardText { id: "c1".into(), text },
                    5 => Edit::SetEmotion { stage, persona: None, future: false, value: Some((n as i8) - 2) },
                    6 => Edit::RemoveLane(lane),
                    7 => Edit::RemoveCard("c2".into()),
                    8 => Edit::SetCardSeverity { id: "c1".into(), severity: Some(n as u8) },
                    9 => Edit::UpdateAction(Action { title: text, ..Action { id: "a1".into(), ..Action::default() } }.with_status(ActionStatus::ALL[n], 7)),
                    10 => Edit::RemoveTouchpoint("t1".into()),
                    11 => Edit::MoveCard { id: "c1".into(), lane, stage, index: n },
                    // 0 and 6 are refused, 2 and 4 set.
                    12 => Edit::SetCardScores { id: "c1".into(), scores: Scores { customer_value: Some(2 * n as u8), business_value: None, effort: Some(4 - n as u8) } },
                    13 => Edit::SetOwner(text),
                    14 => Edit::LinkStage { id: stage, journey: text },
                    _ => Edit::RemovePersona("p1".into()),
                };
                if let Ok(done) = edit.apply(&mut m) {
                    inverses.push(done.inverse);
                }
            }
            for inverse in inverses.into_iter().rev() {
                inverse.apply(&mut m).unwrap();
            }
            prop_assert_eq!(m, original);
        }
    }
}
