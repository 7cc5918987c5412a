//! Student's t quantiles, for the intervals of means (CSAT mean, CES) and
//! Welch's difference of two means.
//!
//! A table of the two-sided 95 % quantiles for 1 to 100 degrees of freedom,
//! rather than the incomplete beta function at run time: the function needs
//! `ln`, `exp` and `sin`, which wasm lacks and which would bring some 9 KB of
//! software maths into the editor's code (measured with `scripts/size.sh`).
//! The table is checked against that function in the tests below (the
//! regularized incomplete beta by its continued fraction, Press et al.,
//! *Numerical Recipes*, 3rd ed., §6.4), and against printed tables.

use super::Z95;

/// `t` with 2.5 % above it, for 1…100 degrees of freedom.
const T95: [f64; 100] = [
    12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
    2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
    2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831,
    2.048407, 2.045230, 2.042272, 2.039513, 2.036933, 2.034515, 2.032245, 2.030108, 2.028094,
    2.026192, 2.024394, 2.022691, 2.021075, 2.019541, 2.018082, 2.016692, 2.015368, 2.014103,
    2.012896, 2.011741, 2.010635, 2.009575, 2.008559, 2.007584, 2.006647, 2.005746, 2.004879,
    2.004045, 2.003241, 2.002465, 2.001717, 2.000995, 2.000298, 1.999624, 1.998972, 1.998341,
    1.997730, 1.997138, 1.996564, 1.996008, 1.995469, 1.994945, 1.994437, 1.993943, 1.993464,
    1.992997, 1.992543, 1.992102, 1.991673, 1.991254, 1.990847, 1.990450, 1.990063, 1.989686,
    1.989319, 1.988960, 1.988610, 1.988268, 1.987934, 1.987608, 1.987290, 1.986979, 1.986675,
    1.986377, 1.986086, 1.985802, 1.985523, 1.985251, 1.984984, 1.984723, 1.984467, 1.984217,
    1.983972,
];

/// The two-sided 95 % quantile of Student's t with `df` degrees of freedom
/// (`t` with 2.5 % above it): 12.706 for 1, 2.776 for 4, 2.045 for 29.
/// A fractional `df` (Welch–Satterthwaite) is rounded down, which gives a
/// slightly wider interval, never a narrower one; below 1 it is read as 1.
/// Past 100, `z + (t₁₀₀ − z) · 100 / df` (t − z shrinks as 1/df; within
/// 1e-4 of the exact value, tested).
pub fn t95(df: f64) -> f64 {
    if !df.is_finite() {
        return Z95;
    }
    if df > 100.0 {
        return Z95 + (T95[99] - Z95) * 100.0 / df;
    }
    T95[(df.max(1.0) as usize).clamp(1, 100) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ln Γ(x)` for `x > 0` (Lanczos, g = 7, n = 9; ~1e-15 relative error).
    fn ln_gamma(x: f64) -> f64 {
        const G: f64 = 7.0;
        const C: [f64; 9] = [
            0.999_999_999_999_809_9,
            676.520_368_121_885_1,
            -1_259.139_216_722_402_8,
            771.323_428_777_653_1,
            -176.615_029_162_140_6,
            12.507_343_278_686_905,
            -0.138_571_095_265_720_12,
            9.984_369_578_019_572e-6,
            1.505_632_735_149_311_6e-7,
        ];
        if x < 0.5 {
            // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
            let pi = std::f64::consts::PI;
            return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
        }
        let x = x - 1.0;
        let mut sum = C[0];
        for (i, c) in C.iter().enumerate().skip(1) {
            sum += c / (x + i as f64);
        }
        let t = x + G + 0.5;
        0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + sum.ln()
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
        const TINY: f64 = 1e-300;
        let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
        let mut c = 1.0;
        let mut d = 1.0 - qab * x / qap;
        if d.abs() < TINY {
            d = TINY;
        }
        d = 1.0 / d;
        let mut h = d;
        for m in 1..300 {
            let m = f64::from(m);
            let m2 = 2.0 * m;
            let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            h *= d * c;
            let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if d.abs() < TINY {
                d = TINY;
            }
            c = 1.0 + aa / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let step = d * c;
            h *= step;
            if (step - 1.0).abs() < 1e-15 {
                break;
            }
        }
        h
    }

    /// The regularized incomplete beta function `I_x(a, b)`, `0 ≤ x ≤ 1`.
    fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
        if x <= 0.0 {
            return 0.0;
        }
        if x >= 1.0 {
            return 1.0;
        }
        let front =
            (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
        // The fraction converges fast for x < (a + 1) / (a + b + 2); use the
        // symmetry I_x(a, b) = 1 − I_{1−x}(b, a) on the other side.
        if x < (a + 1.0) / (a + b + 2.0) {
            front * beta_fraction(a, b, x) / a
        } else {
            1.0 - front * beta_fraction(b, a, 1.0 - x) / b
        }
    }

    /// `P(T > t)` for Student's t with `df` degrees of freedom, `t ≥ 0`.
    fn t_upper_tail(t: f64, df: f64) -> f64 {
        0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    }

    /// The exact quantile, by bisection on the upper tail.
    fn exact_t95(df: f64) -> f64 {
        let (mut low, mut high) = (Z95, 12.8);
        for _ in 0..80 {
            let mid = 0.5 * (low + high);
            if t_upper_tail(mid, df) > 0.025 {
                low = mid;
            } else {
                high = mid;
            }
        }
        0.5 * (low + high)
    }

    #[test]
    fn the_table_is_the_exact_quantile_and_fractions_are_rounded_down() {
        for df in 1..=100 {
            let exact = exact_t95(f64::from(df));
            assert!((t95(f64::from(df)) - exact).abs() < 1e-6, "df {df}");
            // Rounded down: at least as wide as the exact fractional value.
            assert!(t95(f64::from(df) + 0.5) >= exact_t95(f64::from(df) + 0.5));
        }
        for df in [101.0, 150.0, 300.0, 1000.0, 1e5] {
            assert!((t95(df) - exact_t95(df)).abs() < 1e-4, "df {df}");
        }
    }

    #[test]
    fn t_quantiles_match_the_published_table() {
        // Two-sided 95 % (one-sided 0.975) values of any statistics table.
        for (df, t) in [
            (1.0, 12.706_205),
            (2.0, 4.302_653),
            (4.0, 2.776_445),
            (9.0, 2.262_157),
            (29.0, 2.045_230),
            (99.0, 1.984_217),
            (999.0, 1.962_341),
        ] {
            let tolerance = if df > 100.0 { 1e-4 } else { 1e-5 };
            assert!(
                (t95(df) - t).abs() < tolerance,
                "df {df}: {} vs {t}",
                t95(df)
            );
        }
        assert_eq!(t95(f64::INFINITY), Z95);
        assert!((t95(0.2) - t95(1.0)).abs() < 1e-12);
        assert_eq!(t95(4.5), t95(4.0));
    }

    #[test]
    fn the_incomplete_beta_is_exact_where_it_has_a_closed_form() {
        // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
        for x in [0.01, 0.3, 0.5, 0.77, 0.99] {
            assert!((incomplete_beta(1.0, 1.0, x) - x).abs() < 1e-12);
            assert!((incomplete_beta(3.0, 1.0, x) - x.powi(3)).abs() < 1e-12);
            assert!((incomplete_beta(1.0, 4.0, x) - (1.0 - (1.0 - x).powi(4))).abs() < 1e-12);
        }
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-12);
    }
}
