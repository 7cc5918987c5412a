//! A lane's name and its controls: rename, move, hide, delete.

use leptos::prelude::*;

use crate::core::edit::{Edit, Scope};
use crate::core::i18n::Key;
use crate::core::model::LaneKind;
use crate::ui::editor::map_session::MapSession;

#[component]
pub fn LaneHeader(id: String, kind: LaneKind) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let id = StoredValue::new(id);
    let title = move || {
        session.read(Scope::Lane(id.get_value()), |m| {
            m.lane(&id.get_value())
                .map(|l| l.title.clone())
                .unwrap_or_default()
        })
    };
    let move_by = move |delta: isize| {
        // Move past hidden lanes too: the order is the map's, not the screen's.
        let (index, len) =
            session.peek(|m| (m.lane_index(&id.get_value()).unwrap_or(0), m.lanes.len()));
        let to = index as isize + delta;
        if to >= 0 && (to as usize) < len {
            session.edit(Edit::MoveLane {
                id: id.get_value(),
                to: to as usize,
            });
        }
    };
    view! {
        <div class="lane-head">
            <input class="lane-name" data-testid="lane-name"
                aria-label=move || app.t(Key::LaneName)
                placeholder=move || kind.label(app.lang.get())
                prop:value=title
                on:input=move |ev| session.edit(Edit::RenameLane { id: id.get_value(), title: event_target_value(&ev) }) />
            <div class="lane-actions">
                <button class="icon" data-testid="lane-up" aria-label=move || app.t(Key::MoveUp) title=move || app.t(Key::MoveUp)
                    on:click=move |_| move_by(-1)>"▲"</button>
                <button class="icon" data-testid="lane-down" aria-label=move || app.t(Key::MoveDown) title=move || app.t(Key::MoveDown)
                    on:click=move |_| move_by(1)>"▼"</button>
                <button class="icon" data-testid="lane-hide" aria-label=move || app.t(Key::HideLane) title=move || app.t(Key::HideLane)
                    on:click=move |_| session.edit(Edit::SetLaneHidden { id: id.get_value(), hidden: true })>"◌"</button>
                <button class="icon danger" data-testid="lane-delete" aria-label=move || app.t(Key::DeleteLane) title=move || app.t(Key::DeleteLane)
                    on:click=move |_| session.edit(Edit::RemoveLane(id.get_value()))>"×"</button>
            </div>
        </div>
    }
}
