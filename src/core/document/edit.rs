//! Every change to a map is an [`Edit`]. Applying one returns its inverse
//! (for undo/redo) and the [`Scope`]s it touched, so the UI notifies only the
//! parts of the screen that show them: typing in one card touches one card.

use crate::core::document::branding::Branding;
use crate::core::document::model::{
    Action, Card, Emotion, JourneyMap, Lane, MapKind, Persona, Scales, Stage, Touchpoint,
    EMOTION_MAX, EMOTION_MIN, SEVERITY_MAX, SEVERITY_MIN,
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

    // ---- Issue 5: opportunities that answer a pain point.
    /// Link an Opportunities card to the Pain points card it answers
    /// (`None`: to none). The pain point must be a card of the map in a
    /// Pain points lane.
    SetCardAnswers {
        id: String,
        answers: Option<String>,
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

fn ensure_unique(map: &JourneyMap, id: &str) -> Result<(), EditError> {
    let used = map.id == id
        || map.stages.iter().any(|s| s.id == id)
        || map.lanes.iter().any(|l| l.id == id)
        || map.cards.iter().any(|c| c.id == id)
        || map.touchpoints.iter().any(|t| t.id == id)
        || map.personas.iter().any(|p| p.id == id)
        || map.actions.iter().any(|a| a.id == id);
    if used {
        Err(EditError::DuplicateId(id.to_owned()))
    } else {
        Ok(())
    }
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

/// An action's card and touchpoint, when set, are in the map.
fn ensure_links(map: &JourneyMap, action: &Action) -> Result<(), EditError> {
    if let Some(card) = &action.card {
        map.card_index(card)
            .ok_or_else(|| not_found("card", card))?;
    }
    if let Some(tp) = &action.touchpoint {
        map.touchpoint_index(tp)
            .ok_or_else(|| not_found("touchpoint", tp))?;
    }
    Ok(())
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
        let scope = match edit {
            Edit::SetCardAnswers { id, .. } => Scope::Card(id.clone()),
            _ => Scope::Actions,
        };
        touch(&mut touched, scope);
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
        let applied = |inverse: Edit, touched: Vec<Scope>| Ok(Applied { inverse, touched });
        match self {
            Edit::SetTitle(title) => {
                let old = std::mem::replace(&mut map.title, title);
                applied(Edit::SetTitle(old), vec![Scope::Meta])
            }
            Edit::SetKind(kind) => {
                let old = std::mem::replace(&mut map.kind, kind);
                applied(Edit::SetKind(old), vec![Scope::Meta])
            }
            Edit::SetDescription(text) => {
                let old = std::mem::replace(&mut map.description, text);
                applied(Edit::SetDescription(old), vec![Scope::Meta])
            }

            Edit::InsertStage {
                index,
                stage,
                cards,
                touchpoints,
                emotions,
            } => {
                ensure_unique(map, &stage.id)?;
                for (_, card) in &cards {
                    ensure_unique(map, &card.id)?;
                }
                for (_, tp) in &touchpoints {
                    ensure_unique(map, &tp.id)?;
                }
                let id = stage.id.clone();
                let mut touched = vec![Scope::Stages, Scope::Emotions];
                touched.extend(answered(cards.iter().map(|(_, c)| c)));
                map.stages.insert(index.min(map.stages.len()), stage);
                restore(&mut map.cards, cards);
                restore(&mut map.touchpoints, touchpoints);
                restore(&mut map.emotions, emotions);
                applied(Edit::RemoveStage(id), touched)
            }
            Edit::RemoveStage(id) => {
                let index = map
                    .stage_index(&id)
                    .ok_or_else(|| not_found("stage", &id))?;
                let stage = map.stages.remove(index);
                let cards = drain_where(&mut map.cards, |c| c.stage == id);
                let touchpoints = drain_where(&mut map.touchpoints, |t| t.stage == id);
                let emotions = drain_where(&mut map.emotions, |e| e.stage == id);
                let relink = detach_actions(map);
                let mut touched = vec![Scope::Stages, Scope::Emotions];
                touched.extend(answered(cards.iter().map(|(_, c)| c)));
                and_relink(
                    Edit::InsertStage {
                        index,
                        stage,
                        cards,
                        touchpoints,
                        emotions,
                    },
                    touched,
                    relink,
                )
            }
            Edit::RenameStage { id, name } => {
                let index = map
                    .stage_index(&id)
                    .ok_or_else(|| not_found("stage", &id))?;
                let old = std::mem::replace(&mut map.stages[index].name, name);
                applied(
                    Edit::RenameStage {
                        id: id.clone(),
                        name: old,
                    },
                    vec![Scope::Stage(id)],
                )
            }
            Edit::MoveStage { id, to } => {
                let from = map
                    .stage_index(&id)
                    .ok_or_else(|| not_found("stage", &id))?;
                let stage = map.stages.remove(from);
                map.stages.insert(to.min(map.stages.len()), stage);
                applied(
                    Edit::MoveStage { id, to: from },
                    vec![Scope::Stages, Scope::Emotions],
                )
            }

            Edit::InsertLane { index, lane, cards } => {
                ensure_unique(map, &lane.id)?;
                for (_, card) in &cards {
                    ensure_unique(map, &card.id)?;
                }
                let id = lane.id.clone();
                let mut touched = vec![Scope::Lanes];
                touched.extend(answered(cards.iter().map(|(_, c)| c)));
                map.lanes.insert(index.min(map.lanes.len()), lane);
                restore(&mut map.cards, cards);
                applied(Edit::RemoveLane(id), touched)
            }
            Edit::RemoveLane(id) => {
                let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
                let lane = map.lanes.remove(index);
                let cards = drain_where(&mut map.cards, |c| c.lane == id);
                let relink = detach_actions(map);
                let mut touched = vec![Scope::Lanes];
                touched.extend(answered(cards.iter().map(|(_, c)| c)));
                and_relink(Edit::InsertLane { index, lane, cards }, touched, relink)
            }
            Edit::RenameLane { id, title } => {
                let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
                let old = std::mem::replace(&mut map.lanes[index].title, title);
                applied(
                    Edit::RenameLane {
                        id: id.clone(),
                        title: old,
                    },
                    vec![Scope::Lane(id)],
                )
            }
            Edit::SetLaneHidden { id, hidden } => {
                let index = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
                let old = std::mem::replace(&mut map.lanes[index].hidden, hidden);
                applied(
                    Edit::SetLaneHidden {
                        id: id.clone(),
                        hidden: old,
                    },
                    vec![Scope::Lanes, Scope::Lane(id)],
                )
            }
            Edit::MoveLane { id, to } => {
                let from = map.lane_index(&id).ok_or_else(|| not_found("lane", &id))?;
                let lane = map.lanes.remove(from);
                map.lanes.insert(to.min(map.lanes.len()), lane);
                applied(Edit::MoveLane { id, to: from }, vec![Scope::Lanes])
            }

            Edit::InsertCard { index, card } => {
                ensure_unique(map, &card.id)?;
                map.lane_index(&card.lane)
                    .ok_or_else(|| not_found("lane", &card.lane))?;
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
                let inverse = Edit::MoveCard {
                    id,
                    lane: old_lane,
                    stage: old_stage,
                    index: from,
                };
                map.cards.insert(index.min(map.cards.len()), card);
                let new = Scope::Cell { lane, stage };
                let touched = if new == old {
                    vec![new]
                } else {
                    vec![old, new]
                };
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

            Edit::InsertTouchpoint { index, touchpoint } => {
                ensure_unique(map, &touchpoint.id)?;
                map.stage_index(&touchpoint.stage)
                    .ok_or_else(|| not_found("stage", &touchpoint.stage))?;
                let scope = Scope::StageTouchpoints(touchpoint.stage.clone());
                let id = touchpoint.id.clone();
                map.touchpoints
                    .insert(index.min(map.touchpoints.len()), touchpoint);
                applied(Edit::RemoveTouchpoint(id), vec![scope])
            }
            Edit::RemoveTouchpoint(id) => {
                let index = map
                    .touchpoint_index(&id)
                    .ok_or_else(|| not_found("touchpoint", &id))?;
                let touchpoint = map.touchpoints.remove(index);
                let scope = Scope::StageTouchpoints(touchpoint.stage.clone());
                let relink = detach_actions(map);
                and_relink(
                    Edit::InsertTouchpoint { index, touchpoint },
                    vec![scope],
                    relink,
                )
            }
            Edit::UpdateTouchpoint(touchpoint) => {
                let index = map
                    .touchpoint_index(&touchpoint.id)
                    .ok_or_else(|| not_found("touchpoint", &touchpoint.id))?;
                map.stage_index(&touchpoint.stage)
                    .ok_or_else(|| not_found("stage", &touchpoint.stage))?;
                let mut touched = vec![Scope::Touchpoint(touchpoint.id.clone())];
                let old = std::mem::replace(&mut map.touchpoints[index], touchpoint);
                let new_stage = &map.touchpoints[index].stage;
                if &old.stage != new_stage {
                    touched.push(Scope::StageTouchpoints(old.stage.clone()));
                    touched.push(Scope::StageTouchpoints(new_stage.clone()));
                }
                applied(Edit::UpdateTouchpoint(old), touched)
            }

            Edit::SetEmotion {
                stage,
                persona,
                future,
                value,
            } => {
                if let Some(v) = value {
                    if !(EMOTION_MIN..=EMOTION_MAX).contains(&v) {
                        return Err(EditError::OutOfScale(v));
                    }
                }
                map.stage_index(&stage)
                    .ok_or_else(|| not_found("stage", &stage))?;
                if let Some(p) = &persona {
                    map.persona_index(p)
                        .ok_or_else(|| not_found("persona", p))?;
                }
                let pos = map
                    .emotions
                    .iter()
                    .position(|e| e.stage == stage && e.persona == persona && e.future == future);
                let old = pos.map(|i| map.emotions[i].value);
                match (pos, value) {
                    (Some(i), Some(v)) => map.emotions[i].value = v,
                    (Some(i), None) => {
                        map.emotions.remove(i);
                    }
                    (None, Some(v)) => map.emotions.push(Emotion {
                        stage: stage.clone(),
                        persona: persona.clone(),
                        value: v,
                        future,
                    }),
                    (None, None) => {}
                }
                applied(
                    Edit::SetEmotion {
                        stage,
                        persona,
                        future,
                        value: old,
                    },
                    vec![Scope::Emotions],
                )
            }

            Edit::SetScales(scales) => {
                if !scales.csat.is_valid() || !scales.ces.is_valid() {
                    return Err(EditError::BadScale);
                }
                let old = std::mem::replace(&mut map.scales, scales);
                applied(Edit::SetScales(old), vec![Scope::Scales])
            }

            Edit::SetBranding(branding) => {
                if let Some((field, why)) = branding.problems().into_iter().next() {
                    return Err(EditError::BadBranding(format!("{field}: {why}")));
                }
                let old = std::mem::replace(&mut map.branding, branding);
                applied(Edit::SetBranding(old), vec![Scope::Branding])
            }

            Edit::InsertPersona {
                index,
                persona,
                cards,
                emotions,
            } => {
                ensure_unique(map, &persona.id)?;
                for (_, card) in &cards {
                    ensure_unique(map, &card.id)?;
                }
                let id = persona.id.clone();
                map.personas.insert(index.min(map.personas.len()), persona);
                restore(&mut map.cards, cards);
                restore(&mut map.emotions, emotions);
                applied(Edit::RemovePersona(id), vec![Scope::All])
            }
            Edit::RemovePersona(id) => {
                let index = map
                    .persona_index(&id)
                    .ok_or_else(|| not_found("persona", &id))?;
                let persona = map.personas.remove(index);
                let cards = drain_where(&mut map.cards, |c| c.persona.as_deref() == Some(&id));
                let emotions =
                    drain_where(&mut map.emotions, |e| e.persona.as_deref() == Some(&id));
                let relink = detach_actions(map);
                and_relink(
                    Edit::InsertPersona {
                        index,
                        persona,
                        cards,
                        emotions,
                    },
                    vec![Scope::All],
                    relink,
                )
            }
            Edit::UpdatePersona(persona) => {
                let index = map
                    .persona_index(&persona.id)
                    .ok_or_else(|| not_found("persona", &persona.id))?;
                let id = persona.id.clone();
                let old = std::mem::replace(&mut map.personas[index], persona);
                // The curve's legend and colours show persona names.
                applied(
                    Edit::UpdatePersona(old),
                    vec![Scope::Persona(id), Scope::Personas, Scope::Emotions],
                )
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
            Edit::ReplaceMap(next) => {
                if next.id != map.id {
                    return Err(not_found("map", &next.id));
                }
                let previous = std::mem::replace(map, *next);
                applied(Edit::ReplaceMap(Box::new(previous)), vec![Scope::All])
            }

            Edit::InsertAction { index, action } => {
                ensure_unique(map, &action.id)?;
                ensure_links(map, &action)?;
                let id = action.id.clone();
                map.actions.insert(index.min(map.actions.len()), action);
                applied(Edit::RemoveAction(id), vec![Scope::Actions])
            }
            Edit::UpdateAction(action) => {
                let index = map
                    .action_index(&action.id)
                    .ok_or_else(|| not_found("action", &action.id))?;
                ensure_links(map, &action)?;
                let id = action.id.clone();
                let old = std::mem::replace(&mut map.actions[index], action);
                let new = &map.actions[index];
                let mut touched = vec![Scope::Action(id)];
                // Lists of actions (by card, touchpoint, status) change too.
                if old.card != new.card
                    || old.touchpoint != new.touchpoint
                    || old.status != new.status
                {
                    touched.push(Scope::Actions);
                }
                applied(Edit::UpdateAction(old), touched)
            }
            Edit::RemoveAction(id) => {
                let index = map
                    .action_index(&id)
                    .ok_or_else(|| not_found("action", &id))?;
                let action = map.actions.remove(index);
                applied(Edit::InsertAction { index, action }, vec![Scope::Actions])
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
            Edit::SetBasedOn(based_on) => {
                let old = std::mem::replace(&mut map.based_on, based_on);
                applied(Edit::SetBasedOn(old), vec![Scope::Meta])
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{
        ActionStatus, Channel, Classification, LaneKind, SequentialIds,
    };
    use proptest::prelude::*;

    fn map() -> JourneyMap {
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

    fn roundtrip(edit: Edit) {
        roundtrip_on(map(), edit);
    }

    fn roundtrip_on(original: JourneyMap, edit: Edit) {
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

    fn cell_texts(m: &JourneyMap, lane: &str, stage: &str) -> Vec<String> {
        m.cards
            .iter()
            .filter(|c| c.lane == lane && c.stage == stage)
            .map(|c| c.id.clone())
            .collect()
    }

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
        // Removals that detach the action from its card or touchpoint.
        roundtrip(Edit::RemoveCard("c2".into()));
        roundtrip(Edit::RemovePersona("p1".into()));
        roundtrip(Edit::RemoveLane(doing));
        roundtrip(Edit::RemoveStage(s0));
    }

    #[test]
    fn removing_what_an_action_answers_detaches_it_and_undo_links_it_again() {
        let original = map();
        let s0 = original.stages[0].id.clone();
        for edit in [
            Edit::RemoveCard("c2".into()),
            Edit::RemoveTouchpoint("t1".into()),
            Edit::RemoveStage(s0),
        ] {
            let mut m = original.clone();
            let done = edit.clone().apply(&mut m).unwrap();
            assert_eq!(m.actions.len(), 1, "{edit:?} keeps the action");
            assert!(
                crate::core::formats::envelope::validate(&m).is_empty(),
                "{edit:?}"
            );
            assert!(done.touched.contains(&Scope::Actions), "{edit:?}");
            done.inverse.apply(&mut m).unwrap();
            assert_eq!(m, original, "undo of {edit:?}");
        }
        let mut m = original.clone();
        Edit::RemoveTouchpoint("t1".into()).apply(&mut m).unwrap();
        assert_eq!(
            (
                m.actions[0].card.as_deref(),
                m.actions[0].touchpoint.as_deref()
            ),
            (Some("c2"), None)
        );
    }

    #[test]
    fn action_edits_check_their_links_and_severities_their_range() {
        let original = map();
        let mut m = original.clone();
        let cases = [
            Edit::InsertAction {
                index: 0,
                action: Action {
                    id: "c1".into(),
                    ..Action::default()
                },
            },
            Edit::InsertAction {
                index: 0,
                action: Action {
                    id: "a9".into(),
                    touchpoint: Some("ghost".into()),
                    ..Action::default()
                },
            },
            Edit::UpdateAction(Action {
                card: Some("ghost".into()),
                ..original.actions[0].clone()
            }),
            Edit::UpdateAction(Action {
                id: "nope".into(),
                ..Action::default()
            }),
            Edit::RemoveAction("nope".into()),
            Edit::SetCardSeverity {
                id: "c1".into(),
                severity: Some(4),
            },
            Edit::SetCardSeverity {
                id: "c1".into(),
                severity: Some(0),
            },
        ];
        for edit in cases {
            assert!(edit.clone().apply(&mut m).is_err(), "{edit:?} should fail");
            assert_eq!(m, original);
        }
        assert!(EditError::BadSeverity(4).to_string().contains("1 (low)"));
    }

    #[test]
    fn typing_in_an_action_touches_only_that_action() {
        let mut m = map();
        let action = Action {
            title: "Fix it now".into(),
            ..m.actions[0].clone()
        };
        let done = Edit::UpdateAction(action.clone()).apply(&mut m).unwrap();
        assert_eq!(done.touched, vec![Scope::Action("a1".into())]);
        assert_eq!(
            Edit::UpdateAction(action).coalesce_key().as_deref(),
            Some("action:a1")
        );
        let done = Edit::UpdateAction(m.actions[0].clone().with_status(ActionStatus::Planned, 1))
            .apply(&mut m)
            .unwrap();
        assert!(done.touched.contains(&Scope::Actions));
    }

    /// [`map`] with a pain point "pp" (stage B) and an opportunity "o1"
    /// (stage C) that answers it.
    fn linked() -> JourneyMap {
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

    fn lane_id(m: &JourneyMap, kind: LaneKind) -> String {
        m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone()
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
    fn shifting_stays_inside_the_list() {
        assert_eq!(shifted(0, 3, -1), None);
        assert_eq!(shifted(0, 3, 1), Some(1));
        assert_eq!(shifted(2, 3, 1), None);
        assert_eq!(shifted(2, 3, -1), Some(1));
        assert_eq!(shifted(0, 0, 0), None);
    }

    #[test]
    fn removing_a_stage_takes_its_content_and_undo_brings_it_back() {
        let mut m = map();
        let s0 = m.stages[0].id.clone();
        let done = Edit::RemoveStage(s0.clone()).apply(&mut m).unwrap();
        assert!(m.cards.iter().all(|c| c.stage != s0));
        assert!(m.touchpoints.is_empty());
        assert!(m.emotions.is_empty());
        done.inverse.apply(&mut m).unwrap();
        assert_eq!(m.cards.len(), 2);
        assert_eq!(m.stages[0].id, s0);
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
        fn undoing_any_sequence_restores_the_map(ops in proptest::collection::vec((0u8..13, 0usize..4, "[a-zé ]{0,6}"), 0..30)) {
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
                    3 => Edit::InsertCard { index: n, card: Card { id: format!("n{}", inverses.len()), lane, stage, persona: None, text, severity: None, answers: None } },
                    4 => Edit::SetCardText { id: "c1".into(), text },
                    5 => Edit::SetEmotion { stage, persona: None, future: false, value: Some((n as i8) - 2) },
                    6 => Edit::RemoveLane(lane),
                    7 => Edit::RemoveCard("c2".into()),
                    8 => Edit::SetCardSeverity { id: "c1".into(), severity: Some(n as u8) },
                    9 => Edit::UpdateAction(Action { title: text, ..Action { id: "a1".into(), ..Action::default() } }.with_status(ActionStatus::ALL[n], 7)),
                    10 => Edit::RemoveTouchpoint("t1".into()),
                    11 => Edit::MoveCard { id: "c1".into(), lane, stage, index: n },
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
