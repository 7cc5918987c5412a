//! Current state against future state: both emotion curves on one chart,
//! across every stage of either map (in the comparison's order).

use super::emotion_curve::CurveSeries;
use super::journey_charts::{emotion_chart, ChartData};
use crate::core::document::future_state::Comparison;
use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::{Key, Lang};

/// The two emotion curves: for each persona of either map (and for
/// everyone, when a feeling is set for everyone), today's line solid and
/// the future state's dashed, in the persona's colour. A stage only one map
/// has breaks the other map's line there. `None` when no feeling is set.
pub fn comparison(
    current: &JourneyMap,
    future: &JourneyMap,
    comparison: &Comparison,
    lang: Lang,
) -> Option<ChartData> {
    // (persona id, name, colour): the future map's personas, then those
    // only today's map has, then everyone.
    let mut people: Vec<(Option<&str>, &str, &str)> = Vec::new();
    for p in future.personas.iter().chain(&current.personas) {
        if !people.iter().any(|(id, _, _)| *id == Some(p.id.as_str())) {
            people.push((Some(p.id.as_str()), p.name.as_str(), p.colour.as_str()));
        }
    }
    let everyone = |m: &JourneyMap| m.emotions.iter().any(|e| e.persona.is_none() && !e.future);
    if everyone(current) || everyone(future) {
        people.push((None, lang.t(Key::Everyone), "#2f6fde"));
    }
    let series: Vec<CurveSeries> = people
        .iter()
        .flat_map(|&(id, name, colour)| {
            [(current, false), (future, true)].map(|(map, is_future)| CurveSeries {
                label: name.to_owned(),
                colour: colour.to_owned(),
                values: comparison
                    .stages
                    .iter()
                    .map(|s| {
                        let index = if is_future { s.future } else { s.current };
                        let stage = &map.stages.get(index?)?.id;
                        map.emotion(stage, id, false)
                    })
                    .collect(),
                dashed: is_future,
            })
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    let names: Vec<String> = comparison.stages.iter().map(|s| s.name.clone()).collect();
    emotion_chart(&series, names, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::edit::Edit;
    use crate::core::document::future_state::{compare, future_from};
    use crate::core::document::model::{SequentialIds, Stage};

    #[test]
    fn both_curves_across_the_union_of_stages_with_escaped_labels() {
        let mut today = demo_map(Lang::En, &mut SequentialIds::new("d"), 0);
        today.personas[0].name = "Camille <script>".into();
        let mut tomorrow = future_from(&today, &mut SequentialIds::new("f"), 1, "F".into());
        let gerard = tomorrow.personas[1].id.clone();
        let edits = [
            Edit::InsertStage {
                index: 6,
                stage: Stage {
                    id: "new".into(),
                    name: "Loyalty & <co>".into(),
                    journey: String::new(),
                },
                cards: Vec::new(),
                touchpoints: Vec::new(),
                emotions: Vec::new(),
            },
            Edit::SetEmotion {
                stage: "new".into(),
                persona: Some(gerard),
                future: false,
                value: Some(2),
            },
        ];
        for e in edits {
            e.apply(&mut tomorrow).unwrap();
        }
        let c = compare(&today, &tomorrow);
        let chart = comparison(&today, &tomorrow, &c, Lang::En).unwrap();
        assert_eq!(chart.rows.len(), 7);
        // Two personas, each today and tomorrow.
        assert_eq!(chart.headers.len(), 5);
        assert!(
            chart.headers[2].ends_with("(Future state)"),
            "{:?}",
            chart.headers
        );
        // Solid lines are one polyline each; dashed ones are many short ones.
        let long_lines = chart
            .svg
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.matches(',').count() >= 6)
            .count();
        assert_eq!(long_lines, 2, "today's two lines, solid");
        assert!(
            chart.svg.matches("<polyline").count() > 10,
            "dashed future lines"
        );
        assert!(chart.svg.contains("#2F6FDE") && chart.svg.contains("#D9480F"));
        assert!(!chart.svg.contains("<script>") && !chart.svg.contains("<co>"));
        assert!(
            chart.svg.contains("Loyalty &amp; &lt;co&gt;"),
            "{}",
            chart.svg
        );
        // The new stage: only the future line has a value there.
        assert_eq!(chart.rows[6][3], "", "today's Gérard");
        assert_eq!(chart.rows[6][4], "Delighted");
    }

    #[test]
    fn no_feeling_no_chart() {
        let mut today = demo_map(Lang::Fr, &mut SequentialIds::new("d"), 0);
        today.emotions.clear();
        let tomorrow = future_from(&today, &mut SequentialIds::new("f"), 1, "F".into());
        let c = compare(&today, &tomorrow);
        assert_eq!(comparison(&today, &tomorrow, &c, Lang::Fr), None);
    }
}
