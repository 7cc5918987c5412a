//! The map as text, cell by cell: what the read-only views (shared, embedded)
//! and the presentation show in each lane at each stage.

use crate::core::i18n::{emotion_face, emotion_label, Lang};
use crate::core::metrics::{self, text};
use crate::core::model::{JourneyMap, Lane, LaneKind, Metric};

/// The lines of one cell (lane × stage), in the map's order: cards (with
/// their persona's name), today's emotions, or touchpoints with their
/// channel and current figures. The Metrics lane has none (its figures
/// are on the touchpoints).
pub fn cell_lines(map: &JourneyMap, lane: &Lane, stage: &str, lang: Lang) -> Vec<String> {
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
                for metric in Metric::ALL {
                    if let Some((f, _)) = metrics::current(t, metric, &map.scales) {
                        line.push_str(&format!(
                            " · {} {}",
                            metric.label(lang),
                            text::headline(lang, &f)
                        ));
                    }
                }
                line
            })
            .collect(),
        _ => map
            .cards
            .iter()
            .filter(|c| c.lane == lane.id && c.stage == stage)
            .map(|c| match persona_name(&c.persona) {
                Some(n) => format!("{n}: {}", c.text),
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
    use crate::core::demo;
    use crate::core::model::SequentialIds;

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
}
