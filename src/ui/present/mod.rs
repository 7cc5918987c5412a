//! Presenting a map in a meeting: full screen, a stage at a time or whole.

pub mod fullscreen;
pub mod present_page;
pub mod stage_slide;
