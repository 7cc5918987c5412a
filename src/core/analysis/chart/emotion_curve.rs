//! The journey map's emotion curve, rendered to an SVG string.
//!
//! Pure function of its input: no browser, no framework. The chart is exactly
//! `stage_count * column_width` pixels wide and each point sits at the centre of
//! its stage column, so the curve lines up with the map's stage columns.
//!
//! Layout is done in plain pixel coordinates, and written by a small SVG
//! writer (`svg_writer`) rather than plotters: every map with a feeling lane
//! draws this curve, and plotters' drawing code weighed on the wasm needed to
//! edit a map. The writer writes the elements plotters' SVG backend wrote
//! (the other charts still use plotters) and escapes all text; colours reach
//! the SVG only as parsed RGB values.

use plotters::style::RGBColor;

use super::drawing::{empty_svg, parse_colour, shorten, DEFAULT_COLOUR};
use super::svg_writer::{Anchor, SvgWriter};

/// A pixel position on the drawing area.
type Px = (i32, i32);

/// One line on the curve (for instance one persona's feelings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurveSeries {
    /// Name of the series (not drawn yet; kept for legends and tooltips).
    pub label: String,
    /// `#rrggbb`; anything else falls back to [`DEFAULT_COLOUR`].
    pub colour: String,
    /// One value per stage, -2..=2 (clamped); `None` = not set, breaks the line.
    pub values: Vec<Option<i8>>,
    /// Drawn dashed with hollow dots: the future state's (target) curve.
    pub dashed: bool,
}

/// What to draw.
#[derive(Clone, Copy, Debug)]
pub struct EmotionCurve<'a> {
    pub stage_count: usize,
    /// Pixel width of one stage column; the chart is `stage_count * column_width` wide.
    pub column_width: u32,
    /// Pixel height of the chart, e.g. 160.
    pub height: u32,
    pub series: &'a [CurveSeries],
    /// Labels for the levels -2, -1, 0, +1, +2 (already translated).
    pub level_labels: [&'a str; 5],
    /// Stage names written under their columns (the chart on its own);
    /// empty in the map, whose columns are already named.
    pub stage_labels: &'a [String],
}

/// Height of the band under the curve that holds the stage names.
const STAGE_BAND: u32 = 20;

const GUIDE_COLOUR: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
const ZERO_COLOUR: RGBColor = RGBColor(0xB8, 0xB8, 0xB8);
const LABEL_COLOUR: RGBColor = RGBColor(0x8A, 0x8A, 0x8A);
const STAGE_COLOUR: RGBColor = RGBColor(0x1F, 0x23, 0x28);
/// Label font size in CSS pixels.
const LABEL_PX: u32 = 10;
/// Stage name font size in CSS pixels.
const STAGE_PX: u32 = 11;
const LINE_WIDTH: u32 = 2;
const DOT_RADIUS: u32 = 4;

/// Render the emotion curve as a standalone `<svg>` document.
///
/// Never panics: for an empty chart, a minimal valid `<svg>` of the same
/// size is returned.
pub fn render(curve: &EmotionCurve) -> String {
    let width = u32::try_from(curve.stage_count)
        .unwrap_or(u32::MAX)
        .saturating_mul(curve.column_width);
    let height = curve.height;
    if width == 0 || height == 0 {
        return empty_svg(width, height);
    }
    // Roughly 60 bytes per dot, 12 per polyline point, plus guides and labels.
    let points: usize = curve
        .series
        .iter()
        .map(|s| s.values.len().min(curve.stage_count))
        .sum();
    let mut svg = SvgWriter::new(width, height, 1024 + points * 80);
    draw(&mut svg, curve, width, height);
    svg.finish()
}

/// Vertical pixel position of each level -2..=2 (index 0 = -2).
fn level_ys(height: u32) -> [i32; 5] {
    let h = f64::from(height);
    // Room above the top line for its label, and below the bottom line for a dot.
    let top = (f64::from(LABEL_PX) + 6.0).min(h * 0.2);
    let bottom = (DOT_RADIUS as f64 + 4.0).min(h * 0.1);
    let step = (h - top - bottom).max(0.0) / 4.0;
    let mut ys = [0; 5];
    for (i, y) in ys.iter_mut().enumerate() {
        // i = 0 is -2 (bottom), i = 4 is +2 (top).
        *y = (top + step * (4 - i) as f64).round() as i32;
    }
    ys
}

fn level_index(value: i8) -> usize {
    (value.clamp(-2, 2) + 2) as usize
}

fn draw(svg: &mut SvgWriter, curve: &EmotionCurve, width: u32, height: u32) {
    let band = if curve.stage_labels.is_empty() {
        0
    } else {
        STAGE_BAND.min(height / 2)
    };
    let ys = level_ys(height - band);
    let right = i32::try_from(width).unwrap_or(i32::MAX);

    // Guide lines, the neutral one slightly stronger, each labelled at the left.
    for (i, (&y, label)) in ys.iter().zip(curve.level_labels.iter()).enumerate() {
        // Thin filled rectangles rather than paths, so the series' `<polyline>`s
        // are the only polylines in the output.
        let (colour, top) = if i == 2 {
            (ZERO_COLOUR, y - 1)
        } else {
            (GUIDE_COLOUR, y)
        };
        svg.rect((0, top), (right, y + 1), colour);
        if !label.is_empty() {
            svg.text(label, (3, y - 2), Anchor::Start, LABEL_PX, LABEL_COLOUR);
        }
    }

    let column = i64::from(curve.column_width);
    let x_of = |stage: usize| -> i32 {
        let x = stage as i64 * column + column / 2;
        x.clamp(0, i64::from(i32::MAX)) as i32
    };

    // About 0.6 em per character: shorten names that would overlap the next column.
    let fits = (curve.column_width as usize * 10 / 66).max(3);
    for (stage, name) in curve
        .stage_labels
        .iter()
        .take(curve.stage_count)
        .enumerate()
    {
        let shown = shorten(name, fits);
        let bottom = i32::try_from(height).unwrap_or(i32::MAX) - 4;
        svg.text(
            &shown,
            (x_of(stage), bottom),
            Anchor::Middle,
            STAGE_PX,
            STAGE_COLOUR,
        );
    }

    for series in curve.series {
        let colour = parse_colour(&series.colour).unwrap_or(DEFAULT_COLOUR);
        let points: Vec<Option<Px>> = series
            .values
            .iter()
            .take(curve.stage_count)
            .enumerate()
            .map(|(stage, v)| v.map(|v| (x_of(stage), ys[level_index(v)])))
            .collect();

        // Lines first (one polyline per run of consecutive set values), dots on top.
        for run in points.split(Option::is_none) {
            if run.len() >= 2 {
                let path: Vec<Px> = run.iter().flatten().copied().collect();
                if series.dashed {
                    svg.dashed(&path, 6.0, 4.0, colour, LINE_WIDTH);
                } else {
                    svg.polyline(&path, colour, LINE_WIDTH);
                }
            }
        }
        // The future state's dots are outlined, the current state's filled.
        let outline = series.dashed.then_some(LINE_WIDTH);
        for &p in points.iter().flatten() {
            svg.circle(p, DOT_RADIUS, colour, outline);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: [&str; 5] = [
        "Very negative",
        "Negative",
        "Neutral",
        "Positive",
        "Very positive",
    ];

    fn series(colour: &str, values: &[Option<i8>]) -> CurveSeries {
        CurveSeries {
            label: "S".into(),
            colour: colour.into(),
            values: values.to_vec(),
            dashed: false,
        }
    }

    fn render_with(stage_count: usize, series: &[CurveSeries]) -> String {
        render(&EmotionCurve {
            stage_count,
            column_width: 100,
            height: 160,
            series,
            level_labels: LABELS,
            stage_labels: &[],
        })
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    /// The (cx, cy) of every `<circle>` in document order.
    fn circles(svg: &str) -> Vec<(i32, i32)> {
        svg.lines()
            .filter(|l| l.starts_with("<circle"))
            .map(|l| {
                let attr = |name: &str| -> i32 {
                    let start = l.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
                    let end = start + l[start..].find('"').unwrap();
                    l[start..end].parse().unwrap()
                };
                (attr("cx"), attr("cy"))
            })
            .collect()
    }

    fn assert_svg_shell(svg: &str, width: u32, height: u32) {
        assert!(
            svg.starts_with(&format!("<svg width=\"{width}\" height=\"{height}\" ")),
            "{svg}"
        );
        assert!(svg.contains(&format!("viewBox=\"0 0 {width} {height}\"")));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(count(svg, "<svg"), 1);
    }

    #[test]
    fn size_is_stage_count_times_column_width_by_height() {
        let s = [series("#ff0000", &[Some(0), Some(1), Some(2)])];
        let svg = render(&EmotionCurve {
            stage_count: 3,
            column_width: 180,
            height: 150,
            series: &s,
            level_labels: LABELS,
            stage_labels: &[],
        });
        assert_svg_shell(&svg, 540, 150);
    }

    #[test]
    fn one_dot_per_set_value_at_column_centres() {
        let s = [series("#ff0000", &[Some(-2), None, Some(0), Some(2)])];
        let svg = render_with(4, &s);
        let dots = circles(&svg);
        assert_eq!(dots.len(), 3);
        assert_eq!(
            dots.iter().map(|d| d.0).collect::<Vec<_>>(),
            vec![50, 250, 350]
        );
        // -2 at the bottom, +2 at the top, 0 in between.
        let ys = level_ys(160);
        assert_eq!(dots[0].1, ys[0]);
        assert_eq!(dots[1].1, ys[2]);
        assert_eq!(dots[2].1, ys[4]);
        assert!(ys[4] < ys[2] && ys[2] < ys[0]);
        assert!(count(&svg, "fill=\"#FF0000\"") >= 3);
    }

    #[test]
    fn none_breaks_the_line_into_segments() {
        let whole = [series("#00aa00", &[Some(1), Some(2), Some(0), Some(-1)])];
        let svg = render_with(4, &whole);
        assert_eq!(count(&svg, "<polyline"), 1);
        assert_eq!(count(&svg, "<circle"), 4);

        let broken = [series(
            "#00aa00",
            &[Some(1), Some(2), None, Some(0), Some(-1)],
        )];
        let svg = render_with(5, &broken);
        assert_eq!(count(&svg, "<polyline"), 2);
        assert_eq!(count(&svg, "<circle"), 4);
        for line in svg.lines().filter(|l| l.starts_with("<polyline")) {
            assert!(line.contains("stroke=\"#00AA00\""));
            // Two points per segment.
            let points = line.split("points=\"").nth(1).unwrap();
            let points = &points[..points.find('"').unwrap()];
            assert_eq!(points.split_whitespace().count(), 2, "{line}");
        }

        // An isolated value gets a dot but no line.
        let isolated = [series("#00aa00", &[Some(1), None, Some(0), None])];
        let svg = render_with(4, &isolated);
        assert_eq!(count(&svg, "<polyline"), 0);
        assert_eq!(count(&svg, "<circle"), 2);
    }

    #[test]
    fn guides_are_five_lines_with_labels_and_a_stronger_zero_line() {
        let svg = render_with(3, &[]);
        assert_eq!(count(&svg, "<rect"), 5);
        assert_eq!(count(&svg, "<text"), 5);
        for label in LABELS {
            assert!(svg.contains(label));
        }
        assert_eq!(count(&svg, "fill=\"#E3E3E3\""), 4);
        assert_eq!(count(&svg, "fill=\"#B8B8B8\""), 1);
        // Guide lines span the whole width; the neutral one is twice as thick.
        assert_eq!(count(&svg, "<rect x=\"0\""), 5);
        assert_eq!(count(&svg, "width=\"300\" height=\"1\""), 4);
        assert_eq!(count(&svg, "width=\"300\" height=\"2\""), 1);
        assert!(svg.contains("font-size=\"10\""), "{svg}");
    }

    #[test]
    fn values_are_clamped() {
        let s = [series(
            "#123456",
            &[
                Some(i8::MAX),
                Some(3),
                Some(2),
                Some(-2),
                Some(-3),
                Some(i8::MIN),
            ],
        )];
        let svg = render_with(6, &s);
        let ys = level_ys(160);
        let dot_ys: Vec<i32> = circles(&svg).iter().map(|d| d.1).collect();
        assert_eq!(dot_ys, vec![ys[4], ys[4], ys[4], ys[0], ys[0], ys[0]]);
        for y in dot_ys {
            assert!((0..160).contains(&y));
        }
    }

    #[test]
    fn values_beyond_stage_count_are_ignored_and_missing_ones_are_unset() {
        let s = [series("#123456", &[Some(1), Some(1), Some(1), Some(1)])];
        let svg = render_with(2, &s);
        assert_eq!(count(&svg, "<circle"), 2);
        let short = [series("#123456", &[Some(1)])];
        let svg = render_with(4, &short);
        assert_eq!(count(&svg, "<circle"), 1);
    }

    #[test]
    fn invalid_colours_fall_back_to_default_blue() {
        assert_eq!(parse_colour("#a1B2c3"), Some(RGBColor(0xA1, 0xB2, 0xC3)));
        assert_eq!(parse_colour(" #000000 "), Some(RGBColor(0, 0, 0)));
        for bad in [
            "",
            "#",
            "red",
            "#fff",
            "#12345",
            "#1234567",
            "123456",
            "#+12345",
            "#gg0000",
            "#ééé",
            "\" onload=\"alert(1)",
        ] {
            assert_eq!(parse_colour(bad), None, "{bad:?}");
        }
        let s = [series("\"><script>x</script>", &[Some(0), Some(1)])];
        let svg = render_with(2, &s);
        assert_eq!(count(&svg, "stroke=\"#2563EB\""), 1);
        assert_eq!(count(&svg, "fill=\"#2563EB\""), 2);
        assert!(!svg.contains("<script"));
    }

    #[test]
    fn zero_stages_or_zero_size_give_an_empty_valid_svg() {
        let s = [series("#ff0000", &[Some(1), Some(2)])];
        for svg in [render_with(0, &s), render_with(0, &[])] {
            assert_svg_shell(&svg, 0, 160);
            assert!(!svg.contains("<circle") && !svg.contains("<rect"));
        }
        let flat = render(&EmotionCurve {
            stage_count: 3,
            column_width: 100,
            height: 0,
            series: &s,
            level_labels: LABELS,
            stage_labels: &[],
        });
        assert_svg_shell(&flat, 300, 0);
        let narrow = render(&EmotionCurve {
            stage_count: 3,
            column_width: 0,
            height: 160,
            series: &s,
            level_labels: LABELS,
            stage_labels: &[],
        });
        assert_svg_shell(&narrow, 0, 160);
    }

    #[test]
    fn zero_series_still_draws_the_guides() {
        let svg = render_with(4, &[]);
        assert_svg_shell(&svg, 400, 160);
        assert_eq!(count(&svg, "<rect"), 5);
        assert_eq!(count(&svg, "<circle"), 0);
        assert_eq!(count(&svg, "<polyline"), 0);
    }

    #[test]
    fn tiny_and_huge_sizes_do_not_panic() {
        let s = [series("#ff0000", &[Some(2), Some(-2), None, Some(0)])];
        for (stages, column, height) in [(4, 1, 1), (4, 1, 3), (1, 1, 1), (4, 5000, 10_000)] {
            let svg = render(&EmotionCurve {
                stage_count: stages,
                column_width: column,
                height,
                series: &s,
                level_labels: LABELS,
                stage_labels: &[],
            });
            assert_svg_shell(&svg, stages as u32 * column, height);
        }
        // Width saturates instead of overflowing; nothing is drawn for no series.
        let svg = render(&EmotionCurve {
            stage_count: usize::MAX,
            column_width: u32::MAX,
            height: 10,
            series: &[],
            level_labels: LABELS,
            stage_labels: &[],
        });
        assert_svg_shell(&svg, u32::MAX, 10);
    }

    #[test]
    fn text_is_escaped() {
        let evil = "<script>alert(1)</script> & \"x\"";
        let svg = render(&EmotionCurve {
            stage_count: 2,
            column_width: 100,
            height: 160,
            series: &[series(evil, &[Some(0), Some(1)])],
            level_labels: [evil, "a", "b", "c", "'"],
            stage_labels: &[],
        });
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("</script"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
        assert!(svg.contains("&apos;"));
        assert_svg_shell(&svg, 200, 160);
    }

    #[test]
    fn forty_stages_six_series() {
        let colours = [
            "#e11d48", "#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2",
        ];
        let all: Vec<CurveSeries> = colours
            .iter()
            .enumerate()
            .map(|(k, c)| CurveSeries {
                label: format!("Persona {k}"),
                colour: (*c).into(),
                values: (0..40).map(|i| Some(((i + k) % 5) as i8 - 2)).collect(),
                dashed: false,
            })
            .collect();
        let svg = render(&EmotionCurve {
            stage_count: 40,
            column_width: 160,
            height: 160,
            series: &all,
            level_labels: LABELS,
            stage_labels: &[],
        });
        assert_svg_shell(&svg, 6400, 160);
        assert_eq!(count(&svg, "<circle"), 240);
        assert_eq!(count(&svg, "<polyline"), 6);
        for c in colours {
            let upper = c.to_ascii_uppercase();
            assert_eq!(count(&svg, &format!("fill=\"{upper}\"")), 40, "{c}");
            assert_eq!(count(&svg, &format!("stroke=\"{upper}\"")), 1, "{c}");
        }
    }

    #[test]
    fn a_future_state_series_is_dashed_with_hollow_dots() {
        let mut future = series("#2f6fde", &[Some(0), Some(1), Some(2)]);
        future.dashed = true;
        let svg = render_with(3, &[future]);
        // Dashes are short lines; no single polyline joins the points, and
        // the dots are outlined, not filled.
        assert!(count(&svg, "<polyline") + count(&svg, "<line") > 2, "{svg}");
        assert_eq!(count(&svg, "fill=\"#2F6FDE\""), 0, "{svg}");
        assert_eq!(count(&svg, "<circle"), 3);
    }

    #[test]
    fn stage_names_are_written_under_their_columns_escaped_and_shortened() {
        let names = vec![
            "Need".to_owned(),
            "<b>Achat</b> & livraison très longue".to_owned(),
        ];
        let svg = render(&EmotionCurve {
            stage_count: 2,
            column_width: 100,
            height: 160,
            series: &[series("#2f6fde", &[Some(0), Some(1)])],
            level_labels: LABELS,
            stage_labels: &names,
        });
        assert!(svg.contains("\nNeed\n"), "{svg}");
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;b&gt;Achat"), "{svg}");
        assert!(svg.contains('…'), "{svg}");
    }
}
