//! Messages about the library as a whole: maps set aside, storage refused.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::storage::library::SetAsideWhat;
use crate::core::text::i18n::Key;
use crate::platform::download;
use crate::ui::app_state::{AppState, NoticeKind};

#[component]
pub fn NoticeList() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <For each=move || app.notices.get() key=|n| n.id.to_string() let:notice>
                <NoticeItem id=notice.id kind=notice.kind/>
            </For>
        </div>
    }
}

#[component]
fn NoticeItem(id: u32, kind: NoticeKind) -> impl IntoView {
    let app = expect_context::<AppState>();
    let code = kind.code();
    let body = match kind {
        NoticeKind::Quarantine { key, reason } => {
            let raw_key = key.clone();
            let delete_key = key.clone();
            // Only on the user's explicit request, after they could download it.
            let delete_raw = move |_| {
                if let Err(e) = app.store().remove(&delete_key) {
                    app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
                } else {
                    app.dismiss(id);
                    app.refresh_library();
                }
            };
            let download_raw = move |_| {
                let raw = app.store().get(&raw_key).ok().flatten().unwrap_or_default();
                let name = download::file_name(&raw_key, "txt");
                if let Err(e) = download::download_text(&name, "text/plain", &raw) {
                    app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
                }
            };
            view! {
                <p><strong>{app.text(SetAsideWhat::of_key(&key).heading())}</strong></p>
                <p>{app.text(Key::QuarantinedKey)} " " <code>{key.clone()}</code></p>
                <p>{app.text(Key::Reason)} {move || app.lang.get().colon()} {reason}</p>
                <div class="notice-actions">
                    <button class="primary" data-testid="download-raw" on:click=download_raw>
                        {app.text(Key::DownloadRaw)}
                    </button>
                    <button class="danger" data-testid="delete-raw" on:click=delete_raw>
                        {app.text(Key::DeleteRaw)}
                    </button>
                </div>
            }
            .into_any()
        }
        NoticeKind::StorageUnavailable(why) => view! {
            <p><strong>{app.text(Key::StorageUnavailable)}</strong></p>
            <p class="detail">{why}</p>
        }
        .into_any(),
        NoticeKind::Error(text) | NoticeKind::Info(text) => view! { <p>{text}</p> }.into_any(),
    };
    view! {
        <div class="notice warning" data-testid="notice" data-kind=code>
            <div class="notice-body">{body}</div>
            <button class="dismiss" aria-label=app.text(Key::Dismiss) title=app.text(Key::Dismiss)
                on:click=move |_| app.dismiss(id)>"×"</button>
        </div>
    }
}
