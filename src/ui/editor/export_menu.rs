//! The editor's formats menu: the touchpoints or actions as CSV, the
//! journey as Mermaid, the map kept as a template. A lazy part (see
//! editor_toolbar.rs): built the first time the menu opens.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::template;
use crate::core::formats::csv_export;
use crate::core::formats::mermaid;
use crate::core::storage::user_templates;
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::platform::download;
use crate::ui::app_state::NoticeKind;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn ExportMenuItems() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // Touchpoints or actions as CSV, for the spreadsheet of the UI's language.
    let export_csv = move |actions: bool| {
        let lang = app.lang.get_untracked();
        let (name, text) = session.peek(|m| {
            let (what, text) = if actions {
                (Key::ExportActionsName, csv_export::actions_csv(m, lang))
            } else {
                (
                    Key::ExportTouchpointsName,
                    csv_export::touchpoints_csv(m, lang),
                )
            };
            let title = format!("{} {}", m.title, lang.t(what));
            (download::file_name(&title, "csv"), text)
        });
        if let Err(e) = download::download_text(&name, "text/csv;charset=utf-8", &text) {
            app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
        }
    };
    // The journey as a Mermaid diagram, for wikis and Markdown.
    let export_mermaid = move |_| {
        let (name, text) =
            session.peek(|m| (download::file_name(&m.title, "mmd"), mermaid::to_mermaid(m)));
        if let Err(e) = download::download_text(&name, "text/plain;charset=utf-8", &text) {
            app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
        }
    };
    // The map's structure and texts, kept among the user's templates (saved
    // again, it replaces its earlier template).
    let save_template = move |_| {
        let template = session.peek(template::save_as_template);
        match user_templates::save_template(&*app.store(), &template, clock::now()) {
            Ok(()) => app.notify(NoticeKind::Info(app.t(Key::TemplateSaved).to_owned())),
            Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
        }
    };
    view! {
        <button data-testid="export-touchpoints-csv" on:click=move |_| export_csv(false)>
            "⤓ " {app.text(Key::ExportTouchpointsCsv)}
        </button>
        <button data-testid="export-actions-csv" on:click=move |_| export_csv(true)>
            "⤓ " {app.text(Key::ExportActionsCsv)}
        </button>
        <button data-testid="export-mermaid" title=app.text(Key::ExportMermaidHint) on:click=export_mermaid>
            "⤓ " {app.text(Key::ExportMermaid)}
        </button>
        <button data-testid="save-template" on:click=save_template>
            "▣ " {app.text(Key::SaveAsTemplate)}
        </button>
    }
}
