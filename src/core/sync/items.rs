//! A map seen as keyed items with fields, the unit of merging: the map's own
//! fields (`map`), then each collection's items (`stage/<id>`, `card/<id>`,
//! `emotion[…]`…), in order, with the group whose order the screen shows.

use serde_json::{Map, Value};

use crate::core::document::model::{JourneyMap, Millis};

/// The key of the map's own fields (title, kind, description, scales…).
pub const MAP_ITEM: &str = "map";

pub use crate::core::document::items::Collection;

/// What merging needs of a collection beyond [`Collection`]'s description.
impl Collection {
    /// The fields that make an item's key rather than its content.
    pub fn key_fields(self) -> &'static [&'static str] {
        match self {
            // An emotion is the value of one (stage, persona, state) point.
            Collection::Emotions => &["stage", "persona", "future"],
            _ => &["id"],
        }
    }

    /// Whether the screen shows the items in their order (an emotion is a
    /// point of a curve: its place in the list means nothing).
    pub fn ordered(self) -> bool {
        self != Collection::Emotions
    }

    /// The items of this collection in `map`, in order.
    pub fn items(self, map: &JourneyMap) -> Vec<Item> {
        let value = match self {
            Collection::Personas => serde_json::to_value(&map.personas),
            Collection::Stages => serde_json::to_value(&map.stages),
            Collection::Lanes => serde_json::to_value(&map.lanes),
            Collection::Cards => serde_json::to_value(&map.cards),
            Collection::Touchpoints => serde_json::to_value(&map.touchpoints),
            Collection::Emotions => serde_json::to_value(&map.emotions),
            Collection::Actions => serde_json::to_value(&map.actions),
        };
        self.read(value)
    }

    /// The items of a list of this collection's items.
    #[cfg(test)]
    pub fn items_of<T: serde::Serialize>(self, items: &[T]) -> Vec<Item> {
        self.read(serde_json::to_value(items))
    }

    fn read(self, value: Result<Value, serde_json::Error>) -> Vec<Item> {
        match value {
            Ok(Value::Array(items)) => items
                .into_iter()
                .filter_map(|v| match v {
                    Value::Object(fields) => Some(Item::new(self, fields)),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The key of the item `fields` belongs to.
    pub fn key_of(self, fields: &Map<String, Value>) -> String {
        match self {
            Collection::Emotions => {
                let point: Vec<&Value> = self
                    .key_fields()
                    .iter()
                    .map(|f| fields.get(*f).unwrap_or(&Value::Null))
                    .collect();
                format!("emotion{}", Value::from_iter(point.into_iter().cloned()))
            }
            _ => format!(
                "{}/{}",
                self.kind(),
                fields.get("id").and_then(Value::as_str).unwrap_or_default()
            ),
        }
    }

    /// The group whose order the screen shows: a cell's cards, a stage's
    /// touchpoints, or the whole list.
    pub fn group_of(self, fields: &Map<String, Value>) -> String {
        let part = |f: &str| fields.get(f).cloned().unwrap_or(Value::Null);
        match self {
            Collection::Cards => format!(
                "cards{}",
                Value::from_iter([part("lane"), part("stage"), part("persona")])
            ),
            Collection::Touchpoints => format!("touchpoints{}", Value::from_iter([part("stage")])),
            _ => self.field().to_owned(),
        }
    }

    pub fn of_key(key: &str) -> Option<Collection> {
        Collection::ALL.into_iter().find(|c| {
            key.strip_prefix(c.kind())
                .is_some_and(|rest| rest.starts_with('/') || rest.starts_with('['))
        })
    }
}

/// One item: its key, the group it is ordered in, and all its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub key: String,
    pub group: String,
    pub fields: Map<String, Value>,
}

impl Item {
    pub fn new(collection: Collection, fields: Map<String, Value>) -> Self {
        Item {
            key: collection.key_of(&fields),
            group: collection.group_of(&fields),
            fields,
        }
    }
}

/// The map's own mergeable fields, borrowed for serializing (a test checks
/// that every top-level field of a map is here, a collection, or its
/// identity, dates and sync section).
#[derive(serde::Serialize)]
struct MapFields<'a> {
    title: &'a str,
    kind: crate::core::document::model::MapKind,
    description: &'a str,
    /// Absent when empty, as in the file.
    #[serde(skip_serializing_if = "str::is_empty")]
    owner: &'a str,
    scales: crate::core::document::model::Scales,
    /// Absent when empty, as in the file.
    #[serde(skip_serializing_if = "crate::core::document::branding::Branding::is_empty")]
    branding: &'a crate::core::document::branding::Branding,
    /// Absent when none, as in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    based_on: Option<&'a str>,
    /// Absent when none, as in the file; merged as one list (see merge.rs).
    #[serde(skip_serializing_if = "crate::core::document::comment::CommentsText::is_empty")]
    comments: &'a crate::core::document::comment::CommentsText,
}

/// The map's own mergeable fields (title, kind, description, owner,
/// scales, branding, based_on, comments).
pub fn map_fields(map: &JourneyMap) -> Map<String, Value> {
    let fields = MapFields {
        title: &map.title,
        kind: map.kind,
        description: &map.description,
        owner: &map.owner,
        scales: map.scales,
        branding: &map.branding,
        based_on: map.based_on.as_deref(),
        comments: &map.comments,
    };
    match serde_json::to_value(fields) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// A whole map from its parts (its id and dates, fields, items, sync
/// section): the result of a merge.
pub fn compose(
    (id, created, modified): (&str, Millis, Millis),
    fields: Map<String, Value>,
    collections: Vec<(Collection, Vec<Item>)>,
    sync: &super::SyncState,
) -> Result<JourneyMap, serde_json::Error> {
    let mut map = fields;
    map.insert("id".into(), Value::from(id));
    map.insert("created".into(), Value::from(created));
    map.insert("modified".into(), Value::from(modified));
    map.insert("sync".into(), serde_json::to_value(sync)?);
    for (collection, items) in collections {
        map.insert(
            collection.field().into(),
            Value::Array(items.into_iter().map(|i| Value::Object(i.fields)).collect()),
        );
    }
    serde_json::from_value(Value::Object(map))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo;

    /// The map's top-level fields that are not merged as fields: identity,
    /// dates (the merge takes the earliest creation and the latest change),
    /// the sync section itself, and the collections.
    const NOT_FIELDS: [&str; 4] = ["id", "created", "modified", "sync"];

    #[test]
    fn every_top_level_field_of_a_map_is_merged_somehow() {
        let mut map = demo::demo_map(
            crate::core::text::i18n::Lang::En,
            &mut crate::core::document::model::SequentialIds::new("d"),
            0,
        );
        // Every optional field filled, so that each is written.
        map.branding.organisation = "Acme".into();
        let Ok(Value::Object(all)) = serde_json::to_value(&map) else {
            panic!("a map serializes to an object")
        };
        let merged = map_fields(&map);
        for name in all.keys() {
            assert!(
                merged.contains_key(name)
                    || NOT_FIELDS.contains(&name.as_str())
                    || Collection::ALL.iter().any(|c| c.field() == name),
                "the map's field `{name}` is not merged: add it to MapFields"
            );
        }
    }

    #[test]
    fn a_map_comes_back_from_its_items() {
        let map = demo::demo_map(
            crate::core::text::i18n::Lang::Fr,
            &mut crate::core::document::model::SequentialIds::new("d"),
            0,
        );
        let collections = Collection::ALL
            .into_iter()
            .map(|c| (c, c.items(&map)))
            .collect();
        let identity = (map.id.as_str(), map.created, map.modified);
        let back = compose(identity, map_fields(&map), collections, &map.sync).unwrap();
        assert_eq!(back, map);
    }

    #[test]
    fn keys_name_their_collection_and_cannot_collide() {
        let map = demo::demo_map(
            crate::core::text::i18n::Lang::En,
            &mut crate::core::document::model::SequentialIds::new("d"),
            0,
        );
        let mut keys = std::collections::HashSet::new();
        for c in Collection::ALL {
            for item in c.items(&map) {
                assert_eq!(Collection::of_key(&item.key), Some(c), "{}", item.key);
                assert!(keys.insert(item.key.clone()), "{}", item.key);
            }
        }
        assert!(keys.iter().any(|k| k.starts_with("emotion[")));
    }
}
