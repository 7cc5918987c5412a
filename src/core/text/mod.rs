//! Words: the UI's word table in both languages, and the map written as text.

pub mod action_text;
pub mod float_text;
pub mod i18n;
pub mod json_words;
pub mod map_text;
pub mod route_text;
pub mod said;
pub mod search;
