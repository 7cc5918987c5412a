//! The opportunity matrix across every map (issue 16): the page, the
//! matrix drawn as SVG, and the table of scores. In the actions board's
//! lazy chunk: it reads and edits stored maps the way the board does.

pub mod matrix_chart;
pub mod matrix_page;
pub mod score_table;
