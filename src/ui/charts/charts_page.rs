//! Every chart of the open map, redrawn when the map changes: the emotion
//! curve, the reach funnel, survey scores with their margins, the channel
//! mix and the weakest touchpoints.

use leptos::prelude::*;

use crate::core::analysis::chart_words::ChartText;

use crate::core::analysis::chart::journey_charts::{self, ChartData, ScoresBy};
use crate::core::document::edit::Scope;
use crate::core::document::model::{JourneyMap, Metric};
use crate::core::text::i18n::{Key, Lang};
use crate::ui::charts::chart_figure::ChartFigure;
use crate::ui::charts::scale_settings::ScaleSettings;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

/// How many of the weakest touchpoints the heat view lists.
const WEAKEST_SHOWN: usize = 12;

#[component]
pub fn ChartsPage() -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let metric = RwSignal::new(Metric::Nps);
    let by = RwSignal::new(ScoresBy::Stage);
    // Charts are drawn from the whole map: any edit redraws them (they are
    // only mounted while shown).
    let chart = move |build: fn(&JourneyMap, Lang) -> Option<ChartData>| {
        Signal::derive(move || {
            let lang = app.lang.get();
            session.read(Scope::Document, |m| build(m, lang))
        })
    };
    let scores = Signal::derive(move || {
        let (lang, metric) = (app.lang.get(), metric.get());
        let by = by.get();
        // For the persona chosen in "Show content for", if any.
        let persona = editor.persona_view.get();
        session.read(Scope::Document, |m| {
            journey_charts::scores(m, lang, metric, by, persona.as_deref())
        })
    });
    view! {
        <div class="charts-page" data-testid="charts-page">
            <ScaleSettings/>
            <ChartFigure name="weakest" title=ChartText::HeatTitle.texts() hint=ChartText::HeatHint.texts() empty=ChartText::ScoresEmpty.texts()
                data=chart(|m, lang| journey_charts::weakest(m, lang, WEAKEST_SHOWN))/>
            <ChartFigure name="scores" title=ChartText::ScoresTitle.texts() empty=ChartText::ScoresEmpty.texts() data=scores>
                <select data-testid="scores-metric" aria-label=app.text(Key::Metrics)
                    prop:value=move || metric.get().code()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(m) = Metric::SURVEYS.into_iter().find(|m| m.code() == v) {
                            metric.set(m);
                        }
                    }>
                    {Metric::SURVEYS.into_iter().map(|m| view! {
                        <option value=m.code()>{move || m.label(app.lang.get())}</option>
                    }).collect_view()}
                </select>
                <select data-testid="scores-by" aria-label=move || ChartText::ScoresGrouping.t(app.lang.get())
                    prop:value=move || by_code(by.get())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(b) = [ScoresBy::Stage, ScoresBy::Touchpoint, ScoresBy::Persona].into_iter().find(|b| by_code(*b) == v) {
                            by.set(b);
                        }
                    }>
                    <option value="stage">{app.text(ChartText::ByStage)}</option>
                    <option value="touchpoint">{app.text(ChartText::ByTouchpoint)}</option>
                    <option value="persona">{move || ChartText::ByPersona.t(app.lang.get())}</option>
                </select>
            </ChartFigure>
            <ChartFigure name="funnel" title=ChartText::FunnelTitle.texts() empty=ChartText::FunnelEmpty.texts() data=chart(journey_charts::funnel)/>
            <ChartFigure name="emotions" title=ChartText::EmotionTitle.texts() empty=Key::NoFigure.texts() data=chart(journey_charts::emotions)/>
            <ChartFigure name="channels" title=ChartText::ChannelMixTitle.texts() empty=Key::NoFigure.texts() data=chart(journey_charts::channel_mix)/>
        </div>
    }
}

fn by_code(by: ScoresBy) -> &'static str {
    match by {
        ScoresBy::Stage => "stage",
        ScoresBy::Touchpoint => "touchpoint",
        ScoresBy::Persona => "persona",
    }
}
