//! What an embedded map shows in its frame: the title, a link out, and the
//! map read-only. No header, no editing, nothing stored.

use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::Key;
use crate::core::text::map_text::cell_lines;
use crate::ui::app_state::AppState;
use crate::ui::viewer::map_view::MapView;

#[component]
pub fn EmbedFrame(
    map: JourneyMap,
    /// Where the link in the corner goes, and what it says.
    link: String,
    link_text: Key,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let lang = app.lang.get_untracked();
    view! {
        <article class="embed" data-testid="embedded-map">
            <header class="embed-head">
                <h1 data-testid="embed-title">{map.title.clone()}</h1>
                <a href=link target="_blank" rel="noopener">{app.text(link_text)}</a>
            </header>
            <MapView map=map lang=lang lines=cell_lines/>
        </article>
    }
}
