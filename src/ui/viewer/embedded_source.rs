//! A map alone in its frame, read from the `.json` file an embed names
//! (`#/embed?src=<address>`): an intranet keeps its maps as files and embeds
//! them. The file is fetched once, checked like any opened file, and shown
//! read-only; nothing is stored. Any failure says what and where.

use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::formats::embed_source::{self, MAX_SOURCE_BYTES};
use crate::core::formats::envelope;
use crate::core::formats::map_file;
use crate::core::text::i18n::{Key, Lang};
use crate::platform::fetch_text::fetch_text;
use crate::ui::app_state::AppState;
use crate::ui::viewer::embed_frame::EmbedFrame;

#[derive(Clone)]
enum Loading {
    Waiting,
    Shown(Box<JourneyMap>),
    Failed(String),
}

/// The map at `url`, or why not.
async fn load(url: String, lang: Lang) -> Result<JourneyMap, String> {
    let text = fetch_text(&url, MAX_SOURCE_BYTES)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    let text = map_file::text_of(text.as_bytes())
        .map_err(|e| format!("{url}: {}", e.message(lang)))?
        .to_owned();
    envelope::from_json(&text)
        .map(|stored| stored.map)
        .map_err(|e| format!("{url}: {}", e.message(lang)))
}

#[component]
pub fn EmbeddedSource(query: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let state = RwSignal::new(Loading::Waiting);
    let source = embed_source::source_of(&query);
    match &source {
        Ok(url) => {
            let url = url.clone();
            leptos::task::spawn_local(async move {
                let next = match load(url, app.lang.get_untracked()).await {
                    Ok(map) => Loading::Shown(Box::new(map)),
                    Err(why) => Loading::Failed(why),
                };
                // The frame may have been navigated away meanwhile.
                let _ = state.try_set(next);
            });
        }
        Err(e) => state.set(Loading::Failed(e.to_string())),
    }
    let file = source.unwrap_or_default();
    move || match state.get() {
        Loading::Waiting => {
            view! { <p class="part-loading" role="status">{app.text(Key::PartLoading)}</p> }
                .into_any()
        }
        Loading::Shown(map) => {
            view! { <EmbedFrame map=*map link=file.clone() link_text=Key::MapFileLink/> }.into_any()
        }
        Loading::Failed(why) => view! {
            <p class="part-failed" role="alert" data-testid="embed-error">
                {app.text(Key::EmbedSourceFailed)} " " {why}
            </p>
        }
        .into_any(),
    }
}
