//! Between the toolbar and the map: the map / charts switch, the CSV
//! import, and which emotion curve (today or future state) is edited.

use leptos::prelude::*;

use crate::core::i18n::Key;
use crate::ui::app_state::Route;
use crate::ui::editor::map_session::MapSession;

#[component]
pub fn EditorTabs() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let charts = session.charts_open;
    let compare = session.compare_open;
    view! {
        <div class="editor-tabs">
            <div class="tabs" role="tablist">
                <button type="button" role="tab" data-testid="tab-map"
                    aria-selected=move || (!charts.get() && !compare.get()).to_string()
                    on:click=move |_| { charts.set(false); compare.set(false); }>{app.text(Key::MapTab)}</button>
                <button type="button" role="tab" data-testid="tab-charts"
                    aria-selected=move || charts.get().to_string()
                    on:click=move |_| { compare.set(false); charts.set(true); }>{app.text(Key::ChartsTab)}</button>
                <button type="button" role="tab" data-testid="tab-compare"
                    aria-selected=move || compare.get().to_string()
                    on:click=move |_| { charts.set(false); compare.set(true); }>{app.text(Key::ComparePersonas)}</button>
            </div>
            <label class="emotion-state">
                <span>{app.text(Key::EmotionsFor)}</span>
                <select data-testid="emotion-state"
                    prop:value=move || if session.future_emotions.get() { "future" } else { "current" }
                    on:change=move |ev| session.future_emotions.set(event_target_value(&ev) == "future")>
                    <option value="current">{app.text(Key::CurrentState)}</option>
                    <option value="future">{app.text(Key::FutureState)}</option>
                </select>
            </label>
            <div class="toolbar-spacer"></div>
            {move || session.imported.get().map(|file| view! {
                <span class="import-done" role="status" data-testid="import-done">
                    {file}" — "{app.t(Key::Imported)}
                </span>
            })}
            // The board reads the stored maps: what is pending is saved first.
            <a class="button" data-testid="open-actions-board" href=Route::Actions.to_hash()
                on:click=move |ev| { ev.prevent_default(); session.flush(); app.navigate(Route::Actions); }>
                {app.text(Key::OpenActionsBoard)}
            </a>
            <button type="button" data-testid="import-csv"
                on:click=move |_| { session.imported.set(None); session.import_open.set(true); }>
                "⇪ " {app.text(Key::ImportData)}
            </button>
        </div>
    }
}
