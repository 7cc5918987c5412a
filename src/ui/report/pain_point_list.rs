//! Every pain point of the journey, stage by stage, as a list to read.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::document::model::LaneKind;
use crate::core::document::opportunity::opportunities_of;
use crate::ui::report::report_page::ReportView;

#[component]
pub fn PainPointList() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    move || {
        let lang = app.lang.get();
        // Each stage's pain points, each with the opportunities that answer it.
        type Pains = Vec<(String, Vec<String>)>;
        let stages: Vec<(String, Pains)> = report.shown.with(|m| {
            m.stages
                .iter()
                .map(|s| {
                    let pains = m
                        .cards
                        .iter()
                        .filter(|c| c.stage == s.id && m.is_pain_point(c))
                        .filter(|c| !c.text.trim().is_empty())
                        .map(|c| {
                            let opportunities = opportunities_of(m, &c.id)
                                .map(|o| o.text.trim().to_owned())
                                .filter(|t| !t.is_empty())
                                .collect();
                            (c.text.trim().to_owned(), opportunities)
                        })
                        .collect();
                    (s.name.clone(), pains)
                })
                .filter(|(_, pains): &(String, Pains)| !pains.is_empty())
                .collect()
        });
        let title = view! { <h3>{LaneKind::PainPoints.label(lang)}</h3> };
        if stages.is_empty() {
            return view! { {title} <p class="report-empty">{lang.t(ChartText::NoPainPoints)}</p> }
                .into_any();
        }
        view! {
            {title}
            <dl class="pain-points" data-testid="report-pain-points">
                {stages.into_iter().map(|(stage, pains)| view! {
                    <dt>{stage}</dt>
                    {pains.into_iter().map(|(p, opportunities)| {
                        let opportunities = (!opportunities.is_empty()).then(|| view! {
                            <ul class="report-opportunities" data-testid="report-opportunities"
                                aria-label=LaneKind::Opportunities.label(lang)>
                                {opportunities.into_iter().map(|o| view! { <li>{o}</li> }).collect_view()}
                            </ul>
                        });
                        view! { <dd data-testid="report-pain-point">{p}{opportunities}</dd> }
                    }).collect_view()}
                }).collect_view()}
            </dl>
        }
        .into_any()
    }
}
