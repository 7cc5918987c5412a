//! Net Promoter Score from 0–10 answers, with its 95 % interval (the score
//! interval, see [`super::interval::nps_interval`]).

use super::interval::nps_interval;
use super::{Interval, MIN_ANSWERS};

/// The NPS of a set of answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Nps {
    pub n: u32,
    /// Answers of 9 or 10.
    pub promoters: u32,
    /// Answers of 7 or 8.
    pub passives: u32,
    /// Answers of 0 to 6.
    pub detractors: u32,
    /// % promoters − % detractors, −100…+100.
    pub score: f64,
    /// The 95 % interval, in NPS points, within ±100: not centred on
    /// `score` (the score interval leans towards 0 at small samples).
    pub interval: Interval,
}

impl Nps {
    /// From the count of answers per score: `counts[i]` answers of `i`
    /// (0…10; anything beyond 10 is ignored). `None` without answers.
    pub fn from_counts(counts: &[u32]) -> Option<Nps> {
        let at = |range: std::ops::RangeInclusive<usize>| -> u32 {
            range.filter_map(|i| counts.get(i)).sum()
        };
        let detractors = at(0..=6);
        let passives = at(7..=8);
        let promoters = at(9..=10);
        let n = detractors + passives + promoters;
        if n == 0 {
            return None;
        }
        let total = f64::from(n);
        let p = f64::from(promoters) / total;
        let d = f64::from(detractors) / total;
        Some(Nps {
            n,
            promoters,
            passives,
            detractors,
            score: 100.0 * (p - d),
            interval: nps_interval(p, d, total),
        })
    }

    /// Enough answers for the score to mean something.
    pub fn conclusive(&self) -> bool {
        self.n >= MIN_ANSWERS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(detractor: u32, passive: u32, promoter: u32) -> [u32; 11] {
        let mut c = [0; 11];
        c[3] = detractor;
        c[7] = passive;
        c[10] = promoter;
        c
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn no_answers_gives_no_score() {
        assert_eq!(Nps::from_counts(&[0; 11]), None);
        assert_eq!(Nps::from_counts(&[]), None);
    }

    #[test]
    fn worked_example() {
        // 50 promoters, 30 passives, 20 detractors: p = .5, d = .2, NPS = 30;
        // the score interval 13.96 … 44.34 (worked in interval.rs).
        let nps = Nps::from_counts(&counts(20, 30, 50)).unwrap();
        assert_eq!(
            (nps.n, nps.promoters, nps.passives, nps.detractors),
            (100, 50, 30, 20)
        );
        assert!(close(nps.score, 30.0));
        assert!(
            (nps.interval.low - 13.9551).abs() < 1e-3,
            "{:?}",
            nps.interval
        );
        assert!((nps.interval.high - 44.3393).abs() < 1e-3);
        assert!(nps.conclusive());
    }

    #[test]
    fn all_promoters_is_plus_100_with_an_interval_below_it() {
        // The plain Wald gave +100 ± 0 here: certainty from 40 answers.
        let nps = Nps::from_counts(&counts(0, 0, 40)).unwrap();
        assert!(close(nps.score, 100.0));
        assert!(close(nps.interval.high, 100.0));
        assert!(
            (nps.interval.low - 82.4757).abs() < 1e-3,
            "{:?}",
            nps.interval
        );
    }

    #[test]
    fn all_detractors_is_minus_100() {
        let nps = Nps::from_counts(&counts(12, 0, 0)).unwrap();
        assert!(close(nps.score, -100.0));
        assert!(!nps.conclusive());
    }

    #[test]
    fn one_answer_is_not_conclusive() {
        let nps = Nps::from_counts(&counts(0, 1, 0)).unwrap();
        assert_eq!(nps.n, 1);
        assert!(close(nps.score, 0.0));
        assert!(nps.interval.low < -50.0 && nps.interval.high > 50.0);
        assert!(!nps.conclusive());
    }

    #[test]
    fn half_promoters_half_detractors_has_the_widest_interval() {
        // p = d = .5 of 100: symmetric, ±19.23 (score interval, computed
        // independently), wider than for any other split of 100 answers.
        let nps = Nps::from_counts(&counts(50, 0, 50)).unwrap();
        assert!(close(nps.score, 0.0));
        assert!(
            (nps.interval.high - 19.2337).abs() < 1e-3,
            "{:?}",
            nps.interval
        );
        assert!((nps.interval.low + 19.2337).abs() < 1e-3);
    }

    #[test]
    fn every_scale_point_lands_in_its_group() {
        let c: [u32; 11] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        let nps = Nps::from_counts(&c).unwrap();
        assert_eq!((nps.detractors, nps.passives, nps.promoters), (7, 2, 2));
        assert!(close(nps.score, 100.0 * (2.0 - 7.0) / 11.0));
    }

    #[test]
    fn counts_beyond_ten_are_ignored() {
        let mut c = counts(1, 1, 1).to_vec();
        c.push(99);
        assert_eq!(Nps::from_counts(&c).unwrap().n, 3);
    }
}
