//! The map itself: a header row of stages, then one row per visible lane.
//! Only the stages in view and a margin are built (core::view::stage_window);
//! the scroll, a resize and printing move that window.

use leptos::prelude::*;

use crate::core::document::edit::Scope;
use crate::core::document::intent;
use crate::core::text::i18n::Key;
use crate::core::view::stage_window::{self, ALL, MARGIN};
use crate::platform::random_ids::RandomIds;
use crate::ui::editor::hidden_lanes::HiddenLanes;
use crate::ui::editor::lane_adder::LaneAdder;
use crate::ui::editor::lane_row::LaneRow;
use crate::ui::editor::stage_header::StageHeader;
use crate::ui::editor::COLUMN_WIDTH;
use crate::ui::id_list::IdList;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The key of a stage out of the window: its id after a character no id
/// of ours starts with, so it keys its own list row.
const GAP: char = '\u{1}';

/// One row's part for the stages: `row` for each stage in the window, an
/// empty block as wide as a column for the others (class `stage-gap`: the
/// Content-Security-Policy forbids style attributes), so the grid keeps its
/// width and its columns their place. The blocks share the keyed list of
/// the built stages: a scroll swaps a few of them for cells.
pub fn stage_cells(
    session: MapSession,
    editor: EditorView,
    row: Callback<String, AnyView>,
) -> AnyView {
    let ids = move || {
        let window = editor.stage_window(true);
        session.read(Scope::Stages, |m| {
            let built = stage_window::clamp(&window, m.stages.len());
            m.stages
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    if built.contains(&i) {
                        s.id.clone()
                    } else {
                        format!("{GAP}{}", s.id)
                    }
                })
                .collect()
        })
    };
    let row = Callback::new(move |id: String| {
        if id.starts_with(GAP) {
            view! { <div class="stage-gap" aria-hidden="true"></div> }.into_any()
        } else {
            row.run(id)
        }
    });
    view! { <IdList ids=Signal::derive(ids) row=row/> }.into_any()
}

/// Add a stage at the end of the journey and put the focus on its name.
pub fn add_stage(session: MapSession, editor: EditorView) {
    let name = session.app.t(Key::NewStage);
    let added = session.peek(|m| intent::add_stage(m, &mut RandomIds, name));
    editor.request_focus(added.id);
    editor.reveal_stage(added.index);
    session.edit(added.edit);
}

#[component]
pub fn MapGrid() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
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
    let add_stage = move |_| add_stage(session, editor);

    // The window follows the view. Scroll and resize events come at most
    // once a frame, before it is drawn, so a stage scrolled into view is
    // built for that frame. While every stage is built (printing, finding)
    // the scroll leaves it so; a hidden map (another tab) has no width.
    let follow = move |always: bool| {
        let Ok(Some(el)) = document().query_selector(".map-scroll") else {
            return;
        };
        if el.client_width() == 0 || !always && editor.stage_window(false) == ALL {
            return;
        }
        editor.set_stage_window(stage_window::in_view(
            f64::from(el.scroll_left()),
            f64::from(el.client_width()),
            f64::from(COLUMN_WIDTH),
            MARGIN,
        ));
    };
    // Until it is laid out, the view is taken as wide as the window (it is
    // narrower: a stage more, never one less).
    let width = window().inner_width().ok().and_then(|w| w.as_f64());
    editor.set_stage_window(stage_window::in_view(
        0.0,
        width.unwrap_or(0.0),
        f64::from(COLUMN_WIDTH),
        MARGIN,
    ));
    // Printing shows every stage; then the window comes back.
    let listeners = [
        window_event_listener_untyped("resize", move |_| follow(false)),
        window_event_listener_untyped("beforeprint", move |_| editor.set_stage_window(ALL)),
        window_event_listener_untyped("afterprint", move |_| follow(true)),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|l| l.remove()));

    view! {
        <div class="grid-tools">
            <LaneAdder/>
            <HiddenLanes/>
        </div>
        <div class="map-scroll" on:scroll=move |_| follow(false)>
            // Columns are `--col` wide (style/main.css, = COLUMN_WIDTH): no
            // inline style, which the Content-Security-Policy forbids.
            <div class="map-grid" on:keydown=move |ev| crate::ui::editor::grid_keys::on_grid_key(session, editor, &ev)>
                <div class="grid-row stage-row">
                    <div class="lane-head corner">{app.text(Key::Stages)}</div>
                    {stage_cells(session, editor, Callback::new(|id| view! { <StageHeader id=id/> }.into_any()))}
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
