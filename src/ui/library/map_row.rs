//! One map in the library list.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::duplicate;
use crate::core::storage::library::{self, MapEntry};
use crate::core::text::i18n::{format_size, Key};
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::library::library_page::{Trash, TrashAsk};

#[component]
pub fn MapRow(entry: MapEntry) -> impl IntoView {
    let app = expect_context::<AppState>();
    let trash = expect_context::<Trash>();
    let renaming = RwSignal::new(false);
    let id = StoredValue::new(entry.id.clone());
    let title = entry.title.clone();
    let display_title = if title.trim().is_empty() {
        None
    } else {
        Some(title.clone())
    };

    let fail = move |text: String| app.notify(NoticeKind::Error(text));
    let rename_to = move |new_title: String| {
        renaming.set(false);
        let store = app.store();
        match library::load_map(&*store, &id.get_value()) {
            Ok(mut stored) => {
                stored.map.title = new_title;
                stored.map.modified = clock::now();
                if let Err(e) =
                    library::save_map(&*store, &stored.map, stored.revision, false, clock::now())
                {
                    fail(e.said(app.lang.get_untracked()));
                }
            }
            Err(e) => fail(e.said(app.lang.get_untracked())),
        }
        app.refresh_library();
    };
    let duplicate = move |_| {
        let store = app.store();
        match library::load_map(&*store, &id.get_value()) {
            Ok(stored) => {
                let lang = app.lang.get_untracked();
                let title = format!("{}{}", stored.map.title, lang.t(Key::CopySuffix));
                let copy = duplicate::duplicate(&stored.map, &mut RandomIds, title, clock::now());
                let _ = app.create_map(&copy);
            }
            Err(e) => fail(e.said(app.lang.get_untracked())),
        }
    };
    // Into the trash, then out of the library: the library's history
    // part does both (if it could not be fetched, nothing is deleted).
    let delete = {
        let title = title.clone();
        move |_| {
            trash.ask(TrashAsk::Delete {
                id: id.get_value(),
                title: title.clone(),
            })
        }
    };
    let href = Route::Map(entry.id.clone()).to_hash();
    let modified = entry.modified;
    let size = entry.size;
    let kind = entry.kind;
    view! {
        <tr data-testid="map-row" data-map-id=entry.id.clone()>
            <td class="title-cell">
                <Show
                    when=move || renaming.get()
                    fallback={
                        let display_title = display_title.clone();
                        move || {
                            let shown = display_title.clone();
                            view! {
                                <a data-testid="open-map" href=href.clone()>
                                    {move || shown.clone().unwrap_or_else(|| app.t(Key::UntitledMap).to_owned())}
                                </a>
                            }
                        }
                    }
                >
                    <input
                        data-testid="rename-input"
                        aria-label=app.text(Key::MapTitle)
                        value=title.clone()
                        autofocus=true
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                rename_to(event_target_value(&ev));
                            } else if ev.key() == "Escape" {
                                renaming.set(false);
                            }
                        }
                        on:blur=move |ev| if renaming.get_untracked() { rename_to(event_target_value(&ev)) }
                    />
                </Show>
            </td>
            <td>{move || kind.label(app.lang.get())}</td>
            <td>{move || clock::format_date(modified, app.lang.get().code())}</td>
            <td class="num">{move || format_size(app.lang.get(), size)}</td>
            <td class="row-actions">
                <button data-testid="rename" on:click=move |_| renaming.set(true)>{app.text(Key::Rename)}</button>
                <button data-testid="duplicate" on:click=duplicate>{app.text(Key::Duplicate)}</button>
                <button data-testid="delete" class="danger" on:click=delete>{app.text(Key::Delete)}</button>
            </td>
        </tr>
    }
}
