//! Presenting a map in a meeting: one stage at a time or the whole map,
//! moved through with the keyboard. Where it is (`#/present/<id>[/<n>|/all]`)
//! and what each key does, without the browser.

use crate::core::text::route_text::{decode_id, encode_id};

/// What is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The whole map at once.
    Overview,
    /// One stage, by its index in the journey.
    Stage(usize),
}

/// A presentation's address: the map, and the slide to start on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PresentAddress {
    pub map: String,
    pub slide: Slide,
}

impl PresentAddress {
    /// From what follows `present/` in the fragment: `<id>` (the first
    /// stage), `<id>/<n>` (stage n, from 1) or `<id>/all` (the whole map),
    /// the id percent-encoded (`route_text::encode_id`).
    pub fn parse(rest: &str) -> Option<PresentAddress> {
        let (map, slide) = match rest.split_once('/') {
            None | Some((_, "")) => (rest.trim_end_matches('/'), Slide::Stage(0)),
            Some((map, "all")) => (map, Slide::Overview),
            Some((map, n)) => {
                let n: usize = n.parse().ok().filter(|n| *n >= 1)?;
                (map, Slide::Stage(n - 1))
            }
        };
        Some(PresentAddress {
            map: decode_id(map)?,
            slide,
        })
    }

    /// What follows `present/` in the fragment.
    pub fn path(&self) -> String {
        match self.slide {
            Slide::Overview => format!("{}/all", encode_id(&self.map)),
            Slide::Stage(0) => encode_id(&self.map),
            Slide::Stage(i) => format!("{}/{}", encode_id(&self.map), i + 1),
        }
    }
}

/// A slide that exists in a map of `stages` stages (an address may name a
/// stage since deleted: the last one, or the whole map when none is left).
pub fn clamp(slide: Slide, stages: usize) -> Slide {
    match slide {
        Slide::Stage(_) if stages == 0 => Slide::Overview,
        Slide::Stage(i) => Slide::Stage(i.min(stages - 1)),
        Slide::Overview => Slide::Overview,
    }
}

/// The slide a key leads to from `slide`, or `None` when the key does
/// nothing here (it is then left to the browser).
///
/// - → ↓ Page Down, Space, `n`: the next stage (the first, from the whole map);
/// - ← ↑ Page Up, Backspace, `p`: the previous stage;
/// - Home / End: the first / last stage;
/// - `o` or `w`: the whole map, or back to the stage it was opened from.
pub fn on_key(slide: Slide, key: &str, stages: usize, last_stage: usize) -> Option<Slide> {
    if stages == 0 {
        return None;
    }
    let last = stages - 1;
    let next = match (key, slide) {
        ("ArrowRight" | "ArrowDown" | "PageDown" | " " | "n" | "N", Slide::Overview) => {
            Slide::Stage(0)
        }
        ("ArrowRight" | "ArrowDown" | "PageDown" | " " | "n" | "N", Slide::Stage(i)) => {
            Slide::Stage((i + 1).min(last))
        }
        ("ArrowLeft" | "ArrowUp" | "PageUp" | "Backspace" | "p" | "P", Slide::Stage(i)) => {
            Slide::Stage(i.saturating_sub(1))
        }
        ("Home", _) => Slide::Stage(0),
        ("End", _) => Slide::Stage(last),
        ("o" | "O" | "w" | "W", Slide::Stage(_)) => Slide::Overview,
        ("o" | "O" | "w" | "W", Slide::Overview) => Slide::Stage(last_stage.min(last)),
        _ => return None,
    };
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_a_stage_from_one_or_the_whole_map() {
        let at = |s: &str| PresentAddress::parse(s).map(|a| a.slide);
        assert_eq!(at("m1"), Some(Slide::Stage(0)));
        assert_eq!(at("m1/"), Some(Slide::Stage(0)));
        assert_eq!(at("m1/3"), Some(Slide::Stage(2)));
        assert_eq!(at("m1/all"), Some(Slide::Overview));
        for bad in [
            "m1/0", "m1/-2", "m1/-1", "m1/x", "", "a b", "m1/3/4", "m%2/1", "%ZZ",
        ] {
            assert_eq!(PresentAddress::parse(bad), None, "{bad}");
        }
        // Any id a file may carry, percent-encoded in the address.
        assert_eq!(
            PresentAddress::parse("a%20b%2Fc/2"),
            Some(PresentAddress {
                map: "a b/c".into(),
                slide: Slide::Stage(1)
            })
        );
        for map in ["m-1_x", "a b/c#d%e", "été"] {
            for slide in [Slide::Overview, Slide::Stage(0), Slide::Stage(7)] {
                let address = PresentAddress {
                    map: map.into(),
                    slide,
                };
                assert_eq!(PresentAddress::parse(&address.path()), Some(address));
            }
        }
    }

    #[test]
    fn keys_walk_the_stages_and_stop_at_both_ends() {
        let key = |slide, k| on_key(slide, k, 3, 0);
        assert_eq!(key(Slide::Stage(0), "ArrowRight"), Some(Slide::Stage(1)));
        assert_eq!(key(Slide::Stage(1), " "), Some(Slide::Stage(2)));
        assert_eq!(key(Slide::Stage(2), "PageDown"), Some(Slide::Stage(2)));
        assert_eq!(key(Slide::Stage(2), "ArrowLeft"), Some(Slide::Stage(1)));
        assert_eq!(key(Slide::Stage(0), "PageUp"), Some(Slide::Stage(0)));
        assert_eq!(key(Slide::Stage(1), "End"), Some(Slide::Stage(2)));
        assert_eq!(key(Slide::Overview, "Home"), Some(Slide::Stage(0)));
        assert_eq!(key(Slide::Overview, "ArrowRight"), Some(Slide::Stage(0)));
        assert_eq!(key(Slide::Overview, "ArrowLeft"), None);
        assert_eq!(key(Slide::Stage(1), "Tab"), None, "left to the browser");
        assert_eq!(key(Slide::Stage(1), "a"), None);
        assert_eq!(
            on_key(Slide::Overview, "ArrowRight", 0, 0),
            None,
            "no stage"
        );
    }

    #[test]
    fn the_whole_map_toggles_back_to_the_stage_it_left() {
        assert_eq!(on_key(Slide::Stage(2), "o", 4, 0), Some(Slide::Overview));
        assert_eq!(on_key(Slide::Overview, "o", 4, 2), Some(Slide::Stage(2)));
        assert_eq!(on_key(Slide::Overview, "W", 4, 9), Some(Slide::Stage(3)));
    }

    #[test]
    fn an_address_past_the_last_stage_shows_the_last() {
        assert_eq!(clamp(Slide::Stage(9), 3), Slide::Stage(2));
        assert_eq!(clamp(Slide::Stage(1), 3), Slide::Stage(1));
        assert_eq!(clamp(Slide::Stage(0), 0), Slide::Overview);
        assert_eq!(clamp(Slide::Overview, 0), Slide::Overview);
    }
}
