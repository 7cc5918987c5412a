//! The map itself: a header row of stages, then one row per visible lane.

use leptos::prelude::*;

use crate::core::edit::Scope;
use crate::core::i18n::Key;
use crate::ui::editor::hidden_lanes::HiddenLanes;
use crate::ui::editor::lane_adder::LaneAdder;
use crate::ui::editor::lane_row::LaneRow;
use crate::ui::editor::map_session::MapSession;
use crate::ui::editor::stage_header::StageHeader;
use crate::ui::id_list::IdList;

/// The ids of the stages, in order (re-read only when stages are added, removed or moved).
pub fn stage_ids(session: MapSession) -> Vec<String> {
    session.read(Scope::Stages, |m| {
        m.stages.iter().map(|s| s.id.clone()).collect()
    })
}

#[component]
pub fn MapGrid() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let lanes = move || {
        session.read(Scope::Lanes, |m| {
            m.lanes
                .iter()
                .filter(|l| !l.hidden)
                .map(|l| l.id.clone())
                .collect::<Vec<_>>()
        })
    };
    let add_stage = move |_| session.add_stage();
    view! {
        <div class="grid-tools">
            <LaneAdder/>
            <HiddenLanes/>
        </div>
        <div class="map-scroll">
            // Columns are `--col` wide (style/main.css, = COLUMN_WIDTH): no
            // inline style, which the Content-Security-Policy forbids.
            <div class="map-grid" on:keydown=move |ev| crate::ui::editor::grid_keys::on_grid_key(&ev)>
                <div class="grid-row stage-row">
                    <div class="lane-head corner">{app.text(Key::Stages)}</div>
                    <IdList ids=Signal::derive(move || stage_ids(session))
                        row=Callback::new(|id| view! { <StageHeader id=id/> }.into_any())/>
                    <div class="add-col">
                        <button data-testid="add-stage" title=app.text(Key::AddStageTitle) on:click=add_stage>
                            {app.text(Key::AddStage)}
                        </button>
                    </div>
                </div>
                <IdList ids=Signal::derive(lanes) row=Callback::new(|id| view! { <LaneRow id=id/> }.into_any())/>
            </div>
        </div>
    }
}
