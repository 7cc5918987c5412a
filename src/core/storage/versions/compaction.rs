//! Which versions to delete so that history stays useful and small:
//! everything of the last 24 h, the newest of each calendar day (UTC) for
//! 30 days, the newest of each ISO week (Monday to Sunday) after that.
//! Named versions and each map's newest version are always kept.

use std::collections::{HashMap, HashSet};

use crate::core::document::model::Millis;

use super::VersionMeta;

pub const DAY_MS: Millis = 24 * 60 * 60 * 1000;
/// Everything younger than this is kept.
pub const KEEP_ALL_MS: Millis = DAY_MS;
/// Up to this age, one version a day; after it, one a week.
pub const DAILY_MS: Millis = 30 * DAY_MS;

/// The UTC day number of a time (days since 1970-01-01).
pub fn day_of(t: Millis) -> i64 {
    t.div_euclid(DAY_MS)
}

/// A number for the ISO week (Monday–Sunday) of a time: 1970-01-01 was a
/// Thursday, so Monday 1969-12-29 is day -3 and weeks start on days ≡ -3 (mod 7).
pub fn week_of(t: Millis) -> i64 {
    (day_of(t) + 3).div_euclid(7)
}

/// The bucket a version falls in at `now`; `None`: kept whatever happens.
fn bucket(m: &VersionMeta, now: Millis) -> Option<(bool, i64)> {
    let age = now.saturating_sub(m.taken_at);
    if m.name.is_some() || age < KEEP_ALL_MS {
        None
    } else if age < DAILY_MS {
        Some((false, day_of(m.taken_at)))
    } else {
        Some((true, week_of(m.taken_at)))
    }
}

/// The ids of the versions to delete among `metas` (of one map or many:
/// each map is compacted on its own).
pub fn to_delete(metas: &[VersionMeta], now: Millis) -> Vec<String> {
    // The newest of each map, kept always.
    let mut newest: HashMap<&str, &VersionMeta> = HashMap::new();
    for m in metas {
        let slot = newest.entry(&m.map_id).or_insert(m);
        if m.newer_order(slot).is_gt() {
            *slot = m;
        }
    }
    let always: HashSet<&str> = newest.values().map(|m| m.id.as_str()).collect();
    // The newest of each (map, band, day or week) bucket.
    let mut keeper: HashMap<(&str, bool, i64), &VersionMeta> = HashMap::new();
    for m in metas {
        if let Some((weekly, n)) = bucket(m, now) {
            let slot = keeper.entry((&m.map_id, weekly, n)).or_insert(m);
            if m.newer_order(slot).is_gt() {
                *slot = m;
            }
        }
    }
    let kept: HashSet<&str> = keeper.values().map(|m| m.id.as_str()).collect();
    metas
        .iter()
        .filter(|m| bucket(m, now).is_some())
        .filter(|m| !kept.contains(m.id.as_str()) && !always.contains(m.id.as_str()))
        .map(|m| m.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::versions::tests::meta;
    use crate::core::storage::versions::VersionReason;
    use proptest::prelude::*;

    const HOUR: Millis = 60 * 60 * 1000;
    /// 2026-03-04 12:00 UTC, a Wednesday.
    const NOW: Millis = 1_772_625_600_000;

    fn at(id: &str, t: Millis) -> VersionMeta {
        meta(id, t, VersionReason::Burst, id)
    }

    #[test]
    fn weeks_start_on_monday() {
        // 1970-01-05 was a Monday, 1970-01-04 a Sunday.
        assert_eq!(week_of(4 * DAY_MS), week_of(10 * DAY_MS + DAY_MS - 1));
        assert_ne!(week_of(3 * DAY_MS), week_of(4 * DAY_MS));
        assert_eq!(week_of(-3 * DAY_MS), week_of(3 * DAY_MS));
    }

    #[test]
    fn keeps_the_last_day_then_one_a_day_then_one_a_week() {
        let metas = vec![
            at("h1", NOW - HOUR),
            at("h20", NOW - 20 * HOUR),
            // Two days ago: three versions on one UTC day, the newest stays.
            at("d2a", NOW - 2 * DAY_MS - 3 * HOUR),
            at("d2b", NOW - 2 * DAY_MS - 2 * HOUR),
            at("d2c", NOW - 2 * DAY_MS - HOUR),
            // 40 days ago, and 41 the same ISO week (Monday 2026-01-19 to
            // Sunday 2026-01-25): one stays.
            at("w40", NOW - 40 * DAY_MS),
            at("w41", NOW - 41 * DAY_MS),
            meta("named", NOW - 41 * DAY_MS - HOUR, VersionReason::Named, "n"),
        ];
        let mut named = metas.clone();
        named[7].name = Some("Avant l'atelier".into());
        let mut gone = to_delete(&named, NOW);
        gone.sort();
        assert_eq!(gone, ["d2a", "d2b", "w41"]);
    }

    #[test]
    fn the_newest_version_is_kept_even_if_old() {
        let metas = vec![
            at("old", NOW - 400 * DAY_MS),
            at("older", NOW - 400 * DAY_MS - 1),
        ];
        assert_eq!(to_delete(&metas, NOW), ["older"]);
        assert!(to_delete(&metas[..1], NOW).is_empty());
    }

    #[test]
    fn maps_are_compacted_apart() {
        // Same UTC day: a1 < a2 of map "other", b of map "m" newest of all.
        let day = NOW - 5 * DAY_MS;
        let mut metas = vec![at("a1", day), at("a2", day + 1), at("a3", NOW - HOUR)];
        for m in &mut metas {
            m.map_id = "other".into();
        }
        metas.extend([at("b", day + 2), at("c", NOW - HOUR)]);
        assert_eq!(to_delete(&metas, NOW), ["a1"]);
    }

    fn arb_metas() -> impl Strategy<Value = Vec<VersionMeta>> {
        prop::collection::vec((0..(120 * DAY_MS), any::<bool>(), 0..2u8), 0..60).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (age, named, map))| {
                    let mut m = at(&format!("v{i}"), NOW - age);
                    m.map_id = format!("m{map}");
                    if named && i % 5 == 0 {
                        m.name = Some("n".into());
                    }
                    m
                })
                .collect()
        })
    }

    proptest! {
        #[test]
        fn compaction_is_idempotent_and_keeps_what_it_promises(metas in arb_metas()) {
            let gone: HashSet<String> = to_delete(&metas, NOW).into_iter().collect();
            let left: Vec<VersionMeta> =
                metas.iter().filter(|m| !gone.contains(&m.id)).cloned().collect();
            prop_assert!(to_delete(&left, NOW).is_empty(), "twice deletes nothing more");
            for m in &metas {
                let age = NOW - m.taken_at;
                if m.name.is_some() || age < KEEP_ALL_MS {
                    prop_assert!(!gone.contains(&m.id));
                }
            }
            for map in ["m0", "m1"] {
                let of_map: Vec<&VersionMeta> = metas.iter().filter(|m| m.map_id == map).collect();
                if let Some(n) = of_map.iter().max_by(|a, b| a.newer_order(b)) {
                    prop_assert!(!gone.contains(&n.id), "the newest stays");
                }
                let mut days: HashMap<i64, usize> = HashMap::new();
                let mut weeks: HashMap<i64, usize> = HashMap::new();
                for m in left.iter().filter(|m| m.map_id == map && m.name.is_none()) {
                    let age = NOW - m.taken_at;
                    if (KEEP_ALL_MS..DAILY_MS).contains(&age) {
                        *days.entry(day_of(m.taken_at)).or_default() += 1;
                    } else if age >= DAILY_MS {
                        *weeks.entry(week_of(m.taken_at)).or_default() += 1;
                    }
                }
                prop_assert!(days.values().all(|&n| n <= 1), "at most one a day: {days:?}");
                prop_assert!(weeks.values().all(|&n| n <= 1), "at most one a week: {weeks:?}");
                // Every day (week) that had a version still has one.
                for m in of_map.iter().filter(|m| NOW - m.taken_at >= KEEP_ALL_MS) {
                    let age = NOW - m.taken_at;
                    if age < DAILY_MS {
                        prop_assert!(days.contains_key(&day_of(m.taken_at)) || m.name.is_some());
                    } else {
                        prop_assert!(weeks.contains_key(&week_of(m.taken_at)) || m.name.is_some());
                    }
                }
            }
        }
    }
}
