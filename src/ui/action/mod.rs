//! Actions that answer pain points and opportunities: on their cards in the
//! editor, and on the actions board across every map, with the
//! prioritisation of a map's touchpoints.

pub mod action_list;
pub mod action_row;
pub mod board_filters;
pub mod board_page;
pub mod board_row;
pub mod card_actions;
pub mod choice_filter;
pub mod prioritisation;
pub mod severity_select;
pub mod stored_maps;

use crate::core::document::model::ActionStatus;

/// The value of a status in a `<select>`.
pub fn status_code(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Idea => "idea",
        ActionStatus::Planned => "planned",
        ActionStatus::InProgress => "in_progress",
        ActionStatus::Done => "done",
    }
}

/// The status a `<select>` value names.
pub fn status_of(code: &str) -> Option<ActionStatus> {
    ActionStatus::ALL
        .into_iter()
        .find(|s| status_code(*s) == code)
}
