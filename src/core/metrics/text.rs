//! Figures as people read them, in the UI language: `+23 ± 9`, `78 %`,
//! `2,9 / 7`, `12 000`.

use super::Figure;
use crate::core::i18n::{format_count, format_decimal, format_percent, Key, Lang};
use crate::core::model::Metric;

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

/// The margin alone, in the value's unit (`9`, `7 %`, `0.3`), if known.
pub fn margin(lang: Lang, f: &Figure) -> Option<String> {
    let m = f.margin()?;
    Some(match f.metric {
        Metric::Reach => return None,
        Metric::Nps => format!("{}", m.round() as i64),
        Metric::Csat => format_percent(lang, m.round()),
        Metric::Ces => format_decimal(lang, m),
    })
}

/// The value with its margin: `+23 ± 9`.
pub fn headline(lang: Lang, f: &Figure) -> String {
    match margin(lang, f) {
        Some(m) => format!("{} ± {m}", value(lang, f)),
        None => value(lang, f),
    }
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
    if f.typed {
        parts.push(lang.t(Key::TypedByHand).into());
    }
    if f.metric != Metric::Reach && !f.conclusive() && !f.typed {
        parts.push(lang.t(Key::NotConclusive).into());
    }
    parts.join(" · ")
}

/// How a figure moved since the previous one: `▲` better, `▼` worse, `=`
/// unchanged at the precision shown, and the change in the value's unit
/// (`+33`, `+5 pts`, `−0,4`, `+1,200`).
pub fn trend(lang: Lang, now: &Figure, before: &Figure) -> (char, String) {
    let delta = now.value - before.value;
    let shown = match now.metric {
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
    };
    let better = match (now.goodness(), before.goodness()) {
        (Some(a), Some(b)) => a - b,
        _ => delta,
    };
    let unchanged = matches!(
        shown.trim_start_matches(['+', '\u{2212}']),
        "0" | "0 pts" | "0 points"
    );
    let arrow = if unchanged {
        '='
    } else if better > 0.0 {
        '▲'
    } else {
        '▼'
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
    use crate::core::metrics::from_answers;
    use crate::core::model::Scale;

    #[test]
    fn nps_reads_as_a_signed_score_with_its_margin() {
        let mut counts = [0; 11];
        counts[0] = 20;
        counts[8] = 30;
        counts[10] = 50;
        let f = from_answers(Metric::Nps, Scale::NPS, &counts).unwrap();
        assert_eq!(headline(Lang::En, &f), "+30 ± 15");
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
            ('▲', "+40".to_owned())
        );
        assert_eq!(
            trend(Lang::En, &nps(50, 50), &nps(70, 30)),
            ('▼', "\u{2212}40".to_owned())
        );
        assert_eq!(trend(Lang::En, &nps(50, 50), &nps(50, 50)).0, '=');
        // CES: lower is better, so a lower mean is an improvement.
        let ces = |low: u32, high: u32| {
            from_answers(Metric::Ces, Scale::CES, &[low, 0, 0, 0, 0, 0, high]).unwrap()
        };
        assert_eq!(
            trend(Lang::Fr, &ces(30, 10), &ces(10, 30)),
            ('▲', "\u{2212}3".to_owned())
        );
        let csat = |good: u32, bad: u32| {
            from_answers(Metric::Csat, Scale::CSAT, &[bad, 0, 0, 0, good]).unwrap()
        };
        assert_eq!(
            trend(Lang::En, &csat(60, 40), &csat(50, 50)),
            ('▲', "+10 pts".to_owned())
        );
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
