//! A map's report, made for reading and printing (to PDF too): branded, for
//! the whole journey or one department. Loaded as its own wasm part.

pub mod action_list;
pub mod branding_form;
pub mod comment_list;
pub mod journey_table;
pub mod pain_point_list;
pub mod persona_profiles;
pub mod report_charts;
pub mod report_header;
pub mod report_page;
pub mod report_tools;
