//! What every chart shares: the SVG document, text that fits its room and
//! is safe in XML, and colours.

use plotters::backend::SVGBackend;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontFamily, FontStyle, RGBColor, TextStyle};

/// Colour used when a series' colour is not a valid `#rrggbb`.
pub const DEFAULT_COLOUR: RGBColor = RGBColor(0x25, 0x63, 0xEB);

/// A standalone `<svg>` of `width` × `height` drawn by `draw`; if plotters
/// reports an error, a valid empty `<svg>` of that size.
pub fn svg_document(
    (width, height): (u32, u32),
    capacity: usize,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), ()>,
) -> String {
    let mut out = String::with_capacity(capacity);
    let drawn = {
        let root = SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root).and_then(|()| root.present().map_err(|_| ()))
    };
    match drawn {
        Ok(()) => out,
        Err(()) => empty_svg(width, height),
    }
}

/// Characters of `px`-sized text that fit in `width` pixels (about 0.6 em each).
pub fn chars_that_fit(width: i32, px: f64) -> usize {
    ((f64::from(width.max(0)) / (px * 0.6)) as usize).max(1)
}

/// `text` as it can be written in SVG, cut with an ellipsis to at most
/// `max` characters. Characters XML does not allow (controls, U+FFFE,
/// U+FFFF), which plotters does not escape, become spaces.
pub fn shorten(text: &str, max: usize) -> String {
    let allowed = |c: char| {
        let forbidden = (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{fffe}' | '\u{ffff}');
        if forbidden {
            ' '
        } else {
            c
        }
    };
    if text.chars().count() <= max {
        text.chars().map(allowed).collect()
    } else {
        text.chars()
            .take(max.saturating_sub(1))
            .map(allowed)
            .chain(['…'])
            .collect()
    }
}

/// A text style of `px` CSS pixels (plotters' SVG backend divides by 1.24).
pub fn style(px: f64, colour: &'static RGBColor, h: HPos) -> TextStyle<'static> {
    TextStyle::from((FontFamily::SansSerif, px * 1.24, FontStyle::Normal))
        .color(colour)
        .pos(Pos::new(h, VPos::Center))
}

/// A minimal valid SVG document of the given size.
pub fn empty_svg(width: u32, height: u32) -> String {
    format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         xmlns=\"http://www.w3.org/2000/svg\">\n</svg>\n"
    )
}

/// Mix a colour with white: `amount` 0 keeps it, 1 is white.
pub fn pale(c: RGBColor, amount: f64) -> RGBColor {
    let mix = |v: u8| (f64::from(v) + (255.0 - f64::from(v)) * amount).round() as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// Parse `#rrggbb` (surrounding whitespace allowed, hex digits in either case).
pub fn parse_colour(text: &str) -> Option<RGBColor> {
    let hex = text.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(RGBColor(channel(0)?, channel(2)?, channel(4)?))
}
