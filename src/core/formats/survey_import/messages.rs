//! What can go wrong with an import, said in English and French, with the
//! line and the column it happened at.

use super::number::Decimal;
use crate::core::text::i18n::{format_size, Lang};

/// The file as a whole cannot be read as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// Nothing but blank lines (or nothing at all).
    Empty,
    /// A header but no data row.
    NoRows,
    /// NUL bytes (and no UTF-16 byte order mark): not a text file.
    Binary,
    /// The file's size in bytes, over [`super::MAX_BYTES`].
    TooLarge(usize),
    /// The record starting at `line` has more than [`super::MAX_COLUMNS`] fields.
    TooManyColumns { line: usize },
    /// A quoted field opened on `line` is never closed.
    UnclosedQuote { line: usize },
}

/// Why a cell is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Letters or symbols: `abc`, `NaN`, `inf`, `1e3`, `8/10`.
    NotANumber,
    /// Digits, but signs, marks or thousands groups out of place for the
    /// decimal mark in use: `1-2`, `12,5,3`, `4,5` read with a decimal point.
    Malformed(Decimal),
    /// Too large to be represented.
    TooLarge,
}

/// Why a row is left out.
#[derive(Clone, Debug, PartialEq)]
pub enum RowReason {
    /// The cell's text (trimmed) and why it is not a number.
    NotANumber { text: String, error: NumberError },
    /// An answer outside the metric's scale.
    OutOfScale { value: f64, low: i32, high: i32 },
    /// An answer between two scale points (`7.5` on 0–10).
    NotWhole(f64),
    /// A count below zero.
    Negative(f64),
    /// The row's touchpoint cell names no touchpoint of the map.
    UnknownTouchpoint(String),
    /// The row's touchpoint cell is empty, and the row has values for it.
    NoTouchpoint,
    /// More cells than the header has columns.
    TooManyCells { found: usize, expected: usize },
}

/// A problem in one row: its line in the file, the column and why.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    /// The line of the file (from 1) where the row starts.
    pub line: usize,
    /// The column (from 0), when the problem is in one cell.
    pub column: Option<usize>,
    /// That column's header, for the message.
    pub header: Option<String>,
    pub reason: RowReason,
}

/// Something the user should know that does not leave a row out.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Rows whose persona cell matches no persona (`value` as first seen):
    /// their answers count for everyone, not for a persona.
    UnknownPersona { value: String, rows: usize },
    /// A column mapped to a metric gave no value at all (its header).
    EmptyColumn(String),
    /// A column mapped to a survey metric whose scale in the map is not
    /// valid: nothing is read from it (its header).
    InvalidScale(String),
}

fn pick(lang: Lang, en: String, fr: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// A number as the language writes its decimals (`7.5`, `7,5`).
fn num(lang: Lang, v: f64) -> String {
    let text = v.to_string();
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

impl TableError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TableError::Empty => pick(
                lang,
                "the file is empty".into(),
                "le fichier est vide".into(),
            ),
            TableError::NoRows => pick(
                lang,
                "the file has a header row but no data".into(),
                "le fichier a une ligne d'en-tête mais aucune donnée".into(),
            ),
            TableError::Binary => pick(
                lang,
                "this is not a text file (CSV expected)".into(),
                "ce n'est pas un fichier texte (CSV attendu)".into(),
            ),
            TableError::TooLarge(bytes) => pick(
                lang,
                format!(
                    "the file is too large ({}; 20 MB at most)",
                    format_size(lang, *bytes)
                ),
                format!(
                    "le fichier est trop gros ({} ; 20 Mo au plus)",
                    format_size(lang, *bytes)
                ),
            ),
            TableError::TooManyColumns { line } => pick(
                lang,
                format!("line {line}: more than 500 columns"),
                format!("ligne {line} : plus de 500 colonnes"),
            ),
            TableError::UnclosedQuote { line } => pick(
                lang,
                format!("line {line}: a quoted field (\") is never closed"),
                format!("ligne {line} : un champ entre guillemets (\") n'est jamais fermé"),
            ),
        }
    }
}

impl NumberError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumberError::NotANumber => pick(lang, "not a number".into(), "pas un nombre".into()),
            NumberError::Malformed(Decimal::Point) => pick(
                lang,
                "not a number written with a decimal point".into(),
                "pas un nombre écrit avec un point décimal".into(),
            ),
            NumberError::Malformed(Decimal::Comma) => pick(
                lang,
                "not a number written with a decimal comma".into(),
                "pas un nombre écrit avec une virgule décimale".into(),
            ),
            NumberError::TooLarge => pick(
                lang,
                "a number too large".into(),
                "un nombre trop grand".into(),
            ),
        }
    }
}

impl RowReason {
    /// Why the row is left out, without saying where (see [`RowProblem::message`]).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RowReason::NotANumber { text, error } => match error {
                NumberError::TooLarge => pick(
                    lang,
                    format!("\"{text}\" is too large"),
                    format!("« {text} » est trop grand"),
                ),
                _ => pick(
                    lang,
                    format!("\"{text}\" is {}", error.message(lang)),
                    format!("« {text} » n'est {}", error.message(lang)),
                ),
            },
            RowReason::OutOfScale { value, low, high } => pick(
                lang,
                format!("{} is outside the scale {low} to {high}", num(lang, *value)),
                format!("{} est hors de l'échelle {low} à {high}", num(lang, *value)),
            ),
            RowReason::NotWhole(v) => pick(
                lang,
                format!("{} is not a point of the scale", num(lang, *v)),
                format!("{} n'est pas un point de l'échelle", num(lang, *v)),
            ),
            RowReason::Negative(v) => pick(
                lang,
                format!("{} is negative; a count cannot be", num(lang, *v)),
                format!(
                    "{} est négatif ; un comptage ne peut pas l'être",
                    num(lang, *v)
                ),
            ),
            RowReason::UnknownTouchpoint(name) => pick(
                lang,
                format!("no touchpoint of the map is called \"{name}\""),
                format!("aucun point de contact de la carte ne s'appelle « {name} »"),
            ),
            RowReason::NoTouchpoint => pick(
                lang,
                "the touchpoint is not named".into(),
                "le point de contact n'est pas nommé".into(),
            ),
            RowReason::TooManyCells { found, expected } => pick(
                lang,
                format!("{found} cells where the header has {expected} columns"),
                format!("{found} cellules alors que l'en-tête a {expected} colonnes"),
            ),
        }
    }
}

impl RowProblem {
    /// Where (line, column header) and why.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason.message(lang);
        match &self.header {
            Some(column) => pick(
                lang,
                format!("line {}, column \"{column}\": {reason}", self.line),
                format!("ligne {}, colonne « {column} » : {reason}", self.line),
            ),
            None => pick(
                lang,
                format!("line {}: {reason}", self.line),
                format!("ligne {} : {reason}", self.line),
            ),
        }
    }
}

impl Warning {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Warning::UnknownPersona { value, rows } => {
                let (en, fr) = if *rows == 1 {
                    ("row", "ligne")
                } else {
                    ("rows", "lignes")
                };
                pick(
                    lang,
                    format!("\"{value}\" ({rows} {en}) is not a persona of the map: those answers count for everyone only"),
                    format!("« {value} » ({rows} {fr}) n'est pas un persona de la carte : ces réponses ne comptent que pour tous"),
                )
            }
            Warning::EmptyColumn(column) => pick(
                lang,
                format!("column \"{column}\" has no value to import"),
                format!("la colonne « {column} » n'a aucune valeur à importer"),
            ),
            Warning::InvalidScale(column) => pick(
                lang,
                format!("column \"{column}\": the map's scale for this metric is not valid, nothing is read from it"),
                format!("colonne « {column} » : l'échelle de cette mesure dans la carte n'est pas valide, rien n'en est lu"),
            ),
        }
    }
}
