//! What can go wrong with an import, said in English and French, with the
//! line and the column it happened at.

use super::number::Decimal;
use crate::core::text::i18n::{format_size, Lang};
use crate::core::text::said::Said;
use crate::say;

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

/// A number as the language writes its decimals (`7.5`, `7,5`).
fn num(lang: Lang, v: f64) -> String {
    let text = v.to_string();
    match lang {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}

impl Said for TableError {
    fn said(&self, lang: Lang) -> String {
        match self {
            TableError::Empty => say!(lang, "the file is empty", "le fichier est vide"),
            TableError::NoRows => say!(
                lang,
                "the file has a header row but no data",
                "le fichier a une ligne d'en-tête mais aucune donnée"
            ),
            TableError::Binary => say!(
                lang,
                "this is not a text file (CSV expected)",
                "ce n'est pas un fichier texte (CSV attendu)"
            ),
            TableError::TooLarge(bytes) => {
                let size = format_size(lang, *bytes);
                say!(
                    lang,
                    "the file is too large ({size}; 20 MB at most)",
                    "le fichier est trop gros ({size} ; 20 Mo au plus)"
                )
            }
            TableError::TooManyColumns { line } => say!(
                lang,
                "line {line}: more than 500 columns",
                "ligne {line} : plus de 500 colonnes"
            ),
            TableError::UnclosedQuote { line } => say!(
                lang,
                "line {line}: a quoted field (\") is never closed",
                "ligne {line} : un champ entre guillemets (\") n'est jamais fermé"
            ),
        }
    }
}

impl Said for NumberError {
    fn said(&self, lang: Lang) -> String {
        match self {
            NumberError::NotANumber => say!(lang, "not a number", "pas un nombre"),
            NumberError::Malformed(Decimal::Point) => say!(
                lang,
                "not a number written with a decimal point",
                "pas un nombre écrit avec un point décimal"
            ),
            NumberError::Malformed(Decimal::Comma) => say!(
                lang,
                "not a number written with a decimal comma",
                "pas un nombre écrit avec une virgule décimale"
            ),
            NumberError::TooLarge => say!(lang, "a number too large", "un nombre trop grand"),
        }
    }
}

/// Why the row is left out, without saying where (see [`RowProblem`]).
impl Said for RowReason {
    fn said(&self, lang: Lang) -> String {
        match self {
            RowReason::NotANumber { text, error } => match error {
                NumberError::TooLarge => {
                    say!(lang, "\"{text}\" is too large", "« {text} » est trop grand")
                }
                _ => {
                    let why = error.said(lang);
                    say!(lang, "\"{text}\" is {why}", "« {text} » n'est {why}")
                }
            },
            RowReason::OutOfScale { value, low, high } => {
                let value = num(lang, *value);
                say!(
                    lang,
                    "{value} is outside the scale {low} to {high}",
                    "{value} est hors de l'échelle {low} à {high}"
                )
            }
            RowReason::NotWhole(v) => {
                let v = num(lang, *v);
                say!(
                    lang,
                    "{v} is not a point of the scale",
                    "{v} n'est pas un point de l'échelle"
                )
            }
            RowReason::Negative(v) => {
                let v = num(lang, *v);
                say!(
                    lang,
                    "{v} is negative; a count cannot be",
                    "{v} est négatif ; un comptage ne peut pas l'être"
                )
            }
            RowReason::UnknownTouchpoint(name) => say!(
                lang,
                "no touchpoint of the map is called \"{name}\"",
                "aucun point de contact de la carte ne s'appelle « {name} »"
            ),
            RowReason::NoTouchpoint => say!(
                lang,
                "the touchpoint is not named",
                "le point de contact n'est pas nommé"
            ),
            RowReason::TooManyCells { found, expected } => say!(
                lang,
                "{found} cells where the header has {expected} columns",
                "{found} cellules alors que l'en-tête a {expected} colonnes"
            ),
        }
    }
}

/// Where (line, column header) and why.
impl Said for RowProblem {
    fn said(&self, lang: Lang) -> String {
        let (line, reason) = (self.line, self.reason.said(lang));
        match &self.header {
            Some(column) => say!(
                lang,
                "line {line}, column \"{column}\": {reason}",
                "ligne {line}, colonne « {column} » : {reason}"
            ),
            None => say!(lang, "line {line}: {reason}", "ligne {line} : {reason}"),
        }
    }
}

impl Said for Warning {
    fn said(&self, lang: Lang) -> String {
        match self {
            Warning::UnknownPersona { value, rows } => {
                let (en, fr) = if *rows == 1 {
                    ("row", "ligne")
                } else {
                    ("rows", "lignes")
                };
                say!(
                    lang,
                    "\"{value}\" ({rows} {en}) is not a persona of the map: those answers count for everyone only",
                    "« {value} » ({rows} {fr}) n'est pas un persona de la carte : ces réponses ne comptent que pour tous"
                )
            }
            Warning::EmptyColumn(column) => say!(
                lang,
                "column \"{column}\" has no value to import",
                "la colonne « {column} » n'a aucune valeur à importer"
            ),
            Warning::InvalidScale(column) => say!(
                lang,
                "column \"{column}\": the map's scale for this metric is not valid, nothing is read from it",
                "colonne « {column} » : l'échelle de cette mesure dans la carte n'est pas valide, rien n'en est lu"
            ),
        }
    }
}
