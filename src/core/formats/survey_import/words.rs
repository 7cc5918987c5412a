//! The CSV import dialog's words, English and French side by side: only the survey import's lazy part says them, so
//! they live here rather than in the first load's word table ([`Key`](crate::core::text::i18n::Key);
//! moved out of it to make room on the map path, issue 18).

crate::word_table! {
    /// The CSV import dialog's words.
    ImportText {
        ImportTitle => ("Import survey answers or analytics counts", "Importer des réponses d'enquête ou des comptages"),
        ImportFileRead => ("File", "Fichier"),
        PasteInstead => ("…or paste cells copied from a spreadsheet", "…ou collez des cellules copiées d'un tableur"),
        PasteHint => ("Header row first, then one row per respondent or per touchpoint", "La ligne d'en-tête d'abord, puis une ligne par répondant ou par point de contact"),
        ReadPasted => ("Read", "Lire"),
        PastedData => ("pasted data", "données collées"),
        Separator => ("Separator", "Séparateur"),
        DecimalMark => ("Decimal mark", "Séparateur décimal"),
        DecimalPoint => ("point (12.5)", "point (12.5)"),
        DecimalComma => ("comma (12,5)", "virgule (12,5)"),
        QualtricsDetected => ("Qualtrics export: its two extra header rows are skipped.", "Export Qualtrics : ses deux lignes d'en-tête supplémentaires sont ignorées."),
        Column => ("Column", "Colonne"),
        Columns => ("columns", "colonnes"),
        Sample => ("Sample", "Exemple"),
        UseAs => ("Use as", "Utiliser comme"),
        ForTouchpoint => ("Touchpoint", "Point de contact"),
        IgnoreColumn => ("— ignore —", "— ignorer —"),
        PersonaColumn => ("Persona of the respondent", "Persona du répondant"),
        TouchpointColumn => ("Touchpoint named in the row", "Point de contact nommé dans la ligne"),
        NamedInRow => ("named in each row", "nommé dans chaque ligne"),
        RowsRead => ("rows read", "lignes lues"),
        RowsSkipped => ("rows skipped", "lignes ignorées"),
        ProblemsTitle => ("Rows left out, and why", "Lignes écartées, et pourquoi"),
        WillUpdate => ("What this import will add", "Ce que cet import va ajouter"),
        NothingToImport => ("Nothing to import yet: map at least one column to a touchpoint and a metric.", "Rien à importer pour l'instant : associez au moins une colonne à un point de contact et un indicateur."),
        ConfirmImport => ("Import", "Importer"),
        ConfirmImportSkipping => ("Import, leaving out the rows above", "Importer sans les lignes ci-dessus"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::text::i18n::Lang;

    #[test]
    fn every_word_is_said_in_both_languages() {
        for t in ImportText::ALL {
            assert!(
                !t.t(Lang::En).is_empty() && !t.t(Lang::Fr).is_empty(),
                "{t:?}"
            );
        }
    }
}
