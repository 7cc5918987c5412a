//! How much of the browser's storage the maps use.

use leptos::prelude::*;

use crate::core::storage::library::QUOTA_HINT;
use crate::core::text::i18n::{format_decimal, format_size, Key, Lang};
use crate::ui::app_state::AppState;

#[component]
pub fn StorageMeter() -> impl IntoView {
    let app = expect_context::<AppState>();
    let used = move || app.library.with(|l| l.used);
    let percent = move || (used() as f64 / QUOTA_HINT as f64 * 100.0).min(100.0);
    view! {
        <div class="storage-meter" data-testid="storage-meter">
            <span>{app.text(Key::StorageUse)} {move || app.lang.get().colon()}</span>
            <meter min="0" max="100" low="70" high="90" optimum="0" value=move || format_decimal(Lang::En, percent())
                aria-label=app.text(Key::StorageUse)></meter>
            <span>
                {move || format_size(app.lang.get(), used())} " "
                {app.text(Key::StorageOf)}
                {move || format!(" ({} %)", percent().round() as i64)}
            </span>
        </div>
    }
}
