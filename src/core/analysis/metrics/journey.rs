//! Figures across the whole journey: the reach funnel, the channel mix, the
//! weakest touchpoints, and each stage's figures.

use super::weighting::{weighted, NotWeighted};
use super::{current, pooled, Figure};
use crate::core::document::model::{Channel, JourneyMap, Metric, Touchpoint, Weighting};

/// One touchpoint on the reach funnel.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// Index into `map.touchpoints`.
    pub touchpoint: usize,
    /// Index into `map.stages`.
    pub stage: usize,
    pub count: f64,
    /// `count` as a share (0…1) of the journey's entrants.
    pub share: Option<f64>,
}

/// Touchpoints of the map in journey order: by stage, then as listed.
pub fn in_journey_order(map: &JourneyMap) -> Vec<(usize, usize)> {
    let mut order = Vec::with_capacity(map.touchpoints.len());
    for (s, stage) in map.stages.iter().enumerate() {
        for (t, touchpoint) in map.touchpoints.iter().enumerate() {
            if touchpoint.stage == stage.id {
                order.push((s, t));
            }
        }
    }
    order
}

/// The reach funnel: every touchpoint with a reach, in journey order, and
/// the journey's entrants: the largest reach of the first stage that has one.
pub fn funnel(map: &JourneyMap) -> (Vec<FunnelStep>, Option<f64>) {
    let mut steps: Vec<FunnelStep> = in_journey_order(map)
        .into_iter()
        .filter_map(|(stage, touchpoint)| {
            let (figure, _) = current(&map.touchpoints[touchpoint], Metric::Reach, &map.scales)?;
            Some(FunnelStep {
                touchpoint,
                stage,
                count: figure.value,
                share: None,
            })
        })
        .collect();
    let entrants = steps.first().map(|first| {
        steps
            .iter()
            .filter(|s| s.stage == first.stage)
            .map(|s| s.count)
            .fold(0.0, f64::max)
    });
    if let Some(entrants) = entrants.filter(|&e| e > 0.0) {
        for step in &mut steps {
            step.share = Some(step.count / entrants);
        }
    }
    (steps, entrants)
}

/// How much one channel is used along the journey.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelUse {
    pub channel: Channel,
    pub touchpoints: u32,
    /// The sum of its touchpoints' reach (customer contacts on the channel).
    pub reach: f64,
}

/// Every channel the map uses, in the order of [`Channel::ALL`].
pub fn channel_mix(map: &JourneyMap) -> Vec<ChannelUse> {
    Channel::ALL
        .into_iter()
        .filter_map(|channel| {
            let on: Vec<&Touchpoint> = map
                .touchpoints
                .iter()
                .filter(|t| t.channel == channel)
                .collect();
            (!on.is_empty()).then(|| ChannelUse {
                channel,
                touchpoints: on.len() as u32,
                reach: on
                    .iter()
                    .filter_map(|t| current(t, Metric::Reach, &map.scales))
                    .map(|(f, _)| f.value)
                    .sum(),
            })
        })
        .collect()
}

/// A touchpoint and how badly it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Weakness {
    /// Index into `map.touchpoints`.
    pub touchpoint: usize,
    /// Index into `map.stages`.
    pub stage: usize,
    /// Its current NPS, CSAT and CES figures.
    pub figures: [Option<Figure>; 3],
    /// The lowest goodness of its figures (0 worst … 1 best).
    pub worst: f64,
}

/// Touchpoints with at least one survey figure, weakest first. Ties keep
/// journey order.
pub fn weakest(map: &JourneyMap) -> Vec<Weakness> {
    let mut list: Vec<(usize, Weakness)> = in_journey_order(map)
        .into_iter()
        .filter_map(|(stage, touchpoint)| {
            let t = &map.touchpoints[touchpoint];
            let figures = Metric::SURVEYS.map(|m| current(t, m, &map.scales).map(|(f, _)| f));
            let worst = figures
                .iter()
                .flatten()
                .filter_map(Figure::goodness)
                .reduce(f64::min)?;
            Some(Weakness {
                touchpoint,
                stage,
                figures,
                worst,
            })
        })
        .enumerate()
        .collect();
    // Unstable sort with a total order: worst first, then journey order.
    list.sort_unstable_by(|(i, a), (j, b)| a.worst.total_cmp(&b.worst).then(i.cmp(j)));
    list.into_iter().map(|(_, w)| w).collect()
}

/// One stage's figure of a metric, pooled over its touchpoints, for
/// everyone or for one persona. For everyone, weighted by persona share
/// when the map says so (see [`group_figure`]).
pub fn stage_figure(
    map: &JourneyMap,
    stage: &str,
    metric: Metric,
    persona: Option<&str>,
) -> Option<Figure> {
    stage_group_figure(map, stage, metric, persona).map(|(f, _)| f)
}

/// [`stage_figure`], with the reason it is not weighted when the map asks
/// for weighting and it cannot be done.
pub fn stage_group_figure(
    map: &JourneyMap,
    stage: &str,
    metric: Metric,
    persona: Option<&str>,
) -> Option<(Figure, Option<NotWeighted>)> {
    let group: Vec<&Touchpoint> = map
        .touchpoints
        .iter()
        .filter(|t| t.stage == stage)
        .collect();
    group_figure(map, &group, metric, persona)
}

/// The pooled figure of `group`. For one persona, its respondents'. For
/// everyone: unweighted, or (the map's [`Weighting::PersonaShare`])
/// weighted by persona share; when that cannot be done the unweighted
/// figure comes with the reason.
pub fn group_figure(
    map: &JourneyMap,
    group: &[&Touchpoint],
    metric: Metric,
    persona: Option<&str>,
) -> Option<(Figure, Option<NotWeighted>)> {
    let plain = || pooled(group.iter().copied(), metric, persona, &map.scales);
    if persona.is_some()
        || metric == Metric::Reach
        || map.scales.weighting != Weighting::PersonaShare
    {
        return plain().map(|f| (f, None));
    }
    match weighted(group, metric, &map.personas) {
        Ok(f) => Some((f, None)),
        Err(why) => plain().map(|f| (f, Some(why))),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{reading, touchpoint, typed_reading};
    use super::*;
    use crate::core::document::model::{SequentialIds, Stage};

    fn map_with(touchpoints: Vec<Touchpoint>) -> JourneyMap {
        let mut map = JourneyMap::blank(&mut SequentialIds::new("m"), "M", ["A", "B", "C"], 0);
        map.stages = ["a", "b", "c"]
            .iter()
            .map(|id| Stage {
                id: (*id).into(),
                name: id.to_uppercase(),
                journey: String::new(),
            })
            .collect();
        map.touchpoints = touchpoints;
        map
    }

    fn reach(count: f64) -> Vec<crate::core::document::model::Reading> {
        vec![typed_reading(Metric::Reach, count, None)]
    }

    #[test]
    fn the_funnel_follows_the_journey_and_shares_are_of_the_entrants() {
        // Listed out of journey order on purpose.
        let map = map_with(vec![
            touchpoint("late", "c", reach(250.0)),
            touchpoint("ad", "a", reach(1000.0)),
            touchpoint("word", "a", reach(400.0)),
            touchpoint("none", "b", Vec::new()),
            touchpoint("site", "b", reach(600.0)),
        ]);
        let (steps, entrants) = funnel(&map);
        assert_eq!(entrants, Some(1000.0));
        let got: Vec<(&str, usize, f64)> = steps
            .iter()
            .map(|s| {
                (
                    map.touchpoints[s.touchpoint].id.as_str(),
                    s.stage,
                    s.share.unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("ad", 0, 1.0),
                ("word", 0, 0.4),
                ("site", 1, 0.6),
                ("late", 2, 0.25)
            ]
        );
    }

    #[test]
    fn an_empty_funnel_has_no_entrants() {
        let (steps, entrants) = funnel(&map_with(vec![touchpoint("t", "a", Vec::new())]));
        assert!(steps.is_empty());
        assert_eq!(entrants, None);
        let (steps, _) = funnel(&map_with(vec![touchpoint("t", "a", reach(0.0))]));
        assert_eq!(steps[0].share, None, "no share of zero entrants");
    }

    #[test]
    fn channel_mix_counts_touchpoints_and_sums_reach() {
        let mut shop = touchpoint("shop", "b", reach(50.0));
        shop.channel = Channel::Store;
        let map = map_with(vec![
            touchpoint("w1", "a", reach(100.0)),
            touchpoint("w2", "b", Vec::new()),
            shop,
        ]);
        let mix = channel_mix(&map);
        assert_eq!(
            mix,
            [
                ChannelUse {
                    channel: Channel::Website,
                    touchpoints: 2,
                    reach: 100.0
                },
                ChannelUse {
                    channel: Channel::Store,
                    touchpoints: 1,
                    reach: 50.0
                },
            ]
        );
    }

    #[test]
    fn the_weakest_touchpoint_comes_first_whatever_its_metric() {
        let mut nps = vec![0; 11];
        nps[10] = 40; // NPS +100: goodness 1
        let mut bad_nps = vec![0; 11];
        bad_nps[8] = 40; // NPS 0: goodness .5
        let map = map_with(vec![
            touchpoint("fine", "a", vec![reading(Metric::Nps, &nps)]),
            // Great NPS but awful effort: CES mean 7 on 1–7 → goodness 0.
            touchpoint(
                "effort",
                "b",
                vec![
                    reading(Metric::Nps, &nps),
                    reading(Metric::Ces, &[0, 0, 0, 0, 0, 0, 9]),
                ],
            ),
            touchpoint("meh", "a", vec![reading(Metric::Nps, &bad_nps)]),
            touchpoint("unmeasured", "a", reach(10.0)),
        ]);
        let order: Vec<&str> = weakest(&map)
            .iter()
            .map(|w| map.touchpoints[w.touchpoint].id.as_str())
            .collect();
        assert_eq!(order, ["effort", "meh", "fine"]);
        let w = &weakest(&map)[0];
        assert_eq!(w.worst, 0.0);
        assert!(w.figures[0].is_some() && w.figures[1].is_none() && w.figures[2].is_some());
    }

    #[test]
    fn ties_keep_journey_order() {
        let mut nps = vec![0; 11];
        nps[8] = 5;
        let map = map_with(vec![
            touchpoint("second", "b", vec![reading(Metric::Nps, &nps)]),
            touchpoint("first", "a", vec![reading(Metric::Nps, &nps)]),
        ]);
        let order: Vec<&str> = weakest(&map)
            .iter()
            .map(|w| map.touchpoints[w.touchpoint].id.as_str())
            .collect();
        assert_eq!(order, ["first", "second"]);
    }

    #[test]
    fn a_stage_pools_its_touchpoints_only() {
        let mut promoters = vec![0; 11];
        promoters[9] = 10;
        let mut detractors = vec![0; 11];
        detractors[2] = 10;
        let map = map_with(vec![
            touchpoint("a1", "a", vec![reading(Metric::Nps, &promoters)]),
            touchpoint("a2", "a", vec![reading(Metric::Nps, &promoters)]),
            touchpoint("b1", "b", vec![reading(Metric::Nps, &detractors)]),
        ]);
        assert_eq!(
            stage_figure(&map, "a", Metric::Nps, None).unwrap().value,
            100.0
        );
        assert_eq!(
            stage_figure(&map, "b", Metric::Nps, None).unwrap().value,
            -100.0
        );
        assert_eq!(stage_figure(&map, "c", Metric::Nps, None), None);
    }
}
