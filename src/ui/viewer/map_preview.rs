//! A stored map, read-only, while the editor's part is on its way: on a
//! first visit or a slow link the map is on screen as soon as the first
//! load has run, and stays readable if the editor's part cannot be fetched.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::storage::library;
use crate::core::text::i18n::Key;
use crate::core::text::map_text::cell_lines_without_figures;
use crate::ui::app_state::AppState;
use crate::ui::viewer::map_view::MapView;

/// When, after the navigation started, a map the editor has not opened yet
/// is drawn read-only. A page whose files are cached (a repeat visit, the
/// service worker) has the editor by then, and drawing a large map twice in
/// a row would only cost time; a first visit over a slow link is past it
/// when the first load has run, and sees the map at once (`node
/// scripts/bench.mjs`: over 1.6 Mbps, readable after 1.9 s instead of 4.2).
const PREVIEW_AT: Duration = Duration::from_millis(1000);

/// How long to wait before drawing the preview, from now.
pub fn preview_delay() -> Duration {
    let since_navigation = web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| Duration::from_secs_f64(p.now().max(0.0) / 1000.0))
        .unwrap_or_default();
    PREVIEW_AT.saturating_sub(since_navigation)
}

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
