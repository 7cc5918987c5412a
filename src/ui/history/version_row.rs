//! One version in the history panel: when, who, why, what changed, and
//! what can be done with it.

use leptos::prelude::*;

use crate::core::document::edit::Edit;
use crate::core::document::future_state::compare;
use crate::core::document::model::JourneyMap;
use crate::core::storage::versions::words::HistoryText;
use crate::core::storage::versions::{
    self, fingerprint, restored_onto, Version, VersionMeta, VersionReason, VersionStore,
    VersionStoreError,
};
use crate::core::text::said::Said;
use crate::platform::{clock, download};
use crate::ui::comparison::comparison_page::Compared;
use crate::ui::comparison::stage_changes::StageChanges;
use crate::ui::history::{record_now, with_db};
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The version with this id, read whole (its map too).
async fn version(id: String) -> Result<Version, VersionStoreError> {
    let id2 = id.clone();
    with_db(|db| async move { db.get_version(&id2).await })
        .await?
        .ok_or(VersionStoreError::Unreadable { id })
}

/// The map of the version with this id, read strictly, or what went wrong.
async fn version_map(id: String) -> Result<JourneyMap, Box<dyn Said>> {
    match version(id).await {
        Ok(v) => v.read_map().map_err(|e| Box::new(e) as Box<dyn Said>),
        Err(e) => Err(Box::new(e)),
    }
}

#[component]
pub fn VersionRow(meta: VersionMeta) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let said = expect_context::<RwSignal<Option<String>>>();
    let restored = expect_context::<RwSignal<bool>>();
    let app = session.app;
    let failed = move |e: &dyn Said| {
        restored.set(false);
        said.set(Some(e.said(app.lang.get_untracked())));
    };
    let lang = move || app.lang.get();
    let say = move |t: HistoryText| t.said(lang());
    let id = StoredValue::new(meta.id.clone());
    let taken_at = meta.taken_at;
    let when = move || clock::format_date(taken_at, lang().code());

    let compared = RwSignal::new(None::<StoredValue<Compared>>);
    let same = RwSignal::new(false);
    let print = meta.fingerprint.clone();
    let toggle_compare = move |_| {
        if compared.with_untracked(Option::is_some) || same.get_untracked() {
            compared.set(None);
            same.set(false);
            return;
        }
        let print = print.clone();
        leptos::task::spawn_local(async move {
            let then = match version_map(id.get_value()).await {
                Ok(map) => map,
                Err(e) => return failed(&*e),
            };
            let now = session.peek(JourneyMap::clone);
            if fingerprint(&now) == print {
                same.set(true);
                return;
            }
            let comparison = compare(&then, &now);
            compared.set(Some(StoredValue::new(Compared {
                current: then,
                future: now,
                comparison,
            })));
        });
    };

    let restore = move |_| {
        leptos::task::spawn_local(async move {
            let then = match version_map(id.get_value()).await {
                Ok(map) => map,
                Err(e) => return failed(&*e),
            };
            // The map as it is now is kept first: the restore is undoable in
            // this session, and the version outlives it.
            let now = session.peek(JourneyMap::clone);
            if let Err(e) = record_now(app, now.clone(), VersionReason::BeforeRestore).await {
                return failed(&e);
            }
            session.edit(Edit::ReplaceMap(Box::new(restored_onto(&now, then))));
            restored.set(true);
            said.set(Some(
                HistoryText::Restored {
                    when: clock::format_date(taken_at, app.lang.get_untracked().code()),
                }
                .said(app.lang.get_untracked()),
            ));
            editor.versions_kept.update(|k| *k += 1);
        });
    };

    let naming = RwSignal::new(false);
    let draft = RwSignal::new(meta.name.clone().unwrap_or_default());
    let keep_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = Some(draft.get_untracked());
        leptos::task::spawn_local(async move {
            let id = id.get_value();
            match with_db(|db| async move { versions::set_name(&*db, &id, name).await }).await {
                Ok(_) => {
                    naming.set(false);
                    editor.versions_kept.update(|k| *k += 1);
                }
                Err(e) => failed(&e),
            }
        });
    };

    let download = move |_| {
        leptos::task::spawn_local(async move {
            match version(id.get_value()).await {
                Ok(v) => {
                    let title = session.peek(|m| m.title.clone());
                    let name = download::file_name(&v.download_title(&title), "json");
                    if let Err(e) = download::download_text(&name, "application/json", &v.map_json)
                    {
                        failed(&e);
                    }
                }
                Err(e) => failed(&e),
            }
        });
    };

    let name = meta.name.clone();
    let author = meta.author.clone();
    let reason = meta.reason;
    let summary = meta.summary;
    view! {
        <li class="version" data-testid="version" data-reason=format!("{reason:?}")>
            <p class="version-head">
                <strong>{when}</strong>
                {name.map(|n| view! { " " <span class="version-name" data-testid="version-name">{n}</span> })}
                {author.map(|a| view! { " " <span class="comment-meta">{move || say(HistoryText::By { name: a.clone() })}</span> })}
            </p>
            <p class="comment-meta">
                {move || say(HistoryText::Why(reason))}
                {move || (!summary.is_empty()).then(|| format!(" · {}", summary.said(lang())))}
            </p>
            <div class="version-actions">
                <button data-testid="version-compare" aria-expanded=move || (compared.with(Option::is_some) || same.get()).to_string()
                    on:click=toggle_compare>
                    {move || if compared.with(Option::is_some) || same.get() { say(HistoryText::HideComparison) } else { say(HistoryText::Compare) }}
                </button>
                <button data-testid="version-restore" on:click=restore>{move || say(HistoryText::Restore)}</button>
                <button data-testid="version-name-open" on:click=move |_| naming.update(|n| *n = !*n)>{move || say(HistoryText::NameThis)}</button>
                <button data-testid="version-download" on:click=download>{move || say(HistoryText::Download)}</button>
            </div>
            <Show when=move || naming.get()>
                <form class="comment-reply-form" on:submit=keep_name>
                    <input data-testid="version-name-input" maxlength="80" required=true
                        aria-label=move || say(HistoryText::NameThis) placeholder=move || say(HistoryText::NamePlaceholder)
                        prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                    <button type="submit" class="primary" data-testid="version-name-save">{move || say(HistoryText::SaveName)}</button>
                    <button type="button" on:click=move |_| naming.set(false)>{move || say(HistoryText::Cancel)}</button>
                </form>
            </Show>
            <Show when=move || same.get()>
                <p class="empty" data-testid="version-same">{move || say(HistoryText::NothingChanged)}</p>
            </Show>
            {move || compared.get().map(|c| view! {
                <div class="version-comparison" data-testid="version-comparison">
                    <p class="comment-meta">{move || say(HistoryText::ComparedWithNow { when: when() })}</p>
                    <StageChanges compared=c feeling_header=Signal::derive(move || say(HistoryText::FeelingThenNow))/>
                </div>
            })}
        </li>
    }
}
