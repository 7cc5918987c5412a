//! One lane across all stages. What its cells hold depends on its kind.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::model::LaneKind;
use crate::core::text::i18n::Key;
use crate::ui::editor::card_cell::CardCell;
use crate::ui::editor::emotion_curve::EmotionCurve;
use crate::ui::editor::feeling_cell::FeelingCell;
use crate::ui::editor::lane_header::LaneHeader;
use crate::ui::editor::map_grid::stage_cells;
use crate::ui::editor::stage_metrics_cell::StageMetricsCell;
use crate::ui::editor::touchpoint_cell::TouchpointCell;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn LaneRow(id: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    // A lane's kind never changes, so it is read once.
    let kind = session
        .peek(|m| m.lane(&id).map(|l| l.kind))
        .unwrap_or(LaneKind::Notes);
    let lane_id = StoredValue::new(id.clone());
    let cells = match kind {
        LaneKind::Feeling => view! {
            <div class="feeling-track">
                <EmotionCurve/>
                <div class="cells">
                    {stage_cells(session, editor, Callback::new(|stage| view! { <FeelingCell stage=stage/> }.into_any()))}
                </div>
            </div>
        }
        .into_any(),
        LaneKind::Touchpoints => stage_cells(session, editor, Callback::new(|stage| view! { <TouchpointCell stage=stage/> }.into_any())),
        LaneKind::Metrics => stage_cells(session, editor, Callback::new(|stage| view! { <StageMetricsCell stage=stage/> }.into_any())),
        _ => stage_cells(session, editor, Callback::new(move |stage| view! { <CardCell lane=lane_id.get_value() stage=stage kind=kind/> }.into_any())),
    };
    let header_id = id.clone();
    // A service blueprint's line of visibility runs under this lane: what
    // the customer sees is above it, the back stage below.
    let visibility_line = move || {
        session.read(Scope::Lanes, |m| {
            m.line_of_visibility_after() == Some(lane_id.get_value().as_str())
        })
    };
    view! {
        <div class=format!("grid-row lane lane-{}", kind.code()) data-testid="lane"
            class:visibility-line=visibility_line
            data-lane-kind=kind.code() data-lane-id=id>
            <LaneHeader id=header_id kind=kind/>
            {cells}
            <Show when=visibility_line>
                <span class="visibility-label" data-testid="line-of-visibility">{session.app.text(Key::LineOfVisibility)}</span>
            </Show>
        </div>
    }
}
