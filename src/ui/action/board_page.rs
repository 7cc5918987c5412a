//! The actions board (`#/actions`): every action of every map in this
//! browser, highest priority first, filtered by status, owner, map and
//! persona. A status changes in place: the stored map is edited safely
//! (revision-checked, the change recorded for merging, see
//! `core::session::stored_edit`), and on a refusal the board shows what is stored.
//! Below it, the prioritisation of one map's touchpoints.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;

use crate::core::analysis::action_board::{board, sorted, BoardFilter, BoardRow, BoardSort};
use crate::core::analysis::opportunity_matrix::words::MatrixText;
use crate::core::document::edit::Edit;
use crate::core::document::model::ActionStatus;
use crate::core::text::i18n::{Key, Lang};
use crate::core::text::said::Said;
use crate::platform::clock;
use crate::ui::action::board_filters::BoardFilters;
use crate::ui::action::board_row::BoardRowView;
use crate::ui::action::prioritisation::Prioritisation;
use crate::ui::action::stored_maps::{StoredMaps, Wording};
use crate::ui::app_state::{AppState, Route};
use crate::ui::id_list::row_key;

/// What the board's rows share: the rows, and changing a status.
#[derive(Clone, Copy)]
pub struct Board {
    pub rows: Memo<Vec<BoardRow>>,
    /// (map id, action id, status) → the action's status as stored after
    /// the attempt (the new one, or the old one when it was refused).
    pub set_status: Callback<(String, String, ActionStatus), Option<ActionStatus>>,
}

/// A column's words, and its hint.
type Head = (fn(Lang) -> &'static str, Option<BoardText>);

#[component]
pub fn BoardPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let stored = StoredMaps::load(
        app,
        Wording {
            unreadable: |lang| BoardText::BoardUnreadable.t(lang).to_owned(),
            conflict: |lang| BoardText::BoardConflict.t(lang).to_owned(),
            not_saved: |lang| BoardText::BoardSaveFailed.t(lang).to_owned(),
        },
    );
    let maps = stored.maps;
    let rows = Memo::new(move |_| maps.with(|m| board(m)));
    let filter = RwSignal::new(BoardFilter::default());
    let sort = RwSignal::new(BoardSort::Priority);

    let set_status = Callback::new(
        move |(map_id, action_id, status): (String, String, ActionStatus)| {
            let row = rows.with_untracked(|r| {
                r.iter()
                    .find(|r| r.map_id == map_id && r.action.id == action_id)
                    .map(|r| r.action.clone())
            })?;
            let edit = Edit::UpdateAction(row.with_status(status, clock::now()));
            // Refused: the board shows what is stored, not what was asked.
            stored.edit(app, &map_id, edit);
            rows.with_untracked(|r| {
                r.iter()
                    .find(|r| r.map_id == map_id && r.action.id == action_id)
                    .map(|r| r.action.status)
            })
        },
    );
    provide_context(Board { rows, set_status });

    let shown = move || {
        filter.with(|f| {
            rows.with(|r| {
                sorted(r, sort.get())
                    .into_iter()
                    .filter(|r| f.matches(r))
                    .map(|r| (r.map_id.clone(), r.action.id.clone()))
                    .collect::<Vec<_>>()
            })
        })
    };
    let total = move || rows.with(Vec::len);
    let map_choices = Signal::derive(move || {
        maps.with(|m| {
            m.iter()
                .map(|m| (m.id.clone(), m.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    // (words, hint) of each column.
    let heads: [Head; 10] = [
        (
            |l| BoardText::ActionPriority.t(l),
            Some(BoardText::ActionPriorityHint),
        ),
        (|l| l.t(BoardText::ActionTitle), None),
        (|l| l.t(BoardText::FilterMap), None),
        (|l| BoardText::PainPointCol.t(l), None),
        (|l| l.t(Key::Touchpoint), None),
        (|l| BoardText::FilterOwner.t(l), None),
        (|l| l.t(Key::Personas), None),
        (|l| l.t(BoardText::ActionDue), None),
        (|l| l.t(Key::ActionStatusCol), None),
        (|l| BoardText::ActionEffect.t(l), None),
    ];
    let said = move |t: MatrixText| move || t.said(app.lang.get());
    view! {
        <section class="board-page" data-testid="actions-board">
            <div class="library-bar">
                <a class="back" data-testid="back" href="#/" on:click=move |_| app.navigate(Route::Library)>
                    {app.text(Key::BackToLibrary)}
                </a>
                <h1>{move || BoardText::ActionsBoard.t(app.lang.get())}</h1>
            </div>
            <p class="muted">{move || BoardText::BoardIntro.t(app.lang.get())}</p>
            <Show when=move || { total() > 0 }
                fallback=move || view! { <p class="empty" data-testid="board-empty">{move || BoardText::BoardNoActions.t(app.lang.get())}</p> }>
                <div class="board-sort">
                    <BoardFilters filter=filter maps=map_choices/>
                    <label>
                        <span>{said(MatrixText::SortBy)}</span>
                        <select data-testid="board-sort" on:change=move |ev| {
                            sort.set(if event_target_value(&ev) == "score" { BoardSort::Score } else { BoardSort::Priority });
                        }>
                            <option value="priority">{said(MatrixText::SortPriority)}</option>
                            <option value="score">{said(MatrixText::SortScore)}</option>
                        </select>
                    </label>
                    <a class="button" data-testid="open-matrix" href=Route::Opportunities(None).to_hash()
                        on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Opportunities(None)); }>
                        {app.text(BoardText::OpenMatrix)}
                    </a>
                </div>
                <table class="board-table" data-testid="board-table">
                    <caption class="visually-hidden">{move || BoardText::ActionsBoard.t(app.lang.get())}</caption>
                    <thead>
                        <tr>
                            {heads.into_iter().map(|(key, hint)| view! {
                                <th scope="col" title=move || hint.map(|h| h.t(app.lang.get()))>{move || key(app.lang.get())}</th>
                            }).collect_view()}
                            <th scope="col" title=said(MatrixText::BoardScoreHint)>{said(MatrixText::Score)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|(m, a)| row_key(&[m, a])
                            children=|(map_id, action_id)| view! { <BoardRowView map_id=map_id action_id=action_id/> }/>
                    </tbody>
                </table>
                <Show when=move || shown().is_empty()>
                    <p class="empty" data-testid="board-no-match">{move || BoardText::NoActionsMatch.t(app.lang.get())}</p>
                </Show>
            </Show>
            <Prioritisation maps=maps.into() chosen=Signal::derive(move || filter.with(|f| f.map.clone()))/>
        </section>
    }
}
