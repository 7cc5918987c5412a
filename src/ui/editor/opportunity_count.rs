//! On a pain point card: how many opportunities answer it (empty, and not
//! shown, when none). Linking or unlinking one touches this card's scope;
//! typing in the card recounts without re-rendering.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::opportunity::opportunities_of;
use crate::core::text::i18n::Key;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn OpportunityCount(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let text = Memo::new(move |_| {
        let id = card.get_value();
        let n = session.read(Scope::Card(id.clone()), |m| {
            opportunities_of(m, &id).count()
        });
        match n {
            0 => String::new(),
            1 => app.text(Key::OneOpportunity)().to_owned(),
            n => format!("{n} {}", app.text(Key::OpportunitiesCount)()),
        }
    });
    view! { <span class="card-opportunities" data-testid="card-opportunities">{text}</span> }
}
