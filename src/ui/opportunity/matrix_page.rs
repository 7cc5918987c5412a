//! The opportunity matrix (`#/opportunities`): every opportunity of every
//! map in this browser, placed by value against effort, filtered by map,
//! stage and persona, with a table of all three scores. A point moved with
//! the mouse or the arrow keys, or a score chosen in the table, edits the
//! stored map in place, as the actions board does (its "board" chunk).

use leptos::prelude::*;

use crate::core::analysis::action_board::persona_choices;
use crate::core::analysis::board_words::BoardText;
use crate::core::analysis::opportunity_matrix::words::MatrixText;
use crate::core::analysis::opportunity_matrix::{
    opportunities, stage_choices, MatrixFilter, Opportunity, ValueAxis,
};
use crate::core::document::edit::Edit;
use crate::core::document::model::Scores;
use crate::core::text::i18n::Key;
use crate::core::text::said::Said;
use crate::ui::action::choice_filter::ChoiceFilter;
use crate::ui::action::stored_maps::{StoredMaps, Wording};
use crate::ui::app_state::{AppState, Route};
use crate::ui::opportunity::matrix_chart::MatrixChart;
use crate::ui::opportunity::score_table::ScoreTable;

/// What the page's parts share.
#[derive(Clone, Copy)]
pub struct Matrix {
    /// Every opportunity, in map order.
    pub all: Memo<Vec<Opportunity>>,
    /// Those the filters keep, numbered from 1 in this order.
    pub shown: Memo<Vec<Opportunity>>,
    pub axis: RwSignal<ValueAxis>,
    /// ((map id, card id), scores wanted): saved, or refused and said.
    pub set_scores: Callback<((String, String), Scores)>,
    /// What the last move did, for screen readers.
    pub said: RwSignal<String>,
}

impl Matrix {
    /// The number of a shown opportunity (1-based), as on its point.
    pub fn number(&self, key: &(String, String)) -> Option<usize> {
        self.shown.with(|s| {
            s.iter()
                .position(|o| o.map_id == key.0 && o.card_id == key.1)
                .map(|i| i + 1)
        })
    }

    /// A shown opportunity, as it is now.
    pub fn find(&self, key: &(String, String)) -> Option<Opportunity> {
        self.shown.with(|s| {
            s.iter()
                .find(|o| o.map_id == key.0 && o.card_id == key.1)
                .cloned()
        })
    }
}

#[component]
pub fn MatrixPage(map: Option<String>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let stored = StoredMaps::load(
        app,
        Wording {
            unreadable: |lang| MatrixText::Unreadable.said(lang),
            conflict: |lang| MatrixText::Conflict.said(lang),
            not_saved: |lang| MatrixText::NotSaved.said(lang),
        },
    );
    let maps = stored.maps;
    let all = Memo::new(move |_| maps.with(|m| opportunities(m)));
    let filter = RwSignal::new(MatrixFilter {
        map,
        ..MatrixFilter::default()
    });
    let shown = Memo::new(move |_| {
        filter.with(|f| all.with(|a| a.iter().filter(|o| f.matches(o)).cloned().collect()))
    });
    let axis = RwSignal::new(ValueAxis::Customer);
    let said_now = RwSignal::new(String::new());
    let set_scores = Callback::new(
        move |((map_id, card_id), scores): ((String, String), Scores)| {
            let unchanged = all.with_untracked(|a| {
                a.iter()
                    .any(|o| o.map_id == map_id && o.card_id == card_id && o.scores == scores)
            });
            if !unchanged {
                stored.edit(
                    app,
                    &map_id,
                    Edit::SetCardScores {
                        id: card_id,
                        scores,
                    },
                );
            }
        },
    );
    provide_context(Matrix {
        all,
        shown,
        axis,
        set_scores,
        said: said_now,
    });

    let said = move |t: MatrixText| move || t.said(app.lang.get());
    let map_choices = move || {
        maps.with(|m| {
            m.iter()
                .map(|m| (m.id.clone(), m.title.clone()))
                .collect::<Vec<_>>()
        })
    };
    let stages = move || {
        let chosen = filter.with(|f| f.map.clone());
        all.with(|a| stage_choices(a, chosen.as_deref()))
            .into_iter()
            .map(|name| (name.clone(), name))
            .collect()
    };
    let personas = move || all.with(|a| persona_choices(a.iter().flat_map(|o| &o.personas)));
    let total = move || all.with(Vec::len);
    view! {
        <section class="board-page matrix-page" data-testid="opportunity-matrix">
            <div class="library-bar">
                <a class="back" data-testid="back" href="#/" on:click=move |_| app.navigate(Route::Library)>
                    {app.text(Key::BackToLibrary)}
                </a>
                <h1>{said(MatrixText::Heading)}</h1>
                <a class="button" data-testid="open-actions-board" href=Route::Actions.to_hash()
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Actions); }>
                    {app.text(Key::OpenActionsBoard)}
                </a>
            </div>
            <p class="muted">{said(MatrixText::Intro)}</p>
            <Show when=move || { total() > 0 }
                fallback=move || view! { <p class="empty" data-testid="matrix-empty">{said(MatrixText::NoOpportunities)}</p> }>
                <div class="board-filters" data-testid="matrix-filters">
                    <ChoiceFilter label=Signal::derive(move || app.t(BoardText::FilterMap).to_owned())
                        testid="matrix-map" choices=Signal::derive(map_choices)
                        current=Signal::derive(move || filter.with(|f| f.map.clone()))
                        pick=Callback::new(move |map| filter.update(|f| { f.map = map; f.stage = None; }))/>
                    <ChoiceFilter label=Signal::derive(move || MatrixText::Stage.said(app.lang.get()))
                        testid="matrix-stage" choices=Signal::derive(stages)
                        current=Signal::derive(move || filter.with(|f| f.stage.clone()))
                        pick=Callback::new(move |stage| filter.update(|f| f.stage = stage))/>
                    <ChoiceFilter label=Signal::derive(move || app.t(Key::FilterPersona).to_owned())
                        testid="matrix-persona" choices=Signal::derive(personas)
                        current=Signal::derive(move || filter.with(|f| f.persona.clone()))
                        pick=Callback::new(move |persona| filter.update(|f| f.persona = persona))/>
                    <label>
                        <span>{said(MatrixText::ShownValue)}</span>
                        <select data-testid="matrix-axis" on:change=move |ev| {
                            if let Some(a) = ValueAxis::from_code(&event_target_value(&ev)) {
                                axis.set(a);
                            }
                        }>
                            {ValueAxis::ALL.into_iter().map(|a| view! {
                                <option value=a.code()>{said(MatrixText::Axis(a))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <Show when=move || shown.with(|s| !s.is_empty())
                    fallback=move || view! { <p class="empty" data-testid="matrix-no-match">{said(MatrixText::NoneShown)}</p> }>
                    <MatrixChart/>
                    <ScoreTable/>
                </Show>
                <p class="muted" data-testid="score-rule">{said(MatrixText::ScoreRule)}</p>
            </Show>
            <p class="visually-hidden" role="status" data-testid="matrix-said">{move || said_now.get()}</p>
        </section>
    }
}
