//! Finding maps by their title as people type it: case and accents ignored,
//! every word must appear ("ete magasin" finds "Été en magasin").

use crate::core::storage::library::MapEntry;
use crate::core::text::i18n::latin_lower;

/// Keep the entries whose title contains every word of `query`, ignoring
/// case and accents ("ete" finds "Été").
pub fn search<'a>(entries: &'a [MapEntry], query: &str) -> Vec<&'a MapEntry> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_owned).collect();
    entries
        .iter()
        .filter(|e| {
            let title = fold(&e.title);
            words.iter().all(|w| title.contains(w.as_str()))
        })
        .collect()
}

/// Lower case without the accents of French and other Latin scripts.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(latin_lower)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            'œ' => 'o',
            'æ' => 'a',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::{JourneyMap, SequentialIds};

    fn map(ids: &mut SequentialIds, title: &str, modified: i64) -> JourneyMap {
        JourneyMap::blank(ids, title, ["A", "B", "C"], modified)
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let mut ids = SequentialIds::new("m");
        let entries: Vec<MapEntry> = ["Été en magasin", "Achat en ligne", "Service client"]
            .iter()
            .map(|t| MapEntry::of(&map(&mut ids, t, 0), 1))
            .collect();
        let found = |q: &str| -> Vec<String> {
            search(&entries, q)
                .into_iter()
                .map(|e| e.title.clone())
                .collect()
        };
        assert_eq!(found("ete"), ["Été en magasin"]);
        assert_eq!(found("MAGASIN"), ["Été en magasin"]);
        assert_eq!(
            found("en"),
            ["Été en magasin", "Achat en ligne", "Service client"]
        );
        assert_eq!(found("en ligne"), ["Achat en ligne"]);
        assert_eq!(found("").len(), 3);
        assert!(found("zzz").is_empty());
    }
}
