//! `#/compare/<future map id>`: the future state against its current state,
//! stage by stage (`core::document::future_state::compare`), the two emotion curves
//! on one chart, and the target figures against today's. Read only; both
//! maps are read when the page opens.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::analysis::chart::comparison::comparison;
use crate::core::document::future_state::{compare, Comparison};
use crate::core::document::model::JourneyMap;
use crate::core::storage::library::{self, LoadError};
use crate::core::text::i18n::Key;
use crate::ui::app_state::{AppState, Route};
use crate::ui::charts::chart_figure::ChartFigure;
use crate::ui::comparison::stage_changes::StageChanges;
use crate::ui::comparison::target_figures::TargetFigures;
use crate::ui::missing_map::missing_map;
use crate::ui::session::map_session::MapSession;

/// The two maps compared, and the comparison.
#[derive(Clone)]
pub struct Compared {
    pub current: JourneyMap,
    pub future: JourneyMap,
    pub comparison: Comparison,
}

#[component]
pub fn ComparisonPage(id: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let stored = match library::load_map(&*app.store(), &id) {
        Ok(stored) => stored,
        Err(error) => return missing_map(error, id),
    };
    let source = stored.map.based_on.clone().unwrap_or_default();
    let current = stored
        .map
        .based_on
        .as_deref()
        .ok_or(LoadError::Missing)
        .and_then(|source| library::load_map(&*app.store(), source));
    let future = stored.map.clone();
    // The chart figure's downloads are named after the (future) map.
    provide_context(MapSession::new(app, stored));
    let back = {
        let id = future.id.clone();
        move |_| app.navigate(Route::Map(id.clone()))
    };
    let body = match current {
        Ok(current) => {
            let comparison = compare(&current.map, &future);
            let compared = StoredValue::new(Compared {
                current: current.map,
                future,
                comparison,
            });
            view! { <ComparisonBody compared=compared/> }.into_any()
        }
        Err(LoadError::Missing) => view! { <p class="notice-text" data-testid="current-missing">{move || ChartText::CurrentStateMissing.t(app.lang.get())}</p> }.into_any(),
        // Unreadable, or the storage failed: said as for any map.
        Err(error) => missing_map(error, source),
    };
    view! {
        <section class="comparison" data-testid="comparison">
            <button type="button" class="back" data-testid="back-to-future" on:click=back>{move || ChartText::BackToFutureMap.t(app.lang.get())}</button>
            <h1>{move || ChartText::ComparisonTitle.t(app.lang.get())}</h1>
            {body}
        </section>
    }
    .into_any()
}

#[component]
fn ComparisonBody(compared: StoredValue<Compared>) -> impl IntoView {
    let app = expect_context::<AppState>();
    let (current_title, current_id, future_title, future_id) = compared.with_value(|c| {
        (
            c.current.title.clone(),
            c.current.id.clone(),
            c.future.title.clone(),
            c.future.id.clone(),
        )
    });
    let chart = Signal::derive(move || {
        let lang = app.lang.get();
        compared.with_value(|c| comparison(&c.current, &c.future, &c.comparison, lang))
    });
    view! {
        <p class="comparison-maps">
            <a href=Route::Map(current_id).to_hash() data-testid="current-map-link">{current_title}</a>
            " → "
            <a href=Route::Map(future_id).to_hash() data-testid="future-map-link">{future_title}</a>
        </p>
        <StageChanges compared=compared/>
        <ChartFigure name="emotion-comparison" title=ChartText::EmotionComparisonTitle.texts() empty=Key::NoFigure.texts() data=chart/>
        <TargetFigures compared=compared/>
    }
}
