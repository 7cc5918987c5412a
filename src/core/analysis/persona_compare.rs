//! Personas side by side: for two or more personas of a map, each one's
//! route across the same stages: what they do and think, their pain points
//! and how they feel.

use crate::core::analysis::chart::emotion_curve::CurveSeries;
use crate::core::analysis::chart::journey_charts::{self, ChartData};
use crate::core::document::model::{Card, JourneyMap, LaneKind};
use crate::core::text::i18n::Lang;

/// One persona at one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct PersonaRoute {
    pub persona: String,
    /// Cards of the Doing lanes that apply to this persona (their own and
    /// those for everyone), in map order.
    pub doing: Vec<Card>,
    /// Cards of the Thinking lanes, likewise.
    pub thinking: Vec<Card>,
    /// Cards of the Pain points lanes, likewise.
    pub pain_points: Vec<Card>,
    /// The persona's current-state feeling at this stage, or, when none is
    /// set for them, the one set for everyone.
    pub emotion: Option<i8>,
}

/// One stage, with each compared persona's route through it.
#[derive(Clone, Debug, PartialEq)]
pub struct StageRoute {
    pub stage: String,
    pub name: String,
    /// In the order of the persona ids asked for.
    pub routes: Vec<PersonaRoute>,
}

/// Each stage of `map` in journey order, with the route of each persona of
/// `persona_ids` that the map has (unknown ids are left out). A card with
/// no persona applies to every persona; hidden lanes count too (hiding is a
/// matter of display).
pub fn persona_routes(map: &JourneyMap, persona_ids: &[&str]) -> Vec<StageRoute> {
    let personas: Vec<&str> = persona_ids
        .iter()
        .copied()
        .filter(|p| map.persona(p).is_some())
        .collect();
    let lane_kind = |lane: &str| map.lane(lane).map(|l| l.kind);
    map.stages
        .iter()
        .map(|stage| {
            let routes = personas
                .iter()
                .map(|&p| {
                    let cards = |kind: LaneKind| -> Vec<Card> {
                        map.cards
                            .iter()
                            .filter(|c| c.stage == stage.id && lane_kind(&c.lane) == Some(kind))
                            .filter(|c| c.persona.as_deref().is_none_or(|cp| cp == p))
                            .cloned()
                            .collect()
                    };
                    PersonaRoute {
                        persona: p.to_owned(),
                        doing: cards(LaneKind::Doing),
                        thinking: cards(LaneKind::Thinking),
                        pain_points: cards(LaneKind::PainPoints),
                        emotion: map
                            .emotion(&stage.id, Some(p), false)
                            .or_else(|| map.emotion(&stage.id, None, false)),
                    }
                })
                .collect();
            StageRoute {
                stage: stage.id.clone(),
                name: stage.name.clone(),
                routes,
            }
        })
        .collect()
}

/// The compared personas' current-state emotion curves on one chart (the
/// feelings of [`persona_routes`], so a feeling for everyone stands in for
/// a missing own one), with the same data as a table; `None` when no
/// persona of `persona_ids` has a feeling anywhere.
pub fn emotion_chart(map: &JourneyMap, lang: Lang, persona_ids: &[&str]) -> Option<ChartData> {
    let routes = persona_routes(map, persona_ids);
    let series: Vec<CurveSeries> = persona_ids
        .iter()
        .filter_map(|id| map.persona(id))
        .enumerate()
        .map(|(i, p)| CurveSeries {
            label: p.name.clone(),
            colour: p.colour.clone(),
            values: routes.iter().map(|s| s.routes[i].emotion).collect(),
            dashed: false,
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    let names: Vec<String> = map.stages.iter().map(|s| s.name.clone()).collect();
    journey_charts::emotion_chart(&series, names, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::{Emotion, SequentialIds};
    use crate::core::text::i18n::Lang;

    #[test]
    fn each_persona_sees_their_own_cards_and_the_shared_ones() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let (camille, gerard) = (map.personas[0].id.clone(), map.personas[1].id.clone());
        let routes = persona_routes(&map, &[&gerard, "ghost", &camille]);
        assert_eq!(routes.len(), map.stages.len());
        for stage in &routes {
            let who: Vec<&str> = stage.routes.iter().map(|r| r.persona.as_str()).collect();
            assert_eq!(who, [gerard.as_str(), camille.as_str()]);
            for route in &stage.routes {
                for card in route
                    .doing
                    .iter()
                    .chain(&route.thinking)
                    .chain(&route.pain_points)
                {
                    assert_eq!(card.stage, stage.stage);
                    assert!(card.persona.as_deref().is_none_or(|p| p == route.persona));
                }
            }
        }
        // The demo's curves differ at the first stage of comparison.
        let emotions: Vec<Option<i8>> = routes[2].routes.iter().map(|r| r.emotion).collect();
        assert_eq!(emotions, [Some(2), Some(1)]);
        let doing_somewhere = routes
            .iter()
            .any(|s| s.routes[0].doing != s.routes[1].doing);
        assert!(doing_somewhere, "the personas take different routes");
    }

    #[test]
    fn the_emotion_chart_has_a_line_per_compared_persona() {
        let map = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        let (a, b) = (map.personas[0].id.clone(), map.personas[1].id.clone());
        let chart = emotion_chart(&map, Lang::En, &[&a, &b]).unwrap();
        assert!(chart.svg.starts_with("<svg"));
        assert_eq!(chart.headers.len(), 3);
        assert_eq!(
            chart.headers[1],
            format!("{} (Today)", map.personas[0].name)
        );
        assert_eq!(chart.rows.len(), map.stages.len());
        assert_eq!(chart.rows[2][1], "Satisfied");
        assert_eq!(chart.rows[2][2], "Delighted");
        assert_eq!(emotion_chart(&map, Lang::En, &["ghost"]), None);
    }

    #[test]
    fn a_feeling_for_everyone_stands_in_for_a_missing_own_one() {
        let mut map = demo_map(Lang::Fr, &mut SequentialIds::new("d"), 0);
        let camille = map.personas[0].id.clone();
        let stage = map.stages[0].id.clone();
        map.emotions.retain(|e| e.stage != stage);
        map.emotions.push(Emotion {
            stage,
            persona: None,
            value: -2,
            future: false,
        });
        let routes = persona_routes(&map, &[&camille]);
        assert_eq!(routes[0].routes[0].emotion, Some(-2));
    }
}
