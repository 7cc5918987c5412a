//! The file of an open map, watched. The platform looks at the file's
//! modification time on focus and every [`POLL_MS`]; when it differs from
//! the last one Parcours read or wrote ([`changed`]), it reads the file and
//! [`decide`] says what to do with what it found. The merge is the one
//! teammates' copies already go through (`core::sync`): item by item, by
//! the changes each copy has recorded, so two people's edits made at the
//! same moment on two machines both stay.

use crate::core::document::model::{JourneyMap, Millis};
use crate::core::folder::listing::{FileMeta, FileProblem};
use crate::core::formats::envelope::Stored;
use crate::core::sync::{self, MergeError, Merged, SyncState};

/// How often the open map's file is looked at, besides on focus: a teammate's
/// save shows within a few seconds, and one `getFile()` every 3 s costs
/// nothing measurable on a local or synced drive (it reads metadata only).
pub const POLL_MS: u32 = 3_000;

/// What was last seen of the file: by Parcours' own write or read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub modified: Millis,
    pub size: u64,
}

impl Seen {
    pub fn of(meta: &FileMeta) -> Self {
        Seen {
            modified: meta.modified,
            size: meta.size,
        }
    }
}

/// Has the file changed since it was last seen? Its time or its size: a
/// drive that keeps whole seconds may write twice within one.
pub fn changed(seen: Option<Seen>, meta: &FileMeta) -> bool {
    seen != Some(Seen::of(meta))
}

/// What to keep as seen after a write of ours, from the file read back
/// just after it. A teammate's save can land between our write and that
/// read (two saves a few milliseconds apart, as two people typing at once
/// make): keeping the file's time then would take their save as ours, and
/// their edits would never be read. So the time is kept only when the file
/// holds, byte for byte, what we wrote; otherwise nothing is, and the next
/// look reads the file.
pub fn seen_after_write(written: &[u8], read_back: Option<(&FileMeta, &[u8])>) -> Option<Seen> {
    match read_back {
        Some((meta, bytes)) if bytes == written => Some(Seen::of(meta)),
        _ => None,
    }
}

/// What reading the file gave.
#[derive(Clone, Debug, PartialEq)]
pub enum FileNow {
    /// Deleted, renamed or moved by someone else.
    Gone,
    Problem(FileProblem),
    Read(Box<Stored>),
}

/// What to do, the map on screen being `ours` (its changes recorded).
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// The file holds what the map holds.
    InStep,
    /// The file lacks changes of ours and has none we lack: write ours.
    Write,
    /// The file has changes we lack and lacks none of ours: show it.
    Take(JourneyMap),
    /// Both have changes the other lacks, merged without a conflict: show
    /// the merge (one undoable step), then write it. `from_theirs` counts
    /// what came from the file.
    Merged { map: JourneyMap, from_theirs: usize },
    /// Both changed the same thing differently: the merge panel opens with
    /// the file's copy, and nothing is written until the user settles it.
    Conflict(Merged),
    /// The file differs from ours with no recorded change telling which is
    /// newer (edited by hand, or by an older Parcours): the user chooses;
    /// nothing is written until then.
    Unrecorded(Merged),
    /// The file holds another map now: neither shown nor written over.
    OtherMap,
    /// Gone: ours stays open and unwritten until the user chooses (write it
    /// again, or keep it in this browser only).
    Gone,
    /// It can no longer be read: never written over; ours stays.
    Broken(FileProblem),
    /// The merge refused (a bug, never the user's doing): ours stays,
    /// nothing is written.
    MergeFailed(MergeError),
}

/// Has `a` seen every change `b` has?
fn has_all(a: &SyncState, b: &SyncState) -> bool {
    b.clock
        .iter()
        .all(|(replica, counter)| a.clock.get(replica).is_some_and(|c| c >= counter))
}

/// The same map content, whatever the time of its last save.
fn same_content(a: &JourneyMap, b: &JourneyMap) -> bool {
    a.modified == b.modified && a == b || {
        let mut b = b.clone();
        b.modified = a.modified;
        *a == b
    }
}

/// What to do with what the file holds now, ours being the open map with
/// its changes recorded (`Session::recorded`).
pub fn decide(ours: &JourneyMap, file: FileNow) -> Step {
    let theirs = match file {
        FileNow::Gone => return Step::Gone,
        FileNow::Problem(problem) => return Step::Broken(problem),
        FileNow::Read(stored) => stored.map,
    };
    if theirs.id != ours.id {
        return Step::OtherMap;
    }
    let we_have_theirs = has_all(&ours.sync, &theirs.sync);
    let they_have_ours = has_all(&theirs.sync, &ours.sync);
    match (we_have_theirs, they_have_ours) {
        (true, true) if same_content(ours, &theirs) => Step::InStep,
        (true, false) => Step::Write,
        (false, true) => Step::Take(theirs),
        (both_have_all, _) => match sync::merge(ours, &theirs) {
            Err(MergeError::NotTheSameMap) => Step::OtherMap,
            Err(e) => Step::MergeFailed(e),
            Ok(merged) if both_have_all => Step::Unrecorded(merged),
            Ok(merged) if !merged.conflicts.is_empty() => Step::Conflict(merged),
            Ok(merged) => Step::Merged {
                from_theirs: merged.from_theirs,
                map: merged.map,
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::edit::Edit;
    use crate::core::document::model::{sample_map, SequentialIds};
    use crate::core::sync::record;

    fn meta(modified: Millis, size: u64) -> FileMeta {
        FileMeta {
            name: "m.parcours.json".into(),
            modified,
            size,
        }
    }

    #[test]
    fn a_write_is_kept_as_seen_only_when_the_file_holds_it() {
        let ours = b"{\"ours\":1}";
        let at = meta(1_000, ours.len() as u64);
        assert_eq!(
            seen_after_write(ours, Some((&at, ours))),
            Some(Seen::of(&at))
        );
        // A teammate's save landed between our write and the read back:
        // same size, another content; not taken for ours.
        let theirs = b"{\"them\":1}";
        assert_eq!(theirs.len(), ours.len());
        assert_eq!(seen_after_write(ours, Some((&at, theirs))), None);
        // Gone or unreadable just after: read again at the next look.
        assert_eq!(seen_after_write(ours, None), None);
    }

    fn origin() -> JourneyMap {
        let blank = sample_map(&mut SequentialIds::new("o"), "Map", 0);
        let mut recorded = blank.clone();
        recorded.title = "Onboarding".into();
        record(&blank, &mut recorded, "origin");
        recorded
    }

    fn edited(map: &JourneyMap, replica: &str, edit: Edit) -> JourneyMap {
        let mut next = map.clone();
        edit.apply(&mut next).expect("a valid edit");
        record(map, &mut next, replica);
        next
    }

    fn rename(map: &JourneyMap, stage: usize, name: &str) -> Edit {
        Edit::RenameStage {
            id: map.stages[stage].id.clone(),
            name: name.into(),
        }
    }

    fn read(map: &JourneyMap) -> FileNow {
        FileNow::Read(Box::new(Stored {
            map: map.clone(),
            revision: 7,
        }))
    }

    #[test]
    fn a_file_seen_is_not_read_again() {
        let meta = FileMeta {
            name: "a.parcours.json".into(),
            modified: 5,
            size: 10,
        };
        assert!(changed(None, &meta));
        assert!(!changed(Some(Seen::of(&meta)), &meta));
        assert!(changed(
            Some(Seen {
                modified: 5,
                size: 11
            }),
            &meta
        ));
        assert!(changed(
            Some(Seen {
                modified: 4,
                size: 10
            }),
            &meta
        ));
    }

    #[test]
    fn one_side_ahead_is_written_or_taken_whole() {
        let base = origin();
        let camille = edited(&base, "camille", rename(&base, 0, "Découvrir"));
        assert_eq!(decide(&base, read(&base)), Step::InStep);
        // The save time alone does not make a difference.
        let mut later = base.clone();
        later.modified += 60_000;
        assert_eq!(decide(&base, read(&later)), Step::InStep);
        assert_eq!(decide(&camille, read(&base)), Step::Write);
        assert_eq!(decide(&base, read(&camille)), Step::Take(camille.clone()));
    }

    #[test]
    fn both_editing_at_once_keep_every_edit() {
        let base = origin();
        let camille = edited(&base, "camille", rename(&base, 0, "Découvrir"));
        let lea = edited(&base, "lea", rename(&base, 2, "Payer"));
        let Step::Merged { map, from_theirs } = decide(&lea, read(&camille)) else {
            panic!("a merge")
        };
        assert_eq!(from_theirs, 1);
        assert_eq!(map.stages[0].name, "Découvrir");
        assert_eq!(map.stages[2].name, "Payer");
        // Camille's next look finds Léa's merged file: she is behind it, and takes it.
        assert_eq!(decide(&camille, read(&map)), Step::Take(map.clone()));
        assert_eq!(decide(&map, read(&map)), Step::InStep);
    }

    #[test]
    fn two_people_commenting_at_once_both_keep_their_comments() {
        use crate::core::document::comment::{self, Target};
        let base = origin();
        let say = |map: &JourneyMap, id: &str, who: &str| {
            let list = comment::read(&map.comments).unwrap();
            let next = comment::add(&list, id.into(), Target::map(), who, "Un avis", 5).unwrap();
            Edit::SetComments(comment::write(&next))
        };
        let camille = edited(&base, "camille", say(&base, "c1", "Camille"));
        let lea = edited(&base, "lea", say(&base, "c2", "Léa"));
        let Step::Merged { map, .. } = decide(&lea, read(&camille)) else {
            panic!("a merge: {:?}", decide(&lea, read(&camille)))
        };
        let ids: Vec<String> = comment::read(&map.comments)
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids, ["c2", "c1"]);
        // Camille then finds the merged file ahead of her, and takes it.
        assert_eq!(decide(&camille, read(&map)), Step::Take(map.clone()));
    }

    #[test]
    fn the_same_thing_changed_twice_is_a_conflict_not_a_write() {
        let base = origin();
        let camille = edited(&base, "camille", rename(&base, 0, "Découvrir"));
        let lea = edited(&base, "lea", rename(&base, 0, "S'informer"));
        let Step::Conflict(merged) = decide(&lea, read(&camille)) else {
            panic!("a conflict")
        };
        assert_eq!(merged.conflicts.len(), 1);
    }

    #[test]
    fn a_file_changed_outside_parcours_is_not_written_over() {
        let base = origin();
        let mut by_hand = base.clone();
        by_hand.stages[1].name = "Changé à la main".into();
        assert!(matches!(decide(&base, read(&by_hand)), Step::Unrecorded(_)));
    }

    #[test]
    fn gone_broken_or_another_map_leave_ours_alone() {
        let base = origin();
        assert_eq!(decide(&base, FileNow::Gone), Step::Gone);
        let problem = FileProblem::ReadFailed("NotReadableError".into());
        assert_eq!(
            decide(&base, FileNow::Problem(problem.clone())),
            Step::Broken(problem)
        );
        let mut other = base.clone();
        other.id = "another".into();
        assert_eq!(decide(&base, read(&other)), Step::OtherMap);
    }
}
