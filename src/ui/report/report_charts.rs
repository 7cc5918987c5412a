//! The report's figures, drawn by the same pure renderers as the charts tab
//! (`core::analysis::chart::journey_charts`, which escape every label), from the map
//! the report shows: for a department, from its touchpoints alone. Survey
//! scores are per stage for the whole journey, per touchpoint for one
//! department (its few touchpoints say more than stage averages).

use leptos::prelude::*;

use crate::core::analysis::chart::journey_charts::{self, ChartData, ScoresBy};
use crate::core::analysis::chart_words::ChartText;
use crate::core::document::model::Metric;
use crate::core::text::i18n::Key;
use crate::ui::report::report_page::ReportView;

/// How many of the weakest touchpoints the report lists.
const WEAKEST_SHOWN: usize = 8;

#[component]
pub fn ReportCharts() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    let figures = move || {
        let lang = app.lang.get();
        let by = if report.department.get().is_some() {
            ScoresBy::Touchpoint
        } else {
            ScoresBy::Stage
        };
        let charts: Vec<(&'static str, String, Option<ChartData>)> = report.shown.with(|m| {
            let mut charts = vec![
                (
                    "emotions",
                    lang.t(ChartText::EmotionTitle).to_owned(),
                    journey_charts::emotions(m, lang),
                ),
                (
                    "weakest",
                    lang.t(ChartText::HeatTitle).to_owned(),
                    journey_charts::weakest(m, lang, WEAKEST_SHOWN),
                ),
            ];
            for metric in Metric::SURVEYS {
                let title = format!(
                    "{} — {}",
                    metric.label(lang),
                    lang.t(if by == ScoresBy::Stage {
                        ChartText::ByStage
                    } else {
                        ChartText::ByTouchpoint
                    })
                );
                charts.push((
                    "scores",
                    title,
                    journey_charts::scores(m, lang, metric, by, None),
                ));
            }
            charts.push((
                "funnel",
                lang.t(ChartText::FunnelTitle).to_owned(),
                journey_charts::funnel(m, lang),
            ));
            charts.push((
                "channels",
                lang.t(ChartText::ChannelMixTitle).to_owned(),
                journey_charts::channel_mix(m, lang),
            ));
            charts
        });
        let drawn: Vec<_> = charts
            .into_iter()
            .filter_map(|(name, title, data)| {
                let data = data?;
                Some(view! {
                    <figure class="report-chart" data-testid=format!("report-chart-{name}")>
                        <figcaption>{title.clone()}</figcaption>
                        // plotters escapes every label; no user markup reaches the SVG.
                        <div class="chart-svg" role="img" aria-label=title inner_html=data.svg></div>
                    </figure>
                })
            })
            .collect();
        if drawn.is_empty() {
            view! { <p class="report-empty">{lang.t(ChartText::NoChartData)}</p> }.into_any()
        } else {
            drawn.into_any()
        }
    };
    view! {
        <section class="report-section report-charts" data-testid="report-charts">
            <h2>{app.text(Key::ChartsTab)}</h2>
            {figures}
        </section>
    }
}
