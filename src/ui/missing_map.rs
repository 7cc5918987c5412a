//! What a page about one stored map shows when the map cannot be opened:
//! it is not (or no longer) in the library, or its stored text is unreadable.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::storage::library::{self, LoadError};
use crate::core::text::i18n::Key;
use crate::ui::app_state::{AppState, Route};
use crate::ui::lazy_part::LazyPart;

crate::lazy_view!(
    /// The page, in its own wasm chunk: rarely shown, and the only user on
    /// the map path of the words of an unreadable stored map.
    missing_map, fn missing_map_part(error: LoadError, id: String) {
        view! { <MissingMap error=error id=id/> }.into_any()
    }
);

/// What a page about one stored map shows when it cannot be opened (see
/// [`MissingMap`]), loaded on first use.
pub fn missing_map(error: LoadError, id: String) -> AnyView {
    view! { <LazyPart load=move || missing_map_part(error.clone(), id.clone())/> }.into_any()
}

#[component]
fn MissingMap(
    error: LoadError,
    /// The map's id: a map set aside at this visit is no longer stored
    /// under it, and the page says so rather than "does not exist".
    id: String,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let key = library::map_key(&id);
    let set_aside = matches!(error, LoadError::Missing)
        && app
            .library
            .with_untracked(|l| l.quarantined.iter().any(|q| q.original_key == key));
    let detail = match error {
        LoadError::Missing => String::new(),
        LoadError::Unreadable(e) => e.said(app.lang.get_untracked()),
        LoadError::Store(e) => e.said(app.lang.get_untracked()),
    };
    // An unreadable map is set aside by the library on its next read.
    if !detail.is_empty() {
        app.refresh_library();
    }
    view! {
        <section class="missing-map">
            <p>{app.text(if set_aside { Key::MapSetAside } else { Key::MapNotFound })}</p>
            <p class="detail">{detail}</p>
            <a href="#/" on:click=move |_| app.navigate(Route::Library)>{app.text(Key::BackToLibrary)}</a>
        </section>
    }
}
