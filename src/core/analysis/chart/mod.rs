//! Charts rendered to SVG strings (with plotters, but for the emotion
//! curve drawn in the map: `svg_writer`): pure functions of the data.

pub mod bars;
pub mod comparison;
pub mod drawing;
pub mod emotion_curve;
pub mod heat;
pub mod journey_charts;
pub mod svg_writer;
