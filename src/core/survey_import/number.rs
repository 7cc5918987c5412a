//! Numbers as spreadsheets write them: `12,5` or `12.5`, `1 234,5`,
//! `1,234.5`, with no-break spaces as thousands separators.

use super::messages::NumberError;

/// Which mark separates decimals; the other one groups thousands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimal {
    Point,
    Comma,
}

/// A cell as a number: `Ok(None)` when empty.
pub fn parse_number(text: &str, decimal: Decimal) -> Result<Option<f64>, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let (mark, thousands) = match decimal {
        Decimal::Point => ('.', ','),
        Decimal::Comma => (',', '.'),
    };
    let mut cleaned = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\'' => {}
            c if c == thousands => {}
            c if c == mark => cleaned.push('.'),
            '+' | '-' | '0'..='9' => cleaned.push(c),
            '\u{2212}' => cleaned.push('-'),
            _ => return Err(NumberError::NotANumber),
        }
    }
    let valid = !cleaned.is_empty()
        && cleaned.chars().filter(|c| *c == '.').count() <= 1
        && cleaned[1..].chars().all(|c| c != '+' && c != '-')
        && cleaned.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(NumberError::NotANumber);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NumberError::NotANumber),
    }
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
        assert_eq!(ok("1,234.5", Decimal::Point), Some(1234.5));
        assert_eq!(ok(" -7 ", Decimal::Point), Some(-7.0));
        assert_eq!(ok("+3", Decimal::Point), Some(3.0));
        assert_eq!(ok("\u{2212}3", Decimal::Point), Some(-3.0));
        assert_eq!(ok("", Decimal::Point), None);
        assert_eq!(ok("   ", Decimal::Comma), None);
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "NaN", "inf", "1e999", "abc", "12,5,3", "1-2", "--1", "+", ".", "8/10", "1e3",
        ] {
            assert_eq!(
                parse_number(bad, Decimal::Comma),
                Err(NumberError::NotANumber),
                "{bad}"
            );
        }
        assert!(
            parse_number("9".repeat(400).as_str(), Decimal::Point).is_err(),
            "overflow to inf"
        );
    }
}
