//! The JSON reader's words (serde_json's messages, without their position)
//! in the user's language.
//!
//! serde_json says what is wrong in English, in a few fixed shapes: its
//! syntax errors (`expected value`, `trailing characters`, `EOF while
//! parsing a list`…) and serde's data errors (`missing field `x``,
//! `invalid type: string "a", expected u64`, `unknown variant …`). They are
//! recognised by plain string matching (no regex crate: it would add tens of
//! kilobytes to the wasm) and said again in French, the names they quote
//! (fields, variants, values) kept as they are.

use crate::core::text::i18n::Lang;

/// What [`crate::core::formats::envelope`] says for text that ends too early
/// (serde_json's `EOF while parsing …`, `Category::Eof`).
pub const TRUNCATED: &str = "the text ends too early (truncated file?)";

/// `message` (serde_json's words, or [`TRUNCATED`]) in `lang`.
pub fn said(lang: Lang, message: &str) -> String {
    match lang {
        Lang::En => message.to_owned(),
        // A shape not known here (a message written by a custom
        // deserializer, a new serde_json wording) keeps its English text,
        // after a French lead-in that says what it is.
        Lang::Fr => french(message)
            .unwrap_or_else(|| format!("erreur de lecture du JSON (en anglais) : {message}")),
    }
}

fn french(message: &str) -> Option<String> {
    let fixed = match message {
        TRUNCATED => "le texte s'arrête trop tôt (fichier tronqué ?)",
        "expected value" => "une valeur est attendue ici",
        "expected `:`" => "« : » est attendu ici",
        "expected `,` or `]`" => "« , » ou « ] » est attendu ici",
        "expected `,` or `}`" => "« , » ou « } » est attendu ici",
        "expected ident" => "true, false ou null est attendu ici",
        "trailing characters" => "du texte suit la fin du JSON",
        "trailing comma" => "une virgule de trop avant la fin",
        "key must be a string" => "une clé doit être une chaîne entre guillemets",
        "invalid escape" => "séquence d'échappement non valide",
        "invalid number" => "nombre non valide",
        "number out of range" => "nombre hors des limites",
        "invalid unicode code point" => "point de code Unicode non valide",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "caractère de contrôle dans une chaîne"
        }
        "lone leading surrogate in hex escape" => "demi-caractère UTF-16 isolé dans un échappement",
        "unexpected end of hex escape" => "échappement hexadécimal coupé",
        "recursion limit exceeded" => "trop de niveaux d'imbrication",
        "float key must be finite (got NaN or +/-inf)" => "une clé numérique doit être finie",
        _ if message.starts_with("EOF while parsing") => {
            "le texte s'arrête trop tôt (fichier tronqué ?)"
        }
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_owned());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, wanted) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "type inattendu : {}, attendu : {}",
            unexpected(found),
            expected(wanted)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, wanted) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "valeur non valide : {}, attendu : {}",
            unexpected(found),
            expected(wanted)
        ));
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, wanted) = rest.split_once(", expected ")?;
        return Some(format!(
            "longueur {length} non valide, attendu : {}",
            expected(wanted)
        ));
    }
    for (prefix, what) in [
        ("unknown variant ", "valeur inconnue"),
        ("unknown field ", "champ inconnu"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (name, tail) = rest.split_once(", ")?;
            let allowed = match tail.strip_prefix("expected ") {
                Some(wanted) => expected(wanted),
                // `there are no variants` / `there are no fields`
                None => "rien".to_owned(),
            };
            return Some(format!("{what} {name}, attendu : {allowed}"));
        }
    }
    for (prefix, what) in [
        ("missing field ", "manquant"),
        ("duplicate field ", "en double"),
    ] {
        if let Some(name) = message.strip_prefix(prefix) {
            return Some(format!("champ {name} {what}"));
        }
    }
    None
}

/// What serde found (`serde::de::Unexpected`, as serde_json writes it).
fn unexpected(found: &str) -> String {
    for (en, fr) in [
        ("string ", "la chaîne "),
        ("integer ", "l'entier "),
        ("floating point ", "le nombre "),
        ("boolean ", "le booléen "),
        ("character ", "le caractère "),
    ] {
        if let Some(value) = found.strip_prefix(en) {
            return format!("{fr}{value}");
        }
    }
    let fr = match found {
        "null" | "unit value" => "null",
        "sequence" => "une liste",
        "map" => "un objet",
        "enum" => "une énumération",
        "byte array" => "des octets",
        other => other,
    };
    fr.to_owned()
}

/// What was expected (a visitor's `expecting` text, or serde's list of
/// variants or fields).
fn expected(wanted: &str) -> String {
    let fr = match wanted {
        "a string" => "une chaîne",
        "a boolean" => "un booléen",
        "a sequence" => "une liste",
        "a map" => "un objet",
        "a JSON object" => "un objet JSON",
        "any JSON value" => "une valeur JSON",
        "a character" | "a char" => "un caractère",
        "unit" => "null",
        "f32" | "f64" => "un nombre",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" => {
            return format!("un nombre entier ({wanted})")
        }
        _ => "",
    };
    if !fr.is_empty() {
        return fr.to_owned();
    }
    if let Some(name) = wanted.strip_prefix("struct ") {
        return format!("un objet {name}");
    }
    if let Some(name) = wanted.strip_prefix("enum ") {
        return format!("une valeur de {name}");
    }
    if let Some(names) = wanted.strip_prefix("one of ") {
        return format!("l'une de {names}");
    }
    for prefix in ["a tuple of size ", "an array of length "] {
        if let Some(n) = wanted.strip_prefix(prefix) {
            return format!("une liste de {n} éléments");
        }
    }
    // `a` or `b` (two names), `a` (one), or a visitor's own words.
    wanted.replace("` or `", "` ou `")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's message for `text` read as `T`, position stripped.
    fn message<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        let e = serde_json::from_str::<T>(text).unwrap_err().to_string();
        e.rsplit_once(" at line ")
            .map_or(e.clone(), |(m, _)| m.to_owned())
    }

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Card {
        id: String,
        lane: u64,
        kind: Kind,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    enum Kind {
        Goal,
        Doing,
    }

    #[test]
    fn serde_json_messages_read_in_french() {
        let cases: Vec<(String, &str)> = vec![
            (
                message::<serde_json::Value>("[1, ?]"),
                "une valeur est attendue ici",
            ),
            (
                message::<serde_json::Value>("{} x"),
                "du texte suit la fin du JSON",
            ),
            (
                message::<serde_json::Value>("[1,]"),
                "une virgule de trop avant la fin",
            ),
            (
                message::<serde_json::Value>("{1: 2}"),
                "une clé doit être une chaîne entre guillemets",
            ),
            (
                message::<serde_json::Value>("{\"a\" 1}"),
                "« : » est attendu ici",
            ),
            (
                message::<serde_json::Value>("[1 2]"),
                "« , » ou « ] » est attendu ici",
            ),
            (
                message::<serde_json::Value>("[tru]"),
                "true, false ou null est attendu ici",
            ),
            (
                message::<serde_json::Value>("[1"),
                "le texte s'arrête trop tôt (fichier tronqué ?)",
            ),
            (
                message::<Card>(r#"{"id": "a", "lane": 1}"#),
                "champ `kind` manquant",
            ),
            (
                message::<Card>(r#"{"id": "a", "lane": "a"}"#),
                "type inattendu : la chaîne \"a\", attendu : un nombre entier (u64)",
            ),
            (
                message::<Card>(r#"{"id": 5}"#),
                "type inattendu : l'entier `5`, attendu : une chaîne",
            ),
            (
                message::<Card>(r#"{"id": "a", "lane": 1, "kind": "Feel"}"#),
                "valeur inconnue `Feel`, attendu : `Goal` ou `Doing`",
            ),
            (
                message::<Card>(r#"{"id": "a", "x": 1}"#),
                "champ inconnu `x`, attendu : l'une de `id`, `lane`, `kind`",
            ),
            (
                message::<Card>(r#"{"id": "a", "id": "b"}"#),
                "champ `id` en double",
            ),
            (
                message::<u8>("300"),
                "valeur non valide : l'entier `300`, attendu : un nombre entier (u8)",
            ),
            (
                message::<(u8, u8)>("[1]"),
                "longueur 1 non valide, attendu : une liste de 2 éléments",
            ),
            (
                message::<Card>("null"),
                "type inattendu : null, attendu : un objet Card",
            ),
        ];
        for (english, french) in cases {
            assert_eq!(said(Lang::Fr, &english), french, "{english}");
            assert_eq!(said(Lang::En, &english), english);
        }
    }

    #[test]
    fn an_unknown_shape_keeps_its_english_after_a_french_lead_in() {
        let said = said(Lang::Fr, "something new happened");
        assert!(said.starts_with("erreur de lecture du JSON"), "{said}");
        assert!(said.ends_with("something new happened"), "{said}");
    }
}
