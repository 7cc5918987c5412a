//! Every map kept in this browser: create, search, open, rename, duplicate,
//! delete (with undo).

use leptos::prelude::*;

use crate::core::demo::demo_map;
use crate::core::i18n::Key;
use crate::core::library::{self, MapEntry};
use crate::core::model::JourneyMap;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::id_list::row_key;
use crate::ui::library::map_row::MapRow;
use crate::ui::library::storage_meter::StorageMeter;

/// A deleted map that can still be brought back.
#[derive(Clone, Debug, PartialEq)]
pub struct DeletedMap {
    pub id: String,
    pub title: String,
    pub raw: String,
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    app.refresh_library();
    let query = RwSignal::new(String::new());
    let deleted = RwSignal::new(None::<DeletedMap>);
    provide_context(deleted);

    let create = move |map: JourneyMap| {
        let id = map.id.clone();
        if app.create_map(&map).is_ok() {
            app.navigate(Route::Map(id));
        }
    };
    let new_blank = move |_| {
        let lang = app.lang.get_untracked();
        let map = JourneyMap::blank(
            &mut RandomIds,
            lang.t(Key::UntitledMap),
            [
                lang.t(Key::BlankStage1),
                lang.t(Key::BlankStage2),
                lang.t(Key::BlankStage3),
            ],
            clock::now(),
        );
        create(map);
    };
    let new_demo = move |_| {
        create(demo_map(
            app.lang.get_untracked(),
            &mut RandomIds,
            clock::now(),
        ))
    };

    let visible = move || {
        let q = query.get();
        app.library.with(|l| {
            library::search(&l.entries, &q)
                .into_iter()
                .cloned()
                .collect::<Vec<MapEntry>>()
        })
    };
    let undo_delete = move |_| {
        if let Some(d) = deleted.get_untracked() {
            match library::restore_map(&*app.store(), &d.id, &d.raw) {
                Ok(()) => deleted.set(None),
                Err(e) => app.notify(NoticeKind::Error(e.to_string())),
            }
            app.refresh_library();
        }
    };

    view! {
        <section class="library" data-testid="library">
            <div class="library-bar">
                <h1>{app.text(Key::Library)}</h1>
                <button class="primary" data-testid="new-blank" on:click=new_blank>
                    {app.text(Key::NewBlankMap)}
                </button>
                <button data-testid="new-demo" on:click=new_demo>{app.text(Key::NewFromDemo)}</button>
                <input
                    type="search"
                    class="search"
                    data-testid="search"
                    placeholder=app.text(Key::SearchMaps)
                    aria-label=app.text(Key::SearchMaps)
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <Show when=move || deleted.with(Option::is_some)>
                <div class="toast" role="status">
                    {app.text(Key::Deleted)} " "
                    <strong>{move || deleted.with(|d| d.as_ref().map(|d| d.title.clone()))}</strong>
                    <button data-testid="undo-delete" on:click=undo_delete>{app.text(Key::Undo)}</button>
                </div>
            </Show>
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
            <StorageMeter/>
        </section>
    }
}
