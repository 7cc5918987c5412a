//! Linked journeys (issue 16) in the editor and the portfolio: a stage's
//! link to the map that details it (with that map's headline, or a way to
//! open its file when this browser lacks it), the picker that makes one,
//! where the open map belongs (*part of*), and the tree of journeys. The
//! rules (no link to itself, no cycle, every map once in the tree) are the
//! core's (`core::document::journey_link`).
//!
//! In the merge's lazy part (`merge`), not one of their own: the editor's
//! pack holds only the stage's ↳ button and the two places that call
//! [`journey_part`]. A part of their own cut the code they share with the
//! editor into ten more chunks: 595 gzipped bytes more on the map path
//! (414,248 against 413,653, scripts/size.sh); the merge's part already
//! holds most of that shared code (the comments' panel is there for the
//! same reason).

pub mod journey_tree;
pub mod part_of;
pub mod stage_journey;

use leptos::prelude::*;

/// Which piece of the linked journeys to show.
#[derive(Clone, Copy)]
pub enum JourneyPart {
    /// A stage's link (and its picker while `picking`).
    Stage {
        id: StoredValue<String>,
        picking: RwSignal<bool>,
    },
    /// Where the open map belongs: the stages of other maps it details.
    PartOf,
}

crate::lazy_fn!(
    /// A piece of the linked journeys, in the merge's wasm chunk (see above).
    merge, pub fn journey_part(part: JourneyPart) -> AnyView {
        match part {
            JourneyPart::Stage { id, picking } => {
                view! { <stage_journey::StageJourney id=id picking=picking/> }.into_any()
            }
            JourneyPart::PartOf => view! { <part_of::PartOf/> }.into_any(),
        }
    }
);

/// Save the open map and read the library again, then go to `id`: the map
/// shown next reads its links and headlines from the library's entries,
/// which a save alone does not refresh. If the save did not happen (storage
/// full, another tab's newer save), the map stays open with the save's
/// notice: leaving would drop what is only in memory.
pub fn go_to_map(session: crate::ui::session::map_session::MapSession, id: String) {
    session.flush();
    if session.save_state.get_untracked() != crate::core::session::SaveState::Saved {
        return;
    }
    session.app.refresh_library();
    session.app.navigate(crate::ui::app_state::Route::Map(id));
}
