//! What can go wrong with an import, said in English and French, with the
//! line and the column it happened at.

use crate::core::i18n::{format_size, Lang};

/// The file as a whole cannot be read as a table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    Empty,
    /// A header but no data row.
    NoRows,
    /// NUL bytes: not a text file.
    Binary,
    TooLarge(usize),
    TooManyColumns(usize),
    /// A quoted field opened on `line` is never closed.
    UnclosedQuote {
        line: usize,
    },
    /// The parser could not finish the record starting at `line`.
    Unparsable {
        line: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    NotANumber,
}

/// Why a row is left out.
#[derive(Clone, Debug, PartialEq)]
pub enum RowReason {
    NotANumber(String),
    /// An answer outside the metric's scale.
    OutOfScale {
        value: f64,
        low: i32,
        high: i32,
    },
    /// An answer between two scale points (`7.5` on 0–10).
    NotWhole(f64),
    /// A count below zero.
    Negative(f64),
    /// The row's touchpoint cell names no touchpoint of the map.
    UnknownTouchpoint(String),
    /// More cells than the header has columns.
    TooManyCells {
        found: usize,
        expected: usize,
    },
}

/// A problem in one row: its line in the file, the column and why.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    /// The column's header, when the problem is in one cell.
    pub column: Option<String>,
    pub reason: RowReason,
}

/// Something the user should know that does not leave a row out.
#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// Respondents whose persona cell matches no persona: counted for
    /// everyone, not for a persona.
    UnknownPersona { value: String, rows: usize },
    /// A column mapped to a metric gave no value at all.
    EmptyColumn(String),
}

fn pick(lang: Lang, en: String, fr: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
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
            TableError::TooManyColumns(n) => pick(
                lang,
                format!("too many columns ({n}; 500 at most)"),
                format!("trop de colonnes ({n} ; 500 au plus)"),
            ),
            TableError::UnclosedQuote { line } => pick(
                lang,
                format!("line {line}: a quoted field (\") is never closed"),
                format!("ligne {line} : un champ entre guillemets (\") n'est jamais fermé"),
            ),
            TableError::Unparsable { line } => pick(
                lang,
                format!("line {line}: this record cannot be read"),
                format!("ligne {line} : cet enregistrement est illisible"),
            ),
        }
    }
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        let reason = match &self.reason {
            RowReason::NotANumber(text) => pick(
                lang,
                format!("\"{text}\" is not a number"),
                format!("« {text} » n'est pas un nombre"),
            ),
            RowReason::OutOfScale { value, low, high } => pick(
                lang,
                format!("{value} is outside the scale {low} to {high}"),
                format!("{value} est hors de l'échelle {low} à {high}"),
            ),
            RowReason::NotWhole(v) => pick(
                lang,
                format!("{v} is not a point of the scale"),
                format!("{v} n'est pas un point de l'échelle"),
            ),
            RowReason::Negative(v) => pick(
                lang,
                format!("{v} is negative; a count cannot be"),
                format!("{v} est négatif ; un comptage ne peut pas l'être"),
            ),
            RowReason::UnknownTouchpoint(name) => pick(
                lang,
                format!("no touchpoint of the map is called \"{name}\""),
                format!("aucun point de contact de la carte ne s'appelle « {name} »"),
            ),
            RowReason::TooManyCells { found, expected } => pick(
                lang,
                format!("{found} cells where the header has {expected} columns"),
                format!("{found} cellules alors que l'en-tête a {expected} colonnes"),
            ),
        };
        match &self.column {
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
            Warning::UnknownPersona { value, rows } => pick(
                lang,
                format!("\"{value}\" ({rows} rows) is not a persona of the map: those answers count for everyone only"),
                format!("« {value} » ({rows} lignes) n'est pas un persona de la carte : ces réponses ne comptent que pour tous"),
            ),
            Warning::EmptyColumn(column) => pick(
                lang,
                format!("column \"{column}\" has no value to import"),
                format!("la colonne « {column} » n'a aucune valeur à importer"),
            ),
        }
    }
}
