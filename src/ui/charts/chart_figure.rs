//! One chart on the charts page: its title, the SVG drawn by the core (which
//! escapes every label), buttons to download it as SVG or PNG, and the same
//! data as a table for screen readers and for copying.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::analysis::chart::journey_charts::ChartData;
use crate::core::text::i18n::Both;
use crate::platform::download::{download_text, file_name, DownloadError};
use crate::platform::png_export::download_png;
use crate::ui::app_state::NoticeKind;
use crate::ui::session::map_session::MapSession;

/// The `width` and `height` attributes of an `<svg>` root.
pub fn svg_size(svg: &str) -> (u32, u32) {
    let head = &svg[..svg.find('>').unwrap_or(svg.len())];
    let attribute = |name: &str| -> u32 {
        head.find(&format!(" {name}=\""))
            .and_then(|i| {
                let rest = &head[i + name.len() + 3..];
                rest[..rest.find('"')?].parse().ok()
            })
            .unwrap_or(0)
    };
    (attribute("width"), attribute("height"))
}

#[component]
pub fn ChartFigure(
    /// Short, for file names and test ids: `funnel`, `scores`…
    name: &'static str,
    title: Both,
    #[prop(optional)] hint: Option<Both>,
    /// Said instead of the chart when there is nothing to draw.
    empty: Both,
    #[prop(into)] data: Signal<Option<ChartData>>,
    /// Controls shown above the chart (what it shows).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let file = move |extension: &str| {
        let title = session.peek(|m| m.title.clone());
        file_name(&format!("{title} {name}"), extension)
    };
    let download_svg = move |_| {
        if let Some(d) = data.get_untracked() {
            if let Err(e) = download_text(&file("svg"), "image/svg+xml", &d.svg) {
                app.notify(NoticeKind::Error(format!(
                    "{} — {}",
                    ChartText::DownloadSvg.t(app.lang.get()),
                    e.said(app.lang.get_untracked())
                )));
            }
        }
    };
    let download_png_file = move |_| {
        if let Some(d) = data.get_untracked() {
            let (w, h) = svg_size(&d.svg);
            let failed = move |why: DownloadError| {
                app.notify(NoticeKind::Error(format!(
                    "{} — {}",
                    ChartText::DownloadPng.t(app.lang.get()),
                    why.said(app.lang.get_untracked())
                )))
            };
            if let Err(e) = download_png(file("png"), &d.svg, w, h, 2, failed) {
                app.notify(NoticeKind::Error(format!(
                    "{} — {}",
                    ChartText::DownloadPng.t(app.lang.get()),
                    e.said(app.lang.get_untracked())
                )));
            }
        }
    };
    view! {
        <section class="chart" data-testid=format!("chart-{name}")>
            <header class="chart-head">
                <h2>{app.text(title)}</h2>
                {hint.map(|h| view! { <p class="chart-hint">{app.text(h)}</p> })}
            </header>
            {children.map(|c| view! { <div class="chart-controls">{c()}</div> })}
            {move || match data.get() {
                None => view! { <p class="chart-empty" data-testid="chart-empty">{app.t(empty)}</p> }.into_any(),
                Some(d) => {
                    let table = view! {
                        <table>
                            <thead><tr>{d.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {d.rows.iter().map(|row| view! {
                                    <tr>{row.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    };
                    view! {
                        // plotters escapes every label; no user markup reaches the SVG.
                        <div class="chart-svg" role="img" aria-label=app.t(title) inner_html=d.svg></div>
                        <div class="chart-actions">
                            <button type="button" data-testid="download-svg" on:click=download_svg>"⤓ " {move || ChartText::DownloadSvg.t(app.lang.get())}</button>
                            <button type="button" data-testid="download-png" on:click=download_png_file>"⤓ " {move || ChartText::DownloadPng.t(app.lang.get())}</button>
                        </div>
                        <details class="chart-table">
                            <summary>{move || ChartText::ShowAsTable.t(app.lang.get())}</summary>
                            {table}
                        </details>
                    }.into_any()
                }
            }}
        </section>
    }
}
