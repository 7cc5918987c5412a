//! The library's trash (in the history part): maps deleted in the last 30
//! days, last deleted first, each restorable or deleted for good; *Empty
//! the trash* asks first. Listed only when it holds something. Entries
//! past 30 days go when the library is shown.

use leptos::prelude::*;

use crate::core::storage::library::{self, map_key};
use crate::core::storage::versions::words::HistoryText;
use crate::core::storage::versions::{
    self, trash, Listing, TrashEntry, VersionStore, VersionStoreError,
};
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind};
use crate::ui::history::with_db;
use crate::ui::library::library_page::{DeletedMap, Trash, TrashAsk};

type Read = Option<Result<Listing<TrashEntry>, VersionStoreError>>;

/// What is being asked before it is done: one entry, or the whole trash.
#[derive(Clone, PartialEq)]
enum Asking {
    One { map_id: String, title: String },
    All,
}

/// Delete a map of the library, into the trash: out of the library only
/// once the trash holds it; when the trash cannot (private browsing, a
/// full disk), deleted with the library's *Undo* only, and said so.
async fn delete_to_trash(
    app: AppState,
    id: String,
    title: String,
    deleted: RwSignal<Option<DeletedMap>>,
) {
    let store = app.store();
    let lang = app.lang.get_untracked();
    if let Ok(stored) = library::load_map(&*store, &id) {
        let trashed =
            with_db(|db| async move { versions::trash_map(&*db, &stored.map, clock::now()).await })
                .await;
        match trashed {
            Ok(_) => {
                let _ = store.set(trash::TRASH_HINT_KEY, "1");
            }
            Err(e) => app.notify(NoticeKind::Error(
                HistoryText::NotTrashed { why: e.said(lang) }.said(lang),
            )),
        }
    }
    match library::delete_map(&*store, &id) {
        Ok(Some(raw)) => deleted.set(Some(DeletedMap { id, title, raw })),
        Ok(None) => {}
        Err(e) => app.notify(NoticeKind::Error(e.said(lang))),
    }
    app.refresh_library();
}

/// Take one map out of the trash (restored, or its delete undone); its
/// versions stay, as the map does.
async fn out_of_trash(map_id: String) -> Result<(), VersionStoreError> {
    with_db(|db| async move { db.delete_trash(&[map_id]).await }).await
}

#[component]
pub fn TrashList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let deleted = expect_context::<RwSignal<Option<DeletedMap>>>();
    let listing = RwSignal::new(None as Read);
    let again = RwSignal::new(0u32);
    // Read when the library shows, after each delete (or its undo), and
    // after every change made here.
    Effect::new(move |_| {
        deleted.track();
        again.track();
        leptos::task::spawn_local(async move {
            let read = with_db(|db| async move {
                versions::purge_expired(&*db, clock::now()).await?;
                db.list_trash().await
            })
            .await;
            // Seen empty: the library need not fetch this part next time.
            if matches!(&read, Ok(l) if l.items.is_empty() && l.unreadable.is_empty()) {
                let _ = app.store().remove(trash::TRASH_HINT_KEY);
            }
            let _ = listing.try_set(Some(read));
        });
    });
    // What the library asks: deletes into the trash, undone deletes out of it.
    let ask = expect_context::<Trash>().ask;
    Effect::new(move |_| {
        if let Some(what) = ask.get() {
            ask.set(None);
            leptos::task::spawn_local(async move {
                match what {
                    TrashAsk::Delete { id, title } => {
                        delete_to_trash(app, id, title, deleted).await
                    }
                    TrashAsk::Undone { id } => {
                        let _ = out_of_trash(id).await;
                    }
                }
                again.update(|n| *n += 1);
            });
        }
    });
    let say = move |t: HistoryText| t.said(app.lang.get());
    let asking = RwSignal::new(None::<Asking>);
    let fail = move |e: VersionStoreError| {
        app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
    };

    let restore = move |entry: TrashEntry| {
        let store = app.store();
        let has = |id: &str| store.get(&map_key(id)).ok().flatten().is_some();
        let map = match trash::restored(&entry, has, &mut RandomIds) {
            Ok(map) => map,
            Err(e) => {
                app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
                return;
            }
        };
        // Out of the trash only once the library holds it again.
        if app.create_map(&map).is_err() {
            return;
        }
        app.notify(NoticeKind::Info(
            HistoryText::RestoredMap {
                title: map.title.clone(),
            }
            .said(app.lang.get_untracked()),
        ));
        leptos::task::spawn_local(async move {
            if let Err(e) = out_of_trash(entry.map_id).await {
                fail(e);
            }
            again.update(|n| *n += 1);
        });
    };

    let confirm = move |_| {
        let Some(what) = asking.get_untracked() else {
            return;
        };
        asking.set(None);
        leptos::task::spawn_local(async move {
            let done = with_db(|db| async move {
                match what {
                    Asking::One { map_id, .. } => versions::delete_for_good(&*db, &[map_id]).await,
                    Asking::All => versions::empty_trash(&*db).await.map(|_| ()),
                }
            })
            .await;
            if let Err(e) = done {
                fail(e);
            }
            again.update(|n| *n += 1);
        });
    };

    let entries = move || {
        listing.with(|l| match l {
            Some(Ok(l)) => l.items.clone(),
            _ => Vec::new(),
        })
    };
    let count = move || {
        listing.with(|l| {
            l.as_ref()
                .map_or(0, |l| l.as_ref().map_or(0, |l| l.items.len()))
        })
    };
    let unreadable = move || {
        listing.with(|l| {
            l.as_ref()
                .map_or(0, |l| l.as_ref().map_or(0, |l| l.unreadable.len()))
        })
    };
    // A trash that cannot be read at all is said; one that is merely
    // unavailable (private browsing) is not shown: deleting says so.
    let problem = move || {
        listing.with(|l| match l {
            Some(Err(VersionStoreError::Unavailable(_))) | None | Some(Ok(_)) => None,
            Some(Err(e)) => Some(e.said(app.lang.get())),
        })
    };
    let question = move || {
        asking.get().map(|a| match a {
            Asking::One { title, .. } => say(HistoryText::ConfirmDelete { title }),
            Asking::All => say(HistoryText::ConfirmEmpty { count: count() }),
        })
    };
    view! {
        {move || problem().map(|p| view! { <p class="notice error" role="alert" data-testid="trash-error">{p}</p> })}
        <Show when=move || count() + unreadable() != 0>
            <details class="trash" data-testid="trash">
                <summary data-testid="trash-summary">{move || say(HistoryText::Trash { count: count() })}</summary>
                <p class="hint">{move || say(HistoryText::TrashIntro)}</p>
                <Show when=move || unreadable() != 0>
                    <p class="notice error" role="alert">{move || say(HistoryText::Unreadable { count: unreadable() })}</p>
                </Show>
                <ul class="trash-list">
                    <For each=entries key=|e| (e.map_id.clone(), e.deleted_at) let:entry>
                        {
                            let title = entry.title.clone();
                            let (deleted_at, goes_at) = (entry.deleted_at, entry.expires_at());
                            let map_id = entry.map_id.clone();
                            let asked = title.clone();
                            let shown_id = map_id.clone();
                            view! {
                                <li class="trash-entry" data-testid="trash-entry" data-map-id=shown_id>
                                    <strong>{title}</strong>
                                    <span class="comment-meta">
                                        {move || say(HistoryText::DeletedOn { when: clock::format_date(deleted_at, app.lang.get().code()) })}
                                        " · "
                                        {move || say(HistoryText::GoesOn { when: clock::format_date(goes_at, app.lang.get().code()) })}
                                    </span>
                                    <span class="row-actions">
                                        <button data-testid="trash-restore" on:click=move |_| restore(entry.clone())>{move || say(HistoryText::RestoreMap)}</button>
                                        <button class="danger" data-testid="trash-delete"
                                            on:click=move |_| asking.set(Some(Asking::One { map_id: map_id.clone(), title: asked.clone() }))>
                                            {move || say(HistoryText::DeleteForGood)}
                                        </button>
                                    </span>
                                </li>
                            }
                        }
                    </For>
                </ul>
                {move || question().map(|q| (q.clone(), q)).map(|(label, q)| view! {
                    <div class="notice warning" role="alertdialog" aria-label=label data-testid="trash-confirm">
                        <p>{q}</p>
                        <button class="danger" data-testid="trash-confirm-yes" on:click=confirm>{move || say(HistoryText::Yes)}</button>
                        " "
                        <button data-testid="trash-confirm-no" on:click=move |_| asking.set(None)>{move || say(HistoryText::Cancel)}</button>
                    </div>
                })}
                <Show when=move || count() != 0>
                    <button class="danger" data-testid="trash-empty" on:click=move |_| asking.set(Some(Asking::All))>
                        {move || say(HistoryText::EmptyTrash)}
                    </button>
                </Show>
            </details>
        </Show>
    }
}
