//! The name that signs this person's comments, saves to the shared folder
//! and versions: asked in the folder's section as soon as a folder is
//! connected for writing, and in the comments' panel before a first
//! comment, until one is set; then shown, with *Change*. The rules of a
//! name (one line, 1 to 80 characters) and its storage are
//! `core::storage::profile`'s.

use leptos::prelude::*;

use crate::core::folder::words::FolderText;
use crate::core::storage::profile;
use crate::core::text::said::Said;
use crate::ui::app_state::AppState;

#[component]
pub fn YourName(
    /// Told the name once it is kept.
    #[prop(optional)]
    on_saved: Option<Callback<String>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let say = move |t: FolderText| t.said(app.lang.get());
    let read = profile::read_name(&*app.store());
    let name = RwSignal::new(read.clone().ok().flatten());
    // An unreadable stored name is said, and the form is offered: writing
    // a new one sets the old text aside first (profile::write_name).
    let problem = RwSignal::new(read.err().map(|e| e.said(app.lang.get_untracked())));
    let editing = RwSignal::new(name.get_untracked().is_none());
    let draft = RwSignal::new(name.get_untracked().unwrap_or_default());

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match profile::write_name(&*app.store(), &draft.get_untracked()) {
            Ok(kept) => {
                draft.set(kept.clone());
                name.set(Some(kept.clone()));
                if let Some(f) = on_saved {
                    f.run(kept);
                }
                problem.set(None);
                editing.set(false);
            }
            Err(e) => problem.set(Some(e.said(app.lang.get_untracked()))),
        }
    };

    view! {
        <div class="your-name" data-testid="your-name">
            {move || if editing.get() {
                view! {
                    <form on:submit=save>
                        <label>
                            {move || say(FolderText::YourName)} " "
                            <input type="text" data-testid="your-name-input" autocomplete="name"
                                maxlength=profile::MAX_NAME_CHARS.to_string()
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev))/>
                        </label>
                        " "
                        <button type="submit" data-testid="your-name-save">{move || say(FolderText::SaveName)}</button>
                        <p class="hint">{move || say(FolderText::YourNameWhy)}</p>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p>
                        <span data-testid="your-name-signed">
                            {move || say(FolderText::SignedAs { name: name.get().unwrap_or_default() })}
                        </span>
                        " "
                        <button class="link-button" data-testid="your-name-change" on:click=move |_| editing.set(true)>
                            {move || say(FolderText::ChangeName)}
                        </button>
                    </p>
                }.into_any()
            }}
            {move || problem.get().map(|p| view! { <p class="notice error" role="alert">{p}</p> })}
        </div>
    }
}
