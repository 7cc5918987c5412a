//! The weakest touchpoints across the maps the portfolio shows, each with
//! its map (a link), its stage and its survey figures.

use leptos::prelude::*;

use crate::core::analysis::metrics::text::headline;
use crate::core::analysis::portfolio::words::PortfolioText;
use crate::core::analysis::portfolio::WeakSpot;
use crate::core::document::model::Metric;
use crate::core::text::said::Said;
use crate::ui::app_state::{AppState, Route};

#[component]
pub fn WeakestList(#[prop(into)] spots: Signal<Vec<WeakSpot>>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let said = move |t: PortfolioText| move || t.said(app.lang.get());
    view! {
        <section class="portfolio-weakest" data-testid="portfolio-weakest">
            <h2>{said(PortfolioText::Weakest)}</h2>
            <p class="muted">{said(PortfolioText::WeakestHint)}</p>
            <Show when=move || spots.with(|s| !s.is_empty())
                fallback=move || view! { <p class="empty">{said(PortfolioText::NoWeakest)}</p> }>
                <ol>
                    {move || {
                        let lang = app.lang.get();
                        spots.get().into_iter().map(|w| {
                            let route = Route::Map(w.map_id.clone());
                            let href = route.to_hash();
                            let figures = Metric::SURVEYS
                                .iter()
                                .zip(w.figures)
                                .filter_map(|(m, f)| f.map(|f| format!("{} {}", m.label(lang), headline(lang, &f))))
                                .collect::<Vec<_>>()
                                .join(" · ");
                            view! {
                                <li data-testid="portfolio-weak" data-touchpoint=w.touchpoint_id.clone()>
                                    <strong>{w.touchpoint.clone()}</strong>
                                    " — "
                                    <a href=href on:click=move |ev| { ev.prevent_default(); app.navigate(route.clone()); }>{w.map_title.clone()}</a>
                                    {format!(" › {}", w.stage)}
                                    <br/>
                                    <span class="muted">{figures}</span>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ol>
            </Show>
        </section>
    }
}
