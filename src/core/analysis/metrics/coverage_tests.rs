//! The proof that the intervals are right, not only that the code matches a
//! formula: draw many samples from answer distributions whose true figure is
//! known, and count how often each 95 % interval covers it.
//!
//! Tolerance: at least 93 % everywhere (an interval that covers less claims
//! more than the data show); at most 97 % from 30 answers, at most 99.5 %
//! below. With 4,000 draws per case the Monte-Carlo standard error of a
//! coverage near 95 % is √(.95 × .05 / 4000) = 0.34 points, so a method
//! that truly covers 95 % falls below 93 % with odds under one in a
//! million. The wider ceiling below 30 answers is the discreteness of small
//! samples, which no (non-randomised) interval escapes: at n = 5 and a true
//! share of 40 %, an interval can only cover 92.2 % (it leaves out 0 of 5)
//! or 99.0 % (it leaves out 5 of 5), nothing between.
//!
//! One known shortfall is tested as what it is, not tolerated: Student's t
//! for a mean of strongly skewed answers below 30 answers (exact coverage
//! 90.9 % at n = 5 and 92.4 % at n = 10 when 60 % answer 1 or 2 on 1–7).
//! Such figures are flagged *not conclusive* (below 30 answers) wherever
//! they appear, and the README says so.
//!
//! The generator is seeded (SplitMix64), so the counts are the same at every
//! run: a failure is a real change of method, never bad luck.

use super::{from_answers, Interval, Metric};
use crate::core::document::model::Scale;

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, and good enough for
/// drawing answers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index drawn with the probabilities `p` (summing to 1).
    fn pick(&mut self, p: &[f64]) -> usize {
        let u = self.unit();
        let mut acc = 0.0;
        for (i, &pi) in p.iter().enumerate() {
            acc += pi;
            if u < acc {
                return i;
            }
        }
        p.len() - 1
    }
}

const DRAWS: u32 = 4000;
const SIZES: [u32; 5] = [5, 10, 30, 100, 1000];

/// Coverage of the true value by `metric`'s interval over `DRAWS` samples of
/// `n` answers drawn from `p` on `scale`.
fn coverage(rng: &mut Rng, metric: Metric, scale: Scale, p: &[f64], n: u32, truth: f64) -> f64 {
    let mut covered = 0;
    for _ in 0..DRAWS {
        let mut counts = vec![0u32; p.len()];
        for _ in 0..n {
            counts[rng.pick(p)] += 1;
        }
        let figure = from_answers(metric, scale, &counts).unwrap();
        let Interval { low, high } = figure.interval.unwrap();
        if low <= truth && truth <= high {
            covered += 1;
        }
    }
    f64::from(covered) / f64::from(DRAWS)
}

fn normalise(weights: &[f64]) -> Vec<f64> {
    let total: f64 = weights.iter().sum();
    weights.iter().map(|w| w / total).collect()
}

/// A case: its name, the metric, its scale, the answer distribution over
/// the scale's points, and the sample sizes to try.
type Case<'a> = (&'a str, Metric, Scale, Vec<f64>, &'a [u32]);

/// Runs every case and lists those outside the band, with their coverage.
fn check(cases: &[Case]) {
    let mut rng = Rng(20_261_201);
    let mut failures = Vec::new();
    for (name, metric, scale, p, sizes) in cases {
        let points: Vec<f64> = (0..p.len())
            .map(|i| f64::from(scale.low) + i as f64)
            .collect();
        let truth = match metric {
            Metric::Nps => {
                let promoters: f64 = p[9..].iter().sum();
                let detractors: f64 = p[..7].iter().sum();
                100.0 * (promoters - detractors)
            }
            Metric::Csat => {
                let good =
                    (scale.good_low - scale.low) as usize..=(scale.good_high - scale.low) as usize;
                100.0 * p[good].iter().sum::<f64>()
            }
            _ => p.iter().zip(&points).map(|(pi, x)| pi * x).sum(),
        };
        for &n in *sizes {
            let c = coverage(&mut rng, *metric, *scale, p, n, truth);
            let ceiling = if n >= 30 { 0.97 } else { 0.995 };
            if !(0.93..=ceiling).contains(&c) {
                failures.push(format!("{name}, n = {n}: {:.1} %", 100.0 * c));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "coverage out of tolerance: {failures:#?}"
    );
}

#[test]
fn nps_intervals_cover_95_percent_from_5_answers() {
    let uniform = normalise(&[1.0; 11]);
    // Skewed to promoters (NPS +55), as in a loyal customer base.
    let loyal = normalise(&[1.0, 0.5, 0.5, 0.5, 1.0, 1.5, 2.0, 6.0, 11.0, 30.0, 46.0]);
    // Skewed to detractors (NPS −45).
    let unhappy = normalise(&[15.0, 8.0, 8.0, 9.0, 9.0, 8.0, 8.0, 10.0, 10.0, 8.0, 7.0]);
    // Balanced: a third each (NPS 0).
    let thirds = normalise(&[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 3.5, 3.5, 3.5, 3.5]);
    check(&[
        ("NPS uniform", Metric::Nps, Scale::NPS, uniform, &SIZES),
        ("NPS loyal", Metric::Nps, Scale::NPS, loyal, &SIZES),
        ("NPS unhappy", Metric::Nps, Scale::NPS, unhappy, &SIZES),
        ("NPS thirds", Metric::Nps, Scale::NPS, thirds, &SIZES),
    ]);
}

#[test]
fn csat_share_intervals_cover_95_percent_from_5_answers() {
    let balanced = normalise(&[1.0; 5]);
    // 80 % satisfied.
    let satisfied = normalise(&[3.0, 7.0, 10.0, 40.0, 40.0]);
    check(&[
        ("CSAT balanced", Metric::Csat, Scale::CSAT, balanced, &SIZES),
        (
            "CSAT satisfied",
            Metric::Csat,
            Scale::CSAT,
            satisfied,
            &SIZES,
        ),
    ]);
}

#[test]
fn ces_mean_intervals_cover_95_percent_from_5_answers() {
    let balanced = normalise(&[1.0; 7]);
    // Mostly low effort (mean 2.4), as CES answers usually are.
    let easy = normalise(&[30.0, 30.0, 15.0, 10.0, 7.0, 5.0, 3.0]);
    // A bell around the middle.
    let middle = normalise(&[2.0, 8.0, 20.0, 40.0, 20.0, 8.0, 2.0]);
    check(&[
        ("CES balanced", Metric::Ces, Scale::CES, balanced, &SIZES),
        ("CES easy", Metric::Ces, Scale::CES, easy, &SIZES[2..]),
        ("CES middle", Metric::Ces, Scale::CES, middle, &SIZES),
    ]);
}

#[test]
fn t_under_covers_skewed_means_below_30_answers_as_the_readme_says() {
    // The known shortfall (see the top of this file): measured, so that a
    // change of method, better or worse, shows here.
    let easy = normalise(&[30.0, 30.0, 15.0, 10.0, 7.0, 5.0, 3.0]);
    let truth: f64 = easy
        .iter()
        .enumerate()
        .map(|(i, p)| p * (i as f64 + 1.0))
        .sum();
    let mut rng = Rng(5);
    for (n, low, high) in [(5, 0.895, 0.925), (10, 0.91, 0.94)] {
        let c = coverage(&mut rng, Metric::Ces, Scale::CES, &easy, n, truth);
        assert!((low..=high).contains(&c), "n = {n}: {:.1} %", 100.0 * c);
    }
}

#[test]
fn the_plain_wald_interval_this_replaced_fails_the_same_test() {
    // The NPS interval before issue 17 (plain Wald, cut at ±100), on the
    // loyal distribution at n = 10: it under-covers, so the test above can fail.
    let loyal = normalise(&[1.0, 0.5, 0.5, 0.5, 1.0, 1.5, 2.0, 6.0, 11.0, 30.0, 46.0]);
    let truth = 100.0 * (loyal[9..].iter().sum::<f64>() - loyal[..7].iter().sum::<f64>());
    let mut rng = Rng(7);
    let mut covered = 0;
    for _ in 0..DRAWS {
        let (mut p, mut d) = (0.0f64, 0.0f64);
        for _ in 0..10 {
            match rng.pick(&loyal) {
                9.. => p += 1.0,
                0..=6 => d += 1.0,
                _ => {}
            }
        }
        let (p, d) = (p / 10.0, d / 10.0);
        let half = 100.0 * super::Z95 * ((p + d - (p - d) * (p - d)) / 10.0).max(0.0).sqrt();
        let score = 100.0 * (p - d);
        if score - half <= truth && truth <= score + half {
            covered += 1;
        }
    }
    let c = f64::from(covered) / f64::from(DRAWS);
    assert!(c < 0.93, "plain Wald covered {:.1} %", 100.0 * c);
}
