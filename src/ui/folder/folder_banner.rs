//! The banner of an open map that is a file of the shared folder (a lazy
//! part): it watches the file on focus, after each save and every
//! [`POLL_MS`], and does what `core::folder::watch::decide` says — write
//! the map, take a teammate's save, merge both (one undoable step each), or
//! stop and ask: a conflict opens the merge panel; a file changed outside
//! Parcours, gone, broken, holding another map or read-only is never
//! written over. The map stays in this browser's storage whatever happens.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::document::model::{JourneyMap, Millis};
use crate::core::folder::link::{self, Link};
use crate::core::folder::listing::{self, FileMeta};
use crate::core::folder::signature;
use crate::core::folder::watch::{self, FileNow, Seen, Step, POLL_MS};
use crate::core::folder::words::FolderText;
use crate::core::folder::FolderError;
use crate::core::session::SaveState;
use crate::core::storage::versions::ChangeSummary;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::folder_access::{Folder, Permission};
use crate::ui::app_state::{AppState, Incoming, Route};
use crate::ui::folder::shared_folder;
use crate::ui::session::map_session::MapSession;

/// What the banner says of the file.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Starting,
    /// The folder is not connected in this browser now.
    NotConnected,
    NeedsPermission,
    InStep(Millis),
    Unreachable(String),
    /// The merge panel settles it.
    Conflict,
    /// Changed outside Parcours: the user chooses.
    Unrecorded,
    Gone,
    Broken(String),
    OtherMap,
    /// The file may only be read.
    ReadOnly,
    WriteFailed(String),
    /// The user chose to keep the map in this browser only.
    Unlinked,
}

/// The last change the folder brought: when, and what, in words.
#[derive(Clone, Debug, PartialEq)]
struct Brought {
    at: Millis,
    merged: bool,
    summary: String,
    /// Who saved the file, as it is signed (`core::folder::signature`).
    by: Option<String>,
}

#[derive(Clone, Copy)]
struct Watcher {
    session: MapSession,
    app: AppState,
    file: RwSignal<String>,
    folder: StoredValue<Option<Folder>, LocalStorage>,
    folder_name: RwSignal<String>,
    status: RwSignal<Status>,
    brought: RwSignal<Option<Brought>>,
    /// The file was renamed by someone: (from, to).
    renamed: RwSignal<Option<(String, String)>>,
    /// The file's map when the user must choose (changed outside Parcours),
    /// and who signed it.
    theirs: StoredValue<Option<(JourneyMap, Option<String>)>>,
    busy: StoredValue<bool>,
    /// A check was asked for while one ran: run another after it.
    again: StoredValue<bool>,
}

impl Watcher {
    /// Still on screen (async steps resume after the map may have closed).
    fn alive(&self) -> bool {
        self.session.id.try_get_value().is_some() && self.status.try_get_untracked().is_some()
    }

    fn map_id(&self) -> String {
        self.session.id.get_value()
    }

    fn set(&self, status: Status) {
        if self.status.try_get_untracked().is_some_and(|s| s != status) {
            self.status.set(status);
        }
    }

    fn keep_seen(&self, meta: &FileMeta) {
        let store = self.app.store();
        let id = self.map_id();
        let file = self.file.get_untracked();
        let _ = link::set_link(&*store, &id, &Link::new(&file).with_seen(Seen::of(meta)));
    }

    /// Look at the file; `read_anyway` reads it even when its time and size
    /// are as last seen (after a save of ours, to write it).
    fn check(self, read_anyway: bool) {
        if !self.alive() {
            return;
        }
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        self.busy.set_value(true);
        leptos::task::spawn_local(async move {
            let mut read_anyway = read_anyway;
            loop {
                self.look(read_anyway).await;
                if !self.alive() || !self.again.try_get_value().unwrap_or(false) {
                    break;
                }
                self.again.set_value(false);
                read_anyway = true;
            }
            let _ = self.busy.try_set_value(false);
        });
    }

    async fn look(self, read_anyway: bool) {
        let Some(folder) = self.folder.get_value() else {
            return;
        };
        if matches!(self.status.get_untracked(), Status::Unlinked) {
            return;
        }
        let file = self.file.get_untracked();
        let lang = self.app.lang.get_untracked();
        let meta = match folder.stat(&file).await {
            Ok(Some(meta)) => meta,
            Ok(None) => return self.follow(&folder, &file).await,
            Err(FolderError::NotAllowed) => return self.set(Status::NeedsPermission),
            Err(e) => return self.set(Status::Unreachable(e.said(lang))),
        };
        if !self.alive() {
            return;
        }
        let seen = link::link(&*self.app.store(), &self.map_id()).and_then(|l| l.seen());
        let waiting = matches!(
            self.status.get_untracked(),
            Status::Unreachable(_) | Status::Starting | Status::Gone | Status::NeedsPermission
        );
        if !read_anyway && !waiting && !watch::changed(seen, &meta) {
            return;
        }
        let now = match folder.read(&file).await {
            Ok(Some((meta, bytes))) => {
                let by = std::str::from_utf8(&bytes)
                    .ok()
                    .and_then(signature::signed_by);
                (meta, listing::read_file(&bytes), by)
            }
            Ok(None) => return self.set(Status::Gone),
            Err(FolderError::NotAllowed) => return self.set(Status::NeedsPermission),
            Err(e) => return self.set(Status::Unreachable(e.said(lang))),
        };
        if !self.alive() {
            return;
        }
        let (meta, read, by) = now;
        let theirs = read.as_ref().ok().map(|s| s.map.clone());
        let file_now = match read {
            Ok(stored) => FileNow::Read(Box::new(stored)),
            Err(problem) => FileNow::Problem(problem),
        };
        let ours = self.session.recorded();
        match watch::decide(&ours, file_now) {
            Step::InStep => {
                self.keep_seen(&meta);
                self.set(Status::InStep(clock::now()));
            }
            Step::Write => self.write().await,
            Step::Take(map) => {
                self.bring(&ours, map, false, by);
                self.keep_seen(&meta);
                self.set(Status::InStep(clock::now()));
            }
            // Written back at the save this merge makes (the check after it).
            Step::Merged { map, .. } => {
                self.bring(&ours, map, true, by);
                self.set(Status::InStep(clock::now()));
            }
            Step::Conflict(_) => {
                if let Some(map) = theirs {
                    if self.app.incoming.with_untracked(Option::is_none) {
                        self.app.incoming.set(Some(Incoming {
                            file_name: file,
                            map,
                        }));
                    }
                }
                self.set(Status::Conflict);
            }
            Step::Unrecorded(_) => {
                self.theirs.set_value(theirs.map(|m| (m, by)));
                self.set(Status::Unrecorded);
            }
            Step::OtherMap => {
                self.keep_seen(&meta);
                self.set(Status::OtherMap);
            }
            Step::Gone => self.set(Status::Gone),
            Step::Broken(problem) => {
                self.keep_seen(&meta);
                self.set(Status::Broken(problem.said(lang)));
            }
            Step::MergeFailed(e) => self.set(Status::Broken(e.to_string())),
        }
    }

    /// The file is not there: renamed (another file of the folder holds
    /// this map: follow it) or deleted (say so; nothing is written).
    async fn follow(self, folder: &Folder, gone: &str) {
        let id = self.map_id();
        let mut found = None;
        if let Ok(files) = folder.list().await {
            for meta in files.into_iter().filter(|m| m.name != gone) {
                if listing::worth_reading(&meta).is_err() {
                    continue;
                }
                if let Ok(Some((_, bytes))) = folder.read(&meta.name).await {
                    if listing::read_file(&bytes).is_ok_and(|s| s.map.id == id) {
                        found = Some(meta.name);
                        break;
                    }
                }
            }
        }
        if !self.alive() {
            return;
        }
        match found {
            Some(name) => {
                let _ = link::set_link(&*self.app.store(), &id, &Link::new(&name));
                self.renamed.set(Some((gone.to_owned(), name.clone())));
                self.file.set(name);
                self.again.set_value(true);
            }
            None => {
                self.renamed.set(None);
                self.set(Status::Gone);
            }
        }
    }

    /// Show the folder's copy (or the merge of both) as one undoable step.
    fn bring(&self, before: &JourneyMap, map: JourneyMap, merged: bool, by: Option<String>) {
        let summary = ChangeSummary::between(before, &map).said(self.app.lang.get_untracked());
        crate::ui::history::keep_before(
            self.session,
            crate::core::storage::versions::VersionReason::BeforeFolderUpdate,
        );
        self.session.apply_merge(map);
        self.brought.set(Some(Brought {
            at: clock::now(),
            merged,
            summary,
            by,
        }));
    }

    /// Write the map on screen as the file (whole, or not at all).
    async fn write(self) {
        let Some(folder) = self.folder.get_value() else {
            return;
        };
        let text = self.session.file_text();
        let store = self.app.store();
        let written = shared_folder::write_linked(
            &*store,
            &folder,
            &self.map_id(),
            &self.file.get_untracked(),
            &text,
        )
        .await;
        if !self.alive() {
            return;
        }
        let lang = self.app.lang.get_untracked();
        self.set(match written {
            Ok(w) if w.overtaken => {
                // A teammate's save came just after ours: read it next.
                self.again.set_value(true);
                Status::InStep(clock::now())
            }
            Ok(_) => Status::InStep(clock::now()),
            Err(FolderError::ReadOnly) => Status::ReadOnly,
            Err(FolderError::NotAllowed) => match folder.permission(false).await {
                Permission::Granted => Status::ReadOnly,
                _ => Status::NeedsPermission,
            },
            Err(e) => Status::WriteFailed(e.said(lang)),
        });
    }

    /// Start with the folder kept in IndexedDB, if the browser lets us use it.
    async fn start(self) {
        let Some(folder) = shared_folder::remembered().await else {
            return self.set(Status::NotConnected);
        };
        if !self.alive() {
            return;
        }
        self.folder_name.set(folder.name());
        let permission = folder.permission(true).await;
        let read = folder.permission(false).await;
        self.folder.set_value(Some(folder));
        match (permission, read) {
            (Permission::Granted, _) => self.check(true),
            (_, Permission::Granted) => {
                self.check(true);
                self.set(Status::ReadOnly);
            }
            _ => self.set(Status::NeedsPermission),
        }
    }
}

#[component]
pub fn FolderBanner() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let Some(found) = link::link(&*app.store(), &session.id.get_value()) else {
        return ().into_any();
    };
    let w = Watcher {
        session,
        app,
        file: RwSignal::new(found.file),
        folder: StoredValue::new_local(None),
        folder_name: RwSignal::new(link::connected(&*app.store()).unwrap_or_default()),
        status: RwSignal::new(Status::Starting),
        brought: RwSignal::new(None),
        renamed: RwSignal::new(None),
        theirs: StoredValue::new(None),
        busy: StoredValue::new(false),
        again: StoredValue::new(false),
    };
    leptos::task::spawn_local(w.start());

    // After each save of ours; on focus; every few seconds.
    Effect::new(move |_| {
        if session.save_state.get() == SaveState::Saved && w.folder.with_value(Option::is_some) {
            w.check(true);
        }
    });
    let focus = window_event_listener(leptos::ev::focus, move |_| w.check(false));
    let poll = set_interval_with_handle(
        move || w.check(false),
        Duration::from_millis(POLL_MS.into()),
    )
    .ok();
    // What "1 min ago" says, kept current.
    let now = RwSignal::new(clock::now());
    let tick =
        set_interval_with_handle(move || now.set(clock::now()), Duration::from_secs(30)).ok();
    on_cleanup(move || {
        focus.remove();
        if let Some(p) = poll {
            p.clear();
        }
        if let Some(t) = tick {
            t.clear();
        }
    });

    let say = move |t: FolderText| t.said(app.lang.get());
    let file = move || w.file.get();

    let reconnect = move |_| {
        let Some(folder) = w.folder.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if folder.request(true).await == Permission::Granted {
                w.check(true);
            } else if folder.permission(false).await == Permission::Granted {
                w.set(Status::ReadOnly);
            }
        });
    };
    let connect = move |_| {
        leptos::task::spawn_local(async move {
            if let Ok(folder) = Folder::pick().await {
                let _ = shared_folder::remember(&*app.store(), &folder).await;
                w.folder_name.set(folder.name());
                w.folder.set_value(Some(folder));
                w.check(true);
            }
        });
    };
    let write_now = move || leptos::task::spawn_local(w.write());
    let take_theirs = move |_| {
        if let Some((map, by)) = w.theirs.get_value() {
            let before = session.peek(JourneyMap::clone);
            w.bring(&before, map, false, by);
            w.theirs.set_value(None);
        }
        write_now();
    };
    let keep_mine = move |_| {
        w.theirs.set_value(None);
        write_now();
    };
    let unlink = move |_| {
        let _ = link::unlink(&*app.store(), &session.id.get_value());
        w.set(Status::Unlinked);
    };
    let open_merge = move |_| w.check(true);
    let save_copy = move |_| {
        let mut copy = session.peek(JourneyMap::clone);
        app.keep_apart(&mut copy);
        copy.title = format!("{} (2)", copy.title);
        let id = copy.id.clone();
        if app.import_map(&copy) {
            app.navigate(Route::Map(id));
        }
    };

    let message = move || {
        let f = file();
        match w.status.get() {
            Status::Starting => say(FolderText::Checking),
            Status::NotConnected => say(FolderText::NotConnected),
            Status::NeedsPermission => say(FolderText::NeedsPermission),
            Status::InStep(at) => say(FolderText::InStepAt {
                time: clock::format_date(at, app.lang.get().code()),
            }),
            Status::Unreachable(why) => say(FolderText::Unreachable { why }),
            Status::Conflict => say(FolderText::Conflict { file: f }),
            Status::Unrecorded => say(FolderText::Unrecorded { file: f }),
            Status::Gone => say(FolderText::Gone { file: f }),
            Status::Broken(why) => say(FolderText::Broken { file: f, why }),
            Status::OtherMap => say(FolderText::OtherMap { file: f }),
            Status::ReadOnly => say(FolderText::ReadOnlyFile { file: f }),
            Status::WriteFailed(why) => say(FolderText::WriteFailed { why }),
            Status::Unlinked => String::new(),
        }
    };
    let code = move || match w.status.get() {
        Status::Starting => "starting",
        Status::NotConnected => "not-connected",
        Status::NeedsPermission => "needs-permission",
        Status::InStep(_) => "in-step",
        Status::Unreachable(_) => "unreachable",
        Status::Conflict => "conflict",
        Status::Unrecorded => "unrecorded",
        Status::Gone => "gone",
        Status::Broken(_) => "broken",
        Status::OtherMap => "other-map",
        Status::ReadOnly => "read-only",
        Status::WriteFailed(_) => "write-failed",
        Status::Unlinked => "unlinked",
    };
    let warn = move || {
        !matches!(
            w.status.get(),
            Status::Starting | Status::InStep(_) | Status::Unlinked
        )
    };
    let brought = move || {
        w.brought.get().map(|b| {
            let f = file();
            let minutes = (now.get() - b.at) / 60_000;
            let said = if b.merged {
                say(FolderText::MergedWith {
                    file: f,
                    summary: b.summary,
                    by: b.by,
                })
            } else {
                say(FolderText::FileChanged {
                    file: f,
                    summary: b.summary,
                    by: b.by,
                })
            };
            format!("{said} ({})", say(FolderText::Ago { minutes }))
        })
    };
    let button =
        move |id: &'static str, label: FolderText, on: Box<dyn Fn(leptos::ev::MouseEvent)>| {
            view! { <button data-testid=id on:click=on>{move || say(label.clone())}</button> }
        };

    view! {
        <Show when=move || w.status.get() != Status::Unlinked>
            <div class="folder-banner" class:warn=warn data-testid="folder-banner" data-state=code
                role="status" aria-live="polite">
                <p>
                    <strong>{move || say(FolderText::InFolder { folder: w.folder_name.get(), file: file() })}</strong>
                    " — " <span data-testid="folder-banner-message">{message}</span>
                </p>
                {move || brought().map(|b| view! { <p data-testid="folder-brought">{b}</p> })}
                {move || w.renamed.get().map(|(from, to)| view! {
                    <p data-testid="folder-renamed">{say(FolderText::Renamed { from, to })}</p>
                })}
                <div class="folder-tools">
                    {move || match w.status.get() {
                        Status::NeedsPermission => button("folder-reconnect", FolderText::ConnectAgain, Box::new(reconnect)).into_any(),
                        Status::NotConnected => button("folder-connect-again", FolderText::ConnectAgain, Box::new(connect)).into_any(),
                        Status::Conflict => button("folder-open-merge", FolderText::OpenMerge, Box::new(open_merge)).into_any(),
                        Status::Unrecorded => view! {
                            {button("folder-take", FolderText::TakeFolders, Box::new(take_theirs))}
                            {button("folder-keep-mine", FolderText::KeepMine, Box::new(keep_mine))}
                        }.into_any(),
                        Status::Gone => view! {
                            {button("folder-write-again", FolderText::WriteAgain, Box::new(move |_| write_now()))}
                            {button("folder-unlink", FolderText::Unlink, Box::new(unlink))}
                        }.into_any(),
                        Status::ReadOnly => button("folder-save-copy", FolderText::SaveCopy, Box::new(save_copy)).into_any(),
                        _ => ().into_any(),
                    }}
                </div>
            </div>
        </Show>
    }
    .into_any()
}
