//! The shared folder's section of the library (a lazy part): the folder's
//! maps, to open (a working copy in this browser, linked to its file) or,
//! when the folder may only be read, to view and copy; the files that
//! cannot be opened, each with the reason (never written over); and *Add
//! to the folder* for a map of this browser.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::folder::file_name;
use crate::core::folder::link::{self, Link};
use crate::core::folder::listing::FolderEntry;
use crate::core::folder::words::FolderText;
use crate::core::folder::FolderError;
use crate::core::formats::envelope::Stored;
use crate::core::storage::library;
use crate::core::text::map_text::cell_lines;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::folder_access::{Folder, Permission};
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::folder::shared_folder::{self, Door, Read};
use crate::ui::viewer::map_view::MapView;

/// Where the section stands with the folder.
#[derive(Clone, Debug, PartialEq)]
enum Conn {
    Starting,
    /// No folder (its handle was not kept, or the picker failed: `why`).
    NoFolder(Option<String>),
    /// Kept from an earlier visit: the browser asks again, after a click.
    NeedsClick(String),
    Ready {
        name: String,
        read_only: bool,
    },
    /// No folder access in this browser: a folder's files may be read once.
    PickFiles,
    /// Read once from `<input webkitdirectory>`: read-only, not watched.
    ReadOnce(String),
}

#[component]
pub fn FolderSection(
    door: StoredValue<Option<Door>, LocalStorage>,
    open: RwSignal<bool>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let say = move |t: FolderText| t.said(app.lang.get());
    let conn = RwSignal::new(Conn::Starting);
    let folder = StoredValue::new_local(None::<Folder>);
    let entries = RwSignal::new(Vec::<FolderEntry>::new());
    let maps = StoredValue::new_local(HashMap::<String, Stored>::new());
    let problem = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // A map of a read-only folder, shown read-only: (file, map).
    let viewing = RwSignal::new(None::<(String, Stored)>);

    let show_read = move |read: Read| {
        entries.set(read.entries);
        maps.set_value(read.maps);
    };
    let refresh = move || {
        let Some(f) = folder.get_value() else { return };
        let read_only = matches!(
            conn.get_untracked(),
            Conn::Ready {
                read_only: true,
                ..
            }
        );
        busy.set(true);
        leptos::task::spawn_local(async move {
            match shared_folder::read_folder(&f, read_only).await {
                Ok(read) => {
                    problem.set(None);
                    show_read(read);
                }
                Err(FolderError::NotAllowed) => conn.set(Conn::NeedsClick(f.name())),
                Err(e) => {
                    let lang = app.lang.get_untracked();
                    problem.set(Some(
                        FolderText::Unreachable { why: e.said(lang) }.said(lang),
                    ));
                }
            }
            busy.set(false);
        });
    };
    // The folder is usable: by writing when the browser allows it, else by reading.
    let use_folder = move |f: Folder, write: Option<bool>| async move {
        let read_only = match write {
            Some(true) => false,
            _ if f.permission(false).await == Permission::Granted => true,
            _ => {
                conn.set(Conn::NeedsClick(f.name()));
                folder.set_value(Some(f));
                return;
            }
        };
        conn.set(Conn::Ready {
            name: f.name(),
            read_only,
        });
        folder.set_value(Some(f));
        refresh();
    };

    // Pick a folder and use it. `asked_here`: from the section's own button
    // (a cancel leaves the section as it is, rather than closing it).
    let connect_now = move |asked_here: bool| async move {
        match Folder::pick().await {
            Ok(f) => {
                if let Err(why) = shared_folder::remember(&*app.store(), &f).await {
                    problem.set(Some(why));
                }
                let write = shared_folder::writable(&f).await;
                use_folder(f, write).await;
            }
            Err(FolderError::Cancelled) if asked_here => {}
            Err(FolderError::Cancelled) => open.set(false),
            // The click's activation ran out while the part loaded: its own button asks again.
            Err(FolderError::NotAllowed) => conn.set(Conn::NoFolder(None)),
            Err(e) => conn.set(Conn::NoFolder(Some(e.said(app.lang.get_untracked())))),
        }
    };

    leptos::task::spawn_local(async move {
        match door.try_update_value(Option::take).flatten() {
            Some(Door::Remembered) | None => match shared_folder::remembered().await {
                Some(f) => {
                    let write = shared_folder::writable(&f).await;
                    use_folder(f, write).await;
                }
                None => conn.set(Conn::NoFolder(None)),
            },
            Some(Door::Connect) => connect_now(false).await,
            Some(Door::ReadOnce) => conn.set(Conn::PickFiles),
        }
    });

    let reconnect = move |_| {
        let Some(f) = folder.get_value() else { return };
        leptos::task::spawn_local(async move {
            let write = match f.request(true).await {
                Permission::Granted => Some(true),
                _ => Some(false),
            };
            use_folder(f, write).await;
        });
    };
    let pick = move |_| leptos::task::spawn_local(connect_now(true));
    let read_files = move |ev: leptos::ev::Event| {
        let files = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files());
        let Some(files) = files.filter(|f| f.length() > 0) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let (name, read) = shared_folder::read_once(&files).await;
            viewing.set(None);
            conn.set(Conn::ReadOnce(name));
            show_read(read);
        });
    };
    let disconnect = move |_| {
        leptos::task::spawn_local(async move {
            shared_folder::forget(&*app.store()).await;
            folder.set_value(None);
            open.set(false);
        });
    };

    // Open a map of the folder: as the working copy in this browser,
    // linked to its file (the banner of the open map keeps them in step),
    // or, when the folder may only be read, shown read-only.
    let open_file = move |file: String| {
        let Some(stored) = maps.with_value(|m| m.get(&file).cloned()) else {
            return;
        };
        let writable = matches!(
            conn.get_untracked(),
            Conn::Ready {
                read_only: false,
                ..
            }
        );
        if !writable {
            viewing.set(Some((file, stored)));
            return;
        }
        let store = app.store();
        let id = stored.map.id.clone();
        let known = library::load_map(&*store, &id).is_ok();
        let same_file = link::link(&*store, &id).is_some_and(|l| l.file == file);
        if !known && app.create_map(&stored.map).is_err() {
            return;
        }
        if !same_file {
            // A map already in this browser (an earlier export of it) is
            // linked too: the banner merges the two at once, as a teammate's copy.
            let _ = link::set_link(&*store, &id, &Link::new(&file));
        }
        app.navigate(Route::Map(id));
    };

    let save_copy = move |_| {
        let Some((_, stored)) = viewing.get_untracked() else {
            return;
        };
        let mut copy = stored.map;
        app.keep_apart(&mut copy);
        if app.import_map(&copy) {
            app.notify(NoticeKind::Info(
                FolderText::CopySaved {
                    title: copy.title.clone(),
                }
                .said(app.lang.get_untracked()),
            ));
            viewing.set(None);
        }
    };

    // Add a map of this browser to the folder, as a new file.
    let to_add = RwSignal::new(String::new());
    let addable = move || {
        // A map just added is linked: the listing read again says so.
        entries.track();
        let store = app.store();
        app.library.with(|l| {
            l.entries
                .iter()
                .filter(|e| !link::is_linked(&*store, &e.id))
                .map(|e| (e.id.clone(), e.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let add = move |_| {
        let Some(f) = folder.get_value() else { return };
        let id = match to_add.get_untracked() {
            id if !id.is_empty() => id,
            _ => match addable().first() {
                Some((id, _)) => id.clone(),
                None => return,
            },
        };
        let store = app.store();
        let Ok(stored) = library::load_map(&*store, &id) else {
            return;
        };
        let taken: Vec<String> =
            entries.with_untracked(|e| e.iter().map(|e| e.meta().name.clone()).collect());
        let name = file_name::file_name_for(&stored.map.title, &|n| taken.iter().any(|t| t == n));
        let text = shared_folder::file_text(&stored.map, stored.revision);
        leptos::task::spawn_local(async move {
            let lang = app.lang.get_untracked();
            match shared_folder::write_linked(&*app.store(), &f, &id, &name, &text).await {
                Ok(_) => {
                    app.notify(NoticeKind::Info(
                        FolderText::Added {
                            title: stored.map.title.clone(),
                            file: name,
                        }
                        .said(lang),
                    ));
                    to_add.set(String::new());
                    refresh();
                }
                Err(e) => problem.set(Some(
                    FolderText::WriteFailed { why: e.said(lang) }.said(lang),
                )),
            }
        });
    };

    let maps_of = move || {
        entries.with(|e| {
            e.iter()
                .filter_map(|e| match e {
                    FolderEntry::Map {
                        meta,
                        entry,
                        read_only,
                    } => Some((
                        meta.name.clone(),
                        entry.title.clone(),
                        meta.modified,
                        *read_only,
                    )),
                    FolderEntry::Unusable { .. } => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let unusable = move || {
        let lang = app.lang.get();
        entries.with(|e| {
            e.iter()
                .filter_map(|e| match e {
                    FolderEntry::Unusable { meta, problem } => {
                        Some((meta.name.clone(), problem.said(lang)))
                    }
                    FolderEntry::Map { .. } => None,
                })
                .collect::<Vec<_>>()
        })
    };
    let status = move || match conn.get() {
        Conn::Ready { name, .. } => say(FolderText::Connected {
            name,
            maps: maps_of().len(),
        }),
        Conn::ReadOnce(name) => say(FolderText::ReadOnceDone {
            name,
            maps: maps_of().len(),
        }),
        Conn::NeedsClick(name) => say(FolderText::Reconnect { name }),
        Conn::Starting => say(FolderText::Checking),
        Conn::NoFolder(_) => say(FolderText::Intro),
        Conn::PickFiles => say(FolderText::NotSupported),
    };
    let ready = move || matches!(conn.get(), Conn::Ready { .. });
    let listed = move || matches!(conn.get(), Conn::Ready { .. } | Conn::ReadOnce(_));
    let read_only = move || {
        matches!(
            conn.get(),
            Conn::Ready {
                read_only: true,
                ..
            }
        )
    };
    let writable = move || {
        matches!(
            conn.get(),
            Conn::Ready {
                read_only: false,
                ..
            }
        )
    };

    view! {
        <div class="folder-section" data-testid="folder-section" aria-busy=move || busy.get().to_string()>
            <h2>{move || say(FolderText::Heading)}</h2>
            <p class="folder-status" data-testid="folder-status">{status}</p>
            {move || match conn.get() {
                Conn::NoFolder(why) => view! {
                    {why.map(|w| view! { <p class="notice error" role="alert">{w}</p> })}
                    <button data-testid="folder-connect" on:click=pick>{move || say(FolderText::Connect)}</button>
                }.into_any(),
                Conn::NeedsClick(_) => view! {
                    <p>{move || say(FolderText::ReconnectWhy)}</p>
                    <button class="primary" data-testid="folder-reconnect" on:click=reconnect>
                        {move || say(FolderText::Connect)}
                    </button>
                    <button data-testid="folder-disconnect" on:click=disconnect>{move || say(FolderText::Disconnect)}</button>
                }.into_any(),
                Conn::PickFiles | Conn::ReadOnce(_) => view! {
                    <p>{move || say(FolderText::ReadOnceIntro)}</p>
                    <label class="button file-button">
                        {move || say(FolderText::ReadOnce)}
                        <input type="file" class="visually-hidden" data-testid="folder-read-once"
                            prop:webkitdirectory=true multiple=true on:change=read_files/>
                    </label>
                }.into_any(),
                _ => ().into_any(),
            }}
            <Show when=ready>
                <div class="folder-tools">
                    <button data-testid="folder-refresh" on:click=move |_| refresh()>{move || say(FolderText::Refresh)}</button>
                    <button data-testid="folder-disconnect" on:click=disconnect>{move || say(FolderText::Disconnect)}</button>
                </div>
            </Show>
            <Show when=writable>
                <crate::ui::your_name::YourName/>
            </Show>
            <Show when=read_only>
                <p class="folder-read-only" data-testid="folder-read-only">{move || say(FolderText::ReadOnlyFolder)}</p>
            </Show>
            {move || problem.get().map(|p| view! { <p class="notice error" role="alert" data-testid="folder-problem">{p}</p> })}
            <Show when=listed>
                <ul class="folder-maps" data-testid="folder-maps">
                    {move || maps_of().into_iter().map(|(file, title, modified, ro)| {
                        let lang = app.lang.get();
                        let when = clock::format_date(modified, lang.code());
                        let target = file.clone();
                        let key = file.clone();
                        view! {
                            <li data-testid="folder-map" data-file=key>
                                <strong>{title}</strong>
                                <span class="folder-file">{file}</span>
                                <span class="folder-when">{when}</span>
                                {(ro || !writable()).then(|| view! { <span class="badge">{say(FolderText::ReadOnlyBadge)}</span> })}
                                <button data-testid="folder-open" on:click=move |_| open_file(target.clone())>
                                    {say(FolderText::Open)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when=move || maps_of().is_empty()>
                    <p class="empty">{move || say(FolderText::Empty)}</p>
                </Show>
                <Show when=move || !unusable().is_empty()>
                    <p>{move || say(FolderText::Problems)}</p>
                    <ul class="folder-problems" data-testid="folder-problems">
                        {move || unusable().into_iter().map(|(file, why)| {
                            let key = file.clone();
                            view! {
                                <li data-testid="folder-problem-file" data-file=key>
                                    <span class="folder-file">{file}</span> " — " {why}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </Show>
            </Show>
            <Show when=move || writable() && !addable().is_empty()>
                <div class="folder-add">
                    <label>
                        {move || say(FolderText::AddHeading)} " "
                        <select data-testid="folder-add-map" on:change=move |ev| to_add.set(event_target_value(&ev))>
                            {move || addable().into_iter().map(|(id, title)| view! {
                                <option value=id.clone() selected=move || to_add.get() == id>{title}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button data-testid="folder-add" on:click=add>{move || say(FolderText::AddButton)}</button>
                </div>
            </Show>
            {move || viewing.get().map(|(file, stored)| {
                let lang = app.lang.get();
                view! {
                    <div class="folder-viewing" data-testid="folder-viewing">
                        <p role="status">{say(FolderText::Viewing { file })}</p>
                        <div class="folder-tools">
                            <button class="primary" data-testid="folder-save-copy" on:click=save_copy>
                                {say(FolderText::SaveCopy)}
                            </button>
                            <button on:click=move |_| viewing.set(None)>{say(FolderText::Close)}</button>
                        </div>
                        <h3>{stored.map.title.clone()}</h3>
                        <div class="map-view-scroll"><MapView map=stored.map lang=lang lines=cell_lines/></div>
                    </div>
                }
            })}
        </div>
    }
}
