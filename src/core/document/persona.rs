//! A persona's avatar: an uploaded picture kept small, inside the map.
//!
//! A map file is untrusted input, and an avatar is shown in an `<img>`: it
//! may only be a `data:` URL of a PNG, JPEG or WebP image in base64 whose
//! bytes are of that type, at most [`MAX_AVATAR_CHARS`] characters in all.
//! Never an `http:` or `javascript:` address (nothing leaves the machine,
//! nothing runs), never SVG (markup that could carry scripts).

use crate::core::document::image::{data_url, read_data_url, sniff, DataUrlError, ImageType};
use crate::core::document::model::{IdSource, Persona, PERSONA_COLOURS};
use crate::core::text::i18n::latin_upper;

/// The longest avatar accepted, in characters of its data URL (24 KB): every
/// map that a persona travels carries a copy of it.
pub const MAX_AVATAR_CHARS: usize = 24 * 1024;

/// The image types an avatar may have, by their MIME type.
pub const AVATAR_TYPES: [&str; 3] = ["image/png", "image/jpeg", "image/webp"];

/// Why a text cannot be an avatar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AvatarError {
    /// Longer than [`MAX_AVATAR_CHARS`]: its length in characters.
    TooLarge(usize),
    /// Not a `data:` URL (an address elsewhere, a script…).
    NotADataUrl,
    /// A `data:` URL of another type than PNG, JPEG or WebP (SVG included),
    /// or not in base64: what it declares.
    UnsupportedType(String),
    /// The base64 breaks at this character of the data (after the comma).
    NotBase64 { at: usize },
    /// The bytes are not an image of the declared type.
    NotThatImage(&'static str),
}

impl std::error::Error for AvatarError {}

/// The image types an avatar may be (never SVG: markup could carry scripts).
const AVATAR_IMAGES: [ImageType; 3] = [ImageType::Png, ImageType::Jpeg, ImageType::Webp];

/// Check an avatar's data URL: one of [`AVATAR_TYPES`], valid base64 whose
/// bytes are of that type, at most [`MAX_AVATAR_CHARS`] characters.
pub fn avatar_ok(url: &str) -> Result<(), AvatarError> {
    let chars = url.chars().count();
    if chars > MAX_AVATAR_CHARS {
        return Err(AvatarError::TooLarge(chars));
    }
    match read_data_url(url, &AVATAR_IMAGES, usize::MAX) {
        Ok(_) => Ok(()),
        Err(DataUrlError::NotADataUrl) => Err(AvatarError::NotADataUrl),
        Err(DataUrlError::UnsupportedType(declared)) => Err(AvatarError::UnsupportedType(declared)),
        Err(DataUrlError::NotBase64 { at }) => Err(AvatarError::NotBase64 { at }),
        Err(DataUrlError::NotThatImage(kind)) => Err(AvatarError::NotThatImage(kind.mime())),
        Err(DataUrlError::TooLarge(_)) => Err(AvatarError::TooLarge(chars)),
    }
}

/// An image file's bytes as an avatar's data URL, when they are a PNG, JPEG
/// or WebP image small enough (the UI shrinks larger pictures first).
pub fn avatar_data_url(bytes: &[u8]) -> Result<String, AvatarError> {
    let kind = sniff(bytes, &AVATAR_IMAGES)
        .ok_or(AvatarError::UnsupportedType("(unknown bytes)".into()))?;
    let url = data_url(kind, bytes);
    avatar_ok(&url).map(|()| url)
}

/// A persona's share of customers as typed in its number field: `None`
/// when the text is not a number yet (nothing to change), `Some(None)` when
/// it was cleared, else the percentage (a decimal comma accepted) kept
/// within 0–100.
pub fn parse_share(text: &str) -> Option<Option<f64>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    let share = text.replace(',', ".").parse::<f64>().ok()?;
    Some(Some(share.clamp(0.0, 100.0)))
}

/// Initials for an avatar: "Camille Durand" → "CD".
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(2)
        .map(latin_upper)
        .collect()
}

/// The colour a new persona wears: the first of [`PERSONA_COLOURS`] that no
/// persona of `existing` wears yet (so a deleted persona's colour is given
/// again rather than two personas sharing one); when all six are worn, the
/// palette again from the start, by count (the 7th gets the 1st, the 8th
/// the 2nd…). The map editor, the persona library and the Mermaid reader
/// all take it from here.
pub fn next_colour(existing: &[Persona]) -> &'static str {
    let worn = |c: &str| existing.iter().any(|p| p.colour.eq_ignore_ascii_case(c));
    PERSONA_COLOURS
        .into_iter()
        .find(|c| !worn(c))
        .unwrap_or(PERSONA_COLOURS[existing.len() % PERSONA_COLOURS.len()])
}

/// A new persona named `name`, with a fresh id and [`next_colour`].
pub fn new_persona(existing: &[Persona], ids: &mut dyn IdSource, name: &str) -> Persona {
    Persona {
        id: ids.next_id(),
        name: name.to_owned(),
        colour: next_colour(existing).to_owned(),
        ..Persona::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::base64::{self, Alphabet};

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";

    fn wearing(colours: &[&str]) -> Vec<Persona> {
        colours
            .iter()
            .map(|c| Persona {
                colour: (*c).to_owned(),
                ..Persona::default()
            })
            .collect()
    }

    #[test]
    fn the_next_colour_is_the_first_nobody_wears() {
        let c = PERSONA_COLOURS;
        assert_eq!(next_colour(&[]), c[0]);
        assert_eq!(next_colour(&wearing(&[c[0], c[1]])), c[2]);
        // A gap left by a deleted persona is filled first.
        assert_eq!(next_colour(&wearing(&[c[0], c[2]])), c[1]);
        assert_eq!(next_colour(&wearing(&[c[1], c[2]])), c[0]);
        // Colours of one's own choosing leave the palette free; case does not count.
        assert_eq!(
            next_colour(&wearing(&["#123456", &c[0].to_uppercase()])),
            c[1]
        );
    }

    #[test]
    fn once_the_palette_is_all_worn_it_starts_again_by_count() {
        let c = PERSONA_COLOURS;
        assert_eq!(next_colour(&wearing(&c)), c[0]);
        let seven: Vec<&str> = c.iter().copied().chain([c[0]]).collect();
        assert_eq!(next_colour(&wearing(&seven)), c[1]);
        let twelve: Vec<&str> = c.iter().chain(c.iter()).copied().collect();
        assert_eq!(next_colour(&wearing(&twelve)), c[0]);
    }

    #[test]
    fn a_new_persona_has_a_fresh_id_its_name_and_the_next_colour() {
        let mut ids = crate::core::document::model::SequentialIds::new("p");
        let p = new_persona(&wearing(&[PERSONA_COLOURS[0]]), &mut ids, "Camille");
        assert_eq!((p.id.as_str(), p.name.as_str()), ("p1", "Camille"));
        assert_eq!(p.colour, PERSONA_COLOURS[1]);
        assert!(p.segment.is_empty() && p.avatar.is_none());
    }

    #[test]
    fn a_typed_share_is_a_percentage_cleared_or_not_yet_a_number() {
        assert_eq!(parse_share(" 35 "), Some(Some(35.0)));
        assert_eq!(parse_share("12,5"), Some(Some(12.5)));
        assert_eq!(parse_share("140"), Some(Some(100.0)));
        assert_eq!(parse_share("-3"), Some(Some(0.0)));
        assert_eq!(parse_share(""), Some(None));
        assert_eq!(parse_share("  "), Some(None));
        assert_eq!(parse_share("1e"), None);
    }

    fn png() -> Vec<u8> {
        let mut bytes = PNG.to_vec();
        bytes.extend_from_slice(&[0, 0, 0, 13, b'I', b'H', b'D', b'R']);
        bytes
    }

    #[test]
    fn png_jpeg_and_webp_are_accepted() {
        let webp = b"RIFF\x10\0\0\0WEBPVP8 ".to_vec();
        for bytes in [png(), vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16], webp] {
            let url = avatar_data_url(&bytes).unwrap();
            assert_eq!(avatar_ok(&url), Ok(()), "{url}");
        }
    }

    #[test]
    fn addresses_scripts_svg_and_lies_are_refused_with_why() {
        let png64 = base64::encode(&png(), Alphabet::Standard);
        let svg64 = base64::encode(b"<svg onload='alert(1)'/>", Alphabet::Standard);
        for (url, expected) in [
            (
                "https://example.com/a.png".to_owned(),
                AvatarError::NotADataUrl,
            ),
            ("javascript:alert(1)".to_owned(), AvatarError::NotADataUrl),
            (
                format!("data:image/svg+xml;base64,{svg64}"),
                AvatarError::UnsupportedType("image/svg+xml;base64".into()),
            ),
            (
                format!("data:image/png,{png64}"),
                AvatarError::UnsupportedType("image/png".into()),
            ),
            (
                "data:text/html;base64,PGI+".to_owned(),
                AvatarError::UnsupportedType("text/html;base64".into()),
            ),
            (
                format!("data:image/jpeg;base64,{png64}"),
                AvatarError::NotThatImage("image/jpeg"),
            ),
            (
                "data:image/png;base64,iVBO!w==".to_owned(),
                AvatarError::NotBase64 { at: 4 },
            ),
            (
                "data:image/png".to_owned(),
                AvatarError::UnsupportedType("image/png".into()),
            ),
        ] {
            assert_eq!(avatar_ok(&url), Err(expected.clone()), "{url}");
            assert!(!expected.to_string().is_empty());
        }
    }

    #[test]
    fn an_avatar_over_24_kb_is_refused_before_decoding() {
        let mut bytes = png();
        bytes.resize(20_000, 0);
        let err = avatar_data_url(&bytes).unwrap_err();
        assert!(matches!(err, AvatarError::TooLarge(n) if n > MAX_AVATAR_CHARS));
        assert!(err.to_string().contains("24576"), "{err}");
        bytes.truncate(15_000);
        assert!(avatar_data_url(&bytes).is_ok());
    }

    #[test]
    fn initials_take_the_first_letters_of_two_words() {
        assert_eq!(initials("Camille Durand"), "CD");
        assert_eq!(initials("gérard"), "G");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("élise de la Tour"), "ÉD");
    }
}
