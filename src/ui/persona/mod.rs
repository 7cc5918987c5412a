//! The persona library shared by all maps (its page, `#/personas`), the
//! avatar shown wherever a persona is, and the personas compared side by
//! side in the editor.

pub mod avatar_upload;
pub mod library_store;
pub mod persona_avatar;
pub mod persona_comparison;
pub mod persona_form;
pub mod persona_library_page;
pub mod persona_tile;
