//! What a copy of a map knows of its own history: a version vector (how many
//! changes of each browser it has seen) and, per item and field, the change
//! that last wrote it (a [`Dot`]). Items deleted leave a tombstone.

use crate::core::formats::envelope::Flaw;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One change: the browser that made it (its replica id) and that browser's
/// change counter for this map. Written as `["replica", counter]`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Dot(pub String, pub u64);

/// The name under [`SyncState::stamps`] of an item's creation, which its
/// fields inherit until they are changed on their own.
pub const CREATED: &str = "*";

/// The map's `sync` section (format version 3). Empty for a map that has
/// never been edited since version 3, and then not written at all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncState {
    /// For each replica, the highest of its changes this copy has seen.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub clock: BTreeMap<String, u64>,
    /// Item key → field (or [`CREATED`]) → the change that last wrote it.
    /// Items and fields without a stamp date from before any change was
    /// recorded: every copy has seen them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stamps: BTreeMap<String, BTreeMap<String, Dot>>,
    /// Ordering group (the stages, one cell's cards…) → the change that last
    /// reordered it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub orders: BTreeMap<String, Dot>,
    /// Item key → the change that deleted it (tombstones).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub removed: BTreeMap<String, Dot>,
}

impl SyncState {
    pub fn is_empty(&self) -> bool {
        self.clock.is_empty()
            && self.stamps.is_empty()
            && self.orders.is_empty()
            && self.removed.is_empty()
    }

    /// Has this copy seen the change `dot`? A missing dot (a value older than
    /// any recorded change) has been seen by every copy.
    pub fn has_seen(&self, dot: Option<&Dot>) -> bool {
        dot.is_none_or(|Dot(replica, counter)| {
            self.clock.get(replica).is_some_and(|seen| seen >= counter)
        })
    }

    /// The change that last wrote `field` of `item`: its own stamp, else the
    /// item's creation.
    pub fn field_dot(&self, item: &str, field: &str) -> Option<&Dot> {
        let stamps = self.stamps.get(item)?;
        stamps.get(field).or_else(|| stamps.get(CREATED))
    }

    /// Every change recorded on `item` (its creation and its fields).
    pub fn item_dots(&self, item: &str) -> impl Iterator<Item = &Dot> {
        self.stamps.get(item).into_iter().flat_map(|s| s.values())
    }

    /// Has `other` seen every change recorded on `item` here?
    pub fn item_seen_by(&self, item: &str, other: &SyncState) -> bool {
        self.item_dots(item).all(|d| other.has_seen(Some(d)))
    }

    /// The next change counter of `replica`.
    pub fn next_counter(&self, replica: &str) -> u64 {
        self.clock.get(replica).copied().unwrap_or(0) + 1
    }

    /// Pointwise maximum of two clocks.
    pub fn joined_clock(a: &SyncState, b: &SyncState) -> BTreeMap<String, u64> {
        let mut clock = a.clock.clone();
        for (replica, &counter) in &b.clock {
            let entry = clock.entry(replica.clone()).or_insert(0);
            *entry = (*entry).max(counter);
        }
        clock
    }

    /// Problems of a `sync` section read from a file: a stamp of a change the
    /// clock says this copy never saw would make merges wrong.
    pub fn problems(&self) -> Vec<(String, Flaw)> {
        let mut problems = Vec::new();
        for replica in self.clock.keys() {
            if replica.is_empty() || replica.chars().count() > 64 {
                problems.push((format!("map.sync.clock.{replica}"), Flaw::ReplicaLength));
            }
        }
        let mut check = |path: String, dot: &Dot| {
            if !self.has_seen(Some(dot)) || dot.1 == 0 {
                problems.push((
                    path,
                    Flaw::ChangeNotInClock {
                        change: dot.1,
                        replica: dot.0.clone(),
                    },
                ));
            }
        };
        for (item, fields) in &self.stamps {
            for (field, dot) in fields {
                check(format!("map.sync.stamps.{item}.{field}"), dot);
            }
        }
        for (group, dot) in &self.orders {
            check(format!("map.sync.orders.{group}"), dot);
        }
        for (item, dot) in &self.removed {
            check(format!("map.sync.removed.{item}"), dot);
        }
        for item in self.removed.keys() {
            if self.stamps.contains_key(item) {
                problems.push((
                    format!("map.sync.removed.{item}"),
                    Flaw::BothPresentAndDeleted,
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(r: &str, n: u64) -> Dot {
        Dot(r.into(), n)
    }

    #[test]
    fn a_change_is_seen_when_the_clock_reached_it() {
        let mut s = SyncState::default();
        assert!(s.has_seen(None));
        assert!(!s.has_seen(Some(&dot("a", 1))));
        s.clock.insert("a".into(), 3);
        assert!(s.has_seen(Some(&dot("a", 3))));
        assert!(!s.has_seen(Some(&dot("a", 4))));
        assert!(!s.has_seen(Some(&dot("b", 1))));
        assert_eq!(s.next_counter("a"), 4);
        assert_eq!(s.next_counter("b"), 1);
    }

    #[test]
    fn a_field_inherits_its_items_creation() {
        let mut s = SyncState::default();
        s.stamps.insert(
            "card/c1".into(),
            [
                (CREATED.to_owned(), dot("a", 1)),
                ("text".to_owned(), dot("a", 2)),
            ]
            .into(),
        );
        assert_eq!(s.field_dot("card/c1", "text"), Some(&dot("a", 2)));
        assert_eq!(s.field_dot("card/c1", "lane"), Some(&dot("a", 1)));
        assert_eq!(s.field_dot("card/c2", "text"), None);
    }

    #[test]
    fn stamps_beyond_the_clock_are_problems() {
        let mut s = SyncState::default();
        s.clock.insert("a".into(), 1);
        s.orders.insert("stages".into(), dot("a", 2));
        s.removed.insert("card/x".into(), dot("b", 1));
        let problems = s.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].0, "map.sync.orders.stages");
        assert_eq!(problems[1].0, "map.sync.removed.card/x");
    }
}
