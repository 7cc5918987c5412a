//! The heat view of the weakest touchpoints: one row per touchpoint (worst
//! first, as the caller sorted them), one column per metric, each cell
//! coloured by how good the figure is and always carrying its value as text.
//!
//! The palette runs coral → amber → bluish green through light tints, so
//! dark text stays readable (contrast above 4.5:1) on every cell, and the
//! ends stay distinct for colour-blind readers; the value is always written.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Rectangle, Text};
use plotters::style::text_anchor::HPos;
use plotters::style::{Color, RGBColor, WHITE};

use super::drawing::{chars_that_fit, shorten, style, svg_document};

#[derive(Clone, Debug, PartialEq)]
pub struct HeatCell {
    /// 0 (worst) … 1 (best); clamped.
    pub goodness: f64,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeatRow {
    pub label: String,
    /// Written small under the label (the stage).
    pub group: String,
    pub cells: Vec<Option<HeatCell>>,
}

#[derive(Clone, Copy, Debug)]
pub struct Heat<'a> {
    pub width: u32,
    pub columns: &'a [String],
    pub rows: &'a [HeatRow],
}

const HEAD: u32 = 24;
const ROW: u32 = 34;
const INK: RGBColor = RGBColor(0x1F, 0x23, 0x28);
const MUTED: RGBColor = RGBColor(0x5C, 0x66, 0x70);
const EMPTY: RGBColor = RGBColor(0xF0, 0xF2, 0xF4);
/// Worst, middle and best tints: coral, amber and bluish green, which stay
/// apart under deuteranopia, protanopia and tritanopia (a red → green ramp
/// does not), and keep dark text above 4.5:1.
const STOPS: [RGBColor; 3] = [
    RGBColor(0xE5, 0x7F, 0x6C),
    RGBColor(0xF2, 0xCC, 0x63),
    RGBColor(0x8F, 0xD3, 0xBF),
];

/// The fill for a goodness, interpolated between the palette's stops.
pub fn colour(goodness: f64) -> RGBColor {
    let g = if goodness.is_finite() {
        goodness.clamp(0.0, 1.0)
    } else {
        0.5
    };
    let (a, b, t) = if g < 0.5 {
        (STOPS[0], STOPS[1], g * 2.0)
    } else {
        (STOPS[1], STOPS[2], (g - 0.5) * 2.0)
    };
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

pub fn height(heat: &Heat) -> u32 {
    HEAD + heat.rows.len() as u32 * ROW + 4
}

/// Render the grid as a standalone `<svg>`; never panics.
pub fn render(heat: &Heat) -> String {
    let width = heat.width.max(200);
    let capacity = 600 + heat.rows.len() * heat.columns.len().max(1) * 400;
    svg_document((width, height(heat)), capacity, |root| {
        draw(root, heat, width)
    })
}

fn draw(root: &DrawingArea<SVGBackend, Shift>, heat: &Heat, width: u32) -> Result<(), ()> {
    let w = width as i32;
    root.draw(&Rectangle::new(
        [(0, 0), (w, height(heat) as i32)],
        WHITE.filled(),
    ))
    .map_err(|_| ())?;
    let label_w = (w * 36 / 100).min(320);
    let columns = heat.columns.len().max(1) as i32;
    let cell_w = (w - label_w - 8) / columns;
    let cell_chars = chars_that_fit(cell_w - 6, 12.0);
    for (c, title) in heat.columns.iter().enumerate() {
        let x = label_w + 4 + c as i32 * cell_w + cell_w / 2;
        root.draw(&Text::new(
            shorten(title, cell_chars),
            (x, HEAD as i32 / 2),
            style(12.0, &INK, HPos::Center),
        ))
        .map_err(|_| ())?;
    }
    let label_chars = chars_that_fit(label_w - 8, 12.0);
    for (r, row) in heat.rows.iter().enumerate() {
        let y = HEAD as i32 + r as i32 * ROW as i32;
        root.draw(&Text::new(
            shorten(&row.label, label_chars),
            (4, y + 11),
            style(12.0, &INK, HPos::Left),
        ))
        .map_err(|_| ())?;
        if !row.group.is_empty() {
            root.draw(&Text::new(
                shorten(&row.group, label_chars + 2),
                (4, y + 25),
                style(10.0, &MUTED, HPos::Left),
            ))
            .map_err(|_| ())?;
        }
        for c in 0..heat.columns.len() {
            let x = label_w + 4 + c as i32 * cell_w;
            let cell = row.cells.get(c).and_then(Option::as_ref);
            let fill = cell.map_or(EMPTY, |cell| colour(cell.goodness));
            root.draw(&Rectangle::new(
                [(x + 1, y + 1), (x + cell_w - 1, y + ROW as i32 - 1)],
                fill.filled(),
            ))
            .map_err(|_| ())?;
            let text = cell.map_or("–".to_owned(), |cell| shorten(&cell.text, cell_chars));
            root.draw(&Text::new(
                text,
                (x + cell_w / 2, y + ROW as i32 / 2),
                style(12.0, &INK, HPos::Center),
            ))
            .map_err(|_| ())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    #[test]
    fn dark_text_is_readable_on_every_fill() {
        let ink = luminance(INK);
        for i in 0..=100 {
            let fill = luminance(colour(f64::from(i) / 100.0));
            let contrast = (fill + 0.05) / (ink + 0.05);
            assert!(contrast >= 4.5, "goodness {i}%: contrast {contrast}");
        }
    }

    #[test]
    fn bad_is_red_and_good_is_green() {
        let (bad, good) = (colour(0.0), colour(1.0));
        assert!(bad.0 > bad.1 && good.1 > good.0 && good.2 > good.0);
        assert_eq!(colour(f64::NAN), colour(0.5));
        assert_eq!(colour(-3.0), colour(0.0));
    }

    #[test]
    fn a_cell_per_metric_with_its_text_and_escaped_labels() {
        let columns = ["NPS".to_owned(), "CSAT".to_owned(), "<i>CES</i>".to_owned()];
        let rows = [
            HeatRow {
                label: "<script>x</script> delivery".into(),
                group: "Delivery & install".into(),
                cells: vec![
                    Some(HeatCell {
                        goodness: 0.1,
                        text: "−76 ± 11".into(),
                    }),
                    None,
                    Some(HeatCell {
                        goodness: 0.2,
                        text: "5.3 / 7".into(),
                    }),
                ],
            },
            HeatRow {
                label: "Checkout".into(),
                group: String::new(),
                cells: vec![Some(HeatCell {
                    goodness: 0.9,
                    text: "+59".into(),
                })],
            },
        ];
        let svg = render(&Heat {
            width: 700,
            columns: &columns,
            rows: &rows,
        });
        assert!(svg.starts_with("<svg width=\"700\" height=\"96\""), "{svg}");
        assert!(!svg.contains("<script") && !svg.contains("<i>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("−76 ± 11") && svg.contains("Delivery &amp; install"));
        // Six cells, three of them empty (one missing, two beyond the short row).
        assert_eq!(svg.matches("\n–\n").count(), 3, "{svg}");
    }

    #[test]
    fn forty_stages_of_touchpoints_render_well_under_a_frame() {
        let columns = ["NPS".to_owned(), "CSAT".to_owned(), "CES".to_owned()];
        let rows: Vec<HeatRow> = (0..200)
            .map(|i| HeatRow {
                label: format!("Touchpoint {i}"),
                group: format!("Stage {}", i / 5),
                cells: (0..3)
                    .map(|c| {
                        Some(HeatCell {
                            goodness: f64::from((i * 7 + c) % 100) / 100.0,
                            text: format!("{i}"),
                        })
                    })
                    .collect(),
            })
            .collect();
        let start = std::time::Instant::now();
        let svg = render(&Heat {
            width: 900,
            columns: &columns,
            rows: &rows,
        });
        let took = start.elapsed();
        println!("heat view, 200 touchpoints × 3 metrics: {took:?}");
        assert!(svg.len() > 10_000);
        // Printed, not asserted: a time limit fails on a busy machine.
    }
}
