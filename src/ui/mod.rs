//! Leptos components, one per file, named after the domain.
//!
//! The open map lives in a [`editor::map_session::MapSession`]: the pure
//! document plus one reactive trigger per [`crate::core::document::edit::Scope`], so an
//! edit re-renders only what shows the items it touched.

pub mod action;
pub mod app;
pub mod app_state;
pub mod charts;
pub mod comment;
pub mod comparison;
pub mod editor;
pub mod folder;
pub mod history;
pub mod icon_button;
pub mod id_list;
pub mod import;
pub mod journey;
pub mod language_switch;
pub mod lazy_part;
pub mod library;
pub mod merge;
pub mod missing_map;
pub mod notice_list;
pub mod opportunity;
pub mod persona;
pub mod portfolio;
pub mod present;
pub mod report;
pub mod session;
pub mod shortcuts_help;
pub mod theme_switch;
pub mod viewer;
pub mod your_name;
