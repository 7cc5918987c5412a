//! The open map on screen, for every feature that shows or edits it (the
//! editor, charts, report, actions, import, merge, personas): the reactive
//! wrapper of the core session, its save and history controls, focus
//! requests and the editor's view state. Features import this, not the
//! editor.

pub mod editor_view;
pub mod history_controls;
pub mod map_session;
pub mod save_notice;
