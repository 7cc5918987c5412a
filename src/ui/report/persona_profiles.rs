//! The map's personas as profile cards, read-only: who they are, their
//! share of customers, goals, motivations, frustrations and a quote.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;
use crate::core::document::model::Persona;
use crate::core::document::persona::initials;
use crate::core::text::i18n::{format_percent, Key};
use crate::ui::report::report_page::ReportView;

#[component]
pub fn PersonaProfiles() -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    move || {
        let personas = report.shown.with(|m| m.personas.clone());
        if personas.is_empty() {
            return view! { <p class="report-empty">{app.text(ChartText::NoPersonas)}</p> }
                .into_any();
        }
        view! {
            <div class="profiles">
                {personas.into_iter().map(|p| view! { <PersonaProfile persona=p/> }).collect_view()}
            </div>
        }
        .into_any()
    }
}

#[component]
fn PersonaProfile(persona: Persona) -> impl IntoView {
    let report = expect_context::<ReportView>();
    let app = report.session.app;
    let lang = app.lang.get_untracked();
    let share = persona.share.map(|s| {
        format!(
            "{} {}",
            format_percent(lang, s.round()),
            lang.t(ChartText::OfCustomers)
        )
    });
    let facts = [
        (Key::PersonaGoals, persona.goals.clone()),
        (Key::PersonaMotivations, persona.motivations.clone()),
        (Key::PersonaFrustrations, persona.frustrations.clone()),
    ]
    .into_iter()
    .filter(|(_, text)| !text.trim().is_empty())
    .map(|(key, text)| view! { <dt>{app.text(key)}</dt><dd>{text}</dd> })
    .collect_view();
    let quote = (!persona.quote.trim().is_empty())
        .then(|| view! { <blockquote class="profile-quote">{persona.quote.clone()}</blockquote> });
    view! {
        <article class="profile" data-testid="report-persona" style:border-top-color=persona.colour.clone()>
            <header>
                <span class="avatar" aria-hidden="true" style:background-color=persona.colour.clone()>
                    {initials(&persona.name)}
                </span>
                <div>
                    <h3>{persona.name.clone()}</h3>
                    <p class="profile-segment">
                        {persona.segment.clone()}
                        {share.map(|s| view! { <span class="profile-share">{s}</span> })}
                    </p>
                </div>
            </header>
            <dl>{facts}</dl>
            {quote}
        </article>
    }
}
