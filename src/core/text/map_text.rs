//! The map as text, cell by cell: what the read-only views (shared, embedded)
//! and the presentation show in each lane at each stage.

use crate::core::analysis::metrics::{self, text};
use crate::core::document::model::{JourneyMap, Lane, LaneKind, Metric, Touchpoint};
use crate::core::text::i18n::{emotion_face, emotion_label, Lang};

/// How a read-only view gets the lines of a cell: [`cell_lines`], or
/// [`cell_lines_without_figures`] where the metrics code is not loaded yet.
pub type CellLines = fn(&JourneyMap, &Lane, &str, Lang) -> Vec<String>;

/// The lines of one cell (lane × stage), in the map's order: cards (with
/// their persona's name), today's emotions, or touchpoints with their
/// channel and current figures. The Metrics lane has none (its figures
/// are on the touchpoints).
pub fn cell_lines(map: &JourneyMap, lane: &Lane, stage: &str, lang: Lang) -> Vec<String> {
    lines(map, lane, stage, lang, Some(figures))
}

/// [`cell_lines`] with touchpoints by channel and name only: for the
/// preview a map shows while the editor loads, whose first-load wasm
/// would otherwise carry every metric's computation (measured +16 KB
/// gzipped).
pub fn cell_lines_without_figures(
    map: &JourneyMap,
    lane: &Lane,
    stage: &str,
    lang: Lang,
) -> Vec<String> {
    lines(map, lane, stage, lang, None)
}

/// A touchpoint's current figures, appended to its line.
fn figures(map: &JourneyMap, touchpoint: &Touchpoint, lang: Lang, line: &mut String) {
    for metric in Metric::ALL {
        if let Some((f, _)) = metrics::current(touchpoint, metric, &map.scales) {
            line.push_str(&format!(
                " · {} {}",
                metric.label(lang),
                text::headline(lang, &f)
            ));
        }
    }
}

type Figures = fn(&JourneyMap, &Touchpoint, Lang, &mut String);

fn lines(
    map: &JourneyMap,
    lane: &Lane,
    stage: &str,
    lang: Lang,
    figures: Option<Figures>,
) -> Vec<String> {
    let persona_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| map.personas.iter().find(|p| &p.id == id))
            .map(|p| p.name.as_str())
    };
    match lane.kind {
        LaneKind::Metrics => Vec::new(),
        LaneKind::Feeling => map
            .emotions
            .iter()
            .filter(|e| e.stage == stage && !e.future)
            .map(|e| {
                let who = persona_name(&e.persona)
                    .map(|n| format!("{n} "))
                    .unwrap_or_default();
                format!(
                    "{who}{} {}",
                    emotion_face(e.value),
                    emotion_label(lang, e.value)
                )
            })
            .collect(),
        LaneKind::Touchpoints => map
            .touchpoints
            .iter()
            .filter(|t| t.stage == stage)
            .map(|t| {
                let mut line = format!("{} {}", t.channel.icon(), t.name);
                if let Some(figures) = figures {
                    figures(map, t, lang, &mut line);
                }
                line
            })
            .collect(),
        _ => map
            .cards
            .iter()
            .filter(|c| c.lane == lane.id && c.stage == stage)
            .map(|c| match persona_name(&c.persona) {
                Some(n) => format!("{n}{}{}", lang.colon(), c.text),
                None => c.text.clone(),
            })
            .collect(),
    }
}

/// The lanes a reader sees: not hidden, and not the Metrics lane.
pub fn shown_lanes(map: &JourneyMap) -> impl Iterator<Item = &Lane> {
    map.lanes
        .iter()
        .filter(|l| !l.hidden && l.kind != LaneKind::Metrics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo;
    use crate::core::document::model::SequentialIds;

    #[test]
    fn every_kind_of_cell_reads_as_lines() {
        let map = demo::demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let stage = &map.stages[0].id;
        let lines = |kind: LaneKind| {
            let lane = map.lanes.iter().find(|l| l.kind == kind).unwrap();
            cell_lines(&map, lane, stage, Lang::En)
        };
        let cards = map
            .cards
            .iter()
            .filter(|c| {
                c.stage == *stage && map.lane(&c.lane).map(|l| l.kind) == Some(LaneKind::Doing)
            })
            .count();
        assert_eq!(lines(LaneKind::Doing).len(), cards);
        assert!(!lines(LaneKind::Touchpoints).is_empty());
        assert!(lines(LaneKind::Metrics).is_empty());
        assert!(shown_lanes(&map).all(|l| l.kind != LaneKind::Metrics && !l.hidden));
    }

    #[test]
    fn the_preview_lines_are_the_same_without_the_figures() {
        let map = demo::demo_map(Lang::Fr, &mut SequentialIds::new("d"), 0);
        let mut figures_seen = 0;
        for stage in &map.stages {
            for lane in shown_lanes(&map) {
                let full = cell_lines(&map, lane, &stage.id, Lang::Fr);
                let plain = cell_lines_without_figures(&map, lane, &stage.id, Lang::Fr);
                assert_eq!(full.len(), plain.len());
                for (f, p) in full.iter().zip(&plain) {
                    if lane.kind == LaneKind::Touchpoints {
                        // The same touchpoint, its figures after " · ".
                        assert_eq!(f.split(" · ").next(), Some(p.as_str()));
                        assert!(!p.contains(" · "), "{p}");
                        figures_seen += usize::from(f != p);
                    } else {
                        assert_eq!(f, p);
                    }
                }
            }
        }
        // The demo has figures on touchpoints: the test saw them dropped.
        assert!(figures_seen > 0);
    }

    #[test]
    fn a_card_of_a_persona_reads_with_the_languages_colon() {
        for (lang, colon) in [(Lang::En, ": "), (Lang::Fr, " : ")] {
            let map = demo::demo_map(lang, &mut SequentialIds::new("d"), 0);
            let card = map.cards.iter().find(|c| c.persona.is_some()).unwrap();
            let name = &map.persona(card.persona.as_deref().unwrap()).unwrap().name;
            let lane = map.lane(&card.lane).unwrap();
            let lines = cell_lines(&map, lane, &card.stage, lang);
            assert!(
                lines.contains(&format!("{name}{colon}{}", card.text)),
                "{lines:?}"
            );
        }
    }
}
