//! The quantitative view on its own: every chart of the open map, each downloadable as SVG and PNG, with its data as a table.

pub mod chart_figure;
pub mod charts_page;
pub mod scale_settings;
