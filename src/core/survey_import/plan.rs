//! What each column of the file is, as the user says (first guessed from
//! the headers, predictably: words and touchpoint names, nothing clever).

use super::number::Decimal;
use super::table::Table;
use crate::core::library::fold;
use crate::core::model::{JourneyMap, Metric};

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

const WORDS: [(Metric, &[&str]); 4] = [
    (Metric::Nps, &["nps", "recommend", "recommand"]),
    (Metric::Csat, &["csat", "satisf"]),
    (Metric::Ces, &["ces", "effort"]),
    (
        Metric::Reach,
        &[
            "reach",
            "visit",
            "session",
            "users",
            "utilisateur",
            "frequentation",
            "count",
            "nombre",
            "volume",
        ],
    ),
];
const PERSONA_WORDS: [&str; 3] = ["persona", "segment", "profil"];
const TOUCHPOINT_WORDS: [&str; 5] = ["touchpoint", "point de contact", "page", "step", "etape"];

/// Whether `word` is in `text` as a word or the start of one (`ces` in
/// "CES (effort)" but not in "process").
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        i == 0
            || !text[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// A first plan from the headers (and Qualtrics' question texts).
pub fn guess_plan(map: &JourneyMap, table: &Table) -> ImportPlan {
    let names: Vec<(String, String)> = map
        .touchpoints
        .iter()
        .filter(|t| !t.name.trim().is_empty())
        .map(|t| (t.id.clone(), fold(t.name.trim())))
        .collect();
    let mut uses: Vec<ColumnUse> = table
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let text = fold(&format!(
                "{header} {}",
                table.questions.get(i).map(String::as_str).unwrap_or("")
            ));
            if PERSONA_WORDS.iter().any(|w| has_word(&text, w)) {
                return ColumnUse::Persona;
            }
            let metric = WORDS
                .iter()
                .find(|(_, words)| words.iter().any(|w| has_word(&text, w)))
                .map(|(m, _)| *m);
            let named = names
                .iter()
                .filter(|(_, name)| text.contains(name.as_str()))
                .max_by_key(|(_, name)| name.len())
                .map(|(id, _)| id.clone());
            match (metric, named) {
                (Some(metric), Some(id)) => ColumnUse::Metric {
                    metric,
                    target: Target::Touchpoint(id),
                },
                (Some(metric), None) => ColumnUse::Metric {
                    metric,
                    target: Target::FromRow,
                },
                (None, _)
                    if TOUCHPOINT_WORDS.iter().any(|w| has_word(&text, w))
                        && names_rows(table, i, &names) =>
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
    ImportPlan {
        uses,
        decimal: guess_decimal(table),
    }
}

/// Most non-empty cells of the column are touchpoint names.
fn names_rows(table: &Table, column: usize, names: &[(String, String)]) -> bool {
    let cells: Vec<String> = table
        .rows
        .iter()
        .take(200)
        .filter_map(|r| r.cells.get(column))
        .filter(|c| !c.trim().is_empty())
        .map(|c| fold(c.trim()))
        .collect();
    let known = cells
        .iter()
        .filter(|c| names.iter().any(|(_, n)| n == *c))
        .count();
    !cells.is_empty() && known * 2 >= cells.len()
}

/// `;`-separated files come from spreadsheets that write `12,5`; otherwise
/// a decimal comma is assumed only if cells look like `12,5` and none like `12.5`.
pub fn guess_decimal(table: &Table) -> Decimal {
    if table.delimiter == b';' {
        return Decimal::Comma;
    }
    let cells = table.rows.iter().take(200).flat_map(|r| r.cells.iter());
    let (mut comma, mut point) = (0, 0);
    for c in cells {
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
