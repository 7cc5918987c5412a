//! The cards of one lane at one stage, and adding one.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::document::model::LaneKind;
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::editor::card::CardView;
use crate::ui::editor::drag_drop;
use crate::ui::id_list::IdList;
use crate::ui::session::editor_view::{Dragged, EditorView};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn CardCell(lane: String, stage: String, kind: LaneKind) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let lane = StoredValue::new(lane);
    let stage_id = stage.clone();
    let stage = StoredValue::new(stage);
    let cards = move || {
        session.track(Scope::Cell {
            lane: lane.get_value(),
            stage: stage.get_value(),
        });
        let view_of = editor.persona_view.get();
        session.peek(|m| m.cell_cards(&lane.get_value(), &stage.get_value(), view_of.as_deref()))
    };
    let add = move |_| {
        let view_of = editor.persona_view.get_untracked();
        let added = session.peek(|m| {
            intent::add_card(
                m,
                &mut RandomIds,
                &lane.get_value(),
                &stage.get_value(),
                view_of.as_deref(),
            )
        });
        if let Some(added) = added {
            editor.request_focus(added.id);
            session.edit(added.edit);
        }
    };
    // Shown while a card dragged over the cell can be dropped in it.
    let drop_here = RwSignal::new(false);
    view! {
        <div class="cell" data-testid="cell" data-stage-id=stage_id tabindex="-1"
            class:drop-target=move || drop_here.get()
            on:dragover=move |ev| {
                let ok = drag_drop::over(editor, &ev, |d| matches!(d, Dragged::Card(_)));
                if ok != drop_here.get_untracked() { drop_here.set(ok); }
            }
            on:dragleave=move |ev| if drag_drop::left(&ev) { drop_here.set(false) }
            on:drop=move |ev| {
                drop_here.set(false);
                drag_drop::drop_in_cell(session, editor, &ev, &lane.get_value(), &stage.get_value());
            }>
            <IdList ids=Signal::derive(cards) row=Callback::new(move |id| view! { <CardView id=id kind=kind/> }.into_any())/>
            <button class="add-card" data-testid="add-card" aria-label=app.text(Key::AddCardTitle)
                title=app.text(Key::AddCardTitle) on:click=add>{app.text(Key::AddCard)}</button>
        </div>
    }
}
