//! The opportunity matrix (issue 16): every Opportunities card of every map,
//! scored on value to the customer, value to the business and effort (1 to
//! 5 each, on the card: `Card::customer_value` …), and placed by one of its
//! values against its effort, in four named quadrants.
//!
//! - An opportunity's **score** is (value to the customer + value to the
//!   business) ÷ effort: 0.4 to 10, the higher the sooner. It is the
//!   value-over-effort ratio of weighted shortest job first (value as the
//!   cost of waiting, effort as the job's size), with both values weighed
//!   alike; an opportunity lacking one of its three scores has none.
//! - The **quadrants** hold the points off the middle row and column (3):
//!   value 4–5 with effort 1–2 are *quick wins*, with effort 4–5 *big bets*;
//!   value 1–2 with effort 1–2 are *fill-ins*, with effort 4–5 *money pits*.
//!   A point on a middle line is *to weigh*: a five-point scale's middle is
//!   neither high nor low, and putting it on one side would hide that.
//! - Moving a point (mouse or keyboard) changes the two scores it is placed
//!   by, and never the third.

pub mod words;

use crate::core::analysis::action_board::PersonaRef;
use crate::core::document::model::{Card, JourneyMap, LaneKind, Scores, SCORE_MAX, SCORE_MIN};
use crate::core::document::opportunity::shorten;
use crate::core::text::search::fold;

/// Characters of an opportunity's text in a point's name and a notice.
pub const SHORT_CHARS: usize = 60;

/// An opportunity's text on one line, cut to [`SHORT_CHARS`].
pub fn short(text: &str) -> String {
    shorten(text, SHORT_CHARS)
}

/// Which value the matrix places against effort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ValueAxis {
    #[default]
    Customer,
    Business,
}

impl ValueAxis {
    pub const ALL: [ValueAxis; 2] = [ValueAxis::Customer, ValueAxis::Business];

    /// The value of `scores` this axis reads.
    pub fn of(self, scores: &Scores) -> Option<u8> {
        match self {
            ValueAxis::Customer => scores.customer_value,
            ValueAxis::Business => scores.business_value,
        }
    }

    fn set(self, scores: &mut Scores, value: u8) {
        match self {
            ValueAxis::Customer => scores.customer_value = Some(value),
            ValueAxis::Business => scores.business_value = Some(value),
        }
    }

    /// A stable code, for a `<select>`.
    pub fn code(self) -> &'static str {
        match self {
            ValueAxis::Customer => "customer",
            ValueAxis::Business => "business",
        }
    }

    pub fn from_code(code: &str) -> Option<ValueAxis> {
        ValueAxis::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// (Value to the customer + value to the business) ÷ effort, when all three
/// are scored and in range.
pub fn score(scores: &Scores) -> Option<f64> {
    if scores.out_of_range().is_some() {
        return None;
    }
    let (c, b, e) = (
        scores.customer_value?,
        scores.business_value?,
        scores.effort?,
    );
    Some(f64::from(c + b) / f64::from(e))
}

/// Where a point is, read from the middle of the scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quadrant {
    QuickWin,
    BigBet,
    FillIn,
    MoneyPit,
    /// On the middle row or column (a value or an effort of 3).
    ToWeigh,
}

/// The middle of the scale, 3: neither high nor low.
pub const SCORE_MIDDLE: u8 = (SCORE_MIN + SCORE_MAX) / 2;

impl Quadrant {
    pub fn of(value: u8, effort: u8) -> Quadrant {
        use std::cmp::Ordering::*;
        match (value.cmp(&SCORE_MIDDLE), effort.cmp(&SCORE_MIDDLE)) {
            (Greater, Less) => Quadrant::QuickWin,
            (Greater, Greater) => Quadrant::BigBet,
            (Less, Less) => Quadrant::FillIn,
            (Less, Greater) => Quadrant::MoneyPit,
            _ => Quadrant::ToWeigh,
        }
    }
}

/// One opportunity of one map, as the matrix and its table show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Opportunity {
    pub map_id: String,
    pub map_title: String,
    pub card_id: String,
    pub text: String,
    pub stage_name: String,
    /// The card's persona, or (a card for everyone) all the map's personas.
    pub personas: Vec<PersonaRef>,
    /// The text of the pain point it answers, if any.
    pub pain_point: Option<String>,
    pub scores: Scores,
}

impl Opportunity {
    /// The matrix's key of this point: map and card ids (cards' ids are only
    /// unique within their map).
    pub fn key(&self) -> (String, String) {
        (self.map_id.clone(), self.card_id.clone())
    }

    /// (value, effort) on `axis`, when both are scored.
    pub fn place(&self, axis: ValueAxis) -> Option<(u8, u8)> {
        Some((axis.of(&self.scores)?, self.scores.effort?))
    }
}

/// Every card in an Opportunities lane of `maps`, map by map, stage by
/// stage, then as the map lists its cards.
pub fn opportunities(maps: &[JourneyMap]) -> Vec<Opportunity> {
    let mut out = Vec::new();
    for map in maps {
        let is_opportunity = |c: &Card| {
            map.lane(&c.lane)
                .is_some_and(|l| l.kind == LaneKind::Opportunities)
        };
        for stage in &map.stages {
            for card in map
                .cards
                .iter()
                .filter(|c| c.stage == stage.id && is_opportunity(c))
            {
                let personas = match card.persona.as_deref() {
                    Some(p) => map.persona(p).into_iter().collect(),
                    None => map.personas.iter().collect::<Vec<_>>(),
                };
                out.push(Opportunity {
                    map_id: map.id.clone(),
                    map_title: map.title.clone(),
                    card_id: card.id.clone(),
                    text: card.text.clone(),
                    stage_name: stage.name.clone(),
                    personas: personas
                        .into_iter()
                        .map(|p| PersonaRef {
                            id: p.id.clone(),
                            name: p.name.clone(),
                        })
                        .collect(),
                    pain_point: card
                        .answers
                        .as_deref()
                        .and_then(|a| map.card(a))
                        .map(|c| c.text.clone()),
                    scores: card.scores(),
                });
            }
        }
    }
    out
}

/// What the matrix shows; `None` keeps every opportunity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MatrixFilter {
    /// A map id.
    pub map: Option<String>,
    /// A stage name, compared ignoring case, accents and surrounding
    /// spaces: maps name their stages alike ("Livraison" in several maps).
    pub stage: Option<String>,
    /// A persona id (an adopted persona keeps its id in every map).
    pub persona: Option<String>,
}

impl MatrixFilter {
    pub fn matches(&self, o: &Opportunity) -> bool {
        self.map.as_deref().is_none_or(|m| o.map_id == m)
            && self
                .stage
                .as_deref()
                .is_none_or(|s| fold(s.trim()) == fold(o.stage_name.trim()))
            && self
                .persona
                .as_deref()
                .is_none_or(|p| o.personas.iter().any(|r| r.id == p))
    }
}

/// The stage names of `list` (within the map filter only, so that choosing
/// a map narrows the stages), once each ignoring case and accents, in the
/// order first met.
pub fn stage_choices(list: &[Opportunity], map: Option<&str>) -> Vec<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for o in list.iter().filter(|o| map.is_none_or(|m| o.map_id == m)) {
        let key = fold(o.stage_name.trim());
        if !seen.iter().any(|(k, _)| *k == key) {
            seen.push((key, o.stage_name.trim().to_owned()));
        }
    }
    seen.into_iter().map(|(_, name)| name).collect()
}

/// The scores after placing a point at (`value`, `effort`) on `axis`
/// (clamped to the scale); the other value is kept.
pub fn placed(scores: Scores, axis: ValueAxis, value: i32, effort: i32) -> Scores {
    let clamp = |v: i32| v.clamp(i32::from(SCORE_MIN), i32::from(SCORE_MAX)) as u8;
    let mut out = scores;
    axis.set(&mut out, clamp(value));
    out.effort = Some(clamp(effort));
    out
}

/// An arrow key on a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// More value.
    Up,
    Down,
    /// Less effort.
    Left,
    Right,
}

/// (value on `axis`, effort), a score not yet given taken as the middle.
fn or_middle(scores: &Scores, axis: ValueAxis) -> (i32, i32) {
    let middle = |v: Option<u8>| i32::from(v.unwrap_or(SCORE_MIDDLE));
    (middle(axis.of(scores)), middle(scores.effort))
}

/// The scores of an opportunity put on the matrix: its value on `axis` and
/// its effort, each the middle (3) when not yet given.
pub fn in_the_middle(scores: Scores, axis: ValueAxis) -> Scores {
    let (value, effort) = or_middle(&scores, axis);
    placed(scores, axis, value, effort)
}

/// The scores after one step on `axis`: a score not yet given starts from
/// the middle, 3; a step off the scale changes nothing.
pub fn stepped(scores: Scores, axis: ValueAxis, step: Step) -> Scores {
    let (value, effort) = or_middle(&scores, axis);
    let (value, effort) = match step {
        Step::Up => (value + 1, effort),
        Step::Down => (value - 1, effort),
        Step::Left => (value, effort - 1),
        Step::Right => (value, effort + 1),
    };
    placed(scores, axis, value, effort)
}

/// How many points of a cell of `n` sit in a row: ⌈√n⌉ (at least 1).
pub fn cell_side(n: usize) -> usize {
    (1..).find(|s| s * s >= n).unwrap_or(1)
}

/// Where the `n` points of one cell sit, as offsets from the cell's centre
/// in cell widths (−0.5 to 0.5): rows of [`cell_side`], so that none hides
/// another.
pub fn cell_offsets(n: usize) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    let side = cell_side(n);
    let rows = n.div_ceil(side);
    let step = 0.8 / side as f64;
    (0..n)
        .map(|i| {
            let (row, col) = (i / side, i % side);
            // The last row may be short: centre it.
            let in_row = if row + 1 == rows {
                n - row * side
            } else {
                side
            };
            let x = (col as f64 - (in_row as f64 - 1.0) / 2.0) * step;
            let y = (row as f64 - (rows as f64 - 1.0) / 2.0) * step;
            (x, y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;
    use crate::core::text::i18n::Lang;
    use proptest::prelude::*;

    fn s(c: Option<u8>, b: Option<u8>, e: Option<u8>) -> Scores {
        Scores {
            customer_value: c,
            business_value: b,
            effort: e,
        }
    }

    #[test]
    fn the_score_is_value_over_effort_and_needs_all_three() {
        assert_eq!(score(&s(Some(5), Some(5), Some(1))), Some(10.0));
        assert_eq!(score(&s(Some(1), Some(1), Some(5))), Some(0.4));
        assert_eq!(score(&s(Some(4), Some(2), Some(3))), Some(2.0));
        assert_eq!(score(&s(Some(4), None, Some(3))), None);
        assert_eq!(score(&s(Some(4), Some(4), None)), None);
        // Out of range (a hostile file is refused on reading; never divide by 0).
        assert_eq!(score(&s(Some(4), Some(4), Some(0))), None);
        assert_eq!(score(&s(Some(9), Some(4), Some(2))), None);
    }

    #[test]
    fn quadrants_leave_the_middle_lines_to_weigh() {
        assert_eq!(Quadrant::of(5, 1), Quadrant::QuickWin);
        assert_eq!(Quadrant::of(4, 2), Quadrant::QuickWin);
        assert_eq!(Quadrant::of(4, 4), Quadrant::BigBet);
        assert_eq!(Quadrant::of(2, 2), Quadrant::FillIn);
        assert_eq!(Quadrant::of(1, 5), Quadrant::MoneyPit);
        for (v, e) in [(3, 1), (3, 5), (1, 3), (5, 3), (3, 3)] {
            assert_eq!(Quadrant::of(v, e), Quadrant::ToWeigh, "{v},{e}");
        }
    }

    #[test]
    fn the_demo_lists_its_opportunities_in_stage_order() {
        let mut map = demo_map(Lang::En, &mut SequentialIds::new("d"), 1);
        let list = opportunities(std::slice::from_ref(&map));
        assert!(list.len() >= 3, "{}", list.len());
        let stage_of = |o: &Opportunity| map.stages.iter().position(|s| s.name == o.stage_name);
        assert!(list.windows(2).all(|w| stage_of(&w[0]) <= stage_of(&w[1])));
        // A card moved out of the lane is no longer one; its scores stay on it.
        let id = list[0].card_id.clone();
        let doing = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Doing)
            .unwrap()
            .id
            .clone();
        let card = map.cards.iter_mut().find(|c| c.id == id).unwrap();
        card.effort = Some(2);
        card.lane = doing;
        assert!(opportunities(std::slice::from_ref(&map))
            .iter()
            .all(|o| o.card_id != id));
        assert_eq!(map.card(&id).unwrap().effort, Some(2));
    }

    #[test]
    fn filters_by_map_stage_name_and_persona() {
        let a = demo_map(Lang::En, &mut SequentialIds::new("a"), 1);
        let mut b = demo_map(Lang::Fr, &mut SequentialIds::new("b"), 1);
        b.id = "other".into();
        let list = opportunities(&[a.clone(), b]);
        let of_a = MatrixFilter {
            map: Some(a.id.clone()),
            ..MatrixFilter::default()
        };
        assert!(list
            .iter()
            .filter(|o| of_a.matches(o))
            .all(|o| o.map_id == a.id));
        let stage = list[0].stage_name.to_uppercase() + " ";
        let by_stage = MatrixFilter {
            stage: Some(stage),
            ..MatrixFilter::default()
        };
        let shown: Vec<_> = list.iter().filter(|o| by_stage.matches(o)).collect();
        assert!(!shown.is_empty() && shown.iter().all(|o| o.stage_name == list[0].stage_name));
        let persona = a.personas[0].id.clone();
        let by_persona = MatrixFilter {
            persona: Some(persona.clone()),
            ..MatrixFilter::default()
        };
        assert!(list
            .iter()
            .filter(|o| by_persona.matches(o))
            .all(|o| o.personas.iter().any(|p| p.id == persona)));
        let names = stage_choices(&list, Some(&a.id));
        assert_eq!(names.len(), {
            let mut n: Vec<_> = list
                .iter()
                .filter(|o| o.map_id == a.id)
                .map(|o| &o.stage_name)
                .collect();
            n.dedup();
            n.len()
        });
    }

    #[test]
    fn steps_start_from_the_middle_and_stop_at_the_edges() {
        let none = Scores::default();
        assert_eq!(
            stepped(none, ValueAxis::Customer, Step::Up),
            s(Some(4), None, Some(3))
        );
        assert_eq!(
            stepped(none, ValueAxis::Business, Step::Left),
            s(None, Some(3), Some(2))
        );
        let top = s(Some(5), Some(1), Some(1));
        assert_eq!(stepped(top, ValueAxis::Customer, Step::Up), top);
        assert_eq!(stepped(top, ValueAxis::Customer, Step::Left), top);
        assert_eq!(
            stepped(top, ValueAxis::Business, Step::Down),
            s(Some(5), Some(1), Some(1))
        );
        assert_eq!(
            placed(top, ValueAxis::Business, 9, -3),
            s(Some(5), Some(5), Some(1))
        );
        assert_eq!(
            in_the_middle(s(Some(5), None, None), ValueAxis::Business),
            s(Some(5), Some(3), Some(3))
        );
        assert_eq!(in_the_middle(top, ValueAxis::Customer), top);
    }

    proptest! {
        #[test]
        fn a_move_keeps_the_other_value_and_stays_on_the_scale(
            c in proptest::option::of(1u8..=5),
            b in proptest::option::of(1u8..=5),
            e in proptest::option::of(1u8..=5),
            v in -10i32..15,
            f in -10i32..15,
            business in any::<bool>(),
        ) {
            let axis = if business { ValueAxis::Business } else { ValueAxis::Customer };
            let before = s(c, b, e);
            let after = placed(before, axis, v, f);
            prop_assert!(after.out_of_range().is_none());
            match axis {
                ValueAxis::Customer => prop_assert_eq!(after.business_value, b),
                ValueAxis::Business => prop_assert_eq!(after.customer_value, c),
            }
            prop_assert!(score(&after).is_none_or(|x| (0.4..=10.0).contains(&x)));
        }

        #[test]
        fn points_of_a_cell_never_overlap_and_stay_inside(n in 1usize..40) {
            let at = cell_offsets(n);
            prop_assert_eq!(at.len(), n);
            let side = cell_side(n) as f64;
            for (i, a) in at.iter().enumerate() {
                prop_assert!(a.0.abs() <= 0.4 && a.1.abs() <= 0.4);
                for b in &at[i + 1..] {
                    let d = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                    prop_assert!(d >= 0.8 / side - 1e-9);
                }
            }
        }
    }
}
