//! The map file an embed names: `#/embed?src=<url>`, for an intranet page
//! that hosts its maps as `.json` files next to its pages (same origin) or on
//! a server that allows Parcours' origin (CORS). This is the one request the
//! app makes beyond its own files, and only when a page asks for it.

use crate::core::text::route_text;

/// The longest `src` accepted (URLs longer than this are not file addresses).
pub const MAX_SOURCE_CHARS: usize = 2048;

/// The largest map file read from a URL.
pub const MAX_SOURCE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// No `src=` in the embed's parameters.
    Missing,
    /// `%` not followed by two hex digits, or bytes that are not UTF-8.
    BadEncoding,
    TooLong {
        chars: usize,
    },
    /// Only `http:` and `https:` addresses (or paths relative to Parcours).
    Scheme(String),
}

impl std::error::Error for SourceError {}

/// Decode `%XX` escapes, and `+` as a space (as forms write it).
fn percent_decode(text: &str) -> Result<String, SourceError> {
    route_text::percent_decode(&text.replace('+', " ")).ok_or(SourceError::BadEncoding)
}

/// The address of the map file in an embed's parameters (`src=…&…`).
pub fn source_of(query: &str) -> Result<String, SourceError> {
    let raw = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("src="))
        .filter(|v| !v.is_empty())
        .ok_or(SourceError::Missing)?;
    let url = percent_decode(raw)?;
    let url = url.trim().to_owned();
    let chars = url.chars().count();
    if chars > MAX_SOURCE_CHARS {
        return Err(SourceError::TooLong { chars });
    }
    if url.is_empty() {
        return Err(SourceError::Missing);
    }
    // A scheme is letters (then digits, +, -, .) before the first ':' that
    // comes before any '/', '?' or '#'.
    let head = url.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some((scheme, _)) = head.split_once(':') {
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(SourceError::Scheme(scheme));
        }
    }
    if url.chars().any(char::is_control) {
        return Err(SourceError::BadEncoding);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_https_and_relative_addresses_are_read() {
        assert_eq!(
            source_of("src=https%3A%2F%2Fintranet.example%2Fmaps%2Fdelivery.json").unwrap(),
            "https://intranet.example/maps/delivery.json"
        );
        assert_eq!(source_of("src=maps/a+b.json&x=1").unwrap(), "maps/a b.json");
        assert_eq!(
            source_of("lang=fr&src=/maps/%C3%A9t%C3%A9.json").unwrap(),
            "/maps/été.json"
        );
        assert_eq!(
            source_of("src=HTTP://host:8080/m.json").unwrap(),
            "HTTP://host:8080/m.json"
        );
        assert_eq!(
            source_of("src=maps/x.json?v=2:3").unwrap(),
            "maps/x.json?v=2:3"
        );
    }

    #[test]
    fn other_schemes_and_broken_parameters_are_refused() {
        assert_eq!(source_of(""), Err(SourceError::Missing));
        assert_eq!(source_of("src="), Err(SourceError::Missing));
        assert_eq!(source_of("source=x"), Err(SourceError::Missing));
        for (src, scheme) in [
            ("javascript:alert(1)", "javascript"),
            ("JavaScript%3Aalert(1)", "javascript"),
            ("data:application/json,{}", "data"),
            ("file:///etc/passwd", "file"),
            ("blob:https://x/y", "blob"),
        ] {
            assert_eq!(
                source_of(&format!("src={src}")),
                Err(SourceError::Scheme(scheme.into())),
                "{src}"
            );
        }
        assert_eq!(source_of("src=%zz"), Err(SourceError::BadEncoding));
        assert_eq!(source_of("src=%C3"), Err(SourceError::BadEncoding));
        assert_eq!(source_of("src=a%0Ab"), Err(SourceError::BadEncoding));
        let long = format!("src={}", "a".repeat(MAX_SOURCE_CHARS + 1));
        assert_eq!(
            source_of(&long),
            Err(SourceError::TooLong {
                chars: MAX_SOURCE_CHARS + 1
            })
        );
    }

    #[test]
    fn an_address_written_as_parameters_reads_back() {
        for url in [
            "https://intranet.example/maps/livraison été.json?v=1&x=2",
            "maps/a+b.json",
        ] {
            let query = format!("src={}", route_text::percent_encode(url));
            assert!(!query[4..].contains(['&', '#', ' ', '+']), "{query}");
            assert_eq!(source_of(&query).unwrap(), url);
        }
    }
}
