//! A map alone in its frame, read from the `.json` file an embed names
//! (`#/embed?src=<address>`): an intranet keeps its maps as files and embeds
//! them. The file is fetched once, checked like any opened file, and shown
//! read-only; nothing is stored. Any failure says what and where.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::formats::embed_source::{self, SourceError, MAX_SOURCE_BYTES};
use crate::core::formats::envelope::{self, FormatError};
use crate::core::formats::map_file::{self, OpenError};
use crate::core::text::i18n::{Key, Lang};
use crate::platform::fetch_text::{fetch_text, FetchError};
use crate::ui::app_state::AppState;
use crate::ui::viewer::embed_frame::EmbedFrame;

#[derive(Clone)]
enum Loading {
    Waiting,
    Shown(Box<JourneyMap>),
    Failed(Failure),
}

/// Why the embed shows no map: said when shown, in the UI's language.
#[derive(Clone)]
enum Failure {
    Source(SourceError),
    /// The address, and why its text could not be fetched.
    Fetch(String, FetchError),
    Open(String, OpenError),
    Format(String, FormatError),
}

impl Said for Failure {
    fn said(&self, lang: Lang) -> String {
        let (url, why) = match self {
            Failure::Source(e) => return e.said(lang),
            Failure::Fetch(url, e) => (url, e.said(lang)),
            Failure::Open(url, e) => (url, e.said(lang)),
            Failure::Format(url, e) => (url, e.said(lang)),
        };
        format!("{url}: {why}")
    }
}

/// The map at `url`, or why not.
async fn load(url: String) -> Result<JourneyMap, Failure> {
    let text = match fetch_text(&url, MAX_SOURCE_BYTES).await {
        Ok(text) => text,
        Err(e) => return Err(Failure::Fetch(url, e)),
    };
    let text = match map_file::text_of(text.as_bytes()) {
        Ok(text) => text.to_owned(),
        Err(e) => return Err(Failure::Open(url, e)),
    };
    envelope::from_json(&text)
        .map(|stored| stored.map)
        .map_err(|e| Failure::Format(url, e))
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
                let next = match load(url).await {
                    Ok(map) => Loading::Shown(Box::new(map)),
                    Err(why) => Loading::Failed(why),
                };
                // The frame may have been navigated away meanwhile.
                let _ = state.try_set(next);
            });
        }
        Err(e) => state.set(Loading::Failed(Failure::Source(e.clone()))),
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
                {app.text(Key::EmbedSourceFailed)} " " {move || why.said(app.lang.get())}
            </p>
        }
        .into_any(),
    }
}
