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

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::core::document::branding::LogoError;
use crate::core::document::items::{Collection, RefAt};
use crate::core::document::model::{
    JourneyMap, Metric, Reading, Scale, EMOTION_MAX, EMOTION_MIN, SCORE_MAX, SCORE_MIN,
    SEVERITY_MAX, SEVERITY_MIN,
};
use crate::core::document::persona::avatar_ok;
use crate::core::document::persona::AvatarError;
use crate::core::formats::json_path;
use crate::core::text::float_text;
use crate::core::text::json_words;

pub const FORMAT: &str = "parcours.map";
/// The version this build writes, and the newest it reads.
pub const VERSION: u64 = 8;

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
    /// What is wrong there (said in the user's language by
    /// [`crate::core::text::said`]; the path stays as it is).
    pub message: Flaw,
}

/// What is wrong at one place of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Flaw {
    NotWholeNumber,
    Missing,
    /// A version 1 field in a file of this version.
    Version1Field {
        version: u64,
    },
    /// The document does not have the map's shape: serde_json's words
    /// (said again in French by [`crate::core::text::json_words`]).
    Json(String),
    EmptyId,
    DuplicateId(String),
    Avatar(AvatarError),
    Logo(LogoError),
    /// A persona's share (as written) outside 0 to 100.
    NotPercentage(String),
    NotSeverity(u8),
    /// An opportunity's score outside 1 to 5.
    NotScore(u8),
    /// An opportunity answers this card, which is not a pain point.
    NotPainPoint(String),
    /// An answer scale out of order or with too many points.
    BadScales,
    NotColour(String),
    /// A figure (as written) outside its metric's range.
    ImpossibleValue(String),
    AnswersWithoutScale,
    ReachAnswers,
    NpsScale,
    ScaleOrder,
    AnswerCount {
        low: i32,
        high: i32,
    },
    OutsideEmotions(i8),
    SecondEmotion,
    /// A stage that names its own map as the journey detailing it.
    LinksToItself,
    /// A reference to an item (of this kind, with this id) the map lacks.
    Dangling {
        what: &'static str,
        id: String,
    },
    ReplicaLength,
    BothPresentAndDeleted,
    /// Not UTF-8 text (a map inside a backup).
    NotText,
    /// A document inside this one cannot be read (a backup's template…).
    Unreadable(Box<FormatError>),
    /// A persona library text of another format (as found).
    NotPersonaLibrary(String),
    /// A persona library written by a newer Parcours (its version).
    NewerPersonaLibrary(u64),
    EmptyOrRepeatedId,
    /// A stamp of a change (counter, replica) the clock has not seen.
    ChangeNotInClock {
        change: u64,
        replica: String,
    },
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

/// The map in its envelope, indented (for files people may read): the
/// compact text re-indented as `serde_json::to_string_pretty` writes it.
/// Re-indenting rather than serializing again with serde's pretty formatter
/// keeps one copy of the model's serializers in the wasm (the second cost
/// about 10 KB before wasm-opt, in the editor's part).
pub fn to_json_pretty(map: &JourneyMap, revision: u64) -> String {
    indent(&to_json(map, revision))
}

/// Which characters of JSON text are inside its strings (quotes included),
/// fed one by one: for re-indenting (here) and minifying
/// (`comment::text`) without a JSON parser.
#[derive(Default)]
pub(crate) struct Strings {
    in_string: bool,
    escaped: bool,
}

impl Strings {
    /// Whether `c`, the next character, belongs to a string.
    pub(crate) fn inside(&mut self, c: char) -> bool {
        if self.in_string {
            match c {
                _ if self.escaped => self.escaped = false,
                '\\' => self.escaped = true,
                '"' => self.in_string = false,
                _ => {}
            }
            true
        } else {
            self.in_string = c == '"';
            self.in_string
        }
    }
}

/// Compact JSON (as serde_json writes it: no spaces outside strings)
/// indented by two spaces, `": "` after keys, `[]` and `{}` kept empty.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() + compact.len() / 4);
    let mut depth = 0usize;
    let mut strings = Strings::default();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    let mut chars = compact.chars().peekable();
    while let Some(c) = chars.next() {
        if strings.inside(c) {
            out.push(c);
            continue;
        }
        match c {
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

fn envelope(map: &JourneyMap, revision: u64) -> EnvelopeOut<'_> {
    EnvelopeOut {
        format: FORMAT,
        version: VERSION,
        revision,
        map,
    }
}

/// Migrations: `MIGRATIONS[i]` turns a version `i + 1` map into version `i + 2`.
///
/// The model reads every older version's shape (a field an older version had
/// and the current one replaced is kept as a read-only `legacy_…` field), so
/// a migration is a typed function on the map, run in order after reading.
type Migration = fn(&mut JourneyMap);
const MIGRATIONS: &[Migration] = &[
    v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7, v7_to_v8,
];
const _: () = assert!(MIGRATIONS.len() as u64 == VERSION - 1);

/// Version 2 replaced a touchpoint's four hand-typed figures (`metrics`) by
/// dated readings with answers, sources and history. Version 1's figures
/// become typed readings dated at the map's last change; version 1's reach,
/// a share of entrants in percent, becomes a count out of 100 entrants.
fn v1_to_v2(map: &mut JourneyMap) {
    let at = map.modified;
    for t in &mut map.touchpoints {
        let Some(old) = t.legacy_metrics.take() else {
            continue;
        };
        for (metric, value) in [
            (Metric::Reach, old.reach),
            (Metric::Nps, old.nps),
            (Metric::Csat, old.csat),
            (Metric::Ces, old.ces),
        ] {
            if let Some(value) = value {
                t.readings.push(Reading::typed(metric, value, None, at));
            }
        }
    }
}

/// Version 3 added the map's optional `sync` section (what a copy knows of
/// its changes, for merging). An older map has none: every copy is taken to
/// have seen all of it, and its first merge asks about every difference.
fn v2_to_v3(_map: &mut JourneyMap) {}

/// Version 4 added optional fields only: a persona's role, preferred
/// channels and avatar; a pain point's severity; an action's department,
/// due date, metric and completion date; a future-state map's `based_on`;
/// and the service blueprint's front-stage, back-stage and support lanes.
/// A version 3 map reads as it is. The version number changed so that an
/// older Parcours opening a version 4 file says it comes from a newer
/// Parcours, instead of tripping on a lane kind it does not know.
fn v3_to_v4(_map: &mut JourneyMap) {}

/// Version 5 added the map's optional `comments` (issue 15): a version 4
/// map has none and reads as it is. The number changed so that an older
/// Parcours refuses a file with comments instead of dropping them at its
/// next save.
fn v4_to_v5(_map: &mut JourneyMap) {}

/// Version 6 added an opportunity's optional scores for the matrix
/// (`customer_value`, `business_value`, `effort`, each 1 to 5; issue 16): a
/// version 5 map has none and reads as it is. The number changed so that
/// an older Parcours refuses a scored file instead of dropping the scores
/// at its next save.
fn v5_to_v6(_map: &mut JourneyMap) {}

/// Version 7 added the map's optional `owner` (who answers for the journey,
/// which the portfolio sorts and filters by; issue 16): a version 6 map has
/// none and reads as it is. The number changed so that an older Parcours
/// refuses a file with an owner instead of dropping it at its next save.
fn v6_to_v7(_map: &mut JourneyMap) {}

/// Version 8 added a stage's optional `journey` (the id of the map that
/// details it; issue 16's linked journeys): a version 7 map links nothing
/// and reads as it is. The number changed so that an older Parcours refuses
/// a file with links instead of dropping them at its next save.
fn v7_to_v8(_map: &mut JourneyMap) {}

/// The envelope around the map, checked, without the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    /// A known version, at most [`VERSION`].
    pub version: u64,
    pub revision: u64,
    has_map: bool,
}

/// Read and check the envelope (format, version, revision) without building
/// the map, which is only skipped over. The whole text must be valid JSON.
pub(crate) fn read_head(text: &str) -> Result<Head, FormatError> {
    let raw: RawHead = match serde_json::from_str(text) {
        Ok(raw) => raw,
        // Not an object; but if it is not JSON either, say that first.
        Err(e) if e.is_data() => {
            return Err(match serde_json::from_str::<IgnoredAny>(text) {
                Ok(_) => FormatError::NotAMap { found: None },
                Err(e) => json_error(&e),
            })
        }
        Err(e) => return Err(json_error(&e)),
    };
    match raw.format {
        Some(Field::Text(f)) if f == FORMAT => {}
        Some(Field::Text(f)) => return Err(FormatError::NotAMap { found: Some(f) }),
        _ => return Err(FormatError::NotAMap { found: None }),
    }
    let version = match raw.version {
        Some(Field::Whole(v)) if v >= 1 => v,
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
    let revision = match raw.revision {
        None => 0,
        Some(Field::Whole(r)) => r,
        Some(_) => {
            return Err(FormatError::Invalid(vec![Problem {
                path: "revision".into(),
                message: Flaw::NotWholeNumber,
            }]))
        }
    };
    Ok(Head {
        version,
        revision,
        has_map: raw.has_map,
    })
}

/// The envelope's fields as found; everything else, the map included, is
/// skipped. Last one wins when a key is repeated.
#[derive(Default)]
struct RawHead {
    format: Option<Field>,
    version: Option<Field>,
    revision: Option<Field>,
    has_map: bool,
}

impl<'de> Deserialize<'de> for RawHead {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RawHeadVisitor)
    }
}

struct RawHeadVisitor;

impl<'de> Visitor<'de> for RawHeadVisitor {
    type Value = RawHead;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut fields: A) -> Result<RawHead, A::Error> {
        let mut head = RawHead::default();
        while let Some(key) = fields.next_key::<String>()? {
            match key.as_str() {
                "format" => head.format = Some(fields.next_value()?),
                "version" => head.version = Some(fields.next_value()?),
                "revision" => head.revision = Some(fields.next_value()?),
                other => {
                    head.has_map |= other == "map";
                    fields.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(head)
    }
}

/// A field of the envelope as found. Not a [`Value`], so that reading the
/// envelope needs no `Value` code (only migrations, if any, use it).
enum Field {
    Text(String),
    Whole(u64),
    /// Anything else, as it reads in a message.
    Other(String),
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Text(text) => write!(f, "\"{text}\""),
            Field::Whole(n) => write!(f, "{n}"),
            Field::Other(other) => f.write_str(other),
        }
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, v: &str) -> Result<Field, E> {
        Ok(Field::Text(v.to_owned()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Field, E> {
        Ok(Field::Whole(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Field, E> {
        Ok(Field::Other(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Field, E> {
        Ok(Field::Other(float_text::debug(v)))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Field, E> {
        Ok(Field::Other(v.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Field, E> {
        Ok(Field::Other("null".into()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field, A::Error> {
        IgnoredAny.visit_seq(seq)?;
        Ok(Field::Other("[…]".into()))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Field, A::Error> {
        IgnoredAny.visit_map(map)?;
        Ok(Field::Other("{…}".into()))
    }
}

/// The document at the current version, for its map only. The model is only
/// ever deserialized from text, by this, so that its code exists once.
#[derive(Deserialize)]
struct Body {
    map: JourneyMap,
}

/// Read a map from its envelope, migrating older versions.
pub fn from_json(text: &str) -> Result<Stored, FormatError> {
    let head = read_head(text)?;
    let mut map = read_map(text, head.has_map)?;
    for migrate in &MIGRATIONS[(head.version - 1) as usize..] {
        migrate(&mut map);
    }
    // A legacy field in a current-version file is not migrated: refuse it
    // rather than drop it silently on the next save.
    for (i, t) in map.touchpoints.iter().enumerate() {
        if t.legacy_metrics.is_some() {
            return Err(FormatError::Invalid(vec![Problem {
                path: format!("map.touchpoints[{i}].metrics"),
                message: Flaw::Version1Field {
                    version: head.version,
                },
            }]));
        }
    }
    let problems = validate(&map);
    if !problems.is_empty() {
        return Err(FormatError::Invalid(problems));
    }
    Ok(Stored {
        map,
        revision: head.revision,
    })
}

/// The map of a current-version document; a wrong shape is reported with
/// the path where it is.
fn read_map(text: &str, has_map: bool) -> Result<JourneyMap, FormatError> {
    if !has_map {
        return Err(FormatError::Invalid(vec![Problem {
            path: "map".into(),
            message: Flaw::Missing,
        }]));
    }
    match serde_json::from_str::<Body>(text) {
        Ok(body) => Ok(body.map),
        Err(e) if e.is_data() => Err(FormatError::Invalid(vec![Problem {
            path: json_path::path_at(text, e.line(), e.column()).unwrap_or_else(|| "map".into()),
            message: Flaw::Json(strip_position(&e.to_string())),
        }])),
        Err(e) => Err(json_error(&e)),
    }
}

fn json_error(e: &serde_json::Error) -> FormatError {
    FormatError::Json {
        line: e.line(),
        column: e.column(),
        message: json_message(e),
    }
}

fn json_message(e: &serde_json::Error) -> String {
    match e.classify() {
        serde_json::error::Category::Eof => json_words::TRUNCATED.into(),
        _ => strip_position(&e.to_string()),
    }
}

/// serde_json appends " at line L column C"; we report the position ourselves.
pub(crate) fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// What is wrong with a reading, if anything: answers that do not fit the
/// metric's scale, or a figure that is not a finite number in range.
pub fn reading_problem(r: &Reading) -> Option<Flaw> {
    let scale = r.scale;
    let values = r
        .value
        .iter()
        .chain(r.personas.iter().filter_map(|s| s.value.as_ref()));
    for &v in values {
        let ok = v.is_finite()
            && match r.metric {
                Metric::Reach => v >= 0.0,
                Metric::Nps => (-100.0..=100.0).contains(&v),
                Metric::Csat => (0.0..=100.0).contains(&v),
                // A typed mean effort: on any scale up to 100 points.
                Metric::Ces => (-100.0..=100.0).contains(&v),
            };
        if !ok {
            return Some(Flaw::ImpossibleValue(float_text::display(v)));
        }
    }
    let has_answers = !r.answers.is_empty() || r.personas.iter().any(|s| !s.answers.is_empty());
    match (scale, r.metric) {
        (None, _) if has_answers => Some(Flaw::AnswersWithoutScale),
        (Some(_), Metric::Reach) => Some(Flaw::ReachAnswers),
        (Some(s), Metric::Nps) if s != Scale::NPS => Some(Flaw::NpsScale),
        (Some(s), _) if !s.is_valid() => Some(Flaw::ScaleOrder),
        (Some(s), _) => {
            let fits = r.answers.len() == s.points()
                && r.personas
                    .iter()
                    .all(|p| p.answers.is_empty() || p.answers.len() == s.points());
            (!fits).then_some(Flaw::AnswerCount {
                low: s.low,
                high: s.high,
            })
        }
        _ => None,
    }
}

/// The rules a map must keep beyond its shape: unique ids, references that
/// resolve, values in range. Each problem names where it is.
pub fn validate(map: &JourneyMap) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |path: String, message: Flaw| Problem { path, message };

    let mut ids: Vec<(String, &str)> = vec![("map.id".into(), &map.id)];
    for c in Collection::ALL {
        ids.extend(
            c.ids(map)
                .enumerate()
                .map(|(i, id)| (format!("map.{}[{i}].id", c.field()), id)),
        );
    }
    let mut seen: HashSet<&str> = HashSet::new();
    for (path, id) in ids {
        if id.is_empty() {
            problems.push(problem(path, Flaw::EmptyId));
        } else if !seen.insert(id) {
            problems.push(problem(path, Flaw::DuplicateId(id.to_owned())));
        }
    }

    for (i, p) in map.personas.iter().enumerate() {
        if let Some(avatar) = &p.avatar {
            if let Err(e) = avatar_ok(avatar) {
                problems.push(problem(
                    format!("map.personas[{i}].avatar"),
                    Flaw::Avatar(e),
                ));
            }
        }
        if let Some(share) = p.share {
            if !(0.0..=100.0).contains(&share) {
                problems.push(problem(
                    format!("map.personas[{i}].share"),
                    Flaw::NotPercentage(float_text::display(share)),
                ));
            }
        }
    }

    // The ids of each collection, by the collection's place in `Collection::ALL`.
    let known: Vec<HashSet<&str>> = Collection::ALL
        .iter()
        .map(|c| c.ids(map).collect())
        .collect();
    let cards = &known[Collection::Cards as usize];
    // Cards an opportunity may answer.
    let pain_points: HashSet<&str> = map
        .cards
        .iter()
        .filter(|c| map.is_pain_point(c))
        .map(|c| c.id.as_str())
        .collect();
    // (path, what, id, the ids it must be among)
    let mut refs: Vec<(String, &str, &str, &HashSet<&str>)> = Vec::new();
    for c in Collection::ALL {
        for i in 0..c.len(map) {
            for r in c.refs(map, i) {
                let path = format!("map.{}[{i}].{}", c.field(), r.at.path());
                if r.at == RefAt::Field("answers") {
                    // A card of the map outside a Pain points lane is told below.
                    if !cards.contains(r.id) || pain_points.contains(r.id) {
                        refs.push((path, "pain point card", r.id, &pain_points));
                    }
                } else {
                    refs.push((path, r.to.kind(), r.id, &known[r.to as usize]));
                }
            }
        }
    }
    for (i, c) in map.cards.iter().enumerate() {
        if let Some(severity) = c.severity {
            if !(SEVERITY_MIN..=SEVERITY_MAX).contains(&severity) {
                problems.push(problem(
                    format!("map.cards[{i}].severity"),
                    Flaw::NotSeverity(severity),
                ));
            }
        }
        for (field, score) in [
            ("customer_value", c.customer_value),
            ("business_value", c.business_value),
            ("effort", c.effort),
        ] {
            if let Some(v) = score.filter(|v| !(SCORE_MIN..=SCORE_MAX).contains(v)) {
                problems.push(problem(
                    format!("map.cards[{i}].{field}"),
                    Flaw::NotScore(v),
                ));
            }
        }
        if let Some(p) = &c.answers {
            if cards.contains(p.as_str()) && !pain_points.contains(p.as_str()) {
                problems.push(problem(
                    format!("map.cards[{i}].answers"),
                    Flaw::NotPainPoint(p.clone()),
                ));
            }
        }
    }
    for (what, scale) in [("csat", map.scales.csat), ("ces", map.scales.ces)] {
        if !scale.is_valid() {
            problems.push(problem(format!("map.scales.{what}"), Flaw::BadScales));
        }
    }
    for (field, message) in map.branding.problems() {
        problems.push(problem(format!("map.branding.{field}"), message));
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        for (j, r) in t.readings.iter().enumerate() {
            let path = format!("map.touchpoints[{i}].readings[{j}]");
            if let Some(message) = reading_problem(r) {
                problems.push(problem(path, message));
            }
        }
    }
    // "stage\u{1f}persona" keys, in the same kind of set as the ids above (one compiled HashSet).
    let emotion_key_texts: Vec<String> = map
        .emotions
        .iter()
        .map(|e| {
            let state = if e.future { "f" } else { "c" };
            format!(
                "{}\u{1f}{}\u{1f}{state}",
                e.stage,
                e.persona.as_deref().unwrap_or("")
            )
        })
        .collect();
    let mut emotion_keys: HashSet<&str> = HashSet::new();
    for (i, e) in map.emotions.iter().enumerate() {
        if !(EMOTION_MIN..=EMOTION_MAX).contains(&e.value) {
            problems.push(problem(
                format!("map.emotions[{i}].value"),
                Flaw::OutsideEmotions(e.value),
            ));
        }
        if !emotion_keys.insert(&emotion_key_texts[i]) {
            problems.push(problem(format!("map.emotions[{i}]"), Flaw::SecondEmotion));
        }
    }
    for (i, s) in map.stages.iter().enumerate() {
        // Links to other maps are not checked here: a file is read alone,
        // and a link to a map this browser lacks is kept and said where it
        // shows (`journey_link`); only a link to itself is never right.
        if s.journey == map.id {
            problems.push(problem(
                format!("map.stages[{i}].journey"),
                Flaw::LinksToItself,
            ));
        }
    }
    for (path, what, id, among) in refs {
        if !among.contains(id) {
            problems.push(problem(
                path,
                Flaw::Dangling {
                    what,
                    id: id.to_owned(),
                },
            ));
        }
    }
    problems.extend(
        map.sync
            .problems()
            .into_iter()
            .map(|(path, message)| Problem { path, message }),
    );
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::LaneKind;
    use crate::core::document::model::{Card, Channel, SequentialIds, Touchpoint};
    use serde_json::Value;

    fn map() -> JourneyMap {
        let mut m = JourneyMap::blank(&mut SequentialIds::new("e"), "Été", ["A", "B", "C"], 5);
        m.cards.push(Card {
            id: "c1".into(),
            lane: m.lanes[0].id.clone(),
            stage: m.stages[0].id.clone(),
            persona: None,
            text: "« Où est le magasin ? » <b>".into(),
            severity: None,
            answers: None,
            ..Default::default()
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
        let head = format!(r#"{{"format":"parcours.map","version":{VERSION},"#);
        assert!(to_json(&m, 0).starts_with(&head));
    }

    #[test]
    fn indenting_the_compact_text_is_serde_s_pretty_text() {
        // Hostile and awkward text: quotes, backslashes, braces and colons
        // inside strings, empty arrays and objects, unicode.
        let mut m = map();
        m.title = "a \"b\": {c} [d], \\ e \u{e9}\u{1F600}".into();
        m.description = "\\\"".into();
        for map in [
            map(),
            m,
            crate::core::document::demo::demo_map(
                crate::core::text::i18n::Lang::Fr,
                &mut crate::core::document::model::SequentialIds::new("d"),
                1,
            ),
        ] {
            let expected = serde_json::to_string_pretty(&envelope(&map, 7)).unwrap();
            assert_eq!(to_json_pretty(&map, 7), expected);
        }
        let v: Value =
            serde_json::from_str(r#"{"a":[],"b":{},"c":[{}],"d":[[1,2],{"e":null}],"f":"x\\\"y"}"#)
                .unwrap();
        assert_eq!(
            indent(&v.to_string()),
            serde_json::to_string_pretty(&v).unwrap()
        );
    }

    /// A version 1 document, as version 1 wrote it: hand-typed figures in `metrics`.
    const V1: &str = r#"{"format":"parcours.map","version":1,"revision":4,"map":{
        "id":"m","title":"Old","created":1,"modified":5000,
        "stages":[{"id":"s","name":"S"}],"lanes":[],
        "touchpoints":[
          {"id":"t1","stage":"s","name":"Site","channel":"website","metrics":{"reach":60.0,"nps":12.0}},
          {"id":"t2","stage":"s","name":"Shop","channel":"store"}],
        "emotions":[{"stage":"s","value":1}]}}"#;

    #[test]
    fn version_1_figures_become_typed_readings() {
        let stored = from_json(V1).unwrap();
        assert_eq!(stored.revision, 4);
        let t1 = &stored.map.touchpoints[0];
        assert_eq!(t1.legacy_metrics, None);
        let figures: Vec<(Metric, Option<f64>, i64, bool)> = t1
            .readings
            .iter()
            .map(|r| (r.metric, r.value, r.at, r.source.is_none()))
            .collect();
        assert_eq!(
            figures,
            [
                (Metric::Reach, Some(60.0), 5000, true),
                (Metric::Nps, Some(12.0), 5000, true)
            ]
        );
        assert!(stored.map.touchpoints[1].readings.is_empty());
        assert!(!stored.map.emotions[0].future);
        // Written back as version 2, with no trace of the old field.
        let again = to_json(&stored.map, 5);
        assert!(!again.contains("\"metrics\""), "{again}");
        assert_eq!(from_json(&again).unwrap().map, stored.map);
    }

    #[test]
    fn a_version_1_field_in_a_version_2_file_is_refused() {
        let text = V1.replace("\"version\":1", "\"version\":2");
        let err = from_json(&text).unwrap_err();
        assert!(
            err.to_string().contains("map.touchpoints[0].metrics"),
            "{err}"
        );
    }

    #[test]
    fn readings_that_do_not_fit_their_scale_are_refused() {
        let mut m = from_json(V1).unwrap().map;
        m.touchpoints[0].readings.clear();
        m.touchpoints[0].readings.push(Reading {
            metric: Metric::Nps,
            at: 1,
            source: None,
            scale: Some(Scale::NPS),
            answers: vec![1, 2, 3],
            value: None,
            n: None,
            personas: Vec::new(),
        });
        let err = from_json(&to_json(&m, 1)).unwrap_err();
        assert!(
            err.to_string().contains("map.touchpoints[0].readings[0]"),
            "{err}"
        );
        m.touchpoints[0].readings[0].answers = vec![1; 11];
        assert!(from_json(&to_json(&m, 1)).is_ok());
        m.touchpoints[0].readings[0].value = Some(f64::from(250));
        assert!(from_json(&to_json(&m, 1)).is_err());
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
                    p[0].message.to_string().contains("expected a string"),
                    "{}",
                    p[0].message
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_field_is_reported_at_its_object() {
        let mut v: Value = serde_json::from_str(&to_json_pretty(&map(), 1)).unwrap();
        v["map"]["stages"][0]
            .as_object_mut()
            .unwrap()
            .remove("name");
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            match from_json(&text).unwrap_err() {
                FormatError::Invalid(p) => {
                    assert_eq!(p[0].path, "map.stages[0]");
                    assert!(
                        p[0].message.to_string().contains("missing field `name`"),
                        "{}",
                        p[0].message
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn an_unknown_channel_is_reported_with_its_path() {
        let mut m = map();
        m.touchpoints.push(Touchpoint {
            id: "t1".into(),
            stage: m.stages[0].id.clone(),
            name: "Site « web »".into(),
            channel: Channel::Website,
            classification: Default::default(),
            department: String::new(),
            readings: Vec::new(),
            legacy_metrics: None,
        });
        let mut v: Value = serde_json::from_str(&to_json(&m, 1)).unwrap();
        v["map"]["touchpoints"][0]["channel"] = Value::from("telepathy");
        for text in [v.to_string(), serde_json::to_string_pretty(&v).unwrap()] {
            match from_json(&text).unwrap_err() {
                FormatError::Invalid(p) => {
                    assert_eq!(p[0].path, "map.touchpoints[0].channel");
                    assert!(
                        p[0].message
                            .to_string()
                            .contains("unknown variant `telepathy`"),
                        "{}",
                        p[0].message
                    );
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn the_map_itself_missing_or_of_a_wrong_type_is_named() {
        let head = r#"{"format":"parcours.map","version":1"#;
        for (text, message) in [
            (format!("{head}}}"), "missing"),
            (format!("{head},\"map\":null}}"), "invalid type: null"),
            (format!("{head},\"map\":7}}"), "invalid type: integer `7`"),
        ] {
            match from_json(&text).unwrap_err() {
                FormatError::Invalid(p) => {
                    assert_eq!(p[0].path, "map", "{text}");
                    assert!(
                        p[0].message.to_string().contains(message),
                        "{text}: {}",
                        p[0].message
                    );
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_bad_version_is_quoted_as_found() {
        for (version, found) in [
            ("0", "0"),
            ("-2", "-2"),
            ("1.5", "1.5"),
            ("\"1\"", "\"1\""),
            ("null", "null"),
            ("[1]", "[…]"),
            ("{\"v\":1}", "{…}"),
        ] {
            let text = format!(r#"{{"format":"parcours.map","version":{version},"map":{{}}}}"#);
            assert_eq!(
                from_json(&text).unwrap_err(),
                FormatError::BadVersion {
                    found: found.into()
                },
                "{text}"
            );
        }
        assert_eq!(
            from_json(r#"{"format":"parcours.map","map":{}}"#).unwrap_err(),
            FormatError::BadVersion {
                found: "(missing)".into()
            }
        );
        for format in ["7", "null", "[\"parcours.map\"]", "{}"] {
            let text = format!(r#"{{"format":{format},"version":1,"map":{{}}}}"#);
            assert_eq!(
                from_json(&text).unwrap_err(),
                FormatError::NotAMap { found: None },
                "{text}"
            );
        }
        let text = r#"{"format":"parcours.map","version":1,"revision":"3","map":{}}"#;
        assert!(matches!(from_json(text), Err(FormatError::Invalid(p)) if p[0].path == "revision"));
    }

    #[test]
    fn the_head_is_checked_before_the_map_is_read() {
        let text = r#"{"format":"parcours.map","version":1,"revision":-1,"map":{}}"#;
        assert_eq!(
            from_json(text).unwrap_err(),
            FormatError::Invalid(vec![Problem {
                path: "revision".into(),
                message: Flaw::NotWholeNumber,
            }])
        );
        let m = map();
        let text = to_json(&m, 4);
        assert_eq!(
            read_head(&text),
            Ok(Head {
                version: VERSION,
                revision: 4,
                has_map: true
            })
        );
        // Valid JSON that is not an object is another kind of file; broken
        // JSON is broken JSON, whatever its first character.
        for text in [
            "[1,2,3,4,5,6]",
            r#"["parcours.map",1,0,{}]"#,
            "null",
            "\"x\"",
        ] {
            assert_eq!(
                read_head(text),
                Err(FormatError::NotAMap { found: None }),
                "{text}"
            );
        }
        for text in [
            "[1,2",
            "[1,2]]",
            "{\"format\":\"parcours.map\",\"version\":1,\"map\":{]}",
        ] {
            assert!(
                matches!(read_head(text), Err(FormatError::Json { .. })),
                "{text}"
            );
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
    fn an_opportunity_answers_a_pain_point_of_the_map_or_is_refused() {
        let mut m = map();
        let lane_of = |m: &JourneyMap, kind: LaneKind| {
            m.lanes.iter().find(|l| l.kind == kind).unwrap().id.clone()
        };
        let (pains, opportunities) = (
            lane_of(&m, LaneKind::PainPoints),
            lane_of(&m, LaneKind::Opportunities),
        );
        let stage = m.stages[0].id.clone();
        for (id, lane) in [("pain", &pains), ("opp", &opportunities)] {
            m.cards.push(Card {
                id: id.into(),
                lane: lane.clone(),
                stage: stage.clone(),
                text: id.into(),
                ..Card::default()
            });
        }
        m.cards[2].answers = Some("pain".into());
        let text = to_json(&m, 1);
        assert!(text.contains(r#""answers":"pain""#), "{text}");
        assert_eq!(from_json(&text).unwrap().map, m);
        for (target, says) in [
            ("ghost", "which the map does not have"),
            ("c1", "not in a Pain points lane"),
        ] {
            m.cards[2].answers = Some(target.into());
            let err = from_json(&to_json(&m, 1)).unwrap_err().to_string();
            assert!(err.contains("map.cards[2].answers"), "{err}");
            assert!(err.contains(says), "{err}");
        }
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
