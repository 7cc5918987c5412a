//! The actions board (`#/actions`): every action of every map in this
//! browser, highest priority first, filtered by status, owner, map and
//! persona. A status changes in place: the stored map is edited safely
//! (revision-checked, the change recorded for merging, see
//! `core::session::stored_edit`), and on a refusal the board shows what is stored.
//! Below it, the prioritisation of one map's touchpoints.

use crate::core::text::said::Said;
use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::analysis::action_board::{board, BoardFilter, BoardRow};
use crate::core::document::edit::Edit;
use crate::core::document::model::{ActionStatus, JourneyMap};
use crate::core::session::stored_edit::{edit_stored_map, StoredEditError};
use crate::core::storage::library::{self, LoadError};
use crate::core::text::i18n::Key;
use crate::platform::clock;
use crate::ui::action::board_filters::BoardFilters;
use crate::ui::action::board_row::BoardRowView;
use crate::ui::action::prioritisation::Prioritisation;
use crate::ui::app_state::{AppState, NoticeKind, Route};
use crate::ui::id_list::row_key;

/// What the board's rows share: the rows, and changing a status.
#[derive(Clone, Copy)]
pub struct Board {
    pub rows: Memo<Vec<BoardRow>>,
    /// (map id, action id, status) → the action's status as stored after
    /// the attempt (the new one, or the old one when it was refused).
    pub set_status: Callback<(String, String, ActionStatus), Option<ActionStatus>>,
}

/// Every readable stored map with its revision (unreadable ones are set
/// aside and reported by the library).
fn load_all(app: AppState) -> (Vec<JourneyMap>, HashMap<String, u64>) {
    let report = app.refresh_library();
    let store = app.store();
    let mut maps = Vec::new();
    let mut revisions = HashMap::new();
    for entry in &report.entries {
        match library::load_map(&*store, &entry.id) {
            Ok(stored) => {
                revisions.insert(stored.map.id.clone(), stored.revision);
                maps.push(stored.map);
            }
            Err(LoadError::Missing) => {}
            Err(e) => {
                let lang = app.lang.get_untracked();
                app.notify(NoticeKind::Error(format!(
                    "{} {}",
                    lang.t(Key::BoardUnreadable),
                    e.said(lang)
                )))
            }
        }
    }
    (maps, revisions)
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let (loaded, known) = load_all(app);
    let maps = RwSignal::new(loaded);
    let revisions = StoredValue::new(known);
    let reload = move || {
        let (loaded, known) = load_all(app);
        revisions.set_value(known);
        maps.set(loaded);
    };
    // Another tab changed storage: show what is stored now.
    Effect::new(move |first: Option<()>| {
        app.external_change.track();
        if first.is_some() {
            reload();
        }
    });
    let rows = Memo::new(move |_| maps.with(|m| board(m)));
    let filter = RwSignal::new(BoardFilter::default());

    let set_status = Callback::new(
        move |(map_id, action_id, status): (String, String, ActionStatus)| {
            let row = rows.with_untracked(|r| {
                r.iter()
                    .find(|r| r.map_id == map_id && r.action.id == action_id)
                    .map(|r| r.action.clone())
            })?;
            let known = revisions.with_value(|r| r.get(&map_id).copied())?;
            let lang = app.lang.get_untracked();
            let edit = Edit::UpdateAction(row.clone().with_status(status, clock::now()));
            let store = app.store();
            match edit_stored_map(&*store, &map_id, known, edit, &app.replica(), clock::now()) {
                Ok(stored) => {
                    revisions.update_value(|r| {
                        r.insert(map_id.clone(), stored.revision);
                    });
                    maps.update(|m| {
                        if let Some(slot) = m.iter_mut().find(|m| m.id == map_id) {
                            *slot = stored.map;
                        }
                    });
                    Some(status)
                }
                Err(error) => {
                    let text = match &error {
                        StoredEditError::Conflict { .. } => lang.t(Key::BoardConflict).to_owned(),
                        StoredEditError::Save(library::SaveError::Store(
                            crate::core::storage::store::StoreError::QuotaExceeded,
                        )) => format!(
                            "{} {}",
                            lang.t(Key::BoardSaveFailed),
                            lang.t(Key::QuotaFull)
                        ),
                        other => format!("{} {}", lang.t(Key::BoardSaveFailed), other.said(lang)),
                    };
                    app.notify(NoticeKind::Error(text));
                    // The board shows what is stored, not what was asked.
                    reload();
                    rows.with_untracked(|r| {
                        r.iter()
                            .find(|r| r.map_id == map_id && r.action.id == action_id)
                            .map(|r| r.action.status)
                    })
                }
            }
        },
    );
    provide_context(Board { rows, set_status });

    let shown = move || {
        filter.with(|f| {
            rows.with(|r| {
                f.apply(r)
                    .into_iter()
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
    let heads = [
        (Key::ActionPriority, Some(Key::ActionPriorityHint)),
        (Key::ActionTitle, None),
        (Key::FilterMap, None),
        (Key::PainPointCol, None),
        (Key::Touchpoint, None),
        (Key::FilterOwner, None),
        (Key::Personas, None),
        (Key::ActionDue, None),
        (Key::ActionStatusCol, None),
        (Key::ActionEffect, None),
    ];
    view! {
        <section class="board-page" data-testid="actions-board">
            <div class="library-bar">
                <a class="back" data-testid="back" href="#/" on:click=move |_| app.navigate(Route::Library)>
                    {app.text(Key::BackToLibrary)}
                </a>
                <h1>{app.text(Key::ActionsBoard)}</h1>
            </div>
            <p class="muted">{app.text(Key::BoardIntro)}</p>
            <Show when=move || { total() > 0 }
                fallback=move || view! { <p class="empty" data-testid="board-empty">{app.text(Key::BoardNoActions)}</p> }>
                <BoardFilters filter=filter maps=map_choices/>
                <table class="board-table" data-testid="board-table">
                    <caption class="visually-hidden">{app.text(Key::ActionsBoard)}</caption>
                    <thead>
                        <tr>
                            {heads.into_iter().map(|(key, hint)| view! {
                                <th scope="col" title=move || hint.map(|h| app.t(h))>{app.text(key)}</th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|(m, a)| row_key(&[m, a])
                            children=|(map_id, action_id)| view! { <BoardRowView map_id=map_id action_id=action_id/> }/>
                    </tbody>
                </table>
                <Show when=move || shown().is_empty()>
                    <p class="empty" data-testid="board-no-match">{app.text(Key::NoActionsMatch)}</p>
                </Show>
            </Show>
            <Prioritisation maps=maps.into() chosen=Signal::derive(move || filter.with(|f| f.map.clone()))/>
        </section>
    }
}
