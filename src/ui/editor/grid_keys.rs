//! Moving through the map with the keyboard: Escape in a field goes to its
//! cell; from a cell, the arrow keys go to the next cell (along the lane, or
//! to the same stage in the lane above or below) and Enter goes into its
//! first field. Cells are focusable but not tab stops, so Tab still walks
//! the fields.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

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
        let cells = row.get_elements_by_class_name("cell");
        let found = (0..cells.length())
            .filter_map(|i| cells.item(i))
            .find(|c| c.get_attribute("data-stage-id").as_deref() == Some(stage.as_str()));
        if found.is_some() {
            return found;
        }
    }
}

fn focus(el: &Element) -> bool {
    el.dyn_ref::<HtmlElement>()
        .is_some_and(|el| el.focus().is_ok())
}

/// Handle a key pressed anywhere in the map grid.
pub fn on_grid_key(ev: &KeyboardEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let moved = if target.matches(".cell").unwrap_or(false) {
        let next = match ev.key().as_str() {
            "ArrowLeft" => sibling_cell(&target, false),
            "ArrowRight" => sibling_cell(&target, true),
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
