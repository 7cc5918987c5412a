//! Charts rendered to SVG strings with plotters: pure functions of the data.

pub mod bars;
pub mod comparison;
pub mod drawing;
pub mod emotion_curve;
pub mod heat;
pub mod journey_charts;
