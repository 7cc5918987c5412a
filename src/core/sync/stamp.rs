//! Recording changes: what differs between the map as last recorded and as
//! it is now gets the next change of this browser (one [`Dot`] per pass).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::clock::{Dot, CREATED};
use super::items::{map_fields, Collection, Item, MAP_ITEM};
use crate::core::model::JourneyMap;

/// Stamp in `current` every change made since `previous` by `replica`:
/// new items, changed fields, deleted items (tombstones) and reordered
/// groups. Returns whether anything changed. `current.sync` is expected to
/// have come from `previous` (edits never touch it).
pub fn record(previous: &JourneyMap, current: &mut JourneyMap, replica: &str) -> bool {
    // The counter never goes back, even when an undo restored an older clock.
    let counter = current
        .sync
        .next_counter(replica)
        .max(previous.sync.next_counter(replica));
    let dot = Dot(replica.to_owned(), counter);
    let mut changed = false;

    let (before, after) = (map_fields(previous), map_fields(current));
    for field in changed_fields(&[], &before, &after) {
        stamp(current, MAP_ITEM, &field, &dot);
        changed = true;
    }

    for collection in Collection::ALL {
        if collection.same_in(previous, current) {
            continue;
        }
        let before = collection.items(previous);
        let after = collection.items(current);
        let before_by_key: HashMap<&str, &Item> =
            before.iter().map(|i| (i.key.as_str(), i)).collect();
        let after_by_key: HashMap<&str, &Item> =
            after.iter().map(|i| (i.key.as_str(), i)).collect();

        for item in &after {
            match before_by_key.get(item.key.as_str()) {
                None => {
                    let sync = &mut current.sync;
                    sync.removed.remove(&item.key);
                    sync.stamps
                        .insert(item.key.clone(), [(CREATED.to_owned(), dot.clone())].into());
                    changed = true;
                }
                Some(old) => {
                    for field in changed_fields(collection.key_fields(), &old.fields, &item.fields)
                    {
                        stamp(current, &item.key, &field, &dot);
                        changed = true;
                    }
                }
            }
        }
        for item in &before {
            if !after_by_key.contains_key(item.key.as_str()) {
                let sync = &mut current.sync;
                sync.stamps.remove(&item.key);
                sync.removed.insert(item.key.clone(), dot.clone());
                changed = true;
            }
        }
        let groups = if collection.ordered() {
            reordered_groups(&before, &after, &before_by_key)
        } else {
            Vec::new()
        };
        for group in groups {
            current.sync.orders.insert(group, dot.clone());
            changed = true;
        }
    }

    if changed {
        let clock = &mut current.sync.clock;
        for (r, &n) in &previous.sync.clock {
            let entry = clock.entry(r.clone()).or_insert(0);
            if r == replica {
                *entry = (*entry).max(n);
            }
        }
        clock.insert(replica.to_owned(), counter);
    }
    changed
}

/// Record that `replica` chose to keep `items` (one copy had deleted them):
/// a new change on each, which the deleting copy has not seen, so that they
/// stay when it merges again.
pub fn keep_on_purpose(map: &mut JourneyMap, items: &[String], replica: &str) {
    if items.is_empty() {
        return;
    }
    let counter = map.sync.next_counter(replica);
    let dot = Dot(replica.to_owned(), counter);
    for item in items {
        stamp(map, item, CREATED, &dot);
    }
    map.sync.clock.insert(replica.to_owned(), counter);
}

fn stamp(map: &mut JourneyMap, item: &str, field: &str, dot: &Dot) {
    map.sync
        .stamps
        .entry(item.to_owned())
        .or_default()
        .insert(field.to_owned(), dot.clone());
}

/// The fields, other than `key_fields`, whose values differ (a field absent
/// on one side counts as changed).
fn changed_fields(
    key_fields: &[&str],
    a: &Map<String, Value>,
    b: &Map<String, Value>,
) -> Vec<String> {
    let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .filter(|n| !key_fields.contains(&n.as_str()))
        .filter(|n| a.get(*n) != b.get(*n))
        .cloned()
        .collect()
}

/// Groups in which items present before and after (and in the same group)
/// are no longer in the same relative order.
fn reordered_groups(
    before: &[Item],
    after: &[Item],
    before_by_key: &HashMap<&str, &Item>,
) -> Vec<String> {
    let stayed = |i: &&Item| {
        before_by_key
            .get(i.key.as_str())
            .is_some_and(|old| old.group == i.group)
    };
    let after_keys: HashMap<&str, &Item> = after.iter().map(|i| (i.key.as_str(), i)).collect();
    let mut order_before: HashMap<&str, Vec<&str>> = HashMap::new();
    for item in before {
        if after_keys
            .get(item.key.as_str())
            .is_some_and(|new| new.group == item.group)
        {
            order_before
                .entry(item.group.as_str())
                .or_default()
                .push(&item.key);
        }
    }
    let mut order_after: HashMap<&str, Vec<&str>> = HashMap::new();
    for item in after.iter().filter(stayed) {
        order_after
            .entry(item.group.as_str())
            .or_default()
            .push(&item.key);
    }
    let mut groups: Vec<String> = order_after
        .into_iter()
        .filter(|(g, keys)| order_before.get(g) != Some(keys))
        .map(|(g, _)| g.to_owned())
        .collect();
    groups.sort();
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::model::{Card, SequentialIds};

    fn map() -> JourneyMap {
        JourneyMap::blank(&mut SequentialIds::new("m"), "Map", ["A", "B", "C"], 0)
    }

    fn edited(map: &JourneyMap, edit: Edit) -> JourneyMap {
        let mut next = map.clone();
        edit.apply(&mut next).unwrap();
        next
    }

    #[test]
    fn nothing_changed_nothing_stamped() {
        let before = map();
        let mut after = before.clone();
        after.modified = 99;
        assert!(!record(&before, &mut after, "r1"));
        assert!(after.sync.is_empty());
    }

    #[test]
    fn a_renamed_stage_stamps_its_name_only() {
        let before = map();
        let id = before.stages[1].id.clone();
        let mut after = edited(
            &before,
            Edit::RenameStage {
                id: id.clone(),
                name: "Buy".into(),
            },
        );
        assert!(record(&before, &mut after, "r1"));
        assert_eq!(after.sync.clock["r1"], 1);
        let key = format!("stage/{id}");
        assert_eq!(
            after.sync.field_dot(&key, "name"),
            Some(&Dot("r1".into(), 1))
        );
        assert_eq!(after.sync.stamps.len(), 1);
        assert!(after.sync.orders.is_empty());
    }

    #[test]
    fn a_new_card_then_its_deletion_leave_a_tombstone() {
        let before = map();
        let card = Card {
            id: "c1".into(),
            lane: before.lanes[1].id.clone(),
            stage: before.stages[0].id.clone(),
            persona: None,
            text: "Compares offers".into(),
        };
        let mut added = edited(&before, Edit::InsertCard { index: 0, card });
        assert!(record(&before, &mut added, "r1"));
        assert_eq!(added.sync.stamps["card/c1"][CREATED], Dot("r1".into(), 1));
        let mut removed = edited(&added, Edit::RemoveCard("c1".into()));
        assert!(record(&added, &mut removed, "r1"));
        assert!(!removed.sync.stamps.contains_key("card/c1"));
        assert_eq!(removed.sync.removed["card/c1"], Dot("r1".into(), 2));
        assert_eq!(removed.sync.clock["r1"], 2);
        assert!(removed.sync.problems().is_empty());
    }

    #[test]
    fn moving_a_stage_stamps_the_stage_order_not_the_stages() {
        let before = map();
        let id = before.stages[0].id.clone();
        let mut after = edited(&before, Edit::MoveStage { id, to: 1 });
        assert!(record(&before, &mut after, "r1"));
        assert!(after.sync.stamps.is_empty());
        assert_eq!(after.sync.orders["stages"], Dot("r1".into(), 1));
    }

    #[test]
    fn the_title_is_a_field_of_the_map_item() {
        let before = map();
        let mut after = edited(&before, Edit::SetTitle("Renamed".into()));
        record(&before, &mut after, "r1");
        assert!(after.sync.field_dot(MAP_ITEM, "title").is_some());
        assert!(after.sync.field_dot(MAP_ITEM, "kind").is_none());
    }

    #[test]
    fn an_undo_that_restores_an_older_clock_never_reuses_a_counter() {
        let before = map();
        let mut first = edited(&before, Edit::SetTitle("One".into()));
        record(&before, &mut first, "r1");
        // Undo gives back the old document, with its old (empty) sync section.
        let mut undone = before.clone();
        assert!(record(&first, &mut undone, "r1"));
        assert_eq!(undone.sync.clock["r1"], 2);
    }
}
