//! A lane's name and its controls: rename, move, hide, delete.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::intent;
use crate::core::document::model::LaneKind;
use crate::core::text::i18n::Key;
use crate::ui::editor::drag_drop;
use crate::ui::icon_button::IconButton;
use crate::ui::session::editor_view::{Dragged, EditorView};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn LaneHeader(id: String, kind: LaneKind) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let title = move || {
        session.read(Scope::Lane(id.get_value()), |m| {
            m.lane(&id.get_value())
                .map(|l| l.title.clone())
                .unwrap_or_default()
        })
    };
    let move_by = move |delta: isize| {
        // Past hidden lanes too: the order is the map's, not the screen's.
        if let Some(edit) = session.peek(|m| intent::move_lane_by(m, &id.get_value(), delta)) {
            session.edit(edit);
        }
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Alt+Up/Down in the name: the same as the move buttons.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match drag_drop::alt_arrow(&ev) {
            Some("ArrowUp") => -1,
            Some("ArrowDown") => 1,
            _ => return,
        };
        move_by(delta);
        drag_drop::refocus(input_ref);
    };
    let drop_here = RwSignal::new(false);
    view! {
        <div class="lane-head" class:drop-target=move || drop_here.get()
            on:dragover=move |ev| {
                let ok = drag_drop::over(editor, &ev, |d| matches!(d, Dragged::Lane(l) if *l != id.get_value()));
                if ok != drop_here.get_untracked() { drop_here.set(ok); }
            }
            on:dragleave=move |ev| if drag_drop::left(&ev) { drop_here.set(false) }
            on:drop=move |ev| { drop_here.set(false); drag_drop::drop_on_lane(session, editor, &ev, &id.get_value()); }>
            <span class="grip lane-grip" draggable="true" aria-hidden="true" title=app.text(Key::DragToMove)
                data-testid="lane-grip"
                on:dragstart=move |ev| drag_drop::start(editor, &ev, Dragged::Lane(id.get_value()))
                on:dragend=move |_| drag_drop::end(editor)>"⠿"</span>
            <input class="lane-name" data-testid="lane-name" node_ref=input_ref
                on:keydown=on_key
                aria-label=app.text(Key::LaneName)
                placeholder=move || kind.label(app.lang.get())
                prop:value=title
                on:input=move |ev| session.edit(Edit::RenameLane { id: id.get_value(), title: event_target_value(&ev) }) />
            <div class="lane-actions">
                <IconButton glyph="▲" label=Key::MoveUp testid="lane-up" on_press=Callback::new(move |_| move_by(-1))/>
                <IconButton glyph="▼" label=Key::MoveDown testid="lane-down" on_press=Callback::new(move |_| move_by(1))/>
                <IconButton glyph="◌" label=Key::HideLane testid="lane-hide"
                    on_press=Callback::new(move |_| session.edit(Edit::SetLaneHidden { id: id.get_value(), hidden: true }))/>
                <IconButton glyph="×" label=Key::DeleteLane testid="lane-delete" danger=true
                    on_press=Callback::new(move |_| session.edit(Edit::RemoveLane(id.get_value())))/>
            </div>
        </div>
    }
}
