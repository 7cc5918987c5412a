//! The actions answering one card, unfolded under it: each editable, and a
//! button to add one. Built only while unfolded.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;
use crate::core::analysis::metrics::journey::in_journey_order;
use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::document::model::JourneyMap;
use crate::platform::random_ids::RandomIds;
use crate::ui::action::action_row::ActionRow;
use crate::ui::id_list::IdList;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The touchpoints an action can name, in journey order: (id, "stage · name").
fn touchpoint_choices(map: &JourneyMap) -> Vec<(String, String)> {
    in_journey_order(map)
        .into_iter()
        .map(|(s, t)| {
            let tp = &map.touchpoints[t];
            (
                tp.id.clone(),
                format!("{} · {}", map.stages[s].name, tp.name),
            )
        })
        .collect()
}

#[component]
pub fn ActionList(card: StoredValue<String>) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let ids = move || {
        session.read(Scope::Actions, |m| {
            let card = card.get_value();
            m.actions
                .iter()
                .filter(|a| a.card.as_deref() == Some(card.as_str()))
                .map(|a| a.id.clone())
                .collect::<Vec<_>>()
        })
    };
    // The touchpoints to choose from, read when the list opens and again
    // whenever the focus comes into it: no subscription to every
    // touchpoint's name, so typing elsewhere in the map wakes nothing here.
    let choices = RwSignal::new(session.peek(touchpoint_choices));
    let refresh = move |_| {
        let now = session.peek(touchpoint_choices);
        if choices.with_untracked(|c| *c != now) {
            choices.set(now);
        }
    };
    let add = move |_| {
        if let Some(added) =
            session.peek(|m| intent::add_action(m, &mut RandomIds, &card.get_value()))
        {
            editor.request_focus(added.id);
            session.edit(added.edit);
        }
    };
    let choices = Signal::from(choices);
    view! {
        <section class="card-action-list" data-testid="card-action-list"
            aria-label=app.text(BoardText::CardActions) on:focusin=refresh>
            <Show when=move || ids().is_empty()>
                <p class="muted">{app.text(BoardText::NoCardActions)}</p>
            </Show>
            <IdList ids=Signal::derive(ids)
                row=Callback::new(move |id| view! { <ActionRow id=id touchpoints=choices/> }.into_any())/>
            <button type="button" class="add-action" data-testid="add-action" on:click=add>
                {app.text(BoardText::NewAction)}
            </button>
        </section>
    }
}
