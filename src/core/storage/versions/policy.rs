//! When to take a snapshot of a map.
//!
//! - A burst of edits ends after [`QUIET_MS`] without an edit: 30 s is longer
//!   than the pauses of someone typing or rearranging cards (a few seconds
//!   between edits) and short enough that a person who stops and closes the
//!   tab a minute later still has the version (the tab's `pagehide` can
//!   also ask for one with the same rule).
//! - At most one `Burst` version every [`BURST_SPACING_MS`] (5 min) per
//!   map: at most 12 an hour during a long session, before compaction
//!   thins them after a day. A burst that ends too soon after the last one
//!   is not dropped: [`Decision::Wait`] says when to take it.
//! - The "before X" reasons (merge, restore, import, folder update),
//!   leaving the map and naming are always taken, except that two identical snapshots never
//!   follow each other: when the document equals the newest version, the
//!   newest version already holds it.

use crate::core::document::model::Millis;

use super::{VersionMeta, VersionReason};

/// Quiet time that ends a burst of edits.
pub const QUIET_MS: Millis = 30_000;
/// Least time between two `Burst` versions of a map.
pub const BURST_SPACING_MS: Millis = 5 * 60_000;

/// What to do about a snapshot asked for now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Take,
    /// The newest version already holds this document.
    SkipIdentical,
    /// A burst version came less than 5 min ago: ask again at this time
    /// (if the map has been edited since, the burst simply goes on).
    Wait {
        until: Millis,
    },
}

/// Whether the burst whose last edit was at `last_edit` has ended at `now`.
pub fn burst_ended(last_edit: Millis, now: Millis) -> bool {
    now.saturating_sub(last_edit) >= QUIET_MS
}

/// The decision for a snapshot of a map whose content fingerprint is
/// `fingerprint` (see [`super::fingerprint`]), given that map's versions
/// `metas` (any order).
pub fn decide(
    metas: &[VersionMeta],
    reason: VersionReason,
    fingerprint: &str,
    now: Millis,
) -> Decision {
    let newest = metas.iter().max_by(|a, b| a.newer_order(b));
    if newest.is_some_and(|n| n.fingerprint == fingerprint) {
        return Decision::SkipIdentical;
    }
    if reason == VersionReason::Burst {
        let last_burst = metas
            .iter()
            .filter(|m| m.reason == VersionReason::Burst)
            .map(|m| m.taken_at)
            .max();
        if let Some(last) = last_burst {
            let until = last.saturating_add(BURST_SPACING_MS);
            // A clock set back (taken_at in the future) must not block
            // versions for hours: only a last burst within the 5 min before
            // now counts.
            if now < until && now >= last {
                return Decision::Wait { until };
            }
        }
    }
    Decision::Take
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::storage::versions::tests::meta;

    const MIN: Millis = 60_000;

    #[test]
    fn a_burst_ends_after_thirty_quiet_seconds() {
        assert!(!burst_ended(1_000, 1_000 + QUIET_MS - 1));
        assert!(burst_ended(1_000, 1_000 + QUIET_MS));
    }

    #[test]
    fn bursts_are_spaced_by_five_minutes_and_wait_rather_than_drop() {
        let metas = [meta("a", 10 * MIN, VersionReason::Burst, "f1")];
        assert_eq!(
            decide(&metas, VersionReason::Burst, "f2", 12 * MIN),
            Decision::Wait { until: 15 * MIN }
        );
        assert_eq!(
            decide(&metas, VersionReason::Burst, "f2", 15 * MIN),
            Decision::Take
        );
        assert_eq!(decide(&[], VersionReason::Burst, "f2", 0), Decision::Take);
        // A clock set back does not hold versions up.
        assert_eq!(
            decide(&metas, VersionReason::Burst, "f2", 5 * MIN),
            Decision::Take
        );
    }

    #[test]
    fn before_reasons_are_always_taken_unless_identical_to_the_newest() {
        let metas = [
            meta("a", 10 * MIN, VersionReason::Burst, "f1"),
            meta("b", 11 * MIN, VersionReason::BeforeMerge, "f2"),
        ];
        for reason in [
            VersionReason::Left,
            VersionReason::BeforeMerge,
            VersionReason::BeforeRestore,
            VersionReason::BeforeImport,
            VersionReason::BeforeFolderUpdate,
            VersionReason::Named,
        ] {
            assert_eq!(decide(&metas, reason, "f3", 11 * MIN + 1), Decision::Take);
            assert_eq!(
                decide(&metas, reason, "f2", 11 * MIN + 1),
                Decision::SkipIdentical
            );
        }
        // Identical to an older version but not the newest: a real change back.
        assert_eq!(
            decide(&metas, VersionReason::BeforeImport, "f1", 12 * MIN),
            Decision::Take
        );
        assert_eq!(
            decide(&metas, VersionReason::Burst, "f2", 30 * MIN),
            Decision::SkipIdentical
        );
    }
}
