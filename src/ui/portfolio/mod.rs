//! The portfolio of every map (issue 16, `#/portfolio`): the page, which
//! reads the maps a few at a time, its table, and the weakest touchpoints
//! across maps. In the actions board's lazy chunk, with the matrix.

pub mod portfolio_page;
pub mod portfolio_table;
pub mod weakest_list;
