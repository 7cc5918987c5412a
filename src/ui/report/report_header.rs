//! The report's title block: the organisation's logo and name, the map's
//! title, kind and description, which department the report is for, and when.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::document::edit::Scope;
use crate::platform::clock;
use crate::ui::report::report_page::ReportView;

#[component]
pub fn ReportHeader() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let session = report.session;
    let app = session.app;
    let printed = clock::now();
    let meta = move || {
        session.read(Scope::Meta, |m| {
            (m.title.clone(), m.kind, m.description.clone(), m.modified)
        })
    };
    let branding = report.branding;
    let department_line = move || match report.department.get() {
        Some(d) => format!("{} {d}", app.t(ChartText::ReportDepartment)),
        None => app.t(ChartText::ReportWholeJourney).to_owned(),
    };
    let dates = move || {
        let lang = app.lang.get();
        let (_, _, _, modified) = meta();
        format!(
            "{} {} · {} {}",
            lang.t(ChartText::ReportDate),
            clock::format_date(printed, lang.code()),
            lang.t(ChartText::MapLastChanged),
            clock::format_date(modified, lang.code())
        )
    };
    view! {
        <header class="report-header" data-testid="report-header">
            <div class="report-band">
                {move || {
                    let b = branding.get();
                    (!b.logo.is_empty()).then(|| view! {
                        // A checked data: URL of a PNG, JPEG or SVG image; an
                        // <img> never runs an SVG's scripts.
                        <img class="report-logo" data-testid="report-logo" src=b.logo alt=b.organisation.clone()/>
                    })
                }}
                <span class="report-organisation" data-testid="report-organisation">
                    {move || branding.get().organisation}
                </span>
                <span class="report-kind">
                    {app.text(ChartText::ReportKindLine)} " · " {move || meta().1.label(app.lang.get())}
                </span>
            </div>
            <h1 data-testid="report-title">{move || meta().0}</h1>
            <p class="report-department" data-testid="report-department-line">{department_line}</p>
            <p class="report-dates">{dates}</p>
            {move || {
                let description = meta().2;
                (!description.is_empty()).then(|| view! { <p class="report-description">{description}</p> })
            }}
        </header>
    }
}
