//! What is kept in the browser's key-value store: maps, personas, templates, backups, and the rules that keep them safe.

pub mod backup;
pub mod branding_store;
pub mod library;
pub mod persona_library;
pub mod profile;
pub mod store;
pub mod user_templates;
pub mod versions;
