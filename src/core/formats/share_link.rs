//! A map carried in a link: `…/#/view/<data>`, where `<data>` is the map's
//! envelope, deflated, in URL-safe base64. The fragment never leaves the
//! browser (it is not sent to the server), so sharing needs no server.
//!
//! Opening a link reads it like a file: the envelope is checked and migrated
//! before anything is shown, and a damaged or hostile link gets a message,
//! never a panic. Inflating stops at [`MAX_MAP_BYTES`], so a small link cannot
//! expand into gigabytes.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use crate::core::document::model::JourneyMap;
use crate::core::formats::base64::{self, Alphabet};
use crate::core::formats::envelope::{self, FormatError};

/// The longest link data we make: links this long still open in every
/// browser; many chat and mail tools cut longer ones.
pub const MAX_LINK_CHARS: usize = 32_000;
/// The most a link's data may inflate to (a stored map is at most ~5 MB).
pub const MAX_MAP_BYTES: usize = 8 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The map is too large for a link: `chars` characters of link data.
    TooLarge { chars: usize },
    /// The link's data is not URL-safe base64 (at this character).
    NotBase64 { at: usize },
    /// The data does not inflate (cut short, or not ours).
    NotDeflate,
    /// The map's data ends before the link does: something was added to it
    /// (a `.`, a letter… that a chat or mail tool left at its end).
    TrailingData,
    /// It inflates to more than [`MAX_MAP_BYTES`].
    TooBig,
    /// It inflates, but not to a map this version can read.
    Format(FormatError),
}

/// The link data of a map (revision 0: a shared copy has no save history).
pub fn encode(map: &JourneyMap) -> Result<String, ShareError> {
    let json = envelope::to_json(map, 0);
    let data = base64url(&compress_to_vec(json.as_bytes(), 9));
    if data.len() > MAX_LINK_CHARS {
        return Err(ShareError::TooLarge { chars: data.len() });
    }
    Ok(data)
}

/// The map in a link's data, checked like a file.
pub fn decode(data: &str) -> Result<JourneyMap, ShareError> {
    let packed = from_base64url(data)?;
    let json = inflate_whole(&packed)?;
    let text = std::str::from_utf8(&json).map_err(|_| ShareError::NotDeflate)?;
    envelope::from_json(text)
        .map(|stored| stored.map)
        .map_err(ShareError::Format)
}

/// The HTML to paste in a page to embed the map read-only: an iframe on
/// `page` (the app's address, without its fragment) showing `#/embed/<data>`.
/// The title is escaped for an HTML attribute.
pub fn embed_snippet(page: &str, data: &str, title: &str) -> String {
    let mut escaped = String::with_capacity(title.len());
    for c in title.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\n' | '\r' => escaped.push(' '),
            c => escaped.push(c),
        }
    }
    format!(
        "<iframe src=\"{page}#/embed/{data}\" title=\"{escaped}\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>"
    )
}

/// Inflates `packed`, which must be one whole deflate stream and nothing
/// more: data after the stream's end (a character added to the link) is
/// damage, not something to ignore. Stops at [`MAX_MAP_BYTES`].
fn inflate_whole(packed: &[u8]) -> Result<Vec<u8>, ShareError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0; packed.len().saturating_mul(4).clamp(1024, MAX_MAP_BYTES)];
    let mut inflater = Box::<DecompressorOxide>::default();
    let (mut input, mut written) = (packed, 0);
    loop {
        let (status, used, wrote) = decompress(&mut inflater, input, &mut out, written, flags);
        written += wrote;
        input = input.get(used..).ok_or(ShareError::NotDeflate)?;
        match status {
            TINFLStatus::Done if input.is_empty() => {
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::Done => return Err(ShareError::TrailingData),
            TINFLStatus::HasMoreOutput if out.len() >= MAX_MAP_BYTES => {
                return Err(ShareError::TooBig)
            }
            TINFLStatus::HasMoreOutput => out.resize((out.len() * 2).min(MAX_MAP_BYTES), 0),
            _ => return Err(ShareError::NotDeflate),
        }
    }
}

fn base64url(bytes: &[u8]) -> String {
    base64::encode(bytes, Alphabet::UrlSafe)
}

fn from_base64url(text: &str) -> Result<Vec<u8>, ShareError> {
    base64::decode(text, Alphabet::UrlSafe).map_err(|e| ShareError::NotBase64 { at: e.at })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Card, SequentialIds};
    #[allow(unused_imports)]
    use crate::core::text::i18n::Lang;
    use crate::core::text::said::Said;

    fn demo() -> JourneyMap {
        demo_map(Lang::Fr, &mut SequentialIds::new("d"), 1_763_856_000_000)
    }

    #[test]
    fn a_map_comes_back_from_its_link() {
        let map = demo();
        let data = encode(&map).unwrap();
        assert!(
            data.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "URL-safe, no padding"
        );
        assert!(
            data.len() < 12_000,
            "the demo fits a short link: {}",
            data.len()
        );
        assert_eq!(decode(&data).unwrap(), map);
    }

    #[test]
    fn the_embed_snippet_escapes_the_title() {
        let html = embed_snippet(
            "https://intranet.example/parcours/",
            "eJx",
            "Tom & \"Jerry\" <b>'s</b>\nmap",
        );
        assert_eq!(
            html,
            "<iframe src=\"https://intranet.example/parcours/#/embed/eJx\" title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt; map\" width=\"100%\" height=\"640\" style=\"border:0\" loading=\"lazy\"></iframe>"
        );
    }

    #[test]
    fn a_map_too_large_for_a_link_says_how_large() {
        let mut map = demo();
        // Text that does not compress: a pseudo-random walk over letters.
        let mut x: u32 = 7;
        let noise: String = (0..60_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + (x >> 16) as u8 % 26)
            })
            .collect();
        map.cards.push(Card {
            id: "big".into(),
            lane: map.lanes[0].id.clone(),
            stage: map.stages[0].id.clone(),
            persona: None,
            text: noise,
            severity: None,
            answers: None,
            ..Default::default()
        });
        match encode(&map) {
            Err(ShareError::TooLarge { chars }) => {
                assert!(chars > MAX_LINK_CHARS);
                let message = ShareError::TooLarge { chars }.to_string();
                assert!(
                    message.contains(&chars.to_string()) && message.contains("32000"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn damaged_links_say_what_is_wrong() {
        let data = encode(&demo()).unwrap();
        let cases: [(String, &str); 5] = [
            (
                format!("{}!{}", &data[..10], &data[11..]),
                "character 11 is not part of a map link",
            ),
            (data[..data.len() / 2].to_owned(), "damaged or cut short"),
            ("A".into(), "character 1"),
            (base64url(b"not deflate at all"), "damaged or cut short"),
            (
                base64url(&compress_to_vec(
                    b"{\"format\":\"parcours.map\",\"version\":9}",
                    9,
                )),
                "newer Parcours",
            ),
        ];
        for (link, expected) in cases {
            let e = decode(&link).unwrap_err().to_string();
            assert!(e.contains(expected), "{expected:?} not in {e:?}");
        }
    }

    #[test]
    fn a_link_with_anything_added_at_its_end_is_damaged() {
        // Links of each length modulo 4, so that an added letter lands in
        // every position of a base64 group.
        for extra_cards in 0..4 {
            let mut map = demo();
            for i in 0..extra_cards {
                map.cards.push(Card {
                    id: format!("x{i}"),
                    lane: map.lanes[0].id.clone(),
                    stage: map.stages[0].id.clone(),
                    persona: None,
                    text: "z".repeat(i + 1),
                    severity: None,
                    answers: None,
                    ..Default::default()
                });
            }
            let data = encode(&map).unwrap();
            assert_eq!(decode(&data).unwrap(), map);
            for tail in [".", ")", "%3E", ">", "A", "Q", "_", "AA", "AAA", "-x", " "] {
                let damaged = format!("{data}{tail}");
                let e = decode(&damaged).expect_err(&format!("{} + {tail:?}", data.len() % 4));
                let en = e.said(Lang::En);
                assert!(en.contains("damaged"), "{tail:?}: {en}");
                assert!(e.said(Lang::Fr).contains("abîmé"), "{tail:?}");
            }
        }
    }

    #[test]
    fn a_small_link_cannot_unpack_into_gigabytes() {
        let zeros = vec![b' '; MAX_MAP_BYTES + 1];
        let bomb = base64url(&compress_to_vec(&zeros, 9));
        assert!(bomb.len() < 20_000, "{}", bomb.len());
        assert_eq!(decode(&bomb), Err(ShareError::TooBig));
    }

    proptest::proptest! {
        #[test]
        fn any_link_gives_a_map_or_an_error(text in "[A-Za-z0-9_-]{0,400}") {
            let _ = decode(&text);
        }
    }

    #[test]
    fn a_broken_link_says_why_in_french_too() {
        let broken = decode("@@@").unwrap_err();
        let fr = broken.said(Lang::Fr);
        assert!(fr.starts_with("le lien est abîmé"), "{fr}");
        assert_eq!(broken.to_string(), broken.said(Lang::En));
        let big = ShareError::TooLarge { chars: 40_000 }.said(Lang::Fr);
        assert!(big.contains("40000 caractères"), "{big}");
    }
}
