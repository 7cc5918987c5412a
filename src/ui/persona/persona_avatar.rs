//! A persona's avatar: their uploaded picture, or their initials on their
//! colour. Decorative (the name is always written beside it).

use leptos::prelude::*;

use crate::core::document::persona::avatar_ok;
use crate::core::document::persona::initials;

#[component]
pub fn PersonaAvatar(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] colour: Signal<String>,
    #[prop(into)] avatar: Signal<Option<String>>,
    /// `small` for chips, `large` for the library's cards.
    #[prop(optional)]
    size: &'static str,
) -> impl IntoView {
    // Only a checked data: URL reaches an <img> (never an address).
    let picture = move || avatar.get().filter(|a| avatar_ok(a).is_ok());
    view! {
        {move || match picture() {
            Some(src) => view! {
                <img class=format!("avatar {size}") data-testid="persona-avatar-img" src=src alt="" aria-hidden="true"/>
            }.into_any(),
            None => view! {
                <span class=format!("avatar {size}") aria-hidden="true" style:background-color=move || colour.get()>
                    {move || initials(&name.get())}
                </span>
            }.into_any(),
        }}
    }
}
