//! The map editor: stages as columns, lanes as rows.

pub mod answers_select;
pub mod card;
pub mod card_cell;
pub mod drag_drop;
pub mod editor_tabs;
pub mod editor_toolbar;
pub mod emotion_curve;
pub mod export_menu;
pub mod feeling_cell;
pub mod future_state_link;
pub mod grid_keys;
pub mod hidden_lanes;

pub mod lane_adder;
pub mod lane_header;
pub mod lane_row;
pub mod map_editor;
pub mod map_grid;

pub mod opportunity_count;
pub mod persona_card;
pub mod persona_library_notice;
pub mod persona_list;
pub mod persona_panel;
pub mod share_panel;
pub mod stage_header;
pub mod stage_metrics_cell;
pub mod touchpoint_card;
pub mod touchpoint_cell;
pub mod touchpoint_metrics;

/// Width of a stage column in pixels; the emotion curve is drawn to match it.
pub const COLUMN_WIDTH: u32 = 240;
