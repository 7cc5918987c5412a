//! Numbers as spreadsheets write them: `12,5` or `12.5`, `1 234,5`,
//! `1.234,5`, `1,234.5`, with (no-break) spaces or `'` grouping thousands.
//!
//! Thousands groups are checked (three digits after each separator), so a
//! `4,5` read with a decimal point is refused rather than taken for 45.
//! Exponents (`1e3`), `NaN` and `inf` are refused.

use super::messages::NumberError;
use crate::core::text::i18n::Lang;

/// Which mark separates decimals; the other one groups thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    Point,
    Comma,
}

/// A cell as a number: `Ok(None)` when empty or blank.
/// What spreadsheets and survey tools write for "no answer": `N/A`, `NA`,
/// `#N/A`, `null`, `none`, `-`, `–`, `—` (any case). Counted as an empty
/// cell. (`NaN` is not: it is more often a broken formula than a choice.)
fn is_no_answer(text: &str) -> bool {
    matches!(text, "-" | "–" | "—")
        || ["n/a", "na", "#n/a", "null", "none"]
            .iter()
            .any(|token| text.eq_ignore_ascii_case(token))
}

pub fn parse_number(text: &str, decimal: Decimal) -> Result<Option<f64>, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || is_no_answer(trimmed) {
        return Ok(None);
    }
    let (mark, thousands) = match decimal {
        Decimal::Point => ('.', ','),
        Decimal::Comma => (',', '.'),
    };
    let malformed = Err(NumberError::Malformed(decimal));
    // `cleaned` holds only an optional '-', digits and one '.'.
    let mut cleaned = String::with_capacity(trimmed.len());
    let mut chars = trimmed.chars().peekable();
    match chars.peek() {
        Some('+') => {
            chars.next();
        }
        Some('-' | '\u{2212}') => {
            chars.next();
            cleaned.push('-');
        }
        _ => {}
    }
    // Digits in the current group, thousands separators seen, decimals seen.
    let (mut group, mut groups, mut digits) = (0usize, 0usize, 0usize);
    let mut after_mark = false;
    for c in chars {
        match c {
            '0'..='9' => {
                cleaned.push(c);
                digits += 1;
                group += 1;
            }
            c if c == mark => {
                if after_mark || (groups > 0 && group != 3) {
                    return malformed;
                }
                after_mark = true;
                group = 0;
                cleaned.push('.');
            }
            c if c == thousands || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'') => {
                let first_group_ok = groups > 0 || (1..=3).contains(&group);
                if after_mark || group == 0 || (groups > 0 && group != 3) || !first_group_ok {
                    return malformed;
                }
                groups += 1;
                group = 0;
            }
            '+' | '-' | '\u{2212}' => return malformed,
            _ => return Err(NumberError::NotANumber),
        }
    }
    // The last group before the decimals (or the end) was checked at the
    // mark; without a mark, check it here.
    if digits == 0 || (groups > 0 && !after_mark && group != 3) {
        return malformed;
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        Ok(_) => Err(NumberError::TooLarge),
        Err(_) => malformed,
    }
}

/// A typed number, read by the importer's parser: in the UI language's
/// style first (`12,5` and `12 000` in French, `12.5` and `12,000` in
/// English), else in the other one; a trailing `%` is allowed.
pub fn parse_typed(text: &str, lang: Lang) -> Option<f64> {
    let text = text.trim().trim_end_matches('%');
    let marks = match lang {
        Lang::Fr => [Decimal::Comma, Decimal::Point],
        Lang::En => [Decimal::Point, Decimal::Comma],
    };
    marks
        .into_iter()
        .find_map(|decimal| parse_number(text, decimal).ok().flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_styles_of_decimals_and_thousands() {
        let ok = |t, d| parse_number(t, d).unwrap();
        assert_eq!(ok("12,5", Decimal::Comma), Some(12.5));
        assert_eq!(ok("12.5", Decimal::Point), Some(12.5));
        assert_eq!(ok("1 234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(ok("1\u{a0}234", Decimal::Comma), Some(1234.0));
        assert_eq!(ok("1\u{202f}234", Decimal::Comma), Some(1234.0));
        assert_eq!(ok("1.234,5", Decimal::Comma), Some(1234.5));
        assert_eq!(ok("1.234.567", Decimal::Comma), Some(1234567.0));
        assert_eq!(ok("1,234.5", Decimal::Point), Some(1234.5));
        assert_eq!(ok("12,345,678", Decimal::Point), Some(12345678.0));
        assert_eq!(ok("1'234.5", Decimal::Point), Some(1234.5));
        assert_eq!(ok(" -7 ", Decimal::Point), Some(-7.0));
        assert_eq!(ok("+3", Decimal::Point), Some(3.0));
        assert_eq!(ok("\u{2212}3", Decimal::Point), Some(-3.0));
        assert_eq!(ok("-1 234,50", Decimal::Comma), Some(-1234.5));
        assert_eq!(ok("8,0", Decimal::Comma), Some(8.0));
        assert_eq!(ok(",5", Decimal::Comma), Some(0.5));
        assert_eq!(ok("5.", Decimal::Point), Some(5.0));
        assert_eq!(ok("007", Decimal::Point), Some(7.0));
        assert_eq!(ok("", Decimal::Point), None);
        assert_eq!(ok("  \u{a0} ", Decimal::Comma), None);
    }

    #[test]
    fn no_answer_markers_are_empty_cells() {
        for none in [
            "N/A", "n/a", "NA", "#N/A", "null", "None", "-", "–", "—", " - ",
        ] {
            assert_eq!(parse_number(none, Decimal::Comma), Ok(None), "{none}");
        }
        assert!(parse_number("-5", Decimal::Point).is_ok_and(|v| v == Some(-5.0)));
    }

    #[test]
    fn letters_and_symbols_are_not_numbers() {
        for bad in [
            "NaN", "nan", "inf", "-inf", "1e999", "1e3", "abc", "8/10", "45%", "€5", "0x10",
        ] {
            for decimal in [Decimal::Point, Decimal::Comma] {
                assert_eq!(
                    parse_number(bad, decimal),
                    Err(NumberError::NotANumber),
                    "{bad}"
                );
            }
        }
    }

    #[test]
    fn misplaced_signs_marks_and_groups_are_malformed() {
        let comma = Err(NumberError::Malformed(Decimal::Comma));
        let point = Err(NumberError::Malformed(Decimal::Point));
        for bad in [
            "12,5,3", "1-2", "--1", "+", ",", "1,2.345", "1.23", "12.34,5", "1 2", "1234.567",
            "1,5 000", "7-",
        ] {
            assert_eq!(parse_number(bad, Decimal::Comma), comma, "{bad}");
        }
        // A decimal comma read with a decimal point: refused, not 45.
        for bad in ["4,5", "1,23", "1.2.3", "1,234,5", ".", "1.5,000", "+-1"] {
            assert_eq!(parse_number(bad, Decimal::Point), point, "{bad}");
        }
    }

    #[test]
    fn overflow_is_too_large() {
        assert_eq!(
            parse_number("9".repeat(400).as_str(), Decimal::Point),
            Err(NumberError::TooLarge)
        );
    }
}
