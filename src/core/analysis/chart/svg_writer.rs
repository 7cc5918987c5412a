//! A small SVG writer for the charts drawn in the map itself (the emotion
//! curve): the same elements plotters' SVG backend writes, without
//! plotters, whose drawing code weighed on the wasm every map loads.
//! Text is escaped as plotters escapes it; colours are parsed RGB values.

use std::fmt::Write;

use plotters::style::RGBColor;

/// An SVG document being written, element by element.
pub struct SvgWriter {
    out: String,
    /// The lower right corner: every point is kept within the document
    /// (as plotters' drawing area keeps it).
    corner: (i32, i32),
}

/// `#RRGGBB`, as plotters writes a colour.
struct Hex(RGBColor);

impl std::fmt::Display for Hex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let RGBColor(r, g, b) = self.0;
        write!(f, "#{r:02X}{g:02X}{b:02X}")
    }
}

/// Where a text's point is, horizontally.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
}

impl SvgWriter {
    /// An `<svg>` of `width` × `height` pixels, with room for `capacity` bytes.
    pub fn new(width: u32, height: u32, capacity: usize) -> Self {
        let mut out = String::with_capacity(capacity);
        let _ = writeln!(
            out,
            "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        let side = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        SvgWriter {
            out,
            corner: (side(width), side(height)),
        }
    }

    /// `(x, y)` moved into the document, if it is outside.
    fn within(&self, (x, y): (i32, i32)) -> (i32, i32) {
        (x.clamp(0, self.corner.0), y.clamp(0, self.corner.1))
    }

    /// A filled rectangle from `(x0, y0)` to `(x1, y1)`.
    pub fn rect(&mut self, from: (i32, i32), to: (i32, i32), fill: RGBColor) {
        let ((x0, y0), (x1, y1)) = (self.within(from), self.within(to));
        let _ = writeln!(
            self.out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\" opacity=\"1\" fill=\"{}\" stroke=\"none\"/>",
            x1 - x0,
            y1 - y0,
            Hex(fill)
        );
    }

    /// `text` at `(x, y)`, its baseline above the point, `px` pixels high.
    pub fn text(&mut self, text: &str, at: (i32, i32), anchor: Anchor, px: u32, fill: RGBColor) {
        let (x, y) = self.within(at);
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        };
        let _ = writeln!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"-0.5ex\" text-anchor=\"{anchor}\" font-family=\"sans-serif\" font-size=\"{px}\" opacity=\"1\" fill=\"{}\">",
            Hex(fill)
        );
        for c in text.chars() {
            match c {
                '<' => self.out.push_str("&lt;"),
                '>' => self.out.push_str("&gt;"),
                '&' => self.out.push_str("&amp;"),
                '"' => self.out.push_str("&quot;"),
                '\'' => self.out.push_str("&apos;"),
                other => self.out.push(other),
            }
        }
        self.out.push_str("\n</text>\n");
    }

    /// A line through `points`, `width` pixels wide.
    pub fn polyline(&mut self, points: &[(i32, i32)], stroke: RGBColor, width: u32) {
        let _ = write!(
            self.out,
            "<polyline fill=\"none\" opacity=\"1\" stroke=\"{}\" stroke-width=\"{width}\" points=\"",
            Hex(stroke)
        );
        for &p in points {
            let (x, y) = self.within(p);
            let _ = write!(self.out, "{x},{y} ");
        }
        self.out.push_str("\"/>\n");
    }

    /// The dashes of a line through `points`: `size` pixels drawn, `gap`
    /// pixels not, each dash a short line (as plotters' dashed path).
    pub fn dashed(
        &mut self,
        points: &[(i32, i32)],
        size: f32,
        gap: f32,
        stroke: RGBColor,
        width: u32,
    ) {
        let to_i = |(x, y): (f32, f32)| (x.round() as i32, y.round() as i32);
        let to_f = |(x, y): (i32, i32)| (x as f32, y as f32);
        let Some((&first, rest)) = points.split_first() else {
            return;
        };
        let mut start = to_f(self.within(first));
        let mut dist = 0.0_f32;
        let mut solid = true;
        let mut dash = vec![to_i(start)];
        for &point in rest {
            let end = to_f(self.within(point));
            while start != end {
                let (dx, dy) = (end.0 - start.0, end.1 - start.1);
                let d = dx.hypot(dy);
                let length = if solid { size } else { gap };
                let left = length - dist;
                if left < d {
                    let t = left / d;
                    start = (start.0 + dx * t, start.1 + dy * t);
                    dist += left;
                } else {
                    start = end;
                    dist += d;
                }
                if solid {
                    dash.push(to_i(start));
                }
                if length <= dist {
                    if solid {
                        self.polyline(&dash, stroke, width);
                        dash.clear();
                    } else {
                        dash.push(to_i(start));
                    }
                    dist = 0.0;
                    solid = !solid;
                }
            }
        }
        if dash.len() > 1 {
            self.polyline(&dash, stroke, width);
        }
    }

    /// A dot of `r` pixels: filled, or outlined `outline` pixels wide.
    pub fn circle(&mut self, centre: (i32, i32), r: u32, colour: RGBColor, outline: Option<u32>) {
        let (cx, cy) = self.within(centre);
        let _ = write!(
            self.out,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\" opacity=\"1\" "
        );
        let _ = match outline {
            None => writeln!(
                self.out,
                "fill=\"{}\" stroke=\"none\" stroke-width=\"1\"/>",
                Hex(colour)
            ),
            Some(w) => writeln!(
                self.out,
                "fill=\"none\" stroke=\"{}\" stroke-width=\"{w}\"/>",
                Hex(colour)
            ),
        };
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}
