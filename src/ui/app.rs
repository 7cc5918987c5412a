//! The page: header, notices, and the library or the editor by route.

use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::core::text::i18n::Key;
use crate::platform::storage_events;
use crate::ui::app_state::{AppState, Route};
use crate::ui::language_switch::LanguageSwitch;
use crate::ui::lazy_part::LazyPart;
use crate::ui::library::library_page::LibraryPage;
use crate::ui::notice_list::NoticeList;
use crate::ui::shortcuts_help::ShortcutsHelp;
use crate::ui::theme_switch::ThemeSwitch;
use crate::ui::viewer::map_preview::{preview_delay, MapPreview};

crate::lazy_view!(
    /// The map editor, in its own wasm chunk: the library opens without it.
    editor, fn map_editor(id: String) {
        view! { <crate::ui::editor::map_editor::MapEditor id=id/> }.into_any()
    }
);

crate::lazy_view!(
    /// A map from a share link, read-only, in the "sharing" chunk (with the
    /// share link and Mermaid code: one chunk for the three cuts the code they
    /// share with the editor into fewer pieces; measured −2.6 KB on the map
    /// path and 12 fewer files). In the editor's chunk it would add 21 KB to
    /// every map.
    sharing, fn shared_map(data: String) {
        view! { <crate::ui::viewer::shared_map::SharedMap data=data/> }.into_any()
    }
);

crate::lazy_view!(
    /// A shared map alone in its frame, for iframes (the "sharing" chunk).
    sharing, fn embedded_map(data: String) {
        view! { <crate::ui::viewer::embedded_map::EmbeddedMap data=data/> }.into_any()
    }
);

crate::lazy_view!(
    /// A map file named by address, alone in its frame (the "sharing" chunk).
    sharing, fn embedded_source(query: String) {
        view! { <crate::ui::viewer::embedded_source::EmbeddedSource query=query/> }.into_any()
    }
);

crate::lazy_view!(
    /// A map's report, for reading and printing, in the "charts" chunk: it
    /// draws the same charts, and in a chunk of its own it cut the code it
    /// shares with the editor into more pieces (measured +4 KB gzipped on
    /// the map path, over its ceiling).
    charts, fn report_page(id: String, department: Option<String>) {
        view! { <crate::ui::report::report_page::ReportPage id=id department=department/> }.into_any()
    }
);

crate::lazy_view!(
    /// A stored map presented full screen (the "sharing" chunk, which has
    /// the read-only map view it shows as the whole map).
    sharing, fn present_page(address: crate::core::view::presentation::PresentAddress) {
        view! { <crate::ui::present::present_page::PresentPage address=address/> }.into_any()
    }
);

crate::lazy_view!(
    /// A future state compared with its current state (the "charts" chunk,
    /// which has the chart figure and plotters).
    charts, fn comparison_page(id: String) {
        view! { <crate::ui::comparison::comparison_page::ComparisonPage id=id/> }.into_any()
    }
);

crate::lazy_view!(
    /// The persona library page, in its own wasm chunk.
    personas, fn persona_library_page() {
        view! { <crate::ui::persona::persona_library_page::PersonaLibraryPage/> }.into_any()
    }
);

crate::lazy_view!(
    /// The actions board of every map, with the prioritisation of one, the
    /// opportunity matrix or the portfolio, as the address says, in their own "board"
    /// chunk: neither the library nor the editor needs them. One entry for
    /// both: each lazy call awaited from the first load keeps its future's
    /// code there.
    board, fn actions_board() {
        match expect_context::<AppState>().route.get_untracked() {
            Route::Opportunities(map) => view! { <crate::ui::opportunity::matrix_page::MatrixPage map=map/> }.into_any(),
            Route::Portfolio => view! { <crate::ui::portfolio::portfolio_page::PortfolioPage/> }.into_any(),
            _ => view! { <crate::ui::action::board_page::BoardPage/> }.into_any(),
        }
    }
);

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::init();
    provide_context(app);
    app.mark_lang();

    // Back/forward and links change the fragment.
    let hash_listener = window_event_listener(ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        let route = Route::parse(&hash).unwrap_or_else(|| {
            app.not_understood(&hash);
            Route::Library
        });
        if app.route.get_untracked() != route {
            app.route.set(route);
        }
    });
    on_cleanup(move || hash_listener.remove());

    // Changes made by other tabs.
    storage_events::listen(move |change| {
        let touches_library = change
            .key
            .as_deref()
            .is_none_or(|k| k.starts_with("parcours."));
        if touches_library {
            // The list is only on screen in the library, which re-reads it when it opens;
            // re-parsing every map on each save of another tab would be wasted in the editor.
            if app.route.get_untracked() == Route::Library {
                app.refresh_library();
            }
            app.external_change.set(Some(change));
        }
    });

    // In an iframe on another page, or presenting: the map alone.
    let embedded = move || {
        matches!(
            app.route.get(),
            Route::Embed(_) | Route::EmbedSource(_) | Route::Present(_)
        )
    };
    view! {
        <Show when=move || !embedded()>
        <header class="app-header">
            <a class="brand" href="#/" on:click=move |_| app.navigate(Route::Library)>
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {app.text(Key::AppName)}
            </a>
            <span class="tagline">{app.text(Key::Tagline)}</span>
            <ShortcutsHelp/>
            <ThemeSwitch/>
            <LanguageSwitch/>
        </header>
        <NoticeList/>
        </Show>
        <main id="main" class:embedded=embedded>
            {move || match app.route.get() {
                // A first visit's demo is on its way: not an empty library.
                Route::Library if app.opening_demo.get() => {
                    view! { <p class="part-loading" role="status">{app.text(Key::PartLoading)}</p> }.into_any()
                }
                Route::Library => view! { <LibraryPage/> }.into_any(),
                Route::Personas => view! { <LazyPart load=persona_library_page/> }.into_any(),
                Route::Map(id) => {
                    let (waiting, failed) = (id.clone(), id.clone());
                    view! {
                        <LazyPart
                            load=move || map_editor(id.clone())
                            waiting=move || view! { <MapPreview id=waiting.clone() delay=preview_delay() status=Key::EditorLoading/> }
                            failed=move || view! { <MapPreview id=failed.clone() delay=Duration::ZERO status=Key::ReadOnly/> }
                        />
                    }
                    .into_any()
                }
                Route::View(data) => view! { <LazyPart load=move || shared_map(data.clone())/> }.into_any(),
                Route::Embed(data) => view! { <LazyPart load=move || embedded_map(data.clone())/> }.into_any(),
                Route::EmbedSource(query) => view! { <LazyPart load=move || embedded_source(query.clone())/> }.into_any(),
                Route::Report(report) => view! { <LazyPart load=move || report_page(report.map.clone(), report.department.clone())/> }.into_any(),
                Route::Compare(id) => view! { <LazyPart load=move || comparison_page(id.clone())/> }.into_any(),
                Route::Present(address) => view! { <LazyPart load=move || present_page(address.clone())/> }.into_any(),
                Route::Actions | Route::Opportunities(_) | Route::Portfolio => {
                    view! { <LazyPart load=actions_board/> }.into_any()
                }
            }}
        </main>
    }
}
