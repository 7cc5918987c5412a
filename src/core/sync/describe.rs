//! A conflict in words, for the merge dialog: what it is about, and what
//! each copy holds, in the UI language.

use serde_json::Value;

use super::items::{Collection, MAP_ITEM};
use super::merge::{Conflict, ConflictKind, Side};
use crate::core::document::model::{Channel, Classification, JourneyMap, LaneKind, MapKind};
use crate::core::text::i18n::{format_decimal, lane_title, Lang};

/// What the user reads about one conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictText {
    /// "Stage “Purchase” — name", "Card “Compares offers”", "Order of stages".
    pub what: String,
    /// The choice that keeps this browser's side.
    pub ours: String,
    /// The choice that takes the file's side.
    pub theirs: String,
}

fn tr(lang: Lang, en: &'static str, fr: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
}

/// The name of a kind of item.
pub fn kind_name(collection: Option<Collection>, lang: Lang) -> &'static str {
    let (en, fr) = match collection {
        None => ("Map", "Carte"),
        Some(Collection::Personas) => ("Persona", "Persona"),
        Some(Collection::Stages) => ("Stage", "Étape"),
        Some(Collection::Lanes) => ("Lane", "Ligne"),
        Some(Collection::Cards) => ("Card", "Carte"),
        Some(Collection::Touchpoints) => ("Touchpoint", "Point de contact"),
        Some(Collection::Emotions) => ("Emotion at stage", "Émotion à l'étape"),
        Some(Collection::Actions) => ("Action", "Action"),
    };
    tr(lang, en, fr)
}

/// The name of a field, as the editor labels it.
pub fn field_name(field: &str, lang: Lang) -> String {
    let (en, fr) = match field {
        "title" => ("title", "titre"),
        "name" => ("name", "nom"),
        "text" => ("text", "texte"),
        "description" => ("description", "description"),
        "kind" => ("kind", "type"),
        "scales" => (
            "answer scales and weighting",
            "échelles de réponse et pondération",
        ),
        "channel" => ("channel", "canal"),
        "classification" => ("classification", "classement"),
        "department" => ("department", "service"),
        "readings" => ("figures", "indicateurs"),
        "value" => ("value", "valeur"),
        "segment" => ("segment", "segment"),
        "share" => ("share of customers", "part des clients"),
        "goals" => ("goals", "objectifs"),
        "motivations" => ("motivations", "motivations"),
        "frustrations" => ("frustrations", "frustrations"),
        "quote" => ("quote", "citation"),
        "colour" => ("colour", "couleur"),
        "hidden" => ("hidden", "masquée"),
        "lane" => ("lane", "ligne"),
        "stage" => ("stage", "étape"),
        "persona" => ("persona", "persona"),
        "owner" => ("owner", "responsable"),
        "status" => ("status", "statut"),
        "card" => ("card", "carte"),
        "touchpoint" => ("touchpoint", "point de contact"),
        other => return other.to_owned(),
    };
    tr(lang, en, fr).to_owned()
}

/// A field's value as text: names for ids and enums, "(empty)" for nothing.
fn value_text(field: &str, value: &Value, maps: [&JourneyMap; 2], lang: Lang) -> String {
    let empty = || tr(lang, "(empty)", "(vide)").to_owned();
    let named = |kind: &str| {
        value
            .as_str()
            .map(|id| item_name(&format!("{kind}/{id}"), maps, lang))
    };
    let parsed = |v: &Value| -> Option<String> {
        Some(match field {
            "channel" => serde_json::from_value::<Channel>(v.clone())
                .ok()?
                .label(lang)
                .to_owned(),
            "classification" => serde_json::from_value::<Classification>(v.clone())
                .ok()?
                .label(lang)
                .to_owned(),
            "kind" => match serde_json::from_value::<MapKind>(v.clone()) {
                Ok(kind) => kind.label(lang).to_owned(),
                Err(_) => serde_json::from_value::<LaneKind>(v.clone())
                    .ok()?
                    .label(lang)
                    .to_owned(),
            },
            "stage" | "lane" | "persona" | "card" | "touchpoint" => named(field)?,
            _ => return None,
        })
    };
    match value {
        Value::Null => empty(),
        Value::String(s) if s.is_empty() => empty(),
        v if parsed(v).is_some() => parsed(v).unwrap_or_default(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => tr(
            lang,
            if *b { "yes" } else { "no" },
            if *b { "oui" } else { "non" },
        )
        .to_owned(),
        Value::Number(n) => n
            .as_f64()
            .map(|x| format_decimal(lang, x))
            .unwrap_or_default(),
        Value::Array(items) => format!("{} {}", items.len(), tr(lang, "items", "éléments")),
        Value::Object(_) => value.to_string(),
    }
}

/// What an item is called, found in either map.
fn item_name(key: &str, maps: [&JourneyMap; 2], lang: Lang) -> String {
    let Some((kind, id)) = key.split_once('/') else {
        return key.to_owned();
    };
    maps.iter()
        .find_map(|map| match kind {
            "stage" => map
                .stages
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone()),
            "lane" => map
                .lanes
                .iter()
                .find(|l| l.id == id)
                .map(|l| lane_title(l.kind, &l.title, lang)),
            "persona" => map
                .personas
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone()),
            "card" => map
                .cards
                .iter()
                .find(|c| c.id == id)
                .map(|c| c.text.clone()),
            "touchpoint" => map
                .touchpoints
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.name.clone()),
            "action" => map
                .actions
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.title.clone()),
            _ => None,
        })
        .unwrap_or_else(|| id.to_owned())
}

/// A long text cut to a readable length.
fn short(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Describe `conflict` of a merge whose result is `merged` and whose other
/// copy is `theirs`.
pub fn describe(
    conflict: &Conflict,
    merged: &JourneyMap,
    theirs: &JourneyMap,
    lang: Lang,
) -> ConflictText {
    let maps = [merged, theirs];
    let collection = conflict.collection();
    let item = if conflict.item == MAP_ITEM {
        kind_name(None, lang).to_owned()
    } else if conflict.label.is_empty() {
        kind_name(collection, lang).to_owned()
    } else {
        format!(
            "{} « {} »",
            kind_name(collection, lang),
            short(&conflict.label)
        )
        .replace("« ", tr(lang, "“", "« "))
        .replace(" »", tr(lang, "”", " »"))
    };
    match &conflict.kind {
        ConflictKind::Field {
            field,
            ours,
            theirs,
        } => ConflictText {
            what: format!("{item} — {}", field_name(field, lang)),
            ours: short(&value_text(field, ours, maps, lang)),
            theirs: short(&value_text(field, theirs, maps, lang)),
        },
        ConflictKind::Removed { removed_in } => {
            let deleted = tr(lang, "Delete it", "La supprimer");
            let kept = tr(
                lang,
                "Keep it, with its changes",
                "La garder, avec ses modifications",
            );
            let (ours, theirs) = match removed_in {
                Side::Ours => (
                    format!("{deleted} ({})", tr(lang, "deleted here", "supprimée ici")),
                    kept.to_owned(),
                ),
                Side::Theirs => (
                    kept.to_owned(),
                    format!(
                        "{deleted} ({})",
                        tr(lang, "deleted in the file", "supprimée dans le fichier")
                    ),
                ),
            };
            ConflictText {
                what: item,
                ours,
                theirs,
            }
        }
        ConflictKind::Order {
            theirs: theirs_order,
            ..
        } => {
            let of_group = |keys: &[String]| {
                keys.iter()
                    .map(|k| short(&item_name(k, maps, lang)))
                    .collect::<Vec<_>>()
                    .join(" → ")
            };
            let ours_order: Vec<String> = collection
                .map(|c| {
                    c.items(merged)
                        .into_iter()
                        .filter(|i| i.group == conflict.item)
                        .map(|i| i.key)
                        .filter(|k| theirs_order.contains(k))
                        .collect()
                })
                .unwrap_or_default();
            let what = format!(
                "{} {}",
                tr(lang, "Order of the", "Ordre des"),
                match collection {
                    Some(Collection::Stages) => tr(lang, "stages", "étapes"),
                    Some(Collection::Lanes) => tr(lang, "lanes", "lignes"),
                    Some(Collection::Personas) => tr(lang, "personas", "personas"),
                    Some(Collection::Touchpoints) => tr(
                        lang,
                        "touchpoints of a stage",
                        "points de contact d'une étape"
                    ),
                    Some(Collection::Cards) => tr(lang, "cards of a cell", "cartes d'une case"),
                    _ => tr(lang, "actions", "actions"),
                }
            );
            ConflictText {
                what,
                ours: of_group(&ours_order),
                theirs: of_group(theirs_order),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::model::SequentialIds;
    use crate::core::sync::{merge, record};

    fn copies() -> (JourneyMap, JourneyMap, JourneyMap) {
        let o = JourneyMap::blank(&mut SequentialIds::new("o"), "Map", ["A", "B", "C"], 0);
        let mut ours = o.clone();
        ours.stages[0].name = "Découverte".into();
        ours.stages.swap(1, 2);
        record(&o, &mut ours, "a");
        let mut theirs = o.clone();
        theirs.stages[0].name = "Discovery <b>".into();
        theirs.stages.swap(0, 2);
        record(&o, &mut theirs, "b");
        (o, ours, theirs)
    }

    #[test]
    fn a_field_conflict_names_the_item_the_field_and_both_values() {
        let (_, ours, theirs) = copies();
        let m = merge(&ours, &theirs).unwrap();
        let text = describe(&m.conflicts[0], &m.map, &theirs, Lang::Fr);
        assert_eq!(text.what, "Étape « Découverte » — nom");
        assert_eq!(text.ours, "Découverte");
        assert_eq!(text.theirs, "Discovery <b>", "text, never markup");
        let text = describe(&m.conflicts[0], &m.map, &theirs, Lang::En);
        assert_eq!(text.what, "Stage “Découverte” — name");
    }

    #[test]
    fn an_order_conflict_shows_both_orders_by_name() {
        let (_, ours, theirs) = copies();
        let m = merge(&ours, &theirs).unwrap();
        let order = m
            .conflicts
            .iter()
            .find(|c| matches!(c.kind, ConflictKind::Order { .. }))
            .unwrap();
        let text = describe(order, &m.map, &theirs, Lang::En);
        assert_eq!(text.what, "Order of the stages");
        assert_eq!(text.ours, "Découverte → C → B");
        assert_eq!(text.theirs, "C → B → Découverte");
    }

    #[test]
    fn values_read_as_the_editor_names_them() {
        let (_, ours, theirs) = copies();
        let maps = [&ours, &theirs];
        assert_eq!(
            value_text("channel", &"call_centre".into(), maps, Lang::En),
            "Call centre"
        );
        assert_eq!(value_text("text", &"".into(), maps, Lang::Fr), "(vide)");
        let stage = ours.stages[0].id.clone();
        assert_eq!(
            value_text("stage", &stage.into(), maps, Lang::En),
            "Découverte"
        );
        assert_eq!(
            value_text("share", &serde_json::json!(12.5), maps, Lang::Fr),
            "12,5"
        );
        assert_eq!(short(&"x".repeat(100)).chars().count(), 60);
    }
}
