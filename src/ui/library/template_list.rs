//! The user's own templates, listed when the library's *My templates* is
//! opened (see `templates_menu`): start a new map from one, or delete it. Templates that cannot be read are set aside by the
//! listing (`core::storage::user_templates::list_templates`) and reported, never overwritten.

use crate::core::text::said::Said;
use leptos::prelude::*;

use crate::core::document::template;
use crate::core::storage::library::MapEntry;
use crate::core::storage::user_templates;
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::platform::random_ids::RandomIds;
use crate::ui::app_state::{AppState, NoticeKind, Route};

/// Read the templates, telling the user about any set aside.
pub fn read_templates(app: AppState) -> Vec<MapEntry> {
    match user_templates::list_templates(&*app.store(), clock::now()) {
        Ok(report) => {
            for q in report.quarantined {
                app.notify(NoticeKind::Quarantine {
                    key: q.key,
                    reason: q.reason.said(app.lang.get_untracked()),
                });
            }
            report.entries
        }
        Err(e) => {
            app.notify(NoticeKind::Error(e.said(app.lang.get_untracked())));
            Vec::new()
        }
    }
}

#[component]
pub fn TemplateList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let templates = RwSignal::new(read_templates(app));
    let start_from = move |id: String| match user_templates::load_template(&*app.store(), &id) {
        Ok(t) => {
            let map = template::instantiate(&t, t.title.clone(), &mut RandomIds, clock::now());
            let new_id = map.id.clone();
            if app.create_map(&map).is_ok() {
                app.navigate(Route::Map(new_id));
            }
        }
        Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
    };
    // The last template deleted (id, title, stored text), to undo.
    let deleted = RwSignal::new(None::<(String, String, String)>);
    let delete = move |id: String, title: String| {
        match user_templates::delete_template(&*app.store(), &id) {
            Ok(Some(raw)) => deleted.set(Some((id, title, raw))),
            Ok(None) => {}
            Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
        }
        templates.set(read_templates(app));
    };
    let undo_delete = move |_| {
        if let Some((id, _, raw)) = deleted.get_untracked() {
            match user_templates::restore_template(&*app.store(), &id, &raw) {
                Ok(()) => deleted.set(None),
                Err(e) => app.notify(NoticeKind::Error(e.said(app.lang.get_untracked()))),
            }
            templates.set(read_templates(app));
        }
    };
    let count = move || templates.with(Vec::len);
    view! {
            <Show when=move || deleted.with(Option::is_some)>
                <div class="toast" role="status">
                    {app.text(Key::Deleted)} " "
                    <strong>{move || deleted.with(|d| d.as_ref().map(|d| d.1.clone()))}</strong>
                    <button type="button" data-testid="undo-delete-template" on:click=undo_delete>{app.text(Key::Undo)}</button>
                </div>
            </Show>
            <Show when=move || count() == 0>
                <p class="empty">{app.text(Key::NoTemplates)}</p>
            </Show>
            <ul class="template-list">
                <For each=move || templates.get() key=|e| e.id.clone() let:entry>
                    {
                        let use_id = entry.id.clone();
                        let delete_id = entry.id.clone();
                        let title = entry.title.clone();
                        let deleted_title = entry.title.clone();
                        view! {
                            <li data-testid="template">
                                <span class="template-title">{entry.title.clone()}</span>
                                <span class="template-kind">{move || entry.kind.label(app.lang.get())}</span>
                                <button type="button" data-testid="use-template"
                                    on:click=move |_| start_from(use_id.clone())>{app.text(Key::NewFromTemplate)}</button>
                                <button type="button" class="danger" data-testid="delete-template"
                                    aria-label=move || format!("{} — {title}", app.t(Key::DeleteTemplate))
                                    on:click=move |_| delete(delete_id.clone(), deleted_title.clone())>"×"</button>
                            </li>
                        }
                    }
                </For>
            </ul>
    }
}
