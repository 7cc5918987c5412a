//! The organisation's branding on reports: its name, its logo and two colours.
//!
//! Set on a map (`JourneyMap::branding`) or once for the whole library (a
//! default kept by `storage::branding_store`). Field by field,
//! what the map sets wins over the library's default ([`Branding::over`]).
//!
//! A logo is kept as a `data:` URL of a PNG, JPEG or SVG image, at most
//! [`MAX_LOGO_BYTES`]: the map stays one self-contained file. It is only ever
//! shown through an `<img>`, where an SVG's scripts do not run.

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::core::document::image::ImageType;
use crate::core::document::image::{data_url, read_data_url, sniff, svg_start, DataUrlError};
use crate::core::formats::envelope::Flaw;

/// The largest logo file accepted (every map holding it is stored whole in
/// the browser's ~5 MB; a logo of a report header needs far less).
pub const MAX_LOGO_BYTES: usize = 100_000;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Branding {
    /// The organisation's name, written in the report's header.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// `data:image/png;base64,…` (or `image/jpeg`, `image/svg+xml`); empty: none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub logo: String,
    /// `#rrggbb`: headings and the header's band; empty: Parcours' own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub primary: String,
    /// `#rrggbb`: rules and highlights; empty: Parcours' own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub accent: String,
}

/// Read by hand rather than derived: every map read goes through it, and
/// the derived reader (sequences, byte keys…) weighed about 1 KB of gzipped
/// wasm in the first load. Same behaviour: missing fields are empty, unknown
/// ones ignored, a wrong type refused.
impl<'de> Deserialize<'de> for Branding {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Fields;
        impl<'de> Visitor<'de> for Fields {
            type Value = Branding;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a branding object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<Branding, A::Error> {
                let mut b = Branding::default();
                while let Some(key) = fields.next_key::<String>()? {
                    let field = match key.as_str() {
                        "organisation" => &mut b.organisation,
                        "logo" => &mut b.logo,
                        "primary" => &mut b.primary,
                        "accent" => &mut b.accent,
                        _ => {
                            fields.next_value::<IgnoredAny>()?;
                            continue;
                        }
                    };
                    *field = fields.next_value()?;
                }
                Ok(b)
            }
        }
        deserializer.deserialize_map(Fields)
    }
}

/// The image types a logo may have (an SVG logo is only ever shown
/// through an `<img>`, where its scripts do not run).
const LOGO_IMAGES: [ImageType; 3] = [ImageType::Png, ImageType::Jpeg, ImageType::Svg];

/// Why a file cannot be a logo.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogoError {
    /// Not a PNG, JPEG or SVG image (whatever its name says).
    NotAnImage,
    /// Larger than [`MAX_LOGO_BYTES`]: its size in bytes.
    TooLarge(usize),
}

impl Branding {
    pub fn is_empty(&self) -> bool {
        self.organisation.is_empty()
            && self.logo.is_empty()
            && self.primary.is_empty()
            && self.accent.is_empty()
    }

    /// This branding, with `default`'s fields where this one sets none.
    pub fn over(&self, default: &Branding) -> Branding {
        let pick = |own: &String, other: &String| if own.is_empty() { other } else { own }.clone();
        Branding {
            organisation: pick(&self.organisation, &default.organisation),
            logo: pick(&self.logo, &default.logo),
            primary: pick(&self.primary, &default.primary),
            accent: pick(&self.accent, &default.accent),
        }
    }

    /// What is wrong with it, as (field, message); empty when it is valid.
    pub fn problems(&self) -> Vec<(&'static str, Flaw)> {
        let mut problems = Vec::new();
        for (field, colour) in [("primary", &self.primary), ("accent", &self.accent)] {
            if !colour.is_empty() && !is_colour(colour) {
                problems.push((field, Flaw::NotColour(colour.clone())));
            }
        }
        if !self.logo.is_empty() {
            if let Err(e) = logo_image(&self.logo) {
                problems.push(("logo", Flaw::Logo(e)));
            }
        }
        problems
    }
}

/// The colours of a report that sets none: Parcours' own.
pub const DEFAULT_PRIMARY: &str = "#2f5fd0";
pub const DEFAULT_ACCENT: &str = "#e8890c";

/// The text colour readable on `background` (`#rrggbb`): near-black or
/// white, whichever contrasts more (WCAG 2 relative luminance).
pub fn ink_on(background: &str) -> &'static str {
    const DARK: &str = "#1d2430";
    const LIGHT: &str = "#ffffff";
    if !is_colour(background) {
        return LIGHT;
    }
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&background[i..i + 2], 16).unwrap_or(0)) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // #1d2430's luminance is about 0.017: contrast against each, as WCAG computes it.
    let against_dark = (luminance + 0.05) / (0.017 + 0.05);
    let against_light = 1.05 / (luminance + 0.05);
    if against_dark > against_light {
        DARK
    } else {
        LIGHT
    }
}

/// `#rrggbb`, hex digits in either case.
pub fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text.bytes().skip(1).all(|b| b.is_ascii_hexdigit())
}

/// The type of image a logo's data URL holds: base64 of at most
/// [`MAX_LOGO_BYTES`] whose first bytes are that type's (PNG's or JPEG's
/// signature, markup for SVG). Every map read checks it, so it stays light;
/// [`logo_data_url`] looks at a file more closely before making one.
pub fn logo_image(url: &str) -> Result<ImageType, LogoError> {
    match read_data_url(url, &LOGO_IMAGES, MAX_LOGO_BYTES) {
        Ok((kind, _)) => Ok(kind),
        Err(DataUrlError::TooLarge(size)) => Err(LogoError::TooLarge(size)),
        Err(_) => Err(LogoError::NotAnImage),
    }
}

/// A logo file's bytes as the data URL a branding keeps.
pub fn logo_data_url(bytes: &[u8]) -> Result<String, LogoError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoError::TooLarge(bytes.len()));
    }
    let kind = sniff(bytes, &LOGO_IMAGES).ok_or(LogoError::NotAnImage)?;
    let bytes = if kind == ImageType::Svg {
        svg_start(bytes)
    } else {
        bytes
    };
    Ok(data_url(kind, bytes))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::formats::base64::{self, Alphabet};

    fn to_base64(bytes: &[u8]) -> String {
        base64::encode(bytes, Alphabet::Standard)
    }

    const PNG_FILE: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG_FILE: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'];
    const SVG_FILE: &[u8] =
        b"\xEF\xBB\xBF\n<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>";

    pub(crate) fn branded() -> Branding {
        Branding {
            organisation: "Maison & Co".into(),
            logo: logo_data_url(PNG_FILE).unwrap(),
            primary: "#1A2B3C".into(),
            accent: "#e8590c".into(),
        }
    }

    #[test]
    fn a_logo_file_becomes_a_data_url_of_its_real_type() {
        assert!(logo_data_url(PNG_FILE)
            .unwrap()
            .starts_with("data:image/png;base64,iVBORw0KGgo"));
        assert!(logo_data_url(JPEG_FILE)
            .unwrap()
            .starts_with("data:image/jpeg;base64,/9j/"));
        // An SVG is kept from its first markup (no byte-order mark, no blank).
        let svg = logo_data_url(SVG_FILE).unwrap();
        assert_eq!(
            svg,
            format!("data:image/svg+xml;base64,{}", to_base64(&SVG_FILE[4..]))
        );
        assert_eq!(logo_image(&svg), Ok(ImageType::Svg));
    }

    #[test]
    fn files_that_are_not_images_or_too_large_are_refused() {
        for not_image in [
            &b"%PDF-1.7"[..],
            b"<html><script>alert(1)</script></html>",
            b"GIF89a",
            b"",
            b"   ",
            b"<svg\xff\xfe not utf-8",
        ] {
            assert_eq!(
                logo_data_url(not_image),
                Err(LogoError::NotAnImage),
                "{not_image:?}"
            );
        }
        let mut huge = PNG_FILE.to_vec();
        huge.resize(MAX_LOGO_BYTES + 1, 0);
        assert_eq!(
            logo_data_url(&huge),
            Err(LogoError::TooLarge(MAX_LOGO_BYTES + 1))
        );
        huge.truncate(MAX_LOGO_BYTES);
        assert!(logo_data_url(&huge).is_ok(), "the limit itself is allowed");
    }

    #[test]
    fn text_on_the_main_colour_stays_readable() {
        assert_eq!(ink_on("#ffffff"), "#1d2430");
        assert_eq!(ink_on("#FFE066"), "#1d2430", "yellow takes dark text");
        assert_eq!(ink_on("#000000"), "#ffffff");
        assert_eq!(ink_on(DEFAULT_PRIMARY), "#ffffff");
        assert_eq!(ink_on("#c92a2a"), "#ffffff");
        assert_eq!(ink_on("not a colour"), "#ffffff");
        assert!(is_colour(DEFAULT_PRIMARY) && is_colour(DEFAULT_ACCENT));
    }

    #[test]
    fn a_valid_branding_has_no_problem() {
        assert!(Branding::default().problems().is_empty());
        assert!(branded().problems().is_empty());
    }

    #[test]
    fn bad_colours_and_logos_are_located() {
        let mut b = branded();
        b.primary = "red".into();
        b.accent = "#12345".into();
        let fields: Vec<&str> = b.problems().iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["primary", "accent"]);
        assert!(b.problems()[0].1.to_string().contains("\"red\""));

        let html = format!(
            "data:image/png;base64,{}",
            to_base64(b"<html>not a png</html>")
        );
        let too_large = format!(
            "data:image/png;base64,{}",
            to_base64(&vec![0u8; MAX_LOGO_BYTES + 3])
        );
        for (logo, why) in [
            ("https://example.com/logo.png".to_owned(), "not an image"),
            ("data:text/html;base64,PGh0bWw+".to_owned(), "not an image"),
            ("data:image/png,rawtext".to_owned(), "not an image"),
            ("data:image/png;base64,@@@@".to_owned(), "not an image"),
            (html, "not an image"),
            // A JPEG_FILE's bytes under an SVG_FILE type.
            (
                format!("data:image/svg+xml;base64,{}", to_base64(JPEG_FILE)),
                "not an image",
            ),
            (too_large, "at most 100000 bytes"),
        ] {
            let b = Branding {
                logo,
                ..Branding::default()
            };
            let problems = b.problems();
            assert_eq!(problems.len(), 1, "{:?}", b.logo);
            assert_eq!(problems[0].0, "logo");
            assert!(problems[0].1.to_string().contains(why), "{}", problems[0].1);
        }
    }

    #[test]
    fn a_map_file_with_a_bad_branding_is_refused_with_where() {
        use crate::core::document::model::{JourneyMap, SequentialIds};
        use crate::core::formats::envelope::{from_json, to_json, FormatError};
        let mut map = JourneyMap::blank(&mut SequentialIds::new("b"), "T", ["A", "B", "C"], 1);
        map.branding = branded();
        let stored = from_json(&to_json(&map, 3)).unwrap();
        assert_eq!(stored.map.branding, branded(), "a branded map round trips");
        map.branding.accent = "orange".into();
        map.branding.logo = "data:text/html;base64,PGh0bWw+".into();
        let Err(FormatError::Invalid(problems)) = from_json(&to_json(&map, 3)) else {
            panic!("a bad branding is refused")
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["map.branding.accent", "map.branding.logo"]);
    }

    #[test]
    fn setting_a_maps_branding_is_one_undoable_edit() {
        use crate::core::document::edit::{Edit, EditError, Scope};
        use crate::core::document::history::History;
        use crate::core::document::model::{JourneyMap, SequentialIds};
        let original = JourneyMap::blank(&mut SequentialIds::new("b"), "T", ["A", "B", "C"], 1);
        let mut map = original.clone();
        let mut history = History::default();
        // Typing the organisation's name, then picking a colour: one step.
        for (at, name) in [(10, "M"), (20, "Ma"), (30, "Maison")] {
            let b = Branding {
                organisation: name.into(),
                ..map.branding.clone()
            };
            let touched = history.apply(&mut map, Edit::SetBranding(b), at).unwrap();
            assert_eq!(touched, [Scope::Branding]);
        }
        assert_eq!(map.branding.organisation, "Maison");
        history.undo(&mut map).unwrap().unwrap();
        assert_eq!(map, original);
        history.redo(&mut map).unwrap().unwrap();
        assert_eq!(map.branding.organisation, "Maison");

        let before = map.clone();
        let bad = Branding {
            primary: "#zzzzzz".into(),
            ..Branding::default()
        };
        let refused = Edit::SetBranding(bad).apply(&mut map);
        assert!(matches!(refused, Err(EditError::BadBranding(why)) if why.starts_with("primary")));
        assert_eq!(map, before, "a refused branding changes nothing");
    }

    #[test]
    fn the_maps_own_fields_win_over_the_librarys() {
        let library = branded();
        let map = Branding {
            primary: "#000000".into(),
            ..Branding::default()
        };
        let shown = map.over(&library);
        assert_eq!(shown.primary, "#000000");
        assert_eq!(shown.organisation, "Maison & Co");
        assert_eq!(shown.logo, library.logo);
        assert_eq!(
            Branding::default().over(&Branding::default()),
            Branding::default()
        );
        assert_eq!(library.over(&Branding::default()), library);
    }

    #[test]
    fn a_branding_is_read_like_the_rest_of_the_map() {
        let read = |text: &str| serde_json::from_str::<Branding>(text);
        assert_eq!(
            read(r##"{"primary":"#000000","future_field":[1,{"a":2}],"organisation":"Co"}"##)
                .unwrap(),
            Branding {
                organisation: "Co".into(),
                primary: "#000000".into(),
                ..Branding::default()
            }
        );
        assert_eq!(read("{}").unwrap(), Branding::default());
        assert!(read(r#"{"logo":7}"#).is_err());
        assert!(read(r#"["Co"]"#).is_err());
        assert!(read("null").is_err());
    }

    #[test]
    fn an_empty_branding_is_not_written_in_the_map() {
        assert_eq!(serde_json::to_string(&Branding::default()).unwrap(), "{}");
        let partial = Branding {
            accent: "#abcdef".into(),
            ..Branding::default()
        };
        let text = serde_json::to_string(&partial).unwrap();
        assert_eq!(text, r##"{"accent":"#abcdef"}"##);
        assert_eq!(serde_json::from_str::<Branding>(&text).unwrap(), partial);
    }
}
