//! Base64 (RFC 4648) in its two forms the app writes: the standard alphabet
//! with `=` padding (data URLs: logos) and the URL-safe alphabet without
//! padding (share links).

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Alphabet {
    /// `+` and `/`, padded with `=` to a multiple of 4 (§4).
    Standard,
    /// `-` and `_`, without padding (§5).
    UrlSafe,
}

impl Alphabet {
    fn digits(self) -> &'static [u8; 64] {
        match self {
            Alphabet::Standard => STANDARD,
            Alphabet::UrlSafe => URL_SAFE,
        }
    }
}

/// Where a text stops being base64 of this alphabet (a byte offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotBase64 {
    pub at: usize,
}

pub fn encode(bytes: &[u8], alphabet: Alphabet) -> String {
    let digits = alphabet.digits();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(digits[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
        if alphabet == Alphabet::Standard {
            out.extend(std::iter::repeat_n('=', 3 - chunk.len()));
        }
    }
    out
}

pub fn decode(text: &str, alphabet: Alphabet) -> Result<Vec<u8>, NotBase64> {
    let mut body = text.as_bytes();
    if alphabet == Alphabet::Standard {
        if !body.len().is_multiple_of(4) {
            return Err(NotBase64 { at: body.len() });
        }
        let padding = body.iter().rev().take_while(|&&b| b == b'=').count();
        if padding > 2 {
            return Err(NotBase64 {
                at: body.len() - padding,
            });
        }
        body = &body[..body.len() - padding];
    }
    let digits = alphabet.digits();
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0u32);
    for (at, c) in body.iter().enumerate() {
        let v = digits.iter().position(|a| a == c).ok_or(NotBase64 { at })?;
        n = n << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    // A length that leaves a whole character over is not base64.
    if bits >= 6 {
        return Err(NotBase64 {
            at: body.len().saturating_sub(1),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rfc_4648_vectors_in_both_alphabets() {
        // RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes(), Alphabet::Standard), coded);
            assert_eq!(decode(coded, Alphabet::Standard).unwrap(), plain.as_bytes());
            let url = coded.trim_end_matches('=');
            assert_eq!(encode(plain.as_bytes(), Alphabet::UrlSafe), url);
            assert_eq!(decode(url, Alphabet::UrlSafe).unwrap(), plain.as_bytes());
        }
        assert_eq!(encode(&[0xfb, 0xff], Alphabet::UrlSafe), "-_8");
        assert_eq!(encode(&[0xfb, 0xff], Alphabet::Standard), "+/8=");
    }

    #[test]
    fn what_is_not_base64_says_where() {
        for bad in ["Zm9", "Zm9v===", "Zm-v", "Z=9v", "Zm9v\n"] {
            assert!(decode(bad, Alphabet::Standard).is_err(), "{bad}");
        }
        assert_eq!(decode("Zm+v", Alphabet::UrlSafe), Err(NotBase64 { at: 2 }));
        assert_eq!(decode("Zg==", Alphabet::UrlSafe), Err(NotBase64 { at: 2 }));
        assert_eq!(decode("Zm9vY", Alphabet::UrlSafe), Err(NotBase64 { at: 4 }));
    }

    proptest! {
        #[test]
        fn any_bytes_come_back(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
            for alphabet in [Alphabet::Standard, Alphabet::UrlSafe] {
                prop_assert_eq!(decode(&encode(&bytes, alphabet), alphabet).unwrap(), bytes.clone());
            }
        }
    }
}
