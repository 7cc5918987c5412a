//! A stage's column header: its name, moving it, deleting it, and linking
//! it to the map that details it (the link and its picker are in the
//! merge's lazy part, see `ui::journey`).

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::intent;
use crate::core::text::i18n::Key;
use crate::ui::editor::drag_drop;
use crate::ui::icon_button::IconButton;
use crate::ui::journey::{journey_part, JourneyPart};
use crate::ui::lazy_part::LazyPart;
use crate::ui::session::editor_view::{Dragged, EditorView};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn StageHeader(id: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let id = StoredValue::new(id);
    let name = move || {
        session.read(Scope::Stage(id.get_value()), |m| {
            m.stages
                .iter()
                .find(|s| s.id == id.get_value())
                .map(|s| s.name.clone())
                .unwrap_or_default()
        })
    };
    let position = move || {
        session.read(Scope::Stages, |m| {
            (m.stage_index(&id.get_value()).unwrap_or(0), m.stages.len())
        })
    };
    let move_by = move |delta: isize| {
        if let Some((edit, to)) = session.peek(|m| intent::move_stage_by(m, &id.get_value(), delta))
        {
            editor.reveal_stage(to);
            session.edit(edit);
        }
    };
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Alt+Left/Right in the name: the same as the move buttons.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match drag_drop::alt_arrow(&ev) {
            Some("ArrowLeft") => -1,
            Some("ArrowRight") => 1,
            _ => return,
        };
        move_by(delta);
        drag_drop::refocus(input_ref);
    };
    editor.focus_on_request(id, input_ref);
    let drop_here = RwSignal::new(false);
    let picking = RwSignal::new(false);
    let linked = move || {
        session.read(Scope::Stage(id.get_value()), |m| {
            m.stages
                .iter()
                .any(|s| s.id == id.get_value() && !s.journey.is_empty())
        })
    };
    view! {
        <div class="stage-header" data-testid="stage-header" data-stage-id=id.get_value()
            class:drop-target=move || drop_here.get()
            on:dragover=move |ev| {
                let ok = drag_drop::over(editor, &ev, |d| matches!(d, Dragged::Stage(s) if *s != id.get_value()));
                if ok != drop_here.get_untracked() { drop_here.set(ok); }
            }
            on:dragleave=move |ev| if drag_drop::left(&ev) { drop_here.set(false) }
            on:drop=move |ev| { drop_here.set(false); drag_drop::drop_on_stage(session, editor, &ev, &id.get_value()); }>
            // The stage's number is its drag handle.
            <span class="stage-number" draggable="true" aria-hidden="true" title=app.text(Key::DragToMove)
                data-testid="stage-grip"
                on:dragstart=move |ev| drag_drop::start(editor, &ev, Dragged::Stage(id.get_value()))
                on:dragend=move |_| drag_drop::end(editor)>{move || position().0 + 1}</span>
            <input class="stage-name" data-testid="stage-name" node_ref=input_ref
                aria-label=app.text(Key::StageName)
                on:keydown=on_key
                prop:value=name
                on:input=move |ev| session.edit(Edit::RenameStage { id: id.get_value(), name: event_target_value(&ev) }) />
            <div class="stage-actions">
                <IconButton glyph="◀" label=Key::MoveLeft testid="stage-left"
                    disabled=Signal::derive(move || position().0 == 0) on_press=Callback::new(move |_| move_by(-1))/>
                <IconButton glyph="▶" label=Key::MoveRight testid="stage-right"
                    disabled=Signal::derive(move || { let (i, n) = position(); i + 1 >= n })
                    on_press=Callback::new(move |_| move_by(1))/>
                <IconButton glyph="↳" label=Key::DetailedJourney testid="stage-journey"
                    on_press=Callback::new(move |_| picking.update(|p| *p = !*p))/>
                <IconButton glyph="×" label=Key::DeleteStage testid="stage-delete" danger=true
                    on_press=Callback::new(move |_| session.edit(Edit::RemoveStage(id.get_value())))/>
            </div>
            <Show when=move || picking.get() || linked()>
                <LazyPart load=move || journey_part(JourneyPart::Stage { id, picking }) waiting=|| ()/>
            </Show>
        </div>
    }
}
