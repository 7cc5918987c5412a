//! The map's item collections, described once: each one's name, its items'
//! ids and the references they hold to items of other collections. The
//! validation (unique ids, references that resolve), the duplicate (new ids,
//! references follow), the merge and the edits walk the collections through
//! these functions, so a new kind of item is added here and in the model.
//!
//! Plain functions over a small enum (one `match` each), not a trait
//! implemented per item type: the walk is compiled once, not seven times,
//! which keeps the wasm small.

use crate::core::document::model::JourneyMap;

/// A collection of the map: its field name in the file and its items' kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Collection {
    Personas,
    Stages,
    Lanes,
    Cards,
    Touchpoints,
    Emotions,
    Actions,
}

/// Where in an item a reference is: a field of its own, or the persona of
/// a touchpoint's reading's slice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefAt {
    Field(&'static str),
    ReadingPersona { reading: usize, slice: usize },
}

impl RefAt {
    /// The path from the item, as in a problem's path (`lane`,
    /// `readings[0].personas[1].persona`).
    pub fn path(self) -> String {
        match self {
            RefAt::Field(name) => name.to_owned(),
            RefAt::ReadingPersona { reading, slice } => {
                format!("readings[{reading}].personas[{slice}].persona")
            }
        }
    }
}

/// One reference an item holds: where, to which collection, which id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ref<'a> {
    pub at: RefAt,
    pub to: Collection,
    pub id: &'a str,
}

impl Collection {
    /// In the file's order.
    pub const ALL: [Collection; 7] = [
        Collection::Personas,
        Collection::Stages,
        Collection::Lanes,
        Collection::Cards,
        Collection::Touchpoints,
        Collection::Emotions,
        Collection::Actions,
    ];

    /// The collection's field in the file (`cards`).
    pub fn field(self) -> &'static str {
        match self {
            Collection::Personas => "personas",
            Collection::Stages => "stages",
            Collection::Lanes => "lanes",
            Collection::Cards => "cards",
            Collection::Touchpoints => "touchpoints",
            Collection::Emotions => "emotions",
            Collection::Actions => "actions",
        }
    }

    /// Its items' kind (`card`), as in merge keys and error messages.
    pub fn kind(self) -> &'static str {
        match self {
            Collection::Personas => "persona",
            Collection::Stages => "stage",
            Collection::Lanes => "lane",
            Collection::Cards => "card",
            Collection::Touchpoints => "touchpoint",
            Collection::Emotions => "emotion",
            Collection::Actions => "action",
        }
    }

    /// How many items `map` has in this collection.
    pub fn len(self, map: &JourneyMap) -> usize {
        match self {
            Collection::Personas => map.personas.len(),
            Collection::Stages => map.stages.len(),
            Collection::Lanes => map.lanes.len(),
            Collection::Cards => map.cards.len(),
            Collection::Touchpoints => map.touchpoints.len(),
            Collection::Emotions => map.emotions.len(),
            Collection::Actions => map.actions.len(),
        }
    }

    /// The id of item `i`; `None` for emotions (a point of the curve,
    /// known by its stage and persona) and past the end.
    pub fn id(self, map: &JourneyMap, i: usize) -> Option<&str> {
        let id = match self {
            Collection::Personas => &map.personas.get(i)?.id,
            Collection::Stages => &map.stages.get(i)?.id,
            Collection::Lanes => &map.lanes.get(i)?.id,
            Collection::Cards => &map.cards.get(i)?.id,
            Collection::Touchpoints => &map.touchpoints.get(i)?.id,
            Collection::Emotions => return None,
            Collection::Actions => &map.actions.get(i)?.id,
        };
        Some(id)
    }

    /// Whether this collection's items have ids.
    pub fn has_ids(self) -> bool {
        self != Collection::Emotions
    }

    /// The ids of this collection's items, in order.
    pub fn ids(self, map: &JourneyMap) -> impl Iterator<Item = &str> {
        (0..self.len(map)).filter_map(move |i| self.id(map, i))
    }

    /// The references item `i` holds, in the order of its fields.
    pub fn refs<'a>(self, map: &'a JourneyMap, i: usize) -> Vec<Ref<'a>> {
        let mut refs = Vec::new();
        let mut to = |at: &'static str, to: Collection, id: Option<&'a String>| {
            if let Some(id) = id {
                refs.push(Ref {
                    at: RefAt::Field(at),
                    to,
                    id,
                });
            }
        };
        match self {
            Collection::Personas | Collection::Stages | Collection::Lanes => {}
            Collection::Cards => {
                let Some(c) = map.cards.get(i) else {
                    return refs;
                };
                to("lane", Collection::Lanes, Some(&c.lane));
                to("stage", Collection::Stages, Some(&c.stage));
                to("persona", Collection::Personas, c.persona.as_ref());
                // A pain point card (the validation checks its lane).
                to("answers", Collection::Cards, c.answers.as_ref());
            }
            Collection::Touchpoints => {
                let Some(t) = map.touchpoints.get(i) else {
                    return refs;
                };
                to("stage", Collection::Stages, Some(&t.stage));
                for (reading, r) in t.readings.iter().enumerate() {
                    for (slice, s) in r.personas.iter().enumerate() {
                        refs.push(Ref {
                            at: RefAt::ReadingPersona { reading, slice },
                            to: Collection::Personas,
                            id: &s.persona,
                        });
                    }
                }
            }
            Collection::Emotions => {
                let Some(e) = map.emotions.get(i) else {
                    return refs;
                };
                to("stage", Collection::Stages, Some(&e.stage));
                to("persona", Collection::Personas, e.persona.as_ref());
            }
            Collection::Actions => {
                let Some(a) = map.actions.get(i) else {
                    return refs;
                };
                to("card", Collection::Cards, a.card.as_ref());
                to("touchpoint", Collection::Touchpoints, a.touchpoint.as_ref());
            }
        }
        refs
    }

    /// Visit, item by item, each id of this collection's items and then the
    /// references the item holds (in the order of [`Collection::refs`]),
    /// mutably: the duplicate renames them all.
    pub fn each_id_mut(self, map: &mut JourneyMap, f: &mut dyn FnMut(&mut String)) {
        fn opt(id: &mut Option<String>, f: &mut dyn FnMut(&mut String)) {
            if let Some(id) = id {
                f(id);
            }
        }
        match self {
            Collection::Personas => map.personas.iter_mut().for_each(|p| f(&mut p.id)),
            Collection::Stages => map.stages.iter_mut().for_each(|s| f(&mut s.id)),
            Collection::Lanes => map.lanes.iter_mut().for_each(|l| f(&mut l.id)),
            Collection::Cards => {
                for c in &mut map.cards {
                    f(&mut c.id);
                    f(&mut c.lane);
                    f(&mut c.stage);
                    opt(&mut c.persona, f);
                    opt(&mut c.answers, f);
                }
            }
            Collection::Touchpoints => {
                for t in &mut map.touchpoints {
                    f(&mut t.id);
                    f(&mut t.stage);
                    for r in &mut t.readings {
                        r.personas.iter_mut().for_each(|s| f(&mut s.persona));
                    }
                }
            }
            Collection::Emotions => {
                for e in &mut map.emotions {
                    f(&mut e.stage);
                    opt(&mut e.persona, f);
                }
            }
            Collection::Actions => {
                for a in &mut map.actions {
                    f(&mut a.id);
                    opt(&mut a.card, f);
                    opt(&mut a.touchpoint, f);
                }
            }
        }
    }
}

/// Whether `id` is the map's or any item's id.
pub fn id_used(map: &JourneyMap, id: &str) -> bool {
    map.id == id || Collection::ALL.iter().any(|c| c.ids(map).any(|i| i == id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo;
    use crate::core::document::model::SequentialIds;

    fn demo_map() -> JourneyMap {
        demo::demo_map(
            crate::core::text::i18n::Lang::En,
            &mut SequentialIds::new("d"),
            0,
        )
    }

    #[test]
    fn references_and_mutable_visits_see_the_same_strings_in_the_same_order() {
        let map = demo_map();
        for c in Collection::ALL {
            let mut seen: Vec<String> = Vec::new();
            for i in 0..c.len(&map) {
                seen.extend(c.id(&map, i).map(str::to_owned));
                seen.extend(c.refs(&map, i).iter().map(|r| r.id.to_owned()));
            }
            let mut visited = Vec::new();
            c.each_id_mut(&mut map.clone(), &mut |id| visited.push(id.clone()));
            assert_eq!(seen, visited, "{c:?}");
        }
    }

    /// The validation indexes its per-collection id sets by `c as usize`.
    #[test]
    fn a_collection_s_number_is_its_place_in_all() {
        for (i, c) in Collection::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, i, "{c:?}");
        }
    }

    #[test]
    fn every_reference_of_a_valid_map_names_an_item_of_its_collection() {
        let map = demo_map();
        let mut refs = 0;
        for c in Collection::ALL {
            assert_eq!(c.has_ids(), c.ids(&map).count() == c.len(&map), "{c:?}");
            for i in 0..c.len(&map) {
                for r in c.refs(&map, i) {
                    assert!(r.to.ids(&map).any(|id| id == r.id), "{c:?} {r:?}");
                    refs += 1;
                }
            }
        }
        assert!(refs > 10, "the demo holds references");
        assert!(id_used(&map, &map.id) && id_used(&map, &map.stages[0].id));
        assert!(!id_used(&map, "nobody"));
    }
}
