//! *My templates*, under the library's bar: folded, and its list (with the
//! template code) loaded only when it is first opened (the "templates" chunk).

use leptos::prelude::*;

use crate::core::text::i18n::Key;
use crate::ui::app_state::AppState;
use crate::ui::lazy_part::LazyPart;

crate::lazy_view!(
    /// The user's templates, listed.
    templates, fn template_list() {
        view! { <crate::ui::library::template_list::TemplateList/> }.into_any()
    }
);

#[component]
pub fn TemplatesMenu() -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = RwSignal::new(false);
    view! {
        <details class="templates" data-testid="templates"
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
            <summary>{app.text(Key::MyTemplates)}</summary>
            <Show when=move || open.get()>
                <LazyPart load=template_list/>
            </Show>
        </details>
    }
}
