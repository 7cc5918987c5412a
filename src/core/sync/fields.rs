//! The items of a map as the change record sees them, typed: each item's
//! key and ordering group (the same text as [`super::items`] gives from its
//! JSON), and which of its fields differ. Typed so that recording a save
//! costs a few comparisons, and no JSON machinery in the editor's wasm.

use crate::core::document::model::{
    Action, Card, Emotion, JourneyMap, Lane, Persona, Stage, Touchpoint,
};

/// A JSON string literal (ids are free text in files).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

fn quoted_or_null(text: Option<&str>) -> String {
    text.map_or_else(|| "null".to_owned(), quoted)
}

/// Push the names of the listed fields whose values differ.
macro_rules! differing {
    ($a:expr, $b:expr, $out:expr, [$($field:ident),*]) => {
        $( if $a.$field != $b.$field { $out.push(stringify!($field)); } )*
    };
}

/// An item of one of the map's collections.
pub trait Recorded {
    /// The collection's field in the map (also its ordering group when the
    /// whole list is one group).
    const COLLECTION: &'static str;
    /// Whether the screen shows these items in their order.
    const ORDERED: bool = true;
    fn key(&self) -> String;
    fn group(&self) -> String {
        Self::COLLECTION.to_owned()
    }
    /// The content fields (not the key's) that differ from `other`'s.
    fn differing(&self, other: &Self, out: &mut Vec<&'static str>);
}

impl Recorded for Persona {
    const COLLECTION: &'static str = "personas";
    fn key(&self) -> String {
        format!("persona/{}", self.id)
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(
            self,
            o,
            out,
            [
                name,
                segment,
                share,
                goals,
                motivations,
                frustrations,
                quote,
                colour,
                role,
                channels,
                avatar
            ]
        );
    }
}

impl Recorded for Stage {
    const COLLECTION: &'static str = "stages";
    fn key(&self) -> String {
        format!("stage/{}", self.id)
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(self, o, out, [name, journey]);
    }
}

impl Recorded for Lane {
    const COLLECTION: &'static str = "lanes";
    fn key(&self) -> String {
        format!("lane/{}", self.id)
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(self, o, out, [kind, title, hidden]);
    }
}

impl Recorded for Card {
    const COLLECTION: &'static str = "cards";
    fn key(&self) -> String {
        format!("card/{}", self.id)
    }
    fn group(&self) -> String {
        format!(
            "cards[{},{},{}]",
            quoted(&self.lane),
            quoted(&self.stage),
            quoted_or_null(self.persona.as_deref())
        )
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(
            self,
            o,
            out,
            [
                lane,
                stage,
                persona,
                text,
                severity,
                answers,
                customer_value,
                business_value,
                effort
            ]
        );
    }
}

impl Recorded for Touchpoint {
    const COLLECTION: &'static str = "touchpoints";
    fn key(&self) -> String {
        format!("touchpoint/{}", self.id)
    }
    fn group(&self) -> String {
        format!("touchpoints[{}]", quoted(&self.stage))
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(
            self,
            o,
            out,
            [stage, name, channel, classification, department, readings]
        );
    }
}

impl Recorded for Emotion {
    const COLLECTION: &'static str = "emotions";
    const ORDERED: bool = false;
    fn key(&self) -> String {
        // As the file writes it: `future` is left out (null) when false.
        format!(
            "emotion[{},{},{}]",
            quoted(&self.stage),
            quoted_or_null(self.persona.as_deref()),
            if self.future { "true" } else { "null" }
        )
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(self, o, out, [value]);
    }
}

impl Recorded for Action {
    const COLLECTION: &'static str = "actions";
    fn key(&self) -> String {
        format!("action/{}", self.id)
    }
    fn differing(&self, o: &Self, out: &mut Vec<&'static str>) {
        differing!(
            self,
            o,
            out,
            [title, owner, status, card, touchpoint, department, due, metric, done_at]
        );
    }
}

/// The map's own fields that differ (its identity, dates and sync section
/// are not merged as fields).
pub fn differing_map_fields(a: &JourneyMap, b: &JourneyMap) -> Vec<&'static str> {
    let mut out = Vec::new();
    differing!(
        a,
        b,
        out,
        [
            title,
            kind,
            description,
            owner,
            scales,
            branding,
            based_on,
            comments
        ]
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{SequentialIds, Stage};
    use crate::core::sync::items::{map_fields, Collection};
    use crate::core::text::i18n::Lang;

    /// Each item's typed key and group against those read from its JSON,
    /// and every serialized field is compared by the typed record.
    fn same_as_json<T: Recorded + serde::Serialize + serde::de::DeserializeOwned>(
        items: &[T],
        c: Collection,
    ) {
        let json = c.items_of(items);
        assert_eq!(json.len(), items.len());
        for (item, j) in items.iter().zip(&json) {
            assert_eq!(item.key(), j.key);
            assert_eq!(item.group(), j.group);
            for field in j.fields.keys() {
                if c.key_fields().contains(&field.as_str()) {
                    continue;
                }
                // Change that one field in the JSON, read it back: the typed
                // record must name exactly that field.
                let mut changed = j.fields.clone();
                let next = match &changed[field] {
                    serde_json::Value::String(s) => format!("{s}x").into(),
                    serde_json::Value::Bool(b) => (!*b).into(),
                    serde_json::Value::Number(n) => (n.as_f64().unwrap() + 1.0).into(),
                    serde_json::Value::Array(_) => serde_json::json!([]),
                    other => other.clone(),
                };
                changed.insert(field.clone(), next);
                if changed == j.fields {
                    continue; // null or an object: nothing simple to change
                }
                let Ok(other) = serde_json::from_value::<T>(changed.into()) else {
                    continue; // an enum's variant + "x": not a value to compare
                };
                let mut out = Vec::new();
                item.differing(&other, &mut out);
                assert_eq!(out, [field.as_str()], "{}", j.key);
            }
        }
        assert_eq!(T::COLLECTION, c.field());
        assert_eq!(T::ORDERED, c.ordered());
    }

    #[test]
    fn typed_keys_groups_and_fields_match_the_files() {
        let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("d\"/"), 0);
        map.emotions[0].future = true;
        map.stages.push(Stage {
            id: "odd \"id\" / é".into(),
            name: "x".into(),
            journey: String::new(),
        });
        same_as_json(&map.personas, Collection::Personas);
        same_as_json(&map.stages, Collection::Stages);
        same_as_json(&map.lanes, Collection::Lanes);
        same_as_json(&map.cards, Collection::Cards);
        same_as_json(&map.touchpoints, Collection::Touchpoints);
        same_as_json(&map.emotions, Collection::Emotions);
        same_as_json(&map.actions, Collection::Actions);
        let mut other = map.clone();
        other.title.push('x');
        other.scales.csat.high += 1;
        assert_eq!(differing_map_fields(&map, &other), ["title", "scales"]);
        assert_eq!(map_fields(&map).len(), 4, "every map field is compared");
        other.branding.organisation = "Acme".into();
        assert_eq!(
            differing_map_fields(&map, &other),
            ["title", "scales", "branding"]
        );
    }
}
