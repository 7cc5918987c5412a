//! Opens one map from the library and lays out the editor around it.

use leptos::ev;
use leptos::prelude::*;

use crate::core::document::edit::Edit;
use crate::core::session::ExternalOutcome;
use crate::core::storage::library;
use crate::core::storage::persona_library;
use crate::ui::app_state::AppState;
use crate::ui::editor::editor_tabs::EditorTabs;
use crate::ui::editor::editor_toolbar::EditorToolbar;
use crate::ui::editor::map_grid::MapGrid;
use crate::ui::editor::persona_panel::PersonaPanel;
use crate::ui::lazy_part::{lazy_shown, LazyPart};
use crate::ui::missing_map::missing_map;
use crate::ui::session::editor_view::{EditorTab, EditorView};
use crate::ui::session::map_session::MapSession;
use crate::ui::session::save_notice::{ExternalNotice, SaveNotice};

crate::lazy_view!(
    /// The charts tab, in its own wasm chunk (plotters and the chart code).
    charts, fn charts_page() { view! { <crate::ui::charts::charts_page::ChartsPage/> }.into_any() }
);
crate::lazy_view!(
    /// The CSV import dialog, in its own wasm chunk (the CSV reader and its preview).
    survey_import, fn csv_import() { view! { <crate::ui::import::csv_import::CsvImport/> }.into_any() }
);

crate::lazy_view!(
    /// Merging a teammate's copy, in its own wasm chunk (the merge and its dialog).
    merge, fn merge_panel() { view! { <crate::ui::merge::merge_panel::MergePanel/> }.into_any() }
);

crate::lazy_view!(
    /// The notice of a persona changed both here and in the library by
    /// another tab, with the persona cards' chunk: shown rarely, and only
    /// after those cards saved (they loaded the chunk).
    personas, fn persona_library_notice() {
        view! { <crate::ui::editor::persona_library_notice::PersonaLibraryNotice/> }.into_any()
    }
);

crate::lazy_view!(
    /// The persona comparison tab, with the persona library page's chunk.
    personas, fn persona_comparison() {
        view! { <crate::ui::persona::persona_comparison::PersonaComparison/> }.into_any()
    }
);

crate::lazy_view!(
    /// The banner of a map that is a file of the shared folder, which keeps
    /// the two in step (with the merge: it merges a teammate's save).
    merge, fn folder_banner() { view! { <crate::ui::folder::folder_banner::FolderBanner/> }.into_any() }
);

#[component]
pub fn MapEditor(id: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    match library::load_map(&*app.store(), &id) {
        Ok(stored) => {
            let session = MapSession::new(app, stored);
            provide_context(session);
            provide_context(EditorView::new());
            let link = crate::ui::persona::library_store::LibraryLink::open(app);
            provide_context(link);
            bring_library_edits(session, &link);
            view! { <OpenMap session=session link=link/> }.into_any()
        }
        Err(error) => missing_map(error, id),
    }
}

/// The persona library's edits, brought into this map's copies of its
/// personas as one undoable edit (so they are saved and recorded).
fn bring_library_edits(session: MapSession, link: &crate::ui::persona::library_store::LibraryLink) {
    let Some(library) = link.known() else {
        return;
    };
    let edits = session.peek(|m| persona_library::refresh_edits(m, &library));
    if !edits.is_empty() {
        session.edit(Edit::Batch(edits));
    }
}

#[component]
fn OpenMap(
    session: MapSession,
    link: crate::ui::persona::library_store::LibraryLink,
) -> impl IntoView {
    let app = session.app;
    let editor = expect_context::<EditorView>();
    let external = RwSignal::new(None::<ExternalOutcome>);
    let in_folder = crate::core::folder::link::is_linked(&*app.store(), &session.id.get_value());
    // Whether this map details a stage of another (checked once, at open:
    // the way there, a stage's link, saves and reads the library first).
    let belongs = app.library.with_untracked(|l| {
        crate::core::document::journey_link::details_a_stage(&l.entries, &session.id.get_value())
    });

    // Undo/redo from the keyboard, everywhere in the editor (our history
    // covers text fields too, so the browser's own undo is replaced).
    let keys = window_event_listener(ev::keydown, move |ev| {
        let modifier = ev.ctrl_key() || ev.meta_key();
        if !modifier {
            // P, outside text fields: present the map.
            let plain = !ev.alt_key() && !ev.shift_key();
            if plain && ev.key() == "p" && !crate::ui::shortcuts_help::typing(&ev) {
                ev.prevent_default();
                crate::ui::present::present_map(session);
            }
            return;
        }
        let key = ev.key().to_ascii_lowercase();
        if key == "enter" && ev.shift_key() {
            ev.prevent_default();
            crate::ui::editor::map_grid::add_stage(session, editor);
        } else if key == "z" && ev.shift_key() || key == "y" {
            ev.prevent_default();
            session.redo();
        } else if key == "z" {
            ev.prevent_default();
            session.undo();
        } else if key == "s" {
            ev.prevent_default();
            session.save(false);
        } else if key == "f" {
            // The browser's find sees only what is built: from now on,
            // every stage (a second on 40 stages; the find bar opens as usual).
            editor.set_stage_window(crate::core::view::stage_window::ALL);
        }
    });
    // Leaving or hiding the page saves what is pending.
    let hide = window_event_listener(ev::pagehide, move |_| session.flush());
    let visibility = window_event_listener(ev::visibilitychange, move |_| {
        if document().hidden() {
            session.flush();
        }
    });
    on_cleanup(move || {
        session.flush_on_unmount();
        // The page shown next may not read the library again (Back): it
        // sees this map as it is now (its title, its stages' links).
        // Untracked: what follows the library here is being disposed.
        session.peek(|m| {
            app.library
                .update_untracked(|l| library::MapEntry::follow(&mut l.entries, m))
        });
        keys.remove();
        hide.remove();
        visibility.remove();
    });

    // Another tab saved or deleted this map.
    Effect::new(move |_| {
        if let Some(change) = app.external_change.get() {
            let outcome = session.on_external_change(&change);
            if outcome != ExternalOutcome::Unrelated {
                external.set(Some(outcome));
            }
        }
    });

    // A version when a burst of edits ends, or the map is left.
    crate::ui::history::keep_versions(session);

    // The counts of comments on items (their part is fetched only for a map
    // that has comments).
    crate::ui::comment::keep_counts(session);

    // A teammate's copy of this map, opened from a file, to merge.
    let incoming_here = move || {
        app.incoming.with(|i| {
            i.as_ref()
                .is_some_and(|i| i.map.id == session.id.get_value())
        })
    };

    view! {
        <section class="editor" data-testid="editor" data-map-id=session.id.get_value()>
            <EditorToolbar/>
            {belongs.then(|| view! {
                <LazyPart load=|| crate::ui::journey::journey_part(crate::ui::journey::JourneyPart::PartOf) waiting=|| ()/>
            })}
            <SaveNotice/>
            {lazy_shown(move || link.conflicts.with(|c| !c.is_empty()), persona_library_notice)}
            <ExternalNotice outcome=external/>
            {in_folder.then(|| view! { <LazyPart load=folder_banner waiting=|| ()/> })}
            {lazy_shown(incoming_here, merge_panel)}
            {lazy_shown(move || editor.comments_for.with(Option::is_some), crate::ui::comment::comments_panel)}
            {lazy_shown(move || editor.history_open.get(), crate::ui::history::history_panel)}
            <PersonaPanel/>
            <EditorTabs/>
            {lazy_shown(move || editor.import_open.get(), csv_import)}
            <div class="map-pane" class:away=move || editor.tab.get() != EditorTab::Map>
                <MapGrid/>
            </div>
            {lazy_shown(move || editor.tab.get() == EditorTab::Charts, charts_page)}
            {lazy_shown(move || editor.tab.get() == EditorTab::ComparePersonas, persona_comparison)}
        </section>
    }
}
