//! The actions that answer the journey's pain points and opportunities:
//! what, who owns it, where it stands, and the touchpoint it should move.
//! For a department, the actions linked to its touchpoints.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::text::i18n::Key;
use crate::ui::report::report_page::ReportView;

#[component]
pub fn ActionList() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    move || {
        let lang = app.lang.get();
        let empty = if report.department.get().is_some() {
            ChartText::NoDepartmentActions
        } else {
            ChartText::NoActions
        };
        let rows: Vec<[String; 5]> = report.shown.with(|m| {
            m.actions
                .iter()
                .map(|a| {
                    let touchpoint = a
                        .touchpoint
                        .as_deref()
                        .and_then(|t| m.touchpoint(t))
                        .map(|t| {
                            if t.department.trim().is_empty() {
                                t.name.clone()
                            } else {
                                format!("{} ({})", t.name, t.department.trim())
                            }
                        })
                        .unwrap_or_default();
                    let answers = a
                        .card
                        .as_deref()
                        .and_then(|c| m.card(c))
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    [
                        a.title.clone(),
                        a.owner.clone(),
                        a.status.label(lang).to_owned(),
                        touchpoint,
                        answers,
                    ]
                })
                .collect()
        });
        let title = view! { <h3>{lang.t(Key::Actions)}</h3> };
        if rows.is_empty() {
            return view! { {title} <p class="report-empty" data-testid="report-no-actions">{lang.t(empty)}</p> }
                .into_any();
        }
        let heads = [
            Key::Actions.texts(),
            Key::ActionOwner.texts(),
            Key::ActionStatusCol.texts(),
            Key::Touchpoint.texts(),
            ChartText::ActionAnswers.texts(),
        ]
        .map(|k| view! { <th scope="col">{lang.t(k)}</th> });
        view! {
            {title}
            <table class="report-actions" data-testid="report-actions">
                <thead><tr>{heads.into_iter().collect_view()}</tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr data-testid="report-action">
                            {row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    }
}
