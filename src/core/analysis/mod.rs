//! Figures and charts from a map's readings and actions.

pub mod action_board;
pub mod chart;
pub mod metrics;
pub mod persona_compare;
pub mod priority;
pub mod report;
