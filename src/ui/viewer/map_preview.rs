//! A stored map, read-only, while the editor's part is on its way: on a
//! first visit or a slow link the map is on screen as soon as the first
//! load has run, and stays readable if the editor's part cannot be fetched.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::i18n::Key;
use crate::core::library;
use crate::core::map_text::cell_lines_without_figures;
use crate::ui::app_state::AppState;
use crate::ui::viewer::map_view::MapView;

/// How long the editor's part may take before the preview is drawn: when the
/// part is cached (a repeat visit, the service worker) it arrives sooner, and
/// drawing the map twice in a row would only cost time.
pub const PREVIEW_DELAY: Duration = Duration::from_millis(150);

/// The map `id` as stored, read-only, after `delay`, with `status` beside
/// its title. Nothing here writes: a map that cannot be read shows
/// "Loading…" and is left for the editor, which sets it aside and says so.
#[component]
pub fn MapPreview(id: String, delay: Duration, status: Key) -> impl IntoView {
    let app = expect_context::<AppState>();
    let shown = RwSignal::new(delay.is_zero());
    if !shown.get_untracked() {
        if let Ok(timer) = set_timeout_with_handle(move || shown.set(true), delay) {
            on_cleanup(move || timer.clear());
        }
    }
    let loading =
        move || view! { <p class="part-loading" role="status">{app.text(Key::PartLoading)}</p> };
    move || {
        if !shown.get() {
            return loading().into_any();
        }
        match library::load_map(&*app.store(), &id) {
            Ok(stored) => view! {
                <section class="map-preview" data-testid="map-preview">
                    <header class="map-preview-head">
                        <h1>{stored.map.title.clone()}</h1>
                        <p class="map-preview-status" role="status">{app.text(status)}</p>
                    </header>
                    <MapView map=stored.map lang=app.lang.get_untracked() lines=cell_lines_without_figures/>
                </section>
            }
            .into_any(),
            Err(_) => loading().into_any(),
        }
    }
}
