//! The touchpoints at one stage, and adding one.

use leptos::prelude::*;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::{Channel, Classification, IdSource, Touchpoint};
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::editor::touchpoint_card::TouchpointCard;
use crate::ui::id_list::IdList;
use crate::ui::session::focus::Focus;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn TouchpointCell(stage: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let focus = expect_context::<Focus>();
    let app = session.app;
    let stage_id = stage.clone();
    let stage = StoredValue::new(stage);
    let ids = move || {
        session.read(Scope::StageTouchpoints(stage.get_value()), |m| {
            m.stage_touchpoints(&stage.get_value())
        })
    };
    let add = move |_| {
        let touchpoint = Touchpoint {
            id: RandomIds.next_id(),
            stage: stage.get_value(),
            name: app.lang.get_untracked().t(Key::NewTouchpoint).to_owned(),
            channel: Channel::Website,
            classification: Classification::Complementary,
            department: String::new(),
            readings: Vec::new(),
            legacy_metrics: None,
        };
        let index = session.peek(|m| m.touchpoints.len());
        focus.request(touchpoint.id.clone());
        session.edit(Edit::InsertTouchpoint { index, touchpoint });
    };
    view! {
        <div class="cell touchpoint-cell" data-testid="cell" data-stage-id=stage_id tabindex="-1">
            <IdList ids=Signal::derive(ids) row=Callback::new(|id| view! { <TouchpointCard id=id/> }.into_any())/>
            <button class="add-card" data-testid="add-touchpoint" on:click=add>{app.text(Key::AddTouchpoint)}</button>
        </div>
    }
}
