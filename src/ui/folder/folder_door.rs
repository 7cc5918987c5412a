//! The library's door to a shared folder, in the first load: one button
//! (*Connect a shared folder…*), or, where the browser has no folder access
//! (Firefox, Safari), one line saying so and *Read a folder once…* (the
//! part then offers the folder's files to pick). Everything past
//! the door is the folder's section, a lazy part; a folder connected at an
//! earlier visit opens it at once.
//!
//! The picker is called by the part, as soon as it is there: browsers
//! allow it only within a click's user activation (5 s in Chromium), which
//! fetching the part on a slow link could outlast; the part then shows its
//! own button, which opens the picker at once. Calling the picker here
//! instead weighed 5.7 KB of gzipped wasm on every visit (size.sh).

use leptos::prelude::*;

use crate::core::folder::link;
use crate::core::text::i18n::Key;
use crate::platform::folder_access;
use crate::ui::app_state::AppState;
use crate::ui::folder::shared_folder::Door;
use crate::ui::lazy_part::LazyPart;

crate::lazy_view!(
    /// The folder's section of the library: its maps, its unusable files,
    /// *Add to the folder*.
    merge, fn folder_section(door: StoredValue<Option<Door>, LocalStorage>, open: RwSignal<bool>) {
        view! { <crate::ui::folder::folder_section::FolderSection door=door open=open/> }.into_any()
    }
);

#[component]
pub fn FolderDoor() -> impl IntoView {
    let app = expect_context::<AppState>();
    let connected = link::connected(&*app.store()).is_some();
    let door = StoredValue::new_local(connected.then_some(Door::Remembered));
    let open = RwSignal::new(connected);
    // One shape of view for both kinds of browser (each shape of view is
    // compiled code of its own, here in the first load).
    let supported = folder_access::supported();
    let (label, line) = if supported {
        (Key::FolderConnect, None)
    } else {
        (Key::FolderReadOnce, Some(Key::FolderNotSupported))
    };
    let enter = move |_| {
        door.set_value(Some(if supported {
            Door::Connect
        } else {
            Door::ReadOnce
        }));
        open.set(true);
    };
    view! {
        <section class="folder" data-testid="folder" aria-label=app.text(Key::FolderConnect)>
            <Show when=move || open.get() fallback=move || view! {
                <p class="folder-door">
                    {line.map(|k| app.text(k))} " "
                    <button data-testid="folder-connect" on:click=enter>{app.text(label)}</button>
                </p>
            }>
                <LazyPart load=move || folder_section(door, open)/>
            </Show>
        </section>
    }
}
