//! The portfolio's table: a row per map, its journey figures with their
//! intervals and trends, open pain points, actions by status and last
//! change. The title opens the map.

use leptos::prelude::*;

use crate::core::analysis::metrics::change::{between, verdict_code};
use crate::core::analysis::metrics::text::{detail, headline, trend};
use crate::core::analysis::portfolio::words::PortfolioText;
use crate::core::analysis::portfolio::{JourneyFigure, Row};
use crate::core::document::model::{ActionStatus, Metric};
use crate::core::text::i18n::Lang;
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::ui::app_state::{AppState, Route};

/// A journey figure's cell: the figure and its interval, what it is from,
/// and its trend.
fn figure_cell(lang: Lang, metric: Metric, figure: Option<JourneyFigure>) -> AnyView {
    let Some(f) = figure else {
        return view! { <td data-metric=metric.code() class="muted">{PortfolioText::NoFigure.said(lang)}</td> }
            .into_any();
    };
    let trend_view = match f.trend {
        Some(t) => {
            let (arrow, change) = trend(lang, &t.now, &t.before);
            let code = between(&t.before, &t.now)
                .verdict
                .map(verdict_code)
                .unwrap_or("untested");
            let over = PortfolioText::TrendOver {
                touchpoints: t.touchpoints,
            }
            .said(lang);
            view! {
                <span class="portfolio-trend" data-testid="portfolio-trend" data-verdict=code>
                    {format!("{arrow} {change}")}
                </span>
                <small class="muted">{over}</small>
            }
            .into_any()
        }
        None => {
            view! { <small class="muted">{PortfolioText::NoTrend.said(lang)}</small> }.into_any()
        }
    };
    view! {
        <td data-metric=metric.code()>
            <strong data-testid="portfolio-figure">{headline(lang, &f.now)}</strong>
            <small class="muted">{detail(lang, &f.now)}</small>
            {trend_view}
        </td>
    }
    .into_any()
}

fn row_view(
    app: AppState,
    lang: Lang,
    r: Row,
    set_owner: Callback<(String, String)>,
) -> impl IntoView {
    let id = r.map_id.clone();
    let owner_label = PortfolioText::OwnerOf {
        title: r.title.clone(),
    }
    .said(lang);
    let route = Route::Map(r.map_id.clone());
    let href = route.to_hash();
    let actions = ActionStatus::ALL
        .iter()
        .zip(r.actions)
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.label(lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    let [nps, csat, ces] = r.figures;
    view! {
        <tr data-testid="portfolio-row" data-map=r.map_id.clone()>
            <th scope="row">
                <a href=href on:click=move |ev| { ev.prevent_default(); app.navigate(route.clone()); }>{r.title.clone()}</a>
            </th>
            <td>{r.kind.label(lang)}</td>
            <td>
                <input type="text" class="portfolio-owner" data-testid="portfolio-owner" aria-label=owner_label
                    placeholder=PortfolioText::NobodyYet.said(lang) prop:value=r.owner.clone()
                    on:change=move |ev| set_owner.run((id.clone(), event_target_value(&ev).trim().to_owned()))/>
            </td>
            <td class="number">{r.stages}</td>
            <td class="number">{r.touchpoints}</td>
            {figure_cell(lang, Metric::Nps, nps)}
            {figure_cell(lang, Metric::Csat, csat)}
            {figure_cell(lang, Metric::Ces, ces)}
            <td data-testid="portfolio-open">
                {if r.pain_points == 0 {
                    "0".to_owned()
                } else {
                    PortfolioText::OpenOf { open: r.open_pain_points, all: r.pain_points }.said(lang)
                }}
            </td>
            <td data-testid="portfolio-actions">{actions}</td>
            <td>{clock::format_date(r.modified, lang.code())}</td>
        </tr>
    }
}

#[component]
pub fn PortfolioTable(
    #[prop(into)] rows: Signal<Vec<Row>>,
    /// (map id, owner): name a map's owner.
    set_owner: Callback<(String, String)>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let head = move |t: PortfolioText| move || t.said(app.lang.get());
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty" data-testid="portfolio-none-shown">{head(PortfolioText::NoneShown)}</p> }>
            <div class="table-scroll">
                <table class="board portfolio-table" data-testid="portfolio-table">
                    <caption class="visually-hidden">{head(PortfolioText::Heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{head(PortfolioText::Map)}</th>
                            <th scope="col">{head(PortfolioText::Kind)}</th>
                            <th scope="col">{head(PortfolioText::Owner)}</th>
                            <th scope="col">{head(PortfolioText::Stages)}</th>
                            <th scope="col">{head(PortfolioText::Touchpoints)}</th>
                            <th scope="col">"NPS"</th>
                            <th scope="col">"CSAT"</th>
                            <th scope="col">"CES"</th>
                            <th scope="col">{head(PortfolioText::OpenPainPoints)}</th>
                            <th scope="col">{head(PortfolioText::Actions)}</th>
                            <th scope="col">{head(PortfolioText::LastChange)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let lang = app.lang.get();
                            rows.get().into_iter().map(|r| row_view(app, lang, r, set_owner)).collect_view()
                        }}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
