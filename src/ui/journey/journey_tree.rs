//! The tree of journeys (under the portfolio's table, and above the
//! library's list on demand): top-level journeys,
//! each followed by the maps detailing its stages, indented, every map once
//! (the order is the core's, `journey_link::tree`).

use leptos::prelude::*;

use crate::core::document::journey_link::tree;
use crate::core::document::journey_words::JourneyText;
use crate::core::text::said::Said;
use crate::ui::app_state::{AppState, Route};

/// The deepest indentation drawn (the style sheet's `data-indent` rules;
/// deeper sub-journeys line up with it, so a long chain stays on screen).
/// No inline style: the site's Content-Security-Policy refuses them.
const MAX_INDENT: usize = 6;

#[component]
pub fn JourneyTree() -> impl IntoView {
    let app = expect_context::<AppState>();
    let said = move |t: JourneyText| move || t.said(app.lang.get());
    let rows = move || {
        app.library.with(|l| {
            tree(&l.entries)
                .into_iter()
                .map(|r| {
                    let stage = r.stage.map(str::to_owned);
                    (r.map.id.clone(), r.map.title.clone(), r.depth, stage)
                })
                .collect::<Vec<_>>()
        })
    };
    let any_link = move || {
        app.library
            .with(|l| l.entries.iter().any(|e| !e.links.is_empty()))
    };
    view! {
        <section class="journey-tree" data-testid="journey-tree" aria-labelledby="journey-tree-heading">
            <h2 id="journey-tree-heading">{said(JourneyText::TreeHeading)}</h2>
            <Show when=any_link
                fallback=move || view! { <p class="muted" data-testid="journey-tree-empty">{said(JourneyText::TreeEmpty)}</p> }>
                <p class="muted">{said(JourneyText::TreeHint)}</p>
                <ul class="tree">
                    {move || rows().into_iter().map(|(id, title, depth, stage)| {
                        let href = Route::Map(id.clone()).to_hash();
                        let class = if depth > 0 { "sub-journey" } else { "top-journey" };
                        view! {
                            <li data-testid="journey-tree-row" data-depth=depth.to_string()
                                data-indent=depth.min(MAX_INDENT).to_string() class=class>
                                <a href=href on:click=move |_| app.navigate(Route::Map(id.clone()))>{title}</a>
                                {stage.map(|stage| view! {
                                    <span class="muted">" — "{move || JourneyText::Details { stage: stage.clone() }.said(app.lang.get())}</span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
