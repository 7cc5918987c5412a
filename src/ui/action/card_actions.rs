//! "Actions (n)" under a pain point or opportunity card: unfolds the
//! actions that answer it. The list is built only while unfolded, so a
//! large map pays for one count per card; its code is in the "board"
//! wasm chunk, fetched the first time a card's actions unfold (in the
//! editor's it weighed about 20 KB gzipped on the map path).

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::text::i18n::Key;
use crate::ui::lazy_part::LazyPart;
use crate::ui::session::map_session::MapSession;

crate::lazy_view!(
    /// The actions of the card `id`, editable (the "board" chunk).
    board, fn action_list(id: String) {
        view! { <crate::ui::action::action_list::ActionList card=StoredValue::new(id)/> }.into_any()
    }
);

#[component]
pub fn CardActions(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let open = RwSignal::new(false);
    // Which actions answer a card changes with Scope::Actions only.
    let count = move || {
        session.read(Scope::Actions, |m| {
            let id = card.get_value();
            m.actions
                .iter()
                .filter(|a| a.card.as_deref() == Some(id.as_str()))
                .count()
        })
    };
    view! {
        <button type="button" class="card-actions-toggle" data-testid="card-actions-toggle"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
            {app.text(Key::Actions)} " (" <span data-testid="card-actions-count">{count}</span> ")"
        </button>
        <Show when=move || open.get()>
            <LazyPart load=move || action_list(card.get_value())/>
        </Show>
    }
}
