//! A pooled figure weighted by the personas' shares of customers.
//!
//! Survey samples rarely match the customer base: if *Busy parents* are 60 %
//! of customers but 20 % of the answers, the unweighted NPS is mostly the
//! others'. Weighting is post-stratification with the personas as strata:
//! each persona's answers count for its share of customers (shares of the
//! personas that have answers here, scaled to 100 %), so every answer of
//! persona `h` weighs `W_h / n_h`.
//!
//! Uncertainty uses Kish's (1965) effective sample size,
//! `n_eff = (Σ w)² / Σ w² = 1 / Σ_h W_h² / n_h`: the figure's interval is
//! computed by the unweighted method with `n_eff` in place of `n` (as Korn &
//! Graubard 1998 do for the Wilson interval), and its changes likewise.
//! Answers given by no persona, or by a persona without a share, are left
//! out, and counted beside the figure.

use super::interval::{mean_interval, nps_interval, wilson};
use super::{Figure, Interval, Sample, Weighted};
use crate::core::document::model::{Metric, Persona, Scale, Touchpoint};

/// Why a weighted figure could not be made (the unweighted one is shown,
/// saying so).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotWeighted {
    /// No persona of the map has a share of customers.
    NoShares,
    /// No answer here was given by a persona with a share.
    NoPersonaAnswers,
    /// The answers were given on different scales, or typed as figures.
    NotAnswers,
}

/// One stratum: a persona's share of customers and its answers per point.
struct Stratum {
    share: f64,
    counts: Vec<u32>,
}

/// The figure of `metric` over `touchpoints`' latest readings, each
/// persona's answers weighted by its share of customers.
/// A slice, not a generic iterator: one copy of this code in the wasm
/// whatever selects the touchpoints.
pub fn weighted(
    touchpoints: &[&Touchpoint],
    metric: Metric,
    personas: &[Persona],
) -> Result<Figure, NotWeighted> {
    let shares: Vec<(&str, f64)> = personas
        .iter()
        .filter_map(|p| {
            let share = p.share.filter(|s| s.is_finite() && *s > 0.0)?;
            Some((p.id.as_str(), share))
        })
        .collect();
    if shares.is_empty() || metric == Metric::Reach {
        return Err(NotWeighted::NoShares);
    }
    let mut strata: Vec<Stratum> = shares
        .iter()
        .map(|&(_, share)| Stratum {
            share,
            counts: Vec::new(),
        })
        .collect();
    let mut scale: Option<Scale> = None;
    let mut all_answers: u64 = 0;
    for t in touchpoints.iter() {
        let Some(reading) = t.latest(metric) else {
            continue;
        };
        let Some(s) = reading.scale.filter(|_| !reading.answers.is_empty()) else {
            return Err(NotWeighted::NotAnswers);
        };
        if scale.is_some_and(|known| known != s) {
            return Err(NotWeighted::NotAnswers);
        }
        scale = Some(s);
        all_answers += reading.answers.iter().map(|&a| u64::from(a)).sum::<u64>();
        for slice in &reading.personas {
            let Some(i) = shares.iter().position(|(id, _)| *id == slice.persona) else {
                continue;
            };
            let counts = &mut strata[i].counts;
            if counts.len() < slice.answers.len() {
                counts.resize(slice.answers.len(), 0);
            }
            for (total, &a) in counts.iter_mut().zip(&slice.answers) {
                *total = total.saturating_add(a);
            }
        }
    }
    let scale = scale.ok_or(NotWeighted::NotAnswers)?;
    let points = scale.points();
    let answered = |s: &Stratum| s.counts.iter().take(points).any(|&c| c > 0);
    let without_answers = strata.iter().filter(|s| !answered(s)).count() as u32;
    strata.retain(answered);
    if strata.is_empty() {
        return Err(NotWeighted::NoPersonaAnswers);
    }
    let total_share: f64 = strata.iter().map(|s| s.share).sum();
    // Per stratum: its weight W (shares scaled to 1) and its answers n.
    let parts: Vec<(f64, f64, &[u32])> = strata
        .iter()
        .map(|s| {
            let counts = &s.counts[..s.counts.len().min(points)];
            let n = counts.iter().map(|&c| f64::from(c)).sum::<f64>();
            (s.share / total_share, n, counts)
        })
        .collect();
    let effective_n = 1.0 / parts.iter().map(|(w, n, _)| w * w / n).sum::<f64>();
    let weighted_answers = parts.iter().map(|(_, n, _)| *n).sum::<f64>();
    // The weighted mean of f(answer point), each answer weighing W_h / n_h.
    let mean_of = |f: &dyn Fn(i32) -> f64| -> f64 {
        parts
            .iter()
            .map(|(w, n, counts)| {
                w / n
                    * counts
                        .iter()
                        .enumerate()
                        .map(|(i, &c)| f(scale.low + i as i32) * f64::from(c))
                        .sum::<f64>()
            })
            .sum()
    };
    let good = |x: i32| f64::from(u8::from((scale.good_low..=scale.good_high).contains(&x)));
    let mean = mean_of(&|x| f64::from(x));
    let (value, interval, secondary, sample) = match metric {
        Metric::Nps => {
            let promoters = mean_of(&|x| f64::from(u8::from(x >= 9)));
            let detractors = mean_of(&|x| f64::from(u8::from(x <= 6)));
            (
                100.0 * (promoters - detractors),
                Some(nps_interval(promoters, detractors, effective_n)),
                None,
                Sample::Nps {
                    promoters,
                    detractors,
                    n: effective_n,
                },
            )
        }
        Metric::Csat => {
            let share = mean_of(&good);
            let i = wilson(share, effective_n);
            (
                100.0 * share,
                Some(Interval {
                    low: 100.0 * i.low,
                    high: 100.0 * i.high,
                }),
                Some(mean),
                Sample::Share {
                    share,
                    n: effective_n,
                },
            )
        }
        _ => {
            // The weighted variance, with Bessel's correction on n_eff.
            let spread = mean_of(&|x| (f64::from(x) - mean).powi(2));
            let sd = if effective_n > 1.0 {
                (spread * effective_n / (effective_n - 1.0)).sqrt()
            } else {
                0.0
            };
            (
                mean,
                mean_interval(
                    mean,
                    sd,
                    effective_n,
                    f64::from(scale.low),
                    f64::from(scale.high),
                ),
                Some(100.0 * mean_of(&good)),
                Sample::Mean {
                    mean,
                    sd,
                    n: effective_n,
                },
            )
        }
    };
    Ok(Figure {
        metric,
        value,
        interval,
        n: Some(weighted_answers.round() as u32),
        secondary,
        scale: Some(if metric == Metric::Nps {
            Scale::NPS
        } else {
            scale
        }),
        typed: false,
        sample: Some(sample),
        weighted: Some(Weighted {
            effective_n,
            personas: parts.len() as u32,
            without_answers,
            left_out: (all_answers as f64 - weighted_answers).max(0.0).round() as u32,
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::metrics::from_answers;
    use crate::core::analysis::metrics::tests::{reading, touchpoint};
    use crate::core::document::model::PersonaSlice;

    fn persona(id: &str, share: Option<f64>) -> Persona {
        Persona {
            id: id.into(),
            name: id.into(),
            share,
            ..Persona::default()
        }
    }

    fn nps_counts(detractors: u32, promoters: u32) -> Vec<u32> {
        let mut c = vec![0; 11];
        c[0] = detractors;
        c[10] = promoters;
        c
    }

    /// A touchpoint whose NPS reading has one slice per `(persona, answers)`,
    /// plus `extra` answers given by no persona.
    fn nps_touchpoint(slices: &[(&str, Vec<u32>)], extra: Vec<u32>) -> Touchpoint {
        let mut all = extra;
        all.resize(11, 0);
        for (_, counts) in slices {
            for (a, c) in all.iter_mut().zip(counts) {
                *a += c;
            }
        }
        let mut r = reading(Metric::Nps, &all);
        r.personas = slices
            .iter()
            .map(|(p, counts)| PersonaSlice {
                persona: (*p).into(),
                answers: counts.clone(),
                value: None,
            })
            .collect();
        touchpoint("t", "s", vec![r])
    }

    #[test]
    fn shares_reweight_the_answers_and_the_effective_n_says_what_they_are_worth() {
        // a: 60 % of customers, 10 answers, all promoters (NPS +100);
        // b: 40 %, 40 answers, all detractors (NPS −100).
        // Unweighted: (10 − 40)/50 = −60. Weighted: .6 × 100 − .4 × 100 = +20.
        // n_eff = 1 / (.36/10 + .16/40) = 1 / .04 = 25.
        let t = nps_touchpoint(
            &[("a", nps_counts(0, 10)), ("b", nps_counts(40, 0))],
            vec![],
        );
        let personas = [persona("a", Some(60.0)), persona("b", Some(40.0))];
        let f = weighted(&[&t], Metric::Nps, &personas).unwrap();
        assert!((f.value - 20.0).abs() < 1e-9, "{}", f.value);
        let w = f.weighted.unwrap();
        assert!((w.effective_n - 25.0).abs() < 1e-9);
        assert_eq!(
            (w.personas, w.without_answers, w.left_out, f.n),
            (2, 0, 0, Some(50))
        );
        // Its interval is the adjusted Wald with n = 25, p = .6, d = .4.
        let i = f.interval.unwrap();
        let expected = nps_interval(0.6, 0.4, 25.0);
        assert!((i.low - expected.low).abs() < 1e-9 && (i.high - expected.high).abs() < 1e-9);
        let unweighted = from_answers(Metric::Nps, Scale::NPS, &t.readings[0].answers).unwrap();
        assert!((unweighted.value + 60.0).abs() < 1e-9);
    }

    #[test]
    fn shares_that_do_not_sum_to_100_are_scaled() {
        let t = nps_touchpoint(
            &[("a", nps_counts(0, 10)), ("b", nps_counts(40, 0))],
            vec![],
        );
        // 30 % and 20 %: the same proportions as 60 / 40.
        let personas = [persona("a", Some(30.0)), persona("b", Some(20.0))];
        let f = weighted(&[&t], Metric::Nps, &personas).unwrap();
        assert!((f.value - 20.0).abs() < 1e-9);
        // 120 % and 80 %: likewise.
        let personas = [persona("a", Some(120.0)), persona("b", Some(80.0))];
        assert!((weighted(&[&t], Metric::Nps, &personas).unwrap().value - 20.0).abs() < 1e-9);
    }

    #[test]
    fn a_persona_without_answers_is_counted_and_its_share_spread() {
        let t = nps_touchpoint(&[("a", nps_counts(0, 10))], nps_counts(5, 0));
        let personas = [
            persona("a", Some(50.0)),
            persona("c", Some(50.0)),
            persona("none", None),
        ];
        let f = weighted(&[&t], Metric::Nps, &personas).unwrap();
        assert!((f.value - 100.0).abs() < 1e-9);
        let w = f.weighted.unwrap();
        // The 5 answers given by no persona are left out, and said.
        assert_eq!((w.personas, w.without_answers, w.left_out), (1, 1, 5));
        assert!((w.effective_n - 10.0).abs() < 1e-9);
    }

    #[test]
    fn one_answer_still_has_an_interval() {
        let t = nps_touchpoint(&[("a", nps_counts(0, 1))], vec![]);
        let f = weighted(&[&t], Metric::Nps, &[persona("a", Some(100.0))]).unwrap();
        assert_eq!(f.value, 100.0);
        let i = f.interval.unwrap();
        assert!(i.low < 0.0 && i.high == 100.0, "{i:?}");
    }

    #[test]
    fn nothing_to_weight_says_why() {
        let t = nps_touchpoint(&[("a", nps_counts(0, 1))], vec![]);
        assert_eq!(
            weighted(&[&t], Metric::Nps, &[persona("a", None)]),
            Err(NotWeighted::NoShares)
        );
        assert_eq!(
            weighted(&[&t], Metric::Nps, &[persona("b", Some(10.0))]),
            Err(NotWeighted::NoPersonaAnswers)
        );
        let typed = touchpoint(
            "t",
            "s",
            vec![crate::core::analysis::metrics::tests::typed_reading(
                Metric::Nps,
                10.0,
                Some(30),
            )],
        );
        assert_eq!(
            weighted(&[&typed], Metric::Nps, &[persona("a", Some(1.0))]),
            Err(NotWeighted::NotAnswers)
        );
    }

    #[test]
    fn equal_shares_of_equal_samples_give_the_unweighted_figure() {
        // Two personas, 50 % each, 20 answers each: weights are all equal.
        let mut a = vec![0; 5];
        a[3] = 12;
        a[1] = 8;
        let mut b = vec![0; 5];
        b[4] = 15;
        b[0] = 5;
        let mut all = vec![0; 5];
        for i in 0..5 {
            all[i] = a[i] + b[i];
        }
        let mut r = reading(Metric::Ces, &all);
        r.scale = Some(Scale::CSAT);
        r.metric = Metric::Csat;
        r.personas = vec![
            PersonaSlice {
                persona: "a".into(),
                answers: a,
                value: None,
            },
            PersonaSlice {
                persona: "b".into(),
                answers: b,
                value: None,
            },
        ];
        let t = touchpoint("t", "s", vec![r]);
        let personas = [persona("a", Some(50.0)), persona("b", Some(50.0))];
        let w = weighted(&[&t], Metric::Csat, &personas).unwrap();
        let u = from_answers(Metric::Csat, Scale::CSAT, &all).unwrap();
        assert!((w.value - u.value).abs() < 1e-9);
        assert!((w.weighted.unwrap().effective_n - 40.0).abs() < 1e-9);
        let (wi, ui) = (w.interval.unwrap(), u.interval.unwrap());
        assert!((wi.low - ui.low).abs() < 1e-9 && (wi.high - ui.high).abs() < 1e-9);
        assert!((w.secondary.unwrap() - u.secondary.unwrap()).abs() < 1e-9);
    }
}
