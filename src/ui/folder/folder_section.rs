//! The library's *Shared folder* section: connect a folder (or reconnect
//! the one kept), list its maps and the files that cannot be opened (with
//! why), open a map (read-only when the share only lets this browser read),
//! add a map of this browser to the folder, disconnect.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::document::model::JourneyMap;
use crate::core::folder::file_name;
use crate::core::folder::link::{self, Link};
use crate::core::folder::listing::{self, FolderEntry};
use crate::core::folder::watch::Seen;
use crate::core::folder::words::FolderText;
use crate::core::folder::FolderError;
use crate::core::formats::envelope;
use crate::core::formats::map_file;
use crate::core::storage::library;
use crate::core::text::map_text::cell_lines;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::folder_access::{Folder, Permission};
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::folder::shared_folder;
use crate::ui::viewer::map_view::MapView;

#[derive(Clone)]
enum State {
    Opening,
    /// Kept from an earlier visit; the browser wants a click to allow it again.
    Ask(Folder),
    Ready {
        folder: Folder,
        read_only: bool,
    },
    Failed(FolderError),
}

#[component]
pub fn FolderSection(pick: bool) -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = RwSignal::new_local(State::Opening);
    let entries = RwSignal::new_local(Vec::<FolderEntry>::new());
    let viewing = RwSignal::new_local(None::<(String, JourneyMap)>);
    let say = move |t: FolderText| t.said(app.lang.get());
    let fail = move |text: String| app.notify(NoticeKind::Error(text));

    let refresh = move || {
        if let State::Ready { folder, read_only } = state.get_untracked() {
            spawn_local(async move {
                match shared_folder::list(&folder, read_only, app.lang.get_untracked()).await {
                    Ok(found) => entries.set(found),
                    Err(e) => state.set(State::Failed(e)),
                }
            });
        }
    };
    // Allowed: keep the handle, list the files.
    let use_folder = move |folder: Folder| {
        spawn_local(async move {
            let read_only = folder.permission(true).await != Permission::Granted;
            if let Err(e) = shared_folder::remember(&folder).await {
                fail(e.said(app.lang.get_untracked()));
            }
            let _ = link::set_connected(&*app.store(), &folder.name());
            state.set(State::Ready { folder, read_only });
            refresh();
        });
    };
    let connect = move || {
        spawn_local(async move {
            match Folder::pick().await {
                Ok(folder) => use_folder(folder),
                Err(e) => state.set(State::Failed(e)),
            }
        });
    };
    let reconnect = move |folder: Folder| {
        spawn_local(async move {
            let mut allowed = folder.request(true).await;
            if allowed != Permission::Granted {
                allowed = folder.request(false).await;
            }
            match allowed {
                Permission::Granted => use_folder(folder),
                _ => state.set(State::Failed(FolderError::NotAllowed)),
            }
        });
    };
    // On arrival: the picker (the user just clicked), else the folder kept.
    if pick {
        connect();
    } else {
        spawn_local(async move {
            match shared_folder::remembered().await {
                None => state.set(State::Failed(FolderError::Gone)),
                Some(folder) => {
                    if folder.permission(false).await == Permission::Granted {
                        use_folder(folder);
                    } else {
                        state.set(State::Ask(folder));
                    }
                }
            }
        });
    }
    // Back on the page: the folder may have changed meanwhile.
    let focus = window_event_listener(leptos::ev::focus, move |_| refresh());
    on_cleanup(move || focus.remove());

    let open = move |name: String| {
        let State::Ready { folder, read_only } = state.get_untracked() else {
            return;
        };
        spawn_local(async move {
            let lang = app.lang.get_untracked();
            let (meta, bytes) = match folder.read(&name).await {
                Ok(Some(found)) => found,
                Ok(None) => return fail(FolderText::Gone { file: name }.said(lang)),
                Err(e) => return fail(e.said(lang)),
            };
            let stored = match listing::read_file(&bytes) {
                Ok(stored) => stored,
                Err(problem) => {
                    return fail(
                        FolderText::Broken {
                            file: name,
                            why: problem.said(lang),
                        }
                        .said(lang),
                    )
                }
            };
            if read_only {
                viewing.set(Some((name, stored.map)));
                return;
            }
            let id = stored.map.id.clone();
            let store = app.store();
            let known = link::link(&*store, &id);
            if library::load_map(&*store, &id).is_err() {
                if !app.import_map(&stored.map) {
                    return;
                }
                // Stored as the file holds it: in step with that file.
                let _ = link::set_link(&*store, &id, &Link::new(&name).with_seen(Seen::of(&meta)));
            } else if known.as_ref().map(|l| l.file.as_str()) != Some(name.as_str()) {
                // The library has this map already: linked now, and merged
                // with the file when it opens (nothing seen of it yet).
                let _ = link::set_link(&*store, &id, &Link::new(&name));
            }
            app.navigate(Route::Map(id));
        });
    };

    let adding = RwSignal::new(String::new());
    let add = move |_| {
        let State::Ready { folder, .. } = state.get_untracked() else {
            return;
        };
        let id = adding.get_untracked();
        if id.is_empty() {
            return;
        }
        spawn_local(async move {
            let lang = app.lang.get_untracked();
            let store = app.store();
            let stored = match library::load_map(&*store, &id) {
                Ok(stored) => stored,
                Err(e) => return fail(e.said(lang)),
            };
            let names: Vec<String> =
                entries.with_untracked(|e| e.iter().map(|e| e.meta().name.clone()).collect());
            let name = file_name::file_name_for(&stored.map.title, &|n| {
                names.iter().any(|x| x.eq_ignore_ascii_case(n))
            });
            let text = envelope::to_json_pretty(&stored.map, stored.revision);
            match folder.write(&name, &text).await {
                Ok(meta) => {
                    let _ =
                        link::set_link(&*store, &id, &Link::new(&name).with_seen(Seen::of(&meta)));
                    app.notify(NoticeKind::Info(
                        FolderText::Added {
                            title: stored.map.title.clone(),
                            file: name,
                        }
                        .said(lang),
                    ));
                    adding.set(String::new());
                    refresh();
                }
                Err(e) => fail(FolderText::WriteFailed { why: e.said(lang) }.said(lang)),
            }
        });
    };
    let disconnect = move |_| {
        let _ = link::disconnect(&*app.store());
        entries.set(Vec::new());
        spawn_local(async move {
            shared_folder::forget().await;
            state.set(State::Failed(FolderError::Cancelled));
        });
    };
    let save_copy = move |_| {
        let Some((_, map)) = viewing.get_untracked() else {
            return;
        };
        let mut copy = map;
        let ids: Vec<String> = app
            .library
            .with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect());
        map_file::keep_apart(&mut copy, &|id| ids.iter().any(|x| x == id), &mut RandomIds);
        let id = copy.id.clone();
        if app.create_map(&copy).is_ok() {
            app.navigate(Route::Map(id));
        }
    };

    let body = move || match state.get() {
        State::Opening => view! { <p role="status">{say(FolderText::Checking)}</p> }.into_any(),
        State::Ask(folder) => {
            let name = folder.name();
            view! {
                <p>{say(FolderText::ReconnectWhy)}</p>
                <button class="primary" data-testid="folder-reconnect" on:click=move |_| reconnect(folder.clone())>
                    {say(FolderText::Reconnect { name: name.clone() })}
                </button>
            }
            .into_any()
        }
        State::Failed(e) => {
            let why = match e {
                // Nothing to say: not connected (or just disconnected).
                FolderError::Cancelled | FolderError::Gone => None,
                e => Some(e.said(app.lang.get())),
            };
            view! {
                {why.map(|why| view! { <p class="import-error" role="alert" data-testid="folder-error">{why}</p> })}
                <p class="hint">{say(FolderText::Intro)}</p>
                <button data-testid="folder-connect" on:click=move |_| connect()>{say(FolderText::Connect)}</button>
            }
            .into_any()
        }
        State::Ready { folder, read_only } => {
            let lang = app.lang.get();
            let listed = entries.get();
            let maps = listed
                .iter()
                .filter(|e| matches!(e, FolderEntry::Map { .. }))
                .count();
            let rows = listed
                .iter()
                .filter_map(|e| match e {
                    FolderEntry::Map { meta, entry, read_only } => {
                        let name = meta.name.clone();
                        let title = if entry.title.trim().is_empty() { meta.name.clone() } else { entry.title.clone() };
                        Some(view! {
                            <li class="folder-map" data-testid="folder-map">
                                <button class="link" on:click=move |_| open(name.clone())>{title}</button>
                                " " <span class="hint">{meta.name.clone()} " · " {clock::format_date(meta.modified, lang.code())}</span>
                                {read_only.then(|| view! { " " <span class="badge">{FolderText::ReadOnlyBadge.said(lang)}</span> })}
                            </li>
                        })
                    }
                    FolderEntry::Unusable { .. } => None,
                })
                .collect_view();
            let problems: Vec<_> = listed
                .iter()
                .filter_map(|e| match e {
                    FolderEntry::Unusable { meta, problem } => Some(view! {
                        <li data-testid="folder-problem"><code>{meta.name.clone()}</code> " — " {problem.said(lang)}</li>
                    }),
                    FolderEntry::Map { .. } => None,
                })
                .collect();
            let listed_ids: Vec<String> = listed
                .iter()
                .filter_map(|e| match e {
                    FolderEntry::Map { entry, .. } => Some(entry.id.clone()),
                    FolderEntry::Unusable { .. } => None,
                })
                .collect();
            let addable: Vec<_> = app.library.with(|l| {
                l.entries
                    .iter()
                    .filter(|e| !listed_ids.contains(&e.id))
                    .map(|e| view! { <option value=e.id.clone()>{e.title.clone()}</option> })
                    .collect()
            });
            view! {
                <p data-testid="folder-name">{FolderText::Connected { name: folder.name(), maps }.said(lang)}</p>
                {read_only.then(|| view! { <p class="hint" data-testid="folder-read-only">{FolderText::ReadOnlyFolder.said(lang)}</p> })}
                {(maps == 0).then(|| view! { <p class="hint">{FolderText::Empty.said(lang)}</p> })}
                <ul class="folder-maps">{rows}</ul>
                {(!problems.is_empty()).then(|| view! {
                    <p>{FolderText::Problems.said(lang)}</p>
                    <ul class="folder-problems">{problems}</ul>
                })}
                {(!read_only && !addable.is_empty()).then(|| view! {
                    <div class="folder-add">
                        <label>
                            {FolderText::AddHeading.said(lang)} " "
                            <select data-testid="folder-add-map" on:change=move |ev| adding.set(event_target_value(&ev))>
                                <option value="">"—"</option>
                                {addable}
                            </select>
                        </label>
                        " " <button data-testid="folder-add" on:click=add>{FolderText::AddButton.said(lang)}</button>
                    </div>
                })}
                <div class="folder-actions">
                    <button on:click=move |_| refresh()>{FolderText::Refresh.said(lang)}</button>
                    " " <button data-testid="folder-disconnect" on:click=disconnect>{FolderText::Disconnect.said(lang)}</button>
                </div>
            }
            .into_any()
        }
    };
    let read_only_view = move || {
        viewing.get().map(|(file, map)| {
            let lang = app.lang.get();
            view! {
                <section class="shared-map" data-testid="folder-read-only-map">
                    <div class="shared-banner" role="status">
                        <span>{FolderText::ReadOnlyFile { file }.said(lang)}</span>
                        <button class="primary" data-testid="folder-save-copy" on:click=save_copy>{FolderText::SaveCopy.said(lang)}</button>
                        <button on:click=move |_| viewing.set(None)>{FolderText::Close.said(lang)}</button>
                    </div>
                    <h2>{map.title.clone()}</h2>
                    <MapView map=map lang=lang lines=cell_lines/>
                </section>
            }
        })
    };
    view! {
        <section class="folder-section" data-testid="folder-section" aria-labelledby="folder-heading">
            <h2 id="folder-heading">{move || say(FolderText::Heading)}</h2>
            {body}
        </section>
        {read_only_view}
    }
}
