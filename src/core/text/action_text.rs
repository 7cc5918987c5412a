//! Actions as people read and type them: due dates as `<input type=date>`
//! values, and a done action's effect on its metric (`NPS +5 → +20`).

use crate::core::analysis::action_board::Effect;
use crate::core::analysis::metrics::change::Verdict;
use crate::core::analysis::metrics::text;
use crate::core::document::model::{Metric, Millis};
use crate::core::text::i18n::{format_count, format_decimal, format_percent, Lang};

pub use crate::core::formats::csv_export::iso_date;

/// The time (UTC midnight) of a `YYYY-MM-DD` date, as `<input type=date>`
/// gives it; `None` for an empty or malformed value.
pub fn parse_iso_date(text: &str) -> Option<Millis> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&day) || !(1..=9999).contains(&year) {
        return None;
    }
    // Civil date to days since 1970-01-01 (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some((era * 146_097 + doe - 719_468) * 86_400_000)
}

/// A measured value in the metric's unit: `+20`, `78 %`, `2.9`, `1,200`.
pub fn metric_value(lang: Lang, metric: Metric, value: f64) -> String {
    match metric {
        Metric::Reach => format_count(lang, value),
        Metric::Nps => crate::core::analysis::metrics::text::signed(value),
        Metric::Csat => format_percent(lang, value.round()),
        Metric::Ces => format_decimal(lang, value),
    }
}

/// `NPS +5 → +20`: the metric before and after the action was done.
pub fn effect_text(lang: Lang, effect: &Effect) -> String {
    format!(
        "{} {} → {}",
        effect.metric.label(lang),
        metric_value(lang, effect.metric, effect.before.value),
        metric_value(lang, effect.metric, effect.after.value)
    )
}

/// What the effect amounts to: `improved`, `worse` or `within noise` when
/// both readings have answers (the difference's 95 % interval leaves out 0,
/// or not), with that interval; `None` when it cannot be tested.
pub fn effect_verdict(lang: Lang, effect: &Effect) -> Option<(Verdict, String)> {
    let verdict = effect.change.verdict?;
    Some((verdict, text::change(lang, &effect.change)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::action_board::Measured;

    #[test]
    fn dates_read_back_what_they_write() {
        for at in [0, 951_782_400_000, 1_763_856_000_000, -86_400_000] {
            assert_eq!(parse_iso_date(&iso_date(at)), Some(at));
        }
        assert_eq!(parse_iso_date("2025-11-23"), Some(1_763_856_000_000));
        for bad in [
            "",
            "2025-13-01",
            "2025-02-29",
            "2025-11",
            "a-b-c",
            "2024-04-31",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
        assert!(parse_iso_date("2024-02-29").is_some());
    }

    #[test]
    fn effects_read_before_and_after_in_the_metric_unit() {
        let effect = |metric, before, after| Effect {
            metric,
            before: Measured {
                value: before,
                at: 1,
            },
            after: Measured {
                value: after,
                at: 2,
            },
            improved: None,
            change: crate::core::analysis::metrics::change::Change {
                metric,
                delta: after - before,
                interval: None,
                verdict: None,
            },
        };
        assert_eq!(
            effect_text(Lang::En, &effect(Metric::Nps, -12.0, 18.4)),
            "NPS \u{2212}12 → +18"
        );
        assert!(effect_text(Lang::Fr, &effect(Metric::Csat, 61.0, 72.0)).starts_with("CSAT 61"));
    }
}
