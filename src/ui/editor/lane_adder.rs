//! Adding a lane of a chosen kind.

use leptos::prelude::*;

use crate::core::document::intent;
use crate::core::document::model::LaneKind;
use crate::core::text::i18n::Key;
use crate::platform::random_ids::RandomIds;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn LaneAdder() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    view! {
        <select class="lane-adder" data-testid="add-lane" aria-label=app.text(Key::AddLaneTitle)
            prop:value=""
            on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(kind) = LaneKind::ALL.into_iter().find(|k| k.code() == v) {
                    let added = session.peek(|m| intent::add_lane(m, &mut RandomIds, kind));
                    session.edit(added.edit);
                }
                // Back to the prompt, so the same kind can be added again.
                event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
            }>
            <option value="">{app.text(Key::AddLane)}</option>
            {LaneKind::ALL.into_iter().map(|k| view! {
                <option value=k.code()>{move || k.label(app.lang.get())}</option>
            }).collect_view()}
        </select>
    }
}
