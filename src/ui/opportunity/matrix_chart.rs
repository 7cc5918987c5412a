//! The matrix itself: a 5 × 5 grid of value (up) against effort (right),
//! its four named quadrants, and a numbered point per placed opportunity.
//! A point is dragged to another cell with the mouse (or a finger), or
//! focused and moved with the arrow keys; either changes the two scores it
//! is placed by (`core::analysis::opportunity_matrix::placed`, `stepped`).
//! The points of one cell sit side by side (`cell_offsets`).

use leptos::prelude::*;

use crate::core::analysis::opportunity_matrix::words::{quadrant, MatrixText};
use crate::core::analysis::opportunity_matrix::{
    cell_offsets, cell_side, in_the_middle, placed, short, stepped, Opportunity, Quadrant, Step,
    ValueAxis,
};
use crate::core::document::model::{SCORE_MAX, SCORE_MIN};
use crate::core::text::said::Said;
use crate::ui::app_state::AppState;
use crate::ui::opportunity::matrix_page::Matrix;

/// The drawing's units: a cell is `CELL` wide, the grid starts at
/// (`LEFT`, `TOP`); the viewBox is `WIDTH` × `HEIGHT`.
const CELL: f64 = 88.0;
const LEFT: f64 = 64.0;
const TOP: f64 = 12.0;
const SIDE: f64 = CELL * 5.0;
const WIDTH: f64 = LEFT + SIDE + 12.0;
const HEIGHT: f64 = TOP + SIDE + 52.0;
/// A point's radius when it has its cell to itself.
const RADIUS: f64 = 14.0;

type Key = (String, String);

/// The centre of the cell (value, effort).
fn cell_centre(value: u8, effort: u8) -> (f64, f64) {
    (
        LEFT + (f64::from(effort) - 0.5) * CELL,
        TOP + (f64::from(SCORE_MAX - value) + 0.5) * CELL,
    )
}

/// The (value, effort) of the cell under a point of the drawing (off the
/// grid: the nearest cell, as `placed` clamps).
fn cell_at(x: f64, y: f64) -> (i32, i32) {
    let effort = ((x - LEFT) / CELL).floor() as i32 + 1;
    let value = i32::from(SCORE_MAX) - ((y - TOP) / CELL).floor() as i32;
    (value, effort)
}

/// A placed point: its opportunity's key, number, centre and radius.
#[derive(Clone, Debug, PartialEq)]
struct Placed {
    key: Key,
    number: usize,
    at: (f64, f64),
    radius: f64,
    value: u8,
    effort: u8,
}

/// The opportunities of one cell (value, effort), with their index in the list.
type Cell<'a> = ((u8, u8), Vec<(usize, &'a Opportunity)>);

fn layout(shown: &[Opportunity], axis: ValueAxis) -> Vec<Placed> {
    let mut cells: Vec<Cell> = Vec::new();
    for (i, o) in shown.iter().enumerate() {
        if let Some(place) = o.place(axis) {
            match cells.iter_mut().find(|(p, _)| *p == place) {
                Some((_, list)) => list.push((i, o)),
                None => cells.push((place, vec![(i, o)])),
            }
        }
    }
    let mut out = Vec::new();
    for ((value, effort), list) in cells {
        let (cx, cy) = cell_centre(value, effort);
        let offsets = cell_offsets(list.len());
        let side = cell_side(list.len()) as f64;
        let radius = RADIUS.min(0.8 * CELL / side / 2.0 - 1.0);
        for ((i, o), (dx, dy)) in list.into_iter().zip(offsets) {
            out.push(Placed {
                key: o.key(),
                number: i + 1,
                at: (cx + dx * CELL, cy + dy * CELL),
                radius,
                value,
                effort,
            });
        }
    }
    out
}

/// The drawing's coordinates of a pointer event over `svg`.
fn drawing_point(svg: &web_sys::Element, ev: &leptos::ev::PointerEvent) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    let scale_x = WIDTH / rect.width().max(1.0);
    let scale_y = HEIGHT / rect.height().max(1.0);
    (
        (f64::from(ev.client_x()) - rect.left()) * scale_x,
        (f64::from(ev.client_y()) - rect.top()) * scale_y,
    )
}

#[component]
pub fn MatrixChart() -> impl IntoView {
    let app = expect_context::<AppState>();
    let matrix = expect_context::<Matrix>();
    let points = Memo::new(move |_| {
        let axis = matrix.axis.get();
        matrix.shown.with(|s| layout(s, axis))
    });
    // The point being dragged and where the pointer is.
    let drag = RwSignal::new(None::<(Key, (f64, f64))>);
    let svg = NodeRef::<leptos::svg::Svg>::new();

    // Save a move, and say where the point went.
    let move_to = move |key: Key, value: i32, effort: i32| {
        let Some(o) = matrix.find(&key) else {
            return;
        };
        let axis = matrix.axis.get_untracked();
        let scores = placed(o.scores, axis, value, effort);
        matrix.set_scores.run((key.clone(), scores));
        let lang = app.lang.get_untracked();
        if let (Some(v), Some(e)) = (axis.of(&scores), scores.effort) {
            matrix.said.set(
                MatrixText::Moved {
                    text: short(&o.text),
                    value: v,
                    effort: e,
                    quadrant: quadrant(lang, Quadrant::of(v, e)),
                }
                .said(lang),
            );
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        if drag.with_untracked(Option::is_none) {
            return;
        }
        if let Some(el) = svg.get_untracked() {
            let at = drawing_point(&el, &ev);
            drag.update(|d| {
                if let Some((_, p)) = d {
                    *p = at;
                }
            });
        }
    };
    let on_up = move |ev: leptos::ev::PointerEvent| {
        let Some((key, _)) = drag.get_untracked() else {
            return;
        };
        drag.set(None);
        if let Some(el) = svg.get_untracked() {
            let (x, y) = drawing_point(&el, &ev);
            let (value, effort) = cell_at(x, y);
            move_to(key, value, effort);
        }
    };

    let said = move |t: MatrixText| move || t.said(app.lang.get());
    let quadrants = [
        (Quadrant::QuickWin, 0.0, 0.0, "q-quick"),
        (Quadrant::BigBet, 3.0, 0.0, "q-bet"),
        (Quadrant::FillIn, 0.0, 3.0, "q-fill"),
        (Quadrant::MoneyPit, 3.0, 3.0, "q-pit"),
    ];
    let ticks = SCORE_MIN..=SCORE_MAX;
    let chart_label = move || {
        format!(
            "{}: {} / {}",
            MatrixText::Heading.said(app.lang.get()),
            MatrixText::Axis(matrix.axis.get()).said(app.lang.get()),
            MatrixText::Effort.said(app.lang.get())
        )
    };
    view! {
        <figure class="matrix-figure">
            <svg node_ref=svg class="matrix-chart" data-testid="matrix-chart"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group" aria-label=chart_label
                on:pointermove=on_move on:pointerup=on_up
                on:pointercancel=move |_| drag.set(None)>
                {quadrants.into_iter().map(|(q, col, row, class)| {
                    let (x, y) = (LEFT + col * CELL, TOP + row * CELL);
                    view! {
                        <rect class=format!("matrix-quadrant {class}") x=x y=y width=CELL * 2.0 height=CELL * 2.0/>
                        <text class="matrix-quadrant-name" x=x + 6.0 y=y + 16.0 data-testid="matrix-quadrant">
                            {said(MatrixText::Quadrant(q))}
                        </text>
                        <text class="matrix-quadrant-hint" x=x + 6.0 y=y + 30.0>{said(MatrixText::QuadrantHint(q))}</text>
                    }
                }).collect_view()}
                // The grid's lines, and its middle row and column (to weigh).
                {(0..=5).map(|i| {
                    let at = f64::from(i) * CELL;
                    view! {
                        <line class="matrix-line" x1=LEFT + at y1=TOP x2=LEFT + at y2=TOP + SIDE/>
                        <line class="matrix-line" x1=LEFT y1=TOP + at x2=LEFT + SIDE y2=TOP + at/>
                    }
                }).collect_view()}
                {ticks.clone().map(|v| {
                    let (x, y) = cell_centre(v, v);
                    view! {
                        <text class="matrix-tick" x=LEFT - 10.0 y=y + 4.0 text-anchor="end">{v}</text>
                        <text class="matrix-tick" x=x y=TOP + SIDE + 18.0 text-anchor="middle">{v}</text>
                    }
                }).collect_view()}
                <text class="matrix-axis" x=LEFT + SIDE / 2.0 y=TOP + SIDE + 42.0 text-anchor="middle">
                    {move || format!("{} →", MatrixText::Effort.said(app.lang.get()))}
                </text>
                <text class="matrix-axis" text-anchor="middle"
                    transform=format!("translate(20 {}) rotate(-90)", TOP + SIDE / 2.0)>
                    {move || format!("{} →", MatrixText::Axis(matrix.axis.get()).said(app.lang.get()))}
                </text>
                <For each=move || points.with(|p| p.iter().map(|p| p.key.clone()).collect::<Vec<_>>())
                    key=|k| k.clone()
                    children=move |key: Key| {
                        let k = StoredValue::new(key);
                        let me = Memo::new(move |_| k.with_value(|k| points.with(|p| p.iter().find(|p| &p.key == k).cloned())));
                        let dragging = move || drag.with(|d| d.as_ref().is_some_and(|(d, _)| k.with_value(|k| d == k)));
                        let at = move || {
                            let own = me.with(|p| p.as_ref().map(|p| p.at)).unwrap_or_default();
                            drag.with(|d| match d {
                                Some((d, at)) if k.with_value(|k| d == k) => *at,
                                _ => own,
                            })
                        };
                        let label = move || {
                            let lang = app.lang.get();
                            let o = k.with_value(|k| matrix.find(k));
                            match (me.get(), o) {
                                (Some(p), Some(o)) => MatrixText::Point {
                                    text: format!("{}. {}", p.number, short(&o.text)),
                                    value: p.value,
                                    effort: p.effort,
                                    quadrant: quadrant(lang, Quadrant::of(p.value, p.effort)),
                                }
                                .said(lang),
                                _ => String::new(),
                            }
                        };
                        let on_key = move |ev: leptos::ev::KeyboardEvent| {
                            let step = match ev.key().as_str() {
                                "ArrowUp" => Step::Up,
                                "ArrowDown" => Step::Down,
                                "ArrowLeft" => Step::Left,
                                "ArrowRight" => Step::Right,
                                _ => return,
                            };
                            ev.prevent_default();
                            let key = k.get_value();
                            if let Some(o) = matrix.find(&key) {
                                let axis = matrix.axis.get_untracked();
                                let to = stepped(o.scores, axis, step);
                                if let (Some(v), Some(e)) = (axis.of(&to), to.effort) {
                                    move_to(key, i32::from(v), i32::from(e));
                                }
                            }
                        };
                        let on_down = move |ev: leptos::ev::PointerEvent| {
                            if ev.button() != 0 {
                                return;
                            }
                            ev.prevent_default();
                            if let Some(el) = svg.get_untracked() {
                                let _ = el.set_pointer_capture(ev.pointer_id());
                                drag.set(Some((k.get_value(), drawing_point(&el, &ev))));
                            }
                        };
                        view! {
                            <g class="matrix-point" class:dragging=dragging tabindex="0" role="button"
                                data-testid="matrix-point"
                                data-card-id=move || k.with_value(|k| k.1.clone())
                                data-value=move || me.with(|p| p.as_ref().map(|p| p.value))
                                data-effort=move || me.with(|p| p.as_ref().map(|p| p.effort))
                                aria-label=label
                                transform=move || { let (x, y) = at(); format!("translate({x:.1} {y:.1})") }
                                on:keydown=on_key on:pointerdown=on_down>
                                <circle r=move || me.with(|p| p.as_ref().map_or(RADIUS, |p| p.radius))/>
                                <text text-anchor="middle" dy="0.35em" aria-hidden="true">
                                    {move || me.with(|p| p.as_ref().map(|p| p.number))}
                                </text>
                            </g>
                        }
                    }/>
            </svg>
        </figure>
        <UnplacedList/>
    }
}

/// The shown opportunities that lack this value or an effort, with a way
/// to put each in the middle cell (then dragged or moved with the keys).
#[component]
fn UnplacedList() -> impl IntoView {
    let app = expect_context::<AppState>();
    let matrix = expect_context::<Matrix>();
    let unplaced = move || {
        let axis = matrix.axis.get();
        matrix.shown.with(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, o)| o.place(axis).is_none())
                .map(|(i, o)| (i + 1, o.key(), o.text.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !unplaced().is_empty()>
            <div class="matrix-unplaced" data-testid="matrix-unplaced">
                <p>{move || MatrixText::NotPlaced { count: unplaced().len() }.said(app.lang.get())}</p>
                <ul>
                    {move || unplaced().into_iter().map(|(n, key, text)| {
                        let card_id = key.1.clone();
                        let key = StoredValue::new(key);
                        let place = move |_| {
                            let key = key.get_value();
                            if let Some(o) = matrix.find(&key) {
                                let axis = matrix.axis.get_untracked();
                                matrix.set_scores.run((key, in_the_middle(o.scores, axis)));
                            }
                        };
                        view! {
                            <li data-testid="unplaced-item" data-card-id=card_id>
                                <span>{format!("{n}. {}", short(&text))}</span>
                                <button data-testid="place-middle" on:click=place
                                    aria-label=move || format!("{} — {}", MatrixText::PlaceInMiddle.said(app.lang.get()), short(&text))>
                                    {move || MatrixText::PlaceInMiddle.said(app.lang.get())}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
