//! Undo, redo and the save status of the open map: the editor's toolbar and
//! the report's show the same three.

use leptos::prelude::*;

use crate::core::text::i18n::Key;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn HistoryControls() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let status = move || {
        let state = session.save_state.get();
        (state.code(), app.t(state.label()))
    };
    view! {
        <button data-testid="undo" title=app.text(Key::UndoRedoHint) aria-label=app.text(Key::Undo)
            disabled=move || !session.can_undo.get() on:click=move |_| session.undo()>
            "↶ " {app.text(Key::Undo)}
        </button>
        <button data-testid="redo" title=app.text(Key::UndoRedoHint) aria-label=app.text(Key::Redo)
            disabled=move || !session.can_redo.get() on:click=move |_| session.redo()>
            "↷ " {app.text(Key::Redo)}
        </button>
        <span class="save-status" data-testid="save-status" data-state=move || status().0 role="status">
            {move || status().1}
        </span>
    }
}
