//! Which stages the map editor builds: those in the map's view plus a
//! margin on each side; each of the others is an empty block one column
//! wide, so the grid keeps its width. Building a stage is most of what
//! opening a large map costs (40 stages × 12 lanes: 24,000 DOM nodes for
//! six stages in view, `node scripts/bench.mjs`), so that cost now follows
//! the window's width, not the map's.
//!
//! A window is a range of stage indices, not clamped to the map: stages
//! that appear in view later (an undo, a merge) are built without a scroll.

use std::ops::Range;

/// Stages built beyond each edge of the view: the arrow keys and Tab find
/// the next stage built, and a quick scroll (which the browser draws
/// before the page hears of it) finds its next 480 px ready.
pub const MARGIN: usize = 2;

/// Every stage: printing, and the browser's find once Ctrl+F was pressed.
pub const ALL: Range<usize> = 0..usize::MAX;

/// The stages any part of which is within `width` pixels from the scroll
/// position `offset`, columns being `column` wide, and `margin` more on
/// each side. The sticky lane heads cover the view's first pixels, so
/// counting from the grid's edge errs by one stage more, never one less.
/// No geometry (a zero column) builds everything.
pub fn in_view(offset: f64, width: f64, column: f64, margin: usize) -> Range<usize> {
    if column.is_nan() || column <= 0.0 {
        return ALL;
    }
    // `as usize` saturates, and NaN becomes 0.
    let first = (offset.max(0.0) / column) as usize;
    let end = ((offset.max(0.0) + width.max(0.0)) / column).ceil() as usize;
    first.saturating_sub(margin)..end.max(first + 1).saturating_add(margin)
}

/// The stages of `window` that a map of `count` stages has.
pub fn clamp(window: &Range<usize>, count: usize) -> Range<usize> {
    let end = window.end.min(count);
    window.start.min(end)..end
}

/// The window once stage `index` must be built too (the keyboard went to
/// it, a card moved to it, it was just added): widened to it when it is
/// within a window's width, moved to it otherwise (the focus then scrolls
/// it into view, and the scroll brings the window there).
pub fn reveal(window: &Range<usize>, index: usize, margin: usize) -> Range<usize> {
    let around = index.saturating_sub(margin)..index.saturating_add(margin + 1);
    let span = window.len();
    if index.saturating_add(span) < window.start || index > window.end.saturating_add(span) {
        around
    } else {
        window.start.min(around.start)..window.end.max(around.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_wide_view_at_the_start_and_scrolled() {
        // 1,368 px of view over 240 px columns: 5.7 columns, 6 touched.
        assert_eq!(in_view(0.0, 1368.0, 240.0, 2), 0..8);
        assert_eq!(in_view(2400.0, 1368.0, 240.0, 2), 8..18);
        assert_eq!(in_view(2400.0, 1368.0, 240.0, 0), 10..16);
        assert_eq!(clamp(&(8..18), 12), 8..12);
        assert_eq!(clamp(&(8..18), 5), 5..5);
        assert_eq!(in_view(0.0, 0.0, 240.0, 0), 0..1);
        assert_eq!(in_view(f64::NAN, f64::NAN, 240.0, 1), 0..2);
        assert_eq!(in_view(0.0, 900.0, 0.0, 2), ALL);
        assert_eq!(clamp(&ALL, 40), 0..40);
    }

    #[test]
    fn revealing_widens_near_and_jumps_far() {
        assert_eq!(reveal(&(0..8), 8, 2), 0..11);
        assert_eq!(reveal(&(10..18), 9, 2), 7..18);
        assert_eq!(reveal(&(0..8), 40, 2), 38..43);
        assert_eq!(reveal(&(3..5), 4, 2), 2..7);
        assert_eq!(reveal(&ALL, 39, 2), ALL);
    }

    proptest! {
        #[test]
        fn every_stage_in_view_is_built(
            offset in 0.0f64..20_000.0,
            width in 0.0f64..3_000.0,
            lead in 1.0f64..300.0,
            column in 50.0f64..400.0,
            count in 0usize..120,
            margin in 0usize..4,
        ) {
            let built = clamp(&in_view(offset, width, column, margin), count);
            prop_assert!(built.start <= built.end && built.end <= count);
            for i in 0..count {
                // Stage i spans [lead + i·column, lead + (i+1)·column) in the
                // grid; the view shows [offset + lead, offset + width) of it.
                let left = lead + i as f64 * column;
                // (1e-6: no claim on a boundary that rounding decides.)
                if left + column > offset + lead + 1e-6 && left < offset + width - 1e-6 {
                    prop_assert!(built.contains(&i), "stage {} in view, built {:?}", i, built);
                }
            }
            // Never more than the view holds plus the margins.
            let most = (width / column).ceil() as usize + 1 + 2 * margin;
            prop_assert!(built.len() <= most, "{:?} for at most {}", built, most);
        }

        #[test]
        fn a_revealed_stage_is_built(
            start in 0usize..100,
            len in 0usize..20,
            index in 0usize..150,
            margin in 0usize..4,
        ) {
            let window = start..start + len;
            let after = reveal(&window, index, margin);
            prop_assert!(after.contains(&index));
            // Moved: the stage and its margins; widened: never past two
            // windows and a margin.
            if after.start > window.start || after.end < window.end {
                prop_assert_eq!(after, index.saturating_sub(margin)..index + margin + 1);
            } else {
                prop_assert!(after.len() <= 2 * len + 2 * margin + 1, "{:?}", after);
            }
        }
    }
}
