//! Recording changes: what differs between the map as last recorded and as
//! it is now gets the next change of this browser (one [`Dot`] per pass).

use std::collections::HashMap;

use super::clock::{Dot, SyncState, CREATED};
use super::fields::{differing_map_fields, Recorded};
use super::items::{Collection, MAP_ITEM};
use crate::core::document::model::JourneyMap;

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
    let mut sync = std::mem::take(&mut current.sync);
    let mut changed = false;

    for field in differing_map_fields(previous, current) {
        stamp(&mut sync, MAP_ITEM, field, &dot);
        changed = true;
    }
    // Every collection of the description, so a new one cannot be missed
    // (the match must name it).
    for collection in Collection::ALL {
        let (before, after, sync, dot) = (previous, &*current, &mut sync, &dot);
        changed |= match collection {
            Collection::Personas => record_items(&before.personas, &after.personas, sync, dot),
            Collection::Stages => record_items(&before.stages, &after.stages, sync, dot),
            Collection::Lanes => record_items(&before.lanes, &after.lanes, sync, dot),
            Collection::Cards => record_items(&before.cards, &after.cards, sync, dot),
            Collection::Touchpoints => {
                record_items(&before.touchpoints, &after.touchpoints, sync, dot)
            }
            Collection::Emotions => record_items(&before.emotions, &after.emotions, sync, dot),
            Collection::Actions => record_items(&before.actions, &after.actions, sync, dot),
        };
    }

    if changed {
        let ours = previous.sync.clock.get(replica).copied().unwrap_or(0);
        let entry = sync.clock.entry(replica.to_owned()).or_insert(0);
        *entry = (*entry).max(ours).max(counter);
    }
    current.sync = sync;
    changed
}

/// Record the changes of one collection; whether there were any. The work
/// is done once for all collections by [`record_keyed`]; this only lists
/// keys and groups (monomorphized code is kept small for the wasm).
fn record_items<T: Recorded + PartialEq>(
    before: &[T],
    after: &[T],
    sync: &mut SyncState,
    dot: &Dot,
) -> bool {
    if before == after {
        return false;
    }
    let placed = |items: &[T]| -> Vec<(String, String)> {
        items.iter().map(|i| (i.key(), i.group())).collect()
    };
    let differing =
        |a: usize, b: usize, out: &mut Vec<&'static str>| before[a].differing(&after[b], out);
    record_keyed(
        &placed(before),
        &placed(after),
        &differing,
        T::ORDERED,
        sync,
        dot,
    )
}

/// Items as (key, group), before and after; `differing(i, j, out)` lists
/// the fields in which `before[i]` and `after[j]` differ.
fn record_keyed(
    before: &[(String, String)],
    after: &[(String, String)],
    differing: &dyn Fn(usize, usize, &mut Vec<&'static str>),
    ordered: bool,
    sync: &mut SyncState,
    dot: &Dot,
) -> bool {
    let mut changed = false;
    let index = |items: &[(String, String)]| -> HashMap<String, usize> {
        items
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (k.clone(), i))
            .collect()
    };
    let (was, is) = (index(before), index(after));
    let mut fields = Vec::new();
    for (j, (key, _)) in after.iter().enumerate() {
        match was.get(key) {
            None => {
                sync.removed.remove(key);
                sync.stamps
                    .insert(key.clone(), [(CREATED.to_owned(), dot.clone())].into());
                changed = true;
            }
            Some(&i) => {
                fields.clear();
                differing(i, j, &mut fields);
                for field in &fields {
                    stamp(sync, key, field, dot);
                    changed = true;
                }
            }
        }
    }
    for (key, _) in before {
        if !is.contains_key(key) {
            sync.stamps.remove(key);
            sync.removed.insert(key.clone(), dot.clone());
            changed = true;
        }
    }
    if ordered {
        for group in reordered_groups(before, after) {
            sync.orders.insert(group, dot.clone());
            changed = true;
        }
    }
    changed
}

fn stamp(sync: &mut SyncState, item: &str, field: &str, dot: &Dot) {
    sync.stamps
        .entry(item.to_owned())
        .or_default()
        .insert(field.to_owned(), dot.clone());
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
        stamp(&mut map.sync, item, CREATED, &dot);
    }
    map.sync.clock.insert(replica.to_owned(), counter);
}

/// Groups in which items present before and after (and in the same group)
/// are no longer in the same relative order.
fn reordered_groups(before: &[(String, String)], after: &[(String, String)]) -> Vec<String> {
    let placed =
        |items: &[(String, String)]| -> HashMap<String, String> { items.iter().cloned().collect() };
    let (groups_before, groups_after) = (placed(before), placed(after));
    // The keys of each group, in order, of the items in it both times.
    let order = |items: &[(String, String)], other: &HashMap<String, String>| {
        let mut order: HashMap<String, Vec<String>> = HashMap::new();
        for (key, group) in items {
            if other.get(key) == Some(group) {
                order.entry(group.clone()).or_default().push(key.clone());
            }
        }
        order
    };
    let (old, new) = (order(before, &groups_after), order(after, &groups_before));
    let mut groups: Vec<String> = new
        .into_iter()
        .filter(|(g, keys)| old.get(g) != Some(keys))
        .map(|(g, _)| g)
        .collect();
    groups.sort();
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::Edit;
    use crate::core::document::model::{Card, SequentialIds};

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
            severity: None,
            answers: None,
            ..Default::default()
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
