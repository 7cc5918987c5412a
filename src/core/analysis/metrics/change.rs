//! How a figure changed between two readings, and whether the change is
//! larger than chance: the difference's own 95 % interval, and *better*,
//! *worse* or *within noise* by whether that interval leaves out zero.
//!
//! A change of +6 NPS points on 40 answers each side has an interval of
//! about ±37 points: within noise. Read the methods in [`super::interval`].

use super::interval::{mean_difference, nps_difference, share_difference};
use super::{Figure, Interval, Sample};
use crate::core::document::model::Metric;

/// Whether a change is beyond noise at 95 %, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The difference's interval is wholly on the better side.
    Better,
    /// Wholly on the worse side.
    Worse,
    /// It contains no change at all: chance alone could give this.
    WithinNoise,
}

/// A verdict's code for the DOM and tests: `better`, `worse`, `noise`.
pub fn verdict_code(v: Verdict) -> &'static str {
    match v {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::WithinNoise => "noise",
    }
}

/// A figure's change from `before` to `after`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    pub metric: Metric,
    /// `after − before` in the figure's unit: NPS points, CSAT percentage
    /// points, CES scale points, reach count.
    pub delta: f64,
    /// The difference's 95 % interval, in the same unit, when both figures
    /// come from answers on the same scale.
    pub interval: Option<Interval>,
    /// `None`: it cannot be tested (a typed figure, reach counts, too few
    /// answers, or two different scales).
    pub verdict: Option<Verdict>,
}

/// The change between two figures of one metric.
pub fn between(before: &Figure, after: &Figure) -> Change {
    let delta = after.value - before.value;
    let same_scale = before.scale == after.scale;
    let interval = match (before.sample, after.sample) {
        _ if !same_scale || before.metric != after.metric => None,
        (
            Some(Sample::Nps {
                promoters: p1,
                detractors: d1,
                n: n1,
            }),
            Some(Sample::Nps {
                promoters: p2,
                detractors: d2,
                n: n2,
            }),
        ) => Some(nps_difference((p1, d1, n1), (p2, d2, n2))),
        (Some(Sample::Share { share: s1, n: n1 }), Some(Sample::Share { share: s2, n: n2 })) => {
            let i = share_difference((s1, n1), (s2, n2));
            Some(Interval {
                low: 100.0 * i.low,
                high: 100.0 * i.high,
            })
        }
        (
            Some(Sample::Mean {
                mean: m1,
                sd: s1,
                n: n1,
            }),
            Some(Sample::Mean {
                mean: m2,
                sd: s2,
                n: n2,
            }),
        ) => mean_difference((m1, s1, n1), (m2, s2, n2)),
        _ => None,
    };
    let lower_is_better =
        after.scale.is_some_and(|s| s.lower_is_better()) && after.metric == Metric::Ces;
    let verdict = interval.map(|i| {
        let up = i.low > 0.0;
        let down = i.high < 0.0;
        match (up, down) {
            (false, false) => Verdict::WithinNoise,
            (true, _) if !lower_is_better => Verdict::Better,
            (_, true) if lower_is_better => Verdict::Better,
            _ => Verdict::Worse,
        }
    });
    Change {
        metric: after.metric,
        delta,
        interval,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::metrics::from_answers;
    use crate::core::document::model::Scale;

    fn nps(detractors: u32, passives: u32, promoters: u32) -> Figure {
        let mut c = [0; 11];
        c[2] = detractors;
        c[7] = passives;
        c[10] = promoters;
        from_answers(Metric::Nps, Scale::NPS, &c).unwrap()
    }

    #[test]
    fn plus_six_on_forty_answers_is_noise() {
        // Before: 10 detractors, 20 passives, 10 promoters of 40 (NPS 0);
        // after: 9 / 19 / 12 (NPS +7.5). Adjusted Wald: centres 0 and
        // +6.98, variances .01163 + .01206: +6.98 ± 30.2, within noise.
        let c = between(&nps(10, 20, 10), &nps(9, 19, 12));
        assert!((c.delta - 7.5).abs() < 1e-9);
        let i = c.interval.unwrap();
        assert!(
            i.low < 0.0 && i.high > 0.0 && i.high - i.low > 55.0,
            "{i:?}"
        );
        assert_eq!(c.verdict, Some(Verdict::WithinNoise));
    }

    #[test]
    fn a_large_change_on_many_answers_is_beyond_noise() {
        // NPS −10 → +25 on 100 answers each: 13.9 … 54.0 (interval.rs).
        let c = between(&nps(30, 50, 20), &nps(20, 35, 45));
        let i = c.interval.unwrap();
        assert!((i.low - 13.936_030).abs() < 1e-5 && (i.high - 54.025_135).abs() < 1e-5);
        assert_eq!(c.verdict, Some(Verdict::Better));
        assert_eq!(
            between(&nps(20, 35, 45), &nps(30, 50, 20)).verdict,
            Some(Verdict::Worse)
        );
    }

    #[test]
    fn lower_effort_is_better() {
        let ces = |low: u32, mid: u32, high: u32| {
            from_answers(Metric::Ces, Scale::CES, &[low, 0, 0, mid, 0, 0, high]).unwrap()
        };
        // Mean 5.5 → 2.5 on 40 answers each, with spread: clearly better.
        let c = between(&ces(5, 5, 30), &ces(30, 5, 5));
        assert!(c.delta < 0.0);
        assert_eq!(c.verdict, Some(Verdict::Better));
        assert_eq!(
            between(&ces(30, 5, 5), &ces(5, 5, 30)).verdict,
            Some(Verdict::Worse)
        );
    }

    #[test]
    fn csat_changes_are_in_percentage_points_with_newcombe_s_interval() {
        // 48/80 → 56/70 satisfied: +20 pts, 5.24 … 33.39 (Newcombe 1998, ex. a).
        let csat = |good: u32, bad: u32| {
            from_answers(Metric::Csat, Scale::CSAT, &[bad, 0, 0, 0, good]).unwrap()
        };
        let c = between(&csat(48, 32), &csat(56, 14));
        assert!((c.delta - 20.0).abs() < 1e-9);
        let i = c.interval.unwrap();
        assert!(
            (i.low - 5.24).abs() < 0.01 && (i.high - 33.39).abs() < 0.01,
            "{i:?}"
        );
        assert_eq!(c.verdict, Some(Verdict::Better));
    }

    #[test]
    fn typed_figures_and_changed_scales_cannot_be_tested() {
        let mut typed = nps(10, 10, 10);
        typed.sample = None;
        typed.interval = None;
        let c = between(&typed, &nps(0, 0, 30));
        assert_eq!((c.interval, c.verdict), (None, None));
        assert!((c.delta - 100.0).abs() < 1e-9);
        let five = from_answers(Metric::Ces, Scale::CES, &[3, 3, 3, 3, 3]).unwrap();
        let mut other = five;
        other.scale = Some(Scale::CSAT);
        assert_eq!(between(&five, &other).verdict, None);
    }
}
