//! One line of the actions board; its status changes in place.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;

use crate::core::analysis::metrics::change::{verdict_code, Verdict};
use crate::core::analysis::opportunity_matrix::words::score_text;
use crate::core::document::model::ActionStatus;
use crate::core::text::action_text::{effect_text, effect_verdict, iso_date};
use crate::core::text::i18n::Key;
use crate::ui::action::board_page::Board;
use crate::ui::action::{status_code, status_of};
use crate::ui::app_state::{AppState, Route};

#[component]
pub fn BoardRowView(map_id: String, action_id: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let board = expect_context::<Board>();
    let key = StoredValue::new((map_id.clone(), action_id.clone()));
    // This row as the board has it now (the row may leave the list first).
    let row = Memo::new(move |_| {
        key.with_value(|(m, a)| {
            board.rows.with(|rows| {
                rows.iter()
                    .find(|r| &r.map_id == m && &r.action.id == a)
                    .cloned()
            })
        })
    });
    let text = move |f: fn(&crate::core::analysis::action_board::BoardRow) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let status = move || row.with(|r| r.as_ref().map(|r| r.action.status));
    let select = NodeRef::<leptos::html::Select>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(wanted) = status_of(&event_target_value(&ev)) else {
            return;
        };
        let (m, a) = key.get_value();
        let now = board.set_status.run((m, a, wanted));
        // Whatever happened, the select says what is stored.
        if let (Some(Some(el)), Some(s)) = (select.try_get_untracked(), now) {
            el.set_value(status_code(s));
        }
    };
    let effect = move || {
        let lang = app.lang.get();
        row.with(|r| {
            let r = r.as_ref()?;
            Some(match r.effect {
                Some(e) => {
                    // Beyond noise or not, when both readings have answers;
                    // else the direction alone (typed figures), said as such.
                    let (mark, class, said, verdict) = match effect_verdict(lang, &e) {
                        Some((v, said)) => {
                            let (mark, class) = match v {
                                Verdict::Better => ("▲ ", "effect improved"),
                                Verdict::Worse => ("▼ ", "effect worse"),
                                Verdict::WithinNoise => ("≈ ", "effect noise"),
                            };
                            (mark, class, Some(said), Some(verdict_code(v)))
                        }
                        None => match e.improved {
                            Some(true) => (
                                "▲ ",
                                "effect improved",
                                Some(lang.t(Key::EffectImproved).to_owned()),
                                None,
                            ),
                            Some(false) => (
                                "▼ ",
                                "effect worse",
                                Some(BoardText::EffectNotImproved.t(lang).to_owned()),
                                None,
                            ),
                            None => ("", "effect", None, None),
                        },
                    };
                    view! {
                        <span class=class data-testid="board-effect" data-verdict=verdict
                            title=move || (verdict.is_some()).then(|| lang.t(Key::EffectNoiseHint))>
                            <span aria-hidden="true">{mark}</span>{effect_text(lang, &e)}
                            {said.map(|s| format!(" ({s})"))}
                        </span>
                    }
                    .into_any()
                }
                None if r.action.status == ActionStatus::Done => {
                    view! { <span class="muted">{BoardText::EffectNotYet.t(lang)}</span> }
                        .into_any()
                }
                None => ().into_any(),
            })
        })
    };
    let title = text(|r| r.action.title.clone());
    view! {
        <tr data-testid="board-row" data-action-id=action_id data-map-id=map_id.clone()
            data-status=move || status().map(status_code)>
            <td class="num" data-testid="board-priority">{move || row.with(|r| r.as_ref().map(|r| r.priority))}</td>
            <th scope="row" data-testid="board-title">{title}</th>
            <td>
                <a href=Route::Map(map_id.clone()).to_hash() data-testid="board-map"
                    on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(Route::Map(key.with_value(|k| k.0.clone())));
                    }>{text(|r| r.map_title.clone())}</a>
            </td>
            <td>{text(|r| r.pain_point.clone().unwrap_or_default())}</td>
            <td data-testid="board-touchpoint">{text(|r| r.touchpoint.clone().unwrap_or_default())}</td>
            <td data-testid="board-owner">{text(|r| {
                let (o, d) = (r.action.owner.trim(), r.action.department.trim());
                match (o.is_empty(), d.is_empty()) {
                    (false, false) => format!("{o} · {d}"),
                    (false, true) => o.to_owned(),
                    _ => d.to_owned(),
                }
            })}</td>
            <td>{text(|r| r.personas.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", "))}</td>
            <td class="nowrap" data-testid="board-due">{text(|r| r.action.due.map(iso_date).unwrap_or_default())}</td>
            <td>
                <select data-testid="board-status" node_ref=select on:change=on_change
                    aria-label=move || format!("{} {}", BoardText::ActionStatusOf.t(app.lang.get()), title())>
                    {ActionStatus::ALL.into_iter().map(|s| view! {
                        <option value=status_code(s) prop:selected=move || status() == Some(s)>
                            {move || s.label(app.lang.get())}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>{effect}</td>
            <td class="num" data-testid="board-score">{move || {
                let lang = app.lang.get();
                row.with(|r| r.as_ref().and_then(|r| r.score).map(|s| score_text(lang, s)))
            }}</td>
        </tr>
    }
}
