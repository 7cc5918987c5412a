//! What each column of the file is, as the user says (first guessed from
//! the headers, predictably: words and touchpoint names, nothing clever).
//!
//! The guess, column by column, on the header and (Qualtrics) the question
//! text, both folded (case and French accents ignored):
//! 1. Qualtrics' metadata and helper columns (`StartDate`, `ResponseId`,
//!    `Q_…`, `…_TEXT`, `…_DO`, `…_NPS_GROUP`) are ignored;
//! 2. `persona(s)`, `segment…`, `profil…` → [`ColumnUse::Persona`];
//! 3. a metric word (see `WORDS`) → that metric, for the touchpoint whose
//!    name the text contains (the longest such name), else for the
//!    touchpoint named in each row if a column names them, else for the
//!    map's first touchpoint — but only if most of the column's cells are
//!    numbers, and only one reach column per touchpoint (the first);
//! 4. `touchpoint`, `point de contact`, `page…`, `step…`, `etape…`, when
//!    most of the column's cells are names of touchpoints →
//!    [`ColumnUse::TouchpointName`];
//! 5. anything else is ignored.

use super::number::{parse_number, Decimal};
use super::table::Table;
use crate::core::document::model::{JourneyMap, Metric};
use crate::core::text::search::fold;

/// Which touchpoint a metric column measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// This touchpoint (its id), for every row.
    Touchpoint(String),
    /// The touchpoint named in each row's `TouchpointName` column.
    FromRow,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnUse {
    Ignore,
    /// Survey answers (NPS, CSAT, CES), or counts summed (reach).
    Metric {
        metric: Metric,
        target: Target,
    },
    /// The respondent's persona (matched by name or segment).
    Persona,
    /// The name of the touchpoint the row is about.
    TouchpointName,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    /// One per column of the table.
    pub uses: Vec<ColumnUse>,
    pub decimal: Decimal,
}

/// Words naming each metric. A trailing `*` matches the start of a word
/// (`satisf*`: satisfaction, satisfait); otherwise the whole word, plural
/// `s` allowed (`count`, `counts`, not `country`).
const WORDS: [(Metric, &[&str]); 4] = [
    (Metric::Nps, &["nps", "recommend*", "recommand*"]),
    (Metric::Csat, &["csat", "satisf*"]),
    (Metric::Ces, &["ces", "effort*"]),
    (
        Metric::Reach,
        &[
            "reach",
            "visit*",
            "session*",
            "users",
            "utilisateur*",
            "frequentation",
            "count",
            "nombre",
            "volume*",
        ],
    ),
];
const PERSONA_WORDS: [&str; 3] = ["persona", "segment*", "profil*"];
const TOUCHPOINT_WORDS: [&str; 6] = [
    "touchpoint*",
    "point de contact",
    "points de contact",
    "page*",
    "step*",
    "etape*",
];
/// Qualtrics' metadata columns (folded headers).
const METADATA: [&str; 19] = [
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "responseid",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
    "responsetype",
];

/// Whether `text` has `word` as a word (see [`WORDS`] for `*` and the plural).
fn has_word(text: &str, word: &str) -> bool {
    let (word, prefix) = match word.strip_suffix('*') {
        Some(w) => (w, true),
        None => (word, false),
    };
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word).any(|(i, _)| {
        let rest = &text[i + word.len()..];
        let before_ok = !alnum(text[..i].chars().next_back());
        let after_ok = prefix || !alnum(rest.strip_prefix('s').unwrap_or(rest).chars().next());
        before_ok && after_ok
    })
}

/// Whether `text` contains `name` with no letter or digit glued to it.
fn has_name(text: &str, name: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !name.is_empty()
        && text.match_indices(name).any(|(i, _)| {
            !alnum(text[..i].chars().next_back()) && !alnum(text[i + name.len()..].chars().next())
        })
}

/// Qualtrics' columns that are not answers to read: metadata, system
/// fields (`Q_…`), text entries, display orders, NPS groups.
fn is_metadata(header: &str) -> bool {
    METADATA.contains(&header)
        || header.starts_with("q_")
        || header.ends_with("_text")
        || header.ends_with("_do")
        || header.contains("_do_")
        || header.ends_with("_nps_group")
}

/// A first plan from the headers (and Qualtrics' question texts).
pub fn guess_plan(map: &JourneyMap, table: &Table) -> ImportPlan {
    let decimal = guess_decimal(table);
    let names: Vec<(&str, String)> = map
        .touchpoints
        .iter()
        .map(|t| (t.id.as_str(), fold(t.name.trim())))
        .filter(|(_, name)| !name.is_empty())
        .collect();
    let mut uses: Vec<ColumnUse> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let header = fold(header);
            if is_metadata(&header) {
                return ColumnUse::Ignore;
            }
            let mut text = header;
            if let Some(question) = table.questions.get(i) {
                text.push(' ');
                text.push_str(&fold(question));
            }
            if PERSONA_WORDS.iter().any(|w| has_word(&text, w)) {
                return ColumnUse::Persona;
            }
            let metric = WORDS
                .iter()
                .find(|(_, words)| words.iter().any(|w| has_word(&text, w)))
                .map(|(m, _)| *m);
            match metric {
                Some(metric) if mostly_numbers(table, i, decimal) => {
                    let named = names
                        .iter()
                        .filter(|(_, name)| has_name(&text, name))
                        .max_by_key(|(_, name)| name.len());
                    let target = match named {
                        Some((id, _)) => Target::Touchpoint((*id).to_owned()),
                        None => Target::FromRow,
                    };
                    ColumnUse::Metric { metric, target }
                }
                _ if TOUCHPOINT_WORDS.iter().any(|w| has_word(&text, w))
                    && (mostly_names(table, i, &names)
                        || (names_a_column(&text) && !mostly_numbers(table, i, decimal))) =>
                {
                    ColumnUse::TouchpointName
                }
                _ => ColumnUse::Ignore,
            }
        })
        .collect();
    // Without a column naming touchpoints, metric columns need one: the first.
    if !uses.contains(&ColumnUse::TouchpointName) {
        let first = map.touchpoints.first().map(|t| t.id.clone());
        for u in &mut uses {
            if let ColumnUse::Metric { target, .. } = u {
                if *target == Target::FromRow {
                    match &first {
                        Some(id) => *target = Target::Touchpoint(id.clone()),
                        None => *u = ColumnUse::Ignore,
                    }
                }
            }
        }
    }
    // Counts are added up: two reach columns for one touchpoint (views
    // and users) would count people twice. The first one is kept.
    for i in 0..uses.len() {
        if let ColumnUse::Metric {
            metric: Metric::Reach,
            target,
        } = &uses[i]
        {
            let taken = uses[..i].iter().any(|u| {
                matches!(u, ColumnUse::Metric { metric: Metric::Reach, target: t } if t == target)
            });
            if taken {
                uses[i] = ColumnUse::Ignore;
            }
        }
    }
    ImportPlan { uses, decimal }
}

/// The first non-empty cells of a column (trimmed), at most 200.
fn sample(table: &Table, column: usize) -> impl Iterator<Item = &str> {
    table
        .rows
        .iter()
        .filter_map(move |r| r.cells.get(column))
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .take(200)
}

/// At least half of the column's cells are numbers (or it is empty).
fn mostly_numbers(table: &Table, column: usize, decimal: Decimal) -> bool {
    let (mut cells, mut numbers) = (0, 0);
    for c in sample(table, column) {
        cells += 1;
        numbers += usize::from(matches!(parse_number(c, decimal), Ok(Some(_))));
    }
    numbers * 2 >= cells
}

/// A header that is only a name for the column ("Touchpoint", "Page",
/// "Étape du parcours"), not a question that happens to hold the word
/// ("Which step did you find hardest?"): a fresh export names touchpoints
/// the map does not have yet, so its cells cannot be checked against the
/// map's names (the import then offers to create them).
fn names_a_column(text: &str) -> bool {
    text.split_whitespace().count() <= 3 && !text.contains('?')
}

/// At least half of the column's cells are touchpoint names, and some are.
fn mostly_names(table: &Table, column: usize, names: &[(&str, String)]) -> bool {
    let (mut cells, mut known) = (0, 0);
    for c in sample(table, column) {
        cells += 1;
        let c = fold(c);
        known += usize::from(names.iter().any(|(_, n)| *n == c));
    }
    known > 0 && known * 2 >= cells
}

impl Table {
    /// The decimal mark the file most likely uses; see [`guess_decimal`].
    pub fn guess_decimal(&self) -> Decimal {
        guess_decimal(self)
    }
}

/// `;`-separated files come from spreadsheets that write `12,5`; otherwise
/// a decimal comma is assumed only if cells look like `12,5` (not `1,234`)
/// and none like `12.5`. Point by default.
pub fn guess_decimal(table: &Table) -> Decimal {
    if table.delimiter == b';' {
        return Decimal::Comma;
    }
    let (mut comma, mut point) = (0, 0);
    for c in table.rows.iter().take(200).flat_map(|r| r.cells.iter()) {
        let c = c.trim();
        let digits_around = |mark: char| {
            c.split_once(mark).is_some_and(|(a, b)| {
                !a.is_empty()
                    && a.chars().all(|x| x.is_ascii_digit() || x == '-')
                    && !b.is_empty()
                    && b.len() != 3
                    && b.chars().all(|x| x.is_ascii_digit())
            })
        };
        if digits_around(',') {
            comma += 1;
        } else if digits_around('.') {
            point += 1;
        }
    }
    if comma > 0 && point == 0 {
        Decimal::Comma
    } else {
        Decimal::Point
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_touchpoint_header_names_them_even_when_the_map_lacks_them() {
        use crate::core::document::demo::demo_map;
        use crate::core::document::model::SequentialIds;
        use crate::core::formats::survey_import::read_table;
        use crate::core::text::i18n::Lang;
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        // A fresh export: no cell is a touchpoint of the map.
        let table = read_table(b"Touchpoint;NPS\nKiosk;9\nChat bot;3\n").unwrap();
        let plan = guess_plan(&map, &table);
        assert_eq!(plan.uses[0], ColumnUse::TouchpointName);
        assert!(matches!(
            plan.uses[1],
            ColumnUse::Metric {
                target: Target::FromRow,
                ..
            }
        ));
        // A question that holds the word, answered in words, is not it.
        let table =
            read_table(b"Which step did you find hardest?;NPS\nPaying;9\nDelivery;3\n").unwrap();
        assert_eq!(guess_plan(&map, &table).uses[0], ColumnUse::Ignore);
        // Nor a column of numbers under a short header.
        let table = read_table(b"Step;NPS\n1;9\n2;3\n").unwrap();
        assert_ne!(guess_plan(&map, &table).uses[0], ColumnUse::TouchpointName);
    }

    #[test]
    fn words_match_whole_words_or_word_starts() {
        assert!(has_word("ces (effort)", "ces"));
        assert!(!has_word("process", "ces"));
        assert!(!has_word("visits per day", "count"));
        assert!(has_word("event count", "count"));
        assert!(has_word("counts", "count"));
        assert!(!has_word("country", "count"));
        assert!(has_word("q1_nps", "nps"));
        assert!(has_word("satisfaction globale", "satisf*"));
        assert!(!has_word("insatisfaction", "satisf*"));
        assert!(has_word("nombre de visiteurs", "visit*"));
        assert!(has_word("users", "users"));
        assert!(!has_word("userlanguage", "users"));
        assert!(has_word("personas", "persona"));
        assert!(!has_word("how much effort did you personally", "persona"));
        assert!(!has_word("views per user", "users"));
    }

    #[test]
    fn names_match_between_word_boundaries() {
        assert!(has_name("nps app mobile", "app mobile"));
        assert!(!has_name("happy", "app"));
        assert!(!has_name("anything", ""));
    }

    #[test]
    fn qualtrics_helper_columns_are_metadata() {
        for h in [
            "q1_nps_group",
            "q2_4_text",
            "fl_12_do",
            "q3_do_1",
            "q_recaptchascore",
            "responseid",
            "duration (in seconds)",
        ] {
            assert!(is_metadata(h), "{h}");
        }
        assert!(!is_metadata("q1"));
        assert!(!is_metadata("nps"));
    }
}
