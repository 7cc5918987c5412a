//! The portfolio (issue 16, `#/portfolio`): one row per map of the library,
//! its figures pooled over the whole journey, and the weakest touchpoints of
//! all maps together.
//!
//! - A row is computed from one map and keeps nothing of it but what the
//!   page shows ([`Row`]): the page reads the maps one at a time and drops
//!   each once its row is made, so 50 large maps are never all in memory.
//! - **Journey figures** (NPS, CSAT, CES) pool every touchpoint's latest
//!   reading, as a stage's figure does for its touchpoints
//!   ([`group_figure`]: answers on one scale are pooled, with the pooled
//!   95 % interval; weighted by persona share when the map says so).
//! - **The trend** compares, over the touchpoints measured at least twice,
//!   their latest readings pooled against the readings just before
//!   ([`Trend`]); the change's interval and verdict are those of
//!   [`change::between`](crate::core::analysis::metrics::change::between)
//!   (two independent samples). Touchpoints measured once are left out of
//!   it, so that the trend does not mix a change of customers with a change
//!   of touchpoints; the row says over how many touchpoints it is.
//! - **Open pain points**: pain points that no done action answers, neither
//!   directly nor through an opportunity answering them.

pub mod headline;
pub mod words;

use std::cmp::Ordering;

use crate::core::analysis::action_board::PersonaRef;
use crate::core::analysis::metrics::journey::{group_figure, weakest};
use crate::core::analysis::metrics::{pooled, Figure};
use crate::core::analysis::report::department::{departments, same_department};
use crate::core::document::model::{
    ActionStatus, JourneyMap, LaneKind, MapKind, Metric, Millis, Touchpoint,
};
use crate::core::text::search::fold;

/// How many of a map's weakest touchpoints its row keeps, and how many the
/// portfolio lists across all maps.
pub const WEAKEST_KEPT: usize = 10;

/// A journey figure's change since the readings before the latest ones.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Trend {
    /// The latest readings of the touchpoints measured twice or more, pooled.
    pub now: Figure,
    /// The readings just before those, of the same touchpoints, pooled.
    pub before: Figure,
    /// How many touchpoints it is over.
    pub touchpoints: usize,
}

/// One metric over the whole journey.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JourneyFigure {
    pub now: Figure,
    pub trend: Option<Trend>,
}

/// One of the weakest touchpoints, with where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct WeakSpot {
    pub map_id: String,
    pub map_title: String,
    pub touchpoint_id: String,
    pub touchpoint: String,
    pub stage: String,
    /// Its current NPS, CSAT and CES.
    pub figures: [Option<Figure>; 3],
    /// The lowest goodness of its figures (0 worst … 1 best).
    pub worst: f64,
}

/// One map in the portfolio.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub map_id: String,
    pub title: String,
    pub kind: MapKind,
    /// Who answers for the journey (empty: nobody named).
    pub owner: String,
    pub stages: usize,
    pub touchpoints: usize,
    /// NPS, CSAT and CES over the journey ([`Metric::SURVEYS`] order).
    pub figures: [Option<JourneyFigure>; 3],
    pub pain_points: usize,
    pub open_pain_points: usize,
    /// Actions by status, in [`ActionStatus::ALL`] order.
    pub actions: [usize; 4],
    pub modified: Millis,
    /// The departments that own its touchpoints or carry out its actions.
    pub departments: Vec<String>,
    pub personas: Vec<PersonaRef>,
    /// Its weakest touchpoints, weakest first, at most [`WEAKEST_KEPT`].
    pub weakest: Vec<WeakSpot>,
}

/// `t` without its latest reading of `metric`.
fn without_latest(t: &Touchpoint, metric: Metric) -> Touchpoint {
    let mut earlier = t.clone();
    if let Some(i) = earlier.readings.iter().rposition(|r| r.metric == metric) {
        earlier.readings.remove(i);
    }
    earlier
}

/// The trend of `metric` over the journey (see the module's notes).
pub fn trend(map: &JourneyMap, metric: Metric) -> Option<Trend> {
    let twice: Vec<&Touchpoint> = map
        .touchpoints
        .iter()
        .filter(|t| t.readings.iter().filter(|r| r.metric == metric).count() >= 2)
        .collect();
    if twice.is_empty() {
        return None;
    }
    let earlier: Vec<Touchpoint> = twice.iter().map(|t| without_latest(t, metric)).collect();
    let now = pooled(twice.iter().copied(), metric, None, &map.scales)?;
    let before = pooled(&earlier, metric, None, &map.scales)?;
    Some(Trend {
        now,
        before,
        touchpoints: twice.len(),
    })
}

/// `metric` over the whole journey, with its trend.
pub fn journey_figure(map: &JourneyMap, metric: Metric) -> Option<JourneyFigure> {
    let all: Vec<&Touchpoint> = map.touchpoints.iter().collect();
    let (now, _) = group_figure(map, &all, metric, None)?;
    Some(JourneyFigure {
        now,
        trend: trend(map, metric),
    })
}

/// The pain points of `map` and how many of them are still open.
pub fn pain_points(map: &JourneyMap) -> (usize, usize) {
    let lanes_of = |kind: LaneKind| -> Vec<&str> {
        map.lanes
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| l.id.as_str())
            .collect()
    };
    let (pain_lanes, opportunity_lanes) = (
        lanes_of(LaneKind::PainPoints),
        lanes_of(LaneKind::Opportunities),
    );
    let done = |card: &str| {
        map.actions
            .iter()
            .any(|a| a.status == ActionStatus::Done && a.card.as_deref() == Some(card))
    };
    let pains: Vec<&str> = map
        .cards
        .iter()
        .filter(|c| pain_lanes.contains(&c.lane.as_str()))
        .map(|c| c.id.as_str())
        .collect();
    let answered = |pain: &str| {
        done(pain)
            || map.cards.iter().any(|o| {
                opportunity_lanes.contains(&o.lane.as_str())
                    && o.answers.as_deref() == Some(pain)
                    && done(&o.id)
            })
    };
    let open = pains.iter().filter(|p| !answered(p)).count();
    (pains.len(), open)
}

/// The departments named on `map`'s touchpoints and actions, each once.
pub fn map_departments(map: &JourneyMap) -> Vec<String> {
    let mut found = departments(map);
    for a in &map.actions {
        let name = a.department.trim();
        if !name.is_empty() && !found.iter().any(|d| same_department(d, name)) {
            found.push(name.to_owned());
        }
    }
    found
}

/// The row of one map.
pub fn row(map: &JourneyMap) -> Row {
    let stage_name = |id: &str| {
        map.stages
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
            .unwrap_or_default()
    };
    let weakest = weakest(map)
        .into_iter()
        .take(WEAKEST_KEPT)
        .map(|w| {
            let t = &map.touchpoints[w.touchpoint];
            WeakSpot {
                map_id: map.id.clone(),
                map_title: map.title.clone(),
                touchpoint_id: t.id.clone(),
                touchpoint: t.name.clone(),
                stage: stage_name(&t.stage),
                figures: w.figures,
                worst: w.worst,
            }
        })
        .collect();
    let mut actions = [0; 4];
    for a in &map.actions {
        if let Some(i) = ActionStatus::ALL.iter().position(|s| *s == a.status) {
            actions[i] += 1;
        }
    }
    let (pains, open) = pain_points(map);
    Row {
        map_id: map.id.clone(),
        title: map.title.clone(),
        kind: map.kind,
        owner: map.owner.trim().to_owned(),
        stages: map.stages.len(),
        touchpoints: map.touchpoints.len(),
        figures: Metric::SURVEYS.map(|m| journey_figure(map, m)),
        pain_points: pains,
        open_pain_points: open,
        actions,
        modified: map.modified,
        departments: map_departments(map),
        personas: map
            .personas
            .iter()
            .map(|p| PersonaRef {
                id: p.id.clone(),
                name: p.name.clone(),
            })
            .collect(),
        weakest,
    }
}

/// What the portfolio shows: every choice `None` keeps every map.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<MapKind>,
    /// An owner, compared as departments are (case and accents ignored).
    pub owner: Option<String>,
    /// A department, as [`same_department`] compares them.
    pub department: Option<String>,
    /// A persona's id.
    pub persona: Option<String>,
}

impl Filter {
    pub fn keeps(&self, row: &Row) -> bool {
        self.kind.is_none_or(|k| row.kind == k)
            && self
                .owner
                .as_deref()
                .is_none_or(|o| same_department(&row.owner, o))
            && self
                .department
                .as_deref()
                .is_none_or(|d| row.departments.iter().any(|x| same_department(x, d)))
            && self
                .persona
                .as_deref()
                .is_none_or(|p| row.personas.iter().any(|x| x.id == p))
    }
}

/// The order of the portfolio's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// The most recently changed first.
    #[default]
    Modified,
    /// By title, accents and case ignored.
    Title,
    /// By owner, accents and case ignored; maps nobody owns last.
    Owner,
    /// The weakest journey NPS first; maps without one last.
    Nps,
    Csat,
    Ces,
    /// The most open pain points first.
    OpenPainPoints,
}

impl Sort {
    pub const ALL: [Sort; 7] = [
        Sort::Modified,
        Sort::Title,
        Sort::Owner,
        Sort::Nps,
        Sort::Csat,
        Sort::Ces,
        Sort::OpenPainPoints,
    ];

    /// A stable code, for a `<select>` and tests.
    pub fn code(self) -> &'static str {
        match self {
            Sort::Modified => "modified",
            Sort::Title => "title",
            Sort::Owner => "owner",
            Sort::Nps => "nps",
            Sort::Csat => "csat",
            Sort::Ces => "ces",
            Sort::OpenPainPoints => "open",
        }
    }

    pub fn from_code(code: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .unwrap_or_default()
    }

    /// The metric a figure sort reads.
    fn metric(self) -> Option<usize> {
        match self {
            Sort::Nps => Some(0),
            Sort::Csat => Some(1),
            Sort::Ces => Some(2),
            _ => None,
        }
    }
}

/// How good a row's journey figure is (0 worst … 1 best), for sorting.
fn goodness(row: &Row, metric: usize) -> Option<f64> {
    row.figures[metric].as_ref().and_then(|f| f.now.goodness())
}

/// `rows` in `sort`'s order; ties by title, then id, so the order is total.
pub fn sorted(mut rows: Vec<Row>, sort: Sort) -> Vec<Row> {
    let by_title = |a: &Row, b: &Row| {
        fold(&a.title)
            .cmp(&fold(&b.title))
            .then_with(|| a.map_id.cmp(&b.map_id))
    };
    rows.sort_by(|a, b| {
        let first = match sort {
            Sort::Modified => b.modified.cmp(&a.modified),
            Sort::Title => Ordering::Equal,
            Sort::Owner => match (a.owner.is_empty(), b.owner.is_empty()) {
                (false, true) => Ordering::Less,
                (true, false) => Ordering::Greater,
                _ => fold(&a.owner).cmp(&fold(&b.owner)),
            },
            Sort::OpenPainPoints => b.open_pain_points.cmp(&a.open_pain_points),
            figure => {
                let m = figure.metric().unwrap_or(0);
                match (goodness(a, m), goodness(b, m)) {
                    (Some(x), Some(y)) => x.total_cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
        };
        first.then_with(|| by_title(a, b))
    });
    rows
}

/// The weakest touchpoints of `rows` together, weakest first, at most
/// [`WEAKEST_KEPT`]; ties keep the rows' order.
pub fn weakest_across<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<WeakSpot> {
    let mut all: Vec<&WeakSpot> = rows.into_iter().flat_map(|r| &r.weakest).collect();
    all.sort_by(|a, b| a.worst.total_cmp(&b.worst));
    all.into_iter().take(WEAKEST_KEPT).cloned().collect()
}

/// `names` as a filter's choices: each once (case and accents ignored),
/// sorted, empty ones left out.
fn choices<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for d in names {
        if !d.is_empty() && !found.iter().any(|x| same_department(x, d)) {
            found.push(d.clone());
        }
    }
    found.sort_by_key(|d| fold(d));
    found
}

/// The departments of `rows` as a filter's choices.
pub fn department_choices<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<String> {
    choices(rows.into_iter().flat_map(|r| &r.departments))
}

/// The owners of `rows` as a filter's choices.
pub fn owner_choices<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Vec<String> {
    choices(rows.into_iter().map(|r| &r.owner))
}

#[cfg(test)]
mod tests;
