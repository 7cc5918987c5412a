//! The journey as printable tables: stages across, lanes down. A map wider
//! than a page is cut into groups of stages (`core::analysis::report::pages`), one
//! table each, with the lane names repeated, so nothing is cut off on A4
//! or Letter. Feelings are the emotion curve, drawn by the core's plotters
//! chart (which escapes every label) across the group's stage columns.

use std::ops::Range;

use leptos::prelude::*;

use crate::core::analysis::chart::emotion_curve::{self, CurveSeries, EmotionCurve};
use crate::core::analysis::chart_words::ChartText;
use crate::core::analysis::metrics::journey::stage_figure;
use crate::core::analysis::metrics::{self, text, Figure};
use crate::core::analysis::report::pages::{stage_groups, STAGES_PER_TABLE};
use crate::core::document::model::{JourneyMap, Lane, LaneKind, Metric, Touchpoint};
use crate::core::text::i18n::{emotion_label, lane_title, Key, Lang};
use crate::ui::report::report_page::ReportView;

/// Pixel width of a stage column in the curve's drawing (scaled to the page).
const CURVE_COLUMN: u32 = 240;
const CURVE_HEIGHT: u32 = 120;

#[component]
pub fn JourneyTable() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    let tables = move || {
        let lang = app.lang.get();
        let for_department = report.department.get().is_some();
        report.shown.with(|map| {
            if map.stages.is_empty() {
                return view! { <p class="report-empty">{lang.t(ChartText::NoStages)}</p> }
                    .into_any();
            }
            let note = (for_department && map.touchpoints.is_empty()).then(|| {
                view! {
                    <p class="report-empty" data-testid="no-department-touchpoints">
                        {lang.t(ChartText::NoDepartmentTouchpoints)}
                    </p>
                }
            });
            let groups = stage_groups(map.stages.len(), STAGES_PER_TABLE);
            let several = groups.len() > 1;
            let tables = groups
                .into_iter()
                .map(|range| group_table(map, lang, range, several))
                .collect_view();
            view! { {note} {tables} }.into_any()
        })
    };
    view! {
        <section class="report-section report-journey" data-testid="report-journey">
            <h2>{app.text(ChartText::TheJourney)}</h2>
            {tables}
        </section>
    }
}

/// One table: the stages of `range`, every visible lane.
fn group_table(map: &JourneyMap, lang: Lang, range: Range<usize>, several: bool) -> impl IntoView {
    let count = range.len();
    let caption = several.then(|| {
        format!(
            "{} {}–{} {} {}",
            lang.t(Key::Stages),
            range.start + 1,
            range.end,
            lang.t(ChartText::StagesOf),
            map.stages.len()
        )
    });
    let heads = map.stages[range.clone()]
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                <th scope="col" data-testid="report-stage">
                    <span class="stage-number">{range.start + i + 1}</span>
                    " " {s.name.clone()}
                </th>
            }
        })
        .collect_view();
    let rows = map
        .lanes
        .iter()
        .filter(|l| !l.hidden)
        .map(|lane| lane_row(map, lang, lane, range.clone()))
        .collect_view();
    view! {
        <table class="journey-table" data-testid="journey-table" data-stages=count>
            {caption.map(|c| view! { <caption>{c}</caption> })}
            <colgroup>
                <col class="lane-col"/>
                <col span=count.to_string()/>
            </colgroup>
            <thead><tr><td class="corner"></td>{heads}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

fn lane_row(map: &JourneyMap, lang: Lang, lane: &Lane, range: Range<usize>) -> impl IntoView {
    let title = lane_title(lane.kind, &lane.title, lang);
    let kind = lane.kind.code();
    let cells = if lane.kind == LaneKind::Feeling {
        feeling_cells(map, lang, range).into_any()
    } else {
        map.stages[range]
            .iter()
            .map(|stage| {
                let content = match lane.kind {
                    LaneKind::Touchpoints => touchpoints(map, lang, &stage.id).into_any(),
                    LaneKind::Metrics => stage_figures(map, lang, &stage.id).into_any(),
                    _ => cards(map, &lane.id, &stage.id).into_any(),
                };
                view! { <td>{content}</td> }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <tr class=format!("lane-row lane-{kind}") data-lane-kind=kind>
            <th scope="row">{title}</th>
            {cells}
        </tr>
    }
}

/// The text cards of a cell; a persona's own cards say whose they are.
fn cards(map: &JourneyMap, lane: &str, stage: &str) -> impl IntoView {
    map.cards
        .iter()
        .filter(|c| c.lane == lane && c.stage == stage && !c.text.trim().is_empty())
        .map(|c| {
            let who = c
                .persona
                .as_deref()
                .and_then(|p| map.persona(p))
                .map(|p| view! { <span class="card-who" style:border-left-color=p.colour.clone()>{p.name.clone()}" · "</span> });
            view! { <p class="report-card">{who}{c.text.clone()}</p> }
        })
        .collect_view()
}

fn touchpoints(map: &JourneyMap, lang: Lang, stage: &str) -> impl IntoView {
    map.touchpoints
        .iter()
        .filter(|t| t.stage == stage)
        .map(|t| touchpoint(map, lang, t))
        .collect_view()
}

fn touchpoint(map: &JourneyMap, lang: Lang, t: &Touchpoint) -> impl IntoView {
    let class = format!("{:?}", t.classification).to_lowercase();
    let reach = if t.channel.is_online() {
        Key::Online
    } else {
        Key::Offline
    };
    let figures: Vec<String> = Metric::ALL
        .into_iter()
        .filter_map(|metric| {
            let (f, _) = metrics::current(t, metric, &map.scales)?;
            Some(format!("{} {}", metric.label(lang), figure_text(lang, &f)))
        })
        .collect();
    let department = (!t.department.trim().is_empty()).then(|| {
        view! { <p class="tp-department" data-testid="report-touchpoint-department">{t.department.clone()}</p> }
    });
    let figures = (!figures.is_empty()).then(|| {
        view! { <p class="tp-figures">{figures.join(" · ")}</p> }
    });
    view! {
        <div class=format!("report-touchpoint {class}") data-testid="report-touchpoint">
            <p class="tp-name"><span aria-hidden="true">{t.channel.icon()}" "</span>{t.name.clone()}</p>
            <p class="tp-facts">
                {t.channel.label(lang)} " (" {lang.t(reach)} ") · " {t.classification.label(lang)}
            </p>
            {department}
            {figures}
        </div>
    }
}

/// `NPS +23 ± 9` or `NPS +100 (+13 … +100)`, marked ⚠ when too few
/// answers to conclude.
fn figure_text(lang: Lang, f: &Figure) -> String {
    let shown = text::headline(lang, f);
    if f.metric == Metric::Reach || f.conclusive() || f.typed {
        shown
    } else {
        format!("{shown} ⚠")
    }
}

/// A stage's figures, pooled over its touchpoints (the report's touchpoints).
fn stage_figures(map: &JourneyMap, lang: Lang, stage: &str) -> impl IntoView {
    Metric::ALL
        .into_iter()
        .filter_map(|metric| {
            let f = stage_figure(map, stage, metric, None)?;
            // The weighting is said beside the figure, in print too.
            let weighted = f
                .weighted
                .map(|_| format!(" ({})", lang.t(Key::WeightedShort)));
            Some(view! {
                <p class="stage-figure" title=text::detail(lang, &f)>
                    <strong>{metric.label(lang)}</strong> " " {figure_text(lang, &f)}{weighted}
                </p>
            })
        })
        .collect_view()
}

/// The feeling lane: the curve across the group's stages, with a legend.
fn feeling_cells(map: &JourneyMap, lang: Lang, range: Range<usize>) -> impl IntoView {
    let count = range.len();
    let people: Vec<(Option<&str>, String, String)> = if map.personas.is_empty() {
        vec![(None, lang.t(Key::Everyone).to_owned(), "#2f6fde".to_owned())]
    } else {
        map.personas
            .iter()
            .map(|p| (Some(p.id.as_str()), p.name.clone(), p.colour.clone()))
            .collect()
    };
    let series: Vec<CurveSeries> = people
        .iter()
        .flat_map(|(id, name, colour)| {
            [false, true].map(|future| CurveSeries {
                label: name.clone(),
                colour: colour.clone(),
                values: map.stages[range.clone()]
                    .iter()
                    .map(|s| map.emotion(&s.id, *id, future))
                    .collect(),
                dashed: future,
            })
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    if series.is_empty() {
        return (0..count)
            .map(|_| view! { <td class="report-none">{lang.t(Key::EmotionNotSet)}</td> })
            .collect_view()
            .into_any();
    }
    let svg = emotion_curve::render(&EmotionCurve {
        stage_count: count,
        column_width: CURVE_COLUMN,
        height: CURVE_HEIGHT,
        series: &series,
        level_labels: [-2, -1, 0, 1, 2].map(|v| emotion_label(lang, v)),
        stage_labels: &[],
    });
    let has_future = series.iter().any(|s| s.dashed);
    let legend = people
        .iter()
        .filter(|(_, name, _)| series.iter().any(|s| &s.label == name))
        .map(|(_, name, colour)| {
            view! {
                <li><span class="swatch" style:background-color=colour.clone()></span>{name.clone()}</li>
            }
        })
        .collect_view();
    let future = has_future.then(|| view! { <li class="future">{lang.t(Key::FutureState)}</li> });
    view! {
        <td class="feeling" colspan=count.to_string()>
            // The SVG comes from plotters, which escapes all text; no user markup reaches it.
            <div class="curve-svg" role="img" aria-label=lang.t(Key::EmotionCurve) inner_html=svg></div>
            <ul class="curve-legend">{legend}{future}</ul>
        </td>
    }
    .into_any()
}
