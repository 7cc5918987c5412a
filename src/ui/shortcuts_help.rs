//! The keyboard shortcuts, listed in a panel that `?` (or the header's
//! button) opens; Escape closes it. `?` and `/` are ignored while typing.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;

/// Is the user typing in a field (where `?` and `/` are text)?
pub fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// (keys, what they do), in the order shown.
const SHORTCUTS: [(&str, Key); 13] = [
    ("?", Key::ShortcutHelp),
    ("/", Key::ShortcutSearch),
    ("Ctrl+Z", Key::Undo),
    ("Ctrl+Shift+Z · Ctrl+Y", Key::Redo),
    ("Ctrl+S", Key::ShortcutSave),
    ("Ctrl+Enter", Key::ShortcutNewCard),
    ("Ctrl+Shift+Enter", Key::ShortcutNewStage),
    ("P", Key::ShortcutPresent),
    ("Esc", Key::ShortcutLeave),
    ("← → ↑ ↓", Key::ShortcutMove),
    ("Enter", Key::ShortcutEnter),
    ("Alt+↑ ↓ · Alt+← →", Key::ShortcutMoveCard),
    ("Alt+← → · Alt+↑ ↓", Key::ShortcutMoveStageLane),
];

#[component]
pub fn ShortcutsHelp() -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = RwSignal::new(false);
    let keys = window_event_listener(ev::keydown, move |ev| {
        if ev.key() == "?" && !typing(&ev) && !ev.ctrl_key() && !ev.meta_key() {
            ev.prevent_default();
            open.update(|o| *o = !*o);
        } else if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || keys.remove());
    let rows = move || {
        SHORTCUTS
            .iter()
            .map(|(keys, what)| {
                view! {
                    <tr>
                        <th scope="row"><kbd>{*keys}</kbd></th>
                        <td>{app.text(*what)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <button type="button" class="icon shortcuts-button" data-testid="shortcuts-button"
            aria-label=app.text(Key::Shortcuts) title=app.text(Key::Shortcuts)
            aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            "?"
        </button>
        <Show when=move || open.get()>
            <section class="shortcuts" data-testid="shortcuts" role="dialog" aria-labelledby="shortcuts-title">
                <header class="import-head">
                    <h2 id="shortcuts-title">{app.text(Key::Shortcuts)}</h2>
                    <button type="button" class="icon" aria-label=app.text(Key::Close) on:click=move |_| open.set(false)>"×"</button>
                </header>
                <table>{rows}</table>
            </section>
        </Show>
    }
}
