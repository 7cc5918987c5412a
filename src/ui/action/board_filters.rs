//! The board's filters: status, owner or department, map, persona.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;

use crate::core::analysis::action_board::{owners, BoardFilter};
use crate::core::document::model::ActionStatus;
use crate::core::text::i18n::Key;
use crate::ui::action::board_page::Board;
use crate::ui::action::{status_code, status_of};
use crate::ui::app_state::AppState;

#[component]
pub fn BoardFilters(
    filter: RwSignal<BoardFilter>,
    /// (id, title) of every map on the board.
    maps: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let board = expect_context::<Board>();
    let owner_choices = move || board.rows.with(|r| owners(r));
    // Personas by id (a persona adopted by several maps keeps its id), once each.
    let persona_choices = move || {
        board.rows.with(|rows| {
            let mut seen: Vec<(String, String)> = Vec::new();
            for p in rows.iter().flat_map(|r| &r.personas) {
                if !seen.iter().any(|(id, _)| *id == p.id) {
                    seen.push((p.id.clone(), p.name.clone()));
                }
            }
            seen
        })
    };
    let some = |v: String| (!v.is_empty()).then_some(v);
    view! {
        <div class="board-filters" data-testid="board-filters">
            <label>
                <span>{move || BoardText::FilterStatus.t(app.lang.get())}</span>
                <select data-testid="filter-status" on:change=move |ev| {
                    let status = status_of(&event_target_value(&ev));
                    filter.update(|f| f.status = status);
                }>
                    <option value="">{app.text(Key::AnyValue)}</option>
                    {ActionStatus::ALL.into_iter().map(|s| view! {
                        <option value=status_code(s)>{move || s.label(app.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{move || BoardText::FilterOwner.t(app.lang.get())}</span>
                <select data-testid="filter-owner" on:change=move |ev| {
                    let owner = some(event_target_value(&ev));
                    filter.update(|f| f.owner = owner);
                }>
                    <option value="">{app.text(Key::AnyValue)}</option>
                    {move || owner_choices().into_iter().map(|o| {
                        let current = filter.with_untracked(|f| f.owner.as_deref() == Some(o.as_str()));
                        view! { <option value=o.clone() prop:selected=current>{o.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{app.text(Key::FilterMap)}</span>
                <select data-testid="filter-map" on:change=move |ev| {
                    let map = some(event_target_value(&ev));
                    filter.update(|f| f.map = map);
                }>
                    <option value="">{app.text(Key::AnyValue)}</option>
                    {move || maps.get().into_iter().map(|(id, title)| {
                        let current = filter.with_untracked(|f| f.map.as_deref() == Some(id.as_str()));
                        view! { <option value=id prop:selected=current>{title}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{app.text(Key::FilterPersona)}</span>
                <select data-testid="filter-persona" on:change=move |ev| {
                    let persona = some(event_target_value(&ev));
                    filter.update(|f| f.persona = persona);
                }>
                    <option value="">{app.text(Key::AnyValue)}</option>
                    {move || persona_choices().into_iter().map(|(id, name)| {
                        let current = filter.with_untracked(|f| f.persona.as_deref() == Some(id.as_str()));
                        view! { <option value=id prop:selected=current>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
        </div>
    }
}
