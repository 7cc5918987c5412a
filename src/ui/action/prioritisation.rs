//! The prioritisation of one map's touchpoints: ranked by criticality then
//! by their worst survey metric, and the superfluous ones that show no value,
//! listed as candidates to remove with their reasons.

use leptos::prelude::*;

use crate::core::analysis::board_words::BoardText;

use crate::core::analysis::metrics::{current, text};
use crate::core::analysis::priority::{rank_touchpoints, removal_candidates, RemovalReason};
use crate::core::document::model::JourneyMap;
use crate::core::text::i18n::{format_percent, Key, Lang};
use crate::ui::app_state::AppState;

/// (touchpoint, stage, criticality, worst metric) lines of the ranking.
fn ranking(map: &JourneyMap, lang: Lang) -> Vec<[String; 4]> {
    rank_touchpoints(map)
        .into_iter()
        .map(|r| {
            let t = &map.touchpoints[r.touchpoint];
            let worst = match r.worst {
                Some((metric, _)) => match current(t, metric, &map.scales) {
                    Some((figure, _)) => {
                        format!("{} {}", metric.label(lang), text::value(lang, &figure))
                    }
                    None => metric.label(lang).to_owned(),
                },
                None => BoardText::NotMeasured.t(lang).to_owned(),
            };
            [
                t.name.clone(),
                map.stages[r.stage].name.clone(),
                t.classification.label(lang).to_owned(),
                worst,
            ]
        })
        .collect()
}

/// (touchpoint, stage, reasons) lines of the removal candidates.
fn candidates(map: &JourneyMap, lang: Lang) -> Vec<[String; 3]> {
    removal_candidates(map)
        .into_iter()
        .map(|c| {
            let t = &map.touchpoints[c.touchpoint];
            let reasons: Vec<String> = c
                .reasons
                .iter()
                .map(|reason| match *reason {
                    RemovalReason::NoMetric => BoardText::ReasonNoMetric.t(lang).to_owned(),
                    RemovalReason::WeakMetric(metric, _) => {
                        let value = current(t, metric, &map.scales)
                            .map(|(f, _)| format!(" {}", text::value(lang, &f)))
                            .unwrap_or_default();
                        format!(
                            "{} {}{value}",
                            BoardText::ReasonWeakMetric.t(lang),
                            metric.label(lang)
                        )
                    }
                    RemovalReason::LowReach(share) => format!(
                        "{} ({})",
                        BoardText::ReasonLowReach.t(lang),
                        format_percent(lang, (share * 100.0).round())
                    ),
                })
                .collect();
            [
                t.name.clone(),
                map.stages[c.stage].name.clone(),
                reasons.join("; "),
            ]
        })
        .collect()
}

#[component]
pub fn Prioritisation(
    maps: Signal<Vec<JourneyMap>>,
    /// The map the board is filtered on, if any: shown unless another is picked.
    chosen: Signal<Option<String>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let picked = RwSignal::new(None::<String>);
    // The picked map, else the board's, else the first with touchpoints.
    let shown_id = move || {
        let wanted = picked.get().or_else(|| chosen.get());
        maps.with(|m| {
            wanted
                .filter(|id| m.iter().any(|m| &m.id == id))
                .or_else(|| {
                    m.iter()
                        .find(|m| !m.touchpoints.is_empty())
                        .or(m.first())
                        .map(|m| m.id.clone())
                })
        })
    };
    let tables = move || {
        let lang = app.lang.get();
        let id = shown_id()?;
        let (ranked, removable) = maps.with(|m| {
            m.iter()
                .find(|m| m.id == id)
                .map(|m| (ranking(m, lang), candidates(m, lang)))
        })?;
        let ranked_view = if ranked.is_empty() {
            view! { <p class="empty">{BoardText::NoTouchpointsYet.t(lang)}</p> }.into_any()
        } else {
            view! {
                // Focusable: on a phone the table scrolls sideways
                // (style/main.css), and holds nothing else the keyboard reaches.
                <table class="board-table" data-testid="priority-table" tabindex="0">
                    <caption class="visually-hidden">{BoardText::Prioritisation.t(lang)}</caption>
                    <thead><tr>
                        <th scope="col" class="num">"#"</th>
                        <th scope="col">{lang.t(Key::Touchpoint)}</th>
                        <th scope="col">{lang.t(Key::Stage)}</th>
                        <th scope="col">{BoardText::Criticality.t(lang)}</th>
                        <th scope="col">{BoardText::WorstMetric.t(lang)}</th>
                    </tr></thead>
                    <tbody>
                        {ranked.into_iter().enumerate().map(|(i, [name, stage, crit, worst])| view! {
                            <tr data-testid="priority-row">
                                <td class="num">{i + 1}</td>
                                <th scope="row">{name}</th>
                                <td>{stage}</td>
                                <td>{crit}</td>
                                <td>{worst}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        };
        let removal_view = if removable.is_empty() {
            view! { <p class="empty" data-testid="no-removal">{BoardText::NoRemovalCandidates.t(lang)}</p> }.into_any()
        } else {
            view! {
                <table class="board-table" data-testid="removal-table">
                    <caption>{BoardText::RemovalCandidates.t(lang)}</caption>
                    <thead><tr>
                        <th scope="col">{lang.t(Key::Touchpoint)}</th>
                        <th scope="col">{lang.t(Key::Stage)}</th>
                        <th scope="col">{BoardText::Reasons.t(lang)}</th>
                    </tr></thead>
                    <tbody>
                        {removable.into_iter().map(|[name, stage, reasons]| view! {
                            <tr data-testid="removal-row">
                                <th scope="row">{name}</th>
                                <td>{stage}</td>
                                <td>{reasons}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        };
        Some(view! {
            {ranked_view}
            <p class="muted">{BoardText::RemovalCandidatesHint.t(lang)}</p>
            {removal_view}
        })
    };
    view! {
        <section class="prioritisation" data-testid="prioritisation" aria-labelledby="prioritisation-title">
            <h2 id="prioritisation-title">{move || BoardText::Prioritisation.t(app.lang.get())}</h2>
            <label class="board-filters">
                <span>{move || BoardText::PrioritisationMap.t(app.lang.get())}</span>
                <select data-testid="priority-map" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    picked.set((!v.is_empty()).then_some(v));
                }>
                    {move || {
                        let current = shown_id();
                        maps.with(|m| m.iter().map(|m| {
                            let selected = current.as_deref() == Some(m.id.as_str());
                            view! { <option value=m.id.clone() prop:selected=selected>{m.title.clone()}</option> }
                        }).collect_view())
                    }}
                </select>
            </label>
            {tables}
        </section>
    }
}
