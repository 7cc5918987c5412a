//! Figures and charts from a map's readings and actions.

pub mod action_board;
pub mod board_words;
pub mod chart;
pub mod chart_words;
pub mod metrics;
pub mod opportunity_matrix;
pub mod persona_compare;
pub mod portfolio;
pub mod priority;
pub mod report;
