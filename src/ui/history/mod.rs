//! Versions of the open map and the trash of deleted maps, kept in
//! IndexedDB (`core::storage::versions` holds every rule; this is the
//! browser's side).
//!
//! Everything that touches IndexedDB is in the `history` part, fetched the
//! first time a version is kept, the panel opened or the library shows the
//! trash. What stays in the map path is [`keep_versions`], a timer on the
//! document (a few hundred bytes), and [`keep_before`], which the merge,
//! the folder banner and the CSV import call before they change the map.

pub mod history_panel;
pub mod storage_details;
pub mod trash_list;
pub mod version_row;

use std::future::Future;
use std::time::Duration;

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::model::{IdSource, JourneyMap};
use crate::core::storage::profile;
use crate::core::storage::versions::{
    self, policy, Recorded, Taking, VersionReason, VersionStoreError,
};
use crate::core::text::said::Said;
use crate::platform::indexed_db::IndexedDbStore;
use crate::platform::random_ids::RandomIds;
use crate::platform::{clock, persistent_storage};
use crate::ui::app_state::{AppState, NoticeKind};
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// Run `f` with the database open, then close it: a connection held open
/// would block the next version of the database in another tab.
pub async fn with_db<T, F, Fut>(f: F) -> Result<T, VersionStoreError>
where
    F: FnOnce(std::rc::Rc<IndexedDbStore>) -> Fut,
    Fut: Future<Output = Result<T, VersionStoreError>>,
{
    let db = std::rc::Rc::new(IndexedDbStore::open().await?);
    let out = f(db.clone()).await;
    db.close();
    out
}

/// Keep a version of `map` now, signed with this person's name (when set).
/// (Naming a version is `versions::set_name` on one already kept.)
pub async fn record_now(
    app: AppState,
    map: JourneyMap,
    reason: VersionReason,
) -> Result<Recorded, VersionStoreError> {
    let author = profile::read_name(&*app.store()).ok().flatten();
    let taking = Taking {
        id: RandomIds.next_id(),
        author,
        name: None,
        now: clock::now(),
    };
    with_db(|db| async move { versions::record(&*db, &map, reason, taking).await }).await
}

crate::lazy_fn!(
    /// The editor's history panel.
    history, pub fn history_panel() -> AnyView {
        view! { <history_panel::HistoryPanel/> }.into_any()
    }
);

crate::lazy_fn!(
    /// The library's trash (shown when it holds maps) and the storage details.
    history, pub fn library_part() -> AnyView {
        view! { <trash_list::TrashList/> <storage_details::StorageDetails/> }.into_any()
    }
);

thread_local! {
    /// A failure to keep versions is said once a page, not at every pause.
    static TOLD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Persistent storage was asked for in this page.
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The counts behind [`keep_versions`]: edits seen, and how many of them
/// the last version holds.
#[derive(Clone, Copy)]
pub struct Bursts {
    edits: StoredValue<u64>,
    covered: StoredValue<u64>,
}

/// Keep a version of the open map now, in the history part. With
/// `bursts`, the version of the burst that ended with edit `n`: when the
/// last one is under 5 minutes old, kept at the time the policy says,
/// unless the map was edited since (that burst then asks itself).
fn kept_now(
    session: MapSession,
    map: JourneyMap,
    editor: Option<EditorView>,
    reason: VersionReason,
    bursts: Option<(Bursts, u64)>,
) {
    leptos::task::spawn_local(async move {
        let Some(recorded) = record_or_say(session.app, map, reason).await else {
            return;
        };
        // The browser is asked to keep the storage for good once a page,
        // at the first version kept (after a save).
        if !ASKED.replace(true) {
            let mut persisted = persistent_storage::persisted().await;
            if persisted == Some(false) {
                persisted = persistent_storage::persist().await;
            }
            // The library shows the reminder to back up when it is due.
            storage_details::reminder_due(session.app, persisted);
        }
        match (recorded, bursts) {
            (Recorded::Wait { until }, Some((b, n))) => {
                let wait = Duration::from_millis(until.saturating_sub(clock::now()).max(0) as u64);
                set_timeout(
                    move || {
                        if b.edits.try_get_value() == Some(n) {
                            let map = session.peek(JourneyMap::clone);
                            kept_now(session, map, editor, reason, Some((b, n)));
                        }
                    },
                    wait,
                );
                return;
            }
            (_, Some((b, n))) => {
                let _ = b.covered.try_set_value(n);
            }
            _ => {}
        }
        if let Some(e) = editor {
            let _ = e.versions_kept.try_update(|k| *k += 1);
        }
    });
}

/// [`record_now`], a failure said once a page, not at every pause.
async fn record_or_say(app: AppState, map: JourneyMap, reason: VersionReason) -> Option<Recorded> {
    match record_now(app, map, reason).await {
        Ok(recorded) => Some(recorded),
        Err(e) => {
            if !TOLD.replace(true) {
                app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
            }
            None
        }
    }
}

crate::lazy_fn!(
    /// [`kept_now`], in the history part.
    history, fn keep(session: MapSession, map: JourneyMap, editor: Option<EditorView>, reason: VersionReason, bursts: Option<(Bursts, u64)>) -> () {
        kept_now(session, map, editor, reason, bursts)
    }
);

/// Ask the history part to keep a version of the map as it is now (read
/// here: the part may arrive after a change). One copy of this code for
/// every caller: each await of a lazy part is a future of its own.
fn ask_keep(
    session: MapSession,
    editor: Option<EditorView>,
    reason: VersionReason,
    bursts: Option<(Bursts, u64)>,
) {
    let map = session.peek(JourneyMap::clone);
    leptos::task::spawn_local(async move {
        let _ = keep(session, map, editor, reason, bursts).await;
    });
}

/// Keep a version of the open map as it is, before a merge, an import or a
/// folder update changes it (the change itself is then undoable; the
/// version outlives the session). The map is read now, before the change.
pub fn keep_before(session: MapSession, reason: VersionReason) {
    ask_keep(session, use_context::<EditorView>(), reason, None);
}

/// Keep a version when a burst of edits ends (`policy::QUIET_MS` without
/// an edit; at most one every 5 minutes), and when the map is left with
/// edits no version holds yet.
pub fn keep_versions(session: MapSession) {
    // Read now: timers and cleanups run without the component's context.
    let editor = use_context::<EditorView>();
    let bursts = Bursts {
        edits: StoredValue::new(0),
        covered: StoredValue::new(0),
    };
    Effect::new(move |seen: Option<()>| {
        session.track(Scope::Document);
        if seen.is_some() {
            let n = bursts.edits.get_value() + 1;
            bursts.edits.set_value(n);
            set_timeout(
                move || {
                    if bursts.edits.try_get_value() == Some(n) {
                        ask_keep(session, editor, VersionReason::Burst, Some((bursts, n)));
                    }
                },
                Duration::from_millis(policy::QUIET_MS as u64),
            );
        }
    });
    on_cleanup(move || {
        if bursts.edits.try_get_value() > bursts.covered.try_get_value() {
            ask_keep(session, editor, VersionReason::Left, None);
        }
    });
}
