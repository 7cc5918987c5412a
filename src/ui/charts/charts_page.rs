//! Every chart of the open map, redrawn when the map changes.

use leptos::prelude::*;

use crate::core::chart::emotion_curve::{self, CurveSeries};
use crate::core::edit::Scope;
use crate::core::i18n::{emotion_label, Key, Lang};
use crate::core::model::JourneyMap;
use crate::ui::charts::chart_figure::{ChartData, ChartFigure};
use crate::ui::editor::map_session::MapSession;

#[component]
pub fn ChartsPage() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    // Charts are drawn from the whole map: any edit redraws them (they are
    // only mounted while shown).
    let chart = move |build: fn(&JourneyMap, Lang) -> Option<ChartData>| {
        Signal::derive(move || {
            let lang = app.lang.get();
            session.read(Scope::Document, |m| build(m, lang))
        })
    };
    view! {
        <div class="charts-page" data-testid="charts-page">
            <ChartFigure name="emotions" title=Key::EmotionTitle empty=Key::NoFigure data=chart(emotions)/>
        </div>
    }
}

fn emotions(map: &JourneyMap, lang: Lang) -> Option<ChartData> {
    let stage_count = map.stages.len();
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
    if series.is_empty() || stage_count == 0 {
        return None;
    }
    let column_width = (960 / stage_count as u32).clamp(90, 200);
    let svg = emotion_curve::render(&emotion_curve::EmotionCurve {
        stage_count,
        column_width,
        height: 200,
        series: &series,
        level_labels: [-2, -1, 0, 1, 2].map(|v| emotion_label(lang, v)),
        stage_labels: &map.stages.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
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
    let rows = map
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| {
            let mut row = vec![stage.name.clone()];
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
