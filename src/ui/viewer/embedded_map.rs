//! A shared map alone in its frame, for an iframe on another page (an
//! intranet, a wiki): the title, the map read-only, and a link that opens it
//! in Parcours. No header, no editing, nothing stored.

use leptos::prelude::*;

use crate::core::i18n::Key;
use crate::core::share_link;
use crate::ui::app_state::{AppState, Route};
use crate::ui::viewer::map_view::MapView;

#[component]
pub fn EmbeddedMap(data: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang.get_untracked();
    let full_view = Route::View(data.clone()).to_hash();
    match share_link::decode(&data) {
        Ok(map) => view! {
            <article class="embed" data-testid="embedded-map">
                <header class="embed-head">
                    <h1 data-testid="embed-title">{map.title.clone()}</h1>
                    <a href=full_view target="_blank" rel="noopener">{app.text(Key::OpenInParcours)}</a>
                </header>
                <MapView map=map lang=lang/>
            </article>
        }
        .into_any(),
        Err(e) => view! {
            <p class="part-failed" role="alert" data-testid="share-error">
                {app.text(Key::ShareLinkBroken)} " " {e.to_string()}
            </p>
        }
        .into_any(),
    }
}
