//! The names of map files in a shared folder.

/// What every map file's name ends with: `*.json` alone would take in any
/// JSON a team keeps beside its maps.
pub const SUFFIX: &str = ".parcours.json";

/// The longest stem written: Windows shares refuse paths over 260
/// characters, and the folder itself may be deep.
const MAX_STEM_CHARS: usize = 60;

/// Names Windows refuses for a file, whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Is `name` a map file of a shared folder (by its name alone)?
pub fn is_map_file(name: &str) -> bool {
    name.len() > SUFFIX.len()
        && name
            .get(name.len() - SUFFIX.len()..)
            .is_some_and(|end| end.eq_ignore_ascii_case(SUFFIX))
}

/// A file name for a map titled `title`, not `taken` in the folder: the
/// title in lower-case ASCII (accents dropped, so that every drive and
/// every system spells it the same), words joined by `-`, then `-2`, `-3`…
/// if needed.
pub fn file_name_for(title: &str, taken: &dyn Fn(&str) -> bool) -> String {
    let stem = stem_of(title);
    let mut name = format!("{stem}{SUFFIX}");
    let mut n = 2;
    while taken(&name) {
        name = format!("{stem}-{n}{SUFFIX}");
        n += 1;
    }
    name
}

fn stem_of(title: &str) -> String {
    let mut stem = String::new();
    let mut gap = false;
    for c in title.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            if gap && !stem.is_empty() {
                stem.push('-');
            }
            gap = false;
            if stem.chars().count() >= MAX_STEM_CHARS {
                break;
            }
            stem.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if stem.is_empty() || RESERVED.contains(&stem.as_str()) {
        stem.insert_str(0, if stem.is_empty() { "map" } else { "map-" });
    }
    stem
}

/// A letter without its accent (the Latin letters French and English maps
/// use); any other non-ASCII character becomes a gap.
fn fold(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        _ => "",
    };
    let own = folded
        .is_empty()
        .then_some(if c.is_ascii() { c } else { ' ' });
    own.into_iter().chain(folded.chars())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> bool {
        false
    }

    #[test]
    fn a_title_becomes_a_plain_name() {
        assert_eq!(
            file_name_for("Parcours d'achat : étape « Réception »", &none),
            "parcours-d-achat-etape-reception.parcours.json"
        );
        assert_eq!(
            file_name_for("Œuvre   2026", &none),
            "oeuvre-2026.parcours.json"
        );
        assert_eq!(file_name_for("", &none), "map.parcours.json");
        assert_eq!(file_name_for("💡 ?!", &none), "map.parcours.json");
        assert_eq!(
            file_name_for("avant→après", &none),
            "avant-apres.parcours.json"
        );
        assert_eq!(file_name_for("CON", &none), "map-con.parcours.json");
        let long = file_name_for(&"a".repeat(500), &none);
        assert_eq!(long.len(), MAX_STEM_CHARS + SUFFIX.len());
    }

    #[test]
    fn a_taken_name_gets_a_number() {
        let taken = |n: &str| n == "onboarding.parcours.json" || n == "onboarding-2.parcours.json";
        assert_eq!(
            file_name_for("Onboarding", &taken),
            "onboarding-3.parcours.json"
        );
    }

    #[test]
    fn only_map_files_count() {
        assert!(is_map_file("onboarding.parcours.json"));
        assert!(is_map_file("Onboarding.PARCOURS.JSON"));
        assert!(!is_map_file(".parcours.json"));
        assert!(!is_map_file("notes.json"));
        assert!(!is_map_file("é.parcours.jso"));
        assert!(!is_map_file("ééé"));
    }
}
