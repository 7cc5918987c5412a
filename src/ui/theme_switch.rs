//! Choosing light, dark or the system's theme (remembered in storage). The
//! page's `data-theme` is set by boot.js, which this switch asks to apply
//! the new choice, so the rule lives in one place.

use leptos::prelude::*;

use crate::core::storage::library::THEME_KEY;
use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let app = expect_context::<AppState>();
    let stored = match app.store().get(THEME_KEY) {
        Ok(Some(choice)) if choice == "light" || choice == "dark" => choice,
        _ => "system".to_owned(),
    };
    let choose = move |ev: leptos::ev::Event| {
        let choice = event_target_value(&ev);
        let store = app.store();
        let _ = match choice.as_str() {
            "light" | "dark" => store.set(THEME_KEY, &choice),
            _ => store.remove(THEME_KEY),
        };
        if let Some(window) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("parcours-theme") {
                let _ = window.dispatch_event(&event);
            }
        }
    };
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{app.text(Key::Theme)}</span>
            <select data-testid="theme-select" aria-label=app.text(Key::Theme) on:change=choose>
                <option value="system" selected=stored == "system">{app.text(Key::ThemeSystem)}</option>
                <option value="light" selected=stored == "light">{app.text(Key::ThemeLight)}</option>
                <option value="dark" selected=stored == "dark">{app.text(Key::ThemeDark)}</option>
            </select>
        </label>
    }
}
