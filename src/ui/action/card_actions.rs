//! "Actions (n)" under a pain point or opportunity card: unfolds the
//! actions that answer it. The list is built only while unfolded, so a
//! large map pays for one count per card.

use leptos::prelude::*;

use crate::core::edit::Scope;
use crate::core::i18n::Key;
use crate::ui::action::action_list::ActionList;
use crate::ui::editor::map_session::MapSession;

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
            <ActionList card=card/>
        </Show>
    }
}
