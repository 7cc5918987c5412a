//! Reordering the map with the mouse: stages by their header, lanes by
//! theirs, cards by their grip, onto another cell. What is being dragged is
//! kept in the session (a drag's data cannot be read before the drop); the
//! keyboard does the same with Alt and the arrow keys, or the move buttons.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element};

use crate::core::document::edit::{move_card_to, Edit};
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The arrow of an Alt + arrow key press (Alt alone), the keyboard's way to
/// move what the focus is in; the event is then taken from the browser.
pub fn alt_arrow(ev: &web_sys::KeyboardEvent) -> Option<&'static str> {
    if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
        return None;
    }
    let arrow = match ev.key().as_str() {
        "ArrowUp" => "ArrowUp",
        "ArrowDown" => "ArrowDown",
        "ArrowLeft" => "ArrowLeft",
        "ArrowRight" => "ArrowRight",
        _ => return None,
    };
    ev.prevent_default();
    Some(arrow)
}

use crate::ui::session::editor_view::Dragged;

/// Start dragging `what`: the browser needs some data to start a drag.
pub fn start(editor: EditorView, ev: &DragEvent, what: Dragged) {
    if let Some(data) = ev.data_transfer() {
        let _ = data.set_data("text/plain", "");
        data.set_effect_allowed("move");
    }
    editor.dragged.set_value(Some(what));
}

/// The drag is over (dropped or abandoned).
pub fn end(editor: EditorView) {
    editor.dragged.set_value(None);
}

/// Accept the drag over this target when `accepts` says so (which shows
/// the drop is possible); returns whether it did.
pub fn over(editor: EditorView, ev: &DragEvent, accepts: impl Fn(&Dragged) -> bool) -> bool {
    let ok = editor
        .dragged
        .with_value(|d| d.as_ref().is_some_and(&accepts));
    if ok {
        ev.prevent_default();
        if let Some(data) = ev.data_transfer() {
            data.set_drop_effect("move");
        }
    }
    ok
}

/// Whether the pointer left `target` for somewhere outside it (not a child).
pub fn left(ev: &DragEvent) -> bool {
    let Some(current) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
    else {
        return true;
    };
    let inside = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
        .is_some_and(|n| current.contains(Some(&n)));
    !inside
}

/// Drop on a stage header: the dragged stage takes its place.
pub fn drop_on_stage(session: MapSession, editor: EditorView, ev: &DragEvent, target: &str) {
    ev.prevent_default();
    if let Some(Dragged::Stage(id)) = editor.dragged.get_value() {
        if let Some(to) = session.peek(|m| m.stage_index(target)) {
            session.edit(Edit::MoveStage { id, to });
        }
    }
    end(editor);
}

/// Drop on a lane header: the dragged lane takes its place.
pub fn drop_on_lane(session: MapSession, editor: EditorView, ev: &DragEvent, target: &str) {
    ev.prevent_default();
    if let Some(Dragged::Lane(id)) = editor.dragged.get_value() {
        if let Some(to) = session.peek(|m| m.lane_index(target)) {
            session.edit(Edit::MoveLane { id, to });
        }
    }
    end(editor);
}

/// Drop in a cell: the dragged card goes before the card under the pointer
/// (after it, when the pointer is on its lower half), or to the cell's end.
pub fn drop_in_cell(
    session: MapSession,
    editor: EditorView,
    ev: &DragEvent,
    lane: &str,
    stage: &str,
) {
    ev.prevent_default();
    if let Some(Dragged::Card(id)) = editor.dragged.get_value() {
        let before = card_after_pointer(ev);
        let edit = session.peek(|m| move_card_to(m, &id, lane, stage, before.as_deref()));
        session.edit(edit);
        refocus_card(session, editor, id);
    }
    end(editor);
}

/// The id of the card the dropped one should go before, from the card
/// element under the pointer.
fn card_after_pointer(ev: &DragEvent) -> Option<String> {
    let target = ev.target()?.dyn_into::<Element>().ok()?;
    let card = target.closest(".card").ok()??;
    let rect = card.get_bounding_client_rect();
    let lower_half = f64::from(ev.client_y()) > rect.top() + rect.height() / 2.0;
    let chosen = if lower_half {
        let mut next = card.next_element_sibling();
        while let Some(el) = &next {
            if el.matches(".card").unwrap_or(false) {
                break;
            }
            next = el.next_element_sibling();
        }
        next?
    } else {
        card
    };
    chosen.get_attribute("data-card")
}

/// Put the focus back on a moved card once the list has been redrawn (a
/// moved element loses the focus; one in another cell is a new element),
/// its stage built first if it was out of the window.
pub fn refocus_card(session: MapSession, editor: EditorView, id: String) {
    if let Some(i) = session.peek(|m| m.stage_index(&m.card(&id)?.stage)) {
        editor.reveal_stage(i);
    }
    set_timeout(
        move || {
            // Compared rather than put in a selector: ids are free text.
            let fields = document().get_elements_by_tag_name("textarea");
            let found = (0..fields.length())
                .filter_map(|i| fields.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
                .find(|el| el.get_attribute("data-card-id").as_deref() == Some(id.as_str()));
            if let Some(el) = found {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Put the focus back in a moved header's name field once it is redrawn.
pub fn refocus(field: NodeRef<leptos::html::Input>) {
    set_timeout(
        move || {
            if let Some(el) = field.get_untracked() {
                let _ = el.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
