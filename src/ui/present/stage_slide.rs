//! One stage of a presented map, large: each lane's content at that stage,
//! as text (never markup from the map).

use leptos::prelude::*;

use crate::core::document::model::{JourneyMap, LaneKind};
use crate::core::text::i18n::{lane_title, Key, Lang};
use crate::core::text::map_text::{cell_lines, shown_lanes};

#[component]
pub fn StageSlide(map: StoredValue<JourneyMap>, index: usize, lang: Lang) -> impl IntoView {
    map.with_value(|map| {
        let Some(stage) = map.stages.get(index) else {
            return ().into_any();
        };
        let lanes: Vec<_> = shown_lanes(map)
            .filter_map(|lane| {
                let lines = cell_lines(map, lane, &stage.id, lang);
                if lines.is_empty() {
                    return None;
                }
                let items: Vec<_> = lines.into_iter().map(|t| view! { <li>{t}</li> }).collect();
                Some(view! {
                    <section class=format!("slide-lane lane-{}", lane.kind.code())
                        class:wide=lane.kind == LaneKind::Touchpoints>
                        <h3>{lane_title(lane.kind, &lane.title, lang)}</h3>
                        <ul>{items}</ul>
                    </section>
                })
            })
            .collect();
        let empty = lanes.is_empty();
        view! {
            <article class="stage-slide" data-testid="stage-slide">
                <p class="slide-count">{format!("{} / {}", index + 1, map.stages.len())}</p>
                <h2 class="slide-title" data-testid="slide-title">{stage.name.clone()}</h2>
                <div class="slide-lanes">{lanes}</div>
                {empty.then(|| view! { <p class="slide-empty">{lang.t(Key::SlideEmpty)}</p> })}
            </article>
        }
        .into_any()
    })
}
