//! Opening a map file (a `.json` export) into the library.
//!
//! The file is read and checked completely before anything changes: text,
//! envelope, version (older ones migrated), shape and rules. A map whose id
//! is already in the library never replaces it: it comes in as a copy under a
//! new id, and the caller says so.

use crate::core::document::model::{IdSource, JourneyMap};
use crate::core::formats::envelope::{self, FormatError};

/// Why a file could not be opened as a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenError {
    /// The bytes are not UTF-8 text (a JSON file must be).
    NotText,
    /// Text, but not a map this version of Parcours can read.
    Format(FormatError),
}

/// A map read from a file, ready to be stored as a new map.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub map: JourneyMap,
    /// The id the file gave the map, when the library already holds a map
    /// with that id: the map was given a new one so that both are kept.
    pub already_in_library: Option<String>,
}

/// The text of a JSON file: UTF-8, with or without a byte-order mark.
pub fn text_of(bytes: &[u8]) -> Result<&str, OpenError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|_| OpenError::NotText)
}

/// Gives `map` a new id if `taken` says its own is in use, so that it lands
/// beside the map with that id instead of over it; returns the old id then.
pub fn keep_apart(
    map: &mut JourneyMap,
    taken: &dyn Fn(&str) -> bool,
    ids: &mut dyn IdSource,
) -> Option<String> {
    if !taken(&map.id) {
        return None;
    }
    let mut fresh = ids.next_id();
    while taken(&fresh) {
        fresh = ids.next_id();
    }
    Some(std::mem::replace(&mut map.id, fresh))
}

/// Reads `bytes` as a map file. `taken` says whether an id is already used
/// by a map of the library; `ids` gives a new id in that case.
pub fn open_map_file(
    bytes: &[u8],
    taken: &dyn Fn(&str) -> bool,
    ids: &mut dyn IdSource,
) -> Result<Opened, OpenError> {
    let mut map = envelope::from_json(text_of(bytes)?)
        .map_err(OpenError::Format)?
        .map;
    let already_in_library = keep_apart(&mut map, taken, ids);
    Ok(Opened {
        map,
        already_in_library,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;
    use crate::core::formats::envelope::{to_json, to_json_pretty};
    #[allow(unused_imports)]
    use crate::core::text::i18n::Lang;
    use crate::core::text::said::Said;

    fn demo() -> JourneyMap {
        demo_map(Lang::Fr, &mut SequentialIds::new("d"), 1_700_000_000_000)
    }

    fn open(bytes: &[u8]) -> Result<Opened, OpenError> {
        open_map_file(bytes, &|_| false, &mut SequentialIds::new("new"))
    }

    #[test]
    fn an_exported_map_opens_as_it_was() {
        let map = demo();
        for text in [to_json_pretty(&map, 9), to_json(&map, 9)] {
            let opened = open(text.as_bytes()).unwrap();
            assert_eq!(opened.map, map);
            assert_eq!(opened.already_in_library, None);
        }
        // A byte-order mark, as some editors save JSON, is not a problem.
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), to_json(&map, 1).as_bytes()].concat();
        assert_eq!(open(&with_bom).unwrap().map, map);
    }

    #[test]
    fn a_map_already_in_the_library_comes_in_as_a_copy() {
        let map = demo();
        let text = to_json_pretty(&map, 1);
        let taken = |id: &str| id == map.id || id == "new1";
        let opened =
            open_map_file(text.as_bytes(), &taken, &mut SequentialIds::new("new")).unwrap();
        assert_eq!(opened.already_in_library.as_deref(), Some(map.id.as_str()));
        assert_eq!(opened.map.id, "new2", "a free id, not one in use");
        let mut back = opened.map.clone();
        back.id = map.id.clone();
        assert_eq!(back, map, "only the id changed");
    }

    #[test]
    fn bad_files_say_what_and_where_and_give_no_map() {
        let map = demo();
        let good = to_json_pretty(&map, 1);
        let truncated = &good[..good.len() / 2];
        let duplicate = good.replacen(
            &format!("\"id\": \"{}\"", map.stages[1].id),
            &format!("\"id\": \"{}\"", map.stages[0].id),
            1,
        );
        let dangling = good.replacen(
            &format!("\"stage\": \"{}\"", map.cards[0].stage),
            "\"stage\": \"nowhere\"",
            1,
        );
        let cases: [(&[u8], &str); 7] = [
            (&[0x89, b'P', b'N', b'G', 0xff, 0xfe], "not a text file"),
            (truncated.as_bytes(), "not valid JSON at line"),
            (
                b"{\"format\":\"parcours.library\",\"version\":1}",
                "\"parcours.library\" file, not a Parcours map",
            ),
            (
                b"{\"format\":\"parcours.map\",\"version\":99,\"map\":{}}",
                "newer Parcours (format version 99)",
            ),
            (
                b"{\"format\":\"parcours.map\",\"version\":2,\"map\":{\"id\":3}}",
                "map.id",
            ),
            (duplicate.as_bytes(), "map.stages[1].id"),
            (dangling.as_bytes(), "map.cards[0].stage"),
        ];
        for (bytes, expected) in cases {
            let err = open(bytes).unwrap_err().to_string();
            assert!(err.contains(expected), "{expected:?} not in {err:?}");
        }
    }

    proptest::proptest! {
        /// Export then open gives the same map, whatever its texts, numbers
        /// and feelings (the demo map, changed at random).
        #[test]
        fn export_then_open_gives_the_same_map(
            title in "\\PC{0,30}",
            texts in proptest::collection::vec("\\PC{0,60}", 1..8),
            feelings in proptest::collection::vec(-2i8..=2, 1..6),
            figures in proptest::collection::vec(-1.0e6f64..1.0e6, 1..6),
            pretty in proptest::bool::ANY,
        ) {
            let mut map = demo();
            map.title = title;
            for (card, text) in map.cards.iter_mut().zip(&texts) {
                card.text = text.clone();
            }
            for (emotion, value) in map.emotions.iter_mut().zip(&feelings) {
                emotion.value = *value;
            }
            let typed = map.touchpoints.iter_mut().flat_map(|t| t.readings.iter_mut()).filter(|r| r.value.is_some() && r.metric == crate::core::document::model::Metric::Reach);
            for (reading, figure) in typed.zip(&figures) {
                reading.value = Some(figure.abs().round());
            }
            let text = if pretty { to_json_pretty(&map, 3) } else { to_json(&map, 3) };
            let opened = open(text.as_bytes()).unwrap();
            proptest::prop_assert_eq!(opened.map, map);
        }
    }

    #[test]
    fn every_refusal_reads_in_french_too() {
        use crate::core::formats::envelope::Problem;
        let refusals = [
            OpenError::NotText,
            OpenError::Format(FormatError::Json {
                line: 3,
                column: 7,
                message: "EOF while parsing".into(),
            }),
            OpenError::Format(FormatError::NotAMap {
                found: Some("parcours.library".into()),
            }),
            OpenError::Format(FormatError::NotAMap { found: None }),
            OpenError::Format(FormatError::NewerVersion { found: 9 }),
            OpenError::Format(FormatError::BadVersion {
                found: "\"x\"".into(),
            }),
            OpenError::Format(FormatError::Invalid(
                (0..7)
                    .map(|i| Problem {
                        path: format!("map.stages[{i}].name"),
                        message: crate::core::formats::envelope::Flaw::Json(
                            "invalid type: integer `1`, expected a string".into(),
                        ),
                    })
                    .collect(),
            )),
        ];
        for refusal in &refusals {
            let (en, fr) = (refusal.said(Lang::En), refusal.said(Lang::Fr));
            assert_eq!(refusal.to_string(), en);
            // The located details are said in French too (the paths stay).
            assert_ne!(en, fr, "{en}");
        }
        // Where it is survives the translation.
        let json = refusals[1].said(Lang::Fr);
        assert!(json.contains("ligne 3, colonne 7"), "{json}");
        let newer = refusals[4].said(Lang::Fr);
        assert!(
            newer.contains("plus récent") && newer.contains('9'),
            "{newer}"
        );
        let invalid = refusals[6].said(Lang::Fr);
        assert!(
            invalid.starts_with(
                "map.stages[0].name: type inattendu : l'entier `1`, attendu : une chaîne; "
            ),
            "{invalid}"
        );
        assert!(invalid.ends_with("et 2 de plus"), "{invalid}");
        assert!(refusals[6].said(Lang::En).ends_with("and 2 more"));
    }
}
