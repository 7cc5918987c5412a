//! The share link of the open map: made on demand (in a lazy chunk), shown
//! with a Copy button, or, when the map is too large for a link, the size
//! and the file to share instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::document::model::JourneyMap;
use crate::core::formats::share_link::{self, ShareError};
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::ui::lazy_part::ChunkError;
use crate::ui::session::map_session::MapSession;

crate::lazy_fn!(
    /// The link data of a map, or why there is none (deflate is in this chunk).
    sharing, fn link_data(map: JourneyMap) -> Result<String, ShareError> {
        share_link::encode(&map)
    }
);

#[component]
pub fn SharePanel() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // (the link, the iframe snippet to embed it), or why there is none.
    let link = RwSignal::new(None::<Result<(String, String), String>>);
    let copied = RwSignal::new(false);
    let map = session.peek(JourneyMap::clone);
    let title = map.title.clone();
    leptos::task::spawn_local(async move {
        let made = match link_data(map).await {
            Ok(Ok(data)) => {
                let href = window().location().href().unwrap_or_default();
                let base = href.split('#').next().unwrap_or_default().to_owned();
                Ok((
                    format!("{base}#/view/{data}"),
                    share_link::embed_snippet(&base, &data, &title),
                ))
            }
            Ok(Err(why)) => Err(why.said(app.lang.get_untracked())),
            Err(ChunkError) => Err(app.t(Key::PartLoadFailed).to_owned()),
        };
        // The panel may have been closed while the chunk loaded.
        let _ = link.try_set(Some(made));
    });
    let input = NodeRef::<leptos::html::Input>::new();
    let select_snippet = move |ev: leptos::ev::FocusEvent| {
        event_target::<web_sys::HtmlTextAreaElement>(&ev).select();
    };
    let select_all = move |_| {
        if let Some(input) = input.get() {
            input.select();
        }
    };
    let copy = move |_| {
        if let Some(input) = input.get() {
            input.select();
            let copied_now = document()
                .dyn_into::<web_sys::HtmlDocument>()
                .ok()
                .and_then(|d| d.exec_command("copy").ok())
                .unwrap_or(false);
            copied.set(copied_now);
        }
    };
    view! {
        <div class="share-panel" data-testid="share-panel" role="region" aria-label=app.text(Key::ShareLink)>
            {move || match link.get() {
                None => view! { <p role="status">{app.text(Key::PartLoading)}</p> }.into_any(),
                Some(Ok((url, snippet))) => view! {
                    <p class="hint">{app.text(Key::ShareLinkHint)}</p>
                    <div class="share-row">
                        <input type="text" readonly=true data-testid="share-url" node_ref=input prop:value=url
                            aria-label=app.text(Key::ShareLink)
                            on:focus=select_all/>
                        <button data-testid="share-copy" on:click=copy>
                            {move || if copied.get() { app.t(Key::Copied) } else { app.t(Key::CopyLink) }}
                        </button>
                    </div>
                    <label class="hint" for="embed-snippet">{app.text(Key::EmbedSnippet)}</label>
                    <textarea id="embed-snippet" class="embed-snippet" readonly=true rows="2" data-testid="embed-snippet"
                        prop:value=snippet on:focus=select_snippet></textarea>
                }
                .into_any(),
                Some(Err(why)) => view! {
                    <p class="part-failed" role="alert" data-testid="share-too-large">
                        {app.text(Key::ShareTooLarge)} " " {why} " — " {app.text(Key::ShareTooLargeHint)}
                    </p>
                }
                .into_any(),
            }}
        </div>
    }
}
