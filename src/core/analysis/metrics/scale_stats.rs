//! CSAT and CES: answers on a scale, summed up as a mean and a share of good
//! answers (satisfied, low effort), each with its 95 % confidence interval.

use super::interval::mean_interval;
pub use super::interval::wilson;
use super::{Interval, MIN_ANSWERS};
use crate::core::document::model::Scale;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScaleStats {
    pub n: u32,
    pub mean: f64,
    /// The answers' sample standard deviation (n − 1); 0 with one answer.
    pub sd: f64,
    /// The mean's 95 % interval (Student's t, cut at the scale's ends);
    /// `None` with a single answer.
    pub mean_interval: Option<Interval>,
    /// Share of answers in the scale's good range, 0…1.
    pub good_share: f64,
    /// The share's 95 % Wilson score interval (sound at 0 % and 100 %).
    pub good_interval: Interval,
}

impl ScaleStats {
    /// From `counts[i]` = answers of `scale.low + i`. `None` without answers.
    pub fn from_counts(scale: Scale, counts: &[u32]) -> Option<ScaleStats> {
        let point = |i: usize| f64::from(scale.low) + i as f64;
        let counted = counts.iter().take(scale.points());
        let n: u32 = counted.clone().sum();
        if n == 0 {
            return None;
        }
        let total = f64::from(n);
        let mean = counted
            .clone()
            .enumerate()
            .map(|(i, &c)| point(i) * f64::from(c))
            .sum::<f64>()
            / total;
        let squares: f64 = counted
            .clone()
            .enumerate()
            .map(|(i, &c)| (point(i) - mean).powi(2) * f64::from(c))
            .sum();
        let sd = if n > 1 {
            (squares / (total - 1.0)).sqrt()
        } else {
            0.0
        };
        let mean_interval =
            mean_interval(mean, sd, total, f64::from(scale.low), f64::from(scale.high));
        let good: u32 = counted
            .enumerate()
            .filter(|(i, _)| (scale.good_low..=scale.good_high).contains(&(scale.low + *i as i32)))
            .map(|(_, &c)| c)
            .sum();
        let good_share = f64::from(good) / total;
        Some(ScaleStats {
            n,
            mean,
            sd,
            mean_interval,
            good_share,
            good_interval: wilson(good_share, total),
        })
    }

    pub fn conclusive(&self) -> bool {
        self.n >= MIN_ANSWERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() < tolerance
    }

    #[test]
    fn no_answers_gives_nothing() {
        assert_eq!(ScaleStats::from_counts(Scale::CSAT, &[0; 5]), None);
        assert_eq!(ScaleStats::from_counts(Scale::CSAT, &[]), None);
    }

    #[test]
    fn csat_worked_example() {
        // 1×1, 1×2, 2×3, 4×4, 2×5: n = 10, mean = (1+2+6+16+10)/10 = 3.5,
        // top-two-box = 6/10. Sample variance = Σ c(x − 3.5)² / 9
        // = (6.25 + 2.25 + 2×.25 + 4×.25 + 2×2.25)/9 = 14.5/9.
        let stats = ScaleStats::from_counts(Scale::CSAT, &[1, 1, 2, 4, 2]).unwrap();
        assert_eq!(stats.n, 10);
        assert!(close(stats.mean, 3.5, 1e-12));
        assert!(close(stats.good_share, 0.6, 1e-12));
        // Student's t with 9 df: 2.262157 (the normal z 1.96 was too narrow).
        let half = 2.262_157 * (14.5f64 / 9.0).sqrt() / 10f64.sqrt();
        let interval = stats.mean_interval.unwrap();
        assert!(close(interval.low, 3.5 - half, 1e-5));
        assert!(close(interval.high, 3.5 + half, 1e-5));
        // Wilson for 6/10: centre (.6 + 3.8415/20)/1.38415 = .5723…, half ≈ .2590.
        assert!(
            close(stats.good_interval.low, 0.3127, 1e-3),
            "{:?}",
            stats.good_interval
        );
        assert!(close(stats.good_interval.high, 0.8318, 1e-3));
        assert!(!stats.conclusive());
    }

    #[test]
    fn ces_low_effort_is_the_low_end() {
        // 1–7, good = 1–3: answers 1, 2, 6, 7 → half are low effort, mean 4.
        let stats = ScaleStats::from_counts(Scale::CES, &[1, 1, 0, 0, 0, 1, 1]).unwrap();
        assert!(close(stats.good_share, 0.5, 1e-12));
        assert!(close(stats.mean, 4.0, 1e-12));
    }

    #[test]
    fn one_answer_has_no_mean_interval() {
        let stats = ScaleStats::from_counts(Scale::CSAT, &[0, 0, 0, 0, 1]).unwrap();
        assert_eq!(stats.mean_interval, None);
        assert!(close(stats.mean, 5.0, 1e-12));
        assert!(close(stats.good_share, 1.0, 1e-12));
    }

    #[test]
    fn all_satisfied_still_has_an_interval_below_100() {
        let stats = ScaleStats::from_counts(Scale::CSAT, &[0, 0, 0, 10, 30]).unwrap();
        assert!(close(stats.good_share, 1.0, 1e-12));
        assert!(stats.good_interval.high <= 1.0);
        assert!(stats.good_interval.low < 0.95 && stats.good_interval.low > 0.85);
        let zero = wilson(0.0, 40.0);
        assert!(close(zero.low, 0.0, 1e-12) && zero.high > 0.0);
    }

    #[test]
    fn a_custom_scale_counts_from_its_low_point() {
        let scale = Scale {
            low: 0,
            high: 10,
            good_low: 8,
            good_high: 10,
        };
        let mut counts = [0; 11];
        counts[0] = 1;
        counts[10] = 3;
        let stats = ScaleStats::from_counts(scale, &counts).unwrap();
        assert!(close(stats.mean, 7.5, 1e-12));
        assert!(close(stats.good_share, 0.75, 1e-12));
    }
}
