//! A number as Rust's `{}` and `{:?}` write an `f64`, without them.
//!
//! `core::fmt`'s float printing (Grisu with a Dragon fallback, and the
//! exact-precision path every `{}` of a float carries) is about 14 KB of
//! wasm. serde_json already carries zmij, which finds the same shortest
//! digits; these functions only lay them out as `Display` and `Debug` do,
//! so a message that quotes a figure reads as before (the tests compare
//! both with the standard library's output over random bit patterns).

/// `v` as `format!("{v}")` writes it: positional, never an exponent, no
/// `.0` on a whole number (`300`, `0.0000001`, `-0`, `NaN`, `inf`).
pub fn display(v: f64) -> String {
    match Parts::of(v) {
        Ok(p) => p.positional(false),
        Err(special) => special.to_owned(),
    }
}

/// `v` as `format!("{v:?}")` writes it: like [`display`] with at least one
/// decimal (`300.0`), but with an exponent below 1e-4 and from 1e16 on
/// (`1e-7`, `1.5e16`), as the standard library does.
pub fn debug(v: f64) -> String {
    match Parts::of(v) {
        Ok(p) => {
            let abs = v.abs();
            if (abs != 0.0 && abs < 1e-4) || abs >= 1e16 {
                p.exponential()
            } else {
                p.positional(true)
            }
        }
        Err(special) => special.to_owned(),
    }
}

/// The whole number written in ASCII `digits` (no `str::parse`, whose
/// error handling and u128 arithmetic weigh more than this).
fn number(digits: &str) -> u128 {
    digits
        .bytes()
        .fold(0, |n, b| n * 10 + u128::from(b.wrapping_sub(b'0') % 10))
}

/// zmij's exponent after its `e`: `+300`, `-7`.
fn exponent(text: &str) -> i32 {
    let magnitude = number(text.trim_start_matches(['+', '-'])) as i32;
    if text.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}

/// A finite number as its shortest round-trip digits: `0.digits × 10^point`
/// with `digits` never starting with 0 (empty for zero).
struct Parts {
    negative: bool,
    digits: String,
    point: i32,
}

impl Parts {
    /// The parts of `v`, or its text if it is not finite.
    fn of(v: f64) -> Result<Parts, &'static str> {
        if v.is_nan() {
            return Err("NaN");
        }
        if v.is_infinite() {
            return Err(if v < 0.0 { "-inf" } else { "inf" });
        }
        let mut buffer = zmij::Buffer::new();
        let text = buffer.format_finite(v);
        let negative = text.starts_with('-');
        let text = text.trim_start_matches('-');
        let (mantissa, exp) = match text.split_once('e') {
            Some((m, e)) => (m, exponent(e)),
            None => (text, 0),
        };
        let (whole, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let all = format!("{whole}{frac}");
        let leading = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0').to_owned();
        let point = if digits.is_empty() {
            0
        } else {
            exp + whole.len() as i32 - leading as i32
        };
        let mut parts = Parts {
            negative,
            digits,
            point,
        };
        if parts.halfway_below(v.abs()) {
            parts.round_up();
        }
        Ok(parts)
    }

    /// Whether `v` lies exactly halfway between these digits and the next
    /// number of as many digits. zmij then keeps the even one; the standard
    /// library takes the upper one (`792056028604792.25` is `…792.3`).
    fn halfway_below(&self, v: f64) -> bool {
        // At most 17 digits.
        let d = number(&self.digits);
        // v = mantissa × 2^exp, the mantissa odd.
        let bits = v.to_bits();
        let (fraction, biased) = (bits & ((1 << 52) - 1), (bits >> 52) as i32);
        let (mut mantissa, mut exp) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, biased - 1075)
        };
        if mantissa == 0 {
            return false;
        }
        let zeros = mantissa.trailing_zeros();
        mantissa >>= zeros;
        exp += zeros as i32;
        // The halfway point, (2d + 1) × 10^s / 2 = (2d + 1) × 5^s × 2^(s - 1)
        // with s the place of the last digit: odd × 5^s × 2^(s - 1).
        let s = self.point - self.digits.len() as i32;
        let odd = 2 * d + 1;
        let fives = |n: i32| 5u128.checked_pow(n.unsigned_abs());
        exp == s - 1
            && if s >= 0 {
                fives(s).and_then(|f| f.checked_mul(odd)) == Some(u128::from(mantissa))
            } else {
                fives(s).and_then(|f| f.checked_mul(u128::from(mantissa))) == Some(odd)
            }
    }

    /// The next number of as many digits (`129` → `13`, `99` → `1` one place up).
    fn round_up(&mut self) {
        let mut digits = self.digits.clone().into_bytes();
        while digits.last() == Some(&b'9') {
            digits.pop();
        }
        match digits.last_mut() {
            Some(last) => *last += 1,
            None => {
                digits.push(b'1');
                self.point += 1;
            }
        }
        self.digits = String::from_utf8(digits).unwrap_or_default();
    }

    fn sign(&self) -> &'static str {
        if self.negative {
            "-"
        } else {
            ""
        }
    }

    /// `123.45`, `0.001`, `1200`; with `decimal`, `1200.0`.
    fn positional(&self, decimal: bool) -> String {
        let digits = self.digits.as_str();
        let n = digits.len() as i32;
        let mut out = String::from(self.sign());
        if digits.is_empty() {
            out.push('0');
        } else if self.point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-self.point) as usize));
            out.push_str(digits);
            return out;
        } else if self.point >= n {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', (self.point - n) as usize));
        } else {
            let (whole, frac) = digits.split_at(self.point as usize);
            out.push_str(whole);
            out.push('.');
            out.push_str(frac);
            return out;
        }
        if decimal {
            out.push_str(".0");
        }
        out
    }

    /// `1e-7`, `1.2345e17`.
    fn exponential(&self) -> String {
        let (first, rest) = self.digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        format!("{}{first}{dot}{rest}e{}", self.sign(), self.point - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    // The halfway numbers are exact: their last digit is the point.
    #[allow(clippy::excessive_precision)]
    fn the_standard_library_s_text_for_chosen_numbers() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            300.0,
            120.5,
            -100.25,
            0.1,
            0.0001,
            0.00001,
            1.5e-5,
            1e-7,
            1e15,
            1e16,
            9_999_999_999_999_998.0,
            1.5e16,
            123_456_789_012_345_680.0,
            // Halfway between two numbers of 16 digits: the upper one.
            -792_056_028_604_792.25,
            581_340_081_208_420.25,
            1e21,
            1e22,
            1e300,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::MIN,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(display(v), format!("{v}"), "{v:e}");
            assert_eq!(debug(v), format!("{v:?}"), "{v:e}");
        }
    }

    proptest! {
        #[test]
        fn the_standard_library_s_text_for_any_bits(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            prop_assert_eq!(display(v), format!("{}", v));
            prop_assert_eq!(debug(v), format!("{:?}", v));
        }

        #[test]
        fn the_standard_library_s_text_for_figures(v in -1.0e6f64..1.0e6) {
            prop_assert_eq!(display(v), format!("{}", v));
            prop_assert_eq!(debug(v), format!("{:?}", v));
        }

        #[test]
        fn the_standard_library_s_text_for_short_decimals(n in any::<i32>(), scale in -30i32..30) {
            let v = f64::from(n) * 10f64.powi(scale);
            prop_assert_eq!(display(v), format!("{}", v));
            prop_assert_eq!(debug(v), format!("{:?}", v));
        }
    }
}
