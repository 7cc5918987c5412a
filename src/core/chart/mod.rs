//! Charts rendered to SVG strings with plotters: pure functions of the data.

pub mod emotion_curve;
