//! Each touchpoint in both maps, one row each: for every metric measured
//! or targeted, today's figure, the target typed on the future state, and
//! the gap, said better or worse (a lower effort is better).

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::analysis::metrics::text::{bare_value, gap_value};
use crate::core::document::future_state::MetricGap;
use crate::core::document::model::Metric;
use crate::core::text::i18n::{Key, Lang};
use crate::ui::app_state::AppState;
use crate::ui::comparison::comparison_page::Compared;

/// One metric's cell: `−7 → +30 (+37, better)`, or today's figure alone.
fn cell(lang: Lang, gap: Option<&MetricGap>) -> impl IntoView {
    let Some(m) = gap.copied() else {
        return view! { <td class="num">"—"</td> }.into_any();
    };
    let value =
        |v: Option<f64>| v.map_or_else(|| "—".to_owned(), |v| bare_value(lang, m.metric, v));
    let verdict = m.target_better.map(|better| {
        let (key, code) = if better {
            (ChartText::TargetBetter, "better")
        } else {
            (ChartText::TargetWorse, "worse")
        };
        view! { ", " <span class=format!("verdict {code}")>{key.t(lang)}</span> }
    });
    let shown = match m.target {
        None => view! { {value(m.current)} }.into_any(),
        Some(_) => view! {
            {value(m.current)} " → " <strong>{value(m.target)}</strong>
            {m.gap.map(|g| view! { " (" {gap_value(lang, m.metric, g)} {verdict} ")" })}
        }
        .into_any(),
    };
    view! { <td class="num" data-metric=format!("{:?}", m.metric).to_lowercase()>{shown}</td> }
        .into_any()
}

#[component]
pub fn TargetFigures(compared: StoredValue<Compared>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let empty = compared.with_value(|c| {
        c.comparison
            .touchpoints
            .iter()
            .all(|t| t.metrics.is_empty())
    });
    let rows = move || {
        let lang = app.lang.get();
        compared.with_value(|c| {
            c.comparison
                .touchpoints
                .iter()
                .filter(|t| !t.metrics.is_empty())
                .map(|t| {
                    let cells = Metric::ALL
                        .into_iter()
                        .map(|metric| cell(lang, t.metrics.iter().find(|g| g.metric == metric)))
                        .collect_view();
                    view! {
                        <tr data-testid="target-figure">
                            <th scope="row">{t.name.clone()}</th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let headers = move || {
        let lang = app.lang.get();
        Metric::ALL
            .into_iter()
            .map(|m| view! { <th scope="col">{m.label(lang)}</th> })
            .collect_view()
    };
    view! {
        <section class="targets" data-testid="targets">
            <h2>{move || ChartText::TargetsTitle.t(app.lang.get())}</h2>
            <p class="chart-hint">{move || ChartText::TargetsHint.t(app.lang.get())}</p>
            {if empty {
                view! { <p class="empty">{move || ChartText::TargetsEmpty.t(app.lang.get())}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label=move || ChartText::TargetsTitle.t(app.lang.get())>
                        <table>
                            <thead><tr><th scope="col">{app.text(Key::Touchpoint)}</th>{headers}</tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
