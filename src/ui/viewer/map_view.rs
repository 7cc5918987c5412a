//! A map drawn read-only, as a table: stages across, lanes down. Text is
//! shown as text; nothing here can change the map.

use leptos::prelude::*;

use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::{lane_title, Lang};
use crate::core::text::map_text::{shown_lanes, CellLines};

#[component]
pub fn MapView(
    map: JourneyMap,
    lang: Lang,
    /// What each cell shows: `map_text::cell_lines`, or its variant without
    /// figures (a parameter, so that only the views that show figures carry
    /// the metrics code).
    lines: CellLines,
) -> impl IntoView {
    let header: Vec<_> = map
        .stages
        .iter()
        .map(|s| view! { <th scope="col" data-testid="view-stage">{s.name.clone()}</th> })
        .collect();
    let rows: Vec<_> = shown_lanes(&map)
        .map(|lane| {
            let title = lane_title(lane.kind, &lane.title, lang);
            let cells: Vec<_> = map
                .stages
                .iter()
                .map(|stage| {
                    let items: Vec<_> = lines(&map, lane, &stage.id, lang)
                        .into_iter()
                        .map(|t| view! { <p class="view-item">{t}</p> })
                        .collect();
                    view! { <td>{items}</td> }
                })
                .collect();
            view! {
                <tr data-lane-kind=lane.kind.code()>
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
