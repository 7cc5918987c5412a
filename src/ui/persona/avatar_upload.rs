//! Picking a picture for a persona's avatar: shrunk by the browser to a
//! small JPEG, checked by `core::document::persona::avatar_ok`, or refused with why.

use crate::core::document::persona_words::PersonaText;
use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::persona::{avatar_ok, MAX_AVATAR_CHARS};
use crate::core::text::i18n::Both;
use crate::platform::image_shrink::shrink_image;
use crate::ui::app_state::AppState;

/// The longer side of an avatar, in pixels.
const AVATAR_PX: u32 = 96;

#[component]
pub fn AvatarUpload(
    #[prop(into)] has_avatar: Signal<bool>,
    /// The new avatar (`None`: back to initials).
    on_change: Callback<Option<String>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let status = RwSignal::new(None::<Result<Both, String>>);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            status.set(Some(Ok(PersonaText::AvatarShrinking.texts())));
            shrink_image(&file, AVATAR_PX, MAX_AVATAR_CHARS, move |result| {
                let lang = app.lang.get_untracked();
                let checked = result
                    .map_err(|e| e.said(lang))
                    .and_then(|url| avatar_ok(&url).map(|()| url).map_err(|e| e.said(lang)));
                match checked {
                    Ok(url) => {
                        status.set(None);
                        on_change.run(Some(url));
                    }
                    Err(why) => status.set(Some(Err(why))),
                }
            });
        }
        input.set_value("");
    };
    view! {
        <div class="avatar-upload">
            <label class="button file-button">
                {app.text(PersonaText::ChooseAvatar)}
                <input type="file" class="visually-hidden" data-testid="pf-avatar-file"
                    accept="image/png,image/jpeg,image/webp,image/gif" on:change=on_pick/>
            </label>
            <Show when=move || has_avatar.get()>
                <button type="button" data-testid="pf-avatar-remove"
                    on:click=move |_| on_change.run(None)>{app.text(PersonaText::RemoveAvatar)}</button>
            </Show>
            <span class="hint">{app.text(PersonaText::AvatarHint)}</span>
            {move || status.get().map(|s| match s {
                Ok(key) => view! { <span role="status">{app.t(key)}</span> }.into_any(),
                Err(why) => view! {
                    <span class="error" role="alert" data-testid="pf-avatar-error">
                        {app.t(PersonaText::AvatarRefused)} " (" {why} ")"
                    </span>
                }.into_any(),
            })}
        </div>
    }
}
