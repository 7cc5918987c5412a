//! Choosing the UI language (remembered in storage).

use leptos::prelude::*;

use crate::core::text::i18n::{Key, Lang};
use crate::ui::app_state::AppState;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let app = expect_context::<AppState>();
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{app.text(Key::Language)}</span>
            <select
                data-testid="lang-select"
                aria-label=app.text(Key::Language)
                prop:value=move || app.lang.get().code()
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        app.set_lang(lang);
                    }
                }
            >
                <option value="en">"English"</option>
                <option value="fr">"Français"</option>
            </select>
        </label>
    }
}
