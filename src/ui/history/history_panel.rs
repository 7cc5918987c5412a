//! The editor's *History* panel (a lazy part): the open map's versions,
//! newest first, each with its time, who kept it, why and what changed;
//! compare one with the map now, restore it (one undoable step, a version
//! of the map as it was kept first), name it, download it.

use leptos::prelude::*;

use crate::core::storage::versions::words::HistoryText;
use crate::core::storage::versions::{Listing, VersionMeta, VersionStore, VersionStoreError};
use crate::core::text::said::Said;
use crate::ui::history::version_row::VersionRow;
use crate::ui::history::with_db;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

type Read = Option<Result<Listing<VersionMeta>, VersionStoreError>>;

#[component]
pub fn HistoryPanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let say = move |t: HistoryText| t.said(app.lang.get());
    let listing = RwSignal::new(None as Read);
    // Read when opened, and again whenever a version is kept or named.
    Effect::new(move |_| {
        editor.versions_kept.track();
        let id = session.id.get_value();
        leptos::task::spawn_local(async move {
            let read = with_db(|db| async move { db.list_versions(&id).await }).await;
            let _ = listing.try_set(Some(read));
        });
    });
    let said = RwSignal::new(None::<String>);
    provide_context(said);
    // A restore was just made: its notice offers *Undo* (the toolbar's is
    // under the panel).
    let restored = RwSignal::new(false);
    provide_context(restored);
    let metas = move || {
        listing.with(|l| match l {
            Some(Ok(l)) => l.items.clone(),
            _ => Vec::new(),
        })
    };
    let state = move || {
        match listing.get() {
        None => Some(view! { <p class="part-loading" role="status">{say(HistoryText::Loading)}</p> }.into_any()),
        Some(Err(e)) => Some(view! { <p class="notice error" role="alert" data-testid="history-error">{e.said(app.lang.get())}</p> }.into_any()),
        Some(Ok(l)) if l.items.is_empty() && l.unreadable.is_empty() => {
            Some(view! { <p class="empty" data-testid="history-empty">{say(HistoryText::NoVersions)}</p> }.into_any())
        }
        Some(Ok(l)) if !l.unreadable.is_empty() => Some(
            view! { <p class="notice error" role="alert" data-testid="history-unreadable">{say(HistoryText::Unreadable { count: l.unreadable.len() })}</p> }
                .into_any(),
        ),
        Some(Ok(_)) => None,
    }
    };
    view! {
        <aside class="comments-panel history-panel" data-testid="history-panel" aria-labelledby="history-heading">
            <header>
                <h2 id="history-heading">{move || say(HistoryText::Heading)}</h2>
                <button data-testid="history-close" on:click=move |_| editor.history_open.set(false)>{move || say(HistoryText::Close)}</button>
            </header>
            <p class="hint">{move || say(HistoryText::Intro)}</p>
            {move || said.get().map(|s| view! {
                <div class="notice info" role="status" data-testid="history-said">
                    <p>{s}</p>
                    <Show when=move || restored.get()>
                        <button data-testid="history-undo" on:click=move |_| { session.undo(); restored.set(false); said.set(None); }>
                            {move || say(HistoryText::UndoRestore)}
                        </button>
                    </Show>
                </div>
            })}
            {state}
            <ol class="version-list" data-testid="version-list">
                // Keyed by the name too: a version named is shown anew.
                <For each=metas key=|m| (m.id.clone(), m.name.clone()) let:meta>
                    <VersionRow meta=meta/>
                </For>
            </ol>
        </aside>
    }
}
