//! A stage's figures in the metrics lane: reach, NPS, CSAT and CES pooled
//! over the stage's touchpoints, for everyone or for the persona in view.

use leptos::prelude::*;

use crate::core::analysis::metrics::{journey, text};
use crate::core::document::edit::Scope;
use crate::core::document::model::{Metric, Weighting};
use crate::core::text::i18n::Key;
use crate::ui::session::editor_view::EditorView;
use crate::ui::session::map_session::MapSession;

#[component]
pub fn StageMetricsCell(stage: String) -> impl IntoView {
    let session = expect_context::<MapSession>();
    let editor = expect_context::<EditorView>();
    let app = session.app;
    let stage_id = stage.clone();
    let stage = StoredValue::new(stage);
    let rows = move || {
        let lang = app.lang.get();
        let persona = editor.persona_view.get();
        session.track(Scope::Scales);
        // Weighted figures depend on the personas' shares.
        if session.peek(|m| m.scales.weighting) == Weighting::PersonaShare {
            session.track(Scope::Personas);
            for id in session.peek(|m| m.personas.iter().map(|p| p.id.clone()).collect::<Vec<_>>())
            {
                session.track(Scope::Persona(id));
            }
        }
        let ids = session.read(Scope::StageTouchpoints(stage.get_value()), |m| {
            m.stage_touchpoints(&stage.get_value())
        });
        for id in ids {
            session.track(Scope::Touchpoint(id));
        }
        session.peek(|m| {
            Metric::ALL
                .into_iter()
                .filter_map(|metric| {
                    let (f, not_weighted) = journey::stage_group_figure(
                        m,
                        &stage.get_value(),
                        metric,
                        persona.as_deref(),
                    )?;
                    let conclusive = f.conclusive();
                    // The choice of weighting is said beside the figure.
                    let weighting = match (f.weighted, not_weighted) {
                        (Some(_), _) => Some((lang.t(Key::WeightedShort), lang.t(Key::WeightedByShare))),
                        (None, Some(why)) => Some((lang.t(Key::NotWeightedShort), text::not_weighted(lang, why))),
                        _ => None,
                    };
                    Some(view! {
                        <div class="stage-metric" class:inconclusive=!conclusive
                            data-testid="stage-metric" data-metric=metric.code()
                            title=text::detail(lang, &f)>
                            <span class="stage-metric-name">{metric.label(lang)}</span>
                            <span class="stage-metric-value">{text::headline(lang, &f)}</span>
                            {(!conclusive).then(|| view! {
                                <span class="stage-metric-flag" title=lang.t(Key::NotConclusiveHint)>{lang.t(Key::NotConclusive)}</span>
                            })}
                            {weighting.map(|(word, why)| view! {
                                <span class="stage-metric-flag" data-testid="stage-weighting" title=why>{word}</span>
                            })}
                        </div>
                    })
                })
                .collect_view()
        })
    };
    view! {
        <div class="cell metrics-cell" data-testid="cell" data-stage-id=stage_id tabindex="-1">{rows}</div>
    }
}
