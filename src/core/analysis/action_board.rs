//! The actions board: every action of every map, from the pain point it
//! answers to the effect it had on its touchpoint's metric.
//!
//! Rows come sorted by priority (see [`crate::core::analysis::priority`]), highest first,
//! then by due date (soonest first, undated last), then by title.

use std::cmp::Ordering;

use crate::core::analysis::metrics::change::{between, Change};
use crate::core::analysis::metrics::{of_reading, Figure};
use crate::core::analysis::opportunity_matrix::score;
use crate::core::analysis::priority::action_priority;
use crate::core::document::model::{
    Action, ActionStatus, Card, JourneyMap, LaneKind, Metric, Millis, Scales, Touchpoint,
};
use crate::core::text::search::fold;

/// One measured value of a metric and when it was measured.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured {
    /// As [`Figure::value`]: NPS score, CSAT %, CES mean, reach count.
    pub value: f64,
    pub at: Millis,
}

/// What a done action changed: its metric before and after it was done.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Effect {
    pub metric: Metric,
    /// The latest reading at or before the action was done.
    pub before: Measured,
    /// The latest reading after it was done.
    pub after: Measured,
    /// Whether the metric got better (lower effort is better); `None` for
    /// reach, or when either figure has no goodness.
    pub improved: Option<bool>,
    /// The change with its 95 % interval, and whether it is beyond noise
    /// (`verdict: None` when it cannot be tested: typed figures, reach).
    pub change: Change,
}

/// The effect of `action` on `touchpoint`'s metric, read from the metric's
/// history: only for a Done action with its `done_at` and its metric, when
/// the touchpoint has a reading of that metric at or before `done_at` and
/// one after it. `scales` are the map's (to read typed CES means); figures
/// from answers use the scale kept with them.
pub fn effect(action: &Action, touchpoint: &Touchpoint, scales: &Scales) -> Option<Effect> {
    if action.status != ActionStatus::Done {
        return None;
    }
    let (done_at, metric) = (action.done_at?, action.metric?);
    let figures: Vec<(Millis, Figure)> = touchpoint
        .readings
        .iter()
        .filter(|r| r.metric == metric)
        .filter_map(|r| of_reading(r, scales).map(|f| (r.at, f)))
        .collect();
    // Readings are kept oldest first, but a merge or an import may add an
    // older one later: pick by date, the later in the list on a tie.
    let latest = |keep: &dyn Fn(Millis) -> bool| {
        figures
            .iter()
            .filter(|(at, _)| keep(*at))
            .fold(None::<&(Millis, Figure)>, |best, item| match best {
                Some(b) if b.0 > item.0 => Some(b),
                _ => Some(item),
            })
    };
    let (before_at, before) = latest(&|at| at <= done_at)?;
    let (after_at, after) = latest(&|at| at > done_at)?;
    let improved = match (before.goodness(), after.goodness()) {
        (Some(b), Some(a)) => Some(a > b),
        _ => None,
    };
    Some(Effect {
        metric,
        before: Measured {
            value: before.value,
            at: *before_at,
        },
        after: Measured {
            value: after.value,
            at: *after_at,
        },
        improved,
        change: between(before, after),
    })
}

/// A persona an action concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonaRef {
    pub id: String,
    pub name: String,
}

/// The personas of `list` as a filter's (id, name) choices: once each by
/// id (a persona adopted by several maps keeps its id), as first met.
pub fn persona_choices<'a>(
    list: impl IntoIterator<Item = &'a PersonaRef>,
) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for p in list {
        if !seen.iter().any(|(id, _)| *id == p.id) {
            seen.push((p.id.clone(), p.name.clone()));
        }
    }
    seen
}

/// One line of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardRow {
    pub map_id: String,
    pub map_title: String,
    pub action: Action,
    /// The text of the pain point (or opportunity) card it answers.
    pub pain_point: Option<String>,
    /// The name of its touchpoint.
    pub touchpoint: Option<String>,
    /// The personas involved: the card's persona, or (a card for everyone,
    /// or no card) all the map's personas.
    pub personas: Vec<PersonaRef>,
    /// Criticality × severity, 1 to 9 (see [`crate::core::analysis::priority`]).
    pub priority: u32,
    /// Before and after, for a done action whose metric was measured on
    /// both sides of its completion.
    pub effect: Option<Effect>,
    /// The opportunity score behind it (see [`opportunity_score`]).
    pub score: Option<f64>,
}

/// The board's rows for the actions of `maps`, sorted.
pub fn board(maps: &[JourneyMap]) -> Vec<BoardRow> {
    let mut rows: Vec<BoardRow> = maps
        .iter()
        .flat_map(|map| map.actions.iter().map(move |a| row(map, a)))
        .collect();
    rows.sort_by(compare_rows);
    rows
}

fn row(map: &JourneyMap, action: &Action) -> BoardRow {
    let card = action.card.as_deref().and_then(|c| map.card(c));
    let touchpoint = action.touchpoint.as_deref().and_then(|t| map.touchpoint(t));
    let personas = match card.and_then(|c| c.persona.as_deref()) {
        Some(p) => map.persona(p).into_iter().collect(),
        None => map.personas.iter().collect::<Vec<_>>(),
    }
    .into_iter()
    .map(|p| PersonaRef {
        id: p.id.clone(),
        name: p.name.clone(),
    })
    .collect();
    BoardRow {
        map_id: map.id.clone(),
        map_title: map.title.clone(),
        action: action.clone(),
        pain_point: card.map(|c| c.text.clone()),
        touchpoint: touchpoint.map(|t| t.name.clone()),
        personas,
        priority: action_priority(map, action),
        effect: touchpoint.and_then(|t| effect(action, t, &map.scales)),
        score: opportunity_score(map, action),
    }
}

/// The opportunity score behind an action (issue 16): its card's, when the
/// card is a scored opportunity; the best of the scored opportunities that
/// answer it, when the card is a pain point; else none.
pub fn opportunity_score(map: &JourneyMap, action: &Action) -> Option<f64> {
    let card = map.card(action.card.as_deref()?)?;
    let is_opportunity = |c: &Card| {
        map.lane(&c.lane)
            .is_some_and(|l| l.kind == LaneKind::Opportunities)
    };
    if is_opportunity(card) {
        score(&card.scores())
    } else if map.is_pain_point(card) {
        map.cards
            .iter()
            .filter(|c| c.answers.as_deref() == Some(card.id.as_str()) && is_opportunity(c))
            .filter_map(|c| score(&c.scores()))
            .reduce(f64::max)
    } else {
        None
    }
}

/// How the board is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BoardSort {
    /// [`compare_rows`].
    #[default]
    Priority,
    /// Opportunity score, highest first, unscored last; then as
    /// [`compare_rows`].
    Score,
}

/// `rows` in the order `sort` asks (they come from [`board`] by priority).
pub fn sorted(rows: &[BoardRow], sort: BoardSort) -> Vec<&BoardRow> {
    let mut out: Vec<&BoardRow> = rows.iter().collect();
    if sort == BoardSort::Score {
        out.sort_by(|a, b| {
            match (a.score, b.score) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
            .then_with(|| compare_rows(a, b))
        });
    }
    out
}

/// Priority, highest first; then due date, soonest first and undated last;
/// then title (ignoring case and accents); then map and action ids, so the
/// order never depends on the input's.
pub fn compare_rows(a: &BoardRow, b: &BoardRow) -> Ordering {
    b.priority
        .cmp(&a.priority)
        .then_with(|| match (a.action.due, b.action.due) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| fold(&a.action.title).cmp(&fold(&b.action.title)))
        .then_with(|| a.map_id.cmp(&b.map_id))
        .then_with(|| a.action.id.cmp(&b.action.id))
}

/// What the board shows; `None` (or empty) fields keep every row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardFilter {
    pub status: Option<ActionStatus>,
    /// An owner or department, compared ignoring case, accents and the
    /// spaces around it.
    pub owner: Option<String>,
    /// A map id.
    pub map: Option<String>,
    /// A persona id (personas keep their id in every map that adopts them).
    pub persona: Option<String>,
}

impl BoardFilter {
    /// Whether `row` passes every criterion set.
    pub fn matches(&self, row: &BoardRow) -> bool {
        let same = |a: &str, b: &str| fold(a.trim()) == fold(b.trim());
        self.status.is_none_or(|s| row.action.status == s)
            && self.owner.as_deref().is_none_or(|o| {
                o.trim().is_empty() || same(&row.action.owner, o) || same(&row.action.department, o)
            })
            && self.map.as_deref().is_none_or(|m| row.map_id == m)
            && self
                .persona
                .as_deref()
                .is_none_or(|p| row.personas.iter().any(|r| r.id == p))
    }

    /// The rows that pass, in their order.
    pub fn apply<'a>(&self, rows: &'a [BoardRow]) -> Vec<&'a BoardRow> {
        rows.iter().filter(|r| self.matches(r)).collect()
    }
}

/// The owners and departments named on the board, once each (ignoring case
/// and accents, as first written), sorted: the choices of the owner filter.
pub fn owners(rows: &[BoardRow]) -> Vec<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for row in rows {
        for name in [&row.action.owner, &row.action.department] {
            let name = name.trim();
            let key = fold(name);
            if !name.is_empty() && !seen.iter().any(|(k, _)| *k == key) {
                seen.push((key, name.to_owned()));
            }
        }
    }
    seen.sort();
    seen.into_iter().map(|(_, name)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::priority::tests::{touchpoint, typed};
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Card, Classification, LaneKind, Persona, SequentialIds};
    use crate::core::text::i18n::Lang;

    fn map(id: &str) -> JourneyMap {
        let mut m = JourneyMap::blank(&mut SequentialIds::new(id), id, ["A", "B", "C"], 0);
        m.id = id.into();
        let stage = m.stages[0].id.clone();
        let pains = m.lanes.iter().find(|l| l.kind == LaneKind::PainPoints);
        let lane = pains.map(|l| l.id.clone()).unwrap_or_default();
        m.personas = ["Ana", "Bob"]
            .iter()
            .map(|n| Persona {
                id: format!("persona-{n}"),
                name: (*n).into(),
                ..Persona::default()
            })
            .collect();
        m.cards = vec![
            Card {
                id: format!("{id}-high"),
                lane: lane.clone(),
                stage: stage.clone(),
                persona: Some("persona-Ana".into()),
                text: "Slow".into(),
                severity: Some(3),
                answers: None,
                ..Default::default()
            },
            Card {
                id: format!("{id}-low"),
                lane,
                stage: stage.clone(),
                persona: None,
                text: "Ugly".into(),
                severity: Some(1),
                answers: None,
                ..Default::default()
            },
        ];
        m.touchpoints = vec![
            touchpoint(
                &format!("{id}-crit"),
                &stage,
                Classification::Critical,
                vec![
                    typed(Metric::Nps, -10.0, 100),
                    typed(Metric::Nps, 5.0, 200),
                    typed(Metric::Nps, 20.0, 300),
                ],
            ),
            touchpoint(
                &format!("{id}-super"),
                &stage,
                Classification::Superfluous,
                vec![],
            ),
        ];
        m
    }

    fn action(id: &str, card: &str, tp: &str, due: Option<Millis>) -> Action {
        Action {
            id: id.into(),
            title: id.into(),
            owner: "Équipe Web".into(),
            card: Some(card.into()),
            touchpoint: Some(tp.into()),
            due,
            ..Action::default()
        }
    }

    fn two_maps() -> Vec<JourneyMap> {
        let mut a = map("a");
        a.actions = vec![
            action("a-3", "a-low", "a-super", None),          // 1 × 1 = 1
            action("a-9-late", "a-high", "a-crit", Some(50)), // 3 × 3 = 9
            action("a-9-undated", "a-high", "a-crit", None),
            action("a-9-soon", "a-high", "a-crit", Some(10)),
        ];
        let mut b = map("b");
        b.actions = vec![
            Action {
                department: "Logistics".into(),
                owner: String::new(),
                ..action("b-3", "b-low", "b-crit", Some(1)) // 3 × 1 = 3
            },
            action("b-6", "b-high", "b-super", None), // 1 × 3 = 3
        ];
        vec![a, b]
    }

    fn ids(rows: &[&BoardRow]) -> Vec<String> {
        rows.iter().map(|r| r.action.id.clone()).collect()
    }

    #[test]
    fn the_board_sorts_by_priority_then_due_date_then_title() {
        let rows = board(&two_maps());
        let all: Vec<&BoardRow> = rows.iter().collect();
        assert_eq!(
            ids(&all),
            ["a-9-soon", "a-9-late", "a-9-undated", "b-3", "b-6", "a-3"]
        );
        let p: Vec<u32> = rows.iter().map(|r| r.priority).collect();
        assert_eq!(p, [9, 9, 9, 3, 3, 1]);
        assert_eq!(rows[0].map_title, "a");
        assert_eq!(rows[0].pain_point.as_deref(), Some("Slow"));
        assert_eq!(rows[0].touchpoint.as_deref(), Some("tp a-crit"));
    }

    #[test]
    fn sorting_by_score_takes_the_opportunity_or_the_best_answering_one() {
        let mut maps = two_maps();
        let a = &mut maps[0];
        let opportunities = a
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Opportunities)
            .unwrap()
            .id
            .clone();
        let stage = a.stages[0].id.clone();
        let scored = |id: &str, answers: &str, c: u8, b: u8, e: u8| Card {
            id: id.into(),
            lane: opportunities.clone(),
            stage: stage.clone(),
            answers: Some(answers.into()),
            customer_value: Some(c),
            business_value: Some(b),
            effort: Some(e),
            ..Card::default()
        };
        // "a-low" is answered by two opportunities: 6/3 = 2 and 10/4 = 2.5.
        a.cards.push(scored("o-small", "a-low", 3, 3, 3));
        a.cards.push(scored("o-big", "a-low", 5, 5, 4));
        // An opportunity with one score missing has none.
        a.cards.push(Card {
            effort: None,
            ..scored("o-half", "a-high", 5, 5, 1)
        });
        a.actions.push(action("a-opp", "o-small", "a-super", None));
        let rows = board(&maps);
        let score_of = |id: &str| rows.iter().find(|r| r.action.id == id).unwrap().score;
        assert_eq!(score_of("a-3"), Some(2.5));
        assert_eq!(score_of("a-opp"), Some(2.0));
        assert_eq!(score_of("a-9-soon"), None);
        let by_score = sorted(&rows, BoardSort::Score);
        assert_eq!(
            ids(&by_score),
            [
                "a-3",
                "a-opp",
                "a-9-soon",
                "a-9-late",
                "a-9-undated",
                "b-3",
                "b-6"
            ]
        );
        // By priority, the board's own order.
        let by_priority = sorted(&rows, BoardSort::Priority);
        assert_eq!(
            ids(&by_priority)[..3],
            ["a-9-soon", "a-9-late", "a-9-undated"]
        );
    }

    #[test]
    fn personas_come_from_the_card_or_the_whole_map() {
        let rows = board(&two_maps());
        let names = |id: &str| -> Vec<String> {
            let row = rows.iter().find(|r| r.action.id == id).unwrap();
            row.personas.iter().map(|p| p.name.clone()).collect()
        };
        assert_eq!(names("a-9-soon"), ["Ana"]);
        assert_eq!(names("a-3"), ["Ana", "Bob"]);
    }

    #[test]
    fn filters_combine_and_ignore_case_and_accents() {
        let rows = board(&two_maps());
        let filter = |f: BoardFilter| ids(&f.apply(&rows));
        assert_eq!(filter(BoardFilter::default()).len(), 6);
        assert_eq!(
            filter(BoardFilter {
                map: Some("b".into()),
                ..BoardFilter::default()
            }),
            ["b-3", "b-6"]
        );
        assert_eq!(
            filter(BoardFilter {
                owner: Some(" logistics ".into()),
                ..BoardFilter::default()
            }),
            ["b-3"]
        );
        assert_eq!(
            filter(BoardFilter {
                owner: Some("equipe web".into()),
                persona: Some("persona-Bob".into()),
                ..BoardFilter::default()
            }),
            ["a-3"]
        );
        assert_eq!(
            filter(BoardFilter {
                status: Some(ActionStatus::Done),
                ..BoardFilter::default()
            }),
            Vec::<String>::new()
        );
        assert_eq!(owners(&rows), ["Équipe Web", "Logistics"]);
    }

    #[test]
    fn a_done_action_shows_its_metric_before_and_after() {
        let m = map("a");
        let tp = &m.touchpoints[0];
        let mut done = action("x", "a-high", "a-crit", None).with_status(ActionStatus::Done, 250);
        assert_eq!(effect(&done, tp, &m.scales), None, "no metric named");
        done.metric = Some(Metric::Nps);
        let e = effect(&done, tp, &m.scales).unwrap();
        assert_eq!(
            e.before,
            Measured {
                value: 5.0,
                at: 200
            }
        );
        assert_eq!(
            e.after,
            Measured {
                value: 20.0,
                at: 300
            }
        );
        assert_eq!(e.improved, Some(true));
        // A reading exactly at done_at counts as before.
        done.done_at = Some(200);
        assert_eq!(effect(&done, tp, &m.scales).unwrap().before.at, 200);
        // Nothing measured after, or before: no effect.
        done.done_at = Some(300);
        assert_eq!(effect(&done, tp, &m.scales), None);
        done.done_at = Some(50);
        assert_eq!(effect(&done, tp, &m.scales), None);
        // Not done: no effect, whatever its dates.
        let mut open = done.clone().with_status(ActionStatus::InProgress, 0);
        open.done_at = Some(250);
        assert_eq!(effect(&open, tp, &m.scales), None);
    }

    #[test]
    fn an_effect_from_answers_says_whether_it_is_beyond_noise() {
        use crate::core::analysis::metrics::change::Verdict;
        use crate::core::document::model::{Reading, Scale};
        let answers = |at: Millis, detractors: u32, promoters: u32| {
            let mut counts = vec![0; 11];
            counts[3] = detractors;
            counts[10] = promoters;
            Reading {
                scale: Some(Scale::NPS),
                answers: counts,
                source: Some("survey.csv".into()),
                ..Reading::typed(Metric::Nps, 0.0, None, at)
            }
        };
        let mut m = map("a");
        let mut done = action("x", "a-high", "a-crit", None).with_status(ActionStatus::Done, 5);
        done.metric = Some(Metric::Nps);
        // NPS 0 → +10 on 20 answers each side: within noise.
        m.touchpoints[0].readings = vec![answers(1, 10, 10), answers(9, 9, 11)];
        let e = effect(&done, &m.touchpoints[0], &m.scales).unwrap();
        assert_eq!(e.improved, Some(true), "the direction alone is better");
        assert_eq!(e.change.verdict, Some(Verdict::WithinNoise));
        // NPS −20 → +60 on 50 answers each side: +80, improved beyond noise.
        m.touchpoints[0].readings = vec![answers(1, 30, 20), answers(9, 10, 40)];
        let e = effect(&done, &m.touchpoints[0], &m.scales).unwrap();
        assert_eq!(e.change.verdict, Some(Verdict::Better));
        let (verdict, said) = crate::core::text::action_text::effect_verdict(Lang::Fr, &e).unwrap();
        assert_eq!(verdict, Verdict::Better);
        assert!(
            said.starts_with("+80 (") && said.ends_with("· amélioré"),
            "{said}"
        );
        // Typed figures cannot be tested.
        m.touchpoints[0].readings = vec![typed(Metric::Nps, 5.0, 1), typed(Metric::Nps, 20.0, 9)];
        let e = effect(&done, &m.touchpoints[0], &m.scales).unwrap();
        assert_eq!(e.change.verdict, None);
        assert_eq!(
            crate::core::text::action_text::effect_verdict(Lang::En, &e),
            None
        );
    }

    #[test]
    fn lower_effort_after_is_an_improvement() {
        let mut m = map("a");
        m.touchpoints[0].readings = vec![typed(Metric::Ces, 5.0, 1), typed(Metric::Ces, 3.0, 9)];
        let mut done = action("x", "a-high", "a-crit", None).with_status(ActionStatus::Done, 5);
        done.metric = Some(Metric::Ces);
        let e = effect(&done, &m.touchpoints[0], &m.scales).unwrap();
        assert_eq!(
            (e.before.value, e.after.value, e.improved),
            (5.0, 3.0, Some(true))
        );
    }

    #[test]
    fn the_demo_shows_the_effect_of_its_done_action() {
        let demo = demo_map(Lang::En, &mut SequentialIds::new("d"), 1_700_000_000_000);
        let rows = board(&[demo]);
        let done: Vec<&BoardRow> = rows
            .iter()
            .filter(|r| r.action.status == ActionStatus::Done)
            .collect();
        assert_eq!(done.len(), 1);
        let e = done[0].effect.expect("measured before and after");
        assert_eq!(e.metric, Metric::Nps);
        // The demo's two surveys differ beyond noise (the e2e tests read it).
        assert_eq!(
            e.change.verdict,
            Some(crate::core::analysis::metrics::change::Verdict::Better),
            "{:?}",
            e.change
        );
        assert!(e.before.at < e.after.at);
        assert_eq!(e.improved, Some(true));
    }
}
