//! What the screens show and where they are: addresses, presentation, the stages the editor builds.

pub mod presentation;
pub mod route;
pub mod stage_window;
