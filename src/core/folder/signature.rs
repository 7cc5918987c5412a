//! Who last wrote a map's file in the shared folder: each Parcours that
//! writes the file puts its user's name (`core::storage::profile`) at the
//! top of the envelope, `"saved_by": "Camille"`, so that a teammate's
//! banner can say *Camille: 3 cards added (1 min ago)*.
//!
//! The field sits beside `format` and `version`, outside the map: the
//! envelope reader ignores fields it does not know, so a file signed here
//! opens in every Parcours, and the map (its format, its merge) is the same
//! signed or not. The name says who saved the file last: when that person's
//! Parcours had merged someone else's edits before saving, those come
//! under the same name (the file holds no finer record of who did what).

use serde::Deserialize;

use crate::core::storage::profile;

/// The envelope's field holding the name.
pub const FIELD: &str = "saved_by";

/// `text` (an envelope as `envelope::to_json` or `to_json_pretty` writes
/// it, which always opens with `{`) signed with `name`; unchanged without a
/// name. Pretty text stays pretty: the field goes on a line of its own.
pub fn sign(text: &str, name: Option<&str>) -> String {
    let (Some(name), Some(rest)) = (name, text.strip_prefix('{')) else {
        return text.to_owned();
    };
    let quoted = serde_json::to_string(name).expect("a string always serializes");
    match rest.strip_prefix("\n  ") {
        Some(body) => format!("{{\n  \"{FIELD}\": {quoted},\n  {body}"),
        None => format!("{{\"{FIELD}\":{quoted},{rest}"),
    }
}

/// The field as found, raw: a signature of the wrong type must not make the
/// reading fail (and no `Value` code is needed for it).
#[derive(Deserialize)]
struct Signed<'a> {
    #[serde(default, borrow)]
    saved_by: Option<&'a serde_json::value::RawValue>,
}

/// The name a file was signed with, when it is one a person could have set
/// here (one line, 1 to 80 characters): anything else in that field (a
/// number, a page of text, a line break) is not shown, and the file still
/// opens as a map.
pub fn signed_by(text: &str) -> Option<String> {
    let signed: Signed = serde_json::from_str(text).ok()?;
    let name: String = serde_json::from_str(signed.saved_by?.get()).ok()?;
    profile::is_kept_name(&name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::JourneyMap;
    use crate::core::formats::envelope;

    fn map() -> JourneyMap {
        let mut ids = crate::core::document::model::SequentialIds::new("s");
        JourneyMap::blank(
            &mut ids,
            "Livraison",
            ["Commande", "Attente", "Réception"],
            1_700_000_000_000,
        )
    }

    #[test]
    fn a_signed_file_reads_as_the_same_map_with_its_name() {
        let m = map();
        for text in [envelope::to_json_pretty(&m, 3), envelope::to_json(&m, 3)] {
            let signed = sign(&text, Some("Camille \"Cam\" Durand"));
            assert_eq!(
                signed_by(&signed).as_deref(),
                Some("Camille \"Cam\" Durand")
            );
            let read = envelope::from_json(&signed).expect("a signed file opens");
            assert_eq!((read.map, read.revision), (m.clone(), 3));
            assert_eq!(signed_by(&text), None, "unsigned");
            assert_eq!(sign(&text, None), text);
        }
        let pretty = sign(&envelope::to_json_pretty(&m, 3), Some("Léa"));
        assert!(
            pretty.starts_with("{\n  \"saved_by\": \"Léa\",\n  \"format\": \"parcours.map\","),
            "{}",
            &pretty[..80]
        );
    }

    #[test]
    fn hostile_or_odd_signatures_are_not_shown_and_the_map_still_opens() {
        let m = map();
        let text = envelope::to_json(&m, 1);
        let body = text.strip_prefix('{').unwrap();
        for field in [
            "7",
            "null",
            "\"\"",
            "\"  Léa\"",
            "\"a\\nb\"",
            "{\"name\":\"x\"}",
            &format!("\"{}\"", "x".repeat(81)),
        ] {
            let odd = format!("{{\"saved_by\":{field},{body}");
            assert_eq!(signed_by(&odd), None, "{field}");
            assert!(envelope::from_json(&odd).is_ok(), "{field}");
        }
        let html = sign(&text, Some("<img src=x onerror=alert(1)>"));
        assert_eq!(
            signed_by(&html).as_deref(),
            Some("<img src=x onerror=alert(1)>"),
            "text stays text: the banner renders it as text"
        );
        assert_eq!(signed_by("not json"), None);
    }
}
