//! Presenting a map in a meeting: full screen, a stage at a time or whole.

pub mod fullscreen;
pub mod present_page;
pub mod stage_slide;

use leptos::prelude::*;

use crate::core::view::presentation::{PresentAddress, Slide};
use crate::ui::app_state::Route;
use crate::ui::session::map_session::MapSession;

/// Present the open map full screen from its first stage. The presentation
/// reads the stored map, so what is pending is saved first; full screen
/// is asked now, while the user's click or key allows it.
pub fn present_map(session: MapSession) {
    session.flush();
    fullscreen::enter();
    session.app.navigate(Route::Present(PresentAddress {
        map: session.id.get_value(),
        slide: Slide::Stage(0),
    }));
}
