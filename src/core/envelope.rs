//! The format envelope around a stored or exported map:
//!
//! ```json
//! { "format": "parcours.map", "version": 1, "revision": 7, "map": { … } }
//! ```
//!
//! Reading is strict and says what is wrong and where: malformed JSON (line
//! and column), another kind of file, a newer version, a wrong type (a path
//! into the document), duplicate ids, dangling references. Older versions are
//! migrated step by step before the map is read.

use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::model::{JourneyMap, EMOTION_MAX, EMOTION_MIN};

pub const FORMAT: &str = "parcours.map";
/// The version this build writes, and the newest it reads.
pub const VERSION: u64 = 1;

/// A map read back, with the revision counter of its stored copy.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub map: JourneyMap,
    pub revision: u64,
}

/// One thing wrong inside a document, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A path into the document, like `map.cards[3].lane`.
    pub path: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON, or truncated.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but not a Parcours map (`found` is its `format` field, if any).
    NotAMap { found: Option<String> },
    /// Written by a newer Parcours.
    NewerVersion { found: u64 },
    /// The `version` field is missing or not a known version.
    BadVersion { found: String },
    /// The document does not have the map's shape, or breaks its rules.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Json {
                line,
                column,
                message,
            } => write!(f, "not valid JSON at line {line}, column {column}: {message}"),
            FormatError::NotAMap { found: Some(found) } => {
                write!(f, "this is a {found:?} file, not a Parcours map")
            }
            FormatError::NotAMap { found: None } => {
                write!(f, "this JSON is not a Parcours map (no \"format\": \"{FORMAT}\")")
            }
            FormatError::NewerVersion { found } => write!(
                f,
                "this map was written by a newer Parcours (format version {found}); this one reads up to version {VERSION}"
            ),
            FormatError::BadVersion { found } => {
                write!(f, "unknown format version {found}")
            }
            FormatError::Invalid(problems) => {
                let shown: Vec<String> = problems
                    .iter()
                    .take(5)
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect();
                write!(f, "{}", shown.join("; "))?;
                if problems.len() > 5 {
                    write!(f, "; and {} more", problems.len() - 5)?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for FormatError {}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u64,
    revision: u64,
    map: &'a JourneyMap,
}

/// The map in its envelope, compact (for storage).
pub fn to_json(map: &JourneyMap, revision: u64) -> String {
    serde_json::to_string(&envelope(map, revision)).expect("a map always serializes")
}

/// The map in its envelope, indented (for files people may read).
pub fn to_json_pretty(map: &JourneyMap, revision: u64) -> String {
    serde_json::to_string_pretty(&envelope(map, revision)).expect("a map always serializes")
}

fn envelope(map: &JourneyMap, revision: u64) -> EnvelopeOut<'_> {
    EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        revision,
        map,
    }
}

/// Migrations: `MIGRATIONS[i]` turns a version `i + 1` document into version `i + 2`.
/// Version 1 is the first format, so there are none yet.
type Migration = fn(&mut Value) -> Result<(), Problem>;
const MIGRATIONS: &[Migration] = &[];

/// Read a map from its envelope, migrating older versions.
pub fn from_json(text: &str) -> Result<Stored, FormatError> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| FormatError::Json {
        line: e.line(),
        column: e.column(),
        message: json_message(&e),
    })?;
    let Some(object) = value.as_object() else {
        return Err(FormatError::NotAMap { found: None });
    };
    match object.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) => {
            return Err(FormatError::NotAMap {
                found: Some(f.clone()),
            })
        }
        _ => return Err(FormatError::NotAMap { found: None }),
    }
    let version = match object.get("version") {
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v >= 1 => v,
            _ => {
                return Err(FormatError::BadVersion {
                    found: n.to_string(),
                })
            }
        },
        Some(other) => {
            return Err(FormatError::BadVersion {
                found: other.to_string(),
            })
        }
        None => {
            return Err(FormatError::BadVersion {
                found: "(missing)".into(),
            })
        }
    };
    if version > VERSION {
        return Err(FormatError::NewerVersion { found: version });
    }
    let revision = match object.get("revision") {
        None => 0,
        Some(v) => v.as_u64().ok_or_else(|| {
            FormatError::Invalid(vec![Problem {
                path: "revision".into(),
                message: "expected a whole number".into(),
            }])
        })?,
    };
    for migrate in &MIGRATIONS[(version - 1) as usize..] {
        migrate(&mut value).map_err(|p| FormatError::Invalid(vec![p]))?;
    }
    let Some(map_value) = value.get_mut("map").map(Value::take) else {
        return Err(FormatError::Invalid(vec![Problem {
            path: "map".into(),
            message: "missing".into(),
        }]));
    };
    let map: JourneyMap = serde_path_to_error::deserialize(map_value).map_err(|e| {
        let inner = e.inner().to_string();
        let path = e.path().to_string();
        FormatError::Invalid(vec![Problem {
            path: if path == "." {
                "map".into()
            } else {
                format!("map.{path}")
            },
            message: strip_position(&inner),
        }])
    })?;
    let problems = validate(&map);
    if !problems.is_empty() {
        return Err(FormatError::Invalid(problems));
    }
    Ok(Stored { map, revision })
}

fn json_message(e: &serde_json::Error) -> String {
    if e.is_eof() {
        "the text ends too early (truncated file?)".into()
    } else {
        strip_position(&e.to_string())
    }
}

/// serde_json appends " at line L column C"; we report the position ourselves.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// The rules a map must keep beyond its shape: unique ids, references that
/// resolve, values in range. Each problem names where it is.
pub fn validate(map: &JourneyMap) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |path: String, message: String| Problem { path, message };

    let mut ids: Vec<(String, &str)> = vec![("map.id".into(), &map.id)];
    ids.extend(
        map.personas
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("map.personas[{i}].id"), p.id.as_str())),
    );
    ids.extend(
        map.stages
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("map.stages[{i}].id"), s.id.as_str())),
    );
    ids.extend(
        map.lanes
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("map.lanes[{i}].id"), l.id.as_str())),
    );
    ids.extend(
        map.cards
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("map.cards[{i}].id"), c.id.as_str())),
    );
    ids.extend(
        map.touchpoints
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("map.touchpoints[{i}].id"), t.id.as_str())),
    );
    ids.extend(
        map.actions
            .iter()
            .enumerate()
            .map(|(i, a)| (format!("map.actions[{i}].id"), a.id.as_str())),
    );
    let mut seen: HashSet<&str> = HashSet::new();
    for (path, id) in ids {
        if id.is_empty() {
            problems.push(problem(path, "empty id".into()));
        } else if !seen.insert(id) {
            problems.push(problem(path, format!("duplicate id {id:?}")));
        }
    }

    for (i, p) in map.personas.iter().enumerate() {
        if let Some(share) = p.share {
            if !(0.0..=100.0).contains(&share) {
                problems.push(problem(
                    format!("map.personas[{i}].share"),
                    format!("{share} is not a percentage (0 to 100)"),
                ));
            }
        }
    }

    let stages: HashSet<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    let lanes: HashSet<&str> = map.lanes.iter().map(|l| l.id.as_str()).collect();
    let personas: HashSet<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    let cards: HashSet<&str> = map.cards.iter().map(|c| c.id.as_str()).collect();
    let touchpoints: HashSet<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    // (path, what, id, the ids it must be among)
    let mut refs: Vec<(String, &str, &str, &HashSet<&str>)> = Vec::new();
    for (i, c) in map.cards.iter().enumerate() {
        refs.push((format!("map.cards[{i}].lane"), "lane", &c.lane, &lanes));
        refs.push((format!("map.cards[{i}].stage"), "stage", &c.stage, &stages));
        if let Some(p) = &c.persona {
            refs.push((format!("map.cards[{i}].persona"), "persona", p, &personas));
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        refs.push((
            format!("map.touchpoints[{i}].stage"),
            "stage",
            &t.stage,
            &stages,
        ));
    }
    let mut emotion_keys = HashSet::new();
    for (i, e) in map.emotions.iter().enumerate() {
        refs.push((
            format!("map.emotions[{i}].stage"),
            "stage",
            &e.stage,
            &stages,
        ));
        if let Some(p) = &e.persona {
            refs.push((
                format!("map.emotions[{i}].persona"),
                "persona",
                p,
                &personas,
            ));
        }
        if !(EMOTION_MIN..=EMOTION_MAX).contains(&e.value) {
            problems.push(problem(
                format!("map.emotions[{i}].value"),
                format!(
                    "{} is outside the emotion scale {EMOTION_MIN} to {EMOTION_MAX}",
                    e.value
                ),
            ));
        }
        if !emotion_keys.insert((&e.stage, &e.persona)) {
            problems.push(problem(
                format!("map.emotions[{i}]"),
                "a second emotion for the same stage and persona".into(),
            ));
        }
    }
    for (i, a) in map.actions.iter().enumerate() {
        if let Some(c) = &a.card {
            refs.push((format!("map.actions[{i}].card"), "card", c, &cards));
        }
        if let Some(t) = &a.touchpoint {
            refs.push((
                format!("map.actions[{i}].touchpoint"),
                "touchpoint",
                t,
                &touchpoints,
            ));
        }
    }
    for (path, what, id, known) in refs {
        if !known.contains(id) {
            problems.push(problem(
                path,
                format!("refers to {what} {id:?}, which the map does not have"),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Card, SequentialIds};

    fn map() -> JourneyMap {
        let mut m = JourneyMap::blank(&mut SequentialIds::new("e"), "Été", ["A", "B", "C"], 5);
        m.cards.push(Card {
            id: "c1".into(),
            lane: m.lanes[0].id.clone(),
            stage: m.stages[0].id.clone(),
            persona: None,
            text: "« Où est le magasin ? » <b>".into(),
        });
        m
    }

    #[test]
    fn a_map_round_trips_through_its_envelope() {
        let m = map();
        for text in [to_json(&m, 3), to_json_pretty(&m, 3)] {
            let back = from_json(&text).unwrap();
            assert_eq!(back.map, m);
            assert_eq!(back.revision, 3);
        }
        assert!(to_json(&m, 0).starts_with(r#"{"format":"parcours.map","version":1,"#));
    }

    #[test]
    fn malformed_json_says_line_and_column() {
        let err = from_json("{\n  \"format\": \"parcours.map\",\n  oops\n}").unwrap_err();
        match err {
            FormatError::Json { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn truncated_text_is_called_truncated() {
        let text = to_json(&map(), 1);
        let err = from_json(&text[..text.len() / 2]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn other_files_and_versions_are_named() {
        assert_eq!(
            from_json("[1,2]").unwrap_err(),
            FormatError::NotAMap { found: None }
        );
        assert_eq!(
            from_json(r#"{"format":"drawio","version":1}"#).unwrap_err(),
            FormatError::NotAMap {
                found: Some("drawio".into())
            }
        );
        assert_eq!(
            from_json(r#"{"format":"parcours.map","version":9,"map":{}}"#).unwrap_err(),
            FormatError::NewerVersion { found: 9 }
        );
        assert!(matches!(
            from_json(r#"{"format":"parcours.map","version":"1","map":{}}"#).unwrap_err(),
            FormatError::BadVersion { .. }
        ));
        assert!(matches!(
            from_json(r#"{"format":"parcours.map","version":0,"map":{}}"#).unwrap_err(),
            FormatError::BadVersion { .. }
        ));
    }

    #[test]
    fn a_wrong_type_is_reported_with_its_path() {
        let mut v: Value = serde_json::from_str(&to_json(&map(), 1)).unwrap();
        v["map"]["stages"][1]["name"] = Value::from(42);
        let err = from_json(&v.to_string()).unwrap_err();
        match err {
            FormatError::Invalid(p) => {
                assert_eq!(p[0].path, "map.stages[1].name");
                assert!(
                    p[0].message.contains("expected a string"),
                    "{}",
                    p[0].message
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn duplicate_ids_and_dangling_references_are_located() {
        let mut m = map();
        m.stages[1].id = m.stages[0].id.clone();
        m.cards[0].lane = "ghost".into();
        let err = from_json(&to_json(&m, 1)).unwrap_err();
        let FormatError::Invalid(problems) = err else {
            panic!()
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"map.stages[1].id"), "{paths:?}");
        assert!(paths.contains(&"map.cards[0].lane"), "{paths:?}");
    }

    #[test]
    fn emotions_outside_the_scale_are_refused() {
        let mut v: Value = serde_json::from_str(&to_json(&map(), 1)).unwrap();
        let stage = v["map"]["stages"][0]["id"].clone();
        v["map"]["emotions"] = serde_json::json!([{ "stage": stage, "value": 7 }]);
        let err = from_json(&v.to_string()).unwrap_err();
        assert!(err.to_string().contains("map.emotions[0].value"), "{err}");
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "null",
            "\u{0}",
            "{",
            "{\"format\":",
            "\"parcours.map\"",
            "{}",
            "1e999",
        ] {
            assert!(from_json(text).is_err(), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_result_not_a_panic(text in ".{0,200}") {
            let _ = from_json(&text);
        }

        #[test]
        fn titles_and_card_texts_of_any_unicode_round_trip(title in "\\PC{0,40}", text in "\\PC{0,80}") {
            let mut m = map();
            m.title = title;
            m.cards[0].text = text;
            proptest::prop_assert_eq!(from_json(&to_json(&m, 2)).unwrap().map, m);
        }
    }
}
