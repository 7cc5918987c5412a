//! Figures computed from readings: NPS, CSAT, CES and reach, with their 95 %
//! confidence intervals, rolled up per stage and per persona, the reach
//! funnel, the channel mix and the weakest touchpoints.
//!
//! Everything here is a pure function of the map; the UI only formats it.

pub mod change;
#[cfg(test)]
mod coverage_tests;
pub mod distribution;
pub mod interval;
pub mod journey;
pub mod nps;
pub mod scale_stats;
pub mod text;
pub mod weighting;

use crate::core::document::model::{Metric, Millis, Reading, Scale, Scales, Touchpoint};

pub use nps::Nps;
pub use scale_stats::ScaleStats;

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;
/// Below this many answers a survey figure is flagged as not conclusive.
pub const MIN_ANSWERS: u32 = 30;

/// A range of plausible values, in the unit of the figure it belongs to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// What a figure's interval, and the intervals of its changes, are
/// computed from. Sizes are real numbers: a weighted figure carries its
/// effective sample size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sample {
    /// NPS: the shares (0…1) of promoters and detractors among `n`.
    Nps {
        promoters: f64,
        detractors: f64,
        n: f64,
    },
    /// CSAT: the share (0…1) of satisfied answers among `n`.
    Share { share: f64, n: f64 },
    /// CES: the mean answer and the answers' standard deviation, of `n`.
    Mean { mean: f64, sd: f64, n: f64 },
}

/// A figure weighted by the personas' shares of customers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weighted {
    /// Kish's effective sample size: what the weighted answers are worth.
    pub effective_n: f64,
    /// Personas whose answers were weighted.
    pub personas: u32,
    /// Personas with a share of customers but no answers here: their
    /// share is spread over the others (said beside the figure).
    pub without_answers: u32,
    /// Answers left out: given by no persona, or by a persona without a share.
    pub left_out: u32,
}

/// One metric's figure, ready to show.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub metric: Metric,
    /// NPS: the score (−100…100). CSAT: % of satisfied answers. CES: the
    /// mean effort. Reach: the count.
    pub value: f64,
    /// The 95 % interval around `value`, when it can be computed.
    pub interval: Option<Interval>,
    /// Answers behind it (survey metrics), when known.
    pub n: Option<u32>,
    /// CSAT: the mean answer. CES: % of low-effort answers.
    pub secondary: Option<f64>,
    /// The answer scale (survey metrics).
    pub scale: Option<Scale>,
    /// Typed by hand (or pooled with figures typed by hand), rather than
    /// computed from imported answers or counts.
    pub typed: bool,
    /// The answers behind the interval, when the figure has one.
    pub sample: Option<Sample>,
    /// Weighted by persona shares (`None`: every answer counts once).
    pub weighted: Option<Weighted>,
}

impl Figure {
    /// Computed from enough answers to mean something.
    pub fn conclusive(&self) -> bool {
        self.metric == Metric::Reach || self.n.is_some_and(|n| n >= MIN_ANSWERS)
    }

    /// How good the figure is, from 0 (worst possible) to 1 (best), so that
    /// metrics on different scales compare. `None` for reach.
    pub fn goodness(&self) -> Option<f64> {
        let g = match self.metric {
            Metric::Reach => return None,
            Metric::Nps => (self.value + 100.0) / 200.0,
            Metric::Csat => self.value / 100.0,
            Metric::Ces => {
                let scale = self.scale?;
                let span = f64::from(scale.high - scale.low);
                let position = (self.value - f64::from(scale.low)) / span;
                if scale.lower_is_better() {
                    1.0 - position
                } else {
                    position
                }
            }
        };
        g.is_finite().then_some(g.clamp(0.0, 1.0))
    }
}

/// The figure of answers counted per point of `scale`.
pub fn from_answers(metric: Metric, scale: Scale, counts: &[u32]) -> Option<Figure> {
    let figure = |value, interval, n: u32, secondary, sample| Figure {
        metric,
        value,
        interval,
        n: Some(n),
        secondary,
        scale: Some(scale),
        typed: false,
        sample: Some(sample),
        weighted: None,
    };
    match metric {
        Metric::Reach => None,
        Metric::Nps => Nps::from_counts(counts).map(|nps| {
            let n = f64::from(nps.n);
            let sample = Sample::Nps {
                promoters: f64::from(nps.promoters) / n,
                detractors: f64::from(nps.detractors) / n,
                n,
            };
            Figure {
                scale: Some(Scale::NPS),
                ..figure(nps.score, Some(nps.interval), nps.n, None, sample)
            }
        }),
        Metric::Csat => ScaleStats::from_counts(scale, counts).map(|s| {
            let interval = Interval {
                low: 100.0 * s.good_interval.low,
                high: 100.0 * s.good_interval.high,
            };
            let sample = Sample::Share {
                share: s.good_share,
                n: f64::from(s.n),
            };
            figure(
                100.0 * s.good_share,
                Some(interval),
                s.n,
                Some(s.mean),
                sample,
            )
        }),
        Metric::Ces => ScaleStats::from_counts(scale, counts).map(|s| {
            let sample = Sample::Mean {
                mean: s.mean,
                sd: s.sd,
                n: f64::from(s.n),
            };
            let share = Some(100.0 * s.good_share);
            figure(s.mean, s.mean_interval, s.n, share, sample)
        }),
    }
}

/// The figure of one reading: computed from its answers, or as typed.
/// Typed CES means are read on the map's CES scale.
pub fn of_reading(reading: &Reading, scales: &Scales) -> Option<Figure> {
    if let (Some(scale), false) = (reading.scale, reading.answers.is_empty()) {
        return from_answers(reading.metric, scale, &reading.answers);
    }
    let by_hand = reading.source.is_none();
    from_value(reading.metric, reading.value?, reading.n, by_hand, scales)
}

/// The figure of a value (a count, or an aggregate): no interval.
fn from_value(
    metric: Metric,
    value: f64,
    n: Option<u32>,
    by_hand: bool,
    scales: &Scales,
) -> Option<Figure> {
    value.is_finite().then(|| Figure {
        metric,
        value,
        interval: None,
        n,
        secondary: None,
        scale: scales.of(metric),
        typed: by_hand,
        sample: None,
        weighted: None,
    })
}

/// The current figure of a touchpoint's metric, with when it was measured.
pub fn current(
    touchpoint: &Touchpoint,
    metric: Metric,
    scales: &Scales,
) -> Option<(Figure, Millis)> {
    let reading = touchpoint.latest(metric)?;
    of_reading(reading, scales).map(|f| (f, reading.at))
}

/// A metric's figures over time, oldest first (its history, then now).
pub fn trend(touchpoint: &Touchpoint, metric: Metric, scales: &Scales) -> Vec<(Millis, Figure)> {
    touchpoint
        .readings
        .iter()
        .filter(|r| r.metric == metric)
        .filter_map(|r| of_reading(r, scales).map(|f| (r.at, f)))
        .collect()
}

/// One touchpoint's latest reading of `metric`, seen for everyone
/// (`persona: None`) or for one persona's respondents only.
fn slice<'a>(reading: &'a Reading, persona: Option<&str>) -> Option<(&'a [u32], Option<f64>)> {
    match persona {
        None => Some((&reading.answers, reading.value)),
        Some(p) => reading
            .personas
            .iter()
            .find(|s| s.persona == p)
            .map(|s| (s.answers.as_slice(), s.value)),
    }
}

/// Several touchpoints' current figures of a metric as one: for a stage,
/// for a persona, or for the whole journey.
///
/// Survey answers on the same scale are pooled (their interval is the
/// pooled one). Otherwise the figures are averaged, weighted by their
/// answers when known, and the result has no interval. Reach is the
/// largest count: at least that many customers got there.
pub fn pooled<'a>(
    touchpoints: impl IntoIterator<Item = &'a Touchpoint>,
    metric: Metric,
    persona: Option<&str>,
    scales: &Scales,
) -> Option<Figure> {
    let mut counts: Vec<u32> = Vec::new();
    let mut scale: Option<Scale> = None;
    let mut same_scale = true;
    // Some figure is a value (typed, or an imported aggregate), not answers.
    let mut from_values = false;
    let mut figures: Vec<Figure> = Vec::new();
    for t in touchpoints {
        let Some(reading) = t.latest(metric) else {
            continue;
        };
        let Some((answers, value)) = slice(reading, persona) else {
            continue;
        };
        let figure = match (reading.scale, answers.is_empty()) {
            (Some(s), false) => {
                if scale.is_some_and(|known| known != s) {
                    same_scale = false;
                }
                scale.get_or_insert(s);
                if counts.len() < answers.len() {
                    counts.resize(answers.len(), 0);
                }
                for (total, &a) in counts.iter_mut().zip(answers) {
                    *total = total.saturating_add(a);
                }
                from_answers(metric, s, answers)
            }
            _ => {
                from_values = true;
                let by_hand = reading.source.is_none();
                value.and_then(|v| from_value(metric, v, reading.n, by_hand, scales))
            }
        };
        figures.extend(figure);
    }
    if metric == Metric::Reach {
        return figures
            .into_iter()
            .reduce(|a, b| if b.value > a.value { b } else { a });
    }
    match scale {
        Some(s) if same_scale && !from_values && !figures.is_empty() => {
            from_answers(metric, s, &counts)
        }
        _ => {
            let weight = |f: &Figure| f64::from(f.n.unwrap_or(1).max(1));
            let total: f64 = figures.iter().map(weight).sum();
            let value = figures.iter().map(|f| f.value * weight(f)).sum::<f64>() / total;
            let n = figures.iter().map(|f| f.n).sum::<Option<u32>>();
            let by_hand = figures.iter().any(|f| f.typed);
            (!figures.is_empty())
                .then(|| from_value(metric, value, n, by_hand, scales))
                .flatten()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{Channel, Classification, PersonaSlice};

    pub(crate) fn reading(metric: Metric, answers: &[u32]) -> Reading {
        Reading {
            metric,
            at: 1,
            source: Some("survey.csv".into()),
            scale: match metric {
                Metric::Reach => None,
                Metric::Nps => Some(Scale::NPS),
                Metric::Csat => Some(Scale::CSAT),
                Metric::Ces => Some(Scale::CES),
            },
            answers: answers.to_vec(),
            value: None,
            n: None,
            personas: Vec::new(),
        }
    }

    pub(crate) fn typed_reading(metric: Metric, value: f64, n: Option<u32>) -> Reading {
        Reading {
            scale: None,
            answers: Vec::new(),
            value: Some(value),
            n,
            source: None,
            ..reading(metric, &[])
        }
    }

    pub(crate) fn touchpoint(id: &str, stage: &str, readings: Vec<Reading>) -> Touchpoint {
        Touchpoint {
            id: id.into(),
            stage: stage.into(),
            name: id.to_uppercase(),
            channel: Channel::Website,
            classification: Classification::Critical,
            department: String::new(),
            readings,
            legacy_metrics: None,
        }
    }

    fn nps_answers(detractors: u32, passives: u32, promoters: u32) -> Vec<u32> {
        let mut c = vec![0; 11];
        c[0] = detractors;
        c[8] = passives;
        c[9] = promoters;
        c
    }

    #[test]
    fn a_reading_of_answers_gives_a_figure_with_its_interval() {
        let f = of_reading(
            &reading(Metric::Nps, &nps_answers(20, 30, 50)),
            &Scales::default(),
        )
        .unwrap();
        assert!((f.value - 30.0).abs() < 1e-9);
        let i = f.interval.unwrap();
        assert!((i.low - 13.9551).abs() < 1e-3 && (i.high - 44.3393).abs() < 1e-3);
        assert_eq!(f.n, Some(100));
        assert!(f.conclusive() && !f.typed);
        assert!((f.goodness().unwrap() - 0.65).abs() < 1e-9);
    }

    #[test]
    fn a_typed_figure_has_no_interval_and_says_so() {
        let f = of_reading(&typed_reading(Metric::Nps, 12.0, None), &Scales::default()).unwrap();
        assert_eq!((f.value, f.interval, f.typed), (12.0, None, true));
        assert!(!f.conclusive(), "no n, so it cannot be called conclusive");
        let f = of_reading(
            &typed_reading(Metric::Ces, 2.0, Some(80)),
            &Scales::default(),
        )
        .unwrap();
        assert!(f.conclusive());
        // CES 2 on 1–7, lower is better: goodness 1 − 1/6.
        assert!((f.goodness().unwrap() - 5.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn csat_headline_is_the_satisfied_share_with_the_mean_beside_it() {
        let f = of_reading(&reading(Metric::Csat, &[1, 1, 2, 4, 2]), &Scales::default()).unwrap();
        assert!((f.value - 60.0).abs() < 1e-9);
        assert!((f.secondary.unwrap() - 3.5).abs() < 1e-9);
        let i = f.interval.unwrap();
        assert!(i.low < 60.0 && i.high > 60.0 && i.low >= 0.0 && i.high <= 100.0);
    }

    #[test]
    fn the_latest_reading_is_current_and_the_others_are_its_trend() {
        let mut old = reading(Metric::Nps, &nps_answers(10, 0, 10));
        old.at = 1;
        let mut new = reading(Metric::Nps, &nps_answers(0, 0, 10));
        new.at = 2;
        let t = touchpoint(
            "t",
            "s",
            vec![old, reading(Metric::Csat, &[0, 0, 0, 1, 1]), new],
        );
        let (figure, at) = current(&t, Metric::Nps, &Scales::default()).unwrap();
        assert_eq!((figure.value, at), (100.0, 2));
        let trend: Vec<(Millis, f64)> = trend(&t, Metric::Nps, &Scales::default())
            .into_iter()
            .map(|(at, f)| (at, f.value))
            .collect();
        assert_eq!(trend, [(1, 0.0), (2, 100.0)]);
        assert_eq!(current(&t, Metric::Ces, &Scales::default()), None);
    }

    #[test]
    fn answers_pool_across_touchpoints() {
        let a = touchpoint("a", "s", vec![reading(Metric::Nps, &nps_answers(20, 0, 0))]);
        let b = touchpoint("b", "s", vec![reading(Metric::Nps, &nps_answers(0, 0, 60))]);
        let f = pooled([&a, &b], Metric::Nps, None, &Scales::default()).unwrap();
        // 60 promoters, 20 detractors of 80: NPS = 50.
        assert_eq!(f.n, Some(80));
        assert!((f.value - 50.0).abs() < 1e-9);
        assert!(f.interval.is_some() && !f.typed);
    }

    #[test]
    fn typed_figures_pool_as_a_weighted_mean_without_interval() {
        let a = touchpoint("a", "s", vec![typed_reading(Metric::Nps, 10.0, Some(30))]);
        let b = touchpoint("b", "s", vec![typed_reading(Metric::Nps, 50.0, Some(10))]);
        let f = pooled([&a, &b], Metric::Nps, None, &Scales::default()).unwrap();
        assert!((f.value - 20.0).abs() < 1e-9);
        assert_eq!((f.interval, f.n, f.typed), (None, Some(40), true));
        // Unknown n counts as one answer, and the total is unknown.
        let c = touchpoint("c", "s", vec![typed_reading(Metric::Nps, -10.0, None)]);
        let f = pooled([&a, &c], Metric::Nps, None, &Scales::default()).unwrap();
        assert!((f.value - (300.0 - 10.0) / 31.0).abs() < 1e-9);
        assert_eq!(f.n, None);
    }

    #[test]
    fn a_persona_sees_only_its_respondents() {
        let mut r = reading(Metric::Nps, &nps_answers(10, 0, 10));
        r.personas.push(PersonaSlice {
            persona: "p1".into(),
            answers: nps_answers(0, 0, 4),
            value: None,
        });
        let t = touchpoint("t", "s", vec![r]);
        let f = pooled([&t], Metric::Nps, Some("p1"), &Scales::default()).unwrap();
        assert_eq!((f.value, f.n), (100.0, Some(4)));
        assert_eq!(
            pooled([&t], Metric::Nps, Some("p2"), &Scales::default()),
            None
        );
        assert_eq!(
            pooled([&t], Metric::Nps, None, &Scales::default())
                .unwrap()
                .value,
            0.0
        );
    }

    #[test]
    fn an_imported_count_is_not_typed_by_hand() {
        let mut imported = typed_reading(Metric::Reach, 300.0, None);
        imported.source = Some("analytics.csv".into());
        let f = of_reading(&imported, &Scales::default()).unwrap();
        assert!(!f.typed && f.conclusive());
        let t = touchpoint("a", "s", vec![imported]);
        assert!(
            !pooled([&t], Metric::Reach, None, &Scales::default())
                .unwrap()
                .typed
        );
        let by_hand = touchpoint("b", "s", vec![typed_reading(Metric::Reach, 10.0, None)]);
        assert!(
            pooled([&by_hand], Metric::Reach, None, &Scales::default())
                .unwrap()
                .typed
        );
    }

    #[test]
    fn reach_of_a_group_is_its_largest_count() {
        let a = touchpoint("a", "s", vec![typed_reading(Metric::Reach, 300.0, None)]);
        let b = touchpoint("b", "s", vec![typed_reading(Metric::Reach, 700.0, None)]);
        let f = pooled([&a, &b], Metric::Reach, None, &Scales::default()).unwrap();
        assert_eq!(f.value, 700.0);
        assert_eq!(pooled([], Metric::Nps, None, &Scales::default()), None);
    }
}
