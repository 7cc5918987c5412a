//! Every map kept in this browser: create, search, open, rename, duplicate,
//! delete (with undo).

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::{JourneyMap, MapKind, Millis};
use crate::core::document::template;
use crate::core::formats::map_file::{self, OpenError};
use crate::core::formats::mermaid;
use crate::core::storage::backup;
use crate::core::storage::library::{self, MapEntry};
use crate::core::storage::store::StoreError;
use crate::core::storage::versions::reminder::REMIND_HINT_KEY;
use crate::core::storage::versions::trash::TRASH_HINT_KEY;
use crate::core::text::i18n::{Key, Lang};
use crate::core::text::search;
use crate::platform::clock;
use crate::platform::download;
use crate::platform::file_read;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, Incoming, NoticeKind, Route};
use crate::ui::folder::folder_door::FolderDoor;
use crate::ui::id_list::row_key;
use crate::ui::lazy_part::{ChunkError, LazyPart};
use crate::ui::library::map_row::MapRow;
use crate::ui::library::storage_meter::StorageMeter;
use crate::ui::library::templates_menu::TemplatesMenu;

/// What the library asks of its trash, which its lazy part (the history
/// part) does: a signal rather than a call, so that the first load holds
/// no code of the trash (a call awaited here weighed 1.6 KB of wasm).
#[derive(Clone, Debug, PartialEq)]
pub enum TrashAsk {
    /// Delete this map into the trash (then the library shows *Undo*).
    Delete { id: String, title: String },
    /// The delete of this map was undone: out of the trash.
    Undone { id: String },
}

/// The library's side of the trash: what it asks, and whether the part
/// that does it is wanted.
#[derive(Clone, Copy)]
pub struct Trash {
    pub ask: RwSignal<Option<TrashAsk>>,
    pub part: RwSignal<bool>,
}

impl Trash {
    pub fn ask(&self, what: TrashAsk) {
        self.part.set(true);
        self.ask.set(Some(what));
    }
}

/// A deleted map that can still be brought back.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedMap {
    pub id: String,
    pub title: String,
    pub raw: String,
}

crate::lazy_view!(
    /// The tree of journeys (issue 16), with the portfolio that shows it too.
    board, fn journey_tree() { view! { <crate::ui::journey::journey_tree::JourneyTree/> }.into_any() }
);

crate::lazy_fn!(
    /// A Mermaid journey read as a new map (or why not, with its line).
    sharing, fn read_mermaid(text: String, lang: Lang, now: Millis) -> Result<JourneyMap, mermaid::MermaidError> {
        mermaid::from_text_or_markdown(&text, &mut RandomIds, lang, now)
    }
);

crate::lazy_fn!(
    /// The whole library as one file's text (the "backup" chunk: its code
    /// is needed only when the user asks for a backup or opens one).
    backup, fn write_backup(app: AppState, report: library::LoadReport, now: Millis) -> Result<String, StoreError> {
        let written = backup::backup(&*app.store(), &report, now);
        if written.is_ok() {
            // For the reminder to back up (core::storage::versions::reminder).
            let _ = crate::core::storage::versions::reminder::set_last_backup(&*app.store(), now);
        }
        written
    }
);

crate::lazy_fn!(
    /// A backup checked whole, then stored (core::storage::backup::restore); maps
    /// whose ids are `taken` come in as copies.
    /// What it did is said in the chunk too (`Restored::message`): whether
    /// anything failed, and the text for the user.
    backup, fn restore_backup(app: AppState, bytes: Vec<u8>, taken: std::collections::HashSet<String>, now: Millis, name: String) -> Result<(bool, String), OpenError> {
        let lang = app.lang.get_untracked();
        backup::open_backup(&bytes, &|id: &str| taken.contains(id), &mut RandomIds)
            .map(|opened| {
                let done = backup::restore(&*app.store(), &opened, now);
                (done.failure.is_none(), done.message(lang, &name))
            })
    }
);

#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    app.refresh_library();
    let query = RwSignal::new(String::new());
    // `/` (not while typing) goes to the search box.
    let search = NodeRef::<leptos::html::Input>::new();
    let slash = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "/" && !crate::ui::shortcuts_help::typing(&ev) {
            if let Some(input) = search.get_untracked() {
                ev.prevent_default();
                let _ = input.focus();
            }
        }
    });
    on_cleanup(move || slash.remove());
    let deleted = RwSignal::new(None::<DeletedMap>);
    provide_context(deleted);
    // The history part (the trash, the storage details, the reminder to
    // back up) is fetched only when there is a reason: the trash may hold
    // maps or the reminder is due (hints the part leaves in localStorage),
    // a map is deleted, or the person asks.
    let store = app.store();
    let hinted = [TRASH_HINT_KEY, REMIND_HINT_KEY]
        .iter()
        .any(|k| store.get(k).ok().flatten().is_some());
    let trash = Trash {
        ask: RwSignal::new(None),
        part: RwSignal::new(hinted),
    };
    provide_context(trash);

    let create = move |map: JourneyMap| {
        let id = map.id.clone();
        if app.create_map(&map).is_ok() {
            app.navigate(Route::Map(id));
        }
    };
    // A blank map of the chosen kind, with the lanes and stages it needs.
    let new_kind = RwSignal::new(MapKind::CurrentState);
    let new_blank = move |_| {
        let lang = app.lang.get_untracked();
        let map = template::from_kind(
            new_kind.get_untracked(),
            lang,
            &mut RandomIds,
            clock::now(),
            lang.t(Key::UntitledMap),
        );
        create(map);
    };
    let new_demo = move |_| {
        let lang = app.lang.get_untracked();
        leptos::task::spawn_local(async move {
            match crate::ui::app_state::demo_of(lang, clock::now()).await {
                Ok(demo) => create(demo),
                Err(_) => app.notify(NoticeKind::Error(lang.t(Key::PartLoadFailed).to_owned())),
            }
        });
    };

    // A backup, checked whole, then stored (core::storage::backup::restore). If the
    // storage refuses a map, the notice says how many made it, never "all".
    let restored = move |complete: bool, text: String| {
        app.refresh_library();
        app.notify(if complete {
            NoticeKind::Info(text)
        } else {
            NoticeKind::Error(text)
        });
    };
    let back_up = move |_| {
        let lang = app.lang.get_untracked();
        let report = app.library.get_untracked();
        leptos::task::spawn_local(async move {
            let result = match write_backup(app, report, clock::now()).await {
                Ok(result) => result.map_err(|e| e.said(lang)),
                Err(ChunkError) => Err(lang.t(Key::PartLoadFailed).to_owned()),
            };
            let saved = result.and_then(|text| {
                download::download_text(
                    &download::file_name(lang.t(Key::BackupFileName), "json"),
                    "application/json",
                    &text,
                )
                .map_err(|e| e.said(lang))
            });
            if let Err(why) = saved {
                app.notify(NoticeKind::Error(why));
            }
        });
    };

    // A map file or a backup, picked or dropped: checked whole, then stored.
    let open_file = move |file: web_sys::File| {
        let name = file.name();
        file_read::read_bytes(&file, move |result| {
            let lang = app.lang.get_untracked();
            let ids: std::collections::HashSet<String> = app
                .library
                .with_untracked(|l| l.entries.iter().map(|e| e.id.clone()).collect());
            let refused = {
                let name = name.clone();
                move |why: String| {
                    app.notify(NoticeKind::Error(format!(
                        "{name} — {} {why}",
                        lang.t(Key::MapFileRefused)
                    )))
                }
            };
            let bytes = match result {
                Ok(bytes) => bytes,
                Err(why) => return refused(why),
            };
            if backup::is_backup(&bytes) {
                let name = name.clone();
                leptos::task::spawn_local(async move {
                    match restore_backup(app, bytes, ids, clock::now(), name.clone()).await {
                        Ok(Ok((complete, text))) => restored(complete, text),
                        Ok(Err(why)) => refused(why.said(lang)),
                        Err(ChunkError) => refused(lang.t(Key::PartLoadFailed).to_owned()),
                    }
                });
                return;
            }
            let taken = |id: &str| ids.contains(id);
            // A Mermaid journey (or a Markdown page holding one) becomes a
            // new map; its reader is in a lazy chunk, fetched on first use.
            if let Ok(text) = map_file::text_of(&bytes) {
                if mermaid::looks_like_mermaid(text) {
                    let text = text.to_owned();
                    leptos::task::spawn_local(async move {
                        match read_mermaid(text, lang, clock::now()).await {
                            Ok(Ok(map)) => {
                                let id = map.id.clone();
                                if app.create_map(&map).is_ok() {
                                    app.navigate(Route::Map(id));
                                }
                            }
                            Ok(Err(why)) => refused(why.said(lang)),
                            Err(ChunkError) => refused(lang.t(Key::PartLoadFailed).to_owned()),
                        }
                    });
                    return;
                }
            }
            match map_file::open_map_file(&bytes, &taken, &mut RandomIds) {
                Ok(opened) => match opened.already_in_library {
                    // A teammate's copy of a map we hold: the editor offers
                    // to merge it (or to keep it apart, as a copy).
                    Some(id) => {
                        let mut map = opened.map;
                        map.id = id.clone();
                        app.incoming.set(Some(Incoming {
                            file_name: name.clone(),
                            map,
                        }));
                        app.navigate(Route::Map(id));
                    }
                    None => {
                        let id = opened.map.id.clone();
                        if app.import_map(&opened.map) {
                            app.navigate(Route::Map(id));
                        }
                    }
                },
                Err(why) => refused(why.said(lang)),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(file);
        }
        // The same file can be picked again (after fixing it, say).
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(file);
        }
    };

    let visible = move || {
        let q = query.get();
        app.library.with(|l| {
            search::search(&l.entries, &q)
                .into_iter()
                .cloned()
                .collect::<Vec<MapEntry>>()
        })
    };
    // Undo of a delete, revision-checked: if another tab saved the map
    // again meanwhile, its newer version stays, and the deleted text can
    // still be downloaded.
    let undo_refused = RwSignal::new(None::<DeletedMap>);
    // The tree of journeys above the list (its part is fetched when shown).
    let tree = RwSignal::new(false);
    let undo_delete = move |_| {
        if let Some(d) = deleted.get_untracked() {
            match library::restore_map(&*app.store(), &d.id, &d.raw) {
                Ok(()) => {
                    // Back in the library: out of the trash (or it would come back twice).
                    trash.ask(TrashAsk::Undone { id: d.id.clone() });
                    deleted.set(None);
                }
                Err(library::RestoreError::SavedSince { .. }) => {
                    deleted.set(None);
                    undo_refused.set(Some(d));
                }
                Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
            }
            app.refresh_library();
        }
    };
    let download_deleted = move |_| {
        if let Some(d) = undo_refused.get_untracked() {
            let name = download::file_name(&d.title, "json");
            if let Err(e) = download::download_text(&name, "application/json", &d.raw) {
                app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
            }
        }
    };

    view! {
        <section class="library" data-testid="library"
            on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop>
            <div class="library-bar">
                <h1>{app.text(Key::Library)}</h1>
                <span class="new-map">
                    <button class="primary" data-testid="new-blank" on:click=new_blank>
                        {app.text(Key::NewBlankMap)}
                    </button>
                    <select data-testid="new-kind" aria-label=app.text(Key::MapKind)
                        on:change=move |ev| {
                            let code = event_target_value(&ev);
                            if let Some(kind) = MapKind::ALL.into_iter().find(|k| k.code() == code) {
                                new_kind.set(kind);
                            }
                        }>
                        {MapKind::ALL.into_iter().map(|k| view! {
                            <option value=k.code() selected=move || new_kind.get() == k>{move || k.label(app.lang.get())}</option>
                        }).collect_view()}
                    </select>
                </span>
                <button data-testid="new-demo" on:click=new_demo>{app.text(Key::NewFromDemo)}</button>
                <label class="button file-button" title=app.text(Key::OpenMapFileHint)>
                    {app.text(Key::OpenMapFile)}
                    <input type="file" class="visually-hidden" data-testid="open-map-file"
                        accept=".json,.mmd,.mermaid,.md,.txt,application/json,text/plain,text/markdown" on:change=on_pick/>
                </label>
                <button data-testid="backup-library" on:click=back_up>{app.text(Key::BackupLibrary)}</button>
                <a class="button" href="#/personas" data-testid="open-persona-library"
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Personas); }>
                    {app.text(Key::PersonaLibrary)}
                </a>
                <a class="button" data-testid="open-actions-board" href=Route::Actions.to_hash()
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Actions); }>
                    {app.text(Key::OpenActionsBoard)}
                </a>
                <a class="button" data-testid="open-portfolio" href=Route::Portfolio.to_hash()
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Portfolio); }>
                    {app.text(Key::Portfolio)}
                </a>
                <button data-testid="show-journey-tree" aria-pressed=move || if tree.get() { "true" } else { "false" }
                    on:click=move |_| tree.update(|t| *t = !*t)>
                    {app.text(Key::JourneyTree)}
                </button>
                <input
                    type="search"
                    class="search"
                    data-testid="search"
                    node_ref=search
                    placeholder=app.text(Key::SearchMaps)
                    aria-label=app.text(Key::SearchMaps)
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <TemplatesMenu/>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="toast" role="status">
                    {app.text(Key::Deleted)} " "
                    <strong>{move || deleted.with(|d| d.as_ref().map(|d| d.title.clone()))}</strong>
                    <button data-testid="undo-delete" on:click=undo_delete>{app.text(Key::Undo)}</button>
                </div>
            </Show>
            {move || undo_refused.get().map(|d| view! {
                <div class="notice error" role="alert" data-testid="notice" data-kind="undo-refused">
                    <p><strong>{d.title}</strong> " — " {app.text(Key::UndoDeleteRefused)}</p>
                    <div class="notice-actions">
                        <button data-testid="download-deleted" on:click=download_deleted>
                            {app.text(Key::DownloadDeletedVersion)}
                        </button>
                        <button on:click=move |_| undo_refused.set(None)>{app.text(Key::Close)}</button>
                    </div>
                </div>
            })}
            {move || tree.get().then(|| view! { <LazyPart load=journey_tree/> })}
            <table class="map-list">
                <thead>
                    <tr>
                        <th scope="col">{app.text(Key::ColTitle)}</th>
                        <th scope="col">{app.text(Key::ColKind)}</th>
                        <th scope="col">{app.text(Key::ColModified)}</th>
                        <th scope="col" class="num">{app.text(Key::ColSize)}</th>
                        <th scope="col"><span class="visually-hidden">{app.text(Key::Actions)}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=visible key=|e| row_key(&[&e.id, &e.title, &e.modified.to_string(), &e.size.to_string()]) let:entry>
                        <MapRow entry=entry/>
                    </For>
                </tbody>
            </table>
            <Show when=move || visible().is_empty()>
                <p class="empty">
                    {move || if app.library.with(|l| l.entries.is_empty()) {
                        app.t(Key::LibraryEmpty)
                    } else {
                        app.t(Key::NoMapsMatch)
                    }}
                </p>
            </Show>
            <FolderDoor/>
            <StorageMeter/>
            <button class="link-button" data-testid="storage-more" hidden=move || trash.part.get()
                on:click=move |_| trash.part.set(true)>
                {move || match app.lang.get() { Lang::En => "Trash and storage details", Lang::Fr => "Corbeille et détails du stockage" }}
            </button>
            <Show when=move || trash.part.get()>
                <LazyPart load=crate::ui::history::library_part waiting=|| ()/>
            </Show>
        </section>
    }
}
