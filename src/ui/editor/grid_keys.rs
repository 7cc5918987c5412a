//! Moving through the map with the keyboard: Escape in a field goes to its
//! cell; from a cell, the arrow keys go to the next cell (along the lane, or
//! to the same stage in the lane above or below) and Enter goes into its
//! first field. Cells are focusable but not tab stops, so Tab still walks
//! the fields. A stage out of the built window (core::view::stage_window) is
//! built first, then focused.

use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// The next (or previous) cell along the lane.
fn sibling_cell(cell: &Element, forward: bool) -> Option<Element> {
    let mut next = if forward {
        cell.next_element_sibling()
    } else {
        cell.previous_element_sibling()
    };
    while let Some(el) = next {
        if el.matches(".cell").unwrap_or(false) {
            return Some(el);
        }
        next = if forward {
            el.next_element_sibling()
        } else {
            el.previous_element_sibling()
        };
    }
    None
}

/// The cell of `row` at `stage` (compared, not put in a selector: ids are free text).
fn cell_in(row: &Element, stage: &str) -> Option<Element> {
    let cells = row.get_elements_by_class_name("cell");
    (0..cells.length())
        .filter_map(|i| cells.item(i))
        .find(|c| c.get_attribute("data-stage-id").as_deref() == Some(stage))
}

/// The cell at the same stage in the lane above (or below).
fn cell_across(cell: &Element, down: bool) -> Option<Element> {
    let stage = cell.get_attribute("data-stage-id")?;
    let mut row = cell.closest(".grid-row").ok()??;
    loop {
        row = if down {
            row.next_element_sibling()?
        } else {
            row.previous_element_sibling()?
        };
        if let Some(found) = cell_in(&row, &stage) {
            return Some(found);
        }
    }
}

/// The stage beside the cell's is not built: build it, then focus its
/// cell in the same lane once drawn. False at either end of the map.
fn reveal_beside(session: MapSession, editor: EditorView, cell: &Element, forward: bool) -> bool {
    let (Some(stage), Ok(Some(row))) = (
        cell.get_attribute("data-stage-id"),
        cell.closest(".grid-row"),
    ) else {
        return false;
    };
    let next = session.peek(|m| {
        let i = m.stage_index(&stage)?;
        let i = if forward { i + 1 } else { i.checked_sub(1)? };
        Some((i, m.stages.get(i)?.id.clone()))
    });
    let Some((index, id)) = next else {
        return false;
    };
    editor.reveal_stage(index);
    // The grid is redrawn before the next task.
    set_timeout(
        move || {
            if let Some(el) = cell_in(&row, &id) {
                focus(&el);
            }
        },
        std::time::Duration::ZERO,
    );
    true
}

fn focus(el: &Element) -> bool {
    el.dyn_ref::<HtmlElement>()
        .is_some_and(|el| el.focus().is_ok())
}

/// Handle a key pressed anywhere in the map editor.
pub fn on_grid_key(session: MapSession, editor: EditorView, ev: &KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let moved = if target.matches(".cell").unwrap_or(false) {
        let key = ev.key();
        let next = match key.as_str() {
            "ArrowLeft" | "ArrowRight" => {
                let forward = key == "ArrowRight";
                match sibling_cell(&target, forward) {
                    None if reveal_beside(session, editor, &target, forward) => {
                        ev.prevent_default();
                        return;
                    }
                    next => next,
                }
            }
            "ArrowUp" => cell_across(&target, false),
            "ArrowDown" => cell_across(&target, true),
            "Enter" => target
                .query_selector("textarea, input, select, button, summary")
                .ok()
                .flatten(),
            _ => None,
        };
        next.is_some_and(|el| focus(&el))
    } else if ev.key() == "Escape" {
        target
            .closest(".cell")
            .ok()
            .flatten()
            .is_some_and(|cell| focus(&cell))
    } else {
        false
    };
    if moved {
        ev.prevent_default();
    }
}
