//! A pain point's severity (low, medium, high, or not rated), which weighs
//! in the priority of the actions that answer it.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::text::i18n::Key;
use crate::ui::session::map_session::MapSession;

const LEVELS: [(u8, Key); 3] = [
    (1, Key::SeverityLow),
    (2, Key::SeverityMedium),
    (3, Key::SeverityHigh),
];

#[component]
pub fn SeveritySelect(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // A memo: typing in the card wakes the options only if this changes.
    let severity = Memo::new(move |_| {
        session.read(Scope::Card(card.get_value()), |m| {
            m.card(&card.get_value()).and_then(|c| c.severity)
        })
    });
    let on_change = move |ev: leptos::ev::Event| {
        let severity = event_target_value(&ev).parse::<u8>().ok();
        session.edit(Edit::SetCardSeverity {
            id: card.get_value(),
            severity,
        });
    };
    view! {
        <label class="card-severity" data-level=move || severity.get().map(|v| v.to_string())>
            <span>{app.text(Key::Severity)}</span>
            <select data-testid="card-severity" on:change=on_change>
                <option value="" prop:selected=move || severity.get().is_none()>{app.text(Key::SeverityNotRated)}</option>
                {LEVELS.into_iter().map(|(v, key)| view! {
                    <option value=v.to_string() prop:selected=move || severity.get() == Some(v)>{app.text(key)}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
