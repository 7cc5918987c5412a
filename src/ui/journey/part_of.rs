//! Where the open map belongs: *Part of: ↰ Buying a washing machine ›
//! Delivery*, one link back up for each stage of another map that it
//! details.

use leptos::prelude::*;

use crate::core::document::journey_link::parents;
use crate::core::document::journey_words::JourneyText;
use crate::core::text::said::Said;
use crate::ui::app_state::Route;
use crate::ui::journey::go_to_map;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn PartOf() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // Read once: this view follows the library, which the next page
    // refreshes before this one is disposed (a disposed session's value
    // would panic there).
    let me = session.id.get_value();
    let above = move || {
        app.library.with(|l| {
            parents(&l.entries, &me)
                .into_iter()
                .map(|(m, link)| (m.id.clone(), m.title.clone(), link.stage_name.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <nav class="part-of" data-testid="part-of"
            aria-label=move || JourneyText::PartOf.said(app.lang.get())>
            <span class="muted">{move || JourneyText::PartOf.said(app.lang.get())}</span>
            {move || above().into_iter().map(|(id, title, stage)| {
                let href = Route::Map(id.clone()).to_hash();
                let back = JourneyText::BackTo { title: title.clone(), stage: stage.clone() };
                view! {
                    <a href=href data-testid="part-of-link"
                        title=move || back.said(app.lang.get())
                        on:click=move |ev| { ev.prevent_default(); go_to_map(session, id.clone()); }>
                        <span aria-hidden="true">"↰ "</span>{title}<span aria-hidden="true">" › "</span>{stage}
                    </a>
                }
            }).collect_view()}
        </nav>
    }
}
