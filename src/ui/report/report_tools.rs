//! Above the report, on screen only: back to the map, which department the
//! report is for, undo / redo of branding changes, the save state, and print.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::analysis::report::address::ReportAddress;
use crate::core::analysis::report::department::{departments, same_department};
use crate::core::document::edit::Scope;
use crate::ui::app_state::Route;
use crate::ui::report::report_page::ReportView;
use crate::ui::session::history_controls::HistoryControls;

#[component]
pub fn ReportTools() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let session = report.session;
    let app = session.app;
    let map_id = session.id.get_value();
    let back = Route::Map(map_id.clone());
    let back_href = back.to_hash();
    let go_back = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        app.navigate(back.clone());
    };
    // Every department of the map (not of the report shown), and the one in
    // the address even if no touchpoint names it (its report is then empty).
    let options = move || {
        let mut names = session.read(Scope::All, departments);
        if let Some(d) = report.department.get() {
            if !names.iter().any(|n| same_department(n, &d)) {
                names.push(d);
            }
        }
        names
    };
    let selected = move || {
        let d = report.department.get()?;
        options().into_iter().find(|n| same_department(n, &d))
    };
    // Each department's report has its own address (to bookmark, or to
    // come back to). The route is updated without notifying: the page stays
    // mounted and only what depends on the department is drawn again; the
    // hashchange that follows finds the route already there.
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let department = (!value.is_empty()).then_some(value);
        let route = Route::Report(ReportAddress {
            map: session.id.get_value(),
            department: department.clone(),
        });
        let hash = route.to_hash();
        app.route.update_untracked(|r| *r = route);
        let _ = window().location().set_hash(&hash);
        report.department.set(department);
    };
    let print = move |_| {
        if let Err(e) = window().print() {
            leptos::logging::warn!("print refused: {e:?}");
        }
    };
    view! {
        <div class="report-tools" data-testid="report-tools">
            <a class="back" data-testid="back-to-map" href=back_href on:click=go_back>{app.text(ChartText::BackToMap)}</a>
            <label class="report-for">
                <span>{app.text(ChartText::ReportFor)}</span>
                <select data-testid="report-department" prop:value=move || selected().unwrap_or_default() on:change=choose>
                    <option value="">{app.text(ChartText::AllDepartments)}</option>
                    {move || {
                        let chosen = selected();
                        options().into_iter().map(|name| {
                            let is_chosen = chosen.as_ref() == Some(&name);
                            view! { <option value=name.clone() selected=is_chosen>{name.clone()}</option> }
                        }).collect_view()
                    }}
                </select>
            </label>
            <div class="toolbar-spacer"></div>
            <HistoryControls/>
            <button class="primary" data-testid="print-report" title=app.text(ChartText::PrintHint) on:click=print>
                "🖨 " {app.text(ChartText::PrintReport)}
            </button>
        </div>
    }
}
