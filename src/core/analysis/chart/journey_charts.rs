//! The map's charts, from the map: each one's SVG and the same data as a
//! table (the text alternative), in the UI language.

use super::bars::{self, BarChart, BarRow};
use super::emotion_curve::{self, CurveSeries};
use super::heat::{self, Heat, HeatCell, HeatRow};
use crate::core::analysis::chart_words::ChartText;
use crate::core::analysis::metrics::{journey, text, Figure};
use crate::core::document::model::{JourneyMap, Metric};
use crate::core::text::i18n::{emotion_label, format_count, format_percent, Key, Lang};

/// A chart and its data as a table.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    pub svg: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Width of the charts on their own, in CSS pixels.
pub const WIDTH: u32 = 960;

const ONLINE: &str = "#2f6fde";
const OFFLINE: &str = "#b45f06";
const FUNNEL: &str = "#0b7285";

/// The emotion curve: a line per persona, dashed for the future state.
pub fn emotions(map: &JourneyMap, lang: Lang) -> Option<ChartData> {
    let people: Vec<(Option<&str>, &str, &str)> = if map.personas.is_empty() {
        vec![(None, lang.t(Key::Everyone), "#2f6fde")]
    } else {
        map.personas
            .iter()
            .map(|p| (Some(p.id.as_str()), p.name.as_str(), p.colour.as_str()))
            .collect()
    };
    let series: Vec<CurveSeries> = people
        .iter()
        .flat_map(|&(id, name, colour)| {
            [false, true].map(|future| CurveSeries {
                label: name.to_owned(),
                colour: colour.to_owned(),
                values: map
                    .stages
                    .iter()
                    .map(|s| map.emotion(&s.id, id, future))
                    .collect(),
                dashed: future,
            })
        })
        .filter(|s| s.values.iter().any(Option::is_some))
        .collect();
    let names: Vec<String> = map.stages.iter().map(|s| s.name.clone()).collect();
    emotion_chart(&series, names, lang)
}

/// Emotion curves as a chart with its table: a line per series (dashed for
/// a future state) across the stages `names`; `None` when nothing is set.
pub fn emotion_chart(series: &[CurveSeries], names: Vec<String>, lang: Lang) -> Option<ChartData> {
    let stage_count = names.len();
    if series.is_empty() || stage_count == 0 {
        return None;
    }
    let column_width = (WIDTH / stage_count as u32).clamp(90, 200);
    let svg = emotion_curve::render(&emotion_curve::EmotionCurve {
        stage_count,
        column_width,
        height: 200,
        series,
        level_labels: [-2, -1, 0, 1, 2].map(|v| emotion_label(lang, v)),
        stage_labels: &names,
    });
    let mut headers = vec![lang.t(Key::Stage).to_owned()];
    headers.extend(series.iter().map(|s| {
        let state = if s.dashed {
            Key::FutureState
        } else {
            Key::CurrentState
        };
        format!("{} ({})", s.label, lang.t(state))
    }));
    let rows = names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let mut row = vec![name];
            row.extend(series.iter().map(|s| {
                s.values[i]
                    .map(|v| emotion_label(lang, v).to_owned())
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    Some(ChartData { svg, headers, rows })
}

/// The reach funnel across touchpoints, in journey order.
pub fn funnel(map: &JourneyMap, lang: Lang) -> Option<ChartData> {
    let (steps, entrants) = journey::funnel(map);
    if steps.is_empty() {
        return None;
    }
    let value_text = |count: f64, share: Option<f64>| match share {
        Some(s) => format!(
            "{} · {}",
            format_count(lang, count),
            format_percent(lang, (s * 100.0).round())
        ),
        None => format_count(lang, count),
    };
    let rows: Vec<BarRow> = steps
        .iter()
        .map(|s| BarRow {
            label: map.touchpoints[s.touchpoint].name.clone(),
            group: map.stages[s.stage].name.clone(),
            value: s.count,
            interval: None,
            text: value_text(s.count, s.share),
            colour: FUNNEL.into(),
            faded: false,
        })
        .collect();
    let svg = proportional(&rows, entrants.unwrap_or(0.0));
    let headers = [
        Key::Stage.texts(),
        Key::Touchpoint.texts(),
        ChartText::Value.texts(),
    ]
    .map(|k| lang.t(k).to_owned())
    .into_iter()
    .chain([lang.t(ChartText::OfEntrants).to_owned()])
    .collect();
    let table = steps
        .iter()
        .map(|s| {
            vec![
                map.stages[s.stage].name.clone(),
                map.touchpoints[s.touchpoint].name.clone(),
                format_count(lang, s.count),
                s.share
                    .map(|v| format_percent(lang, (v * 100.0).round()))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    Some(ChartData {
        svg,
        headers,
        rows: table,
    })
}

/// Bars from zero, the longest (or `at_least`) spanning the whole width.
fn proportional(rows: &[BarRow], at_least: f64) -> String {
    let max = rows.iter().map(|r| r.value).fold(at_least, f64::max);
    bars::render(&BarChart {
        width: WIDTH,
        min: 0.0,
        max: if max > 0.0 { max } else { 1.0 },
        ticks: &[],
        rows,
    })
}

/// Whether survey scores are shown per stage, per touchpoint, or per
/// persona (each persona's respondents over the whole journey).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScoresBy {
    Stage,
    Touchpoint,
    Persona,
}

/// One survey metric per stage or touchpoint, with its 95 % interval, for
/// every respondent or for one persona's (`persona`: its id).
pub fn scores(
    map: &JourneyMap,
    lang: Lang,
    metric: Metric,
    by: ScoresBy,
    persona: Option<&str>,
) -> Option<ChartData> {
    let items: Vec<(String, String, Figure)> = match by {
        ScoresBy::Stage => map
            .stages
            .iter()
            .filter_map(|s| {
                let figure = journey::stage_figure(map, &s.id, metric, persona)?;
                Some((s.name.clone(), String::new(), figure))
            })
            .collect(),
        ScoresBy::Touchpoint => journey::in_journey_order(map)
            .into_iter()
            .filter_map(|(s, t)| {
                let touchpoint = &map.touchpoints[t];
                let figure = crate::core::analysis::metrics::pooled(
                    [touchpoint],
                    metric,
                    persona,
                    &map.scales,
                )?;
                Some((touchpoint.name.clone(), map.stages[s].name.clone(), figure))
            })
            .collect(),
        // Everyone first, then each persona (the persona filter does not apply).
        ScoresBy::Persona => std::iter::once((lang.t(Key::Everyone).to_owned(), None))
            .chain(
                map.personas
                    .iter()
                    .map(|p| (p.name.clone(), Some(p.id.as_str()))),
            )
            .filter_map(|(name, id)| {
                let figure = crate::core::analysis::metrics::pooled(
                    &map.touchpoints,
                    metric,
                    id,
                    &map.scales,
                )?;
                Some((name, String::new(), figure))
            })
            .collect(),
    };
    if items.is_empty() {
        return None;
    }
    let (min, max, ticks): (f64, f64, Vec<(f64, String)>) = match metric {
        Metric::Nps => (
            -100.0,
            100.0,
            [-100.0, -50.0, 0.0, 50.0, 100.0]
                .map(|v| (v, text::signed(v)))
                .to_vec(),
        ),
        Metric::Csat => (
            0.0,
            100.0,
            [0.0, 25.0, 50.0, 75.0, 100.0]
                .map(|v| (v, format_percent(lang, v)))
                .to_vec(),
        ),
        _ => {
            let scale = map.scales.ces;
            let ticks = (scale.low..=scale.high)
                .map(|v| (f64::from(v), v.to_string()))
                .collect();
            (f64::from(scale.low), f64::from(scale.high), ticks)
        }
    };
    let rows: Vec<BarRow> = items
        .iter()
        .map(|(label, group, f)| BarRow {
            label: label.clone(),
            group: group.clone(),
            value: f.value,
            interval: f.interval.map(|i| (i.low, i.high)),
            text: row_text(lang, f),
            colour: quality_colour(f),
            faded: !f.conclusive() && !f.typed,
        })
        .collect();
    let svg = bars::render(&BarChart {
        width: WIDTH,
        min,
        max,
        ticks: &ticks,
        rows: &rows,
    });
    let first = match by {
        ScoresBy::Stage => Key::Stage,
        ScoresBy::Touchpoint => Key::Touchpoint,
        ScoresBy::Persona => Key::Personas,
    };
    // Stage figures for everyone follow the map's weighting: said in the
    // value's column head (each row's detail says what it is worth).
    let weighted = by == ScoresBy::Stage
        && persona.is_none()
        && items.iter().any(|(_, _, f)| f.weighted.is_some());
    let value_head = if weighted {
        format!("{} ({})", metric.label(lang), lang.t(Key::WeightedByShare))
    } else {
        metric.label(lang).to_owned()
    };
    let headers = vec![
        lang.t(first).to_owned(),
        value_head,
        lang.t(ChartText::Interval95).to_owned(),
        lang.t(Key::Answers).to_owned(),
    ];
    let table = items
        .iter()
        .map(|(label, _, f)| {
            vec![
                label.clone(),
                text::value(lang, f),
                text::interval(lang, f).unwrap_or_default(),
                text::detail(lang, f),
            ]
        })
        .collect();
    Some(ChartData {
        svg,
        headers,
        rows: table,
    })
}

/// `+23 ± 9`, and `(n = 12, not conclusive)` when it is not.
fn row_text(lang: Lang, f: &Figure) -> String {
    let headline = text::headline(lang, f);
    match f.n {
        Some(n) if !f.conclusive() && !f.typed => {
            format!("{headline} (n = {n}, {})", lang.t(Key::NotConclusive))
        }
        _ => headline,
    }
}

/// Red for bad, amber for middling, green for good (the value is written too).
fn quality_colour(f: &Figure) -> String {
    match f.goodness() {
        Some(g) if g < 0.4 => "#c92a2a",
        Some(g) if g < 0.6 => "#e8590c",
        _ => "#2b8a3e",
    }
    .into()
}

/// Which channels customers use, online and offline: summed reach when the
/// map has reach figures, else the number of touchpoints.
pub fn channel_mix(map: &JourneyMap, lang: Lang) -> Option<ChartData> {
    let mix = journey::channel_mix(map);
    if mix.is_empty() {
        return None;
    }
    let by_reach = mix.iter().any(|c| c.reach > 0.0);
    let amount = |c: &journey::ChannelUse| {
        if by_reach {
            c.reach
        } else {
            f64::from(c.touchpoints)
        }
    };
    let total: f64 = mix.iter().map(amount).sum();
    let mut rows: Vec<BarRow> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for online in [true, false] {
        let group: Vec<&journey::ChannelUse> = mix
            .iter()
            .filter(|c| c.channel.is_online() == online)
            .collect();
        let group_total: f64 = group.iter().map(|c| amount(c)).sum();
        let heading = format!(
            "{} — {}",
            lang.t(if online { Key::Online } else { Key::Offline }),
            share_text(lang, group_total, total, by_reach)
        );
        for c in group {
            let value = amount(c);
            rows.push(BarRow {
                label: format!("{} {}", c.channel.icon(), c.channel.label(lang)),
                group: heading.clone(),
                value,
                interval: None,
                text: share_text(lang, value, total, by_reach),
                colour: if online { ONLINE } else { OFFLINE }.into(),
                faded: false,
            });
            table.push(vec![
                c.channel.label(lang).to_owned(),
                lang.t(if online { Key::Online } else { Key::Offline })
                    .to_owned(),
                format_count(lang, f64::from(c.touchpoints)),
                format_count(lang, c.reach),
            ]);
        }
    }
    let svg = proportional(&rows, 0.0);
    let headers = vec![
        lang.t(Key::Channel).to_owned(),
        String::new(),
        lang.t(ChartText::ChannelMixByCount).to_owned(),
        lang.t(ChartText::ChannelMixByReach).to_owned(),
    ];
    Some(ChartData {
        svg,
        headers,
        rows: table,
    })
}

fn share_text(lang: Lang, value: f64, total: f64, by_reach: bool) -> String {
    let share = if total > 0.0 {
        (value / total * 100.0).round()
    } else {
        0.0
    };
    let amount = format_count(lang, value);
    let unit = if by_reach { "" } else { " ×" };
    format!("{amount}{unit} · {}", format_percent(lang, share))
}

/// The weakest touchpoints, worst first, at most `limit` of them.
pub fn weakest(map: &JourneyMap, lang: Lang, limit: usize) -> Option<ChartData> {
    let list = journey::weakest(map);
    if list.is_empty() {
        return None;
    }
    let columns: Vec<String> = Metric::SURVEYS
        .iter()
        .map(|m| m.label(lang).to_owned())
        .collect();
    let rows: Vec<HeatRow> = list
        .iter()
        .take(limit)
        .map(|w| HeatRow {
            label: map.touchpoints[w.touchpoint].name.clone(),
            group: map.stages[w.stage].name.clone(),
            cells: w
                .figures
                .iter()
                .map(|f| {
                    f.as_ref().map(|f| HeatCell {
                        goodness: f.goodness().unwrap_or(0.5),
                        text: if f.conclusive() || f.typed {
                            text::value(lang, f)
                        } else {
                            format!("{} ⚠", text::value(lang, f))
                        },
                    })
                })
                .collect(),
        })
        .collect();
    let svg = heat::render(&Heat {
        width: WIDTH,
        columns: &columns,
        rows: &rows,
    });
    let mut headers = vec![
        lang.t(Key::Touchpoint).to_owned(),
        lang.t(Key::Stage).to_owned(),
    ];
    headers.extend(columns.iter().cloned());
    let table = list
        .iter()
        .take(limit)
        .map(|w| {
            let mut row = vec![
                map.touchpoints[w.touchpoint].name.clone(),
                map.stages[w.stage].name.clone(),
            ];
            row.extend(w.figures.iter().map(|f| {
                f.as_ref()
                    .map(|f| text::headline(lang, f))
                    .unwrap_or_default()
            }));
            row
        })
        .collect();
    Some(ChartData {
        svg,
        headers,
        rows: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::document::demo::demo_map;
    use crate::core::document::model::SequentialIds;

    fn demo() -> JourneyMap {
        demo_map(Lang::En, &mut SequentialIds::new("d"), 1_700_000_000_000)
    }

    #[test]
    fn every_chart_of_the_demo_draws_with_its_table() {
        let map = demo();
        let charts = [
            emotions(&map, Lang::En),
            funnel(&map, Lang::En),
            scores(&map, Lang::En, Metric::Nps, ScoresBy::Stage, None),
            scores(&map, Lang::Fr, Metric::Csat, ScoresBy::Touchpoint, None),
            scores(&map, Lang::En, Metric::Ces, ScoresBy::Stage, None),
            channel_mix(&map, Lang::Fr),
            weakest(&map, Lang::En, 10),
        ];
        for chart in charts {
            let chart = chart.expect("the demo has data for every chart");
            assert!(chart.svg.starts_with("<svg") && chart.svg.trim_end().ends_with("</svg>"));
            assert!(!chart.rows.is_empty());
            assert!(chart.rows.iter().all(|r| r.len() == chart.headers.len()));
        }
    }

    #[test]
    fn the_funnel_starts_at_all_entrants_and_says_shares() {
        let chart = funnel(&demo(), Lang::En).unwrap();
        assert_eq!(chart.rows[0][2], "12,000");
        assert_eq!(chart.rows[0][3], "100%");
        assert!(chart.svg.contains("7,200 · 60%"), "{}", chart.svg);
    }

    #[test]
    fn the_weakest_touchpoint_of_the_demo_is_at_delivery() {
        let map = demo();
        let chart = weakest(&map, Lang::En, 5).unwrap();
        assert_eq!(chart.rows[0][1], map.stages[4].name);
        assert!(chart.rows.len() <= 5);
    }

    #[test]
    fn small_samples_are_marked_in_the_score_chart() {
        // The demo's call-centre touchpoints have a small survey.
        let chart = scores(&demo(), Lang::En, Metric::Nps, ScoresBy::Touchpoint, None).unwrap();
        assert!(chart.svg.contains("not conclusive"), "{}", chart.svg);
        assert!(chart.rows.iter().any(|r| r[3].contains("not conclusive")));
    }

    #[test]
    fn scores_per_persona_pool_each_persona_over_the_journey() {
        use crate::core::document::model::PersonaSlice;
        let mut map = demo();
        let camille = map.personas[0].id.clone();
        // Camille's respondents: all promoters, on two touchpoints.
        let surveyed = map
            .touchpoints
            .iter_mut()
            .filter(|t| t.readings.iter().any(|r| r.metric == Metric::Nps));
        for t in surveyed.take(2) {
            let nps = t
                .readings
                .iter_mut()
                .rev()
                .find(|r| r.metric == Metric::Nps)
                .unwrap();
            let mut answers = vec![0; 11];
            answers[10] = 20;
            nps.personas.push(PersonaSlice {
                persona: camille.clone(),
                answers,
                value: None,
            });
        }
        let chart = scores(&map, Lang::En, Metric::Nps, ScoresBy::Persona, None).unwrap();
        assert_eq!(
            chart.rows.len(),
            2,
            "everyone, and Camille (Gérard has no answers)"
        );
        assert_eq!(chart.rows[0][0], "Everyone");
        assert_eq!(chart.rows[1][0], map.personas[0].name);
        assert_eq!(chart.rows[1][1], "+100");
        assert_eq!(chart.rows[1][3], "40 answers");
    }

    #[test]
    fn a_map_without_data_has_no_charts_but_does_not_fail() {
        let map = JourneyMap::blank(&mut SequentialIds::new("b"), "B", ["a", "b", "c"], 0);
        assert!(funnel(&map, Lang::En).is_none());
        assert!(scores(&map, Lang::En, Metric::Nps, ScoresBy::Stage, None).is_none());
        assert!(weakest(&map, Lang::En, 10).is_none());
        assert!(emotions(&map, Lang::En).is_none());
        assert!(channel_mix(&map, Lang::En).is_none());
    }

    #[test]
    fn every_chart_of_a_forty_stage_map_is_built_well_under_a_frame() {
        let mut map = demo();
        let (stages, touchpoints, feelings) = (
            map.stages.clone(),
            map.touchpoints.clone(),
            map.emotions.clone(),
        );
        map.stages.clear();
        map.touchpoints.clear();
        map.emotions.clear();
        for copy in 0..7 {
            for s in &stages {
                let mut s = s.clone();
                s.id = format!("{}-{copy}", s.id);
                map.stages.push(s);
            }
            for e in &feelings {
                let mut e = e.clone();
                e.stage = format!("{}-{copy}", e.stage);
                map.emotions.push(e);
            }
            for t in &touchpoints {
                let mut t = t.clone();
                t.id = format!("{}-{copy}", t.id);
                t.stage = format!("{}-{copy}", t.stage);
                map.touchpoints.push(t);
            }
        }
        map.stages.truncate(40);
        type Build = fn(&JourneyMap) -> Option<ChartData>;
        let charts: [(&str, Build); 6] = [
            ("emotions", |m| emotions(m, Lang::En)),
            ("funnel", |m| funnel(m, Lang::En)),
            ("nps by touchpoint", |m| {
                scores(m, Lang::En, Metric::Nps, ScoresBy::Touchpoint, None)
            }),
            ("csat by stage", |m| {
                scores(m, Lang::En, Metric::Csat, ScoresBy::Stage, None)
            }),
            ("channel mix", |m| channel_mix(m, Lang::En)),
            ("weakest", |m| weakest(m, Lang::En, 200)),
        ];
        let start = std::time::Instant::now();
        let mut bytes = 0;
        for (name, build) in charts {
            let t = std::time::Instant::now();
            bytes += build(&map).expect(name).svg.len();
            let took = t.elapsed();
            println!(
                "{name}: {took:?} for 40 stages, {} touchpoints",
                map.touchpoints.len()
            );
            assert!(
                took < std::time::Duration::from_millis(250),
                "{name}: {took:?}"
            );
        }
        println!(
            "all six charts: {:?} ({bytes} bytes of SVG)",
            start.elapsed()
        );
    }
}
