//! A shared map alone in its frame, for an iframe on another page (an
//! intranet, a wiki), from the map's data in the fragment.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::formats::share_link;
use crate::core::text::i18n::Key;
use crate::ui::app_state::{AppState, Route};
use crate::ui::viewer::embed_frame::EmbedFrame;

#[component]
pub fn EmbeddedMap(data: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let full_view = Route::View(data.clone()).to_hash();
    match share_link::decode(&data) {
        Ok(map) => {
            view! { <EmbedFrame map=map link=full_view link_text=Key::OpenInParcours/> }.into_any()
        }
        Err(e) => view! {
            <p class="part-failed" role="alert" data-testid="share-error">
                {app.text(Key::ShareLinkBroken)} " " {e.said(app.lang.get_untracked())}
            </p>
        }
        .into_any(),
    }
}
