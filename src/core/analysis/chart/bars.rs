//! Horizontal bar charts rendered to SVG with plotters: the reach funnel,
//! the channel mix, and NPS / CSAT / CES scores with their 95 % interval.
//!
//! Like the emotion curve, layout is in plain pixels (no text measuring,
//! which would need a font backend), every text goes through plotters'
//! escaping `Text` element, colours reach the SVG only as parsed RGB, and a
//! value is always written as text beside its bar, so nothing is said by
//! colour alone and the chart prints well in black and white.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{DashedPathElement, PathElement, Rectangle, Text};
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor, WHITE};

use super::drawing::{
    chars_that_fit, pale, parse_colour, shorten, style, svg_document, DEFAULT_COLOUR,
};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// A heading written above the first row of each run of equal groups
    /// (the stage, or online / offline); empty for none.
    pub group: String,
    pub value: f64,
    /// The 95 % interval drawn as a whisker, in axis units.
    pub interval: Option<(f64, f64)>,
    /// The value as people read it, written after the bar.
    pub text: String,
    /// `#rrggbb`.
    pub colour: String,
    /// Drawn pale with a dashed whisker: a figure that is not conclusive.
    pub faded: bool,
}

/// What to draw: rows on an axis from `min` to `max`.
#[derive(Clone, Copy, Debug)]
pub struct BarChart<'a> {
    pub width: u32,
    pub min: f64,
    pub max: f64,
    /// Grid lines with their labels, in axis units; none for a plain list.
    pub ticks: &'a [(f64, String)],
    pub rows: &'a [BarRow],
}

pub const ROW_HEIGHT: u32 = 24;
const GROUP_HEIGHT: u32 = 22;
const AXIS_HEIGHT: u32 = 20;
const TEXT_PX: f64 = 12.0;
const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x5C, 0x66, 0x70);
const GRID: RGBColor = RGBColor(0xE3, 0xE6, 0xEA);
const ZERO: RGBColor = RGBColor(0x8A, 0x93, 0x9C);

/// The chart's height for these rows.
pub fn height(chart: &BarChart) -> u32 {
    let groups = group_starts(chart.rows).len() as u32;
    let axis = if chart.ticks.is_empty() {
        4
    } else {
        AXIS_HEIGHT
    };
    axis + groups * GROUP_HEIGHT + chart.rows.len() as u32 * ROW_HEIGHT + 6
}

fn group_starts(rows: &[BarRow]) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| !rows[i].group.is_empty() && (i == 0 || rows[i - 1].group != rows[i].group))
        .collect()
}

/// Render the chart as a standalone `<svg>`; never panics.
pub fn render(chart: &BarChart) -> String {
    let width = chart.width.max(200);
    svg_document(
        (width, height(chart)),
        800 + chart.rows.len() * 700,
        |root| draw(root, chart, width),
    )
}

fn draw(root: &DrawingArea<SVGBackend, Shift>, chart: &BarChart, width: u32) -> Result<(), ()> {
    let w = width as i32;
    let h = height(chart) as i32;
    root.draw(&Rectangle::new([(0, 0), (w, h)], WHITE.filled()))
        .map_err(|_| ())?;
    // Columns: label | plot | value text.
    let label_w = (w * 30 / 100).min(280);
    // Room for an interval by its ends and a "not conclusive" flag:
    // "−100 (−100 … −29) (n = 7, not conclusive)" is 41 characters.
    let text_w = 320.min(w / 3);
    let (left, right) = (label_w + 8, w - text_w - 8);
    let (min, max) = axis(chart.min, chart.max);
    let x_of = |v: f64| -> i32 {
        let t = ((v - min) / (max - min)).clamp(0.0, 1.0);
        left + (t * f64::from(right - left)).round() as i32
    };
    let zero = x_of(0.0_f64.clamp(min, max));
    let top = if chart.ticks.is_empty() {
        4
    } else {
        AXIS_HEIGHT as i32
    };

    for (value, label) in chart.ticks {
        if !value.is_finite() {
            continue;
        }
        let x = x_of(*value);
        root.draw(&Rectangle::new([(x, top), (x + 1, h - 4)], GRID.filled()))
            .map_err(|_| ())?;
        root.draw(&Text::new(
            label.clone(),
            (x, top / 2),
            style(10.0, &MUTED, HPos::Center),
        ))
        .map_err(|_| ())?;
    }
    if min < 0.0 && max > 0.0 {
        root.draw(&Rectangle::new(
            [(zero - 1, top), (zero + 1, h - 4)],
            ZERO.filled(),
        ))
        .map_err(|_| ())?;
    }

    let label_chars = chars_that_fit(label_w, TEXT_PX);
    let value_chars = chars_that_fit(text_w, TEXT_PX);
    let starts = group_starts(chart.rows);
    let mut y = top;
    for (i, row) in chart.rows.iter().enumerate() {
        if starts.contains(&i) {
            let group = shorten(&row.group, chars_that_fit(w - 8, 11.0));
            let mid = y + GROUP_HEIGHT as i32 / 2 + 2;
            root.draw(&Text::new(group, (4, mid), style(11.0, &MUTED, HPos::Left)))
                .map_err(|_| ())?;
            root.draw(&Rectangle::new(
                [
                    (4, y + GROUP_HEIGHT as i32 - 2),
                    (w - 4, y + GROUP_HEIGHT as i32 - 1),
                ],
                GRID.filled(),
            ))
            .map_err(|_| ())?;
            y += GROUP_HEIGHT as i32;
        }
        let mid = y + ROW_HEIGHT as i32 / 2;
        root.draw(&Text::new(
            shorten(&row.label, label_chars),
            (label_w, mid),
            style(TEXT_PX, &INK, HPos::Right),
        ))
        .map_err(|_| ())?;
        let colour = parse_colour(&row.colour).unwrap_or(DEFAULT_COLOUR);
        let fill = if row.faded {
            pale(colour, 0.65)
        } else {
            colour
        };
        if row.value.is_finite() {
            let x = x_of(row.value);
            let (a, b) = if x < zero {
                (x, zero)
            } else {
                (zero, x.max(zero + 1))
            };
            root.draw(&Rectangle::new([(a, mid - 7), (b, mid + 7)], fill.filled()))
                .map_err(|_| ())?;
            if row.faded {
                root.draw(&Rectangle::new(
                    [(a, mid - 7), (b, mid + 7)],
                    colour.stroke_width(1),
                ))
                .map_err(|_| ())?;
            }
        }
        if let Some((low, high)) = row.interval.filter(|(l, h)| l.is_finite() && h.is_finite()) {
            let (a, b) = (x_of(low.min(high)), x_of(low.max(high)));
            let line = INK.stroke_width(2);
            if row.faded {
                root.draw(&DashedPathElement::new(
                    vec![(a, mid), (b, mid)],
                    4,
                    3,
                    line,
                ))
                .map_err(|_| ())?;
            } else {
                root.draw(&PathElement::new(vec![(a, mid), (b, mid)], line))
                    .map_err(|_| ())?;
            }
            for x in [a, b] {
                root.draw(&PathElement::new(vec![(x, mid - 6), (x, mid + 6)], line))
                    .map_err(|_| ())?;
            }
        }
        root.draw(&Text::new(
            shorten(&row.text, value_chars),
            (right + 8, mid),
            style(TEXT_PX, &INK, HPos::Left),
        ))
        .map_err(|_| ())?;
        y += ROW_HEIGHT as i32;
    }
    Ok(())
}

/// A usable axis: finite, in order, not empty.
fn axis(min: f64, max: f64) -> (f64, f64) {
    let min = if min.is_finite() { min } else { 0.0 };
    let max = if max.is_finite() { max } else { 1.0 };
    if max > min {
        (min, max)
    } else {
        (min, min + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, group: &str, value: f64) -> BarRow {
        BarRow {
            label: label.into(),
            group: group.into(),
            value,
            interval: None,
            text: format!("{value}"),
            colour: "#2f6fde".into(),
            faded: false,
        }
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    /// Widths of the bars (filled rectangles of the bar colour).
    fn bar_widths(svg: &str) -> Vec<i32> {
        svg.lines()
            .filter(|l| l.starts_with("<rect") && l.contains("fill=\"#2F6FDE\""))
            .filter_map(|l| {
                let at = l.find(" width=\"")? + 8;
                l[at..l[at..].find('"')? + at].parse().ok()
            })
            .collect()
    }

    #[test]
    fn bars_are_proportional_and_grouped() {
        let rows = [
            row("Ads", "Need", 1000.0),
            row("Friends", "Need", 400.0),
            row("Site", "Research", 600.0),
        ];
        let chart = BarChart {
            width: 800,
            min: 0.0,
            max: 1000.0,
            ticks: &[],
            rows: &rows,
        };
        let svg = render(&chart);
        assert!(svg.starts_with("<svg width=\"800\" "), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
        let widths = bar_widths(&svg);
        assert_eq!(widths.len(), 3, "{svg}");
        let full = widths[0] as f64;
        assert!((widths[1] as f64 / full - 0.4).abs() < 0.01, "{widths:?}");
        assert!((widths[2] as f64 / full - 0.6).abs() < 0.01, "{widths:?}");
        assert_eq!(count(&svg, "\nNeed\n"), 1, "one heading per run of a group");
        assert_eq!(count(&svg, "\nResearch\n"), 1);
        assert_eq!(height(&chart), 4 + 2 * GROUP_HEIGHT + 3 * ROW_HEIGHT + 6);
    }

    #[test]
    fn negative_scores_grow_left_of_zero_with_whiskers() {
        let mut bad = row("Delivery", "", -40.0);
        bad.interval = Some((-55.0, -25.0));
        let mut good = row("Checkout", "", 30.0);
        good.interval = Some((20.0, 40.0));
        let ticks = [
            (-100.0, "−100".to_owned()),
            (0.0, "0".to_owned()),
            (100.0, "+100".to_owned()),
        ];
        let svg = render(&BarChart {
            width: 800,
            min: -100.0,
            max: 100.0,
            ticks: &ticks,
            rows: &[bad, good],
        });
        let widths = bar_widths(&svg);
        assert_eq!(widths.len(), 2);
        assert!(
            (widths[0] as f64 / widths[1] as f64 - 40.0 / 30.0).abs() < 0.05,
            "{widths:?}"
        );
        // A whisker and two caps per row.
        assert_eq!(count(&svg, "<polyline"), 6, "{svg}");
        assert!(svg.contains("\n+100\n"));
    }

    #[test]
    fn an_inconclusive_row_is_pale_with_a_dashed_whisker() {
        let mut r = row("Call centre", "", 10.0);
        r.interval = Some((-20.0, 40.0));
        r.faded = true;
        let svg = render(&BarChart {
            width: 600,
            min: -100.0,
            max: 100.0,
            ticks: &[],
            rows: &[r],
        });
        assert!(!svg.contains("fill=\"#2F6FDE\""), "the bar is pale: {svg}");
        assert!(svg.contains("stroke=\"#2F6FDE\""), "and outlined");
        // Dashes: many short segments, plus the two caps.
        assert!(count(&svg, "<polyline") + count(&svg, "<line") > 4, "{svg}");
    }

    #[test]
    fn labels_are_escaped_and_shortened() {
        let evil = "<script>alert('x')</script> & a very long touchpoint name that cannot fit";
        let mut r = row(evil, evil, 5.0);
        r.text = "<b>5</b>".into();
        let svg = render(&BarChart {
            width: 400,
            min: 0.0,
            max: 10.0,
            ticks: &[],
            rows: &[r],
        });
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(svg.contains('…'), "{svg}");
    }

    #[test]
    fn characters_xml_forbids_never_reach_the_svg() {
        let mut r = row("a\u{1}b\u{ffff}c\u{7f}", "", 1.0);
        r.text = "\u{0}".into();
        let svg = render(&BarChart {
            width: 400,
            min: 0.0,
            max: 1.0,
            ticks: &[],
            rows: &[r],
        });
        assert!(
            !svg.chars()
                .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || c == '\u{ffff}'),
            "{svg:?}"
        );
        assert!(svg.contains("a b c "), "{svg}");
    }

    #[test]
    fn nonsense_numbers_still_give_a_valid_svg() {
        let mut r = row("x", "", f64::NAN);
        r.interval = Some((f64::NEG_INFINITY, f64::NAN));
        for (min, max) in [(f64::NAN, f64::INFINITY), (5.0, 5.0), (10.0, -10.0)] {
            let svg = render(&BarChart {
                width: 0,
                min,
                max,
                ticks: &[(f64::NAN, "t".into())],
                rows: &[r.clone(), row("y", "", 1e300)],
            });
            assert!(
                svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
                "{svg}"
            );
        }
        let empty = render(&BarChart {
            width: 300,
            min: 0.0,
            max: 1.0,
            ticks: &[],
            rows: &[],
        });
        assert!(empty.starts_with("<svg"));
    }

    #[test]
    fn two_hundred_rows_render_well_under_a_frame() {
        let rows: Vec<BarRow> = (0..200)
            .map(|i| {
                let mut r = row(
                    &format!("Touchpoint {i}"),
                    &format!("Stage {}", i / 5),
                    (i % 200) as f64 - 100.0,
                );
                r.interval = Some((r.value - 10.0, r.value + 10.0));
                r.faded = i % 7 == 0;
                r
            })
            .collect();
        let chart = BarChart {
            width: 1000,
            min: -100.0,
            max: 100.0,
            ticks: &[
                (-100.0, "−100".into()),
                (0.0, "0".into()),
                (100.0, "+100".into()),
            ],
            rows: &rows,
        };
        let start = std::time::Instant::now();
        let runs = 20;
        for _ in 0..runs {
            assert!(render(&chart).len() > 10_000);
        }
        let each = start.elapsed() / runs;
        println!("bar chart, 200 rows over 40 stages: {each:?} per render");
        // Printed, not asserted: a time limit fails on a busy machine.
    }
}
