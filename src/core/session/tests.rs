use proptest::prelude::*;

use super::*;
use crate::core::document::model::{IdSource, SequentialIds, Stage};
use crate::core::storage::library::{load_map, map_key, save_map, stored_revision};
use crate::core::storage::store::MemoryStore;

const ME: &str = "me";

/// A stored map and its session, as the editor opens it.
fn opened() -> (MemoryStore, Session) {
    let store = MemoryStore::new();
    let map = JourneyMap::blank(&mut SequentialIds::new("s"), "Achat", ["A", "B", "C"], 1);
    let revision = save_map(&store, &map, 0, false, 1).unwrap();
    let session = Session::open(load_map(&store, &map.id).unwrap());
    assert_eq!(session.revision(), revision);
    (store, session)
}

/// Another tab of the same browser saves the stored map with a new title.
fn other_tab_saves(store: &MemoryStore, id: &str, title: &str) -> u64 {
    let mut theirs = load_map(store, id).unwrap();
    theirs.map.title = title.into();
    save_map(store, &theirs.map, theirs.revision, false, 50).unwrap()
}

#[test]
fn an_edit_is_unsaved_until_saved_then_stored_signed_and_revision_checked() {
    let (store, mut s) = opened();
    let touched = s
        .apply(Edit::SetTitle("Achat en ligne".into()), 10)
        .unwrap();
    assert_eq!(touched, vec![Scope::Meta]);
    assert_eq!(s.state(), &SaveState::Unsaved);
    assert!(s.has_unsaved_work() && s.can_undo());
    assert_eq!(s.map().modified, 10);
    let before = s.revision();
    assert_eq!(s.save(&store, ME, false, 11), &SaveState::Saved);
    assert!(s.revision() > before);
    let stored = load_map(&store, s.id()).unwrap();
    assert_eq!(stored.map, *s.map());
    assert!(stored.map.sync.clock.contains_key(ME), "signed for merging");
}

#[test]
fn a_refused_edit_changes_nothing() {
    let (_, mut s) = opened();
    let before = s.map().clone();
    assert!(s.apply(Edit::RemoveStage("nope".into()), 10).is_err());
    assert_eq!(*s.map(), before);
    assert_eq!(s.state(), &SaveState::Saved);
    assert!(!s.can_undo());
}

#[test]
fn another_tabs_newer_save_is_never_overwritten_unless_the_user_chooses() {
    let (store, mut s) = opened();
    let theirs = other_tab_saves(&store, s.id(), "Leur titre");
    s.apply(Edit::SetTitle("Mon titre".into()), 10).unwrap();
    let raw = store.get(&map_key(s.id())).unwrap();
    assert_eq!(s.save(&store, ME, false, 11), &SaveState::Conflict);
    assert_eq!(store.get(&map_key(s.id())).unwrap(), raw, "nothing written");
    // Edits made during the conflict stay in memory, and are not written.
    s.apply(Edit::SetTitle("Mon titre 2".into()), 20_000)
        .unwrap();
    assert_eq!(s.state(), &SaveState::Conflict);
    assert_eq!(s.save(&store, ME, false, 21_000), &SaveState::Conflict);
    assert_eq!(store.get(&map_key(s.id())).unwrap(), raw);
    assert_eq!(s.map().title, "Mon titre 2");
    // Keep mine: written over theirs, a newer revision.
    assert_eq!(s.save(&store, ME, true, 22_000), &SaveState::Saved);
    assert!(s.revision() > theirs);
    assert_eq!(load_map(&store, s.id()).unwrap().map.title, "Mon titre 2");
}

#[test]
fn a_full_storage_keeps_the_work_in_memory_and_the_next_save_writes_it() {
    let (store, mut s) = opened();
    s.apply(Edit::SetTitle("Plein".into()), 10).unwrap();
    store.fail_writes(Some(StoreError::QuotaExceeded));
    assert_eq!(
        s.save(&store, ME, false, 11),
        &SaveState::Failed(StoreError::QuotaExceeded)
    );
    assert!(s.has_unsaved_work());
    assert_eq!(s.map().title, "Plein");
    assert_ne!(load_map(&store, s.id()).unwrap().map.title, "Plein");
    store.fail_writes(None);
    assert_eq!(s.save(&store, ME, false, 12), &SaveState::Saved);
    assert_eq!(load_map(&store, s.id()).unwrap().map.title, "Plein");
}

#[test]
fn an_external_save_is_followed_when_nothing_is_unsaved() {
    let (store, mut s) = opened();
    s.apply(Edit::SetTitle("Mien".into()), 10).unwrap();
    s.save(&store, ME, false, 11);
    let theirs = other_tab_saves(&store, s.id(), "Le leur");
    assert_eq!(
        s.on_external_change(&store, ExternalChange::Saved),
        ExternalOutcome::Reloaded
    );
    assert_eq!(s.map().title, "Le leur");
    assert_eq!(s.revision(), theirs);
    assert!(!s.can_undo(), "the history was of another document");
    assert_eq!(s.state(), &SaveState::Saved);
}

#[test]
fn an_external_save_over_unsaved_edits_is_a_conflict() {
    let (store, mut s) = opened();
    s.apply(Edit::SetTitle("Mien".into()), 10).unwrap();
    other_tab_saves(&store, s.id(), "Le leur");
    assert_eq!(
        s.on_external_change(&store, ExternalChange::Saved),
        ExternalOutcome::Conflict
    );
    assert_eq!(s.map().title, "Mien");
    // Load theirs: the user chose to drop the edits.
    s.reload(&store).unwrap();
    assert_eq!(s.map().title, "Le leur");
    assert_eq!(s.state(), &SaveState::Saved);
}

#[test]
fn a_map_deleted_elsewhere_stays_open_and_is_saved_again() {
    let (store, mut s) = opened();
    store.remove(&map_key(s.id())).unwrap();
    assert_eq!(
        s.on_external_change(&store, ExternalChange::Deleted),
        ExternalOutcome::DeletedElsewhere
    );
    s.apply(Edit::SetTitle("Encore là".into()), 10).unwrap();
    assert_eq!(s.save(&store, ME, false, 11), &SaveState::Saved);
    assert_eq!(load_map(&store, s.id()).unwrap().map.title, "Encore là");
}

#[test]
fn an_unreadable_stored_copy_is_not_followed() {
    let (store, mut s) = opened();
    store.set(&map_key(s.id()), "{ cassé").unwrap();
    assert_eq!(
        s.on_external_change(&store, ExternalChange::Saved),
        ExternalOutcome::Unrelated
    );
    assert_eq!(s.map().title, "Achat");
}

#[test]
fn undo_and_redo_are_edits_to_save() {
    let (store, mut s) = opened();
    s.apply(Edit::SetTitle("B".into()), 10).unwrap();
    s.save(&store, ME, false, 11);
    assert_eq!(s.undo(20).unwrap().unwrap(), vec![Scope::Meta]);
    assert_eq!(s.map().title, "Achat");
    assert_eq!(s.state(), &SaveState::Unsaved);
    assert!(s.can_redo());
    s.save(&store, ME, false, 21);
    assert_eq!(s.redo(30).unwrap().unwrap(), vec![Scope::Meta]);
    assert_eq!(s.map().title, "B");
    assert!(s.undo(40).is_some() && s.undo(41).is_none());
}

#[test]
fn a_merge_is_one_undoable_step_whose_stamps_are_its_own() {
    let (_, mut s) = opened();
    let mut merged = s.recorded(ME).clone();
    merged.title = "Fusion".into();
    s.apply_merge(merged.clone(), ME, 10).unwrap();
    assert_eq!(s.map().title, "Fusion");
    // Nothing of the merge is stamped as this browser's change.
    s.record(ME);
    assert_eq!(s.map().sync, merged.sync);
    s.undo(11).unwrap().unwrap();
    assert_eq!(s.map().title, "Achat");
}

#[test]
fn the_downloaded_file_is_the_map_in_memory() {
    let (_, mut s) = opened();
    s.apply(Edit::SetTitle("Pas encore sauvé".into()), 10)
        .unwrap();
    let text = s.file_text(ME);
    let read = envelope::from_json(&text).unwrap();
    assert_eq!(read.map, *s.map());
    assert_eq!(read.revision, s.revision());
}

/// What the user did, or what happened around the session.
#[derive(Clone, Debug)]
enum Op {
    Title(String),
    RenameStage(usize, String),
    AddStage(String),
    Refused,
    Undo,
    Redo,
    Save,
    KeepMine,
    FullStorage(bool),
    OtherTabSaves(String),
    OtherTabDeletes,
    /// The storage event of the last external change arrives.
    Notified(bool),
    LoadTheirs,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => "[a-z]{0,4}".prop_map(Op::Title),
        2 => (0usize..8, "[a-z]{1,3}").prop_map(|(i, n)| Op::RenameStage(i, n)),
        1 => "[a-z]{1,3}".prop_map(Op::AddStage),
        1 => Just(Op::Refused),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        3 => Just(Op::Save),
        1 => Just(Op::KeepMine),
        1 => any::<bool>().prop_map(Op::FullStorage),
        2 => "[A-Z]{1,3}".prop_map(Op::OtherTabSaves),
        1 => Just(Op::OtherTabDeletes),
        2 => any::<bool>().prop_map(Op::Notified),
        1 => Just(Op::LoadTheirs),
    ]
}

/// A map's content, without its merge stamps (recording changes them).
fn content(map: &JourneyMap) -> JourneyMap {
    let mut m = map.clone();
    m.sync = Default::default();
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random edits, undos, saves, failed saves and other tabs' saves and
    /// deletions: an acknowledged edit is never lost (it is in memory, or
    /// stored by a save that said so), and a newer stored save is never
    /// overwritten without a conflict reported (or the user forcing it).
    #[test]
    fn no_acknowledged_edit_is_lost_and_no_newer_save_is_overwritten(
        ops in proptest::collection::vec(op(), 1..40)
    ) {
        let (store, mut s) = opened();
        let id = s.id().to_owned();
        // What the user last saw acknowledged on screen.
        let mut acked = content(s.map());
        // What this session last wrote or read: a Saved state means this.
        let mut written = acked.clone();
        let mut ids = SequentialIds::new("n");
        let mut now = 100;
        for op in ops {
            now += 2_000;
            let before = content(s.map());
            let raw_before = store.get(&map_key(&id)).unwrap();
            let stored_before = stored_revision(&store, &id).ok().flatten();
            let known_before = s.revision();
            let state_before = s.state().clone();
            let user_edit = matches!(op, Op::Title(_) | Op::RenameStage(..) | Op::AddStage(_) | Op::Undo | Op::Redo);
            match op {
                Op::Title(t) => { s.apply(Edit::SetTitle(t), now).unwrap(); }
                Op::RenameStage(i, name) => {
                    let stage = s.map().stages[i % s.map().stages.len()].id.clone();
                    s.apply(Edit::RenameStage { id: stage, name }, now).unwrap();
                }
                Op::AddStage(name) => {
                    let index = s.map().stages.len();
                    let stage = Stage { id: ids.next_id(), name, journey: String::new() };
                    s.apply(Edit::InsertStage { index, stage, cards: vec![], touchpoints: vec![], emotions: vec![] }, now).unwrap();
                }
                Op::Refused => { prop_assert!(s.apply(Edit::RemoveStage("nope".into()), now).is_err()); }
                Op::Undo => { if let Some(r) = s.undo(now) { r.unwrap(); } }
                Op::Redo => { if let Some(r) = s.redo(now) { r.unwrap(); } }
                Op::Save | Op::KeepMine => {
                    let force = matches!(op, Op::KeepMine);
                    let state = s.save(&store, ME, force, now).clone();
                    let raw_after = store.get(&map_key(&id)).unwrap();
                    match state {
                        SaveState::Saved => {
                            // Written: only over the revision it knew, or forced.
                            let newer = stored_before.is_some_and(|r| r != known_before);
                            prop_assert!(force || !newer, "overwrote revision {stored_before:?} knowing {known_before}");
                            prop_assert_eq!(&load_map(&store, &id).unwrap().map, s.map());
                            written = content(s.map());
                        }
                        SaveState::Conflict => {
                            prop_assert!(!force);
                            prop_assert_eq!(raw_after, raw_before, "a conflict writes nothing");
                        }
                        SaveState::Failed(_) => prop_assert_eq!(raw_after, raw_before),
                        SaveState::Unsaved => prop_assert!(false, "a save leaves no unsaved state"),
                    }
                }
                Op::FullStorage(full) => store.fail_writes(full.then_some(StoreError::QuotaExceeded)),
                Op::OtherTabSaves(title) => {
                    let mut theirs = match load_map(&store, &id) {
                        Ok(t) => t,
                        Err(_) => continue,
                    };
                    theirs.map.title = title;
                    let _ = save_map(&store, &theirs.map, theirs.revision, false, now);
                }
                Op::OtherTabDeletes => { let _ = store.remove(&map_key(&id)); }
                Op::Notified(saved) => {
                    let change = if saved { ExternalChange::Saved } else { ExternalChange::Deleted };
                    if s.on_external_change(&store, change) == ExternalOutcome::Reloaded {
                        // Followed only what was all saved: nothing was lost.
                        prop_assert_eq!(&state_before, &SaveState::Saved);
                        prop_assert_eq!(&before, &written);
                        acked = content(s.map());
                        written = acked.clone();
                    }
                }
                Op::LoadTheirs => {
                    // The user's choice in a conflict: drop mine for theirs.
                    if state_before == SaveState::Conflict && s.reload(&store).is_ok() {
                        acked = content(s.map());
                        written = acked.clone();
                    }
                }
            }
            if user_edit {
                acked = content(s.map());
            }
            // The screen shows every acknowledged edit, whatever happened around it.
            prop_assert_eq!(content(s.map()), acked.clone());
            // "Saved" is only said of what was written (or read).
            if s.state() == &SaveState::Saved {
                prop_assert_eq!(content(s.map()), written.clone());
            }
        }
    }
}
