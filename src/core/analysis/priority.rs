//! Prioritisation: which touchpoints matter most and do worst, which actions
//! come first, and which superfluous touchpoints could go.
//!
//! - A touchpoint's **criticality** weighs 3 (critical), 2 (complementary)
//!   or 1 (superfluous).
//! - A pain point's **severity** is its card's (1 low … 3 high), 2 when not
//!   rated.
//! - An action's **priority** is the criticality of its touchpoint (2 when
//!   it has none) × the severity of its card (2 when it has none): 1 to 9.

use crate::core::analysis::metrics::{current, journey::in_journey_order, Figure};
use crate::core::document::model::{Action, Card, Classification, JourneyMap, Metric, Touchpoint};

/// The weight of a classification: critical 3, complementary 2, superfluous 1.
pub fn criticality(classification: Classification) -> u32 {
    match classification {
        Classification::Critical => 3,
        Classification::Complementary => 2,
        Classification::Superfluous => 1,
    }
}

/// A pain point's severity (1–3); 2 (medium) when not rated or out of range.
pub fn severity(card: &Card) -> u32 {
    match card.severity {
        Some(v @ 1..=3) => u32::from(v),
        _ => 2,
    }
}

/// An action's priority in `map`: criticality of its touchpoint × severity
/// of its card, each 2 when the action has none (or it is not in the map).
pub fn action_priority(map: &JourneyMap, action: &Action) -> u32 {
    let weight = action
        .touchpoint
        .as_deref()
        .and_then(|t| map.touchpoint(t))
        .map_or(2, |t| criticality(t.classification));
    let severity = action
        .card
        .as_deref()
        .and_then(|c| map.card(c))
        .map_or(2, severity);
    weight * severity
}

/// The lowest goodness (0 worst … 1 best) of a touchpoint's latest NPS,
/// CSAT and CES figures, with the metric it comes from; `None` when none of
/// them is measured.
pub fn worst_metric(map: &JourneyMap, touchpoint: &Touchpoint) -> Option<(Metric, f64)> {
    Metric::SURVEYS
        .into_iter()
        .filter_map(|m| {
            let (figure, _) = current(touchpoint, m, &map.scales)?;
            Figure::goodness(&figure).map(|g| (m, g))
        })
        .reduce(|a, b| if b.1 < a.1 { b } else { a })
}

/// A touchpoint in the prioritised list.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedTouchpoint {
    /// Index into `map.touchpoints`.
    pub touchpoint: usize,
    /// Index into `map.stages`.
    pub stage: usize,
    /// Its criticality weight (3, 2, 1).
    pub criticality: u32,
    /// Its worst survey metric and that metric's goodness (0 … 1).
    pub worst: Option<(Metric, f64)>,
}

/// Every touchpoint (of a stage in the map), most critical first; within a
/// criticality, the worst metric first, touchpoints without any survey
/// figure after the measured ones; ties keep journey order.
pub fn rank_touchpoints(map: &JourneyMap) -> Vec<RankedTouchpoint> {
    let mut ranked: Vec<(usize, RankedTouchpoint)> = in_journey_order(map)
        .into_iter()
        .map(|(stage, touchpoint)| {
            let t = &map.touchpoints[touchpoint];
            RankedTouchpoint {
                touchpoint,
                stage,
                criticality: criticality(t.classification),
                worst: worst_metric(map, t),
            }
        })
        .enumerate()
        .collect();
    ranked.sort_by(|(i, a), (j, b)| {
        b.criticality
            .cmp(&a.criticality)
            .then_with(|| match (a.worst, b.worst) {
                (Some((_, x)), Some((_, y))) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then(i.cmp(j))
    });
    ranked.into_iter().map(|(_, r)| r).collect()
}

/// Below this goodness (0 … 1) a metric is weak: under the middle of its
/// scale (an NPS under 0, a CSAT under 50 %, a CES in the effortful half).
pub const WEAK_GOODNESS: f64 = 0.5;
/// Below this share of the journey's entrants a touchpoint's reach is low.
pub const LOW_REACH: f64 = 0.10;

/// Why a superfluous touchpoint could be removed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RemovalReason {
    /// No survey figure: nothing shows it brings customers any value.
    NoMetric,
    /// Its worst survey figure is weak (this metric, this goodness).
    WeakMetric(Metric, f64),
    /// Few customers reach it: this share (0 … 1) of the journey's entrants.
    LowReach(f64),
}

/// A superfluous touchpoint listed as a candidate to remove.
#[derive(Clone, Debug, PartialEq)]
pub struct RemovalCandidate {
    /// Index into `map.touchpoints`.
    pub touchpoint: usize,
    /// Index into `map.stages`.
    pub stage: usize,
    /// At least one.
    pub reasons: Vec<RemovalReason>,
}

/// Superfluous touchpoints that cost without showing value: a superfluous
/// touchpoint is listed when it has no survey figure, or a weak one (worst
/// goodness under [`WEAK_GOODNESS`]), or a reach under [`LOW_REACH`] of the
/// journey's entrants. One that is measured, not weak and reached by enough
/// customers earns its place and is not listed. Most reasons first, then
/// journey order.
pub fn removal_candidates(map: &JourneyMap) -> Vec<RemovalCandidate> {
    let (funnel, _) = crate::core::analysis::metrics::journey::funnel(map);
    let mut list: Vec<(usize, RemovalCandidate)> = in_journey_order(map)
        .into_iter()
        .filter(|&(_, t)| map.touchpoints[t].classification == Classification::Superfluous)
        .filter_map(|(stage, touchpoint)| {
            let t = &map.touchpoints[touchpoint];
            let mut reasons = Vec::new();
            match worst_metric(map, t) {
                None => reasons.push(RemovalReason::NoMetric),
                Some((metric, g)) if g < WEAK_GOODNESS => {
                    reasons.push(RemovalReason::WeakMetric(metric, g));
                }
                Some(_) => {}
            }
            let share = funnel
                .iter()
                .find(|s| s.touchpoint == touchpoint)
                .and_then(|s| s.share);
            if let Some(share) = share.filter(|&s| s < LOW_REACH) {
                reasons.push(RemovalReason::LowReach(share));
            }
            (!reasons.is_empty()).then_some(RemovalCandidate {
                touchpoint,
                stage,
                reasons,
            })
        })
        .enumerate()
        .collect();
    list.sort_by(|(i, a), (j, b)| b.reasons.len().cmp(&a.reasons.len()).then(i.cmp(j)));
    list.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::document::model::{Channel, Reading, SequentialIds};

    /// A reading of a hand-typed figure.
    pub fn typed(metric: Metric, value: f64, at: i64) -> Reading {
        Reading::typed(metric, value, None, at)
    }

    pub fn touchpoint(
        id: &str,
        stage: &str,
        c: Classification,
        readings: Vec<Reading>,
    ) -> Touchpoint {
        Touchpoint {
            id: id.into(),
            stage: stage.into(),
            name: format!("tp {id}"),
            channel: Channel::Website,
            classification: c,
            department: String::new(),
            readings,
            legacy_metrics: None,
        }
    }

    fn map() -> JourneyMap {
        let mut m = JourneyMap::blank(&mut SequentialIds::new("p"), "M", ["A", "B", "C"], 0);
        let (a, b) = (m.stages[0].id.clone(), m.stages[1].id.clone());
        use Classification::*;
        m.touchpoints = vec![
            // Stage B's touchpoints come first in the list but after A's in the journey.
            touchpoint("b-crit-unmeasured", &b, Critical, vec![]),
            touchpoint(
                "a-compl-good",
                &a,
                Complementary,
                vec![typed(Metric::Csat, 90.0, 1)],
            ),
            touchpoint(
                "a-crit-good",
                &a,
                Critical,
                vec![typed(Metric::Nps, 60.0, 1)],
            ),
            touchpoint(
                "a-crit-bad",
                &a,
                Critical,
                vec![typed(Metric::Nps, 50.0, 1), typed(Metric::Csat, 30.0, 2)],
            ),
            touchpoint(
                "b-super",
                &b,
                Superfluous,
                vec![typed(Metric::Reach, 5.0, 1)],
            ),
            touchpoint(
                "a-super-fine",
                &a,
                Superfluous,
                vec![typed(Metric::Reach, 100.0, 1), typed(Metric::Csat, 80.0, 1)],
            ),
            touchpoint("b-compl-unmeasured", &b, Complementary, vec![]),
        ];
        m
    }

    fn ids(map: &JourneyMap, order: impl IntoIterator<Item = usize>) -> Vec<&str> {
        order
            .into_iter()
            .map(|i| map.touchpoints[i].id.as_str())
            .collect()
    }

    #[test]
    fn touchpoints_rank_by_criticality_then_worst_metric_then_journey() {
        let m = map();
        let ranked = rank_touchpoints(&m);
        assert_eq!(
            ids(&m, ranked.iter().map(|r| r.touchpoint)),
            [
                "a-crit-bad",
                "a-crit-good",
                "b-crit-unmeasured",
                "a-compl-good",
                "b-compl-unmeasured",
                "a-super-fine",
                "b-super",
            ]
        );
        // CSAT 30 % (0.3) is worse than NPS 50 (0.75): it is the worst metric.
        assert_eq!(ranked[0].worst, Some((Metric::Csat, 0.3)));
        assert_eq!(ranked[2].worst, None);
    }

    #[test]
    fn lower_effort_counts_as_better() {
        let mut m = map();
        m.touchpoints[1].readings = vec![typed(Metric::Ces, 6.0, 1)];
        // CES 6 on 1–7, lower is better: goodness 1/6.
        let (metric, g) = worst_metric(&m, &m.touchpoints[1]).unwrap();
        assert_eq!(metric, Metric::Ces);
        assert!((g - 1.0 / 6.0).abs() < 1e-9, "{g}");
    }

    #[test]
    fn superfluous_touchpoints_without_value_are_candidates_to_remove() {
        let m = map();
        let candidates = removal_candidates(&m);
        assert_eq!(
            ids(&m, candidates.iter().map(|c| c.touchpoint)),
            ["b-super"]
        );
        assert_eq!(
            candidates[0].reasons,
            [RemovalReason::NoMetric, RemovalReason::LowReach(0.05)]
        );
        let mut weak = m.clone();
        weak.touchpoints[5]
            .readings
            .push(typed(Metric::Nps, -40.0, 2));
        let candidates = removal_candidates(&weak);
        assert_eq!(
            ids(&weak, candidates.iter().map(|c| c.touchpoint)),
            ["b-super", "a-super-fine"]
        );
        assert!(matches!(
            candidates[1].reasons[..],
            [RemovalReason::WeakMetric(Metric::Nps, g)] if (g - 0.3).abs() < 1e-9
        ));
    }

    #[test]
    fn action_priority_is_criticality_times_severity() {
        let mut m = map();
        let pains = m
            .lanes
            .iter()
            .find(|l| l.kind == crate::core::document::model::LaneKind::PainPoints);
        let lane = pains.unwrap().id.clone();
        m.cards.push(Card {
            id: "pain".into(),
            lane,
            stage: m.stages[0].id.clone(),
            persona: None,
            text: "Too slow".into(),
            severity: Some(3),
            answers: None,
            ..Default::default()
        });
        let action = |card: Option<&str>, tp: Option<&str>| Action {
            id: "x".into(),
            card: card.map(str::to_owned),
            touchpoint: tp.map(str::to_owned),
            ..Action::default()
        };
        assert_eq!(
            action_priority(&m, &action(Some("pain"), Some("a-crit-bad"))),
            9
        );
        assert_eq!(
            action_priority(&m, &action(Some("pain"), Some("b-super"))),
            3
        );
        assert_eq!(action_priority(&m, &action(None, Some("a-crit-bad"))), 6);
        assert_eq!(action_priority(&m, &action(None, None)), 4);
        assert_eq!(action_priority(&m, &action(Some("gone"), Some("gone"))), 4);
    }
}
