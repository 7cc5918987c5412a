//! The touchpoints at one stage, and adding one.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::editor::touchpoint_card::TouchpointCard;
use crate::ui::id_list::IdList;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn TouchpointCell(stage: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let stage_id = stage.clone();
    let stage = StoredValue::new(stage);
    let ids = move || {
        session.read(Scope::StageTouchpoints(stage.get_value()), |m| {
            m.stage_touchpoints(&stage.get_value())
        })
    };
    let add = move |_| {
        let name = app.lang.get_untracked().t(Key::NewTouchpoint);
        let added =
            session.peek(|m| intent::add_touchpoint(m, &mut RandomIds, &stage.get_value(), name));
        if let Some(added) = added {
            editor.request_focus(added.id);
            session.edit(added.edit);
        }
    };
    view! {
        <div class="cell touchpoint-cell" data-testid="cell" data-stage-id=stage_id tabindex="-1">
            <IdList ids=Signal::derive(ids) row=Callback::new(|id| view! { <TouchpointCard id=id/> }.into_any())/>
            <button class="add-card" data-testid="add-touchpoint" on:click=add>{app.text(Key::AddTouchpoint)}</button>
        </div>
    }
}
