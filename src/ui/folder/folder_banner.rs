//! The banner of an open map that is a file of the shared folder, and the
//! watch behind it: on arrival, on focus, after each save and every
//! `POLL_MS`, the file is looked at; when it or the map changed since they
//! were last in step, the file is read and `core::folder::watch::decide`
//! says what to do. A teammate's edits come in as one undoable step (a
//! version is kept first); ours are written whole; a true conflict opens
//! the merge; a file gone, broken or read-only is never written over.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::document::model::IdSource;
use crate::core::document::model::JourneyMap;
use crate::core::folder::link::{self, Link};
use crate::core::folder::listing::{self, FileMeta, FileProblem};
use crate::core::folder::watch::{self, FileNow, Seen, Step, POLL_MS};
use crate::core::folder::words::FolderText;
use crate::core::folder::FolderError;
use crate::core::formats::envelope;
use crate::core::session::SaveState;
use crate::core::storage::versions::{self, ChangeSummary, Taking, VersionReason};
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::folder_access::{Folder, Permission};
use crate::platform::indexed_db::IndexedDbStore;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{Incoming, NoticeKind};
use crate::ui::folder::shared_folder;
use crate::ui::session::map_session::MapSession;

/// Where the map stands with its file.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Checking,
    InStep { at: i64 },
    Conflict,
    Unrecorded(Box<JourneyMap>),
    Gone,
    Broken(FileProblem),
    OtherMap,
    ReadOnly,
    NeedsPermission,
    Failed(FolderError),
}

#[component]
pub fn FolderBanner() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let id = session.id.get_value();
    let Some(first) = link::link(&*app.store(), &id) else {
        return ().into_any();
    };
    let folder_name = link::connected(&*app.store()).unwrap_or_default();
    let link = StoredValue::new(first);
    let status = RwSignal::new(Status::Checking);
    // The map's clock when it was last in step with the file: a change of
    // ours since then is written (after reading the file again).
    let synced: StoredValue<Option<BTreeMap<String, u64>>> = StoredValue::new(None);
    let busy = StoredValue::new(false);
    let alive = StoredValue::new(true);

    let set_seen = move |meta: &FileMeta| {
        link.update_value(|l| *l = l.with_seen(Seen::of(meta)));
        let _ = link::set_link(&*app.store(), &session.id.get_value(), &link.get_value());
    };
    let in_step = move |meta: &FileMeta, clock_now: BTreeMap<String, u64>| {
        set_seen(meta);
        synced.set_value(Some(clock_now));
        status.set(Status::InStep { at: clock::now() });
    };
    let write = move |folder: Folder, ours: JourneyMap| async move {
        let file = link.with_value(|l| l.file.clone());
        let text = envelope::to_json_pretty(&ours, 0);
        match folder.write(&file, &text).await {
            Ok(meta) => in_step(&meta, ours.sync.clock.clone()),
            Err(FolderError::ReadOnly | FolderError::NotAllowed) => status.set(Status::ReadOnly),
            Err(e) => {
                // Said once, not at every retry.
                if !matches!(status.get_untracked(), Status::Failed(_)) {
                    let lang = app.lang.get_untracked();
                    app.notify(NoticeKind::Error(
                        FolderText::WriteFailed { why: e.said(lang) }.said(lang),
                    ));
                }
                status.set(Status::Failed(e));
            }
        }
    };
    // Keep a version of the map before the folder's copy changes it.
    let keep_version = move |map: JourneyMap| async move {
        if let Ok(db) = IndexedDbStore::open().await {
            let taking = Taking {
                id: RandomIds.next_id(),
                author: None,
                name: None,
                now: clock::now(),
            };
            let _ = versions::record(&db, &map, VersionReason::BeforeFolderUpdate, taking).await;
        }
    };

    let step = move |forced: bool| async move {
        let Some(folder) = shared_folder::remembered().await else {
            return status.set(Status::NeedsPermission);
        };
        if folder.permission(false).await != Permission::Granted {
            return status.set(Status::NeedsPermission);
        }
        let file = link.with_value(|l| l.file.clone());
        let meta = match folder.stat(&file).await {
            Ok(Some(meta)) => meta,
            Ok(None) => return status.set(Status::Gone),
            Err(e) => return status.set(Status::Failed(e)),
        };
        if !alive.get_value() {
            return;
        }
        let ours = session.recorded();
        let file_changed = watch::changed(link.with_value(Link::seen), &meta);
        let ours_changed = synced.with_value(|s| s.as_ref() != Some(&ours.sync.clock));
        let settled = matches!(
            status.get_untracked(),
            Status::Conflict | Status::Unrecorded(_)
        );
        if !forced && !file_changed && (!ours_changed || settled) {
            return;
        }
        let (meta, now) = match folder.read(&file).await {
            Ok(Some((meta, bytes))) => {
                let now = match listing::read_file(&bytes) {
                    Ok(stored) => FileNow::Read(Box::new(stored)),
                    Err(problem) => FileNow::Problem(problem),
                };
                (meta, now)
            }
            Ok(None) => (meta, FileNow::Gone),
            Err(e) => (
                meta,
                FileNow::Problem(FileProblem::ReadFailed(e.said(app.lang.get_untracked()))),
            ),
        };
        if !alive.get_value() {
            return;
        }
        let theirs = match &now {
            FileNow::Read(stored) => Some(stored.map.clone()),
            _ => None,
        };
        let lang = app.lang.get_untracked();
        match watch::decide(&ours, now) {
            Step::InStep => in_step(&meta, ours.sync.clock.clone()),
            Step::Write => write(folder, ours).await,
            Step::Take(map) => {
                keep_version(ours.clone()).await;
                let summary = ChangeSummary::between(&ours, &map).said(lang);
                session.apply_merge(map);
                app.notify(NoticeKind::Info(
                    FolderText::FileChanged { file, summary }.said(lang),
                ));
                in_step(&meta, session.recorded().sync.clock);
            }
            Step::Merged { map, .. } => {
                keep_version(ours.clone()).await;
                let summary = ChangeSummary::between(&ours, &map).said(lang);
                session.apply_merge(map);
                app.notify(NoticeKind::Info(
                    FolderText::MergedWith { file, summary }.said(lang),
                ));
                set_seen(&meta);
                write(folder, session.recorded()).await;
            }
            Step::Conflict(_) => {
                set_seen(&meta);
                status.set(Status::Conflict);
                if let Some(map) = theirs {
                    app.incoming.set(Some(Incoming {
                        file_name: file,
                        map,
                    }));
                }
            }
            Step::Unrecorded(_) => {
                set_seen(&meta);
                if let Some(map) = theirs {
                    status.set(Status::Unrecorded(Box::new(map)));
                }
            }
            Step::OtherMap => status.set(Status::OtherMap),
            Step::Gone => status.set(Status::Gone),
            Step::Broken(problem) => status.set(Status::Broken(problem)),
            Step::MergeFailed(e) => status.set(Status::Failed(FolderError::Failed(e.said(lang)))),
        }
    };
    let tick = move |forced: bool| {
        if busy.get_value() || !alive.get_value() {
            return;
        }
        busy.set_value(true);
        spawn_local(async move {
            step(forced).await;
            busy.set_value(false);
        });
    };
    tick(true);
    let poll =
        set_interval_with_handle(move || tick(false), Duration::from_millis(POLL_MS as u64)).ok();
    let focus = window_event_listener(leptos::ev::focus, move |_| tick(false));
    // After each save of ours: written within a moment, not at the next poll.
    Effect::new(move |_| {
        if session.save_state.get() == SaveState::Saved {
            tick(false);
        }
    });
    on_cleanup(move || {
        alive.set_value(false);
        if let Some(poll) = poll {
            poll.clear();
        }
        focus.remove();
    });

    let reconnect = move |_| {
        spawn_local(async move {
            if let Some(folder) = shared_folder::remembered().await {
                if folder.request(true).await == Permission::Granted
                    || folder.request(false).await == Permission::Granted
                {
                    tick(true);
                }
            }
        });
    };
    let write_again = move |_| {
        spawn_local(async move {
            if let Some(folder) = shared_folder::remembered().await {
                link.update_value(|l| *l = Link::new(&l.file));
                write(folder, session.recorded()).await;
            }
        });
    };
    let unlink = move |_| {
        let _ = link::unlink(&*app.store(), &session.id.get_value());
        alive.set_value(false);
        status.set(Status::Checking);
    };
    let take_folders = move |_| {
        if let Status::Unrecorded(map) = status.get_untracked() {
            session.apply_merge(*map);
            synced.set_value(None);
            status.set(Status::Checking);
            tick(true);
        }
    };
    let keep_mine = move |_| {
        spawn_local(async move {
            if let Some(folder) = shared_folder::remembered().await {
                write(folder, session.recorded()).await;
            }
        });
    };
    let open_merge = move |_| {
        synced.set_value(None);
        status.set(Status::Checking);
        tick(true);
    };

    let line = move || {
        let lang = app.lang.get();
        let file = link.with_value(|l| l.file.clone());
        let (text, alert) = match status.get() {
            Status::Checking => (FolderText::Checking.said(lang), false),
            Status::InStep { at } => (
                FolderText::InStepAt {
                    time: clock::format_date(at, lang.code()),
                }
                .said(lang),
                false,
            ),
            Status::Conflict => (FolderText::Conflict { file }.said(lang), true),
            Status::Unrecorded(_) => (FolderText::Unrecorded { file }.said(lang), true),
            Status::Gone => (FolderText::Gone { file }.said(lang), true),
            Status::Broken(problem) => (
                FolderText::Broken {
                    file,
                    why: problem.said(lang),
                }
                .said(lang),
                true,
            ),
            Status::OtherMap => (FolderText::OtherMap { file }.said(lang), true),
            Status::ReadOnly => (FolderText::ReadOnlyFile { file }.said(lang), true),
            Status::NeedsPermission => (FolderText::NeedsPermission.said(lang), true),
            Status::Failed(e) => (
                FolderText::Unreachable { why: e.said(lang) }.said(lang),
                true,
            ),
        };
        let actions = match status.get() {
            Status::Gone => view! {
                <button data-testid="folder-write-again" on:click=write_again>{FolderText::WriteAgain.said(lang)}</button>
                <button on:click=unlink>{FolderText::Unlink.said(lang)}</button>
            }
            .into_any(),
            Status::Unrecorded(_) => view! {
                <button data-testid="folder-take" on:click=take_folders>{FolderText::TakeFolders.said(lang)}</button>
                <button data-testid="folder-keep-mine" on:click=keep_mine>{FolderText::KeepMine.said(lang)}</button>
            }
            .into_any(),
            Status::Conflict => view! {
                <button on:click=open_merge>{FolderText::OpenMerge.said(lang)}</button>
            }
            .into_any(),
            Status::NeedsPermission => view! {
                <button class="primary" data-testid="folder-reconnect" on:click=reconnect>
                    {FolderText::Reconnect { name: link::connected(&*app.store()).unwrap_or_default() }.said(lang)}
                </button>
            }
            .into_any(),
            Status::OtherMap | Status::Broken(_) | Status::ReadOnly => view! {
                <button on:click=unlink>{FolderText::Unlink.said(lang)}</button>
            }
            .into_any(),
            _ => ().into_any(),
        };
        view! {
            <span data-testid="folder-status" role=if alert { "alert" } else { "status" }>{text}</span>
            " " {actions}
        }
    };
    let folder_name = StoredValue::new(folder_name);
    view! {
        <div class="folder-banner" data-testid="folder-banner">
            <span>{move || FolderText::InFolder { folder: folder_name.get_value(), file: link.with_value(|l| l.file.clone()) }.said(app.lang.get())}</span>
            " · " {line}
        </div>
    }
    .into_any()
}
