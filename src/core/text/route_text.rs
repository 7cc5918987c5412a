//! Text in the URL fragment (`#/map/<id>`, `#/report/<id>/<department>`):
//! which characters a route part may hold as it is, and percent-encoding for
//! map ids (a file may give a map any non-empty id: `a b/c#d`, `Été`) and
//! free text such as a department's name.

/// A non-empty run of URL-safe characters (`A–Z a–z 0–9 - _`): map ids, and
/// the base64url data of shared maps.
pub fn is_url_safe(part: &str) -> bool {
    !part.is_empty()
        && part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// `text` with every byte of its UTF-8 outside RFC 3986's unreserved
/// characters written `%XX`: it then fits any part of a URL.
pub fn percent_encode(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// A map id as a route part: percent-encoded, so that any id a file may
/// carry (spaces, `/`, `#`, `%`, any script) fits between two slashes.
/// Ids made by the app (`A–Z a–z 0–9 - _`) are written as they are.
pub fn encode_id(id: &str) -> String {
    percent_encode(id)
}

/// The map id in a route part written by [`encode_id`] (or by a browser,
/// which writes `%XX` for what it will not show). `None` for an empty part,
/// a character no encoder writes (a raw space, `/`, `#`, `<`…), a broken
/// escape, or bytes that are not UTF-8.
pub fn decode_id(part: &str) -> Option<String> {
    let written = part
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'%'));
    if !written {
        return None;
    }
    percent_decode(part).filter(|id| !id.is_empty())
}

/// The text `percent_encode` wrote (or a browser did: `%xx` in either case,
/// other characters as they are). `None` when a `%` is not followed by two
/// hex digits or the bytes are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let digit = |b: u8| match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let high = digit(*bytes.get(i + 1)?)?;
            let low = digit(*bytes.get(i + 2)?)?;
            out.push(high << 4 | low);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn route_parts_are_url_safe_runs() {
        assert!(is_url_safe("ab12-_Z"));
        for bad in ["", "a b", "a/b", "<img>", "é", "a%20"] {
            assert!(!is_url_safe(bad), "{bad}");
        }
    }

    #[test]
    fn department_names_are_percent_encoded() {
        assert_eq!(percent_encode("Service client"), "Service%20client");
        assert_eq!(percent_encode("E-commerce"), "E-commerce");
        assert_eq!(
            percent_encode("Équipe/R&D #2"),
            "%C3%89quipe%2FR%26D%20%232"
        );
        assert_eq!(
            percent_decode("%c3%89quipe%2FR%26D%20%232").as_deref(),
            Some("Équipe/R&D #2")
        );
        assert_eq!(percent_decode("Ventes").as_deref(), Some("Ventes"));
    }

    #[test]
    fn broken_escapes_are_refused() {
        for bad in ["%", "%2", "%zz", "abc%4", "%C3", "%FF%FE"] {
            assert_eq!(percent_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn any_map_id_fits_a_route_part() {
        assert_eq!(encode_id("ab12-_Z"), "ab12-_Z");
        assert_eq!(encode_id("a b/c#d%e"), "a%20b%2Fc%23d%25e");
        assert_eq!(decode_id("a%20b%2Fc%23d%25e").as_deref(), Some("a b/c#d%e"));
        assert_eq!(decode_id("%C3%A9t%C3%A9").as_deref(), Some("été"));
        assert_eq!(decode_id("ab12").as_deref(), Some("ab12"));
        for bad in ["", "a b", "a/b", "<img>", "é", "%", "%ZZ", "%C3", "a#b"] {
            assert_eq!(decode_id(bad), None, "{bad}");
        }
    }

    proptest! {
        #[test]
        fn any_id_comes_back_from_its_route_part(id in "\\PC{1,30}") {
            let part = encode_id(&id);
            prop_assert!(!part.contains(['/', '#', '?', '&', ' ']));
            prop_assert_eq!(decode_id(&part), Some(id));
        }

        #[test]
        fn any_text_comes_back_from_its_encoding(text in "\\PC{0,30}") {
            let encoded = percent_encode(&text);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert!(!encoded.contains(['/', '#', '?', '&']));
            prop_assert_eq!(percent_decode(&encoded), Some(text));
        }
    }
}
