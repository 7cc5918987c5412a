//! Between the toolbar and the map: the map / charts switch, the comments,
//! the history, the CSV import, and which emotion curve (today or future state) is edited.
//! (The comments' button is here rather than in the toolbar: there it made
//! the toolbar too large to be inlined into the editor: +1.3 KB before
//! wasm-opt, twiggy.)

use leptos::prelude::*;

use crate::core::text::i18n::Key;
use crate::ui::app_state::Route;
use crate::ui::session::editor_view::{EditorTab, EditorView};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn EditorTabs() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let tab = editor.tab;
    let tabs = [
        (EditorTab::Map, "tab-map", Key::MapTab),
        (EditorTab::Charts, "tab-charts", Key::ChartsTab),
        (
            EditorTab::ComparePersonas,
            "tab-compare",
            Key::ComparePersonas,
        ),
    ]
    .map(|(which, testid, label)| {
        view! {
            <button type="button" role="tab" data-testid=testid
                aria-selected=move || (tab.get() == which).to_string()
                on:click=move |_| tab.set(which)>{app.text(label)}</button>
        }
    });
    view! {
        <div class="editor-tabs">
            <div class="tabs" role="tablist">{tabs}</div>
            <label class="emotion-state">
                <span>{app.text(Key::EmotionsFor)}</span>
                <select data-testid="emotion-state"
                    prop:value=move || if editor.future_emotions.get() { "future" } else { "current" }
                    on:change=move |ev| editor.future_emotions.set(event_target_value(&ev) == "future")>
                    <option value="current">{app.text(Key::CurrentState)}</option>
                    <option value="future">{app.text(Key::FutureState)}</option>
                </select>
            </label>
            <div class="toolbar-spacer"></div>
            {move || editor.imported.get().map(|file| view! {
                <span class="import-done" role="status" data-testid="import-done">
                    {file}" — "{app.t(Key::Imported)}
                </span>
            })}
            // The board reads the stored maps: what is pending is saved first.
            <a class="button" data-testid="open-actions-board" href=Route::Actions.to_hash()
                on:click=move |ev| { ev.prevent_default(); session.flush(); app.navigate(Route::Actions); }>
                {app.text(Key::OpenActionsBoard)}
            </a>
            // The comments' panel (the count is painted by the comments' part).
            <button type="button" class="comments-button" data-testid="comments-open"
                on:click=move |_| editor.comments_for.update(|f| *f = if f.is_some() { None } else { Some(String::new()) })>
                {move || crate::core::document::comment::words::button(0, app.lang.get())}
            </button>
            // Its word hides below 1500 px (style/main.css): with it, this
            // row took two lines at 1440 px in French.
            <button type="button" class="history-button" data-testid="history-open"
                title=move || match app.lang.get() { crate::core::text::i18n::Lang::En => "History", crate::core::text::i18n::Lang::Fr => "Historique" } aria-expanded=move || editor.history_open.get().to_string()
                on:click=move |_| editor.history_open.update(|o| *o = !*o)>
                "🕘"<span class="button-label">{move || match app.lang.get() { crate::core::text::i18n::Lang::En => " History", crate::core::text::i18n::Lang::Fr => " Historique" }}</span>
            </button>
            <button type="button" data-testid="import-csv"
                on:click=move |_| { editor.imported.set(None); editor.import_open.set(true); }>
                "⇪ " {app.text(Key::ImportData)}
            </button>
        </div>
    }
}
