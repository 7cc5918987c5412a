//! The matrix's table: each shown opportunity with its number (as on its
//! point), map, stage, the pain point it answers, its three scores to
//! choose (the keyboard's way to every score, placed or not) and its score.

use leptos::prelude::*;

use crate::core::analysis::opportunity_matrix::words::{score_text, MatrixText};
use crate::core::analysis::opportunity_matrix::{score, short, ValueAxis};
use crate::core::document::model::{Scores, SCORE_MAX, SCORE_MIN};
use crate::core::text::said::Said;
use crate::ui::app_state::{AppState, Route};
use crate::ui::id_list::row_key;
use crate::ui::opportunity::matrix_page::Matrix;

/// Which of the three scores a column sets.
#[derive(Clone, Copy)]
enum Column {
    Value(ValueAxis),
    Effort,
}

impl Column {
    fn of(self, s: &Scores) -> Option<u8> {
        match self {
            Column::Value(axis) => axis.of(s),
            Column::Effort => s.effort,
        }
    }

    fn with(self, mut s: Scores, v: Option<u8>) -> Scores {
        match self {
            Column::Value(ValueAxis::Customer) => s.customer_value = v,
            Column::Value(ValueAxis::Business) => s.business_value = v,
            Column::Effort => s.effort = v,
        }
        s
    }

    fn title(self) -> MatrixText {
        match self {
            Column::Value(axis) => MatrixText::Axis(axis),
            Column::Effort => MatrixText::Effort,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Column::Value(axis) => axis.code(),
            Column::Effort => "effort",
        }
    }
}

const COLUMNS: [Column; 3] = [
    Column::Value(ValueAxis::Customer),
    Column::Value(ValueAxis::Business),
    Column::Effort,
];

#[component]
pub fn ScoreTable() -> impl IntoView {
    let app = expect_context::<AppState>();
    let matrix = expect_context::<Matrix>();
    let said = move |t: MatrixText| move || t.said(app.lang.get());
    let keys = move || {
        matrix
            .shown
            .with(|s| s.iter().map(|o| o.key()).collect::<Vec<_>>())
    };
    view! {
        <table class="board-table matrix-table" data-testid="matrix-table">
            <caption class="visually-hidden">{said(MatrixText::Heading)}</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">{said(MatrixText::Opportunity)}</th>
                    <th scope="col">{said(MatrixText::Map)}</th>
                    <th scope="col">{said(MatrixText::Stage)}</th>
                    {COLUMNS.map(|c| view! { <th scope="col">{said(c.title())}</th> }).collect_view()}
                    <th scope="col" title=said(MatrixText::ScoreRule)>{said(MatrixText::Score)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=keys key=|k| row_key(&[&k.0, &k.1]) children=move |key| view! { <ScoreRow key=key/> }/>
            </tbody>
        </table>
    }
}

#[component]
fn ScoreRow(key: (String, String)) -> impl IntoView {
    let app = expect_context::<AppState>();
    let matrix = expect_context::<Matrix>();
    let key = StoredValue::new(key);
    let me = Memo::new(move |_| key.with_value(|k| matrix.find(k)));
    let number = move || key.with_value(|k| matrix.number(k));
    let text = move || me.with(|o| o.as_ref().map(|o| o.text.clone()).unwrap_or_default());
    let score_cell = move || {
        let lang = app.lang.get();
        me.with(|o| match o.as_ref().and_then(|o| score(&o.scores)) {
            Some(s) => score_text(lang, s),
            None => MatrixText::NotScored.said(lang),
        })
    };
    let map_id = key.with_value(|k| k.0.clone());
    view! {
        <tr data-testid="matrix-row" data-card-id=key.with_value(|k| k.1.clone())>
            <td class="num">{number}</td>
            <th scope="row">
                <span data-testid="matrix-text">{text}</span>
                {move || me.with(|o| o.as_ref().and_then(|o| o.pain_point.clone())).map(|p| view! {
                    <span class="muted matrix-answers">{move || MatrixText::Answers { pain_point: short(&p) }.said(app.lang.get())}</span>
                })}
            </th>
            <td>
                <a href=Route::Map(map_id.clone()).to_hash()
                    on:click=move |ev| { ev.prevent_default(); app.navigate(Route::Map(key.with_value(|k| k.0.clone()))); }>
                    {move || me.with(|o| o.as_ref().map(|o| o.map_title.clone()).unwrap_or_default())}
                </a>
            </td>
            <td>{move || me.with(|o| o.as_ref().map(|o| o.stage_name.clone()).unwrap_or_default())}</td>
            {COLUMNS.map(|c| {
                let current = move || me.with(|o| o.as_ref().and_then(|o| c.of(&o.scores)));
                let on_change = move |ev: leptos::ev::Event| {
                    let v = event_target_value(&ev).parse::<u8>().ok();
                    if let Some(o) = me.get_untracked() {
                        matrix.set_scores.run((key.get_value(), c.with(o.scores, v)));
                    }
                };
                view! {
                    <td>
                        <select data-testid=format!("score-{}", c.code()) on:change=on_change
                            aria-label=move || format!("{} — {}", c.title().said(app.lang.get()), short(&text()))>
                            <option value="" prop:selected=move || current().is_none()>"—"</option>
                            {(SCORE_MIN..=SCORE_MAX).map(|v| view! {
                                <option value=v.to_string() prop:selected=move || current() == Some(v)>{v}</option>
                            }).collect_view()}
                        </select>
                    </td>
                }
            }).collect_view()}
            <td class="num" data-testid="matrix-score">{score_cell}</td>
        </tr>
    }
}
