//! The editor's top bar: back, title, kind, persona view, undo/redo, save state, download.

use leptos::prelude::*;

use crate::core::analysis::report::address::ReportAddress;
use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::MapKind;
use crate::core::text::i18n::Key;
use crate::ui::app_state::Route;
use crate::ui::editor::future_state_link::FutureStateLink;
use crate::ui::id_list::row_key;
use crate::ui::lazy_part::lazy_shown;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::history_controls::HistoryControls;
use crate::ui::session::map_session::MapSession;

crate::lazy_view!(
    /// The formats menu's choices: CSV, Mermaid, a template (the "sharing"
    /// chunk, with the Mermaid reader and writer; out of the map path:
    /// measured with scripts/size.sh).
    sharing, fn export_menu_items() {
        view! { <crate::ui::editor::export_menu::ExportMenuItems/> }.into_any()
    }
);

crate::lazy_view!(
    /// The share link panel, with deflate (the "sharing" chunk).
    sharing, fn share_panel() { view! { <crate::ui::editor::share_panel::SharePanel/> }.into_any() }
);

#[component]
pub fn EditorToolbar() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let title = move || session.read(Scope::Meta, |m| m.title.clone());
    let kind = move || session.read(Scope::Meta, |m| m.kind);
    let owner = move || session.read(Scope::Meta, |m| m.owner.clone());
    let personas = move || session.persona_names();
    let export_menu = NodeRef::<leptos::html::Details>::new();
    let share_open = RwSignal::new(false);
    // The formats menu is built on its first opening (a lazy part).
    let menu_opened = RwSignal::new(false);
    // The report reads the stored map: what is pending is saved first.
    let open_report = move |_| {
        session.flush();
        app.navigate(Route::Report(ReportAddress {
            map: session.id.get_value(),
            department: None,
        }));
    };
    view! {
        <div class="editor-toolbar">
            <a class="back" data-testid="back" href="#/" on:click=move |_| app.navigate(Route::Library)>
                {app.text(Key::BackToLibrary)}
            </a>
            <input
                class="map-title"
                data-testid="map-title"
                aria-label=app.text(Key::MapTitle)
                placeholder=app.text(Key::UntitledMap)
                prop:value=title
                on:input=move |ev| session.edit(Edit::SetTitle(event_target_value(&ev)))
            />
            <select
                data-testid="map-kind"
                aria-label=app.text(Key::MapKind)
                prop:value=move || kind().code()
                on:change=move |ev| {
                    if let Some(k) = MapKind::ALL.into_iter().find(|k| k.code() == event_target_value(&ev)) {
                        session.edit(Edit::SetKind(k));
                    }
                }
            >
                {MapKind::ALL.into_iter().map(|k| view! {
                    <option value=k.code()>{move || k.label(app.lang.get())}</option>
                }).collect_view()}
            </select>
            <input
                class="map-owner"
                data-testid="map-owner"
                aria-label=app.text(Key::MapOwner)
                placeholder=app.text(Key::MapOwner)
                prop:value=owner
                on:change=move |ev| session.edit(Edit::SetOwner(event_target_value(&ev).trim().to_owned()))
            />
            <label class="persona-view">
                <span>{app.text(Key::PersonaView)}</span>
                <select
                    data-testid="persona-view"
                    prop:value=move || editor.persona_view.get().unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        editor.persona_view.set(if v.is_empty() { None } else { Some(v) });
                    }
                >
                    <option value="">{app.text(Key::AllPersonas)}</option>
                    <For each=personas key=|p| row_key(&[&p.0, &p.1]) let:p>
                        <option value=p.0.clone()>{p.1.clone()}</option>
                    </For>
                </select>
            </label>
            <div class="toolbar-spacer"></div>
            <HistoryControls/>
            <button data-testid="download-map" on:click=move |_| session.download()>
                "⤓ " {app.text(Key::DownloadMap)}
            </button>
            <button data-testid="share-link" aria-expanded=move || share_open.get().to_string()
                on:click=move |_| share_open.update(|o| *o = !*o)>
                "🔗 " {app.text(Key::ShareLink)}
            </button>
            <button data-testid="present" title=app.text(Key::PresentTitle) on:click=move |_| crate::ui::present::present_map(session)>
                "▶ " {app.text(Key::Present)}
            </button>
            <button data-testid="open-report" title=app.text(Key::ReportHint) on:click=open_report>
                "🖨 " {app.text(Key::Report)}
            </button>
            <FutureStateLink/>
            <details class="export-menu" data-testid="export-menu" node_ref=export_menu
                on:toggle=move |_| if !menu_opened.get_untracked() { menu_opened.set(true) }>
                <summary>{app.text(Key::MoreFormats)}</summary>
                // A choice closes the menu.
                <div class="menu" on:click=move |_| if let Some(m) = export_menu.get() { m.set_open(false) }>
                    {lazy_shown(move || menu_opened.get(), export_menu_items)}
                </div>
            </details>
            {lazy_shown(move || share_open.get(), share_panel)}
        </div>
    }
}
