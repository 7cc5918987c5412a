//! A small button showing a glyph, named for screen readers and tooltips in
//! the UI language. Props are type-erased (`Signal`, `Callback`), so every use
//! shares one compiled instance.

use leptos::prelude::*;

use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;

#[component]
pub fn IconButton(
    glyph: &'static str,
    label: Key,
    testid: &'static str,
    on_press: Callback<()>,
    #[prop(optional)] danger: bool,
    #[prop(into, default = Signal::from(false))] disabled: Signal<bool>,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let class = match (danger, class.is_empty()) {
        (true, true) => "icon danger".to_owned(),
        (true, false) => format!("icon danger {class}"),
        (false, true) => "icon".to_owned(),
        (false, false) => format!("icon {class}"),
    };
    view! {
        <button class=class data-testid=testid aria-label=app.text(label) title=app.text(label)
            disabled=move || disabled.get() on:click=move |_| on_press.run(())>
            {glyph}
        </button>
    }
}
