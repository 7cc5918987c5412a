//! Figures as people read them, in the UI language: `+23 ± 9`, `78 %`,
//! `2,9 / 7`, `12 000`, and `+100 (+13 … +100)` when the interval is not
//! symmetric about the value (cut at the scale's end, or the NPS score
//! interval, which is not centred on the score).

use super::change::{Change, Verdict};
use super::weighting::NotWeighted;
use super::{Figure, Interval};
use crate::core::document::model::Metric;
use crate::core::text::i18n::{format_count, format_decimal, format_percent, Key, Lang};

/// An NPS-style signed whole number: `+23`, `0`, `−7` (a real minus sign).
pub fn signed(x: f64) -> String {
    let n = x.round() as i64;
    match n {
        0 => "0".into(),
        n if n > 0 => format!("+{n}"),
        n => format!("\u{2212}{}", n.unsigned_abs()),
    }
}

/// A metric's bare value, without its scale: `+23`, `78 %`, `2.9`, `12,000`
/// (for tables that set one value beside another, like a target).
pub fn bare_value(lang: Lang, metric: Metric, x: f64) -> String {
    match metric {
        Metric::Reach => format_count(lang, x),
        Metric::Nps => signed(x),
        Metric::Csat => format_percent(lang, x.round()),
        Metric::Ces => format_decimal(lang, x),
    }
}

/// The difference between two values of a metric, always signed: `+12`,
/// `−5 pts` (CSAT, in percentage points), `−0.4`, `+1,500`.
pub fn gap_value(lang: Lang, metric: Metric, gap: f64) -> String {
    let sign = if gap > 0.0 { "+" } else { "" };
    match metric {
        Metric::Nps => signed(gap),
        Metric::Csat => format!("{} {}", signed(gap), lang.t(Key::PercentagePoints)),
        Metric::Reach => format!("{sign}{}", format_count(lang, gap)),
        Metric::Ces => format!("{sign}{}", format_decimal(lang, gap)),
    }
}

/// The value alone: `+23`, `78 %`, `2.9 / 7`, `12,000`.
pub fn value(lang: Lang, f: &Figure) -> String {
    match f.metric {
        Metric::Reach => format_count(lang, f.value),
        Metric::Nps => signed(f.value),
        Metric::Csat => format_percent(lang, f.value.round()),
        Metric::Ces => match f.scale {
            Some(s) => format!("{} / {}", format_decimal(lang, f.value), s.high),
            None => format_decimal(lang, f.value),
        },
    }
}

/// A figure's interval as shown: `± m` when both ends are `m` away from
/// the value at the precision shown, else its two ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bounds {
    /// `9`, `7 %`, `0.3`: the value ± this.
    Margin(String),
    /// `−35`, `+100`: the interval's low and high ends.
    Ends(String, String),
}

/// A distance from the value, at the precision the metric is shown with.
fn distance(lang: Lang, metric: Metric, d: f64) -> String {
    match metric {
        Metric::Nps | Metric::Reach => format!("{}", d.abs().round() as i64),
        Metric::Csat => format_percent(lang, d.abs().round()),
        Metric::Ces => format_decimal(lang, d.abs()),
    }
}

/// How `interval` around `value` reads: `± m` or its ends.
pub fn bounds(lang: Lang, metric: Metric, value: f64, interval: Interval) -> Bounds {
    let below = distance(lang, metric, value - interval.low);
    let above = distance(lang, metric, interval.high - value);
    if below == above && interval.low <= value && value <= interval.high {
        Bounds::Margin(below)
    } else {
        Bounds::Ends(
            bare_value(lang, metric, interval.low),
            bare_value(lang, metric, interval.high),
        )
    }
}

/// The interval alone: `± 9`, or `−35 … +100` (for tables).
pub fn interval(lang: Lang, f: &Figure) -> Option<String> {
    if f.metric == Metric::Reach {
        return None;
    }
    Some(match bounds(lang, f.metric, f.value, f.interval?) {
        Bounds::Margin(m) => format!("± {m}"),
        Bounds::Ends(low, high) => format!("{low} … {high}"),
    })
}

/// The value with its interval: `+23 ± 9`, or `+100 (+17 … +100)`.
pub fn headline(lang: Lang, f: &Figure) -> String {
    let shown = value(lang, f);
    match f.interval.filter(|_| f.metric != Metric::Reach) {
        None => shown,
        Some(i) => match bounds(lang, f.metric, f.value, i) {
            Bounds::Margin(m) => format!("{shown} ± {m}"),
            Bounds::Ends(low, high) => format!("{shown} ({low} … {high})"),
        },
    }
}

/// Why a pooled figure is not weighted although the map asks for it.
pub fn not_weighted(lang: Lang, why: NotWeighted) -> &'static str {
    lang.t(match why {
        NotWeighted::NoShares => Key::NotWeightedNoShares,
        NotWeighted::NoPersonaAnswers => Key::NotWeightedNoAnswers,
        NotWeighted::NotAnswers => Key::NotWeightedNotAnswers,
    })
}

/// What is behind the figure: `140 answers · mean 4.1`, or `typed by hand`.
pub fn detail(lang: Lang, f: &Figure) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = f.n {
        parts.push(format!(
            "{} {}",
            format_count(lang, f64::from(n)),
            lang.t(Key::Answers)
        ));
    }
    match (f.metric, f.secondary) {
        (Metric::Csat, Some(mean)) => parts.push(format!(
            "{} {}",
            lang.t(Key::Mean),
            format_decimal(lang, mean)
        )),
        (Metric::Ces, Some(share)) => parts.push(format!(
            "{} {}",
            format_percent(lang, share.round()),
            lang.t(Key::LowEffort)
        )),
        _ => {}
    }
    if let Some(w) = f.weighted {
        parts.push(format!(
            "{} ({} {})",
            lang.t(Key::WeightedByShare),
            lang.t(Key::EffectiveN),
            format_count(lang, w.effective_n.round())
        ));
        if w.left_out > 0 {
            parts.push(format!(
                "{} {}",
                format_count(lang, f64::from(w.left_out)),
                lang.t(Key::AnswersLeftOut)
            ));
        }
        if w.without_answers > 0 {
            parts.push(format!(
                "{} {}",
                format_count(lang, f64::from(w.without_answers)),
                lang.t(Key::PersonasWithoutAnswers)
            ));
        }
    }
    if f.typed {
        parts.push(lang.t(Key::TypedByHand).into());
    }
    if f.metric != Metric::Reach && !f.conclusive() && !f.typed {
        parts.push(lang.t(Key::NotConclusive).into());
    }
    parts.join(" · ")
}

/// A signed change in the metric's unit: `+33`, `+5 pts`, `−0.4`, `+1,200`.
pub fn signed_change(lang: Lang, metric: Metric, delta: f64) -> String {
    match metric {
        Metric::Reach => {
            let sign = if delta > 0.0 { "+" } else { "" };
            format!("{sign}{}", format_count(lang, delta))
        }
        Metric::Nps => signed(delta),
        Metric::Csat => format!("{} {}", signed(delta), lang.t(Key::Points)),
        Metric::Ces => {
            let sign = if delta > 0.0 { "+" } else { "" };
            format!("{sign}{}", format_decimal(lang, delta)).replace('-', "\u{2212}")
        }
    }
}

/// The words of a verdict: *improved*, *worse*, *within noise*.
pub fn verdict(lang: Lang, v: Verdict) -> &'static str {
    lang.t(match v {
        Verdict::Better => Key::EffectImproved,
        Verdict::Worse => Key::EffectWorse,
        Verdict::WithinNoise => Key::WithinNoise,
    })
}

/// A change as read: `+7 (−23 … +37) · within noise`, `+20 pts (+5 … +33
/// pts) · improved`; only the difference when it cannot be tested.
pub fn change(lang: Lang, c: &Change) -> String {
    let delta = signed_change(lang, c.metric, c.delta);
    let Some(i) = c.interval else {
        return delta;
    };
    let ends = format!(
        "{} … {}",
        signed_change(lang, c.metric, i.low),
        signed_change(lang, c.metric, i.high)
    );
    match c.verdict {
        Some(v) => format!("{delta} ({ends}) · {}", verdict(lang, v)),
        None => format!("{delta} ({ends})"),
    }
}

/// How a figure moved since the previous one: `▲` better and `▼` worse
/// beyond noise at 95 %, `≈` within noise, `=` unchanged at the precision
/// shown; for figures that cannot be tested (typed ones), `▲` / `▼` by
/// direction alone. With the change as [`change`] writes it.
pub fn trend(lang: Lang, now: &Figure, before: &Figure) -> (char, String) {
    let c = super::change::between(before, now);
    let shown = change(lang, &c);
    let bare = signed_change(lang, c.metric, c.delta);
    let unchanged = matches!(
        bare.trim_start_matches(['+', '\u{2212}']),
        "0" | "0 pts" | "0 points"
    );
    let better = match (now.goodness(), before.goodness()) {
        (Some(a), Some(b)) => a - b,
        _ => c.delta,
    };
    let arrow = match c.verdict {
        _ if unchanged => '=',
        Some(Verdict::Better) => '▲',
        Some(Verdict::Worse) => '▼',
        Some(Verdict::WithinNoise) => '≈',
        None if better > 0.0 => '▲',
        None => '▼',
    };
    (arrow, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_values_and_gaps_read_in_each_metric_s_unit() {
        assert_eq!(bare_value(Lang::En, Metric::Nps, -7.4), "\u{2212}7");
        assert_eq!(bare_value(Lang::Fr, Metric::Csat, 56.4), "56\u{a0}%");
        assert_eq!(bare_value(Lang::Fr, Metric::Ces, 3.25), "3,3");
        assert_eq!(bare_value(Lang::En, Metric::Reach, 12000.0), "12,000");
        assert_eq!(gap_value(Lang::En, Metric::Nps, 12.0), "+12");
        assert_eq!(gap_value(Lang::En, Metric::Csat, -5.0), "\u{2212}5 pts");
        assert_eq!(gap_value(Lang::Fr, Metric::Csat, 4.0), "+4 pts");
        assert_eq!(gap_value(Lang::En, Metric::Ces, -0.4), "-0.4");
        assert_eq!(gap_value(Lang::En, Metric::Ces, 0.5), "+0.5");
        assert_eq!(gap_value(Lang::En, Metric::Reach, 1500.0), "+1,500");
    }
    use crate::core::analysis::metrics::from_answers;
    use crate::core::document::model::Scale;

    #[test]
    fn nps_reads_as_a_signed_score_with_its_margin() {
        let mut counts = [0; 11];
        counts[0] = 20;
        counts[8] = 30;
        counts[10] = 50;
        let f = from_answers(Metric::Nps, Scale::NPS, &counts).unwrap();
        // The score interval 13.96 … 44.34 is 16 below and 14 above: ends.
        assert_eq!(headline(Lang::En, &f), "+30 (+14 … +44)");
        assert_eq!(detail(Lang::Fr, &f), "100 réponses");
        assert_eq!(signed(-7.4), "\u{2212}7");
        assert_eq!(signed(0.2), "0");
    }

    #[test]
    fn a_trend_says_better_or_worse_whatever_the_direction_of_the_scale() {
        let nps = |promoters: u32, detractors: u32| {
            let mut c = [0; 11];
            c[10] = promoters;
            c[0] = detractors;
            from_answers(Metric::Nps, Scale::NPS, &c).unwrap()
        };
        assert_eq!(
            trend(Lang::En, &nps(70, 30), &nps(50, 50)),
            ('▲', "+40 (+13 … +65) · improved".to_owned())
        );
        assert_eq!(
            trend(Lang::Fr, &nps(50, 50), &nps(70, 30)),
            (
                '▼',
                "\u{2212}40 (\u{2212}65 … \u{2212}13) · moins bien".to_owned()
            )
        );
        // +10 on 20 answers each side: within noise, said with ≈.
        let (arrow, said) = trend(Lang::En, &nps(11, 9), &nps(10, 10));
        assert_eq!(arrow, '≈');
        assert!(
            said.starts_with("+10 (") && said.ends_with("· within noise"),
            "{said}"
        );
        assert_eq!(trend(Lang::En, &nps(50, 50), &nps(50, 50)).0, '=');
        // CES: lower is better, so a lower mean is an improvement.
        let ces = |low: u32, high: u32| {
            from_answers(Metric::Ces, Scale::CES, &[low, 0, 0, 0, 0, 0, high]).unwrap()
        };
        assert_eq!(
            trend(Lang::Fr, &ces(30, 10), &ces(10, 30)),
            (
                '▲',
                "\u{2212}3 (\u{2212}4,2 … \u{2212}1,8) · amélioré".to_owned()
            )
        );
        let csat = |good: u32, bad: u32| {
            from_answers(Metric::Csat, Scale::CSAT, &[bad, 0, 0, 0, good]).unwrap()
        };
        assert_eq!(
            trend(Lang::En, &csat(60, 40), &csat(50, 50)),
            (
                '≈',
                "+10 pts (\u{2212}4 pts … +23 pts) · within noise".to_owned()
            )
        );
    }

    #[test]
    fn an_interval_reads_as_plus_minus_only_when_it_is_symmetric_as_shown() {
        // CES answers 2, 3, 4 in equal numbers: t interval, far from the
        // scale's ends, symmetric: "± m" in both languages.
        let f = from_answers(Metric::Ces, Scale::CES, &[0, 20, 20, 20, 0, 0, 0]).unwrap();
        assert_eq!(headline(Lang::En, &f), "3 / 7 ± 0.2");
        assert_eq!(headline(Lang::Fr, &f), "3 / 7 ± 0,2");
        assert_eq!(interval(Lang::En, &f).as_deref(), Some("± 0.2"));
        // All 12 answers satisfied: 100 %, and the interval is one-sided.
        let f = from_answers(Metric::Csat, Scale::CSAT, &[0, 0, 0, 2, 10]).unwrap();
        assert_eq!(headline(Lang::En, &f), "100% (76% … 100%)");
        assert_eq!(
            headline(Lang::Fr, &f),
            "100\u{a0}% (76\u{a0}% … 100\u{a0}%)"
        );
        assert_eq!(
            interval(Lang::Fr, &f).as_deref(),
            Some("76\u{a0}% … 100\u{a0}%")
        );
        // An NPS cut at +100 says its ends, never a smaller "±".
        let mut c = [0; 11];
        c[10] = 5;
        let f = from_answers(Metric::Nps, Scale::NPS, &c).unwrap();
        assert_eq!(headline(Lang::En, &f), "+100 (+13 … +100)");
        // Typed figures and reach have no interval to show.
        let typed = super::super::of_reading(
            &super::super::tests::typed_reading(Metric::Nps, 12.0, Some(40)),
            &crate::core::document::model::Scales::default(),
        )
        .unwrap();
        assert_eq!(
            (headline(Lang::En, &typed), interval(Lang::En, &typed)),
            ("+12".to_owned(), None)
        );
        // The not-conclusive hint says the threshold the code uses.
        for lang in Lang::ALL {
            assert!(lang
                .t(Key::NotConclusiveHint)
                .contains(&super::super::MIN_ANSWERS.to_string()));
        }
    }

    #[test]
    fn small_samples_say_they_are_not_conclusive() {
        let f = from_answers(Metric::Csat, Scale::CSAT, &[1, 1, 2, 4, 2]).unwrap();
        assert_eq!(value(Lang::Fr, &f), "60\u{a0}%");
        assert_eq!(
            detail(Lang::En, &f),
            "10 answers · mean 3.5 · not conclusive"
        );
        let f = from_answers(Metric::Ces, Scale::CES, &[30, 0, 0, 0, 0, 0, 10]).unwrap();
        assert_eq!(value(Lang::Fr, &f), "2,5 / 7");
        assert_eq!(detail(Lang::En, &f), "40 answers · 75% low effort");
    }
}
