//! A text card. Typing edits the document directly; only this card is notified.

use leptos::prelude::*;

use crate::core::document::edit::{move_card_step, CardStep, Edit, Scope};
use crate::core::document::model::LaneKind;
use crate::core::text::i18n::Key;
use crate::ui::action::card_actions::CardActions;
use crate::ui::action::severity_select::SeveritySelect;
use crate::ui::editor::answers_select::AnswersSelect;
use crate::ui::editor::drag_drop;
use crate::ui::editor::opportunity_count::OpportunityCount;
use crate::ui::icon_button::IconButton;
use crate::ui::session::editor_view::{Dragged, EditorView};
use crate::ui::session::map_session::MapSession;

/// Add an empty card right after card `id`, in its cell, and focus it.
fn add_card_after(session: MapSession, editor: EditorView, id: &str) {
    use crate::core::document::intent;
    let ids = &mut crate::platform::random_ids::RandomIds;
    if let Some(added) = session.peek(|m| intent::add_card_after(m, ids, id)) {
        editor.request_focus(added.id);
        session.edit(added.edit);
    }
}

#[component]
pub fn CardView(id: String, kind: LaneKind) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let text = move || {
        session.read(Scope::Card(id.get_value()), |m| {
            m.card(&id.get_value())
                .map(|c| c.text.clone())
                .unwrap_or_default()
        })
    };
    // Which persona the card belongs to never changes; its name and colour may.
    let persona_id = session.peek(|m| m.card(&id.get_value()).and_then(|c| c.persona.clone()));
    let persona = move || {
        let pid = persona_id.clone()?;
        session.read(Scope::Persona(pid.clone()), |m| {
            m.persona(&pid).map(|p| (p.name.clone(), p.colour.clone()))
        })
    };
    let tag = {
        let persona = persona.clone();
        move || {
            persona().map(|(name, colour)| view! { <span class="persona-tag" style:border-left-color=colour>{name}</span> })
        }
    };
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    // Ctrl+Enter: a new card below this one (Escape, to its cell: grid_keys).
    // Alt+arrows: move the card, as dragging its grip does.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) && !ev.shift_key() {
            ev.prevent_default();
            add_card_after(session, editor, &id.get_value());
            return;
        }
        let step = match drag_drop::alt_arrow(&ev) {
            Some("ArrowUp") => CardStep::Up,
            Some("ArrowDown") => CardStep::Down,
            Some("ArrowLeft") => CardStep::PreviousStage,
            Some("ArrowRight") => CardStep::NextStage,
            _ => return,
        };
        let view_of = editor.persona_view.get_untracked();
        let card = id.get_value();
        if let Some(edit) = session.peek(|m| move_card_step(m, &card, view_of.as_deref(), step)) {
            session.edit(edit);
            drag_drop::refocus_card(session, editor, card);
        }
    };
    editor.focus_on_request(id, textarea);
    // Pain points are rated and count the opportunities that answer them;
    // an opportunity names the pain point it answers; both carry actions.
    let tools = match kind {
        LaneKind::PainPoints => Some(
            view! { <SeveritySelect card=id/><OpportunityCount card=id/><CardActions card=id/> }
                .into_any(),
        ),
        LaneKind::Opportunities => {
            Some(view! { <AnswersSelect card=id/><CardActions card=id/> }.into_any())
        }
        _ => None,
    }
    .map(|tools| view! { <div class="card-tools">{tools}</div> });
    view! {
        <div class="card" data-card=id.get_value() style:border-left-color=move || persona().map(|p| p.1)>
            <span class="grip card-grip" draggable="true" aria-hidden="true" title=app.text(Key::DragToMove)
                on:dragstart=move |ev| drag_drop::start(editor, &ev, Dragged::Card(id.get_value()))
                on:dragend=move |_| drag_drop::end(editor)>"⠿"</span>
            {tag}
            <textarea
                data-testid="card"
                data-card-id=id.get_value()
                node_ref=textarea
                rows="1"
                aria-label=app.text(Key::CardText)
                prop:value=text
                on:input=move |ev| session.edit(Edit::SetCardText { id: id.get_value(), text: event_target_value(&ev) })
                on:keydown=on_key
            ></textarea>
            <IconButton glyph="×" label=Key::DeleteCard testid="card-delete" class="card-delete"
                on_press=Callback::new(move |_| session.edit(Edit::RemoveCard(id.get_value())))/>
            {tools}
        </div>
    }
}
