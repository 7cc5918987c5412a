//! The map's CSAT and CES answer scales: lowest and highest point, and
//! which answers count as good. Used by imports from now on; answers already
//! imported keep the scale they were given on.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::document::edit::{Edit, Scope};
use crate::core::document::model::{Metric, Scale, Weighting};
use crate::ui::session::map_session::MapSession;

#[component]
pub fn ScaleSettings() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    view! {
        <details class="scale-settings" data-testid="scale-settings">
            <summary>{move || ChartText::Scales.t(app.lang.get())}</summary>
            <p class="chart-hint">{move || ChartText::ScalesHint.t(app.lang.get())}</p>
            {[Metric::Csat, Metric::Ces].into_iter().map(|metric| view! { <ScaleRow metric=metric/> }).collect_view()}
            <WeightingRow/>
        </details>
    }
}

/// Whether stage and journey figures weigh each persona's answers by its
/// share of customers (kept with the map's scales, undoable, merged).
#[component]
fn WeightingRow() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let current = move || session.read(Scope::Scales, |m| m.scales.weighting);
    let choose = move |weighting: Weighting| {
        let mut scales = session.peek(|m| m.scales);
        if scales.weighting != weighting {
            scales.weighting = weighting;
            session.edit(Edit::SetScales(scales));
        }
    };
    let option = move |weighting: Weighting, label: ChartText, code: &'static str| {
        view! {
            <label class="weighting-option">
                <input type="radio" name="weighting" value=code data-testid="weighting"
                    prop:checked=move || current() == weighting
                    on:change=move |_| choose(weighting)/>
                <span>{app.text(label)}</span>
            </label>
        }
    };
    view! {
        <fieldset class="scale-row weighting-row" data-testid="weighting-row">
            <legend>{move || ChartText::Weighting.t(app.lang.get())}</legend>
            {option(Weighting::None, ChartText::WeightingNone, "none")}
            {option(Weighting::PersonaShare, ChartText::WeightingShare, "persona_share")}
            <p class="chart-hint">{move || ChartText::WeightingHint.t(app.lang.get())}</p>
        </fieldset>
    }
}

#[component]
fn ScaleRow(metric: Metric) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let app = session.app;
    let scale = move || {
        session.read(Scope::Scales, |m| {
            m.scales.of(metric).unwrap_or(Scale::CSAT)
        })
    };
    // A change that would make the scale invalid is refused by the edit; the
    // field then shows the stored value again.
    let set = move |change: fn(&mut Scale, i32), text: String| {
        let Ok(v) = text.trim().parse::<i32>() else {
            return;
        };
        let mut scales = session.peek(|m| m.scales);
        match metric {
            Metric::Csat => change(&mut scales.csat, v),
            _ => change(&mut scales.ces, v),
        }
        session.edit(Edit::SetScales(scales));
    };
    let field = move |label: ChartText,
                      get: fn(Scale) -> i32,
                      put: fn(&mut Scale, i32),
                      testid: &'static str| {
        view! {
            <label class="scale-field">
                <span>{app.text(label)}</span>
                <input type="number" min="-100" max="100" data-testid=testid
                    prop:value=move || get(scale()).to_string()
                    on:change=move |ev| set(put, event_target_value(&ev))/>
            </label>
        }
    };
    view! {
        <fieldset class="scale-row" data-metric=metric.code()>
            <legend>{move || metric.label(app.lang.get())}</legend>
            {field(ChartText::ScaleLow, |s| s.low, |s, v| s.low = v, "scale-low")}
            {field(ChartText::ScaleHigh, |s| s.high, |s, v| s.high = v, "scale-high")}
            <span class="scale-good">{move || ChartText::ScaleGood.t(app.lang.get())}</span>
            {field(ChartText::ScaleGoodFrom, |s| s.good_low, |s, v| s.good_low = v, "scale-good-low")}
            {field(ChartText::ScaleGoodTo, |s| s.good_high, |s, v| s.good_high = v, "scale-good-high")}
        </fieldset>
    }
}
