//! The stages of both maps side by side: what became of each (unchanged,
//! renamed, moved, added, removed), the touchpoints added and removed, how
//! many cards changed in each lane, and the feeling today and in the future.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::document::future_state::{StageDiff, StageStatus};
use crate::core::text::i18n::{emotion_face, format_decimal, lane_title, Key, Lang};
use crate::ui::app_state::AppState;
use crate::ui::comparison::comparison_page::Compared;

fn status_key(status: StageStatus) -> (ChartText, &'static str) {
    match status {
        StageStatus::Same => (ChartText::StageSame, "same"),
        StageStatus::Renamed => (ChartText::StageRenamed, "renamed"),
        StageStatus::Moved => (ChartText::StageMoved, "moved"),
        StageStatus::Added => (ChartText::StageAdded, "added"),
        StageStatus::Removed => (ChartText::StageRemoved, "removed"),
    }
}

/// A mean feeling on the −2…+2 scale, as its face and number.
fn feeling(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| {
            format!(
                "{} {}",
                emotion_face(v.round() as i8),
                format_decimal(lang, v)
            )
        },
    )
}

/// One table row's cells, as text.
struct Row {
    name: String,
    before: Option<String>,
    status: (ChartText, &'static str),
    added: String,
    removed: String,
    cards: String,
    feelings: String,
}

fn row(compared: &Compared, diff: &StageDiff, lang: Lang) -> Row {
    let names = |ids: &[String], map: &crate::core::document::model::JourneyMap| {
        ids.iter()
            .filter_map(|id| map.touchpoint(id))
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let before = diff
        .current
        .and_then(|i| compared.current.stages.get(i))
        .filter(|_| diff.renamed)
        .map(|s| s.name.clone());
    let cards = diff
        .lanes
        .iter()
        .map(|l| {
            let mut parts = Vec::new();
            if l.added > 0 {
                parts.push(format!("{} {}", l.added, ChartText::CardsAdded.t(lang)));
            }
            if l.removed > 0 {
                parts.push(format!("{} {}", l.removed, ChartText::CardsRemoved.t(lang)));
            }
            if l.changed > 0 {
                parts.push(format!("{} {}", l.changed, ChartText::CardsChanged.t(lang)));
            }
            format!(
                "{}{}{}",
                lane_title(l.kind, &l.title, lang),
                lang.colon(),
                parts.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Row {
        name: diff.name.clone(),
        before,
        status: status_key(diff.status),
        added: names(&diff.touchpoints_added, &compared.future),
        removed: names(&diff.touchpoints_removed, &compared.current),
        cards: if cards.is_empty() {
            ChartText::NothingChanged.t(lang).to_owned()
        } else {
            cards
        },
        feelings: format!(
            "{} → {}",
            feeling(lang, diff.emotion_current),
            feeling(lang, diff.emotion_future)
        ),
    }
}

#[component]
pub fn StageChanges(
    compared: StoredValue<Compared>,
    /// The feeling column's heading, when the two maps are not today and
    /// the future (the history panel compares a version with now).
    #[prop(optional, into)]
    feeling_header: Option<Signal<String>>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let rows = move || {
        let lang = app.lang.get();
        compared.with_value(|c| {
            c.comparison
                .stages
                .iter()
                .map(|d| row(c, d, lang))
                .map(|r| {
                    view! {
                        <tr data-testid="stage-change" data-status=r.status.1>
                            <th scope="row">
                                {r.name}
                                {r.before.map(|b| view! { <span class="was">" (" {b} ")"</span> })}
                            </th>
                            <td><span class=format!("status status-{}", r.status.1)>{lang.t(r.status.0)}</span></td>
                            <td data-testid="touchpoints-added">{r.added}</td>
                            <td data-testid="touchpoints-removed">{r.removed}</td>
                            <td>{r.cards}</td>
                            <td class="num">{r.feelings}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=app.text(Key::Stages)>
            <table class="stage-changes" data-testid="stage-changes">
                <thead>
                    <tr>
                        <th scope="col">{app.text(Key::Stage)}</th>
                        <th scope="col">{move || ChartText::StageChange.t(app.lang.get())}</th>
                        <th scope="col">{move || ChartText::TouchpointsAdded.t(app.lang.get())}</th>
                        <th scope="col">{move || ChartText::TouchpointsRemoved.t(app.lang.get())}</th>
                        <th scope="col">{move || ChartText::CardsColumn.t(app.lang.get())}</th>
                        <th scope="col">{move || feeling_header.map_or_else(|| ChartText::FeelingTodayFuture.t(app.lang.get()).to_owned(), |h| h.get())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
