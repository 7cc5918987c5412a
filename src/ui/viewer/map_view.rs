//! A map drawn read-only, as a table: stages across, lanes down. Text is
//! shown as text; nothing here can change the map.

use leptos::prelude::*;

use crate::core::i18n::{emotion_face, emotion_label, lane_title, Lang};
use crate::core::metrics::{self, text};
use crate::core::model::{JourneyMap, LaneKind, Metric};

#[component]
pub fn MapView(map: JourneyMap, lang: Lang) -> impl IntoView {
    let persona_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| map.personas.iter().find(|p| &p.id == id))
            .map(|p| p.name.clone())
    };
    let header: Vec<_> = map
        .stages
        .iter()
        .map(|s| view! { <th scope="col" data-testid="view-stage">{s.name.clone()}</th> })
        .collect();
    let rows: Vec<_> = map
        .lanes
        .iter()
        .filter(|l| !l.hidden && l.kind != LaneKind::Metrics)
        .map(|lane| {
            let title = lane_title(lane.kind, &lane.title, lang);
            let cells: Vec<_> = map
                .stages
                .iter()
                .map(|stage| {
                    let items: Vec<String> = match lane.kind {
                        LaneKind::Feeling => map
                            .emotions
                            .iter()
                            .filter(|e| e.stage == stage.id && !e.future)
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
                            .filter(|t| t.stage == stage.id)
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
                            .filter(|c| c.lane == lane.id && c.stage == stage.id)
                            .map(|c| match persona_name(&c.persona) {
                                Some(n) => format!("{n}: {}", c.text),
                                None => c.text.clone(),
                            })
                            .collect(),
                    };
                    let items: Vec<_> = items
                        .into_iter()
                        .map(|t| view! { <p class="view-item">{t}</p> })
                        .collect();
                    view! { <td>{items}</td> }
                })
                .collect();
            view! {
                <tr data-lane-kind=format!("{:?}", lane.kind).to_lowercase()>
                    <th scope="row">{title}</th>
                    {cells}
                </tr>
            }
        })
        .collect();
    view! {
        <div class="map-view-scroll" tabindex="0" role="region" aria-label=map.title.clone()>
            <table class="map-view" data-testid="map-view">
                <thead><tr><td></td>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
