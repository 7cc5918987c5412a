//! Opens one stored map as a report: the department it is for comes from the
//! route (`#/report/<id>/<department>`), the branding from the map over the
//! library's default. Only the branding can be changed here, through the
//! map's edit history, saved like the editor saves (revision-checked).

use leptos::ev;
use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::analysis::report::department::department_view;
use crate::core::document::branding::{self, Branding};
use crate::core::document::edit::Scope;
use crate::core::document::model::JourneyMap;
use crate::core::session::ExternalOutcome;
use crate::core::storage::branding_store::{self, LIBRARY_BRANDING_KEY};
use crate::core::storage::library;
use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;
use crate::ui::missing_map::missing_map;
use crate::ui::report::action_list::ActionList;
use crate::ui::report::branding_form::BrandingForm;
use crate::ui::report::journey_table::JourneyTable;
use crate::ui::report::pain_point_list::PainPointList;
use crate::ui::report::persona_profiles::PersonaProfiles;
use crate::ui::report::report_charts::ReportCharts;
use crate::ui::report::report_header::ReportHeader;
use crate::ui::report::report_tools::ReportTools;
use crate::ui::session::map_session::MapSession;
use crate::ui::session::save_notice::{ExternalNotice, SaveNotice};

/// What every part of the report reads.
#[derive(Clone, Copy)]
pub struct ReportView {
    pub session: MapSession,
    /// The department the report is for; `None`: the whole journey.
    pub department: RwSignal<Option<String>>,
    /// The map as the report shows it: whole, or the department's view.
    pub shown: Memo<JourneyMap>,
    /// The library's default branding.
    pub library_branding: RwSignal<Branding>,
    /// What the report wears: the map's branding over the library's.
    pub branding: Memo<Branding>,
}

#[component]
pub fn ReportPage(id: String, department: Option<String>) -> impl IntoView {
    let app = expect_context::<AppState>();
    match library::load_map(&*app.store(), &id) {
        Ok(stored) => {
            let session = MapSession::new(app, stored);
            provide_context(session);
            view! { <OpenReport session=session department=department/> }.into_any()
        }
        Err(error) => missing_map(error, id),
    }
}

#[component]
fn OpenReport(session: MapSession, department: Option<String>) -> impl IntoView {
    let app = session.app;
    let id = session.id.get_value();
    // Chosen here without remounting the report (see `ReportTools`); Back
    // and Forward change the route, which mounts the report again.
    let department = RwSignal::new(department);
    // Read again when the whole map is replaced (another tab saved it), not
    // on the branding edits made here: `Scope::All` wakes only for the former.
    let shown = Memo::new(move |_| {
        let department = department.get();
        session.read(Scope::All, |m| match department.as_deref() {
            Some(d) => department_view(m, d),
            None => m.clone(),
        })
    });
    let library_branding =
        RwSignal::new(branding_store::library_branding(&*app.store()).unwrap_or_default());
    let branding = Memo::new(move |_| {
        let own = session.read(Scope::Branding, |m| m.branding.clone());
        library_branding.with(|default| own.over(default))
    });
    let report = ReportView {
        session,
        department,
        shown,
        library_branding,
        branding,
    };
    provide_context(report);

    // Another tab saved this map, or changed the library's branding.
    let external = RwSignal::new(None::<ExternalOutcome>);
    Effect::new(move |_| {
        let Some(change) = app.external_change.get() else {
            return;
        };
        if change.key.as_deref() == Some(LIBRARY_BRANDING_KEY) {
            library_branding
                .set(branding_store::library_branding(&*app.store()).unwrap_or_default());
            return;
        }
        let outcome = session.on_external_change(&change);
        if outcome != ExternalOutcome::Unrelated {
            external.set(Some(outcome));
        }
    });

    // The browser's print dialog suggests the document's title as the PDF's name.
    Effect::new(move |_| {
        let title = session.read(Scope::Meta, |m| m.title.clone());
        let what = match department.get() {
            Some(d) => d,
            None => app.t(Key::Report).to_owned(),
        };
        document().set_title(&format!("{title} — {what}"));
    });
    let hide = window_event_listener(ev::pagehide, move |_| session.flush());
    on_cleanup(move || {
        session.flush_on_unmount();
        hide.remove();
        document().set_title(app.lang.get_untracked().t(Key::AppName));
    });

    // The branding's colours as CSS variables on the report, set through the
    // CSSOM: the Content-Security-Policy forbids inline style attributes.
    let article = NodeRef::<leptos::html::Article>::new();
    let colours = move || {
        let b = branding.get();
        let primary = if b.primary.is_empty() {
            branding::DEFAULT_PRIMARY
        } else {
            &b.primary
        };
        let accent = if b.accent.is_empty() {
            branding::DEFAULT_ACCENT
        } else {
            &b.accent
        };
        // Both are checked #rrggbb colours (see Branding::problems).
        [
            ("--brand-primary", primary.to_owned()),
            ("--brand-on-primary", branding::ink_on(primary).to_owned()),
            ("--brand-accent", accent.to_owned()),
        ]
    };
    Effect::new(move |_| {
        let values = colours();
        if let Some(el) = article.get() {
            let style = el.style();
            for (name, value) in values {
                let _ = style.set_property(name, &value);
            }
        }
    });
    view! {
        <article class="report" data-testid="report" data-map-id=id node_ref=article>
            <ReportTools/>
            <SaveNotice/>
            <ExternalNotice outcome=external/>
            <BrandingForm/>
            <div class="report-sheet">
                <ReportHeader/>
                <section class="report-section">
                    <h2>{app.text(Key::Personas)}</h2>
                    <PersonaProfiles/>
                </section>
                <JourneyTable/>
                <ReportCharts/>
                <section class="report-section">
                    <h2>{app.text(ChartText::PainPointsAndActions)}</h2>
                    <PainPointList/>
                    <ActionList/>
                </section>
                <crate::ui::report::comment_list::CommentList/>
            </div>
        </article>
    }
}
