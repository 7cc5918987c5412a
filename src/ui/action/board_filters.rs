//! The board's filters: status, owner or department, map, persona.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;

use crate::core::analysis::action_board::{owners, persona_choices, BoardFilter};
use crate::core::document::model::ActionStatus;
use crate::core::text::i18n::Key;
use crate::ui::action::board_page::Board;
use crate::ui::action::choice_filter::ChoiceFilter;
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
    let owner_choices = move || {
        board
            .rows
            .with(|r| owners(r).into_iter().map(|o| (o.clone(), o)).collect())
    };
    let persona_choices = move || {
        board
            .rows
            .with(|rows| persona_choices(rows.iter().flat_map(|r| &r.personas)))
    };
    view! {
        <div class="board-filters" data-testid="board-filters">
            <label>
                <span>{move || BoardText::FilterStatus.t(app.lang.get())}</span>
                <select data-testid="filter-status" on:change=move |ev| {
                    let status = status_of(&event_target_value(&ev));
                    filter.update(|f| f.status = status);
                }>
                    <option value="">{app.text(BoardText::AnyValue)}</option>
                    {ActionStatus::ALL.into_iter().map(|s| view! {
                        <option value=status_code(s)>{move || s.label(app.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <ChoiceFilter label=Signal::derive(move || BoardText::FilterOwner.t(app.lang.get()).to_owned())
                testid="filter-owner" choices=Signal::derive(owner_choices)
                current=Signal::derive(move || filter.with(|f| f.owner.clone()))
                pick=Callback::new(move |owner| filter.update(|f| f.owner = owner))/>
            <ChoiceFilter label=Signal::derive(move || app.t(BoardText::FilterMap).to_owned())
                testid="filter-map" choices=maps
                current=Signal::derive(move || filter.with(|f| f.map.clone()))
                pick=Callback::new(move |map| filter.update(|f| f.map = map))/>
            <ChoiceFilter label=Signal::derive(move || app.t(Key::FilterPersona).to_owned())
                testid="filter-persona" choices=Signal::derive(persona_choices)
                current=Signal::derive(move || filter.with(|f| f.persona.clone()))
                pick=Callback::new(move |persona| filter.update(|f| f.persona = persona))/>
        </div>
    }
}
