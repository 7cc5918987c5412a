//! The shared folder (`core::folder`): its section in the library and the
//! banner of an open map that is one of its files. Both live in the
//! `folder` lazy part; the first load and the map path hold only the doors
//! below: a button, or a look at one localStorage key.

pub mod folder_banner;
pub mod folder_section;
pub mod shared_folder;

use leptos::prelude::*;

use crate::core::folder::link;
use crate::ui::app_state::AppState;
use crate::ui::lazy_part::LazyPart;
use crate::ui::session::map_session::MapSession;

crate::lazy_view!(
    /// The library's section of the shared folder; `pick`: open the
    /// browser's folder picker at once (the user just clicked *Connect*).
    folder, fn folder_section(pick: bool) {
        view! { <folder_section::FolderSection pick=pick/> }.into_any()
    }
);

crate::lazy_view!(
    /// The open map's banner, for a map that is a file of the folder.
    folder, fn folder_banner_part() {
        view! { <folder_banner::FolderBanner/> }.into_any()
    }
);

/// The library's door to the folder: the section once a folder was
/// connected, else a button to connect one (or a line saying this browser
/// cannot), so that a library without a folder fetches nothing more.
#[component]
pub fn FolderDoor() -> impl IntoView {
    let app = expect_context::<AppState>();
    let open = RwSignal::new(link::connected(&*app.store()).is_some());
    let picking = StoredValue::new(false);
    move || {
        if open.get() {
            let pick = picking.get_value();
            view! { <LazyPart load=move || folder_section(pick)/> }.into_any()
        } else {
            view! { <ConnectButton on_connect=move || { picking.set_value(true); open.set(true) }/> }.into_any()
        }
    }
}

#[component]
fn ConnectButton(on_connect: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let app = expect_context::<AppState>();
    let supported = crate::platform::folder_access::supported();
    view! {
        <section class="folder-door" data-testid="folder-door">
            {if supported {
                view! {
                    <button data-testid="folder-connect" on:click=move |_| on_connect()>{app.text(crate::core::text::i18n::Key::FolderConnect)}</button>
                }.into_any()
            } else {
                view! { <p class="hint">{app.text(crate::core::text::i18n::Key::FolderNotSupported)}</p> }.into_any()
            }}
        </section>
    }
}

/// The banner of an open map that is a file of the shared folder (nothing
/// for other maps).
pub fn folder_banner(session: MapSession) -> Option<AnyView> {
    let linked = link::link(&*session.app.store(), &session.id.get_value()).is_some();
    linked.then(|| view! { <LazyPart load=folder_banner_part waiting=|| ()/> }.into_any())
}
