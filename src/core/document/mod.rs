//! The journey map document and its rules: the model, edits and their undo, and what a map starts from.

pub mod branding;
pub mod comment;
pub mod demo;
pub mod duplicate;
pub mod edit;
pub mod future_state;
pub mod history;
pub mod image;
pub mod intent;
pub mod items;
pub mod journey_link;
pub mod journey_words;
pub mod model;
pub mod opportunity;
pub mod persona;
pub mod persona_words;
pub mod read_by_name;
pub mod template;
